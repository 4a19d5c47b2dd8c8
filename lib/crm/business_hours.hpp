// Business hours: when a service level's clock runs. `business_hours:` in
// .crm/config.yaml names the working days, the opening hours and holidays,
// read in the store's time zone (the Clock's); none configured is 24×7.
// Pure arithmetic on instants, exact to the second.
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>

#include "crm/dates.hpp"
#include "crm/node.hpp"

namespace crm {

struct BusinessHours {
  bool always = true;              // 24×7: no business_hours configured
  std::array<bool, 7> days{};      // by weekday, 0 = Sunday
  long long from = 0, to = 86400;  // seconds since local midnight, from < to
  std::set<Days> holidays;         // local dates when nothing is open

  // Seconds in one business day (to − from; 86400 for 24×7): what "1d" of a
  // service level means.
  long long day_seconds() const { return always ? 86400 : to - from; }
};

// `{days: mon-fri, from: "09:00", to: "17:00", holidays: [2026-12-25]}`.
// days: a range (mon-fri), a list ([mon, tue, sat]) or one day; from/to:
// HH:MM, to may be 24:00. Throws InvalidData naming `source`:line and the key.
BusinessHours parse_business_hours(const Node& node, const std::string& source);

// The instant `seconds` of business time after `start` (a start outside the
// hours counts from the next opening). 24×7: start + seconds.
Seconds add_business_time(const BusinessHours& hours, const Clock& clock, Seconds start, long long seconds);

// Business seconds between two instants (0 when to <= from).
long long business_seconds_between(const BusinessHours& hours, const Clock& clock, Seconds from, Seconds to);

// A service level's duration: "1h", "30m", "1h30m", "8h" are business hours;
// days count business days ("3d" = 3 × day_seconds(): 24 business hours
// with 09:00–17:00), so a "3d" promise means the same time of day three
// business days later. 0 when the text is no duration (parse_duration_seconds).
long long parse_business_duration(const std::string& text, const BusinessHours& hours);

}  // namespace crm
