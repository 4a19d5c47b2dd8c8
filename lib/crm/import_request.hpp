// What `crm import` is asked to do and what it reports: the request, the
// action taken for each row, and the result. Shared by the import modules
// (import_values, import_headers, import_rows, import_upsert) and importer.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace crm {

enum class ImportMode { Upsert, Create, Update };

struct ImportRequest {
  std::string format;              // csv vcard json jsonl
  std::vector<std::string> files;  // paths; "-" is standard input, whose text the caller gives as stdin_text
  std::string stdin_text;          // what "-" reads: the library never reads standard input itself
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
  std::string encoding;        // the files' character set (iconv name); "": detected
  int skip = -1;               // CSV: lines before the header; -1: detected (LinkedIn's "Notes:" lines)
  bool dry_run = false;
};

enum class RowAction { Created, Updated, Unchanged, Skipped, Failed };
inline const char* to_string(RowAction action) {
  switch (action) {
    case RowAction::Created:
      return "created";
    case RowAction::Updated:
      return "updated";
    case RowAction::Unchanged:
      return "unchanged";
    case RowAction::Skipped:
      return "skipped";
    case RowAction::Failed:
      break;
  }
  return "failed";
}

struct ImportRowResult {
  RowAction action = RowAction::Failed;
  std::string type;  // the record's type (a contact row may also create a company)
  std::string id;
  std::string name;
  std::string file;
  int line = 0;        // the line the row starts on (1-based; 0 when unknown)
  std::string reason;  // why it was skipped or failed, or what else happened ("merged with line 2"), and the notes
  std::vector<std::string> notes;  // what the user should know of a row that was imported: values kept
                                   // aside, references not linked, a possible duplicate
};

struct ImportResult {
  std::vector<ImportRowResult> rows;
  std::vector<std::string> unmapped_columns;  // headers that map to no field (and were dropped unless keep_unmapped)
  std::vector<std::string>
      computed_columns;  // headers of a field crm computes (a lead's score under scoring:): left out
  int created = 0, updated = 0, unchanged = 0, skipped = 0, failed = 0;
};

}  // namespace crm
