// dashboard: the one-page dashboard (dashboard_html, crm serve's page) on a
// small store: its figures, its six report sections in order, --owner, and
// the other formats left as the dashboard table prints them.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "crm/dashboard.hpp"
#include "crm/yaml_io.hpp"
#include "temp_dir.hpp"

namespace {

crm::Seconds at(const char* iso) {
  auto t = crm::parse_iso_datetime(iso);
  REQUIRE(t.has_value());
  return *t;
}

struct Fixture {
  crm_test::TempDir tmp;
  std::filesystem::path root = tmp.path() / "crm";
  Fixture() { REQUIRE(crm::Store::init(root)); }
  void add(const std::string& type, const std::string& yaml) {
    crm::Store store(root, crm::Clock::fixed(at("2026-11-01T09:00:00Z")));
    crm::Record r;
    r.type = type;
    r.data = crm::parse_yaml(yaml, "test");
    store.lock().write_raw(r, true);
  }
  crm::Store store() const { return crm::Store(root, crm::Clock::fixed(at("2026-11-23T10:00:00Z"))); }
};

size_t find(const std::string& page, const std::string& part) {
  size_t at = page.find(part);
  CHECK_MESSAGE(at != std::string::npos, part);
  return at;
}

}  // namespace

TEST_CASE("dashboard_html: the figures, then six reports in order, each a section") {
  Fixture f;
  f.add("deal",
        "id: d000000000000001\nname: <Big> & Co\namount: 1000\nstage: proposal\nowner: kim\n"
        "close_date: 2026-11-30\n");
  f.add("deal", "id: d000000000000002\nname: Small\namount: 250.50\nstage: qualification\nowner: sam\n");
  f.add("ticket", "id: t000000000000001\nsubject: Jam\nstatus: open\npriority: high\nowner: kim\n");
  crm::Store store = f.store();
  std::string page = crm::dashboard_html(store);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(find(page, "<h1>Dashboard 2026-11-23</h1>") < find(page, "As of 2026-11-23 10:00 (UTC)"));
  // The figures: 1000 × 50% + 250.50 × 10% = 525.05 weighted.
  CHECK(find(page, "<td class=\"num money\" data-value=\"1250.5\">USD 1,250.50</td>") <
        find(page, "<td class=\"num money\" data-value=\"525.05\">USD 525.05</td>"));
  size_t last = 0;
  for (const char* id :
       {"open_pipeline", "this_month", "figures", "pipeline", "forecast", "revenue", "rfm", "cohorts", "tickets"}) {
    size_t here = find(page, std::string("<section id=\"") + id + "\">");
    CHECK(here > last);
    last = here;
  }
  CHECK(page.find("<h2>Pipeline by stage</h2>") != std::string::npos);
  CHECK(page.find("<figcaption>weighted by stage (USD)</figcaption>") != std::string::npos);
  CHECK(page.find("<figcaption>total by status</figcaption>") != std::string::npos);  // the backlog's bar
  CHECK(page.find("<p class=\"empty\">") != std::string::npos);                       // no orders: revenue says so

  // One owner's: kim's deal and ticket only; revenue is everyone's and says so.
  std::string kim = crm::dashboard_html(store, "kim");
  CHECK(kim.find("<h1>Dashboard 2026-11-23 (kim)</h1>") != std::string::npos);
  CHECK(kim.find("data-value=\"1000\">USD 1,000.00</td>") != std::string::npos);
  CHECK(kim.find("250.5") == std::string::npos);
  CHECK(kim.find("<h2>Revenue by month (every owner&#39;s)</h2>") != std::string::npos);
  CHECK(kim.find("<h2>Pipeline by stage</h2>") != std::string::npos);
}

TEST_CASE("dashboard_page: other formats print the dashboard table, the sections never built") {
  Fixture f;
  f.add("deal", "id: d000000000000001\nname: Big\namount: 1000\nstage: proposal\n");
  crm::Store store = f.store();
  crm::OutputOptions csv;
  csv.format = crm::Format::Csv;
  CHECK(crm::render(crm::dashboard_page(store, ""), csv) ==
        crm::render(crm::dashboard_table(crm::build_dashboard(store, "")), csv));
  crm::OutputOptions table;
  CHECK(crm::render(crm::dashboard_page(store, ""), table) ==
        crm::render(crm::dashboard_table(crm::build_dashboard(store, "")), table));
}
