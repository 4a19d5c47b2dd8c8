A rule's email is transactional unless it offers to unsubscribe
(crm-rules(5)): a message about what the person did (a ticket, an order)
carries no List-Unsubscribe. One whose template uses {{unsubscribe}}, or
whose action says `unsubscribe: true`, carries what a campaign carries:
the unsubscribe line and List-Unsubscribe (RFC 2369), with
List-Unsubscribe-Post for an https link that names its recipient (RFC 8058).

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm config set campaigns.from 'Shop Team <hello@shop.example>'
  $ mkdir templates
  $ printf 'Subject: We got your ticket\nHello {{first_name}}, we are on it.\n' > templates/ack.txt
  $ printf 'Subject: News for {{first_name}}\nHello {{first_name}}.\n\n{{unsubscribe}}\n' > templates/news.txt
  $ printf 'Subject: Welcome\nHello {{first_name}}.\n' > templates/welcome.txt
  $ cat > .crm/rules.yaml <<'EOF'
  > - name: ack
  >   on: ticket.create
  >   do:
  >     - email: {template: ack.txt}
  > - name: nurture
  >   on: lead.create
  >   do:
  >     - email: {template: news.txt}
  > - name: welcome
  >   on: contact.create
  >   do:
  >     - email: {template: welcome.txt, unsubscribe: true}
  > EOF
  $ crm rules check

Transactional: no header, no line.

  $ crm contact add --name "Bob Stone" --email bob@example.com 2>/dev/null > /dev/null
  $ rm .crm/outbox/new/*  # its welcome: see below
  $ crm ticket add --subject Broken --contact bob 2>/dev/null > /dev/null
  $ grep -c -i -e '^List-Unsubscribe' -e 'to unsubscribe' .crm/outbox/new/*.crm
  0
  [1]

The template places the line: the header goes with it (mailto: the From
address unless campaigns.unsubscribe says otherwise).

  $ crm lead add --name "Ada Lovelace" --email ada@example.com 2>/dev/null > /dev/null
  $ f=.crm/outbox/new/$(crm activity list -q 'summary~News for Ada').crm
  $ grep -e '^List-Unsubscribe' -e '^Hello' -e 'unsubscribe' $f
  List-Unsubscribe: <mailto:hello@shop.example?subject=unsubscribe>
  Hello Ada.
  To unsubscribe, write to hello@shop.example with the subject "unsubscribe".

`unsubscribe: true` with an https link that says who: one-click, and the
line after the signature separator. Python's email package reads the
headers.

  $ crm config set campaigns.unsubscribe 'https://shop.example/unsubscribe?e={{email}}'
  $ crm contact add --name "Cy Young" --email cy@example.com 2>/dev/null > /dev/null
  $ f=.crm/outbox/new/$(crm activity list -q 'summary=Welcome' 'with~Cy').crm
  $ python3 -c 'import email,sys; m = email.message_from_binary_file(open(sys.argv[1], "rb")); print(m["List-Unsubscribe"]); print(m["List-Unsubscribe-Post"]); print(m.get_payload(decode=True).decode(), end="")' $f
  <https://shop.example/unsubscribe?e=cy%40example.com>
  List-Unsubscribe=One-Click
  Hello Cy.
  
  -- 
  To unsubscribe: https://shop.example/unsubscribe?e=cy%40example.com

Mail goes to an address: a lead whose address a contact that unsubscribed
holds (in any case) gets nothing, as in a campaign.

  $ crm contact add --name "Eve Old" --email EVE@example.com --set unsubscribed=true 2>&1 | grep 'not sent'
  crm: rule welcome on contact [a-z0-9]{16}: email welcome.txt not sent: contact [a-z0-9]{16} is unsubscribed (re)
  $ crm lead add --name "Eve New" --email eve@Example.com 2>&1 | grep 'not sent'
  crm: rule nurture on lead [a-z0-9]{16}: email news.txt not sent: eve@Example.com is unsubscribed \(Eve Old, same address\) (re)
  $ crm activity list 'summary~Eve' --format ids | wc -l
  0

`unsubscribe:` is true or false, checked at its line.

  $ printf -- '- name: w\n  on: contact.create\n  do:\n    - email: {template: welcome.txt, unsubscribe: maybe}\n' > .crm/rules.yaml
  $ crm rules check
  crm: error: .crm/rules.yaml:4:51: rule w.do[0].email.unsubscribe: true (a List-Unsubscribe header and the unsubscribe line) or false
  [3]
