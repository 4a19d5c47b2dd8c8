Hostile values (issue 10 items 8 and 16).

One rule for control characters: a write refuses a C0 or C1 control
character (or DEL) in any field, except tab and line feed in text fields
(notes, body) — naming the field, whether the value came from the command
line, a YAML escape, an import or the config. (What reaches a terminal is escaped whatever the
format: terminal_escapes.t.)

  $ cp -r "$STORES/basic" s && cd s
  $ crm contact set alan $'title=Boss\e[31mRED'
  crm: error: title: "Boss\x1b[31mRED" holds the control character U+001B (tabs and line breaks only go in text fields)
  [3]
  $ crm contact add --name $'Tab\tName'
  crm: error: name: "Tab\tName" holds the control character U+0009 (tabs and line breaks only go in text fields)
  [3]
  $ crm contact set alan $'address.city=Lon\xc2\x9bdon' $'tags+=b\x07d'
  crm: error: address.city: "Lon\u009bdon" holds the control character U+009B (tabs and line breaks only go in text fields)
  [3]
  $ crm contact set alan $'tags+=b\x07d'
  crm: error: tags: "b\x07d" holds the control character U+0007 (tabs and line breaks only go in text fields)
  [3]
  $ crm contact set alan $'notes=bell\a'
  crm: error: notes: "bell\x07" holds the control character U+0007
  [3]

Text fields take tabs and line breaks; Windows line ends become LF:

  $ crm contact set alan $'notes=one\r\ntwo\tcolumns' && grep -A2 '^notes' contacts/kalan00000000002.yaml
  notes: |-
    one
    two	columns

The same through a YAML escape (--from, edit), an import, and the config:

  $ printf 'name: "Evil\\e]0;owned\\a"\n' > ../evil.yaml && crm contact add --from ../evil.yaml
  crm: error: name: "Evil\x1b]0;owned\x07" holds the control character U+001B (tabs and line breaks only go in text fields)
  [3]

An import keeps the person (one bad value must not lose a record, issue 13):
the value is set aside in import_notes with its control characters written
as escapes, so the store still never holds one. A name that holds one has
nowhere to go: that row fails.

  $ printf 'name,title\nEve,"Boss\033[2J"\nOk,Fine\n' > people.csv && crm import csv people.csv
  crm: people.csv:2: column "title": "Boss\x1b[2J" holds the control character U+001B (tabs and line breaks only go in text fields) (kept in import_notes)
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ grep -h '^import_notes' contacts/*.yaml
  import_notes: "title: Boss\\x1b[2J"
  $ printf 'name,title\n"Mal\033]0;x\007",CEO\n' > bad-name.csv && crm import csv bad-name.csv
  crm: error: bad-name.csv:2: failed: column "name": "Mal\x1b]0;x\x07" holds the control character U+001B (tabs and line breaks only go in text fields)
  0 created, 0 updated, 0 unchanged, 0 skipped, 1 failed
  [3]
  $ cp .crm/config.yaml config.bak && sed -i 's/^  - {stage: proposal,/  - {stage: "pro\\e[8mposal",/' .crm/config.yaml && crm contact list
  crm: error: .crm/config.yaml:10:13: pipeline.stage: "pro\x1b[8mposal" holds the control character U+001B
  [3]
  $ cp config.bak .crm/config.yaml

A record that already holds one (written by hand or by an older crm) stays
readable, escaped on a terminal, and `crm check` reports it; writes to it are
refused until the value is fixed, but an activity with the contact is still
logged (its follow_up is left as it is).

  $ printf 'title: "Boss\\e[31m RED\\x07"\n' >> contacts/kzoe000000000003.yaml
  $ crm contact list --fields name,title name~zo
  ID    NAME          TITLE
  kzoe  Zoë Ångström  Boss\x1b[31m RED\x07
  $ crm check
  contacts/kzoe000000000003.yaml:14:8: title: "Boss\x1b[31m RED\x07" holds the control character U+001B (tabs and line breaks only go in text fields)
  [3]
  $ crm contact set zoe owner=ann
  crm: error: contacts/kzoe000000000003.yaml:14:8: title: "Boss\x1b[31m RED\x07" holds the control character U+001B (tabs and line breaks only go in text fields)
  [3]
  $ printf 'cadence: 7\n' >> contacts/kzoe000000000003.yaml && crm log call zoe "hello zoe" | wc -l
  crm: contacts/kzoe000000000003.yaml:14:8: title: "Boss\x1b[31m RED\x07" holds the control character U+001B (tabs and line breaks only go in text fields); follow_up not moved
  1
  $ sed -i '/^cadence:/d' contacts/kzoe000000000003.yaml && crm contact set zoe title=Boss && crm check

Ranges are checked where a value is typed and where one is computed; a
record already holding an out-of-range value stays readable, `crm check`
reports it, and unrelated commands still work.

  $ crm deal add --name D --set probability=101
  crm: error: probability: "101" is out of range (from 0 to 100)
  [3]
  $ crm deal add --name D --set probability=-1
  crm: error: probability: "-1" is out of range (from 0 to 100)
  [3]
  $ crm deal add --name D --set probability=007 > /dev/null && grep -h probability deals/*.yaml
  probability: 7
  $ sed -i 's/^  - {stage: proposal, probability: 50,/  - {stage: proposal, probability: 050,/' .crm/config.yaml && crm deal list
  crm: error: .crm/config.yaml:10:5: pipeline.proposal.probability: "050" is not a percentage 0-100 (digits, no leading zero)
  [3]
  $ cp config.bak .crm/config.yaml
  $ crm contact set alan cadence=99999999999
  crm: error: cadence: "99999999999" is out of range (from 1 to 3650)
  [3]
  $ crm contact set alan cadence=3650 && crm log call alan "long wait" > /dev/null && crm contact show alan --fields follow_up
  id         kalan00000000002
  follow_up  2036-11-20
  $ sed -i 's/^cadence: .*/cadence: 999999999/' contacts/kalan00000000002.yaml
  $ crm log call alan "still logged" | wc -l
  crm: contacts/kalan00000000002.yaml: cadence: "999999999" is out of range (from 1 to 3650); follow_up not moved
  1
  $ crm activity list --fields summary | grep -c logged
  1
  $ crm check
  contacts/kalan00000000002.yaml:14:10: cadence: "999999999" is out of range (from 1 to 3650)
  [3]
  $ crm contact set alan cadence=30

Durations are well-formed and positive:

  $ crm log call alan "x" --duration banana
  crm: error: duration: "banana" is not a duration (30m, 1h15m, 90 for minutes, 1:30; more than 0, at most 366 days)
  [3]
  $ crm log call alan "x" --duration -5m
  crm: error: duration: "-5m" is not a duration (30m, 1h15m, 90 for minutes, 1:30; more than 0, at most 366 days)
  [3]
  $ crm log call alan "ok" --duration 1h30m > /dev/null

A recurrence never passes 9999-12-31: a task that could never be completed is
refused, the last occurrence is made without recur, and a task an older crm
wrote is completed without a next one.

  $ crm task add --title Far --due 9999-12-01 --recur monthly
  crm: error: recur: the occurrence after 9999-12-01 would fall after 9999-12-31
  [3]
  $ crm task add --title Far --due 2026-12-01 --recur "every 10000 years"
  crm: error: recur: "every 10000 years" is not a recurrence (daily, weekly, monthly, yearly, every N days|weeks|months|years, N up to 9999)
  [3]
  $ crm task add --title Last --due 9999-11-01 --recur monthly > /dev/null
  $ crm task done Last > /dev/null
  crm: next: Last due 9999-12-01 \([a-z0-9]{16}\) (re)
  crm: the occurrence of Last due 9999-12-01 is the last: the one after would fall after 9999-12-31
  $ crm task list status=open --fields title,due,recur
  ID    TITLE  DUE
  [a-z0-9]{4}  Last   9999-12-01 (re)
  $ crm task done $(crm task list status=open -q) && crm task list status=open --format ids | wc -l
  0
  $ printf 'id: toldtask00000001\ntitle: Old\ndue: 9999-12-15\nstatus: open\nrecur: monthly\n' > tasks/toldtask00000001.yaml
  $ crm check
  tasks/toldtask00000001.yaml:5:8: recur: the occurrence after 9999-12-15 would fall after 9999-12-31
  [3]
  $ crm task done Old && crm task list title=Old --fields status --all
  crm: the recurrence of Old ends: the occurrence after 9999-12-15 would fall after 9999-12-31
  ID    STATUS
  told  done
  $ crm check
