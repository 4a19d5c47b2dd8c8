Records store UTC; what a user types, and "today", are in the user's zone:
the store's `timezone:`, else $TZ, else the system's. (The runner sets TZ=UTC
so that no test depends on the machine's zone.)

  $ crm init s 2>/dev/null && cd s
  $ export CRM_NOW=2026-12-01T23:30:00Z && unset CRM_TODAY

At 23:30 UTC it is already 2 December in Berlin and still 1 December in New
York: today, tomorrow and typed times follow the zone.

  $ TZ=Europe/Berlin crm task add --title Berlin --due "tomorrow 14:00" > /dev/null
  $ TZ=America/New_York crm task add --title York --due "tomorrow 14:00" > /dev/null
  $ crm task add --title Utc --due "tomorrow 14:00" > /dev/null
  $ crm task list --sort title --format tsv --fields title,due
  id	title	due
  [a-z0-9]{16}	Berlin	2026-12-03T13:00:00Z (re)
  [a-z0-9]{16}	Utc	2026-12-02T14:00:00Z (re)
  [a-z0-9]{16}	York	2026-12-02T19:00:00Z (re)
  $ TZ=Europe/Berlin crm task add --title Dated --due today > /dev/null && crm task list due=2026-12-02 --sort title --format tsv --fields title | cut -f2
  title
  Dated
  Utc
  York

A time without a zone is local; one with a zone is that instant.

  $ TZ=Asia/Tokyo crm task add --title Tokyo --due "2026-12-05 09:00" > /dev/null && crm task list title=Tokyo --format tsv --fields due
  id	due
  [a-z0-9]{16}	2026-12-05T00:00:00Z (re)
  $ TZ=Asia/Tokyo crm task add --title Zulu --due 2026-12-05T09:00:00Z > /dev/null && crm task list title=Zulu --format tsv --fields due
  id	due
  [a-z0-9]{16}	2026-12-05T09:00:00Z (re)

The store's timezone wins over $TZ; a name tzdata does not know is an error
naming the line.

  $ printf 'timezone: Europe/Berlin\n' >> .crm/config.yaml
  $ TZ=America/New_York crm task add --title Store --due "tomorrow 14:00" > /dev/null && crm task list title=Store --format tsv --fields due
  id	due
  [a-z0-9]{16}	2026-12-03T13:00:00Z (re)
  $ sed -i 's|^timezone: .*|timezone: Mars/Olympus|' .crm/config.yaml && crm task list
  crm: error: .crm/config.yaml:.*: timezone: unknown time zone "Mars/Olympus" \(an IANA name: Europe/Berlin, America/New_York, UTC\) (re)
  [3]
  $ sed -i '/^timezone:/d' .crm/config.yaml

More ways to say a day: 3d, next week, next month, dec 15, 15 dec, mon 9:00.

  $ for d in 3d "next week" "next month" "dec 15" "15 dec" "mon 9:00" "jan 5"; do crm task add --title "$d" --due "$d" --set owner=when > /dev/null; done
  $ crm task list owner=when --sort due,title --format tsv --fields title,due | cut -f2-
  title	due
  3d	2026-12-04
  next week	2026-12-07
  mon 9:00	2026-12-07T09:00:00Z
  15 dec	2026-12-15
  dec 15	2026-12-15
  next month	2027-01-01
  jan 5	2027-01-05
