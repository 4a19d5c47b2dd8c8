#include "crm/html.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "crm/text.hpp"

namespace crm {

namespace {

const char* const kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at s[i], 0 when it is not one.
size_t utf8_length(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  if (n == 1) return 1;
  return find_invalid_utf8(s.substr(i, n)) == std::string_view::npos ? n : 0;  // overlong, surrogates
}

// value / max in thousandths, 0–1000 (0 when max is not positive).
long long permille(const Decimal& value, const Decimal& max) {
  if (max.compare(Decimal()) <= 0 || value.compare(Decimal()) <= 0) return 0;
  long long p = std::atoll((value * Decimal::from_int(1000)).divide(max, 0).str().c_str());
  return std::clamp(p, 0LL, 1000LL);
}

std::string num(long long n) { return std::to_string(n); }

// A number for an axis: whole when it is, else `places` places.
std::string axis_label(const Decimal& d, int places) { return d.format(d == d.rounded(0) ? 0 : places); }

// A label that fits `columns` characters in a chart (the table under it has it whole).
std::string fit_label(const std::string& label, size_t columns) {
  return html_escape(truncate_to_width(label, columns));
}

std::string svg_open(const std::string& caption, int width, int height) {
  return "<svg class=\"chart\" role=\"img\" aria-label=\"" + html_escape(caption) + "\" width=\"" + num(width) +
         "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\"><title>" +
         html_escape(caption) + "</title>\n";
}

// The heat map's colour for a percent: from a pale to a deep blue.
std::string heat_colour(long long pct) {
  auto mix = [&](int from, int to) { return from + static_cast<int>((to - from) * pct / 100); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", mix(0xf1, 0x1d), mix(0xf5, 0x4e), mix(0xfb, 0x89));
  return buf;
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_length(s, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    char c = s[i];
    if (n == 1) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
            out += kReplacement;
          else
            out += c;
      }
    } else if (n == 2 && static_cast<unsigned char>(c) == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      out += kReplacement;  // a C1 control
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string svg_bar_chart(const std::string& caption, const std::vector<ChartBar>& bars) {
  if (bars.empty()) return "";
  const int width = 520, label_w = 150, bar_w = 270, row_h = 24, top = 6, axis_h = 26;
  const int height = top + row_h * static_cast<int>(bars.size()) + axis_h;
  Decimal max;
  for (const ChartBar& b : bars)
    if (max < b.value) max = b.value;
  if (max.compare(Decimal()) <= 0) return "";  // nothing to draw: the table says it
  std::string out = svg_open(caption, width, height);
  int y = top;
  for (const ChartBar& b : bars) {
    long long w = permille(b.value, max) * bar_w / 1000;
    if (w == 0 && b.value.compare(Decimal()) > 0) w = 1;  // a sliver: more than nothing
    out += "<text class=\"label\" x=\"" + num(label_w - 8) + "\" y=\"" + num(y + 16) + "\" text-anchor=\"end\">" +
           fit_label(b.label, 19) + "</text>";
    out += "<rect class=\"bar\" x=\"" + num(label_w) + "\" y=\"" + num(y + 4) + "\" width=\"" + num(w) +
           "\" height=\"16\"/>";
    out += "<text class=\"value\" x=\"" + num(label_w + static_cast<int>(w) + 6) + "\" y=\"" + num(y + 16) + "\">" +
           html_escape(b.shown) + "</text>\n";
    y += row_h;
  }
  // The axes: the baseline at 0, the scale below with 0, half and the largest value.
  out += "<line class=\"axis\" x1=\"" + num(label_w) + "\" y1=\"" + num(top) + "\" x2=\"" + num(label_w) + "\" y2=\"" +
         num(y + 4) + "\"/>";
  out += "<line class=\"axis\" x1=\"" + num(label_w) + "\" y1=\"" + num(y + 4) + "\" x2=\"" + num(label_w + bar_w) +
         "\" y2=\"" + num(y + 4) + "\"/>\n";
  {
    Decimal half = max.divide(Decimal::from_int(2), max.scale() + 1);
    const std::pair<int, std::string> ticks[] = {
        {0, "0"}, {bar_w / 2, axis_label(half, max == max.rounded(0) ? 1 : 2)}, {bar_w, axis_label(max, 2)}};
    for (const auto& [x, text] : ticks) {
      out += "<line class=\"tick\" x1=\"" + num(label_w + x) + "\" y1=\"" + num(y + 4) + "\" x2=\"" + num(label_w + x) +
             "\" y2=\"" + num(y + 8) + "\"/>";
      out += "<text class=\"tick\" x=\"" + num(label_w + x) + "\" y=\"" + num(y + 20) + "\" text-anchor=\"middle\">" +
             html_escape(text) + "</text>\n";
    }
  }
  return out + "</svg>\n";
}

std::string svg_heat_map(const std::string& caption, const std::vector<std::string>& columns,
                         const std::vector<HeatRow>& rows) {
  if (rows.empty() || columns.empty()) return "";
  const int label_w = 96, cell_w = 52, cell_h = 24, head_h = 22;
  const int width = label_w + cell_w * static_cast<int>(columns.size()) + 4;
  const int height = head_h + cell_h * static_cast<int>(rows.size()) + 4;
  std::string out = svg_open(caption, width, height);
  for (size_t c = 0; c < columns.size(); ++c)
    out += "<text class=\"label\" x=\"" + num(label_w + static_cast<int>(c) * cell_w + cell_w / 2) + "\" y=\"" +
           num(head_h - 6) + "\" text-anchor=\"middle\">" + fit_label(columns[c], 7) + "</text>";
  out += "\n";
  int y = head_h;
  for (const HeatRow& r : rows) {
    out += "<text class=\"label\" x=\"" + num(label_w - 8) + "\" y=\"" + num(y + 16) + "\" text-anchor=\"end\">" +
           fit_label(r.label, 13) + "</text>";
    for (size_t c = 0; c < r.percents.size() && c < columns.size(); ++c) {
      if (!r.percents[c]) continue;
      long long pct = permille(*r.percents[c], Decimal::from_int(100)) / 10;
      int x = label_w + static_cast<int>(c) * cell_w;
      out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(cell_w - 2) + "\" height=\"" +
             num(cell_h - 2) + "\" fill=\"" + heat_colour(pct) + "\"/>";
      out += "<text class=\"cell" + std::string(pct > 50 ? " light" : "") + "\" x=\"" + num(x + cell_w / 2 - 1) +
             "\" y=\"" + num(y + 16) + "\" text-anchor=\"middle\">" + html_escape(r.percents[c]->format(0) + "%") +
             "</text>";
    }
    out += "\n";
    y += cell_h;
  }
  return out + "</svg>\n";
}

std::string html_page(const std::string& title, const std::string& subtitle, const std::string& body) {
  static const char* const kStyle = R"(
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1a1a1a;
  background: #fff; margin: 2em auto; max-width: 1280px; padding: 0 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .1em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .4em; border-bottom: 1px solid #ccd; padding-bottom: .2em; }
p.subtitle { color: #555; margin: 0 0 1em; }
section { margin-bottom: 1.5em; }
table { border-collapse: collapse; margin: .5em 0; }
div.wide { max-width: 100%; overflow-x: auto; }
th, td { padding: .25em .55em; border-bottom: 1px solid #e3e3ea; text-align: left; vertical-align: top; }
th { background: #f3f4f8; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 2px solid #99a; }
tr.bad td, td.bad { color: #b00020; }
tr.warn td, td.warn { color: #8a5a00; }
tr.good td, td.good { color: #17692d; }
tr.dim td, td.dim { color: #777; }
tr.strong td, td.strong { font-weight: 600; }
p.empty, p.note { color: #555; font-style: italic; }
pre { background: #f6f6f9; padding: .8em; overflow-x: auto; }
figure { margin: .6em 0 1em; }
div.pair { display: flex; flex-wrap: wrap; gap: 0 2.5em; align-items: flex-start; }
figcaption { color: #555; font-size: .9em; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .4em 0 .8em; }
svg.chart text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: #1a1a1a; }
svg.chart text.tick { fill: #555; font-size: 11px; }
svg.chart text.light { fill: #fff; }
svg.chart rect.bar { fill: #3b6fc4; }
svg.chart line.axis, svg.chart line.tick { stroke: #555; stroke-width: 1; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  th { background: none; }
  div.wide { overflow: visible; }
  table { font-size: 9pt; }
}
)";
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(title) + "</h1>\n";
  if (!subtitle.empty()) out += "<p class=\"subtitle\">" + html_escape(subtitle) + "</p>\n";
  return out + body + "</body>\n</html>\n";
}

}  // namespace crm
