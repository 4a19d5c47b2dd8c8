Version, help, and usage errors (exit 2).

  $ crm --version
  crm 0.1.0
  $ crm help contact | head -3
  people: add, list, show, set, edit, rm
  Usage: crm contact [OPTIONS] SUBCOMMAND
  
  $ crm frobnicate
  crm: error: unknown command "frobnicate" (see crm help)
  [2]
  $ crm contact
  crm: error: crm contact needs a verb: add, list, show, set, edit, rm (see crm help contact)
  [2]
  $ crm contact add --bogus x
  crm: error: unknown option "--bogus" for crm contact add (see crm help contact add)
  [2]
  $ crm -C . --format xml contact list
  crm: error: . is not a crm store (no .crm/ folder); make one with: crm init .
  [2]
  $ crm init s >/dev/null 2>&1 && crm -C s --format xml contact list
  crm: error: unknown format "xml" (one of table, json, jsonl, yaml, csv, tsv, ids, html)
  [2]
  $ crm -C s contact list --fields name,nope
  crm: error: unknown field "nope" for contact (fields: name, first_name, last_name, email, emails, phone, phones, title, company, address, website, source, owner, tags, lifecycle, do_not_contact, birthday, follow_up, cadence, notes, external_ids, import_notes, orders, revenue, first_order, last_order, rfm, clv; declare more under fields: in .crm/config.yaml)
  [2]
  $ crm -C s contact list nope=1
  crm: error: unknown field "nope" for contact (fields: name, first_name, last_name, email, emails, phone, phones, title, company, address, website, source, owner, tags, lifecycle, do_not_contact, birthday, follow_up, cadence, notes, external_ids, import_notes, orders, revenue, first_order, last_order, rfm, clv)
  [2]
  $ crm -C s contact list --sort nope
  crm: error: unknown field "nope" for contact (fields: name, first_name, last_name, email, emails, phone, phones, title, company, address, website, source, owner, tags, lifecycle, do_not_contact, birthday, follow_up, cadence, notes, external_ids, import_notes, orders, revenue, first_order, last_order, rfm, clv; declare more under fields: in .crm/config.yaml)
  [2]
  $ crm -C s contact list or
  crm: error: "or" needs a filter term on each side
  [2]
  $ crm -C s contact list name=x or
  crm: error: "or" needs a filter term on each side
  [2]
  $ crm -C s contact list "follow_up<today" "birthday>=1990-01-01"
  $ crm -C s contact list birthday\<someday
  crm: error: "someday" is not a date (birthday)
  [2]
