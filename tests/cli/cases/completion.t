crm completion bash|zsh|fish prints a script that asks `crm __complete` for
the candidates: they come from the command tree (nouns, verbs, options,
field names, enum values) and the current store (stages, names, emails, tags),
so they never drift from what crm accepts.

  $ crm init s 2>/dev/null && cd s
  $ crm contact add --name "Ada Lovelace" --email ada@example.com --tag vip > /dev/null && crm contact add --name "Alan Turing" --tag london > /dev/null
  $ crm deal add --name "Big Engine" > /dev/null && crm task add --title Timesheet > /dev/null

Bash, driven as bash drives it: COMP_LINE up to the cursor, COMP_WORDS cut at
spaces and at = and : (bash's COMP_WORDBREAKS).

  $ crm completion bash > crm.bash && bash -n crm.bash && echo valid
  valid
  $ cat > tab <<'SH'
  > #!/bin/bash
  > source "$(dirname "$0")/crm.bash"
  > line=$1 last=${1##* }
  > COMP_LINE=$line COMP_POINT=${#line} COMP_WORDS=(crm "${last##*[=:]}") COMP_CWORD=1
  > _crm
  > printf '%s\n' "${COMPREPLY[@]}"
  > SH
  $ chmod +x tab
  $ ./tab "crm con"
  config
  contact
  $ ./tab "crm contact s"
  set
  show
  $ ./tab "crm contact list --so"
  --sort
  $ ./tab "crm contact list --sort na"
  name
  name:desc
  $ ./tab "crm contact list lifec"
  lifecycle=
  $ ./tab "crm contact list lifecycle=c"
  customer
  $ ./tab "crm task list priority=h"
  high
  $ ./tab "crm contact list +"
  +london
  +vip
  $ ./tab "crm deal move big "
  lost
  needs-analysis
  negotiation
  proposal
  qualification
  won
  $ ./tab "crm contact show ad"
  Ada\ Lovelace
  ada@example.com
  $ ./tab "crm log call al"
  Alan\ Turing
  $ ./tab "crm task done "
  Timesheet
  $ ./tab "crm --format js"
  json
  jsonl
  $ ./tab "crm report pi"
  pipeline
  $ touch people.csv && ./tab "crm import csv peo"
  people.csv
  $ ./tab "crm completion "
  bash
  fish
  zsh

From elsewhere, -C names the store to complete from.

  $ cd .. && ./s/tab "crm -C s contact show al"
  Alan\ Turing

zsh and fish get scripts of their own; each at least parses.

  $ crm completion zsh | head -1
  #compdef crm
  $ crm completion fish | grep -c __complete
  2
  $ crm completion tcsh
  crm: error: no completion for "tcsh" (bash, zsh or fish)
  [2]
