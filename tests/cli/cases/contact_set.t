set changes only the fields named, and `updated`; a field the schema does not
know, added by hand, survives.

  $ cp -r "$STORES/basic" s && cd s
  $ f=contacts/kalan00000000002.yaml
  $ printf 'favourite_colour: "no"\nlucky: 0123\n' >> $f && cp $f before.yaml
  $ CRM_NOW=2026-11-24T08:30:00Z crm contact set alan title="Mathematician"
  $ diff before.yaml $f
  5a6
  > title: Mathematician
  14c15
  < updated: 2026-01-15T10:00:00Z
  ---
  > updated: 2026-11-24T08:30:00Z
  [1]
  $ $PYTHON -c 'import sys,yaml; d=yaml.safe_load(open(sys.argv[1])); print(d["favourite_colour"], d["lucky"], d["title"])' $f
  no 83 Mathematician

Setting a field to the value it has writes nothing: the file stays byte for byte.

  $ cp $f before.yaml && crm contact set alan title=Mathematician && cmp before.yaml $f && echo same
  same

Lists: --tag/--untag, FIELD+=, FIELD-=; FIELD= and --unset remove a field; objects by subfield.

  $ crm contact set alan --tag codebreaker --untag prospect 'emails+=alan@turing.example' 'address.city=Wilmslow' address.country=
  $ crm contact show alan --format yaml --fields emails,tags,address
  - id: kalan00000000002
    emails:
      - turing@bletchley.example
      - alan@turing.example
    tags:
      - codebreaker
    address:
      city: Wilmslow
  $ crm contact set alan 'emails-=TURING@bletchley.example' --unset address --unset title
  $ crm contact show alan --format yaml --fields emails,title,address
  - id: kalan00000000002
    emails:
      - alan@turing.example
  $ crm contact set alan company=globex && crm contact show alan --fields company
  id       kalan00000000002
  company  Globex
  $ crm contact set alan 'phones=[{number: "+44 161 496 0000", kind: work}]' && crm contact show alan --fields phones
  id      kalan00000000002
  phones  +44 161 496 0000 (work)

Errors leave the file untouched.

  $ cp $f before.yaml
  $ crm contact set alan email=not-an-email
  crm: error: email: "not-an-email" is not an email address
  [3]
  $ crm contact set alan 'phones=[{kind: work}]'
  crm: error: contacts/kalan00000000002.yaml: phones.number: is required
  [3]
  $ crm contact set alan company=nowhere
  crm: error: no company matches "nowhere"
  [1]
  $ crm contact set alan nosuchfield=1
  crm: error: unknown field "nosuchfield" for contact (fields: name, first_name, last_name, email, emails, phone, phones, title, company, address, website, source, owner, tags, lifecycle, do_not_contact, unsubscribed, birthday, follow_up, cadence, notes, external_ids, import_notes; declare more under fields: in .crm/config.yaml)
  [2]
  $ crm contact set alan name
  crm: error: "name" is not FIELD=VALUE
  [2]
  $ crm contact set alan
  crm: error: nothing to set: give FIELD=VALUE, --unset FIELD, --tag or --untag
  [2]
  $ crm contact set alan updated=2020-01-01T00:00:00Z
  crm: error: updated is set by crm and cannot be changed
  [2]
  $ crm contact set alan title+=x
  crm: error: title is not a list: use title=VALUE
  [2]
  $ crm contact set nobody title=x
  crm: error: no contact matches "nobody"
  [1]
  $ cmp before.yaml $f && echo untouched
  untouched

A record broken by hand is reported with file, line and field; set can repair it.

  $ sed -i 's/^email: .*/email: alan@/' $f
  $ crm contact set alan title=Dr
  crm: error: contacts/kalan00000000002.yaml:3:8: email: "alan@" is not an email address
  [3]
  $ crm contact set alan email=alan@acme.example && crm -q contact list email=alan@acme.example
  kalan00000000002
