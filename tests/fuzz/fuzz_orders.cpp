// libFuzzer target: `crm import orders` on whatever bytes a shop's export
// may hold. The bytes go through the charset decoder and the orders parser,
// detected and as each shop. Whatever the bytes, each step returns or throws
// crm::Error; every order that parses without an error has lines whose
// quantities are positive decimals and whose prices are decimals, and a
// date of ten characters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "crm/decimal.hpp"
#include "crm/error.hpp"
#include "crm/importer.hpp"
#include "crm/order_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string text;
  try {
    text = crm::decode_import_text(bytes, "", "fuzz.csv");
  } catch (const crm::Error&) {
    return 0;
  }
  for (const char* shop : {"", "shopify", "woocommerce", "stripe"}) {
    try {
      crm::ShopFile f = crm::parse_shop_orders(text, "fuzz.csv", shop);
      for (const crm::ShopOrder& o : f.orders) {
        if (!o.error.empty()) continue;
        if (o.date.size() != 10 || o.lines.empty()) std::abort();
        // No date before 1900 and no order-level amount finer than a cent gets through.
        if (o.date < "1900" || (!o.paid_at.empty() && o.paid_at < "1900")) std::abort();
        if (auto t = crm::Decimal::parse(o.total); !o.total.empty() && (!t || !(t->rounded(2) == *t))) std::abort();
        for (const crm::ShopLine& l : o.lines) {
          auto q = crm::Decimal::parse(l.quantity);
          if (!q || !(crm::Decimal() < *q) || !crm::Decimal::parse(l.unit_price)) std::abort();
        }
      }
    } catch (const crm::Error&) {
    }
  }
  return 0;
}
