#include "crm/business_hours.hpp"

#include <algorithm>

#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

using namespace date;

namespace {

const char* const kDayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::optional<int> day_number(std::string word) {
  word = to_lower(trim(word));
  if (word.size() > 3) word = word.substr(0, 3);
  for (int i = 0; i < 7; ++i)
    if (word == kDayNames[i]) return i;
  return std::nullopt;
}

InvalidData bad(const std::string& source, const Node& at, const std::string& key, const std::string& message) {
  return InvalidData(Location{source, at.line, at.column, "business_hours" + (key.empty() ? "" : "." + key)}, message);
}

// "09:00", "9:30", "24:00" → seconds since midnight.
std::optional<long long> time_of_day(const std::string& text) {
  size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || text.size() != colon + 3) return std::nullopt;
  std::string h = text.substr(0, colon), m = text.substr(colon + 1);
  if (h.find_first_not_of("0123456789") != std::string::npos || m.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  int hours = std::stoi(h), minutes = std::stoi(m);
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 3600LL + minutes * 60LL;
}

void add_days(BusinessHours& b, const Node& item, const std::string& source) {
  std::string text = item.text;
  size_t dash = text.find('-');
  auto first = day_number(text.substr(0, dash));
  auto last = dash == std::string::npos ? first : day_number(text.substr(dash + 1));
  if (!first || !last)
    throw bad(source, item, "days",
              "\"" + escape_for_terminal(text) + "\" is not a day or a range of days (mon-fri, sat, sun)");
  for (int d = *first;; d = (d + 1) % 7) {
    b.days[static_cast<size_t>(d)] = true;
    if (d == *last) break;
  }
}

// The local opening and closing instants of a working day; nullopt on a day off.
std::optional<std::pair<Seconds, Seconds>> window(const BusinessHours& b, const Clock& clock, Days day) {
  unsigned wd = weekday{day}.c_encoding();
  if (!b.days[wd] || b.holidays.count(day)) return std::nullopt;
  Seconds open = clock.at_local(day, std::chrono::seconds{b.from});
  Seconds close = b.to >= 86400 ? clock.at_local(day + days{1}, std::chrono::seconds{0})
                                : clock.at_local(day, std::chrono::seconds{b.to});
  if (close <= open) return std::nullopt;  // a window the clocks jumped over
  return std::make_pair(open, close);
}

// No more than this many days are walked: a configuration with working days
// always opens within a week plus its holidays.
constexpr int kMaxDays = 366 * 30;

}  // namespace

BusinessHours parse_business_hours(const Node& node, const std::string& source) {
  BusinessHours b;
  if (node.is_null()) return b;
  if (!node.is_map()) throw bad(source, node, "", "expected {days: mon-fri, from: \"09:00\", to: \"17:00\"}");
  for (const auto& [key, value] : node.entries)
    if (key != "days" && key != "from" && key != "to" && key != "holidays")
      throw bad(source, value, key, "unknown setting (days, from, to, holidays)");
  b.always = false;
  const Node* days_node = node.find("days");
  if (!days_node || days_node->is_null()) {
    for (int d = 1; d <= 5; ++d) b.days[static_cast<size_t>(d)] = true;
  } else if (days_node->is_scalar()) {
    for (const std::string& part : split(days_node->text, ',')) {
      Node item = Node::scalar(trim(part));
      item.line = days_node->line;
      item.column = days_node->column;
      add_days(b, item, source);
    }
  } else if (days_node->is_sequence()) {
    for (const Node& item : days_node->items) add_days(b, item, source);
  } else {
    throw bad(source, *days_node, "days", "expected days: mon-fri or a list of days");
  }
  auto hour = [&](const char* key, long long fallback) {
    const Node* n = node.find(key);
    if (!n || n->is_null()) return fallback;
    auto t = n->is_scalar() ? time_of_day(trim(n->text)) : std::nullopt;
    if (!t) throw bad(source, *n, key, "\"" + escape_for_terminal(n->text) + "\" is not a time of day (\"09:00\")");
    return *t;
  };
  b.from = hour("from", 0);
  b.to = hour("to", 86400);
  if (b.to <= b.from) throw bad(source, node, "to", "business hours end after they start");
  if (const Node* h = node.find("holidays"); h && !h->is_null()) {
    if (!h->is_sequence()) throw bad(source, *h, "holidays", "expected a list of dates");
    for (const Node& item : h->items) {
      auto d = parse_iso_date(item.text);
      if (!d)
        throw bad(source, item, "holidays", "\"" + escape_for_terminal(item.text) + "\" is not a date (2026-12-25)");
      b.holidays.insert(*d);
    }
  }
  if (std::none_of(b.days.begin(), b.days.end(), [](bool d) { return d; }))
    throw bad(source, node, "days", "no working day");
  return b;
}

Seconds add_business_time(const BusinessHours& b, const Clock& clock, Seconds start, long long seconds) {
  if (b.always) return start + std::chrono::seconds{seconds};
  Seconds cursor = start;
  long long left = seconds;
  Days day = clock.local_day(start);
  for (int n = 0; n < kMaxDays; ++n, day += days{1}) {
    auto w = window(b, clock, day);
    if (!w) continue;
    Seconds from = std::max(cursor, w->first);
    if (from >= w->second) continue;
    long long available = (w->second - from).count();
    if (left <= available) return from + std::chrono::seconds{left};
    left -= available;
    cursor = w->second;
  }
  return cursor + std::chrono::seconds{left};  // unreachable with a working day a week
}

long long business_seconds_between(const BusinessHours& b, const Clock& clock, Seconds from, Seconds to) {
  if (to <= from) return 0;
  if (b.always) return (to - from).count();
  long long total = 0;
  Days last = clock.local_day(to);
  for (Days day = clock.local_day(from); day <= last; day += days{1}) {
    auto w = window(b, clock, day);
    if (!w) continue;
    Seconds a = std::max(from, w->first), z = std::min(to, w->second);
    if (z > a) total += (z - a).count();
  }
  return total;
}

long long parse_business_duration(const std::string& input, const BusinessHours& hours) {
  // Days are business days; the rest is business time as parse_duration_seconds reads it.
  std::string t = to_lower(trim(input)), rest;
  long long days_count = 0;
  size_t i = 0;
  while (i < t.size()) {
    size_t start = i;
    while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.')) ++i;
    size_t digits_end = i;
    while (i < t.size() && t[i] == ' ') ++i;
    size_t unit_start = i;
    while (i < t.size() && t[i] >= 'a' && t[i] <= 'z') ++i;
    std::string unit = t.substr(unit_start, i - unit_start);
    if (digits_end > start && (unit == "d" || unit == "day" || unit == "days")) {
      std::string number = t.substr(start, digits_end - start);
      if (number.size() > 4 || number.find('.') != std::string::npos) return 0;  // whole business days
      days_count += std::stoll(number);
    } else {
      if (i == start) ++i;  // neither a number nor a unit: parse_duration_seconds refuses it
      rest += t.substr(start, i - start) + " ";
    }
    while (i < t.size() && t[i] == ' ') ++i;
  }
  long long seconds = 0;
  if (!trim(rest).empty()) {
    seconds = parse_duration_seconds(rest);
    if (seconds == 0) return 0;
  }
  seconds += days_count * hours.day_seconds();
  if (seconds <= 0 || seconds > kMaxDurationSeconds) return 0;
  return seconds;
}

}  // namespace crm
