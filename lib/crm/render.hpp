// Records → text in every output format. Renders into strings (never prints)
// so the same code serves the terminal, pipes and the tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crm/filter.hpp"
#include "crm/record.hpp"
#include "crm/schema.hpp"

namespace crm {

enum class Format { Table, Json, Jsonl, Yaml, Csv, Tsv, Ids };

std::optional<Format> parse_format(std::string_view name);
const std::vector<std::string>& format_names();

struct RenderOptions {
  Format format = Format::Table;
  bool color = false;                                                       // ANSI colour in tables
  std::vector<std::string> fields;                                          // columns; empty: the schema's defaults
  const std::unordered_map<std::string, std::string>* short_ids = nullptr;  // table: id → shortest prefix
  NameOf name_of;                                                           // table: reference id → name
  size_t max_cell_width = 48;                                               // table: longer cells end in "…"
  bool raw = false;  // csv/tsv: leave formula-like cells (= + - @) as they are (--raw)
};

// A list of records: a table, a JSON array, one JSON object per line, a YAML
// sequence, CSV/TSV with a header row, or one id per line.
std::string render_list(const std::vector<const Record*>& records, const Schema& schema, const RenderOptions& options);

// One record in full, as `show` prints it in a table: "field  value" lines.
std::string render_detail(const Record& record, const Schema& schema, const RenderOptions& options);

// A plain table from rows of cells (first row: header). Cells are escaped.
std::string render_table(const std::vector<std::vector<std::string>>& rows, bool color, size_t max_cell_width,
                         int id_column = -1);

// The text of a field for a cell: lists joined with ", ", objects as
// "key: value" pairs, references as names when `name_of` knows them.
std::string cell_text(const Record& record, const std::string& field, const Schema& schema, const NameOf& name_of,
                      std::string_view list_sep = ", ");

}  // namespace crm
