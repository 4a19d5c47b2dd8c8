`crm report NAME --as-of DATE` (and the dashboard): the store as it was at
the end of DATE, with DATE as today (crm-report(1), "The past: --as-of").

A store in git, its history made on known days: every command commits
(git.autocommit), with the committer date it is given.

  $ export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
  $ on() { export CRM_NOW=$1 GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1; }
  $ crm init --git s > /dev/null 2>&1 && cd s && git checkout -q -b main

15 September: the config, a customer, two deals, a ticket, a paid order
and a task due on the 20th.

  $ on 2026-09-15T08:00:00Z && git add -A && git commit -qm setup
  $ september_15() {
  >   on 2026-09-15T09:00:00Z
  >   crm contact add --name "Ada Lovelace" --email ada@example.com > /dev/null
  >   crm deal add --name Alpha --amount 1000 > /dev/null
  >   crm deal add --name Beta --amount 500 --stage proposal > /dev/null
  >   crm ticket add --subject "Login broken" --contact ada > /dev/null
  >   crm product add --name Widget --sku W --price 200 > /dev/null
  >   crm order add --contact ada --date 2026-09-15 --line W --number 1001 > /dev/null && crm order pay 1001
  >   crm task add --title "Call Ada" --due 2026-09-20 > /dev/null
  > }
  $ september_15

1 October: Alpha to proposal in the morning, Beta to negotiation at 22:30 UTC
(already 2 October in Berlin).

  $ october_1() {
  >   on 2026-10-01T10:00:00Z && crm deal move alpha proposal
  >   on 2026-10-01T22:30:00Z && crm deal move beta negotiation
  > }
  $ october_1

5 October: Alpha to negotiation, whose probability the team raises to 90;
a new deal; Beta won; the ticket solved; the order refunded; the task done.

  $ on 2026-10-05T10:00:00Z && crm deal move alpha negotiation && crm deal add --name Gamma --amount 2000 > /dev/null
  $ sed -i 's/stage: negotiation, probability: 80/stage: negotiation, probability: 90/' .crm/config.yaml && git commit -qam "negotiation 90"
  $ october_5() { crm deal won beta && crm ticket solve login && crm order refund 1001 && crm task done call; }
  $ october_5
  $ git status --porcelain && git log --format='%cI %s' | sed -n '1p;$p'
  2026-10-05T10:00:00\+00:00 crm: update task Call Ada \([a-z0-9]{8}…\) (re)
  2026-09-15T08:00:00+00:00 setup
  $ git ls-files -s > ../index-before && cp -r . ../tree-before

Today (23 November): Alpha in negotiation at 90 %, Gamma in qualification.

  $ crm report pipeline
  STAGE           CURRENCY  PROBABILITY  COUNT  AMOUNT (USD)  WEIGHTED (USD)
  qualification   USD                10      1      2,000.00          200.00  ████▌
  needs-analysis  USD                20      0          0.00            0.00
  proposal        USD                50      0          0.00            0.00
  negotiation     USD                90      1      1,000.00          900.00  ████████████████████
  total           USD                        2      3,000.00        1,100.00

At the end of 1 October: Alpha in proposal (1,000 × 50 % = 500), Beta in
negotiation at the 80 % of that day's config (500 × 80 % = 400); Gamma did
not exist.

  $ crm report pipeline --as-of 2026-10-01
  STAGE           CURRENCY  PROBABILITY  COUNT  AMOUNT (USD)  WEIGHTED (USD)
  qualification   USD                10      0          0.00            0.00
  needs-analysis  USD                20      0          0.00            0.00
  proposal        USD                50      1      1,000.00          500.00  ████████████████████
  negotiation     USD                80      1        500.00          400.00  ████████████████
  total           USD                        2      1,500.00          900.00

The day before: Alpha in qualification (100), Beta in proposal (250). Dates
take what --since takes: -54d from 23 November is 30 September.

  $ crm report pipeline --as-of -54d --format csv
  stage,currency,probability,count,amount,weighted,total
  qualification,USD,10,1,1000,100,false
  needs-analysis,USD,20,0,0,0,false
  proposal,USD,50,1,500,250,false
  negotiation,USD,80,0,0,0,false
  total,USD,,2,1500,350,true

The service and value reports too, with 1 October as today: the ticket still
new and 16 days old, the order not yet refunded (Ada a new customer: last
order 16 days before; `--since -20d` is from 11 September), the task 11
days overdue.

  $ crm report tickets --as-of 2026-10-01
  STATUS  LOW  NORMAL  HIGH  URGENT  TOTAL  OLDEST_DAYS
  new       0       1     0       0      1           16
  total     0       1     0       0      1           16
  $ crm report tickets
  STATUS  LOW  NORMAL  HIGH  URGENT  TOTAL  OLDEST_DAYS
  total     0       0     0       0      0  n/a
  $ crm report revenue --since 2026-09-01 --as-of 2026-10-01
  PERIOD   CURRENCY  ORDERS  REVENUE (USD)  CUSTOMERS  NEW  RETURNING
  2026-09  USD            1         200.00          1    1          0  ████████████████████
  total    USD            1         200.00          1    1          0
  $ crm report revenue --since -20d --as-of 2026-10-01 --format csv
  period,currency,orders,revenue,customers,new,returning,total
  2026-09,USD,1,200,1,1,0,false
  total,USD,1,200,1,1,0,true
  $ crm report revenue --since 2026-09-01
  PERIOD  CURRENCY  ORDERS  REVENUE (USD)  CUSTOMERS  NEW  RETURNING
  total   USD            0           0.00          0    0          0
  $ crm report customers --as-of 2026-10-01 --format csv
  contact,id,currency,orders,first_order,last_order,revenue,aov,frequency,r,f,m,segment,clv,total
  Ada Lovelace,[a-z0-9]{16},USD,1,2026-09-15,2026-09-15,200,200,12.17,5,1,1,new_customers,,false (re)
  total,,USD,1,,,200,200,,,,,,,true
  $ crm report customers --format csv
  contact,id,currency,orders,first_order,last_order,revenue,aov,frequency,r,f,m,segment,clv,total
  $ crm report overdue --as-of 2026-10-01
  TYPE  ID                DATE        TITLE     DAYS_OVERDUE
  task  [a-z0-9]{16}  2026-09-20  Call Ada            11 (re)
  $ crm report overdue
  $ crm report --as-of 2026-10-01
  Dashboard 2026-10-01
  Open pipeline       2 deals  USD 1,500.00   weighted USD 900.00
  Closing in 2026-10  0 deals  USD 0.00       weighted USD 0.00    won USD 0.00
  Win rate, 90 days   n/a      0 won, 0 lost
  Overdue tasks       1
  Stale deals         0
  Follow-ups due      0
  $ crm report winrate --as-of 2026-10-04 --format csv
  currency,won,lost,rate,won_amount,lost_amount,amount_rate,total
  USD,0,0,,0,0,,false
  $ crm report winrate --format csv
  currency,won,lost,rate,won_amount,lost_amount,amount_rate,total
  USD,1,0,100,500,0,100,false

Nothing in the worktree, the index or `git status` changed; the commits
read is kept in .crm/cache/asof/COMMIT (git-ignored), and the next as-of of
another commit rewrites there only what changed.

  $ git status --porcelain && git ls-files -s | diff - ../index-before && diff -r -x cache . ../tree-before && echo unchanged
  unchanged
  $ [ "$(ls .crm/cache/asof)" = "$(git rev-list -1 --before=2026-10-04T23:59:59Z HEAD)" ] && echo "the last commit read"
  the last commit read
  $ crm report pipeline --as-of 2026-10-01 --format csv | tail -1
  total,USD,,2,1500,900,true

The end of a day is in the store's zone: in Berlin, Beta's move at 22:30 UTC
was on 2 October.

  $ sed -i 's|^# timezone: Europe/Berlin|timezone: Europe/Berlin|' .crm/config.yaml
  $ crm report pipeline --as-of 2026-10-01 --format csv | grep -E '^(proposal|negotiation),'
  proposal,USD,50,2,1500,750,false
  negotiation,USD,80,0,0,0,false
  $ crm report pipeline --as-of 2026-10-02 --format csv | grep -E '^(proposal|negotiation),'
  proposal,USD,50,1,1000,500,false
  negotiation,USD,80,1,500,400,false
  $ git checkout -q .crm/config.yaml

Only committed history counts: a change not committed yet is said.

  $ sed -i 's/^  autocommit: true$/  autocommit: false/' .crm/config.yaml
  $ crm deal add --name Delta --amount 300 > /dev/null
  $ crm report pipeline --as-of today --format csv | tail -1
  crm: 2 files of the store are not committed: --as-of reads committed history only
  total,USD,,2,3000,1100,true
  $ crm report pipeline --as-of 2026-10-01 --format csv | tail -1
  total,USD,,2,1500,900,true
  $ git checkout -q .crm/config.yaml && git clean -qf deals

A record that was broken then is reported as git names it, in its commit
(`git show COMMIT:FILE`); the report counts the others (exit 3).

  $ printf 'id: zbroken000000001\nname: Broken\namount: lots\n' > deals/zbroken000000001.yaml
  $ on 2026-10-10T10:00:00Z && git add deals && git commit -qm broken && git rm -q deals/zbroken000000001.yaml
  $ on 2026-10-11T10:00:00Z && git commit -qm fixed
  $ crm report pipeline --as-of 2026-10-10 --format csv > /dev/null
  crm: error: [0-9a-f]{12}:deals/zbroken000000001.yaml:3:9: amount: "lots" is not a number (re)
  [3]
  $ crm report pipeline --as-of 2026-10-11 --format csv | tail -1
  total,USD,,2,3000,1100,true

Bad dates: exit 2, nothing read.

  $ crm report pipeline --as-of 2026-09-14
  crm: error: --as-of 2026-09-14 is before the store's first commit (2026-09-15): git has no earlier state of it
  [2]
  $ crm report pipeline --as-of 2026-11-24
  crm: error: --as-of 2026-11-24 is in the future (today is 2026-11-23): history only goes up to now
  [2]
  $ crm report --as-of tomorrow
  crm: error: --as-of 2026-11-24 is in the future (today is 2026-11-23): history only goes up to now
  [2]
  $ crm report pipeline --as-of "1 oct"
  crm: error: --as-of 2027-10-01 is in the future (today is 2026-11-23): history only goes up to now
  [2]
  $ crm report pipeline --as-of 2026-02-30
  crm: error: --as-of: "2026-02-30" is not a date (2026-10-01, -90d, eoq, …)
  [2]
  $ crm report pipeline --as-of ""
  crm: error: --as-of: "" is not a date (2026-10-01, -90d, eoq, …)
  [2]

A store that is not in git: the records' own dates (stage and status
history, paid_at, refunded_at, completed_at, created), said on stderr. The
same story gives the same past, with today's config (negotiation at 80).

  $ cd .. && crm init p > /dev/null 2>&1 && cd p
  $ september_15 && october_1
  $ on 2026-10-05T10:00:00Z && crm deal move alpha negotiation && crm deal add --name Gamma --amount 2000 > /dev/null
  $ october_5
  $ ls -R > ../p-before
  $ crm report pipeline --as-of 2026-10-01
  crm: not a git repository: as of 2026-10-01 from the records' own dates (created, stage and status history, paid_at, refunded_at, completed_at…)
  STAGE           CURRENCY  PROBABILITY  COUNT  AMOUNT (USD)  WEIGHTED (USD)
  qualification   USD                10      0          0.00            0.00
  needs-analysis  USD                20      0          0.00            0.00
  proposal        USD                50      1      1,000.00          500.00  ████████████████████
  negotiation     USD                80      1        500.00          400.00  ████████████████
  total           USD                        2      1,500.00          900.00
  $ crm report tickets --as-of 2026-10-01 --format csv
  crm: not a git repository: as of 2026-10-01 from the records' own dates (created, stage and status history, paid_at, refunded_at, completed_at…)
  status,low,normal,high,urgent,total,oldest_days,total_row
  new,0,1,0,0,1,16,false
  total,0,1,0,0,1,16,true
  $ crm report revenue --since 2026-09-01 --as-of 2026-10-01 --format csv
  crm: not a git repository: as of 2026-10-01 from the records' own dates (created, stage and status history, paid_at, refunded_at, completed_at…)
  period,currency,orders,revenue,customers,new,returning,total
  2026-09,USD,1,200,1,1,0,false
  total,USD,1,200,1,1,0,true
  $ crm report overdue --as-of 2026-10-01 --format csv
  crm: not a git repository: as of 2026-10-01 from the records' own dates (created, stage and status history, paid_at, refunded_at, completed_at…)
  type,id,date,title,owner,days_overdue,total
  task,[a-z0-9]{16},2026-09-20,Call Ada,,11,false (re)
  $ crm report pipeline --as-of 2026-09-14 --format csv
  crm: not a git repository: as of 2026-09-14 from the records' own dates (created, stage and status history, paid_at, refunded_at, completed_at…)
  stage,currency,probability,count,amount,weighted,total
  qualification,USD,10,0,0,0,false
  needs-analysis,USD,20,0,0,0,false
  proposal,USD,50,0,0,0,false
  negotiation,USD,80,0,0,0,false
  total,USD,,0,0,0,true
  $ ls -R | diff - ../p-before && echo unchanged
  unchanged
