Derived fields of deals and tickets (product.md, "Derived fields"):
computed when read, never stored, usable wherever a field is — filters
(with `or`, in segments, rules' `if`, reports, export, assignment and a
campaign's segment), --fields, --sort, json.

A deal's probability is its own when set, else its stage's (the default
pipeline: qualification 10, proposal 50, negotiation 80).

  $ crm init s >/dev/null 2>&1 && cd s
  $ export CRM_NOW=2026-11-27T15:00:00Z CRM_TODAY=2026-11-27
  $ printf 'id: d1aa000000000001\nname: Press\nstage: proposal\namount: 5000\n' | crm deal add --from -
  d1aa000000000001
  $ printf 'id: d2aa000000000002\nname: Lathe\nstage: qualification\namount: 900\n' | crm deal add --from -
  d2aa000000000002
  $ printf 'id: d3aa000000000003\nname: Drill\nstage: qualification\namount: 300\n' | crm deal add --from -
  d3aa000000000003
  $ printf 'id: d4aa000000000004\nname: Mill\nstage: negotiation\namount: 7000\ntags: [vip]\n' | crm deal add --from -
  d4aa000000000004
  $ crm deal set d3aa probability=60
  $ crm deal list --fields name,stage,probability --sort probability:desc
  ID    NAME   STAGE          PROBABILITY
  d4aa  Mill   negotiation             80
  d3aa  Drill  qualification           60
  d1aa  Press  proposal                50
  d2aa  Lathe  qualification           10
  $ crm deal list 'probability>40' --sort probability
  ID    NAME   STAGE          AMOUNT (USD)
  d1aa  Press  proposal           5,000.00
  d3aa  Drill  qualification        300.00
  d4aa  Mill   negotiation        7,000.00
  $ crm deal list 'probability<=10' or +vip --fields name,probability --format csv
  id,name,probability
  d2aa000000000002,Lathe,10
  d4aa000000000004,Mill,80
  $ crm deal list 'probability>40' --fields probability --format json
  [
    {
      "id": "d1aa000000000001",
      "type": "deal",
      "probability": 50
    },
    {
      "id": "d3aa000000000003",
      "type": "deal",
      "probability": 60
    },
    {
      "id": "d4aa000000000004",
      "type": "deal",
      "probability": 80
    }
  ]
  $ crm deal show d1aa --fields probability --format json
  {
    "id": "d1aa000000000001",
    "type": "deal",
    "probability": 50
  }

Only what was set by hand is in the files; the stored field stays writable
and its own value wins over the stage's.

  $ grep -l probability deals/*.yaml
  deals/d3aa000000000003.yaml
  $ crm deal set d1aa probability=30 && crm deal list 'probability>40' --format ids
  d3aa000000000003
  d4aa000000000004

A rule reads the derived probability: moving the lathe to negotiation (80)
tags it; the press (its own 30 in proposal) is not.

  $ cat > .crm/rules.yaml <<'YAML'
  > - name: likely
  >   on: deal.stage
  >   if: probability>40
  >   do:
  >     - tag: likely
  > YAML
  $ crm rules check
  $ crm deal move d2aa negotiation
  crm: rule likely on deal d2aa000000000002: tag +likely
  $ crm deal move d1aa negotiation
  $ crm deal list +likely --format ids
  d2aa000000000002
  $ grep -c probability deals/d2aa000000000002.yaml
  0
  [1]

Reports take the same filters. Above 40: the drill (its own 60, 300 →
180 weighted) in qualification; the lathe (900 → 720) and the mill (7,000
→ 5,600) in negotiation, where the press's own 30 leaves it out.

  $ crm report pipeline 'probability>40' --format csv
  stage,currency,probability,count,amount,weighted,total
  qualification,USD,10,1,300,180,false
  needs-analysis,USD,20,0,0,0,false
  proposal,USD,50,0,0,0,false
  negotiation,USD,80,2,7900,6320,false
  total,USD,,3,8200,6500,true

Tickets: age is how long the ticket has been open in days — calendar time
from its opening to when it was solved (closed), else to now — floored to
a tenth (so age>=1 is "open at least 24 hours"). breached is true when a
breach is recorded or a due time has passed while it is open. Business
hours 09:00-17:00 Monday to Friday, UTC; the standard policy gives 8
business hours to a first response and 3 business days (24 business
hours) to the solution.

  $ cat >> .crm/config.yaml <<'YAML'
  > business_hours: {days: mon-fri, from: "09:00", to: "17:00"}
  > sla:
  >   - {name: standard, first_response: 8h, resolution: 3d}
  > YAML
  $ at() { export CRM_NOW=$1 CRM_TODAY=${1%%T*}; }

Monday 23rd 09:00: the printer ticket, answered at 10:00 (in time), due to
be solved Wednesday 17:00. 12:00: the invoice ticket, solved at 14:00
without a reply, long before its first response was due (Tuesday 12:00).
Tuesday 24th 09:00: the password ticket, first response due 17:00, solved
Wednesday 10:00 without a reply: the solve records the breach. Thursday
26th 16:00: the laptop ticket, first response due Friday 16:00.

  $ at 2026-11-23T09:00:00Z
  $ printf 'id: t1aa000000000001\nsubject: Printer jams\n' | crm ticket add --from -
  t1aa000000000001
  $ at 2026-11-23T10:00:00Z
  $ crm ticket reply t1aa "Try firmware 2.1" >/dev/null
  $ at 2026-11-23T12:00:00Z
  $ printf 'id: t3aa000000000003\nsubject: Wrong invoice\n' | crm ticket add --from -
  t3aa000000000003
  $ at 2026-11-23T14:00:00Z
  $ crm ticket solve t3aa
  $ at 2026-11-24T09:00:00Z
  $ printf 'id: t4aa000000000004\nsubject: Lost password\n' | crm ticket add --from -
  t4aa000000000004
  $ at 2026-11-25T10:00:00Z
  $ crm ticket solve t4aa
  $ at 2026-11-26T16:00:00Z
  $ printf 'id: t2aa000000000002\nsubject: New laptop\n' | crm ticket add --from -
  t2aa000000000002

Friday 27th 15:00. Printer: open since Monday 09:00, 4 days 6 hours = 4.25
→ 4.2, past its resolution due (Wednesday 17:00) while open: breached.
Password: 25 hours from Tuesday 09:00 to Wednesday 10:00 = 1.04 → 1.0 (it
stopped when solved), breach recorded. Laptop: 23 hours = 0.96 → 0.9 (not
rounded up to 1), due in an hour: not breached. Invoice: 2 hours → 0.0,
solved in time: not breached, though its response due has passed.

  $ at 2026-11-27T15:00:00Z
  $ crm ticket list --fields subject,status,age,breached --sort age:desc
  ID    SUBJECT        STATUS  AGE  BREACHED
  t1aa  Printer jams   open    4.2  true
  t4aa  Lost password  solved  1.0  true
  t2aa  New laptop     new     0.9  false
  t3aa  Wrong invoice  solved  0.0  false
  $ crm ticket list breached=true --fields age,breached --format json
  [
    {
      "id": "t1aa000000000001",
      "type": "ticket",
      "age": 4.2,
      "breached": true
    },
    {
      "id": "t4aa000000000004",
      "type": "ticket",
      "age": 1.0,
      "breached": true
    }
  ]
  $ crm ticket list 'age>=1' or status=solved --fields subject,age --sort subject
  ID    SUBJECT        AGE
  t4aa  Lost password  1.0
  t1aa  Printer jams   4.2
  t3aa  Wrong invoice  0.0
  $ crm ticket list breached=no 'age<1' --format ids
  t3aa000000000003
  t2aa000000000002
  $ crm ticket show t1aa --fields age,breached --format yaml
  - id: t1aa000000000001
    age: 4.2
    breached: true

A segment of breached tickets, and its count; it follows the clock: at
Friday 16:00 the laptop's first response is late too.

  $ crm segment add --name late --type ticket --filter "breached=true status!=solved" >/dev/null
  $ crm ticket list @late --format ids
  t1aa000000000001
  $ crm segment list --fields name,count
  ID    NAME  COUNT
  [a-z0-9]{4}  late      1 (re)
  $ CRM_NOW=2026-11-27T16:00:01Z crm ticket list @late --format ids
  t1aa000000000001
  t2aa000000000002

The backlog report of breached tickets: the printer ticket alone is still
open (opened on the 23rd: 4 days old).

  $ crm report tickets breached=true --format csv
  status,low,normal,high,urgent,total,oldest_days,total_row
  open,0,1,0,0,1,4,false
  total,0,1,0,0,1,4,true

An export selects by them too, and writes the records as stored.

  $ crm export jsonl --type ticket breached=true | grep -c '"breached"'
  0
  [1]
  $ crm export jsonl --type ticket breached=true | cut -c1-28
  {"id":"t1aa000000000001","ty
  {"id":"t4aa000000000004","ty

Assignment steps read them, through a segment: a ticket of @late goes to
the lead. (A step's `if` is checked when the config is read, before the
store's records and their derived fields are known: a derived field is
named through a segment there.)

  $ crm config set owners '[lee, sam]'
  $ cat >> .crm/config.yaml <<'YAML'
  > assignment:
  >   ticket:
  >     - {if: "@late", to: lee}
  >     - {to: sam}
  > YAML
  $ crm ticket assign t1aa --auto 2>&1
  crm: ticket Printer jams (t1aa000000000001) assigned to lee
  $ crm ticket assign t2aa --auto 2>&1
  crm: ticket New laptop (t2aa000000000002) assigned to sam
  $ crm ticket list --fields subject,owner,breached --sort subject
  ID    SUBJECT        OWNER  BREACHED
  t4aa  Lost password         true
  t2aa  New laptop     sam    false
  t1aa  Printer jams   lee    true
  t3aa  Wrong invoice         false

Nothing derived is written to a ticket (the password ticket's file holds
the breach the solve recorded, not the derived field).

  $ grep -cw 'age\|breached' tickets/*.yaml
  tickets/t1aa000000000001.yaml:0
  tickets/t2aa000000000002.yaml:0
  tickets/t3aa000000000003.yaml:0
  tickets/t4aa000000000004.yaml:0
  [1]
  $ grep -A2 '^breaches' tickets/t4aa000000000004.yaml
  breaches:
    - kind: first_response
      at: 2026-11-24T17:00:00Z

Bad input: derived fields cannot be set; a bool is true or false; an age
is a number.

  $ crm ticket set t1aa breached=false
  crm: error: "breached" is derived (computed when read, never stored) for ticket: it cannot be set
  [2]
  $ crm ticket add --subject Other --set age=3
  crm: error: "age" is derived (computed when read, never stored) for ticket: it cannot be set
  [2]
  $ crm ticket list breached=maybe
  crm: error: "maybe" is not true or false (breached)
  [2]
  $ crm ticket list 'age>old'
  crm: error: "old" is not a number (age)
  [2]

The same selection serves a campaign: a segment of contacts by revenue
(a derived field of contacts) is its recipients — Ada bought, Bob did not.

  $ crm config set campaigns.from 'Shop <news@shop.example>' && crm config set campaigns.unsubscribe mailto:leave@shop.example
  $ crm contact add --name "Ada Byron" --email ada@example.com > /dev/null
  $ crm contact add --name "Bob Stone" --email bob@example.com > /dev/null
  $ crm product add --name Lamp --sku L1 --price 40 > /dev/null
  $ crm order add --contact ada --date 2026-11-20 --line L1 --status paid > /dev/null
  $ crm segment add --name buyers --type contact --filter "revenue>0" > /dev/null
  $ mkdir templates && printf 'Subject: Thanks, {{first_name}}\n\nHello\n\n{{unsubscribe}}\n' > templates/thanks.txt
  $ crm campaign add --name Thanks --segment buyers --template thanks.txt > /dev/null
  $ crm campaign send thanks --dry-run 2>&1
  CONTACT           NAME       EMAIL            RESULT
  [a-z0-9]{16}  Ada Byron  ada@example.com  would send (re)
  crm: dry run: 1 would be sent; 1 recipient; status draft
