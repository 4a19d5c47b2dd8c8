// The records around one record: what it refers to (its company, a deal's
// contacts) and what refers to it (a company's contacts, deals, tasks,
// activities) — the 360° view of `show`.
#pragma once

#include <string>
#include <vector>

#include "crm/record.hpp"
#include "crm/store.hpp"

namespace crm {

struct RelatedGroup {
  std::string key;       // a field name ("company") or a folder ("contacts")
  std::string type;      // the records' type
  bool single = false;   // a to-one reference: at most one record
  std::vector<Record> records;
};

// Referenced records first (by field, in schema order), then referring
// records by type; activities newest first, open tasks by due date.
std::vector<RelatedGroup> related_records(const Store& store, const Record& record);

}  // namespace crm
