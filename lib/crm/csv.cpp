#include "crm/csv.hpp"

#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

InvalidData csv_error(const CsvOptions& o, int line, const std::string& msg) {
  return InvalidData(Location{o.source, line, 0, ""}, msg);
}

bool row_is_blank(const std::vector<std::string>& cells) { return cells.size() == 1 && cells[0].empty(); }

}  // namespace

char detect_csv_delimiter(std::string_view header) {
  int comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++comma;
    if (c == ';') ++semicolon;
    if (c == '\t') ++tab;
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

CsvTable parse_csv(std::string_view text, const CsvOptions& o) {
  if (text.size() >= 2 &&
      ((static_cast<unsigned char>(text[0]) == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
       (static_cast<unsigned char>(text[0]) == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF)))
    throw csv_error(o, 1, "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)");
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (size_t bad = find_invalid_utf8(text); bad != std::string_view::npos)
    throw csv_error(o, line_column(text, bad).first, "is not valid UTF-8 (save the file as UTF-8)");
  if (size_t nul = text.find('\0'); nul != std::string_view::npos)
    throw csv_error(o, line_column(text, nul).first, "holds a NUL byte (is the file UTF-16?)");

  CsvTable table;
  table.delimiter = o.delimiter ? o.delimiter : detect_csv_delimiter(text);
  const char delim = table.delimiter;

  int line = 1;
  size_t i = 0, n = text.size();
  while (i < n) {
    CsvRow row;
    row.line = line;
    std::string cell;
    bool row_done = false;
    while (!row_done) {
      // One cell.
      cell.clear();
      if (i < n && text[i] == '"') {
        int opened = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\r' || c == '\n') {
            // A line break inside quotes belongs to the cell, as "\n".
            if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;  // CRLF, LF or a lone CR
            ++i;
            ++line;
            cell += '\n';
            continue;
          }
          cell += c;
          ++i;
        }
        if (!closed) throw csv_error(o, opened, "a quoted field that starts here never ends (a missing \")");
        // Text after the closing quote, up to the delimiter, is kept as written.
        while (i < n && text[i] != delim && text[i] != '\r' && text[i] != '\n') cell += text[i++];
      } else {
        while (i < n && text[i] != delim && text[i] != '\r' && text[i] != '\n') cell += text[i++];
      }
      row.cells.push_back(cell);
      if (i < n && text[i] == delim) {
        ++i;
        continue;
      }
      // End of the row: a line break or the end of the text.
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      row_done = true;
    }
    if (!row_is_blank(row.cells)) table.rows.push_back(std::move(row));
  }
  return table;
}

bool is_formula_like(std::string_view s) {
  if (s.empty()) return false;
  char c = s[0];
  // A value that really starts with an apostrophe before a formula ('=x) gets
  // one more, so that a reader taking the defusing apostrophe off gets it back.
  if (c == '\'' && s.size() > 1) return is_formula_like(s.substr(1));
  if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return false;
  if (c == '+' || c == '-') {
    // A plain number reads as a number, not a formula.
    size_t k = 1, digits = 0;
    bool dot = false;
    for (; k < s.size(); ++k) {
      if (s[k] >= '0' && s[k] <= '9') {
        ++digits;
      } else if (s[k] == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (k == s.size() && digits > 0) return false;
  }
  return true;
}

std::string neutralise_formula(std::string_view s) {
  if (!is_formula_like(s)) return std::string(s);
  return "'" + std::string(s);
}

std::string csv_quote(std::string_view in, bool raw, char delimiter) {
  std::string s = raw ? std::string(in) : neutralise_formula(in);
  bool quote = s.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows, bool raw, char delimiter) {
  std::string out;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += delimiter;
      out += csv_quote(row[i], raw, delimiter);
    }
    out += "\r\n";
  }
  return out;
}

std::string delimited_cell(std::string_view in, char delimiter, bool raw) {
  if (delimiter != '\t') return csv_quote(in, raw, delimiter);
  std::string s = raw ? std::string(in) : neutralise_formula(in);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string delimited_row(const std::vector<std::string>& cells, char delimiter, bool raw) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += delimiter;
    out += delimited_cell(cells[i], delimiter, raw);
  }
  return out + "\n";
}

}  // namespace crm
