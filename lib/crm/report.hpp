// Reports as data: named columns, typed cells, totals — rendered to every
// output format. Money is exact decimal text in json/csv and grouped with the
// currency in tables; a bar column draws each row's share.
#pragma once

#include <string>
#include <vector>

#include "crm/decimal.hpp"
#include "crm/render.hpp"
#include "crm/store.hpp"

namespace crm {

struct ReportCell {
  enum class Kind { Text, Integer, Number, Money, Percent, Null };
  Kind kind = Kind::Null;
  std::string text;      // Text
  Decimal value;         // Integer, Number, Money, Percent (0–100)
  std::string currency;  // Money
  int decimals = 0;      // Number: the places it is rounded to

  static ReportCell of_text(std::string t);
  static ReportCell of_int(long long n);
  static ReportCell of_number(Decimal d, int decimals);  // a plain quantity: days, rounded
  static ReportCell of_money(Decimal d, std::string currency);
  static ReportCell of_percent(Decimal d);
  static ReportCell null();   // no value: "n/a" in tables, null in json
  static ReportCell blank();  // nothing to say: empty in tables, null in json
  bool is_blank = false;
};

struct Report {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<ReportCell>> rows;
  std::vector<std::vector<ReportCell>> totals;
  int bar_column = -1;  // table: draw a bar from this money/integer column
  // html: the chart (Table::chart, Table::chart_column).
  Chart chart = Chart::Auto;
  int chart_column = -1;
};

struct ReportStyle {
  bool color = false;
  bool unicode = true;  // block characters for bars, else '#'
  bool raw = false;     // csv/tsv: leave formula-like cells (= + - @) as they are (--raw)
};

// The report as the one typed table (json: {"report", "rows", "totals"}).
Table report_table(const Report& report);
std::string render_report(const Report& report, Format format, const ReportStyle& style);

// True when the locale's character set is UTF-8 (LC_ALL, LC_CTYPE, LANG).
bool locale_is_utf8();

struct ReportOptions {
  std::string owner;        // only deals of this owner
  bool all_stages = false;  // pipeline: closed stages too
};

// Open deals per stage in pipeline order: count, Σ amount, Σ amount ×
// probability / 100; per currency when deals use several; totals.
Report pipeline_report(const Store& store, const std::vector<Record>& deals, const ReportOptions& options);

}  // namespace crm
