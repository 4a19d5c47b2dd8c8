// html: escaping, the inline SVG charts and the page; render()'s --format
// html of typed tables (table.cpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/html.hpp"
#include "crm/table.hpp"

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

crm::Decimal dec(const char* s) { return *crm::Decimal::parse(s); }

crm::Column col(const char* key, crm::ColumnType type) {
  crm::Column c;
  c.key = key;
  c.type = type;
  return c;
}

crm::OutputOptions html() {
  crm::OutputOptions o;
  o.format = crm::Format::Html;
  return o;
}

}  // namespace

TEST_CASE("html_escape: markup is inert, controls and bad bytes replaced, text kept") {
  CHECK(crm::html_escape("<script>alert(\"x\")</script>") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  CHECK(crm::html_escape("Globex & Sons' \"shop\"") == "Globex &amp; Sons&#39; &quot;shop&quot;");
  CHECK(crm::html_escape("Zoë — 東京 😀") == "Zoë — 東京 😀");
  CHECK(crm::html_escape("a\tb\nc") == "a\tb\nc");
  CHECK(crm::html_escape(std::string("a\x1b[31mb\x7f", 8)) == "a\xEF\xBF\xBD[31mb\xEF\xBF\xBD");
  CHECK(crm::html_escape("\xC2\x85") == "\xEF\xBF\xBD");  // C1 control (NEL)
  CHECK(crm::html_escape("a\xff"
                         "b\xC3") ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD");                                             // invalid, truncated
  CHECK(crm::html_escape("\xC0\xBC") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '<'
  CHECK(crm::html_escape(std::string("a\0b", 3)) ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("svg_bar_chart: bars to scale from 0, values and axis written, labels escaped") {
  CHECK(crm::svg_bar_chart("none", {}).empty());
  CHECK(crm::svg_bar_chart("zeros", {{"a", dec("0"), "0"}, {"b", dec("-5"), "-5"}}).empty());
  std::string svg = crm::svg_bar_chart("Pipeline <by> stage", {{"proposal", dec("1000"), "1,000.00"},
                                                               {"<b>x</b>", dec("500"), "500.00"},
                                                               {"lost", dec("-20"), "-20.00"},
                                                               {"tiny", dec("0.01"), "0.01"}});
  CHECK(has(svg, "aria-label=\"Pipeline &lt;by&gt; stage\""));
  CHECK(has(svg, "<title>Pipeline &lt;by&gt; stage</title>"));
  CHECK(has(svg, "width=\"270\" height=\"16\""));   // the largest: the whole bar
  CHECK(has(svg, "width=\"135\" height=\"16\""));   // half of it
  CHECK(has(svg, "width=\"0\" height=\"16\""));     // negative: no bar
  CHECK(has(svg, "width=\"1\" height=\"16\""));     // a sliver is more than nothing
  CHECK(has(svg, ">&lt;b&gt;x&lt;/b&gt;</text>"));  // a label is text, never markup
  CHECK_FALSE(has(svg, "<b>"));
  CHECK(has(svg, ">1,000.00</text>"));
  CHECK(has(svg, ">-20.00</text>"));
  // The axis: 0, half and the largest value.
  CHECK(has(svg, ">0</text>"));
  CHECK(has(svg, ">500</text>"));
  CHECK(has(svg, ">1,000</text>"));
  CHECK(count(svg, "class=\"bar\"") == 4);
  // A long label is cut to fit; the table under the chart has it whole.
  std::string longer = crm::svg_bar_chart("x", {{"a label far too long for the chart", dec("1"), "1"}});
  CHECK(has(longer, ">a label far too lo…</text>"));
  CHECK(has(crm::svg_bar_chart("x", {{"y", dec("0.5"), "0.5"}}), ">0.25</text>"));
}

TEST_CASE("svg_heat_map: a cell per value, coloured by it, none for a missing one") {
  CHECK(crm::svg_heat_map("x", {"m0"}, {}).empty());
  std::string svg = crm::svg_heat_map(
      "Cohorts", {"m0", "m1", "m2"},
      {{"2026-01", {dec("100"), dec("50"), dec("0")}}, {"2026-02", {dec("100"), std::nullopt, std::nullopt}}});
  CHECK(count(svg, "<rect") == 4);
  CHECK(has(svg, "fill=\"#1d4e89\""));  // 100%: the deepest
  CHECK(has(svg, "fill=\"#f1f5fb\""));  // 0%: the palest
  CHECK(has(svg, ">100%</text>"));
  CHECK(has(svg, ">50%</text>"));
  CHECK(has(svg, "class=\"cell light\""));  // white on the dark cells
  CHECK(has(svg, ">2026-02</text>"));
}

TEST_CASE("html_page: a whole document with its style, no script, nothing fetched") {
  std::string page = crm::html_page("A <title>", "sub & title", "<p>body</p>\n");
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(has(page, "<meta charset=\"utf-8\">"));
  CHECK(has(page, "<title>A &lt;title&gt;</title>"));
  CHECK(has(page, "<h1>A &lt;title&gt;</h1>"));
  CHECK(has(page, "<p class=\"subtitle\">sub &amp; title</p>"));
  CHECK(has(page, "@media print"));
  CHECK(has(page, "<p>body</p>\n</body>\n</html>\n"));
  CHECK_FALSE(has(page, "<script"));
  CHECK_FALSE(has(page, "http"));
  CHECK_FALSE(has(page, "//"));
  CHECK_FALSE(has(page, "src="));
}

TEST_CASE("render html: typed cells, totals in tfoot, bars per currency") {
  crm::Table t;
  t.name = "pipeline";
  t.report = true;
  t.columns = {col("stage", crm::ColumnType::Word),    col("currency", crm::ColumnType::Word),
               col("count", crm::ColumnType::Count),   col("amount", crm::ColumnType::Money),
               col("share", crm::ColumnType::Percent), col("close_date", crm::ColumnType::When)};
  t.bar_column = 3;
  auto row = [](const char* stage, const char* cur, long long n, const char* amount, bool total = false) {
    crm::Row r;
    r.total = total;
    r.cells = {crm::Cell::of(stage),
               crm::Cell::of(cur),
               crm::Cell::count(n),
               crm::Cell::money(dec(amount), cur),
               crm::Cell::percent(dec("66.66")),
               total ? crm::Cell::none() : crm::Cell::of("2026-12-01")};
    return r;
  };
  t.rows = {row("<proposal>", "EUR", 2, "12000.50"), row("won", "USD", 1, "99"),
            row("total", "EUR", 2, "12000.50", true)};
  t.rows[1].tone = crm::Tone::Good;
  std::string page = crm::render(t, html());
  CHECK(has(page, "<title>crm report pipeline</title>"));
  CHECK(has(page, "<th class=\"num\" data-key=\"amount\">amount</th>"));
  CHECK(has(page, "<th data-key=\"close_date\">close date</th>"));
  CHECK(has(page, "<td>&lt;proposal&gt;</td>"));
  CHECK(has(page, "<td class=\"num money\" data-value=\"12000.5\">EUR 12,000.50</td>"));
  CHECK(has(page, "<td class=\"num\" data-value=\"66.7\">66.7%</td>"));
  CHECK(has(page, "<td class=\"num\" data-value=\"2\">2</td>"));
  CHECK(has(page, "<td class=\"date\"><time datetime=\"2026-12-01\">2026-12-01</time></td>"));
  CHECK(has(page, "<tr class=\"good\">"));
  CHECK(has(page, "<tfoot>\n<tr><td>total</td>"));
  // Two currencies: two charts, never one scale.
  CHECK(count(page, "<svg") == 2);
  CHECK(has(page, "<figcaption>amount by stage (EUR)</figcaption>"));
  CHECK(has(page, "<figcaption>amount by stage (USD)</figcaption>"));
  CHECK(has(page, ">12,000.50</text>"));
  CHECK_FALSE(has(page, "<proposal>"));
  CHECK_FALSE(has(page, "<script"));

  // No bar column: no chart; chart_column draws one without a terminal bar.
  t.bar_column = -1;
  CHECK(count(crm::render(t, html()), "<svg") == 0);
  t.chart_column = 2;
  CHECK(has(crm::render(t, html()), "<figcaption>count by stage</figcaption>"));
  t.chart = crm::Chart::None;
  CHECK(count(crm::render(t, html()), "<svg") == 0);
  t.chart = crm::Chart::Heat;  // the percent columns
  std::string heat = crm::render(t, html());
  CHECK(count(heat, "<svg") == 1);
  CHECK(count(heat, "<rect") == 2);  // one percent column, two rows (not the total)
  CHECK(has(heat, ">67%</text>"));
}

TEST_CASE("render html: empty tables, text outputs and sections") {
  crm::Table empty;
  empty.name = "stale";
  empty.report = true;
  empty.columns = {col("id", crm::ColumnType::Id)};
  CHECK(has(crm::render(empty, html()), "<p class=\"empty\">Nothing to show.</p>"));

  crm::Table text;
  text.title = "Agenda";
  text.text = [](const crm::OutputOptions& o) {
    CHECK(o.format == crm::Format::Table);  // the plain text, never html inside html
    CHECK_FALSE(o.color);
    return std::string("Overdue <task>\n");
  };
  std::string page = crm::render(text, html());
  CHECK(has(page, "<h1>Agenda</h1>"));
  CHECK(has(page, "<pre>Overdue &lt;task&gt;\n</pre>"));

  crm::Table dashboard;
  dashboard.title = "Dashboard";
  dashboard.columns = {col("metric", crm::ColumnType::Word)};
  dashboard.rows = {{{crm::Cell::of("not on the page")}, crm::Tone::None, false}};
  dashboard.html_sections = [] {
    crm::Table a;
    a.name = "one";
    a.title = "First & only";
    a.columns = {col("n", crm::ColumnType::Count)};
    a.rows = {{{crm::Cell::count(7)}, crm::Tone::None, false}};
    return std::vector<crm::Table>{a};
  };
  page = crm::render(dashboard, html());
  CHECK(has(page, "<h1>Dashboard</h1>"));
  CHECK(has(page, "<section id=\"one\">\n<h2>First &amp; only</h2>"));
  CHECK(has(page, "data-value=\"7\""));
  CHECK_FALSE(has(page, "not on the page"));
  // Other formats: the table itself, the sections never built.
  crm::OutputOptions csv;
  csv.format = crm::Format::Csv;
  CHECK(crm::render(dashboard, csv) == "metric\nnot on the page\n");
}
