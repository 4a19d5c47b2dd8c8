// libFuzzer target: any bytes given as a campaign template are either refused
// with a position (InvalidData naming templates/x:LINE) or read and rendered
// — never a crash, an exception of another kind, or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/mail_template.hpp"
#include "crm/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<std::string> names = {"name",         "first_name",   "email",       "tags",
                                                 "company",      "company.name", "unsubscribe", "address",
                                                 "address.city", "contact.email"};
  std::string text(reinterpret_cast<const char*>(data), size);
  crm::MailTemplate t;
  try {
    t = crm::parse_mail_template(text, "templates/fuzz.txt", names);
  } catch (const crm::InvalidData& e) {
    if (e.where().file != "templates/fuzz.txt" || e.message().empty()) std::abort();
    return 0;
  }
  crm::Node values = crm::Node::map();
  values.set("name", crm::Node::scalar("Zoë <&> \"Müller\""));
  values.set("first_name", crm::Node::scalar("Zoë"));
  values.set("tags", crm::Node::sequence({crm::Node::scalar("a"), crm::Node::scalar("b")}));
  crm::Node company = crm::Node::map();
  company.set("name", crm::Node::scalar("Café {{name}}"));
  values.set("company", company);
  values.set("unsubscribe", crm::Node::scalar("To unsubscribe: https://x.example/u"));
  std::string subject = crm::render_mail_template(t.subject, values);
  std::string body = crm::render_mail_template(t.body, values);
  // Values are inserted as they are, never read as template text.
  if (body.find("Café {{name}}") == std::string::npos && t.body.find("{{company.name}}") != std::string::npos &&
      t.body.find("{{#") == std::string::npos && t.body.find("{{^") == std::string::npos &&
      t.body.find("{{!") == std::string::npos && t.body.find("{{{") == std::string::npos)
    std::abort();
  return 0;
}
