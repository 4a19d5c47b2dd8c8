#include "crm/order_import.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "crm/csv.hpp"
#include "crm/decimal.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/import_values.hpp"
#include "crm/importer.hpp"
#include "crm/lead_conversion.hpp"
#include "crm/match_keys.hpp"
#include "crm/order_workflow.hpp"
#include "crm/record.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm {

namespace {

// "Lineitem quantity" → "lineitem_quantity"; "Created date (UTC)" → "created_date_utc".
std::string header_key(std::string_view h) {
  std::string out;
  for (char c : h) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string dq(const std::string& s) { return "\"" + escape_for_terminal(s) + "\""; }

// The columns of a file by their folded header.
struct Header {
  std::vector<std::string> names;  // as written
  std::map<std::string, size_t> at;
  std::map<std::string, size_t> again;  // a column there twice: its second place
  std::string file;                     // set: a column read that is there twice throws
  explicit Header(const std::vector<std::string>& cells, std::string source = "")
      : names(cells), file(std::move(source)) {
    for (size_t i = 0; i < cells.size(); ++i)
      if (!at.emplace(header_key(cells[i]), i).second) again.emplace(header_key(cells[i]), i);
  }
  // The first of `keys` the file has; -1 when none. Which of two columns of
  // the same name holds the order's value cannot be told: the file fails.
  int find(std::initializer_list<const char*> keys) const {
    for (const char* k : keys)
      if (auto it = at.find(k); it != at.end()) {
        if (auto twice = again.find(k); twice != again.end() && !file.empty())
          throw InvalidData(Location{file, 1, 0, ""}, "column " + dq(names[it->second]) + " is there twice (columns " +
                                                          std::to_string(it->second + 1) + " and " +
                                                          std::to_string(twice->second + 1) +
                                                          "): which is the order's cannot be told");
        return static_cast<int>(it->second);
      }
    return -1;
  }
};

struct Cell {
  int col = -1;
  std::string name;  // the header as written
};

// A row with its columns, and the error of the first bad cell.
struct RowReader {
  const Header& header;
  const CsvRow& row;
  std::string error;
  std::string text(int col) const {
    return col >= 0 && static_cast<size_t>(col) < row.cells.size() ? trim(row.cells[static_cast<size_t>(col)]) : "";
  }
  std::string column(int col) const { return col >= 0 ? dq(header.names[static_cast<size_t>(col)]) : ""; }
  void fail(int col, const std::string& msg) {
    if (error.empty()) error = "column " + column(col) + ": " + msg;
  }
  // An order's own cell: the same on each of its rows (or empty on the later
  // ones); a row that says otherwise fails the order. `value` is the cell as
  // read (an amount normalised); emails are compared without case.
  void same(int col, std::string& field, const std::string& value, bool fold = false) {
    if (value.empty()) return;
    if (field.empty()) {
      field = value;
    } else if (fold ? !equals_ci(field, value) : field != value) {
      fail(col, dq(text(col)) + " contradicts " + dq(field) + " on an earlier row of the order");
    }
  }
  // A one-line cell (a name, an email): a line break in it fails the row.
  std::string line(int col) {
    std::string t = text(col);
    if (t.find_first_of("\r\n") != std::string::npos) fail(col, "has a line break: it is one line");
    return t;
  }
  // An amount, exact ("" when the cell is empty or absent).
  std::string amount(int col) {
    std::string t = text(col);
    if (t.empty()) return "";
    std::string n = normalise_amount(t);
    if (n.empty() || !Decimal::parse(n)) {
      fail(col, dq(t) + " is not an amount");
      return "";
    }
    return Decimal::parse(n)->str();
  }
  // An amount of the order's own (its total, shipping, taxes, discount,
  // refund): in cents, as an order's total is (crm-order(1)); a fraction of
  // a cent is a broken export, refused rather than rounded away.
  std::string money(int col) {
    std::string a = amount(col);
    if (!a.empty() && !(Decimal::parse(a)->rounded(2) == *Decimal::parse(a))) {
      fail(col, dq(text(col)) + " has a fraction of a cent: an order's amounts are in cents");
      return "";
    }
    return a;
  }
};

// A shop's time stamp → {its own day, the instant in UTC}: "2026-01-15
// 10:23:45 +0100", "2026-01-15T10:23:45-05:00", "2026-01-15 10:23:45" (UTC
// when `utc`, else local: the day only), or any date normalise_date reads.
bool read_stamp(const std::string& text, bool utc, std::string& day, std::string& instant) {
  day.clear();
  instant.clear();
  std::string t = trim(text);
  if (t.size() >= 19 && t[4] == '-' && t[7] == '-' && (t[10] == ' ' || t[10] == 'T') && t[13] == ':' && t[16] == ':') {
    std::string base = t.substr(0, 10) + "T" + t.substr(11, 8) + "Z";
    auto at = parse_iso_datetime(base);
    if (!at) return false;
    std::string rest = trim(t.substr(19));
    if (!rest.empty() && rest[0] == '.') {  // fractions of a second
      size_t k = 1;
      while (k < rest.size() && std::isdigit(static_cast<unsigned char>(rest[k]))) ++k;
      rest = trim(rest.substr(k));
    }
    day = t.substr(0, 10);
    if (rest.empty()) {
      if (utc) instant = format_datetime(*at);
      return true;
    }
    if (rest == "Z" || rest == "UTC" || rest == "+0000" || rest == "+00:00") {
      instant = format_datetime(*at);
      return true;
    }
    if ((rest[0] == '+' || rest[0] == '-') && (rest.size() == 5 || (rest.size() == 6 && rest[3] == ':'))) {
      std::string digits = rest.substr(1, 2) + rest.substr(rest.size() - 2);
      if (!std::all_of(digits.begin(), digits.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return false;
      int minutes = std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2));
      if (minutes > 18 * 60) return false;
      auto offset = std::chrono::minutes(rest[0] == '+' ? minutes : -minutes);
      instant = format_datetime(*at - offset);
      return true;
    }
    return false;
  }
  std::string iso = normalise_date(t);
  if (iso.empty()) return false;
  day = iso.substr(0, 10);
  if (iso.size() > 10 && utc) instant = iso;
  return true;
}

// read_stamp of the row's cell in `col`, failing the row when it does not
// read ("is not `what`") or is before 1900: no shop sold anything then, and
// such a date is a placeholder (0001-01-01) or a typo, not history.
bool read_stamp_cell(RowReader& r, int col, bool utc, std::string& day, std::string& instant, const char* what) {
  std::string t = r.text(col);
  if (!read_stamp(t, utc, day, instant) || day.empty()) {
    r.fail(col, dq(t) + " is not " + what);
    return false;
  }
  if (day < "1900" || (!instant.empty() && instant < "1900")) {
    r.fail(col, dq(t) + " is before 1900");
    day.clear();
    instant.clear();
    return false;
  }
  return true;
}

// Orders keyed by number, in the order their first row came.
struct Groups {
  std::vector<ShopOrder> orders;
  std::map<std::string, size_t> index;
  ShopOrder& at(const std::string& shop, const std::string& number, const std::string& file, int line) {
    auto it = index.find(number);
    if (it != index.end()) return orders[it->second];
    index.emplace(number, orders.size());
    ShopOrder o;
    o.shop = shop;
    o.number = number;
    o.file = file;
    o.line = line;
    orders.push_back(std::move(o));
    return orders.back();
  }
};

// What the order-level cells say, beyond the items: added up in finish().
struct Extras {
  std::string shipping, taxes, discount, refunded;
  std::string created, paid, financial, fulfillment, cancelled;  // the cells as written, to compare rows
};

// The shop's total, explained by lines: the items; then shipping, taxes and
// discounts as lines when they add up to the total (taxes left out when the
// prices include them); else what is left as one adjustment line. A partial
// refund is a line of its own. An order without items is one line.
void finish(ShopOrder& o, const Extras& x, const std::string& fallback_description) {
  auto dec = [](const std::string& s) { return s.empty() ? Decimal() : *Decimal::parse(s); };
  if (o.lines.empty()) {
    ShopLine l;
    l.name = fallback_description;
    l.unit_price = o.total.empty() ? "0" : o.total;
    o.lines.push_back(l);
  } else if (!o.total.empty()) {
    Decimal items;
    for (const ShopLine& l : o.lines) items = items + dec(l.quantity) * dec(l.unit_price);
    Decimal shipping = dec(x.shipping), taxes = dec(x.taxes), discount = dec(x.discount), total = dec(o.total);
    if (discount < Decimal()) discount = Decimal() - discount;  // some exports write discounts negative
    auto add = [&](const char* name, Decimal v) {
      if (!v.is_zero()) o.lines.push_back(ShopLine{"", name, "1", v.str()});
    };
    if (items + shipping + taxes - discount == total) {
      add("Shipping", shipping);
      add("Taxes", taxes);
      add("Discount", Decimal() - discount);
    } else {
      add("Shipping", shipping);
      add("Discount", Decimal() - discount);
      Decimal rest = total - (items + shipping - discount);
      if (!rest.is_zero()) {
        add("Adjustment", rest);
        if (!(rest == taxes))
          o.notes.push_back("the items, shipping and discounts add up to " + (items + shipping - discount).str() +
                            ", the shop's total is " + total.str() + ": the difference is a line \"Adjustment\"");
      }
    }
  }
  Decimal refunded = dec(x.refunded);
  if (!refunded.is_zero() && o.status != "refunded" && o.status != "canceled") {
    if (!o.total.empty() && !(refunded < dec(o.total))) {
      o.status = "refunded";
    } else {
      o.lines.push_back(ShopLine{"", "Refund", "1", (Decimal() - refunded).str()});
      o.notes.push_back("partly refunded (" + refunded.format(2) + "): a line \"Refund\"");
    }
  }
}

std::string status_shopify(const std::string& financial, const std::string& fulfillment, bool cancelled) {
  std::string f = header_key(financial);
  if (cancelled || f == "voided") return "canceled";
  if (f == "refunded") return "refunded";
  if (f == "paid" || f == "partially_refunded") return header_key(fulfillment) == "fulfilled" ? "fulfilled" : "paid";
  if (f.empty() || f == "pending" || f == "authorized" || f == "partially_paid" || f == "expired") return "placed";
  return "";
}

std::string status_woocommerce(const std::string& text) {
  std::string s = header_key(text);
  if (starts_with(s, "wc_")) s = s.substr(3);
  if (s == "completed") return "fulfilled";
  if (s == "processing") return "paid";
  if (s == "pending" || s == "on_hold" || s == "pending_payment") return "placed";
  if (s == "cancelled" || s == "canceled" || s == "failed") return "canceled";
  if (s == "refunded") return "refunded";
  if (s == "checkout_draft" || s == "draft") return "cart";
  return "";
}

std::string status_stripe(const std::string& text, const std::string& captured) {
  std::string s = header_key(text);
  if (s == "failed" || s == "canceled" || s == "cancelled") return "canceled";
  if (s == "refunded") return "refunded";
  if (header_key(captured) == "false") return "placed";
  if (s == "paid" || s == "succeeded" || s == "partially_refunded" || s.empty()) return "paid";
  if (s == "pending" || s == "uncaptured" || s == "requires_capture") return "placed";
  return "";
}

// The columns of an order a shop's export has (-1: not there), and the
// reading of one row into its order: the order's own cells from the first row
// that has them, and its item when the row has one.
struct OrderColumns {
  std::string shop;
  int number = -1, email = -1, name = -1, first = -1, last = -1, company = -1, currency = -1, total = -1;
  int shipping = -1, taxes = -1, discount = -1, refunded = -1, created = -1, paid = -1;
  int sku = -1, item = -1, qty = -1, price = -1, line_total = -1;
};

// The row's order (made when its number is new), with the cells every shop
// shares read into it; nullptr when the row has no number (an order of its
// own, failed).
ShopOrder* read_order_cells(RowReader& r, const OrderColumns& c, const std::string& file, Groups& g,
                            std::map<std::string, Extras>& extras) {
  std::string number = r.text(c.number);
  if (number.empty()) {
    ShopOrder& o = g.at(c.shop, "(line " + std::to_string(r.row.line) + ")", file, r.row.line);
    o.error = "column " + r.column(c.number) + ": no order number";
    o.error_line = r.row.line;
    return nullptr;
  }
  ShopOrder& o = g.at(c.shop, number, file, r.row.line);
  Extras& x = extras[number];
  r.same(c.email, o.email, r.line(c.email), true);
  r.same(c.name, o.name, r.line(c.name));
  r.same(c.first, o.first_name, r.line(c.first));
  r.same(c.last, o.last_name, r.line(c.last));
  r.same(c.company, o.company, r.line(c.company));
  r.same(c.currency, o.currency, to_upper_label(r.text(c.currency)));
  r.same(c.total, o.total, r.money(c.total));
  r.same(c.shipping, x.shipping, r.money(c.shipping));
  r.same(c.taxes, x.taxes, r.money(c.taxes));
  r.same(c.discount, x.discount, r.money(c.discount));
  r.same(c.refunded, x.refunded, r.money(c.refunded));
  if (std::string d = r.text(c.created); !d.empty() && o.date.empty()) {
    read_stamp_cell(r, c.created, false, o.date, o.created, "a date");
  }
  r.same(c.created, x.created, r.text(c.created));
  if (std::string p = r.text(c.paid); !p.empty() && o.paid_at.empty() && o.paid_day.empty()) {
    std::string day;
    read_stamp_cell(r, c.paid, true, day, o.paid_at, "a date and time");
    if (o.paid_at.empty()) o.paid_day = day;  // a date alone: that day
  }
  r.same(c.paid, x.paid, r.text(c.paid));
  // No more comes back than was paid.
  if (!x.refunded.empty() && !o.total.empty() && (!r.text(c.refunded).empty() || !r.text(c.total).empty())) {
    Decimal back = *Decimal::parse(x.refunded), total = *Decimal::parse(o.total);
    if (back < Decimal()) back = Decimal() - back;
    if (total < back)
      r.fail(c.refunded, dq(r.text(c.refunded).empty() ? x.refunded : r.text(c.refunded)) +
                             " is more than the order's " + r.column(c.total) + " (" + o.total + ")");
  }
  return &o;
}

// The row's item, when it has one: a quantity, a unit price (else the line's
// total over the quantity when that is exact in cents, else one of "N × name").
void read_item(RowReader& r, const OrderColumns& c, ShopOrder& o) {
  if (r.text(c.item).empty() && r.text(c.sku).empty() && r.text(c.price).empty()) return;
  ShopLine l;
  l.sku = r.text(c.sku);
  l.name = r.text(c.item);
  std::string q = r.text(c.qty);
  auto qd = Decimal::parse(q.empty() ? "1" : q);
  bool positive = qd && Decimal() < *qd;
  if (!positive) r.fail(c.qty, dq(q) + " is not a positive quantity");
  l.quantity = positive ? qd->str() : "1";
  std::string unit = r.amount(c.price), sum = r.amount(c.line_total);
  if (unit.empty() && !sum.empty() && positive) {
    Decimal whole = *Decimal::parse(sum), u = whole.divide(*qd, 2);
    if (u * *qd == whole) {
      unit = u.str();
    } else {
      l.name = l.quantity + " × " + l.name;
      l.quantity = "1";
      unit = sum;
    }
  }
  if (unit.empty() && r.error.empty()) r.fail(c.price >= 0 ? c.price : c.line_total, "a line item needs its price");
  l.unit_price = unit;
  o.lines.push_back(l);
}

void keep_error(const RowReader& r, ShopOrder& o) {
  if (!r.error.empty() && o.error.empty()) {
    o.error = r.error;
    o.error_line = r.row.line;
  }
}

void read_shopify(const CsvTable& csv, const Header& h, const std::string& file, Groups& g,
                  std::map<std::string, Extras>& extras) {
  OrderColumns c;
  c.shop = "shopify";
  c.number = h.find({"name"});
  c.email = h.find({"email"});
  c.name = h.find({"billing_name"});
  c.company = h.find({"billing_company"});
  c.currency = h.find({"currency"});
  c.total = h.find({"total"});
  c.shipping = h.find({"shipping"});
  c.taxes = h.find({"taxes"});
  c.discount = h.find({"discount_amount"});
  c.refunded = h.find({"refunded_amount"});
  c.created = h.find({"created_at"});
  c.paid = h.find({"paid_at"});
  c.sku = h.find({"lineitem_sku"});
  c.item = h.find({"lineitem_name"});
  c.qty = h.find({"lineitem_quantity"});
  c.price = h.find({"lineitem_price"});
  int financial = h.find({"financial_status"}), fulfillment = h.find({"fulfillment_status"}),
      cancelled = h.find({"cancelled_at"});
  if (c.number < 0) throw InvalidData(Location{file, 1, 0, ""}, "a Shopify orders export has a column \"Name\"");
  for (size_t i = 1; i < csv.rows.size(); ++i) {
    RowReader r{h, csv.rows[i], ""};
    ShopOrder* o = read_order_cells(r, c, file, g, extras);
    if (!o) continue;
    if (std::string t = r.text(cancelled); !t.empty() && o->canceled.empty()) {
      std::string day;
      read_stamp_cell(r, cancelled, true, day, o->canceled, "a date and time");
      if (o->canceled.empty()) o->canceled = "-";  // cancelled, time unknown
    }
    Extras& x = extras[o->number];
    r.same(cancelled, x.cancelled, r.text(cancelled));
    r.same(financial, x.financial, r.text(financial), true);
    r.same(fulfillment, x.fulfillment, r.text(fulfillment), true);
    std::string fin = r.text(financial);
    if (!fin.empty() || o->status.empty()) {
      std::string s = status_shopify(fin, r.text(fulfillment), !o->canceled.empty());
      if (s.empty()) r.fail(financial, dq(fin) + " is not a Shopify financial status (paid, pending, refunded…)");
      o->status = s;
    }
    read_item(r, c, *o);
    keep_error(r, *o);
  }
}

// A line_item_N cell of the WooCommerce export plugins:
// "name:Hat|product_id:12|sku:HAT-1|quantity:2|total:40.00|sub_total:40.00".
bool packed_line(const std::string& cell, ShopLine& line, std::string& problem) {
  std::map<std::string, std::string> kv;
  for (const std::string& part : split(cell, '|')) {
    size_t colon = part.find(':');
    if (colon == std::string::npos) continue;
    kv[header_key(part.substr(0, colon))] = trim(part.substr(colon + 1));
  }
  line.sku = kv["sku"];
  line.name = kv["name"];
  std::string q = kv["quantity"].empty() ? kv["qty"] : kv["quantity"];
  auto qd = Decimal::parse(q.empty() ? "1" : q);
  if (!qd || !(Decimal() < *qd)) {
    problem = "quantity " + dq(q) + " is not a positive number";
    return false;
  }
  line.quantity = qd->str();
  std::string sub = normalise_amount(kv["sub_total"].empty() ? (kv["subtotal"].empty() ? kv["total"] : kv["subtotal"])
                                                             : kv["sub_total"]);
  auto st = Decimal::parse(sub);
  if (!st) {
    problem = "no total for the item " + dq(line.name);
    return false;
  }
  // The unit price: the line's subtotal over its quantity when that is
  // exact in cents; else the line is one of "N × name" at its subtotal.
  Decimal unit = st->divide(*qd, 2);
  if (unit * *qd == *st) {
    line.unit_price = unit.str();
  } else {
    line.name = qd->str() + " × " + line.name;
    line.quantity = "1";
    line.unit_price = st->str();
  }
  return true;
}

void read_woocommerce(const CsvTable& csv, const Header& h, const std::string& file, Groups& g,
                      std::map<std::string, Extras>& extras) {
  OrderColumns c;
  c.shop = "woocommerce";
  c.number = h.find({"order_number", "order_id", "order", "order_no"});
  c.created = h.find({"order_date", "date", "date_created"});
  c.paid = h.find({"paid_date", "date_paid", "order_paid_date"});
  c.currency = h.find({"order_currency", "currency"});
  c.email = h.find({"billing_email", "email_billing", "customer_email", "email"});
  c.first = h.find({"billing_first_name", "first_name_billing", "first_name"});
  c.last = h.find({"billing_last_name", "last_name_billing", "last_name"});
  c.company = h.find({"billing_company", "company_billing", "company"});
  c.total = h.find({"order_total", "order_total_amount", "total"});
  c.shipping = h.find({"shipping_total", "order_shipping_amount", "order_shipping", "shipping"});
  c.taxes = h.find({"tax_total", "order_total_tax_amount", "order_tax", "total_tax"});
  c.discount = h.find({"discount_total", "cart_discount_amount", "cart_discount", "order_discount"});
  c.refunded = h.find({"order_refund_amount", "refund_total", "order_refund", "refunded_total"});
  c.sku = h.find({"sku", "item_sku", "product_sku"});
  c.item = h.find({"item_name", "product_name", "item"});
  c.qty = h.find({"quantity", "item_quantity", "qty", "quantity_refund"});
  c.price = h.find({"item_cost", "item_price", "product_price", "price"});
  c.line_total = h.find({"item_total", "line_total", "item_subtotal", "line_subtotal"});
  int status = h.find({"order_status", "status"});
  if (c.number < 0)
    throw InvalidData(Location{file, 1, 0, ""},
                      "a WooCommerce orders export has a column \"Order Number\" or \"order_id\"");
  std::vector<int> packed;
  for (size_t i = 0; i < h.names.size(); ++i)
    if (starts_with(header_key(h.names[i]), "line_item_")) packed.push_back(static_cast<int>(i));
  for (size_t i = 1; i < csv.rows.size(); ++i) {
    RowReader r{h, csv.rows[i], ""};
    ShopOrder* o = read_order_cells(r, c, file, g, extras);
    if (!o) continue;
    r.same(status, extras[o->number].financial, r.text(status), true);
    if (std::string s = r.text(status); !s.empty() && o->status.empty()) {
      o->status = status_woocommerce(s);
      if (o->status.empty())
        r.fail(status, dq(s) + " is not a WooCommerce order status (completed, processing, refunded…)");
    }
    for (int col : packed) {
      std::string cell = r.text(col);
      if (cell.empty()) continue;
      ShopLine l;
      std::string problem;
      if (packed_line(cell, l, problem))
        o->lines.push_back(l);
      else
        r.fail(col, problem);
    }
    if (packed.empty()) read_item(r, c, *o);
    keep_error(r, *o);
  }
  for (ShopOrder& o : g.orders)
    if (o.status.empty() && o.error.empty()) o.status = "placed";
}

void read_stripe(const CsvTable& csv, const Header& h, const std::string& file, Groups& g) {
  int id = h.find({"id", "charge_id", "payment_intent_id"}),
      created = h.find({"created_date_utc", "created_utc", "created", "created_date"}), amount = h.find({"amount"}),
      refunded = h.find({"amount_refunded"}), currency = h.find({"currency"}), status = h.find({"status"}),
      captured = h.find({"captured"}), email = h.find({"customer_email", "email"}),
      description = h.find({"description"}),
      name = h.find({"customer_name", "card_name", "billing_name", "customer_description"});
  if (id < 0 || amount < 0)
    throw InvalidData(Location{file, 1, 0, ""}, "a Stripe payments export has the columns \"id\" and \"Amount\"");
  for (size_t i = 1; i < csv.rows.size(); ++i) {
    RowReader r{h, csv.rows[i], ""};
    std::string n = r.text(id);
    std::string line_key = "(line " + std::to_string(r.row.line) + ")";
    auto seen = g.index.find(n);
    // A payment id twice: the second row fails on its own.
    if (seen != g.index.end())
      r.fail(id, dq(n) + " is already the payment of line " + std::to_string(g.orders[seen->second].line));
    if (n.empty()) r.fail(id, "no payment id");
    ShopOrder& o = g.at("stripe", n.empty() || seen != g.index.end() ? line_key : n, file, r.row.line);
    if (!o.error.empty()) continue;
    o.email = r.line(email);
    o.name = r.line(name);
    if (o.name == o.email) o.name.clear();
    o.currency = to_upper_label(r.text(currency));
    o.total = r.money(amount);
    if (o.total.empty() && r.error.empty()) r.fail(amount, "no amount");
    read_stamp_cell(r, created, true, o.date, o.paid_at, "a date");
    o.created = o.paid_at;
    std::string s = r.text(status);
    o.status = status_stripe(s, r.text(captured));
    if (o.status.empty()) r.fail(status, dq(s) + " is not a Stripe payment status (Paid, Refunded, Failed…)");
    if (o.status != "paid") o.paid_at.clear();
    Extras x;
    x.refunded = r.money(refunded);
    // A payment is more than nothing, and no more of it comes back than was paid.
    auto paid = Decimal::parse(o.total), back = Decimal::parse(x.refunded);
    if (paid && !(Decimal() < *paid)) r.fail(amount, dq(r.text(amount)) + " is not a positive amount");
    if (back && *back < Decimal()) r.fail(refunded, dq(r.text(refunded)) + " is a negative amount");
    if (paid && back && *paid < *back)
      r.fail(refunded, dq(r.text(refunded)) + " is more than the payment's Amount (" + r.text(amount) + ")");
    std::string what = r.text(description);
    if (r.error.empty()) finish(o, x, what.empty() ? "Stripe payment " + n : what);
    keep_error(r, o);
  }
}

}  // namespace

std::string detect_shop(const std::vector<std::string>& header) {
  Header h(header);
  if (h.find({"lineitem_name"}) >= 0 || h.find({"financial_status"}) >= 0) return "shopify";
  if (h.find({"amount_refunded"}) >= 0 && h.find({"id"}) >= 0) return "stripe";
  if (h.find({"order_number", "order_id"}) >= 0) return "woocommerce";
  return "";
}

ShopFile parse_shop_orders(const std::string& text, const std::string& file, const std::string& shop) {
  CsvOptions options;
  options.source = file;
  CsvTable csv = parse_csv(text, options);
  ShopFile out;
  if (csv.rows.empty()) {
    out.shop = shop;
    return out;
  }
  out.shop = shop.empty() ? detect_shop(csv.rows[0].cells) : shop;
  if (out.shop.empty())
    throw UsageError(file +
                     ": not an orders export crm knows (Shopify, WooCommerce, Stripe) by its header: give --shop");
  if (out.shop != "shopify" && out.shop != "woocommerce" && out.shop != "stripe")
    throw UsageError("--shop is shopify, woocommerce or stripe, not " + dq(out.shop));
  Header h(csv.rows[0].cells, file);
  out.currency_column = h.find({"currency", "order_currency"}) >= 0;
  Groups g;
  std::map<std::string, Extras> extras;
  if (out.shop == "shopify") read_shopify(csv, h, file, g, extras);
  if (out.shop == "woocommerce") read_woocommerce(csv, h, file, g, extras);
  if (out.shop == "stripe") read_stripe(csv, h, file, g);
  for (ShopOrder& o : g.orders) {
    if (o.error.empty() && o.date.empty()) {
      o.error = "no order date";
      o.error_line = o.line;
    }
    if (o.shop != "stripe" && o.error.empty())
      finish(o, extras[o.number], o.shop == "shopify" ? "Shopify order " + o.number : "WooCommerce order " + o.number);
    if (o.canceled == "-") o.canceled.clear();
  }
  out.orders = std::move(g.orders);
  return out;
}

namespace {

std::string person_name(const ShopOrder& o) {
  if (!o.name.empty()) return o.name;
  std::string n = trim(o.first_name + " " + o.last_name);
  if (!n.empty()) return n;
  return o.email;
}

// The stamps a status needs, from the file, never the clock: two clones
// importing the same file on different days write the same order. Paid: the
// shop's time, else its day (start of day in the store's zone), else when the
// order was placed; refunded and canceled: when it was paid or placed. An
// order the shop no longer says is refunded loses its refunded_at.
void stamp_from_file(const Clock& clock, const ShopOrder& o, Record& order) {
  auto day_start = [&](const std::string& day) -> std::string {
    auto d = parse_iso_date(day);
    return d ? format_datetime(clock.at_local(*d, std::chrono::seconds(0))) : "";
  };
  std::string placed = o.created.empty() ? day_start(o.date) : o.created;
  std::string status = order.get("status");
  if (order.get("paid_at").empty() && status != "placed" && status != "cart") {
    std::string paid = !o.paid_day.empty() ? day_start(o.paid_day) : status == "paid" ? placed : "";
    if (!paid.empty()) order.data.set("paid_at", Node::scalar(paid, true));
  }
  std::string since = order.get("paid_at").empty() ? placed : order.get("paid_at");
  for (const char* s : {"refunded", "canceled"})
    if (status == s && order.get(std::string(s) + "_at").empty() && !since.empty())
      order.data.set(std::string(s) + "_at", Node::scalar(since, true));
  if (status != "refunded") order.data.erase("refunded_at");
}

const Record* find_product(const std::vector<Record>& products, const std::string& sku) {
  if (sku.empty()) return nullptr;
  for (const Record& p : products)
    if (p.get("sku") == sku) return &p;
  for (const Record& p : products)
    if (equals_ci(p.get("sku"), sku)) return &p;
  return nullptr;
}

}  // namespace

OrderImportResult import_orders(Writer& writer, const OrderImportRequest& req) {
  const Store& store = writer.store();
  if (req.files.empty()) throw UsageError("no file to import");
  const Schema& contacts = store.schemas().get("contact");
  const Schema& companies = store.schemas().get("company");
  const Schema& products_schema = store.schemas().get("product");
  const Schema& orders = store.schemas().get("order");
  std::vector<ShopFile> files;
  for (const std::string& file : req.files) {
    std::string name = file == "-" ? "<stdin>" : file;
    std::string bytes = file == "-" ? req.stdin_text : read_file(file, size_t{512} << 20, /*follow_links=*/true);
    files.push_back(parse_shop_orders(decode_import_text(bytes, req.encoding, name), name, req.shop));
  }
  // What the store has: contacts by email (and by name, for orders without
  // one), companies by folded name, products, orders by shop and number.
  std::map<std::string, std::string> by_email, by_name, company_by_name;
  std::vector<std::string> want = {"name", "email", "emails", "company"};
  for (const Record& c : store.load_all(contacts, &want).records) {
    std::vector<std::string> emails = {c.get("email")};
    if (const Node* more = c.data.find("emails"); more && more->is_sequence())
      for (const Node& e : more->items) emails.push_back(e.text);
    for (const std::string& e : emails)
      if (!email_key(e).empty()) by_email.emplace(email_key(e), c.id());
    by_name.emplace(person_name_key(c.get("name")), c.id());
  }
  std::vector<std::string> want_name = {"name"};
  for (const Record& c : store.load_all(companies, &want_name).records)
    company_by_name.emplace(normalise_company_name(c.get("name")), c.id());
  std::vector<Record> products = store.load_all(products_schema).records;
  std::map<std::string, std::string> order_by_number;  // "shop:number" → id
  std::vector<std::string> want_order = {"number", "source"};
  for (const Record& o : store.load_all(orders, &want_order).records)
    if (!o.get("source").empty() && !o.get("number").empty())
      order_by_number.emplace(o.get("source") + ":" + o.get("number"), o.id());

  OrderImportResult result;
  for (ShopFile& f : files) {
    if (!f.currency_column &&
        std::any_of(f.orders.begin(), f.orders.end(), [](const ShopOrder& o) { return o.error.empty(); }))
      result.notes.push_back(f.orders.front().file +
                             ": no column \"Currency\": the orders are in the store's currency (" +
                             store.config().currency + ")");
    for (ShopOrder& o : f.orders) {
      OrderImportRow row;
      row.type = "order";
      row.name = o.number;
      row.file = o.file;
      row.line = o.error.empty() ? o.line : o.error_line;
      if (!o.error.empty()) {
        row.action = "failed";
        row.reason = o.error;
        ++result.failed;
        result.rows.push_back(row);
        continue;
      }
      std::string key = o.shop + ":" + o.number;
      std::string id = derived_id("order:" + key);
      if (auto it = order_by_number.find(key); it != order_by_number.end()) id = it->second;
      row.id = id;
      std::string email = o.email.empty() ? "" : email_key(o.email);
      if (!o.email.empty() && email.empty()) {
        row.action = "failed";
        row.reason = "email " + dq(o.email) + " is not an email address";
        ++result.failed;
        result.rows.push_back(row);
        continue;
      }
      // Each record is built and validated before anything is written.
      std::vector<std::pair<Record, bool>> writes;  // record, is new
      std::string company_id;
      if (!o.company.empty()) {
        std::string folded = normalise_company_name(o.company);
        if (auto it = company_by_name.find(folded); it != company_by_name.end()) {
          company_id = it->second;
        } else {
          company_id = derived_id("order-import:company:" + folded);
          Record c;
          c.type = "company";
          c.data.set("id", Node::scalar(company_id));
          c.data.set("name", Node::scalar(o.company));
          c.data.set("type", Node::scalar("customer"));
          writes.emplace_back(c, !store.exists(companies, company_id));
        }
      }
      std::string contact_id;
      std::string name = person_name(o);
      if (!email.empty()) {
        if (auto it = by_email.find(email); it != by_email.end()) contact_id = it->second;
      } else if (!name.empty()) {
        if (auto it = by_name.find(person_name_key(name)); it != by_name.end()) contact_id = it->second;
      }
      if (contact_id.empty() && !name.empty()) {
        contact_id = derived_id("order-import:contact:" + (email.empty() ? "name:" + person_name_key(name) : email));
        Record c;
        c.type = "contact";
        c.data.set("id", Node::scalar(contact_id));
        c.data.set("name", Node::scalar(name));
        if (!o.first_name.empty()) c.data.set("first_name", Node::scalar(o.first_name));
        if (!o.last_name.empty()) c.data.set("last_name", Node::scalar(o.last_name));
        if (!o.email.empty()) c.data.set("email", Node::scalar(trim(o.email)));
        if (!company_id.empty()) c.data.set("company", Node::scalar(company_id));
        c.data.set("lifecycle", Node::scalar("customer"));
        writes.emplace_back(c, !store.exists(contacts, contact_id));
      }
      if (contact_id.empty()) row.notes.push_back("no email and no name: the order has no contact");
      Record r;
      r.type = "order";
      r.data.set("id", Node::scalar(id));
      r.data.set("number", Node::scalar(o.number));
      if (!contact_id.empty()) r.data.set("contact", Node::scalar(contact_id));
      if (!company_id.empty()) r.data.set("company", Node::scalar(company_id));
      r.data.set("date", Node::scalar(o.date, true));
      r.data.set("status", Node::scalar(o.status));
      if (!o.currency.empty()) r.data.set("currency", Node::scalar(o.currency));
      Node lines = Node::sequence();
      std::vector<std::string> unknown;
      for (const ShopLine& l : o.lines) {
        Node line = Node::map();
        const Record* p = find_product(products, l.sku);
        if (p) line.set("product", Node::scalar(p->id()));
        std::string description = l.name.empty() && p ? p->get("name") : l.name;
        if (!p && !l.sku.empty()) {
          unknown.push_back(l.sku);
          description = (description.empty() ? "" : description + " ") + "(SKU " + l.sku + ")";
        }
        if (!description.empty()) line.set("description", Node::scalar(description));
        line.set("quantity", Node::scalar(l.quantity, true));
        line.set("unit_price", Node::scalar(l.unit_price, true));
        lines.items.push_back(line);
      }
      r.data.set("lines", lines);
      r.data.set("total", Node::scalar(order_total(lines).str(), true));
      if (!o.paid_at.empty() && o.status != "placed" && o.status != "cart")
        r.data.set("paid_at", Node::scalar(o.paid_at, true));
      if (!o.canceled.empty() && o.status == "canceled") r.data.set("canceled_at", Node::scalar(o.canceled, true));
      r.data.set("source", Node::scalar(o.shop));
      r.data.set("external_ids", Node::sequence({Node::scalar(key)}));
      if (!unknown.empty())
        row.notes.push_back("no product has the SKU " + join(unknown, ", ") +
                            ": the line keeps its name and price (crm product add --sku … links the next import)");
      for (const std::string& n : o.notes) row.notes.push_back(n);
      // A known order: the shop's fields replace those it had; the rest
      // (notes, tags, the stamps the workflow gave it) stays.
      std::optional<Record> before;
      if (store.exists(orders, id)) before = store.load(orders, id);
      Record merged = r;
      if (before) {
        merged = *before;
        for (const auto& [k, v] : r.data.entries) merged.data.set(k, v);
        for (const char* field : {"contact", "company", "currency"})
          if (!r.data.find(field)) merged.data.erase(field);
      }
      stamp_from_file(store.clock(), o, merged);
      if (before) {
        if (merged.data.same_value(before->data)) {
          row.action = "unchanged";
          ++result.unchanged;
          result.rows.push_back(row);
          continue;
        }
      }
      // Validated whole before anything of the order is written: a buyer's
      // email the contact schema refuses fails the order, not the import.
      std::string invalid;
      for (const auto& [rec, is_new] : writes)
        for (const InvalidData& e : validate_record(rec, store.schemas().get(rec.type)))
          if (is_new && invalid.empty()) invalid = rec.type + " " + e.what();
      for (const InvalidData& e : validate_record(merged, orders))
        if (invalid.empty()) invalid = e.what();
      if (!invalid.empty()) {
        row.action = "failed";
        row.reason = invalid;
        ++result.failed;
        result.rows.push_back(row);
        continue;
      }
      try {
        for (auto& [rec, is_new] : writes) {
          if (!is_new) continue;
          OrderImportRow made;
          made.action = "created";
          made.type = rec.type;
          made.id = rec.id();
          made.name = rec.get("name");
          made.file = o.file;
          made.line = o.line;
          if (!req.dry_run) write_with_effects(writer, rec, nullptr, true);
          (rec.type == "company" ? result.companies : result.contacts)++;
          result.rows.push_back(made);
        }
        if (!req.dry_run) write_with_effects(writer, merged, before ? &*before : nullptr, !before);
      } catch (const InvalidData& e) {
        row.action = "failed";
        row.reason = e.what();
        ++result.failed;
        result.rows.push_back(row);
        continue;
      }
      if (!company_id.empty()) company_by_name.emplace(normalise_company_name(o.company), company_id);
      if (!contact_id.empty()) {
        if (!email.empty()) by_email.emplace(email, contact_id);
        by_name.emplace(person_name_key(name), contact_id);
      }
      row.action = before ? "updated" : "created";
      (before ? result.updated : result.created)++;
      order_by_number.emplace(key, id);
      result.rows.push_back(row);
    }
  }
  return result;
}

}  // namespace crm
