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

// HTML as the text a reader sees: tags dropped, scripts and styles left out,
// block elements on lines of their own, entities decoded.
std::string html_to_text(std::string_view html);

}  // namespace crm
