#include "crm/order_workflow.hpp"

#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

const Decimal kHundred = Decimal::from_int(100);

InvalidData line_error(const std::string& where, const std::string& msg) {
  return InvalidData(Location{"", 0, 0, where}, msg);
}

// A product by sku first (exact), then as any reference resolves.
const Record* find_product(const std::vector<Record>& products, std::string_view key) {
  for (const Record& p : products)
    if (!p.get("sku").empty() && p.get("sku") == key) return &p;
  for (const Record& p : products)
    if (equals_ci(p.get("sku"), key)) return &p;
  return nullptr;
}

std::string product_currency(const Record& p, const Store& store) {
  std::string c = p.get("currency");
  return c.empty() ? store.config().currency : c;
}

}  // namespace

Node parse_order_line(const Store& store, std::string_view text, const std::string& currency) {
  std::string where = "--line \"" + escape_for_terminal(std::string(text)) + "\"";
  std::vector<std::string> words;
  for (std::string_view rest = text; !rest.empty();) {
    size_t start = rest.find_first_not_of(" \t");
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    size_t end = rest.find_first_of(" \t");
    words.emplace_back(rest.substr(0, end));
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
  }
  if (words.empty()) throw UsageError(where + ": name a product: \"SKU[ xQTY][ @PRICE][ -N%]\"");
  // The product: the words before the first xQTY/@PRICE/-N% (a name may have spaces).
  size_t k = 0;
  std::string key;
  auto is_modifier = [](const std::string& w) {
    if (w.size() > 1 && (w[0] == 'x' || w[0] == '@')) return Decimal::parse(w.substr(1)).has_value();
    return w.size() > 2 && w[0] == '-' && w.back() == '%';
  };
  for (; k < words.size() && (k == 0 || !is_modifier(words[k])); ++k) key += (key.empty() ? "" : " ") + words[k];
  Decimal quantity = Decimal::from_int(1);
  std::optional<Decimal> price, discount;
  for (; k < words.size(); ++k) {
    const std::string& w = words[k];
    std::optional<Decimal> v =
        w.size() > 1 ? Decimal::parse(w[0] == '-' ? w.substr(1, w.size() - 2) : w.substr(1)) : std::nullopt;
    if (!v || !is_modifier(w))
      throw UsageError(where + ": \"" + escape_for_terminal(w) + "\" is not xQUANTITY, @PRICE or -N%");
    if (w[0] == 'x') quantity = *v;
    if (w[0] == '@') price = *v;
    if (w[0] == '-') discount = *v;
  }
  Store::Loaded products = store.load_all(store.schemas().get("product"));
  const Record* product = find_product(products.records, key);
  if (!product) {
    try {
      std::string id = store.resolve(store.schemas().get("product"), key);
      for (const Record& p : products.records)
        if (p.id() == id) product = &p;
    } catch (const NotFound&) {
    }
  }
  if (!product && !price)
    throw InvalidData(Location{"", 0, 0, "lines"},
                      where + ": no product has sku or name \"" + escape_for_terminal(key) +
                          "\" (crm product add --name … --sku " + escape_for_terminal(key) +
                          " --price …, or give the line a price: \"" + escape_for_terminal(key) + " @PRICE\")");
  Node line = Node::map();
  if (product) {
    line.set("product", Node::scalar(product->id()));
    if (!price) {
      if (product->get("price").empty())
        throw InvalidData(Location{"", 0, 0, "lines"},
                          where + ": product " + product->get("name") + " has no price: give the line one (@PRICE)");
      if (product_currency(*product, store) != currency)
        throw InvalidData(Location{"", 0, 0, "lines"}, where + ": product " + product->get("name") + " is priced in " +
                                                           product_currency(*product, store) + ", the order is in " +
                                                           currency + ": give the line its price in " + currency +
                                                           " (@PRICE)");
      price = Decimal::parse(product->get("price"));
    }
  } else {
    line.set("description", Node::scalar(key));
  }
  if (product && !product->get("name").empty()) line.set("description", Node::scalar(product->get("name")));
  line.set("quantity", Node::scalar(quantity.str(), true));
  line.set("unit_price", Node::scalar(price ? price->str() : "0", true));
  if (discount) line.set("discount", Node::scalar(discount->str(), true));
  return line;
}

Decimal order_total(const Node& lines) {
  Decimal total;
  for (const Node& l : lines.items) {
    if (!l.is_map()) continue;
    auto q = Decimal::parse(l.get("quantity").empty() ? "1" : l.get("quantity"));
    auto p = Decimal::parse(l.get("unit_price").empty() ? "0" : l.get("unit_price"));
    auto d = Decimal::parse(l.get("discount").empty() ? "0" : l.get("discount"));
    if (!q || !p || !d) continue;
    Decimal line = *q * *p;
    if (!d->is_zero()) line = line * (kHundred - *d);
    total = total + (d->is_zero() ? line : line.divide(kHundred, 6));
  }
  return total.rounded(2);
}

bool order_counts_as_revenue(const Record& order) {
  std::string s = order.get("status");
  return s.empty() || s == "placed" || s == "paid" || s == "fulfilled";
}

void order_changed(const Store& store, Record& order, const Record* before) {
  // No order is older than 1900, as no timestamp is (crm(1), "FIELDS").
  if (std::string d = order.get("date"); !d.empty() && d < "1900")
    throw line_error("date", "\"" + escape_for_terminal(d) + "\" is before 1900");
  Node* lines = order.data.find("lines");
  if (lines && lines->is_sequence()) {
    const Schema& products = store.schemas().get("product");
    for (size_t i = 0; i < lines->items.size(); ++i) {
      Node& l = lines->items[i];
      std::string at = "lines[" + std::to_string(i) + "]";
      if (!l.is_map()) throw line_error(at, "a line is a map: product, description, quantity, unit_price, discount");
      if (!l.get("quantity").empty()) {
        auto q = Decimal::parse(l.get("quantity"));
        if (!q || !(Decimal() < *q))
          throw line_error(at + ".quantity",
                           "\"" + escape_for_terminal(l.get("quantity")) + "\" is not a positive number");
      }
      if (!l.get("discount").empty()) {
        auto d = Decimal::parse(l.get("discount"));
        if (!d || *d < Decimal() || kHundred < *d)
          throw line_error(at + ".discount",
                           "\"" + escape_for_terminal(l.get("discount")) + "\" is not a percentage from 0 to 100");
      }
      if (l.get("unit_price").empty()) {
        std::string pid = l.get("product");
        if (pid.empty() || !store.exists(products, pid))
          throw line_error(at + ".unit_price", "a line needs a unit_price, or a product that has a price");
        std::string price = store.load(products, pid).get("price");
        if (price.empty()) throw line_error(at + ".unit_price", "its product has no price: give the line one");
        l.set("unit_price", Node::scalar(price, true));
      }
      if (l.get("quantity").empty()) l.set("quantity", Node::scalar("1", true));
    }
    order.data.set("total", Node::scalar(order_total(*lines).str(), true));
  }
  if (!before && order.get("number").empty()) order.data.set("number", Node::scalar(order.id().substr(0, 8)));
  std::string status = order.get("status"), old = before ? before->get("status") : "";
  std::string now = format_datetime(store.clock().now);
  for (const char* s : {"paid", "refunded", "canceled"}) {
    std::string stamp = std::string(s) + "_at";
    if (status == s && old != s && order.get(stamp).empty() && (before || !order.data.find("created")))
      order.data.set(stamp, Node::scalar(now, true));
  }
}

}  // namespace crm
