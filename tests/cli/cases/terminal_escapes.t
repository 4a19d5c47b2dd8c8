Nothing raw to a terminal (issue 10 item 8). Tables always escaped their
cells; now every output is escaped when standard output is a terminal (here
a pseudo-terminal made by script(1)) — csv, tsv, json, yaml, exports, a
merge preview — keeping line ends and tabs, and check's messages always.
To a pipe or a file, data is written byte for byte.

A value with escape sequences, as a text editor or an older crm may have
left it:

  $ cp -r "$STORES/basic" s && cd s
  $ printf 'title: "Boss\\e[31m RED\\x07\\u009b2J"\n' >> contacts/kzoe000000000003.yaml
  $ crm contact list --format csv --fields title name~zo | od -An -c | grep -c 033
  1
  $ script -qec "crm contact list --format csv --fields title name~zo" /dev/null | tr -d '\r'
  id,title
  kzoe000000000003,Boss\x1b[31m RED\x07\u009b2J
  $ script -qec "crm contact list --format tsv --fields title name~zo" /dev/null | tr -d '\r'
  id	title
  kzoe000000000003	Boss\x1b[31m RED\x07\u009b2J
  $ script -qec "crm contact list --format json --fields title name~zo" /dev/null | tr -d '\r' | grep title
      "title": "Boss\u001b[31m RED\u0007\u009b2J"
  $ script -qec "crm export vcard --type contact name~zo" /dev/null | tr -d '\r' | grep TITLE
  TITLE:Boss\x1b[31m RED\x07\u009b2J
  $ script -qec "crm export csv --type contact name~zo" /dev/null | tr -d '\r' | cut -d, -f2,9
  name,title
  Zoë Ångström,Boss\x1b[31m RED\x07\u009b2J
  $ script -qec "crm contact list name~zo --fields title" /dev/null | tr -d '\r'
  ID    TITLE
  kzoe  Boss\x1b[31m RED\x07\u009b2J
  $ sed -i '/^title:/d' contacts/kzoe000000000003.yaml

check names files, and a file name may hold anything: each problem is one
escaped line, to a terminal or not.

  $ touch $'contacts/bad\e[2Jname\n.txt'
  $ crm check
  contacts/bad\x1b[2Jname\n.txt: not a record file (records are <id>.yaml)
  [3]
  $ script -qec "crm check" /dev/null | tr -d '\r'
  contacts/bad\x1b[2Jname\n.txt: not a record file (records are <id>.yaml)
