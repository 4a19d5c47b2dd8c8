// libFuzzer target: calendar files for `crm import ical` (libical behind
// parse_ical_events): any bytes give events or InvalidData, never a crash,
// a hang or unbounded recurrence.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crm/error.hpp"
#include "crm/ical_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const crm::Clock clock = crm::Clock::fixed(crm::Seconds{crm::Days{date::year{2026} / 11 / 23}});
  std::string text(reinterpret_cast<const char*>(data), size);
  if (text.find('\0') != std::string::npos) return 0;  // read as a C string by libical
  crm::Seconds from{crm::Days{date::year{2026} / 1 / 1}}, to{crm::Days{date::year{2027} / 1 / 1}};
  std::vector<std::string> problems;
  try {
    for (const crm::IcalEvent& e : crm::parse_ical_events(text, "fuzz.ics", from, to, clock, &problems))
      (void)e.summary.size();
  } catch (const crm::Error&) {
  }
  return 0;
}
