// One RFC 5322 message, parsed (by GMime, which stays behind this header):
// its addresses, threading headers, decoded subject and a plain-text body.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/dates.hpp"

namespace crm {

struct MailAddress {
  std::string name;   // the display name, RFC 2047 decoded; may be ""
  std::string email;  // lower-cased
};

struct MailMessage {
  std::string message_id;  // without the angle brackets; "" when the message has none
  Seconds date{};          // UTC
  std::vector<MailAddress> from, to, cc;
  std::string subject;                   // decoded, one line
  std::string in_reply_to;               // a message id, without brackets
  std::vector<std::string> references;   // oldest first, without brackets
  std::string list_id;                   // List-Id, "" when none
  bool bulk = false;                     // Precedence: bulk, list or junk; Auto-Submitted other than "no"
  std::string text;                      // text/plain preferred, else text/html as text; UTF-8, LF line ends
  std::vector<std::string> attachments;  // file names
};

// Parses one message. nullopt, with `error` set to the reason ("no From
// address", "no Date header"…), when it cannot be read as a message; never
// throws for any input.
std::optional<MailMessage> parse_mail(std::string_view raw, std::string* error);

// A message crm sends (crm campaign send): composed by GMime, so that UTF-8
// names and subjects are RFC 2047-encoded and the body is text/plain;
// charset=utf-8, quoted-printable.
struct OutgoingMail {
  MailAddress from, to;
  std::string subject;
  Seconds date{};
  std::string message_id;        // without the angle brackets
  std::string list_unsubscribe;  // the List-Unsubscribe value: "<mailto:…>" or "<https://…>"
  bool one_click = false;        // List-Unsubscribe-Post: List-Unsubscribe=One-Click (an https link, RFC 8058)
  std::vector<std::pair<std::string, std::string>> headers;  // more headers, in order (X-Crm-Campaign…)
  std::string text;                                          // the body, UTF-8, LF line ends
};

// The message's bytes (LF line ends; a sendmail or a maildir takes them so).
std::string compose_mail(const OutgoingMail& mail);

// One address as typed ("Ada <ada@example.com>", "ada@example.com"), by
// GMime's parser; nullopt when it is not exactly one mailbox with an @.
std::optional<MailAddress> parse_mail_address(std::string_view text);

// HTML as the text a reader sees: tags dropped, scripts and styles left out,
// block elements on lines of their own, entities decoded.
std::string html_to_text(std::string_view html);

}  // namespace crm
