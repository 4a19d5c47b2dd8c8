// Records → text in every output format. Renders into strings (never prints)
// so the same code serves the terminal, pipes and the tests.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crm/filter.hpp"
#include "crm/record.hpp"
#include "crm/schema.hpp"
#include "crm/table.hpp"

namespace crm {

struct RenderOptions {
  OutputOptions out;                                                        // format, colour, width…
  std::vector<std::string> fields;                                          // columns; empty: the schema's defaults
  const std::unordered_map<std::string, std::string>* short_ids = nullptr;  // table: id → shortest prefix
  NameOf name_of;                                                           // table: reference id → name
  std::string currency;    // money of a record without a `currency` field
  std::string empty_note;  // a table on a terminal with no rows says this ("no contacts match +vipp")
  // What a record, or one of its fields ("" = the row), means to the eye:
  // overdue, won, done… (the commands know the rules; the renderer colours).
  std::function<Tone(const Record&, const std::string& field)> tone;
};

// A record as a JSON object: id, type, then its fields in schema order
// (only `only`, when given), typed by the schema; money exact.
Json record_object(const Record& record, const Schema& schema, const std::vector<std::string>* only = nullptr);

// A list of records as the one typed table: the aligned columns of a table,
// whole records in json/jsonl/yaml (or only the --fields), CSV/TSV with one
// atomic column per subfield, ids.
Table record_table(const std::vector<const Record*>& records, const Schema& schema, const RenderOptions& options);

// A list of records: a table, a JSON array, one JSON object per line, a YAML
// sequence, CSV/TSV with a header row, or one id per line.
std::string render_list(const std::vector<const Record*>& records, const Schema& schema, const RenderOptions& options);

// One record in full, as `show` prints it in a table: "field  value" lines.
std::string render_detail(const Record& record, const Schema& schema, const RenderOptions& options);

// The text of a field for a cell: lists joined with ", ", objects as
// "key: value" pairs, references as names when `name_of` knows them.
std::string cell_text(const Record& record, const std::string& field, const Schema& schema, const NameOf& name_of,
                      std::string_view list_sep = ", ");

}  // namespace crm
