`run` actions: a command gets the record as JSON on stdin, runs only on a
machine that trusts the rules file as it is (`crm rules trust`), and a
failure or a timeout leaves the write that fired it in place (exit 3) for
`crm rules run` to retry.

  $ crm init s > /dev/null 2>&1 && cd s
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: notify
  >   on: lead.create
  >   if: source=web
  >   do:
  >     - run: {command: "cat > ../got.json; echo \"$CRM_RULE $CRM_RECORD_TYPE $CRM_RECORD_ID\" >> ../got.log", timeout: 5s}
  >     - tag: notified
  > EOF
  $ crm rules check
  $ crm rules list
  NAME    ON           IF          DO
  notify  lead.create  source=web  run, tag
  crm: the run actions are skipped: this machine does not trust .crm/rules.yaml as it is (read it, then `crm rules trust`)

Not trusted yet (a fresh clone): the command is skipped and said, the rest
of the rule happens, and the exit status is 0.

  $ crm lead add --name Ada --set source=web --set email=ada@example.com
  [a-z0-9]{16} (re)
  crm: rule notify on lead [a-z0-9]{16}: .crm/rules.yaml \(or a script it names\) changed since `crm rules trust` \(or never trusted here\): run actions skipped (re)
  crm: rule notify on lead [a-z0-9]{16}: tag \+notified (re)
  $ ls ../got.log
  ls: cannot access '../got.log': No such file or directory
  [2]

`rules trust` shows the commands it trusts and records the file's SHA-256
outside the repository.

  $ crm rules trust
  RULE    ON           TIMEOUT  COMMAND
  notify  lead.create  5s       cat > ../got.json; echo "$CRM_RULE $CRM_RECORD_TYPE $CRM_RECORD_ID" >> ../got.log
  crm: trusted .crm/rules.yaml \(sha256 [0-9a-f]{64}\) on this machine: 1 command may run; any change to the file needs `crm rules trust` again \(.*/.local/state/crm/trusted\) (re)
  $ h=$(sha256sum .crm/rules.yaml | cut -d' ' -f1); grep -c "^$h $(pwd -P)\$" ~/.local/state/crm/trusted
  1
  $ grep -rl "$h" . | wc -l
  0
  $ id=$(crm lead add --name Bob --set source=web 2>/dev/null)
  $ cat ../got.log | sed "s/$id/ID/"
  notify lead ID
  $ python3 -c 'import json,sys; d=json.load(open("../got.json")); print(d["type"], d["name"], d["source"], d["tags"])'
  lead Bob web ['notified']

A change to the file, however small, revokes the trust; $XDG_STATE_HOME
moves the trust file.

  $ echo '# reviewed' >> .crm/rules.yaml
  $ crm lead add --name Cy --set source=web 2>&1 | grep -c 'run actions skipped'
  1
  $ XDG_STATE_HOME=$HOME/state crm rules trust > /dev/null 2>&1
  $ XDG_STATE_HOME=$HOME/state crm lead add --name Dee --set source=web > /dev/null 2>&1
  $ wc -l < ../got.log
  2
  $ crm rules trust > /dev/null 2>&1

A command that fails or times out: the rule applies nothing else, the lead
is written, the exit status is 3, and the firing waits in .crm/state for
`crm rules run`.

  $ cat > .crm/rules.yaml <<'EOF'
  > - name: push
  >   on: lead.create
  >   if: source=event
  >   do:
  >     - run: {command: "test -f ../up || { echo 'server down' >&2; exit 7; }"}
  >     - task: {title: "Call {{name}}", due: +1d}
  > - name: slow
  >   on: lead.create
  >   if: source=ad
  >   do: [{run: {command: "sleep 30", timeout: 1s}}]
  > EOF
  $ crm rules trust > /dev/null 2>&1
  $ crm lead add --name Eve --set source=event
  [a-z0-9]{16} (re)
  crm: error: rule push on lead [a-z0-9]{16}: run "test -f ../up \|\| { echo 'server down' >&2; exit 7; }": exit status 7: server down \(`crm rules run` retries it\) (re)
  [3]
  $ crm lead list name=Eve --fields name,source --format csv | cut -d, -f2-
  name,source
  Eve,event
  $ crm task list -q | wc -l
  0
  $ crm lead add --name Fay --set source=ad 2>&1 | tail -n 1
  crm: error: rule slow on lead [a-z0-9]{16}: run "sleep 30": timed out after 1s \(killed\) \(`crm rules run` retries it\) (re)
  $ crm lead list name=Fay -q | wc -l
  1
  $ crm rules test push --record Eve --format tsv | cut -f4
  action
  run test -f ../up || { echo 'server down' >&2; exit 7; }
  task [a-z0-9]{16} "Call Eve" due 2026-11-24 (re)

`rules run` retries: still failing, it says so and keeps it (exit 3); once
the command succeeds, the firing completes and a re-run does nothing.

  $ crm rules run --format csv 2>&1 | grep -c 'exit status 7'
  1
  $ touch ../up
  $ sed -i 's/timeout: 1s/timeout: 5s/; s/sleep 30/true/' .crm/rules.yaml
  $ crm rules run --format csv
  crm: rule push on lead [a-z0-9]{16}: not retried: .crm/rules.yaml changed since `crm rules trust` (re)
  crm: rule slow on lead [a-z0-9]{16}: not retried: .crm/rules.yaml changed since `crm rules trust` (re)
  rule,type,record,action
  $ crm rules trust > /dev/null 2>&1
  $ crm rules run --format tsv | cut -f1,4 | sort
  push	run test -f ../up || { echo 'server down' >&2; exit 7; }
  push	task [a-z0-9]{16} "Call Eve" due 2026-11-24 (re)
  rule	action
  slow	run true
  $ crm task list --format csv --fields title,due
  id,title,due
  [a-z0-9]{16},Call Eve,2026-11-24 (re)
  $ crm rules run --format csv
  rule,type,record,action
  $ ls .crm/state

`crm check` checks the rules file as `crm rules check` does.

  $ crm check
  $ printf -- '- name: x\n  on: lead.create\n  do: [{run: {command: "true", timeout: 2d}}]\n' > .crm/rules.yaml
  $ crm check
  .crm/rules.yaml:3:14: rule x.do[0].run.timeout: "2d" is not a time limit from 1s to 1h (10s, 2m)
  [3]
  $ printf -- '- name: x\n  on: lead.create\n  if: nofield=1\n  do: [{tag: t}]\n' > .crm/rules.yaml
  $ crm check 2>&1 | cut -c1-60
  .crm/rules.yaml:3: rule x.if: unknown field "nofield" for le

Trust covers the scripts of the store the rules name, by their bytes: a
pull that changes ./hooks/notify.sh is a change to what runs.

  $ mkdir hooks && printf '#!/bin/sh\necho ok >> ../hook.log\n' > hooks/notify.sh && chmod +x hooks/notify.sh
  $ printf -- '- name: hook\n  on: lead.create\n  do: [{run: {command: ./hooks/notify.sh}}]\n' > .crm/rules.yaml
  $ crm rules trust > /dev/null 2>&1 && crm lead add --name Fay > /dev/null 2>&1 && cat ../hook.log
  ok
  $ printf '#!/bin/sh\necho CHANGED >> ../hook.log\n' > hooks/notify.sh
  $ crm lead add --name Gus 2>&1 | grep -c 'run actions skipped'
  1
  $ cat ../hook.log
  ok
