Rules in the repository (.crm/rules.yaml): they fire after every write,
and what a firing creates has an id derived from (rule, record, trigger),
so a re-run, or another clone, makes the same file and nothing twice.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm config set owners '[ana, ben]'
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: web-lead
  >   on: lead.create
  >   if: source=web
  >   do:
  >     - assign: {to: auto}
  >     - task: {title: "Call {{name}} <{{email}}>", due: +1d}
  >     - log: {kind: note, summary: "web lead {{name}}"}
  > EOF
  $ crm rules check
  $ crm rules list
  NAME      ON           IF          DO
  web-lead  lead.create  source=web  assign, task, log

A web lead gets an owner (round-robin among owners), a follow-up task due
tomorrow and a note; a lead from elsewhere gets nothing.

  $ printf 'id: lada000000000001\nname: Ada\nemail: ada@example.com\nsource: web\n' | crm lead add --from -
  lada000000000001
  crm: rule web-lead on lead lada000000000001: task [a-z0-9]{16} "Call Ada <ada@example.com>" due 2026-11-24 (re)
  crm: rule web-lead on lead lada000000000001: log note [a-z0-9]{16} "web lead Ada" (re)
  crm: rule web-lead on lead lada000000000001: assign ana
  $ crm lead add --name Bob --set source=web > /dev/null 2>&1
  $ crm lead add --name Cy --set source=call
  [a-z0-9]{16} (re)
  $ crm lead list --sort name --format csv --fields name,owner
  id,name,owner
  lada000000000001,Ada,ana
  [a-z0-9]{16},Bob,ben (re)
  [a-z0-9]{16},Cy, (re)
  $ crm task list --sort title --format csv --fields title,due,owner,related
  id,title,due,owner,related
  [a-z0-9]{16},Call Ada <ada@example.com>,2026-11-24,ana,lada000000000001 (re)
  [a-z0-9]{16},Call Bob <>,2026-11-24,ben,[a-z0-9]{16} (re)

Once: a change to the lead is no creation, and the rule does not fire again.

  $ crm lead set ada rating=hot
  $ crm task list -q | wc -l
  2

The same lead in another store makes the same task, with the same id.

  $ crm task list -q title~Ada > ../ids-a
  $ cd .. && crm init t > /dev/null 2>&1 && cp s/.crm/rules.yaml t/.crm/ && cd t
  $ crm config set owners '[ana, ben]'
  $ printf 'id: lada000000000001\nname: Ada\nemail: ada@example.com\nsource: web\n' | crm lead add --from - > /dev/null 2>&1
  $ crm task list -q > ../ids-b && cmp ../ids-a ../ids-b && cd ../s

A transition: `from` is what the record matched before the change. The
rule fires on the move to won, not on a later change of a won deal.

  $ cat >> .crm/rules.yaml <<'EOF'
  > - name: won
  >   on: deal.stage
  >   from: stage!=won
  >   if: stage=won
  >   do:
  >     - tag: customer
  >     - task: {title: "Thank {{company.name}} for {{name}}", due: +4h}
  > EOF
  $ crm company add --name Acme > /dev/null
  $ crm deal add --name Engines --company acme --amount 100 > /dev/null
  $ crm deal move engines proposal
  $ crm deal move engines won
  crm: rule won on deal [a-z0-9]{16}: task [a-z0-9]{16} "Thank Acme for Engines" due 2026-11-23T13:00:00Z (re)
  crm: rule won on deal [a-z0-9]{16}: tag \+customer (re)
  $ crm deal set engines amount=200
  $ crm task list -q title~Thank | wc -l
  1
  $ crm deal show engines --format json | grep -A2 '"tags"'
    "tags": [
      "customer"
    ],

Rules that trigger each other are stopped, and crm says so.

  $ cat >> .crm/rules.yaml <<'EOF'
  > - name: ping
  >   on: contact.title
  >   if: title=a
  >   do: [{set: {title: b}}]
  > - name: pong
  >   on: contact.title
  >   if: title=b
  >   do: [{set: {title: a}}]
  > EOF
  $ crm contact add --name Zed > /dev/null
  $ crm contact set zed title=a
  crm: rule ping on contact [a-z0-9]{16}: set title=b (re)
  crm: rule pong on contact [a-z0-9]{16}: set title=a (re)
  crm: rule ping on contact [a-z0-9]{16}: set title=b (re)
  crm: rule pong on contact [a-z0-9]{16}: set title=a (re)
  crm: rule ping on contact [a-z0-9]{16}: set title=b (re)
  crm: rule pong: not fired on contact [a-z0-9]{16}: rules triggered each other 5 deep \(a loop\?\) (re)

`rules test` says what would happen and writes nothing.

  $ ls ../s/tasks ../s/activities ../s/leads | wc -l > ../before
  $ crm rules test web-lead --record ada
  RULE      TYPE  RECORD            ACTION
  web-lead  lead  lada000000000001  task [a-z0-9]{16} "Call Ada <ada@example.com>" due 2026-11-24 \(made already: it fired\) (re)
  web-lead  lead  lada000000000001  log note [a-z0-9]{16} "web lead Ada" \(made already: it fired\) (re)
  $ ls ../s/tasks ../s/activities ../s/leads | wc -l | cmp - ../before

The ids it shows are those the firing made (the same trigger instance).

  $ for id in $(crm rules test web-lead --record ada --format tsv | cut -f4 | grep -o ' [a-z0-9]\{16\} '); do ls ../s/*/$id.yaml | cut -d/ -f3; done
  tasks
  activities
  $ crm rules test nope
  crm: error: no rule "nope" in .crm/rules.yaml (rules: web-lead, won, ping, pong)
  [2]

A schedule rule fires with `crm rules run` (for cron): twice makes one task.

  $ cat >> .crm/rules.yaml <<'EOF'
  > - name: chase
  >   on: schedule
  >   for: deal
  >   if: stage!=won stage!=lost
  >   do: [{task: {title: "Chase {{name}}", due: +1d}}]
  > EOF
  $ crm deal add --name Widgets --amount 5 > /dev/null
  $ crm rules run --dry-run --format csv
  rule,type,record,action
  chase,deal,[a-z0-9]{16},"task [a-z0-9]{16} ""Chase Widgets"" due 2026-11-24" (re)
  $ crm task list -q title~Chase | wc -l
  0
  $ crm rules run --format csv
  rule,type,record,action
  chase,deal,[a-z0-9]{16},"task [a-z0-9]{16} ""Chase Widgets"" due 2026-11-24" (re)
  $ crm rules run --format csv
  rule,type,record,action
  $ crm task list -q title~Chase | wc -l
  1

A bad rules file is named at its line, by `rules check` and by a write;
the write stands, the exit status is 3.

  $ cp .crm/rules.yaml ../good.yaml
  $ printf -- '- name: a\n  on: lead.create\n  iff: source=web\n  do: [{tag: x}]\n' > .crm/rules.yaml
  $ crm rules check
  crm: error: .crm/rules.yaml:3:8: rules[0].iff: unknown field (name, on, for, if, from, do)
  [3]
  $ crm lead add --name Dee
  [a-z0-9]{16} (re)
  crm: error: .crm/rules.yaml:3:8: rules[0].iff: unknown field (name, on, for, if, from, do) (no rule fired)
  [3]
  $ crm lead list -q name=Dee | wc -l
  1
  $ printf 'name\nEd\nFay\nGus\n' > ../three.csv
  $ crm import csv ../three.csv --type lead
  3 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  crm: error: .crm/rules.yaml:3:8: rules[0].iff: unknown field (name, on, for, if, from, do) (no rule fired)
  [3]
  $ printf -- '- name: a\n  on: lead.create\n  if: nofield=3\n  do: [{tag: x}]\n' > .crm/rules.yaml
  $ crm rules check 2>&1 | cut -c1-65
  crm: error: .crm/rules.yaml:3: rule a.if: unknown field "nofield"
  $ printf -- '- name: a\n  on: lead.create\n  do: [{task: {title: "hi {{nope}}"}}]\n' > .crm/rules.yaml
  $ crm rules check
  crm: error: .crm/rules.yaml:3:15: rule a.do[0].task.title: template {{nope}}: no field "nope" in lead
  [3]

A failing action applies nothing of its rule; the write stands.

  $ printf -- '- name: a\n  on: lead.create\n  do:\n    - tag: x\n    - task: {title: t, due: "{{notes}}"}\n' > .crm/rules.yaml
  $ crm lead add --name Flo --set notes=someday
  [a-z0-9]{16} (re)
  crm: error: rule a on lead [a-z0-9]{16}: .crm/rules.yaml:5: rule a.task.due: .* (re)
  [3]
  $ crm lead list name=Flo --format csv --fields name,tags
  id,name,tags
  [a-z0-9]{16},Flo, (re)

`rules run` reports a rule that fails (exit 3) and goes on with the others.

  $ printf -- '- name: bad\n  on: schedule\n  for: deal\n  do: [{set: {amount: "{{name}}"}}]\n- name: ok\n  on: schedule\n  for: deal\n  if: name=Widgets\n  do: [{tag: chased}]\n' > .crm/rules.yaml
  $ crm rules run --format csv
  crm: error: rule bad on deal [a-z0-9]{16}: .crm/rules.yaml:4: rule bad.set: "(Widgets|Engines)" is not a number (re)
  crm: error: rule bad on deal [a-z0-9]{16}: .crm/rules.yaml:4: rule bad.set: "(Widgets|Engines)" is not a number (re)
  rule,type,record,action
  ok,deal,[a-z0-9]{16},tag \+chased (re)
  [3]

A schedule rule that sets a field does not make a new state of its record
by doing so: the next runs find it fired (one task, not one a run). A
change by anyone else is a new state, and it fires again.

  $ cd .. && crm init sch > /dev/null 2>&1 && cd sch
  $ crm deal add --name D1 --amount 100 > /dev/null
  $ printf -- '- name: chase\n  on: schedule\n  for: deal\n  if: "amount>=100"\n  do:\n    - task: {title: "Chase {{name}}", due: +1d}\n    - set: {probability: 33}\n    - tag: chased\n' > .crm/rules.yaml
  $ for i in 1 2 3; do CRM_NOW=2026-11-23T10:0$i:00Z crm rules run > /dev/null; crm task list -q | wc -l; done
  1
  1
  1
  $ CRM_NOW=2026-11-23T11:00:00Z crm deal set D1 amount=150 > /dev/null && CRM_NOW=2026-11-23T11:01:00Z crm rules run --format csv | cut -d, -f4
  action
  "task [a-z0-9]{16} ""Chase D1"" due 2026-11-24" (re)
  $ crm task list -q | wc -l
  2
