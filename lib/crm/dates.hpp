// Calendar dates and timestamps: strict ISO parsing, relative expressions
// (today, +3d, eow, fri 9:30 …) and an injectable "now".
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace crm {

using Days = date::sys_days;
using Seconds = date::sys_seconds;

// "Now" for everything that depends on it, and the user's time zone. From
// CRM_NOW (an ISO timestamp) and CRM_TODAY (an ISO date) when set, so tests
// never depend on the wall clock. Records store UTC; what a user types and
// sees is in `zone`: the store's `timezone:` (Store sets it), else $TZ, else
// the system's (/etc/localtime). `today` is the local date.
struct Clock {
  Seconds now;
  Days today;
  const date::time_zone* zone = nullptr;  // nullptr: UTC
  bool today_pinned = false;              // CRM_TODAY given: today stays as it is
  bool now_from_today = false;            // CRM_TODAY without CRM_NOW: now is its local noon

  static Clock system();
  static Clock from_env();  // throws UsageError on a malformed CRM_NOW/CRM_TODAY
  static Clock fixed(Seconds now);

  // The zone by its IANA name ("Europe/Berlin", "UTC"); today follows it.
  // Throws UsageError for a name tzdata does not know.
  void set_zone(const std::string& name);
  std::string zone_name() const;  // "UTC" when none
  // The local date of an instant.
  Days local_day(Seconds t) const;
  // The instant of a local wall time on a day (in a DST gap: the time after it).
  Seconds at_local(Days day, std::chrono::seconds time_of_day) const;
  // "2026-12-01 16:00": an instant as a person reads it, in the local zone.
  std::string format_local(Seconds t) const;
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

// ISO dates and timestamps (without a zone: local time), today, tomorrow,
// yesterday, now, weekday names (the next one), eow, eom, eoq, eoy, ±N
// d|w|m|y (the sign may be left out: 3d), next week (its Monday), next month
// (its first day), a month and a day in either order (dec 15, 15 dec: the next
// one), optionally followed by a local time ("tomorrow 14:00", "mon 9:00").
// nullopt when it is none of these.
std::optional<DateValue> parse_date_expr(std::string_view s, const Clock& clock);

}  // namespace crm
