Assignment: who gets a new lead, deal or ticket. round-robin is the owner
after whoever received the most recent record of the type, read from the
records themselves (no counter for clones to conflict on); least-open the
owner with the fewest open records; territories are steps with an `if`.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm config set owners '[ana, ben, cy, dana]'
  $ cat >> .crm/config.yaml <<'EOF'
  > fields:
  >   lead: [{name: country, type: string}]
  > assignment:
  >   lead:
  >     - {if: "country=DE", to: dana}
  >     - {to: round-robin, among: [ana, ben, cy]}
  >   deal: [{to: least-open, among: [ana, ben, cy]}]
  >   ticket: [{to: round-robin, among: [ben, cy]}]
  > EOF
  $ sed -i 's/^fields: {}$//' .crm/config.yaml
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: new-lead
  >   on: lead.create
  >   do: [{assign: {to: auto}}]
  > - name: new-deal
  >   on: deal.create
  >   if: owner=""
  >   do: [{assign: {to: auto}}]
  > EOF
  $ crm rules check

Leads one minute apart: ana, then ben (the German lead goes to dana and
does not move the turn), cy, and ana again.

  $ for n in 1 2 3 4 5; do
  >   c=$([ $n = 2 ] && echo DE || echo FR)
  >   CRM_NOW=2026-11-23T09:0$n:00Z crm lead add --name "Lead $n" --set country=$c > /dev/null 2>&1
  > done
  $ crm lead list --sort created --fields name,country,owner --format csv | cut -d, -f2-
  name,country,owner
  Lead 1,FR,ana
  Lead 2,DE,dana
  Lead 3,FR,ben
  Lead 4,FR,cy
  Lead 5,FR,ana

An import makes many leads in one second: they are dealt in turn, whatever
their random ids, and the next lead carries on.

  $ printf 'name,country\nImp A,FR\nImp B,FR\nImp C,FR\nImp D,FR\n' > ../leads.csv
  $ CRM_NOW=2026-11-23T10:00:00Z crm import csv ../leads.csv --type lead > /dev/null 2>&1
  $ CRM_NOW=2026-11-23T11:00:00Z crm lead add --name Later > /dev/null 2>&1
  $ crm lead list created\>=2026-11-23T10:00:00Z --sort name --fields name,owner --format csv | cut -d, -f2-
  name,owner
  Imp A,ben
  Imp B,cy
  Imp C,ana
  Imp D,ben
  Later,cy
  $ crm lead list created\>=2026-11-23T10:00:00Z created\<2026-11-23T11:00:00Z --fields owner --format csv | tail -n +2 | cut -d, -f2 | sort | uniq -c | tr -s ' '
   1 ana
   2 ben
   1 cy

Deals go to the owner with the fewest open deals (won and lost ones do not
count); ties go to the first in `among`.

  $ crm deal add --name D1 --set owner=ana > /dev/null 2>&1
  $ crm deal add --name D2 --set owner=ana > /dev/null 2>&1
  $ crm deal add --name D3 --set owner=ben --stage won > /dev/null 2>&1
  $ crm deal add --name D4 > /dev/null
  crm: rule new-deal on deal [a-z0-9]{16}: assign ben (re)
  $ crm deal add --name D5 > /dev/null
  crm: rule new-deal on deal [a-z0-9]{16}: assign cy (re)

`ticket assign --auto` uses the same: round-robin among ben and cy only.

  $ t1=$(CRM_NOW=2026-11-23T09:00:00Z crm ticket add --subject One 2>/dev/null)
  $ t2=$(CRM_NOW=2026-11-23T09:10:00Z crm ticket add --subject Two 2>/dev/null)
  $ crm ticket assign "$t1" --auto 2>&1 | sed 's/ (.*)//'
  crm: ticket One assigned to ben
  $ crm ticket assign "$t2" --auto 2>&1 | sed 's/ (.*)//'
  crm: ticket Two assigned to cy

A rule names its method and owners itself: `among` limits them. (Both
rules fire on Vera's creation; the later rule's owner is the one written.)

  $ cat >> .crm/rules.yaml <<'EOF'
  > - name: vip-lead
  >   on: lead.create
  >   if: +vip
  >   do: [{assign: {to: least-open, among: [cy, ben]}}]
  > EOF
  $ crm lead add --name Vera --tag vip 2>&1 | tail -n +2 | sort
  crm: rule new-lead on lead [a-z0-9]{16}: assign ana (re)
  crm: rule vip-lead on lead [a-z0-9]{16}: assign cy (re)
  $ crm lead list name=Vera --fields owner --format csv | cut -d, -f2
  owner
  cy

Without `among`, a method picks among every owner of the config (it once
picked a nameless owner and wrote none).

  $ printf -- '- name: rr\n  on: lead.create\n  if: +rr\n  do: [{assign: {to: round-robin}}]\n' > ../rr.yaml
  $ cp .crm/rules.yaml ../rules.keep && cp ../rr.yaml .crm/rules.yaml
  $ for n in 1 2 3 4; do CRM_NOW=2026-11-23T12:0$n:00Z crm lead add --name R$n --tag rr 2>&1 | tail -n +2 | sed 's/ on lead [a-z0-9]*//'; done
  crm: rule rr: assign dana
  crm: rule rr: assign ana
  crm: rule rr: assign ben
  crm: rule rr: assign cy
  $ cp ../rules.keep .crm/rules.yaml

Settings that cannot work are refused at their line.

  $ cp .crm/config.yaml ../good.yaml
  $ sed -i 's/country=DE/land=DE/' .crm/config.yaml
  $ crm lead list 2>&1 | cut -c1-75
  crm: error: .crm/config.yaml:31:12: assignment.lead[0].if: unknown field "l
  $ cp ../good.yaml .crm/config.yaml
  $ crm config set assignment.deal '[{to: ana, among: [ben]}]'
  crm: error: .crm/config.yaml:\d+:\d+: assignment.deal\[0\].among: among goes with to: round-robin or least-open (re)
  [3]
  $ printf -- '- name: x\n  on: lead.create\n  do: [{assign: {to: ana, among: [ben]}}]\n' > .crm/rules.yaml
  $ crm rules check
  crm: error: .crm/rules.yaml:3:17: rule x.do[0].assign.among: among goes with to: round-robin or least-open
  [3]
