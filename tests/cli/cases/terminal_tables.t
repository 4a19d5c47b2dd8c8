Every list, show, agenda and report as a table at 80 and at 200 columns
(COLUMNS set): free text shrinks with "…" first, ids, dates and amounts are
never cut, low-priority columns go before a row would wrap; a column of
several currencies names each amount's; datetimes show in local time. The
store has deals in GBP, JPY and USD, an overdue urgent task, one due today
with a time, a done one and a won and a lost deal.

  $ cp -r "$STORES/terminal" s && cd s
  $ for n in contact company deal task activity; do echo "== $n list"; COLUMNS=80 crm $n list; done
  == contact list
  ID    NAME          EMAIL               PHONE           COMPANY
  kala  Alan Turing   alan@acme.example                   Acme Corporation
  kgra  Grace Hopper  grace@acme.example  0123 456 789    Acme Corporation
  kzoe  Zoë Ångström  zoe@globex.example  +49 30 1234567  Globex
  kli0  李小龙        li@example.com
  == company list
  ID    NAME              DOMAIN          INDUSTRY       RELATIONSHIP  TAGS
  cacm  Acme Corporation  acme.example    Manufacturing  customer      customer
  cglo  Globex            globex.example                 prospect
  == deal list
  ID    NAME                    COMPANY           STAGE                     AMOUNT
  daaa  Difference engine, co…  Acme Corporation  negotiation       GBP 120,000.50
  dbbb  Robot arms for Osaka    Globex            proposal       JPY 15,000,000.00
  deee  Training days           Globex            qualification       USD 4,000.00
  == task list
  ID    TITLE                   DUE               PRIORITY  RELATED
  taaa  Send the revised quot…  2026-11-20        urgent    Difference engine, co…
  teee  Weekly review           2026-11-23
  tbbb  Call Grace              2026-11-23 15:00  high      Grace Hopper
  tccc  Book the demo room      2026-11-26        low
  == activity list
  ID    AT                KIND  WITH                      SUMMARY
  aaaa  2026-11-20 16:30  call  Grace Hopper, Differenc…  Pricing of the printing…
  $ for n in contact company deal task activity; do echo "== $n list"; COLUMNS=200 crm $n list; done
  == contact list
  ID    NAME          EMAIL               PHONE           COMPANY           TAGS
  kala  Alan Turing   alan@acme.example                   Acme Corporation  prospect
  kgra  Grace Hopper  grace@acme.example  0123 456 789    Acme Corporation  customer, vip
  kzoe  Zoë Ångström  zoe@globex.example  +49 30 1234567  Globex            newsletter
  kli0  李小龙        li@example.com
  == company list
  ID    NAME              DOMAIN          INDUSTRY       RELATIONSHIP  TAGS
  cacm  Acme Corporation  acme.example    Manufacturing  customer      customer
  cglo  Globex            globex.example                 prospect
  == deal list
  ID    NAME                                                                       COMPANY           STAGE                     AMOUNT  CLOSE_DATE  OWNER
  daaa  Difference engine, complete with the printing apparatus and spare columns  Acme Corporation  negotiation       GBP 120,000.50  2026-11-20  sam
  dbbb  Robot arms for Osaka                                                       Globex            proposal       JPY 15,000,000.00  2026-12-15  kim
  deee  Training days                                                              Globex            qualification       USD 4,000.00  2026-12-31  alex
  == task list
  ID    TITLE                                                                         DUE               PRIORITY  RELATED
  taaa  Send the revised quote for the difference engine with the printing apparatus  2026-11-20        urgent    Difference engine, complete with the printing apparatus and spare columns
  teee  Weekly review                                                                 2026-11-23
  tbbb  Call Grace                                                                    2026-11-23 15:00  high      Grace Hopper
  tccc  Book the demo room                                                            2026-11-26        low
  == activity list
  ID    AT                KIND  WITH                                                                                     SUMMARY
  aaaa  2026-11-20 16:30  call  Grace Hopper, Difference engine, complete with the printing apparatus and spare columns  Pricing of the printing apparatus, and whether the spare columns are included
  $ COLUMNS=80 crm contact show grace
  id          kgrace0000000001
  name        Grace Hopper
  first_name  Grace
  last_name   Hopper
  email       grace@acme.example
  phone       0123 456 789
  title       Rear Admiral
  company     Acme Corporation
  address     city: Arlington, country: USA
  tags        customer, vip
  lifecycle   customer
  follow_up   2026-11-20
  cadence     30
  notes       Invented the first compiler.
              Prefers phone calls.
  created     2026-01-12 10:00
  updated     2026-03-01 10:00
  
  Tasks (1)
  ID    TITLE       DUE               PRIORITY  RELATED
  tbbb  Call Grace  2026-11-23 15:00  high      Grace Hopper
  
  Activities (1)
  ID    AT                KIND  WITH                      SUMMARY
  aaaa  2026-11-20 16:30  call  Grace Hopper, Differenc…  Pricing of the printing…
  $ COLUMNS=200 crm contact show grace
  id          kgrace0000000001
  name        Grace Hopper
  first_name  Grace
  last_name   Hopper
  email       grace@acme.example
  phone       0123 456 789
  title       Rear Admiral
  company     Acme Corporation
  address     city: Arlington, country: USA
  tags        customer, vip
  lifecycle   customer
  follow_up   2026-11-20
  cadence     30
  notes       Invented the first compiler.
              Prefers phone calls.
  created     2026-01-12 10:00
  updated     2026-03-01 10:00
  
  Tasks (1)
  ID    TITLE       DUE               PRIORITY  RELATED
  tbbb  Call Grace  2026-11-23 15:00  high      Grace Hopper
  
  Activities (1)
  ID    AT                KIND  WITH                                                                                     SUMMARY
  aaaa  2026-11-20 16:30  call  Grace Hopper, Difference engine, complete with the printing apparatus and spare columns  Pricing of the printing apparatus, and whether the spare columns are included
  $ COLUMNS=80 crm company show acme
  id            cacme0000000000a
  name          Acme Corporation
  domain        acme.example
  industry      Manufacturing
  size          250
  tags          customer
  relationship  customer
  created       2026-01-10 09:00
  updated       2026-01-10 09:00
  
  Contacts (2)
  ID    NAME          EMAIL           PHONE         COMPANY          TAGS
  kala  Alan Turing   alan@acme.exa…                Acme Corporati…  prospect
  kgra  Grace Hopper  grace@acme.ex…  0123 456 789  Acme Corporati…  customer, vip
  
  Deals (2)
  ID    NAME             COMPANY           STAGE                AMOUNT  CLOSE_DATE
  daaa  Difference eng…  Acme Corporation  negotiation  GBP 120,000.50  2026-11-20
  dccc  Compiler licen…  Acme Corporation  won            USD 9,500.00  2026-06-30
  $ COLUMNS=80 crm deal show daaa
  id           daaa000000000001
  name         Difference engine, complete with the printing apparatus and spare …
  company      Acme Corporation
  amount       GBP 120,000.50
  currency     GBP
  stage        negotiation
  probability  80
  close_date   2026-11-20
  owner        sam
  created      2026-02-01 10:00
  updated      2026-11-01 10:00
  
  Tasks (1)
  ID    TITLE                      DUE         PRIORITY  RELATED
  taaa  Send the revised quote f…  2026-11-20  urgent    Difference engine, compl…
  
  Activities (1)
  ID    AT                KIND  WITH                      SUMMARY
  aaaa  2026-11-20 16:30  call  Grace Hopper, Differenc…  Pricing of the printing…
  $ COLUMNS=200 crm deal show daaa
  id           daaa000000000001
  name         Difference engine, complete with the printing apparatus and spare columns
  company      Acme Corporation
  amount       GBP 120,000.50
  currency     GBP
  stage        negotiation
  probability  80
  close_date   2026-11-20
  owner        sam
  created      2026-02-01 10:00
  updated      2026-11-01 10:00
  
  Tasks (1)
  ID    TITLE                                                                         DUE         PRIORITY  RELATED
  taaa  Send the revised quote for the difference engine with the printing apparatus  2026-11-20  urgent    Difference engine, complete with the printing apparatus and spare columns
  
  Activities (1)
  ID    AT                KIND  WITH                                                                                     SUMMARY
  aaaa  2026-11-20 16:30  call  Grace Hopper, Difference engine, complete with the printing apparatus and spare columns  Pricing of the printing apparatus, and whether the spare columns are included
  $ COLUMNS=80 crm task show taaa
  id        taaa000000000001
  title     Send the revised quote for the difference engine with the printing ap…
  due       2026-11-20
  priority  urgent
  related   Difference engine, complete with the printing apparatus and spare col…
  created   2026-11-01 10:00
  updated   2026-11-01 10:00
  
  Related (1)
  ID    NAME               COMPANY           STAGE        AMOUNT (GBP)  CLOSE_DATE
  daaa  Difference engin…  Acme Corporation  negotiation    120,000.50  2026-11-20
  $ COLUMNS=80 crm activity show aaaa
  id       aaaa000000000001
  kind     call
  at       2026-11-20 16:30
  summary  Pricing of the printing apparatus, and whether the spare columns are i…
  with     Grace Hopper, Difference engine, complete with the printing apparatus …
  created  2026-11-20 16:45
  updated  2026-11-20 16:45
  
  With (2)
  ID    NAME                    EMAIL               PHONE         COMPANY
  kgra  Grace Hopper            grace@acme.example  0123 456 789  Acme Corporation
  daaa  Difference engine, co…                                    Acme Corporation
  $ COLUMNS=80 crm agenda
  Overdue tasks (1)
  ID    DATE        WHAT                            DETAIL
  taaa  2026-11-20  Send the revised quote for th…  Difference engine, complete w…
  
  Tasks due in the next 7 days (3)
  ID    DATE              WHAT                DETAIL
  teee  2026-11-23        Weekly review
  tbbb  2026-11-23 15:00  Call Grace          Grace Hopper
  tccc  2026-11-26        Book the demo room
  
  Follow-ups due (1)
  ID    DATE        WHAT          DETAIL
  kgra  2026-11-20  Grace Hopper  Acme Corporation, 0123 456 789
  
  Open deals past their close date (1)
  ID    DATE        WHAT                               DETAIL
  daaa  2026-11-20  Difference engine, complete with…  negotiation, GBP 120,000.50
  $ COLUMNS=200 crm agenda
  Overdue tasks (1)
  ID    DATE        WHAT                                                                          DETAIL
  taaa  2026-11-20  Send the revised quote for the difference engine with the printing apparatus  Difference engine, complete with the printing apparatus and spare columns
  
  Tasks due in the next 7 days (3)
  ID    DATE              WHAT                DETAIL
  teee  2026-11-23        Weekly review
  tbbb  2026-11-23 15:00  Call Grace          Grace Hopper
  tccc  2026-11-26        Book the demo room
  
  Follow-ups due (1)
  ID    DATE        WHAT          DETAIL
  kgra  2026-11-20  Grace Hopper  Acme Corporation, 0123 456 789
  
  Open deals past their close date (1)
  ID    DATE        WHAT                                                                       DETAIL
  daaa  2026-11-20  Difference engine, complete with the printing apparatus and spare columns  negotiation, GBP 120,000.50
  $ COLUMNS=80 crm report
  Dashboard 2026-11-23
  Open pipeline       1 deal  GBP 120,000.50     weighted GBP 96,000.40
                      1 deal  JPY 15,000,000.00  weighted JPY 7,500,000.00
                      1 deal  USD 4,000.00       weighted USD 400.00
  Closing in 2026-11  1 deal  GBP 120,000.50     weighted GBP 96,000.40     won GBP 0.00
  Win rate, 90 days   n/a     0 won, 0 lost
  Overdue tasks       1
  Stale deals         2
  Follow-ups due      1
  $ COLUMNS=200 crm report
  Dashboard 2026-11-23
  Open pipeline       1 deal  GBP 120,000.50     weighted GBP 96,000.40
                      1 deal  JPY 15,000,000.00  weighted JPY 7,500,000.00
                      1 deal  USD 4,000.00       weighted USD 400.00
  Closing in 2026-11  1 deal  GBP 120,000.50     weighted GBP 96,000.40     won GBP 0.00
  Win rate, 90 days   n/a     0 won, 0 lost
  Overdue tasks       1
  Stale deals         2
  Follow-ups due      1
  $ for r in pipeline forecast funnel winrate velocity sources activity overdue stale; do echo "== $r"; COLUMNS=80 crm report $r ; done
  == pipeline
  STAGE          CURRENCY  PROBABILITY  COUNT             AMOUNT          WEIGHTED
  qualification  USD                10      1       USD 4,000.00        USD 400.00
  proposal       JPY                50      1  JPY 15,000,000.00  JPY 7,500,000.00
  negotiation    GBP                80      1     GBP 120,000.50     GBP 96,000.40
  total          GBP                        1     GBP 120,000.50     GBP 96,000.40
  total          JPY                        1  JPY 15,000,000.00  JPY 7,500,000.00
  total          USD                        1       USD 4,000.00        USD 400.00
  == forecast
  PERIOD   CURRENCY  COUNT             AMOUNT          WEIGHTED       WON
  2026-11  GBP           1     GBP 120,000.50     GBP 96,000.40  GBP 0.00
  2026-11  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2026-11  USD           0           USD 0.00          USD 0.00  USD 0.00
  2026-12  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2026-12  JPY           1  JPY 15,000,000.00  JPY 7,500,000.00  JPY 0.00
  2026-12  USD           1       USD 4,000.00        USD 400.00  USD 0.00
  2027-01  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2027-01  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2027-01  USD           0           USD 0.00          USD 0.00  USD 0.00
  2027-02  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2027-02  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2027-02  USD           0           USD 0.00          USD 0.00  USD 0.00
  2027-03  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2027-03  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2027-03  USD           0           USD 0.00          USD 0.00  USD 0.00
  2027-04  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2027-04  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2027-04  USD           0           USD 0.00          USD 0.00  USD 0.00
  total    GBP           1     GBP 120,000.50     GBP 96,000.40  GBP 0.00
  total    JPY           1  JPY 15,000,000.00  JPY 7,500,000.00  JPY 0.00
  total    USD           1       USD 4,000.00        USD 400.00  USD 0.00
  == funnel
  STAGE           REACHED  CONVERSION
  qualification         0  n/a
  needs-analysis        0  n/a
  proposal              0  n/a
  negotiation           0  n/a
  won                   0
  lost                  0
  == winrate
  CURRENCY  WON  LOST   RATE  WON_AMOUNT (USD)  LOST_AMOUNT (USD)  AMOUNT_RATE
  USD         1     1  50.0%          9,500.00             700.00        93.1%
  == velocity
  CURRENCY  OPEN  WON  LOST  AVERAGE_DEAL (USD)  WIN_RATE  CYCLE_DAYS  VELOCITY (USD)
  GBP          1    0     0                 n/a       n/a         n/a             n/a
  JPY          1    0     0                 n/a       n/a         n/a             n/a
  USD          1    1     1            9,500.00     50.0%        88.2           53.85
  == sources
  SOURCE  CURRENCY  LEADS  CONVERTED  CONVERSION_RATE  WON  WON_AMOUNT (USD)
          USD           0          0  n/a                1          9,500.00
  total   USD           0          0  n/a                1          9,500.00
  == activity
  PERIOD   CALL  EMAIL  MEETING  NOTE  FORM  COUNT  TASKS_DONE
  2026-11     1      0        0     0     0      1           1
  total       1      0        0     0     0      1           1
  == overdue
  TYPE     ID                DATE        TITLE                        DAYS_OVERDUE
  task     taaa000000000001  2026-11-20  Send the revised quote for…             3
  contact  kgrace0000000001  2026-11-20  Grace Hopper                            3
  == stale
  ID                NAME            STAGE          OWNER  LAST_TOUCH      DAYS_IDLE
  dbbb000000000002  Robot arms fo…  proposal       kim    2026-03-01T10…        267
  deee000000000005  Training days   qualification  alex   2026-10-01T10…         53
  $ for r in pipeline forecast funnel winrate velocity sources activity overdue stale; do echo "== $r"; COLUMNS=200 crm report $r ; done
  == pipeline
  STAGE          CURRENCY  PROBABILITY  COUNT             AMOUNT          WEIGHTED
  qualification  USD                10      1       USD 4,000.00        USD 400.00  ████████████████████
  proposal       JPY                50      1  JPY 15,000,000.00  JPY 7,500,000.00  ████████████████████
  negotiation    GBP                80      1     GBP 120,000.50     GBP 96,000.40  ████████████████████
  total          GBP                        1     GBP 120,000.50     GBP 96,000.40
  total          JPY                        1  JPY 15,000,000.00  JPY 7,500,000.00
  total          USD                        1       USD 4,000.00        USD 400.00
  == forecast
  PERIOD   CURRENCY  COUNT             AMOUNT          WEIGHTED       WON
  2026-11  GBP           1     GBP 120,000.50     GBP 96,000.40  GBP 0.00  ████████████████████
  2026-11  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2026-11  USD           0           USD 0.00          USD 0.00  USD 0.00
  2026-12  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2026-12  JPY           1  JPY 15,000,000.00  JPY 7,500,000.00  JPY 0.00  ████████████████████
  2026-12  USD           1       USD 4,000.00        USD 400.00  USD 0.00  ████████████████████
  2027-01  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2027-01  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2027-01  USD           0           USD 0.00          USD 0.00  USD 0.00
  2027-02  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2027-02  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2027-02  USD           0           USD 0.00          USD 0.00  USD 0.00
  2027-03  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2027-03  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2027-03  USD           0           USD 0.00          USD 0.00  USD 0.00
  2027-04  GBP           0           GBP 0.00          GBP 0.00  GBP 0.00
  2027-04  JPY           0           JPY 0.00          JPY 0.00  JPY 0.00
  2027-04  USD           0           USD 0.00          USD 0.00  USD 0.00
  total    GBP           1     GBP 120,000.50     GBP 96,000.40  GBP 0.00
  total    JPY           1  JPY 15,000,000.00  JPY 7,500,000.00  JPY 0.00
  total    USD           1       USD 4,000.00        USD 400.00  USD 0.00
  == funnel
  STAGE           REACHED  CONVERSION
  qualification         0  n/a
  needs-analysis        0  n/a
  proposal              0  n/a
  negotiation           0  n/a
  won                   0
  lost                  0
  == winrate
  CURRENCY  WON  LOST   RATE  WON_AMOUNT (USD)  LOST_AMOUNT (USD)  AMOUNT_RATE
  USD         1     1  50.0%          9,500.00             700.00        93.1%
  == velocity
  CURRENCY  OPEN  WON  LOST  AVERAGE_DEAL (USD)  WIN_RATE  CYCLE_DAYS  VELOCITY (USD)
  GBP          1    0     0                 n/a       n/a         n/a             n/a
  JPY          1    0     0                 n/a       n/a         n/a             n/a
  USD          1    1     1            9,500.00     50.0%        88.2           53.85
  == sources
  SOURCE  CURRENCY  LEADS  CONVERTED  CONVERSION_RATE  WON  WON_AMOUNT (USD)
          USD           0          0  n/a                1          9,500.00
  total   USD           0          0  n/a                1          9,500.00
  == activity
  PERIOD   CALL  EMAIL  MEETING  NOTE  FORM  COUNT  TASKS_DONE
  2026-11     1      0        0     0     0      1           1  ████████████████████
  total       1      0        0     0     0      1           1
  == overdue
  TYPE     ID                DATE        TITLE                                                                         DAYS_OVERDUE
  task     taaa000000000001  2026-11-20  Send the revised quote for the difference engine with the printing apparatus             3
  contact  kgrace0000000001  2026-11-20  Grace Hopper                                                                             3
  == stale
  ID                NAME                  STAGE          OWNER  LAST_TOUCH            DAYS_IDLE
  dbbb000000000002  Robot arms for Osaka  proposal       kim    2026-03-01T10:00:00Z        267
  deee000000000005  Training days         qualification  alex   2026-10-01T10:00:00Z         53

--wide, or a pipe without COLUMNS, cuts nothing; no line is wider than
COLUMNS when it need not be.

  $ COLUMNS=60 crm deal list --wide | grep -c 'Difference engine, complete with the printing apparatus and spare columns'
  1
  $ crm task list | grep -c 'Send the revised quote for the difference engine with the printing apparatus'
  1
  $ for n in contact company deal task activity; do COLUMNS=80 crm $n list; done | python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in sys.stdin))'
  80

Times: local in tables, ISO UTC in json and csv.

  $ TZ=Europe/Berlin crm task list --fields title,due call
  ID    TITLE       DUE
  tbbb  Call Grace  2026-11-23 16:00
  $ TZ=Europe/Berlin crm task list --format csv --fields title,due call
  id,title,due
  tbbb000000000002,Call Grace,2026-11-23T15:00:00Z
  $ TZ=Europe/Berlin crm activity show aaaa --format json --fields at
  {
    "id": "aaaa000000000001",
    "type": "activity",
    "at": "2026-11-20T16:30:00Z"
  }

Money: show formats it as reports do; one currency in a column says it once,
in the header.

  $ crm deal list stage=proposal --fields name,amount
  ID    NAME                   AMOUNT (JPY)
  dbbb  Robot arms for Osaka  15,000,000.00
  $ crm deal show dccc --fields amount
  id      dccc000000000003
  amount  USD 9,500.00
  $ crm deal show daaa --format json | grep -E '"(amount|probability)"'
    "amount": 120000.50,
    "probability": 80,
  $ crm deal show dbbb --format json --fields amount
  {
    "id": "dbbb000000000002",
    "type": "deal",
    "amount": 15000000
  }
