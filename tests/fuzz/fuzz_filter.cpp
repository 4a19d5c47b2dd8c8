// libFuzzer target: the filter parser and matcher. Lines of the input are the
// terms; parse_filter either returns a filter or throws crm::Error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const crm::SchemaSet schemas = crm::SchemaSet::builtin();
  static const crm::Clock clock = crm::Clock::fixed(crm::Seconds{crm::Days{date::year{2026} / 11 / 23}});
  static const crm::Record sample = [] {
    crm::Record r;
    r.type = "contact";
    r.data = crm::parse_yaml(
        "id: kada000000000001\nname: Ada Lovelace\nemail: ada@example.com\ntags: [vip, london]\n"
        "address: {city: London}\nfollow_up: 2026-11-20\ncadence: 30\ncompany: cacme0000000000a\n",
        "sample.yaml");
    return r;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> args = crm::split(text, '\n');
  try {
    crm::Filter f = crm::parse_filter(args, schemas.get("contact"), clock);
    (void)f.matches(sample, [](const std::string& id) { return id == "cacme0000000000a" ? "Acme" : ""; });
  } catch (const crm::Error&) {
  }
  return 0;
}
