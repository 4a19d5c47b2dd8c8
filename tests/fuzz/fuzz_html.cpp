// libFuzzer target: --format html of a table whose cells are the input.
// Each line is a row: label TAB currency TAB amount TAB percent. Whatever
// the bytes, the page is valid UTF-8 and every '<' in it opens or closes
// one of the tags the renderer writes: no value becomes markup.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "crm/html.hpp"
#include "crm/table.hpp"
#include "crm/text.hpp"

namespace {

bool known_tag_at(const std::string& page, size_t at) {
  static const char* const kTags[] = {"!DOCTYPE", "html", "head", "meta",    "title", "style",  "body",
                                      "h1",       "h2",   "p",    "section", "div",   "figure", "figcaption",
                                      "svg",      "text", "rect", "line",    "table", "thead",  "tbody",
                                      "tfoot",    "tr",   "th",   "td",      "time",  "pre"};
  size_t i = at + 1;
  if (i < page.size() && page[i] == '/') ++i;
  for (const char* tag : kTags) {
    std::string t(tag);
    if (page.compare(i, t.size(), t) == 0) {
      char next = i + t.size() < page.size() ? page[i + t.size()] : '\0';
      if (next == ' ' || next == '>' || next == '/') return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  crm::Table t;
  t.name = "fuzz";
  t.report = true;
  t.bar_column = 2;
  crm::Column label, currency, amount, pct;
  label.key = "label";
  currency.key = "currency";
  currency.type = crm::ColumnType::Word;
  amount.key = "amount";
  amount.type = crm::ColumnType::Money;
  pct.key = "share";
  pct.type = crm::ColumnType::Percent;
  t.columns = {label, currency, amount, pct};
  for (const std::string& line : crm::split(input, '\n')) {
    std::vector<std::string> f = crm::split(line, '\t');
    f.resize(4);
    crm::Row r;
    r.cells.push_back(crm::Cell::of(f[0]));
    r.cells.push_back(crm::Cell::of(f[1]));
    r.cells.push_back(crm::Cell::money(crm::Decimal::parse(f[2]).value_or(crm::Decimal()), f[1]));
    if (auto p = crm::Decimal::parse(f[3]))
      r.cells.push_back(crm::Cell::percent(*p));
    else
      r.cells.push_back(crm::Cell::none());
    r.total = !f[0].empty() && f[0][0] == '=';
    t.rows.push_back(r);
  }
  crm::OutputOptions o;
  o.format = crm::Format::Html;
  for (crm::Chart chart : {crm::Chart::Auto, crm::Chart::Heat}) {
    t.chart = chart;
    std::string page = crm::render(t, o);
    if (crm::find_invalid_utf8(page) != std::string::npos) std::abort();
    for (size_t at = page.find('<'); at != std::string::npos; at = page.find('<', at + 1))
      if (!known_tag_at(page, at)) std::abort();
  }
  return 0;
}
