A store declares its own record type in .crm/schemas/<type>.yaml and gets
every generic verb, filters, formats, check, import/export json, the index,
references both ways and the merge driver, with no rebuild (crm-schema(5)).

  $ crm init s > /dev/null 2>&1 && cd s && mkdir .crm/schemas
  $ cp $TESTDIR/../../fixtures/schemas/project.yaml .crm/schemas/
  $ crm company add --name Acme > /dev/null
  $ crm project add --name Website --client acme --due 2026-12-15 --budget 4000
  [a-z0-9]{16} (re)
  $ crm project add --name Audit --client Acme --status active --due 2027-01-10 > /dev/null
  $ crm project list
  ID    NAME     CLIENT  STATUS   DUE         BUDGET (USD)
  [a-z0-9]{4}  Website  Acme    planned  2026-12-15      4,000.00 (re)
  [a-z0-9]{4}  Audit    Acme    active   2027-01-10 (re)
  $ crm project list status=active due\<2027-02-01 --format csv --fields name,status,due
  id,name,status,due
  [a-z0-9]{16},Audit,active,2027-01-10 (re)
  $ crm project set website status=active --unset budget && crm project list status=active -q | wc -l
  2
  $ crm project set website status=finished
  crm: error: status: "finished" is not one of planned, active, done
  [3]

References both ways: the company's 360° view lists its projects, and a
project's client cannot be removed from under it.

  $ crm company show acme | sed -n '/Projects/,$p'
  Projects (2)
  ID    NAME     CLIENT  STATUS  DUE
  [a-z0-9]{4}  Website  Acme    active  2026-12-15 (re)
  [a-z0-9]{4}  Audit    Acme    active  2027-01-10 (re)
  $ crm company rm acme --yes
  crm: error: company Acme \([a-z0-9]{16}\) is referenced by 2 projects; use --force to remove it and unlink them (re)
  [4]

check reads the type's folder like any other.

  $ printf 'id: pbroken000000001\nname: Broken\nstatus: someday\n' > projects/pbroken000000001.yaml
  $ crm check
  projects/pbroken000000001.yaml:3:9: status: "someday" is not one of planned, active, done
  [3]
  $ rm projects/pbroken000000001.yaml

Export and import json round trip through a fresh store with the same schema.

  $ crm export json --type project > ../projects.json && crm export json --type company > ../companies.json
  $ crm init ../t > /dev/null 2>&1 && mkdir ../t/.crm/schemas && cp .crm/schemas/project.yaml ../t/.crm/schemas/
  $ crm -C ../t import json ../companies.json && crm -C ../t import json ../projects.json
  1 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ diff -r projects ../t/projects && echo same
  same

The same answers without the cache (the index serves any type).

  $ crm project list --format json > ../cached.json && CRM_NO_CACHE=1 crm project list --format json | diff ../cached.json - && echo same
  same

The merge driver merges a project field by field.

  $ id=$(crm project list name=Audit -q); cp projects/$id.yaml ../base.yaml
  $ sed 's/^status: active/status: done/' ../base.yaml > ../ours.yaml
  $ sed 's/^due: 2027-01-10/due: 2027-02-01/' ../base.yaml > ../theirs.yaml
  $ crm merge-file ../base.yaml ../ours.yaml ../theirs.yaml projects/$id.yaml && grep -E '^(status|due):' ../ours.yaml
  status: done
  due: 2027-02-01

A bad schema file is an error naming file, line and field; a store may not
redefine a built-in type.

  $ printf 'type: contact\nfields:\n  - {name: x, type: string}\n' > .crm/schemas/contact.yaml
  $ crm project list
  crm: error: .crm/schemas/contact.yaml:1:7: type: "contact" is a built-in type; a store may not redefine it (add fields to a built-in type under fields: in .crm/config.yaml)
  [3]
  $ rm .crm/schemas/contact.yaml
  $ printf 'type: invoice\nfields:\n  - {name: name, type: strin}\n' > .crm/schemas/invoice.yaml
  $ crm invoice list
  crm: error: .crm/schemas/invoice.yaml:3:24: name: unknown type "strin" (one of string, text, email, phone, url, date, datetime, when, decimal, money, integer, duration, bool, enum, list, ref, refs, object)
  [3]
  $ printf 'type: invoice\nfields:\n  - {name: name, type: string}\n  - {name: job, type: ref, to: projet}\n' > .crm/schemas/invoice.yaml
  $ crm check
  crm: error: .crm/schemas/invoice.yaml: job: refers to unknown type "projet"; did you mean "project"? (one of contact, company, lead, deal, task, activity, ticket, product, order, segment, campaign, invoice, project)
  [3]
  $ printf 'type: log\nfields:\n  - {name: name, type: string}\n' > .crm/schemas/log.yaml && rm .crm/schemas/invoice.yaml
  $ crm project list -q | wc -l
  crm: error: .crm/schemas/log.yaml:1:7: type: "log" is a name crm uses for its own commands or types; choose another
  0
  $ rm .crm/schemas/log.yaml

A declared type may refer to another declared type; its folder is made on
the first add.

  $ printf 'type: invoice\nfields:\n  - {name: name, type: string, required: true}\n  - {name: job, type: ref, to: project, option: true}\n' > .crm/schemas/invoice.yaml
  $ crm invoice add --set name=INV-1 --job website > /dev/null && ls invoices | wc -l
  1
  $ crm project show website | sed -n '/Invoices/,$p'
  Invoices (1)
  ID    NAME
  [a-z0-9]{4}  INV-1 (re)

A symbolic link where a schema belongs is refused like any other in a store.

  $ ln -s /etc/passwd .crm/schemas/evil.yaml
  $ crm project list
  crm: error: unsafe store: .crm/schemas/evil.yaml is a symbolic link; crm never follows links in a store nor opens special files there: remove them (crm check lists every problem)
  [3]
