Writes keep a file's permissions: a private record stays private, and so does
an export written with -o.

  $ cp -r "$STORES/basic" s && cd s
  $ chmod 600 contacts/kzoe000000000003.yaml && chmod 640 contacts/kli00000000000004.yaml
  $ crm contact set zoe title=Boss && crm contact set li --tag vip && stat -c '%a %n' contacts/kzoe000000000003.yaml contacts/kli00000000000004.yaml
  600 contacts/kzoe000000000003.yaml
  640 contacts/kli00000000000004.yaml
  $ grep -h -e title -e vip contacts/kzoe000000000003.yaml contacts/kli00000000000004.yaml
  title: Boss
    - vip
  $ crm export json -o ../backup.json && chmod 600 ../backup.json && crm contact set zoe title=CEO && crm export json -o ../backup.json && stat -c %a ../backup.json && grep -c CEO ../backup.json
  600
  1

The text a user edits is as private as the record (.crm/edit/ may be readable
by others).

  $ EDITOR='stat -c %a' crm contact edit zoe
  600
  crm: no changes to contacts/kzoe000000000003.yaml

-o FILE that is a symbolic link writes the file it points to, as the shell's
> would, and stays a link.

  $ ln -s backup.json ../latest.json && crm contact set zoe title=Chair && crm export json -o ../latest.json
  $ stat -c '%F %a' ../backup.json && test -L ../latest.json && echo "still a link" && grep -c Chair ../backup.json
  regular file 600
  still a link
  1
  $ ln -s missing.json ../dangling.json && crm export json -o ../dangling.json && test -L ../dangling.json && grep -c Chair ../missing.json
  1

A folder that cannot be flushed to disk after a write fails the command, and
says it is an I/O failure, not a problem with the data (the fault is injected:
the record's own fsync is the 1st, the folder's the 2nd; rm has only the
folder's). LeakSanitizer cannot run under ptrace: off, for `make sanitize`.

  $ export ASAN_OPTIONS=detect_leaks=0
  $ strace -f -o /dev/null -e trace=fsync -e inject=fsync:error=EIO:when=2 crm contact set zoe title=Flushed
  crm: error: I/O failure: cannot flush the folder contacts: Input/output error (a disk or file-system error, not a problem with the data: the change may not be on disk)
  [3]
  $ strace -f -o /dev/null -e trace=fsync -e inject=fsync:error=EIO:when=1 crm contact rm li --yes
  crm: error: I/O failure: cannot flush the folder contacts: Input/output error (a disk or file-system error, not a problem with the data: the change may not be on disk)
  [3]
