#include <doctest/doctest.h>

#include "crm/merge.hpp"
#include "crm/yaml_io.hpp"

namespace {

crm::Node yaml(const char* text) { return crm::parse_yaml(text, "t.yaml"); }

const crm::Schema& contact() {
  static const crm::SchemaSet set = crm::SchemaSet::builtin();
  return set.get("contact");
}

const crm::Schema& deal() {
  static const crm::SchemaSet set = crm::SchemaSet::builtin();
  return set.get("deal");
}

}  // namespace

TEST_CASE("merge takes each side's change to a different field") {
  auto base = yaml("id: kada000000000001\nname: Ada\nupdated: 2026-01-01T00:00:00Z\n");
  auto ours = yaml("id: kada000000000001\nname: Ada\ntitle: Countess\nupdated: 2026-01-02T00:00:00Z\n");
  auto theirs = yaml("id: kada000000000001\nname: Ada\nphone: \"0123\"\nupdated: 2026-01-03T00:00:00Z\n");
  crm::MergeResult m = crm::merge_records(base, ours, theirs, &contact());
  CHECK(m.conflicts.empty());
  CHECK(m.text == "id: kada000000000001\nname: Ada\nphone: \"0123\"\ntitle: Countess\nupdated: 2026-01-03T00:00:00Z\n");
}

TEST_CASE("merge of the same change on both sides is no conflict") {
  auto base = yaml("id: kada000000000001\nname: Ada\n");
  auto both = yaml("id: kada000000000001\nname: Ada Lovelace\n");
  crm::MergeResult m = crm::merge_records(base, both, both, &contact());
  CHECK(m.conflicts.empty());
  CHECK(m.text == "id: kada000000000001\nname: Ada Lovelace\n");
}

TEST_CASE("merge of lists is a set merge that honours deletions") {
  auto base = yaml("id: kada000000000001\nname: A\ntags: [a, b, c]\n");
  auto ours = yaml("id: kada000000000001\nname: A\ntags: [a, c, d]\n");       // removed b, added d
  auto theirs = yaml("id: kada000000000001\nname: A\ntags: [a, b, c, e]\n");  // added e
  crm::MergeResult m = crm::merge_records(base, ours, theirs, &contact());
  CHECK(m.conflicts.empty());
  CHECK(m.text == "id: kada000000000001\nname: A\ntags:\n  - a\n  - c\n  - d\n  - e\n");
}

TEST_CASE("merge of maps goes key by key") {
  auto base = yaml("id: kada000000000001\nname: A\naddress: {city: London}\n");
  auto ours = yaml("id: kada000000000001\nname: A\naddress: {city: London, country: UK}\n");
  auto theirs = yaml("id: kada000000000001\nname: A\naddress: {city: London, street: 1 Main St}\n");
  crm::MergeResult m = crm::merge_records(base, ours, theirs, &contact());
  CHECK(m.conflicts.empty());
  CHECK(m.text == "id: kada000000000001\nname: A\naddress:\n  street: 1 Main St\n  city: London\n  country: UK\n");
}

TEST_CASE("merge marks a field both sides changed differently, and only that field") {
  auto base = yaml("id: kada000000000001\nname: A\ntitle: X\n");
  auto ours = yaml("id: kada000000000001\nname: A\ntitle: Boss\n");
  auto theirs = yaml("id: kada000000000001\nname: A\ntitle: Chief\nphone: \"0123\"\n");
  crm::MergeResult m = crm::merge_records(base, ours, theirs, &contact(), "ours", "theirs");
  REQUIRE(m.conflicts.size() == 1);
  CHECK(m.conflicts[0] == "title");
  CHECK(m.text ==
        "id: kada000000000001\nname: A\nphone: \"0123\"\n<<<<<<< ours\ntitle: Boss\n=======\ntitle: Chief\n>>>>>>> "
        "theirs\n");
  CHECK(crm::find_conflict_marker(m.text) == 4);
}

TEST_CASE("merge of stage_history is the union in time order and the last move sets the stage") {
  auto base = yaml(
      "id: dbig000000000001\nname: Big\nstage: qualification\n"
      "stage_history: [{stage: qualification, at: 2026-01-01T00:00:00Z}]\n");
  auto ours = yaml(
      "id: dbig000000000001\nname: Big\nstage: won\nclosed_at: 2026-01-02T00:00:00Z\n"
      "stage_history: [{stage: qualification, at: 2026-01-01T00:00:00Z}, {stage: won, at: 2026-01-02T00:00:00Z}]\n");
  auto theirs = yaml(
      "id: dbig000000000001\nname: Big\nstage: negotiation\n"
      "stage_history: [{stage: qualification, at: 2026-01-01T00:00:00Z}, "
      "{stage: negotiation, at: 2026-01-03T00:00:00Z}]\n");
  crm::MergeResult m = crm::merge_records(base, ours, theirs, &deal());
  CHECK(m.conflicts.empty());
  CHECK(m.text ==
        "id: dbig000000000001\nname: Big\nstage: negotiation\nstage_history:\n"
        "  - stage: qualification\n    at: 2026-01-01T00:00:00Z\n"
        "  - stage: won\n    at: 2026-01-02T00:00:00Z\n"
        "  - stage: negotiation\n    at: 2026-01-03T00:00:00Z\n");
}
