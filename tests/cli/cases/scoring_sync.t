A lead's score in two clones: each logs an activity with the same lead, so
each stores the score it saw. `crm sync` merges the two without a conflict
and scores the lead again over both activities.

  $ export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
  $ git init -q --bare remote.git && git -C remote.git symbolic-ref HEAD refs/heads/main
  $ crm init --git a 2>/dev/null && cd a && git checkout -q -b main && git remote add origin ../remote.git
  $ sed -i 's/^  autocommit: true$/  autocommit: false/' .crm/config.yaml
  $ cat >> .crm/config.yaml <<'EOF'
  > scoring:
  >   - {activity: {kind: email, within: 30d}, points: 15}
  >   - {activity: {kind: meeting}, points: 30}
  > EOF
  $ crm lead add --name Ada > /dev/null && crm sync > /dev/null 2>&1
  $ cd .. && git clone -q remote.git b && (cd b && crm git setup > /dev/null 2>&1)

  $ (cd a && crm log email Ada "brochure" > /dev/null && crm lead list --fields score --format csv | cut -d, -f2)
  score
  15
  $ (cd b && crm log meeting Ada "demo" > /dev/null && crm lead list --fields score --format csv | cut -d, -f2)
  score
  30
  $ (cd a && crm sync) 2>&1
  crm: committed local changes
  crm: synced with origin
  $ (cd b && crm sync) 2>&1
  crm: committed local changes
  crm: synced with origin
  $ (cd b && crm lead list --fields score --format csv | cut -d, -f2 && crm sync > /dev/null 2>&1)
  score
  45
  $ (cd a && crm sync > /dev/null 2>&1 && crm lead score --format csv | cut -d, -f2,5)
  name,score
  Ada,45
  $ (cd a && crm lead list --fields score --format csv | cut -d, -f2)
  score
  45
