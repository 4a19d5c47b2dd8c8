#include "crm/report.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "crm/csv.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/json.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

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

namespace {

// Machine form: plain numbers (exact), percentages as numbers 0–100, null.
std::string machine_text(const ReportCell& c) {
  switch (c.kind) {
    case ReportCell::Kind::Text:
      return c.text;
    case ReportCell::Kind::Null:
      return "";
    case ReportCell::Kind::Percent:
      return c.value.rounded(1).str();
    default:
      return c.value.str();
  }
}

std::string json_cell(const ReportCell& c) {
  switch (c.kind) {
    case ReportCell::Kind::Text:
      return json_string(c.text);
    case ReportCell::Kind::Null:
      return "null";
    default:
      return machine_text(c);
  }
}

// Human form: money with currency and thousands separators, rates with one decimal.
std::string human_text(const ReportCell& c) {
  switch (c.kind) {
    case ReportCell::Kind::Text:
      return c.text;
    case ReportCell::Kind::Null:
      return c.is_blank ? "" : "n/a";
    case ReportCell::Kind::Integer:
      return c.value.format(0);
    case ReportCell::Kind::Number:
      return c.value.format(c.decimals);
    case ReportCell::Kind::Money:
      return (c.currency.empty() ? "" : c.currency + " ") + c.value.format(2);
    case ReportCell::Kind::Percent:
      return c.value.format(1, 0) + "%";
  }
  return "";
}

std::string bar(const Decimal& value, const Decimal& max, int width, bool unicode) {
  if (max.is_zero() || value.compare(Decimal()) <= 0) return "";
  // eighths of a cell, rounded
  Decimal eighths = (value * Decimal::from_int(width * 8)).divide(max, 0);
  long long n = std::atoll(eighths.str().c_str());
  if (!unicode) return std::string(static_cast<size_t>((n + 4) / 8), '#');
  static const char* const kPartial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  std::string out;
  for (long long i = 0; i < n / 8; ++i) out += "█";
  out += kPartial[n % 8];
  if (out.empty()) out = kPartial[1];
  return out;
}

}  // namespace

std::string render_report(const Report& r, Format format, const ReportStyle& style) {
  std::string out;
  auto machine_rows = [&](bool with_total_flag) {
    std::vector<std::pair<bool, const std::vector<ReportCell>*>> all;
    for (const auto& row : r.rows) all.emplace_back(false, &row);
    for (const auto& row : r.totals) all.emplace_back(true, &row);
    (void)with_total_flag;
    return all;
  };
  auto object = [&](const std::vector<ReportCell>& row) {
    std::string obj = "{";
    for (size_t i = 0; i < r.columns.size() && i < row.size(); ++i)
      obj += (i ? "," : "") + json_string(r.columns[i]) + ":" + json_cell(row[i]);
    return obj + "}";
  };
  switch (format) {
    case Format::Json: {
      std::string rows, totals;
      for (size_t i = 0; i < r.rows.size(); ++i) rows += (i ? "," : "") + object(r.rows[i]);
      for (size_t i = 0; i < r.totals.size(); ++i) totals += (i ? "," : "") + object(r.totals[i]);
      return pretty_json("{\"report\":" + json_string(r.name) + ",\"rows\":[" + rows + "],\"totals\":[" + totals +
                         "]}") +
             "\n";
    }
    case Format::Jsonl:
      for (const auto& [total, row] : machine_rows(true)) {
        std::string obj = object(*row);
        obj.pop_back();
        out += obj + ",\"total\":" + (total ? "true" : "false") + "}\n";
      }
      return out;
    case Format::Yaml: {
      Node doc = Node::map();
      doc.set("report", Node::scalar(r.name));
      for (const auto* part : {&r.rows, &r.totals}) {
        Node seq = Node::sequence();
        for (const auto& row : *part) {
          Node m = Node::map();
          for (size_t i = 0; i < r.columns.size() && i < row.size(); ++i)
            m.set(r.columns[i], row[i].kind == ReportCell::Kind::Null
                                    ? Node()
                                    : Node::scalar(machine_text(row[i]), row[i].kind != ReportCell::Kind::Text));
          seq.items.push_back(m);
        }
        doc.set(part == &r.rows ? "rows" : "totals", seq);
      }
      return emit_document(doc);
    }
    case Format::Csv:
    case Format::Tsv: {
      char delimiter = format == Format::Csv ? ',' : '\t';
      std::vector<std::string> header = r.columns;
      header.push_back("total");
      out += delimited_row(header, delimiter, style.raw);
      for (const auto& [total, row] : machine_rows(true)) {
        std::vector<std::string> cells;
        for (const ReportCell& c : *row) cells.push_back(machine_text(c));
        cells.push_back(total ? "true" : "false");
        out += delimited_row(cells, delimiter, style.raw);
      }
      return out;
    }
    case Format::Ids:
      return "";
    case Format::Table: {
      std::vector<std::vector<std::string>> rows;
      std::vector<std::string> header;
      for (const std::string& c : r.columns) header.push_back(to_upper_label(c));
      if (r.bar_column >= 0) header.push_back("");
      rows.push_back(header);
      // Bars compare like with like: one scale per currency.
      std::map<std::string, Decimal> max;
      if (r.bar_column >= 0)
        for (const auto& row : r.rows) {
          const ReportCell& c = row[static_cast<size_t>(r.bar_column)];
          if (max[c.currency] < c.value) max[c.currency] = c.value;
        }
      for (const auto& row : r.rows) {
        std::vector<std::string> cells;
        for (const ReportCell& c : row) cells.push_back(human_text(c));
        if (r.bar_column >= 0) {
          const ReportCell& c = row[static_cast<size_t>(r.bar_column)];
          cells.push_back(bar(c.value, max[c.currency], 20, style.unicode));
        }
        rows.push_back(cells);
      }
      for (const auto& row : r.totals) {
        std::vector<std::string> cells;
        for (const ReportCell& c : row) cells.push_back(human_text(c));
        if (r.bar_column >= 0) cells.push_back("");
        rows.push_back(cells);
      }
      // Numbers align right: pad them to their column's width.
      std::vector<size_t> width(header.size(), 0);
      for (const auto& row : rows)
        for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
      auto numeric = [&](size_t col) {
        const auto& sample =
            !r.rows.empty() ? r.rows[0] : (!r.totals.empty() ? r.totals[0] : std::vector<ReportCell>{});
        return col < sample.size() && sample[col].kind != ReportCell::Kind::Text;
      };
      for (size_t k = 1; k < rows.size(); ++k)
        for (size_t i = 0; i < rows[k].size(); ++i)
          if (numeric(i)) rows[k][i] = std::string(width[i] - display_width(rows[k][i]), ' ') + rows[k][i];
      for (size_t i = 0; i < header.size(); ++i)
        if (numeric(i)) rows[0][i] = std::string(width[i] - display_width(rows[0][i]), ' ') + rows[0][i];
      return render_table(rows, style.color, 80, -1);
    }
  }
  return out;
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
