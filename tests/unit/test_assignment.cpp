// assignment: round-robin and least-open derived from the records, and the
// `assignment:` / `scoring:` settings of the config (automation_settings).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/assignment.hpp"
#include "crm/automation_settings.hpp"
#include "crm/error.hpp"
#include "crm/workflow.hpp"
#include "crm/yaml_io.hpp"
#include "temp_dir.hpp"

namespace {

crm::Record lead_of(const std::string& yaml) {
  crm::Record r;
  r.type = "lead";
  r.data = crm::parse_yaml(yaml, "leads/x.yaml");
  return r;
}

bool open_lead(const crm::Record& r) { return r.get("status") != "converted"; }

std::string settings_error(const std::string& yaml) {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  try {
    crm::Config c = crm::parse_config(yaml, "config.yaml", schemas);
    crm::check_automation_settings(c, "config.yaml", schemas);
  } catch (const crm::InvalidData& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("assignment: round-robin follows whoever got the latest record") {
  std::vector<std::string> among = {"ana", "ben", "cy"};
  std::vector<crm::Record> leads = {
      lead_of("{id: a1, owner: ana, created: 2026-11-01T09:00:00Z}"),
      lead_of("{id: b1, owner: CY, created: 2026-11-03T09:00:00Z}"),
      lead_of("{id: c1, created: 2026-11-04T09:00:00Z}"),
  };
  CHECK(crm::pick_owner("round-robin", among, leads, "c1", open_lead) == "ana");  // after cy
  leads[1].data.set("owner", crm::Node::scalar("ana"));
  CHECK(crm::pick_owner("round-robin", among, leads, "c1", open_lead) == "ben");
  // The latest owned by someone else (a territory's owner) does not reset the turn.
  leads.push_back(lead_of("{id: d1, owner: dana, created: 2026-11-05T09:00:00Z}"));
  CHECK(crm::pick_owner("round-robin", among, leads, "c1", open_lead) == "ben");
  // Two records of the same second (ana, ben), dealt after ana's of 11-01:
  // cy is next, whatever their ids.
  leads.push_back(lead_of("{id: 01, owner: ben, created: 2026-11-03T09:00:00Z}"));
  CHECK(crm::pick_owner("round-robin", among, leads, "c1", open_lead) == "cy");
  CHECK(crm::pick_owner("round-robin", among, {}, "c1", open_lead) == "ana");
  // The record being assigned never counts.
  CHECK(crm::pick_owner("round-robin", among, {lead_of("{id: c1, owner: ana}")}, "c1", open_lead) == "ana");
  CHECK_THROWS_AS(crm::pick_owner("round-robin", {}, leads, "c1", open_lead), crm::UsageError);
  CHECK(crm::pick_owner("dana", {}, leads, "c1", open_lead) == "dana");
}

TEST_CASE("assignment: round-robin through an import, many records in one second") {
  std::vector<std::string> among = {"ana", "ben", "cy"};
  std::vector<crm::Record> leads = {lead_of("{id: p0, owner: ben, created: 2026-11-01T09:00:00Z}")};
  // Each pick made as the import would, the records all of one second, ids at random.
  const char* ids[] = {"zz", "aa", "mm", "bb", "yy", "cc", "qq"};
  std::vector<std::string> got;
  for (const char* id : ids) {
    std::string owner = crm::pick_owner("round-robin", among, leads, id, open_lead);
    got.push_back(owner);
    leads.push_back(lead_of(std::string("{id: ") + id + ", owner: " + owner + ", created: 2026-11-02T09:00:00Z}"));
  }
  CHECK(got == std::vector<std::string>{"cy", "ana", "ben", "cy", "ana", "ben", "cy"});
}

TEST_CASE("assignment: least-open counts open records, ties to the first") {
  std::vector<std::string> among = {"ana", "ben", "cy"};
  std::vector<crm::Record> leads = {
      lead_of("{id: a1, owner: ana, status: new}"), lead_of("{id: a2, owner: ana, status: new}"),
      lead_of("{id: b1, owner: ben, status: new}"), lead_of("{id: c1, owner: cy, status: converted}"),
      lead_of("{id: c2, owner: cy, status: new}"),
  };
  CHECK(crm::pick_owner("least-open", among, leads, "x", open_lead) == "ben");
  leads[4].data.set("status", crm::Node::scalar("converted"));
  CHECK(crm::pick_owner("least-open", among, leads, "x", open_lead) == "cy");
  CHECK(crm::pick_owner("least-open", among, leads, "b1", open_lead) == "ben");  // itself not counted
}

TEST_CASE("automation settings: scoring and assignment are read with the config") {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  crm::Node n = crm::parse_yaml(
      "- {if: \"source=web\", points: 20}\n- {activity: {kind: email, within: 30d}, points: -5}\n- {activity: {}, "
      "points: 1}\n",
      "config.yaml");
  std::vector<crm::ScoreTerm> terms = crm::parse_scoring(n, "config.yaml", schemas);
  REQUIRE(terms.size() == 3);
  CHECK(terms[0].filter == "source=web");
  CHECK(terms[0].points == 20);
  CHECK(terms[1].activity);
  CHECK(terms[1].kind == "email");
  CHECK(terms[1].within_seconds == 30 * 86400);
  CHECK(terms[1].points == -5);
  CHECK(terms[2].kind.empty());
  CHECK(terms[2].within_seconds == 0);

  crm::Node config =
      crm::parse_yaml("{lead: [{if: \"source=web\", to: ana}, {to: least-open, among: [ben, cy]}]}", "c.yaml");
  std::vector<crm::AssignStep> steps = crm::parse_assignment(&config, "lead", "c.yaml", schemas);
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].to == "ana");
  CHECK(steps[1].among == std::vector<std::string>{"ben", "cy"});
  CHECK(crm::parse_assignment(nullptr, "deal", "c.yaml", schemas).front().to == "round-robin");
}

TEST_CASE("automation settings: mistakes name the file, line and setting") {
  CHECK(settings_error("scoring:\n  - {if: \"nofield=1\", points: 5}\n").rfind("config.yaml:2:", 0) == 0);
  CHECK(settings_error("scoring:\n  - {if: \"source=web\", points: 500}\n") ==
        "config.yaml:2:32: scoring[0].points: \"500\" is not a number of points from -100 to 100");
  CHECK(settings_error("scoring:\n  - {activity: {kind: fax}, points: 5}\n").find("scoring[0].activity.kind") !=
        std::string::npos);
  CHECK(settings_error("scoring:\n  - {activity: {within: 30}, points: 5}\n").find("not a length of time") !=
        std::string::npos);
  CHECK(settings_error("scoring:\n  - {points: 5}\n").find("either if: FILTER or activity") != std::string::npos);
  CHECK(settings_error("scoring: 5\n").find("config.yaml:1:10: scoring:") == 0);
  CHECK(settings_error("assignment: {product: ana}\n").find("product records have no owner") != std::string::npos);
  CHECK(settings_error("assignment: {lead: [{if: \"bogus=1\", to: ana}]}\n").find("assignment.lead[0].if") !=
        std::string::npos);
  CHECK(settings_error("assignment: {lead: [{to: ana, among: [ben]}]}\n").find("among goes with") != std::string::npos);
  CHECK(settings_error("assignment: {lead: [{to: round-robin, who: x}]}\n").find("unknown setting") !=
        std::string::npos);
  CHECK(settings_error("scoring: [{if: \"source=web\", points: 10}]\nassignment: {lead: least-open}\n").empty());
}

TEST_CASE("automation settings: a term that reads the score, an owner nobody is") {
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  const crm::Schema& lead = schemas.get("lead");
  CHECK(crm::word_reading_score({"source=web", "or", "score>10"}, lead) == "score>10");
  CHECK(crm::word_reading_score({"+vip", "42"}, lead) == "42");  // full text finds it in the score
  CHECK(crm::word_reading_score({"@hot", "source=web", "acme", "rating=hot"}, lead).empty());
  CHECK(settings_error("scoring:\n  - {if: \"+vip score>=50\", points: 5}\n") ==
        "config.yaml:2:10: scoring[0].if: \"score>=50\" reads the score, which scoring: computes: a term that depends "
        "on the score never settles");
  CHECK(settings_error("scoring:\n  - {if: \"@hot score<1\", points: 5}\n").find("\"score<1\" reads the score") !=
        std::string::npos);

  CHECK(crm::unknown_owner("Ana", {"ana", "ben"}).empty());
  CHECK(crm::unknown_owner("anyone", {}).empty());  // no owners kept: free text
  CHECK(crm::unknown_owner("bne", {"ana", "ben"}) ==
        "\"bne\" is not one of the owners (ana, ben); did you mean \"ben\"?");
  CHECK(settings_error("owners: [ana, ben]\nassignment: {lead: [{if: \"source=web\", to: ghost}]}\n") ==
        "config.yaml:2:44: assignment.lead[0].to: \"ghost\" is not one of the owners (ana, ben)");
  CHECK(settings_error("owners: [ana, ben]\nassignment: {ticket: [{to: round-robin, among: [ben, cyy]}]}\n")
            .find("assignment.ticket[0].among: \"cyy\"") != std::string::npos);
  CHECK(settings_error("owners: [ana, ben]\nassignment: {deal: BEN, ticket: least-open}\n").empty());
  CHECK(settings_error("assignment: {deal: whoever}\n").empty());
}

TEST_CASE("assignment: a command's many picks read the folder once, and see what others wrote") {
  crm_test::TempDir tmp;
  std::filesystem::path root = tmp.path() / "crm";
  REQUIRE(crm::Store::init(root));
  std::string config = crm_test::read_text(root / ".crm/config.yaml");
  REQUIRE(config.find("owners: []") != std::string::npos);
  crm_test::write_text(root / ".crm/config.yaml",
                       config.replace(config.find("owners: []"), 10, "owners: [ana, ben, cy]"));
  crm::Store store(root, crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:00:00Z")));
  const crm::Schema& leads = store.schemas().get("lead");
  crm::Writer writer = store.lock();
  auto add = [&](const char* id, const char* created) {
    crm::Record r = lead_of(std::string("id: ") + id + "\nname: " + id + "\ncreated: " + created + "\n");
    r.data.set("owner", crm::Node::scalar(crm::pick_owner(store, r, "round-robin", {})));
    crm::write_with_effects(writer, r, nullptr, false);
    return r.get("owner");
  };
  CHECK(add("laaa000000000001", "2026-11-23T09:01:00Z") == "ana");
  CHECK(add("laaa000000000002", "2026-11-23T09:02:00Z") == "ben");  // the kept records followed the write
  // A hand edit (no writer) of the latest lead: the folder changed under the
  // memo, so the next pick reads it again. (The folder's time is set apart
  // from the last write's, as a later edit's is: the clock's tick is coarse.)
  std::string path = (root / "leads/laaa000000000002.yaml").string();
  std::string text = crm_test::read_text(path);
  std::filesystem::remove(path);
  size_t at = text.find("owner: ben");
  REQUIRE(at != std::string::npos);
  crm_test::write_text(root / "leads/laaa000000000002.yaml", text.replace(at, 10, "owner: cy"));
  timespec later[2] = {{0, UTIME_OMIT}, {2000000000, 0}};
  REQUIRE(::utimensat(AT_FDCWD, (root / "leads").c_str(), later, 0) == 0);
  CHECK(add("laaa000000000003", "2026-11-23T09:03:00Z") == "ana");  // after cy, not after ben
  crm::remove_record(writer, leads, "laaa000000000003");
  CHECK(add("laaa000000000004", "2026-11-23T09:04:00Z") == "ana");  // the removed one is gone from the memo
}
