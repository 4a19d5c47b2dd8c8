#include "crm/customer_value.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "crm/error.hpp"
#include "crm/order_workflow.hpp"
#include "crm/related.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

Decimal dec(long long n) { return Decimal::from_int(n); }

constexpr long long kYear = 365;
constexpr long long kMinSpan = 30;
constexpr long long kMaxLifespan = 10;
constexpr long long kQuintileMinimum = 50;

}  // namespace

ValueSettings value_settings(const Config& config) {
  ValueSettings s;  // parse_config checked both
  s.margin = Decimal::parse(config.gross_margin).value_or(Decimal::from_int(1));
  s.churn_after = config.churn_after;
  return s;
}

std::vector<ValueOrder> value_orders(const Store& store, const std::string& by, const Filter* filter) {
  const Days today = store.clock().today;
  std::map<std::string, std::string> company_of;  // contact → company
  if (by == "company") {
    std::vector<std::string> only = {"company"};
    for (const Record& c : store.load_all(store.schemas().get("contact"), &only).records)
      if (!c.get("company").empty()) company_of[c.id()] = c.get("company");
  }
  std::vector<std::string> only = {"contact", "company", "date", "status", "currency", "total"};
  if (filter && filter->empty()) filter = nullptr;
  NameOf names;
  if (filter) names = record_names(store);
  std::vector<ValueOrder> out;
  for (const Record& o : store.load_all(store.schemas().get("order"), filter ? nullptr : &only).records) {
    if (!order_counts_as_revenue(o)) continue;
    if (filter && !filter->matches(o, names)) continue;
    auto day = parse_iso_date(o.get("date"));
    if (!day || today < *day) continue;
    ValueOrder v;
    v.id = o.id();
    v.customer = o.get("contact");
    if (by == "company") {
      v.customer = o.get("company");
      if (v.customer.empty()) {
        auto it = company_of.find(o.get("contact"));
        if (it != company_of.end()) v.customer = it->second;
      }
    }
    if (by == "order" && v.customer.empty()) v.customer = o.get("company");
    if (v.customer.empty() && by != "order") continue;
    v.currency = o.get("currency").empty() ? store.config().currency : o.get("currency");
    v.date = *day;
    v.total = Decimal::parse(o.get("total")).value_or(Decimal());
    out.push_back(std::move(v));
  }
  return out;
}

int recency_score_fixed(long long days) {
  if (days < 30) return 5;
  if (days < 60) return 4;
  if (days < 90) return 3;
  if (days < 180) return 2;
  return 1;
}

int frequency_score_fixed(long long orders) {
  if (orders >= 10) return 5;
  if (orders >= 5) return 4;
  if (orders >= 3) return 3;
  if (orders == 2) return 2;
  return 1;
}

std::vector<int> quintile_scores(const std::vector<Decimal>& values, bool higher_is_better) {
  std::vector<Decimal> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const long long n = static_cast<long long>(values.size());
  std::vector<int> out;
  for (const Decimal& v : values) {
    // Strictly worse: below it when higher is better, above it otherwise.
    long long worse = higher_is_better ? std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin()
                                       : sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), v);
    out.push_back(static_cast<int>(1 + 5 * worse / n));
  }
  return out;
}

std::string rfm_segment(int r, int f) {
  if (r <= 2) return f <= 2 ? "hibernating" : f <= 4 ? "at_risk" : "cant_lose";
  if (r == 3) return f <= 2 ? "about_to_sleep" : f == 3 ? "need_attention" : "loyal";
  if (f >= 4) return r == 4 ? "loyal" : "champions";
  if (f >= 2) return "potential_loyalists";
  return r == 4 ? "promising" : "new_customers";
}

const std::vector<std::string>& rfm_segments() {
  static const std::vector<std::string> kSegments = {
      "champions",      "loyal",   "potential_loyalists", "new_customers", "promising", "need_attention",
      "about_to_sleep", "at_risk", "cant_lose",           "hibernating"};
  return kSegments;
}

CustomerValues customer_values(const std::vector<ValueOrder>& orders, Days today, const ValueSettings& settings,
                               const std::string& store_currency) {
  // currency → customer → its value so far
  std::map<std::string, std::map<std::string, CustomerValue>> markets;
  for (const ValueOrder& o : orders) {
    CustomerValue& c = markets[o.currency][o.customer];
    if (c.orders == 0) {
      c.customer = o.customer;
      c.currency = o.currency;
      c.first_order = c.last_order = o.date;
    }
    c.orders += 1;
    c.revenue = c.revenue + o.total;
    c.first_order = std::min(c.first_order, o.date);
    c.last_order = std::max(c.last_order, o.date);
  }
  // Active a year ago / today, per currency: an order in the churn_after days up to then.
  const Days year_ago = today - date::days{kYear};
  std::map<std::string, std::set<std::string>> active_then, active_now;
  for (const ValueOrder& o : orders) {
    auto active_at = [&](Days at) { return !(at < o.date) && (at - o.date).count() < settings.churn_after; };
    if (active_at(year_ago)) active_then[o.currency].insert(o.customer);
    if (active_at(today)) active_now[o.currency].insert(o.customer);
  }

  std::vector<std::string> currencies;
  if (markets.count(store_currency)) currencies.push_back(store_currency);
  for (const auto& [cur, _] : markets)
    if (cur != store_currency) currencies.push_back(cur);

  CustomerValues out;
  for (const std::string& cur : currencies) {
    std::vector<CustomerValue> cs;
    for (auto& [_, c] : markets[cur]) cs.push_back(std::move(c));
    ValueMarket m;
    m.currency = cur;
    m.customers = static_cast<long long>(cs.size());
    m.fixed_thresholds = m.customers < kQuintileMinimum;
    for (const std::string& id : active_then[cur]) {
      m.active_year_ago += 1;
      if (!active_now[cur].count(id)) m.churned += 1;
    }
    if (m.active_year_ago > 0) m.annual_churn = (dec(m.churned) * dec(100)).divide(dec(m.active_year_ago), 1);

    std::vector<Decimal> recency, frequency, monetary;
    for (CustomerValue& c : cs) {
      c.recency = (today - c.last_order).count();
      recency.push_back(dec(c.recency));
      frequency.push_back(dec(c.orders));
      monetary.push_back(c.revenue);
    }
    std::vector<int> rq = quintile_scores(recency, false), fq = quintile_scores(frequency, true),
                     mq = quintile_scores(monetary, true);
    for (size_t i = 0; i < cs.size(); ++i) {
      CustomerValue& c = cs[i];
      c.r = m.fixed_thresholds ? recency_score_fixed(c.recency) : rq[i];
      c.f = m.fixed_thresholds ? frequency_score_fixed(c.orders) : fq[i];
      c.m = mq[i];
      c.segment = rfm_segment(c.r, c.f);
      long long span = std::max<long long>((today - c.first_order).count(), kMinSpan);
      c.aov = c.revenue.divide(dec(c.orders), 2);
      c.frequency = dec(c.orders * kYear).divide(dec(span), 2);
      if (m.active_year_ago > 0) {
        // revenue × 365 × margin × lifespan / span, lifespan = min(active / churned, 10) years.
        Decimal base = c.revenue * dec(kYear) * settings.margin;
        if (m.churned == 0 || m.active_year_ago > kMaxLifespan * m.churned)
          c.clv = (base * dec(kMaxLifespan)).divide(dec(span), 2);
        else
          c.clv = (base * dec(m.active_year_ago)).divide(dec(span * m.churned), 2);
      }
    }
    std::stable_sort(cs.begin(), cs.end(), [](const CustomerValue& a, const CustomerValue& b) {
      int by_revenue = b.revenue.compare(a.revenue);
      return by_revenue != 0 ? by_revenue < 0 : a.customer < b.customer;
    });
    for (CustomerValue& c : cs) out.customers.push_back(std::move(c));
    out.markets.push_back(m);
  }
  return out;
}

bool has_value_fields(const std::string& type) { return type == "contact" || type == "company"; }

bool is_value_field(std::string_view name) {
  for (const char* f : {"orders", "revenue", "first_order", "last_order", "rfm", "clv"})
    if (name == f) return true;
  return false;
}

Schema with_value_fields(const Schema& schema) {
  Schema out = schema;
  if (!has_value_fields(schema.type)) return out;
  auto add = [&](const char* name, FieldType type, const char* help) {
    if (out.field(name)) return;  // a custom field of that name wins
    Field f;
    f.name = name;
    f.type = type;
    f.help = help;
    if (type == FieldType::Enum) f.values = rfm_segments();
    out.fields.push_back(std::move(f));
  };
  add("orders", FieldType::Integer, "orders that count as revenue (derived)");
  add("revenue", FieldType::Money, "their total, in the store's currency (derived)");
  add("first_order", FieldType::Date, "the first one's date (derived)");
  add("last_order", FieldType::Date, "the last one's date (derived)");
  add("rfm", FieldType::Enum, "the RFM segment (derived)");
  add("clv", FieldType::Money, "the predicted customer lifetime value (derived)");
  return out;
}

void fill_value_fields(const Store& store, std::vector<Record>& records) {
  if (records.empty() || !has_value_fields(records.front().type)) return;
  const std::string& type = records.front().type;
  CustomerValues values = customer_values(store, type);
  std::map<std::string, const CustomerValue*> by_id;
  for (const CustomerValue& c : values.customers)
    if (c.currency == store.config().currency) by_id[c.customer] = &c;
  const Schema& schema = store.schemas().get(type);
  for (Record& r : records) {
    auto set = [&](const char* name, const std::string& value) {
      if (!schema.field(name)) r.data.set(name, Node::scalar(value, true));
    };
    auto it = by_id.find(r.id());
    if (it == by_id.end()) {
      set("orders", "0");
      set("revenue", "0");
      continue;
    }
    const CustomerValue& c = *it->second;
    set("orders", std::to_string(c.orders));
    set("revenue", c.revenue.str());
    set("first_order", format_date(c.first_order));
    set("last_order", format_date(c.last_order));
    set("rfm", c.segment);
    if (c.clv) set("clv", c.clv->str());
  }
}

CustomerValues customer_values(const Store& store, const std::string& by) {
  return customer_values(value_orders(store, by), store.clock().today, value_settings(store.config()),
                         store.config().currency);
}

}  // namespace crm
