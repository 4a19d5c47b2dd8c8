// The one output path: a typed table — columns with a type (text, id, date,
// datetime, money with its currency, percent, count …) and rows of cells —
// rendered by one function to every format: an aligned table that fits the
// terminal, JSON and JSON lines (nlohmann-json, numbers exact), YAML, CSV and
// TSV (spreadsheet formulas neutralised), ids. Everything crm prints goes
// through here; the choice of format is made nowhere else.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/dates.hpp"
#include "crm/decimal.hpp"
#include "crm/node.hpp"

namespace crm {

enum class Format { Table, Json, Jsonl, Yaml, Csv, Tsv, Ids, Html };

std::optional<Format> parse_format(std::string_view name);
const std::vector<std::string>& format_names();
// json or jsonl: a program reads one document (notes it holds need not go to stderr).
bool is_json(Format f);
// A format that prints records whole (json, jsonl, yaml, csv, tsv), not the
// few columns of a table nor ids.
bool prints_whole_records(Format f);

using Json = nlohmann::ordered_json;

// An exact number inside a Json tree (money, a count, a rate): kept as its
// decimal text and written as a JSON number, never through a double.
Json exact_number(const Decimal& d);
Json exact_number(const std::string& decimal_text);
// The Json tree as text: two-space indents (`indent` < 0: one line), UTF-8
// kept, invalid bytes replaced, exact numbers as written.
std::string dump_json(const Json& j, int indent = 2);
// An untyped node (a value without a schema): plain scalars that look like
// numbers, booleans or null become those; everything else is a string.
Json json_of_node(const Node& n);

enum class ColumnType {
  Text,      // free text: shrinks with "…" when a table is too wide
  Word,      // a short word (a stage, a status, a tag list): never cut
  Id,        // a record id: the shortest unique prefix in a table, whole elsewhere
  Date,      // YYYY-MM-DD
  DateTime,  // ISO UTC; a table shows it in local time (2026-12-01 16:00)
  When,      // a date, or a date and time
  Money,     // a Decimal and a currency
  Percent,   // 0–100, one decimal in a table
  Count,     // a whole number
  Number,    // a decimal quantity (days), `decimals` places in a table
  Bool,
};

// html: the chart drawn above a table. Auto: bars when the table has a
// bar_column (or a chart_column); Heat: its percent columns as a heat map.
enum class Chart { Auto, None, Bars, Heat };

// What a cell means to the eye, in colour on a terminal.
enum class Tone { None, Bad, Warn, Good, Dim, Strong };

struct Cell {
  std::string text;  // the machine value (ISO UTC for datetimes); for Money/Percent/Count/Number, number is used
  Decimal number;    // Money, Percent, Count, Number
  std::string currency;
  bool null = false;  // no value: empty in a table, null in JSON
  std::string shown;  // what a table shows instead of text (a reference's name, a short id); "" = text
  Tone tone = Tone::None;

  static Cell of(std::string text);
  static Cell none();
  static Cell count(long long n);
  static Cell money(const Decimal& d, std::string currency);
  static Cell percent(const Decimal& d);
  static Cell number_of(const Decimal& d);
};

struct Column {
  std::string key;     // JSON key, CSV header
  std::string header;  // table header ("" = the key upper-cased)
  ColumnType type = ColumnType::Text;
  // Dropped first when a row would wrap: higher goes first; 0 never.
  int drop_priority = 0;
  int decimals = 0;  // Number: places shown
};

struct Row {
  std::vector<Cell> cells;
  Tone tone = Tone::None;  // the whole row (an overdue task, a lost deal)
  bool total = false;      // a totals line: after a rule in tables, "total": true in JSON lines
};

struct Table {
  std::string name;  // JSON: {"report": name, …} when `report`
  std::vector<Column> columns;
  std::vector<Row> rows;
  // The rows as whole objects for json/jsonl/yaml (records with nested
  // fields); empty: built from the cells.
  std::vector<Json> objects;
  // Or, for many records, each made as it is written, so a listing of
  // 100,000 records is never held as JSON all at once: lazy_count items.
  size_t lazy_count = 0;
  std::function<Json(size_t)> object_at;
  std::function<Node(size_t)> node_at;
  // yaml: these nodes instead (records keep the store's typing: a date stays
  // an unquoted date); empty: from `objects`.
  std::vector<Node> nodes;
  bool report = false;       // JSON is {"report":…, "rows":[…], "totals":[…]} instead of an array
  int bar_column = -1;       // a table draws each row's share of this money/count column
  std::string empty_note;    // said in a table on a terminal when there are no rows
  bool single = false;       // json: objects[0] alone, not an array (show of one record, the dashboard)
  bool single_yaml = false;  // yaml: nodes[0] (or objects[0]) alone (the dashboard; show keeps its sequence)
  bool header = true;        // table: a header line
  std::string title;         // table: a line before the table (bold on a terminal)
  // The table format when rows cannot say it (show's field/value lines and
  // related records, the agenda's sections): called instead of the rows.
  std::function<std::string(const struct OutputOptions&)> text;
  // Only json, jsonl and yaml have forms of their own (and ids, with
  // id_lines): every other format prints text() (merge --dry-run: the
  // record's file as it would be written).
  bool document = false;
  // ids: these lines instead of the id column (dedupe: a group a line).
  std::vector<std::string> id_lines;
  // html: the chart above the table; its values from chart_column (else
  // bar_column), one bar per row, one chart per currency.
  Chart chart = Chart::Auto;
  int chart_column = -1;
  // html: the page shows these tables instead of this one (the dashboard:
  // its figures and the reports behind them); built only for html.
  std::function<std::vector<Table>()> html_sections;
};

struct OutputOptions {
  Format format = Format::Table;
  bool color = false;
  bool tty = false;              // a person reads it: empty results say so
  size_t width = 0;              // the terminal's columns; 0: no limit (piped)
  bool wide = false;             // --wide: never shrink nor drop
  bool raw = false;              // csv/tsv: leave formula-like cells as they are
  bool unicode = true;           // block characters for bars
  const Clock* clock = nullptr;  // local time for datetimes in tables
};

std::string render(const Table& table, const OutputOptions& options);

// A list of label/value lines ("name   Ada Lovelace") for `show`: a table
// without header whose first column is the field names.
std::string render_pairs(const std::vector<std::pair<std::string, std::string>>& pairs, const OutputOptions& options);

// The table's text of one cell (what a table shows, before fitting).
std::string cell_display(const Cell& cell, const Column& column, const OutputOptions& options,
                         bool one_currency = false);

}  // namespace crm
