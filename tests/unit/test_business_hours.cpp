#include <doctest/doctest.h>

#include "crm/business_hours.hpp"
#include "crm/error.hpp"
#include "crm/yaml_io.hpp"

using namespace crm;

namespace {

BusinessHours hours(const std::string& yaml) {
  return parse_business_hours(parse_yaml(yaml, "config.yaml"), "config.yaml");
}

Seconds at(const std::string& iso) { return *parse_iso_datetime(iso); }

Clock zone(const std::string& name) {
  Clock c = Clock::fixed(Seconds{});
  c.set_zone(name);
  return c;
}

const char* const kNineToFive = "{days: mon-fri, from: \"09:00\", to: \"17:00\", holidays: [2026-12-25]}";

}  // namespace

TEST_CASE("business hours: Friday 16:00 + 8h is Monday 16:00") {
  BusinessHours b = hours(kNineToFive);
  Clock utc = Clock::fixed(Seconds{});
  // 2026-11-27 is a Friday.
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-27T16:00:00Z"), 8 * 3600)) == "2026-11-30T16:00:00Z");
  CHECK(business_seconds_between(b, utc, at("2026-11-27T16:00:00Z"), at("2026-11-30T16:00:00Z")) == 8 * 3600);
  // Exactly at closing: the same day, not the next opening.
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-27T16:00:00Z"), 3600)) == "2026-11-27T17:00:00Z");
}

TEST_CASE("business hours: a holiday moves the due time a day") {
  BusinessHours b = hours("{days: mon-fri, from: \"09:00\", to: \"17:00\", holidays: [2026-11-30]}");
  Clock utc = Clock::fixed(Seconds{});
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-27T16:00:00Z"), 8 * 3600)) == "2026-12-01T16:00:00Z");
  // Christmas 2026 is a Friday: Thursday 16:00 + 2h is Monday 10:00.
  BusinessHours xmas = hours(kNineToFive);
  CHECK(format_datetime(add_business_time(xmas, utc, at("2026-12-24T16:00:00Z"), 2 * 3600)) == "2026-12-28T10:00:00Z");
}

TEST_CASE("business hours: a start outside the hours counts from the next opening") {
  BusinessHours b = hours(kNineToFive);
  Clock utc = Clock::fixed(Seconds{});
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-28T11:00:00Z"), 3600)) == "2026-11-30T10:00:00Z");  // Sat
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-30T07:30:00Z"), 3600)) == "2026-11-30T10:00:00Z");
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-30T18:00:00Z"), 3600)) == "2026-12-01T10:00:00Z");
  CHECK(business_seconds_between(b, utc, at("2026-11-28T00:00:00Z"), at("2026-11-30T09:00:00Z")) == 0);
  CHECK(business_seconds_between(b, utc, at("2026-11-30T10:00:00Z"), at("2026-11-30T09:00:00Z")) == 0);
}

TEST_CASE("business hours: local time in the store's zone, across a DST change") {
  BusinessHours b = hours(kNineToFive);
  Clock berlin = zone("Europe/Berlin");
  // Friday 2026-03-27 16:00 CET (15:00Z); Europe/Berlin moves to CEST on Sunday
  // 2026-03-29: Monday 16:00 CEST is 14:00Z.
  CHECK(format_datetime(add_business_time(b, berlin, at("2026-03-27T15:00:00Z"), 8 * 3600)) == "2026-03-30T14:00:00Z");
  CHECK(business_seconds_between(b, berlin, at("2026-03-27T15:00:00Z"), at("2026-03-30T14:00:00Z")) == 8 * 3600);
  // A window over the night the clocks go forward is an hour short: 01:00–04:00 local is two real hours.
  BusinessHours night = hours("{days: sun, from: \"01:00\", to: \"04:00\"}");
  CHECK(business_seconds_between(night, berlin, at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z")) == 2 * 3600);
  CHECK(format_datetime(add_business_time(night, berlin, at("2026-03-28T00:00:00Z"), 2 * 3600)) ==
        "2026-03-29T02:00:00Z");  // 04:00 CEST
}

TEST_CASE("business hours: none configured is 24x7") {
  BusinessHours b;
  Clock utc = Clock::fixed(Seconds{});
  CHECK(b.always);
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-27T16:00:00Z"), 8 * 3600)) == "2026-11-28T00:00:00Z");
  CHECK(business_seconds_between(b, utc, at("2026-11-27T16:00:00Z"), at("2026-11-28T16:00:00Z")) == 86400);
  CHECK(parse_business_duration("3d", b) == 3 * 86400);
}

TEST_CASE("business durations: hours are business hours, days business days") {
  BusinessHours b = hours(kNineToFive);
  CHECK(parse_business_duration("1h", b) == 3600);
  CHECK(parse_business_duration("8h", b) == 8 * 3600);
  CHECK(parse_business_duration("90m", b) == 5400);
  CHECK(parse_business_duration("3d", b) == 3 * 8 * 3600);
  CHECK(parse_business_duration("1d 4h", b) == 12 * 3600);
  CHECK(parse_business_duration("2 days", b) == 16 * 3600);
  CHECK(parse_business_duration("1.5d", b) == 0);
  CHECK(parse_business_duration("soon", b) == 0);
  CHECK(parse_business_duration("0h", b) == 0);
  CHECK(parse_business_duration("", b) == 0);
  Clock utc = Clock::fixed(Seconds{});
  // Friday 16:00 + 3d: the same time three business days on.
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-27T16:00:00Z"), parse_business_duration("3d", b))) ==
        "2026-12-02T16:00:00Z");
}

TEST_CASE("business hours: days as a list, to 24:00, and bad settings name the line") {
  BusinessHours b = hours("{days: [sat, sun], from: \"20:00\", to: \"24:00\"}");
  CHECK(b.days[0]);
  CHECK(b.days[6]);
  CHECK_FALSE(b.days[1]);
  CHECK(b.day_seconds() == 4 * 3600);
  Clock utc = Clock::fixed(Seconds{});
  CHECK(format_datetime(add_business_time(b, utc, at("2026-11-28T23:00:00Z"), 2 * 3600)) == "2026-11-29T21:00:00Z");
  CHECK_THROWS_WITH_AS(hours("{days: mon-fry}"), doctest::Contains("config.yaml:1"), InvalidData);
  CHECK_THROWS_WITH_AS(hours("days: mon-fri\nfrom: \"9\""), doctest::Contains("config.yaml:2"), InvalidData);
  CHECK_THROWS_AS(hours("{from: \"17:00\", to: \"09:00\"}"), InvalidData);
  CHECK_THROWS_AS(hours("{holidays: [christmas]}"), InvalidData);
  CHECK_THROWS_AS(hours("{weekdays: mon}"), InvalidData);
}
