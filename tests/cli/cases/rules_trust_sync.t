A clone, or a pull that changes the rules file, never runs a command
unasked: `run` actions wait for `crm rules trust` on this machine, for
exactly the file it saw. Everything else the rules do still happens.

  $ export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
  $ git init -q --bare remote.git && git -C remote.git symbolic-ref HEAD refs/heads/main
  $ crm init --git a 2>/dev/null && cd a && git checkout -q -b main && git remote add origin ../remote.git
  $ sed -i 's/^  autocommit: true$/  autocommit: false/' .crm/config.yaml
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: web-lead
  >   on: lead.create
  >   if: source=web
  >   do:
  >     - log: {summary: "web lead {{name}}"}
  > EOF
  $ git add .crm/rules.yaml && crm sync > /dev/null 2>&1
  $ crm rules trust > /dev/null 2>&1
  $ cd .. && git clone -q remote.git b && (cd b && crm git setup > /dev/null 2>&1 && crm rules trust > /dev/null 2>&1)

Clone a adds a command to the rule, trusts its own edit and pushes.

  $ cd a && cat >> .crm/rules.yaml <<'EOF'
  >     - run: {command: "echo \"$CRM_RECORD_ID\" >> ../ran-$(basename \"$CRM_DIR\")"}
  > EOF
  $ crm rules trust 2>/dev/null | tail -n 1
  web-lead  lead.create  10s      echo "$CRM_RECORD_ID" >> ../ran-$(basename "$CRM_DIR")
  $ git commit -qam "rules: tell the shell" && crm sync > /dev/null 2>&1 && cd ..

A form handler that is no crm pushes a lead. Clone b pulls it together with
the changed rules file: the rule fires for the lead that arrived (its log is
written) but the new command is not run — b never saw that file.

  $ git clone -q remote.git form && cd form && mkdir -p leads
  $ printf 'id: lweb000000000001\nname: Ada\nsource: web\nstatus: new\ncreated: 2026-11-23T08:00:00Z\nupdated: 2026-11-23T08:00:00Z\n' > leads/lweb000000000001.yaml
  $ git add leads && git commit -qm "form: lead" && git push -q origin HEAD:main && cd ..
  $ (cd b && crm sync)
  crm: synced with origin
  crm: rule web-lead on lead lweb000000000001: .crm/rules.yaml (or a script it names) changed since `crm rules trust` (or never trusted here): run actions skipped
  crm: rule web-lead on lead lweb000000000001: log note [a-z0-9]{16} "web lead Ada" (re)
  $ ls ran-b
  ls: cannot access 'ran-b': No such file or directory
  [2]
  $ (cd b && crm activity list --format csv --fields summary)
  id,summary
  [a-z0-9]{16},web lead Ada (re)

After reading the change and trusting it, b runs the command for the next
lead. a trusts the file too, but pulls that lead with b's log of the
firing: the firing is done, and a does not run the command a second time.

  $ (cd b && git diff ORIG_HEAD -- .crm/rules.yaml | grep '^+ ' && crm rules trust > /dev/null 2>&1)
  +    - run: {command: "echo \"$CRM_RECORD_ID\" >> ../ran-$(basename \"$CRM_DIR\")"}
  $ (cd b && crm lead add --name Bea --set source=web 2>/dev/null && crm sync > /dev/null 2>&1) > bea
  $ cmp bea ran-b && echo ran on b
  ran on b
  $ (cd a && crm sync 2>&1)
  crm: synced with origin
  $ ls ran-a
  ls: cannot access 'ran-a': No such file or directory
  [2]

A fresh clone trusts nothing: the command is skipped there too.

  $ git clone -q remote.git c && cd c && crm git setup > /dev/null 2>&1
  $ crm lead add --name Cal --set source=web 2>&1 | grep -c 'run actions skipped'
  1
  $ ls ../ran-c
  ls: cannot access '../ran-c': No such file or directory
  [2]
