#!/usr/bin/env python3
"""Writes the mail the golden test cli.mail imports, with Python's email
package (as a mail client would): a maildir, an mbox and a file that is no mail.

    make_mail.py DIR     → DIR/Maildir/{new,cur,tmp}, DIR/archive.mbox, DIR/bad.eml
"""
import mailbox
import os
import sys
from email.header import Header
from email.message import EmailMessage
from email.utils import formataddr

out = sys.argv[1]
md = os.path.join(out, "Maildir")
for sub in ("new", "cur", "tmp"):
    os.makedirs(os.path.join(md, sub), exist_ok=True)


def msg(frm, to, subject, date, mid, body, cc=None, html=None, headers=()):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    if cc:
        m["Cc"] = cc
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = mid
    for k, v in headers:
        m[k] = v
    m.set_content(body)
    if html:
        m.add_alternative(html, subtype="html")
    return m


def put(sub, name, m):
    data = m if isinstance(m, bytes) else m.as_bytes()
    with open(os.path.join(md, sub, name), "wb") as f:
        f.write(data)


# 1. From Ada's second address, in capitals; her name RFC 2047 B-encoded,
# the subject Q-encoded in Latin-1; text and HTML alternatives.
raw1 = (b"From: =?UTF-8?B?QWRhIEzDtnZlbGFjZQ==?= <ADA.Home@Example.ORG>\n"
        b"To: Me <me@mine.example>\n"
        b"Subject: =?ISO-8859-1?Q?Caf=E9_order?=\n"
        b"Date: Mon, 02 Nov 2026 10:00:00 +0100\n"
        b"Message-ID: <m1@example.org>\n"
        b"MIME-Version: 1.0\n"
        b"Content-Type: multipart/alternative; boundary=\"b\"\n\n"
        b"--b\nContent-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
        b"Caf=E9 for two, please.\n"
        b"--b\nContent-Type: text/html\n\n<p>Caf&eacute; for <b>two</b>, please.</p>\n--b--\n")
put("new", "1700000001.1.host", raw1)
# 2. My reply (outbound), copying Bob, whom crm does not know yet: the thread.
put("cur", "1700000002.2.host:2,S",
    msg(formataddr(("Me", "me@mine.example")), "ada@example.com", "Re: Café order",
        "Mon, 02 Nov 2026 11:30:00 +0000", "<m2@mine.example>", "Two it is.\n",
        cc=formataddr(("Bob Builder", "bob@new.example")),
        headers=[("In-Reply-To", "<m1@example.org>"), ("References", "<m1@example.org>")]))
# 3. Bob answers in the thread.
put("cur", "1700000003.3.host:2,S",
    msg("Bob Builder <bob@new.example>", "me@mine.example", "Re: Re: Café order",
        "Tue, 03 Nov 2026 08:15:00 -0500", "<m3@new.example>", "Count me in.\n",
        headers=[("In-Reply-To", "<m2@mine.example>"), ("References", "<m1@example.org> <m2@mine.example>")]))
# 4. A mailing list post by Ada, 5. bulk mail, 6. a stranger, 7. a no-reply robot.
put("cur", "1700000004.4.host:2,S",
    msg("ada@example.com", "engines@lists.example", "[engines] minutes", "Wed, 04 Nov 2026 09:00:00 +0000",
        "<m4@lists.example>", "Minutes.\n", headers=[("List-Id", "<engines.lists.example>")]))
put("cur", "1700000005.5.host:2,S",
    msg("Shop <news@shop.example>", "ada@example.com", "Sale!", "Wed, 04 Nov 2026 10:00:00 +0000",
        "<m5@shop.example>", "50% off.\n", headers=[("Precedence", "bulk")]))
put("cur", "1700000006.6.host:2,S",
    msg("stranger@unknown.example", "me@mine.example", "Hello", "Thu, 05 Nov 2026 10:00:00 +0000",
        "<m6@unknown.example>", "Hi.\n"))
put("cur", "1700000007.7.host:2,S",
    msg("noreply@service.example", "me@mine.example", "Your receipt", "Thu, 05 Nov 2026 11:00:00 +0000",
        "<m7@service.example>", "Thanks.\n"))
# 8. Not a message at all.
put("cur", "1700000008.8.host:2,S", b"\x00\x01 this is no mail\n")

# An mbox: a message whose body has a line starting "From " (quoted >From by
# the mbox), one in HTML only, and message 1 again (already imported).
box = mailbox.mbox(os.path.join(out, "archive.mbox"))
box.add(msg("Ada Lovelace <ada@example.com>", "me@mine.example", "Engines",
            "Fri, 06 Nov 2026 09:00:00 +0000", "<m8@example.com>",
            "Dear friend,\nFrom the start it was clear.\n"))
html_only = EmailMessage()
html_only["From"] = "Ada Lovelace <ada@example.com>"
html_only["To"] = "me@mine.example"
html_only["Subject"] = Header("Ünïcode subject", "utf-8").encode()
html_only["Date"] = "Sat, 07 Nov 2026 09:00:00 +0000"
html_only["Message-ID"] = "<m9@example.com>"
html_only.set_content("<html><head><style>p {color: red}</style></head><body><p>Notes&nbsp;&amp; plans</p>"
                      "<ul><li>one</li><li>two</li></ul><script>alert(1)</script></body></html>", subtype="html")
box.add(html_only)
box.add(raw1)
box.flush()

with open(os.path.join(out, "bad.eml"), "wb") as f:
    f.write(b"just some words\nwithout any header\n")
