Lead scoring: `scoring:` in the config sums the terms a lead matches,
clamped to 0-100, into its `score` field, kept current by every write of
the lead and of an activity with it; `crm lead score` shows it as of now,
`--explain` the terms (Taskwarrior's urgency breakdown).

  $ crm init s > /dev/null 2>&1 && cd s
  $ cp .crm/config.yaml ../plain.yaml

Bad settings are named at their line when the config is read, by every
command (exit 3) and by `crm config set`.

  $ printf 'scoring:\n  - {if: "source=web", points: 20}\n  - {if: "nofield=1", points: 5}\n' >> .crm/config.yaml
  $ crm lead list
  crm: error: .crm/config.yaml:\d+:\d+: scoring\[1\].if: unknown field "nofield".* (re)
  [3]
  $ cp ../plain.yaml .crm/config.yaml
  $ printf 'scoring:\n  - {activity: {kind: fax, within: 30d}, points: 5}\n' >> .crm/config.yaml
  $ crm lead list 2>&1 | cut -c1-100
  crm: error: .crm/config.yaml:28:23: scoring[0].activity.kind: "fax" is not a kind of activity (call,
  $ cp ../plain.yaml .crm/config.yaml
  $ printf 'scoring:\n  - {if: "+vip", points: 101}\n' >> .crm/config.yaml
  $ crm lead list
  crm: error: .crm/config.yaml:28:26: scoring[0].points: "101" is not a number of points from -100 to 100
  [3]
  $ cp ../plain.yaml .crm/config.yaml
  $ crm config set scoring '[{activity: {within: 30}, points: 5}]'
  crm: error: .crm/config.yaml:\d+:\d+: scoring\[0\].activity.within: "30" is not a length of time \(30d, 2w, 12h; up to 366d\) (re)
  [3]
  $ cmp .crm/config.yaml ../plain.yaml && echo unchanged
  unchanged

Without `scoring:`, `score` is an ordinary field and `lead score` says why
it has nothing to show.

  $ crm lead add --name Old --set score=7 > /dev/null
  $ crm lead score
  crm: error: no scoring: in .crm/config.yaml (see crm-config(1): scoring: [{if: "source=web", points: 20}])
  [2]
  $ cat >> .crm/config.yaml <<'EOF'
  > scoring:
  >   - {if: "source=web", points: 20}
  >   - {if: "+vip", points: 50}
  >   - {activity: {kind: email, within: 30d}, points: 15}
  >   - {activity: {kind: meeting}, points: 30}
  >   - {if: "rating=cold", points: -40}
  > EOF

A new lead is scored as it is written.

  $ crm lead add --name Ada --set source=web
  [a-z0-9]{16} (re)
  $ crm lead add --name Cy --set source=web --tag vip > /dev/null
  $ crm lead add --name Dee --set rating=cold > /dev/null
  $ crm lead list --fields name,score --sort score:desc
  ID    NAME  SCORE
  [a-z0-9]{4}  Cy       70 (re)
  [a-z0-9]{4}  Ada      20 (re)
  [a-z0-9]{4}  Old       7 (re)
  [a-z0-9]{4}  Dee       0 (re)

An activity with a lead moves its score; so does changing the lead.

  $ CRM_NOW=2026-11-10T09:00:00Z crm log email Ada "sent the brochure" > /dev/null
  $ crm log meeting Ada "demo" > /dev/null
  $ crm lead list name=Ada --fields name,score --format csv
  id,name,score
  [a-z0-9]{16},Ada,65 (re)
  $ crm lead set Cy rating=cold 2>&1
  $ crm lead list 'score>50' --fields name,score --format csv
  id,name,score
  [a-z0-9]{16},Ada,65 (re)

`--explain` lists every term, what it counted, and the clamped sum.

  $ crm lead score Ada --explain
  TERM                       MATCHED  POINTS  COUNTED  DETAIL
  if source=web              yes          20       20
  if +vip                    no           50        0
  activity email within 30d  yes          15       15  1 activity, the latest 2026-11-10T09:00:00Z
  activity meeting           yes          30       30  1 activity, the latest 2026-11-23T09:00:00Z
  if rating=cold             no          -40        0
  score                                            65
  $ crm lead score Dee --explain --format csv
  term,matched,points,counted,detail,total
  if source=web,false,20,0,,false
  if +vip,false,50,0,,false
  activity email within 30d,false,15,0,,false
  activity meeting,false,30,0,,false
  if rating=cold,true,-40,-40,,false
  score,,,0,"the sum -40, clamped to 0-100",true
  $ crm lead score --format csv
  id,name,status,owner,score
  [a-z0-9]{16},Ada,new,,65 (re)
  [a-z0-9]{16},Cy,new,,30 (re)
  [a-z0-9]{16},Dee,new,,0 (re)
  [a-z0-9]{16},Old,new,,0 (re)
  crm: 1 lead's stored score is behind (recent activities aged, or the terms changed): `crm rules run` writes them
  $ crm lead score --explain
  crm: error: --explain explains one lead: crm lead score ID --explain
  [2]

Recent activities age: a month on, the email no longer counts. `lead score`
says so (and writes nothing); `crm rules run` (cron) writes the scores that
changed, and a re-run writes nothing. Rules fire on the change of a score.

  $ cat > .crm/rules.yaml <<'EOF'
  > - name: cooled
  >   on: lead.score
  >   if: score<60
  >   from: score>=60
  >   do: [{tag: cooled}]
  > EOF
  $ export CRM_NOW=2026-12-20T09:00:00Z CRM_TODAY=2026-12-20
  $ crm lead score Ada
  ID    NAME  SCORE
  [a-z0-9]{4}  Ada      50 (re)
  $ crm lead list name=Ada --fields score --format csv
  id,score
  [a-z0-9]{16},65 (re)
  $ crm rules run --format csv 2>&1 | sort -t, -k4
  crm: rule cooled on lead [a-z0-9]{16}: tag \+cooled (re)
  rule,type,record,action
  scoring,lead,[a-z0-9]{16},score 65 -> 50 (re)
  scoring,lead,[a-z0-9]{16},score 7 -> 0 (re)
  $ crm rules run --format csv
  rule,type,record,action
  $ crm lead list +cooled --fields name,score --format csv
  id,name,score
  [a-z0-9]{16},Ada,50 (re)
