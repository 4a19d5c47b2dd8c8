// libFuzzer target: any bytes given as a mail message, or as an mbox, either
// parse into valid UTF-8 fields or are refused with a reason — never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "crm/mail_message.hpp"
#include "crm/mailbox.hpp"
#include "crm/text.hpp"

namespace {

void check(const std::string& raw) {
  std::string error;
  std::optional<crm::MailMessage> m = crm::parse_mail(raw, &error);
  if (!m) {
    if (error.empty()) std::abort();  // refused without a reason
    return;
  }
  auto valid = [](const std::string& s) { return crm::find_invalid_utf8(s) == std::string::npos; };
  if (m->from.empty()) std::abort();
  for (const auto* list : {&m->from, &m->to, &m->cc})
    for (const crm::MailAddress& a : *list)
      if (!valid(a.name) || !valid(a.email) || a.email.find('@') == std::string::npos) std::abort();
  if (!valid(m->subject) || m->subject.find('\n') != std::string::npos) std::abort();
  if (!valid(m->text) || m->text.find('\r') != std::string::npos) std::abort();
  if (!valid(m->message_id) || !valid(m->list_id)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string raw(reinterpret_cast<const char*>(data), size);
  check(raw);
  crm::MailboxVisitor visit;
  visit.message = [](crm::MailItem&& item) { check(item.raw); };
  crm::split_mbox(raw, "fuzz", "", visit);
  return 0;
}
