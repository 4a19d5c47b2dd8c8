crm import ical: calendar events become meetings with the contacts they
involve (attendees and organizer matched by email), time zones resolved,
recurrences expanded within --from/--to, idempotent by UID.

  $ crm init s > /dev/null 2>&1 && cd s && crm config set timezone Europe/Berlin
  $ crm company add --name Engines > /dev/null
  $ crm contact add --name "Ada Lovelace" --email ada@example.com --company engines > /dev/null
  $ crm contact add --name "Grace Hopper" --email grace@navy.example > /dev/null

The fixture: a kick-off at 14:00 Berlin time (13:00 UTC) with ADA@example.com,
a weekly sync with Grace (10 weeks from 2 Nov, 9 Nov excepted, 16 Nov moved to
11:30), a dentist with nobody known, a cancelled meeting, an all-day workshop.

  $ crm import ical $TESTDIR/../../fixtures/ical/meetings.ics --from 2026-11-01 --to 2026-11-30
  crm: 5 meetings, 0 updated, 0 unchanged, 1 without a known contact, 1 cancelled
  $ crm activity list --sort at --format csv --fields at,kind,summary,duration,with
  id,at,kind,summary,duration,with
  [a-z0-9]{16},2026-11-02T09:00:00Z,meeting,Weekly sync,30m,[a-z0-9]{16} (re)
  [a-z0-9]{16},2026-11-10T13:00:00Z,meeting,Kick-off with Ada,1h,"[a-z0-9]{16},[a-z0-9]{16}" (re)
  [a-z0-9]{16},2026-11-16T10:30:00Z,meeting,Weekly sync \(moved\),45m,[a-z0-9]{16} (re)
  [a-z0-9]{16},2026-11-19T23:00:00Z,meeting,Workshop day,24h,"[a-z0-9]{16},[a-z0-9]{16}" (re)
  [a-z0-9]{16},2026-11-23T09:00:00Z,meeting,Weekly sync,30m,[a-z0-9]{16} (re)
  $ crm activity show kick-off --format yaml | grep -A3 'body'
    body: |-
      Location: Room 4
  
      Scope, budget and the first milestone.

Twice, or with a changed event: the same files, one updated.

  $ crm import ical $TESTDIR/../../fixtures/ical/meetings.ics --from 2026-11-01 --to 2026-11-30
  crm: 0 meetings, 0 updated, 5 unchanged, 1 without a known contact, 1 cancelled
  $ sed 's/SUMMARY:Kick-off with Ada/SUMMARY:Kick-off with Ada and team/' $TESTDIR/../../fixtures/ical/meetings.ics > ../m2.ics
  $ crm import ical ../m2.ics --from 2026-11-01 --to 2026-11-30
  crm: 0 meetings, 1 updated, 4 unchanged, 1 without a known contact, 1 cancelled
  $ crm activity list -q | wc -l
  5

Two clones importing the same calendar make the same files.

  $ crm init ../t > /dev/null 2>&1 && crm -C ../t config set timezone Europe/Berlin
  $ crm export json --type contact > ../c.json && crm export json --type company > ../co.json
  $ crm -C ../t import json ../co.json > /dev/null 2>&1 && crm -C ../t import json ../c.json > /dev/null 2>&1
  $ crm -C ../t import ical ../m2.ics --from 2026-11-01 --to 2026-11-30 2> /dev/null
  $ ls activities | diff - <(ls ../t/activities) && echo same ids
  same ids

A daily stand-up since 2010 reaches the window without walking 16 years of it.

  $ printf 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:daily2010\nDTSTART;TZID=Europe/Berlin:20100104T090000\nRRULE:FREQ=DAILY\nSUMMARY:Standup\nATTENDEE:mailto:ada@example.com\nEND:VEVENT\nEND:VCALENDAR\n' > ../d.ics
  $ crm import ical ../d.ics --from 2026-11-20 --to 2026-11-23 --dry-run
  crm: would make 3 meetings, 0 updated, 0 unchanged, 0 without a known contact, 0 cancelled

Bad input: a file that is no calendar, an event without a start.

  $ printf 'garbage' > ../bad.ics && crm import ical ../bad.ics
  crm: error: ../bad.ics:1:1: not an iCalendar file (no BEGIN:VCALENDAR)
  [3]
  $ printf 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:n\nSUMMARY:s\nEND:VEVENT\nEND:VCALENDAR\n' > ../nostart.ics && crm import ical ../nostart.ics
  crm: ../nostart.ics: n: no DTSTART; left out
  crm: 0 meetings, 0 updated, 0 unchanged, 0 without a known contact, 0 cancelled
  [3]
