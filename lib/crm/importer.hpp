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
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/store.hpp"

namespace crm {

struct ImportRequest {
  std::string format;              // csv vcard json jsonl
  std::vector<std::string> files;  // paths; "-" reads standard input
  std::string type;  // contact company lead deal task activity; "" : contact for csv/vcard, each object's own for json
  std::string mode = "upsert";  // create update upsert
  // email domain id name FIELD; "": email for contact/lead, domain then name
  // for company, id otherwise. A row with no value for the key is matched by
  // its name (deals: name and company; tasks: title and due) instead.
  std::string match;
  std::vector<std::pair<std::string, std::string>> map;  // "Column Header" -> field ("" or "-": ignore the column)
  bool keep_unmapped = false;  // unmapped columns become custom fields (their header as snake_case)
  char delimiter = 0;          // 0: detected
  std::string date_format;     // strftime-like: %Y %y %m %d %H %M %S %b %B; "" : ISO, M/D/YYYY, D.M.YYYY…
  bool dry_run = false;
};

struct ImportRowResult {
  std::string action;  // created updated unchanged skipped failed
  std::string type;    // the record's type (a contact row may also create a company)
  std::string id;
  std::string name;
  std::string file;
  int line = 0;        // the line the row starts on (1-based; 0 when unknown)
  std::string reason;  // why it was skipped or failed, or what else happened ("merged with line 2")
};

struct ImportResult {
  std::vector<ImportRowResult> rows;
  std::vector<std::string> unmapped_columns;  // headers that map to no field (and were dropped unless keep_unmapped)
  int created = 0, updated = 0, unchanged = 0, skipped = 0, failed = 0;
};

// Imports (or with dry_run only works out) the request. Throws UsageError for
// a bad request (unknown format, type, mode, match field or mapped field),
// InvalidData when a file cannot be read as its format at all (invalid
// UTF-8, with file:line). Rows that fail are in the result. Writes through
// Store::write; the caller holds the store's lock.
ImportResult import_records(const Store& store, const ImportRequest& request);

// A mapping file: YAML `Column Header: field` lines (or a JSON object).
std::vector<std::pair<std::string, std::string>> parse_column_map(std::string_view text, const std::string& source);

// The result as JSON ({"created":…,"rows":[…],"unmapped_columns":[…]}) and
// as the one-line summary ("3 created, 1 updated, 0 unchanged, 0 skipped, 0 failed").
std::string import_result_json(const ImportResult& result);
std::string import_summary(const ImportResult& result);

// Helpers the importer uses, public for the tests and for other readers.
// An amount as people write it → exact decimal text: "12,500.50" "12.500,50"
// "$ 1 200" "1'000" → "12500.50" "12500.50" "1200" "1000"; "" when it is none.
std::string normalise_amount(std::string_view text);
// A date or date-time in a common format → ISO ("2026-12-15" or
// "2026-12-15T14:30:00Z"); "" when it is none. `format` (strftime-like) wins
// when given. Slashes read as M/D/YYYY (US exports), dots as D.M.YYYY.
std::string normalise_date(std::string_view text, const std::string& format = "");
// The store's pipeline stage for a stage name as CRMs export it ("Closed
// Won", "closedwon", "appointmentscheduled", "Needs Analysis"); "" when none fits.
std::string map_deal_stage(std::string_view text, const Config& config);

}  // namespace crm
