Tickets: bad input, service level settings that do not parse, assignment
rules, and the 24×7 clock of a store without business hours.

  $ crm init s >/dev/null 2>&1 && cd s
  $ export CRM_NOW=2026-11-27T15:00:00Z CRM_TODAY=2026-11-27

Unknown status, priority or channel: exit 2, naming the valid ones.

  $ crm ticket add --subject "Broken" --priority hot
  crm: error: priority: "hot" is not one of low, normal, high, urgent
  [2]
  $ crm ticket add --subject "Broken" --channel fax
  crm: error: channel: "fax" is not one of email, phone, web, chat, social, other
  [2]
  $ t=$(crm ticket add --subject "Broken")
  $ crm ticket set "$t" status=done
  crm: error: status: "done" is not one of new, open, pending, on-hold, solved, closed
  [2]

A rating is 1 to 5.

  $ crm ticket rate "$t" 6
  crm: error: a rating is a whole number from 1 to 5, not "6"
  [2]
  $ crm ticket rate "$t" 0
  crm: error: a rating is a whole number from 1 to 5, not "0"
  [2]
  $ crm ticket rate "$t" 4.5
  crm: error: a rating is a whole number from 1 to 5, not "4.5"
  [2]

Without sla: no due times; without owners, --auto cannot pick.

  $ crm ticket show "$t" --format yaml --fields sla,response_due | tail -n +2
  $ crm ticket show "$t" | grep -c '^Ticket [a-z0-9]\{4\}, no service level$'
  1
  $ crm ticket assign "$t" --auto
  crm: error: round-robin picks among owners: set them first (crm config set owners '[ana, ben]')
  [2]
  $ crm ticket assign "$t" kim --auto
  crm: error: ticket assign takes an owner or --auto (one of them)
  [2]

No business_hours: the clock runs all the time, and 1d is 24 hours.

  $ crm config set sla '[{name: standard, first_response: 4h, resolution: 1d}]'
  $ t2=$(crm ticket add --subject "Late on a Friday")
  $ crm ticket show "$t2" --format yaml --fields sla,response_due,resolution_due | tail -n +2
    sla: standard
    response_due: 2026-11-27T19:00:00Z
    resolution_due: 2026-11-28T15:00:00Z

A policy with a bad duration or filter is invalid data naming the line.

  $ cp .crm/config.yaml good.yaml
  $ printf 'version: 1\nsla:\n  - {name: fast, first_response: soon, resolution: 8h}\n' > .crm/config.yaml
  $ crm ticket list
  crm: error: .crm/config.yaml:3:34: sla.fast.first_response: "soon" is not a duration (30m, 1h, 8h, 3d: business hours and days)
  [3]
  $ printf 'version: 1\nsla:\n  - name: vip\n    if: "tier=gold"\n    first_response: 1h\n' > .crm/config.yaml
  $ crm ticket list
  crm: error: .crm/config.yaml:4:9: sla.vip.if: unknown field "tier" for ticket (fields: subject, contact, company, status, priority, channel, owner, team, category, tags, description, sla, response_due, resolution_due, first_response_at, solved_at, closed_at, satisfaction, satisfaction_comment, related, message_ids, status_history, breaches, notes, external_ids, import_notes)
  [3]
  $ printf 'version: 1\nbusiness_hours: {days: mon-fri, from: "17:00", to: "09:00"}\n' > .crm/config.yaml
  $ crm ticket list
  crm: error: .crm/config.yaml:2:17: business_hours.to: business hours end after they start
  [3]
  $ printf 'version: 1\nsla: {name: x}\n' > .crm/config.yaml
  $ crm ticket list
  crm: error: .crm/config.yaml:2:6: sla: expected a list of policies: {name, if, first_response, resolution}
  [3]

Assignment: least-open picks the owner with the fewest open tickets; a
name assigns everything to that owner.

  $ cp good.yaml .crm/config.yaml
  $ crm config set owners '[ana, ben, cy, dana]' && crm config set assignment.ticket least-open
  $ (crm ticket assign "$t" ana && crm ticket assign "$t2" ben) 2>&1 | sed 's/ (.*)//'
  crm: ticket Broken assigned to ana
  crm: ticket Late on a Friday assigned to ben
  $ crm ticket solve "$t2"
  $ t3=$(crm ticket add --subject "Third")
  $ crm ticket assign "$t3" --auto 2>&1 | sed 's/ (.*)//'
  crm: ticket Third assigned to ben
  $ crm config set assignment.ticket dana
  $ t4=$(crm ticket add --subject "Fourth")
  $ crm ticket assign "$t4" --auto 2>&1 | sed 's/ (.*)//'
  crm: ticket Fourth assigned to dana

Verbs that find nothing to do say so.

  $ crm ticket solve "$t2" 2>&1 | sed 's/ (.*)//'
  crm: ticket Late on a Friday is already solved
  $ crm ticket reopen "$t3" 2>&1 | sed "s/$t3/ID/"
  crm: ticket Third (ID) is already open (new)
  $ crm ticket reply "$t3" "   "
  crm: error: the reply is empty
  [2]

A ticket of a contact at a company is the company's too: its page lists the
ticket and the conversation.

  $ crm company add --name "Analytical Engines" >/dev/null && crm contact add --name "Grace Hopper" --email grace@example.com --company "Analytical Engines" >/dev/null
  $ t5=$(crm ticket add --subject "Cannot export" --contact grace)
  $ crm ticket note "$t5" "Was a locale bug" >/dev/null && CRM_NOW=2026-11-27T16:00:00Z crm ticket reply "$t5" "Fixed in 3.1" >/dev/null
  $ crm company show analytical | sed -n '/^Activities/,$p'
  Activities (2)
  ID    AT                KIND   WITH                                             SUMMARY
  [a-z0-9]{4}  2026-11-27 16:00  email  Cannot export, Grace Hopper, Analytical Engines  Fixed in 3\.1 (re)
  [a-z0-9]{4}  2026-11-27 15:00  note   Cannot export, Grace Hopper, Analytical Engines  Was a locale bug (re)
  
  Tickets (1)
  ID    SUBJECT        CONTACT       STATUS  PRIORITY  RESOLUTION_DUE
  [a-z0-9]{4}  Cannot export  Grace Hopper  open    normal    2026-11-28 15:00 (re)
