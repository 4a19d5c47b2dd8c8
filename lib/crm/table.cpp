#include "crm/table.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "crm/csv.hpp"
#include "crm/html.hpp"
#include "crm/json.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

// The flag that marks a report's totals rows in csv, tsv and jsonl: "total",
// or "total_row" when the report has a column of that name (the tickets
// report counts a "total"), so neither hides the other.
std::string total_flag_key(const Table& t) {
  bool taken = std::any_of(t.columns.begin(), t.columns.end(), [](const Column& c) { return c.key == "total"; });
  return taken ? "total_row" : "total";
}

// An exact number travels through the Json tree as a string with this mark.
const std::string kNumberMark = "\x1f#num:";

const char* const kReset = "\033[0m";

const char* tone_code(Tone t) {
  switch (t) {
    case Tone::Bad:
      return "\033[31m";
    case Tone::Warn:
      return "\033[33m";
    case Tone::Good:
      return "\033[32m";
    case Tone::Dim:
      return "\033[2m";
    case Tone::Strong:
      return "\033[1m";
    case Tone::None:
      break;
  }
  return "";
}

bool is_numeric(ColumnType t) {
  return t == ColumnType::Money || t == ColumnType::Percent || t == ColumnType::Count || t == ColumnType::Number;
}

// Never cut: what a person reads whole or not at all.
bool is_fixed(ColumnType t) { return t != ColumnType::Text; }

void dump(const Json& j, int indent, int depth, std::string& out) {
  auto newline = [&](int d) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<size_t>(indent * d), ' ');
  };
  switch (j.type()) {
    case Json::value_t::object: {
      if (j.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& [k, v] : j.items()) {
        if (!first) out += ',';
        first = false;
        newline(depth + 1);
        out += Json(k).dump(-1, ' ', false, Json::error_handler_t::replace);
        out += indent < 0 ? ":" : ": ";
        dump(v, indent, depth + 1, out);
      }
      newline(depth);
      out += '}';
      return;
    }
    case Json::value_t::array: {
      if (j.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      bool first = true;
      for (const Json& v : j) {
        if (!first) out += ',';
        first = false;
        newline(depth + 1);
        dump(v, indent, depth + 1, out);
      }
      newline(depth);
      out += ']';
      return;
    }
    case Json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      if (s.compare(0, kNumberMark.size(), kNumberMark) == 0) {
        out += s.substr(kNumberMark.size());
        return;
      }
      // crm's escaping (U+2028/U+2029 too, as every crm JSON has written
      // them); bytes that are not UTF-8 are replaced.
      if (find_invalid_utf8(s) == std::string::npos)
        out += json_string(s);
      else
        out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    default:
      out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

// A Json tree as a crm::Node, for the YAML writer: exact numbers and
// booleans plain, strings quoted where YAML needs it.
Node to_node(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: {
      Node m = Node::map();
      for (const auto& [k, v] : j.items()) m.set(k, to_node(v));
      return m;
    }
    case Json::value_t::array: {
      Node s = Node::sequence();
      for (const Json& v : j) s.items.push_back(to_node(v));
      return s;
    }
    case Json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      if (s.compare(0, kNumberMark.size(), kNumberMark) == 0) return Node::scalar(s.substr(kNumberMark.size()), true);
      return Node::scalar(s);
    }
    case Json::value_t::null:
      return Node();
    default:
      return Node::scalar(j.dump(), true);
  }
}

Json cell_json(const Cell& c, const Column& col) {
  if (c.null) return nullptr;
  switch (col.type) {
    case ColumnType::Money:
    case ColumnType::Count:
      return exact_number(c.number);
    case ColumnType::Percent:
      return exact_number(c.number.rounded(1));
    case ColumnType::Number:
      return exact_number(c.number.rounded(col.decimals));
    case ColumnType::Bool:
      return c.text == "true";
    default:
      return c.text;
  }
}

// The machine text of a cell: csv/tsv.
std::string cell_machine(const Cell& c, const Column& col) {
  if (c.null) return "";
  if (is_numeric(col.type) && !c.text.empty()) return c.text;  // as written (a record's "12000.50")
  switch (col.type) {
    case ColumnType::Money:
    case ColumnType::Count:
      return c.number.str();
    case ColumnType::Percent:
      return c.number.rounded(1).str();
    case ColumnType::Number:
      return c.number.rounded(col.decimals).str();
    default:
      return c.text;
  }
}

Json row_object(const Table& t, const Row& row) {
  Json o = Json::object();
  for (size_t i = 0; i < t.columns.size(); ++i)
    o[t.columns[i].key] = i < row.cells.size() ? cell_json(row.cells[i], t.columns[i]) : Json(nullptr);
  return o;
}

std::string bar(const Decimal& value, const Decimal& max, int width, bool unicode) {
  if (max.is_zero() || value.compare(Decimal()) <= 0) return "";
  Decimal eighths = (value * Decimal::from_int(width * 8)).divide(max, 0);  // eighths of a cell, rounded
  long long n = std::atoll(eighths.str().c_str());
  if (!unicode) return std::string(static_cast<size_t>((n + 4) / 8), '#');
  static const char* const kPartial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  std::string out;
  for (long long i = 0; i < n / 8; ++i) out += "█";
  out += kPartial[n % 8];
  if (out.empty()) out = kPartial[1];
  return out;
}

std::string header_of(const Column& c, const std::string& currency_suffix) {
  std::string h = c.header.empty() ? to_upper_label(c.key) : c.header;
  return currency_suffix.empty() ? h : h + " (" + currency_suffix + ")";
}

// The table layout: which columns stay, and how wide each is.
struct Layout {
  std::vector<size_t> columns;  // indices kept, in order
  std::vector<size_t> width;    // per kept column
};

size_t total_width(const std::vector<size_t>& widths) {
  size_t sum = 0;
  for (size_t w : widths) sum += w;
  return sum + (widths.empty() ? 0 : 2 * (widths.size() - 1));
}

// Fits the table into `limit` columns: the widest free-text columns shrink
// first (down to their header, or 14: less is unreadable); when even that overflows, the column
// of highest drop priority goes, and the fitting starts again.
Layout fit(const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& text,
           const std::vector<std::string>& headers, size_t limit) {
  std::vector<size_t> natural(cols.size(), 0), minimum(cols.size(), 0);
  for (size_t c = 0; c < cols.size(); ++c) {
    natural[c] = display_width(headers[c]);
    for (const auto& row : text) natural[c] = std::max(natural[c], display_width(row[c]));
    minimum[c] =
        is_fixed(cols[c].type) ? natural[c] : std::min(natural[c], std::max<size_t>(display_width(headers[c]), 14));
  }
  std::vector<size_t> keep;
  for (size_t c = 0; c < cols.size(); ++c) keep.push_back(c);
  while (true) {
    std::vector<size_t> w;
    for (size_t c : keep) w.push_back(natural[c]);
    if (limit == 0 || total_width(w) <= limit) return {keep, w};
    std::vector<size_t> min_w;
    for (size_t c : keep) min_w.push_back(minimum[c]);
    if (total_width(min_w) <= limit || keep.size() <= 1) {
      // Shrink the widest shrinkable column one step at a time.
      while (total_width(w) > limit) {
        size_t widest = keep.size();
        for (size_t k = 0; k < keep.size(); ++k)
          if (w[k] > minimum[keep[k]] && (widest == keep.size() || w[k] > w[widest])) widest = k;
        if (widest == keep.size()) break;
        --w[widest];
      }
      return {keep, w};
    }
    // Drop the column that matters least, then try again.
    size_t victim = keep.size();
    for (size_t k = 0; k < keep.size(); ++k) {
      int p = cols[keep[k]].drop_priority;
      if (p > 0 && (victim == keep.size() || p >= cols[keep[victim]].drop_priority)) victim = k;
    }
    if (victim == keep.size()) {  // nothing may go: shrink what can, and let it wrap
      std::vector<size_t> ww;
      for (size_t k = 0; k < keep.size(); ++k) ww.push_back(minimum[keep[k]]);
      return {keep, ww};
    }
    keep.erase(keep.begin() + static_cast<long>(victim));
  }
}

std::string render_text_table(const Table& t, const OutputOptions& o) {
  if (t.rows.empty()) return o.tty && !t.empty_note.empty() ? t.empty_note + "\n" : "";
  std::string title;
  if (!t.title.empty())
    title = (o.color ? "\033[1m" + escape_for_terminal(t.title) + kReset : escape_for_terminal(t.title)) + "\n";
  // A money column of one currency says it once, in its header.
  std::vector<std::string> currency_suffix(t.columns.size());
  std::vector<bool> one_currency(t.columns.size(), false);
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].type != ColumnType::Money) continue;
    std::set<std::string> seen;
    for (const Row& r : t.rows)
      if (c < r.cells.size() && !r.cells[c].null) seen.insert(r.cells[c].currency);
    if (seen.size() == 1 && !seen.begin()->empty()) {
      currency_suffix[c] = *seen.begin();
      one_currency[c] = true;
    }
  }
  std::vector<Column> cols = t.columns;
  std::vector<std::string> headers;
  for (size_t c = 0; c < cols.size(); ++c) headers.push_back(header_of(cols[c], currency_suffix[c]));
  // Bars compare like with like: one scale per currency.
  bool bars = t.bar_column >= 0 && static_cast<size_t>(t.bar_column) < cols.size();
  std::map<std::string, Decimal> max;
  if (bars)
    for (const Row& r : t.rows)
      if (!r.total) {
        const Cell& c = r.cells[static_cast<size_t>(t.bar_column)];
        if (max[c.currency] < c.number) max[c.currency] = c.number;
      }
  if (bars) {
    Column b;
    b.key = "";
    b.header = " ";
    b.type = ColumnType::Word;
    b.drop_priority = 100;  // the first to go
    cols.push_back(b);
    headers.push_back("");
  }
  std::vector<std::vector<std::string>> text;
  for (const Row& r : t.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < t.columns.size(); ++c)
      line.push_back(
          c < r.cells.size() ? escape_for_terminal(cell_display(r.cells[c], t.columns[c], o, one_currency[c])) : "");
    if (bars) {
      const Cell& c = r.cells[static_cast<size_t>(t.bar_column)];
      line.push_back(r.total ? "" : bar(c.number, max[c.currency], 20, o.unicode));
    }
    text.push_back(line);
  }
  // A column empty in every row takes no space.
  std::vector<size_t> present;
  for (size_t c = 0; c < cols.size(); ++c) {
    bool any = false;
    for (const auto& line : text) any = any || !line[c].empty();
    if (any) present.push_back(c);
  }
  std::vector<Column> pc;
  std::vector<std::string> ph;
  std::vector<std::vector<std::string>> ptext(text.size());
  for (size_t c : present) {
    pc.push_back(cols[c]);
    ph.push_back(headers[c]);
    for (size_t r = 0; r < text.size(); ++r) ptext[r].push_back(text[r][c]);
  }
  std::vector<std::string> fit_headers = ph;
  if (!t.header)
    for (std::string& h : fit_headers) h.clear();
  Layout layout = fit(pc, ptext, fit_headers, o.wide ? 0 : o.width);
  auto line_of = [&](const std::vector<std::string>& cells, bool header, Tone tone,
                     const std::vector<Tone>* cell_tones) {
    std::string line;
    for (size_t k = 0; k < layout.columns.size(); ++k) {
      size_t c = layout.columns[k];
      std::string cell = truncate_to_width(cells[c], layout.width[k]);
      size_t pad = layout.width[k] - display_width(cell);
      bool right = !header && is_numeric(pc[c].type);
      if (header && is_numeric(pc[c].type)) right = true;
      std::string styled = cell;
      if (o.color) {
        if (header)
          styled = "\033[1m" + cell + kReset;
        else if (cell_tones && (*cell_tones)[c] != Tone::None)
          styled = tone_code((*cell_tones)[c]) + cell + kReset;
        else if (tone != Tone::None && !cell.empty())
          styled = tone_code(tone) + cell + kReset;
      }
      if (right)
        line += std::string(pad, ' ') + styled;
      else
        line += styled + (k + 1 < layout.columns.size() ? std::string(pad, ' ') : "");
      if (k + 1 < layout.columns.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };
  std::string out = title + (t.header ? line_of(ph, true, Tone::None, nullptr) : "");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::vector<Tone> tones;
    for (size_t c : present) tones.push_back(c < t.rows[r].cells.size() ? t.rows[r].cells[c].tone : Tone::None);
    out += line_of(ptext[r], false, t.rows[r].tone, &tones);
  }
  return out;
}

// --format html: a page of tables, each with its chart.

const char* tone_class(Tone t) {
  switch (t) {
    case Tone::Bad:
      return "bad";
    case Tone::Warn:
      return "warn";
    case Tone::Good:
      return "good";
    case Tone::Dim:
      return "dim";
    case Tone::Strong:
      return "strong";
    case Tone::None:
      break;
  }
  return "";
}

bool is_when(ColumnType t) { return t == ColumnType::Date || t == ColumnType::DateTime || t == ColumnType::When; }

std::string html_heading(const Table& t) {
  if (!t.title.empty()) return t.title;
  if (t.report) return "crm report " + t.name;
  return t.name.empty() ? "crm" : t.name;
}

std::string html_header(const Column& c) {
  std::string h = c.header.empty() ? c.key : c.header;
  std::replace(h.begin(), h.end(), '_', ' ');
  return h;
}

// A row's label in a chart: its leading words (a stage, a period and an
// owner …), the currency and ids aside, up to its first number.
// The headers of those columns ("stage", "period · owner").
std::string chart_label_header(const Table& t) {
  std::vector<std::string> parts;
  for (const Column& col : t.columns) {
    if (is_numeric(col.type)) break;
    if (col.key == "currency" || col.type == ColumnType::Id || col.type == ColumnType::Bool) continue;
    parts.push_back(html_header(col));
  }
  return join(parts, " · ");
}

std::string chart_label(const Table& t, const Row& r, const OutputOptions& o) {
  std::vector<std::string> parts;
  for (size_t c = 0; c < t.columns.size() && c < r.cells.size(); ++c) {
    const Column& col = t.columns[c];
    if (is_numeric(col.type)) break;
    if (col.key == "currency" || col.type == ColumnType::Id || col.type == ColumnType::Bool) continue;
    std::string text = cell_display(r.cells[c], col, o);
    if (!text.empty()) parts.push_back(text);
  }
  return parts.empty() ? "(none)" : join(parts, " · ");
}

std::string html_figure(const std::string& svg, const std::string& caption) {
  return "<figure>\n" + svg + "<figcaption>" + html_escape(caption) + "</figcaption>\n</figure>\n";
}

std::string html_chart(const Table& t, const OutputOptions& o) {
  Chart kind = t.chart;
  int value_col = t.chart_column >= 0 ? t.chart_column : t.bar_column;
  if (kind == Chart::Auto) kind = value_col >= 0 ? Chart::Bars : Chart::None;
  std::string heading = html_heading(t);
  if (kind == Chart::Heat) {
    std::vector<size_t> cols;
    std::vector<std::string> names;
    for (size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c].type == ColumnType::Percent) {
        cols.push_back(c);
        names.push_back(html_header(t.columns[c]));
      }
    std::vector<HeatRow> rows;
    for (const Row& r : t.rows) {
      if (r.total) continue;
      HeatRow h{chart_label(t, r, o), {}};
      for (size_t c : cols)
        h.percents.push_back(c < r.cells.size() && !r.cells[c].null ? std::optional<Decimal>(r.cells[c].number)
                                                                    : std::nullopt);
      rows.push_back(std::move(h));
    }
    std::string svg = svg_heat_map(heading, names, rows);
    return svg.empty() ? "" : html_figure(svg, "each cell: percent of its row; the deeper, the higher");
  }
  if (kind != Chart::Bars || value_col < 0 || static_cast<size_t>(value_col) >= t.columns.size()) return "";
  const Column& vcol = t.columns[static_cast<size_t>(value_col)];
  if (!is_numeric(vcol.type)) return "";
  // One chart per currency: amounts of two currencies are never compared.
  std::vector<std::string> currencies;
  std::map<std::string, std::vector<ChartBar>> bars;
  std::map<std::string, size_t> rows_of;
  const size_t kMaxBars = 30;
  for (const Row& r : t.rows) {
    if (r.total || static_cast<size_t>(value_col) >= r.cells.size()) continue;
    const Cell& cell = r.cells[static_cast<size_t>(value_col)];
    std::string currency = vcol.type == ColumnType::Money ? cell.currency : "";
    if (!rows_of.count(currency)) currencies.push_back(currency);
    if (++rows_of[currency] > kMaxBars) continue;
    bars[currency].push_back({chart_label(t, r, o), cell.null ? Decimal() : cell.number,
                              cell.null ? cell.shown : cell_display(cell, vcol, o, true)});
  }
  std::string out;
  for (const std::string& currency : currencies) {
    std::string by = chart_label_header(t);
    std::string caption =
        html_header(vcol) + (by.empty() ? "" : " by " + by) + (currency.empty() ? "" : " (" + currency + ")");
    if (rows_of[currency] > kMaxBars)
      caption += ", the first " + std::to_string(kMaxBars) + " of " + std::to_string(rows_of[currency]) + " rows";
    std::string svg = svg_bar_chart(heading + ": " + caption, bars[currency]);
    if (!svg.empty()) out += html_figure(svg, caption);
  }
  return out;
}

std::string html_cell(const Cell& c, const Column& col, const OutputOptions& o, const char* tag) {
  // A date in a text column (a report's first_order) is a date too: kept on one line.
  bool when = is_when(col.type) || (col.type == ColumnType::Text && parse_iso_date(c.text).has_value());
  std::string shown = col.type == ColumnType::Id && !c.null ? c.text : cell_display(c, col, o);
  // A word (a stage, a period, an id) stays on one line; free text wraps.
  bool word = !shown.empty() &&
              (col.type != ColumnType::Text || (shown.find(' ') == std::string::npos && display_width(shown) <= 24));
  std::string cls = is_numeric(col.type) ? "num" : when ? "date" : word ? "word" : "";
  if (col.type == ColumnType::Money) cls += " money";
  if (c.tone != Tone::None) cls += std::string(cls.empty() ? "" : " ") + tone_class(c.tone);
  std::string out = std::string("<") + tag + (cls.empty() ? "" : " class=\"" + cls + "\"");
  if (is_numeric(col.type) && !c.null) out += " data-value=\"" + html_escape(cell_machine(c, col)) + "\"";
  out += ">";
  if (when && !c.null)
    out += "<time datetime=\"" + html_escape(c.text) + "\">" + html_escape(shown) + "</time>";
  else
    out += html_escape(shown);
  return out + "</" + tag + ">";
}

// The columns with something to show in some row (a list's unset fields take no room).
std::vector<size_t> html_columns(const Table& t, const OutputOptions& o) {
  std::vector<size_t> keep;
  for (size_t c = 0; c < t.columns.size(); ++c)
    for (const Row& r : t.rows)
      if (c < r.cells.size() && !cell_display(r.cells[c], t.columns[c], o).empty()) {
        keep.push_back(c);
        break;
      }
  return keep;
}

std::string html_rows(const Table& t, const std::vector<size_t>& columns, const OutputOptions& o, bool totals) {
  std::string out;
  for (const Row& r : t.rows) {
    if (r.total != totals) continue;
    out += r.tone == Tone::None ? "<tr>" : std::string("<tr class=\"") + tone_class(r.tone) + "\">";
    for (size_t c : columns) out += html_cell(c < r.cells.size() ? r.cells[c] : Cell::none(), t.columns[c], o, "td");
    out += "</tr>\n";
  }
  return out;
}

// One table as a <section>: its heading (h2 when the page has several), its
// chart, the table with typed cells (numbers right-aligned with their exact
// value in data-value, dates as <time>), totals in <tfoot>.
std::string html_section(const Table& t, const OutputOptions& o, bool heading) {
  std::string out = "<section" + (t.name.empty() ? std::string() : " id=\"" + html_escape(t.name) + "\"") + ">\n";
  if (heading) out += "<h2>" + html_escape(html_heading(t)) + "</h2>\n";
  if (t.columns.empty() || t.text) {  // what a terminal shows (show, agenda), as it is
    if (!t.text) return out + "</section>\n";
    OutputOptions plain = o;
    plain.format = Format::Table;
    plain.color = plain.tty = false;
    plain.width = 0;
    return out + "<pre>" + html_escape(t.text(plain)) + "</pre>\n</section>\n";
  }
  if (t.rows.empty())
    return out + "<p class=\"empty\">" + html_escape(t.empty_note.empty() ? "Nothing to show." : t.empty_note) +
           "</p>\n</section>\n";
  std::string chart = html_chart(t, o);
  if (!chart.empty())
    out += "<div class=\"pair\">\n<div class=\"charts\">\n" + chart +
           "</div>\n";  // side by side when the page is wide enough
  std::vector<size_t> columns = html_columns(t, o);
  out += "<div class=\"wide\"><table>\n<thead><tr>";  // a wide table scrolls, not the page
  for (size_t k : columns) {
    const Column& c = t.columns[k];
    out += std::string("<th") + (is_numeric(c.type) ? " class=\"num\"" : "") + " data-key=\"" + html_escape(c.key) +
           "\">" + html_escape(html_header(c)) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n" + html_rows(t, columns, o, false) + "</tbody>\n";
  std::string totals = html_rows(t, columns, o, true);
  if (!totals.empty()) out += "<tfoot>\n" + totals + "</tfoot>\n";
  return out + "</table></div>\n" + (chart.empty() ? "" : "</div>\n") + "</section>\n";
}

std::string render_html(const Table& t, const OutputOptions& o) {
  std::string subtitle =
      o.clock ? "As of " + o.clock->format_local(o.clock->now) + " (" + o.clock->zone_name() + ")" : "";
  if (!t.html_sections) return html_page(html_heading(t), subtitle, html_section(t, o, false));
  std::string body;
  for (const Table& s : t.html_sections()) body += html_section(s, o, true);
  return html_page(html_heading(t), subtitle, body);
}

}  // namespace

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"table", "json", "jsonl", "yaml", "csv", "tsv", "ids", "html"};
  return names;
}

std::optional<Format> parse_format(std::string_view name) {
  static const Format kFormats[] = {Format::Table, Format::Json, Format::Jsonl, Format::Yaml,
                                    Format::Csv,   Format::Tsv,  Format::Ids,   Format::Html};
  const auto& names = format_names();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return kFormats[i];
  return std::nullopt;
}

bool is_json(Format f) { return f == Format::Json || f == Format::Jsonl; }

bool prints_whole_records(Format f) { return f != Format::Table && f != Format::Ids && f != Format::Html; }

Json json_of_node(const Node& n) {
  switch (n.kind) {
    case Node::Kind::Null:
      return nullptr;
    case Node::Kind::Scalar:
      if (n.plain) {
        if (is_json_number(n.text)) return exact_number(n.text);
        std::string lower = to_lower(n.text);
        if (lower == "true" || lower == "false") return lower == "true";
        if (lower == "null" || lower == "~") return nullptr;
      }
      return n.text;
    case Node::Kind::Sequence: {
      Json a = Json::array();
      for (const Node& i : n.items) a.push_back(json_of_node(i));
      return a;
    }
    case Node::Kind::Map: {
      Json o = Json::object();
      for (const auto& [k, v] : n.entries) o[k] = json_of_node(v);
      return o;
    }
  }
  return nullptr;
}

Json exact_number(const Decimal& d) { return kNumberMark + d.str(); }
Json exact_number(const std::string& decimal_text) { return kNumberMark + decimal_text; }

std::string dump_json(const Json& j, int indent) {
  std::string out;
  dump(j, indent, 0, out);
  return out;
}

Cell Cell::of(std::string t) {
  Cell c;
  c.text = std::move(t);
  c.null = c.text.empty();
  return c;
}

Cell Cell::none() {
  Cell c;
  c.null = true;
  return c;
}

Cell Cell::count(long long n) {
  Cell c;
  c.number = Decimal::from_int(n);
  return c;
}

Cell Cell::money(const Decimal& d, std::string currency) {
  Cell c;
  c.number = d;
  c.currency = std::move(currency);
  return c;
}

Cell Cell::percent(const Decimal& d) {
  Cell c;
  c.number = d;
  return c;
}

Cell Cell::number_of(const Decimal& d) {
  Cell c;
  c.number = d;
  return c;
}

std::string cell_display(const Cell& c, const Column& col, const OutputOptions& o, bool one_currency) {
  if (c.null) return c.shown;
  if (!c.shown.empty()) return c.shown;
  switch (col.type) {
    case ColumnType::Money:
      return (one_currency || c.currency.empty() ? "" : c.currency + " ") + c.number.format(2);
    case ColumnType::Percent:
      return c.number.format(1, 0) + "%";
    case ColumnType::Count:
      return c.number.format(0);
    case ColumnType::Number:
      return c.number.format(col.decimals);
    case ColumnType::DateTime:
    case ColumnType::When:
      if (o.clock)
        if (auto t = parse_iso_datetime(c.text)) return o.clock->format_local(*t);
      return c.text;
    default:
      return c.text;
  }
}

std::string render(const Table& t, const OutputOptions& o) {
  if (o.format == Format::Html) return render_html(t, o);
  if (t.document && t.text && o.format != Format::Json && o.format != Format::Jsonl && o.format != Format::Yaml &&
      !(o.format == Format::Ids && !t.id_lines.empty()))
    return t.text(o);
  switch (o.format) {
    case Format::Table:
      return t.text ? t.text(o) : render_text_table(t, o);
    case Format::Ids: {
      std::string out;
      if (!t.id_lines.empty()) return join(t.id_lines, "\n") + "\n";
      size_t id_col = t.columns.size();
      for (size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].key == "id") id_col = c;
      for (const Row& r : t.rows)
        if (!r.total && id_col < r.cells.size()) out += r.cells[id_col].text + "\n";
      return out;
    }
    case Format::Csv:
    case Format::Tsv: {
      char delimiter = o.format == Format::Csv ? ',' : '\t';
      std::vector<std::string> header;
      for (const Column& c : t.columns) header.push_back(c.key);
      bool totals = std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) { return r.total; });
      totals = totals || t.report;
      if (totals) header.push_back(total_flag_key(t));
      std::string out = delimited_row(header, delimiter, o.raw);
      for (const Row& r : t.rows) {
        std::vector<std::string> cells;
        for (size_t c = 0; c < t.columns.size(); ++c)
          cells.push_back(c < r.cells.size() ? cell_machine(r.cells[c], t.columns[c]) : "");
        if (totals) cells.push_back(r.total ? "true" : "false");
        out += delimited_row(cells, delimiter, o.raw);
      }
      return out;
    }
    case Format::Html:  // above
      return "";
    case Format::Json:
    case Format::Jsonl:
    case Format::Yaml: {
      // The items: objects given, made one at a time, or the rows' cells.
      size_t count = !t.objects.empty() ? t.objects.size() : t.object_at ? t.lazy_count : t.rows.size();
      auto item = [&](size_t i) -> Json {
        if (!t.objects.empty()) return t.objects[i];
        if (t.object_at) return t.object_at(i);
        Json obj = row_object(t, t.rows[i]);
        if (o.format == Format::Jsonl && t.report) obj[total_flag_key(t)] = t.rows[i].total;
        return obj;
      };
      size_t nodes = !t.nodes.empty() ? t.nodes.size() : t.node_at ? t.lazy_count : 0;
      if (o.format == Format::Yaml && nodes > 0) {
        auto node = [&](size_t i) { return !t.nodes.empty() ? t.nodes[i] : t.node_at(i); };
        if (t.single_yaml) return emit_document(node(0));
        std::string out;
        for (size_t i = 0; i < nodes; ++i) {  // item by item: the same text as one sequence
          Node seq = Node::sequence();
          seq.items.push_back(node(i));
          out += emit_document(seq);
        }
        return out;
      }
      if (count > 0 && t.single && o.format == Format::Json) return dump_json(item(0)) + "\n";
      if (count > 0 && t.single_yaml && o.format == Format::Yaml) return emit_document(to_node(item(0)));
      if (o.format == Format::Jsonl) {
        std::string out;
        for (size_t i = 0; i < count; ++i) out += dump_json(item(i), -1) + "\n";
        return out;
      }
      Json doc;
      if (t.report) {
        doc = Json::object();
        doc["report"] = t.name;
        doc["rows"] = Json::array();
        doc["totals"] = Json::array();
        for (size_t i = 0; i < t.rows.size(); ++i) doc[t.rows[i].total ? "totals" : "rows"].push_back(item(i));
      } else if (o.format == Format::Json) {
        if (count == 0) return "[]\n";
        std::string out = "[";  // item by item: a long list is never one tree
        for (size_t i = 0; i < count; ++i) {
          out += i ? ",\n  " : "\n  ";
          dump(item(i), 2, 1, out);
        }
        return out + "\n]\n";
      } else {
        doc = Json::array();
        for (size_t i = 0; i < count; ++i) doc.push_back(item(i));
      }
      if (o.format == Format::Json) return dump_json(doc) + "\n";
      return emit_document(to_node(doc));
    }
  }
  return "";
}

std::string render_pairs(const std::vector<std::pair<std::string, std::string>>& pairs, const OutputOptions& o) {
  size_t label = 0;
  for (const auto& [k, v] : pairs) label = std::max(label, display_width(k));
  std::string out;
  size_t room = o.width > label + 2 && !o.wide ? o.width - label - 2 : 0;
  for (const auto& [k, v] : pairs) {
    std::string value = escape_for_terminal(v);
    if (room > 0) value = truncate_to_width(value, room);
    std::string key =
        o.color && !k.empty() ? std::string("\033[1m") + escape_for_terminal(k) + kReset : escape_for_terminal(k);
    out += key + std::string(label - display_width(k) + 2, ' ') + value;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

}  // namespace crm
