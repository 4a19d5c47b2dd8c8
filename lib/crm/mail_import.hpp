// `crm mail import`: each message that involves a known contact becomes one
// email activity, with an id derived from its Message-ID, so that importing
// the same mailbox twice, or in two clones, makes the same files. Policy from
// the config's `mail:` (mail.me, mail.keep, mail.new_contacts, mail.ignore).
#pragma once

#include <string>
#include <vector>

#include "crm/store.hpp"
#include "crm/table.hpp"

namespace crm {

struct MailPolicy {
  std::vector<std::string> me;            // the user's own addresses, lower-cased
  std::vector<std::string> support;       // addresses whose mail becomes tickets (mail.support)
  std::string keep = "subject";           // metadata | subject | body
  std::string new_contacts = "outgoing";  // never | outgoing | all
  std::vector<std::string> ignore;        // address patterns (substrings, case-insensitive), the defaults first
};

// The policy of `config.raw`'s `mail:` map. Throws InvalidData naming the
// setting when a value is not one of its choices.
MailPolicy mail_policy(const Config& config);

struct MailImportResult {
  size_t created = 0;                     // activities written
  size_t already = 0;                     // activities that existed (an earlier import)
  size_t no_contact = 0;                  // messages that involve no known contact
  size_t skipped = 0;                     // lists, bulk mail, ignored senders
  size_t failed = 0;                      // messages that do not parse
  size_t from_cache = 0;                  // of the above, known unread from the cache
  std::vector<std::string> activity_ids;  // written
  std::vector<std::string> contact_ids;   // contacts made for new people
  size_t tickets_opened = 0, tickets_joined = 0, tickets_reopened = 0;
  struct Problem {
    std::string where, reason;
  };
  std::vector<Problem> problems;
  // Inbound mail whose subject or own (unquoted) text says "unsubscribe":
  // flagged for the user, never applied (crm contact set X unsubscribed=true).
  struct Unsubscribe {
    std::string contact, email;
  };
  std::vector<Unsubscribe> unsubscribes;
};

// Imports every message of `paths` (see mailbox.hpp; "-" reads `stdin_text`).
// Remembers in .crm/cache/mail-seen what each maildir file or mbox file led
// to, so that a re-run reads only what is new or changed.
MailImportResult import_mail(Writer& writer, const std::vector<std::string>& paths, const std::string& stdin_text);

// "3 new, 1 already imported, 2 without a known contact, 1 skipped (lists/bulk)"
// (and ", 1 failed" when some did not parse).
std::string mail_import_summary(const MailImportResult& r);
// The result for json/yaml.
Json mail_import_object(const MailImportResult& r);

}  // namespace crm
