Listing contacts of the fixture store in every format.

  $ cp -r "$STORES/basic" s && cd s
  $ crm contact list
  ID    NAME          EMAIL               PHONE           COMPANY           TAGS
  kala  Alan Turing   alan@acme.example                   Acme Corporation  prospect
  kgra  Grace Hopper  grace@acme.example  0123 456 789    Acme Corporation  customer, vip
  kzoe  Zoë Ångström  zoe@globex.example  +49 30 1234567  Globex            newsletter
  kli0  李小龙        li@example.com
  $ crm contact list --format csv
  id,name,first_name,last_name,email,emails,phone,phones,title,company,address.street,address.city,address.region,address.postal_code,address.country,website,source,owner,tags,lifecycle,do_not_contact,unsubscribed,birthday,follow_up,cadence,notes,external_ids,import_notes,created,updated
  kalan00000000002,Alan Turing,,,alan@acme.example,turing@bletchley.example,,,,cacme0000000000a,,London,,,UK,,,,prospect,lead,,,,,,,,,2026-01-15T10:00:00Z,2026-01-15T10:00:00Z
  kgrace0000000001,Grace Hopper,Grace,Hopper,grace@acme.example,,0123 456 789,,Rear Admiral,cacme0000000000a,,Arlington,,,USA,,,,"customer,vip",customer,,,,2026-11-20,30,"Invented the first compiler.
  Prefers phone calls.
  ",,,2026-01-12T10:00:00Z,2026-03-01T10:00:00Z
  kzoe000000000003,Zoë Ångström,,,zoe@globex.example,,'+49 30 1234567,,,cglobex00000000b,,Berlin,,,,,,,newsletter,subscriber,,,1990-05-17,,,,,,2026-02-03T10:00:00Z,2026-02-03T10:00:00Z
  kli00000000000004,李小龙,,,li@example.com,,,,,,,,,,,,,,,lead,,,,,,,,,2026-03-03T10:00:00Z,2026-03-03T10:00:00Z
  $ crm contact list --format tsv --fields name,emails,address.city
  id	name	emails	address.city
  kalan00000000002	Alan Turing	turing@bletchley.example	London
  kgrace0000000001	Grace Hopper		Arlington
  kzoe000000000003	Zoë Ångström		Berlin
  kli00000000000004	李小龙		
  $ crm contact list --format ids
  kalan00000000002
  kgrace0000000001
  kzoe000000000003
  kli00000000000004
  $ crm -q contact list +vip
  kgrace0000000001
  $ crm contact list --format jsonl --fields name,tags
  {"id":"kalan00000000002","type":"contact","name":"Alan Turing","tags":["prospect"]}
  {"id":"kgrace0000000001","type":"contact","name":"Grace Hopper","tags":["customer","vip"]}
  {"id":"kzoe000000000003","type":"contact","name":"Zoë Ångström","tags":["newsletter"]}
  {"id":"kli00000000000004","type":"contact","name":"李小龙"}
  $ crm contact list --format json name~zo
  [
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
      "updated": "2026-02-03T10:00:00Z"
    }
  ]
  $ crm contact list --format yaml +vip --fields name,address
  - id: kgrace0000000001
    name: Grace Hopper
    address:
      city: Arlington
      country: USA
  $ crm contact list --format json nobody-matches-this
  []
  $ crm contact list nobody-matches-this

Filters: each operator, tags, full text, or, dates, references by name.

  $ crm -q contact list name=grace\ hopper
  kgrace0000000001
  $ crm -q contact list name!="Grace Hopper"
  kalan00000000002
  kzoe000000000003
  kli00000000000004
  $ crm -q contact list email~ACME
  kalan00000000002
  kgrace0000000001
  $ crm -q contact list +customer
  kgrace0000000001
  $ crm -q contact list tag!=customer
  kalan00000000002
  kzoe000000000003
  kli00000000000004
  $ crm -q contact list tags=VIP
  kgrace0000000001
  $ crm -q contact list compiler
  kgrace0000000001
  $ crm -q contact list +vip or +newsletter
  kgrace0000000001
  kzoe000000000003
  $ crm -q contact list +prospect or name~zo +newsletter
  kalan00000000002
  kzoe000000000003
  $ crm -q contact list company=acme\ corporation
  kalan00000000002
  kgrace0000000001
  $ crm -q contact list company=Globex
  kzoe000000000003
  $ crm -q contact list company~acme address.city=london
  kalan00000000002
  $ crm -q contact list company=
  kli00000000000004
  $ crm -q contact list phone!=
  kgrace0000000001
  kzoe000000000003
  $ crm -q contact list 'birthday<1991-01-01'
  kzoe000000000003
  $ crm -q contact list 'follow_up<=today'
  kgrace0000000001
  $ crm -q contact list 'follow_up>-1w'
  kgrace0000000001
  $ crm -q contact list 'created>=2026-02-01' 'created<2026-03-01'
  kzoe000000000003
  $ crm -q contact list 'cadence>=30'
  kgrace0000000001
  $ crm -q contact list emails~bletchley
  kalan00000000002
  $ crm -q contact list id=kzoe000000000003
  kzoe000000000003

Sorting, limits and columns.

  $ crm contact list --sort created:desc --fields name,created
  ID    NAME          CREATED
  kli0  李小龙        2026-03-03 10:00
  kzoe  Zoë Ångström  2026-02-03 10:00
  kala  Alan Turing   2026-01-15 10:00
  kgra  Grace Hopper  2026-01-12 10:00
  $ crm contact list --sort company,name --fields name,company --limit 3
  ID    NAME          COMPANY
  kala  Alan Turing   Acme Corporation
  kgra  Grace Hopper  Acme Corporation
  kzoe  Zoë Ångström  Globex
  $ crm contact list --sort birthday --fields name,birthday
  ID    NAME          BIRTHDAY
  kzoe  Zoë Ångström  1990-05-17
  kala  Alan Turing
  kgra  Grace Hopper
  kli0  李小龙
  $ crm company list
  ID    NAME              DOMAIN          INDUSTRY       RELATIONSHIP  TAGS
  cacm  Acme Corporation  acme.example    Manufacturing  customer      customer
  cglo  Globex            globex.example                 prospect
  $ crm company list --format csv --fields name,domain,address.city
  id,name,domain,address.city
  cacme0000000000a,Acme Corporation,acme.example,
  cglobex00000000b,Globex,globex.example,Berlin
