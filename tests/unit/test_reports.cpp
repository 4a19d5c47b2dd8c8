// reports: every report on a small store built for it. The expected numbers
// are worked out by hand in the comments beside them, from the definitions in
// crm-reference.md, never copied from the program's output.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/reports.hpp"
#include "crm/yaml_io.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using crm_test::TempDir;
using crm_test::write_text;

namespace {

// Monday 2026-11-23, ten in the morning UTC: "today" in every test.
const char* const kNow = "2026-11-23T10:00:00Z";

crm::Seconds at(const char* iso) {
  auto t = crm::parse_iso_datetime(iso);
  REQUIRE(t.has_value());
  return *t;
}

crm::Days day(const char* iso) {
  auto d = crm::parse_iso_date(iso);
  REQUIRE(d.has_value());
  return *d;
}

// A store in a temp dir; records are written as the store writes them, with
// the created stamp of the moment they were made.
class Fixture {
 public:
  explicit Fixture(const std::string& config_text = "") {
    root_ = tmp_.path() / "crm";
    REQUIRE(crm::Store::init(root_));
    if (!config_text.empty()) write_text(root_ / ".crm/config.yaml", config_text);
  }

  void add(const std::string& type, const std::string& yaml, const char* created = "2026-01-05T09:00:00Z") {
    crm::Store store(root_, crm::Clock::fixed(at(created)));
    crm::Record r;
    r.type = type;
    r.data = crm::parse_yaml(yaml, "test");
    store.lock().write_raw(r, true);
  }

  crm::Store store() const { return crm::Store(root_, crm::Clock::fixed(at(kNow))); }

 private:
  TempDir tmp_;
  fs::path root_;
};

crm::ReportRequest request(const std::string& name, const std::string& by = "") {
  crm::ReportRequest q;
  q.name = name;
  q.by = by;
  return q;
}

// A cell as the test reads it: numbers in canonical decimal text, "n/a" for
// a null value, "" for a blank one.
std::string text(const crm::ReportCell& c) {
  switch (c.kind) {
    case crm::ReportCell::Kind::Null:
      return c.is_blank ? "" : "n/a";
    case crm::ReportCell::Kind::Text:
      return c.text;
    default:
      return c.value.str();
  }
}

std::string line(const std::vector<crm::ReportCell>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "|" : "") + text(cells[i]);
  return out;
}

std::vector<std::string> rows(const crm::Report& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(line(row));
  return out;
}

std::vector<std::string> totals(const crm::Report& r) {
  std::vector<std::string> out;
  for (const auto& row : r.totals) out.push_back(line(row));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("report forecast sums open deals by close month and won deals by closed_at, per currency") {
  Fixture f;
  // Open USD deals (the store's currency).
  f.add("deal", "id: f1aaaa\nname: F1\nstage: proposal\namount: 1000\nclose_date: 2026-11-30\n");
  f.add("deal", "id: f2aaaa\nname: F2\nstage: negotiation\namount: 250.50\nclose_date: 2026-11-05\n");
  f.add("deal",
        "id: f3aaaa\nname: F3\nstage: qualification\nprobability: 25\namount: 400\nclose_date: "
        "2027-01-15\n");
  f.add("deal", "id: f4aaaa\nname: F4 no amount\nstage: proposal\nclose_date: 2026-12-01\n");
  f.add("deal", "id: f5aaaa\nname: F5 no close date\nstage: proposal\namount: 999\n");
  f.add("deal",
        "id: f6aaaa\nname: F6 after the period\nstage: proposal\namount: 5000\nclose_date: "
        "2027-05-01\n");
  // Won this month (by closed_at, whatever its close_date said); lost counts nowhere.
  f.add("deal",
        "id: f7aaaa\nname: F7\nstage: won\namount: 300\nclose_date: 2026-12-20\n"
        "closed_at: 2026-11-10T12:00:00Z\n");
  f.add("deal",
        "id: f8aaaa\nname: F8\nstage: lost\namount: 700\nclose_date: 2026-11-20\n"
        "closed_at: 2026-11-11T12:00:00Z\n");
  f.add("deal",
        "id: f9aaaa\nname: F9\nstage: proposal\namount: 2000\ncurrency: EUR\nclose_date: "
        "2026-12-10\n");
  crm::Store store = f.store();

  crm::Report r = crm::build_report(store, request("forecast"));
  CHECK(r.columns == Lines{"period", "currency", "count", "amount", "weighted", "won"});
  CHECK(r.bar_column == 4);
  // Default period: this month and the five after it, 2026-11 … 2027-04,
  // each for both currencies (EUR sorts before USD).
  // 2026-11 USD: F1 1000 × 50% = 500, F2 250.50 × 80% = 200.40 → count 2,
  //   amount 1250.50, weighted 700.40; won F7 300.
  // 2026-12 EUR: F9 2000 × 50% = 1000.  2026-12 USD: F4 without amount → 1 deal, 0.
  // 2027-01 USD: F3 at its own 25%: 400 × 25% = 100.
  CHECK(rows(r) == Lines{
                       "2026-11|EUR|0|0|0|0",
                       "2026-11|USD|2|1250.5|700.4|300",
                       "2026-12|EUR|1|2000|1000|0",
                       "2026-12|USD|1|0|0|0",
                       "2027-01|EUR|0|0|0|0",
                       "2027-01|USD|1|400|100|0",
                       "2027-02|EUR|0|0|0|0",
                       "2027-02|USD|0|0|0|0",
                       "2027-03|EUR|0|0|0|0",
                       "2027-03|USD|0|0|0|0",
                       "2027-04|EUR|0|0|0|0",
                       "2027-04|USD|0|0|0|0",
                   });
  // USD: F1+F2+F3+F4 = 4 deals, 1000+250.50+400+0 = 1650.50, 500+200.40+100 = 800.40.
  CHECK(totals(r) == Lines{"total|EUR|1|2000|1000|0", "total|USD|4|1650.5|800.4|300"});
  // Money cells carry their row's currency, never a mix.
  CHECK(r.rows[1][3].currency == "USD");
  CHECK(r.rows[2][4].currency == "EUR");

  std::string json = crm::render_report(r, crm::Format::Json, crm::ReportStyle{});
  CHECK(json.find("\"weighted\": 700.4") != std::string::npos);
  std::string table = crm::render_report(r, crm::Format::Table, crm::ReportStyle{false, true});
  CHECK(table.find("USD 1,650.50") != std::string::npos);
  CHECK(table.find("█") != std::string::npos);
  std::string ascii = crm::render_report(r, crm::Format::Table, crm::ReportStyle{false, false});
  CHECK(ascii.find("█") == std::string::npos);
  CHECK(ascii.find('#') != std::string::npos);
}

TEST_CASE("report forecast by quarter, an explicit period and an empty one") {
  Fixture f;
  f.add("deal", "id: q1aaaa\nname: Q1\nstage: proposal\namount: 100\nclose_date: 2026-10-15\n");
  f.add("deal", "id: q2aaaa\nname: Q2\nstage: negotiation\namount: 200\nclose_date: 2026-12-31\n");
  f.add("deal", "id: q3aaaa\nname: Q3\nstage: qualification\namount: 300\nclose_date: 2027-02-01\n");
  f.add("deal", "id: q4aaaa\nname: Q4\nstage: proposal\namount: 400\nclose_date: 2027-04-01\n");
  crm::Store store = f.store();

  crm::ReportRequest q = request("forecast", "quarter");
  q.since = day("2026-10-01");
  q.until = day("2027-03-31");
  // Q4: 100 × 50% + 200 × 80% = 50 + 160 = 210. Q1: 300 × 10% = 30. Q4 of the
  // deal closing 2027-04-01 is past --until.
  CHECK(rows(crm::build_report(store, q)) == Lines{"2026-Q4|USD|2|300|210|0", "2027-Q1|USD|1|300|30|0"});

  // Without a period, by quarter: this quarter (2026-Q4, from its start) and the next.
  CHECK(rows(crm::build_report(store, request("forecast", "quarter"))) ==
        Lines{"2026-Q4|USD|2|300|210|0", "2027-Q1|USD|1|300|30|0"});

  // A period with nothing in it: its months, all zero.
  crm::ReportRequest empty = request("forecast");
  empty.since = day("2030-01-01");
  empty.until = day("2030-02-28");
  crm::Report r = crm::build_report(store, empty);
  CHECK(rows(r) == Lines{"2030-01|USD|0|0|0|0", "2030-02|USD|0|0|0|0"});
  CHECK(totals(r) == Lines{"total|USD|0|0|0|0"});

  CHECK_THROWS_AS(crm::build_report(store, request("forecast", "owner")), crm::UsageError);
}

TEST_CASE("report funnel counts the stages each deal's history reached") {
  Fixture f;
  auto deal = [&](const char* id, const char* stage, const std::string& history, const char* created) {
    f.add("deal",
          std::string("id: ") + id + "\nname: " + id + "\nstage: " + stage + "\n" +
              (history.empty() ? "" : "stage_history: [" + history + "]\n"),
          created);
  };
  const std::string t = "at: 2026-06-01T10:00:00Z";
  deal("fa1aaa", "won",
       "{stage: qualification, " + t + "}, {stage: needs-analysis, " + t + "}, {stage: proposal, " + t +
           "}, {stage: negotiation, " + t + "}, {stage: won, " + t + "}",
       "2026-02-01T09:00:00Z");
  deal("fb1aaa", "lost",
       "{stage: qualification, " + t + "}, {stage: needs-analysis, " + t + "}, {stage: proposal, " + t +
           "}, {stage: lost, " + t + "}",
       "2026-03-01T09:00:00Z");
  // Lost, reopened, moved on: qualification still counts once.
  deal("fc1aaa", "needs-analysis",
       "{stage: qualification, " + t + "}, {stage: lost, " + t + "}, {stage: qualification, " + t +
           "}, {stage: needs-analysis, " + t + "}",
       "2026-04-01T09:00:00Z");
  // Entered at proposal: the stages it skipped are not counted for it.
  deal("fd1aaa", "negotiation", "{stage: proposal, " + t + "}, {stage: negotiation, " + t + "}",
       "2026-05-01T09:00:00Z");
  deal("fe1aaa", "qualification", "{stage: qualification, " + t + "}", "2026-06-01T09:00:00Z");
  // No history at all: it reached nothing the history can tell.
  deal("ff1aaa", "proposal", "", "2026-07-01T09:00:00Z");
  // Created before the period.
  deal("fg1aaa", "won", "{stage: qualification, " + t + "}, {stage: won, " + t + "}", "2025-12-31T23:00:00Z");
  crm::Store store = f.store();

  crm::ReportRequest q = request("funnel");
  q.since = day("2026-01-01");
  crm::Report r = crm::build_report(store, q);
  CHECK(r.columns == Lines{"stage", "reached", "conversion"});
  CHECK(r.bar_column == 1);
  // qualification: a b c e = 4; needs-analysis: a b c = 3; proposal: a b d = 3;
  // negotiation: a d = 2; won: a = 1; lost: b c = 2.
  // Conversions: 3/4 = 75.0, 3/3 = 100.0, 2/3 = 66.67 → 66.7, 1/2 = 50.0;
  // won is the end of the chain and lost is off it: no conversion.
  CHECK(rows(r) == Lines{
                       "qualification|4|75",
                       "needs-analysis|3|100",
                       "proposal|3|66.7",
                       "negotiation|2|50",
                       "won|1|",
                       "lost|2|",
                   });

  // All time takes in g too: qualification 5 → 3/5 = 60.0; won 2 → negotiation 2/2 = 100.0.
  CHECK(rows(crm::build_report(store, request("funnel"))) == Lines{
                                                                 "qualification|5|60",
                                                                 "needs-analysis|3|100",
                                                                 "proposal|3|66.7",
                                                                 "negotiation|2|100",
                                                                 "won|2|",
                                                                 "lost|2|",
                                                             });

  // No deal created in the period: zero everywhere, every conversion over zero deals n/a.
  crm::ReportRequest empty = request("funnel");
  empty.since = day("2030-01-01");
  crm::Report none = crm::build_report(store, empty);
  CHECK(rows(none) == Lines{
                          "qualification|0|n/a",
                          "needs-analysis|0|n/a",
                          "proposal|0|n/a",
                          "negotiation|0|n/a",
                          "won|0|",
                          "lost|0|",
                      });
  std::string json = crm::render_report(none, crm::Format::Json, crm::ReportStyle{});
  CHECK(json.find("\"conversion\": null") != std::string::npos);
  CHECK(json.find("NaN") == std::string::npos);
  CHECK(crm::render_report(none, crm::Format::Table, crm::ReportStyle{}).find("n/a") != std::string::npos);
}

TEST_CASE("report winrate by count and by amount, per currency, with a deal reopened after being lost") {
  Fixture f;
  f.add("deal",
        "id: w1aaaa\nname: W1\nstage: won\namount: 1000\nowner: ann\nsource: web\n"
        "closed_at: 2026-11-02T10:00:00Z\n");
  f.add("deal",
        "id: w2aaaa\nname: W2 no amount\nstage: won\nowner: bob\nsource: referral\n"
        "closed_at: 2026-11-03T10:00:00Z\n");
  f.add("deal",
        "id: w3aaaa\nname: W3\nstage: lost\namount: 500\nowner: ann\nsource: web\n"
        "closed_at: 2026-11-04T10:00:00Z\n");
  // Lost on the 5th, reopened on the 6th: open now, neither won nor lost.
  f.add("deal",
        "id: w4aaaa\nname: W4 reopened\nstage: qualification\namount: 9000\nowner: ann\n"
        "stage_history: [{stage: qualification, at: 2026-11-01T10:00:00Z}, "
        "{stage: lost, at: 2026-11-05T10:00:00Z}, {stage: qualification, at: "
        "2026-11-06T10:00:00Z}]\n");
  // One second before the period.
  f.add("deal",
        "id: w5aaaa\nname: W5\nstage: lost\namount: 1500\nowner: ann\nclosed_at: "
        "2026-10-31T23:59:59Z\n");
  f.add("deal",
        "id: w6aaaa\nname: W6\nstage: won\namount: 800\ncurrency: EUR\nowner: ann\n"
        "closed_at: 2026-11-10T10:00:00Z\n");
  f.add("deal",
        "id: w7aaaa\nname: W7\nstage: lost\namount: 200\ncurrency: EUR\nowner: bob\nsource: web\n"
        "closed_at: 2026-11-11T10:00:00Z\n");
  f.add("deal",
        "id: w8aaaa\nname: W8\nstage: lost\namount: 1000\nowner: bob\nclosed_at: "
        "2026-11-20T10:00:00Z\n");
  crm::Store store = f.store();

  crm::ReportRequest q = request("winrate");
  q.since = day("2026-11-01");
  q.until = day("2026-11-30");
  crm::Report r = crm::build_report(store, q);
  CHECK(r.columns == Lines{"currency", "won", "lost", "rate", "won_amount", "lost_amount", "amount_rate"});
  // EUR: W6 won 800, W7 lost 200 → 1/2 = 50.0; 800 / 1000 = 80.0.
  // USD: won W1 1000, W2 (no amount) = 2; lost W3 500, W8 1000 = 2 → 50.0 (a tie);
  //      1000 / (1000 + 1500) = 40.0.
  CHECK(rows(r) == Lines{"EUR|1|1|50|800|200|80", "USD|2|2|50|1000|1500|40"});
  // Counts add across currencies (3 won, 3 lost = 50.0); amounts never do.
  CHECK(totals(r) == Lines{"all|3|3|50|||"});

  q.by = "owner";
  r = crm::build_report(store, q);
  CHECK(r.columns.front() == "owner");
  // ann EUR: W6 → 1/1 = 100.0, 800/800 = 100.0.  ann USD: W1 vs W3 → 50.0; 1000/1500 = 66.67
  // → 66.7. bob EUR: W7 lost → 0.0, 0/200 = 0.0.  bob USD: W2 vs W8 → 50.0; 0/1000 = 0.0.
  CHECK(rows(r) == Lines{
                       "ann|EUR|1|0|100|800|0|100",
                       "ann|USD|1|1|50|1000|500|66.7",
                       "bob|EUR|0|1|0|0|200|0",
                       "bob|USD|1|1|50|0|1000|0",
                   });
  CHECK(totals(r) == Lines{"total|EUR|1|1|50|800|200|80", "total|USD|2|2|50|1000|1500|40", "total|all|3|3|50|||"});

  q.by = "source";
  r = crm::build_report(store, q);
  // referral USD: W2 won with no amount → 100.0, amounts 0/0 → n/a.
  // web EUR: W7 → 0.0, 0.0.  web USD: W1 vs W3 → 50.0, 66.7.
  // no source (last): EUR W6 → 100.0, 100.0; USD W8 → 0.0, 0.0.
  CHECK(rows(r) == Lines{
                       "referral|USD|1|0|100|0|0|n/a",
                       "web|EUR|0|1|0|0|200|0",
                       "web|USD|1|1|50|1000|500|66.7",
                       "|EUR|1|0|100|800|0|100",
                       "|USD|0|1|0|0|1000|0",
                   });

  // By month of closing, from October: W5 alone in 2026-10.
  crm::ReportRequest m = request("winrate", "month");
  m.since = day("2026-10-01");
  r = crm::build_report(store, m);
  CHECK(r.columns.front() == "period");
  CHECK(rows(r) ==
        Lines{"2026-10|USD|0|1|0|0|1500|0", "2026-11|EUR|1|1|50|800|200|80", "2026-11|USD|2|2|50|1000|1500|40"});

  // Nothing closed in the period: zero counts, both rates n/a.
  crm::ReportRequest empty = request("winrate");
  empty.since = day("2030-01-01");
  r = crm::build_report(store, empty);
  CHECK(rows(r) == Lines{"USD|0|0|n/a|0|0|n/a"});
  CHECK(totals(r).empty());

  CHECK_THROWS_AS(crm::build_report(store, request("winrate", "stage")), crm::UsageError);
}

TEST_CASE("report winrate applies the owner and the filter to the deals") {
  Fixture f;
  f.add("deal",
        "id: o1aaaa\nname: O1\nstage: won\namount: 10\nowner: Ann\ntags: [big]\nclosed_at: "
        "2026-11-02T10:00:00Z\n");
  f.add("deal",
        "id: o2aaaa\nname: O2\nstage: lost\namount: 30\nowner: ann\nclosed_at: "
        "2026-11-02T10:00:00Z\n");
  f.add("deal",
        "id: o3aaaa\nname: O3\nstage: lost\namount: 40\nowner: bob\ntags: [big]\nclosed_at: "
        "2026-11-02T10:00:00Z\n");
  crm::Store store = f.store();
  crm::ReportRequest q = request("winrate");
  q.owner = "ann";  // case-insensitive: O1 and O2 → 1/2 = 50.0; 10/40 = 25.0
  CHECK(rows(crm::build_report(store, q)) == Lines{"USD|1|1|50|10|30|25"});
  q.owner = "";
  q.filter = crm::parse_filter({"+big"}, store.schemas().get("deal"), store.clock());
  // O1 and O3: 1/2 = 50.0; 10/50 = 20.0
  CHECK(rows(crm::build_report(store, q)) == Lines{"USD|1|1|50|10|40|20"});
}

TEST_CASE("report velocity per currency from exact parts") {
  Fixture f;
  f.add("deal", "id: v1aaaa\nname: V1\nstage: won\namount: 1000\nclosed_at: 2026-10-11T00:00:00Z\n",
        "2026-10-01T00:00:00Z");
  f.add("deal", "id: v2aaaa\nname: V2\nstage: won\namount: 2000\nclosed_at: 2026-10-16T12:00:00Z\n",
        "2026-10-01T00:00:00Z");
  f.add("deal", "id: v3aaaa\nname: V3\nstage: lost\namount: 500\nclosed_at: 2026-10-20T00:00:00Z\n",
        "2026-10-01T00:00:00Z");
  // Won before the period.
  f.add("deal", "id: v4aaaa\nname: V4\nstage: won\namount: 3000\nclosed_at: 2025-12-31T00:00:00Z\n",
        "2025-12-01T00:00:00Z");
  f.add("deal", "id: v5aaaa\nname: V5\nstage: proposal\namount: 1\n");
  f.add("deal", "id: v6aaaa\nname: V6\nstage: qualification\n");
  f.add("deal", "id: v7aaaa\nname: V7\nstage: negotiation\namount: 7\n");
  f.add("deal", "id: v8aaaa\nname: V8\nstage: proposal\namount: 5\ncurrency: EUR\n");
  f.add("deal",
        "id: v9aaaa\nname: V9\nstage: won\namount: 600\ncurrency: EUR\nclosed_at: "
        "2026-09-04T08:00:00Z\n",
        "2026-09-01T00:00:00Z");
  crm::Store store = f.store();

  crm::ReportRequest q = request("velocity");
  q.since = day("2026-01-01");
  crm::Report r = crm::build_report(store, q);
  CHECK(r.columns == Lines{"currency", "open", "won", "lost", "average_deal", "win_rate", "cycle_days", "velocity"});
  // EUR: open 1 (V8); won V9 600 → average 600; rate 1/1 = 100.0;
  //   cycle 3 days 8 hours = 3.333… → 3.3; velocity 1 × 600 × 1 / 3.333… = 180.
  // USD: open 3 (V5 V6 V7); won V1 V2, lost V3; average 3000 / 2 = 1500;
  //   rate 2/3 = 66.7; cycle (10 + 15.5) / 2 = 12.75 → 12.8;
  //   velocity 3 × 1500 × (2/3) / 12.75 = 3000 / 12.75 = 235.294… → 235.29
  //   (from the unrounded cycle: 3000 / 12.8 would give 234.38).
  CHECK(rows(r) == Lines{"EUR|1|1|0|600|100|3.3|180", "USD|3|2|1|1500|66.7|12.8|235.29"});
  CHECK(r.rows[1][6].kind == crm::ReportCell::Kind::Number);
  std::string table = crm::render_report(r, crm::Format::Table, crm::ReportStyle{});
  CHECK(table.find("12.8 ") != std::string::npos);  // one place, no currency
  CHECK(table.find("USD 235.29") != std::string::npos);

  // No deal closed in the period: the open ones still count, every ratio is n/a.
  crm::ReportRequest empty = request("velocity");
  empty.since = day("2030-01-01");
  CHECK(rows(crm::build_report(store, empty)) == Lines{"EUR|1|0|0|n/a|n/a|n/a|n/a", "USD|3|0|0|n/a|n/a|n/a|n/a"});
}

TEST_CASE("report sources counts leads, conversions and won amounts per source") {
  Fixture f;
  f.add("lead", "id: l1aaaa\nname: L1\nsource: web\n", "2026-02-01T09:00:00Z");
  f.add("lead", "id: l2aaaa\nname: L2\nsource: web\nstatus: converted\n", "2026-03-01T09:00:00Z");
  f.add("lead", "id: l3aaaa\nname: L3\nsource: web\nstatus: converted\n", "2026-04-01T09:00:00Z");
  f.add("lead", "id: l4aaaa\nname: L4\nsource: web\nstatus: unqualified\n", "2026-05-01T09:00:00Z");
  f.add("lead", "id: l5aaaa\nname: L5\nsource: referral\nstatus: converted\n", "2026-06-01T09:00:00Z");
  f.add("lead", "id: l6aaaa\nname: L6\n", "2026-07-01T09:00:00Z");
  f.add("lead", "id: l7aaaa\nname: L7 before\nsource: event\nstatus: converted\n", "2025-06-01T09:00:00Z");
  f.add("deal",
        "id: s1aaaa\nname: S1\nstage: won\namount: 1000\nsource: web\nclosed_at: "
        "2026-05-01T10:00:00Z\n");
  f.add("deal",
        "id: s2aaaa\nname: S2\nstage: won\namount: 500\ncurrency: EUR\nsource: web\n"
        "closed_at: 2026-05-02T10:00:00Z\n");
  f.add("deal",
        "id: s3aaaa\nname: S3\nstage: lost\namount: 300\nsource: referral\nclosed_at: "
        "2026-05-03T10:00:00Z\n");
  f.add("deal",
        "id: s4aaaa\nname: S4\nstage: won\namount: 700\nsource: partner\nclosed_at: "
        "2026-05-04T10:00:00Z\n");
  f.add("deal",
        "id: s5aaaa\nname: S5\nstage: won\namount: 250.25\nsource: web\nclosed_at: "
        "2025-12-01T10:00:00Z\n");
  crm::Store store = f.store();

  crm::ReportRequest q = request("sources");
  q.since = day("2026-01-01");
  crm::Report r = crm::build_report(store, q);
  CHECK(r.columns == Lines{"source", "currency", "leads", "converted", "conversion_rate", "won", "won_amount"});
  // partner: no leads (rate n/a), S4 won 700.  referral: L5 1/1 = 100.0, S3 lost only.
  // web: L1–L4, 2 converted = 50.0; won S2 EUR 500 and S1 USD 1000 (S5 before the
  //   period) — the second currency line leaves the lead counts blank.
  // no source (last): L6, 0/1 = 0.0.
  CHECK(rows(r) == Lines{
                       "partner|USD|0|0|n/a|1|700",
                       "referral|USD|1|1|100|0|0",
                       "web|EUR|4|2|50|1|500",
                       "web|USD||||1|1000",
                       "|USD|1|0|0|0|0",
                   });
  // 6 leads, 3 converted = 50.0; won EUR 500, USD 700 + 1000 = 1700.
  CHECK(totals(r) == Lines{"total|EUR|6|3|50|1|500", "total|USD||||2|1700"});

  // The filter is on the leads: the won deals stay.
  q.filter = crm::parse_filter({"status=converted"}, store.schemas().get("lead"), store.clock());
  CHECK(rows(crm::build_report(store, q)) == Lines{
                                                 "partner|USD|0|0|n/a|1|700",
                                                 "referral|USD|1|1|100|0|0",
                                                 "web|EUR|2|2|100|1|500",
                                                 "web|USD||||1|1000",
                                             });
  CHECK_THROWS_AS(crm::build_report(store, request("sources", "owner")), crm::UsageError);
}

TEST_CASE("report activity per owner and kind per month or week, with tasks done") {
  Fixture f;
  auto log = [&](const char* id, const char* kind, const char* when, const char* owner) {
    f.add("activity", std::string("id: ") + id + "\nkind: " + kind + "\nat: " + when + "\nsummary: s\n" +
                          (*owner ? std::string("owner: ") + owner + "\n" : ""));
  };
  log("a1aaaa", "call", "2026-10-05T09:00:00Z", "ann");
  log("a2aaaa", "email", "2026-10-20T09:00:00Z", "ann");
  log("a3aaaa", "call", "2026-11-02T09:00:00Z", "ann");
  log("a4aaaa", "meeting", "2026-11-03T09:00:00Z", "bob");
  log("a5aaaa", "note", "2026-11-03T15:00:00Z", "bob");
  log("a6aaaa", "call", "2026-11-04T09:00:00Z", "");
  log("a7aaaa", "call", "2026-09-30T23:00:00Z", "ann");  // before the period
  log("a8aaaa", "call", "2027-01-01T09:00:00Z", "ann");  // after it
  f.add("task", "id: t1aaaa\ntitle: T1\nstatus: done\nowner: ann\ncompleted_at: 2026-11-10T09:00:00Z\n");
  f.add("task",
        "id: t2aaaa\ntitle: T2 later\nstatus: done\nowner: ann\ncompleted_at: "
        "2026-12-01T09:00:00Z\n");
  f.add("task", "id: t3aaaa\ntitle: T3 open\nowner: bob\n");
  crm::Store store = f.store();

  crm::ReportRequest q = request("activity");
  q.since = day("2026-10-01");
  q.until = day("2026-11-30");
  crm::Report r = crm::build_report(store, q);
  CHECK(r.columns == Lines{"period", "owner", "call", "email", "meeting", "note", "form", "count", "tasks_done"});
  CHECK(r.bar_column == 7);
  CHECK(rows(r) == Lines{
                       "2026-10|ann|1|1|0|0|0|2|0",
                       "2026-11|ann|1|0|0|0|0|1|1",
                       "2026-11|bob|0|0|1|1|0|2|0",
                       "2026-11||1|0|0|0|0|1|0",
                   });
  // calls a1 a3 a6 = 3, emails 1, meetings 1, notes 1: 6 activities; T1 done.
  CHECK(totals(r) == Lines{"total||3|1|1|1|0|6|1"});

  // ISO weeks: Mon 2026-10-05 is W41, Tue 10-20 W43, Mon 11-02 to Wed 11-04 W45, Tue 11-10 W46.
  q.by = "week";
  CHECK(rows(crm::build_report(store, q)) == Lines{
                                                 "2026-W41|ann|1|0|0|0|0|1|0",
                                                 "2026-W43|ann|0|1|0|0|0|1|0",
                                                 "2026-W45|ann|1|0|0|0|0|1|0",
                                                 "2026-W45|bob|0|0|1|1|0|2|0",
                                                 "2026-W45||1|0|0|0|0|1|0",
                                                 "2026-W46|ann|0|0|0|0|0|0|1",
                                             });
  // Fri 2027-01-01 belongs to the last ISO week of 2026 (W53: 2026 began on a Thursday).
  crm::ReportRequest y = request("activity", "week");
  y.since = day("2027-01-01");
  CHECK(rows(crm::build_report(store, y)) == Lines{"2026-W53|ann|1|0|0|0|0|1|0"});

  q.by = "month";
  q.owner = "bob";
  CHECK(rows(crm::build_report(store, q)) == Lines{"2026-11|bob|0|0|1|1|0|2|0"});

  crm::ReportRequest empty = request("activity");
  empty.since = day("2030-01-01");
  crm::Report none = crm::build_report(store, empty);
  CHECK(none.rows.empty());
  CHECK(totals(none) == Lines{"total||0|0|0|0|0|0|0"});
  CHECK_THROWS_AS(crm::build_report(store, request("activity", "source")), crm::UsageError);
}

TEST_CASE("report overdue lists open tasks past due, then past follow-ups, oldest first") {
  Fixture f;
  f.add("task", "id: t1aaaa\ntitle: T1\ndue: 2026-11-20\nowner: ann\n");
  f.add("task", "id: t2aaaa\ntitle: T2 earlier today\ndue: 2026-11-23T09:00:00Z\nstatus: in-progress\n");
  f.add("task", "id: t3aaaa\ntitle: T3 later today\ndue: 2026-11-23T11:00:00Z\n");
  f.add("task", "id: t4aaaa\ntitle: T4 today\ndue: 2026-11-23\n");
  f.add("task", "id: t5aaaa\ntitle: T5 done\ndue: 2026-11-20\nstatus: done\n");
  f.add("task", "id: t6aaaa\ntitle: T6 canceled\ndue: 2026-11-01\nstatus: canceled\n");
  f.add("task", "id: t7aaaa\ntitle: T7 same day as T1\ndue: 2026-11-20\npriority: high\n");
  f.add("task", "id: t8aaaa\ntitle: T8 no due\n");
  f.add("task", "id: t9aaaa\ntitle: T9\ndue: 2026-10-01T08:00:00Z\nowner: ann\n");
  f.add("contact", "id: k1aaaa\nname: K1\nfollow_up: 2026-11-22\nowner: ann\n");
  f.add("contact", "id: k2aaaa\nname: K2 today\nfollow_up: 2026-11-23\n");
  f.add("contact", "id: k3aaaa\nname: K3\nfollow_up: 2026-11-01\ndo_not_contact: true\n");
  f.add("contact", "id: k4aaaa\nname: K4\nfollow_up: 2026-11-10\n");
  crm::Store store = f.store();

  crm::Report r = crm::build_report(store, request("overdue"));
  CHECK(r.columns == Lines{"type", "id", "date", "title", "owner", "days_overdue"});
  // T9: 2026-10-01 → 2026-11-23 is 30 + 23 = 53 days; T1 and T7 (tie, by id) 3;
  // T2 earlier today 0. Then K4 13 days, K1 1 day.
  CHECK(rows(r) == Lines{
                       "task|t9aaaa|2026-10-01T08:00:00Z|T9|ann|53",
                       "task|t1aaaa|2026-11-20|T1|ann|3",
                       "task|t7aaaa|2026-11-20|T7 same day as T1||3",
                       "task|t2aaaa|2026-11-23T09:00:00Z|T2 earlier today||0",
                       "contact|k4aaaa|2026-11-10|K4||13",
                       "contact|k1aaaa|2026-11-22|K1|ann|1",
                   });

  crm::ReportRequest q = request("overdue");
  q.owner = "ann";
  CHECK(rows(crm::build_report(store, q)) == Lines{
                                                 "task|t9aaaa|2026-10-01T08:00:00Z|T9|ann|53",
                                                 "task|t1aaaa|2026-11-20|T1|ann|3",
                                                 "contact|k1aaaa|2026-11-22|K1|ann|1",
                                             });
  // The filter is on the tasks.
  q.owner = "";
  q.filter = crm::parse_filter({"priority=high"}, store.schemas().get("task"), store.clock());
  CHECK(rows(crm::build_report(store, q)) == Lines{
                                                 "task|t7aaaa|2026-11-20|T7 same day as T1||3",
                                                 "contact|k4aaaa|2026-11-10|K4||13",
                                                 "contact|k1aaaa|2026-11-22|K1|ann|1",
                                             });
  // A period bounds the due day.
  crm::ReportRequest p = request("overdue");
  p.since = day("2026-11-15");
  CHECK(rows(crm::build_report(store, p)).size() == 4);  // T1 T7 T2 K1
}

TEST_CASE("report stale finds open deals idle past their stage's limit") {
  Fixture f;
  f.add("company", "id: c1aaaa\nname: Acme\n");
  f.add("contact", "id: p1aaaa\nname: P1\ncompany: c1aaaa\n");
  f.add("contact", "id: p2aaaa\nname: P2\n");
  auto hist = [](const char* stage, const char* when) {
    return std::string("stage_history: [{stage: ") + stage + ", at: " + when + "}]\n";
  };
  // Stale after (default config): qualification and needs-analysis 14 days, proposal and
  // negotiation 21.
  f.add("deal",
        "id: s1aaaa\nname: S1\nstage: qualification\nowner: ann\n" + hist("qualification", "2026-11-01T09:00:00Z"));
  f.add("deal", "id: s2aaaa\nname: S2\nstage: qualification\n" + hist("qualification", "2026-11-01T09:00:00Z"));
  f.add("deal", "id: s3aaaa\nname: S3\nstage: proposal\ncompany: c1aaaa\n" + hist("proposal", "2026-10-01T09:00:00Z"));
  f.add("deal",
        "id: s4aaaa\nname: S4\nstage: proposal\ncontacts: [p2aaaa]\n" + hist("proposal", "2026-10-01T09:00:00Z"));
  f.add("deal",
        "id: s5aaaa\nname: S5\nstage: won\nclosed_at: 2026-01-10T09:00:00Z\n" + hist("won", "2026-01-10T09:00:00Z"));
  f.add("deal", "id: s6aaaa\nname: S6\nstage: negotiation\n", "2026-09-01T00:00:00Z");
  f.add("deal", "id: s7aaaa\nname: S7\nstage: qualification\n" + hist("qualification", "2026-11-08T12:00:00Z"));
  f.add("deal", "id: s8aaaa\nname: S8\nstage: needs-analysis\n" + hist("needs-analysis", "2026-10-01T09:00:00Z"));
  f.add("deal", "id: s9aaaa\nname: S9\nstage: needs-analysis\n" + hist("needs-analysis", "2026-11-20T09:00:00Z"));
  auto log = [&](const char* id, const char* with, const char* when) {
    f.add("activity", std::string("id: ") + id + "\nkind: call\nsummary: s\nat: " + when + "\nwith: [" + with + "]\n");
  };
  log("a2aaaa", "s2aaaa", "2026-11-15T10:00:00Z");          // S2 touched 8 days ago
  log("a3aaaa", "c1aaaa", "2026-11-02T00:00:00Z");          // S3 through its company: 21 days, not over 21
  log("a4aaaa", "p2aaaa", "2026-11-01T00:00:00Z");          // S4 through its contact: 22 days
  log("a8aaaa", "s8aaaa", "2026-11-20T10:00:00Z");          // newer than S8's stage change: 3 days
  log("a9aaaa", "p1aaaa, s9aaaa", "2026-10-01T10:00:00Z");  // older than S9's stage change (3 days)
  crm::Store store = f.store();

  crm::Report r = crm::build_report(store, request("stale"));
  CHECK(r.columns == Lines{"id", "name", "stage", "owner", "last_touch", "days_idle"});
  // S6 never touched nor moved: idle since created 2026-09-01, 30 + 31 + 22 = 83 days > 21.
  // S1 22 > 14 and S4 22 > 21 (tie: by id); S7 since 11-08, 15 > 14.
  CHECK(rows(r) == Lines{
                       "s6aaaa|S6|negotiation||2026-09-01T00:00:00Z|83",
                       "s1aaaa|S1|qualification|ann|2026-11-01T09:00:00Z|22",
                       "s4aaaa|S4|proposal||2026-11-01T00:00:00Z|22",
                       "s7aaaa|S7|qualification||2026-11-08T12:00:00Z|15",
                   });

  crm::ReportRequest q = request("stale");
  q.days = 10;  // also S3 (21)
  CHECK(rows(crm::build_report(store, q)) == Lines{
                                                 "s6aaaa|S6|negotiation||2026-09-01T00:00:00Z|83",
                                                 "s1aaaa|S1|qualification|ann|2026-11-01T09:00:00Z|22",
                                                 "s4aaaa|S4|proposal||2026-11-01T00:00:00Z|22",
                                                 "s3aaaa|S3|proposal||2026-11-02T00:00:00Z|21",
                                                 "s7aaaa|S7|qualification||2026-11-08T12:00:00Z|15",
                                             });
  q.days = 83;  // idle exactly 83 is not older than 83
  CHECK(crm::build_report(store, q).rows.empty());
  q.days = -1;
  CHECK_THROWS_AS(crm::build_report(store, q), crm::UsageError);
  crm::ReportRequest p = request("stale");
  p.since = day("2026-01-01");
  CHECK_THROWS_AS(crm::build_report(store, p), crm::UsageError);
}

TEST_CASE("report stale falls back to 30 days for a stage without stale_after") {
  Fixture f(
      "currency: EUR\n"
      "pipeline:\n"
      "  - {stage: open, probability: 50}\n"
      "  - {stage: won, probability: 100, closed: won}\n"
      "  - {stage: lost, probability: 0, closed: lost}\n");
  f.add("deal", "id: x1aaaa\nname: X1\nstage: open\n", "2026-10-24T09:00:00Z");  // 30 days idle
  f.add("deal", "id: x2aaaa\nname: X2\nstage: open\n", "2026-10-23T09:00:00Z");  // 31 days idle
  crm::Store store = f.store();
  CHECK(rows(crm::build_report(store, request("stale"))) == Lines{"x2aaaa|X2|open||2026-10-23T09:00:00Z|31"});
}

TEST_CASE("report pipeline goes through build_report with the owner and the filter") {
  Fixture f;
  f.add("deal", "id: p1aaaa\nname: P1\nstage: proposal\namount: 100\nowner: ann\n");
  f.add("deal", "id: p2aaaa\nname: P2\nstage: proposal\namount: 300\nowner: bob\n");
  f.add("deal",
        "id: p3aaaa\nname: P3\nstage: won\namount: 900\nowner: ann\nclosed_at: "
        "2026-11-01T10:00:00Z\n");
  crm::Store store = f.store();
  crm::ReportRequest q = request("pipeline");
  q.owner = "ann";
  // Open stages only: proposal holds P1 (100 × 50% = 50).
  crm::Report r = crm::build_report(store, q);
  CHECK(totals(r) == Lines{"total|USD||1|100|50"});
  q.all_stages = true;  // and P3 won, certain: 900 × 100%
  CHECK(totals(crm::build_report(store, q)) == Lines{"total|USD||2|1000|950"});
  q.all_stages = false;
  q.filter = crm::parse_filter({"amount>200"}, store.schemas().get("deal"), store.clock());
  q.owner = "";
  CHECK(totals(crm::build_report(store, q)) == Lines{"total|USD||1|300|150"});  // P2 alone
  crm::ReportRequest p = request("pipeline");
  p.until = day("2026-12-31");
  CHECK_THROWS_AS(crm::build_report(store, p), crm::UsageError);
}

TEST_CASE("report build_report refuses what makes no sense") {
  Fixture f;
  crm::Store store = f.store();
  CHECK_THROWS_AS(crm::build_report(store, request("nosuch")), crm::UsageError);
  CHECK_THROWS_AS(crm::build_report(store, request("")), crm::UsageError);
  CHECK_THROWS_AS(crm::build_report(store, request("velocity", "owner")), crm::UsageError);
  CHECK_THROWS_AS(crm::build_report(store, request("overdue", "month")), crm::UsageError);
  crm::ReportRequest q = request("winrate");
  q.since = day("2026-12-01");
  q.until = day("2026-11-01");
  CHECK_THROWS_AS(crm::build_report(store, q), crm::UsageError);
  q = request("winrate");
  q.days = 5;
  CHECK_THROWS_AS(crm::build_report(store, q), crm::UsageError);
  q = request("funnel");
  q.all_stages = true;
  CHECK_THROWS_AS(crm::build_report(store, q), crm::UsageError);

  CHECK(crm::report_names() == Lines{"pipeline", "forecast", "funnel", "winrate", "velocity", "sources", "activity",
                                     "overdue", "stale", "tickets", "sla", "csat", "customers", "rfm", "revenue",
                                     "churn", "cohorts", "products", "campaign"});
  CHECK(crm::report_subject("sla") == "ticket");
  CHECK(crm::report_subject("sources") == "lead");
  CHECK(crm::report_subject("activity") == "activity");
  CHECK(crm::report_subject("overdue") == "task");
  CHECK(crm::report_subject("stale") == "deal");
  CHECK_THROWS_AS(crm::report_subject("nosuch"), crm::UsageError);
  CHECK(crm::report_by_values("winrate") == Lines{"", "owner", "source", "month", "quarter"});
}

TEST_CASE("report on an empty store gives well-formed reports in every format") {
  Fixture f;
  crm::Store store = f.store();
  for (const std::string& name : crm::report_names()) {
    CAPTURE(name);
    crm::Report r = crm::build_report(store, request(name));
    CHECK(r.name == name);
    for (const auto& row : r.rows) CHECK(row.size() == r.columns.size());
    for (const auto& row : r.totals) CHECK(row.size() == r.columns.size());
    for (crm::Format format : {crm::Format::Table, crm::Format::Json, crm::Format::Jsonl, crm::Format::Yaml,
                               crm::Format::Csv, crm::Format::Tsv}) {
      std::string out = crm::render_report(r, format, crm::ReportStyle{});
      CHECK(out.find("nan") == std::string::npos);
    }
    CHECK(crm::render_report(r, crm::Format::Json, crm::ReportStyle{}).find("\"rows\"") != std::string::npos);
  }
  CHECK(rows(crm::build_report(store, request("forecast"))).size() == 6);  // 2026-11 … 2027-04, zeros
  CHECK(rows(crm::build_report(store, request("winrate"))) == Lines{"USD|0|0|n/a|0|0|n/a"});
  CHECK(rows(crm::build_report(store, request("velocity"))) == Lines{"USD|0|0|0|n/a|n/a|n/a|n/a"});
  CHECK(rows(crm::build_report(store, request("sources"))).empty());
  CHECK(totals(crm::build_report(store, request("sources"))) == Lines{"total|USD|0|0|n/a|0|0"});
  CHECK(crm::build_report(store, request("overdue")).rows.empty());
  CHECK(crm::build_report(store, request("stale")).rows.empty());
}

TEST_CASE("report dashboard: open pipeline, this month, 90-day win rate and the counts") {
  Fixture f;
  f.add("deal", "id: d1aaaa\nname: D1\nstage: proposal\namount: 1000\nclose_date: 2026-11-25\nowner: ann\n",
        "2026-11-20T09:00:00Z");
  f.add("deal", "id: d2aaaa\nname: D2\nstage: negotiation\namount: 500\nclose_date: 2026-12-05\nowner: bob\n",
        "2026-11-20T09:00:00Z");
  f.add("deal",
        "id: d3aaaa\nname: D3\nstage: qualification\namount: 300\ncurrency: EUR\nclose_date: "
        "2026-11-30\n"
        "owner: ann\n",
        "2026-11-20T09:00:00Z");
  // Open since January with no history and no activity: stale.
  f.add("deal", "id: d8aaaa\nname: D8\nstage: qualification\nowner: bob\n", "2026-01-05T09:00:00Z");
  f.add("deal",
        "id: d4aaaa\nname: D4\nstage: won\namount: 400\nowner: ann\nclosed_at: "
        "2026-11-02T10:00:00Z\n");
  f.add("deal",
        "id: d5aaaa\nname: D5\nstage: won\namount: 100\nowner: bob\nclosed_at: "
        "2026-09-01T10:00:00Z\n");
  // today − 90 days = 2026-08-25: D7 closed that day counts, D6 the day before does not.
  f.add("deal", "id: d6aaaa\nname: D6\nstage: lost\namount: 50\nclosed_at: 2026-08-24T23:00:00Z\n");
  f.add("deal",
        "id: d7aaaa\nname: D7\nstage: lost\namount: 60\nowner: bob\nclosed_at: "
        "2026-08-25T00:00:00Z\n");
  f.add("task", "id: t1aaaa\ntitle: T1\ndue: 2026-11-01\nowner: ann\n");
  f.add("task", "id: t2aaaa\ntitle: T2\ndue: 2026-11-01\nstatus: done\n");
  f.add("contact", "id: k1aaaa\nname: K1\nfollow_up: 2026-11-23\n");
  f.add("contact", "id: k2aaaa\nname: K2\nfollow_up: 2026-11-01\nowner: ann\n");
  f.add("contact", "id: k3aaaa\nname: K3\nfollow_up: 2026-11-24\n");
  crm::Store store = f.store();

  crm::Dashboard b = crm::build_dashboard(store, "");
  // Open: EUR D3 300 × 10% = 30; USD D1 1000 × 50% + D2 500 × 80% + D8 0 = 500 + 400 = 900.
  REQUIRE(b.pipeline.size() == 2);
  CHECK(b.pipeline[0].currency == "EUR");
  CHECK(b.pipeline[0].count == 1);
  CHECK(b.pipeline[0].amount.str() == "300");
  CHECK(b.pipeline[0].weighted.str() == "30");
  CHECK(b.pipeline[1].currency == "USD");
  CHECK(b.pipeline[1].count == 3);
  CHECK(b.pipeline[1].amount.str() == "1500");
  CHECK(b.pipeline[1].weighted.str() == "900");
  // November: EUR D3; USD D1 (D2 closes in December), won D4 400.
  CHECK(b.month == "2026-11");
  REQUIRE(b.forecast.size() == 2);
  CHECK(b.forecast[0].count == 1);
  CHECK(b.forecast[0].weighted.str() == "30");
  CHECK(b.forecast[1].count == 1);
  CHECK(b.forecast[1].amount.str() == "1000");
  CHECK(b.forecast[1].weighted.str() == "500");
  CHECK(b.forecast[1].won.str() == "400");
  // Won D4 D5, lost D7: 2/3 = 66.7.
  CHECK(b.win_since == day("2026-08-25"));
  CHECK(b.won == 2);
  CHECK(b.lost == 1);
  REQUIRE(b.win_rate.has_value());
  CHECK(b.win_rate->str() == "66.7");
  CHECK(b.overdue_tasks == 1);   // T1
  CHECK(b.stale_deals == 1);     // D8: 322 days
  CHECK(b.follow_ups_due == 2);  // K1 today, K2

  std::string json = crm::render_dashboard(b, crm::Format::Json, crm::ReportStyle{});
  CHECK(json.find("\"follow_ups_due\": 2") != std::string::npos);
  CHECK(json.find("\"rate\": 66.7") != std::string::npos);
  CHECK(json.find("\"owner\": null") != std::string::npos);
  std::string table = crm::render_dashboard(b, crm::Format::Table, crm::ReportStyle{});
  CHECK(table.find("66.7%") != std::string::npos);
  CHECK(table.find("USD 1,500.00") != std::string::npos);
  CHECK(crm::render_dashboard(b, crm::Format::Csv, crm::ReportStyle{}).find("win_rate_90d,,66.7\n") !=
        std::string::npos);

  // ann: open D1 and D3; won D4 only → 100.0; T1; K2; nothing stale.
  crm::Dashboard a = crm::build_dashboard(store, "ann");
  REQUIRE(a.pipeline.size() == 2);
  CHECK(a.pipeline[1].count == 1);
  CHECK(a.won == 1);
  CHECK(a.lost == 0);
  CHECK(a.win_rate->str() == "100");
  CHECK(a.overdue_tasks == 1);
  CHECK(a.stale_deals == 0);
  CHECK(a.follow_ups_due == 1);
}

TEST_CASE("report dashboard on an empty store: zeros and no win rate") {
  Fixture f;
  crm::Store store = f.store();
  crm::Dashboard b = crm::build_dashboard(store, "");
  REQUIRE(b.pipeline.size() == 1);
  CHECK(b.pipeline[0].currency == "USD");
  CHECK(b.pipeline[0].count == 0);
  CHECK_FALSE(b.win_rate.has_value());
  CHECK(crm::render_dashboard(b, crm::Format::Json, crm::ReportStyle{}).find("\"rate\": null") != std::string::npos);
  CHECK(crm::render_dashboard(b, crm::Format::Table, crm::ReportStyle{}).find("n/a") != std::string::npos);
}

TEST_CASE("report csv and tsv neutralise formula-like text cells unless raw, numbers stay numbers") {
  crm::Report r;
  r.name = "t";
  r.columns = {"owner", "amount", "count"};
  r.rows.push_back({crm::ReportCell::of_text("=cmd|' /C calc'!A0"),
                    crm::ReportCell::of_money(*crm::Decimal::parse("-5"), "USD"), crm::ReportCell::of_int(-3)});
  CHECK(crm::render_report(r, crm::Format::Csv, crm::ReportStyle{}) ==
        "owner,amount,count,total\n'=cmd|' /C calc'!A0,-5,-3,false\n");
  CHECK(crm::render_report(r, crm::Format::Tsv, crm::ReportStyle{}) ==
        "owner\tamount\tcount\ttotal\n'=cmd|' /C calc'!A0\t-5\t-3\tfalse\n");
  crm::ReportStyle raw;
  raw.raw = true;
  CHECK(crm::render_report(r, crm::Format::Csv, raw) == "owner,amount,count,total\n=cmd|' /C calc'!A0,-5,-3,false\n");
}
