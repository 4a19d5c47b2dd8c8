`--as-of DATE` is the store as it was at the end of DATE. Orders imported
today, however old their dates, were not in it: a git store's past commit has
neither them nor the contacts the import made; a store outside git, rebuilt
from the records' own dates, leaves them out too (created after the day), so
every customer counted is one that existed, shown by name. (The import
exits 3: the fixture has a row whose quantity is "two".)

  $ export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
  $ on() { export CRM_NOW=$1 GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1; }
  $ story() {
  >   on 2026-11-10T09:00:00Z
  >   crm contact add --name "Ada Lovelace" --email ada@example.com > /dev/null
  >   crm order add --contact ada --date 2026-11-05 --number 900 --line "Setup fee @49.50" > /dev/null && crm order pay 900
  >   on 2026-11-23T09:00:00Z
  >   crm import orders $TESTDIR/../../fixtures/orders/shopify-orders.csv > /dev/null 2>&1
  > }

Outside git.

  $ crm init p > /dev/null 2>&1 && cd p && story
  [3]
  $ crm report customers --format csv | cut -d, -f1,3,4,7
  contact,currency,orders,revenue
  Ada Lovelace,USD,3,128.5
  Bob Stone,USD,1,27
  Cleo Park,EUR,1,21.42
  total,USD,4,155.5
  total,EUR,1,21.42
  $ crm report customers --as-of 2026-11-22 --format csv | cut -d, -f1,3,4,7
  crm: not a git repository: as of 2026-11-22 from the records' own dates (created, stage and status history, paid_at, refunded_at, completed_at…)
  contact,currency,orders,revenue
  Ada Lovelace,USD,1,49.5
  total,USD,1,49.5
  $ crm report customers --as-of 2026-11-22 --format json | grep -c '"contact": "[a-z0-9]\{16\}"'
  crm: not a git repository: as of 2026-11-22 from the records' own dates (created, stage and status history, paid_at, refunded_at, completed_at…)
  0
  [1]
  $ crm report revenue --as-of 2026-11-22 --format csv 2>/dev/null
  period,currency,orders,revenue,customers,new,returning,total
  2026-11,USD,1,49.5,1,1,0,false
  total,USD,1,49.5,1,1,0,true

In git: the same past.

  $ cd .. && crm init --git g > /dev/null 2>&1 && cd g && git checkout -q -b main
  $ on 2026-11-01T08:00:00Z && git add -A && git commit -qm setup
  $ story
  [3]
  $ crm report customers --as-of 2026-11-22 --format csv | cut -d, -f1,3,4,7
  contact,currency,orders,revenue
  Ada Lovelace,USD,1,49.5
  total,USD,1,49.5
  $ crm report revenue --as-of 2026-11-22 --format csv 2>/dev/null
  period,currency,orders,revenue,customers,new,returning,total
  2026-11,USD,1,49.5,1,1,0,false
  total,USD,1,49.5,1,1,0,true
