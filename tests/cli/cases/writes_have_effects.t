Every write goes through the workflow (ARCHITECTURE.md, "One way to write"):
what a change implies happens whichever command made it — an import as much
as a verb.

  $ crm init s 2>/dev/null && cd s
  $ crm contact add --name "Ada Lovelace" --email ada@example.com --set cadence=30
  [a-z0-9]{16} (re)
  $ t=$(crm task add --title Timesheet --due 2026-11-20 --set recur=weekly)

An imported call moves the follow-up by the contact's cadence, as `crm log` does.

  $ printf 'type,with,summary,at\ncall,ada@example.com,Imported call,2026-11-20T10:00:00Z\n' > ../acts.csv
  $ crm import csv --type activity ../acts.csv
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact list --format csv --fields name,follow_up
  id,name,follow_up
  [a-z0-9]{16},Ada Lovelace,2026-12-20 (re)

A recurring task marked done by an import is completed, and its next
occurrence made, as `crm task done` does.

  $ printf 'id,title,status\n%s,Timesheet,done\n' $t > ../tasks.csv
  $ crm import csv --type task ../tasks.csv
  0 created, 1 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm task list --all --format csv --fields title,status,due,completed_at --sort due
  id,title,status,due,completed_at
  [a-z0-9]{16},Timesheet,done,2026-11-20,2026-11-23T09:00:00Z (re)
  [a-z0-9]{16},Timesheet,open,2026-11-27, (re)

A restore keeps what it restores: an activity with its own `created` (a JSON
backup) leaves the follow-up its contact came with.

  $ for t in contact activity task; do crm export json --type $t > ../$t.json; done; crm init ../r > /dev/null 2>&1
  $ for t in contact activity task; do crm -C ../r import json ../$t.json; done
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm -C ../r contact list --format csv --fields name,follow_up
  id,name,follow_up
  [a-z0-9]{16},Ada Lovelace,2026-12-20 (re)
  $ crm -C ../r task list --all --format csv --fields title,status,due --sort due
  id,title,status,due
  [a-z0-9]{16},Timesheet,done,2026-11-20 (re)
  [a-z0-9]{16},Timesheet,open,2026-11-27 (re)

A deal moved by `deal move` and by `set` records the same history.

  $ crm deal add --name Big > /dev/null && crm deal move big proposal && crm deal lost big --reason price
  $ crm deal show big --format yaml | sed -n '/^  stage:/,/lost_reason/p'
    stage: lost
    probability: 0
    closed_at: 2026-11-23T09:00:00Z
    lost_reason: price
  $ crm deal show big --format yaml | sed -n '/stage_history/,/created/p'
    stage_history:
      - stage: qualification
        at: 2026-11-23T09:00:00Z
      - stage: proposal
        at: 2026-11-23T09:00:00Z
      - stage: lost
        at: 2026-11-23T09:00:00Z
    created: 2026-11-23T09:00:00Z
