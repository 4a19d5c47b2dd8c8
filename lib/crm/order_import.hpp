// `crm import orders FILE…`: the purchase history from the CSV files shops
// export — Shopify's orders export (one row per line item, grouped by Name),
// WooCommerce's (the snake_case columns of the order export plugins, with
// line_item_N cells, or their title-case "Order Number … Item Name" rows, one
// per item) and Stripe's payments export (one payment, one order).
//
// Each order gets an id derived from its shop and number, so importing the
// same file again, or in another clone, makes the same file and never a
// second order; its buyer is matched to a contact by email
// (case-insensitively; created when new, with the billing name, and its
// company by name); its lines to products by SKU (an unknown SKU keeps the
// line's name and price: no product is invented). Amounts are exact decimals;
// the order's total is the shop's total — shipping, taxes, discounts and
// partial refunds that the items do not explain become lines of their own.
#pragma once

#include <string>
#include <vector>

#include "crm/store.hpp"

namespace crm {

// One line of an order as the file gives it.
struct ShopLine {
  std::string sku, name;
  std::string quantity = "1";  // exact decimal text
  std::string unit_price;      // exact decimal text (may be negative: a discount, a refund)
};

// One order of a file, in the shop's terms.
struct ShopOrder {
  std::string shop;    // shopify woocommerce stripe
  std::string number;  // the shop's order number ("#1001", "ch_3N…")
  std::string file;
  int line = 0;  // the line its first row starts on
  std::string email, name, first_name, last_name, company;
  std::string date;      // YYYY-MM-DD (the shop's own day)
  std::string paid_at;   // UTC date-time, or ""
  std::string paid_day;  // a "Paid at" that is only a date: that day, or ""
  std::string created;   // the UTC instant it was placed, when the shop said it with a zone, or ""
  std::string canceled;  // UTC date-time, or ""
  std::string status;    // placed paid fulfilled refunded canceled
  std::string currency;  // upper case, or "" (the store's)
  std::string total;     // the shop's total, exact decimal text
  std::vector<ShopLine> lines;
  std::vector<std::string> notes;  // said for the order (an adjustment line, a partial refund)
  std::string error;               // the order fails with this: "column \"Total\": …"
  int error_line = 0;
};

struct ShopFile {
  std::string shop;
  std::vector<ShopOrder> orders;
  bool currency_column = true;  // false: the file says no currency (its orders are in the store's)
};

// The shop of a header row: "shopify", "woocommerce", "stripe", or "".
std::string detect_shop(const std::vector<std::string>& header);

// Parses an export (already UTF-8). `shop` "" detects it from the header.
// Throws UsageError when the shop is unknown or cannot be told, InvalidData
// (file:line) when the text is no CSV or lacks a column the shop always
// writes. A bad order does not throw: it carries its error.
ShopFile parse_shop_orders(const std::string& text, const std::string& file, const std::string& shop);

struct OrderImportRequest {
  std::vector<std::string> files;  // "-" is standard input, whose text is stdin_text
  std::string stdin_text;
  std::string shop;      // "" : detected per file
  std::string encoding;  // "" : detected
  bool dry_run = false;
};

struct OrderImportRow {
  std::string action;  // created updated unchanged failed
  std::string type;    // order contact company
  std::string id, name, file;
  int line = 0;
  std::string reason;  // why it failed
  std::vector<std::string> notes;
};

struct OrderImportResult {
  std::vector<OrderImportRow> rows;
  int created = 0, updated = 0, unchanged = 0, failed = 0;  // orders
  int contacts = 0, companies = 0;                          // made for them
  std::vector<std::string> notes;                           // about a whole file ("FILE: …")
};

// Imports the orders of every file: companies, then contacts, then the
// order, each written through write_with_effects (so a run killed at any
// write, run again, converges). Nothing written when dry_run.
OrderImportResult import_orders(Writer& writer, const OrderImportRequest& request);

}  // namespace crm
