// mail_out: what campaigns and the rules' email action share — the
// unsubscribe link, line and headers, and addresses compared folded.
#include <doctest/doctest.h>

#include <string>

#include "crm/mail_out.hpp"

TEST_CASE("mail out: the unsubscribe offer") {
  CHECK(crm::list_unsubscribe("mailto:hi@shop.example") == "<mailto:hi@shop.example?subject=unsubscribe>");
  CHECK(crm::list_unsubscribe("mailto:hi@shop.example?subject=stop") == "<mailto:hi@shop.example?subject=stop>");
  CHECK(crm::list_unsubscribe("https://shop.example/u") == "<https://shop.example/u>");
  CHECK(crm::unsubscribe_line("mailto:hi@shop.example?subject=stop") ==
        "To unsubscribe, write to hi@shop.example with the subject \"unsubscribe\".");
  CHECK(crm::unsubscribe_line("https://shop.example/u") == "To unsubscribe: https://shop.example/u");

  crm::OutgoingMail m;
  m.to.email = "ada+news@example.com";
  m.text = "Hello.\n\n\n";
  crm::offer_unsubscribe(m, "https://shop.example/u?c={{id}}&e={{email}}", "c1", false);
  CHECK(m.list_unsubscribe == "<https://shop.example/u?c=c1&e=ada%2Bnews%40example.com>");
  CHECK(m.one_click);  // RFC 8058: an https link that says who
  CHECK(m.text == "Hello.\n\n-- \nTo unsubscribe: https://shop.example/u?c=c1&e=ada%2Bnews%40example.com\n");

  crm::OutgoingMail same_for_all;
  crm::offer_unsubscribe(same_for_all, "https://shop.example/u", "c1", false);
  CHECK(same_for_all.list_unsubscribe == "<https://shop.example/u>");
  CHECK(!same_for_all.one_click);  // a POST to it could not tell who
  CHECK(!crm::names_recipient("https://shop.example/u"));
  CHECK(crm::names_recipient("https://shop.example/u/{{id}}"));

  crm::OutgoingMail placed;
  placed.text = "Hello.\nTo unsubscribe: …\n";
  crm::offer_unsubscribe(placed, "mailto:hi@shop.example", "c1", true);
  CHECK(placed.text == "Hello.\nTo unsubscribe: …\n");  // the template placed it
  CHECK(!placed.one_click);
  CHECK(placed.list_unsubscribe == "<mailto:hi@shop.example?subject=unsubscribe>");
}

TEST_CASE("mail out: a person's addresses, folded") {
  crm::Record c;
  c.type = "contact";
  c.data.set("email", crm::Node::scalar("Ada@Example.COM"));
  c.data.set("emails",
             crm::Node::sequence({crm::Node::scalar("ada@example.com"), crm::Node::scalar("a@work.example")}));
  std::vector<std::string> keys = crm::email_keys(c);
  REQUIRE(keys.size() == 2);
  CHECK(keys[0] == crm::address_key("ada@example.com"));
  CHECK(keys[1] == crm::address_key("A@WORK.example"));
}

#include "crm/dates.hpp"
#include "crm/workflow.hpp"
#include "temp_dir.hpp"

TEST_CASE("mail out: the addresses refused, again after a contact is written") {
  crm_test::TempDir tmp;
  std::filesystem::path root = tmp.path() / "crm";
  REQUIRE(crm::Store::init(root));
  crm::Store store(root, crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:00:00Z")));
  CHECK(crm::refused_addresses(store).empty());
  crm::Writer writer = store.lock();
  auto add = [&](const char* id, const char* name, const char* email, const char* mark) {
    crm::Record c;
    c.type = "contact";
    c.data.set("id", crm::Node::scalar(id));
    c.data.set("name", crm::Node::scalar(name));
    c.data.set("email", crm::Node::scalar(email));
    if (mark) c.data.set(mark, crm::Node::scalar("true", true));
    crm::write_with_effects(writer, c, nullptr, true);
  };
  add("c000000000000001", "Ada", "ada@example.com", nullptr);
  CHECK(crm::refused_addresses(store).empty());
  add("c000000000000002", "Eve Old", "EVE@example.com", "unsubscribed");
  std::map<std::string, std::string> refused = crm::refused_addresses(store);  // read again: a contact was written
  REQUIRE(refused.size() == 1);
  CHECK(refused.begin()->first == crm::address_key("eve@example.com"));
  CHECK(refused.begin()->second == "unsubscribed (Eve Old, same address)");
  add("c000000000000003", "Dora", "dora@example.com", "do_not_contact");
  CHECK(crm::refused_addresses(store).size() == 2);
}
