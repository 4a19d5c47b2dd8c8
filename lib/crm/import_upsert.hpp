// Import: rows into records. Each row is matched to a record of the store
// or of this import (by id, email, domain, name or a field), creates it,
// merges into it or leaves it; a contact's company is linked or made; every
// record is validated whole, then written, companies before what refers to them.
#pragma once

#include <vector>

#include "crm/import_rows.hpp"

namespace crm::import {

// Processes the rows in order into `result` (one result row per row, and one
// per company made), then writes what changed unless req.dry_run.
void upsert_rows(Writer& writer, const ImportRequest& req, std::vector<Incoming>& rows, ImportResult& result);

}  // namespace crm::import
