// The records around one record: what it refers to (its company, a deal's
// contacts) and what refers to it (a company's contacts, deals, tasks,
// activities) — the 360° view of `show`.
#pragma once

#include <string>
#include <vector>

#include "crm/filter.hpp"
#include "crm/record.hpp"
#include "crm/store.hpp"

namespace crm {

struct RelatedGroup {
  std::string key;      // a field name ("company") or a folder ("contacts")
  std::string type;     // the records' type
  bool single = false;  // a to-one reference: at most one record
  std::vector<Record> records;
};

// Names of records by id, for tables, details and filters on references
// (`company=Acme`). The first few ids of a type are read one file each (a
// 360° view names a handful); past them, that type's names are read through
// the index at once, so 10,000 rows cost one pass over their companies, not a
// parse per row. Unknown ids name "".
NameOf record_names(const Store& store);

// The types related_records reads for a record of `type`: those with a
// reference that may name it (for Store::prefetch).
std::vector<const Schema*> related_types(const Store& store, const std::string& type);

// Referenced records first (by field, in schema order), then referring
// records by type; activities newest first, open tasks by due date.
std::vector<RelatedGroup> related_records(const Store& store, const Record& record);

}  // namespace crm
