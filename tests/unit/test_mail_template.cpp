// mail_template: mustache templates for campaign mail (names checked at
// file:line, nothing escaped), and compose_mail round-tripping through the
// parser.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/mail_message.hpp"
#include "crm/mail_template.hpp"

namespace {

const std::vector<std::string> kNames = {"name", "first_name", "company", "company.name", "tags", "unsubscribe"};

std::string where(const std::string& text) {
  try {
    crm::parse_mail_template(text, "templates/t.txt", kNames);
  } catch (const crm::InvalidData& e) {
    return e.where().str() + " " + e.message();
  }
  return "";
}

}  // namespace

TEST_CASE("a template: the Subject line and one blank line split off, the body rendered unescaped") {
  crm::MailTemplate t = crm::parse_mail_template(
      "Subject: Hi {{first_name}}\n\nDear {{name}},\n{{#company}}at {{name}}{{/company}}\n", "templates/t.txt", kNames);
  CHECK(t.subject == "Hi {{first_name}}");
  CHECK_FALSE(t.uses_unsubscribe);
  crm::Node data = crm::Node::map();
  data.set("first_name", crm::Node::scalar("Zoë"));
  data.set("name", crm::Node::scalar("R&D <Zoë> \"Q\""));
  crm::Node company = crm::Node::map();
  company.set("name", crm::Node::scalar("Café {{x}}"));
  data.set("company", company);
  CHECK(crm::render_mail_template(t.subject, data) == "Hi Zoë");
  CHECK(crm::render_mail_template(t.body, data) == "Dear R&D <Zoë> \"Q\",\nat Café {{x}}\n");
  data.set("company", crm::Node());  // no company: a false section
  CHECK(crm::render_mail_template(t.body, data) == "Dear R&D <Zoë> \"Q\",\n\n");
}

TEST_CASE("a template's mistakes are named at file:line:column before anything renders") {
  CHECK(where("Subject: {{frist_name}}\n\nx") ==
        "templates/t.txt:1:10: frist_name unknown field \"frist_name\"; did you mean \"first_name\"?");
  CHECK(where("Subject: x\n\nline\n  {{nope}}") == "templates/t.txt:4:3: nope unknown field \"nope\"");
  CHECK(where("a\n{{#company}}\n") == "templates/t.txt:2:1: company {{#company}} is never closed");
  CHECK(where("{{/company}}") == "templates/t.txt:1:1: company {{/company}} closes no open section");
  CHECK(where("x {{name") == "templates/t.txt:1:3 unclosed tag: \"{{\" without \"}}\"");
  CHECK(where("{{> part}}").find("partials") != std::string::npos);
  CHECK(where("{{=<% %>=}}").find("delimiter") != std::string::npos);
  CHECK(where("\xff{{name}}").find("not UTF-8") != std::string::npos);
  CHECK(where(std::string(40, ' ') +
              [] {
                std::string s;
                for (int i = 0; i < 40; ++i) s += "{{#tags}}";
                return s;
              }())
            .find("deeper than 32") != std::string::npos);
  // Inside a section, the section's own fields are known.
  CHECK(where("{{#company}}{{name}}{{/company}} {{unsubscribe}} {{! {{anything}} }}") == "");
  CHECK(crm::parse_mail_template("x {{unsubscribe}}", "t", kNames).uses_unsubscribe);
}

TEST_CASE("compose_mail: UTF-8 encoded words, List-Unsubscribe, quoted-printable UTF-8, and it parses back") {
  crm::OutgoingMail m;
  m.from = {"Shop Team", "news@shop.example"};
  m.to = {"Zoë Müller", "zoe@example.com"};
  m.subject = "Grüße\nan Zoë";  // a line break never reaches a header
  m.date = crm::Seconds(std::chrono::seconds(1795424400));
  m.message_id = "crm.abcd@shop.example";
  m.list_unsubscribe = "<https://shop.example/u>";
  m.one_click = true;
  m.text = "Hallo Zoë,\r\nR&D <x>\n";
  std::string raw = crm::compose_mail(m);
  CHECK(raw.find("To: =?UTF-8?b?Wm/DqyBNw7xsbGVy?= <zoe@example.com>\n") != std::string::npos);
  CHECK(raw.find("List-Unsubscribe: <https://shop.example/u>\n") != std::string::npos);
  CHECK(raw.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\n") != std::string::npos);
  CHECK(raw.find("Content-Type: text/plain; charset=utf-8\n") != std::string::npos);
  CHECK(raw.find("Content-Transfer-Encoding: quoted-printable\n") != std::string::npos);
  CHECK(raw.find("Hallo Zo=C3=AB,\n") != std::string::npos);
  CHECK(raw.find('\r') == std::string::npos);
  std::string error;
  auto back = crm::parse_mail(raw, &error);
  REQUIRE(back);
  CHECK(back->subject == "Grüße an Zoë");
  CHECK(back->to.front().name == "Zoë Müller");
  CHECK(back->message_id == "crm.abcd@shop.example");
  CHECK(back->text == "Hallo Zoë,\nR&D <x>");
  CHECK(crm::parse_mail_address("Shop <news@shop.example>")->email == "news@shop.example");
  CHECK_FALSE(crm::parse_mail_address("a@x.example, b@y.example"));
  CHECK_FALSE(crm::parse_mail_address("no address"));
}

TEST_CASE("a template saved with a byte-order mark: the mark is dropped, the Subject line still found") {
  crm::MailTemplate t = crm::parse_mail_template("\xEF\xBB\xBFSubject: Hi\n\nBody\n", "templates/t.txt", kNames);
  CHECK(t.subject == "Hi");
  CHECK(t.body == "Body\n");
}

TEST_CASE("a mistake in the Subject line is named at its own column") {
  CHECK(where("Subject: Hi {{nope}}\n\nBody\n") == "templates/t.txt:1:13: nope unknown field \"nope\"");
  CHECK(where("Subject:{{nope}}\n") == "templates/t.txt:1:9: nope unknown field \"nope\"");
}
