#include "crm/dates.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

using namespace date;

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) { return std::atoi(std::string(s).c_str()); }

// "HH:MM" or "HH:MM:SS" → seconds since midnight.
std::optional<int> parse_time(std::string_view s) {
  auto parts = split(s, ':');
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  for (auto& p : parts)
    if (!all_digits(p) || p.size() > 2) return std::nullopt;
  if (parts[1].size() != 2 || (parts.size() == 3 && parts[2].size() != 2)) return std::nullopt;
  int h = to_int(parts[0]), m = to_int(parts[1]), sec = parts.size() == 3 ? to_int(parts[2]) : 0;
  if (h > 23 || m > 59 || sec > 59) return std::nullopt;
  return h * 3600 + m * 60 + sec;
}

Days end_of_month(year_month ym) { return sys_days{ym / last}; }

Days add_months(Days d, int months) {
  year_month_day ymd{d};
  year_month ym = ymd.year() / ymd.month();
  ym += date::months{months};
  auto last_day = (ym / last).day();
  return sys_days{ym / (ymd.day() > last_day ? last_day : ymd.day())};
}

std::optional<Days> parse_day_word(std::string_view word, const Clock& clock) {
  std::string w = to_lower(word);
  Days today = clock.today;
  if (w == "today") return today;
  if (w == "tomorrow") return today + days{1};
  if (w == "yesterday") return today - days{1};
  static const char* const kDays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (unsigned i = 0; i < 7; ++i) {
    std::string full = kDays[i];
    if (w == full || (w.size() >= 3 && full.compare(0, w.size(), w) == 0)) {
      weekday target{i};
      auto ahead = (target - weekday{today}).count();
      return today + days{ahead == 0 ? 7 : ahead};
    }
  }
  year_month_day ymd{today};
  if (w == "eow") {  // weeks end on Sunday
    auto ahead = (Sunday - weekday{today}).count();
    return today + days{ahead};
  }
  if (w == "eom") return end_of_month(ymd.year() / ymd.month());
  if (w == "eoq") {
    unsigned q_last = ((static_cast<unsigned>(ymd.month()) - 1) / 3 + 1) * 3;
    return end_of_month(ymd.year() / month{q_last});
  }
  if (w == "eoy") return sys_days{ymd.year() / December / 31};
  // "3d" is "+3d": ahead, as a due date means.
  if (w.size() >= 2 && w[0] >= '0' && w[0] <= '9' && std::string("dwmy").find(w.back()) != std::string::npos &&
      all_digits(std::string_view(w).substr(0, w.size() - 1)))
    w = "+" + w;
  if (w.size() >= 3 && (w[0] == '+' || w[0] == '-')) {
    char unit = w.back();
    std::string_view n(w.data() + 1, w.size() - 2);
    if (!all_digits(n) || n.size() > 4) return std::nullopt;  // ±9999 units at most
    int count = to_int(n) * (w[0] == '-' ? -1 : 1);
    switch (unit) {
      case 'd':
        return today + days{count};
      case 'w':
        return today + days{7 * count};
      case 'm':
        return add_months(today, count);
      case 'y':
        return add_months(today, 12 * count);
      default:
        return std::nullopt;
    }
  }
  if (auto iso = parse_iso_date(w)) return iso;
  return std::nullopt;
}

}  // namespace

Clock Clock::system() {
  Clock c;
  c.now = floor<std::chrono::seconds>(std::chrono::system_clock::now());
  c.today = floor<days>(c.now);
  return c;
}

Clock Clock::fixed(Seconds now) {
  Clock c;
  c.now = now;
  c.today = floor<days>(now);
  return c;
}

namespace {

// $TZ as tzdata names it (":Europe/Berlin" is allowed); else the system's
// zone. A POSIX rule string ("CET-1CEST") tzdata cannot name: UTC.
const time_zone* initial_zone() {
  try {
    if (const char* tz = std::getenv("TZ"); tz) {
      std::string name = tz;
      if (!name.empty() && name[0] == ':') name.erase(0, 1);
      if (name.empty()) return nullptr;
      return locate_zone(name);
    }
    return current_zone();
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

Clock Clock::from_env() {
  Clock c = system();
  c.zone = initial_zone();
  if (const char* now = std::getenv("CRM_NOW"); now && *now) {
    auto t = parse_iso_datetime(now);
    if (!t) throw UsageError(std::string("CRM_NOW: \"") + now + "\" is not an ISO timestamp (2026-11-23T09:00:00Z)");
    c.now = *t;
  }
  c.today = c.local_day(c.now);
  if (const char* today = std::getenv("CRM_TODAY"); today && *today) {
    auto d = parse_iso_date(today);
    if (!d) throw UsageError(std::string("CRM_TODAY: \"") + today + "\" is not an ISO date (2026-11-23)");
    c.today = *d;
    c.today_pinned = true;
    if (!std::getenv("CRM_NOW") || !*std::getenv("CRM_NOW")) {
      c.now_from_today = true;
      c.now = c.at_local(*d, std::chrono::hours{12});
    }
  }
  return c;
}

void Clock::set_zone(const std::string& name) {
  try {
    zone = locate_zone(name);
  } catch (const std::exception&) {
    throw UsageError("unknown time zone \"" + name + "\" (an IANA name: Europe/Berlin, America/New_York, UTC)");
  }
  if (now_from_today) now = at_local(today, std::chrono::hours{12});
  if (!today_pinned) today = local_day(now);
}

std::string Clock::zone_name() const { return zone ? std::string(zone->name()) : "UTC"; }

Days Clock::local_day(Seconds t) const {
  if (!zone) return floor<days>(t);
  return Days{floor<days>(zone->to_local(t)).time_since_epoch()};
}

Seconds Clock::at_local(Days day, std::chrono::seconds time_of_day) const {
  if (!zone) return Seconds{day} + time_of_day;
  local_seconds wall{local_days{day.time_since_epoch()} + time_of_day};
  auto info = zone->get_info(wall);
  if (info.result == local_info::nonexistent)  // the clocks jumped over it: the moment after the jump
    return info.first.end;
  return zone->to_sys(wall, choose::earliest);
}

std::string Clock::format_local(Seconds t) const {
  if (!zone) return date::format("%F %R", t);
  return date::format("%F %R", zone->to_local(t));
}

std::optional<Days> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) return std::nullopt;
  year_month_day ymd{year{to_int(s.substr(0, 4))}, month{static_cast<unsigned>(to_int(s.substr(5, 2)))},
                     day{static_cast<unsigned>(to_int(s.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::optional<Seconds> parse_iso_datetime(std::string_view s) {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  auto day = parse_iso_date(s.substr(0, 10));
  if (!day) return std::nullopt;
  std::string_view rest = s.substr(11);
  int offset = 0;
  if (!rest.empty() && (rest.back() == 'Z' || rest.back() == 'z')) {
    rest.remove_suffix(1);
  } else if (rest.size() > 6 && (rest[rest.size() - 6] == '+' || rest[rest.size() - 6] == '-')) {
    std::string_view zone = rest.substr(rest.size() - 6);
    auto z = parse_time(zone.substr(1));
    if (!z || zone[3] != ':') return std::nullopt;
    offset = (zone[0] == '-' ? -1 : 1) * *z;
    rest.remove_suffix(6);
  }
  auto t = parse_time(rest);
  if (!t) return std::nullopt;
  return Seconds{*day} + std::chrono::seconds{*t - offset};
}

std::string format_date(Days d) { return date::format("%F", d); }

std::string format_datetime(Seconds t) { return date::format("%FT%TZ", t); }

long long parse_duration_seconds(std::string_view input) {
  std::string t = to_lower(trim(input));
  if (t.empty()) return 0;
  // "1:30" → 1 h 30 min
  if (size_t colon = t.find(':'); colon != std::string::npos) {
    std::string h = t.substr(0, colon), m = t.substr(colon + 1);
    if (h.empty() || h.size() > 4 || m.size() != 2 || !all_digits(h) || !all_digits(m) || to_int(m) > 59) return 0;
    long long s = to_int(h) * 3600LL + to_int(m) * 60LL;
    return s > kMaxDurationSeconds ? 0 : s;
  }
  double total = 0;
  size_t i = 0;
  bool any = false;
  while (i < t.size()) {
    while (i < t.size() && t[i] == ' ') ++i;
    if (i >= t.size()) break;
    size_t start = i;
    while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.')) ++i;
    // A number of at most 9 characters: never near overflowing the sum.
    if (start == i || i - start > 9 || std::count(t.begin() + start, t.begin() + i, '.') > 1) return 0;
    double n = std::atof(t.substr(start, i - start).c_str());
    while (i < t.size() && t[i] == ' ') ++i;
    size_t ustart = i;
    while (i < t.size() && t[i] >= 'a' && t[i] <= 'z') ++i;
    std::string unit = t.substr(ustart, i - ustart);
    if (unit.empty() || unit == "m" || unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes") {
      total += n * 60;
    } else if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours") {
      total += n * 3600;
    } else if (unit == "s" || unit == "sec" || unit == "secs" || unit == "second" || unit == "seconds") {
      total += n;
    } else if (unit == "d" || unit == "day" || unit == "days") {
      total += n * 86400;
    } else {
      return 0;
    }
    any = true;
  }
  if (!any || total > static_cast<double>(kMaxDurationSeconds)) return 0;
  return std::llround(total);
}

namespace {

std::optional<unsigned> month_number(std::string_view word) {
  static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
  std::string w = to_lower(word);
  if (w.size() < 3) return std::nullopt;
  for (unsigned i = 0; i < 12; ++i)
    if (std::string_view(kMonths[i]).substr(0, w.size()) == w) return i + 1;
  return std::nullopt;
}

// "dec 15" / "15 dec": the next such day (today when it is today).
std::optional<Days> month_and_day(std::string_view a, std::string_view b, const Clock& clock) {
  auto m = month_number(a);
  std::string_view d = b;
  if (!m) {
    m = month_number(b);
    d = a;
  }
  if (!m || !all_digits(d) || d.size() > 2) return std::nullopt;
  year_month_day today{clock.today};
  for (int add = 0; add < 5; ++add) {  // Feb 29 waits for a leap year
    year_month_day ymd{today.year() + years{add}, month{*m}, day{static_cast<unsigned>(to_int(d))}};
    if (ymd.ok() && sys_days{ymd} >= clock.today) return sys_days{ymd};
  }
  return std::nullopt;
}

// The day that one or two words name, and how many words that took.
std::optional<std::pair<Days, size_t>> parse_day_words(const std::vector<std::string>& words, const Clock& clock) {
  if (words.size() >= 2) {
    std::string first = to_lower(words[0]), second = to_lower(words[1]);
    if (first == "next" && second == "week") {
      auto to_monday = (Monday - weekday{clock.today}).count();
      return std::make_pair(clock.today + days{to_monday == 0 ? 7 : to_monday}, size_t{2});
    }
    if (first == "next" && second == "month") {
      year_month_day ymd{clock.today};
      year_month next = ymd.year() / ymd.month() + months{1};
      return std::make_pair(Days{next / 1}, size_t{2});
    }
    if (auto d = month_and_day(words[0], words[1], clock)) return std::make_pair(*d, size_t{2});
  }
  if (words.empty()) return std::nullopt;
  if (auto d = parse_day_word(words[0], clock)) return std::make_pair(*d, size_t{1});
  return std::nullopt;
}

// "YYYY-MM-DD[T ]HH:MM[:SS]" with no zone: a local wall time.
std::optional<Seconds> parse_local_datetime(std::string_view s, const Clock& clock) {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  auto day = parse_iso_date(s.substr(0, 10));
  auto tod = parse_time(s.substr(11));
  if (!day || !tod) return std::nullopt;
  return clock.at_local(*day, std::chrono::seconds{*tod});
}

}  // namespace

std::optional<DateValue> parse_date_expr(std::string_view input, const Clock& clock) {
  std::string s = trim(input);
  if (s.empty()) return std::nullopt;
  if (to_lower(s) == "now") return DateValue{clock.now, true};
  if (auto t = parse_local_datetime(s, clock)) return DateValue{*t, true};
  if (auto t = parse_iso_datetime(s)) return DateValue{*t, true};  // with Z or an offset
  std::vector<std::string> words;
  for (const std::string& w : split(s, ' '))
    if (!w.empty()) words.push_back(w);
  auto day = parse_day_words(words, clock);
  if (!day) return std::nullopt;
  if (day->second == words.size()) return DateValue{Seconds{day->first}, false};
  if (day->second + 1 != words.size()) return std::nullopt;
  auto secs = parse_time(words.back());
  if (!secs) return std::nullopt;
  return DateValue{clock.at_local(day->first, std::chrono::seconds{*secs}), true};
}

}  // namespace crm
