// filter: every operator of the `list` filter language on one hand-built contact.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/yaml_io.hpp"

namespace {

const crm::SchemaSet& schemas() {
  static const crm::SchemaSet s = crm::SchemaSet::builtin();
  return s;
}

crm::Clock test_clock() {  // Monday 2026-11-23
  return crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:04:05Z"));
}

crm::Record ada() {
  crm::Record r;
  r.type = "contact";
  r.path = "contacts/kada000000000001.yaml";
  r.data = crm::parse_yaml(
      "id: kada000000000001\n"
      "name: Ada Lovelace\n"
      "email: ada@example.com\n"
      "phone: \"+44 20 7946 0958\"\n"
      "company: cacme0000000000a\n"
      "address: {city: London, country: UK}\n"
      "tags: [vip, math]\n"
      "lifecycle: customer\n"
      "do_not_contact: false\n"
      "birthday: 1815-12-10\n"
      "follow_up: 2026-11-20\n"
      "cadence: 30\n"
      "created: 2026-01-15T10:00:00Z\n"
      "updated: 2026-11-01T09:00:00Z\n",
      r.path);
  return r;
}

std::string acme_name(const std::string& id) { return id == "cacme0000000000a" ? "Acme Corporation" : ""; }

bool matches(const std::vector<std::string>& args, const crm::NameOf& name_of = acme_name) {
  crm::Filter f = crm::parse_filter(args, schemas().get("contact"), test_clock());
  return f.matches(ada(), name_of);
}

bool m1(const char* arg) { return matches({arg}); }

}  // namespace

TEST_CASE("filter equality and inequality on text, case-insensitively") {
  CHECK(m1("name=Ada Lovelace"));
  CHECK(m1("name=ada lovelace"));
  CHECK(m1("name=ADA LOVELACE"));
  CHECK_FALSE(m1("name=Ada"));
  CHECK(m1("name!=Ada"));
  CHECK_FALSE(m1("name!=ada lovelace"));
  CHECK(m1("lifecycle=CUSTOMER"));
  CHECK(m1("do_not_contact=false"));
  CHECK_FALSE(m1("do_not_contact=true"));
  CHECK(m1("do_not_contact=no"));  // as a write takes a bool
  CHECK(m1("do_not_contact!=yes"));
  CHECK_THROWS_AS(m1("do_not_contact=maybe"), crm::UsageError);  // not a silent "no match"
  CHECK(m1("email=ADA@example.com"));
}

TEST_CASE("filter contains") {
  CHECK(m1("name~love"));
  CHECK(m1("name~LOVE"));
  CHECK_FALSE(m1("name~xyz"));
  CHECK(m1("email~@example"));
  CHECK(m1("phone~7946"));
  CHECK(m1("cadence~3"));  // numbers contain text too
}

TEST_CASE("filter set and unset fields") {
  CHECK_FALSE(m1("email="));
  CHECK(m1("email!="));
  CHECK(m1("title="));
  CHECK_FALSE(m1("title!="));
  CHECK(m1("tags!="));
  CHECK_FALSE(m1("tags="));
  CHECK(m1("emails="));
}

TEST_CASE("filter tags") {
  CHECK(m1("+vip"));
  CHECK(m1("+VIP"));
  CHECK(m1("+math"));
  CHECK_FALSE(m1("+vi"));
  CHECK_FALSE(m1("+nope"));
  CHECK(m1("tag=vip"));
  CHECK(m1("tags=math"));
  CHECK_FALSE(m1("tag!=vip"));
  CHECK(m1("tag!=other"));
  CHECK(m1("tag~at"));
}

TEST_CASE("filter numbers compare as exact decimals") {
  CHECK(m1("cadence>20"));
  CHECK_FALSE(m1("cadence>30"));
  CHECK(m1("cadence>=30"));
  CHECK(m1("cadence<30.5"));
  CHECK_FALSE(m1("cadence<=29"));
  CHECK(m1("cadence<=30"));
  CHECK(m1("cadence=30.0"));
  CHECK_FALSE(m1("cadence!=30"));
  CHECK(m1("cadence>9"));  // not as text: "30" < "9"
  CHECK_FALSE(m1("cadence<9"));
}

TEST_CASE("filter dates, absolute and relative to the clock") {
  CHECK(m1("follow_up<today"));
  CHECK_FALSE(m1("follow_up>=today"));
  CHECK(m1("follow_up>-1w"));
  CHECK_FALSE(m1("follow_up>-3d"));
  CHECK(m1("follow_up=2026-11-20"));
  CHECK(m1("follow_up<=2026-11-20"));
  CHECK_FALSE(m1("follow_up>=fri"));
  CHECK(m1("follow_up<eom"));
  CHECK(m1("birthday<1900-01-01"));
  CHECK_FALSE(m1("birthday>1900-01-01"));
  // created/updated are timestamps: a date compares by day.
  CHECK(m1("created>2026-01-01"));
  CHECK(m1("created=2026-01-15"));
  CHECK_FALSE(m1("created<2026-01-15"));
  CHECK(m1("created>=2026-01-15"));
  CHECK(m1("created>2026-01-15T09:00Z"));
  CHECK_FALSE(m1("created>2026-01-15T11:00Z"));
  CHECK(m1("updated>-30d"));
  CHECK_FALSE(m1("updated>-7d"));
  CHECK(m1("follow_up>2026-09-30"));
}

TEST_CASE("filter object fields and full-text words") {
  CHECK(m1("address.city=london"));
  CHECK(m1("address.city~lon"));
  CHECK_FALSE(m1("address.city=Paris"));
  CHECK(m1("address~UK"));
  CHECK(m1("lovelace"));
  CHECK(m1("LONDON"));
  CHECK(m1("kada"));
  CHECK(m1("2026-11-20"));
  CHECK_FALSE(m1("2026-01-15"));  // stamps are not full text
  CHECK_FALSE(m1("nobody"));
  CHECK_FALSE(m1("Name=Ada"));  // a capital is no field name: a full-text word, found nowhere
}

TEST_CASE("filter terms AND, or groups OR") {
  CHECK(matches({"+vip", "name~ada"}));
  CHECK_FALSE(matches({"+vip", "name=Bob"}));
  CHECK(matches({"name=Bob", "or", "+vip"}));
  CHECK(matches({"name=Bob", "OR", "+vip"}));
  CHECK_FALSE(matches({"name=Bob", "or", "+nope"}));
  CHECK(matches({"name=Bob", "+vip", "or", "cadence=30", "+math"}));
  CHECK_FALSE(matches({"name=Bob", "+vip", "or", "cadence=31", "+math"}));
  CHECK(matches({}));
  crm::Filter empty = crm::parse_filter({}, schemas().get("contact"), test_clock());
  CHECK(empty.empty());
  crm::Filter f = crm::parse_filter({"a", "b", "or", "c"}, schemas().get("contact"), test_clock());
  REQUIRE(f.groups().size() == 2);
  CHECK(f.groups()[0].size() == 2);
  CHECK(f.groups()[1].size() == 1);
  CHECK_THROWS_AS(matches({"or", "+vip"}), crm::UsageError);
  CHECK_THROWS_AS(matches({"+vip", "or"}), crm::UsageError);
  CHECK_THROWS_AS(matches({"+vip", "or", "or", "+math"}), crm::UsageError);
}

TEST_CASE("filter references match by id, prefix or name") {
  CHECK(m1("company=cacme0000000000a"));
  CHECK(m1("company=cacm"));
  CHECK_FALSE(m1("company=cac"));
  CHECK(m1("company=Acme Corporation"));
  CHECK(m1("company=acme corporation"));
  CHECK_FALSE(m1("company=Globex"));
  CHECK(m1("company~acme"));
  CHECK_FALSE(m1("company!=Acme Corporation"));
  CHECK(m1("company!=Globex"));
  // Without a way to name records, only ids match.
  CHECK_FALSE(matches({"company=Acme Corporation"}, {}));
  CHECK(matches({"company=cacme0000000000a"}, {}));

  crm::Record d;
  d.type = "deal";
  d.data = crm::parse_yaml("id: dabc\nname: Big\ncontacts: [kada000000000001, kbob000000000002]\namount: 12000.50\n",
                           "d.yaml");
  auto names = [](const std::string& id) {
    return id == "kada000000000001" ? std::string("Ada Lovelace") : std::string("Bob");
  };
  const crm::Schema& deal = schemas().get("deal");
  CHECK(crm::parse_filter({"contacts=Bob"}, deal, test_clock()).matches(d, names));
  CHECK(crm::parse_filter({"contacts=ada lovelace"}, deal, test_clock()).matches(d, names));
  CHECK_FALSE(crm::parse_filter({"contacts=Carol"}, deal, test_clock()).matches(d, names));
  CHECK(crm::parse_filter({"amount>10000"}, deal, test_clock()).matches(d, names));
  CHECK(crm::parse_filter({"amount=12000.5"}, deal, test_clock()).matches(d, names));
  CHECK_FALSE(crm::parse_filter({"amount<12000.50"}, deal, test_clock()).matches(d, names));
}

TEST_CASE("filter id and parsed terms") {
  CHECK(m1("id=kada000000000001"));
  CHECK(m1("id~kada"));
  CHECK_FALSE(m1("id=kbob000000000002"));
  crm::Filter f = crm::parse_filter({"cadence>=30"}, schemas().get("contact"), test_clock());
  const crm::Term& t = f.groups()[0][0];
  CHECK(t.op == crm::Term::Op::Ge);
  CHECK(t.field == "cadence");
  CHECK(t.value == "30");
  REQUIRE(t.number);
  CHECK(t.number->str() == "30");
  CHECK(t.def == schemas().get("contact").field("cadence"));
  crm::Filter g = crm::parse_filter({"follow_up<tomorrow"}, schemas().get("contact"), test_clock());
  REQUIRE(g.groups()[0][0].date);
  CHECK(g.groups()[0][0].date->str() == "2026-11-24");
}

TEST_CASE("filter errors are UsageError") {
  const crm::Schema& c = schemas().get("contact");
  CHECK_THROWS_AS(crm::parse_filter({"nope=1"}, c, test_clock()), crm::UsageError);
  CHECK_THROWS_AS(crm::parse_filter({"address.zip=1"}, c, test_clock()), crm::UsageError);
  CHECK_THROWS_AS(crm::parse_filter({"name.first=x"}, c, test_clock()), crm::UsageError);
  try {
    crm::parse_filter({"nope=1"}, c, test_clock());
    FAIL("no exception");
  } catch (const crm::UsageError& e) {
    CHECK(std::string(e.what()).find("unknown field \"nope\" for contact (fields: name, first_name,") == 0);
    CHECK(e.exit_code() == crm::kExitUsage);
  }
  CHECK_THROWS_WITH_AS(crm::parse_filter({"birthday>soon"}, c, test_clock()), "\"soon\" is not a date (birthday)",
                       crm::UsageError);
  CHECK_THROWS_WITH_AS(crm::parse_filter({"cadence>lots"}, c, test_clock()), "\"lots\" is not a number (cadence)",
                       crm::UsageError);
  CHECK_THROWS_WITH_AS(crm::parse_filter({"created>someday"}, c, test_clock()), "\"someday\" is not a date (created)",
                       crm::UsageError);
  CHECK_THROWS_AS(crm::parse_filter({"+vip"}, schemas().get("activity"), test_clock()), crm::UsageError);
}
