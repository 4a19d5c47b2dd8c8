// `crm export`: the store (or one type, or what a filter selects) as JSON,
// JSONL, CSV, vCard or iCalendar text.
#pragma once

#include <string>
#include <vector>

#include "crm/store.hpp"

namespace crm {

struct ExportRequest {
  std::string format;  // json jsonl csv vcard ical
  std::string
      type;  // "": every type (json/jsonl), contacts and companies (vcard), tasks and meetings (ical); csv needs one
  std::vector<std::string>
      filter;  // filter terms as `list` takes them; with no type, types whose fields the terms do not name are left out
  bool raw = false;                   // csv: leave cells a spreadsheet would run as formulas alone
  std::string vcard_version = "4.0";  // or 3.0
};

// json: an array of records (id, type, fields; the format `import json` reads
// back, ids and references kept); jsonl: one record per line; csv: RFC 4180
// with CRLF, a column per schema field (object fields as address.city,
// references as the name AND the id: company, company_id), formulas
// neutralised unless raw; vcard: contacts and companies (UID = id); ical:
// open tasks and meetings. Throws UsageError for an unknown format or type,
// a type the format cannot hold, or a bad filter.
std::string export_records(const Store& store, const ExportRequest& request);

// The CSV columns of a type, in order (id first, created and updated last).
std::vector<std::string> csv_export_columns(const Schema& schema);

}  // namespace crm
