// exporter: JSON/JSONL, CSV, vCard, iCalendar out of a store; the round trips back in.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/csv.hpp"
#include "crm/error.hpp"
#include "crm/exporter.hpp"
#include "crm/importer.hpp"
#include "crm/store.hpp"
#include "crm/vcard.hpp"
#include "crm/yaml_io.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using crm_test::read_text;
using crm_test::TempDir;
using crm_test::write_text;

namespace {

crm::Clock export_clock() { return crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:04:05Z")); }

fs::path make_store(const TempDir& tmp, const std::string& name) {
  fs::path root = tmp.path() / name;
  REQUIRE(crm::Store::init(root));
  return root;
}

void add(const crm::Store& store, const std::string& type, const std::string& yaml) {
  crm::Record r;
  r.type = type;
  r.data = crm::parse_yaml(yaml, "seed");
  store.lock().write_raw(r, true);
}

// A store with every type and every kind of reference.
void seed(const crm::Store& s) {
  add(s, "company",
      "id: cengines00000001\nname: Analytical Engines Ltd\ndomain: engines.example\nindustry: Computing\nsize: 40\n"
      "phone: +44 20 7946 0000\naddress: {city: London, country: United Kingdom}\nwebsite: https://engines.example\n"
      "tags: [key, 'a;b']\nrelationship: customer\nnotes: \"Line one\\nLine two\"\n");
  add(s, "company", "id: cnavy00000000002\nname: US Navy\ndomain: navy.example\nowner: bob\n");
  add(s, "contact",
      "id: kada000000000001\nname: Ada Lovelace\nfirst_name: Ada\nlast_name: Lovelace\nemail: ada@engines.example\n"
      "emails: [ada.home@example.org]\nphone: +44 20 7946 0018\n"
      "phones: [{number: 0207 946 0019, kind: work}, {number: 07700 900123}]\ntitle: Chief Mathematician\n"
      "company: cengines00000001\naddress: {street: '12 St James, Square', city: London, postal_code: SW1Y 4JH}\n"
      "website: https://ada.example\nsource: referral\nowner: alice\ntags: [vip, speaker]\nlifecycle: customer\n"
      "do_not_contact: false\nbirthday: 1815-12-10\nfollow_up: 2026-12-01\ncadence: 30\n"
      "notes: \"Met at the Royal Society; wants a demo.\\nPrefers email.\"\n");
  add(s, "contact",
      "id: kgrace0000000002\nname: Grace Hopper\nemail: grace@navy.example\ncompany: cnavy00000000002\n"
      "lifecycle: sql\nnotes: '=HYPERLINK(\"http://evil.example\")'\n");
  add(s, "contact", "id: kcjk000000000003\nname: 最喜欢的客户\nphone: +86 10 5555 0100\nlifecycle: lead\n");
  add(s, "deal",
      "id: dengines00000001\nname: Engines - 40 licences\ncompany: cengines00000001\n"
      "contacts: [kada000000000001]\namount: 12500.50\nstage: won\nclose_date: 2026-11-02\n"
      "closed_at: 2026-11-02T00:00:00Z\nstage_history: [{stage: proposal, at: 2026-10-01T09:00:00Z}, "
      "{stage: won, at: 2026-11-02T00:00:00Z}]\n");
  add(s, "lead",
      "id: lada000000000001\nname: Ada Lovelace\nemail: ada@engines.example\nstatus: converted\n"
      "converted_at: 2026-10-01T09:00:00Z\nconverted_contact: kada000000000001\n"
      "converted_company: cengines00000001\nconverted_deal: dengines00000001\n");
  add(s, "task", "id: tnext00000000002\ntitle: Call again\ndue: 2026-12-08\nstatus: open\npriority: low\n");
  add(s, "task",
      "id: tcall00000000001\ntitle: Call Ada; about pricing, terms\ndue: 2026-12-01T14:00:00Z\nstatus: in-progress\n"
      "priority: urgent\nrelated: [kada000000000001, dengines00000001]\nnext: tnext00000000002\n"
      "notes: Bring the contract\n");
  add(s, "task", "id: tdone00000000003\ntitle: Done already\nstatus: done\ncompleted_at: 2026-11-01T10:00:00Z\n");
  add(s, "activity",
      "id: ameet00000000001\nkind: meeting\nat: 2026-11-20T15:00:00Z\nsummary: Demo at the office\n"
      "body: Showed the engine\nwith: [kada000000000001, cengines00000001]\nduration: 1h15m\n");
  add(s, "activity", "id: acall00000000002\nkind: call\nat: 2026-11-21T09:00:00Z\nsummary: Quick call\n");
}

std::string export_text(const crm::Store& store, const std::string& format, const std::string& type = "",
                        std::vector<std::string> filter = {}) {
  crm::ExportRequest req;
  req.format = format;
  req.type = type;
  req.filter = std::move(filter);
  return crm::export_records(store, req);
}

crm::ImportResult import_file(const crm::Store& store, const fs::path& file, const std::string& format,
                              const std::string& type = "") {
  crm::ImportRequest req;
  req.format = format;
  req.type = type;
  req.files = {file.string()};
  return [&] {
    crm::Writer w = store.lock();
    return crm::import_records(w, req);
  }();
}

// Every record file of `a` is in `b` byte for byte.
void check_same_files(const fs::path& a, const fs::path& b, const std::vector<std::string>& folders) {
  for (const std::string& folder : folders) {
    CAPTURE(folder);
    CHECK(crm_test::list_dir(a / folder) == crm_test::list_dir(b / folder));
    for (const std::string& name : crm_test::list_dir(a / folder)) {
      CAPTURE(name);
      CHECK(read_text(a / folder / name) == read_text(b / folder / name));
    }
  }
}

}  // namespace

TEST_CASE("export json and jsonl of the whole store or one type") {
  TempDir tmp;
  crm::Store store(make_store(tmp, "a"), export_clock());
  seed(store);
  std::string json = export_text(store, "json");
  crm::Node doc = crm::parse_yaml(json, "export.json", 1 << 24);
  REQUIRE(doc.is_sequence());
  CHECK(doc.items.size() == 12);
  CHECK(json.find("\"amount\": 12500.50") != std::string::npos);  // money as a number, exactly
  std::string jsonl = export_text(store, "jsonl", "contact");
  CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 3);
  CHECK(jsonl.find("{\"id\":\"kada000000000001\",\"type\":\"contact\",\"name\":\"Ada Lovelace\"") == 0);
  std::string vip = export_text(store, "jsonl", "", {"+vip"});  // types without tags are left out
  CHECK(std::count(vip.begin(), vip.end(), '\n') == 1);
  CHECK_THROWS_AS(export_text(store, "jsonl", "", {"nosuchfield=1"}), crm::UsageError);
  CHECK_THROWS_AS(export_text(store, "xml"), crm::UsageError);
}

TEST_CASE("export json then import it into an empty store gives the same files") {
  TempDir tmp;
  fs::path a = make_store(tmp, "a"), b = make_store(tmp, "b");
  crm::Store sa(a, export_clock()), sb(b, export_clock());
  seed(sa);
  for (const char* format : {"json", "jsonl"}) {
    CAPTURE(format);
    fs::path file = tmp.path() / (std::string("all.") + format);
    write_text(file, export_text(sa, format));
    fs::path c = make_store(tmp, std::string("c-") + format);
    crm::Store sc(c, export_clock());
    crm::ImportResult r = import_file(sc, file, format);
    CHECK(r.failed == 0);
    CHECK(r.created == 12);
    check_same_files(a, c, {"companies", "contacts", "leads", "deals", "tasks", "activities"});
    // and again: nothing to do
    crm::ImportResult again = import_file(sc, file, format);
    CHECK(again.unchanged == 12);
    CHECK(again.created + again.updated + again.failed == 0);
  }
}

TEST_CASE("export json import keeps the type asked for and reports the rest") {
  TempDir tmp;
  crm::Store sa(make_store(tmp, "a"), export_clock());
  seed(sa);
  fs::path file = tmp.path() / "all.json";
  write_text(file, export_text(sa, "json"));
  crm::Store sb(make_store(tmp, "b"), export_clock());
  crm::ImportResult r = import_file(sb, file, "json", "company");
  CHECK(r.created == 2);
  CHECK(r.skipped == 10);
}

TEST_CASE("export csv with names and ids of references and neutralised formulas") {
  TempDir tmp;
  crm::Store store(make_store(tmp, "a"), export_clock());
  seed(store);
  std::string csv = export_text(store, "csv", "contact");
  crm::CsvTable t = crm::parse_csv(csv);
  REQUIRE(t.rows.size() == 4);
  const std::vector<std::string>& h = t.rows[0].cells;
  CHECK(h == crm::csv_export_columns(store.schemas().get("contact")));
  auto col = [&](const std::string& name) {
    return static_cast<size_t>(std::find(h.begin(), h.end(), name) - h.begin());
  };
  REQUIRE(col("company_id") < h.size());
  const std::vector<std::string>& ada = t.rows[1].cells;
  CHECK(ada[col("company")] == "Analytical Engines Ltd");
  CHECK(ada[col("company_id")] == "cengines00000001");
  CHECK(ada[col("address.street")] == "12 St James, Square");
  CHECK(ada[col("phone")] == "'+44 20 7946 0018");  // '+' starts a formula in a spreadsheet
  CHECK(ada[col("phones")] == "0207 946 0019 (work); 07700 900123");
  CHECK(ada[col("tags")] == "vip, speaker");
  CHECK(ada[col("notes")] == "Met at the Royal Society; wants a demo.\nPrefers email.");
  CHECK(t.rows[3].cells[col("notes")] ==  // rows by id: kada, kcjk, kgrace
        "'=HYPERLINK(\"http://evil.example\")");
  CHECK(csv.find("\r\n") != std::string::npos);
  crm::ExportRequest raw;
  raw.format = "csv";
  raw.type = "contact";
  raw.raw = true;
  CHECK(crm::export_records(store, raw).find("\"=HYPERLINK(") != std::string::npos);
  CHECK_THROWS_AS(export_text(store, "csv"), crm::UsageError);
  std::string deals = export_text(store, "csv", "deal");
  CHECK(deals.find("contacts,contacts_ids") != std::string::npos);
  CHECK(deals.find("stage_history") == std::string::npos);
}

TEST_CASE("export csv then import it back changes nothing and restores into an empty store") {
  TempDir tmp;
  fs::path a = make_store(tmp, "a");
  crm::Store sa(a, export_clock());
  seed(sa);
  fs::path companies = tmp.path() / "companies.csv", contacts = tmp.path() / "contacts.csv";
  write_text(companies, export_text(sa, "csv", "company"));
  write_text(contacts, export_text(sa, "csv", "contact"));
  crm::ImportResult same = import_file(sa, contacts, "csv", "contact");
  CHECK(same.failed == 0);
  CHECK(same.unchanged == 3);
  CHECK(same.created + same.updated == 0);

  fs::path b = make_store(tmp, "b");
  crm::Store sb(b, export_clock());
  CHECK(import_file(sb, companies, "csv", "company").created == 2);
  crm::ImportResult r = import_file(sb, contacts, "csv", "contact");
  CHECK(r.failed == 0);
  CHECK(r.created == 3);
  check_same_files(a, b, {"companies", "contacts"});
}

TEST_CASE("export vcard then import it into an empty store gives the same records") {
  TempDir tmp;
  fs::path a = make_store(tmp, "a"), b = make_store(tmp, "b");
  crm::Store sa(a, export_clock()), sb(b, export_clock());
  seed(sa);
  for (const char* version : {"4.0", "3.0"}) {
    CAPTURE(version);
    crm::ExportRequest req;
    req.format = "vcard";
    req.vcard_version = version;
    std::string cards = crm::export_records(sa, req);
    CHECK(crm::parse_vcards(cards, "x").size() == 5);  // 2 companies, 3 contacts
    fs::path file = tmp.path() / (std::string("all-") + version + ".vcf");
    write_text(file, cards);
    fs::path c = make_store(tmp, std::string("c-") + version);
    crm::Store sc(c, export_clock());
    crm::ImportResult r = import_file(sc, file, "vcard");
    CHECK(r.failed == 0);
    CHECK(r.created == 5);
    check_same_files(a, c, {"companies", "contacts"});
    // Re-importing into the store it came from updates nothing and duplicates nothing.
    crm::ImportResult back = import_file(sa, file, "vcard");
    CHECK(back.unchanged == 5);
    CHECK(back.created + back.updated + back.failed == 0);
  }
}

TEST_CASE("export ical holds open tasks and meetings") {
  TempDir tmp;
  crm::Store store(make_store(tmp, "a"), export_clock());
  seed(store);
  std::string ics = export_text(store, "ical");
  CHECK(ics.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") == 0);
  CHECK(ics.find("UID:tcall00000000001@crm\r\n") != std::string::npos);
  CHECK(ics.find("UID:tnext00000000002@crm\r\n") != std::string::npos);
  CHECK(ics.find("tdone00000000003") == std::string::npos);  // done: not on the calendar
  CHECK(ics.find("UID:ameet00000000001@crm\r\n") != std::string::npos);
  CHECK(ics.find("acall00000000002") == std::string::npos);  // a call is no event
  CHECK(ics.find("X-CRM-RELATED;X-CRM-ID=kada000000000001:Ada Lovelace\r\n") != std::string::npos);
  std::string only_tasks = export_text(store, "ical", "", {"priority=urgent"});
  CHECK(only_tasks.find("tcall00000000001") != std::string::npos);
  CHECK(only_tasks.find("BEGIN:VEVENT") == std::string::npos);
  CHECK_THROWS_AS(export_text(store, "ical", "contact"), crm::UsageError);
  CHECK_THROWS_AS(export_text(store, "vcard", "deal"), crm::UsageError);
}
