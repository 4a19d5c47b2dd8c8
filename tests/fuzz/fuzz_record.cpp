// libFuzzer target: the strict record loader, validation and the writer.
// Whatever the bytes, parse_yaml either returns or throws crm::Error; a record
// that loads writes back to text that loads to the same values.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "crm/error.hpp"
#include "crm/record.hpp"
#include "crm/render.hpp"
#include "crm/schema.hpp"
#include "crm/yaml_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const crm::SchemaSet schemas = crm::SchemaSet::builtin();
  std::string text(reinterpret_cast<const char*>(data), size);
  crm::Node doc;
  try {
    doc = crm::parse_yaml(text, "fuzz.yaml");
  } catch (const crm::Error&) {
    return 0;
  }
  if (!doc.is_map()) return 0;
  for (const crm::Schema& schema : schemas.all()) {
    crm::Record r;
    r.type = schema.type;
    r.data = doc;
    (void)crm::validate_record(r, schema);
    (void)crm::dump_json(crm::record_object(r, schema));
    std::string written = crm::serialize_record(r, schema);
    crm::Node again;
    try {
      again = crm::parse_yaml(written, "again.yaml", written.size() + 1);
    } catch (const crm::Error& e) {
      // The writer produced text its own reader refuses: a bug.
      std::abort();
    }
    crm::Node expected = crm::canonical_data(r.data, schema);
    // A record with nothing left to write is an empty document, read back as null.
    if (expected.entries.empty() && again.is_null()) continue;
    if (!again.same_value(expected)) std::abort();
  }
  return 0;
}
