// libFuzzer target: the automation settings of the config (scoring:,
// assignment:, automation_settings.hpp). parse_config then
// check_automation_settings either accept the text or throw crm::Error
// naming file:line; accepted terms are then re-read as the engine reads them.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crm/automation_settings.hpp"
#include "crm/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  crm::SchemaSet schemas = crm::SchemaSet::builtin();
  try {
    crm::Config c = crm::parse_config(text, "config.yaml", schemas);
    crm::check_automation_settings(c, "config.yaml", schemas);
    if (const crm::Node* s = c.raw.find("scoring"))
      for (const crm::ScoreTerm& t : crm::parse_scoring(*s, "config.yaml", schemas))
        if (t.points < -100 || t.points > 100 || (!t.activity && t.filter.empty())) __builtin_trap();
    for (const char* type : {"lead", "deal", "ticket"})
      for (const crm::AssignStep& step : crm::parse_assignment(c.raw.find("assignment"), type, "config.yaml", schemas))
        if (step.to.empty()) __builtin_trap();
  } catch (const crm::Error&) {
  }
  return 0;
}
