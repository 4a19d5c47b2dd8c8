The automation settings refuse, when they are read and in `crm check`, what
could never work and would otherwise only show later, silently: a score
term that reads the score, segments that refer to each other in a loop, a
score set by hand that the engine replaces, an owner nobody is, a rule's
segment that does not exist.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm config set owners '[ana, ben, cy]'
  $ cp .crm/config.yaml ../plain.yaml

A scoring term that depends on the score can never settle: each write would
move it again. Refused at its line, directly (even beside a segment) ...

  $ printf 'scoring:\n  - {if: "source=web", points: 20}\n  - {if: "@hot or score>10", points: 5}\n' >> .crm/config.yaml
  $ crm lead list
  crm: error: .crm/config.yaml:29:10: scoring[1].if: "score>10" reads the score, which scoring: computes: a term that depends on the score never settles
  [3]
  $ crm check
  crm: error: .crm/config.yaml:29:10: scoring[1].if: "score>10" reads the score, which scoring: computes: a term that depends on the score never settles
  [3]
  $ cp ../plain.yaml .crm/config.yaml
  $ crm config set scoring '[{if: "12", points: 5}]'
  crm: error: .crm/config.yaml:\d+:\d+: scoring\[0\].if: "12" reads the score, which scoring: computes: .* (re)
  [3]
  $ cmp .crm/config.yaml ../plain.yaml && echo unchanged
  unchanged

... and through segments, however deep: the chain is named, and the write
that would have scored a lead leaves nothing behind.

  $ crm segment add --name hot --type lead --filter "score>50" > /dev/null
  $ crm segment add --name warm --type lead --filter "+vip or @hot" > /dev/null
  $ printf 'scoring:\n  - {if: "source=web", points: 20}\n  - {if: "@warm", points: 5}\n' >> .crm/config.yaml
  $ crm lead add --name Ada
  crm: error: \.crm/config\.yaml:29: scoring\[1\]\.if: @warm → @hot reads the score \("score>50" in segments/[a-z0-9]{16}\.yaml\), which scoring: computes: a term that depends on the score never settles (re)
  [3]
  $ ls leads
  $ crm check 2>&1 | grep -c 'scoring\[1\]'
  1

A segment may use the score: only scoring may not.

  $ crm segment set warm 'filter=+vip source=web' && crm lead add --name Ada --set source=web --tag vip
  [a-z0-9]{16} (re)
  $ crm lead list --fields name,score --format csv
  id,name,score
  [a-z0-9]{16},Ada,25 (re)

A score set by hand would be replaced by the computed one without a word:
it is refused (the score's terms are one command away); an import leaves
the column out, says so once, and imports the rest.

  $ crm lead set Ada score=90
  crm: error: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  [2]
  $ crm lead add --name Bo --set score=90
  crm: error: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  [2]
  $ printf 'name: Bo\nscore: 90\n' | crm lead add --from -
  crm: error: <stdin>:2:8: score: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  [3]
  $ crm lead set Ada --unset score
  crm: error: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  [2]
  $ printf 'name,source,Score\nCal,web,40\nDee,,50\n' > ../leads.csv
  $ crm import csv ../leads.csv --type lead --map Score=score > /dev/null
  crm: "Score" is left out of the import: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ printf '[{"type": "lead", "name": "Eli", "score": 77}, {"type": "lead", "name": "Flo", "score": 88}]' > ../leads.json
  $ crm import json ../leads.json > /dev/null
  crm: "score" is left out of the import: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm lead list --sort name --fields name,score --format csv | cut -d, -f2-
  name,score
  Ada,25
  Cal,20
  Dee,0
  Eli,0
  Flo,0

An edit that changes the score is refused at its line, the record as it was.

  $ EDITOR="sed -i s/^score:.*/score:\ 99/" crm lead edit Ada
  crm: error: .crm/edit/[a-z0-9]{16}.yaml:\d+:\d+: score: a lead's score is computed .*; leads/[a-z0-9]{16}.yaml is unchanged; your text is kept in .crm/edit/[a-z0-9]{16}.yaml (re)
  [3]
  $ crm lead list name=Ada --fields score --format csv | cut -d, -f2
  score
  25

Without scoring:, the score is an ordinary field.

  $ cp ../plain.yaml .crm/config.yaml
  $ crm lead set Ada score=90 && crm lead list name=Ada --fields score --format csv | cut -d, -f2
  score
  90

Segments that refer to each other in a loop (a merge or a hand edit makes
them; `segment add` and `set` refuse one) are reported by `crm check` at
each segment's filter, with the loop; using one is an error of the data
(exit 3) at the filter that closes the loop, never a crash.

  $ f=$(grep -l '^name: hot$' segments/*.yaml)
  $ sed -i 's/^filter: .*/filter: "@warm"/' "$f"
  $ sed -i 's/^filter: .*/filter: "@hot +vip"/' $(grep -l '^name: warm$' segments/*.yaml)
  $ crm check
  segments/[a-z0-9]{16}\.yaml:4:9: filter: segment @(hot|warm) refers to itself: @(hot → @warm → @hot|warm → @hot → @warm) (re)
  segments/[a-z0-9]{16}\.yaml:4:9: filter: segment @(hot|warm) refers to itself: @(hot → @warm → @hot|warm → @hot → @warm) (re)
  [3]
  $ crm lead list @warm
  crm: error: segments/[a-z0-9]{16}\.yaml:4:9: filter: segment @warm refers to itself: @warm → @hot → @warm (re)
  [3]
  $ sed -i 's/^filter: .*/filter: "score>50"/' "$f"
  $ crm check

Assignment to an owner who is not one of `owners` would hand records to
nobody: refused at its line, with the owner meant when it is close.

  $ crm config set assignment.lead '[{if: "source=web", to: ann}, {to: round-robin}]'
  crm: error: .crm/config.yaml:\d+:\d+: assignment.lead\[0\].to: "ann" is not one of the owners \(ana, ben, cy\); did you mean "ana"\? (re)
  [3]
  $ crm config set assignment.ticket '[{to: least-open, among: [ben, ghost]}]'
  crm: error: .crm/config.yaml:\d+:\d+: assignment.ticket\[0\].among: "ghost" is not one of the owners \(ana, ben, cy\) (re)
  [3]
  $ printf 'assignment:\n  deal: bne\n' >> .crm/config.yaml
  $ crm deal list
  crm: error: .crm/config.yaml:28:9: assignment.deal: "bne" is not one of the owners (ana, ben, cy); did you mean "ben"?
  [3]
  $ cp ../plain.yaml .crm/config.yaml
  $ crm config set owners '[ana, ben]' && crm config set assignment.deal cy
  crm: error: .crm/config.yaml:\d+:\d+: assignment.deal: "cy" is not one of the owners \(ana, ben\) (re)
  [3]

So is a rule's: an `assign` or a task's `owner` (a template is known only
when it fires).

  $ cat > .crm/rules.yaml <<'EOF2'
  > - name: new-lead
  >   on: lead.create
  >   do: [{assign: {to: bne}}, {task: {title: Call, owner: "{{owner}}"}}]
  > EOF2
  $ crm rules check
  crm: error: .crm/rules.yaml:3:8: rule new-lead.assign.to: "bne" is not one of the owners (ana, ben); did you mean "ben"?
  [3]
  $ sed -i 's/bne/ben/; s/{{owner}}/anna/' .crm/rules.yaml && crm rules check
  crm: error: .crm/rules.yaml:3:29: rule new-lead.task.owner: "anna" is not one of the owners (ana, ben); did you mean "ana"?
  [3]

Settings that make the rules wrong are written (the rules may be fixed
next), and `config set` says at once what they break.

  $ sed -i 's/anna/ana/' .crm/rules.yaml && crm rules check
  $ crm config set owners '[ana, cy]'
  crm: warning: .crm/rules.yaml:3:8: rule new-lead.assign.to: "ben" is not one of the owners (ana, cy) (with this setting; crm rules check says all, every write reports it until fixed)
  $ crm config set owners '[ana, ben]'

A rule's segment that does not exist is named by `crm rules check`, by
`crm check`, and by every write (the rules file is read by each, and no
rule fires from a file that is wrong), not only when the rule would fire.
So is a `from:` one.

  $ cat > .crm/rules.yaml <<'EOF2'
  > - name: warmed
  >   on: lead.update
  >   if: "@wram"
  >   do: [{tag: warmed}]
  > EOF2
  $ crm rules check
  crm: error: .crm/rules.yaml:3: rule warmed.if: no segment @wram; did you mean "@warm"? (segments: @hot, @warm)
  [3]
  $ crm check
  .crm/rules.yaml:3: rule warmed.if: no segment @wram; did you mean "@warm"? (segments: @hot, @warm)
  [3]
  $ crm contact add --name Eve
  [a-z0-9]{16} (re)
  crm: error: .crm/rules.yaml:3: rule warmed.if: no segment @wram; did you mean "@warm"? (segments: @hot, @warm) (no rule fired)
  [3]
  $ sed -i 's/if: "@wram"/if: "@warm"\n  from: "@cold"/' .crm/rules.yaml && crm rules check
  crm: error: .crm/rules.yaml:4: rule warmed.from: no segment @cold (segments: @hot, @warm)
  [3]
  $ sed -i 's/@cold/@hot/' .crm/rules.yaml && crm rules check

Siblings. `crm rules check` lists every problem, in the file's order; a
rule that sets a lead's score under scoring: is refused like a hand.

  $ printf 'scoring:\n  - {if: "source=web", points: 20}\n' >> .crm/config.yaml
  $ cat > .crm/rules.yaml <<'EOF2'
  > - name: hot
  >   on: lead.create
  >   if: "@nope"
  >   do: [{set: {score: "50"}}, {assign: {to: bne}}]
  > EOF2
  $ crm rules check
  crm: error: .crm/rules.yaml:3: rule hot.if: no segment @nope (segments: @hot, @warm)
  crm: error: .crm/rules.yaml:4:8: rule hot.set.score: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  crm: error: .crm/rules.yaml:4:30: rule hot.assign.to: "bne" is not one of the owners (ana, ben); did you mean "ben"?
  [3]
  $ crm check | cut -d: -f1-3
  .crm/rules.yaml:3: rule hot.if
  .crm/rules.yaml:4:8
  .crm/rules.yaml:4:30
  $ rm .crm/rules.yaml

A web form that maps a field to a computed score: `crm check` names it at
its line (forms are otherwise read only by capture and serve).

  $ printf 'forms:\n  web:\n    type: lead\n    fields: {name: name, email: email, points: score}\n' >> .crm/config.yaml
  $ crm check
  .crm/config.yaml:32:48: forms.web.fields.points: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  [3]
  $ echo '{"name": "Fay", "email": "fay@example.com", "points": "99"}' | crm capture
  crm: error: .crm/config.yaml:32:48: forms.web.fields.points: a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain shows its terms)
  [3]

A segment used by name (a rule's filter, a scoring term, another segment)
is not removed unless forced: everything naming it would break.

  $ printf -- '- name: hot\n  on: lead.update\n  if: "@hot"\n  do: [{tag: hot}]\n' > .crm/rules.yaml
  $ printf -- '  - {if: "@warm", points: 5}\n' > ../term && sed -i '/^scoring:$/r ../term' .crm/config.yaml
  $ crm segment rm hot --yes
  crm: error: segment @hot is used by rule hot (if), segment @warm; change those first, or use --force to remove it and leave them naming nothing
  [4]
  $ crm segment rm warm --yes
  crm: error: segment @warm is used by scoring[0]; change those first, or use --force to remove it and leave them naming nothing
  [4]
  $ ls segments | wc -l
  2

An assignment step whose `if` names a segment that does not exist is
named at its line by `crm check`, and when it is used.

  $ rm .crm/rules.yaml && cp ../plain.yaml .crm/config.yaml
  $ printf 'assignment:\n  ticket:\n    - {if: "@urgnt", to: ana}\n    - {to: round-robin}\n' >> .crm/config.yaml
  $ crm check
  .crm/config.yaml:29: assignment.ticket[0].if: no segment @urgnt (segments: @hot, @warm)
  [3]
  $ t=$(crm ticket add --subject Help)
  $ crm ticket assign "$t" --auto
  crm: error: .crm/config.yaml:29: assignment.ticket[0].if: no segment @urgnt (segments: @hot, @warm)
  [3]
