// The pieces of `--format html` that know nothing of tables: escaping, the
// page around the tables (inline CSS, readable printed), and inline SVG
// charts drawn from plain numbers — horizontal bars and a heat map. No
// script, no external resource: the page works from a file, a mail or a
// printer. render() (table.cpp) turns a typed Table into these.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/decimal.hpp"

namespace crm {

// Text as HTML character data or a quoted attribute value: & < > " ' escaped,
// control characters (but tab and line feed) and invalid UTF-8 replaced by U+FFFD.
std::string html_escape(std::string_view text);

// One bar: its label, its value (bars are drawn from 0 to the largest
// value; a negative or zero value draws none) and the value as shown.
struct ChartBar {
  std::string label;
  Decimal value;
  std::string shown;
};

// A horizontal bar chart as an <svg> element: labels at the left, the value
// at each bar's end, an axis with 0 and the largest value. `caption` names
// it for a screen reader (aria-label). Empty `bars`: "".
std::string svg_bar_chart(const std::string& caption, const std::vector<ChartBar>& bars);

// A heat map as an <svg> element: one row per label, one cell per column,
// each a percent (0–100) coloured by its value and written in it; nullopt:
// no cell (a period not reached yet).
struct HeatRow {
  std::string label;
  std::vector<std::optional<Decimal>> percents;
};
std::string svg_heat_map(const std::string& caption, const std::vector<std::string>& columns,
                         const std::vector<HeatRow>& rows);

// A whole HTML5 document: `title` in <title> and <h1>, `subtitle` under it
// (may be ""), then `body` (already HTML). UTF-8, inline CSS, @media print.
std::string html_page(const std::string& title, const std::string& subtitle, const std::string& body);

}  // namespace crm
