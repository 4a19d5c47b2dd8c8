The rules' `email` action (crm-rules(5)): a template of templates/ to the
record's contact — or the record itself, a lead or contact with an email —
written to the store's outbox (.crm/outbox/new/, a maildir, git-ignored)
and logged as an outbound email activity. Message file and activity have
ids derived from (rule, record, trigger): a re-run writes nothing new.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm config set campaigns.from 'Shop Team <hello@shop.example>'
  $ mkdir templates && printf 'Subject: Welcome, {{first_name}}\nHello {{first_name}},\n\nthanks for writing to us about {{company.name}}.\n-- \n{{rule}}\n' > templates/welcome.txt
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: welcome
  >   on: lead.create
  >   if: source=web
  >   do:
  >     - email: {template: welcome.txt}
  > - name: thanks
  >   on: contact.create
  >   do:
  >     - email: {template: welcome.txt}
  > EOF
  $ crm rules check
  $ crm rules list
  NAME     ON              IF          DO
  welcome  lead.create     source=web  email
  thanks   contact.create              email

A new web lead is emailed once: the message in the outbox, the activity
that logs it.

  $ printf 'name=Ada+Lovelace&email=ada%%40example.com&company=Analytical' | crm capture > /dev/null
  crm: rule welcome on lead [a-z0-9]{16}: email [a-z0-9]{16} to ada@example.com "Welcome, Ada" (re)
  $ ls .crm/outbox/new
  [a-z0-9]{16}.crm (re)
  $ grep -e '^From:' -e '^To:' -e '^Subject:' -e '^Message-Id:' -e '^X-Crm-Rule:' -e '^Hello' -e 'about' .crm/outbox/new/*.crm
  From: Shop Team <hello@shop.example>
  Subject: Welcome, Ada
  To: Ada Lovelace <ada@example.com>
  Message-Id: <crm.[a-z0-9]{16}@shop.example> (re)
  X-Crm-Rule: welcome
  Hello Ada,
  thanks for writing to us about Analytical.
  $ crm activity list kind=email --format csv --fields kind,direction,summary,with
  id,kind,direction,summary,with
  [a-z0-9]{16},email,out,"Welcome, Ada",[a-z0-9]{16} (re)
  $ test "$(crm activity list -q kind=email).crm" = "$(ls .crm/outbox/new)" && echo same id
  same id
  $ grep -x '.crm/outbox/' .gitignore
  .crm/outbox/

A change to the lead is no creation; `crm rules run` fires nothing again.

  $ crm lead set ada rating=hot
  $ crm rules run
  $ ls .crm/outbox/new | wc -l
  1
  $ crm activity list -q kind=email | wc -l
  1

`crm rules test` shows the message it would write, and writes nothing.

  $ crm rules test welcome --record ada --format json | grep -e '"action": "email' -e 'Subject: Welcome'
      "action": "email [a-z0-9]{16} to ada@example.com \\"Welcome, Ada\\" \(made already: it fired\)" (re)
      "action": "Date: Mon, 23 Nov 2026 09:00:00 \+0000\\nFrom: Shop Team <hello@shop.example>\\nSubject: Welcome, Ada\\nTo: Ada Lovelace <ada@example.com>\\n.*\\n\\nHello Ada,\\n\\nthanks for writing to us about Analytical.\\n--=20\\nwelcome\\n" (re)
  $ ls .crm/outbox/new | wc -l
  1

A contact marked unsubscribed or do_not_contact is skipped, and that is said.

  $ crm contact add --name "Ulla Quit" --email ulla@example.com --set unsubscribed=true
  [a-z0-9]{16} (re)
  crm: rule thanks on contact [a-z0-9]{16}: email welcome.txt not sent: contact [a-z0-9]{16} is unsubscribed (re)
  $ crm contact add --name "Dora Busy" --email dora@example.com --set do_not_contact=true 2>&1 | grep 'not sent'
  crm: rule thanks on contact [a-z0-9]{16}: email welcome.txt not sent: contact [a-z0-9]{16} is do_not_contact (re)
  $ crm contact add --name "Nora Nomail" 2>&1 | grep 'not sent'
  crm: rule thanks on contact [a-z0-9]{16}: email welcome.txt not sent: contact [a-z0-9]{16} has no email (re)
  $ ls .crm/outbox/new | wc -l
  1

Another clone firing the same rule on the same lead writes the same
message file, byte for byte, and the same activity.

  $ printf 'id: lbob000000000001\nname: Bob Stone\nemail: bob@example.com\nsource: web\n' > ../bob.yaml
  $ crm lead add --from - < ../bob.yaml 2>/dev/null
  lbob000000000001
  $ cd .. && crm init t > /dev/null 2>&1 && cp -r s/templates t/ && cp s/.crm/rules.yaml t/.crm/ && cd t
  $ crm config set campaigns.from 'Shop Team <hello@shop.example>'
  $ crm lead add --from - < ../bob.yaml 2>/dev/null
  lbob000000000001
  $ f=$(ls .crm/outbox/new) && cmp .crm/outbox/new/$f ../s/.crm/outbox/new/$f && echo same message
  same message
  $ crm activity list -q kind=email > ../ids-t && crm -C ../s activity list -q kind=email | grep -x -f ../ids-t
  [a-z0-9]{16} (re)
  $ cd ../s

A rule on deals writes to the deal's first contact, and the activity is
with both; the template sees the deal under `deal`.

  $ printf 'Subject: Thanks for {{deal.name}}\nDear {{first_name}}, {{deal.name}} is won.\n' > templates/won.txt
  $ cat >> .crm/rules.yaml <<'EOF'
  > - name: won
  >   on: deal.stage
  >   if: stage=won
  >   do:
  >     - email: {template: won.txt}
  > EOF
  $ crm rules check
  $ crm contact add --name "Cy Buyer" --email cy@example.com 2>/dev/null > ../cy
  $ ls .crm/outbox/new | wc -l
  3
  $ crm deal add --name Big --contact cy > /dev/null && crm deal set big stage=won
  crm: rule won on deal [a-z0-9]{16}: email [a-z0-9]{16} to cy@example.com "Thanks for Big" (re)
  $ crm activity list summary~Thanks --format csv --fields with | tail -1 | grep -c "$(cat ../cy),"
  1
  $ grep -h '^Dear' .crm/outbox/new/*.crm
  Dear Cy, Big is won.
  $ crm deal set big stage=won && crm deal set big probability=100 && ls .crm/outbox/new | wc -l
  4

A bad template is reported by `crm rules check` at its file and line; a
missing one at the rule's.

  $ cat >> .crm/rules.yaml <<'EOF'
  > - name: typo
  >   on: deal.create
  >   do:
  >     - email: {template: typo.txt}
  > - name: gone
  >   on: lead.update
  >   do:
  >     - email: gone.txt
  > EOF
  $ printf 'Subject: Hi {{frist_name}}\nHi\n' > templates/typo.txt
  $ crm rules check
  crm: error: templates/typo.txt:1:13: frist_name: unknown field "frist_name"; did you mean "first_name" or "last_name"?
  crm: error: .crm/rules.yaml:22:7: rule gone.email.template: templates/gone.txt: no such template
  [3]
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: bad
  >   on: task.create
  >   do:
  >     - email: {template: welcome.txt}
  > EOF
  $ crm rules check
  crm: error: .crm/rules.yaml:4:14: rule bad.do[0].email.to: to whom: to: FIELD (a field of task that names a contact or lead)
  [3]
