#include "crm/service_reports.hpp"

#include <algorithm>
#include <map>

#include "crm/derived_fields.hpp"
#include "crm/related.hpp"
#include "crm/text.hpp"
#include "crm/ticket_workflow.hpp"

namespace crm {

namespace {

Decimal dec(long long n) { return Decimal::from_int(n); }

ReportCell rate_cell(long long part, long long whole) {
  if (whole == 0) return ReportCell::null();
  return ReportCell::of_percent((dec(part) * dec(100)).divide(dec(whole), 1));
}

// Business seconds as hours with one decimal, rounded half up.
ReportCell hours_cell(std::optional<double> seconds) {
  if (!seconds) return ReportCell::null();
  long long tenths = static_cast<long long>((*seconds * 10 + 1800) / 3600);
  return ReportCell::of_number(dec(tenths).divide(dec(10), 1), 1);
}

ReportCell text_or_blank(const std::string& s) { return s.empty() ? ReportCell::blank() : ReportCell::of_text(s); }

std::optional<Days> day_of(const std::string& text) {
  if (auto t = parse_iso_datetime(text)) return date::floor<date::days>(*t);
  return std::nullopt;
}

std::string two_digits(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// 2026-W49 (ISO weeks) or 2026-12.
std::string period_of(Days d, bool week) {
  if (week) {
    Days thursday = d - (date::weekday{d} - date::Monday) + date::days{3};
    date::year y = date::year_month_day{thursday}.year();
    auto n = (thursday - date::sys_days{y / date::January / 1}).count() / 7 + 1;
    return std::to_string(static_cast<int>(y)) + "-W" + two_digits(static_cast<unsigned>(n));
  }
  date::year_month_day ymd{d};
  return std::to_string(static_cast<int>(ymd.year())) + "-" + two_digits(static_cast<unsigned>(ymd.month()));
}

struct Scope {
  const Store& store;
  const ServiceReportRequest& q;
  std::vector<Record> tickets;

  Scope(const Store& s, const ServiceReportRequest& request) : store(s), q(request) {
    NameOf names = record_names(store);
    const Schema& schema = store.schemas().get("ticket");
    std::vector<Record> all = store.load_all(schema).records;
    std::vector<bool> matched;  // breached=true, age>2: computed for the test alone
    if (q.filter) matched = select_with_derived(store, schema, *q.filter, all, names);
    for (size_t i = 0; i < all.size(); ++i) {
      if (!q.owner.empty() && !equals_ci(all[i].get("owner"), q.owner)) continue;
      if (q.filter && !matched[i]) continue;
      tickets.push_back(std::move(all[i]));
    }
  }
  bool in_period(std::optional<Days> d) const {
    return d && (!q.since || *d >= *q.since) && (!q.until || *d <= *q.until);
  }
};

Report tickets_report(const Scope& s) {
  std::vector<std::string> priorities = {"low", "normal", "high", "urgent"};
  if (const Field* f = s.store.schemas().get("ticket").field("priority")) priorities = f->values;
  std::vector<std::string> statuses = {"new", "open", "pending", "on-hold"};
  struct Row {
    std::map<std::string, long long> by_priority;
    long long total = 0;
    std::optional<Days> oldest;
  };
  std::map<std::pair<bool, std::string>, Row> rows;  // (unset last, name)
  Row total;
  for (const Record& t : s.tickets) {
    if (!ticket_is_open(t)) continue;
    std::string key = s.q.by.empty() ? (t.get("status").empty() ? "new" : t.get("status")) : t.get(s.q.by);
    std::pair<bool, std::string> k{key.empty(), key};
    if (s.q.by.empty()) {  // statuses in their order
      auto at = std::find(statuses.begin(), statuses.end(), key);
      k = {false, std::string(1, static_cast<char>('a' + (at - statuses.begin()))) + key};
    }
    auto opened = day_of(t.get("created"));
    for (Row* r : {&rows[k], &total}) {
      r->by_priority[t.get("priority").empty() ? "normal" : t.get("priority")] += 1;
      r->total += 1;
      if (opened && (!r->oldest || *opened < *r->oldest)) r->oldest = opened;
    }
  }
  Report r;
  r.name = "tickets";
  r.columns = {s.q.by.empty() ? "status" : s.q.by};
  r.columns.insert(r.columns.end(), priorities.begin(), priorities.end());
  r.columns.insert(r.columns.end(), {"total", "oldest_days"});
  r.bar_column = -1;
  r.chart_column = static_cast<int>(r.columns.size()) - 2;  // html: the backlog, total per row
  auto cells = [&](ReportCell first, const Row& row) {
    std::vector<ReportCell> out{std::move(first)};
    for (const std::string& p : priorities) {
      auto it = row.by_priority.find(p);
      out.push_back(ReportCell::of_int(it == row.by_priority.end() ? 0 : it->second));
    }
    out.push_back(ReportCell::of_int(row.total));
    out.push_back(row.oldest ? ReportCell::of_int((s.store.clock().today - *row.oldest).count()) : ReportCell::null());
    return out;
  };
  for (const auto& [key, row] : rows)
    r.rows.push_back(cells(text_or_blank(s.q.by.empty() ? key.second.substr(1) : key.second), row));
  r.totals.push_back(cells(ReportCell::of_text("total"), total));
  return r;
}

Report sla_report(const Scope& s) {
  const Config& config = s.store.config();
  const Clock& clock = s.store.clock();
  struct Row {
    long long tickets = 0, with_sla = 0, within = 0;
    std::vector<long long> response, resolution;
  };
  std::map<std::string, Row> rows;
  Row total;
  for (const Record& t : s.tickets) {
    auto opened = day_of(t.get("created"));
    if (!s.in_period(opened)) continue;
    auto response = first_response_seconds(t, config, clock);
    auto resolution = resolution_seconds(t, config, clock);
    bool has_sla = !t.get("response_due").empty() || !t.get("resolution_due").empty();
    bool breached = ticket_breached(t, clock.now);
    for (Row* r : {&rows[period_of(*opened, s.q.by == "week")], &total}) {
      r->tickets += 1;
      if (response) r->response.push_back(*response);
      if (resolution) r->resolution.push_back(*resolution);
      if (has_sla) r->with_sla += 1;
      if (has_sla && !breached) r->within += 1;
    }
  }
  Report r;
  r.name = "sla";
  r.columns = {"period",         "tickets", "responded",           "response_median_h",
               "response_p90_h", "solved",  "resolution_median_h", "resolution_p90_h",
               "within_sla"};
  r.bar_column = -1;
  auto p90 = [](const std::vector<long long>& v) -> std::optional<double> {
    auto x = p90_of(v);
    return x ? std::optional<double>(static_cast<double>(*x)) : std::nullopt;
  };
  auto cells = [&](ReportCell first, const Row& row) {
    return std::vector<ReportCell>{std::move(first),
                                   ReportCell::of_int(row.tickets),
                                   ReportCell::of_int(static_cast<long long>(row.response.size())),
                                   hours_cell(median_of(row.response)),
                                   hours_cell(p90(row.response)),
                                   ReportCell::of_int(static_cast<long long>(row.resolution.size())),
                                   hours_cell(median_of(row.resolution)),
                                   hours_cell(p90(row.resolution)),
                                   rate_cell(row.within, row.with_sla)};
  };
  for (const auto& [period, row] : rows) r.rows.push_back(cells(ReportCell::of_text(period), row));
  r.totals.push_back(cells(ReportCell::of_text("total"), total));
  return r;
}

Report csat_report(const Scope& s) {
  struct Row {
    long long responses = 0, satisfied = 0, sum = 0;
  };
  std::map<std::pair<bool, std::string>, Row> rows;
  Row total;
  for (const Record& t : s.tickets) {
    std::string score = t.get("satisfaction");
    if (score.size() != 1 || score[0] < '1' || score[0] > '5') continue;
    auto solved = day_of(t.get("solved_at"));
    if ((s.q.since || s.q.until) && !s.in_period(solved)) continue;
    int n = score[0] - '0';
    for (Row* r : {&rows[{t.get("owner").empty(), t.get("owner")}], &total}) {
      r->responses += 1;
      r->sum += n;
      if (n >= 4) r->satisfied += 1;
    }
  }
  Report r;
  r.name = "csat";
  r.columns = {"owner", "responses", "satisfied", "satisfied_pct", "average"};
  r.bar_column = -1;
  r.chart_column = 3;  // html: satisfied_pct per owner
  auto cells = [&](ReportCell first, const Row& row) {
    return std::vector<ReportCell>{
        std::move(first), ReportCell::of_int(row.responses), ReportCell::of_int(row.satisfied),
        rate_cell(row.satisfied, row.responses),
        row.responses ? ReportCell::of_number(dec(row.sum).divide(dec(row.responses), 2), 2) : ReportCell::null()};
  };
  for (const auto& [key, row] : rows) r.rows.push_back(cells(text_or_blank(key.second), row));
  r.totals.push_back(cells(ReportCell::of_text("total"), total));
  return r;
}

}  // namespace

std::optional<double> median_of(std::vector<long long> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  if (n % 2) return static_cast<double>(v[n / 2]);
  return (static_cast<double>(v[n / 2 - 1]) + static_cast<double>(v[n / 2])) / 2;
}

std::optional<long long> p90_of(std::vector<long long> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  size_t rank = (v.size() * 9 + 9) / 10;  // ⌈0.9·n⌉
  return v[rank - 1];
}

Report service_report(const Store& store, const ServiceReportRequest& q) {
  Scope s(store, q);
  if (q.name == "tickets") return tickets_report(s);
  if (q.name == "sla") return sla_report(s);
  return csat_report(s);
}

}  // namespace crm
