#include "crm/reports.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "crm/campaign.hpp"
#include "crm/csv.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/derived_fields.hpp"
#include "crm/error.hpp"
#include "crm/json.hpp"
#include "crm/related.hpp"
#include "crm/service_reports.hpp"
#include "crm/suggest.hpp"
#include "crm/task_workflow.hpp"
#include "crm/text.hpp"
#include "crm/value_reports.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

struct ReportSpec {
  std::string name;
  std::string subject;          // the type the filter applies to
  std::vector<std::string> by;  // "" first: the default
  bool has_period = true;
};

const std::vector<ReportSpec>& specs() {
  static const std::vector<ReportSpec> kSpecs = {
      {"pipeline", "deal", {"", "stage"}, false},
      {"forecast", "deal", {"", "month", "quarter"}},
      {"funnel", "deal", {"", "stage"}},
      {"winrate", "deal", {"", "owner", "source", "month", "quarter"}},
      {"velocity", "deal", {""}},
      {"sources", "lead", {"", "source"}},
      {"activity", "activity", {"", "week", "month", "quarter"}},
      {"overdue", "task", {""}},
      {"stale", "deal", {""}, false},
      {"tickets", "ticket", {"", "owner", "team", "category", "channel"}, false},
      {"sla", "ticket", {"", "week", "month"}},
      {"csat", "ticket", {""}},
      {"customers", "contact", {"", "company"}, false},
      {"rfm", "contact", {"", "company"}, false},
      {"revenue", "order", {"", "month", "quarter"}},
      {"churn", "contact", {"", "month", "quarter"}},
      {"cohorts", "contact", {"", "month", "quarter"}},
      {"products", "order", {"", "pair"}},
      {"campaign", "campaign", {""}, false},
  };
  return kSpecs;
}

const ReportSpec& spec(const std::string& name) {
  for (const ReportSpec& s : specs())
    if (s.name == name) return s;
  throw UsageError((name.empty()
                        ? std::string("which report?")
                        : "unknown report \"" + escape_for_terminal(name) + "\"" + did_you_mean(name, report_names())) +
                   " (reports: " + join(report_names(), ", ") + ")");
}

// ---- time ------------------------------------------------------------------

// A stored date or timestamp as an instant; a date is its midnight UTC.
std::optional<Seconds> instant(const std::string& text) {
  if (auto t = parse_iso_datetime(text)) return *t;
  if (auto d = parse_iso_date(text)) return Seconds{*d};
  return std::nullopt;
}

std::optional<Days> day_of(const std::string& text) {
  if (auto t = instant(text)) return date::floor<date::days>(*t);
  return std::nullopt;
}

enum class Grain { Week, Month, Quarter };

Grain grain_of(const std::string& by, Grain fallback) {
  if (by == "week") return Grain::Week;
  if (by == "month") return Grain::Month;
  if (by == "quarter") return Grain::Quarter;
  return fallback;
}

Days bucket_start(Days d, Grain g) {
  if (g == Grain::Week) return d - (date::weekday{d} - date::Monday);
  date::year_month_day ymd{d};
  unsigned m = static_cast<unsigned>(ymd.month());
  if (g == Grain::Quarter) m = (m - 1) / 3 * 3 + 1;
  return date::sys_days{ymd.year() / date::month{m} / 1};
}

Days add_months(Days month_start, int n) {
  date::year_month_day ymd{month_start};
  date::year_month ym = ymd.year() / ymd.month();
  ym += date::months{n};
  return date::sys_days{ym / 1};
}

Days next_bucket(Days start, Grain g) {
  if (g == Grain::Week) return start + date::days{7};
  return add_months(start, g == Grain::Quarter ? 3 : 1);
}

std::string two_digits(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// 2026-W47 (ISO 8601: the week belongs to the year of its Thursday), 2026-11, 2026-Q4.
std::string bucket_label(Days d, Grain g) {
  if (g == Grain::Week) {
    Days thursday = bucket_start(d, Grain::Week) + date::days{3};
    date::year y = date::year_month_day{thursday}.year();
    auto week = (thursday - date::sys_days{y / date::January / 1}).count() / 7 + 1;
    return std::to_string(static_cast<int>(y)) + "-W" + two_digits(static_cast<unsigned>(week));
  }
  date::year_month_day ymd{d};
  unsigned m = static_cast<unsigned>(ymd.month());
  std::string year = std::to_string(static_cast<int>(ymd.year()));
  if (g == Grain::Quarter) return year + "-Q" + std::to_string((m - 1) / 3 + 1);
  return year + "-" + two_digits(m);
}

// ---- records ---------------------------------------------------------------

enum class DealState { Open, Won, Lost, Unknown };

// Deals in a stage the pipeline does not know are left out of every report,
// as pipeline_report does; `crm check` reports them.
DealState state_of(const Record& deal, const Config& config) {
  const Stage* stage = config.stage(deal.get("stage"));
  if (!stage) return DealState::Unknown;
  if (stage->closed.empty()) return DealState::Open;
  return stage->closed == "won" ? DealState::Won : DealState::Lost;
}

std::string currency_of(const Record& deal, const Config& config) {
  std::string own = deal.get("currency");
  return own.empty() ? config.currency : own;
}

// A deal without an amount counts as a deal worth 0, as in pipeline_report.
Decimal amount_of(const Record& deal) { return Decimal::parse(deal.get("amount")).value_or(Decimal()); }

Decimal dec(long long n) { return Decimal::from_int(n); }

// part / whole as a percentage with one decimal, rounded once; n/a over nothing.
ReportCell rate_cell(const Decimal& part, const Decimal& whole) {
  if (whole.is_zero()) return ReportCell::null();
  return ReportCell::of_percent((part * dec(100)).divide(whole, 1));
}

ReportCell text_or_blank(const std::string& s) { return s.empty() ? ReportCell::blank() : ReportCell::of_text(s); }

// Groups sort by name, the unset group last.
using GroupKey = std::pair<bool, std::string>;
GroupKey group_key(const std::string& name) { return {name.empty(), name}; }

// What one report run sees: the request, the store's records (read once per
// type), and the period, which the dashboard sets on its own.
class Scope {
 public:
  Scope(const Store& the_store, const ReportRequest& the_request, std::string subject)
      : store(the_store),
        config(the_store.config()),
        request(the_request),
        since(the_request.since),
        until(the_request.until),
        today(the_store.clock().today),
        subject_(std::move(subject)) {}

  const Store& store;
  const Config& config;
  const ReportRequest& request;
  std::optional<Days> since, until;
  Days today;

  bool in_period(Days d) const { return (!since || d >= *since) && (!until || d <= *until); }
  bool unbounded() const { return !since && !until; }

  // `required`: a field without which no record of `type` counts (contacts
  // count by their follow-up alone): the others are never decoded.
  const std::vector<Record>& all(const std::string& type, const std::string& required = "") const {
    auto it = loaded_.find(type + "\n" + required);
    if (it == loaded_.end()) {
      // Only the fields reports read are decoded from the index (and those
      // the filter reads; a bare word reads every field): a dashboard over
      // 200,000 records stays small.
      const Schema& schema = store.schemas().get(type);
      std::vector<std::string> only = {
          "activity",    "amount",        "at",       "close_date",     "closed_at",   "company",   "completed_at",
          "contacts",    "created",       "currency", "do_not_contact", "due",         "follow_up", "kind",
          "lost_reason", "name",          "next",     "owner",          "probability", "recur",     "source",
          "stage",       "stage_history", "status",   "title",          "with",        schema.title};
      bool partial = type != subject_ || request.filter.empty() || request.filter.fields_used(only);
      if (type == subject_) only = derived_sources(schema, only);  // a filter on a ticket's age reads its stamps
      Store::Keep has{{required}, [&](const Record& r) {
                        const Node* v = r.data.find(required);
                        return v && !v->empty();
                      }};
      it = loaded_
               .emplace(type + "\n" + required,
                        store.load_all(schema, partial ? &only : nullptr, required.empty() ? nullptr : &has).records)
               .first;
    }
    return it->second;
  }

  // The records of `type` the report counts: the owner's, and, for the
  // report's own type, those the filter matches.
  std::vector<const Record*> chosen(const std::string& type, const std::string& required = "") const {
    std::vector<const Record*> out;
    NameOf name_of = name_lookup();
    const std::vector<Record>& records = all(type, required);
    std::vector<bool> matched;  // derived fields (breached=true) computed for the test alone
    if (type == subject_)
      matched = select_with_derived(store, store.schemas().get(type), request.filter, records, name_of);
    for (size_t i = 0; i < records.size(); ++i) {
      const Record& r = records[i];
      if (!request.owner.empty() && !equals_ci(r.get("owner"), request.owner)) continue;
      if (type == subject_ && !matched[i]) continue;
      out.push_back(&r);
    }
    return out;
  }

 private:
  // A filter on a reference may name the record: `company=Acme`.
  NameOf name_lookup() const {
    if (!names_) names_ = record_names(store);
    return names_;
  }

  std::string subject_;
  mutable NameOf names_;  // made on first use: shares one cache across the report
  mutable std::map<std::string, std::vector<Record>> loaded_;
};

// Won or lost in the scope's period: by closed_at. A closed deal without
// closed_at cannot be placed in time and is not counted.
std::optional<Days> closed_in_period(const Record& deal, const Scope& s) {
  auto closed = day_of(deal.get("closed_at"));
  if (!closed || !s.in_period(*closed)) return std::nullopt;
  return closed;
}

// ---- forecast --------------------------------------------------------------

struct ForecastSum {
  long long count = 0;
  Decimal amount, weighted, won;
};

struct ForecastData {
  std::vector<std::string> buckets;
  std::map<std::pair<std::string, std::string>, ForecastSum> sums;  // (bucket, currency)
  std::map<std::string, ForecastSum> totals;                        // currency
};

ForecastData forecast_data(const Scope& s, Days from, Days to, Grain grain) {
  ForecastData f;
  for (Days b = bucket_start(from, grain); b <= to; b = next_bucket(b, grain))
    f.buckets.push_back(bucket_label(b, grain));
  auto in_range = [&](Days d) { return d >= from && d <= to; };
  for (const Record* d : s.chosen("deal")) {
    DealState state = state_of(*d, s.config);
    std::string currency = currency_of(*d, s.config);
    if (state == DealState::Open) {
      auto close = day_of(d->get("close_date"));
      if (!close || !in_range(*close)) continue;  // no close date: not forecast in any month
      Decimal amount = amount_of(*d);
      Decimal weighted = weighted_amount(amount, deal_probability(*d, s.config));
      for (ForecastSum* x : {&f.sums[{bucket_label(*close, grain), currency}], &f.totals[currency]}) {
        x->count += 1;
        x->amount = x->amount + amount;
        x->weighted = x->weighted + weighted;
      }
    } else if (state == DealState::Won) {
      auto closed = day_of(d->get("closed_at"));
      if (!closed || !in_range(*closed)) continue;
      for (ForecastSum* x : {&f.sums[{bucket_label(*closed, grain), currency}], &f.totals[currency]})
        x->won = x->won + amount_of(*d);
    }
  }
  return f;
}

std::vector<std::string> currencies_or_default(const std::vector<std::string>& used, const Config& config) {
  return used.empty() ? std::vector<std::string>{config.currency} : used;
}

template <class Map>
std::vector<std::string> keys(const Map& m) {
  std::vector<std::string> out;
  for (const auto& [k, _] : m) out.push_back(k);
  return out;
}

Report forecast_report(const Scope& s) {
  Grain grain = grain_of(s.request.by, Grain::Month);
  // Without a period: by month, this month and the five after it; by
  // quarter, this quarter and the next. Months already begun count whole,
  // so deals that were expected earlier this month still show.
  Days from = s.since ? *s.since : bucket_start(s.today, grain);
  Days to = s.until ? *s.until : add_months(bucket_start(from, Grain::Month), 6) - date::days{1};
  if (!s.until && grain == Grain::Quarter) to = add_months(bucket_start(from, Grain::Quarter), 6) - date::days{1};
  ForecastData f = forecast_data(s, from, to, grain);

  Report r;
  r.name = "forecast";
  r.columns = {"period", "currency", "count", "amount", "weighted", "won"};
  r.bar_column = 4;
  auto cells = [](const std::string& label, const std::string& cur, const ForecastSum& x) {
    return std::vector<ReportCell>{ReportCell::of_text(label),
                                   ReportCell::of_text(cur),
                                   ReportCell::of_int(x.count),
                                   ReportCell::of_money(x.amount, cur),
                                   ReportCell::of_money(x.weighted, cur),
                                   ReportCell::of_money(x.won, cur)};
  };
  // Every period for every currency: a forecast shows its quiet months too.
  std::vector<std::string> currencies = currencies_or_default(keys(f.totals), s.config);
  for (const std::string& bucket : f.buckets)
    for (const std::string& cur : currencies) {
      auto it = f.sums.find({bucket, cur});
      r.rows.push_back(cells(bucket, cur, it == f.sums.end() ? ForecastSum{} : it->second));
    }
  for (const std::string& cur : currencies) r.totals.push_back(cells("total", cur, f.totals[cur]));
  return r;
}

// ---- funnel ----------------------------------------------------------------

Report funnel_report(const Scope& s) {
  // The chain runs through the open stages and the won stage in pipeline
  // order; a lost stage is no step forward, so it follows the chain with no
  // conversion of its own.
  std::vector<const Stage*> chain, lost;
  for (const Stage& st : s.config.pipeline) (st.closed == "lost" ? lost : chain).push_back(&st);
  std::map<std::string, long long> reached;
  for (const Record* d : s.chosen("deal")) {
    auto created = day_of(d->get("created"));
    if (created ? !s.in_period(*created) : !s.unbounded()) continue;
    // Exactly what the history records: a stage skipped on the way is not reached.
    std::set<std::string> stages;
    if (const Node* history = d->find("stage_history"))
      for (const Node& entry : history->items)
        if (const Stage* st = s.config.stage(entry.get("stage"))) stages.insert(st->name);
    for (const std::string& name : stages) reached[name] += 1;
  }
  Report r;
  r.name = "funnel";
  r.columns = {"stage", "reached", "conversion"};
  r.bar_column = 1;
  for (size_t i = 0; i < chain.size(); ++i) {
    long long here = reached[chain[i]->name];
    ReportCell conversion =
        i + 1 < chain.size() ? rate_cell(dec(reached[chain[i + 1]->name]), dec(here)) : ReportCell::blank();
    r.rows.push_back({ReportCell::of_text(chain[i]->name), ReportCell::of_int(here), conversion});
  }
  for (const Stage* st : lost)
    r.rows.push_back({ReportCell::of_text(st->name), ReportCell::of_int(reached[st->name]), ReportCell::blank()});
  return r;
}

// ---- winrate ---------------------------------------------------------------

struct WinLoss {
  long long won = 0, lost = 0;
  Decimal won_amount, lost_amount;

  void add(const WinLoss& o) {
    won += o.won;
    lost += o.lost;
    won_amount = won_amount + o.won_amount;
    lost_amount = lost_amount + o.lost_amount;
  }
};

// Deals won or lost in the period, per (group, currency).
std::map<std::pair<GroupKey, std::string>, WinLoss> win_loss(const Scope& s, const std::string& by) {
  std::map<std::pair<GroupKey, std::string>, WinLoss> out;
  for (const Record* d : s.chosen("deal")) {
    DealState state = state_of(*d, s.config);
    if (state != DealState::Won && state != DealState::Lost) continue;
    auto closed = closed_in_period(*d, s);
    if (!closed) continue;
    std::string group;
    if (by == "owner" || by == "source")
      group = d->get(by);
    else if (!by.empty())
      group = bucket_label(*closed, grain_of(by, Grain::Month));
    WinLoss& w = out[{group_key(group), currency_of(*d, s.config)}];
    if (state == DealState::Won) {
      w.won += 1;
      w.won_amount = w.won_amount + amount_of(*d);
    } else {
      w.lost += 1;
      w.lost_amount = w.lost_amount + amount_of(*d);
    }
  }
  return out;
}

Report winrate_report(const Scope& s) {
  const std::string& by = s.request.by;
  auto groups = win_loss(s, by);
  Report r;
  r.name = "winrate";
  if (!by.empty()) r.columns.push_back(by == "month" || by == "quarter" ? "period" : by);
  for (const char* c : {"currency", "won", "lost", "rate", "won_amount", "lost_amount", "amount_rate"})
    r.columns.push_back(c);
  auto cells = [&](std::optional<ReportCell> group, const std::string& cur, const WinLoss& w) {
    std::vector<ReportCell> row;
    if (group) row.push_back(*group);
    row.insert(row.end(),
               {ReportCell::of_text(cur), ReportCell::of_int(w.won), ReportCell::of_int(w.lost),
                rate_cell(dec(w.won), dec(w.won + w.lost)), ReportCell::of_money(w.won_amount, cur),
                ReportCell::of_money(w.lost_amount, cur), rate_cell(w.won_amount, w.won_amount + w.lost_amount)});
    return row;
  };
  std::map<std::string, WinLoss> per_currency;
  WinLoss everything;
  for (const auto& [key, w] : groups) {
    per_currency[key.second].add(w);
    everything.add(w);
  }
  std::vector<std::string> currencies = currencies_or_default(keys(per_currency), s.config);
  if (by.empty()) {
    for (const std::string& cur : currencies) r.rows.push_back(cells(std::nullopt, cur, per_currency[cur]));
  } else {
    for (const auto& [key, w] : groups) r.rows.push_back(cells(text_or_blank(key.first.second), key.second, w));
    for (const std::string& cur : currencies)
      r.totals.push_back(cells(ReportCell::of_text("total"), cur, per_currency[cur]));
  }
  // Counts add up across currencies, amounts never: one more line with the
  // overall count rate, its amounts left empty.
  if (currencies.size() > 1) {
    std::vector<ReportCell> all =
        cells(by.empty() ? std::nullopt : std::optional(ReportCell::of_text("total")), "all", everything);
    for (size_t i = all.size() - 3; i < all.size(); ++i) all[i] = ReportCell::blank();
    r.totals.push_back(all);
  }
  return r;
}

// ---- velocity --------------------------------------------------------------

Report velocity_report(const Scope& s) {
  struct Sums {
    long long open = 0, won = 0, lost = 0;
    Decimal won_amount;
    long long cycles = 0;  // won deals with a usable created → closed_at
    long long cycle_seconds = 0;
  };
  std::map<std::string, Sums> per_currency;
  for (const Record* d : s.chosen("deal")) {
    DealState state = state_of(*d, s.config);
    // #open is the pipeline as it stands today, whatever the period.
    if (state == DealState::Unknown || (state != DealState::Open && !closed_in_period(*d, s))) continue;
    Sums& x = per_currency[currency_of(*d, s.config)];
    if (state == DealState::Open) {
      x.open += 1;
      continue;
    }
    if (state == DealState::Lost) {
      x.lost += 1;
      continue;
    }
    x.won += 1;
    x.won_amount = x.won_amount + amount_of(*d);
    auto created = instant(d->get("created"));
    auto closed = instant(d->get("closed_at"));
    // A deal closed before its record was made (imported history) has no
    // cycle to measure; it still counts as won.
    if (created && closed && *closed >= *created) {
      x.cycles += 1;
      x.cycle_seconds += (*closed - *created).count();
    }
  }
  Report r;
  r.name = "velocity";
  r.columns = {"currency", "open", "won", "lost", "average_deal", "win_rate", "cycle_days", "velocity"};
  for (const std::string& cur : currencies_or_default(keys(per_currency), s.config)) {
    const Sums& x = per_currency[cur];
    ReportCell average = x.won ? ReportCell::of_money(x.won_amount.divide(dec(x.won), 2), cur) : ReportCell::null();
    ReportCell cycle =
        x.cycles ? ReportCell::of_number(dec(x.cycle_seconds).divide(dec(x.cycles * 86400), 1), 1) : ReportCell::null();
    // open × (Σwon / #won) × (#won / (#won + #lost)) / (Σcycle / #cycles / 86400),
    // from the exact parts with one rounding at the end, not from the rounded cells.
    ReportCell velocity = ReportCell::null();
    if (x.won && x.cycle_seconds > 0)
      velocity = ReportCell::of_money((dec(x.open) * x.won_amount * dec(x.cycles) * dec(86400))
                                          .divide(dec((x.won + x.lost)) * dec(x.cycle_seconds), 2),
                                      cur);
    r.rows.push_back({ReportCell::of_text(cur), ReportCell::of_int(x.open), ReportCell::of_int(x.won),
                      ReportCell::of_int(x.lost), average, rate_cell(dec(x.won), dec(x.won + x.lost)), cycle,
                      velocity});
  }
  return r;
}

// ---- sources ---------------------------------------------------------------

Report sources_report(const Scope& s) {
  struct Leads {
    long long count = 0, converted = 0;
  };
  struct Won {
    long long count = 0;
    Decimal amount;
  };
  std::map<GroupKey, Leads> leads;
  std::map<GroupKey, std::map<std::string, Won>> won;  // source → currency → won deals
  for (const Record* l : s.chosen("lead")) {
    auto created = day_of(l->get("created"));
    if (created ? !s.in_period(*created) : !s.unbounded()) continue;
    Leads& x = leads[group_key(l->get("source"))];
    x.count += 1;
    if (l->get("status") == "converted") x.converted += 1;
  }
  // The filter is about leads; the won deals are the owner's, closed in the period.
  for (const Record* d : s.chosen("deal")) {
    if (state_of(*d, s.config) != DealState::Won || !closed_in_period(*d, s)) continue;
    Won& w = won[group_key(d->get("source"))][currency_of(*d, s.config)];
    w.count += 1;
    w.amount = w.amount + amount_of(*d);
  }
  std::set<GroupKey> sources;
  for (const auto& [k, _] : leads) sources.insert(k);
  for (const auto& [k, _] : won) sources.insert(k);

  Report r;
  r.name = "sources";
  r.columns = {"source", "currency", "leads", "converted", "conversion_rate", "won", "won_amount"};
  // A source whose deals were won in several currencies gets a line per
  // currency; its lead counts stand on the first line only, so that no count
  // is read twice.
  auto add_rows = [](std::vector<std::vector<ReportCell>>& rows, ReportCell label, const Leads& l,
                     const std::map<std::string, Won>& by_currency, const std::string& fallback) {
    std::map<std::string, Won> lines = by_currency;
    if (lines.empty()) lines[fallback];
    bool first = true;
    for (const auto& [cur, w] : lines) {
      std::vector<ReportCell> row{label, ReportCell::of_text(cur)};
      if (first)
        row.insert(row.end(), {ReportCell::of_int(l.count), ReportCell::of_int(l.converted),
                               rate_cell(dec(l.converted), dec(l.count))});
      else
        row.insert(row.end(), {ReportCell::blank(), ReportCell::blank(), ReportCell::blank()});
      row.insert(row.end(), {ReportCell::of_int(w.count), ReportCell::of_money(w.amount, cur)});
      rows.push_back(row);
      first = false;
    }
  };
  Leads all_leads;
  std::map<std::string, Won> all_won;
  for (const GroupKey& source : sources) {
    const Leads& l = leads[source];
    all_leads.count += l.count;
    all_leads.converted += l.converted;
    for (const auto& [cur, w] : won[source]) {
      all_won[cur].count += w.count;
      all_won[cur].amount = all_won[cur].amount + w.amount;
    }
    add_rows(r.rows, text_or_blank(source.second), l, won[source], s.config.currency);
  }
  add_rows(r.totals, ReportCell::of_text("total"), all_leads, all_won, s.config.currency);
  return r;
}

// ---- activity --------------------------------------------------------------

Report activity_report(const Scope& s) {
  Grain grain = grain_of(s.request.by, Grain::Month);
  std::vector<std::string> kinds;
  if (const Field* kind = s.store.schemas().get("activity").field("kind")) kinds = kind->values;
  struct Counts {
    std::map<std::string, long long> kind;
    long long count = 0, tasks_done = 0;
  };
  std::map<std::pair<std::string, GroupKey>, Counts> rows;  // (period, owner)
  Counts total;
  for (const Record* a : s.chosen("activity")) {
    auto at = day_of(a->get("at"));
    if (!at || !s.in_period(*at)) continue;
    for (Counts* c : {&rows[{bucket_label(*at, grain), group_key(a->get("owner"))}], &total}) {
      c->kind[a->get("kind")] += 1;
      c->count += 1;
    }
  }
  for (const Record* t : s.chosen("task")) {
    auto done = day_of(t->get("completed_at"));
    if (t->get("status") != "done" || !done || !s.in_period(*done)) continue;
    for (Counts* c : {&rows[{bucket_label(*done, grain), group_key(t->get("owner"))}], &total}) c->tasks_done += 1;
  }
  Report r;
  r.name = "activity";
  r.columns = {"period", "owner"};
  r.columns.insert(r.columns.end(), kinds.begin(), kinds.end());
  r.columns.insert(r.columns.end(), {"count", "tasks_done"});
  r.bar_column = static_cast<int>(2 + kinds.size());
  auto cells = [&](ReportCell period, ReportCell owner, const Counts& c) {
    std::vector<ReportCell> row{std::move(period), std::move(owner)};
    for (const std::string& k : kinds) {
      auto it = c.kind.find(k);
      row.push_back(ReportCell::of_int(it == c.kind.end() ? 0 : it->second));
    }
    row.insert(row.end(), {ReportCell::of_int(c.count), ReportCell::of_int(c.tasks_done)});
    return row;
  };
  for (const auto& [key, c] : rows)
    r.rows.push_back(cells(ReportCell::of_text(key.first), text_or_blank(key.second.second), c));
  r.totals.push_back(cells(ReportCell::of_text("total"), ReportCell::blank(), total));
  return r;
}

// ---- overdue ---------------------------------------------------------------

struct OverdueItem {
  std::string type, id, date, title, owner;
  Seconds at;
  long long days = 0;
};

// Open tasks past due (a due time earlier today counts), then contacts whose
// follow-up day has passed; each oldest first. The period, when given,
// bounds the due or follow-up day.
std::vector<OverdueItem> overdue_items(const Scope& s) {
  const Clock& clock = s.store.clock();
  std::vector<OverdueItem> tasks, contacts;
  for (const Record* t : s.chosen("task")) {
    if (!task_is_open(*t)) continue;
    std::string due = t->get("due");
    bool has_time = parse_iso_datetime(due).has_value();
    auto at = instant(due);
    if (!at) continue;
    Days day = date::floor<date::days>(*at);
    if (!(has_time ? *at < clock.now : day < s.today) || !s.in_period(day)) continue;
    tasks.push_back({"task", t->id(), due, t->get("title"), t->get("owner"), *at, (s.today - day).count()});
  }
  for (const Record* c : s.chosen("contact", "follow_up")) {
    if (c->get("do_not_contact") == "true") continue;
    auto day = parse_iso_date(c->get("follow_up"));
    if (!day || *day >= s.today || !s.in_period(*day)) continue;
    contacts.push_back({"contact", c->id(), c->get("follow_up"), c->get("name"), c->get("owner"), Seconds{*day},
                        (s.today - *day).count()});
  }
  auto oldest_first = [](const OverdueItem& a, const OverdueItem& b) {
    return a.at != b.at ? a.at < b.at : a.id < b.id;
  };
  std::sort(tasks.begin(), tasks.end(), oldest_first);
  std::sort(contacts.begin(), contacts.end(), oldest_first);
  tasks.insert(tasks.end(), contacts.begin(), contacts.end());
  return tasks;
}

Report overdue_report(const Scope& s) {
  Report r;
  r.name = "overdue";
  r.columns = {"type", "id", "date", "title", "owner", "days_overdue"};
  for (const OverdueItem& i : overdue_items(s))
    r.rows.push_back({ReportCell::of_text(i.type), ReportCell::of_text(i.id), ReportCell::of_text(i.date),
                      ReportCell::of_text(i.title), text_or_blank(i.owner), ReportCell::of_int(i.days)});
  return r;
}

// ---- stale -----------------------------------------------------------------

struct StaleItem {
  const Record* deal;
  std::optional<Seconds> last_touch;
  long long idle = 0;
};

std::vector<StaleItem> stale_items(const Scope& s) {
  // Newest activity per record it was with.
  std::map<std::string, Seconds> touched;
  for (const Record& a : s.all("activity")) {
    auto at = instant(a.get("at"));
    const Node* with = a.find("with");
    if (!at || !with) continue;
    for (const Node& id : with->items) {
      auto [it, fresh] = touched.emplace(id.text, *at);
      if (!fresh && it->second < *at) it->second = *at;
    }
  }
  std::vector<StaleItem> out;
  for (const Record* d : s.chosen("deal")) {
    if (state_of(*d, s.config) != DealState::Open) continue;
    std::optional<Seconds> last;
    auto consider = [&](std::optional<Seconds> t) {
      if (t && (!last || *last < *t)) last = t;
    };
    auto touch_of = [&](const std::string& id) -> std::optional<Seconds> {
      auto it = touched.find(id);
      return it == touched.end() ? std::nullopt : std::optional<Seconds>(it->second);
    };
    consider(touch_of(d->id()));
    if (!d->get("company").empty()) consider(touch_of(d->get("company")));
    if (const Node* contacts = d->find("contacts"))
      for (const Node& c : contacts->items) consider(touch_of(c.text));
    if (const Node* history = d->find("stage_history"))
      for (const Node& entry : history->items) consider(instant(entry.get("at")));
    // Never worked on and never moved: idle since it was made.
    if (!last) consider(instant(d->get("created")));
    const Stage* stage = s.config.stage(d->get("stage"));
    int limit = s.request.days > 0 ? s.request.days : (stage->stale_after > 0 ? stage->stale_after : 30);
    StaleItem item{d, last, 0};
    if (last) {
      item.idle = (s.today - date::floor<date::days>(*last)).count();
      if (item.idle <= limit) continue;
    }
    out.push_back(item);
  }
  // Most idle first; a deal with no date at all leads.
  std::sort(out.begin(), out.end(), [](const StaleItem& a, const StaleItem& b) {
    if (a.last_touch.has_value() != b.last_touch.has_value()) return !a.last_touch;
    if (a.idle != b.idle) return a.idle > b.idle;
    return a.deal->id() < b.deal->id();
  });
  return out;
}

Report stale_report(const Scope& s) {
  Report r;
  r.name = "stale";
  r.columns = {"id", "name", "stage", "owner", "last_touch", "days_idle"};
  for (const StaleItem& i : stale_items(s)) {
    const Record& d = *i.deal;
    r.rows.push_back({ReportCell::of_text(d.id()), ReportCell::of_text(d.get("name")),
                      ReportCell::of_text(d.get("stage")), text_or_blank(d.get("owner")),
                      i.last_touch ? ReportCell::of_text(format_datetime(*i.last_touch)) : ReportCell::null(),
                      i.last_touch ? ReportCell::of_int(i.idle) : ReportCell::null()});
  }
  return r;
}

// ---- pipeline --------------------------------------------------------------

Report pipeline_of(const Scope& s) {
  std::vector<Record> deals;
  for (const Record* d : s.chosen("deal")) deals.push_back(*d);
  ReportOptions o;
  o.all_stages = s.request.all_stages;
  return pipeline_report(s.store, deals, o);
}

}  // namespace

const std::vector<std::string>& report_names() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const ReportSpec& s : specs()) names.push_back(s.name);
    return names;
  }();
  return kNames;
}

std::string report_subject(const std::string& name, const std::string& by) {
  const ReportSpec& sp = spec(name);
  if ((name == "customers" || name == "rfm") && by == "company") return "company";
  return sp.subject;
}

std::vector<std::string> report_reads(const std::string& name, const std::string& by) {
  std::vector<std::string> out = {report_subject(name, by)};
  for (const std::string& t : derived_reads(out.front())) out.push_back(t);  // contact, company: the orders
  return out;
}

std::vector<std::string> report_by_values(const std::string& name) { return spec(name).by; }

Report build_report(const Store& store, const ReportRequest& q) {
  const ReportSpec& sp = spec(q.name);
  if (std::find(sp.by.begin(), sp.by.end(), q.by) == sp.by.end()) {
    std::vector<std::string> allowed(sp.by.begin() + 1, sp.by.end());
    throw UsageError("report " + sp.name + " takes " +
                     (allowed.empty() ? std::string("no --by") : "--by " + join(allowed, "|")) + ", not \"" +
                     escape_for_terminal(q.by) + "\"");
  }
  if (!sp.has_period && (q.since || q.until))
    throw UsageError("report " + sp.name + " is about today: it takes no --since or --until");
  if (q.since && q.until && *q.until < *q.since)
    throw UsageError("--since " + format_date(*q.since) + " is after --until " + format_date(*q.until));
  if (q.days < 0) throw UsageError("--days must be 0 or more");
  if (q.days != 0 && sp.name != "stale") throw UsageError("--days is for report stale");
  if (q.all_stages && sp.name != "pipeline") throw UsageError("--all is for report pipeline");

  if (sp.name == "customers" || sp.name == "rfm" || sp.name == "revenue" || sp.name == "churn" ||
      sp.name == "cohorts" || sp.name == "products") {  // customer value: value_reports.hpp
    if (sp.name == "revenue" && !q.owner.empty())
      throw UsageError("report revenue takes no --owner (orders have none; filter them instead)");
    if ((sp.name == "churn" || sp.name == "cohorts" || sp.name == "products") &&
        (!q.owner.empty() || !q.filter.empty()))
      throw UsageError("report " + sp.name + " takes no filter and no --owner: it is about every customer");
    ValueReportRequest vq{sp.name, q.since, q.until, q.owner, q.by, &q.filter};
    return value_report(store, vq);
  }
  if (sp.name == "campaign") {  // mail out: campaign.hpp
    if (!q.owner.empty()) throw UsageError("report campaign takes no --owner (campaigns have none; filter them)");
    return campaign_report(store, q.filter);
  }
  if (sp.subject == "ticket") {  // customer service: service_reports.hpp
    ServiceReportRequest sq{sp.name, q.since, q.until, q.owner, q.by, &q.filter};
    return service_report(store, sq);
  }
  Scope s(store, q, sp.subject);
  if (sp.name == "pipeline") return pipeline_of(s);
  if (sp.name == "forecast") return forecast_report(s);
  if (sp.name == "funnel") return funnel_report(s);
  if (sp.name == "winrate") return winrate_report(s);
  if (sp.name == "velocity") return velocity_report(s);
  if (sp.name == "sources") return sources_report(s);
  if (sp.name == "activity") return activity_report(s);
  if (sp.name == "overdue") return overdue_report(s);
  return stale_report(s);
}

// ---- dashboard -------------------------------------------------------------

Dashboard build_dashboard(const Store& store, const std::string& owner) {
  ReportRequest q;
  q.owner = owner;
  Scope s(store, q, "");
  const Config& config = store.config();
  store.prefetch({&store.schemas().get("task"), &store.schemas().get("contact"), &store.schemas().get("activity")});
  Dashboard b;
  b.today = s.today;
  b.owner = owner;

  std::map<std::string, CurrencySums> pipeline;
  for (const Record* d : s.chosen("deal")) {
    if (state_of(*d, config) != DealState::Open) continue;
    CurrencySums& x = pipeline[currency_of(*d, config)];
    Decimal amount = amount_of(*d);
    x.count += 1;
    x.amount = x.amount + amount;
    x.weighted = x.weighted + weighted_amount(amount, deal_probability(*d, config));
  }
  for (const std::string& cur : currencies_or_default(keys(pipeline), config)) {
    CurrencySums x = pipeline[cur];
    x.currency = cur;
    b.pipeline.push_back(x);
  }

  Days month = bucket_start(s.today, Grain::Month);
  b.month = bucket_label(month, Grain::Month);
  ForecastData f = forecast_data(s, month, add_months(month, 1) - date::days{1}, Grain::Month);
  for (const std::string& cur : currencies_or_default(keys(f.totals), config)) {
    const ForecastSum& x = f.totals[cur];
    b.forecast.push_back({cur, x.count, x.amount, x.weighted, x.won});
  }

  // As `crm report winrate --since -90d`.
  b.win_since = s.today - date::days{90};
  s.since = b.win_since;
  s.until = s.today;
  for (const auto& [_, w] : win_loss(s, "")) {
    b.won += w.won;
    b.lost += w.lost;
  }
  if (b.won + b.lost > 0) b.win_rate = (dec(b.won) * dec(100)).divide(dec(b.won + b.lost), 1);
  s.since = s.until = std::nullopt;

  for (const OverdueItem& i : overdue_items(s)) b.overdue_tasks += i.type == "task";
  b.stale_deals = static_cast<long long>(stale_items(s).size());
  // Due, as in `crm agenda`: today's follow-ups count too.
  for (const Record* c : s.chosen("contact", "follow_up")) {
    auto day = parse_iso_date(c->get("follow_up"));
    if (day && *day <= s.today && c->get("do_not_contact") != "true") b.follow_ups_due += 1;
  }
  return b;
}

namespace {

Node number(const Decimal& d) { return Node::scalar(d.str(), true); }
Node number(long long n) { return Node::scalar(std::to_string(n), true); }

Node dashboard_node(const Dashboard& b) {
  Node doc = Node::map();
  doc.set("today", Node::scalar(format_date(b.today)));
  doc.set("owner", b.owner.empty() ? Node() : Node::scalar(b.owner));
  Node pipeline = Node::sequence();
  for (const CurrencySums& x : b.pipeline) {
    Node m = Node::map();
    m.set("currency", Node::scalar(x.currency));
    m.set("count", number(x.count));
    m.set("amount", number(x.amount));
    m.set("weighted", number(x.weighted));
    pipeline.items.push_back(m);
  }
  doc.set("pipeline", pipeline);
  doc.set("month", Node::scalar(b.month));
  Node forecast = Node::sequence();
  for (const CurrencySums& x : b.forecast) {
    Node m = Node::map();
    m.set("currency", Node::scalar(x.currency));
    m.set("count", number(x.count));
    m.set("amount", number(x.amount));
    m.set("weighted", number(x.weighted));
    m.set("won", number(x.won));
    forecast.items.push_back(m);
  }
  doc.set("forecast", forecast);
  Node win = Node::map();
  win.set("since", Node::scalar(format_date(b.win_since)));
  win.set("until", Node::scalar(format_date(b.today)));
  win.set("won", number(b.won));
  win.set("lost", number(b.lost));
  win.set("rate", b.win_rate ? number(*b.win_rate) : Node());
  doc.set("winrate", win);
  doc.set("overdue_tasks", number(b.overdue_tasks));
  doc.set("stale_deals", number(b.stale_deals));
  doc.set("follow_ups_due", number(b.follow_ups_due));
  return doc;
}

std::string money(const Decimal& d, const std::string& currency) { return currency + " " + d.format(2); }

std::string deals(long long n) { return std::to_string(n) + (n == 1 ? " deal" : " deals"); }

}  // namespace

Table dashboard_table(const Dashboard& b) {
  Table t;
  t.name = "dashboard";
  t.single = t.single_yaml = true;
  // json/yaml: one document; csv/tsv: one metric a line.
  t.objects.push_back(json_of_node(dashboard_node(b)));
  t.nodes.push_back(dashboard_node(b));
  t.columns = {{"metric", "", ColumnType::Word, 0, 0},
               {"currency", "", ColumnType::Word, 0, 0},
               {"value", "", ColumnType::Word, 0, 0}};
  auto line = [&](const std::string& metric, const std::string& currency, const std::string& value) {
    t.rows.push_back({{Cell::of(metric), Cell::of(currency), Cell::of(value)}, Tone::None, false});
  };
  for (const CurrencySums& x : b.pipeline) {
    line("open_deals", x.currency, std::to_string(x.count));
    line("open_amount", x.currency, x.amount.str());
    line("open_weighted", x.currency, x.weighted.str());
  }
  for (const CurrencySums& x : b.forecast) {
    line("month_deals", x.currency, std::to_string(x.count));
    line("month_amount", x.currency, x.amount.str());
    line("month_weighted", x.currency, x.weighted.str());
    line("month_won", x.currency, x.won.str());
  }
  line("won_90d", "", std::to_string(b.won));
  line("lost_90d", "", std::to_string(b.lost));
  line("win_rate_90d", "", b.win_rate ? b.win_rate->str() : "");
  line("overdue_tasks", "", std::to_string(b.overdue_tasks));
  line("stale_deals", "", std::to_string(b.stale_deals));
  line("follow_ups_due", "", std::to_string(b.follow_ups_due));
  // A table: the dashboard as a person reads it, label first.
  t.text = [b](const OutputOptions& o) {
    Table d;
    d.header = false;
    d.title = "Dashboard " + format_date(b.today) + (b.owner.empty() ? "" : " (" + b.owner + ")");
    d.columns.resize(5);
    auto add = [&](std::vector<std::string> cells, Tone tone = Tone::None) {
      Row r;
      for (std::string& c : cells) {
        Cell cell = Cell::of(c);
        cell.null = false;
        r.cells.push_back(cell);
      }
      if (!r.cells.empty()) r.cells[1].tone = tone;
      d.rows.push_back(r);
    };
    for (size_t i = 0; i < b.pipeline.size(); ++i) {
      const CurrencySums& x = b.pipeline[i];
      add({i ? "" : "Open pipeline", deals(x.count), money(x.amount, x.currency),
           "weighted " + money(x.weighted, x.currency)});
    }
    for (size_t i = 0; i < b.forecast.size(); ++i) {
      const CurrencySums& x = b.forecast[i];
      add({i ? "" : "Closing in " + b.month, deals(x.count), money(x.amount, x.currency),
           "weighted " + money(x.weighted, x.currency), "won " + money(x.won, x.currency)});
    }
    add({"Win rate, 90 days", b.win_rate ? b.win_rate->format(1, 0) + "%" : "n/a",
         std::to_string(b.won) + " won, " + std::to_string(b.lost) + " lost"});
    add({"Overdue tasks", std::to_string(b.overdue_tasks)}, b.overdue_tasks > 0 ? Tone::Bad : Tone::None);
    add({"Stale deals", std::to_string(b.stale_deals)}, b.stale_deals > 0 ? Tone::Warn : Tone::None);
    add({"Follow-ups due", std::to_string(b.follow_ups_due)}, b.follow_ups_due > 0 ? Tone::Warn : Tone::None);
    for (Column& c : d.columns) c.type = ColumnType::Word;
    return render(d, o);
  };
  return t;
}

std::string render_dashboard(const Dashboard& b, Format format, const ReportStyle& style) {
  OutputOptions o;
  o.format = format;
  o.color = style.color;
  o.unicode = style.unicode;
  o.raw = style.raw;
  return render(dashboard_table(b), o);
}

}  // namespace crm
