// libFuzzer target: the rules file parser (.crm/rules.yaml). parse_rules
// either returns rules or throws crm::Error naming file:line; the templates
// of every action are then checked again against the schemas.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crm/automation.hpp"
#include "crm/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const crm::SchemaSet schemas = crm::SchemaSet::builtin();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    for (const crm::Rule& r : crm::parse_rules(text, schemas)) {
      if (r.name.empty() || r.type.empty() || r.event.empty() || r.actions.empty()) __builtin_trap();
      if (!schemas.find(r.type)) __builtin_trap();
    }
  } catch (const crm::Error&) {
  }
  return 0;
}
