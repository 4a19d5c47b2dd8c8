A word crm does not know gets one line naming the closest ones it does, and
exit 2: commands, verbs, options, fields, enum values, stages, formats,
reports. CLI11's own wording never shows.

  $ crm init s 2>/dev/null && cd s
  $ crm contcat list
  crm: error: unknown command "contcat"; did you mean "contact"? (see crm help)
  [2]
  $ crm contact lst
  crm: error: unknown verb "lst" for crm contact; did you mean "list"? (verbs: add, list, show, set, edit, rm)
  [2]
  $ crm list contact
  crm: error: the record type comes first: crm contact list (see crm help contact)
  [2]
  $ crm contact list --sortt name
  crm: error: unknown option "--sortt" for crm contact list; did you mean "--sort"? (see crm help contact list)
  [2]
  $ crm contact list nme~ada
  crm: error: unknown field "nme" for contact; did you mean "name"? (fields: name, first_name, last_name, email, emails, phone, phones, title, company, address, website, source, owner, tags, lifecycle, do_not_contact, birthday, follow_up, cadence, notes, external_ids, import_notes, orders, revenue, first_order, last_order, rfm, clv)
  [2]
  $ crm task list priority=hgh
  crm: error: "hgh" is not a priority; did you mean "high"? (priority: low, normal, high, urgent)
  [2]
  $ crm task add --title x --priority urgnt
  crm: error: priority: "urgnt" is not one of low, normal, high, urgent; did you mean "urgent"?
  [3]
  $ crm deal add --name Big > /dev/null && crm deal move big proposl
  crm: error: unknown stage "proposl"; did you mean "proposal"? (stages: qualification, needs-analysis, proposal, negotiation, won, lost)
  [2]
  $ crm --format jsn contact list
  crm: error: unknown format "jsn"; did you mean "json"? (one of table, json, jsonl, yaml, csv, tsv, ids, html)
  [2]
  $ crm report pipelin
  crm: error: unknown report "pipelin"; did you mean "pipeline"? (reports: pipeline, forecast, funnel, winrate, velocity, sources, activity, overdue, stale, tickets, sla, csat, customers, rfm, revenue, churn, cohorts, products)
  [2]

Counts say what they want; the help shows no validator names.

  $ crm contact list --limit -1
  crm: error: --limit: must be a whole number, 0 or more (not "-1") (see crm help contact list)
  [2]
  $ crm contact list --help | grep -e --limit
    --limit N                   show at most N
  $ crm contact show
  crm: error: crm contact show: id is required (see crm help contact show)
  [2]
