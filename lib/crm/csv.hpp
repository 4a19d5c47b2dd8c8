// CSV as real files have it (RFC 4180 and what exporters actually write):
// reading with a UTF-8 BOM, CRLF or LF line ends, quoted fields holding
// delimiters, doubled quotes and line breaks, ',' ';' or tab delimiters; and
// writing RFC 4180 with CRLF and cells a spreadsheet would execute defused.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crm {

struct CsvRow {
  int line = 0;  // 1-based line of the file the row starts on
  std::vector<std::string> cells;
};

struct CsvOptions {
  char delimiter = 0;  // 0: detected from the header line (',' ';' or '\t')
  std::string source;  // the file name, for errors
};

struct CsvTable {
  char delimiter = ',';
  std::vector<CsvRow> rows;  // every row, the header first; blank lines skipped
};

// Parses the whole text. Throws InvalidData (source:line) on invalid UTF-8,
// a UTF-16 file, or a quoted field that never ends. A stray quote inside an
// unquoted field, or text after a closing quote, is kept as text.
CsvTable parse_csv(std::string_view text, const CsvOptions& options = {});

// The delimiter of a header line: the most frequent of ',' ';' '\t' outside
// quotes (',' on a tie or when there is none).
char detect_csv_delimiter(std::string_view header_line);

// A cell that a spreadsheet would run as a formula (first character = + - @,
// tab or CR) gets a leading apostrophe; plain numbers ("-3.75", "+5") are
// left alone, a spreadsheet reads them as numbers anyway.
std::string neutralise_formula(std::string_view cell);
bool is_formula_like(std::string_view cell);

// One cell per RFC 4180: quoted when it holds the delimiter, a quote, CR, LF
// or edge spaces; neutralised first unless `raw`.
std::string csv_quote(std::string_view cell, bool raw = false, char delimiter = ',');
// Rows of cells as RFC 4180 text: CRLF after every row.
std::string write_csv(const std::vector<std::vector<std::string>>& rows, bool raw = false, char delimiter = ',');

// The one writer of `--format csv|tsv` cells (list, show, report, agenda,
// dedupe, the dashboard, lead convert): delimiter ',' quotes per csv_quote;
// '\t' writes TSV, with tab, newline, CR and backslash as \t \n \r \\.
// Either way a cell a spreadsheet would run as a formula is neutralised
// unless `raw` (--raw); plain numbers ("-5", "+3.75") are data and stay.
std::string delimited_cell(std::string_view cell, char delimiter, bool raw);
// Those cells joined by the delimiter, ending in "\n".
std::string delimited_row(const std::vector<std::string>& cells, char delimiter, bool raw);

}  // namespace crm
