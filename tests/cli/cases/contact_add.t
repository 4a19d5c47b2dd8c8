Adding contacts: named options, --set, --from; the id goes to stdout.

  $ crm init s 2>/dev/null && cd s
  $ id=$(crm contact add --name "Ada Lovelace" --email ada@example.com --phone 0123) && echo "$id" | grep -cE '^[a-hj-km-np-tv-z][0-9a-hj-km-np-tv-z]{15}$'
  1
  $ crm contact show "${id:0:4}" --format json | grep phone
    "phone": "0123",
  $ cat contacts/$id.yaml
  id: [a-z0-9]{16} (re)
  name: Ada Lovelace
  email: ada@example.com
  phone: "0123"
  lifecycle: lead
  created: 2026-11-23T09:00:00Z
  updated: 2026-11-23T09:00:00Z

Another YAML reader sees the same values and types (a phone stays a string).

  $ $PYTHON -c 'import sys,yaml; d=yaml.safe_load(open(sys.argv[1])); print(repr(d["phone"]), repr(d["name"]), d["lifecycle"])' contacts/$id.yaml
  '0123' 'Ada Lovelace' lead

Tags, a company by name, fields by --set, a default (lifecycle), a date resolved from "tomorrow".

  $ crm company add --name "Analytical Engines" --domain ae.example >/dev/null
  $ b=$(crm contact add --name "Charles Babbage" --company analytical --tag inventor --tag london --set follow_up=tomorrow --set address.city=London --set cadence=14 --set do_not_contact=yes --set 'emails=[cb@ae.example, charles@example.org]')
  $ sed -e 's/^id: .*/id: ID/' -e 's/^company: .*/company: COMPANY/' contacts/$b.yaml
  id: ID
  name: Charles Babbage
  emails:
    - cb@ae.example
    - charles@example.org
  company: COMPANY
  address:
    city: London
  tags:
    - inventor
    - london
  lifecycle: lead
  do_not_contact: true
  follow_up: 2026-11-24
  cadence: 14
  created: 2026-11-23T09:00:00Z
  updated: 2026-11-23T09:00:00Z

From a YAML or JSON file or stdin; "type" must match, references may be names.

  $ printf '{"name": "Mary Somerville", "email": "mary@example.org", "company": "Analytical Engines", "tags": ["science"], "shoe_size": 38}\n' > m.json
  $ m=$(crm contact add --from m.json) && crm contact list --format jsonl name~mary | sed -e "s/$m/ID/" -e 's/"company":"[a-z0-9]*"/"company":"CO"/'
  {"id":"ID","type":"contact","name":"Mary Somerville","email":"mary@example.org","company":"CO","tags":["science"],"lifecycle":"lead","shoe_size":38,"created":"2026-11-23T09:00:00Z","updated":"2026-11-23T09:00:00Z"}
  $ crm contact list --fields company name~mary
  ID    COMPANY
  [a-z0-9]{4}  Analytical Engines (re)
  $ printf 'name: Piped In\ntype: contact\n' | crm contact add --from - | wc -c
  17
  $ printf 'name: Wrong\ntype: company\n' | crm contact add --from -
  crm: error: <stdin>:2:7: type: "company" is not a contact
  [3]
  $ printf 'name: [unclosed\n' > bad.yaml && crm contact add --from bad.yaml
  crm: error: bad.yaml:2:1: end of sequence flow not found
  [3]
  $ printf 'name: A\nname: B\n' | crm contact add --from -
  crm: error: <stdin>:2:1: duplicate key 'name'
  [3]

Bad input: a clear error, the contract's exit code, and no file written.

  $ ls contacts | wc -l
  4
  $ crm contact add --name "No At" --email ada.example.com
  crm: error: email: "ada.example.com" is not an email address
  [3]
  $ crm contact add --email x@example.com
  crm: error: name: is required
  [3]
  $ crm contact add --name X --set lifecycle=boss
  crm: error: lifecycle: "boss" is not one of subscriber, lead, mql, sql, opportunity, customer, evangelist, other
  [3]
  $ crm contact add --name X --set birthday=1990-02-30
  crm: error: birthday: "1990-02-30" is not a date (YYYY-MM-DD, today, +3d, fri, eom…)
  [3]
  $ crm contact add --name X --set cadence=often
  crm: error: cadence: "often" is not a whole number (digits, no leading zero, at most 18)
  [3]
  $ crm contact add --name X --set shoe_size=38
  crm: error: unknown field "shoe_size" for contact (fields: name, first_name, last_name, email, emails, phone, phones, title, company, address, website, source, owner, tags, lifecycle, do_not_contact, unsubscribed, birthday, follow_up, cadence, notes, external_ids, import_notes; declare more under fields: in .crm/config.yaml)
  [2]
  $ crm contact add --name X --company "No Such Co"
  crm: error: no company matches "No Such Co"
  [1]
  $ crm contact add --name X --set id=abcd1234
  crm: error: id is set by crm and cannot be changed
  [2]
  $ crm contact add --name $'two\nlines'
  crm: error: name: is a single line (use a text field for several)
  [3]
  $ ls contacts | wc -l
  4
