// dates: strict ISO parsing and relative expressions against an injected clock.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "crm/dates.hpp"
#include "crm/error.hpp"

namespace {

crm::Clock clock_at(const char* iso) {
  auto t = crm::parse_iso_datetime(iso);
  REQUIRE_MESSAGE(t.has_value(), "bad clock ", iso);
  return crm::Clock::fixed(*t);
}

// The expression resolved, as the stored text ("" when it is no date).
std::string expr(const char* s, const crm::Clock& clock) {
  auto v = crm::parse_date_expr(s, clock);
  return v ? v->str() : std::string();
}

std::string iso_date(const char* s) {
  auto d = crm::parse_iso_date(s);
  return d ? crm::format_date(*d) : std::string();
}

std::string iso_datetime(const char* s) {
  auto t = crm::parse_iso_datetime(s);
  return t ? crm::format_datetime(*t) : std::string();
}

}  // namespace

TEST_CASE("dates parse_iso_date is strict") {
  CHECK(iso_date("2024-02-29") == "2024-02-29");
  CHECK(iso_date("2024-01-05") == "2024-01-05");
  CHECK(iso_date("2024-12-31") == "2024-12-31");
  for (const char* bad : {"2024-1-5", "2024-01-5", "2024-1-05", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10",
                          "2024-01-00", "2024-04-31", "24-01-05", "2024/01/05", "20240105", "2024-01-05 ",
                          " 2024-01-05", "2024-01-05T10:00", "abcd-ef-gh", "", "2024-0a-05", "+024-01-05"}) {
    CAPTURE(bad);
    CHECK_FALSE(crm::parse_iso_date(bad).has_value());
  }
}

TEST_CASE("dates parse_iso_datetime with Z, offsets and a space") {
  CHECK(iso_datetime("2026-11-23T10:04:05Z") == "2026-11-23T10:04:05Z");
  CHECK(iso_datetime("2026-11-23t10:04:05z") == "2026-11-23T10:04:05Z");
  CHECK(iso_datetime("2026-11-23T10:04Z") == "2026-11-23T10:04:00Z");
  CHECK(iso_datetime("2026-11-23T10:04:05+02:00") == "2026-11-23T08:04:05Z");
  CHECK(iso_datetime("2026-11-23T10:04+02:00") == "2026-11-23T08:04:00Z");
  CHECK(iso_datetime("2026-11-23T22:30:00-05:30") == "2026-11-24T04:00:00Z");
  CHECK(iso_datetime("2026-01-01T01:00:00+02:00") == "2025-12-31T23:00:00Z");
  CHECK(iso_datetime("2026-11-23 10:04:05Z") == "2026-11-23T10:04:05Z");
  CHECK(iso_datetime("2026-11-23 10:04") == "2026-11-23T10:04:00Z");
  CHECK(iso_datetime("2026-11-23T10:04:05") == "2026-11-23T10:04:05Z");  // no zone: UTC
  CHECK(iso_datetime("2026-11-23T10:04:05-00:00") == "2026-11-23T10:04:05Z");
  for (const char* bad :
       {"2026-11-23", "2026-11-23T", "2026-11-23T25:00Z", "2026-11-23T10:60Z", "2026-11-23T10:00:60Z", "2026-11-23T10Z",
        "2026-11-23X10:00Z", "2026-02-30T10:00Z", "2026-11-23T10:00:00+0200", "2026-11-23T10:00:00+25:00",
        "2026-11-23T10:00:00.5Z", "2026-11-23T10:0Z", "2026-11-23T10:00 Z", "garbage garbage"}) {
    CAPTURE(bad);
    CHECK_FALSE(crm::parse_iso_datetime(bad).has_value());
  }
}

TEST_CASE("dates format_date and format_datetime") {
  using namespace date;
  CHECK(crm::format_date(sys_days{2026_y / November / 23}) == "2026-11-23");
  CHECK(crm::format_date(sys_days{2024_y / January / 5}) == "2024-01-05");
  crm::Seconds t =
      sys_days{2026_y / November / 23} + std::chrono::hours{10} + std::chrono::minutes{4} + std::chrono::seconds{5};
  CHECK(crm::format_datetime(t) == "2026-11-23T10:04:05Z");
  CHECK(crm::format_datetime(crm::Seconds{sys_days{2024_y / February / 29}}) == "2024-02-29T00:00:00Z");
  crm::DateValue dv{t, false};
  CHECK(dv.str() == "2026-11-23");
  dv.has_time = true;
  CHECK(dv.str() == "2026-11-23T10:04:05Z");
}

TEST_CASE("dates Clock fixed sets today from now") {
  crm::Clock c = clock_at("2026-11-23T23:59:59Z");
  CHECK(crm::format_date(c.today) == "2026-11-23");
  CHECK(crm::format_datetime(c.now) == "2026-11-23T23:59:59Z");
}

TEST_CASE("dates parse_date_expr day words") {
  // 2026-11-23 is a Monday.
  crm::Clock c = clock_at("2026-11-23T10:04:05Z");
  CHECK(expr("today", c) == "2026-11-23");
  CHECK(expr("TODAY", c) == "2026-11-23");
  CHECK(expr("  today  ", c) == "2026-11-23");
  CHECK(expr("tomorrow", c) == "2026-11-24");
  CHECK(expr("yesterday", c) == "2026-11-22");
  CHECK(expr("now", c) == "2026-11-23T10:04:05Z");
  CHECK(expr("Now", c) == "2026-11-23T10:04:05Z");
  auto today = crm::parse_date_expr("today", c);
  REQUIRE(today);
  CHECK_FALSE(today->has_time);
  CHECK(crm::format_datetime(today->at) == "2026-11-23T00:00:00Z");
  auto now = crm::parse_date_expr("now", c);
  REQUIRE(now);
  CHECK(now->has_time);
}

TEST_CASE("dates weekday names are the next one, never today") {
  crm::Clock mon = clock_at("2026-11-23T10:00:00Z");  // Monday
  CHECK(expr("monday", mon) == "2026-11-30");
  CHECK(expr("mon", mon) == "2026-11-30");
  CHECK(expr("tuesday", mon) == "2026-11-24");
  CHECK(expr("tue", mon) == "2026-11-24");
  CHECK(expr("tues", mon) == "2026-11-24");
  CHECK(expr("wed", mon) == "2026-11-25");
  CHECK(expr("thu", mon) == "2026-11-26");
  CHECK(expr("fri", mon) == "2026-11-27");
  CHECK(expr("Friday", mon) == "2026-11-27");
  CHECK(expr("sat", mon) == "2026-11-28");
  CHECK(expr("sun", mon) == "2026-11-29");
  crm::Clock fri = clock_at("2026-11-27T10:00:00Z");  // Friday
  CHECK(expr("fri", fri) == "2026-12-04");
  CHECK(expr("sat", fri) == "2026-11-28");
  CHECK(expr("thu", fri) == "2026-12-03");
  crm::Clock sun = clock_at("2026-11-29T10:00:00Z");  // Sunday
  CHECK(expr("sunday", sun) == "2026-12-06");
  CHECK(expr("mon", sun) == "2026-11-30");
  // Too short or not a day.
  CHECK(expr("mo", mon) == "");
  CHECK(expr("fridays", mon) == "");
}

TEST_CASE("dates ends of week, month, quarter, year") {
  crm::Clock mon = clock_at("2026-11-23T10:00:00Z");
  CHECK(expr("eow", mon) == "2026-11-29");
  CHECK(expr("EOW", mon) == "2026-11-29");
  CHECK(expr("eom", mon) == "2026-11-30");
  CHECK(expr("eoq", mon) == "2026-12-31");
  CHECK(expr("eoy", mon) == "2026-12-31");
  crm::Clock sun = clock_at("2026-11-29T10:00:00Z");
  CHECK(expr("eow", sun) == "2026-11-29");
  crm::Clock feb = clock_at("2024-02-10T00:00:00Z");
  CHECK(expr("eom", feb) == "2024-02-29");
  CHECK(expr("eoq", feb) == "2024-03-31");
  CHECK(expr("eow", feb) == "2024-02-11");  // a Saturday: Sunday is tomorrow
  crm::Clock apr = clock_at("2025-04-01T00:00:00Z");
  CHECK(expr("eom", apr) == "2025-04-30");
  CHECK(expr("eoq", apr) == "2025-06-30");
  crm::Clock sep = clock_at("2025-09-30T00:00:00Z");
  CHECK(expr("eoq", sep) == "2025-09-30");
  CHECK(expr("eom", sep) == "2025-09-30");
  crm::Clock feb23 = clock_at("2023-02-10T00:00:00Z");
  CHECK(expr("eom", feb23) == "2023-02-28");
}

TEST_CASE("dates relative offsets") {
  crm::Clock c = clock_at("2026-11-23T10:00:00Z");
  CHECK(expr("+3d", c) == "2026-11-26");
  CHECK(expr("-2w", c) == "2026-11-09");
  CHECK(expr("+0d", c) == "2026-11-23");
  CHECK(expr("+10d", c) == "2026-12-03");
  CHECK(expr("+1m", c) == "2026-12-23");
  CHECK(expr("+2m", c) == "2027-01-23");
  CHECK(expr("-11m", c) == "2025-12-23");
  CHECK(expr("+1y", c) == "2027-11-23");
  CHECK(expr("-1y", c) == "2025-11-23");
  CHECK(expr("+1D", c) == "2026-11-24");

  crm::Clock jan31 = clock_at("2026-01-31T10:00:00Z");
  CHECK(expr("+1m", jan31) == "2026-02-28");
  crm::Clock jan31_leap = clock_at("2024-01-31T10:00:00Z");
  CHECK(expr("+1m", jan31_leap) == "2024-02-29");
  CHECK(expr("+3m", jan31_leap) == "2024-04-30");
  crm::Clock mar31 = clock_at("2024-03-31T10:00:00Z");
  CHECK(expr("-1m", mar31) == "2024-02-29");
  crm::Clock leap = clock_at("2024-02-29T10:00:00Z");
  CHECK(expr("+1y", leap) == "2025-02-28");
  CHECK(expr("+4y", leap) == "2028-02-29");
}

TEST_CASE("dates day words with a time") {
  crm::Clock c = clock_at("2026-11-23T10:04:05Z");
  CHECK(expr("tomorrow 14:00", c) == "2026-11-24T14:00:00Z");
  CHECK(expr("fri 9:30", c) == "2026-11-27T09:30:00Z");
  CHECK(expr("today 23:59:30", c) == "2026-11-23T23:59:30Z");
  CHECK(expr("+3d 08:15", c) == "2026-11-26T08:15:00Z");
  CHECK(expr("2026-12-01 14:00", c) == "2026-12-01T14:00:00Z");
  CHECK(expr("2026-12-01", c) == "2026-12-01");
  CHECK(expr("2026-12-01T14:00:00+01:00", c) == "2026-12-01T13:00:00Z");
  auto v = crm::parse_date_expr("tomorrow 14:00", c);
  REQUIRE(v);
  CHECK(v->has_time);
  CHECK(crm::format_date(v->day()) == "2026-11-24");
}

TEST_CASE("dates garbage is nullopt") {
  crm::Clock c = clock_at("2026-11-23T10:04:05Z");
  for (const char* bad : {"",
                          "   ",
                          "someday",
                          "3x",
                          "+3",
                          "+3x",
                          "+d",
                          "+-3d",
                          "++3d",
                          "+123456d",
                          "tomorrow 25:00",
                          "tomorrow 9",
                          "tomorrow 9:3",
                          "fri 9:30pm",
                          "tomorrow noon",
                          "2024-1-5",
                          "2024-02-30",
                          "now 10:00",
                          "next friday",
                          "eod"}) {
    CAPTURE(bad);
    CHECK_FALSE(crm::parse_date_expr(bad, c).has_value());
  }
}

namespace {

// Sets an environment variable for the scope, restoring it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* v = std::getenv(name)) had_ = true, old_ = v;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_)
      ::setenv(name_, old_.c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  bool had_ = false;
  std::string old_;
};

}  // namespace

TEST_CASE("dates Clock from_env reads CRM_NOW and CRM_TODAY") {
  {
    ScopedEnv now("CRM_NOW", "2026-11-23T09:00:00+01:00");
    ScopedEnv today("CRM_TODAY", nullptr);
    crm::Clock c = crm::Clock::from_env();
    CHECK(crm::format_datetime(c.now) == "2026-11-23T08:00:00Z");
    CHECK(crm::format_date(c.today) == "2026-11-23");
  }
  {
    ScopedEnv now("CRM_NOW", nullptr);
    ScopedEnv today("CRM_TODAY", "2024-02-29");
    crm::Clock c = crm::Clock::from_env();
    CHECK(crm::format_date(c.today) == "2024-02-29");
    CHECK(crm::format_datetime(c.now) == "2024-02-29T12:00:00Z");
  }
  {
    ScopedEnv now("CRM_NOW", "2026-11-23T23:30:00Z");
    ScopedEnv today("CRM_TODAY", "2026-12-01");
    crm::Clock c = crm::Clock::from_env();
    CHECK(crm::format_date(c.today) == "2026-12-01");
    CHECK(crm::format_datetime(c.now) == "2026-11-23T23:30:00Z");
  }
  {
    ScopedEnv now("CRM_NOW", "yesterday");
    CHECK_THROWS_AS(crm::Clock::from_env(), crm::UsageError);
  }
  {
    ScopedEnv now("CRM_NOW", nullptr);
    ScopedEnv today("CRM_TODAY", "2026-1-5");
    CHECK_THROWS_AS(crm::Clock::from_env(), crm::UsageError);
  }
}

TEST_CASE("dates a huge offset never wraps into the past") {
  // Regression (fixed): "+99999y" overflows date::year and resolves to
  // -29047-11-23, a date in the past; a field set to it fails later with
  // "\"-29047-11-23\" is not a date". Expected nullopt (or a year in 0000-9999).
  crm::Clock c = clock_at("2026-11-23T10:00:00Z");
  auto v = crm::parse_date_expr("+99999y", c);
  CHECK((!v || v->str() > "2026-11-23"));
}

TEST_CASE("dates parse_duration_seconds: positive, bounded, never overflowing") {
  CHECK(crm::parse_duration_seconds("30m") == 1800);
  CHECK(crm::parse_duration_seconds("1h30m") == 5400);
  CHECK(crm::parse_duration_seconds("90") == 5400);
  CHECK(crm::parse_duration_seconds("1:30") == 5400);
  CHECK(crm::parse_duration_seconds("2d") == 172800);
  CHECK(crm::parse_duration_seconds("366d") == crm::kMaxDurationSeconds);
  CHECK(crm::parse_duration_seconds("367d") == 0);
  CHECK(crm::parse_duration_seconds("banana") == 0);
  CHECK(crm::parse_duration_seconds("-5m") == 0);
  CHECK(crm::parse_duration_seconds("0m") == 0);
  CHECK(crm::parse_duration_seconds("1.2.3m") == 0);
  CHECK(crm::parse_duration_seconds("1:75") == 0);
  CHECK(crm::parse_duration_seconds("99999999999999999999:00") == 0);
  CHECK(crm::parse_duration_seconds("99999999999999999999999h") == 0);
  CHECK(crm::parse_duration_seconds(std::string(100000, '9') + "m") == 0);
}

TEST_CASE("dates a bare count is ahead: 3d is +3d") {
  crm::Clock c = clock_at("2026-11-23T10:04:05Z");
  CHECK(expr("3d", c) == "2026-11-26");
  CHECK(expr("2w", c) == "2026-12-07");
  CHECK(expr("1m", c) == "2026-12-23");
}

TEST_CASE("dates next week, next month, a month and a day in either order") {
  crm::Clock c = clock_at("2026-12-02T10:00:00Z");  // a Wednesday
  CHECK(expr("next week", c) == "2026-12-07");
  CHECK(expr("next month", c) == "2027-01-01");
  CHECK(expr("dec 15", c) == "2026-12-15");
  CHECK(expr("15 Dec", c) == "2026-12-15");
  CHECK(expr("december 15", c) == "2026-12-15");
  CHECK(expr("jan 5", c) == "2027-01-05");  // the next one
  CHECK(expr("dec 2", c) == "2026-12-02");  // today is the next one
  CHECK(expr("feb 29", c) == "2028-02-29");
  CHECK(expr("feb 30", c).empty());
  CHECK(expr("next week 9:00", c) == "2026-12-07T09:00:00Z");
  CHECK(expr("mon 9:00", c) == "2026-12-07T09:00:00Z");
  CHECK(expr("dec 15 14:30", c) == "2026-12-15T14:30:00Z");
}

TEST_CASE("dates in a zone: today is the local date, typed times are local, UTC is stored") {
  crm::Clock c = clock_at("2026-12-01T23:30:00Z");
  c.set_zone("Europe/Berlin");  // UTC+1 in winter
  CHECK(crm::format_date(c.today) == "2026-12-02");
  CHECK(expr("today", c) == "2026-12-02");
  CHECK(expr("tomorrow 14:00", c) == "2026-12-03T13:00:00Z");
  CHECK(expr("2026-12-01 16:00", c) == "2026-12-01T15:00:00Z");
  CHECK(expr("2026-12-01T16:00:00Z", c) == "2026-12-01T16:00:00Z");  // a zone given wins
  CHECK(c.format_local(*crm::parse_iso_datetime("2026-12-01T15:00:00Z")) == "2026-12-01 16:00");
  CHECK(c.zone_name() == "Europe/Berlin");
  // Summer time: UTC+2; the hour the clocks skip lands after the jump.
  CHECK(expr("2027-07-01 09:00", c) == "2027-07-01T07:00:00Z");
  CHECK(expr("2027-03-28 02:30", c) == "2027-03-28T01:00:00Z");
  // West of UTC the same instant is still the day before.
  crm::Clock ny = clock_at("2026-12-02T03:00:00Z");
  ny.set_zone("America/New_York");
  CHECK(crm::format_date(ny.today) == "2026-12-01");
  CHECK(expr("eow", ny) == "2026-12-06");
  CHECK_THROWS_AS(ny.set_zone("Mars/Olympus"), crm::UsageError);
}
