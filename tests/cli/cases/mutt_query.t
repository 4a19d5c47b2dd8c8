crm mutt-query: contacts and leads by name or any email, in mutt's
query_command format (a status line, then email TAB name TAB comment).

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm company add --name "Engines Ltd" > /dev/null
  $ crm contact add --name "Zoë Adams" --email zoe@engines.example --company engines --set emails=zoe.home@example.org > /dev/null
  $ crm contact add --name "Ada Lovelace" --email ada@example.com --set title=Mathematician > /dev/null
  $ crm contact add --name "Ada Quiet" --email quiet@example.com --set do_not_contact=true > /dev/null
  $ crm lead add --name "Ada Byron" --email ada@byron.example > /dev/null
  $ crm mutt-query ZOE | tr '\t' '|'
  crm: 2 addresses for "ZOE"
  zoe@engines.example|Zoë Adams|Engines Ltd
  zoe.home@example.org|Zoë Adams|Engines Ltd
  $ crm mutt-query ada | tr '\t' '|'
  crm: 4 addresses for "ada"
  ada@byron.example|Ada Byron|lead
  ada@example.com|Ada Lovelace|Mathematician
  zoe@engines.example|Zoë Adams|Engines Ltd
  zoe.home@example.org|Zoë Adams|Engines Ltd

Every word must match (name or email); none matching exits 1, as khard does.

  $ crm mutt-query ada example.com | tr '\t' '|'
  crm: 1 address for "ada example.com"
  ada@example.com|Ada Lovelace|Mathematician
  $ crm mutt-query nobody
  crm: no contact matches "nobody"
  [1]
