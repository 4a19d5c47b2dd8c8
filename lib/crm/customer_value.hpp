// Customer value (crm-reference.md, "Customer value"): per customer — a
// contact, or a company with `by = "company"` — over the orders that count as
// revenue (placed, paid, fulfilled) dated on or before the store's today:
// orders, first and last order, revenue, AOV, frequency, R/F/M scores, the
// RFM segment and the predicted CLV.
//
// Currencies. Two currencies are never added, nor compared: each currency is
// its own market. A customer with orders in two currencies has one value per
// currency, each over that currency's orders alone, scored among the
// customers of that currency (quintiles, the fewer-than-50 rule and the
// annual churn behind CLV are all per currency).
//
// Scores. With 50 or more customers in a currency, R, F and M are quintiles:
// a customer's score is 1 + ⌊5·w/n⌋, w the number of customers strictly
// worse (more days since the last order; fewer orders; less revenue), n the
// customers. Ties share a score (the one of their lowest place): a tie is
// never split across two quintiles. With fewer than 50, R and F use the fixed
// thresholds (R5 < 30 days, R4 < 60, R3 < 90, R2 < 180, else R1; F5 ≥ 10
// orders, F4 ≥ 5, F3 ≥ 3, F2 = 2, F1 = 1); money has no fixed threshold, so
// M is the quintile score always.
//
// Frequency: orders × 365 / active days, active days = today − first order,
// at least 30. Annual churn: of the customers active a year ago (an order in
// the `churn_after` days up to today − 365), those not active today (no order
// in the `churn_after` days up to today). Lifespan = 1 / churn in years,
// capped at 10 (so also 10 when nobody churned). Predicted CLV = AOV ×
// frequency × margin × lifespan = revenue × 365 × margin × lifespan / active
// days, rounded to cents once, at the end; none (n/a) when nobody was active
// a year ago (no churn rate to predict from). Config: `gross_margin` (a
// fraction, 0–1, default 1), `churn_after` (days, default 365).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/dates.hpp"
#include "crm/decimal.hpp"
#include "crm/filter.hpp"
#include "crm/store.hpp"

namespace crm {

// An order that counts as revenue, as customer value reads it.
struct ValueOrder {
  std::string id;
  std::string customer;  // contact id, or company id (the order's, else its contact's)
  std::string currency;
  Days date;
  Decimal total;
};

struct ValueSettings {
  Decimal margin = Decimal::from_int(1);  // gross_margin
  int churn_after = 365;                  // days
};

// gross_margin and churn_after from config (parse_config checks them: a
// fraction 0–1, a positive number of days "365" or "365d").
ValueSettings value_settings(const Config& config);

// The orders of the store that count as revenue, dated on or before today,
// with a customer of `by` ("contact" or "company"); read once, with only the
// fields needed (and the contacts' company, for `by = "company"`). With a
// filter (on orders; not empty), only the orders it matches, read whole.
// `by = "order"`: the customer is the contact, else the company, else none
// (such orders are kept, with an empty customer).
std::vector<ValueOrder> value_orders(const Store& store, const std::string& by, const Filter* filter = nullptr);

struct CustomerValue {
  std::string customer;  // id
  std::string currency;
  long long orders = 0;
  Days first_order, last_order;
  long long recency = 0;  // days since the last order
  Decimal revenue;
  Decimal aov;        // revenue / orders, to cents
  Decimal frequency;  // orders per year, two decimals
  int r = 0, f = 0, m = 0;
  std::string segment;
  std::optional<Decimal> clv;  // to cents; none without a churn rate
};

// One currency's market.
struct ValueMarket {
  std::string currency;
  long long customers = 0;
  bool fixed_thresholds = false;  // fewer than 50 customers
  long long active_year_ago = 0, churned = 0;
  std::optional<Decimal> annual_churn;  // percent, one decimal; none when nobody was active a year ago
};

struct CustomerValues {
  std::vector<CustomerValue> customers;  // by currency (the store's first), revenue descending, id
  std::vector<ValueMarket> markets;      // in the same currency order
};

CustomerValues customer_values(const std::vector<ValueOrder>& orders, Days today, const ValueSettings& settings,
                               const std::string& store_currency);
CustomerValues customer_values(const Store& store, const std::string& by);

// Derived fields of contacts and companies — orders, revenue, first_order,
// last_order, rfm (the segment), clv — computed, never stored: the
// customer's value in the store's currency (a customer who bought only in
// other currencies has none; see `crm report customers`). A customer
// without orders has orders 0 and revenue 0, the rest unset.
bool has_value_fields(const std::string& type);  // contact, company
bool is_value_field(std::string_view name);
// The schema with the derived fields' definitions added (typed, for filters,
// --fields, --sort and rendering); the schema itself for other types.
Schema with_value_fields(const Schema& schema);
// Sets the derived fields on records of a type that has them (one read of
// the orders for all of them).
void fill_value_fields(const Store& store, std::vector<Record>& records);

// The pieces, for tests.
int recency_score_fixed(long long days);
int frequency_score_fixed(long long orders);
// 1 + ⌊5·w/n⌋ for each value, w = the values strictly worse.
std::vector<int> quintile_scores(const std::vector<Decimal>& values, bool higher_is_better);
std::string rfm_segment(int r, int f);
// The segments, best first: the order reports list them in.
const std::vector<std::string>& rfm_segments();

}  // namespace crm
