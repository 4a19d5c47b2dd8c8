crm campaign (crm-campaign(1)): a campaign to a segment, its mustache
template, preview, send to a maildir outbox or a sendmail command, resume,
and the report, on a store whose numbers are worked out by hand below.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm config set campaigns.from 'Shop Team <news@shop.example>' && crm config set campaigns.unsubscribe mailto:leave@shop.example
  $ crm company add --name "Café Zürich" > /dev/null
  $ crm contact add --name "Zoë Müller" --email zoe@example.com --company "Café Zürich" --tag news > /dev/null
  $ crm contact add --name "Bob Stone" --email bob@example.com --tag news > /dev/null
  $ crm contact add --name "Cy Nomail" --tag news > /dev/null
  $ crm contact add --name "Dan Quit" --email dan@example.com --tag news > /dev/null
  $ crm contact set dan unsubscribed=true
  $ crm contact add --name "Eve Busy" --email eve@example.com --tag news --set do_not_contact=true > /dev/null
  $ crm contact add --name "Fay Staff" --email fay@example.com --tag news --tag staff > /dev/null
  $ crm contact add --name "Gus Late" --email gus@example.com --tag news > /dev/null
  $ crm segment add --name news --type contact --filter +news > /dev/null
  $ crm segment add --name staff --type contact --filter +staff > /dev/null
  $ mkdir templates && printf 'Subject: Grüße, {{first_name}}!\n\nHallo {{first_name}}{{#company}} von {{company.name}}{{/company}},\n\nour winter sale starts today: R&D <tools> at 20%% off.\n\n{{unsubscribe}}\n' > templates/winter.txt
  $ crm campaign add --name Winter --segment news --exclude staff --template winter.txt --cost 100 > /dev/null
  $ crm campaign list --format csv --fields name,channel,status,segment,exclude,cost
  id,name,channel,status,segment,exclude,cost
  [a-z0-9]{16},Winter,email,draft,[a-z0-9]{16},[a-z0-9]{16},100 (re)

A campaign goes to contacts: a segment of another type is refused when
the campaign is added.

  $ crm segment add --name big --type deal --filter "amount>1000" > /dev/null
  $ crm campaign add --name Deals --segment big --template winter.txt
  crm: error: segment: segment @big selects deal records; a campaign goes to contacts
  [2]
  $ crm campaign list -q | wc -l
  1

A template that names an unknown field is refused at its file and line
before anything is sent; so is an open section.

  $ printf 'Subject: Hi\n\nDear {{first_name}},\n\n{{compnay.name}}\n' > templates/typo.txt
  $ crm campaign add --name Typo --segment news --template typo.txt > /dev/null
  $ crm campaign send typo
  crm: error: templates/typo.txt:5:1: compnay.name: unknown field "compnay.name"; did you mean "company.name"?
  [3]
  $ printf 'Hi {{#company}}{{name}}\n' > templates/typo.txt && crm campaign preview typo
  crm: error: templates/typo.txt:1:4: company: {{#company}} is never closed
  [3]
  $ ls -A .crm | grep -c outbox; crm -q activity list | wc -l
  0
  0
  $ crm campaign set typo template=../.crm/config.yaml && crm campaign preview typo
  crm: error: campaigns/[a-z0-9]{16}.yaml: template: "../.crm/config.yaml" is not a file name in templates/ \(no folders, no leading dot\) (re)
  [3]
  $ crm campaign set typo template=gone.txt && crm campaign preview typo
  crm: error: templates/gone.txt: no such template
  [1]
  $ crm campaign rm -y typo

The preview: the whole message one recipient gets. Zoë's name and the
subject are RFC 2047 encoded-words in UTF-8, the body is quoted-printable
UTF-8, and nothing is HTML-escaped (plain-text mail).

  $ crm campaign preview winter --contact zoe
  Date: Mon, 23 Nov 2026 09:00:00 +0000
  From: Shop Team <news@shop.example>
  Subject: =?UTF-8?B?R3LDvMOfZSwgWm/DqyE=?=
  To: =?UTF-8?b?Wm/DqyBNw7xsbGVy?= <zoe@example.com>
  Message-Id: <crm.[a-z0-9]{16}@shop.example> (re)
  List-Unsubscribe: <mailto:leave@shop.example?subject=unsubscribe>
  X-Crm-Campaign: [a-z0-9]{16} (re)
  MIME-Version: 1.0
  Content-Type: text/plain; charset=utf-8
  Content-Transfer-Encoding: quoted-printable
  
  Hallo Zo=C3=AB von Caf=C3=A9 Z=C3=BCrich,
  
  our winter sale starts today: R&D <tools> at 20% off.
  
  To unsubscribe, write to leave@shop.example with the subject "unsubscribe".
  crm: 3 recipients, 3 not sent yet
  $ crm campaign preview winter --contact dan 2>&1 | grep -e 'crm:' -e '^To:'
  crm: Dan Quit would not get it: unsubscribed
  To: Dan Quit <dan@example.com>
  crm: 3 recipients, 3 not sent yet
  $ crm campaign preview winter --format json 2>/dev/null | grep -e recipients -e to_send -e '"email"'
    "email": "bob@example.com",
    "recipients": 3,
    "to_send": 3,

Recipients: the segment's contacts with an email, minus the exclude
segment, do_not_contact and unsubscribed. A dry run writes nothing.

  $ crm campaign send winter --dry-run --format csv
  contact,name,email,result,detail
  [a-z0-9]{16},Bob Stone,bob@example.com,would send, (re)
  [a-z0-9]{16},Cy Nomail,,skipped,no email (re)
  [a-z0-9]{16},Dan Quit,dan@example.com,skipped,unsubscribed (re)
  [a-z0-9]{16},Eve Busy,eve@example.com,skipped,do_not_contact (re)
  [a-z0-9]{16},Fay Staff,fay@example.com,skipped,excluded (re)
  [a-z0-9]{16},Gus Late,gus@example.com,would send, (re)
  [a-z0-9]{16},Zoë Müller,zoe@example.com,would send, (re)
  crm: dry run: 3 would be sent, 4 skipped; 3 recipients; status draft
  $ crm -q activity list | wc -l; crm campaign list --format csv --fields status
  0
  id,status
  [a-z0-9]{16},draft (re)

--limit sends some (--limit 0: none); the campaign is then sending,
started_at stamped.

  $ crm campaign send winter --limit 0 > /dev/null
  crm: 0 sent, 3 left for another run (--limit), 4 skipped; 3 recipients; status draft

  $ crm campaign send winter --limit 1 --format csv 2>&1 | grep -v ',skipped,'
  contact,name,email,result,detail
  [a-z0-9]{16},Bob Stone,bob@example.com,sent,.crm/outbox/new/[a-z0-9]{16}.crm (re)
  [a-z0-9]{16},Gus Late,gus@example.com,not yet,limit reached (re)
  [a-z0-9]{16},Zoë Müller,zoe@example.com,not yet,limit reached (re)
  crm: 1 sent, 2 left for another run (--limit), 4 skipped; 3 recipients; status sending
  $ crm campaign list --format csv --fields status,started_at
  id,status,started_at
  [a-z0-9]{16},sending,2026-11-23T09:00:00Z (re)
  $ ls .crm/outbox; ls .crm/outbox/new | wc -l; grep -c outbox .gitignore
  cur
  new
  tmp
  1
  1

`--outbox` never points into the store's own folders (a record folder
would break the store, .git the repository); .crm/outbox by name is the
default's.

  $ crm campaign send news --outbox contacts
  crm: error: --outbox: contacts is one of the store's own folders (contacts): messages go to .crm/outbox (the default) or a folder outside the store's records
  [2]
  $ crm campaign send news --outbox .crm/state 2>&1 | cut -c1-60; crm campaign send news --outbox .git/x 2>&1 | cut -c1-60
  crm: error: --outbox: .crm/state is one of the store's own f
  crm: error: --outbox: .git/x is one of the store's own folde
  $ ls -d contacts/new .crm/state/new .git/x 2>&1 | grep -c "No such"
  3

The send is an outbound email activity with the campaign, its id derived
from campaign + contact, and it named the Message-ID.

  $ crm activity list --format csv --fields kind,direction,summary,with,campaign,visibility
  id,kind,direction,summary,with,campaign,visibility
  [a-z0-9]{16},email,out,"Grüße, Bob!",[a-z0-9]{16},[a-z0-9]{16},subject (re)
  $ a=$(crm -q activity list) && test -f .crm/outbox/new/$a.crm && grep -c "^Message-Id: <crm.$a@shop.example>" .crm/outbox/new/$a.crm
  1

Running it again resumes: Bob is not written to twice.

  $ crm campaign send winter --format csv 2>&1 | grep -v ',skipped,'
  contact,name,email,result,detail
  [a-z0-9]{16},Bob Stone,bob@example.com,already sent, (re)
  [a-z0-9]{16},Gus Late,gus@example.com,sent,.crm/outbox/new/[a-z0-9]{16}.crm (re)
  [a-z0-9]{16},Zoë Müller,zoe@example.com,sent,.crm/outbox/new/[a-z0-9]{16}.crm (re)
  crm: 2 sent, 1 already sent, 4 skipped; 3 recipients; status sent
  $ crm campaign send winter > /dev/null
  crm: 0 sent, 3 already sent, 4 skipped; 3 recipients; status sent
  $ ls .crm/outbox/new | wc -l; crm -q activity list | wc -l
  3
  3

An outbox message, read by Python's email package: the decoded headers,
List-Unsubscribe and the body.

  $ python3 - .crm/outbox/new/$(crm -q activity list summary~Zoë).crm <<'PY'
  > import sys, email, email.policy
  > m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
  > print(m['From'].addresses[0].display_name, '|', m['To'].addresses[0].display_name, '|', m['To'].addresses[0].addr_spec)
  > print(m['Subject']); print(m['List-Unsubscribe']); print(m['MIME-Version'], m.get_content_type(), m.get_content_charset())
  > print(m.get_content(), end='')
  > PY
  Shop Team | Zoë Müller | zoe@example.com
  Grüße, Zoë!
  <mailto:leave@shop.example?subject=unsubscribe>
  1.0 text/plain utf-8
  Hallo Zoë von Café Zürich,
  
  our winter sale starts today: R&D <tools> at 20% off.
  
  To unsubscribe, write to leave@shop.example with the subject "unsubscribe".

A segment that selects no one: exit 0, "no recipients". A campaign
without a template line for unsubscribing gets one appended. An https link
adds List-Unsubscribe-Post (RFC 8058) only when it names its recipient
({{id}}, {{email}}): a POST to the same link for everyone could not tell who.

  $ crm segment add --name nobody --type contact --filter +nobody > /dev/null
  $ printf 'Hi {{first_name}}\n' > templates/short.txt
  $ crm campaign add --name Empty --segment nobody --template short.txt --subject Hi > /dev/null
  $ crm campaign send empty
  crm: no recipients
  $ crm campaign set empty segment=news exclude=staff && crm config set campaigns.unsubscribe https://shop.example/leave
  $ crm campaign preview empty --contact gus 2>/dev/null | sed -n '/^List-Unsubscribe/,$p'
  List-Unsubscribe: <https://shop.example/leave>
  X-Crm-Campaign: [a-z0-9]{16} (re)
  MIME-Version: 1.0
  Content-Type: text/plain; charset=utf-8
  Content-Transfer-Encoding: quoted-printable
  
  Hi Gus
  
  --=20
  To unsubscribe: https://shop.example/leave
  $ crm config set campaigns.unsubscribe 'https://shop.example/leave?c={{id}}&e={{email}}'
  $ crm campaign preview empty --contact gus 2>/dev/null | grep '^List-Unsubscribe' | sed 's/c=[a-z0-9]*&/c=ID\&/'
  List-Unsubscribe: <https://shop.example/leave?c=ID&e=gus%40example.com>
  List-Unsubscribe-Post: List-Unsubscribe=One-Click
  $ crm config set campaigns.unsubscribe 'https://shop.example/leave?c={{name}}'
  crm: error: .crm/config.yaml:[0-9]+:[0-9]+: campaigns.unsubscribe: a link names its recipient by {{id}} or {{email}}, nothing else (re)
  [3]
  $ crm config set campaigns.unsubscribe ftp://shop.example/leave
  crm: error: .crm/config.yaml:[0-9]+:[0-9]+: campaigns.unsubscribe: "ftp://shop.example/leave" is not a mailto: or https:// link (re)
  [3]
  $ crm config set campaigns.from 'Shop <no-at-sign>'
  crm: error: .crm/config.yaml:[0-9]+:[0-9]+: campaigns.from: "Shop <no-at-sign>" is not a mail address (re)
  [3]
  $ crm config get campaigns.unsubscribe
  https://shop.example/leave?c={{id}}&e={{email}}

`config set` refuses them (nothing written); a hand edit is found by the
send — and by `crm check` before any send.

  $ sed -i 's|^  unsubscribe: .*|  unsubscribe: "https://shop.example/leave?c={{name}}"|' .crm/config.yaml
  $ crm campaign preview empty --contact gus > /dev/null
  crm: error: .crm/config.yaml:[0-9]+:[0-9]+: campaigns.unsubscribe: a link names its recipient by {{id}} or {{email}}, nothing else (re)
  [3]
  $ crm check 2>&1 | grep campaigns
  .crm/config.yaml:[0-9]+:[0-9]+: campaigns.unsubscribe: a link names its recipient by {{id}} or {{email}}, nothing else (re)
  $ sed -i 's|^  unsubscribe: .*|  unsubscribe: https://shop.example/leave|' .crm/config.yaml && crm check

A sendmail command that fails for one recipient: that one is reported and
not logged, the others are sent, exit 3; the next run sends only to them.

  $ printf '#!/bin/sh\nmsg=$(cat)\ncase "$msg" in *bob@example.com*) echo "fake-sendmail: mailbox full" >&2; exit 75;; esac\nprintf "%%s\\n" "$msg" > "$1/$(printf "%%s\\n" "$msg" | sed -n "s/^To: .*<\\\\(.*\\\\)>$/\\\\1/p;s/^To: \\\\([^<]*\\\\)$/\\\\1/p")"\n' > ../fake-sendmail && chmod +x ../fake-sendmail && mkdir ../sent
  $ crm campaign send empty --sendmail "../fake-sendmail ../sent" --format csv > ../out.csv
  crm: 2 sent, 1 failed, 4 skipped; 3 recipients; status sending
  crm: error: Bob Stone <bob@example.com>: the sendmail command failed: exit status 75: fake-sendmail: mailbox full
  [3]
  $ grep -v skipped ../out.csv
  contact,name,email,result,detail
  [a-z0-9]{16},Bob Stone,bob@example.com,failed,the sendmail command failed: exit status 75: fake-sendmail: mailbox full (re)
  [a-z0-9]{16},Gus Late,gus@example.com,sent, (re)
  [a-z0-9]{16},Zoë Müller,zoe@example.com,sent, (re)
  $ ls ../sent; crm -q activity list campaign=Empty | wc -l
  gus@example.com
  zoe@example.com
  2

A sendmail command that hangs is killed, with everything it started, after
--sendmail-timeout seconds: that recipient fails, the rest go on, and the
store's lock is not held forever.

  $ printf '#!/bin/sh\nsleep 300 &\necho $! > ../sleeper\nwait\n' > ../hang && chmod +x ../hang
  $ crm campaign send empty --sendmail ../hang --sendmail-timeout 1 --format csv > ../hang.csv
  crm: 0 sent, 1 failed, 2 already sent, 4 skipped; 3 recipients; status sending
  crm: error: Bob Stone <bob@example.com>: the sendmail command failed: timed out after 1s (killed)
  [3]
  $ grep -v skipped ../hang.csv
  contact,name,email,result,detail
  [a-z0-9]{16},Bob Stone,bob@example.com,failed,the sendmail command failed: timed out after 1s \(killed\) (re)
  [a-z0-9]{16},Gus Late,gus@example.com,already sent, (re)
  [a-z0-9]{16},Zoë Müller,zoe@example.com,already sent, (re)
  $ p=$(cat ../sleeper); for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $p 2>/dev/null || break; sleep 0.2; done; kill -0 $p 2>/dev/null || echo gone
  gone
  $ crm campaign send empty --sendmail true --sendmail-timeout 0
  crm: error: --sendmail-timeout: at least 1 second
  [2]
  $ crm campaign send empty --sendmail true > /dev/null
  crm: 1 sent, 2 already sent, 4 skipped; 3 recipients; status sent
  $ crm campaign set empty status=done && crm campaign send empty --sendmail true
  crm: error: campaign "Empty" is done: crm campaign set [a-z0-9]{16} status=sending to send to the rest (re)
  [2]
  $ crm campaign set empty status=sent
  $ crm campaign send empty --outbox ../box --sendmail true
  crm: error: --outbox and --sendmail: choose one
  [2]

Killed (SIGKILL) as it enters each rename — each message file and each
record write ends in one — and run again, a send converges: one message per
recipient in the outbox, one activity each, status sent.

  $ export PATH=$TESTDIR/../helpers:$PATH
  $ crm campaign add --name Kill --segment news --exclude staff --template winter.txt > /dev/null && mkdir ../kill && cp -r . ../kill/k && rm -rf ../kill/k/.crm/outbox && cd ../kill
  $ kill-at-each-write k 'test "$(ls .crm/outbox/new | wc -l)" = 3 || ls -A .crm/outbox/new; test "$(grep -h "^To:" .crm/outbox/new/* | sort -u | wc -l)" = 3 || echo "To: not distinct"; test "$(crm -q activity list campaign=kill | wc -l)" = 3 || echo "$(crm -q activity list campaign=kill | wc -l) activities"; crm -q campaign list status=sent name=Kill | grep -q . || echo "not sent"' -- campaign send kill
  killed at [1-9][0-9]* boundaries, 0 problems (re)
  $ cd ../s && crm campaign rm -y kill

Through sendmail, a kill after a message was handed over and before its
activity was written (the second rename: the first is the campaign's status)
means that recipient gets it again on resume: at-least-once, never lost.

  $ printf '#!/bin/sh\nsed -n "s/^To: .*<\\(.*\\)>$/\\1/p;s/^To: \\([^<]*\\)$/\\1/p" >> "$1"\n' > ../log-sendmail && chmod +x ../log-sendmail
  $ crm campaign add --name Twice --segment news --exclude staff --template winter.txt > /dev/null
  $ (CRM_NO_CACHE=1 strace -f -o /dev/null -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:signal=KILL:when=2 crm campaign send twice --sendmail "../log-sendmail ../delivered" > /dev/null 2>&1; exit $?) 2> /dev/null; echo $?
  137
  $ cat ../delivered; crm -q activity list campaign=twice | wc -l
  bob@example.com
  0
  $ crm campaign send twice --sendmail "../log-sendmail ../delivered" > /dev/null
  crm: 3 sent, 4 skipped; 3 recipients; status sent
  $ sort ../delivered | uniq -c | sed 's/^ *//'; crm -q activity list campaign=twice | wc -l
  2 bob@example.com
  1 gus@example.com
  1 zoe@example.com
  3
  $ crm campaign rm -y --force twice > /dev/null 2>&1

The report, by hand. Winter went to Bob, Gus and Zoë on 2026-11-23 09:00;
4 were skipped (Cy: no email, Fay: excluded, Eve: do_not_contact, Dan:
unsubscribed). Replies: Zoë wrote back on 11-25 (within 14 days: 1); Bob on
12-20 (27 days: no); an outbound mail is no reply. Leads: one with campaign
set, one with Gus's email created 12-01 (within 30 days), one with Bob's
email created 2027-01-10 (48 days: no), one stranger (no): 2. Deals: Zoë's,
created 11-30 and won at 500; one with campaign set, open, 300; Bob's of
2027-02-01, won 1000 (too late: no): 2 deals, 500 won. Orders: Gus's paid
order attributed by campaign name, 2 × 25 = 50. Won 550, cost 100:
ROI = (550 − 100) / 100 = 450.0%. (Empty reached the same people at the
same time, so the time windows credit it too: each campaign that reached a
recipient counts what followed.)

  $ CRM_NOW=2026-11-25T10:00:00Z crm log email zoe "Re: Grüße" --direction in > /dev/null
  $ CRM_NOW=2026-12-20T10:00:00Z crm log email bob "Re: Grüße" --direction in > /dev/null
  $ CRM_NOW=2026-11-24T10:00:00Z crm log email gus "Follow-up" --direction out > /dev/null
  $ crm lead add --name "Via Form" --set campaign=Winter > /dev/null
  $ CRM_NOW=2026-12-01T10:00:00Z crm lead add --name "Gus Late" --email gus@example.com > /dev/null
  $ CRM_NOW=2027-01-10T10:00:00Z crm lead add --name "Bob Stone" --email bob@example.com > /dev/null
  $ crm lead add --name Stranger --email x@example.net > /dev/null
  $ CRM_NOW=2026-11-30T10:00:00Z crm deal add --name "Café fit-out" --contact zoe --amount 500 > /dev/null && crm deal won "Café fit-out"
  $ crm deal add --name "Open one" --amount 300 --set campaign=Winter > /dev/null
  $ CRM_NOW=2027-02-01T10:00:00Z crm deal add --name "Bob later" --contact bob --amount 1000 > /dev/null && crm deal won "Bob later"
  $ crm product add --name Mug --sku MUG --price 25 > /dev/null && crm order add --contact gus --line "MUG x2" --status paid --set campaign=Winter > /dev/null
  $ crm report campaign winter
  CAMPAIGN  STATUS  RECIPIENTS  SENT  NO_EMAIL  EXCLUDED  DO_NOT_CONTACT  UNSUBSCRIBED  REPLIES  LEADS  DEALS  WON (USD)  COST (USD)     ROI
  Winter    sent             3     3         1         1               1             1        1      2      2     550.00      100.00  450.0%
  $ crm report campaign --format csv
  campaign,status,recipients,sent,no_email,excluded,do_not_contact,unsubscribed,replies,leads,deals,won,cost,roi,total
  Empty,sent,3,3,1,1,1,1,1,1,1,500,,,false
  Winter,sent,3,3,1,1,1,1,1,2,2,550,100,450,false
  $ crm report campaign nosuch
  crm: error: no campaign matches "nosuch"
  [1]

Unsubscribes: a reply that says so is flagged by mail import, not applied.

  $ printf 'From: Bob Stone <bob@example.com>\nTo: news@shop.example\nSubject: Re: Winter\nDate: Tue, 24 Nov 2026 10:00:00 +0000\nMessage-ID: <u1@example.com>\n\nPlease unsubscribe me.\n\n> To unsubscribe, write to leave@shop.example\n' | crm mail import -
  1 new, 0 already imported, 0 without a known contact, 0 skipped (lists/bulk); 1 asked to unsubscribe (bob@example.com): crm contact set ID unsubscribed=true
  $ printf 'From: Zoë <zoe@example.com>\nTo: news@shop.example\nSubject: Re: Winter\nDate: Tue, 24 Nov 2026 11:00:00 +0000\nMessage-ID: <u2@example.com>\n\nLovely, thanks!\n\n> To unsubscribe, write to leave@shop.example\n' | crm mail import -
  1 new, 0 already imported, 0 without a known contact, 0 skipped (lists/bulk)
  $ crm contact list unsubscribed=true --format csv --fields name
  id,name
  [a-z0-9]{16},Dan Quit (re)

Mail goes to addresses, not contacts (case-insensitively, any email a
contact has): an address is skipped when any contact holding it is
unsubscribed or do_not_contact, and two contacts sharing one address get
one message.

  $ cd .. && crm init d > /dev/null 2>&1 && cd d
  $ crm config set campaigns.from 'Shop <news@shop.example>'
  $ crm contact add --name "Ada Old" --email ada@example.com --tag news > /dev/null && crm contact set "Ada Old" unsubscribed=true
  $ crm contact add --name "Ada New" --email ADA@Example.COM --tag news > /dev/null
  $ crm contact add --name "Uni One" --email uni@example.com --tag news --set do_not_contact=true > /dev/null
  $ crm contact add --name "Uni Two" --email uni@example.com --tag news > /dev/null
  $ crm contact add --name "Ali Work" --email ali@work.example --set emails=quit@example.com --tag news --set unsubscribed=true > /dev/null
  $ crm contact add --name "Ali Home" --email Quit@Example.com --tag news > /dev/null
  $ crm contact add --name "Pat A" --email pat@example.com --tag news > /dev/null
  $ crm contact add --name "Pat B" --email PAT@example.com --tag news > /dev/null
  $ crm segment add --name news --type contact --filter +news > /dev/null
  $ mkdir templates && printf 'Subject: Hi\n\nHi {{first_name}}\n' > templates/t.txt
  $ crm campaign add --name Dup --segment news --template t.txt > /dev/null
  $ crm campaign send dup --dry-run --format csv 2>/dev/null | cut -d, -f2-
  name,email,result,detail
  Ada New,ADA@Example.COM,skipped,"unsubscribed (Ada Old, same address)"
  Ada Old,ada@example.com,skipped,unsubscribed
  Ali Home,Quit@Example.com,skipped,"unsubscribed (Ali Work, same address)"
  Ali Work,ali@work.example,skipped,unsubscribed
  Pat A,pat@example.com,would send,
  Pat B,PAT@example.com,skipped,same address as Pat A
  Uni One,uni@example.com,skipped,do_not_contact
  Uni Two,uni@example.com,skipped,"do_not_contact (Uni One, same address)"
  $ crm campaign send dup > /dev/null
  crm: 1 sent, 7 skipped; 1 recipient; status sent
  $ ls .crm/outbox/new | wc -l; crm -q activity list | wc -l
  1
  1
