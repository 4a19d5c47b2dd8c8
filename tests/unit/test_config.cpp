// config: .crm/config.yaml settings and custom fields.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/config.hpp"
#include "crm/error.hpp"

namespace {

crm::Config parse(const std::string& text, crm::SchemaSet& schemas) {
  return crm::parse_config(text, ".crm/config.yaml", schemas);
}

std::string config_error(const std::string& text) {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  try {
    parse(text, schemas);
  } catch (const crm::InvalidData& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("config the default text parses to the documented pipeline") {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  size_t contact_fields = schemas.get("contact").fields.size();
  crm::Config c = parse(crm::default_config_text(), schemas);
  CHECK(c.currency == "USD");
  CHECK_FALSE(c.autocommit);
  CHECK(c.owners.empty());
  REQUIRE(c.pipeline.size() == 6);
  std::vector<std::string> names;
  for (const auto& s : c.pipeline) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"qualification", "needs-analysis", "proposal", "negotiation", "won", "lost"});
  CHECK(c.pipeline[0].probability == 10);
  CHECK(c.pipeline[0].stale_after == 14);
  CHECK(c.pipeline[0].closed == "");
  CHECK(c.pipeline[2].probability == 50);
  CHECK(c.pipeline[2].stale_after == 21);
  CHECK(c.pipeline[4].closed == "won");
  CHECK(c.pipeline[4].probability == 100);
  CHECK(c.pipeline[5].closed == "lost");
  CHECK(c.pipeline[5].probability == 0);
  REQUIRE(c.stage("negotiation"));
  CHECK(c.stage("negotiation")->probability == 80);
  CHECK(c.stage("Negotiation") == nullptr);
  CHECK(c.stage("nope") == nullptr);
  CHECK(schemas.get("contact").fields.size() == contact_fields);  // no custom fields
}

TEST_CASE("config settings") {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  crm::Config c =
      parse("currency: EUR\nowners: [ann, bob]\ngit:\n  autocommit: true\npipeline:\n  - stage: open\n", schemas);
  CHECK(c.currency == "EUR");
  CHECK(c.owners == std::vector<std::string>{"ann", "bob"});
  CHECK(c.autocommit);
  REQUIRE(c.pipeline.size() == 1);
  CHECK(c.pipeline[0].name == "open");
  CHECK(c.pipeline[0].probability == 0);
  CHECK(c.raw.get("currency") == "EUR");

  crm::SchemaSet s2 = crm::SchemaSet::builtin();
  crm::Config empty = parse("", s2);
  CHECK(empty.currency == "USD");
  CHECK(empty.pipeline.empty());
}

TEST_CASE("config custom fields join their schema") {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  parse(
      "fields:\n"
      "  contact:\n"
      "    - {name: tier, type: enum, values: [gold, silver]}\n"
      "    - {name: linkedin, type: url}\n"
      "  deal:\n"
      "    - {name: margin, type: money}\n",
      schemas);
  const crm::Schema& contact = schemas.get("contact");
  const crm::Field* tier = contact.field("tier");
  REQUIRE(tier);
  CHECK(tier->type == crm::FieldType::Enum);
  CHECK(tier->values == std::vector<std::string>{"gold", "silver"});
  CHECK(tier->custom);
  CHECK(contact.fields.back().name == "linkedin");
  CHECK(contact.field("linkedin")->type == crm::FieldType::Url);
  CHECK_FALSE(contact.field("name")->custom);
  REQUIRE(schemas.get("deal").field("margin"));
  CHECK(schemas.get("deal").field("margin")->is_typed_scalar());
}

TEST_CASE("config errors name the file and the setting") {
  CHECK(config_error("- a\n") == ".crm/config.yaml:1:1: the config is a map of settings");
  CHECK(config_error("pipeline: open\n") == ".crm/config.yaml:1:11: pipeline: expected a list of stages");
  CHECK(config_error("pipeline:\n  - {probability: 5}\n") ==
        ".crm/config.yaml:2:5: pipeline: a stage needs a name (stage: …)");
  CHECK(config_error("pipeline:\n  - {stage: a, probability: 150}\n") ==
        ".crm/config.yaml:2:5: pipeline.a.probability: \"150\" is not a percentage 0-100 (digits, no leading zero)");
  CHECK(config_error("pipeline:\n  - {stage: a, probability: lots}\n") ==
        ".crm/config.yaml:2:5: pipeline.a.probability: \"lots\" is not a percentage 0-100 (digits, no leading zero)");
  CHECK(config_error("pipeline:\n  - {stage: a, closed: maybe}\n") ==
        ".crm/config.yaml:2:5: pipeline.a.closed: is won or lost");
  CHECK(config_error("fields: {contact: {name: x}}\n") ==
        ".crm/config.yaml:1:19: fields.contact: expected a list of fields");
  CHECK(config_error("fields: {widget: [{name: x}]}\n") ==
        ".crm/config.yaml:1:19: fields.widget: unknown record type \"widget\"");
  CHECK(config_error("fields: {contact: [{name: email}]}\n") ==
        ".crm/config.yaml:1:20: fields.contact: custom field \"email\" clashes with a built-in "
        "field");
  CHECK(config_error("fields: {contact: [{name: created, type: date}]}\n").find("clashes with a built-in field") !=
        std::string::npos);
  CHECK(config_error("fields: {contact: [{name: Tier}]}\n") ==
        ".crm/config.yaml:1:20: name: \"Tier\" is not a field name (lowercase letters, digits, _)");
  CHECK(config_error("fields: {contact: [{name: tier, type: colour}]}\n")
            .find("unknown type \"colour\" (one of string, text,") != std::string::npos);
  CHECK(config_error("fields: {contact: [{name: tier, type: enum}]}\n") ==
        ".crm/config.yaml:1:20: tier: an enum needs values");
  CHECK(config_error("a: 1\na: 2\n") == ".crm/config.yaml:2:1: duplicate key 'a'");
}

TEST_CASE("config probability must be a whole percentage") {
  // Regression (fixed): probability goes through std::stoi, which stops at the first non-digit:
  // "0.5" (a fraction, an easy mistake) is taken as 0 %, "50%" and "50abc" as
  // 50 %, with no error. Expected: InvalidData "is not a percentage 0-100 (digits, no leading zero)".
  CHECK(config_error("pipeline:\n  - {stage: a, probability: 0.5}\n") != "");
  CHECK(config_error("pipeline:\n  - {stage: a, probability: 50abc}\n") != "");
}

TEST_CASE("config refuses control characters and numbers with leading zeros, naming the line") {
  CHECK(config_error("currency: \"US\\eD\"\n") ==
        ".crm/config.yaml:1:11: currency: \"US\\x1bD\" holds the control character U+001B");
  CHECK(config_error("pipeline:\n  - {stage: \"new\\x9B2J\", probability: 10}\n") ==
        ".crm/config.yaml:2:13: pipeline.stage: \"new\\u009b2J\" holds the control character U+009B");
  CHECK(config_error("owners: [\"ann\\tb\"]\n") ==
        ".crm/config.yaml:1:10: owners: \"ann\\tb\" holds the control character U+0009");
  CHECK(config_error("pipeline:\n  - {stage: a, probability: 007}\n") ==
        ".crm/config.yaml:2:5: pipeline.a.probability: \"007\" is not a percentage 0-100 (digits, no leading zero)");
  CHECK(config_error("pipeline:\n  - {stage: a, stale_after: 99999999999}\n") ==
        ".crm/config.yaml:2:5: pipeline.a.stale_after: \"99999999999\" is not a number of days 0-3650 (digits, no "
        "leading zero)");
}
