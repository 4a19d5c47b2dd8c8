// derived_fields: which types have which derived fields, what they are
// computed from, and a custom field of the same name winning.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "crm/derived_fields.hpp"
#include "crm/yaml_io.hpp"

using namespace crm;

namespace {

const SchemaSet& schemas() {
  static const SchemaSet s = SchemaSet::builtin();
  return s;
}

Record ticket_of(const std::string& yaml) {
  Record r;
  r.type = "ticket";
  r.path = "tickets/t1aaaaaa.yaml";
  r.data = parse_yaml(yaml, r.path);
  return r;
}

}  // namespace

TEST_CASE("derived_fields: each type's, typed for filters and sorting") {
  Schema ticket = with_derived_fields(schemas().get("ticket"));
  REQUIRE(ticket.field("age"));
  CHECK(ticket.field("age")->type == FieldType::Decimal);
  REQUIRE(ticket.field("breached"));
  CHECK(ticket.field("breached")->type == FieldType::Bool);
  CHECK(is_derived_field(schemas().get("ticket"), "age"));
  CHECK(is_derived_field(schemas().get("deal"), "probability"));  // stored and derived
  CHECK(is_derived_field(schemas().get("contact"), "revenue"));
  CHECK_FALSE(is_derived_field(schemas().get("deal"), "amount"));
  CHECK_FALSE(is_derived_field(schemas().get("lead"), "probability"));
  CHECK(any_derived_field(schemas().get("ticket"), {"subject", " age:desc"}));  // as --sort gives it
  CHECK_FALSE(any_derived_field(schemas().get("ticket"), {"subject", "status"}));
  CHECK(derived_from_record("deal"));
  CHECK_FALSE(derived_from_record("contact"));  // the orders of the whole store
}

TEST_CASE("derived_fields: a filter decodes what they come from") {
  std::vector<std::string> deal = derived_sources(schemas().get("deal"), {"name", "probability"});
  CHECK(deal == std::vector<std::string>{"name", "probability", "stage"});
  std::vector<std::string> contact = derived_sources(schemas().get("contact"), {"name", "revenue"});
  CHECK(contact == std::vector<std::string>{"name"});
  std::vector<std::string> ticket = derived_sources(schemas().get("ticket"), {"breached"});
  CHECK(std::find(ticket.begin(), ticket.end(), "breaches") != ticket.end());
  CHECK(std::find(ticket.begin(), ticket.end(), "response_due") != ticket.end());
}

TEST_CASE("derived_fields: a custom field of that name is stored and wins") {
  SchemaSet custom = SchemaSet::builtin();
  Field age;
  age.name = "age";
  age.type = FieldType::Integer;
  age.custom = true;
  custom.add_custom_field("ticket", age, Location{".crm/config.yaml", 1, 1, "fields"});
  CHECK_FALSE(is_derived_field(custom.get("ticket"), "age"));
  CHECK(is_derived_field(custom.get("ticket"), "breached"));
  CHECK(with_derived_fields(custom.get("ticket")).field("age")->type == FieldType::Integer);
}

TEST_CASE("derived_fields: a ticket's age in days, floored to a tenth") {
  Record t = ticket_of("id: t1aaaaaa\nsubject: x\nstatus: open\ncreated: 2026-11-23T09:00:00Z\n");
  CHECK(ticket_age_days(t, *parse_iso_datetime("2026-11-27T15:00:00Z")) == "4.2");  // 4.25
  CHECK(ticket_age_days(t, *parse_iso_datetime("2026-11-24T08:00:00Z")) == "0.9");  // 23 h = 0.958
  CHECK(ticket_age_days(t, *parse_iso_datetime("2026-11-24T09:00:00Z")) == "1.0");  // exactly a day
  CHECK(ticket_age_days(t, *parse_iso_datetime("2026-11-23T09:00:00Z")) == "0.0");
  CHECK(ticket_age_days(ticket_of("id: t1aaaaaa\nsubject: x\n"), *parse_iso_datetime("2026-11-24T09:00:00Z")) == "");
}
