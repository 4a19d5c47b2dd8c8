Moving in: every fixture (files in the shapes Google, HubSpot, Apple,
Outlook and RFC 6350 exporters write) imports with the right values.

  $ crm init s 2>/dev/null && cd s && F="$TESTDIR/../../fixtures/import"
  $ crm import csv "$F/google-contacts.csv"
  6 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact list --fields name,email,phone,company --sort name
  ID    NAME                     EMAIL                      PHONE             COMPANY
  [a-z0-9]{4}  Ada Lovelace             ada@engines\.example        \+44 20 7946 0018  Analytical Engines Ltd (re)
  [a-z0-9]{4}  Grace Brewster Hopper    grace@navy\.example         \(555\) 010\-2030    US Navy (re)
  [a-z0-9]{4}  José María García\-López  jm\.garcia@ejemplo\.example                    Compañía Ibérica S\.L\. (re)
  $ crm contact show "José María García-López" --format json --fields notes,address,tags | grep -v '"id"'
  {
    "type": "contact",
    "notes": "He said \"call me Chema\""
  }
  $ crm import csv "$F/google-contacts.csv"
  0 created, 0 updated, 3 unchanged, 0 skipped, 0 failed

The HubSpot file has an upper-case email duplicating another row, and a fully duplicate row: one contact each.

  $ crm import csv "$F/hubspot-contacts.csv"
  crm: left out (--keep-unmapped keeps them): the columns "Lead Status", "Create Date", "Last Activity Date"
  2 created, 3 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact list --fields name,email,title,lifecycle email~engines.example or email~navy.example or email~bletchley --sort name
  ID    NAME          EMAIL                   TITLE                LIFECYCLE
  [a-z0-9]{4}  Ada Lovelace  ada@engines\.example     Chief Mathematician  customer (re)
  [a-z0-9]{4}  Alan Turing   alan@bletchley\.example                       lead (re)
  [a-z0-9]{4}  Grace Hopper  grace@navy\.example      Rear Admiral         sql (re)
  $ crm import csv "$F/hubspot-deals.csv" --type deal
  crm: left out (--keep-unmapped keeps them): the columns "Pipeline", "Create Date"
  3 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm deal list --fields name,amount,stage,company --sort name --all
  ID    NAME                       AMOUNT (USD)  STAGE        COMPANY
  [a-z0-9]{4}  Bletchley renewal              9,000\.00  won          Bletchley Park (re)
  [a-z0-9]{4}  Engines Ltd \- 40 licences     48,000\.00  negotiation  Analytical Engines Ltd (re)
  [a-z0-9]{4}  Navy pilot                    12,500\.50  proposal     US Navy (re)
  $ crm import csv "$F/hubspot-deals.csv" --type deal --dry-run --format json | grep -E '"(created|updated|unchanged|failed)"'
  crm: dry run: nothing written
  0 created, 0 updated, 3 unchanged, 0 skipped, 0 failed
    "created": 0,
    "updated": 0,
    "unchanged": 3,
    "failed": 0,
        "action": "unchanged",
        "action": "unchanged",
        "action": "unchanged",

vCard 2.1, 3.0 and 4.0; KIND:org is a company; quoted-printable, folding and escapes decoded.

  $ crm import vcard "$F"/*.vcf 2>&1 | sed "s|$F/||"
  crm: rfc6350-4.0.vcf:1: BDAY: "circa 1969" is not a date (kept in import_notes)
  5 created, 2 updated, 1 unchanged, 0 skipped, 0 failed
  $ crm import vcard "$F"/*.vcf 2>&1 | sed "s|$F/||"
  0 created, 0 updated, 7 unchanged, 0 skipped, 0 failed
  $ crm company list --fields name,domain --sort name
  ID    NAME                    DOMAIN
  [a-z0-9]{4}  ACME Inc\.               acme\.example (re)
  [a-z0-9]{4}  Analytical Engines Ltd  engines\.example (re)
  [a-z0-9]{4}  Beispiel GmbH           beispiel\.example (re)
  [a-z0-9]{4}  Bletchley Park          bletchley\.example (re)
  [a-z0-9]{4}  Compañía Ibérica S\.L\.   ejemplo\.example (re)
  [a-z0-9]{4}  US Navy                 navy\.example (re)
  $ crm check

A bad value does not lose the row: it is kept in import_notes and reported with its line and column.

  $ printf 'Name,E-mail 1 - Value,Birthday\nGood Row,good@example.com,1990-01-02\nBad Row,bad@,1990-01-03\n' > bad.csv
  $ crm import csv bad.csv
  crm: bad.csv:3: column "E-mail 1 - Value": "bad@" is not an email address (kept in import_notes)
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm -q contact list name="Good Row" | wc -l
  1

Moving out: exports that other parsers read.

  $ crm export vcard > all.vcf && /usr/bin/python3 -c 'import sys,vobject; cards=list(vobject.readComponents(open(sys.argv[1]).read(), validate=True)); print(len(cards), "cards")' all.vcf
  15 cards
  $ crm export vcard --version 3.0 | /usr/bin/python3 -c 'import sys,vobject; print(len(list(vobject.readComponents(sys.stdin.read()))), "cards (3.0)")'
  15 cards (3.0)
  $ crm task add --title "Call Jürgen about the Berlin order" --due 2026-11-25 --for "Jürgen Müller" --priority high > /dev/null
  $ crm log meeting "Alan Turing" "Demo at Bletchley" --at "2026-11-26 14:00" --duration 1h30m > /dev/null
  $ crm export ical -o cal.ics && /usr/bin/python3 -c 'import sys,icalendar; c=icalendar.Calendar.from_ical(open(sys.argv[1],"rb").read()); print([(x.name, str(x.get("summary"))) for x in c.walk() if x.name in ("VTODO","VEVENT")])' cal.ics
  [('VTODO', 'Call Jürgen about the Berlin order'), ('VEVENT', 'Demo at Bletchley')]
  $ head -c 200 cal.ics | od -c | grep -c '\\r  \\n'
  7
  $ crm export csv --type contact name~jürgen | cut -d, -f2,7,10,11 | sed 's/[a-z0-9]\{16\}/ID/'
  name,phone,company,company_id
  Jürgen Müller,'+49 30 555 0199,Beispiel GmbH,ID

Round trips: JSON export → import into an empty store gives the same records; vCard export → import updates, never duplicates.

  $ crm export json > all.json && cd .. && crm init t 2>/dev/null && cd t && crm import json ../s/all.json > /dev/null 2>&1 && crm export json > again.json && cmp ../s/all.json again.json && echo "json round trip: identical"
  json round trip: identical
  $ crm check
  $ cd ../s && crm import vcard all.vcf 2>&1 | sed 's/^[0-9]* created/N created/'
  N created, 0 updated, 15 unchanged, 0 skipped, 0 failed

Outlook writes the courtesy title as "Title" beside "Job Title": the job wins.

  $ printf 'First Name,Last Name,Title,Job Title,E-mail Address\nAnn,Cee,Ms.,Director,ann@outlook.example\n' > outlook.csv
  $ crm import csv outlook.csv --format json | grep -A2 unmapped_columns
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
    "unmapped_columns": [
      "Title"
    ]
  $ crm contact show ann@outlook.example --fields title | tail -1
  title  Director
