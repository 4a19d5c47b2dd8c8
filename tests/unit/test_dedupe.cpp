// dedupe: finding planted duplicates, merging them with every reference re-pointed.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/check.hpp"
#include "crm/dedupe.hpp"
#include "crm/error.hpp"
#include "crm/match_keys.hpp"
#include "crm/store.hpp"
#include "crm/yaml_io.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using crm_test::TempDir;

namespace {

crm::Clock dedupe_clock(const char* at = "2026-11-23T10:04:05Z") {
  return crm::Clock::fixed(*crm::parse_iso_datetime(at));
}

void add(const crm::Store& store, const std::string& type, const std::string& yaml) {
  crm::Record r;
  r.type = type;
  r.data = crm::parse_yaml(yaml, "seed");
  store.lock().write_raw(r, true);
}

// A store with duplicates planted: three Adas, two Josés, three ACMEs, and
// records of every type pointing at the duplicates.
fs::path planted(const TempDir& tmp) {
  fs::path root = tmp.path() / "crm";
  REQUIRE(crm::Store::init(root));
  crm::Store early(root, dedupe_clock("2026-01-01T00:00:00Z"));
  add(early, "company", "id: cacme00000000001\nname: Acme, Inc.\ndomain: acme.example\ntags: [key]\n");
  add(early, "contact",
      "id: kada000000000001\nname: Ada Lovelace\nfirst_name: Ada\nlast_name: Lovelace\nemail: ada@engines.example\n"
      "phone: +44 20 7946 0018\ntags: [vip]\ncompany: cacme00000000001\nnotes: First meeting went well.\n");
  crm::Store later(root, dedupe_clock());
  add(later, "company", "id: cacme00000000002\nname: ACME Inc\nindustry: Anvils\n");
  add(later, "company", "id: cacme00000000003\nname: Acme Corporation\nwebsite: https://www.acme.example/\n");
  add(later, "company", "id: cglobex000000001\nname: Globex\n");
  add(later, "contact",
      "id: kada000000000002\nname: ADA LOVELACE\nemail: ADA@engines.example\nemails: [ada.home@example.org]\n"
      "title: Countess\ntags: [VIP, speaker]\ncompany: cacme00000000002\nnotes: Prefers email.\n");
  add(later, "contact",
      "id: kada000000000003\nname: Lovelace Ada\nphone: 020 7946 0018\n"
      "phones: [{number: +44 7700 900123, kind: mobile}]\n");
  add(later, "contact", "id: kjose00000000001\nname: José García\n");
  add(later, "contact", "id: kjose00000000002\nname: Jose Garcia\nemail: jose@ejemplo.example\n");
  add(later, "contact", "id: kgrace0000000001\nname: Grace Hopper\nemail: grace@navy.example\n");
  add(later, "deal",
      "id: dbig000000000001\nname: Big deal\ncompany: cacme00000000002\n"
      "contacts: [kada000000000002, kada000000000001, kgrace0000000001]\namount: 1000\nstage: proposal\n");
  add(later, "task", "id: tcall00000000001\ntitle: Call Ada\nrelated: [kada000000000003, cacme00000000003]\n");
  add(later, "activity",
      "id: ameet00000000001\nkind: meeting\nat: 2026-11-20T15:00:00Z\nsummary: Demo\n"
      "with: [kada000000000002, cacme00000000003]\n");
  add(later, "lead",
      "id: lada000000000001\nname: Ada Lovelace\nstatus: converted\nconverted_at: 2026-11-01T00:00:00Z\n"
      "converted_contact: kada000000000002\nconverted_company: cacme00000000002\nconverted_deal: dbig000000000001\n");
  return root;
}

const crm::DuplicateGroup* group_with(const std::vector<crm::DuplicateGroup>& groups, const std::string& id) {
  for (const crm::DuplicateGroup& g : groups)
    if (std::find(g.ids.begin(), g.ids.end(), id) != g.ids.end()) return &g;
  return nullptr;
}

std::vector<std::string> list_of(const crm::Record& r, const std::string& field) {
  std::vector<std::string> out;
  if (const crm::Node* n = r.find(field); n && n->is_sequence())
    for (const crm::Node& i : n->items) out.push_back(i.is_map() ? i.get("number") : i.text);
  return out;
}

}  // namespace

TEST_CASE("dedupe keys: phones, names, domains") {
  CHECK(crm::phone_key("+44 20 7946 0018") == crm::phone_key("020 7946 0018"));
  CHECK(crm::phone_key("0044 20 7946 0018") == crm::phone_key("(020) 7946-0018"));
  CHECK(crm::phone_key("+1 (555) 010-2030") == crm::phone_key("555.010.2030"));
  CHECK(crm::phone_key("+49 30 555 0199") != crm::phone_key("+49 30 555 0198"));
  CHECK(crm::phone_key("112").empty());
  CHECK(crm::person_name_key("  José   GARCÍA ") == "jose garcia");
  CHECK(crm::bare_domain("https://www.Acme.example/about") == "acme.example");
  CHECK(crm::bare_domain("sales@acme.example") == "acme.example");
  CHECK(crm::bare_domain("not a domain").empty());
  CHECK(crm::company_email_domain("x@gmail.com").empty());
  CHECK(crm::company_email_domain("x@Engines.Example") == "engines.example");
}

TEST_CASE("dedupe finds planted contact duplicates with the rules that matched") {
  TempDir tmp;
  crm::Store store(planted(tmp), dedupe_clock());
  std::vector<crm::DuplicateGroup> groups = crm::find_duplicates(store, "contact");
  REQUIRE(groups.size() == 2);
  const crm::DuplicateGroup* ada = group_with(groups, "kada000000000001");
  REQUIRE(ada != nullptr);
  CHECK(ada->ids == std::vector<std::string>{"kada000000000001", "kada000000000002", "kada000000000003"});
  CHECK(ada->ids.front() == "kada000000000001");  // the oldest: the one to keep
  CHECK(ada->rules() == "email, phone, name");
  REQUIRE(!ada->matches.empty());
  CHECK(ada->matches[0].rule == "email");
  CHECK(ada->matches[0].key == "ada@engines.example");
  CHECK(ada->matches[0].ids == std::vector<std::string>{"kada000000000001", "kada000000000002"});
  const crm::DuplicateGroup* jose = group_with(groups, "kjose00000000001");
  REQUIRE(jose != nullptr);
  CHECK(jose->rules() == "name");
  CHECK(jose->matches[0].key == "jose garcia");
  CHECK(group_with(groups, "kgrace0000000001") == nullptr);
  CHECK_THROWS_AS(crm::find_duplicates(store, "deal"), crm::UsageError);
}

TEST_CASE("dedupe finds companies by name without legal suffixes and by domain") {
  TempDir tmp;
  crm::Store store(planted(tmp), dedupe_clock());
  std::vector<crm::DuplicateGroup> groups = crm::find_duplicates(store, "company");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].ids == std::vector<std::string>{"cacme00000000001", "cacme00000000002", "cacme00000000003"});
  CHECK(groups[0].rules() == "name, domain");
}

TEST_CASE("dedupe merge of contacts re-points every reference and leaves check silent") {
  TempDir tmp;
  fs::path root = planted(tmp);
  crm::Store store(root, dedupe_clock());
  crm::Writer w = store.lock();
  crm::MergeOutcome m = crm::merge_records_into(w, "kada000000000001", {"kada000000000002", "kada000000000003"}, false);
  CHECK(m.removed == std::vector<std::string>{"kada000000000002", "kada000000000003"});
  const crm::Schema& contacts = store.schemas().get("contact");
  CHECK_FALSE(store.exists(contacts, "kada000000000002"));
  CHECK_FALSE(store.exists(contacts, "kada000000000003"));
  crm::Record ada = store.load(contacts, "kada000000000001");
  CHECK(ada.get("name") == "Ada Lovelace");  // the survivor's value
  CHECK(ada.get("email") == "ada@engines.example");
  CHECK(list_of(ada, "emails") == std::vector<std::string>{"ada.home@example.org"});
  CHECK(ada.get("title") == "Countess");            // filled from an other
  CHECK(ada.get("company") == "cacme00000000001");  // the survivor's
  CHECK(list_of(ada, "tags") == std::vector<std::string>{"vip", "speaker"});
  CHECK(list_of(ada, "phones") == std::vector<std::string>{"+44 7700 900123"});
  CHECK(ada.get("notes") == "First meeting went well.\n\nPrefers email.");
  CHECK(std::find(m.filled.begin(), m.filled.end(), "title") != m.filled.end());

  crm::Record deal = store.load(store.schemas().get("deal"), "dbig000000000001");
  CHECK(list_of(deal, "contacts") == std::vector<std::string>{"kada000000000001", "kgrace0000000001"});
  crm::Record task = store.load(store.schemas().get("task"), "tcall00000000001");
  CHECK(list_of(task, "related") == std::vector<std::string>{"kada000000000001", "cacme00000000003"});
  crm::Record meeting = store.load(store.schemas().get("activity"), "ameet00000000001");
  CHECK(list_of(meeting, "with") == std::vector<std::string>{"kada000000000001", "cacme00000000003"});
  crm::Record lead = store.load(store.schemas().get("lead"), "lada000000000001");
  CHECK(lead.get("converted_contact") == "kada000000000001");
  CHECK(crm::check_store(store).empty());
  CHECK(crm::find_duplicates(store, "contact").size() == 1);  // only the Josés left
}

TEST_CASE("dedupe merge of companies re-points contacts, deals, tasks, activities and leads") {
  TempDir tmp;
  fs::path root = planted(tmp);
  crm::Store store(root, dedupe_clock());
  crm::Writer w = store.lock();
  crm::MergeOutcome m = crm::merge_records_into(w, "cacme00000000001", {"cacme00000000002", "cacme00000000003"}, false);
  CHECK(m.repointed.size() >= 5);
  crm::Record acme = store.load(store.schemas().get("company"), "cacme00000000001");
  CHECK(acme.get("name") == "Acme, Inc.");
  CHECK(acme.get("industry") == "Anvils");
  CHECK(acme.get("website") == "https://www.acme.example/");
  CHECK(store.load(store.schemas().get("contact"), "kada000000000002").get("company") == "cacme00000000001");
  CHECK(store.load(store.schemas().get("deal"), "dbig000000000001").get("company") == "cacme00000000001");
  CHECK(list_of(store.load(store.schemas().get("task"), "tcall00000000001"), "related") ==
        std::vector<std::string>{"kada000000000003", "cacme00000000001"});
  CHECK(store.load(store.schemas().get("lead"), "lada000000000001").get("converted_company") == "cacme00000000001");
  CHECK(store.ids(store.schemas().get("company")) == std::vector<std::string>{"cacme00000000001", "cglobex000000001"});
  CHECK(crm::check_store(store).empty());
}

TEST_CASE("dedupe merge dry run shows the result and writes nothing") {
  TempDir tmp;
  fs::path root = planted(tmp);
  crm::Store store(root, dedupe_clock());
  crm::Writer w = store.lock();
  crm::MergeOutcome m = crm::merge_records_into(w, "kjose00000000001", {"kjose00000000002"}, true);
  CHECK(m.dry_run);
  CHECK(m.survivor.get("email") == "jose@ejemplo.example");
  CHECK(m.before.get("email").empty());
  CHECK(m.removed == std::vector<std::string>{"kjose00000000002"});
  CHECK(store.changes().empty());
  CHECK(store.exists(store.schemas().get("contact"), "kjose00000000002"));
}

TEST_CASE("dedupe merge refuses what cannot be merged") {
  TempDir tmp;
  crm::Store store(planted(tmp), dedupe_clock());
  crm::Writer w = store.lock();
  CHECK_THROWS_AS(crm::merge_records_into(w, "kada000000000001", {"cacme00000000001"}, false), crm::UsageError);
  CHECK_THROWS_AS(crm::merge_records_into(w, "kada000000000001", {"kada000000000001"}, false), crm::UsageError);
  CHECK_THROWS_AS(crm::merge_records_into(w, "kada000000000001", {"knobody000000000"}, false), crm::NotFound);
  CHECK_THROWS_AS(crm::merge_records_into(w, "knobody000000000", {"kada000000000001"}, false), crm::NotFound);
  CHECK_THROWS_AS(crm::merge_records_into(w, "kada000000000001", {}, false), crm::UsageError);
  CHECK(store.changes().empty());
}
