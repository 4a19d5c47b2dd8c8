Planted duplicates: dedupe finds them with the rule that matched; merge
keeps one contact per person with every deal, task and activity attached.

  $ crm init s 2>/dev/null && cd s
  $ CRM_NOW=2026-11-01T09:00:00Z crm company add --name "Acme, Inc." --domain acme.example > /dev/null && CRM_NOW=2026-11-02T09:00:00Z crm company add --name "ACME Inc" > /dev/null && crm company add --name "Globex" --domain globex.example > /dev/null
  $ a1=$(crm contact add --name "Ada Lovelace" --email ada@acme.example --phone "+44 20 7946 0018" --tag vip)
  $ a2=$(crm contact add --name "Ada Lovelace" --email ADA@ACME.EXAMPLE --title Countess --tag london)
  $ a3=$(crm contact add --name "A. Lovelace" --phone "020 7946 0018" --set emails=countess@example.org)
  $ g1=$(crm contact add --name "Grace Hopper" --email grace@navy.example)
  $ d=$(crm deal add --name "Engines" --amount 1000 --contact "$a2")
  $ t=$(crm task add --title "Call Ada" --for "$a3")
  $ CRM_NOW=2026-11-20T10:00:00Z crm log call "$a2" "pricing" > /dev/null && CRM_NOW=2026-11-21T10:00:00Z crm log note "$a3" "met at the ball" > /dev/null
  $ crm dedupe --format json | /usr/bin/python3 -c 'import sys,json; g=json.load(sys.stdin); print(len(g), "group(s);", sorted(m["rule"] for m in g[0]["matches"]), len(g[0]["ids"]), "records")'
  1 group(s); ['email', 'name', 'phone'] 3 records
  $ crm dedupe --type company --format csv | cut -d, -f1,3,4
  group,name,rules
  1,"Acme, Inc."
  1,ACME Inc,name
  $ crm merge "$a1" "$a2" "$a3" --dry-run 2>&1 | grep -E "^(title|crm):" | sed "s/([a-z0-9]\{16\})/(ID)/" && crm -q contact list | wc -l
  title: Countess
  crm: would merge 2 into Ada Lovelace (ID): 4 references re-pointed, filled title, tags, emails; nothing written (--dry-run)
  4
  $ crm merge "$a1" "$a2" "$a3" 2>&1 | sed 's/([a-z0-9]\{16\})/(ID)/'
  [a-z0-9]{16} (re)
  crm: merge 2 into Ada Lovelace (ID): 4 references re-pointed, filled title, tags, emails
  $ crm -q contact list | wc -l
  2
  $ crm contact show "$a1" --format json --fields name,email,emails,phone,title,tags | grep -v '"id"'
  {
    "type": "contact",
    "name": "Ada Lovelace",
    "email": "ada@acme.example",
    "emails": [
      "countess@example.org"
    ],
    "phone": "+44 20 7946 0018",
    "title": "Countess",
    "tags": [
      "vip",
      "london"
    ]
  }
  $ crm deal show "$d" --format json --fields contacts | grep -c "$a1"
  1
  $ crm task show "$t" --format json --fields related | grep -c "$a1"
  1
  $ crm activity list --fields summary,with | sed 's/^[a-z0-9]\{4\}/ID  /'
  ID    SUMMARY          WITH
  ID    pricing          Ada Lovelace
  ID    met at the ball  Ada Lovelace
  $ crm check && echo clean
  clean
  $ crm merge "$a1" "$a1"
  crm: error: cannot merge [a-z0-9]{16} into itself (re)
  [2]
  $ crm merge "$a1" nobody
  crm: error: no contact matches "nobody"
  [1]
