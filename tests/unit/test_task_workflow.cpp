// task_workflow and follow_up: the dates a change computes stay in years of
// four digits — the last occurrences of a recurrence and a far follow-up end
// cleanly instead of overflowing or making a task impossible to complete.
#include <doctest/doctest.h>

#include <string>

#include "crm/deal_workflow.hpp"
#include "crm/follow_up.hpp"
#include "crm/schema.hpp"
#include "crm/task_workflow.hpp"
#include "crm/yaml_io.hpp"

namespace {

crm::Record task_of(const std::string& yaml) {
  crm::Record r;
  r.type = "task";
  r.path = "tasks/t1aaaaaa.yaml";
  r.data = crm::parse_yaml(yaml, r.path);
  return r;
}

crm::Seconds at(const char* iso) { return *crm::parse_iso_datetime(iso); }

}  // namespace

TEST_CASE("task_workflow parse_recurrence takes N up to 9999") {
  CHECK(crm::parse_recurrence("every 9999 years")->count == 9999);
  CHECK_FALSE(crm::parse_recurrence("every 10000 years"));
  CHECK_FALSE(crm::parse_recurrence("every 99999999999999999999 days"));
  CHECK_FALSE(crm::parse_recurrence("every 0 days"));
}

TEST_CASE("task_workflow next_due stops at 9999-12-31") {
  CHECK(crm::next_due("2026-01-31", {1, 'm'}) == "2026-02-28");
  CHECK(crm::next_due("2026-11-23T14:00:00Z", {1, 'w'}) == "2026-11-30T14:00:00Z");
  CHECK(crm::next_due("9999-11-30", {1, 'm'}) == "9999-12-30");
  CHECK(crm::next_due("9999-12-24", {1, 'w'}) == "9999-12-31");
  CHECK_FALSE(crm::next_due("9999-12-25", {1, 'w'}));
  CHECK_FALSE(crm::next_due("9999-12-01T09:00:00Z", {1, 'm'}));
  CHECK_FALSE(crm::next_due("2026-12-01", {9999, 'y'}));
  CHECK_FALSE(crm::next_due("soon", {1, 'd'}));
}

TEST_CASE("task_workflow the last occurrence before year 10000 does not recur, and can be completed") {
  crm::Record t = task_of("id: t1aaaaaa\ntitle: Renew\ndue: 9999-11-01\nrecur: monthly\n");
  std::string note;
  auto next = crm::complete_task(t, at("2026-11-23T09:00:00Z"), &note);
  REQUIRE(next);
  CHECK(next->get("due") == "9999-12-01");
  CHECK(next->get("recur") == "");
  CHECK(note == "the occurrence of Renew due 9999-12-01 is the last: the one after would fall after 9999-12-31");

  // A task an older crm wrote, whose next occurrence cannot exist: done, no occurrence.
  crm::Record last = task_of("id: t1aaaaaa\ntitle: Renew\ndue: 9999-12-15\nrecur: monthly\n");
  note.clear();
  CHECK_FALSE(crm::complete_task(last, at("2026-11-23T09:00:00Z"), &note));
  CHECK(last.get("status") == "done");
  CHECK(last.get("next") == "");
  CHECK(note == "the recurrence of Renew ends: the occurrence after 9999-12-15 would fall after 9999-12-31");
}

TEST_CASE("follow_up a cadence out of range or past 9999 moves nothing and says why") {
  static const crm::SchemaSet schemas = crm::SchemaSet::builtin();  // builtin() returns a copy: keep it
  const crm::Field& cadence = *schemas.get("contact").field("cadence");
  crm::Record c;
  c.type = "contact";
  c.path = "contacts/kada000000000001.yaml";
  c.data = crm::parse_yaml("id: kada000000000001\nname: Ada\ncadence: 30\n", c.path);
  std::string problem;
  CHECK(crm::advance_follow_up(c, cadence, at("2026-11-23T09:00:00Z"), &problem));
  CHECK(c.get("follow_up") == "2026-12-23");
  CHECK(problem.empty());
  for (const char* bad : {"999999999", "99999999999999999999", "0", "-5", "banana"}) {
    CAPTURE(bad);
    c.data.set("cadence", crm::Node::scalar(bad));
    problem.clear();
    CHECK_FALSE(crm::advance_follow_up(c, cadence, at("2026-11-23T09:00:00Z"), &problem));
    CHECK(problem.find("contacts/kada000000000001.yaml: cadence: ") == 0);
    CHECK(problem.find("; follow_up not moved") != std::string::npos);
  }
  c.data.set("cadence", crm::Node::scalar("3650"));
  problem.clear();
  CHECK_FALSE(crm::advance_follow_up(c, cadence, at("9995-06-01T09:00:00Z"), &problem));
  CHECK(problem ==
        "contacts/kada000000000001.yaml: cadence: the follow-up would fall after 9999-12-31; follow_up not moved");
  CHECK(c.get("follow_up") == "2026-12-23");
}

TEST_CASE("deal_workflow deal_probability uses the stage's when the deal's own is not a percentage") {
  crm::Config config;
  config.pipeline.push_back(crm::Stage{"proposal", 50, "", 0});
  crm::Record d;
  d.type = "deal";
  d.data = crm::parse_yaml("id: d1aaaaaa\nname: D\nstage: proposal\n", "d.yaml");
  CHECK(crm::deal_probability(d, config) == 50);
  for (const char* own : {"0", "7", "100"}) {
    d.data.set("probability", crm::Node::scalar(own));
    CHECK(crm::deal_probability(d, config) == std::stoi(own));
  }
  for (const char* bad : {"150", "-1", "007", "99999999999999999999", "lots"}) {
    CAPTURE(bad);
    d.data.set("probability", crm::Node::scalar(bad));
    CHECK(crm::deal_probability(d, config) == 50);
  }
}
