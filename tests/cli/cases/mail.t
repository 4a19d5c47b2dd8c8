crm mail import: messages that involve a known contact become email
activities with ids derived from their Message-ID (crm-mail(1)). The mail
is written by Python's email package (tests/cli/mail/make_mail.py): a
maildir, an mbox and a file that is no mail.

  $ python3 "$TESTDIR/../mail/make_mail.py" .
  $ crm init s > /dev/null 2>&1 && cd s
  $ crm company add --name "Analytical Engines" > /dev/null
  $ crm contact add --name "Ada Lovelace" --email ada@example.com --company analytical --set emails=ada.home@example.org --set cadence=14 > /dev/null
  $ crm config set mail.me '[me@mine.example]'

The maildir: Ada's message (from her second address, in capitals, her name
and the subject RFC 2047 encoded), my reply copying Bob (outbound: Bob
becomes a contact), Bob's answer in the thread, a list post, bulk mail, a
stranger, a no-reply robot and a file that is no mail (reported with its
name and reason; the rest is imported).

  $ crm mail import ../Maildir
  crm: error: ../Maildir/cur/1700000008.8.host:2,S: not a mail message: it does not start with a header (Name: value)
  3 new, 0 already imported, 1 without a known contact, 3 skipped (lists/bulk), 1 failed; 1 contact added
  [3]
The ids derive from the Message-IDs (and Bob's from his address): every
clone that imports this mail makes these same files.

  $ crm activity list --format csv --fields at,direction,summary,with,message_id
  id,at,direction,summary,with,message_id
  w40wjg3erm5kb2pe,2026-11-02T09:00:00Z,in,Café order,"[a-z0-9]{16},[a-z0-9]{16}",m1@example.org (re)
  rcfc12fyq1dbfc79,2026-11-02T11:30:00Z,out,Re: Café order,"[a-z0-9]{16},h25c5v0aahyp3b03,[a-z0-9]{16}",m2@mine.example (re)
  n1vrvd2spkhbkrq4,2026-11-03T13:15:00Z,in,Re: Re: Café order,h25c5v0aahyp3b03,m3@new.example
  $ crm contact list --format csv --fields name,email,follow_up
  id,name,email,follow_up
  [a-z0-9]{16},Ada Lovelace,ada@example.com,2026-11-16 (re)
  [a-z0-9]{16},Bob Builder,bob@new.example, (re)

The default keeps the subject, not the body.

  $ crm activity list message_id=m1@example.org --format yaml | grep -c body
  0
  [1]

Importing again writes nothing, and says so.

  $ ls ../s/activities ../s/contacts | sort > ../before
  $ crm mail import ../Maildir
  crm: error: ../Maildir/cur/1700000008.8.host:2,S: not a mail message: it does not start with a header (Name: value)
  0 new, 3 already imported, 1 without a known contact, 3 skipped (lists/bulk), 1 failed
  [3]
  $ ls ../s/activities ../s/contacts | sort | diff ../before - && git status --short 2>/dev/null | head -1

Without the cache, the derived ids alone find what was imported.

  $ rm .crm/cache/mail-seen && crm mail import ../Maildir 2>&1 | tail -1
  0 new, 3 already imported, 1 without a known contact, 3 skipped (lists/bulk), 1 failed

An mbox, keeping bodies: a ">From" line unquoted, an HTML-only message as
text (no style, no script), Ada's first message again (already imported).

  $ crm config set mail.keep body
  $ crm mail import ../archive.mbox
  2 new, 1 already imported, 0 without a known contact, 0 skipped (lists/bulk)
  $ crm activity list message_id=m8@example.com --format yaml | sed -n '/body/,/with/p'
    body: |-
      Dear friend,
      From the start it was clear.
    with:
  $ crm activity list message_id=m9@example.com --format yaml | sed -n '/summary/,/with/p'
    summary: Ünïcode subject
    body: |-
      Notes & plans
      - one
      - two
    with:

One message on stdin; a file that is no mail fails alone.

  $ printf 'From: Ada <ada@example.com>\nTo: me@mine.example\nDate: Sun, 08 Nov 2026 10:00:00 +0000\nMessage-ID: <m10@example.com>\nSubject: stdin\n\nHi\n' | crm mail import - ../bad.eml
  crm: error: ../bad.eml: not a mail message: it does not start with a header (Name: value)
  1 new, 0 already imported, 0 without a known contact, 0 skipped (lists/bulk), 1 failed
  [3]
  $ crm mail import ../nowhere
  crm: error: ../nowhere: no such file or folder
  [1]
