A rule's email that cannot be written — the outbox is not a folder, the
template is missing or broken, no From address — fails its firing like a
failed `run` command (crm-rules(5)): the write that fired it stands, the
failure is said (exit 3), the firing is kept in .crm/state/rules-pending,
and `crm rules run` writes the message once the cause is gone: exactly one
message and one activity, with the ids and date of the first firing.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm config set campaigns.from 'Shop Team <hello@shop.example>'
  $ mkdir templates && printf 'Subject: Welcome, {{first_name}}\nHello {{first_name}}.\n' > templates/welcome.txt
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: welcome
  >   on: lead.create
  >   do:
  >     - email: {template: welcome.txt}
  >     - tag: welcomed
  > EOF

The outbox is a file, not a folder: the lead is added, nothing of the rule
is (no tag, no activity), and the firing waits.

  $ rm -rf .crm/outbox && echo oops > .crm/outbox
  $ printf 'id: lada000000000001\nname: Ada Lovelace\nemail: ada@example.com\n' > ../ada.yaml
  $ crm lead add --from - < ../ada.yaml
  lada000000000001
  crm: error: rule welcome on lead lada000000000001: .crm/outbox: is not a folder (`crm rules run` retries it)
  [3]
  $ crm lead list --format csv --fields name,tags
  id,name,tags
  [a-z0-9]{16},Ada Lovelace, (re)
  $ crm activity list --format ids | wc -l
  0
  $ cut -f1,2 .crm/state/rules-pending
  welcome	lead
  $ crm rules list > /dev/null
  crm: 1 firing failed and waits for `crm rules run` (.crm/state/rules-pending)

`crm rules run` while the cause is still there: said again (exit 3), kept.

  $ crm rules run > /dev/null
  crm: error: rule welcome on lead lada000000000001: .crm/outbox: is not a folder
  [3]
  $ wc -l < .crm/state/rules-pending
  1

The cause gone, one run sends it — dated by the lead's creation, not by
the run — and a second finds nothing to do.

  $ rm .crm/outbox
  $ CRM_NOW=2026-11-25T16:30:00Z crm rules run --format csv
  rule,type,record,action
  welcome,lead,[a-z0-9]{16},"email [a-z0-9]{16} to ada@example.com ""Welcome, Ada""" (re)
  welcome,lead,[a-z0-9]{16},tag \+welcomed (re)
  $ test -e .crm/state/rules-pending || echo none pending
  none pending
  $ ls .crm/outbox/new | wc -l
  1
  $ grep -e '^Date:' -e '^Subject:' .crm/outbox/new/*.crm
  Date: Mon, 23 Nov 2026 09:00:00 +0000
  Subject: Welcome, Ada
  $ test "$(crm activity list -q kind=email).crm" = "$(ls .crm/outbox/new)" && echo same id
  same id
  $ crm rules run
  $ ls .crm/outbox/new | wc -l
  1
  $ crm activity list -q kind=email | wc -l
  1

The same message, byte for byte, as a clone whose outbox worked wrote at
once.

  $ cd .. && crm init t > /dev/null 2>&1 && cp -r s/templates t/ && cp s/.crm/rules.yaml t/.crm/ && cd t
  $ crm config set campaigns.from 'Shop Team <hello@shop.example>'
  $ crm lead add --from - < ../ada.yaml 2>/dev/null
  lada000000000001
  $ f=$(ls .crm/outbox/new) && cmp .crm/outbox/new/$f ../s/.crm/outbox/new/$f && echo same message
  same message
  $ cd ../s

A template missing (or broken) when the rule fires: the same.

  $ mv templates/welcome.txt templates/later.txt
  $ crm lead add --name "Bob Stone" --email bob@example.com
  [a-z0-9]{16} (re)
  crm: error: rule welcome on lead [a-z0-9]{16}: .*templates/welcome.txt: no such template \(`crm rules run` retries it\) (re)
  [3]
  $ crm rules run > /dev/null 2>&1; echo $?
  3
  $ mv templates/later.txt templates/welcome.txt
  $ crm rules run --format csv | cut -d, -f1,4
  rule,action
  welcome,"email [a-z0-9]{16} to bob@example.com ""Welcome (re)
  welcome,tag +welcomed
  $ ls .crm/outbox/new | wc -l
  2

No From address: the same again.

  $ crm config set campaigns.from ''
  $ crm lead add --name "Cy Young" --email cy@example.com 2>&1 >/dev/null
  crm: error: rule welcome on lead [a-z0-9]{16}: no From address: set campaigns.from \(or mail.me\) in the config \(`crm rules run` retries it\) (re)
  [3]
  $ crm config set campaigns.from 'Shop Team <hello@shop.example>'
  $ crm rules run --format csv | cut -d, -f1 | sort | uniq -c
        1 rule
        2 welcome
  $ ls .crm/outbox/new | wc -l
  3
  $ crm activity list -q kind=email | wc -l
  3
