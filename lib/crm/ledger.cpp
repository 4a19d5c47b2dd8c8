#include "crm/ledger.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "crm/decimal.hpp"
#include "crm/error.hpp"
#include "crm/order_workflow.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

const Decimal kHundred = Decimal::from_int(100);

// "Ada Lovelace" → "ada-lovelace" (marks stripped, letters and digits kept).
std::string slug(const std::string& s) {
  std::string folded = fold_case(s), out;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// An account in the format's spelling: beancount wants each part capitalised
// and made of letters, digits and dashes.
std::string account(const std::string& path, bool beancount) {
  std::vector<std::string> parts = split(path, ':');
  std::string out;
  for (std::string p : parts) {
    p = beancount ? slug(p) : trim(p);
    if (p.empty()) continue;
    if (beancount) p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
    out += (out.empty() ? "" : ":") + p;
  }
  return out;
}

std::string clean_text(const std::string& s, bool beancount) {
  std::string out;
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      out += ' ';
    else if (beancount && (c == '"' || c == '\\'))
      out += c == '"' ? '\'' : '/';
    else if (!beancount && c == ';')
      out += ',';
    else
      out += c;
  }
  return trim(out);
}

struct Accounts {
  std::string receivable = "assets:receivable", bank = "assets:bank", income = "income:sales";
  std::map<std::string, std::string> categories;
};

Accounts accounts_of(const Config& config) {
  Accounts a;
  const Node* n = config.raw.find("accounts");
  if (!n || !n->is_map()) return a;
  if (!n->get("receivable").empty()) a.receivable = n->get("receivable");
  if (!n->get("bank").empty()) a.bank = n->get("bank");
  if (!n->get("income").empty()) a.income = n->get("income");
  if (const Node* c = n->find("categories"); c && c->is_map())
    for (const auto& [k, v] : c->entries) a.categories[to_lower(k)] = v.text;
  return a;
}

struct Posting {
  std::string account;
  Decimal amount;
};

struct Txn {
  Days day;
  std::string id, kind, payee, narration, currency;
  std::vector<Posting> postings;
};

}  // namespace

std::string export_ledger(const Store& store, const LedgerRequest& req) {
  const Schema& orders = store.schemas().get("order");
  const Schema& products = store.schemas().get("product");
  const Clock& clock = store.clock();
  Accounts acc = accounts_of(store.config());
  std::map<std::string, std::string> category_of;  // product id → category
  for (const Record& p : store.load_all(products).records) category_of[p.id()] = p.get("category");
  std::map<std::string, std::string> customer_name;
  for (const char* t : {"contact", "company"})
    for (const Record& r : store.load_all(store.schemas().get(t)).records) customer_name[r.id()] = r.get("name");

  // A receivable per customer; two customers of one name keep theirs apart.
  std::map<std::string, std::string> receivable;  // customer id → account
  std::set<std::string> taken;
  auto receivable_of = [&](const std::string& customer) {
    auto it = receivable.find(customer);
    if (it != receivable.end()) return it->second;
    std::string base = slug(customer_name.count(customer) ? customer_name[customer] : "");
    if (base.empty()) base = customer.empty() ? "unknown" : customer.substr(0, 8);
    std::string name = base;
    if (taken.count(name)) name = base + "-" + customer.substr(0, 8);
    taken.insert(name);
    return receivable[customer] = acc.receivable + ":" + name;
  };

  std::vector<Txn> txns;
  std::vector<Record> all = store.load_all(orders).records;
  std::sort(all.begin(), all.end(), [](const Record& a, const Record& b) {
    return a.get("date") != b.get("date") ? a.get("date") < b.get("date") : a.id() < b.id();
  });
  for (const Record& o : all) {
    std::string status = o.get("status");
    bool paid = status == "paid" || status == "fulfilled" || (status == "refunded" && !o.get("paid_at").empty());
    if (!paid) continue;
    auto day = parse_iso_date(o.get("date"));
    if (!day) continue;
    std::string currency = o.get("currency").empty() ? store.config().currency : o.get("currency");
    std::string customer = o.get("contact").empty() ? o.get("company") : o.get("contact");
    std::string who = customer_name.count(customer) ? customer_name[customer] : "";
    std::string number = o.get("number").empty() ? o.id().substr(0, 8) : o.get("number");
    // Income per account: each line's amount rounded to cents, the last
    // cent's difference put on the largest so that they add up to the total.
    std::map<std::string, Decimal> income;
    Decimal sum;
    const Node* lines = o.data.find("lines");
    std::string largest;
    Decimal largest_amount;
    if (lines && lines->is_sequence()) {
      for (const Node& l : lines->items) {
        Node one = Node::sequence({l});
        Decimal amount = order_total(one);
        std::string cat = to_lower(category_of[l.get("product")]);
        std::string account_name = acc.categories.count(cat) ? acc.categories[cat]
                                   : cat.empty()             ? acc.income
                                                             : acc.income + ":" + slug(cat);
        income[account_name] = income[account_name] + amount;
        sum = sum + amount;
        if (largest.empty() || largest_amount < income[account_name]) {
          largest = account_name;
          largest_amount = income[account_name];
        }
      }
    }
    auto total = Decimal::parse(o.get("total").empty() ? "0" : o.get("total"));
    if (!total) continue;
    if (largest.empty()) {
      largest = acc.income;
      income[largest] = Decimal();
    }
    income[largest] = income[largest] + (*total - sum);
    std::string rec = receivable_of(customer);
    Txn sale{*day, o.id(), "sale", who, "Order " + number, currency, {{rec, *total}}};
    for (const auto& [a, amount] : income) sale.postings.push_back({a, Decimal() - amount});
    txns.push_back(sale);
    Days paid_day = *day;
    if (auto t = parse_iso_datetime(o.get("paid_at"))) paid_day = clock.local_day(*t);
    txns.push_back({paid_day,
                    o.id(),
                    "payment",
                    who,
                    "Payment of order " + number,
                    currency,
                    {{acc.bank, *total}, {rec, Decimal() - *total}}});
    if (status == "refunded") {
      Days refund_day = paid_day;
      if (auto t = parse_iso_datetime(o.get("refunded_at"))) refund_day = clock.local_day(*t);
      Txn refund{refund_day, o.id(), "refund", who, "Refund of order " + number, currency, {}};
      for (const auto& [a, amount] : income) refund.postings.push_back({a, amount});
      refund.postings.push_back({acc.bank, Decimal() - *total});
      txns.push_back(refund);
    }
  }
  std::stable_sort(txns.begin(), txns.end(), [](const Txn& a, const Txn& b) { return a.day < b.day; });
  if (req.since)
    txns.erase(std::remove_if(txns.begin(), txns.end(), [&](const Txn& t) { return t.day < *req.since; }), txns.end());

  std::string out;
  if (req.beancount) {
    // Every account and currency opened on the first day it is used.
    std::map<std::string, std::pair<Days, std::set<std::string>>> opened;
    for (const Txn& t : txns)
      for (const Posting& p : t.postings) {
        std::string a = account(p.account, true);
        if (a.find(':') == std::string::npos)
          throw InvalidData(Location{".crm/config.yaml", 0, 0, "accounts"},
                            "\"" + escape_for_terminal(p.account) + "\" is not an account beancount accepts");
        auto [it, fresh] = opened.emplace(a, std::make_pair(t.day, std::set<std::string>{}));
        if (!fresh && t.day < it->second.first) it->second.first = t.day;
        it->second.second.insert(t.currency);
      }
    out += "; crm export beancount: paid orders as transactions\n";
    std::vector<std::pair<Days, std::string>> opens;
    for (const auto& [a, v] : opened) opens.push_back({v.first, a});
    std::sort(opens.begin(), opens.end());
    for (const auto& [d, a] : opens) out += format_date(d) + " open " + a + "\n";
    for (const Txn& t : txns) {
      out += "\n" + format_date(t.day) + " * \"" + clean_text(t.payee, true) + "\" \"" + clean_text(t.narration, true) +
             "\"\n";
      out += "  order: \"" + t.id + "\"\n";
      for (const Posting& p : t.postings)
        out += "  " + account(p.account, true) + "  " + p.amount.rounded(2).format(2, 0) + " " + t.currency + "\n";
    }
  } else {
    out += "; crm export ledger: paid orders as transactions\n";
    for (const Txn& t : txns) {
      out += "\n" + format_date(t.day) + " (" + t.id + ") " +
             (t.payee.empty() ? "" : clean_text(t.payee, false) + " | ") + clean_text(t.narration, false) + "\n";
      for (const Posting& p : t.postings)
        out += "    " + account(p.account, false) + "  " + t.currency + " " + p.amount.rounded(2).format(2, 0) + "\n";
    }
  }
  return out;
}

}  // namespace crm
