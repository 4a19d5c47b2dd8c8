A clone can carry symbolic links where crm keeps its own files and folders
(.crm, .crm/lock, .crm/cache, .crm/edit, a record folder…). crm never follows
one: every command but check refuses such a store (exit 3) and names each
link, check lists them, and nothing outside the store is written — or read.

Outside the store: the files the links point to, and a fingerprint of them
(every name, kind, mode, size and modification time, and every file's bytes).
outside/contacts holds a record crm must never show, and a broken one check
would report if it looked there.

  $ export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
  $ mkdir -p outside/cache outside/edit outside/contacts outside/crm && printf 'secret\n' > outside/victim
  $ printf 'id: kout000000000001\nname: Outsider\n' > outside/contacts/kout000000000001.yaml
  $ printf 'id: kbad000000000002\n' > outside/contacts/kbad000000000002.yaml
  $ printf 'currency: EUR\n' > outside/crm/config.yaml
  $ snap() { (cd "$CRM_TEST_WORK/outside" && find . -exec stat -c '%n %F %a %s %y' {} + | sort && find . -type f -exec sha1sum {} + | sort); }
  $ snap > before
  $ unchanged() { if snap | diff "$CRM_TEST_WORK/before" - > /dev/null; then echo "outside: unchanged"; else echo "outside: CHANGED"; snap | diff "$CRM_TEST_WORK/before" -; fi; }

`trick CMD` makes a store with one contact, runs CMD in it, commits all and
clones it; `poke` runs a write, a read and an edit in the clone (with their
exit codes and the last error), then check, then compares the fingerprint.

  $ trick() {
  >   rm -rf src clone && crm init src > /dev/null 2>&1 && cd src && git init -q &&
  >   printf 'id: kada000000000001\nname: Ada Lovelace\n' > contacts/kada000000000001.yaml &&
  >   eval "$1" && git add -A -f 2> /dev/null && git commit -qm trick 2> /dev/null && cd .. && git clone -q src clone 2> /dev/null
  > }
  $ poke() {
  >   cd clone
  >   for c in "contact add --name Grace" "contact list" "contact edit ada"; do
  >     EDITOR=true timeout 5 crm $c > /dev/null 2> ../err; echo "$c: $?"
  >   done
  >   cat ../err; timeout 5 crm check; echo "check: $?"; cd .. && unchanged
  > }

.crm/lock pointing anywhere (before: a write command truncated its target):

  $ trick 'ln -s ../../outside/victim .crm/lock' && poke
  contact add --name Grace: 3
  contact list: 3
  contact edit ada: 3
  crm: error: unsafe store: .crm/lock is a symbolic link; crm never follows links in a store nor opens special files there: remove them (crm check lists every problem)
  .crm/lock: is a symbolic link; crm will not use the store until it is removed
  check: 3
  outside: unchanged

.crm/cache (before: every read wrote the index there):

  $ trick 'ln -s ../../outside/cache .crm/cache' && poke
  contact add --name Grace: 3
  contact list: 3
  contact edit ada: 3
  crm: error: unsafe store: .crm/cache is a symbolic link; crm never follows links in a store nor opens special files there: remove them (crm check lists every problem)
  .crm/cache: is a symbolic link; crm will not use the store until it is removed
  check: 3
  outside: unchanged

.crm/edit (before: `edit` wrote the record there):

  $ trick 'ln -s ../../outside/edit .crm/edit' && poke
  contact add --name Grace: 3
  contact list: 3
  contact edit ada: 3
  crm: error: unsafe store: .crm/edit is a symbolic link; crm never follows links in a store nor opens special files there: remove them (crm check lists every problem)
  .crm/edit: is a symbolic link; crm will not use the store until it is removed
  check: 3
  outside: unchanged

.crm itself (before: its config was read, its lock and cache written):

  $ trick 'rm -r .crm && ln -s ../outside/crm .crm' && poke
  contact add --name Grace: 3
  contact list: 3
  contact edit ada: 3
  crm: error: unsafe store: .crm is a symbolic link; crm never follows links in a store nor opens special files there: remove them (crm check lists every problem)
  .crm: is a symbolic link; crm will not use the store until it is removed
  check: 3
  outside: unchanged

A record folder (before: its records were listed, and new ones written there).
check does not look inside it either: the broken record there is not reported.

  $ trick 'rm -r contacts && ln -s ../outside/contacts contacts' && poke
  contact add --name Grace: 3
  contact list: 3
  contact edit ada: 3
  crm: error: unsafe store: contacts is a symbolic link; crm never follows links in a store nor opens special files there: remove them (crm check lists every problem)
  contacts: is a symbolic link; crm will not use the store until it is removed
  check: 3
  outside: unchanged

.gitignore, .gitattributes and .crm/config.yaml, which crm reads or writes too,
and every trick at once: each one is named.

  $ trick 'ln -sf ../outside/victim .gitignore && ln -s ../outside/victim .gitattributes && ln -sf ../../outside/crm/config.yaml .crm/config.yaml && ln -s ../../outside/victim .crm/lock && ln -s ../../outside/cache .crm/cache && ln -s ../../outside/edit .crm/edit && rm -r deals && ln -s ../outside/contacts deals' && poke
  contact add --name Grace: 3
  contact list: 3
  contact edit ada: 3
  crm: error: unsafe store: .crm/cache is a symbolic link, .crm/config.yaml is a symbolic link, .crm/edit is a symbolic link, .crm/lock is a symbolic link, .gitattributes is a symbolic link, .gitignore is a symbolic link, deals is a symbolic link; crm never follows links in a store nor opens special files there: remove them (crm check lists every problem)
  .crm/cache: is a symbolic link; crm will not use the store until it is removed
  .crm/config.yaml: is a symbolic link; crm will not use the store until it is removed
  .crm/edit: is a symbolic link; crm will not use the store until it is removed
  .crm/lock: is a symbolic link; crm will not use the store until it is removed
  .gitattributes: is a symbolic link; crm will not use the store until it is removed
  .gitignore: is a symbolic link; crm will not use the store until it is removed
  deals: is a symbolic link; crm will not use the store until it is removed
  check: 3
  outside: unchanged

Once the links are gone, the store works again.

  $ cd clone && rm .gitignore .gitattributes .crm/config.yaml .crm/lock .crm/cache .crm/edit deals && crm check && crm -q contact list && cd ..
  kada000000000001

A FIFO where crm expects a regular file is not waited on (before: list and
check hung): a FIFO record file is reported like a broken record, a FIFO
.crm/lock makes the store unsafe.

  $ trick 'true' && mkfifo clone/contacts/kfifo00000000003.yaml && cd clone
  $ timeout 5 crm -q contact list
  kada000000000001
  crm: error: contacts/kfifo00000000003.yaml: is not a regular file
  [3]
  $ timeout 5 crm check
  contacts/kfifo00000000003.yaml: is not a regular file
  [3]
  $ timeout 5 crm contact show kfifo00000000003
  crm: error: contacts/kfifo00000000003.yaml: is not a regular file
  [3]
  $ rm contacts/kfifo00000000003.yaml && mkfifo .crm/lock && timeout 5 crm check
  .crm/lock: is not a regular file; crm will not use the store until it is removed
  [3]
  $ cd ..

A record file that is a link is reported and refused, never followed; the
store's other records work as before.

  $ trick 'ln -s ../../outside/contacts/kout000000000001.yaml contacts/kout000000000001.yaml' && cd clone
  $ timeout 5 crm -q contact list
  kada000000000001
  crm: error: contacts/kout000000000001.yaml: is a symbolic link; records must be regular files
  [3]
  $ timeout 5 crm check
  contacts/kout000000000001.yaml: is a symbolic link; records must be regular files
  [3]
  $ timeout 5 crm contact set kout000000000001 title=Boss
  crm: error: contacts/kout000000000001.yaml: is a symbolic link; records must be regular files
  [3]
  $ timeout 5 crm contact set ada title=Countess && timeout 5 crm contact show ada --fields title
  id     kada000000000001
  title  Countess
  $ cd .. && unchanged
  outside: unchanged

`crm init --git` never writes through a .gitignore that is a link, nor
replaces it (before: a dangling one was replaced by a file of crm's).

  $ mkdir fresh && ln -s ../outside/made-by-crm fresh/.gitignore && crm init --git fresh 2> err; echo $?; grep error err; test -L fresh/.gitignore && echo "still a link"
  3
  crm: error: unsafe store: .gitignore is a symbolic link; crm never follows links in a store nor opens special files there: remove them (crm check lists every problem)
  still a link
  $ unchanged
  outside: unchanged
