Moving in from real address books: each trap real exporters set, on a small
hand-made file of its shape (tests/fixtures/import/traps/).

  $ crm init s 2>/dev/null && cd s && T="$TESTDIR/../../fixtures/import/traps"
  $ imp() { crm import "$@" 2>&1 | sed -E "s|$T/||; s/[a-z0-9]{16}/ID/g"; }
  $ ids() { sed -E 's/[a-z0-9]{16}/ID/g; s/^[a-z0-9]{4,} /ID /'; }

One bad value does not lose a person: it is kept in import_notes; a phone-only
or organisation-only row is named by it; only a row with nothing to name it fails
(and then says why its values were no use, without claiming to keep them).

  $ imp csv "$T/bad-values.csv"
  crm: bad-values.csv:2: column "E-mail 2 Address": "ann@@typo" is not an email address (kept in import_notes)
  crm: bad-values.csv:2: column "Birthday": "1980-02-30" is not a date (kept in import_notes)
  crm: bad-values.csv:3: column "Birthday": "circa 1969" is not a date (kept in import_notes)
  crm: bad-values.csv:4: no name: named by the phone
  crm: bad-values.csv:5: no name: named by the organisation
  crm: error: bad-values.csv:7: failed: no name, email, phone or organisation to name the contact
  crm: error: bad-values.csv:8: failed: no name, email, phone or organisation to name the contact; column "E-mail Address": "nobody@" is not an email address
  5 created, 0 updated, 0 unchanged, 0 skipped, 2 failed
  $ crm contact show ann@bell.example --fields email,import_notes | grep -v '^id'
  email         ann@bell.example
  import_notes  E-mail 2 Address: ann@@typo
                Birthday: 1980-02-30
  $ imp csv "$T/bad-values.csv"
  crm: error: bad-values.csv:7: failed: no name, email, phone or organisation to name the contact
  crm: error: bad-values.csv:8: failed: no name, email, phone or organisation to name the contact; column "E-mail Address": "nobody@" is not an email address
  0 created, 0 updated, 4 unchanged, 0 skipped, 2 failed

One bad byte in one property of one card fails that property, not the file.

  $ imp vcard "$T/android-bad-byte.vcf"
  crm: android-bad-byte.vcf:7: ORG: is not valid UTF-8: left out (kept in import_notes)
  3 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact show "Bo Twö" --fields phone,company,import_notes | grep -v '^id'
  phone         +1 555 0101
  import_notes  ORG: Ñandú\x80

Charsets: UTF-16 with and without a BOM, Shift-JIS (detected), an 8-bit 2.1
card without CHARSET (Windows-1252); an undecodable file names encoding and line.

  $ imp csv "$T/utf16-bom.csv" && imp csv "$T/utf16-nobom.csv"
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  0 created, 0 updated, 1 unchanged, 0 skipped, 0 failed
  $ imp csv "$T/shiftjis.csv" && imp vcard "$T/cp1252-2.1.vcf"
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact list --fields name,email --sort name name~Núñez or name~山田 or name~Müller | ids
  ID    NAME           EMAIL
  ID  José Núñez     jose@nunez.example
  ID  Jürgen Müller
  ID  太郎 山田      taro@yamada.example
  ID  花子 山田      hanako@yamada.example
  $ crm contact show "Jürgen Müller" --fields notes | tail -1
  notes  Grüße – bis bald
  $ imp csv "$T/shiftjis.csv" --encoding utf-8
  crm: error: shiftjis.csv:2: is not UTF-8: a byte here does not decode
  $ imp csv "$T/shiftjis.csv" --encoding shift_jis
  0 created, 0 updated, 2 unchanged, 0 skipped, 0 failed

Companies: the company named wins over the email's domain; the domain comes
from a work email only, never a home or ISP one.

  $ imp csv "$T/companies.csv"
  10 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm company list --fields name,domain --sort name name~Acme or name~Globex or name~Initech or name~Umbrella or name~Hooli | ids
  ID    NAME      DOMAIN
  ID  Acme      acme.example
  ID  Globex
  ID  Hooli
  ID  Initech
  ID  Umbrella
  $ crm contact list --fields name,company --sort name name~Gil or name~Ann | ids
  ID    NAME        COMPANY
  ID  Ann Acme    Acme
  ID  Ann Bell
  ID  Ann One
  ID  Gil Globex  Globex

Headers: API style and without spaces, Salesforce __c fields and Ids, an
Address column, Thunderbird's columns, LinkedIn's leading Notes: lines.

  $ imp csv "$T/salesforce-api.csv"
  crm: left out (--keep-unmapped keeps them): the columns "AccountId", "Shoe_Size__c"
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact show ada@engines.example --format json --fields phone,phones,address,title,source,birthday,external_ids | grep -v '"id"'
  {
    "type": "contact",
    "phone": "+44 20 7946 0001",
    "phones": [
      {
        "number": "+44 7700 900001",
        "kind": "mobile"
      },
      {
        "number": "+44 20 7946 0009",
        "kind": "fax"
      }
    ],
    "title": "Countess",
    "address": {
      "street": "12 St James's Square",
      "city": "London",
      "postal_code": "SW1Y 4JH"
    },
    "source": "web",
    "birthday": "1815-12-10",
    "external_ids": [
      "003000000000001AAA"
    ]
  }
  $ imp csv "$T/address-column.csv"
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact list --fields name,address.street,import_notes --sort name name~Pat or name~Quinn | ids
  ID    NAME        ADDRESS.STREET
  ID  Pat Post    1 Main St, Springfield
  ID  Quinn Home  9 Elm Rd, Shelbyville
  $ imp csv "$T/thunderbird.csv"
  crm: left out (--keep-unmapped keeps them): the columns "Screen Name", "Department", "Web Page 2", "Custom 1", "Custom 2", "Custom 3", "Custom 4"
  3 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact show tom@bird.example --format json --fields emails,phones,address,website,birthday,title,import_notes | grep -v '"id"'
  {
    "type": "contact",
    "emails": [
      "tom.home@bird.example"
    ],
    "phones": [
      {
        "number": "+1 555 0201",
        "kind": "home"
      },
      {
        "number": "+1 555 0203",
        "kind": "mobile"
      },
      {
        "number": "+1 555 0202",
        "kind": "fax"
      }
    ],
    "title": "Ornithologist",
    "address": {
      "street": "5 Nest Ln, Apt 2",
      "city": "Aviary",
      "region": "CA",
      "postal_code": "90001",
      "country": "USA"
    },
    "website": "https://bird.example",
    "birthday": "1970-04-16"
  }
  $ crm contact show tina@wren.example --fields address,birthday | grep -v '^id'
  address   street: 1 Work Plaza, Floor 3, city: Metropolis, region: NY, postal_code: 10001, country: USA
  birthday  --05-17
  $ imp csv "$T/linkedin.csv"
  crm: left out (--keep-unmapped keeps them): the columns "Connected On"
  4 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact list --fields name,website,title --sort name name~Lin or name="No Mail" | ids
  ID    NAME     WEBSITE                                 TITLE
  ID  Lin Ked  https://www.linkedin.example/in/linked  Networker
  ID  No Mail  https://www.linkedin.example/in/nomail  Listener
  $ printf 'junk line\nName,Email\nSkip Me,skip@me.example\n' > skip.csv && imp csv skip.csv --skip 1 && crm -q contact list name="Skip Me" | wc -l
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  1

A file without a header line whose later lines use tabs (the shape of
Thunderbird's tab_comma_mixed test file): its columns are read by what they
hold, the rest kept aside; no person is lost, and a second import changes nothing.

  $ imp csv "$T/no-header-mixed.csv" && imp csv "$T/no-header-mixed.csv"
  crm: no-header-mixed.csv:1: no header line: column 3 as the name, column 4 as the email, column 5 as the phone; the others kept aside
  3 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  0 created, 0 updated, 3 unchanged, 0 skipped, 0 failed
  $ crm contact list --fields name,email,phone,import_notes --sort name name~Dora or name~Evan or name~Fern | ids
  ID    NAME       EMAIL              PHONE        IMPORT_NOTES
  ID  Dora Diaz  dora@diaz.example  +1 555 0100  column 1: Dora\ncolumn 2: Diaz
  ID  Evan East  evan@east.example  +1 555 0101  column 1: Evan\ncolumn 2: East
  ID  Fern Ford  fern@ford.example               column 1: Fern\ncolumn 2: Ford

vCard details: ADR suite and PO box, ;ext=, fax kept as fax, a birthday with
a time, no-year birthdays, a second ORG and TITLE kept, a foreign UID as an
external id.

  $ imp vcard "$T/details.vcf"
  4 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact show vera@detail.example --format json --fields phone,phones,company,title,address,birthday,external_ids,import_notes | grep -v '"id"' | ids
  {
    "type": "contact",
    "phone": "+1-512-555-0100 ext. 102",
    "phones": [
      {
        "number": "+1-512-555-0199",
        "kind": "fax"
      }
    ],
    "title": "Boss",
    "company": "ID",
    "address": {
      "street": "1 Long Rd, Suite 7, PO Box 42",
      "city": "Austin",
      "region": "TX",
      "postal_code": "73301",
      "country": "USA"
    },
    "birthday": "1996-04-15",
    "external_ids": [
      "urn:uuid:0f0e0d0c-1111-2222-3333-444455556666"
    ],
    "import_notes": "ORG: Second Org\nTITLE: Chair\nADR (home): 2 Short Ln, Dallas, TX, 75001, USA"
  }
  $ crm contact list --fields name,birthday --sort name name~Nora or name~Abe | ids
  ID    NAME       BIRTHDAY
  ID  Abe Apple  --12-10
  ID  Nora Year  --04-16
  $ crm export vcard | grep -E '^(TEL;TYPE=fax|BDAY:--)' | tr -d '\r' | sort
  BDAY:--0416
  BDAY:--0517
  BDAY:--1210
  TEL;TYPE=fax:+1 555 0202
  TEL;TYPE=fax:+1-512-555-0199
  TEL;TYPE=fax:+44 20 7946 0009
  $ crm export vcard --version 3.0 | grep -E '^BDAY;X-APPLE' | tr -d '\r' | sort
  BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-16
  BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17
  BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10
  $ imp vcard "$T/details.vcf"
  0 created, 0 updated, 3 unchanged, 0 skipped, 0 failed

Matching: a foreign id matches again; a name alone or a shared second email
does not merge two people silently.

  $ imp csv "$T/people.csv" && imp csv "$T/people-more.csv"
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  crm: people-more.csv:2: maybe the same contact as ID, not merged by guess: see crm dedupe
  crm: people-more.csv:3: maybe the same contact as ID, not merged by guess: see crm dedupe
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact list --fields name,email,phone --sort name name~Sam or name~Fay or name~Fred | ids | sort
  ID    NAME         EMAIL                PHONE
  ID  Fay Family   fay@family.example
  ID  Fred Family  fred@family.example
  ID  Sam Same                          +1 555 0300
  ID  Sam Same                          +1 555 0399
  $ sed 's/Countess/Countess of Lovelace/' "$T/salesforce-api.csv" > sf2.csv && imp csv sf2.csv
  crm: left out (--keep-unmapped keeps them): the columns "AccountId", "Shoe_Size__c"
  0 created, 1 updated, 1 unchanged, 0 skipped, 0 failed
  $ crm -q contact list name~Lovelace | wc -l
  1

Idempotence: a file listing a person twice is unchanged on a re-import; a tag
holding a comma and a value starting with '= survive export csv, import csv.

  $ imp csv "$T/twice.csv" && imp csv "$T/twice.csv"
  1 created, 1 updated, 0 unchanged, 0 skipped, 0 failed
  0 created, 0 updated, 2 unchanged, 0 skipped, 0 failed
  $ printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tia Tag\r\nEMAIL:tia@tag.example\r\nCATEGORIES:Smith\\, Jones,vip\r\nNOTE:\047=not a formula\r\nEND:VCARD\r\n' > tia.vcf && imp vcard tia.vcf
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm export csv --type contact > contacts.csv && cd .. && crm init t 2>/dev/null && cd t && crm import csv ../s/contacts.csv 2>&1 | tail -1
  47 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm contact show tia@tag.example --format json --fields tags,notes | grep -v '"id"'
  {
    "type": "contact",
    "tags": [
      "Smith, Jones",
      "vip"
    ],
    "notes": "'=not a formula"
  }

Round trips: everything imported above, exported as JSON, vCard and CSV, and
imported into new stores, gives the same records.

  $ cd ../s && crm export json > all.json && crm export vcard > all.vcf
  $ crm export csv --type company > companies.csv && crm export csv --type contact > contacts.csv
  $ norm() { python3 -c 'import json,sys; rs=json.load(open(sys.argv[1])); print("\n".join(sorted(json.dumps({k:v for k,v in r.items() if k not in ("id","created","updated","company")}, sort_keys=True, ensure_ascii=False) for r in rs if r["type"] in ("contact","company"))))' "$1"; }
  $ for f in json vcard csv; do crm init ../rt-$f >/dev/null 2>&1; done
  $ crm -C ../rt-json import json all.json 2>&1 | tail -1 && crm -C ../rt-json export json > rt-json.json
  47 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm -C ../rt-vcard import vcard all.vcf 2>&1 | tail -1 && crm -C ../rt-vcard export json > rt-vcard.json
  47 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm -C ../rt-csv import csv companies.csv --type company 2>&1 | tail -1 && crm -C ../rt-csv import csv contacts.csv 2>&1 | tail -1 && crm -C ../rt-csv export json > rt-csv.json
  10 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  37 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ norm all.json > a.txt && for f in json vcard csv; do norm rt-$f.json > b.txt && (cmp -s a.txt b.txt && echo "$f: same records" || diff a.txt b.txt | head -5); done
  json: same records
  vcard: same records
  csv: same records
