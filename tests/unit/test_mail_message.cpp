// mail_message: one RFC 5322 message through GMime, and HTML as text.
#include <doctest/doctest.h>

#include <string>

#include "crm/mail_message.hpp"

using crm::parse_mail;

TEST_CASE("a message: addresses lower-cased, names and subject RFC 2047 decoded, date in UTC") {
  std::string raw =
      "From: =?UTF-8?B?QWRhIEzDtnZlbGFjZQ==?= <Ada@Example.COM>\r\n"
      "To: Me <me@mine.example>, \"Bob, B.\" <BOB@x.example>\r\n"
      "Cc: group: carol@y.example;\r\n"
      "Subject: =?ISO-8859-1?Q?Caf=E9?=\r\n  order\r\n"
      "Date: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
      "Message-ID: <m1@example.org>\r\n"
      "In-Reply-To: <m0@example.org>\r\n"
      "References: <a@x> <m0@example.org>\r\n"
      "\r\n"
      "Hello\r\nthere\r\n";
  std::string error;
  auto m = parse_mail(raw, &error);
  REQUIRE(m);
  CHECK(error.empty());
  REQUIRE(m->from.size() == 1);
  CHECK(m->from[0].email == "ada@example.com");
  CHECK(m->from[0].name == "Ada L\xc3\xb6velace");
  REQUIRE(m->to.size() == 2);
  CHECK(m->to[1].email == "bob@x.example");
  CHECK(m->to[1].name == "Bob, B.");
  REQUIRE(m->cc.size() == 1);
  CHECK(m->cc[0].email == "carol@y.example");
  CHECK(m->subject == "Caf\xc3\xa9 order");
  CHECK(crm::format_datetime(m->date) == "2026-11-02T09:00:00Z");
  CHECK(m->message_id == "m1@example.org");
  CHECK(m->in_reply_to == "m0@example.org");
  CHECK(m->references == std::vector<std::string>{"a@x", "m0@example.org"});
  CHECK(m->text == "Hello\nthere");
  CHECK_FALSE(m->bulk);
}

TEST_CASE("multipart: text/plain preferred, charsets converted, attachments named") {
  std::string raw =
      "From: a@b.example\nDate: Tue, 03 Nov 2026 08:00:00 -0500\nSubject: x\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=m\n\n"
      "--m\nContent-Type: multipart/alternative; boundary=a\n\n"
      "--a\nContent-Type: text/html\n\n<p>html</p>\n"
      "--a\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n"
      "=93quoted=94 =80\n"
      "--a--\n"
      "--m\nContent-Type: application/pdf; name=quote.pdf\nContent-Disposition: attachment; filename=quote.pdf\n"
      "Content-Transfer-Encoding: base64\n\nJVBERg==\n--m--\n";
  auto m = parse_mail(raw, nullptr);
  REQUIRE(m);
  CHECK(m->text == "\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac");
  CHECK(m->attachments == std::vector<std::string>{"quote.pdf"});
  CHECK(crm::format_datetime(m->date) == "2026-11-03T13:00:00Z");
}

TEST_CASE("HTML only: the text a reader sees") {
  std::string raw =
      "From: a@b.example\nDate: Tue, 03 Nov 2026 08:00:00 +0000\nContent-Type: text/html; charset=utf-8\n\n"
      "<html><head><title>t</title><style>p{}</style></head><body><p>One &amp; two</p><p>Three<br>four"
      "&#233;&#x20AC;</p><script>x()</script></body></html>\n";
  auto m = parse_mail(raw, nullptr);
  REQUIRE(m);
  CHECK(m->text == "One & two\n\nThree\nfour\xc3\xa9\xe2\x82\xac");
}

TEST_CASE("lists and bulk mail are marked") {
  auto list =
      parse_mail("From: a@b.example\nDate: Tue, 03 Nov 2026 08:00:00 +0000\nList-Id: <x.lists>\n\nx\n", nullptr);
  REQUIRE(list);
  CHECK(list->list_id == "<x.lists>");
  auto bulk = parse_mail("From: a@b.example\nDate: Tue, 03 Nov 2026 08:00:00 +0000\nPrecedence: Bulk\n\nx\n", nullptr);
  REQUIRE(bulk);
  CHECK(bulk->bulk);
  auto robot = parse_mail(
      "From: a@b.example\nDate: Tue, 03 Nov 2026 08:00:00 +0000\nAuto-Submitted: auto-replied\n\nx\n", nullptr);
  REQUIRE(robot);
  CHECK(robot->bulk);
}

TEST_CASE("what is not a message is refused with a reason") {
  std::string error;
  CHECK_FALSE(parse_mail("", &error));
  CHECK(error.find("not a mail message") != std::string::npos);
  CHECK_FALSE(parse_mail(std::string("\0\1\2", 3), &error));
  CHECK_FALSE(parse_mail("Subject: x\nDate: Tue, 03 Nov 2026 08:00:00 +0000\n\nbody\n", &error));
  CHECK(error == "no From address");
  CHECK_FALSE(parse_mail("From: a@b.example\n\nbody\n", &error));
  CHECK(error == "no Date header");
  CHECK_FALSE(parse_mail("From: a@b.example\nDate: someday\n\nbody\n", &error));
  CHECK(error == "Date is not a date: someday");
}

TEST_CASE("a long message with a long header parses") {
  std::string raw = "From: a@b.example\nDate: Tue, 03 Nov 2026 08:00:00 +0000\nSubject: " + std::string(70000, 'x') +
                    "\n\n" + std::string(200000, 'y') + "\n";
  auto m = parse_mail(raw, nullptr);
  REQUIRE(m);
  CHECK(m->subject.size() == 70000);
  CHECK(m->text.size() == 200000);
}
