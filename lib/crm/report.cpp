#include "crm/report.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "crm/deal_workflow.hpp"
#include "crm/text.hpp"

namespace crm {

ReportCell ReportCell::of_text(std::string t) {
  ReportCell c;
  c.kind = Kind::Text;
  c.text = std::move(t);
  return c;
}

ReportCell ReportCell::of_int(long long n) {
  ReportCell c;
  c.kind = Kind::Integer;
  c.value = Decimal::from_int(n);
  return c;
}

ReportCell ReportCell::of_number(Decimal d, int decimals) {
  ReportCell c;
  c.kind = Kind::Number;
  c.value = d.rounded(decimals);
  c.decimals = decimals;
  return c;
}

ReportCell ReportCell::of_money(Decimal d, std::string currency) {
  ReportCell c;
  c.kind = Kind::Money;
  c.value = d;
  c.currency = std::move(currency);
  return c;
}

ReportCell ReportCell::of_percent(Decimal d) {
  ReportCell c;
  c.kind = Kind::Percent;
  c.value = d;
  return c;
}

ReportCell ReportCell::null() { return ReportCell{}; }

ReportCell ReportCell::blank() {
  ReportCell c;
  c.is_blank = true;
  return c;
}

bool locale_is_utf8() {
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) {
      std::string s = to_lower(v);
      return s.find("utf-8") != std::string::npos || s.find("utf8") != std::string::npos;
    }
  }
  return false;
}

Table report_table(const Report& r) {
  Table t;
  t.name = r.name;
  t.report = true;
  t.bar_column = r.bar_column;
  t.chart = r.chart;
  t.chart_column = r.chart_column;
  for (size_t i = 0; i < r.columns.size(); ++i) {
    Column c;
    c.key = r.columns[i];
    // Text: names and titles shrink when the terminal is narrow; labels,
    // ids and dates never.
    static const char* const kWords[] = {"currency", "stage", "period", "type", "source", "owner", "kind"};
    c.type = ColumnType::Text;
    for (const char* w : kWords)
      if (c.key == w) c.type = ColumnType::Word;
    if (c.key == "id") c.type = ColumnType::Id;
    if (c.key == "date" || ends_with(c.key, "_date")) c.type = ColumnType::When;
    // A column's type: its first cell with a value.
    const ReportCell* sample = nullptr;
    for (const auto* part : {&r.rows, &r.totals})
      for (const auto& row : *part)
        if (!sample && i < row.size() && row[i].kind != ReportCell::Kind::Null) sample = &row[i];
    if (sample) switch (sample->kind) {
        case ReportCell::Kind::Integer:
          c.type = ColumnType::Count;
          break;
        case ReportCell::Kind::Number:
          c.type = ColumnType::Number;
          c.decimals = sample->decimals;
          break;
        case ReportCell::Kind::Money:
          c.type = ColumnType::Money;
          break;
        case ReportCell::Kind::Percent:
          c.type = ColumnType::Percent;
          break;
        default:
          break;
      }
    t.columns.push_back(c);
  }
  auto add = [&](const std::vector<ReportCell>& cells, bool total) {
    Row row;
    row.total = total;
    for (const ReportCell& rc : cells) {
      Cell c;
      switch (rc.kind) {
        case ReportCell::Kind::Text:
          c = Cell::of(rc.text);
          c.null = false;
          break;
        case ReportCell::Kind::Null:
          c = Cell::none();
          c.shown = rc.is_blank ? "" : "n/a";
          break;
        case ReportCell::Kind::Money:
          c = Cell::money(rc.value, rc.currency);
          break;
        default:
          c = Cell::number_of(rc.value);
      }
      row.cells.push_back(c);
    }
    t.rows.push_back(row);
  };
  for (const auto& row : r.rows) add(row, false);
  for (const auto& row : r.totals) add(row, true);
  // What is late is red, what is idle yellow; totals stand out.
  for (Row& row : t.rows) {
    if (row.total)
      row.tone = Tone::Strong;
    else if (r.name == "overdue")
      row.tone = Tone::Bad;
    else if (r.name == "stale")
      row.tone = Tone::Warn;
  }
  t.empty_note = "report " + r.name + ": nothing to report";
  return t;
}

std::string render_report(const Report& r, Format format, const ReportStyle& style) {
  OutputOptions o;
  o.format = format;
  o.color = style.color;
  o.unicode = style.unicode;
  o.raw = style.raw;
  return render(report_table(r), o);
}

Report pipeline_report(const Store& store, const std::vector<Record>& deals, const ReportOptions& o) {
  const Config& config = store.config();
  Report r;
  r.name = "pipeline";
  r.columns = {"stage", "currency", "probability", "count", "amount", "weighted"};
  r.bar_column = 5;
  struct Sum {
    long long count = 0;
    Decimal amount, weighted;
  };
  std::map<std::pair<std::string, std::string>, Sum> sums;  // (stage, currency)
  std::map<std::string, Sum> totals;                        // currency
  for (const Record& d : deals) {
    if (!o.owner.empty() && !equals_ci(d.get("owner"), o.owner)) continue;
    const Stage* stage = config.stage(d.get("stage"));
    if (!stage) continue;  // `crm check` reports unknown stages
    if (!stage->closed.empty() && !o.all_stages) continue;
    std::string currency = d.get("currency").empty() ? config.currency : d.get("currency");
    Decimal amount = Decimal::parse(d.get("amount")).value_or(Decimal());
    // A closed deal is certain: won counts fully, lost not at all, whatever it was estimated at.
    int probability = stage->closed.empty() ? deal_probability(d, config) : stage->probability;
    Decimal weighted = weighted_amount(amount, probability);
    for (Sum* s : {&sums[{stage->name, currency}], &totals[currency]}) {
      s->count += 1;
      s->amount = s->amount + amount;
      s->weighted = s->weighted + weighted;
    }
  }
  std::vector<std::string> currencies;
  for (const auto& [cur, _] : totals) currencies.push_back(cur);
  if (currencies.empty()) currencies.push_back(config.currency);
  for (const Stage& stage : config.pipeline) {
    if (!stage.closed.empty() && !o.all_stages) continue;
    for (const std::string& cur : currencies) {
      auto it = sums.find({stage.name, cur});
      Sum s = it == sums.end() ? Sum{} : it->second;
      if (currencies.size() > 1 && s.count == 0) continue;
      r.rows.push_back({ReportCell::of_text(stage.name), ReportCell::of_text(cur),
                        ReportCell::of_int(stage.probability), ReportCell::of_int(s.count),
                        ReportCell::of_money(s.amount, cur), ReportCell::of_money(s.weighted, cur)});
    }
  }
  for (const std::string& cur : currencies) {
    Sum s = totals[cur];
    r.totals.push_back({ReportCell::of_text("total"), ReportCell::of_text(cur), ReportCell::blank(),
                        ReportCell::of_int(s.count), ReportCell::of_money(s.amount, cur),
                        ReportCell::of_money(s.weighted, cur)});
  }
  return r;
}

}  // namespace crm
