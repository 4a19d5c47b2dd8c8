crm sync never loses an edit: not when it is killed mid-rebase, not when the
merge driver cannot run, not when the user resolves a conflict by removing the
file. (tests/kill/sync_kill.py kills it at random points; this file covers
each failure deterministically.)

  $ export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
  $ git init -q --bare remote.git && git -C remote.git symbolic-ref HEAD refs/heads/main
  $ crm init --git a 2>/dev/null && cd a && git checkout -q -b main && git remote add origin ../remote.git
  $ sed -i 's/^  autocommit: true$/  autocommit: false/' .crm/config.yaml  # sync commits
  $ crm contact add --name "Ada Lovelace" --email ada@example.com > /dev/null && crm contact add --name "Grace Hopper" > /dev/null
  $ crm sync
  crm: committed local changes
  crm: synced with origin
  $ cd .. && git clone -q remote.git b && (cd b && crm git setup 2>/dev/null)

Killed while git rebases (crm and git together, as Ctrl-C does): writes wait
for the sync to be finished, and the next sync undoes the interruption and
syncs with every edit kept.

  $ (cd b && crm contact set ada title=Countess && crm sync 2>/dev/null)
  $ (cd a && crm contact set ada phone=0123 && crm contact set grace title=Admiral && git commit -qam one && crm contact add --name Local > /dev/null)
  $ (cd a && CRM_TEST_KILL_REBASE=1 PATH=$TESTDIR/../helpers:$PATH setsid crm sync 2>/dev/null; echo "killed: $?") 2>/dev/null
  killed: 137
  $ (cd a && ls -d .git/rebase-merge && cat .crm/state/sync | head -1)
  .git/rebase-merge
  phase: running
  $ (cd a && crm contact set ada title=Lady)
  crm: error: a crm sync was interrupted; run crm sync to finish it (nothing is lost) before changing records
  [4]
  $ (cd a && crm sync)
  crm: an interrupted sync was undone; syncing again
  crm: synced with origin
  $ (cd a && crm contact list --fields name,phone,title --sort name)
  ID    NAME          PHONE  TITLE
  [a-z0-9]{4}  Ada Lovelace  0123   Countess (re)
  [a-z0-9]{4}  Grace Hopper         Admiral (re)
  [a-z0-9]{4}  Local (re)
  $ (cd a && git status --porcelain && ls .crm/state/ && git log --format=%s origin/main | head -3)
  crm: sync
  one
  crm: sync
  $ (cd b && crm sync >/dev/null 2>&1 && crm contact show ada --fields phone,title | tail -2)
  phone  0123
  title  Countess

Killed while git checked out origin's commits, before the rebase began: the
files git wrote are in the work tree, untracked. A record removed here is
one of them; it must not come back with the next commit.

  $ (cd b && crm contact add --name Doomed > /dev/null && crm sync 2>/dev/null)
  $ (cd a && crm sync 2>/dev/null; crm contact rm doomed --yes && git commit -qam "rm" && crm contact set grace phone=1234 && git commit -qam phone)
  $ (cd b && crm contact set ada title=Again && crm sync 2>/dev/null)
  $ cd a && git fetch -q origin && f=$(git diff --name-only HEAD origin/main -- contacts | while read p; do git cat-file -e HEAD:$p 2>/dev/null || echo $p; done)
  $ git show origin/main:$f > $f && printf 'phase: running\nbranch: main\nbackup: %s\nupstream: %s\ngit_dir: %s\n' $(git rev-parse HEAD) $(git rev-parse origin/main) $PWD/.git > .crm/state/sync
  $ crm sync && test ! -e $f && git log -1 --format=%s origin/main && crm contact list name=Doomed
  crm: an interrupted sync was undone; syncing again
  crm: synced with origin
  phone
  $ cd ..

A git killed while committing leaves .git/index.lock; the next crm run that
uses git removes it (no git is running any more) instead of failing.

  $ (cd a && crm contact set grace phone=999 && CRM_TEST_KILL_COMMIT=1 PATH=$TESTDIR/../helpers:$PATH setsid crm sync 2>/dev/null; echo "killed: $?") 2>/dev/null
  killed: 137
  $ ls a/.git/index.lock
  a/.git/index.lock
  $ (cd a && crm sync)
  crm: removed 1 lock and temp file an interrupted git left behind
  crm: committed local changes
  crm: synced with origin
  $ ls a/.git/index.lock
  ls: cannot access 'a/.git/index.lock': No such file or directory
  [2]

A merge driver that cannot run (the binary moved, a crash) is found before the
pull and pointed at this crm; the two sides' fields merge as usual.

  $ (cd b && crm sync >/dev/null 2>&1 && git config merge.crm.driver "'/nowhere/crm' merge-file %O %A %B %P")
  $ (cd a && crm contact set ada title=Baroness && crm sync 2>/dev/null)
  $ (cd b && crm contact set ada email=ada@lovelace.example && crm sync)
  crm: committed local changes
  crm: the merge driver did not run; it now runs /.*/crm (re)
  crm: synced with origin
  $ (cd b && crm contact show ada --fields email,title | tail -2)
  email  ada@lovelace.example
  title  Baroness

Even when the driver fails on one file (a side that is not valid YAML), sync
never continues the rebase over it: the file gets line markers, and sync stops
until they are gone.

  $ (cd a && crm sync 2>/dev/null; crm contact set grace title=Rear\ Admiral && crm sync 2>/dev/null)
  $ (cd b && f=$(grep -l Grace contacts/*.yaml) && sed -i 's/^title: .*/title: [Captain/' $f && git commit -qam "hand edit" && crm sync 2>&1 | sed 's/[a-z0-9]\{16\}/ID/')
  crm: error: conflict: contacts/ID.yaml \(does not merge field by field: .*\) (re)
  crm: resolve the fields between <<<<<<< origin and >>>>>>> local, then run crm sync again
  $ (cd b && crm sync 2>&1 | sed 's/[a-z0-9]\{16\}/ID/'; grep -c '^<<<<<<< origin' contacts/*.yaml | grep -v ':0')
  crm: error: conflict: contacts/ID.yaml (title)
  crm: resolve the fields between <<<<<<< origin and >>>>>>> local, then run crm sync again
  contacts/[a-z0-9]{16}\.yaml:1 (re)
  $ (cd b && crm contact set ada title=X)
  crm: error: crm sync stopped on conflicts; resolve them and run crm sync before changing records
  [4]
  $ (cd b && crm contact show grace)
  crm: error: contacts/[a-z0-9]{16}.yaml \(Grace Hopper\) has unresolved git conflict markers: resolve the fields between them, then try again (re)
  [4]
  $ (cd b && f=$(grep -l Grace contacts/*.yaml) && python3 -c "
  > import sys; t = open(sys.argv[1]).read().split('\n'); o = []; skip = False
  > for l in t:
  >     if l.startswith('<<<<<<<'): continue
  >     if l.startswith('======='): skip = True; continue
  >     if l.startswith('>>>>>>>'): skip = False; continue
  >     if not skip: o.append(l)
  > open(sys.argv[1], 'w').write('\n'.join(o))" $f && crm sync && crm contact show grace --fields title | tail -1)
  crm: synced with origin
  title  Rear Admiral

A record removed on one side and changed on the other is a conflict of its own
kind; removing the file resolves it, and later syncs go on.

  $ (cd a && crm sync 2>/dev/null; crm contact set grace phone=0123 && crm sync 2>/dev/null)
  $ (cd b && crm contact rm grace --yes && crm sync 2>&1 | sed 's/[a-z0-9]\{16\}/ID/')
  crm: committed local changes
  crm: error: conflict: contacts/ID.yaml changed on origin, removed here
  crm: resolve the fields between <<<<<<< origin and >>>>>>> local, then run crm sync again
  crm: a record removed on one side: keep its file as it is, or remove the file, then crm sync
  $ (cd b && git rm -q $(git diff --name-only --diff-filter=U) && crm sync && crm sync)
  crm: synced with origin
  crm: synced with origin
  $ (cd a && crm sync && crm contact list --fields name)
  crm: synced with origin
  ID    NAME
  [a-z0-9]{4}  Ada Lovelace (re)
  [a-z0-9]{4}  Local (re)

A company removed on one side while a contact was linked to it on the other:
the sync goes through and warns of the dangling reference.

  $ (cd a && crm company add --name Acme > /dev/null && crm sync 2>/dev/null)
  $ (cd b && crm sync 2>/dev/null; crm contact set ada company=acme && crm sync 2>/dev/null)
  $ (cd a && crm company rm acme --yes && crm sync 2>&1 | sed 's/[a-z0-9]\{16\}/ID/g')
  crm: committed local changes
  crm: synced with origin
  crm: warning: contacts/ID.yaml: company refers to ID, which the other side removed

.crm/config.yaml merges as text: both sides' lines and every comment stay.

  $ (cd b && crm sync 2>/dev/null; sed -i 's/^currency: .*/currency: EUR  # we invoice in euros/' .crm/config.yaml && crm sync 2>/dev/null)
  $ (cd a && printf '# a comment of our own\n' >> .crm/config.yaml && crm sync)
  crm: committed local changes
  crm: synced with origin
  $ (cd a && grep -e '^currency' -e '^# a comment' .crm/config.yaml)
  currency: EUR  # we invoice in euros
  # a comment of our own

crm init --git inside another repository makes a repository of its own, so a
sync never pushes records to the outer repository's remote.

  $ git init -q dotfiles && crm init --git dotfiles/crm
  crm: made a crm store in /.*/dotfiles/crm (re)
  crm: the store gets a repository of its own inside the one at /.*/dotfiles (re)
  $ git -C dotfiles/crm rev-parse --show-toplevel | sed 's|.*/dotfiles|dotfiles|'
  dotfiles/crm

An autocommit of thousands of records passes the message and the paths on
stdin (one argument may hold 128 KiB), and leaves nothing staged when git fails.

  $ crm init --git big 2>/dev/null && cd big && sed -i 's/^  autocommit: false$/  autocommit: true/' .crm/config.yaml && git add -A && git commit -qm init
  $ python3 -c "
  > print('name,email')
  > for i in range(3000): print(f'Person {i:04} With A Rather Long Name For The Commit Message,p{i}@example.com')" > people.csv
  $ crm import csv people.csv | tail -1
  3000 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ git log -1 --format=%s && git show --stat --format= HEAD | tail -1 && git status --porcelain --untracked-files=no
  crm: add contact Person 0000 With A Rather Long Name For The Commit Message and 2999 more
   3000 files changed, 21000 insertions(+)
  $ CRM_TEST_FAIL_COMMIT=1 PATH=$TESTDIR/../helpers:$PATH crm contact set p1@example.com title=X
  crm: git.autocommit: the commit failed: fatal: unable to write new index file (simulated)
  $ git status --porcelain --untracked-files=no | sed 's/[a-z0-9]\{16\}/ID/'
   M contacts/ID.yaml

Killed in the middle of its commit, autocommit leaves index.lock behind; the
next write removes it and commits; sync commits what is left.

  $ (CRM_TEST_KILL_COMMIT=1 PATH=$TESTDIR/../helpers:$PATH setsid crm contact set p2@example.com title=Y 2>/dev/null; true) 2>/dev/null
  $ crm contact set p3@example.com title=Z && git log -1 --format=%s
  crm: removed 1 lock and temp file an interrupted git left behind
  crm: update contact Person 0003 With A Rather Long Name For The Commit Message (.*) (re)
  $ crm sync && git status --porcelain --untracked-files=no
  crm: committed local changes
  crm: no git remote: changes are committed locally only (add one: git remote add origin URL)

Killed while it pushes to a remote on this machine, crm's whole process group
at once (a hook of the remote kills the group while the remote's branch is
locked): the push runs in a session of its own, so it finishes, and no stale
`refs/heads/main.lock` is left in the remote to refuse every later push (which
sync_kill.py counted as lost edits: the remote never got them).

  $ cd "$CRM_TEST_WORK" && git init -q --bare r2.git && git -C r2.git symbolic-ref HEAD refs/heads/main
  $ crm init --git c 2>/dev/null && cd c && git checkout -q -b main && git remote add origin ../r2.git && crm contact add --name Ada > /dev/null && crm sync 2>/dev/null
  $ printf '#!/bin/sh\necho "$1" >> %s/hook.log\n[ "$1" = prepared ] && kill -KILL -"$(cat %s/pgid)"\nexit 0\n' "$CRM_TEST_WORK" "$CRM_TEST_WORK" > ../r2.git/hooks/reference-transaction && chmod +x ../r2.git/hooks/reference-transaction
  $ crm contact add --name Grace > /dev/null
  $ (setsid sh -c 'echo $$ > "$CRM_TEST_WORK/pgid"; exec crm sync' 2>/dev/null; echo "killed: $?") 2>/dev/null
  killed: 137
  $ for i in $(seq 100); do grep -q committed ../hook.log && break; sleep 0.1; done; rm ../r2.git/hooks/reference-transaction; ls ../r2.git/refs/heads/
  main
  $ crm sync
  crm: an interrupted sync was undone; syncing again
  crm: synced with origin
  $ git clone -q ../r2.git ../c2 && crm -C ../c2 contact list --fields name --sort name --format tsv | cut -f2
  name
  Ada
  Grace

A lock left by a push killed on its own (or one under way) is named, with
what to do, instead of "origin kept moving" after four fetches.

  $ touch ../r2.git/refs/heads/main.lock && crm contact add --name Hedy > /dev/null && crm sync
  crm: error: git push failed: origin could not lock its branch main: another push to it is under way, or one was killed and left its lock behind \(/.*/r2.git/refs/heads/main.lock\); nothing local is lost: when no push to it is running, remove that file and run crm sync again (re)
  [4]
  $ rm ../r2.git/refs/heads/main.lock && touch ../r2.git/HEAD.lock && crm sync
  crm: error: git push failed: origin could not lock its branch main: another push to it is under way, or one was killed and left its lock behind \(/.*/r2.git/HEAD.lock\); nothing local is lost: when no push to it is running, remove that file and run crm sync again (re)
  [4]
  $ rm ../r2.git/HEAD.lock && crm sync && git -C ../r2.git log -1 --format=%s
  crm: synced with origin
  crm: add contact Hedy (.*) (re)
