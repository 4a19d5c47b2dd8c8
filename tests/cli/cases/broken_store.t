A broken record file does not hide the good ones: list prints them, names
the broken file with its line on stderr, and exits 3.

  $ cp -r "$STORES/basic" s && cd s
  $ printf 'id: kbad000000000005\nname: [unclosed\n' > contacts/kbad000000000005.yaml
  $ crm -q contact list
  kalan00000000002
  kgrace0000000001
  kzoe000000000003
  kli00000000000004
  crm: error: contacts/kbad000000000005.yaml:3:1: end of sequence flow not found
  [3]
  $ crm -q contact list 2>/dev/null
  kalan00000000002
  kgrace0000000001
  kzoe000000000003
  kli00000000000004
  [3]
  $ crm check
  contacts/kbad000000000005.yaml:3:1: end of sequence flow not found
  [3]
  $ rm contacts/kbad000000000005.yaml

Each kind of hostile file gets its own clear error.

  $ printf 'id: kdup000000000006\nname: A\nname: B\n' > contacts/kdup000000000006.yaml && crm check; rm contacts/kdup*
  contacts/kdup000000000006.yaml:3:1: duplicate key 'name'
  $ printf 'id: kanc000000000007\nname: &a Ann\ntitle: *a\n' > contacts/kanc000000000007.yaml && crm check; rm contacts/kanc*
  contacts/kanc000000000007.yaml:2:7: anchors are not allowed in a record
  $ printf 'id: ktag000000000008\nname: !!str Tagged\n' > contacts/ktag000000000008.yaml && crm check; rm contacts/ktag*
  contacts/ktag000000000008.yaml:2:7: tags are not allowed in a record
  $ printf 'id: kdoc000000000009\nname: One\n---\nname: Two\n' > contacts/kdoc000000000009.yaml && crm check; rm contacts/kdoc*
  contacts/kdoc000000000009.yaml:3:1: several YAML documents in one record file
  $ printf 'id: kutf000000000010\nname: \xff\xfe\n' > contacts/kutf000000000010.yaml && crm check; rm contacts/kutf*
  contacts/kutf000000000010.yaml:2:7: invalid UTF-8
  $ printf 'id: knul000000000011\nname: a\0b\n' > contacts/knul000000000011.yaml && crm check; rm contacts/knul*
  contacts/knul000000000011.yaml:2:8: NUL byte
  $ printf 'id: kmis000000000012\nname: Wrong Id\n' > contacts/kmis000000000013.yaml && crm check; rm contacts/kmis*
  contacts/kmis000000000013.yaml:1:5: id: "kmis000000000012" does not match the file name
  $ printf 'name: No Id\n' > contacts/knoid00000000014.yaml && crm check; rm contacts/knoid*
  contacts/knoid00000000014.yaml:1:1: id: is missing
  $ printf -- '- just\n- a list\n' > contacts/klist00000000015.yaml && crm check; rm contacts/klist*
  contacts/klist00000000015.yaml:1:1: a record is a map of fields
  $ $PYTHON -c 'print("id: kdeep00000000016\nx: " + "[" * 10000 + "]" * 10000)' > contacts/kdeep00000000016.yaml && crm check; rm contacts/kdeep*
  contacts/kdeep00000000016.yaml:2:35: nested deeper than 32 levels
  $ head -c 1100000 /dev/zero | tr '\0' 'a' | sed 's/^/id: kbig000000000017\nnotes: /' > contacts/kbig000000000017.yaml && crm check; rm contacts/kbig*
  contacts/kbig000000000017.yaml: file is 1100028 bytes, over the 1048576-byte limit for a record
  $ printf 'id: klol000000000018\na: &a ["lol","lol","lol"]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n' > contacts/klol000000000018.yaml && crm check; rm contacts/klol*
  contacts/klol000000000018.yaml:2:4: anchors are not allowed in a record
  $ printf 'x' > contacts/README && crm check; rm contacts/README
  contacts/README: not a record file (records are <id>.yaml)
  $ ln -s /etc/passwd contacts/klink00000000019.yaml && crm check; rm contacts/klink*
  contacts/klink00000000019.yaml: is a symbolic link; records must be regular files

Git conflict markers are a conflict: exit 4.

  $ printf 'id: kgrace0000000001\n<<<<<<< HEAD\nname: Grace\n=======\nname: Amazing Grace\n>>>>>>> theirs\n' > contacts/kgrace0000000001.yaml
  $ crm -q contact list
  kalan00000000002
  kzoe000000000003
  kli00000000000004
  crm: error: contacts/kgrace0000000001.yaml:2: unresolved git conflict markers
  [4]
  $ crm check
  contacts/kgrace0000000001.yaml:2: unresolved git conflict markers
  [4]

A dangling reference is reported with the file, line and field.

  $ cp "$STORES/basic/contacts/kgrace0000000001.yaml" contacts/
  $ sed -i 's/^company: .*/company: cgone00000000000/' contacts/kalan00000000002.yaml && crm check
  contacts/kalan00000000002.yaml:6:10: company: no company with id cgone00000000000
  [3]

Values with control characters and escape sequences (typed by hand into a
file, or written by an older crm: a write refuses them, see hostile_values.t)
are read faithfully but never sent raw to a terminal.

  $ printf 'title: "Boss\\e[31m RED\\x07"\n' >> contacts/kzoe000000000003.yaml
  $ crm contact show zoe --fields title
  id     kzoe000000000003
  title  Boss\x1b[31m RED\x07
  $ crm contact list --fields name,title name~zo
  ID    NAME          TITLE
  kzoe  Zoë Ångström  Boss\x1b[31m RED\x07
  $ grep title contacts/kzoe000000000003.yaml
  title: "Boss\e[31m RED\x07"
  $ crm contact list --format json --fields title name~zo | grep title
      "title": "Boss\u001b[31m RED\u0007"
  $ sed -i '/^title:/d' contacts/kzoe000000000003.yaml

Files outside the record folders are never read, and check says so.

  $ mkdir contact && cp contacts/kli00000000000004.yaml contact/ && printf 'x: 1\n' > stray.yaml && crm check; rm -r contact stray.yaml
  contact/kli00000000000004.yaml: not in a record folder (contacts, companies, leads, deals, tasks, activities, tickets, products, orders, segments, campaigns)
  stray.yaml: a record file outside the record folders (contacts, companies, leads, deals, tasks, activities, tickets, products, orders, segments, campaigns)
  contacts/kalan00000000002.yaml:6:10: company: no company with id cgone00000000000

Huge values: the shell caps one argument near 128 KiB, so a 10 MB value
comes through --from; it is refused whole, and no file is written.

  $ crm contact add --name Big --set notes="$(head -c 100000 /dev/zero | tr '\0' x)" | wc -c
  17
  $ $PYTHON -c 'print("name: Huge\nnotes: " + "x" * 10000000)' | crm contact add --from -
  crm: error: <stdin>: file is 10000019 bytes, over the 1048576-byte limit for a record
  [3]
  $ crm -q contact list | wc -l
  5
  $ crm contact add --name "Path/Name" --set "id=../../etc/x"
  crm: error: id is set by crm and cannot be changed
  [2]
  $ printf 'id: "../x"\nname: Escape\n' | crm contact add --from -
  crm: error: <stdin>:1:5: id: "../x" is not a record id
  [3]
