A store declares its own fields in .crm/config.yaml; they validate like built-in ones.

  $ crm init s 2>/dev/null && cd s
  $ cat >> .crm/config.yaml <<'YAML'
  > 
  > fields:
  >   contact:
  >     - {name: linkedin, type: url}
  >     - {name: tier, type: enum, values: [gold, silver]}
  >     - {name: score, type: integer}
  > YAML
  $ sed -i '/^fields: {}$/d' .crm/config.yaml
  $ crm contact add --name Ada --set tier=Gold --set score=007 --set linkedin=linkedin.example/ada > /dev/null
  $ crm contact list --fields name,tier,score,linkedin
  ID    NAME  TIER  SCORE  LINKEDIN
  [a-z0-9]{4}  Ada   gold      7  linkedin.example/ada (re)
  $ crm contact list 'score>5' tier=gold --format jsonl --fields tier,score | sed 's/"id":"[a-z0-9]*"/"id":"ID"/'
  {"id":"ID","type":"contact","tier":"gold","score":7}
  $ crm contact add --name Bob --set tier=bronze
  crm: error: tier: "bronze" is not one of gold, silver
  [3]
  $ crm contact add --name Bob --set score=lots
  crm: error: score: "lots" is not a whole number (digits, no leading zero, at most 18)
  [3]

A broken config is reported with its line.

  $ printf 'fields:\n  contact:\n    - {name: Bad Name, type: string}\n' > .crm/config.yaml && crm contact list
  crm: error: .crm/config.yaml:3:7: name: "Bad Name" is not a field name (lowercase letters, digits, _)
  [3]
  $ printf 'fields:\n  contact:\n    - {name: email, type: string}\n' > .crm/config.yaml && crm contact list
  crm: error: .crm/config.yaml:3:7: fields.contact: custom field "email" clashes with a built-in field
  [3]
  $ printf 'fields:\n  contact:\n    - {name: x, type: colour}\n' > .crm/config.yaml && crm contact list
  crm: error: .crm/config.yaml:3:23: x: unknown type "colour" (one of string, text, email, phone, url, date, datetime, when, decimal, money, integer, duration, bool, enum, list, ref, refs, object)
  [3]
  $ printf 'pipeline: [\n' > .crm/config.yaml && crm contact list
  crm: error: .crm/config.yaml:2:1: end of sequence flow not found
  [3]
