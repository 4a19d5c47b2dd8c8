// record: canonical order, validation with positions, typed-in values, JSON.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/dates.hpp"
#include "crm/error.hpp"
#include "crm/record.hpp"
#include "crm/render.hpp"
#include "crm/schema.hpp"
#include "crm/yaml_io.hpp"

using crm::Node;

namespace {

const crm::SchemaSet& schemas() {
  static const crm::SchemaSet s = crm::SchemaSet::builtin();
  return s;
}
const crm::Schema& contact() { return schemas().get("contact"); }
const crm::Schema& deal() { return schemas().get("deal"); }
const crm::Schema& lead() { return schemas().get("lead"); }

crm::Clock test_clock() { return crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:04:05Z")); }

crm::Record record_from(const std::string& type, const std::string& yaml, const std::string& path) {
  crm::Record r;
  r.type = type;
  r.path = path;
  r.data = crm::parse_yaml(yaml, path);
  return r;
}

std::vector<std::string> keys(const Node& map) {
  std::vector<std::string> out;
  for (const auto& e : map.entries) out.push_back(e.first);
  return out;
}

std::vector<std::string> texts(const Node& seq) {
  std::vector<std::string> out;
  for (const Node& n : seq.items) out.push_back(n.text);
  return out;
}

std::string messages(const std::vector<crm::InvalidData>& errors) {
  std::string out;
  for (const auto& e : errors) out += std::string(e.what()) + "\n";
  return out;
}

// parse_field_value's stored text for a scalar field.
std::string typed_in(const crm::Field& f, const char* text) {
  Node n = crm::parse_field_value(f, text, test_clock(), f.name);
  REQUIRE(n.is_scalar());
  return n.text;
}

// The message of the InvalidData parse_field_value throws, or "".
std::string typed_in_error(const crm::Field& f, const char* text) {
  try {
    crm::parse_field_value(f, text, test_clock(), "--" + f.name);
  } catch (const crm::InvalidData& e) {
    return e.what();
  }
  return "";
}

const crm::Field& field(const crm::Schema& s, const char* name) {
  const crm::Field* f = s.field(name);
  REQUIRE_MESSAGE(f != nullptr, "no field ", name);
  return *f;
}

}  // namespace

namespace {
// A record as one line of JSON, as `list --format jsonl` prints it.
std::string record_json(const crm::Record& r, const crm::Schema& s, const std::vector<std::string>* only = nullptr) {
  return crm::dump_json(crm::record_object(r, s, only), -1);
}
}  // namespace

TEST_CASE("record get and find by dotted path") {
  crm::Record r = record_from("contact", "id: abcd\nname: Ada\naddress:\n  city: Paris\ntags: [a]\n", "c.yaml");
  CHECK(r.id() == "abcd");
  CHECK(r.get("name") == "Ada");
  CHECK(r.get("address.city") == "Paris");
  CHECK(r.get("address.country") == "");
  CHECK(r.get("address") == "");
  CHECK(r.get("name.x") == "");
  CHECK(r.get("tags") == "");
  REQUIRE(r.find("tags"));
  CHECK(r.find("tags")->is_sequence());
  CHECK(r.find("nope") == nullptr);
}

TEST_CASE("record canonical_data order: id, schema order, unknown fields, stamps") {
  Node data = Node::map();
  data.set("zebra", Node::scalar("z"));
  data.set("tags", Node::sequence({Node::scalar("vip")}));
  data.set("email", Node::scalar("ada@example.com"));
  data.set("alpha", Node::scalar("a"));
  data.set("name", Node::scalar("Ada"));
  data.set("id", Node::scalar("kada000000000001"));
  data.set("title", Node::scalar(""));  // unset: dropped
  data.set("cadence", Node::scalar("30"));
  data.set("created", Node::scalar("2026-01-01T00:00:00Z"));
  data.set("updated", Node::scalar("2026-01-02T00:00:00Z"));
  Node c = crm::canonical_data(data, contact());
  CHECK(keys(c) ==
        std::vector<std::string>{"id", "name", "email", "tags", "cadence", "zebra", "alpha", "created", "updated"});
  // Typed scalars are marked plain, strings are not.
  CHECK(c.find("cadence")->plain);
  CHECK(c.find("created")->plain);
  CHECK(c.find("updated")->plain);
  CHECK_FALSE(c.find("name")->plain);
  CHECK_FALSE(c.find("id")->plain);

  // Object subfields follow their schema order, unknown subfields after.
  Node addr = Node::map();
  addr.set("zip", Node::scalar("x"));
  addr.set("country", Node::scalar("FR"));
  addr.set("city", Node::scalar("Paris"));
  Node d2 = Node::map();
  d2.set("address", addr);
  d2.set("id", Node::scalar("abcd"));
  Node c2 = crm::canonical_data(d2, contact());
  CHECK(keys(c2) == std::vector<std::string>{"id", "address"});
  CHECK(keys(*c2.find("address")) == std::vector<std::string>{"city", "country", "zip"});
}

TEST_CASE("record canonical_data keeps a field added after the stamps where it is") {
  // Stamps and unknown fields keep their file order, so a later write changes
  // no other line (the .cpp's documented choice).
  crm::Record r = record_from("contact",
                              "id: abcd\nname: Ada\ncreated: 2026-01-01T00:00:00Z\nupdated: "
                              "2026-01-02T00:00:00Z\nnickname: Countess\n",
                              "c.yaml");
  CHECK(keys(crm::canonical_data(r.data, contact())) ==
        std::vector<std::string>{"id", "name", "created", "updated", "nickname"});
}

TEST_CASE("record serialize_record writes exact canonical bytes") {
  crm::Record r = record_from("contact",
                              "updated: 2026-01-02T00:00:00Z\n"
                              "notes: \"line 1\\nline 2\\n\"\n"
                              "phone: '0123456789'\n"
                              "do_not_contact: true\n"
                              "name: \"Ada\"\n"
                              "id: kada000000000001\n"
                              "birthday: 1815-12-10\n"
                              "tags: [no, vip]\n"
                              "address: {country: UK, city: London}\n"
                              "created: 2026-01-01T00:00:00Z\n",
                              "contacts/kada000000000001.yaml");
  const std::string expected =
      "id: kada000000000001\n"
      "name: Ada\n"
      "phone: \"0123456789\"\n"
      "address:\n"
      "  city: London\n"
      "  country: UK\n"
      "tags:\n"
      "  - \"no\"\n"
      "  - vip\n"
      "do_not_contact: true\n"
      "birthday: 1815-12-10\n"
      "notes: |\n"
      "  line 1\n"
      "  line 2\n"
      "updated: 2026-01-02T00:00:00Z\n"
      "created: 2026-01-01T00:00:00Z\n";
  CHECK(crm::serialize_record(r, contact()) == expected);
  // Stable: serializing what was written gives the same bytes.
  crm::Record again = record_from("contact", expected, "contacts/kada000000000001.yaml");
  CHECK(crm::serialize_record(again, contact()) == expected);
}

TEST_CASE("record money keeps its places and is written plain") {
  crm::Record r =
      record_from("deal", "id: dabc\nname: Big\namount: \"12000.50\"\nprobability: 50\n", "deals/dabc.yaml");
  CHECK(crm::serialize_record(r, deal()) == "id: dabc\nname: Big\namount: 12000.50\nprobability: 50\n");
}

TEST_CASE("record validate_record accepts a good record") {
  crm::Record r = record_from("contact",
                              "id: kada000000000001\nname: Ada\nemail: ada@example.com\ncadence: 30\n"
                              "do_not_contact: false\nbirthday: 1815-12-10\ntags: [a, b]\n"
                              "phones:\n  - {number: \"+44 1\", kind: mobile}\n"
                              "address: {city: London}\ncompany: cacme0000000000a\n"
                              "created: 2026-01-01T00:00:00Z\nupdated: 2026-01-02T00:00:00Z\n",
                              "contacts/kada000000000001.yaml");
  CHECK(messages(crm::validate_record(r, contact())) == "");
}

TEST_CASE("record validate_record names file, line, column and field") {
  crm::Record r = record_from("contact",
                              "id: kada000000000001\n"            // 1
                              "email: not-an-email\n"             // 2
                              "cadence: often\n"                  // 3
                              "lifecycle: boss\n"                 // 4
                              "do_not_contact: yes\n"             // 5
                              "birthday: 2024-02-30\n"            // 6
                              "tags: vip\n"                       // 7
                              "address: Paris\n"                  // 8
                              "company: Acme Corp\n"              // 9
                              "phones:\n"                         // 10
                              "  - {kind: mobile}\n"              // 11
                              "emails: [ok@example.com, nope]\n"  // 12
                              "created: yesterday\n",             // 13
                              "contacts/kada000000000001.yaml");
  const std::string f = "contacts/kada000000000001.yaml:";
  CHECK(messages(crm::validate_record(r, contact())) ==
        f + "1:1: name: is required\n" +                                    //
            f + "2:8: email: \"not-an-email\" is not an email address\n" +  //
            f + "12:26: emails: \"nope\" is not an email address\n" +       //
            f + "11:5: phones.number: is required\n" +                      //
            f + "9:10: company: \"Acme Corp\" is not a record id\n" +       //
            f + "8:10: address: expected a map of street, city, region, postal_code, country\n" + f +
            "7:7: tags: expected a list\n" +  //
            f +
            "4:12: lifecycle: \"boss\" is not one of subscriber, lead, mql, sql, opportunity, "
            "customer, "
            "evangelist, other\n" +
            f + "5:17: do_not_contact: \"yes\" is not true or false\n" +                                    //
            f + "6:11: birthday: \"2024-02-30\" is not a date (YYYY-MM-DD)\n" +                             //
            f + "3:10: cadence: \"often\" is not a whole number (digits, no leading zero, at most 18)\n" +  //
            f + "13:10: created: \"yesterday\" is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)\n");
  auto errors = crm::validate_record(r, contact());
  REQUIRE(errors.size() >= 2);
  CHECK(errors[1].where().file == "contacts/kada000000000001.yaml");
  CHECK(errors[1].where().line == 2);
  CHECK(errors[1].where().column == 8);
  CHECK(errors[1].where().field == "email");
  CHECK(errors[1].message() == "\"not-an-email\" is not an email address");
}

TEST_CASE("record validate_record on ids and shapes") {
  CHECK(messages(crm::validate_record(record_from("contact", "name: Ada\n", "c.yaml"), contact())) ==
        "c.yaml:1:1: id: is missing\n");
  CHECK(messages(crm::validate_record(record_from("contact", "id: ../etc\nname: Ada\n", "c.yaml"), contact())) ==
        "c.yaml:1:5: id: \"../etc\" is not a record id\n");
  CHECK(messages(crm::validate_record(record_from("contact", "- a\n", "c.yaml"), contact())) ==
        "c.yaml:1:1: a record is a map of fields\n");
  // Terminal escapes in a bad value are shown escaped.
  CHECK(messages(crm::validate_record(record_from("contact", "id: abcd\nname: A\nemail: \"\\e[31m\"\n", "c.yaml"),
                                      contact())) == "c.yaml:3:8: email: \"\\x1b[31m\" is not an email address\n");
}

TEST_CASE("record a required field left empty is reported on its own line" * doctest::skip()) {
  // BUG (minor): an empty value takes the position of the next token, so
  // "name:" on line 2 is reported as "c.yaml:3:1: name: is required" (the
  // email line). Expected line 2.
  crm::Record r = record_from("contact", "id: abcd\nname:\nemail: a@b.co\n", "c.yaml");
  auto errors = crm::validate_record(r, contact());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where().line == 2);
}

TEST_CASE("record check_scalar per type") {
  crm::Field f;
  f.name = "x";
  auto with = [&](crm::FieldType t) {
    f.type = t;
    return f;
  };
  CHECK(crm::check_scalar(with(crm::FieldType::String), "one line") == "");
  CHECK(crm::check_scalar(with(crm::FieldType::String), "a\nb") == "is a single line (use a text field for several)");
  CHECK(crm::check_scalar(with(crm::FieldType::String), "a\rb") == "is a single line (use a text field for several)");
  CHECK(crm::check_scalar(with(crm::FieldType::Text), "a\nb\n") == "");

  f = with(crm::FieldType::Email);
  CHECK(crm::check_scalar(f, "ada@example.com") == "");
  CHECK(crm::check_scalar(f, "a.b+c@mail.example.co.uk") == "");
  for (const char* bad : {"a@b", "@b.c", "a b@c.d", "a@@b.c", "a@b..c", "a@.b.c", "a@b.c.", "a@b,c.d", "plain", ""}) {
    CAPTURE(bad);
    CHECK(crm::check_scalar(f, bad) == "\"" + std::string(bad) + "\" is not an email address");
  }

  f = with(crm::FieldType::Phone);
  CHECK(crm::check_scalar(f, "+44 20 7946 0958") == "");
  CHECK(crm::check_scalar(f, "(555) 123-4567 ext. 8") == "");
  CHECK(crm::check_scalar(f, "12") == "\"12\" is not a phone number");
  CHECK(crm::check_scalar(f, "call me") == "\"call me\" is not a phone number");

  f = with(crm::FieldType::Url);
  CHECK(crm::check_scalar(f, "https://example.com/x") == "");
  CHECK(crm::check_scalar(f, "example.com") == "");
  CHECK(crm::check_scalar(f, "not a url") == "\"not a url\" is not a URL");

  f = with(crm::FieldType::Date);
  CHECK(crm::check_scalar(f, "2024-02-29") == "");
  CHECK(crm::check_scalar(f, "2024-1-5") == "\"2024-1-5\" is not a date (YYYY-MM-DD)");
  CHECK(crm::check_scalar(f, "tomorrow") == "\"tomorrow\" is not a date (YYYY-MM-DD)");

  f = with(crm::FieldType::Datetime);
  CHECK(crm::check_scalar(f, "2026-11-23T10:00:00Z") == "");
  CHECK(crm::check_scalar(f, "2026-11-23") == "\"2026-11-23\" is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)");

  f = with(crm::FieldType::When);
  CHECK(crm::check_scalar(f, "2026-11-23") == "");
  CHECK(crm::check_scalar(f, "2026-11-23T10:00:00Z") == "");
  CHECK(crm::check_scalar(f, "soon") == "\"soon\" is not a date or timestamp");

  for (auto t : {crm::FieldType::Money, crm::FieldType::Decimal}) {
    f = with(t);
    CHECK(crm::check_scalar(f, "12.50") == "");
    CHECK(crm::check_scalar(f, "-3") == "");
    CHECK(crm::check_scalar(f, "12,500.50") == "\"12,500.50\" is not a number");
    CHECK(crm::check_scalar(f, "1e3") == "\"1e3\" is not a number");
  }

  f = with(crm::FieldType::Integer);
  CHECK(crm::check_scalar(f, "42") == "");
  CHECK(crm::check_scalar(f, "-3") == "");
  CHECK(crm::check_scalar(f, "4.5") == "\"4.5\" is not a whole number (digits, no leading zero, at most 18)");
  CHECK(crm::check_scalar(f, "") == "\"\" is not a whole number (digits, no leading zero, at most 18)");
  CHECK(crm::check_scalar(f, "-") == "\"-\" is not a whole number (digits, no leading zero, at most 18)");
  CHECK(crm::check_scalar(f, "1_000") == "\"1_000\" is not a whole number (digits, no leading zero, at most 18)");

  f = with(crm::FieldType::Bool);
  CHECK(crm::check_scalar(f, "true") == "");
  CHECK(crm::check_scalar(f, "false") == "");
  CHECK(crm::check_scalar(f, "yes") == "\"yes\" is not true or false");
  CHECK(crm::check_scalar(f, "True") == "\"True\" is not true or false");

  f = with(crm::FieldType::Enum);
  f.values = {"gold", "silver"};
  CHECK(crm::check_scalar(f, "gold") == "");
  CHECK(crm::check_scalar(f, "Gold") == "\"Gold\" is not one of gold, silver; did you mean \"gold\"?");

  f = with(crm::FieldType::Ref);
  CHECK(crm::check_scalar(f, "cacme0000000000a") == "");
  CHECK(crm::check_scalar(f, "Acme") == "\"Acme\" is not a record id");
}

TEST_CASE("record integer fields refuse leading zeros or write them as numbers") {
  // Regression (fixed): check_scalar accepts "0123" for an integer field, the writer then marks
  // it typed and writes it plain (`cadence: 0123`, octal 83 to YAML 1.1
  // readers), and record_json emits `"cadence":0123`, which is not JSON.
  crm::Field f;
  f.name = "cadence";
  f.type = crm::FieldType::Integer;
  CHECK(crm::check_scalar(f, "0123") != "");
  crm::Record r = record_from("contact", "id: abcd\nname: A\ncadence: \"0123\"\n", "c.yaml");
  CHECK(record_json(r, contact()).find("0123,") == std::string::npos);
  CHECK(record_json(r, contact()).find(":0123") == std::string::npos);
}

TEST_CASE("record parse_field_value resolves and normalises what a user types") {
  const crm::Schema& c = contact();
  // Dates resolved against the clock (2026-11-23, a Monday), written plain.
  CHECK(typed_in(field(c, "birthday"), "tomorrow") == "2026-11-24");
  CHECK(typed_in(field(c, "follow_up"), "fri") == "2026-11-27");
  CHECK(typed_in(field(c, "follow_up"), "+1m") == "2026-12-23");
  CHECK(typed_in(field(c, "follow_up"), " 2024-02-29 ") == "2024-02-29");
  CHECK(crm::parse_field_value(field(c, "birthday"), "today", test_clock(), "birthday").plain);
  CHECK(typed_in_error(field(c, "birthday"), "2024-1-5") ==
        "--birthday: \"2024-1-5\" is not a date (YYYY-MM-DD, today, +3d, fri, eom…)");
  const crm::Schema& task = schemas().get("task");
  CHECK(typed_in(field(task, "due"), "fri") == "2026-11-27");
  CHECK(typed_in(field(task, "due"), "fri 9:30") == "2026-11-27T09:30:00Z");
  CHECK(typed_in(field(task, "completed_at"), "tomorrow 14:00") == "2026-11-24T14:00:00Z");
  CHECK(typed_in(field(task, "completed_at"), "now") == "2026-11-23T10:04:05Z");
  CHECK(typed_in_error(field(task, "due"), "someday") ==
        "--due: \"someday\" is not a date or time (2026-11-23T14:00Z, tomorrow 14:00…)");

  // Bools.
  for (const char* yes : {"yes", "Y", "true", "TRUE", "on", "1"})
    CHECK(typed_in(field(c, "do_not_contact"), yes) == "true");
  for (const char* no : {"no", "N", "false", "Off", "0"}) CHECK(typed_in(field(c, "do_not_contact"), no) == "false");
  CHECK(typed_in_error(field(c, "do_not_contact"), "maybe") == "--do_not_contact: \"maybe\" is not true or false");

  // Enums, case-insensitively, stored as declared.
  CHECK(typed_in(field(c, "lifecycle"), "LEAD") == "lead");
  CHECK(typed_in(field(c, "lifecycle"), "Customer") == "customer");
  CHECK_FALSE(crm::parse_field_value(field(c, "lifecycle"), "lead", test_clock(), "x").plain);
  CHECK(typed_in_error(field(c, "lifecycle"), "boss") ==
        "--lifecycle: \"boss\" is not one of subscriber, lead, mql, sql, opportunity, customer, "
        "evangelist, other");

  // Integers lose leading zeros (a user types 007; a file never holds it).
  CHECK(typed_in(field(c, "cadence"), "0123") == "123");
  CHECK(typed_in(field(lead(), "score"), "-007") == "-7");
  CHECK(typed_in(field(c, "cadence"), " 42 ") == "42");
  CHECK(typed_in_error(field(c, "cadence"), "4.5") ==
        "--cadence: \"4.5\" is not a whole number (digits, no leading zero, at most 18)");

  // Money keeps the places the user wrote, drops signs and leading zeros.
  const crm::Field& amount = field(deal(), "amount");
  CHECK(typed_in(amount, "12000.50") == "12000.50");
  CHECK(typed_in(amount, "12000") == "12000");
  CHECK(typed_in(amount, "12000.00") == "12000.00");
  CHECK(typed_in(amount, "+5") == "5");
  CHECK(typed_in(amount, ".5") == "0.5");
  CHECK(typed_in(amount, "0012.50") == "12.50");
  CHECK(typed_in(amount, "-0.50") == "-0.50");
  CHECK(crm::parse_field_value(amount, "1", test_clock(), "x").plain);
  CHECK(typed_in_error(amount, "12,500.50") == "--amount: \"12,500.50\" is not a number");

  // Strings are trimmed and single-line, text is kept verbatim.
  CHECK(typed_in(field(c, "name"), "  Ada Lovelace ") == "Ada Lovelace");
  CHECK_FALSE(crm::parse_field_value(field(c, "name"), "no", test_clock(), "x").plain);
  CHECK(typed_in_error(field(c, "name"), "a\nb") == "--name: is a single line (use a text field for several)");
  CHECK(typed_in(field(c, "notes"), "  indented\nsecond\n") == "  indented\nsecond\n");
  CHECK(typed_in_error(field(c, "email"), "nope") == "--email: \"nope\" is not an email address");

  // References are left as typed: the store resolves them.
  CHECK(typed_in(field(c, "company"), " Acme Corp ") == "Acme Corp");
}

TEST_CASE("record parse_field_value of an integer too large for 64 bits is InvalidData") {
  // Regression (fixed): valid_integer accepts up to 19 digits, then std::stoll throws
  // std::out_of_range (not a crm::Error) on "9999999999999999999": main's
  // catch of crm::Error misses it. Expected an InvalidData naming the field.
  CHECK_THROWS_AS(crm::parse_field_value(field(contact(), "cadence"), "9999999999999999999", test_clock(), "cadence"),
                  crm::InvalidData);
}

TEST_CASE("record parse_field_value of lists and objects") {
  const crm::Schema& c = contact();
  const crm::Field& tags = field(c, "tags");
  Node comma = crm::parse_field_value(tags, "a, b", test_clock(), "tags");
  REQUIRE(comma.is_sequence());
  CHECK(texts(comma) == std::vector<std::string>{"a", "b"});
  CHECK(texts(crm::parse_field_value(tags, " a,, b ,", test_clock(), "tags")) == std::vector<std::string>{"a", "b"});
  Node flow = crm::parse_field_value(tags, "[a, b]", test_clock(), "tags");
  REQUIRE(flow.is_sequence());
  CHECK(texts(flow) == std::vector<std::string>{"a", "b"});
  CHECK(flow.items[0].line == 0);  // no positions from the command line
  Node tricky = crm::parse_field_value(tags, "[no, \"0123\", 'x, y']", test_clock(), "tags");
  CHECK(texts(tricky) == std::vector<std::string>{"no", "0123", "x, y"});
  CHECK_FALSE(tricky.items[0].plain);
  Node empty = crm::parse_field_value(tags, "  ", test_clock(), "tags");
  CHECK(empty.is_sequence());
  CHECK(empty.items.empty());

  const crm::Field& emails = field(c, "emails");
  CHECK(texts(crm::parse_field_value(emails, "a@x.com, b@y.org", test_clock(), "emails")) ==
        std::vector<std::string>{"a@x.com", "b@y.org"});
  CHECK_THROWS_AS(crm::parse_field_value(emails, "a@x.com, nope", test_clock(), "emails"), crm::InvalidData);
  CHECK_THROWS_AS(crm::parse_field_value(tags, "[a, b", test_clock(), "tags"), crm::InvalidData);
  CHECK_THROWS_AS(crm::parse_field_value(tags, "[a, &x b]", test_clock(), "tags"), crm::InvalidData);

  const crm::Field& contacts = field(deal(), "contacts");
  CHECK(texts(crm::parse_field_value(contacts, "Ada Lovelace, kbob", test_clock(), "contacts")) ==
        std::vector<std::string>{"Ada Lovelace", "kbob"});

  const crm::Field& address = field(c, "address");
  Node obj = crm::parse_field_value(address, "{country: France, city: Paris}", test_clock(), "address");
  REQUIRE(obj.is_map());
  CHECK(keys(obj) == std::vector<std::string>{"city", "country"});
  CHECK(obj.get("city") == "Paris");
  CHECK(obj.get("country") == "France");
  try {
    crm::parse_field_value(address, "Paris", test_clock(), "--address");
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(std::string(e.what()) == "--address: expected a map like {city: Paris}");
  }
  CHECK_THROWS_AS(crm::parse_field_value(address, "{city: [a, b]}", test_clock(), "address"), crm::InvalidData);
}

TEST_CASE("record record_json types values by their fields") {
  crm::Record r = record_from("contact",
                              "id: kada000000000001\n"
                              "name: Ada \"the Countess\"\n"
                              "cadence: 30\n"
                              "do_not_contact: true\n"
                              "birthday: 1815-12-10\n"
                              "tags: [a, b]\n"
                              "address: {city: Paris}\n"
                              "age: 38\n"
                              "age_text: \"38\"\n"
                              "flag: yes\n"
                              "nothing: null\n"
                              "created: 2026-01-01T00:00:00Z\n",
                              "c.yaml");
  CHECK(record_json(r, contact()) ==
        "{\"id\":\"kada000000000001\",\"type\":\"contact\",\"name\":\"Ada \\\"the Countess\\\"\","
        "\"address\":{\"city\":\"Paris\"},\"tags\":[\"a\",\"b\"],\"do_not_contact\":true,"
        "\"birthday\":\"1815-12-10\",\"cadence\":30,\"age\":38,\"age_text\":\"38\",\"flag\":\"yes\","
        "\"nothing\":null,\"created\":\"2026-01-01T00:00:00Z\"}");
  std::vector<std::string> only = {"name", "cadence"};
  CHECK(record_json(r, contact(), &only) ==
        "{\"id\":\"kada000000000001\",\"type\":\"contact\",\"name\":\"Ada \\\"the "
        "Countess\\\"\",\"cadence\":30}");

  crm::Record d = record_from("deal", "id: dabc\nname: Big\namount: \"012000.50\"\nprobability: 50\n", "d.yaml");
  CHECK(record_json(d, deal()) ==
        "{\"id\":\"dabc\",\"type\":\"deal\",\"name\":\"Big\",\"amount\":12000.5,\"probability\":50}");
  // A value that breaks its type is shown as the text it is.
  crm::Record bad = record_from("deal", "id: dabc\nname: Big\namount: lots\n", "d.yaml");
  CHECK(record_json(bad, deal()) == "{\"id\":\"dabc\",\"type\":\"deal\",\"name\":\"Big\",\"amount\":\"lots\"}");
}

TEST_CASE("record untyped values in JSON: escaped strings, plain scalars typed") {
  auto json = [](const Node& n) { return crm::dump_json(crm::json_of_node(n), -1); };
  CHECK(json(Node::scalar("a\"b\\c\n\x01\u2028")) == "\"a\\\"b\\\\c\\n\\u0001\\u2028\"");
  CHECK(json(Node::scalar("38", true)) == "38");
  CHECK(json(Node::scalar("38", false)) == "\"38\"");
  CHECK(json(Node::scalar("0123", true)) == "\"0123\"");
  CHECK(json(Node::scalar("True", true)) == "true");
  CHECK(json(Node()) == "null");
}

TEST_CASE("record JSON indents by two") {
  crm::Json j = crm::Json::object();
  j["a"] = crm::exact_number("1");
  j["b"] = crm::Json::array({crm::exact_number("1"), crm::exact_number("2")});
  j["c"] = crm::Json::object();
  j["d"] = crm::Json::array();
  j["e"] = "x,{y}:[\"z\"]";
  CHECK(crm::dump_json(j) ==
        "{\n"
        "  \"a\": 1,\n"
        "  \"b\": [\n"
        "    1,\n"
        "    2\n"
        "  ],\n"
        "  \"c\": {},\n"
        "  \"d\": [],\n"
        "  \"e\": \"x,{y}:[\\\"z\\\"]\"\n"
        "}");
  CHECK(crm::dump_json(crm::Json::array()) == "[]");
  CHECK(crm::dump_json(crm::Json::array({crm::Json{{"a", "\\"}}})) == "[\n  {\n    \"a\": \"\\\\\"\n  }\n]");
}

TEST_CASE("record a value typed in with a control character is refused, naming the field") {
  const crm::Schema& c = contact();
  CHECK(typed_in_error(field(c, "name"), "Boss\x1b[31mRED") ==
        "--name: \"Boss\\x1b[31mRED\" holds the control character U+001B (tabs and line breaks only go in text "
        "fields)");
  CHECK(typed_in_error(field(c, "title"), "a\tb") ==
        "--title: \"a\\tb\" holds the control character U+0009 (tabs and line breaks only go in text fields)");
  CHECK(typed_in_error(field(c, "website"), "x.example/\xC2\x9B") ==
        "--website: \"x.example/\\u009b\" holds the control character U+009B (tabs and line breaks only go in text "
        "fields)");
  CHECK(typed_in_error(field(c, "tags"), "ok,b\ad") ==
        "--tags: \"b\\x07d\" holds the control character U+0007 (tabs and line breaks only go in text fields)");
  // Text takes tabs and line breaks; Windows line ends become LF; other controls are refused.
  CHECK(typed_in(field(c, "notes"), "a\tb\r\nc\rd") == "a\tb\nc\nd");
  CHECK(typed_in_error(field(c, "notes"), "bell\a") == "--notes: \"bell\\x07\" holds the control character U+0007");
}

TEST_CASE("record ranges and durations are checked where a value is typed") {
  CHECK(typed_in(field(deal(), "probability"), "100") == "100");
  CHECK(typed_in(field(deal(), "probability"), "0") == "0");
  // A user may type 007: it is stored as 7 (a file never holds a leading zero).
  CHECK(typed_in(field(deal(), "probability"), "007") == "7");
  CHECK(typed_in_error(field(deal(), "probability"), "101") ==
        "--probability: \"101\" is out of range (from 0 to 100)");
  CHECK(typed_in_error(field(deal(), "probability"), "-1") == "--probability: \"-1\" is out of range (from 0 to 100)");
  CHECK(typed_in_error(field(contact(), "cadence"), "99999999999") ==
        "--cadence: \"99999999999\" is out of range (from 1 to 3650)");
  CHECK(typed_in_error(field(contact(), "cadence"), "0") == "--cadence: \"0\" is out of range (from 1 to 3650)");
  const crm::Field& duration = field(schemas().get("activity"), "duration");
  CHECK(typed_in(duration, " 1h30m ") == "1h30m");
  CHECK(typed_in(duration, "90") == "90");
  for (const char* bad : {"banana", "-5m", "0m", "400d"}) {
    CAPTURE(bad);
    CHECK(typed_in_error(duration, bad).find("is not a duration") != std::string::npos);
  }
}

TEST_CASE("record check_written_values: what a write refuses, a read tolerates") {
  crm::Record r = record_from("contact",
                              "id: kada000000000001\nname: \"Ada\\e[2J\"\naddress: {city: \"Lon\\tdon\"}\n"
                              "tags: [ok, \"b\\x07\"]\ncadence: 99999\nnotes: \"tab\\there\\nand a line\"\n"
                              "x_note: \"fine\\tand\\nfine\"\nx_bad: \"\\x1b]0;title\\x07\"\n",
                              "contacts/kada000000000001.yaml");
  CHECK(crm::validate_record(r, contact()).empty());  // readable: these are not load errors
  CHECK(messages(crm::check_written_values(r, contact())) ==
        "contacts/kada000000000001.yaml:2:7: name: \"Ada\\x1b[2J\" holds the control character U+001B (tabs and "
        "line breaks only go in text fields)\n"
        "contacts/kada000000000001.yaml:3:17: address.city: \"Lon\\tdon\" holds the control character U+0009 (tabs "
        "and line breaks only go in text fields)\n"
        "contacts/kada000000000001.yaml:4:12: tags: \"b\\x07\" holds the control character U+0007 (tabs and line "
        "breaks only go in text fields)\n"
        "contacts/kada000000000001.yaml:5:10: cadence: \"99999\" is out of range (from 1 to 3650)\n"
        "contacts/kada000000000001.yaml:8:8: x_bad: \"\\x1b]0;title\\x07\" holds the control character U+001B\n");
  crm::Record activity = record_from("activity", "id: aaaa1111\nduration: banana\n", "activities/aaaa1111.yaml");
  CHECK(messages(crm::check_written_values(activity, schemas().get("activity"))) ==
        "activities/aaaa1111.yaml:2:11: duration: \"banana\" is not a duration (30m, 1h15m, 90 for minutes, 1:30; "
        "more than 0, at most 366 days)\n");
}
