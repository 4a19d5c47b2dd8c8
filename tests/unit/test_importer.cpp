// importer: exporter CSVs (Google, HubSpot), mapping, matching, idempotence, bad rows.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/importer.hpp"
#include "crm/store.hpp"
#include "import_fixtures.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using crm_test::import_fixture;
using crm_test::TempDir;
using crm_test::write_text;

namespace {

crm::Clock import_clock() { return crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:04:05Z")); }

struct TestStore {
  TempDir tmp;
  fs::path root;
  crm::Store store;
  TestStore() : root(make_root(tmp)), store(root, import_clock()) {}
  static fs::path make_root(const TempDir& t) {
    fs::path r = t.path() / "crm";
    REQUIRE(crm::Store::init(r));
    return r;
  }
  std::vector<crm::Record> all(const std::string& type) const {
    return store.load_all(store.schemas().get(type)).records;
  }
  crm::Record by_name(const std::string& type, const std::string& name) const {
    const crm::Schema& s = store.schemas().get(type);
    for (crm::Record& r : store.load_all(s).records)
      if (r.get(s.title) == name) return r;
    FAIL("no " << type << " named " << name);
    return {};
  }
};

crm::ImportResult import_csv(const crm::Store& store, const std::string& fixture, const std::string& type = "contact",
                             bool dry_run = false) {
  crm::ImportRequest req;
  req.format = "csv";
  req.files = {import_fixture(fixture).string()};
  req.type = type;
  req.dry_run = dry_run;
  return [&] {
    crm::Writer w = store.lock();
    return crm::import_records(w, req);
  }();
}

crm::ImportResult import_text(const crm::Store& store, const fs::path& dir, const std::string& text,
                              crm::ImportRequest req) {
  fs::path file = dir / "in.csv";
  write_text(file, text);
  req.format = req.format.empty() ? "csv" : req.format;
  req.files = {file.string()};
  return [&] {
    crm::Writer w = store.lock();
    return crm::import_records(w, req);
  }();
}

const crm::ImportRowResult* row_at(const crm::ImportResult& r, int line, const std::string& type = "") {
  for (const crm::ImportRowResult& x : r.rows)
    if (x.line == line && (type.empty() || x.type == type)) return &x;
  return nullptr;
}

std::vector<std::string> list_of(const crm::Record& r, const std::string& field) {
  std::vector<std::string> out;
  if (const crm::Node* n = r.find(field); n && n->is_sequence())
    for (const crm::Node& i : n->items) out.push_back(i.text);
  return out;
}

}  // namespace

TEST_CASE("import amounts with thousands separators and decimal commas") {
  CHECK(crm::normalise_amount("12,500.50") == "12500.50");
  CHECK(crm::normalise_amount("12.500,50") == "12500.50");
  CHECK(crm::normalise_amount("48000") == "48000");
  CHECK(crm::normalise_amount("$ 1,200") == "1200");
  CHECK(crm::normalise_amount("1'000.5") == "1000.5");
  CHECK(crm::normalise_amount("12,5") == "12.5");
  CHECK(crm::normalise_amount("1.234.567") == "1234567");
  CHECK(crm::normalise_amount("(250.00)") == "-250.00");
  CHECK(crm::normalise_amount("€ 99") == "99");
  CHECK(crm::normalise_amount("abc").empty());
  CHECK(crm::normalise_amount("1,23,4").empty());
}

TEST_CASE("import dates in common formats and by a given format") {
  CHECK(crm::normalise_date("2026-12-15") == "2026-12-15");
  CHECK(crm::normalise_date("12/15/2026") == "2026-12-15");
  CHECK(crm::normalise_date("3/4/2025") == "2025-03-04");
  CHECK(crm::normalise_date("15.12.2026") == "2026-12-15");
  CHECK(crm::normalise_date("2025-03-04 10:15") == "2025-03-04T10:15:00Z");
  CHECK(crm::normalise_date("2026-01-02T13:45:00.000Z") == "2026-01-02T13:45:00Z");
  CHECK(crm::normalise_date("12/15/2026 2:30 PM") == "2026-12-15T14:30:00Z");
  CHECK(crm::normalise_date("15 Dec 2026") == "2026-12-15");
  CHECK(crm::normalise_date("Dec 15, 2026") == "2026-12-15");
  CHECK(crm::normalise_date("20261215") == "2026-12-15");
  CHECK(crm::normalise_date("31/12/2026").empty());  // slashes read M/D: no 31st month
  CHECK(crm::normalise_date("31/12/2026", "%d/%m/%Y") == "2026-12-31");
  CHECK(crm::normalise_date("2026-02-30").empty());
  CHECK(crm::normalise_date("circa 1969").empty());
}

TEST_CASE("import maps deal stages onto the pipeline") {
  TestStore t;
  const crm::Config& c = t.store.config();
  CHECK(crm::map_deal_stage("negotiation", c) == "negotiation");
  CHECK(crm::map_deal_stage("Needs Analysis", c) == "needs-analysis");
  CHECK(crm::map_deal_stage("closedwon", c) == "won");
  CHECK(crm::map_deal_stage("Closed Lost", c) == "lost");
  CHECK(crm::map_deal_stage("appointmentscheduled", c) == "qualification");
  CHECK(crm::map_deal_stage("Proposal/Price Quote", c) == "proposal");
  CHECK(crm::map_deal_stage("somewhere", c).empty());
}

TEST_CASE("import the Google Contacts CSV") {
  TestStore t;
  crm::ImportResult r = import_csv(t.store, "google-contacts.csv");
  CHECK(r.failed == 0);
  CHECK(r.created == 6);  // three contacts and their three companies
  CHECK(t.all("contact").size() == 3);
  CHECK(t.all("company").size() == 3);

  crm::Record ada = t.by_name("contact", "Ada Lovelace");
  CHECK(ada.get("first_name") == "Ada");
  CHECK(ada.get("last_name") == "Lovelace");
  CHECK(ada.get("email") == "ada@engines.example");  // "* Work" is Google's primary
  CHECK(list_of(ada, "emails") == std::vector<std::string>{"ada.home@example.org"});
  CHECK(ada.get("phone") == "+44 20 7946 0018");
  CHECK(ada.get("title") == "Chief Mathematician");
  CHECK(ada.get("address.street") == "12 St James, Square");
  CHECK(ada.get("address.city") == "London");
  CHECK(ada.get("address.postal_code") == "SW1Y 4JH");
  CHECK(ada.get("address.country") == "United Kingdom");
  CHECK(ada.get("notes") == "Met at the Royal Society; wants a demo.\nPrefers email.");
  CHECK(list_of(ada, "tags") == std::vector<std::string>{"vip"});
  CHECK(ada.get("source") == "import");
  crm::Record engines = t.by_name("company", "Analytical Engines Ltd");
  CHECK(ada.get("company") == engines.id());
  CHECK(engines.get("domain") == "engines.example");

  crm::Record grace = t.by_name("contact", "Grace Brewster Hopper");
  CHECK(grace.get("phone") == "(555) 010-2030");
  CHECK(grace.get("title") == "Rear Admiral");
  CHECK(list_of(grace, "tags").empty());
  CHECK(grace.get("company") == t.by_name("company", "US Navy").id());

  crm::Record jose = t.by_name("contact", "José María García-López");
  CHECK(jose.get("email") == "jm.garcia@ejemplo.example");
  CHECK(jose.get("notes") == "He said \"call me Chema\"");
  CHECK(jose.get("company") == t.by_name("company", "Compañía Ibérica S.L.").id());

  const crm::ImportRowResult* row = row_at(r, 4, "contact");
  REQUIRE(row != nullptr);  // Ada's note spans lines 2-3: Grace starts on line 4
  CHECK(row->name == "Grace Brewster Hopper");
  CHECK(row->action == crm::RowAction::Created);
}

TEST_CASE("import twice changes nothing the second time") {
  TestStore t;
  for (auto [file, type] : {std::pair<const char*, const char*>{"google-contacts.csv", "contact"},
                            {"hubspot-contacts.csv", "contact"},
                            {"hubspot-deals.csv", "deal"}}) {
    CAPTURE(file);
    import_csv(t.store, file, type);
    size_t changes = t.store.changes().size();
    std::string ada = crm_test::read_text(t.root / "contacts" / (t.by_name("contact", "Ada Lovelace").id() + ".yaml"));
    crm::ImportResult again = import_csv(t.store, file, type);
    CHECK(again.created == 0);
    CHECK(again.updated == 0);
    CHECK(again.failed == 0);
    CHECK(again.unchanged > 0);
    CHECK(t.store.changes().size() == changes);  // nothing written
    CHECK(crm_test::read_text(t.root / "contacts" / (t.by_name("contact", "Ada Lovelace").id() + ".yaml")) == ada);
  }
}

TEST_CASE("import HubSpot contacts merges the duplicate row") {
  TestStore t;
  crm::ImportResult r = import_csv(t.store, "hubspot-contacts.csv");
  CHECK(r.failed == 0);
  std::vector<crm::Record> contacts = t.all("contact");
  CHECK(contacts.size() == 3);
  int adas = 0;
  for (const crm::Record& c : contacts) adas += c.get("name") == "Ada Lovelace";
  CHECK(adas == 1);
  const crm::ImportRowResult* dup = row_at(r, 5, "contact");
  REQUIRE(dup != nullptr);
  CHECK(dup->action == crm::RowAction::Updated);  // it brings HubSpot's other Record ID
  CHECK(dup->id == row_at(r, 2, "contact")->id);
  CHECK(dup->reason.find("line 2") != std::string::npos);
  crm::Record ada = t.by_name("contact", "Ada Lovelace");
  CHECK(ada.get("lifecycle") == "customer");
  CHECK(ada.get("owner") == "alice@example.com");
  CHECK(t.by_name("contact", "Grace Hopper").get("lifecycle") == "sql");
  CHECK(t.by_name("contact", "Grace Hopper").get("email") == "GRACE@navy.example");
  // Columns with no field are reported
  CHECK(r.unmapped_columns == std::vector<std::string>{"Lead Status", "Create Date", "Last Activity Date"});
}

TEST_CASE("import HubSpot after Google matches the upper-case email") {
  TestStore t;
  import_csv(t.store, "google-contacts.csv");
  crm::ImportResult r = import_csv(t.store, "hubspot-contacts.csv");
  CHECK(r.failed == 0);
  CHECK(t.all("contact").size() == 4);  // Ada, Grace, José, and the new Alan
  CHECK(t.all("company").size() == 4);  // Bletchley Park is new
  const crm::ImportRowResult* grace = row_at(r, 3, "contact");
  REQUIRE(grace != nullptr);
  CHECK(grace->action == crm::RowAction::Updated);  // lifecycle and owner are new
  crm::Record g = t.by_name("contact", "Grace Hopper");
  CHECK(g.get("email") == "grace@navy.example");
  CHECK(g.get("phone") == "(555) 010-2030");
  CHECK(list_of(g, "emails").empty());
  CHECK(row_at(r, 2, "contact")->action == crm::RowAction::Updated);
}

TEST_CASE("import HubSpot deals with amounts, stages and companies") {
  TestStore t;
  import_csv(t.store, "google-contacts.csv");
  crm::ImportResult r = import_csv(t.store, "hubspot-deals.csv", "deal");
  CHECK(r.failed == 0);
  CHECK(t.all("deal").size() == 3);
  crm::Record navy = t.by_name("deal", "Navy pilot");
  CHECK(navy.get("amount") == "12500.50");
  CHECK(navy.get("stage") == "proposal");
  CHECK(navy.get("close_date") == "2027-01-31");
  CHECK(navy.get("owner") == "bob@example.com");
  CHECK(navy.get("company") == t.by_name("company", "US Navy").id());
  crm::Record engines = t.by_name("deal", "Engines Ltd - 40 licences");
  CHECK(engines.get("amount") == "48000");
  CHECK(engines.get("company") == t.by_name("company", "Analytical Engines Ltd").id());
  crm::Record renewal = t.by_name("deal", "Bletchley renewal");
  CHECK(renewal.get("stage") == "won");
  CHECK(renewal.get("closed_at") == "2026-11-02T00:00:00Z");
  CHECK(t.all("company").size() == 4);  // Bletchley Park made for the deal
  CHECK(r.unmapped_columns == std::vector<std::string>{"Pipeline", "Create Date"});
}

TEST_CASE("import HubSpot contacts as leads maps lead status and company name") {
  TestStore t;
  crm::ImportResult r = import_csv(t.store, "hubspot-contacts.csv", "lead");
  CHECK(r.failed == 0);
  CHECK(r.created == 3);
  CHECK(t.all("company").empty());  // a lead's company is free text
  crm::Record ada = t.by_name("lead", "Ada Lovelace");
  CHECK(ada.get("status") == "contacted");  // CONNECTED
  CHECK(ada.get("company_name") == "Analytical Engines Ltd");
  CHECK(ada.get("phone") == "+44 20 7946 0018");
  CHECK(t.by_name("lead", "Alan Turing").get("status") == "new");
  CHECK(t.by_name("lead", "Grace Hopper").get("status") == "contacted");  // IN_PROGRESS
}

TEST_CASE("import Outlook and Salesforce contact headers") {
  TestStore t;
  crm::ImportRequest req;
  req.type = "contact";
  crm::ImportResult r = import_text(
      t.store, t.tmp.path(),
      "First Name,Last Name,Company,Job Title,Business Street,Business City,Business Postal Code,"
      "Business Country/Region,Home Street,Business Phone,Mobile Phone,E-mail Address,E-mail 2 "
      "Address,Categories,Notes\r\n"
      "Jürgen,Müller,Beispiel GmbH,Einkauf,Hauptstraße 5,Berlin,10115,Deutschland,Gartenweg 1,+49 30 555 0199,"
      "+49 170 555 0100,j.mueller@beispiel.example,jm@home.example,Business;VIP,\"Zeile 1\r\nZeile 2\"\r\n",
      req);
  CHECK(r.failed == 0);
  CHECK(r.unmapped_columns.empty());
  crm::Record j = t.by_name("contact", "Jürgen Müller");
  CHECK(j.get("import_notes") == "Home Address: Gartenweg 1");  // one address: Business wins, Home is kept
  CHECK(j.get("address.street") == "Hauptstraße 5");
  CHECK(j.get("address.country") == "Deutschland");
  CHECK(j.get("phone") == "+49 30 555 0199");
  CHECK(list_of(j, "emails") == std::vector<std::string>{"jm@home.example"});
  CHECK(list_of(j, "tags") == std::vector<std::string>{"Business", "VIP"});
  CHECK(j.get("notes") == "Zeile 1\nZeile 2");
  CHECK(j.get("company") == t.by_name("company", "Beispiel GmbH").id());
  const crm::Node* phones = j.find("phones");
  REQUIRE(phones != nullptr);
  CHECK(phones->items[0].get("kind") == "mobile");

  r = import_text(
      t.store, t.tmp.path(),
      "First Name,Last Name,Account Name,Title,Mailing City,Email,Phone,Mobile,Lead Source,Contact Owner,Description\n"
      "Marc,Benioff,Salesforce,CEO,San Francisco,marc@sf.example,+1 415 555 0100,,Partner Referral,alice,Founder\n",
      req);
  CHECK(r.failed == 0);
  CHECK(r.unmapped_columns.empty());
  crm::Record m = t.by_name("contact", "Marc Benioff");
  CHECK(m.get("source") == "partner");
  CHECK(m.get("address.city") == "San Francisco");
  CHECK(m.get("owner") == "alice");
  CHECK(m.get("notes") == "Founder");
  CHECK(m.get("title") == "CEO");
}

TEST_CASE("import a bad row fails alone with its line and column") {
  TestStore t;
  crm::ImportRequest req;
  req.type = "contact";
  crm::ImportResult r = import_text(t.store, t.tmp.path(),
                                    "Name,Email,Birthday\n"
                                    "Ada Lovelace,ada@engines.example,1815-12-10\n"
                                    "Bad Mail,ada@,\n"
                                    "Bad Day,bad@day.example,someday\n"
                                    "Alan Turing,alan@bletchley.example,\n",
                                    req);
  // One bad value does not lose the person: it is kept in import_notes.
  CHECK(r.created == 4);
  CHECK(r.failed == 0);
  const crm::ImportRowResult* bad = row_at(r, 3);
  REQUIRE(bad != nullptr);
  CHECK(bad->action == crm::RowAction::Created);
  REQUIRE(bad->notes.size() == 1);
  CHECK(bad->notes[0] == "column \"Email\": \"ada@\" is not an email address (kept in import_notes)");
  CHECK(row_at(r, 4)->notes.at(0).find("column \"Birthday\": \"someday\"") == 0);
  CHECK(t.by_name("contact", "Bad Mail").get("import_notes") == "Email: ada@");
  CHECK(t.by_name("contact", "Bad Mail").get("email").empty());
  CHECK(t.by_name("contact", "Bad Day").get("import_notes") == "Birthday: someday");
  CHECK(t.by_name("contact", "Bad Day").get("email") == "bad@day.example");
  CHECK(t.all("contact").size() == 4);
  CHECK(t.by_name("contact", "Ada Lovelace").get("birthday") == "1815-12-10");
}

TEST_CASE("import an unknown deal stage fails the row and names the stages") {
  TestStore t;
  crm::ImportRequest req;
  req.type = "deal";
  crm::ImportResult r = import_text(t.store, t.tmp.path(), "Deal Name,Deal Stage\nOne,proposal\nTwo,limbo\n", req);
  CHECK(r.created == 1);
  REQUIRE(r.failed == 1);
  CHECK(row_at(r, 3)->reason.find("limbo") != std::string::npos);
  CHECK(row_at(r, 3)->reason.find("qualification") != std::string::npos);
}

TEST_CASE("import dry run writes nothing and reports what it would do") {
  TestStore t;
  crm::ImportResult r = import_csv(t.store, "google-contacts.csv", "contact", true);
  CHECK(r.created == 6);
  CHECK(t.all("contact").empty());
  CHECK(t.all("company").empty());
  CHECK(t.store.changes().empty());
}

TEST_CASE("import modes create and update") {
  TestStore t;
  import_csv(t.store, "google-contacts.csv");
  crm::ImportRequest create;
  create.type = "contact";
  create.mode = "create";
  crm::ImportResult r = import_text(
      t.store, t.tmp.path(),
      "Name,Email,Job Title\nAda Lovelace,ADA@engines.example,Countess\nNew Person,new@x.example,\n", create);
  CHECK(r.skipped == 1);
  CHECK(r.created == 1);
  CHECK(t.by_name("contact", "Ada Lovelace").get("title") == "Chief Mathematician");
  crm::ImportRequest update;
  update.type = "contact";
  update.mode = "update";
  r = import_text(t.store, t.tmp.path(),
                  "Name,Email,Job Title\nAda Lovelace,ada@engines.example,Countess\nNobody,nobody@x.example,\n",
                  update);
  CHECK(r.updated == 1);
  CHECK(r.skipped == 1);
  CHECK(t.by_name("contact", "Ada Lovelace").get("title") == "Countess");
  CHECK(t.all("contact").size() == 4);
}

TEST_CASE("import with a column map, unmapped columns kept, and a match field") {
  TestStore t;
  crm::ImportRequest req;
  req.type = "company";
  req.map = {{"Firma", "name"}, {"Web", "domain"}, {"Sector", "industry"}};
  req.keep_unmapped = true;
  crm::ImportResult r = import_text(t.store, t.tmp.path(),
                                    "Firma;Web;Sector;Kundennummer\n"
                                    "Beispiel GmbH;www.beispiel.example;Handel;K-17\n"
                                    "Beispiel GmbH;https://beispiel.example/;;\n",
                                    req);
  CHECK(r.failed == 0);
  CHECK(r.created == 1);
  CHECK(r.unchanged == 1);  // same domain: the same company
  CHECK(r.unmapped_columns == std::vector<std::string>{"Kundennummer"});
  crm::Record c = t.by_name("company", "Beispiel GmbH");
  CHECK(c.get("domain") == "beispiel.example");
  CHECK(c.get("industry") == "Handel");
  CHECK(c.get("kundennummer") == "K-17");
  crm::ImportRequest bad = req;
  bad.map = {{"Firma", "nonsense"}};
  CHECK_THROWS_AS(import_text(t.store, t.tmp.path(), "Firma\nX\n", bad), crm::UsageError);
}

TEST_CASE("import within-file duplicates by upper-case email merge") {
  TestStore t;
  crm::ImportRequest req;
  req.type = "contact";
  crm::ImportResult r = import_text(t.store, t.tmp.path(),
                                    "First Name,Last Name,Email,Mobile Phone,Tags\n"
                                    "Ada,Lovelace,ada@engines.example,,math\n"
                                    "Ada,Lovelace,ADA@ENGINES.EXAMPLE,+44 7700 900123,vip\n",
                                    req);
  CHECK(r.created == 1);
  CHECK(r.updated == 1);
  REQUIRE(t.all("contact").size() == 1);
  crm::Record ada = t.all("contact")[0];
  CHECK(ada.get("phone") == "+44 7700 900123");
  CHECK(list_of(ada, "tags") == std::vector<std::string>{"math", "vip"});
  CHECK(row_at(r, 3)->reason.find("merged") != std::string::npos);
}

TEST_CASE("import European CSV deals with D.M.YYYY dates and a date format") {
  TestStore t;
  crm::ImportRequest req;
  req.type = "deal";
  crm::ImportResult r = import_text(t.store, t.tmp.path(),
                                    "Name;Amount;Stage;Close Date\nBig;\"12.500,50\";Negotiation;15.12.2026\n", req);
  CHECK(r.failed == 0);
  crm::Record big = t.by_name("deal", "Big");
  CHECK(big.get("amount") == "12500.50");
  CHECK(big.get("close_date") == "2026-12-15");
  req.date_format = "%d/%m/%Y";
  r = import_text(t.store, t.tmp.path(), "Name,Close Date\nOther,31/12/2026\n", req);
  CHECK(r.failed == 0);
  CHECK(t.by_name("deal", "Other").get("close_date") == "2026-12-31");
}

TEST_CASE("import reads a file that is not UTF-8 as its encoding, or names the encoding and line") {
  TestStore t;
  crm::ImportRequest req;
  req.type = "contact";
  crm::ImportResult r = import_text(t.store, t.tmp.path(),
                                    "Name\nAda\nJos\xE9 Garc\xED"
                                    "a\n",
                                    req);
  CHECK(r.created == 2);
  CHECK(t.by_name("contact", "José García").get("name") == "José García");
  req.encoding = "utf-8";
  try {
    import_text(t.store, t.tmp.path(), "Name\nAda\nJos\xE9\n", req);
    FAIL("expected an error");
  } catch (const crm::InvalidData& e) {
    CHECK(e.where().line == 3);
    CHECK(e.where().file.find("in.csv") != std::string::npos);
    CHECK(std::string(e.what()).find("UTF-8") != std::string::npos);
  }
}

TEST_CASE("import refuses a bad request") {
  TestStore t;
  crm::Writer w = t.store.lock();
  crm::ImportRequest req;
  req.format = "xls";
  req.files = {"x"};
  CHECK_THROWS_AS(crm::import_records(w, req), crm::UsageError);
  req.format = "csv";
  req.mode = "merge";
  CHECK_THROWS_AS(crm::import_records(w, req), crm::UsageError);
  req.mode = "upsert";
  req.type = "company";
  req.match = "email";
  CHECK_THROWS_AS(crm::import_records(w, req), crm::UsageError);
  req.type = "planet";
  req.match = "";
  CHECK_THROWS_AS(crm::import_records(w, req), crm::UsageError);
}

TEST_CASE("import summary and JSON result") {
  TestStore t;
  crm::ImportResult r = import_csv(t.store, "hubspot-contacts.csv");
  CHECK(crm::import_summary(r) == "6 created, 1 updated, 0 unchanged, 0 skipped, 0 failed");
  std::string json = crm::dump_json(crm::import_result_object(r), -1);
  CHECK(json.find("\"created\":6") != std::string::npos);
  CHECK(json.find("\"unmapped_columns\":[\"Lead Status\"") != std::string::npos);
}

namespace {

crm::ImportResult import_vcards(const crm::Store& store, const std::vector<std::string>& fixtures,
                                bool dry_run = false) {
  crm::ImportRequest req;
  req.format = "vcard";
  for (const std::string& f : fixtures) req.files.push_back(import_fixture(f).string());
  req.dry_run = dry_run;
  return [&] {
    crm::Writer w = store.lock();
    return crm::import_records(w, req);
  }();
}

}  // namespace

TEST_CASE("import every vCard fixture") {
  TestStore t;
  crm::ImportResult r =
      import_vcards(t.store, {"apple-3.0.vcf", "google-3.0-multi.vcf", "rfc6350-4.0.vcf", "outlook-2.1.vcf"});
  CHECK(r.failed == 0);
  CHECK(t.all("contact").size() == 6);
  // ACME (KIND:org) and the companies the ORGs name; Apple's Analytical Engines once.
  CHECK(t.all("company").size() == 5);

  crm::Record ada = t.by_name("contact", "Ada King Lovelace");
  CHECK(ada.get("first_name") == "Ada");
  CHECK(ada.get("last_name") == "Lovelace");
  CHECK(ada.get("email") == "ada@engines.example");
  CHECK(list_of(ada, "emails") == std::vector<std::string>{"ada.home@example.org"});
  CHECK(ada.get("phone") == "+44 20 7946 0018");
  const crm::Node* phones = ada.find("phones");
  REQUIRE(phones != nullptr);
  REQUIRE(phones->items.size() == 1);
  CHECK(phones->items[0].get("number") == "0207 946 0019");
  CHECK(phones->items[0].get("kind") == "work");
  CHECK(ada.get("address.street") == "12 St James, Square");
  CHECK(ada.get("notes") == "Met at the Royal Society; wants a demo in Q1.\nPrefers email.");
  CHECK(ada.get("birthday") == "1815-12-10");
  CHECK(list_of(ada, "tags") == std::vector<std::string>{"vip", "speaker"});
  CHECK(ada.get("company") == t.by_name("company", "Analytical Engines Ltd").id());

  crm::Record grace = t.by_name("contact", "Grace Hopper");
  CHECK(grace.get("notes").find("therefore must be folded") != std::string::npos);
  CHECK(t.by_name("contact", "José María García-López").get("company") ==
        t.by_name("company", "Compañía Ibérica S.L.").id());
  crm::Record cjk = t.by_name("contact", "最喜欢的客户");
  CHECK(cjk.get("last_name") == "客户");
  CHECK(cjk.get("phone") == "+86 10 5555 0100");

  crm::Record linus = t.by_name("contact", "Dr. Linus Benedict Torvalds");
  CHECK(linus.get("phone") == "+1-555-555-0123");
  CHECK(linus.get("website") == "https://kernel.example");
  CHECK(linus.get("birthday").empty());
  crm::Record acme = t.by_name("company", "ACME Inc.");
  CHECK(acme.get("domain") == "acme.example");
  CHECK(acme.get("website") == "https://acme.example");
  bool noted = false;
  for (const crm::ImportRowResult& x : r.rows) noted = noted || x.reason.find("circa 1969") != std::string::npos;
  CHECK(noted);

  crm::Record jurgen = t.by_name("contact", "Jürgen Müller");
  CHECK(jurgen.get("email") == "j.mueller@beispiel.example");
  CHECK(jurgen.get("title") == "Einkauf");
  CHECK(jurgen.get("address.street") == "Hauptstraße 5");
  CHECK(jurgen.get("company") == t.by_name("company", "Beispiel GmbH").id());

  // Again: nothing changes, the card with no email included.
  crm::ImportResult again =
      import_vcards(t.store, {"apple-3.0.vcf", "google-3.0-multi.vcf", "rfc6350-4.0.vcf", "outlook-2.1.vcf"});
  CHECK(again.created == 0);
  CHECK(again.updated == 0);
  CHECK(again.failed == 0);
  CHECK(again.unchanged == 7);
}

TEST_CASE("import vCard after the Google CSV updates the same people") {
  TestStore t;
  import_csv(t.store, "google-contacts.csv");
  crm::ImportResult r = import_vcards(t.store, {"apple-3.0.vcf", "google-3.0-multi.vcf"});
  CHECK(r.failed == 0);
  CHECK(t.all("contact").size() == 4);  // Ada, Grace, José matched by email; the CJK card is new
  CHECK(t.all("company").size() == 3);
}
