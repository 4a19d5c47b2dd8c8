// vcard: reading 2.1/3.0/4.0 as exporters write them; writing 4.0 and 3.0.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/content_line.hpp"
#include "crm/error.hpp"
#include "crm/schema.hpp"
#include "crm/text.hpp"
#include "crm/vcard.hpp"
#include "crm/yaml_io.hpp"
#include "import_fixtures.hpp"

using crm::parse_vcards;
using crm::VcardCard;

namespace {

std::vector<VcardCard> fixture(const std::string& name) {
  return parse_vcards(crm_test::read_import_fixture(name), name);
}

crm::Record record(const std::string& type, const std::string& yaml) {
  crm::Record r;
  r.type = type;
  r.data = crm::parse_yaml(yaml, "test");
  return r;
}

// Every physical line of `text` (split at CRLF) is at most 75 octets, and
// every one is valid UTF-8 on its own (no character split by a fold).
void check_lines(const std::string& text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    std::string line = text.substr(start, end - start);
    CHECK(line.size() <= 75);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(crm::find_invalid_utf8(line) == std::string::npos);
    start = end + 2;
  }
}

}  // namespace

TEST_CASE("vcard reads Apple 3.0 item groups, escapes and structured values") {
  std::vector<VcardCard> cards = fixture("apple-3.0.vcf");
  REQUIRE(cards.size() == 1);
  const VcardCard& c = cards[0];
  CHECK(c.version == "3.0");
  CHECK(c.formatted_name == "Ada King Lovelace");
  CHECK(c.family_name == "Lovelace");
  CHECK(c.given_name == "Ada");
  CHECK(c.additional_names == "King");
  CHECK(c.prefix == "Countess");
  CHECK(c.org == "Analytical Engines Ltd");
  CHECK(c.org_units == std::vector<std::string>{"Research"});
  CHECK(c.title == "Chief Mathematician");
  REQUIRE(c.emails.size() == 2);
  CHECK(c.emails[0].address == "ada@engines.example");
  CHECK(c.emails[0].pref);
  CHECK(c.emails[0].label == "Work");  // item1.X-ABLabel:_$!<Work>!$_
  CHECK(c.emails[1].address == "ada.home@example.org");
  CHECK_FALSE(c.emails[1].pref);
  REQUIRE(c.phones.size() == 2);
  CHECK(c.phones[0].number == "+44 20 7946 0018");
  CHECK(c.phones[0].kind == "mobile");
  CHECK(c.phones[0].pref);
  CHECK(c.phones[1].kind == "work");
  REQUIRE(c.addresses.size() == 1);
  CHECK(c.addresses[0].street == "12 St James, Square");
  CHECK(c.addresses[0].city == "London");
  CHECK(c.addresses[0].postal_code == "SW1Y 4JH");
  CHECK(c.addresses[0].country == "United Kingdom");
  CHECK(c.note == "Met at the Royal Society; wants a demo in Q1.\nPrefers email.");
  CHECK(c.birthday == "1815-12-10");
  CHECK(c.categories == std::vector<std::string>{"vip", "speaker"});
}

TEST_CASE("vcard reads several Google cards with a folded note and UTF-8 names") {
  std::vector<VcardCard> cards = fixture("google-3.0-multi.vcf");
  REQUIRE(cards.size() == 3);
  CHECK(cards[0].formatted_name == "Grace Hopper");
  CHECK(cards[0].note ==
        "A very long note that goes past the seventy-five octet limit of a vCard line and therefore must be "
        "folded by the exporter onto a continuation line that begins with a space.");
  CHECK(cards[0].phones[0].kind == "mobile");
  CHECK(cards[1].formatted_name == "José María García-López");
  CHECK(cards[1].org == "Compañía Ibérica S.L.");
  CHECK(cards[1].line == 11);
  CHECK(cards[2].formatted_name == "最喜欢的客户");
  CHECK(cards[2].family_name == "客户");
  CHECK(cards[2].phones[0].number == "+86 10 5555 0100");
  CHECK(cards[2].phones[0].kind.empty());
  CHECK(cards[2].emails.empty());
}

TEST_CASE("vcard reads 4.0 with tel URIs, quoted TYPE lists, PREF and KIND org") {
  std::vector<VcardCard> cards = fixture("rfc6350-4.0.vcf");
  REQUIRE(cards.size() == 2);
  const VcardCard& linus = cards[0];
  CHECK(linus.uid == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
  CHECK(linus.kind == "individual");
  CHECK(linus.emails[0].pref);
  CHECK(linus.emails[0].types == std::vector<std::string>{"work"});
  CHECK(linus.phones[0].number == "+1-555-555-0123");
  CHECK(linus.phones[0].kind == "mobile");
  CHECK(linus.phones[0].types == std::vector<std::string>{"voice", "cell"});
  CHECK(linus.addresses[0].region == "OR");
  CHECK(linus.urls == std::vector<std::string>{"https://kernel.example"});
  CHECK(linus.birthday == "circa 1969");
  CHECK(linus.rev == "20261101T120000Z");
  CHECK(cards[1].kind == "org");
  CHECK(cards[1].org == "ACME Inc.");
  CHECK(cards[1].emails[0].address == "sales@acme.example");
}

TEST_CASE("vcard reads Outlook 2.1 bare types and QUOTED-PRINTABLE") {
  std::vector<VcardCard> cards = fixture("outlook-2.1.vcf");
  REQUIRE(cards.size() == 1);
  const VcardCard& c = cards[0];
  CHECK(c.version == "2.1");
  CHECK(c.formatted_name == "Jürgen Müller");
  CHECK(c.family_name == "Müller");
  CHECK(c.given_name == "Jürgen");
  CHECK(c.phones[0].kind == "work");
  CHECK(c.emails[0].pref);
  CHECK(c.emails[0].address == "j.mueller@beispiel.example");
  CHECK(c.addresses[0].street == "Hauptstraße 5");
  CHECK(c.addresses[0].country == "Deutschland");
}

TEST_CASE("vcard unfolds a fold that splits a UTF-8 character") {
  // "José" with the fold between the two bytes of é.
  std::string text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos\xC3\r\n \xA9 Garc\xC3\xAD\r\n\ta\r\nEND:VCARD\r\n";
  std::vector<VcardCard> cards = parse_vcards(text, "fold.vcf");
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].formatted_name == "José García");
}

TEST_CASE("vcard decodes QUOTED-PRINTABLE soft line breaks and Latin-1") {
  std::string text =
      "BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Zeile eins=0D=0AZeile =\nzwei=C3=A4\n"
      "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Fran=E7ois\nTEL;CELL;PREF:+33 6 12 34 56 78\n"
      "EMAIL;INTERNET:f@example.fr\nEND:VCARD\n";
  std::vector<VcardCard> cards = parse_vcards(text, "qp.vcf");
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].note == "Zeile eins\nZeile zweiä");
  CHECK(cards[0].formatted_name == "François");
  CHECK(cards[0].phones[0].kind == "mobile");
  CHECK(cards[0].phones[0].pref);
}

TEST_CASE("vcard leaves out a property that is not UTF-8, with its line, and reads the rest") {
  std::string text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nNOTE:caf\xE9\r\nEND:VCARD\r\n";
  std::vector<crm::VcardCard> cards = parse_vcards(text, "bad.vcf");
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].formatted_name == "Ada");
  CHECK(cards[0].note.empty());
  REQUIRE(cards[0].problems.size() == 1);
  CHECK(cards[0].problems[0].line == 4);
  CHECK(cards[0].problems[0].property == "NOTE");
  CHECK(cards[0].problems[0].value == "caf\\xE9");
  // 2.1 without a CHARSET: Windows-1252, as Outlook and Android write it.
  cards = parse_vcards("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Fran\xE7ois\r\nEND:VCARD\r\n", "old.vcf");
  CHECK(cards.at(0).formatted_name == "François");
  CHECK(cards.at(0).problems.empty());
  CHECK_THROWS_AS(parse_vcards("just text\n", "x.vcf"), crm::InvalidData);
  CHECK(parse_vcards("", "empty.vcf").empty());
}

TEST_CASE("vcard skips nested AGENT cards and binary photos") {
  std::string text =
      "BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nAGENT:\nBEGIN:VCARD\nFN:Assistant\nEND:VCARD\n"
      "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\n  AAAQABAAD\n\nEND:VCARD\n";
  std::vector<VcardCard> cards = parse_vcards(text, "agent.vcf");
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].formatted_name == "Boss");
}

TEST_CASE("vcard content lines fold at 75 octets without splitting characters") {
  std::string long_ascii(200, 'a');
  std::string folded = crm::fold_content_line("NOTE:" + long_ascii);
  check_lines(folded);
  CHECK(folded.substr(0, 75) == "NOTE:" + std::string(70, 'a'));
  CHECK(folded.substr(75, 3) == "\r\n ");
  std::string cjk;
  for (int i = 0; i < 60; ++i) cjk += "客";
  check_lines(crm::fold_content_line("FN:" + cjk));
  CHECK(crm::fold_content_line("FN:short") == "FN:short\r\n");
  CHECK(crm::escape_text_value("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
}

TEST_CASE("vcard writes a 4.0 card from a contact") {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  crm::Record ada = record("contact",
                           "id: kada000000000001\nname: Ada Lovelace\nfirst_name: Ada\nlast_name: Lovelace\n"
                           "email: ada@engines.example\nemails: [ada.home@example.org]\nphone: +44 20 7946 0018\n"
                           "phones: [{number: 0207 946 0019, kind: work}]\ntitle: Chief Mathematician\n"
                           "company: cengines00000001\naddress: {street: '12 St James, Square', city: London}\n"
                           "tags: [vip, 'a,b']\nbirthday: 1815-12-10\nlifecycle: customer\n"
                           "notes: \"Met at the Royal Society; wants a demo.\\nPrefers email.\"\n"
                           "updated: 2026-11-23T10:04:05Z\n");
  crm::NameOf names = [](const std::string& id) { return id == "cengines00000001" ? "Analytical Engines Ltd" : ""; };
  std::string card = crm::write_vcard(ada, schemas.get("contact"), names);
  check_lines(card);
  CHECK(card.find("BEGIN:VCARD\r\nVERSION:4.0\r\n") == 0);
  CHECK(card.find("UID:kada000000000001\r\n") != std::string::npos);
  CHECK(card.find("FN:Ada Lovelace\r\n") != std::string::npos);
  CHECK(card.find("N:Lovelace;Ada;;;\r\n") != std::string::npos);
  CHECK(card.find("EMAIL;PREF=1:ada@engines.example\r\n") != std::string::npos);
  CHECK(card.find("TEL;TYPE=work:0207 946 0019\r\n") != std::string::npos);
  CHECK(card.find("ORG:Analytical Engines Ltd\r\n") != std::string::npos);
  CHECK(card.find("ADR:;;12 St James\\, Square;London;;;\r\n") != std::string::npos);
  CHECK(card.find("NOTE:Met at the Royal Society\\; wants a demo.\\nPrefers email.\r\n") != std::string::npos);
  CHECK(card.find("CATEGORIES:vip,a\\,b\r\n") != std::string::npos);
  CHECK(card.find("BDAY:18151210\r\n") != std::string::npos);
  CHECK(card.find("X-CRM-LIFECYCLE:customer\r\n") != std::string::npos);
  CHECK(card.find("REV:20261123T100405Z\r\n") != std::string::npos);
  CHECK(card.substr(card.size() - 11) == "END:VCARD\r\n");

  // What it wrote reads back.
  std::vector<VcardCard> back = parse_vcards(card, "out.vcf");
  REQUIRE(back.size() == 1);
  CHECK(back[0].uid == "kada000000000001");
  CHECK(back[0].note == "Met at the Royal Society; wants a demo.\nPrefers email.");
  CHECK(back[0].categories == std::vector<std::string>{"vip", "a,b"});
  CHECK(back[0].addresses[0].street == "12 St James, Square");
}

TEST_CASE("vcard writes 3.0 and companies") {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  crm::Record acme =
      record("company", "id: cacme0000000000a\nname: ACME Inc.\ndomain: acme.example\nphone: +1 555 0100\n");
  crm::VcardWriteOptions v3;
  v3.version = "3.0";
  std::string card3 = crm::write_vcard(acme, schemas.get("company"), {}, v3);
  CHECK(card3.find("VERSION:3.0\r\n") != std::string::npos);
  CHECK(card3.find("X-ABShowAs:COMPANY\r\n") != std::string::npos);
  CHECK(card3.find("N:;;;;\r\n") != std::string::npos);
  CHECK(card3.find("TEL;TYPE=PREF:+1 555 0100\r\n") != std::string::npos);
  CHECK(card3.find("X-CRM-DOMAIN:acme.example\r\n") != std::string::npos);
  std::string card4 = crm::write_vcard(acme, schemas.get("company"), {});
  CHECK(card4.find("KIND:org\r\n") != std::string::npos);
  CHECK(card4.find("ORG:ACME Inc.\r\n") != std::string::npos);
  CHECK(parse_vcards(card3, "x")[0].kind == "org");
  CHECK(parse_vcards(card4, "x")[0].kind == "org");

  // A long CJK name folds on character boundaries.
  std::string long_name;
  for (int i = 0; i < 40; ++i) long_name += "最喜欢的客户";
  crm::Record big = record("contact", "id: kbig000000000001\nname: " + long_name + "\n");
  std::string card = crm::write_vcard(big, schemas.get("contact"), {});
  check_lines(card);
  CHECK(parse_vcards(card, "x")[0].formatted_name == long_name);
}
