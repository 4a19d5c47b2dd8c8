Show takes an id, a unique prefix of 4 or more, an email, a name or a word of it.

  $ cp -r "$STORES/basic" s && cd s
  $ crm contact show kgra
  id          kgrace0000000001
  name        Grace Hopper
  first_name  Grace
  last_name   Hopper
  email       grace@acme.example
  phone       0123 456 789
  title       Rear Admiral
  company     Acme Corporation
  address     city: Arlington, country: USA
  tags        customer, vip
  lifecycle   customer
  follow_up   2026-11-20
  cadence     30
  notes       Invented the first compiler.
              Prefers phone calls.
  created     2026-01-12 10:00
  updated     2026-03-01 10:00
  $ crm -q contact show grace@ACME.example
  kgrace0000000001
  $ crm -q contact show "grace hopper"
  kgrace0000000001
  $ crm -q contact show turing
  kalan00000000002
  $ crm -q contact show alan
  kalan00000000002
  $ crm -q contact show 李小龙
  kli00000000000004
  $ crm contact show kzoe --format json
  {
    "id": "kzoe000000000003",
    "type": "contact",
    "name": "Zoë Ångström",
    "email": "zoe@globex.example",
    "phone": "+49 30 1234567",
    "company": "cglobex00000000b",
    "address": {
      "city": "Berlin"
    },
    "tags": [
      "newsletter"
    ],
    "lifecycle": "subscriber",
    "birthday": "1990-05-17",
    "created": "2026-02-03T10:00:00Z",
    "updated": "2026-02-03T10:00:00Z",
    "related_records": {
      "company": {
        "id": "cglobex00000000b",
        "type": "company",
        "name": "Globex",
        "domain": "globex.example",
        "address": {
          "city": "Berlin",
          "country": "Germany"
        },
        "relationship": "prospect",
        "created": "2026-02-01T09:00:00Z",
        "updated": "2026-02-01T09:00:00Z"
      }
    }
  }
  $ crm contact show kzoe kli0 --format jsonl --fields name
  {"id":"kzoe000000000003","type":"contact","name":"Zoë Ångström"}
  {"id":"kli00000000000004","type":"contact","name":"李小龙"}
  $ crm contact show kala --format yaml
  - id: kalan00000000002
    name: Alan Turing
    email: alan@acme.example
    emails:
      - turing@bletchley.example
    company: cacme0000000000a
    address:
      city: London
      country: UK
    tags:
      - prospect
    lifecycle: lead
    created: 2026-01-15T10:00:00Z
    updated: 2026-01-15T10:00:00Z
  $ crm contact show kala --format csv --fields name,email
  id,name,email
  kalan00000000002,Alan Turing,alan@acme.example

A company shows its contacts.

  $ crm company show acme
  id            cacme0000000000a
  name          Acme Corporation
  domain        acme.example
  industry      Manufacturing
  size          250
  tags          customer
  relationship  customer
  created       2026-01-10 09:00
  updated       2026-01-10 09:00
  
  Contacts (2)
  ID    NAME          EMAIL               PHONE         COMPANY           TAGS
  kala  Alan Turing   alan@acme.example                 Acme Corporation  prospect
  kgra  Grace Hopper  grace@acme.example  0123 456 789  Acme Corporation  customer, vip
  $ crm company show cglo --format json | head -12
  {
    "id": "cglobex00000000b",
    "type": "company",
    "name": "Globex",
    "domain": "globex.example",
    "address": {
      "city": "Berlin",
      "country": "Germany"
    },
    "relationship": "prospect",
    "created": "2026-02-01T09:00:00Z",
    "updated": "2026-02-01T09:00:00Z",
  $ crm company show acme --limit 1 | tail -4
  Contacts (2)
  ID    NAME         EMAIL              COMPANY           TAGS
  kala  Alan Turing  alan@acme.example  Acme Corporation  prospect
  … 1 more (--limit)

Not found is exit 1; ambiguous and malformed are exit 2.

  $ crm contact show nobody
  crm: error: no contact matches "nobody"
  [1]
  $ crm contact show k
  crm: error: no contact matches "k"
  [1]
  $ crm contact show kzoe0000000000039999
  crm: error: no contact matches "kzoe0000000000039999"
  [1]
  $ crm contact add --name "Grace Hopper" --email other@example.com >/dev/null && crm contact show "grace hopper"
  crm: error: "grace hopper" matches 2 contacts: .*kgrace0000000001 \(Grace Hopper\).*; use an id (re)
  [2]
  $ crm contact show ../../etc/passwd
  crm: error: no contact matches "../../etc/passwd"
  [1]
  $ crm contact show ''
  crm: error: an empty contact id
  [2]
