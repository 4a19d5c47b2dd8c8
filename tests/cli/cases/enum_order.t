Enums are ordered, not alphabetical: a schema's enum sorts and compares in
the order its schema lists the values, a deal's stage in the pipeline's.
Lists hide done tasks and closed deals unless --all or a filter on status
(stage) asks for them; a name means the open record.

  $ cp -r "$STORES/terminal" s && cd s
  $ crm task list --sort priority:desc --fields title,priority
  ID    TITLE                                                                         PRIORITY
  taaa  Send the revised quote for the difference engine with the printing apparatus  urgent
  tbbb  Call Grace                                                                    high
  teee  Weekly review
  tccc  Book the demo room                                                            low
  $ crm task list --sort priority --fields title,priority
  ID    TITLE                                                                         PRIORITY
  tccc  Book the demo room                                                            low
  teee  Weekly review
  tbbb  Call Grace                                                                    high
  taaa  Send the revised quote for the difference engine with the printing apparatus  urgent
  $ crm task list 'priority>=high' --fields title,priority
  ID    TITLE                                                                         PRIORITY
  taaa  Send the revised quote for the difference engine with the printing apparatus  urgent
  tbbb  Call Grace                                                                    high
  $ crm task list 'priority<normal' --fields title,priority
  ID    TITLE               PRIORITY
  tccc  Book the demo room  low
  $ crm deal list --sort stage --all --fields name,stage
  ID    NAME                                                                       STAGE
  deee  Training days                                                              qualification
  dbbb  Robot arms for Osaka                                                       proposal
  daaa  Difference engine, complete with the printing apparatus and spare columns  negotiation
  dccc  Compiler licences                                                          won
  dddd  Punched cards                                                              lost
  $ crm deal list --sort stage:desc --fields name,stage
  ID    NAME                                                                       STAGE
  daaa  Difference engine, complete with the printing apparatus and spare columns  negotiation
  dbbb  Robot arms for Osaka                                                       proposal
  deee  Training days                                                              qualification
  $ crm deal list 'stage>=proposal' --fields name,stage
  ID    NAME                                                                       STAGE
  daaa  Difference engine, complete with the printing apparatus and spare columns  negotiation
  dbbb  Robot arms for Osaka                                                       proposal
  dccc  Compiler licences                                                          won
  dddd  Punched cards                                                              lost
  $ crm deal list stage=proposl
  crm: error: "proposl" is not a stage; did you mean "proposal"? (the pipeline: qualification, needs-analysis, proposal, negotiation, won, lost)
  [2]
  $ crm task list priority=hgih
  crm: error: "hgih" is not a priority; did you mean "high"? (priority: low, normal, high, urgent)
  [2]
  $ crm contact list 'lifecycle>=sql' --fields name,lifecycle
  ID    NAME          LIFECYCLE
  kgra  Grace Hopper  customer
  $ crm contact list 'lifecycle<customer' --fields name,lifecycle --sort lifecycle:desc
  ID    NAME          LIFECYCLE
  kala  Alan Turing   lead
  kli0  李小龙        lead
  kzoe  Zoë Ångström  subscriber

Done and closed records are history.

  $ crm task list --fields title,status
  ID    TITLE
  taaa  Send the revised quote for the difference engine with the printing apparatus
  teee  Weekly review
  tbbb  Call Grace
  tccc  Book the demo room
  $ crm task list --all --fields title,status
  ID    TITLE                                                                         STATUS
  tddd  Weekly review                                                                 done
  taaa  Send the revised quote for the difference engine with the printing apparatus
  teee  Weekly review
  tbbb  Call Grace
  tccc  Book the demo room
  $ crm task list status=done --fields title,status
  ID    TITLE          STATUS
  tddd  Weekly review  done
  $ crm deal list --fields name,stage
  ID    NAME                                                                       STAGE
  daaa  Difference engine, complete with the printing apparatus and spare columns  negotiation
  dbbb  Robot arms for Osaka                                                       proposal
  deee  Training days                                                              qualification
  $ crm deal list stage=won --fields name,stage
  ID    NAME               STAGE
  dccc  Compiler licences  won
  $ crm deal list stage=won --format ids
  dccc000000000003
  $ crm deal list name~compiler
  $ crm task show "weekly review" --fields status
  id  teee000000000005
  $ crm task done "Weekly review" && crm task list --all --fields title,status
  ID    TITLE                                                                         STATUS
  tddd  Weekly review                                                                 done
  taaa  Send the revised quote for the difference engine with the printing apparatus
  teee  Weekly review                                                                 done
  tbbb  Call Grace
  tccc  Book the demo room
  $ crm task show "weekly review" --fields status
  crm: error: "weekly review" matches 2 tasks: tddd000000000004 (Weekly review), teee000000000005 (Weekly review); use an id
  [2]
