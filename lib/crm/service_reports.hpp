// The reports of customer service (crm report tickets|sla|csat), from the
// tickets of a store. Times are business hours (business_hours.hpp); medians
// and the 90th percentile, never means alone: one forgotten ticket distorts
// a mean.
//
//   tickets  the backlog (tickets not solved or closed) by status, or by
//            owner/team/category/channel with --by, × priority, with the age
//            in days of the oldest.
//   sla      per month (or --by week) of opening: tickets; first responses
//            and their time, median and p90; solved and their resolution
//            time (paused time out), median and p90; % within SLA: tickets
//            with a policy that breached nothing (so far), of those with one.
//   csat     per owner: ratings, satisfied (4–5), % satisfied, average
//            (two decimals), for tickets solved in the period.
//
// Median: the middle value, the mean of the two middle ones for an even
// count; p90: the nearest rank, the ⌈0.9·n⌉-th smallest.
#pragma once

#include <optional>
#include <string>

#include "crm/dates.hpp"
#include "crm/filter.hpp"
#include "crm/report.hpp"
#include "crm/store.hpp"

namespace crm {

struct ServiceReportRequest {
  std::string name;                  // tickets, sla, csat
  std::optional<Days> since, until;  // inclusive, by UTC calendar day
  std::string owner;
  std::string by;
  const Filter* filter = nullptr;  // on tickets
};

Report service_report(const Store& store, const ServiceReportRequest& request);

// The median and 90th percentile of some values (sorted inside); nullopt when none.
std::optional<double> median_of(std::vector<long long> values);
std::optional<long long> p90_of(std::vector<long long> values);

}  // namespace crm
