// `crm import`: records from CSV (Google, HubSpot, Salesforce, Outlook
// exports and crm's own), vCard and crm's JSON/JSONL exports into a store.
//
// Each input row becomes a set of field values; rows are matched to records
// (existing ones, or ones an earlier row of the same import makes) by a key
// — email, domain, name, id or any field — and then create, update or leave
// them. Rows of one file that name the same record merge into it. A row the
// schema rejects fails alone (with its line and column); nothing is written
// half: each record is validated whole and written atomically, companies
// before the contacts and deals that refer to them.
//
// The work is split by concern: import_request (what is asked and reported),
// charset (bytes → UTF-8), import_values (a cell → a value),
// import_headers (a column → a field), import_rows (a file → rows),
// import_upsert (rows → records); this module ties them together.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/import_request.hpp"
#include "crm/import_values.hpp"  // normalise_amount, normalise_date, map_deal_stage
#include "crm/store.hpp"
#include "crm/table.hpp"

namespace crm {

// Imports (or with dry_run only works out) the request. Throws UsageError for
// a bad request (unknown format, type, mode, match field or mapped field),
// InvalidData when a file cannot be read as its format at all (invalid
// UTF-8, with file:line). Rows that fail are in the result. Writes through
// Store::write; the caller holds the store's lock.
ImportResult import_records(Writer& writer, const ImportRequest& request);

// A file's bytes as UTF-8, as `crm import` reads them: `encoding` (an iconv
// name) when given, else a BOM, UTF-16 by its NUL bytes, UTF-8, or what
// uchardet says. Throws InvalidData naming `name` and the line that does not decode.
std::string decode_import_text(const std::string& bytes, const std::string& encoding, const std::string& name);

// A mapping file: YAML `Column Header: field` lines (or a JSON object).
std::vector<std::pair<std::string, std::string>> parse_column_map(std::string_view text, const std::string& source);

// The result as JSON ({"created":…,"rows":[…],"unmapped_columns":[…]}) and
// as the one-line summary ("3 created, 1 updated, 0 unchanged, 0 skipped, 0 failed").
Json import_result_object(const ImportResult& result);
std::string import_summary(const ImportResult& result);

}  // namespace crm
