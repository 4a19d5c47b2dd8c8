Two clones of one bare repository edit the same records and sync.

  $ export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
  $ git init -q --bare remote.git && git -C remote.git symbolic-ref HEAD refs/heads/main
  $ crm init --git a 2>/dev/null && cd a && git checkout -q -b main && git remote add origin ../remote.git
  $ sed -i 's/^  autocommit: true$/  autocommit: false/' .crm/config.yaml  # sync commits
  $ cat .gitattributes
  # crm records: LF line ends, merged field by field by `crm merge-file`
  *.yaml text eol=lf
  contacts/*.yaml merge=crm
  companies/*.yaml merge=crm
  leads/*.yaml merge=crm
  deals/*.yaml merge=crm
  tasks/*.yaml merge=crm
  activities/*.yaml merge=crm
  tickets/*.yaml merge=crm
  products/*.yaml merge=crm
  orders/*.yaml merge=crm
  segments/*.yaml merge=crm
  campaigns/*.yaml merge=crm
  $ git config merge.crm.driver | sed 's|^.*/crm. |crm |'
  crm merge-file %O %A %B %P
  $ crm contact add --name "Ada Lovelace" --email ada@example.com --tag vip > /dev/null && crm deal add --name Big --amount 1000 > /dev/null
  $ crm sync
  crm: committed local changes
  crm: synced with origin
  $ cd .. && git clone -q remote.git b && cd b && crm git setup 2>/dev/null && cd ..

Different fields of one contact, and moves of one deal, on each side: both end
identical, with both changes.

  $ (cd a && CRM_NOW=2026-11-24T09:00:00Z crm contact set ada title=Countess --tag london && CRM_NOW=2026-11-24T09:00:00Z crm deal move big proposal && crm sync)
  crm: committed local changes
  crm: synced with origin
  $ (cd b && CRM_NOW=2026-11-25T09:00:00Z crm contact set ada phone=0123 --tag math && CRM_NOW=2026-11-25T10:00:00Z crm deal move big negotiation && crm sync)
  crm: committed local changes
  crm: synced with origin
  $ (cd a && crm sync)
  crm: synced with origin
  $ diff -r a/contacts b/contacts && diff -r a/deals b/deals && echo identical
  identical
  $ sed 1d a/contacts/*.yaml
  name: Ada Lovelace
  email: ada@example.com
  phone: "0123"
  title: Countess
  tags:
    - vip
    - london
    - math
  lifecycle: lead
  created: 2026-11-23T09:00:00Z
  updated: 2026-11-25T09:00:00Z
  $ sed 1d a/deals/*.yaml
  name: Big
  amount: 1000
  stage: negotiation
  stage_history:
    - stage: qualification
      at: 2026-11-23T09:00:00Z
    - stage: proposal
      at: 2026-11-24T09:00:00Z
    - stage: negotiation
      at: 2026-11-25T10:00:00Z
  created: 2026-11-23T09:00:00Z
  updated: 2026-11-25T10:00:00Z
  $ (cd a && crm check) && (cd b && crm check) && echo valid
  valid

The same field changed differently on both sides: a conflict, reported by
record and field, with markers around that field only; check flags it (exit 4).

  $ (cd a && crm contact set ada title=Countess\ of\ Lovelace && crm sync)
  crm: committed local changes
  crm: synced with origin
  $ (cd b && crm contact set ada title=Enchantress && crm sync)
  crm: committed local changes
  crm: error: conflict: contacts/[a-z0-9]{16}\.yaml \(title\) (re)
  crm: resolve the fields between <<<<<<< origin and >>>>>>> local, then run crm sync again
  [4]
  $ (cd b && sed -n '/<<<<<<</,/>>>>>>>/p' contacts/*.yaml)
  <<<<<<< origin
  title: Countess of Lovelace
  =======
  title: Enchantress
  >>>>>>> local
  $ (cd b && crm check | sed 's/[a-z0-9]\{16\}/ID/')
  contacts/ID.yaml:5: unresolved git conflict markers
  $ (cd b && sed -i -e '/^<<<<<<< /d' -e '/^=======$/,/^>>>>>>> /d' contacts/*.yaml && crm sync && crm check) && echo resolved
  crm: synced with origin
  resolved
  $ (cd a && crm sync && crm contact show ada --fields title)
  crm: synced with origin
  id     [a-z0-9]{16} (re)
  title  Countess of Lovelace

git.autocommit: each write commits exactly the files it changed.

  $ cd a && sed -i 's/^  autocommit: false$/  autocommit: true/' .crm/config.yaml && git commit -qam "turn on autocommit"
  $ crm contact add --name "Grace Hopper" > /dev/null && git log -1 --format=%s | sed 's/([a-z0-9]\{8\}…)/(ID…)/'
  crm: add contact Grace Hopper (ID…)
  $ git show --stat --format= HEAD | head -1 | sed 's/[a-z0-9]\{16\}/ID/'
   contacts/ID.yaml | 5 +++++
  $ crm contact set grace title=Admiral && git log -1 --format=%s | sed 's/([a-z0-9]\{8\}…)/(ID…)/'
  crm: update contact Grace Hopper (ID…)
  $ git status --porcelain

crm undo takes back crm's last commit: a commit not pushed yet is dropped; a
pushed one is reverted by a new commit (an undo of that redoes it); a commit
crm did not make is left alone.

  $ crm contact set grace title=Rear\ Admiral && crm undo | sed 's/[a-z0-9]\{16\}/ID/'
  crm: undid "crm: update contact Grace Hopper (.*)" (re)
  contacts/ID.yaml
  $ crm contact show grace --fields title | tail -1 && git status --porcelain
  title  Admiral
  $ crm sync && crm undo > /dev/null && git log -1 --format=%s && crm contact show grace --fields title | tail -1
  crm: synced with origin
  crm: undid "crm: update contact Grace Hopper (.*)" with a new commit \(it had been pushed; crm sync shares the undo\) (re)
  crm: undo update contact Grace Hopper (.*) (re)
  id  [a-z0-9]{16} (re)
  $ crm sync && crm undo > /dev/null && git log -1 --format=%s && crm contact show grace --fields title | tail -1
  crm: synced with origin
  crm: undid "crm: undo update contact Grace Hopper (.*)" with a new commit \(it had been pushed; crm sync shares the undo\) (re)
  crm: redo update contact Grace Hopper (.*) (re)
  title  Admiral
  $ git commit -q --allow-empty -m "by hand" && crm undo
  crm: error: the last commit is not one of crm's ("by hand"); crm undo takes back only the commit a crm command made
  [2]
  $ cd ..

Without a remote, sync says so plainly.

  $ crm init --git solo 2>/dev/null && cd solo && crm contact add --name Solo > /dev/null && crm sync
  crm: committed local changes
  crm: no git remote: changes are committed locally only (add one: git remote add origin URL)
  $ cd .. && crm init plain 2>/dev/null && crm -C plain sync
  crm: error: /.*/plain is not a git repository; make it one with: crm git setup (re)
  [2]
