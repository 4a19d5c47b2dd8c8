Output that never reaches its file is an error (issue 10 item 15): every
write to standard output is checked, and so are its flush and close at exit.
A full disk (here /dev/full) fails the command with exit 3 and a message that
names the stream and the system's reason; the data was not "invalid".

  $ cp -r "$STORES/basic" s && cd s
  $ crm contact list --format json > /dev/full
  crm: error: cannot write to standard output: No space left on device
  [3]
  $ crm export json > /dev/full
  crm: error: cannot write to standard output: No space left on device
  [3]
  $ crm contact list > /dev/full
  crm: error: cannot write to standard output: No space left on device
  [3]
  $ crm report pipeline --format csv > /dev/full
  crm: error: cannot write to standard output: No space left on device
  [3]
  $ crm --help > /dev/full
  crm: error: cannot write to standard output: No space left on device
  [3]

A command that changes records still does so; only its output is lost:

  $ crm contact add --name Full > /dev/full
  crm: error: cannot write to standard output: No space left on device
  [3]
  $ crm contact list name=Full --format ids | wc -l
  1

A closed standard output is an error only when there was something to write:

  $ crm contact set alan title=Mathematician >&-
  $ crm contact list >&-
  crm: error: cannot write to standard output: Bad file descriptor
  [3]

A reader that stops early (`| head`) is no error: with SIGPIPE at its default
crm ends silently as every filter does; when SIGPIPE is ignored, the write
fails with EPIPE and crm still says nothing and keeps its status.

  $ $PYTHON -c 'import json; print(json.dumps({"name": "Big", "notes": "y" * 900000}))' > big.json
  $ crm contact add --from big.json > /dev/null
  $ crm contact list --format jsonl | head -c 7; echo " ${PIPESTATUS[0]}"
  {"id":" 141
  $ (trap '' PIPE; crm contact list --format jsonl | head -c 7; echo " ${PIPESTATUS[0]}")
  {"id":" 0

Record files that cannot be written are an I/O error too (here the file size
limit of ulimit -f, with SIGXFSZ ignored so that the write fails with EFBIG):

  $ (trap '' XFSZ; ulimit -f 1; crm contact set alan "notes=$($PYTHON -c 'print("n" * 5000)')") 2>&1 | sed "s|$PWD/||; s/tmp-[a-z0-9]*/tmp-…/"; echo "exit ${PIPESTATUS[0]}"
  crm: error: cannot write contacts/.kalan00000000002.yaml.tmp-…: File too large
  exit 3
  $ grep -c '^notes:' contacts/kalan00000000002.yaml
  0
  [1]
  $ crm export json -o nowhere/backup.json 2>&1 | sed 's/tmp-[a-z0-9]*/tmp-…/'; echo "exit ${PIPESTATUS[0]}"
  crm: error: cannot open the folder nowhere: No such file or directory
  exit 3
