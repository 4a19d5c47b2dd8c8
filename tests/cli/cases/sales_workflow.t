The sales workflow end to end: a web lead becomes a contact, a company and a
deal of 12000; the deal moves through the pipeline; a call is logged; a weekly
task recurs; the agenda shows what is overdue; the pipeline report sums
exactly; the deal is won; a hand edit breaks a reference and check says where.

  $ crm init s 2>/dev/null && cd s
  $ lead=$(crm lead add --name "Ada Lovelace" --email ada@example.com --company "Analytical Engines Ltd" --source web --value 15000)
  $ crm lead convert "$lead" --deal --amount 12000 | sed -E 's/[a-z0-9]{16}$/ID/'
  TYPE     ACTION   NAME                    ID
  contact  created  Ada Lovelace            ID
  company  created  Analytical Engines Ltd  ID
  [a-z0-9]{4}     created  Analytical Engines Ltd  ID (re)
  $ crm lead show "$lead" --format json --fields status,converted_at | grep -v '"id"'
  {
    "type": "lead",
    "status": "converted",
    "converted_at": "2026-11-23T09:00:00Z"
  }
  $ crm lead convert "$lead" --deal 2>&1 | sed -E 's/[a-z0-9]{16}/ID/g'
  crm: error: lead Ada Lovelace (ID) was already converted on 2026-11-23T09:00:00Z to contact ID

Converting twice is refused; the contact, company and deal are linked.

  $ crm contact list --fields name,email,company,lifecycle
  ID    NAME          EMAIL            COMPANY                 LIFECYCLE
  [a-z0-9]{4}  Ada Lovelace  ada@example\.com  Analytical Engines Ltd  opportunity (re)
  $ crm company list --fields name,domain,relationship
  ID    NAME                    DOMAIN       RELATIONSHIP
  [a-z0-9]{4}  Analytical Engines Ltd  example\.com  prospect (re)
  $ deal=$(crm -q deal list) && crm deal show "$deal" --format json --fields name,amount,stage,stage_history | grep -v '"id"'
  {
    "type": "deal",
    "name": "Analytical Engines Ltd",
    "amount": 12000,
    "stage": "qualification",
    "stage_history": [
      {
        "stage": "qualification",
        "at": "2026-11-23T09:00:00Z"
      }
    ]
  }

The deal moves qualification → proposal → negotiation, each move recorded.

  $ CRM_NOW=2026-11-24T10:00:00Z crm deal move "$deal" proposal
  $ CRM_NOW=2026-11-25T11:00:00Z crm deal move "$deal" negotiation
  $ crm deal move "$deal" negotiation
  crm: deal Analytical Engines Ltd is already in negotiation
  $ crm deal move "$deal" closed-won
  crm: error: unknown stage "closed-won" (stages: qualification, needs-analysis, proposal, negotiation, won, lost)
  [2]
  $ crm deal show "$deal" --format yaml --fields stage,stage_history | tail -n +2
    stage: negotiation
    stage_history:
      - stage: qualification
        at: 2026-11-23T09:00:00Z
      - stage: proposal
        at: 2026-11-24T10:00:00Z
      - stage: negotiation
        at: 2026-11-25T11:00:00Z

A call logged by email moves the contact's follow-up by its cadence.

  $ crm contact set ada cadence=14
  $ CRM_NOW=2026-11-25T15:30:00Z crm log call ada@example.com "pricing" --duration 20m --direction out --outcome connected | wc -c
  17
  $ crm contact show ada --fields follow_up
  id         [a-z0-9]{16} (re)
  follow_up  2026-12-09
  $ crm contact show ada | tail -n +8
  cadence    14
  created    2026-11-23 09:00
  updated    2026-11-25 15:30
  
  Leads (1)
  ID    NAME          EMAIL            COMPANY_NAME            SOURCE  STATUS
  [a-z0-9]{4}  Ada Lovelace  ada@example\.com  Analytical Engines Ltd  web     converted (re)
  
  Deals (1)
  ID    NAME                    COMPANY                 STAGE        AMOUNT (USD)
  [a-z0-9]{4}  Analytical Engines Ltd  Analytical Engines Ltd  negotiation     12,000\.00 (re)
  
  Activities (1)
  ID    AT                KIND  WITH          SUMMARY
  [a-z0-9]{4}  2026\-11\-25 15:30  call  Ada Lovelace  pricing (re)
  $ crm activity list --fields kind,with,summary,duration
  ID    KIND  WITH          SUMMARY  DURATION
  [a-z0-9]{4}  call  Ada Lovelace  pricing  20m (re)

A weekly task: done, its next occurrence is due 7 days after the old due date (not today), made once.

  $ task=$(crm task add --title "Weekly check-in" --due 2026-11-16 --recur weekly --for ada --priority high)
  $ crm agenda
  Overdue tasks (1)
  ID    DATE        WHAT             DETAIL
  [a-z0-9]{4}  2026\-11\-16  Weekly check\-in  Ada Lovelace (re)
  $ crm task done "$task" | wc -c
  crm: next: Weekly check\-in due 2026\-11\-23 \([a-z0-9]{16}\) (re)
  17
  $ crm task list --fields title,due,status --sort due --all
  ID    TITLE            DUE         STATUS
  [a-z0-9]{4}  Weekly check\-in  2026\-11\-16  done (re)
  [a-z0-9]{4}  Weekly check\-in  2026\-11\-23  open (re)
  $ crm task reopen "$task" && crm task done "$task"
  $ crm task list --format csv --fields title,due,status --sort due --all | cut -d, -f2-
  title,due,status
  Weekly check-in,2026-11-16,done
  Weekly check-in,2026-11-23,open
  $ crm task done nothing-like-this
  crm: error: no task matches "nothing-like-this"
  [1]

The pipeline report: exact weighted sums.

  $ crm deal add --name "Small" --amount 999.99 --stage proposal --company analytical > /dev/null
  $ crm deal add --name "Odd" --amount 1234.57 --stage qualification --set probability=15 > /dev/null
  $ crm report pipeline
  STAGE           CURRENCY  PROBABILITY  COUNT  AMOUNT (USD)  WEIGHTED (USD)
  qualification   USD                10      1      1,234.57          185.19  ▍
  needs-analysis  USD                20      0          0.00            0.00
  proposal        USD                50      1        999.99          500.00  █
  negotiation     USD                80      1     12,000.00        9,600.00  ████████████████████
  total           USD                        3     14,234.56       10,285.18
  $ crm report pipeline --format json
  {
    "report": "pipeline",
    "rows": [
      {
        "stage": "qualification",
        "currency": "USD",
        "probability": 10,
        "count": 1,
        "amount": 1234.57,
        "weighted": 185.1855
      },
      {
        "stage": "needs-analysis",
        "currency": "USD",
        "probability": 20,
        "count": 0,
        "amount": 0,
        "weighted": 0
      },
      {
        "stage": "proposal",
        "currency": "USD",
        "probability": 50,
        "count": 1,
        "amount": 999.99,
        "weighted": 499.995
      },
      {
        "stage": "negotiation",
        "currency": "USD",
        "probability": 80,
        "count": 1,
        "amount": 12000,
        "weighted": 9600
      }
    ],
    "totals": [
      {
        "stage": "total",
        "currency": "USD",
        "probability": null,
        "count": 3,
        "amount": 14234.56,
        "weighted": 10285.1805
      }
    ]
  }
  $ crm report pipeline --format csv stage=proposal
  stage,currency,probability,count,amount,weighted,total
  qualification,USD,10,0,0,0,false
  needs-analysis,USD,20,0,0,0,false
  proposal,USD,50,1,999.99,499.995,false
  negotiation,USD,80,0,0,0,false
  total,USD,,1,999.99,499.995,true
  $ crm report nope
  crm: error: unknown report "nope" (reports: pipeline, forecast, funnel, winrate, velocity, sources, activity, overdue, stale, tickets, sla, csat, customers, rfm, revenue, churn, cohorts, products, campaign)
  [2]

Won: the deal leaves the open pipeline.

  $ CRM_NOW=2026-11-26T09:00:00Z crm deal won "$deal"
  $ crm deal show "$deal" --format json --fields stage,closed_at | grep -v '"id"'
  {
    "type": "deal",
    "stage": "won",
    "closed_at": "2026-11-26T09:00:00Z"
  }
  $ crm report pipeline --format csv
  stage,currency,probability,count,amount,weighted,total
  qualification,USD,10,1,1234.57,185.1855,false
  needs-analysis,USD,20,0,0,0,false
  proposal,USD,50,1,999.99,499.995,false
  negotiation,USD,80,0,0,0,false
  total,USD,,2,2234.56,685.1805,true
  $ crm deal lost Small --reason "went with a competitor" && crm deal show small --fields stage,lost_reason
  id           [a-z0-9]{16} (re)
  stage        lost
  lost_reason  went with a competitor
  $ crm deal move Small proposal && crm deal show small --fields stage,closed_at,lost_reason
  id     [a-z0-9]{16} (re)
  stage  proposal
  $ crm check

A hand edit that points the deal at a company that does not exist.

  $ sed -i 's/^company: .*/company: cnosuchcompany00/' deals/$deal.yaml
  $ crm check
  deals/[a-z0-9]{16}\.yaml:3:10: company: no company with id [a-z0-9]{16} (re)
  [3]
