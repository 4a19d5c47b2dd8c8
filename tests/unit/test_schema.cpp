// schema: the built-in record types as data, and field declarations.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/schema.hpp"
#include "crm/yaml_io.hpp"

namespace {

crm::Field field_from(const std::string& yaml) { return crm::parse_field(crm::parse_yaml(yaml, "f.yaml"), "f.yaml"); }

}  // namespace

TEST_CASE("schema builtin types in a fixed order") {
  crm::SchemaSet set = crm::SchemaSet::builtin();
  std::vector<std::string> types, folders;
  for (const auto& s : set.all()) {
    types.push_back(s.type);
    folders.push_back(s.folder);
  }
  CHECK(types == std::vector<std::string>{"contact", "company", "lead", "deal", "task", "activity", "ticket", "product",
                                          "order", "segment", "campaign"});
  CHECK(folders == std::vector<std::string>{"contacts", "companies", "leads", "deals", "tasks", "activities", "tickets",
                                            "products", "orders", "segments", "campaigns"});
  REQUIRE(set.by_folder("deals"));
  CHECK(set.by_folder("deals")->type == "deal");
  CHECK(set.by_folder("nope") == nullptr);
  CHECK(set.find("widget") == nullptr);
  CHECK_THROWS_WITH_AS(set.get("widget"),
                       "unknown record type \"widget\" (one of contact, company, lead, deal, task, activity, ticket, "
                       "product, order, segment, campaign)",
                       crm::UsageError);
}

TEST_CASE("schema every title, sort key and column names a field") {
  crm::SchemaSet set = crm::SchemaSet::builtin();
  for (const auto& s : set.all()) {
    CAPTURE(s.type);
    CHECK(s.field(s.title) != nullptr);
    CHECK((s.sort == "created" || s.sort == "updated" || s.field(s.sort) != nullptr));
    for (const std::string& c : s.columns) {
      CAPTURE(c);
      CHECK(s.field_path(c) != nullptr);
    }
    for (const auto& f : s.fields) {
      CAPTURE(f.name);
      CHECK(f.name != "id");
      CHECK(f.name != "type");
      CHECK(f.name != "created");
      CHECK(f.name != "updated");
      if (f.type == crm::FieldType::List) CHECK(f.item.get() != nullptr);
      if (f.type == crm::FieldType::Enum) CHECK_FALSE(f.values.empty());
    }
  }
}

TEST_CASE("schema contact fields and paths") {
  crm::SchemaSet set = crm::SchemaSet::builtin();
  const crm::Schema& c = set.get("contact");
  CHECK(c.title == "name");
  CHECK(c.field("name")->required);
  CHECK(c.field("email")->type == crm::FieldType::Email);
  REQUIRE(c.field("emails")->item.get() != nullptr);
  CHECK(c.field("emails")->item->type == crm::FieldType::Email);
  const crm::Field* phones = c.field("phones");
  REQUIRE(phones);
  CHECK(phones->type == crm::FieldType::List);
  CHECK(phones->item->type == crm::FieldType::Object);
  REQUIRE(phones->item->subfield("number"));
  CHECK(phones->item->subfield("number")->required);
  CHECK(c.field("company")->ref_types == std::vector<std::string>{"company"});
  CHECK(c.field("tags")->option == "tag");
  CHECK(c.field("lifecycle")->default_value == "lead");
  CHECK(c.field_path("address.city")->type == crm::FieldType::String);
  CHECK(c.field_path("address")->type == crm::FieldType::Object);
  CHECK(c.field_path("address.nope") == nullptr);
  CHECK(c.field_path("name.first") == nullptr);
  CHECK(c.field_path("nope") == nullptr);
  std::vector<std::string> names = c.field_names();
  REQUIRE(names.size() >= 3);
  CHECK(names[0] == "name");
  CHECK(names[1] == "first_name");
}

TEST_CASE("schema typed and scalar field kinds") {
  using T = crm::FieldType;
  for (T t : {T::Date, T::Datetime, T::When, T::Decimal, T::Money, T::Integer, T::Bool}) {
    crm::Field f;
    f.type = t;
    CAPTURE(crm::field_type_name(t));
    CHECK(f.is_typed_scalar());
    CHECK(f.is_scalar());
  }
  for (T t : {T::String, T::Text, T::Email, T::Phone, T::Url, T::Enum, T::Ref}) {
    crm::Field f;
    f.type = t;
    CAPTURE(crm::field_type_name(t));
    CHECK_FALSE(f.is_typed_scalar());
    CHECK(f.is_scalar());
  }
  for (T t : {T::List, T::Refs, T::Object}) {
    crm::Field f;
    f.type = t;
    CHECK_FALSE(f.is_scalar());
  }
  CHECK(crm::field_type_name(T::Money) == "money");
  CHECK(crm::field_type_name(T::Refs) == "refs");
}

TEST_CASE("schema parse_field declarations") {
  crm::Field plain = field_from("{name: nickname}");
  CHECK(plain.type == crm::FieldType::String);
  CHECK_FALSE(plain.required);
  CHECK(plain.option == "");

  crm::Field list = field_from("{name: scores, type: list, of: integer}");
  REQUIRE(list.item.get() != nullptr);
  CHECK(list.item->type == crm::FieldType::Integer);
  crm::Field enum_list = field_from("{name: langs, type: list, values: [en, fr]}");
  REQUIRE(enum_list.item.get() != nullptr);
  CHECK(enum_list.item->values == std::vector<std::string>{"en", "fr"});

  crm::Field opt = field_from("{name: close_date, type: date, option: true}");
  CHECK((opt.option == "close-date" || opt.option == "close_date"));

  CHECK_THROWS_AS(field_from("{type: string}"), crm::InvalidData);
  CHECK_THROWS_AS(field_from("{name: 9lives}"), crm::InvalidData);
  CHECK_THROWS_AS(field_from("{name: x-y}"), crm::InvalidData);
  CHECK_THROWS_AS(field_from("{name: x, type: enum}"), crm::InvalidData);
  CHECK_THROWS_AS(field_from("{name: x, type: object}"), crm::InvalidData);
  CHECK_THROWS_AS(field_from("[name, x]"), crm::InvalidData);
  try {
    field_from("{name: x, type: colour}");
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(std::string(e.what()).find("f.yaml:1:17: x: unknown type \"colour\" (one of string, text, email,") == 0);
  }
}

TEST_CASE("schema integer ranges and the duration type") {
  crm::Field pct = field_from("{name: pct, type: integer, min: 0, max: 100}");
  CHECK(pct.min == 0);
  CHECK(pct.max == 100);
  crm::Field floor_only = field_from("{name: n, type: integer, min: -5}");
  CHECK(floor_only.min == -5);
  CHECK_FALSE(floor_only.max.has_value());
  CHECK_THROWS_AS(field_from("{name: n, type: string, min: 1}"), crm::InvalidData);
  CHECK_THROWS_AS(field_from("{name: n, type: integer, max: lots}"), crm::InvalidData);
  CHECK_THROWS_AS(field_from("{name: n, type: integer, min: 5, max: 1}"), crm::InvalidData);
  CHECK(field_from("{name: d, type: duration}").type == crm::FieldType::Duration);

  const crm::SchemaSet builtin = crm::SchemaSet::builtin();
  CHECK(builtin.get("deal").field("probability")->min == 0);
  CHECK(builtin.get("deal").field("probability")->max == 100);
  CHECK(builtin.get("contact").field("cadence")->min == 1);
  CHECK(builtin.get("contact").field("cadence")->max == 3650);
  CHECK(builtin.get("activity").field("duration")->type == crm::FieldType::Duration);
}
