// Calendar dates and timestamps: strict ISO parsing, relative expressions
// (today, +3d, eow, fri 9:30 …) and an injectable "now".
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace crm {

using Days = date::sys_days;
using Seconds = date::sys_seconds;

// "Now" for everything that depends on it. From CRM_NOW (an ISO timestamp) and
// CRM_TODAY (an ISO date) when set, so tests never depend on the wall clock.
struct Clock {
  Seconds now;
  Days today;
  static Clock system();
  static Clock from_env();  // throws UsageError on a malformed CRM_NOW/CRM_TODAY
  static Clock fixed(Seconds now);
};

// Strict "YYYY-MM-DD" naming a real day.
std::optional<Days> parse_iso_date(std::string_view s);
// "YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)" or with a space for the T; no zone means UTC.
std::optional<Seconds> parse_iso_datetime(std::string_view s);

std::string format_date(Days d);         // 2026-11-23
std::string format_datetime(Seconds t);  // 2026-11-23T10:04:05Z

// How long something took: "30m", "1h15m", "1h", "90" (minutes), "1:30",
// "1.5h", "2 hours", "1d" → seconds. 0 when it is none of these, not
// positive ("-5m", "0m") or longer than kMaxDurationSeconds.
long long parse_duration_seconds(std::string_view text);
constexpr long long kMaxDurationSeconds = 366LL * 86400;

// The latest day a record holds: a later one would need a fifth year digit.
constexpr date::year_month_day kLastDay{date::year{9999}, date::December, date::day{31}};

// A date a user typed, resolved against the clock.
struct DateValue {
  Seconds at;  // midnight UTC when !has_time
  bool has_time = false;
  Days day() const { return date::floor<date::days>(at); }
  std::string str() const { return has_time ? format_datetime(at) : format_date(day()); }
};

// ISO dates and timestamps, today, tomorrow, yesterday, now, weekday names
// (the next one), eow, eom, eoq, eoy, ±N d|w|m|y, optionally followed by a
// time ("tomorrow 14:00", "fri 9:30"). nullopt when it is none of these.
std::optional<DateValue> parse_date_expr(std::string_view s, const Clock& clock);

}  // namespace crm
