Customer service end to end (issue 14): Ada's ticket opened Friday 16:00 is
auto-assigned, answered Monday 10:00 within its 8 business hours, waits on
her (pending pauses the resolution clock), is solved and rated 5; a second,
urgent ticket misses its one-hour first response. The sla and csat reports
show the figures worked out by hand below; Ada's page shows both tickets.
Business hours are 09:00-17:00 Monday to Friday in Europe/Berlin (UTC+1 in
November and December); CRM_NOW is UTC.

  $ crm init s >/dev/null 2>&1 && cd s
  $ sed -i '/^owners:/d' .crm/config.yaml && cat >> .crm/config.yaml <<'YAML'
  > timezone: Europe/Berlin
  > owners: [ana, ben]
  > assignment: {ticket: round-robin}
  > business_hours: {days: mon-fri, from: "09:00", to: "17:00", holidays: [2026-12-25]}
  > sla:
  >   - {name: urgent, if: "priority=urgent", first_response: 1h, resolution: 8h}
  >   - {name: standard, first_response: 8h, resolution: 3d}
  > YAML
  $ at() { export CRM_NOW=$1 CRM_TODAY=${1%%T*}; }
  $ crm contact add --name "Ada Lovelace" --email ada@example.com >/dev/null

Friday 2026-11-27 16:00 Berlin (15:00Z). Policy standard: the first response
is due after 8 business hours — 1 on Friday, 7 on Monday: Monday 16:00; the
resolution (3d = 3 business days = 24 business hours) Wednesday 16:00.

  $ at 2026-11-27T15:00:00Z
  $ t1=$(crm ticket add --subject "Printer jams on A3" --contact ada --channel email)
  $ crm ticket show "$t1" --fields sla,status,response_due,resolution_due,status_history --format yaml | tail -n +2
    sla: standard
    status: new
    response_due: 2026-11-30T15:00:00Z
    resolution_due: 2026-12-02T15:00:00Z
    status_history:
      - status: new
        at: 2026-11-27T15:00:00Z
  $ crm agenda | tail -n +1
  Tickets breached, breaching within 4 business hours, or new and unassigned (1)
  ID    DATE              WHAT                DETAIL
  [a-z0-9]{4}  2026-11-30 16:00  Printer jams on A3  unassigned, normal (re)
  $ crm ticket assign "$t1" --auto 2>&1 | sed "s/$t1/ID/"
  crm: ticket Printer jams on A3 (ID) assigned to ana

Monday 10:00: the reply is the first response, 2 business hours after
opening (Friday 16-17, Monday 9-10); the ticket moves to open.

  $ at 2026-11-30T09:00:00Z
  $ crm ticket reply "$t1" "Please try firmware 2.1; does it still jam?" | wc -c
  17
  $ at 2026-11-30T10:00:00Z
  $ crm ticket set "$t1" status=pending

Tuesday 11:00 Ada answers. Pending from Monday 11:00 to Tuesday 11:00 paused
8 business hours (6 + 2): at the pause 21 business hours were left (Monday
6, Tuesday 8, Wednesday 7), so the resolution is now due Thursday 16:00
(Tuesday 6, Wednesday 8, Thursday 7).

  $ at 2026-12-01T10:00:00Z
  $ crm ticket set "$t1" status=open
  $ crm ticket show "$t1" --fields resolution_due
  id              [a-z0-9]{16} (re)
  resolution_due  2026-12-03 16:00
  $ at 2026-12-01T13:00:00Z
  $ crm ticket solve "$t1" --note "Firmware 2.1 fixed it"
  $ crm ticket rate "$t1" 5 --comment "Quick and friendly"
  $ crm ticket show "$t1" | sed -n '/^Ticket /,$p'
  Ticket [a-z0-9]{4}, service level standard \(times in Europe/Berlin\) (re)
    first response  due 2026-11-30 16:00  met, answered 2026-11-30 10:00
    resolution      due 2026-12-03 16:00  met, solved 2026-12-01 14:00
  
  Activities (2)
  ID    AT                KIND   WITH                              SUMMARY
  [a-z0-9]{4}  2026-11-30 10:00  email  Printer jams on A3, Ada Lovelace  Please try firmware 2\.1; does it still jam\? (re)
  [a-z0-9]{4}  2026-12-01 14:00  note   Printer jams on A3, Ada Lovelace  Firmware 2\.1 fixed it (re)
  $ crm ticket show "$t1" --format yaml --fields status,solved_at,satisfaction,status_history | tail -n +2
    status: solved
    solved_at: 2026-12-01T13:00:00Z
    satisfaction: 5
    status_history:
      - status: new
        at: 2026-11-27T15:00:00Z
      - status: open
        at: 2026-11-30T09:00:00Z
      - status: pending
        at: 2026-11-30T10:00:00Z
      - status: open
        at: 2026-12-01T10:00:00Z
      - status: solved
        at: 2026-12-01T13:00:00Z

Resolution time: 14 business hours from opening to solved (Friday 1, Monday
8, Tuesday 5) less the 8 paused: 6.

A second ticket, urgent, Wednesday 10:00: the first response is due at
11:00. Round-robin gives it to ben, the owner after ana, who received the
last ticket.

  $ at 2026-12-02T09:00:00Z
  $ t2=$(crm ticket add --subject "Invoice shows the wrong VAT" --contact ada@example.com --priority urgent --channel phone)
  $ crm ticket assign "$t2" --auto 2>&1 | sed 's/ (.*)//'
  crm: ticket Invoice shows the wrong VAT assigned to ben
  $ at 2026-12-02T09:30:00Z
  $ crm agenda --owner ben
  Tickets breached, breaching within 4 business hours, or new and unassigned (1)
  ID    DATE              WHAT                         DETAIL
  [a-z0-9]{4}  2026-12-02 11:00  Invoice shows the wrong VAT  due in 30m, urgent (re)

Ben answers at 12:00, an hour late: the breach is recorded and stays.

  $ at 2026-12-02T11:00:00Z
  $ crm ticket reply "$t2" "Corrected invoice attached." >/dev/null
  $ at 2026-12-02T14:00:00Z
  $ crm ticket solve "$t2"
  $ crm ticket rate "$t2" 3 --comment "Slow to answer"
  $ crm ticket show "$t2" --format yaml --fields sla,first_response_at,breaches | tail -n +2
    sla: urgent
    first_response_at: 2026-12-02T11:00:00Z
    breaches:
      - kind: first_response
        at: 2026-12-02T10:00:00Z
  $ crm ticket reopen "$t2" && crm ticket solve "$t2"
  $ crm ticket show "$t2" --format json --fields breaches | grep -c first_response
  1

By hand, per month of opening: November, ticket 1: first response 2h,
resolution 6h, within SLA. December, ticket 2: first response 2h (10-12
Berlin), resolution 5h (10-15), breached. In all: medians 2.0 and
(5+6)/2 = 5.5, p90 the 2nd of 2 (rank ⌈0.9·2⌉ = 2): 2.0 and 6.0; within
SLA 1 of 2.

  $ crm report sla
  PERIOD   TICKETS  RESPONDED  RESPONSE_MEDIAN_H  RESPONSE_P90_H  SOLVED  RESOLUTION_MEDIAN_H  RESOLUTION_P90_H  WITHIN_SLA
  2026-11        1          1                2.0             2.0       1                  6.0               6.0      100.0%
  2026-12        1          1                2.0             2.0       1                  5.0               5.0        0.0%
  total          2          2                2.0             2.0       2                  5.5               6.0       50.0%

Satisfaction: ana 1 rating (5), ben 1 (3); satisfied means 4 or 5.

  $ crm report csat
  OWNER  RESPONSES  SATISFIED  SATISFIED_PCT  AVERAGE
  ana            1          1         100.0%     5.00
  ben            1          0           0.0%     3.00
  total          2          1          50.0%     4.00
  $ crm report csat --format csv
  owner,responses,satisfied,satisfied_pct,average,total
  ana,1,1,100,5,false
  ben,1,0,0,3,false
  total,2,1,50,4,true

Ada's page shows both tickets and the conversation.

  $ crm contact show ada | sed -n '/^Activities/,$p'
  Activities (3)
  ID    AT                KIND   WITH                                       SUMMARY
  [a-z0-9]{4}  2026-12-02 12:00  email  Invoice shows the wrong VAT, Ada Lovelace  Corrected invoice attached\. (re)
  [a-z0-9]{4}  2026-12-01 14:00  note   Printer jams on A3, Ada Lovelace           Firmware 2\.1 fixed it (re)
  [a-z0-9]{4}  2026-11-30 10:00  email  Printer jams on A3, Ada Lovelace           Please try firmware 2\.1; does it still jam\? (re)
  
  Tickets (2)
  ID    SUBJECT                      CONTACT       STATUS  PRIORITY  OWNER  RESOLUTION_DUE
  [a-z0-9]{4}  Printer jams on A3           Ada Lovelace  solved  normal    ana    2026-12-03 16:00 (re)
  [a-z0-9]{4}  Invoice shows the wrong VAT  Ada Lovelace  solved  urgent    ben    2026-12-03 10:00 (re)

A closed ticket takes no reply until it is reopened.

  $ crm ticket close "$t1" && crm ticket reply "$t1" "One more thing" 2>&1 | sed "s/$t1/ID/g"; echo "exit ${PIPESTATUS[0]}"
  crm: error: ticket Printer jams on A3 (ID) is closed: reopen it first (crm ticket reopen ID)
  exit 4

A third ticket nobody owns is the backlog: new, high, opened a day ago.

  $ at 2026-12-03T08:00:00Z
  $ crm ticket add --subject "Toner light stays on" --contact ada --priority high --channel web >/dev/null
  $ at 2026-12-04T12:00:00Z
  $ crm report tickets
  STATUS  LOW  NORMAL  HIGH  URGENT  TOTAL  OLDEST_DAYS
  new       0       0     1       0      1            1
  total     0       0     1       0      1            1
  $ crm agenda | tail -n +2
  ID    DATE              WHAT                  DETAIL
  [a-z0-9]{4}  2026-12-03 17:00  Toner light stays on  breached, unassigned, high (re)
  $ crm report tickets --format csv | head -2
  status,low,normal,high,urgent,total,oldest_days,total_row
  new,0,0,1,0,1,1,false
  $ crm report tickets --format jsonl | tail -1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["total"], d["total_row"])'
  total 1 True

By ISO week: ticket 1 in W48 (23-29 November); tickets 2 and 3 in W49,
both breached (the third has had no reply since Thursday 17:00), so 1 of 3
within SLA. The backlog by owner: the third nobody owns. In json, null
where there is nothing to measure.

  $ crm report sla --by week --format csv
  period,tickets,responded,response_median_h,response_p90_h,solved,resolution_median_h,resolution_p90_h,within_sla,total
  2026-W48,1,1,2,2,1,6,6,100,false
  2026-W49,2,1,2,2,1,5,5,0,false
  total,3,2,2,2,2,5.5,6,33.3,true
  $ crm report tickets --by owner
  OWNER  LOW  NORMAL  HIGH  URGENT  TOTAL  OLDEST_DAYS
           0       0     1       0      1            1
  total    0       0     1       0      1            1
  $ crm report sla --since 2026-12-03 --format json
  {
    "report": "sla",
    "rows": [
      {
        "period": "2026-12",
        "tickets": 1,
        "responded": 0,
        "response_median_h": null,
        "response_p90_h": null,
        "solved": 0,
        "resolution_median_h": null,
        "resolution_p90_h": null,
        "within_sla": 0
      }
    ],
    "totals": [
      {
        "period": "total",
        "tickets": 1,
        "responded": 0,
        "response_median_h": null,
        "response_p90_h": null,
        "solved": 0,
        "resolution_median_h": null,
        "resolution_p90_h": null,
        "within_sla": 0
      }
    ]
  }
