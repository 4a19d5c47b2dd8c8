// libFuzzer target: the records' own dates (as_of.cpp's record_as_of), on
// whatever a commit or a hand edit left in a record. Whatever the bytes, it
// returns; a record it keeps is still one the writer writes and the reader
// reads back, and applying it twice changes nothing more.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "crm/as_of.hpp"
#include "crm/error.hpp"
#include "crm/record.hpp"
#include "crm/schema.hpp"
#include "crm/yaml_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const crm::SchemaSet schemas = crm::SchemaSet::builtin();
  static const crm::Clock clock = crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T09:00:00Z"));
  static const crm::Seconds end = crm::end_of_day(clock, *crm::parse_iso_date("2026-10-01"));
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
    if (!crm::record_as_of(r, end, clock)) continue;
    std::string written = crm::serialize_record(r, schema);
    try {
      (void)crm::parse_yaml(written, "again.yaml", written.size() + 1);
    } catch (const crm::Error&) {
      std::abort();  // the past made a record the store cannot read back
    }
    crm::Record twice = r;
    if (!crm::record_as_of(twice, end, clock) || !twice.data.same_value(r.data)) std::abort();
  }
  return 0;
}
