// The reports of customer value (crm report customers|rfm|revenue), from the
// orders that count as revenue (customer_value.hpp: definitions, currencies,
// scores). Money is exact and per currency, never added across currencies.
//
//   customers  per customer (a contact; a company with --by company) and
//              currency: orders, first and last order, revenue, AOV,
//              frequency (orders a year), R, F, M, segment, predicted CLV;
//              a total per currency.
//   rfm        per currency, the ten RFM segments (best first): customers,
//              revenue, and share (of the currency's revenue, percent).
//   revenue    per month (or --by quarter) and currency, every period from
//              --since (else the first order's) to --until (else the last
//              order's), quiet ones too: orders, revenue, customers, new
//              (their first order in that currency was in the period) and
//              returning (they had ordered before it).
//
// The filter and --owner select customers (customers, rfm: contacts or, with
// --by company, companies) or orders (revenue: the filter; no --owner);
// scores are always among all customers, whatever the filter shows.
#pragma once

#include <optional>
#include <string>

#include "crm/dates.hpp"
#include "crm/filter.hpp"
#include "crm/report.hpp"
#include "crm/store.hpp"

namespace crm {

struct ValueReportRequest {
  std::string name;                  // customers, rfm, revenue
  std::optional<Days> since, until;  // revenue: inclusive
  std::string owner;
  std::string by;
  const Filter* filter = nullptr;
};

Report value_report(const Store& store, const ValueReportRequest& request);

}  // namespace crm
