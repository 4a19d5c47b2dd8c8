// customer_value: RFM scores, segments, and the per-currency figures. The
// expected values are worked out by hand in the comments beside them, from
// crm-reference.md, "Customer value".
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/customer_value.hpp"

namespace {

crm::Days day(const char* iso) {
  auto d = crm::parse_iso_date(iso);
  REQUIRE(d.has_value());
  return *d;
}

crm::Decimal dec(const char* text) { return *crm::Decimal::parse(text); }

std::vector<crm::Decimal> decs(std::vector<long long> v) {
  std::vector<crm::Decimal> out;
  for (long long n : v) out.push_back(crm::Decimal::from_int(n));
  return out;
}

crm::ValueOrder order(const std::string& customer, const char* date, const char* total,
                      const std::string& currency = "USD") {
  crm::ValueOrder o;
  o.customer = customer;
  o.currency = currency;
  o.date = day(date);
  o.total = dec(total);
  return o;
}

const crm::CustomerValue& find(const crm::CustomerValues& v, const std::string& id, const std::string& cur = "USD") {
  for (const auto& c : v.customers)
    if (c.customer == id && c.currency == cur) return c;
  FAIL("no value for " << id << " in " << cur);
  return v.customers.front();
}

}  // namespace

TEST_CASE("fixed thresholds: R5 < 30 days, R4 < 60, R3 < 90, R2 < 180, F5 ≥ 10, F4 ≥ 5, F3 ≥ 3, F2 = 2") {
  CHECK(crm::recency_score_fixed(0) == 5);
  CHECK(crm::recency_score_fixed(29) == 5);
  CHECK(crm::recency_score_fixed(30) == 4);
  CHECK(crm::recency_score_fixed(59) == 4);
  CHECK(crm::recency_score_fixed(60) == 3);
  CHECK(crm::recency_score_fixed(89) == 3);
  CHECK(crm::recency_score_fixed(90) == 2);
  CHECK(crm::recency_score_fixed(179) == 2);
  CHECK(crm::recency_score_fixed(180) == 1);
  CHECK(crm::frequency_score_fixed(1) == 1);
  CHECK(crm::frequency_score_fixed(2) == 2);
  CHECK(crm::frequency_score_fixed(3) == 3);
  CHECK(crm::frequency_score_fixed(4) == 3);
  CHECK(crm::frequency_score_fixed(5) == 4);
  CHECK(crm::frequency_score_fixed(9) == 4);
  CHECK(crm::frequency_score_fixed(10) == 5);
}

TEST_CASE("quintiles: 1 + floor(5w/n), w the values strictly worse, ties share the lower score") {
  // n = 5, higher better: 1 (w 0) → 1; the three 2s (w 1) → 1 + 5/5 = 2; 3 (w 4) → 5.
  CHECK(crm::quintile_scores(decs({2, 1, 2, 3, 2}), true) == std::vector<int>{2, 1, 2, 5, 2});
  // Lower better (days): 10 has w 2 (20, 30) → 1 + 10/3 = 4; 20 w 1 → 1 + 5/3 = 2; 30 w 0 → 1.
  CHECK(crm::quintile_scores(decs({30, 10, 20}), false) == std::vector<int>{1, 4, 2});
  // Ten distinct values: two to each quintile.
  CHECK(crm::quintile_scores(decs({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), true) ==
        std::vector<int>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5});
  // All equal: nobody is worse, all 1.
  CHECK(crm::quintile_scores(decs({7, 7, 7}), true) == std::vector<int>{1, 1, 1});
  CHECK(crm::quintile_scores({}, true).empty());
}

TEST_CASE("the RFM segment table, every R and F") {
  // Rows R1…R5, columns F1…F5, from crm-reference.md.
  const char* const want[5][5] = {
      {"hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"},
      {"hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"},
      {"about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"},
      {"promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal"},
      {"new_customers", "potential_loyalists", "potential_loyalists", "champions", "champions"},
  };
  for (int r = 1; r <= 5; ++r)
    for (int f = 1; f <= 5; ++f) {
      CAPTURE(r);
      CAPTURE(f);
      CHECK(crm::rfm_segment(r, f) == want[r - 1][f - 1]);
    }
  CHECK(crm::rfm_segments().size() == 10);
}

TEST_CASE("50 customers: R and F by quintiles, 49: the fixed thresholds") {
  // Customer k (k = 0…n−1) ordered once, k days before today. R by quintile,
  // n = 50: w = 49 − k customers ordered longer ago, R = 1 + ⌊5(49 − k)/50⌋:
  // k 0–9 → 5, 10–19 → 4, 20–29 → 3, 30–39 → 2, 40–49 → 1. F: everyone 1
  // order, nobody worse → F1. Fixed thresholds (n = 49) say k = 40 is R4 (< 60
  // days), k = 25 R5 (< 30).
  auto build = [](int n) {
    std::vector<crm::ValueOrder> orders;
    crm::Days today = day("2026-11-23");
    for (int k = 0; k < n; ++k) {
      crm::ValueOrder o;
      o.customer = "c" + std::to_string(100 + k);
      o.currency = "USD";
      o.date = today - date::days{k};
      o.total = crm::Decimal::from_int(10);
      orders.push_back(o);
    }
    return crm::customer_values(orders, today, crm::ValueSettings{}, "USD");
  };
  crm::CustomerValues fifty = build(50);
  REQUIRE(fifty.markets.size() == 1);
  CHECK_FALSE(fifty.markets[0].fixed_thresholds);
  CHECK(find(fifty, "c100").r == 5);
  CHECK(find(fifty, "c109").r == 5);
  CHECK(find(fifty, "c110").r == 4);
  CHECK(find(fifty, "c125").r == 3);
  CHECK(find(fifty, "c140").r == 1);
  CHECK(find(fifty, "c149").r == 1);
  CHECK(find(fifty, "c140").f == 1);
  CHECK(find(fifty, "c140").segment == "hibernating");
  CHECK(find(fifty, "c100").segment == "new_customers");
  // Equal revenue, all 10: M1 for everyone.
  CHECK(find(fifty, "c100").m == 1);

  crm::CustomerValues fortynine = build(49);
  CHECK(fortynine.markets[0].fixed_thresholds);
  CHECK(find(fortynine, "c125").r == 5);
  CHECK(find(fortynine, "c140").r == 4);
  CHECK(find(fortynine, "c140").segment == "promising");
}

TEST_CASE("two currencies are two markets: never added, scored apart") {
  // a: USD 100 and EUR 900; b: USD 300. USD: b (300, w 1) M = 1 + 5/2 = 3, a
  // (100) M1. EUR: a alone, M1. a's USD revenue is 100, not 1000.
  std::vector<crm::ValueOrder> orders = {order("a", "2026-11-01", "100"), order("a", "2026-11-02", "900", "EUR"),
                                         order("b", "2026-10-01", "300")};
  crm::CustomerValues v = crm::customer_values(orders, day("2026-11-23"), crm::ValueSettings{}, "USD");
  REQUIRE(v.markets.size() == 2);
  CHECK(v.markets[0].currency == "USD");  // the store's first
  CHECK(v.markets[1].currency == "EUR");
  CHECK(find(v, "a").revenue == dec("100"));
  CHECK(find(v, "a").m == 1);
  CHECK(find(v, "b").m == 3);
  CHECK(find(v, "a", "EUR").revenue == dec("900"));
  CHECK(find(v, "a", "EUR").m == 1);
  // Nobody ordered in the year before 2025-11-23: no churn rate, no CLV.
  CHECK_FALSE(v.markets[0].annual_churn.has_value());
  CHECK_FALSE(find(v, "a").clv.has_value());
}

TEST_CASE("predicted CLV: AOV × frequency × margin × lifespan, lifespan = 1 / annual churn, at most 10 years") {
  // Today 2026-11-23, a year ago 2025-11-23. a: 2025-06-01 (active then:
  // 175 days before) and 2026-11-13 (active now); b: 2025-05-27 only (180
  // days before a year ago: active then, not now: churned); c: 2025-01-01
  // (326 days before a year ago: active then) and 2026-01-01 (active now).
  // Churn 1 of 3: lifespan 3 years. a: revenue 200 + 100 = 300 over 540 days
  // (2025-06-01 → 2026-11-23), margin 0.4: 300 · 365 · 0.4 · 3 / 540 =
  // 131400 / 540 = 243.333… → 243.33. Frequency 2 · 365 / 540 = 1.351… →
  // 1.35; AOV 150. With churn_after 180 days, a year ago only a was active
  // (175 < 180; b's 180 days is not within, c's 326 neither), and a still is
  // (10 days ago): nobody churned → 10 years.
  std::vector<crm::ValueOrder> orders = {order("a", "2025-06-01", "200"), order("a", "2026-11-13", "100"),
                                         order("b", "2025-05-27", "50"), order("c", "2025-01-01", "10"),
                                         order("c", "2026-01-01", "10")};
  crm::ValueSettings s;
  s.margin = dec("0.4");
  crm::CustomerValues v = crm::customer_values(orders, day("2026-11-23"), s, "USD");
  CHECK(v.markets[0].active_year_ago == 3);
  CHECK(v.markets[0].churned == 1);
  CHECK(v.markets[0].annual_churn == dec("33.3"));
  CHECK(find(v, "a").clv == dec("243.33"));
  CHECK(find(v, "a").frequency == dec("1.35"));
  CHECK(find(v, "a").aov == dec("150"));
  s.churn_after = 180;
  v = crm::customer_values(orders, day("2026-11-23"), s, "USD");
  CHECK(v.markets[0].active_year_ago == 1);
  CHECK(v.markets[0].churned == 0);
  // 300 · 365 · 0.4 · 10 / 540 = 438000 / 540 = 811.111… → 811.11.
  CHECK(find(v, "a").clv == dec("811.11"));
}
