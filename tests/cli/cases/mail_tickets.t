Tickets by mail: mail to a `mail.support` address opens a ticket, or joins
its ticket by In-Reply-To/References or "[#ID]" in the subject; a reply to
a solved ticket reopens it (crm-mail(1)).

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm contact add --name "Ada Lovelace" --email ada@example.com > /dev/null
  $ crm config set mail.me '[me@mine.example]' && crm config set mail.support '[help@shop.example]'
  $ mail() { printf 'From: %s\nTo: help@shop.example\nDate: %s\nMessage-ID: <%s>\nSubject: %s\n%s\nbody\n' "$@"; }
  $ mail 'Ada <ada@example.com>' 'Sun, 08 Nov 2026 10:00:00 +0000' t1@example.com 'Broken widget' '' | crm mail import -
  1 new, 0 already imported, 0 without a known contact, 0 skipped (lists/bulk); 1 ticket opened
  $ crm ticket list --format csv --fields subject,channel,status,message_ids
  id,subject,channel,status,message_ids
  d5vat31wax2k4680,Broken widget,email,new,t1@example.com

Ada's reply, after the ticket was solved, joins it and reopens it.

  $ crm ticket solve d5va > /dev/null 2>&1
  $ mail 'Ada <ada@example.com>' 'Mon, 09 Nov 2026 10:00:00 +0000' t2@example.com 'Re: Broken widget' 'In-Reply-To: <t1@example.com>
  > ' | crm mail import -
  1 new, 0 already imported, 0 without a known contact, 0 skipped (lists/bulk); 1 joined a ticket (1 reopened)
  $ crm ticket show d5va --format yaml | grep -E '^  status:|t[12]@'
    status: open
      - t1@example.com
      - t2@example.com

A stranger writing to support becomes a contact with a ticket; a later
message naming the ticket in its subject joins it.

  $ mail 'Carol <carol@c.example>' 'Mon, 09 Nov 2026 11:00:00 +0000' t3@c.example 'Invoice' '' | crm mail import -
  1 new, 0 already imported, 0 without a known contact, 0 skipped (lists/bulk); 1 ticket opened; 1 contact added
  $ crm ticket list --format csv --fields subject,contact --sort subject
  id,subject,contact
  d5vat31wax2k4680,Broken widget,[a-z0-9]{16} (re)
  qgrfgxycyc45hy9b,Invoice,bh6d9vxqce2a7ne7
  $ mail 'Carol <carol@c.example>' 'Tue, 10 Nov 2026 11:00:00 +0000' t4@c.example 'Re: [#qgrf] Invoice' '' | crm mail import -
  1 new, 0 already imported, 0 without a known contact, 0 skipped (lists/bulk); 1 joined a ticket
  $ crm activity list --format csv --fields summary,with --sort at
  id,summary,with
  hhc1af0frwqhr1te,Broken widget,"d5vat31wax2k4680,[a-z0-9]{16}" (re)
  qcrfrfkxzhfag52r,Re: Broken widget,"d5vat31wax2k4680,[a-z0-9]{16}" (re)
  kg1dg3cjygy34csd,Invoice,"qgrfgxycyc45hy9b,bh6d9vxqce2a7ne7"
  [a-z0-9]{16},Re: \[#qgrf\] Invoice,"qgrfgxycyc45hy9b,bh6d9vxqce2a7ne7" (re)

The same message again joins nothing twice.

  $ mail 'Carol <carol@c.example>' 'Tue, 10 Nov 2026 11:00:00 +0000' t4@c.example 'Re: [#qgrf] Invoice' '' | crm mail import -
  0 new, 1 already imported, 0 without a known contact, 0 skipped (lists/bulk)
  $ crm ticket show qgrf --format yaml | grep -c 't[34]@c.example'
  2
