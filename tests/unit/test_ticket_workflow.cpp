// ticket_workflow: service level due times, the paused resolution clock,
// breaches kept forever, and who --auto assigns.
#include <doctest/doctest.h>

#include <string>

#include "crm/config.hpp"
#include "crm/error.hpp"
#include "crm/schema.hpp"
#include "crm/ticket_workflow.hpp"
#include "crm/yaml_io.hpp"

using namespace crm;

namespace {

Record ticket_of(const std::string& yaml) {
  Record r;
  r.type = "ticket";
  r.path = "tickets/t1aaaaaa.yaml";
  r.data = parse_yaml(yaml, r.path);
  return r;
}

Seconds at(const char* iso) { return *parse_iso_datetime(iso); }

struct Fixture {
  SchemaSet schemas = SchemaSet::builtin();
  Config config;
  Fixture()
      : config(parse_config(R"(business_hours: {days: mon-fri, from: "09:00", to: "17:00"}
sla:
  - {name: urgent, if: "priority=urgent", first_response: 1h, resolution: 8h}
  - {name: standard, first_response: 8h, resolution: 3d}
owners: [ana, ben, cy]
)",
                            "config.yaml", schemas)) {}
  const Schema& schema() const { return schemas.get("ticket"); }
  // Applies the workflow at `now` to `t` changed from `before`.
  void apply(Record& t, const Record* before, const char* now) const {
    apply_ticket_workflow(t, before, config, schema(), Clock::fixed(at(now)));
  }
};

std::string history(const Record& t) {
  std::string out;
  for (const Node& e : t.data.find("status_history")->items) out += e.get("status") + "@" + e.get("at") + " ";
  return out;
}

}  // namespace

TEST_CASE("ticket_workflow: a new ticket takes the first matching policy") {
  Fixture f;
  Record t = ticket_of("{id: t1aaaaaa, subject: Jam, priority: urgent}");
  f.apply(t, nullptr, "2026-11-27T16:30:00Z");  // Friday 16:30 UTC
  CHECK(t.get("sla") == "urgent");
  CHECK(t.get("response_due") == "2026-11-30T09:30:00Z");
  CHECK(t.get("resolution_due") == "2026-11-30T16:30:00Z");
  CHECK(history(t) == "new@2026-11-27T16:30:00Z ");
  Record s = ticket_of("{id: t2aaaaaa, subject: Jam}");
  f.apply(s, nullptr, "2026-11-27T16:00:00Z");
  CHECK(s.get("sla") == "standard");
  CHECK(s.get("response_due") == "2026-11-30T16:00:00Z");
  CHECK(s.get("resolution_due") == "2026-12-02T16:00:00Z");
  // Due times that come with the ticket (an import) are kept.
  Record i = ticket_of("{id: t3aaaaaa, subject: Old, response_due: 2026-01-01T10:00:00Z}");
  f.apply(i, nullptr, "2026-11-27T16:00:00Z");
  CHECK(i.get("sla").empty());
  CHECK(i.get("response_due") == "2026-01-01T10:00:00Z");
}

TEST_CASE("ticket_workflow: pending pauses the resolution clock") {
  Fixture f;
  Record t = ticket_of("{id: t1aaaaaa, subject: Jam}");
  f.apply(t, nullptr, "2026-11-27T16:00:00Z");  // resolution due Wednesday 16:00
  Record before = t;
  t.data.set("status", Node::scalar("pending"));
  f.apply(t, &before, "2026-11-30T11:00:00Z");  // Monday 11:00: 21 business hours left
  CHECK(t.get("resolution_due") == "2026-12-02T16:00:00Z");
  before = t;
  t.data.set("status", Node::scalar("open"));
  f.apply(t, &before, "2026-12-01T11:00:00Z");  // Tuesday 11:00: 21 more from now
  CHECK(t.get("resolution_due") == "2026-12-03T16:00:00Z");
  before = t;
  t.data.set("status", Node::scalar("solved"));
  f.apply(t, &before, "2026-12-01T14:00:00Z");
  CHECK(t.get("solved_at") == "2026-12-01T14:00:00Z");
  CHECK(history(t) ==
        "new@2026-11-27T16:00:00Z pending@2026-11-30T11:00:00Z open@2026-12-01T11:00:00Z "
        "solved@2026-12-01T14:00:00Z ");
  // 14 business hours open to solved, 8 of them paused.
  CHECK(*resolution_seconds(t, f.config, Clock::fixed(at("2026-12-05T00:00:00Z"))) == 6 * 3600);
  before = t;
  t.data.set("status", Node::scalar("closed"));
  f.apply(t, &before, "2026-12-02T09:00:00Z");
  CHECK(t.get("solved_at") == "2026-12-01T14:00:00Z");
  CHECK(t.get("closed_at") == "2026-12-02T09:00:00Z");
  before = t;
  t.data.set("status", Node::scalar("open"));
  f.apply(t, &before, "2026-12-02T10:00:00Z");
  CHECK(t.get("solved_at").empty());
  CHECK(t.get("closed_at").empty());
}

TEST_CASE("ticket_workflow: a breach is recorded once and never undone") {
  Fixture f;
  Record t = ticket_of("{id: t1aaaaaa, subject: Jam, priority: urgent}");
  f.apply(t, nullptr, "2026-11-30T09:00:00Z");  // first response due 10:00
  CHECK_FALSE(ticket_breached(t, at("2026-11-30T09:59:00Z")));
  CHECK(ticket_breached(t, at("2026-11-30T10:01:00Z")));  // past due, not recorded yet
  CHECK(*ticket_next_due(t) == at("2026-11-30T10:00:00Z"));
  Record before = t;
  t.data.set("first_response_at", Node::scalar("2026-11-30T11:00:00Z"));
  t.data.set("status", Node::scalar("open"));
  f.apply(t, &before, "2026-11-30T11:00:00Z");
  REQUIRE(t.data.find("breaches"));
  CHECK(t.data.find("breaches")->items.size() == 1);
  CHECK(t.data.find("breaches")->items[0].get("kind") == "first_response");
  CHECK(t.data.find("breaches")->items[0].get("at") == "2026-11-30T10:00:00Z");
  // A hand edit that drops it: the next write puts it back.
  before = t;
  t.data.erase("breaches");
  f.apply(t, &before, "2026-11-30T12:00:00Z");
  REQUIRE(t.data.find("breaches"));
  CHECK(t.data.find("breaches")->items.size() == 1);
  // Resolution: on-hold before the due time stops it; no breach while paused.
  before = t;
  t.data.set("status", Node::scalar("on-hold"));
  f.apply(t, &before, "2026-11-30T13:00:00Z");
  before = t;
  t.data.set("priority", Node::scalar("high"));
  f.apply(t, &before, "2026-12-04T13:00:00Z");
  CHECK(t.data.find("breaches")->items.size() == 1);
  CHECK_FALSE(ticket_next_due(t));
  // Back to open: 4 business hours were left (13:00 to 17:00 on Monday).
  before = t;
  t.data.set("status", Node::scalar("open"));
  f.apply(t, &before, "2026-12-07T09:00:00Z");
  CHECK(t.get("resolution_due") == "2026-12-07T13:00:00Z");
  before = t;
  t.data.set("status", Node::scalar("solved"));
  f.apply(t, &before, "2026-12-07T14:00:00Z");
  CHECK(t.data.find("breaches")->items.size() == 2);
  CHECK(t.data.find("breaches")->items[1].get("kind") == "resolution");
}

TEST_CASE("ticket_workflow: sla settings that do not parse name the line") {
  SchemaSet schemas = SchemaSet::builtin();
  CHECK_THROWS_WITH_AS(parse_config("sla:\n  - {name: x, first_response: 1.5d}\n", "config.yaml", schemas),
                       doctest::Contains("config.yaml:2:"), InvalidData);
  CHECK_THROWS_WITH_AS(parse_config("sla:\n  - {name: x, if: \"nosuch=1\"}\n", "config.yaml", schemas),
                       doctest::Contains("sla.x.if"), InvalidData);
  CHECK_THROWS_AS(parse_config("sla:\n  - {first_response: 1h}\n", "config.yaml", schemas), InvalidData);
  CHECK_THROWS_AS(parse_config("sla:\n  - {name: x, response: 1h}\n", "config.yaml", schemas), InvalidData);
  CHECK_THROWS_AS(parse_config("assignment: round-robin\n", "config.yaml", schemas), InvalidData);
  Config c = parse_config("sla:\n  - {name: x, if: \"priority=high +vip\", resolution: 2d}\n", "config.yaml", schemas);
  REQUIRE(c.sla.size() == 1);
  CHECK(c.sla[0].first_response == 0);
  CHECK(c.sla[0].resolution == 2 * 86400);  // 24×7: a day is 24 hours
  CHECK(filter_words("priority=high \"subject~a b\" +vip") ==
        std::vector<std::string>{"priority=high", "subject~a b", "+vip"});
}

TEST_CASE("ticket_workflow: age runs from opening to solved, else now, calendar time") {
  // Opened Friday 16:00: the weekend counts (the customer waits through it).
  Record t = ticket_of("id: t1aaaaaa\nsubject: x\nstatus: open\ncreated: 2026-11-27T16:00:00Z\n");
  CHECK(ticket_age_seconds(t, at("2026-11-30T10:00:00Z")) == 2 * 86400 + 18 * 3600);
  // Solved: it stops there; reopened (solved_at cleared by the workflow): it runs again.
  Record solved = ticket_of(
      "id: t1aaaaaa\nsubject: x\nstatus: solved\nsolved_at: 2026-11-28T16:00:00Z\ncreated: 2026-11-27T16:00:00Z\n");
  CHECK(ticket_age_seconds(solved, at("2026-12-30T10:00:00Z")) == 86400);
  Record closed = ticket_of(
      "id: t1aaaaaa\nsubject: x\nstatus: closed\nclosed_at: 2026-11-27T17:00:00Z\ncreated: 2026-11-27T16:00:00Z\n");
  CHECK(ticket_age_seconds(closed, at("2026-12-30T10:00:00Z")) == 3600);
  // No created stamp: the first status; none at all, or solved with no stamp: unknown.
  Record by_history =
      ticket_of("id: t1aaaaaa\nsubject: x\nstatus_history: [{status: new, at: 2026-11-30T09:00:00Z}]\n");
  CHECK(ticket_age_seconds(by_history, at("2026-11-30T10:00:00Z")) == 3600);
  CHECK_FALSE(ticket_age_seconds(ticket_of("id: t1aaaaaa\nsubject: x\n"), at("2026-11-30T10:00:00Z")));
  CHECK_FALSE(ticket_age_seconds(ticket_of("id: t1aaaaaa\nsubject: x\nstatus: solved\ncreated: 2026-11-27T16:00:00Z\n"),
                                 at("2026-11-30T10:00:00Z")));
  // A clock behind the file's stamp: 0, never negative.
  CHECK(ticket_age_seconds(t, at("2026-11-27T15:00:00Z")) == 0);
}

TEST_CASE("ticket_workflow: a ticket solved before its due times is not breached once they pass") {
  Record t = ticket_of(
      "id: t1aaaaaa\nsubject: x\nstatus: solved\nresponse_due: 2026-11-30T10:00:00Z\n"
      "resolution_due: 2026-12-02T10:00:00Z\nsolved_at: 2026-11-30T09:00:00Z\ncreated: 2026-11-27T16:00:00Z\n");
  CHECK_FALSE(ticket_breached(t, at("2026-12-10T10:00:00Z")));
  t.data.set("status", Node::scalar("open"));
  t.data.erase("solved_at");
  CHECK(ticket_breached(t, at("2026-12-10T10:00:00Z")));  // reopened, still unanswered
}
