#include "crm/value_reports.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "crm/customer_value.hpp"
#include "crm/derived_fields.hpp"
#include "crm/order_workflow.hpp"
#include "crm/related.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

Decimal dec(long long n) { return Decimal::from_int(n); }

std::string two_digits(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// The first day of d's month or quarter.
Days period_start(Days d, bool quarter) {
  date::year_month_day ymd{d};
  unsigned m = static_cast<unsigned>(ymd.month());
  if (quarter) m = (m - 1) / 3 * 3 + 1;
  return date::sys_days{ymd.year() / date::month{m} / 1};
}

Days next_period(Days start, bool quarter) {
  date::year_month_day ymd{start};
  return date::sys_days{(ymd.year() / ymd.month() / 1) + date::months{quarter ? 3 : 1}};
}

// 2026-11 or 2026-Q4.
std::string period_label(Days start, bool quarter) {
  date::year_month_day ymd{start};
  unsigned m = static_cast<unsigned>(ymd.month());
  return std::to_string(static_cast<int>(ymd.year())) +
         (quarter ? "-Q" + std::to_string((m - 1) / 3 + 1) : "-" + two_digits(m));
}

std::string customer_type(const std::string& by) { return by == "company" ? "company" : "contact"; }

// The customers the filter and --owner keep; nullopt: all of them.
std::optional<std::set<std::string>> kept_customers(const Store& store, const ValueReportRequest& q) {
  bool filtered = q.filter && !q.filter->empty();
  if (!filtered && q.owner.empty()) return std::nullopt;
  NameOf names = record_names(store);
  std::set<std::string> kept;
  const Schema& schema = store.schemas().get(customer_type(q.by));
  std::vector<Record> all = store.load_all(schema).records;
  std::vector<bool> matched;  // revenue>1000: computed for the test alone
  if (filtered) matched = select_with_derived(store, schema, *q.filter, all, names);
  for (size_t i = 0; i < all.size(); ++i) {
    if (!q.owner.empty() && !equals_ci(all[i].get("owner"), q.owner)) continue;
    if (filtered && !matched[i]) continue;
    kept.insert(all[i].id());
  }
  return kept;
}

ReportCell money_or_null(const std::optional<Decimal>& d, const std::string& cur) {
  return d ? ReportCell::of_money(*d, cur) : ReportCell::null();
}

Report customers_report(const Store& store, const ValueReportRequest& q) {
  CustomerValues values = customer_values(store, customer_type(q.by));
  auto kept = kept_customers(store, q);
  NameOf names = record_names(store);
  Report r;
  r.name = "customers";
  r.columns = {customer_type(q.by), "id", "currency", "orders", "first_order", "last_order", "revenue", "aov",
               "frequency",         "r",  "f",        "m",      "segment",     "clv"};
  r.bar_column = 6;
  struct Total {
    long long customers = 0, orders = 0;
    Decimal revenue;
  };
  std::map<std::string, Total> totals;
  // Equal revenue: by name, so the order does not depend on random ids.
  std::map<std::string, size_t> market;
  for (const ValueMarket& m : values.markets) market.emplace(m.currency, market.size());
  std::vector<std::pair<std::string, const CustomerValue*>> shown;
  for (const CustomerValue& c : values.customers)
    if (!kept || kept->count(c.customer)) shown.emplace_back(names(c.customer), &c);
  std::stable_sort(shown.begin(), shown.end(), [&](const auto& a, const auto& b) {
    const CustomerValue &x = *a.second, &y = *b.second;
    if (x.currency != y.currency) return market[x.currency] < market[y.currency];
    if (int c = y.revenue.compare(x.revenue); c != 0) return c < 0;
    return to_lower(a.first) < to_lower(b.first);
  });
  for (const auto& [name, cp] : shown) {
    const CustomerValue& c = *cp;
    r.rows.push_back({ReportCell::of_text(name.empty() ? c.customer : name), ReportCell::of_text(c.customer),
                      ReportCell::of_text(c.currency), ReportCell::of_int(c.orders),
                      ReportCell::of_text(format_date(c.first_order)), ReportCell::of_text(format_date(c.last_order)),
                      ReportCell::of_money(c.revenue, c.currency), ReportCell::of_money(c.aov, c.currency),
                      ReportCell::of_number(c.frequency, 2), ReportCell::of_int(c.r), ReportCell::of_int(c.f),
                      ReportCell::of_int(c.m), ReportCell::of_text(c.segment), money_or_null(c.clv, c.currency)});
    Total& t = totals[c.currency];
    t.customers += 1;
    t.orders += c.orders;
    t.revenue = t.revenue + c.revenue;
  }
  for (const ValueMarket& m : values.markets) {
    auto it = totals.find(m.currency);
    if (it == totals.end()) continue;
    const Total& t = it->second;
    r.totals.push_back({ReportCell::of_text("total"), ReportCell::blank(), ReportCell::of_text(m.currency),
                        ReportCell::of_int(t.orders), ReportCell::blank(), ReportCell::blank(),
                        ReportCell::of_money(t.revenue, m.currency),
                        ReportCell::of_money(t.revenue.divide(dec(t.orders), 2), m.currency), ReportCell::blank(),
                        ReportCell::blank(), ReportCell::blank(), ReportCell::blank(), ReportCell::blank(),
                        ReportCell::blank()});
  }
  return r;
}

Report rfm_report(const Store& store, const ValueReportRequest& q) {
  CustomerValues values = customer_values(store, customer_type(q.by));
  auto kept = kept_customers(store, q);
  struct Sum {
    long long customers = 0;
    Decimal revenue;
  };
  std::map<std::pair<std::string, std::string>, Sum> sums;  // (currency, segment)
  std::map<std::string, Sum> totals;
  for (const CustomerValue& c : values.customers) {
    if (kept && !kept->count(c.customer)) continue;
    for (Sum* s : {&sums[{c.currency, c.segment}], &totals[c.currency]}) {
      s->customers += 1;
      s->revenue = s->revenue + c.revenue;
    }
  }
  std::vector<std::string> currencies;
  for (const ValueMarket& m : values.markets) currencies.push_back(m.currency);
  if (currencies.empty()) currencies.push_back(store.config().currency);
  Report r;
  r.name = "rfm";
  r.columns = {"segment", "currency", "customers", "revenue", "share"};
  r.bar_column = 3;
  auto cells = [](const std::string& label, const std::string& cur, const Sum& s, const Sum& whole) {
    return std::vector<ReportCell>{ReportCell::of_text(label), ReportCell::of_text(cur),
                                   ReportCell::of_int(s.customers), ReportCell::of_money(s.revenue, cur),
                                   whole.revenue.is_zero()
                                       ? ReportCell::null()
                                       : ReportCell::of_percent((s.revenue * dec(100)).divide(whole.revenue, 1))};
  };
  for (const std::string& cur : currencies)
    for (const std::string& segment : rfm_segments())
      r.rows.push_back(cells(segment, cur, sums[{cur, segment}], totals[cur]));
  for (const std::string& cur : currencies) r.totals.push_back(cells("total", cur, totals[cur], totals[cur]));
  return r;
}

Report revenue_report(const Store& store, const ValueReportRequest& q) {
  const bool quarter = q.by == "quarter";
  // First orders over every order that counts, whatever the filter shows.
  std::vector<ValueOrder> all = value_orders(store, "order");
  std::map<std::pair<std::string, std::string>, Days> first;  // (currency, customer)
  for (const ValueOrder& o : all) {
    if (o.customer.empty()) continue;
    auto [it, added] = first.emplace(std::make_pair(o.currency, o.customer), o.date);
    if (!added && o.date < it->second) it->second = o.date;
  }
  std::vector<ValueOrder> shown;
  if (q.filter && !q.filter->empty())
    shown = value_orders(store, "order", q.filter);
  else
    shown = std::move(all);

  struct Sum {
    long long orders = 0;
    Decimal revenue;
    std::set<std::string> customers, fresh, returning;
  };
  std::map<std::pair<Days, std::string>, Sum> sums;  // (period start, currency)
  std::map<std::string, Sum> totals;
  std::optional<Days> lo = q.since, hi = q.until;
  std::optional<Days> first_seen, last_seen;
  for (const ValueOrder& o : shown) {
    if ((q.since && o.date < *q.since) || (q.until && *q.until < o.date)) continue;
    Days p = period_start(o.date, quarter);
    for (Sum* s : {&sums[{p, o.currency}], &totals[o.currency]}) {
      s->orders += 1;
      s->revenue = s->revenue + o.total;
      if (o.customer.empty()) continue;
      s->customers.insert(o.customer);
      Days f = first.at({o.currency, o.customer});
      Days from = s == &totals[o.currency] ? (q.since ? period_start(*q.since, quarter) : Days::min()) : p;
      (from <= f ? s->fresh : s->returning).insert(o.customer);
    }
    if (!first_seen || o.date < *first_seen) first_seen = o.date;
    if (!last_seen || *last_seen < o.date) last_seen = o.date;
  }
  // In each period a customer is new or returning, not both: new wins (their first order is in it).
  auto settle = [](Sum& s) {
    for (const std::string& c : s.fresh) s.returning.erase(c);
  };
  for (auto& [_, s] : sums) settle(s);
  for (auto& [_, s] : totals) settle(s);

  std::vector<std::string> currencies;
  if (totals.count(store.config().currency) || totals.empty()) currencies.push_back(store.config().currency);
  for (const auto& [cur, _] : totals)
    if (cur != store.config().currency) currencies.push_back(cur);

  Report r;
  r.name = "revenue";
  r.columns = {"period", "currency", "orders", "revenue", "customers", "new", "returning"};
  r.bar_column = 3;
  auto cells = [](const std::string& label, const std::string& cur, const Sum& s) {
    return std::vector<ReportCell>{ReportCell::of_text(label),
                                   ReportCell::of_text(cur),
                                   ReportCell::of_int(s.orders),
                                   ReportCell::of_money(s.revenue, cur),
                                   ReportCell::of_int(static_cast<long long>(s.customers.size())),
                                   ReportCell::of_int(static_cast<long long>(s.fresh.size())),
                                   ReportCell::of_int(static_cast<long long>(s.returning.size()))};
  };
  if (!lo) lo = first_seen;
  if (!hi) hi = last_seen;
  if (lo && hi && !(*hi < *lo)) {
    for (Days p = period_start(*lo, quarter); !(*hi < p); p = next_period(p, quarter))
      for (const std::string& cur : currencies) {
        auto it = sums.find({p, cur});
        r.rows.push_back(cells(period_label(p, quarter), cur, it == sums.end() ? Sum{} : it->second));
      }
  }
  for (const std::string& cur : currencies) r.totals.push_back(cells("total", cur, totals[cur]));
  return r;
}

// Per period and currency, over contacts: a customer is active on a day when
// they ordered within churn_after days up to it (that day included, an
// order churn_after days old no longer).
Report churn_report(const Store& store, const ValueReportRequest& q) {
  const bool quarter = q.by == "quarter";
  const ValueSettings settings = value_settings(store.config());
  std::vector<ValueOrder> orders = value_orders(store, "contact");
  const Days today = store.clock().today;
  std::map<std::string, std::map<std::string, std::vector<const ValueOrder*>>> by_market;  // currency → customer
  std::optional<Days> first_seen;
  for (const ValueOrder& o : orders) {
    by_market[o.currency][o.customer].push_back(&o);
    if (!first_seen || o.date < *first_seen) first_seen = o.date;
  }
  std::vector<std::string> currencies;
  if (by_market.count(store.config().currency) || by_market.empty()) currencies.push_back(store.config().currency);
  for (const auto& [cur, _] : by_market)
    if (cur != store.config().currency) currencies.push_back(cur);

  auto active_on = [&](const std::vector<const ValueOrder*>& os, Days day) {
    for (const ValueOrder* o : os)
      if (!(day < o->date) && (day - o->date).count() < settings.churn_after) return true;
    return false;
  };
  auto revenue_in = [](const std::vector<const ValueOrder*>& os, Days from, Days to) {
    Decimal sum;
    for (const ValueOrder* o : os)
      if (!(o->date < from) && !(to < o->date)) sum = sum + o->total;
    return sum;
  };
  auto first_of = [](const std::vector<const ValueOrder*>& os) {
    Days d = os.front()->date;
    for (const ValueOrder* o : os) d = std::min(d, o->date);
    return d;
  };

  Report r;
  r.name = "churn";
  r.columns = {"period",        "currency",  "active_start", "new",     "lost", "active_end", "churn_rate",
               "start_revenue", "expansion", "contraction",  "churned", "grr",  "nrr"};
  r.bar_column = -1;
  std::optional<Days> lo = q.since ? q.since : first_seen;
  Days hi = q.until ? *q.until : today;
  if (!lo) return r;
  auto pct = [](const Decimal& part, const Decimal& whole) {
    return whole.is_zero() ? ReportCell::null() : ReportCell::of_percent((part * dec(100)).divide(whole, 1));
  };
  for (Days p = period_start(*lo, quarter); !(hi < p); p = next_period(p, quarter)) {
    Days end = next_period(p, quarter) - date::days{1};
    Days prev = period_start(p - date::days{1}, quarter);
    Days before = p - date::days{1};  // the start: the day before the period
    for (const std::string& cur : currencies) {
      long long at_start = 0, fresh = 0, lost = 0, at_end = 0;
      Decimal start, expansion, contraction, churned;
      for (const auto& [customer, os] : by_market[cur]) {
        bool was = active_on(os, before), is = active_on(os, std::min(end, today));
        Days f = first_of(os);
        if (!(f < p) && !(end < f)) fresh += 1;
        if (is) at_end += 1;
        if (!was) continue;
        at_start += 1;
        Decimal then = revenue_in(os, prev, before), now = revenue_in(os, p, end);
        start = start + then;
        if (!is) {
          lost += 1;
          churned = churned + then;
        } else if (then < now) {
          expansion = expansion + (now - then);
        } else {
          contraction = contraction + (then - now);
        }
      }
      r.rows.push_back({ReportCell::of_text(period_label(p, quarter)), ReportCell::of_text(cur),
                        ReportCell::of_int(at_start), ReportCell::of_int(fresh), ReportCell::of_int(lost),
                        ReportCell::of_int(at_end), pct(dec(lost), dec(at_start)), ReportCell::of_money(start, cur),
                        ReportCell::of_money(expansion, cur), ReportCell::of_money(contraction, cur),
                        ReportCell::of_money(churned, cur), pct(start - contraction - churned, start),
                        pct(start + expansion - contraction - churned, start)});
    }
  }
  return r;
}

// Customers by the period of their first order; each later period, the
// share of the cohort that ordered in it. Customers, never money: all
// currencies together.
Report cohorts_report(const Store& store, const ValueReportRequest& q) {
  const bool quarter = q.by == "quarter";
  std::map<std::string, std::set<Days>> periods;  // customer → the periods they ordered in
  for (const ValueOrder& o : value_orders(store, "contact")) periods[o.customer].insert(period_start(o.date, quarter));
  const Days last = period_start(q.until ? *q.until : store.clock().today, quarter);
  std::map<Days, std::vector<const std::set<Days>*>> cohorts;
  for (const auto& [customer, ps] : periods) {
    Days first = *ps.begin();
    if (q.since && first < period_start(*q.since, quarter)) continue;
    if (last < first) continue;
    cohorts[first].push_back(&ps);
  }
  int width = 0;  // periods from the first cohort to the last period
  if (!cohorts.empty())
    for (Days p = cohorts.begin()->first; !(last < p); p = next_period(p, quarter)) ++width;
  Report r;
  r.name = "cohorts";
  r.columns = {"cohort", "customers"};
  for (int k = 0; k < width; ++k) r.columns.push_back((quarter ? "q" : "m") + std::to_string(k));
  r.bar_column = -1;
  r.chart = Chart::Heat;  // html: retention as a heat map
  for (const auto& [start, members] : cohorts) {
    std::vector<ReportCell> row{ReportCell::of_text(period_label(start, quarter)),
                                ReportCell::of_int(static_cast<long long>(members.size()))};
    Days p = start;
    for (int k = 0; k < width; ++k, p = next_period(p, quarter)) {
      if (last < p) {
        row.push_back(ReportCell::blank());
        continue;
      }
      long long n = 0;
      for (const std::set<Days>* ps : members) n += ps->count(p) ? 1 : 0;
      row.push_back(ReportCell::of_percent((dec(n) * dec(100)).divide(dec(static_cast<long long>(members.size())), 1)));
    }
    r.rows.push_back(std::move(row));
  }
  return r;
}

// Per product (a line's product; a line without one by its description) and
// currency: units, revenue, customers; with --by pair, the products bought
// together. Over the lines of the orders that count, dated in the period.
Report products_report(const Store& store, const ValueReportRequest& q) {
  NameOf names = record_names(store);
  std::vector<std::string> only = {"contact", "company", "date", "status", "currency", "lines"};
  const Days today = store.clock().today;
  struct Sum {
    Decimal units, revenue;
    std::set<std::string> customers;
  };
  std::map<std::pair<std::string, std::string>, Sum> sums;  // (product label, currency)
  std::map<std::string, long long> alone;                   // product id → orders with it
  std::map<std::pair<std::string, std::string>, long long> together;
  long long n_orders = 0;
  for (const Record& o : store.load_all(store.schemas().get("order"), &only).records) {
    if (!order_counts_as_revenue(o)) continue;
    auto day = parse_iso_date(o.get("date"));
    if (!day || today < *day || (q.since && *day < *q.since) || (q.until && *q.until < *day)) continue;
    std::string cur = o.get("currency").empty() ? store.config().currency : o.get("currency");
    std::string customer = o.get("contact").empty() ? o.get("company") : o.get("contact");
    std::set<std::string> products;
    const Node* lines = o.find("lines");
    if (lines && lines->is_sequence())
      for (const Node& line : lines->items) {
        std::string product = line.get("product");
        std::string label = product.empty() ? line.get("description") : names(product);
        if (label.empty()) label = product;
        Decimal qty = Decimal::parse(line.get("quantity")).value_or(Decimal::from_int(1));
        Decimal price = Decimal::parse(line.get("unit_price")).value_or(Decimal());
        Decimal discount = Decimal::parse(line.get("discount")).value_or(Decimal());
        Sum& sum = sums[{label, cur}];
        sum.units = sum.units + qty;
        sum.revenue = sum.revenue + qty * price * (dec(100) - discount);  // × 100: divided once, at the end
        if (!customer.empty()) sum.customers.insert(customer);
        if (!product.empty()) products.insert(product);
      }
    n_orders += 1;
    for (const std::string& a : products) {
      alone[a] += 1;
      for (const std::string& b : products)
        if (a < b) together[{a, b}] += 1;
    }
  }
  Report r;
  r.name = "products";
  if (q.by != "pair") {
    r.columns = {"product", "currency", "units", "revenue", "customers"};
    r.bar_column = 3;
    std::vector<std::pair<std::pair<std::string, std::string>, Sum*>> rows;
    for (auto& [key, sum] : sums) rows.emplace_back(key, &sum);
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      if (a.first.second != b.first.second) return a.first.second < b.first.second;
      int c = b.second->revenue.compare(a.second->revenue);
      return c != 0 ? c < 0 : a.first.first < b.first.first;
    });
    for (const auto& [key, sum] : rows)
      r.rows.push_back({ReportCell::of_text(key.first), ReportCell::of_text(key.second),
                        ReportCell::of_number(sum->units, sum->units.scale()),
                        ReportCell::of_money(sum->revenue.divide(dec(100), 2), key.second),
                        ReportCell::of_int(static_cast<long long>(sum->customers.size()))});
    return r;
  }
  // Pairs seen in at least two orders, both ways: support(A⇒B) = n(A∧B)/N,
  // confidence = n(A∧B)/n(A), lift = confidence / (n(B)/N) = n(A∧B)·N / (n(A)·n(B)).
  r.columns = {"product", "with", "orders", "support", "confidence", "lift"};
  r.bar_column = -1;
  struct Pair {
    std::string a, b;
    long long n;
    Decimal lift;
  };
  std::vector<Pair> pairs;
  for (const auto& [ab, n] : together) {
    if (n < 2) continue;
    for (const auto& [a, b] : {ab, std::make_pair(ab.second, ab.first)})
      pairs.push_back({a, b, n, (dec(n) * dec(n_orders)).divide(dec(alone[a]) * dec(alone[b]), 2)});
  }
  std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& x, const Pair& y) {
    if (int c = y.lift.compare(x.lift); c != 0) return c < 0;
    if (x.n != y.n) return x.n > y.n;
    return std::make_pair(names(x.a), names(x.b)) < std::make_pair(names(y.a), names(y.b));
  });
  for (const Pair& p : pairs)
    r.rows.push_back({ReportCell::of_text(names(p.a)), ReportCell::of_text(names(p.b)), ReportCell::of_int(p.n),
                      ReportCell::of_percent((dec(p.n) * dec(100)).divide(dec(n_orders), 1)),
                      ReportCell::of_percent((dec(p.n) * dec(100)).divide(dec(alone[p.a]), 1)),
                      ReportCell::of_number(p.lift, 2)});
  return r;
}

}  // namespace

Report value_report(const Store& store, const ValueReportRequest& q) {
  if (q.name == "customers") return customers_report(store, q);
  if (q.name == "rfm") return rfm_report(store, q);
  if (q.name == "churn") return churn_report(store, q);
  if (q.name == "cohorts") return cohorts_report(store, q);
  if (q.name == "products") return products_report(store, q);
  return revenue_report(store, q);
}

}  // namespace crm
