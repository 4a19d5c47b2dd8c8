Every command that writes several records, killed (SIGKILL) as it enters each
of its renames and unlinks in turn and then run again, converges: crm check is
silent and nothing is duplicated. (helpers/kill-at-each-write runs the loop;
strace injects the kill.)

  $ export PATH=$TESTDIR/../helpers:$PATH

A recurring task done: the next occurrence is written first, then the task.
Killed between the two, the re-run finds the occurrence (its id derives from
the task and its next due date) instead of making a second one.

  $ crm init t 2>/dev/null && crm -C t task add --title Timesheet --due 2026-11-20 --set recur=weekly > /dev/null
  $ kill-at-each-write t '[ "$(crm -q task list status=open | wc -l)" = 1 ] || crm task list' -- task done timesheet
  killed at [0-9]+ boundaries, 0 problems (re)

Killed half-way, check says what it sees.

  $ rm -rf s && cp -r t s && (CRM_NO_CACHE=1 strace -f -o /dev/null -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:signal=KILL:when=2 crm -C s task done timesheet > /dev/null 2>&1; exit $?) 2> /dev/null; crm -C s check | sed 's/[a-z0-9]\{16\}/ID/g'
  tasks/ID.yaml: still open, but its next occurrence (ID) exists: an interrupted crm task done? run it again to finish it

A lead converted with a deal: company, contact, deal, then the lead.

  $ crm init l 2>/dev/null && crm -C l lead add --name "Ada Lovelace" --set company_name=Engines --set estimated_value=5000 > /dev/null
  $ RERUN_OK="0 4" kill-at-each-write l 'for t in contact company deal; do [ "$(crm -q $t list | wc -l)" = 1 ] || echo "$t: $(crm -q $t list | wc -l)"; done; crm -q lead list status=converted | grep -q . || echo "lead not converted"' -- lead convert ada --deal
  killed at [0-9]+ boundaries, 0 problems (re)
  $ rm -rf s && cp -r l s && (CRM_NO_CACHE=1 strace -f -o /dev/null -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:signal=KILL:when=4 crm -C s lead convert ada --deal > /dev/null 2>&1; exit $?) 2> /dev/null; crm -C s check | sed 's/[a-z0-9]\{16\}/ID/g'
  leads/ID.yaml: not converted, but the deal its conversion makes (ID) exists: an interrupted crm lead convert? run it again to finish it
  leads/ID.yaml: not converted, but the contact its conversion makes (ID) exists: an interrupted crm lead convert? run it again to finish it
  leads/ID.yaml: not converted, but the company its conversion makes (ID) exists: an interrupted crm lead convert? run it again to finish it

Two contacts merged: the survivor filled, references re-pointed, the other removed.

  $ crm init m 2>/dev/null && crm -C m contact add --name "Ada Lovelace" --email ada@example.com > /dev/null && crm -C m contact add --name "Ada L." --email ada@example.com --phone 0123 > /dev/null
  $ for i in 1 2 3; do crm -C m log call "Ada L." "call $i" > /dev/null; done
  $ RERUN_OK="0 1" kill-at-each-write m '[ "$(crm -q contact list | wc -l)" = 1 ] || echo "$(crm -q contact list | wc -l) contacts"; [ "$(crm -q activity list | wc -l)" = 3 ] || echo activities lost' -- merge "Ada Lovelace" "Ada L."
  killed at [0-9]+ boundaries, 0 problems (re)

An import of new and known people.

  $ crm init i 2>/dev/null && crm -C i contact add --name Known --email known@example.com > /dev/null
  $ printf 'name,email,title\nKnown,known@example.com,Boss\nNew One,one@example.com,\nNew Two,two@example.com,\n' > people.csv
  $ kill-at-each-write i '[ "$(crm -q contact list | wc -l)" = 3 ] || echo "$(crm -q contact list | wc -l) contacts"; crm -q contact list title=Boss | grep -q . || echo "title lost"' -- import csv $PWD/people.csv
  killed at [0-9]+ boundaries, 0 problems (re)

Orders imported from a shop's export (a bad order among them: exit 3):
for each order its company, its new contact, then the order, each with an
id derived from the shop's data, so a re-run finds what the killed run made.

  $ crm init o 2>/dev/null && crm -C o contact add --name "Ada Lovelace" --email Ada@Example.com > /dev/null
  $ RERUN_OK="3" kill-at-each-write o '[ "$(crm -q order list | wc -l)" = 5 ] || echo "$(crm -q order list | wc -l) orders"; [ "$(crm -q contact list | wc -l)" = 3 ] || echo "$(crm -q contact list | wc -l) contacts"; [ "$(crm -q company list | wc -l)" = 1 ] || echo "$(crm -q company list | wc -l) companies"' -- import orders $TESTDIR/../../fixtures/orders/shopify-orders.csv
  killed at [1-9][0-9]* boundaries, 0 problems (re)

`crm rules run` retrying firings that failed (their emails could not be
written: the outbox was a file): for each lead its message, its activity,
its task and its tag, then the pending file rewritten once. A re-run after
any kill writes nothing twice and leaves nothing pending.

  $ crm init r 2>/dev/null && cd r && crm config set campaigns.from 'Shop <hello@shop.example>' && mkdir templates && printf 'Subject: Hi {{name}}\nHello.\n' > templates/hi.txt
  $ printf -- '- name: hi\n  on: lead.create\n  do:\n    - email: {template: hi.txt}\n    - task: {title: "Call {{name}}", due: +1d}\n    - tag: greeted\n' > .crm/rules.yaml
  $ rm -rf .crm/outbox && echo oops > .crm/outbox && for n in Ann Bob Cy; do crm lead add --name $n --email $n@example.com > /dev/null 2>&1; done; rm .crm/outbox; wc -l < .crm/state/rules-pending; cd ..
  3
  $ kill-at-each-write r 'for t in task activity; do [ "$(crm -q $t list | wc -l)" = 3 ] || echo "$(crm -q $t list | wc -l) ${t}s"; done; [ "$(ls .crm/outbox/new | wc -l)" = 3 ] || echo "$(ls .crm/outbox/new | wc -l) messages"; [ "$(crm -q lead list +greeted | wc -l)" = 3 ] || echo "tags lost"; [ ! -s .crm/state/rules-pending ] || echo "still pending: $(wc -l < .crm/state/rules-pending)"' -- rules run
  killed at [1-9][0-9]* boundaries, 0 problems (re)
