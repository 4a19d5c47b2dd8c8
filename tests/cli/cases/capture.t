Web forms in: `crm capture` reads one submission on stdin — url-encoded, as
a browser posts it, or JSON — and makes a lead (crm-capture(1)).

  $ crm init s > /dev/null 2>&1 && cd s

Without `forms:` in the config, the built-in form `web` makes a lead from
the usual field names; `+` is a space and %-escapes are UTF-8 bytes. What
the form said is kept whole in an activity of kind `form`.

  $ printf 'name=%%C3%%89lodie+Durand&email=elodie%%40example.com&company=Acme&message=Hello%%0D%%0Asecond+line' | crm capture
  ACTION   TYPE  ID                NAME           ACTIVITY
  created  lead  [a-z0-9]{16}  Élodie Durand  [a-z0-9]{16} (re)
  $ crm lead show elodie --format yaml
  - id: x344z5v3j3d65ztz
    name: Élodie Durand
    email: elodie@example.com
    company_name: Acme
    source: web
    status: new
    notes: |-
      Hello
      second line
    created: 2026-11-23T09:00:00Z
    updated: 2026-11-23T09:00:00Z
  $ crm activity list --format yaml
  - id: je9csrss3ser7gzw
    kind: form
    at: 2026-11-23T09:00:00Z
    summary: Web form web
    body: |-
      name: Élodie Durand
      email: elodie@example.com
      company: Acme
      message: Hello
        second line
    with:
      - x344z5v3j3d65ztz
    direction: in
    created: 2026-11-23T09:00:00Z
    updated: 2026-11-23T09:00:00Z

The same submission again the same day makes nothing new: its id is derived
from the form, the day and its content.

  $ printf 'name=%%C3%%89lodie+Durand&email=elodie%%40example.com&company=Acme&message=Hello%%0D%%0Asecond+line' | crm -q capture
  x344z5v3j3d65ztz
  $ crm -q lead list | wc -l; crm -q activity list | wc -l
  1
  1

Forms of one's own in `.crm/config.yaml`: the field map, required fields, a
honeypot, tags, the source, and the form service's own submission id.

  $ cat >> .crm/config.yaml <<'YAML'
  > forms:
  >   contact:
  >     type: lead
  >     fields: {full_name: name, mail: email, tel: phone, org: company_name, text: notes}
  >     required: [full_name, mail]
  >     honeypot: website
  >     tags: [inbound]
  >     id_field: submission_id
  >   support:
  >     type: ticket
  >     fields: {topic: subject, text: description, full_name: name, mail: email}
  >     required: [topic, mail]
  > YAML
  $ printf 'full_name=Ada+Lovelace&mail=ada%%40example.com' | crm capture
  crm: error: several forms (contact, support): name one with --form, or call one "default"
  [2]
  $ printf '{"full_name": "Ada Lovelace", "mail": "ada@example.com", "submission_id": 42}' | crm capture --form contact --format json
  [
    {
      "action": "created",
      "type": "lead",
      "id": "nzva6p2n4maxzga9",
      "name": "Ada Lovelace",
      "activity": "wsgt1g1g4pjkwpda"
    }
  ]
  $ printf '{"full_name": "Ada Lovelace", "mail": "ada@example.com", "tel": "+44 20 7946 0018", "submission_id": 42}' | crm capture --form contact -q
  nzva6p2n4maxzga9
  $ crm -q lead list name~ada | wc -l
  1
  $ crm lead show ada --format csv --fields name,phone,tags
  id,name,phone,tags
  nzva6p2n4maxzga9,Ada Lovelace,,inbound

A bot fills in the honeypot: dropped silently (exit 0), said with -v only.

  $ printf 'full_name=Bot&mail=bot%%40spam.example&website=http%%3A%%2F%%2Fspam' | crm capture --form contact
  $ printf 'full_name=Bot&mail=bot%%40spam.example&website=http%%3A%%2F%%2Fspam' | crm capture --form contact -v
  crm: dropped: the honeypot field "website" is filled in (nothing written)
  $ crm -q lead list name~bot | wc -l
  0

A person the store knows — a contact, by any of their emails, in any case
— gets an activity and their empty fields filled, not a duplicate lead.

  $ crm contact add --name 'Grace Hopper' --email grace@navy.example --set emails=amazing.grace@example.org > /dev/null
  $ printf 'full_name=G.+Hopper&mail=Amazing.Grace%%40EXAMPLE.org&tel=555-0100&text=Call+me' | crm capture --form contact
  ACTION   TYPE     ID                NAME          ACTIVITY
  updated  contact  [a-z0-9]{16}  Grace Hopper  m37mkrcha87r98gb (re)
  $ crm contact show grace --format yaml | grep -E '^  (name|phone|tags)|^    - '
    name: Grace Hopper
      - amazing.grace@example.org
    phone: 555-0100
    tags:
      - inbound
  $ crm -q lead list name~hopper | wc -l
  0

A support form opens a ticket for the contact (made when new), by the web.

  $ printf 'topic=Printer+jams&text=On+A3+paper&full_name=Grace+Hopper&mail=grace%%40navy.example' | crm capture --form support
  ACTION   TYPE    ID                NAME          ACTIVITY
  created  ticket  eyn7a9ennvdzb9n1  Printer jams  e75p0rtp62c7v9ns
  $ crm ticket list --format csv --fields subject,contact,channel,status
  id,subject,contact,channel,status
  eyn7a9ennvdzb9n1,Printer jams,[a-z0-9]{16},web,new (re)
  $ printf 'topic=Login+fails&mail=linus%%40example.net' | crm capture --form support > /dev/null && crm contact list email=linus@example.net --format csv --fields name,email,source
  id,name,email,source
  r7e4twsx075wtr6c,linus@example.net,linus@example.net,web

Bad submissions are refused, naming the field; nothing is written.

  $ crm -q lead list | wc -l; crm -q activity list | wc -l
  2
  5
  $ printf 'full_name=Eve&mail=eve%%40' | crm capture --form contact
  crm: error: stdin: field "mail": "eve@" is not an email address
  [3]
  $ printf 'full_name=Eve' | crm capture --form contact
  crm: error: stdin: field "mail": missing (form contact requires it)
  [3]
  $ printf 'full_name=Eve&mail=eve%%40example.com&text=100%%' | crm capture --form contact
  crm: error: stdin:1:38: field "text": a malformed %-escape (% must be followed by two hex digits)
  [3]
  $ printf 'full_name=%%FF&mail=eve%%40example.com' | crm capture --form contact
  crm: error: stdin:1:1: field "full_name": the value is not UTF-8 (byte 1)
  [3]
  $ printf 'full_name=Eve%%1B%%5B31m&mail=eve%%40example.com' | crm capture --form contact
  crm: error: stdin:1:1: field "full_name": the value holds the control character U+001B
  [3]
  $ printf '{"full_name": {"first": "Eve"}}' | crm capture --form contact
  crm: error: stdin: field "full_name": an object is not a form value
  [3]
  $ printf '{"full_name": "Eve",' | crm capture --form contact
  crm: error: stdin:1:21: not JSON: syntax error while parsing object key - unexpected end of input; expected string literal
  [3]
  $ printf '["Eve"]' | crm capture --form contact
  crm: error: stdin:1:1: a JSON submission is one object of fields
  [3]
  $ head -c 300000 /dev/zero | tr '\0' a | crm capture --form contact
  crm: error: stdin: the submission is 300000 bytes, more than the 262144 a form may send
  [3]
  $ printf 'full_name=Eve&mail=eve%%40example.com' | crm capture
  crm: error: several forms (contact, support): name one with --form, or call one "default"
  [2]
  $ printf 'full_name=Eve&mail=eve%%40example.com' | crm capture --form nope
  crm: error: no form "nope" in .crm/config.yaml (forms: contact, support)
  [2]
  $ printf 'full_name=Eve&mail=eve%%40example.com' | crm capture --form contact --content-type xml
  crm: error: content type "xml": not one of json (application/json), form (application/x-www-form-urlencoded)
  [2]
  $ printf 'full_name=Eve&mail=eve%%40example.com' | crm capture --form contact --content-type json
  crm: error: stdin:1:2: not JSON: syntax error while parsing value - invalid literal; last read: 'fu'
  [3]
  $ crm -q lead list | wc -l; crm -q activity list | wc -l
  2
  5

A form the config gets wrong is named with its line.

  $ cp .crm/config.yaml ../config.good && printf '  broken:\n    type: deal\n' >> .crm/config.yaml
  $ printf 'a=b' | crm capture --form contact
  crm: error: .crm/config.yaml:40:11: forms.broken.type: "deal" is not one of lead, contact, ticket
  [3]
  $ cp ../config.good .crm/config.yaml && printf '  broken:\n    fields: {x: owner_id}\n' >> .crm/config.yaml
  $ printf 'a=b' | crm capture --form contact
  crm: error: .crm/config.yaml:40:17: forms.broken.fields.x: "owner_id" is not a field a form can fill in a lead
  [3]
  $ cp ../config.good .crm/config.yaml

An inbox: every file in DIR, in name order, is captured and moved to
DIR/done, or to DIR/failed beside NAME.error.

  $ mkdir ../inbox
  $ printf 'full_name=Alan+Turing&mail=alan%%40example.com' > ../inbox/1.txt
  $ printf '{"full_name": "Alan Turing", "mail": "ALAN@example.com", "tel": "555-0199", "text": "And a phone"}' > ../inbox/2.json
  $ printf 'full_name=Nobody' > ../inbox/3.txt
  $ printf 'full_name=Bot&mail=b%%40x.example&website=x' > ../inbox/4.txt
  $ touch ../inbox/.hidden
  $ crm capture --inbox ../inbox --form contact
  FILE    ACTION   TYPE  ID                NAME         ACTIVITY          ERROR
  1.txt   created  lead  ksybcwsz784aj221  Alan Turing  v07tnn8gxtc7p8jh
  2.json  updated  lead  ksybcwsz784aj221  Alan Turing  q80gb9nh3dht44wt
  3.txt   failed                                                          ../inbox/3.txt: field "mail": missing (form contact requires it)
  4.txt   dropped
  crm: error: ../inbox/3.txt: field "mail": missing (form contact requires it)
  crm: 4 files: 1 created, 1 updated, 0 unchanged, 1 dropped, 1 failed
  [3]
  $ ls -A ../inbox ../inbox/done ../inbox/failed; cat ../inbox/failed/3.txt.error
  ../inbox:
  .hidden
  done
  failed
  
  ../inbox/done:
  1.txt
  2.json
  4.txt
  
  ../inbox/failed:
  3.txt
  3.txt.error
  ../inbox/3.txt: field "mail": missing (form contact requires it)
  $ crm capture --inbox ../inbox --form contact
  crm: 0 files: 0 created, 0 updated, 0 unchanged, 0 dropped, 0 failed
  $ printf 'full_name=Nobody' > ../inbox/3.txt && crm capture --inbox ../inbox --form contact 2>&1 | tail -1; ls ../inbox/failed
  crm: 1 file: 0 created, 0 updated, 0 unchanged, 0 dropped, 1 failed
  3.txt
  3.txt.1
  3.txt.1.error
  3.txt.error
  $ crm capture --inbox ../nowhere --form contact
  crm: error: --inbox ../nowhere: No such file or directory
  [2]
  $ crm check

A run killed at any write — each record written and each file moved ends in
a rename — and run again converges: every good file captured once, each
lead with one task from the rules, no file left behind.

  $ export PATH=$TESTDIR/../helpers:$PATH
  $ cd .. && mkdir k && cd k && crm init t > /dev/null 2>&1 && cp ../s/.crm/config.yaml t/.crm/config.yaml
  $ printf -- '- name: call\n  on: lead.create\n  do:\n    - task: {title: "Call {{name}}", due: +1d}\n' > t/.crm/rules.yaml
  $ mkdir t/inbox && printf 'full_name=Alan+Turing&mail=alan%%40example.com' > t/inbox/1 && printf 'full_name=Ada&mail=ada%%40example.com' > t/inbox/2 && printf 'full_name=Ada&mail=ada%%40example.com&tel=555' > t/inbox/3 && printf 'x=%%' > t/inbox/4
  $ RERUN_OK="0 3" kill-at-each-write t '[ "$(crm -q lead list | wc -l)" = 2 ] || echo leads; [ "$(crm -q task list | wc -l)" = 2 ] || echo tasks; [ "$(crm -q activity list | wc -l)" = 3 ] || echo activities; [ "$(ls inbox | wc -l)" = 2 ] || echo left: $(ls inbox); [ "$(ls inbox/done | wc -l)" = 3 ] || echo done: $(ls inbox/done); [ "$(ls inbox/failed)" = "$(printf "4\n4.error")" ] || echo failed: $(ls inbox/failed)' -- capture --form contact --inbox s/inbox
  killed at 13 boundaries, 0 problems
