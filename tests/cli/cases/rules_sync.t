Rules fire for records that arrive with `crm sync`, and two clones that
fire the same rule make the same task: after syncing they hold one.

  $ export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
  $ git init -q --bare remote.git && git -C remote.git symbolic-ref HEAD refs/heads/main
  $ crm init --git a 2>/dev/null && cd a && git checkout -q -b main && git remote add origin ../remote.git
  $ sed -i 's/^  autocommit: true$/  autocommit: false/' .crm/config.yaml
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: web-lead
  >   on: lead.create
  >   if: source=web
  >   do:
  >     - task: {title: "Call {{name}}", due: +1d}
  > EOF
  $ git add .crm/rules.yaml && crm sync
  crm: committed local changes
  crm: synced with origin
  $ cd .. && git clone -q remote.git b && (cd b && crm git setup 2>/dev/null) && git clone -q remote.git form

A form handler that is no crm commits a lead file and pushes it.

  $ cd form && mkdir -p leads && printf 'id: lweb000000000001\nname: Ada\nsource: web\nstatus: new\ncreated: 2026-11-23T08:00:00Z\nupdated: 2026-11-23T08:00:00Z\n' > leads/lweb000000000001.yaml
  $ git add leads && git commit -qm "form: lead" && git push -q origin HEAD:main && cd ..

Both clones sync, at different times: each fires the rule for the lead that
arrived, and makes the same task.

  $ (cd a && CRM_NOW=2026-11-23T09:00:00Z crm sync)
  crm: synced with origin
  crm: rule web-lead on lead lweb000000000001: task [a-z0-9]{16} "Call Ada" due 2026-11-24 (re)
  $ (cd b && CRM_NOW=2026-11-23T10:00:00Z crm sync)
  crm: synced with origin
  crm: rule web-lead on lead lweb000000000001: task [a-z0-9]{16} "Call Ada" due 2026-11-24 (re)
  $ (cd a && crm sync) > /dev/null 2>&1
  $ (cd b && crm sync) 2>&1
  crm: committed local changes
  crm: synced with origin
  $ (cd a && crm sync) 2>&1
  crm: synced with origin
  $ ls a/tasks b/tasks
  a/tasks:
  rvnhd9qmrfvx4qdv.yaml
  
  b/tasks:
  rvnhd9qmrfvx4qdv.yaml

The task is dated by the lead, not by when a clone fired the rule.

  $ cd a && crm task show rvnh --format csv --fields title,due,created && cd ..
  id,title,due,created
  rvnhd9qmrfvx4qdv,Call Ada,2026-11-24,2026-11-23T08:00:00Z
  $ diff -r a/tasks b/tasks && echo identical
  identical
