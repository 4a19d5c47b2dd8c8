// libFuzzer target: date expressions, ISO dates and timestamps, recurrences.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crm/dates.hpp"
#include "crm/task_workflow.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const crm::Clock clock = crm::Clock::fixed(crm::Seconds{crm::Days{date::year{2026} / 11 / 23}});
  std::string text(reinterpret_cast<const char*>(data), size);
  if (auto d = crm::parse_date_expr(text, clock)) (void)d->str();
  if (auto d = crm::parse_iso_date(text)) (void)crm::format_date(*d);
  if (auto t = crm::parse_iso_datetime(text)) (void)crm::format_datetime(*t);
  if (auto r = crm::parse_recurrence(text)) {
    (void)crm::next_due("2026-01-31", *r);
    (void)crm::next_due("2026-01-31T09:30:00Z", *r);
  }
  return 0;
}
