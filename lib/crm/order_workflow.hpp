// Orders and products (crm-reference.md, Part two): an order's lines, its
// exact total, and what paying, refunding and canceling record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/decimal.hpp"
#include "crm/record.hpp"
#include "crm/store.hpp"

namespace crm {

// "SKU[ xQTY][ @PRICE][ -N%]" (`crm order add --line`) → a line
// {product, description, quantity, unit_price, discount}. SKU is a product's
// sku, else its id, id prefix or name; the price defaults to the product's.
// Throws InvalidData naming the line (an unknown SKU, a quantity that is not a
// positive number, a discount outside 0–100).
Node parse_order_line(const Store& store, std::string_view text, const std::string& currency);

// Σ quantity × unit_price × (1 − discount/100) over the lines, rounded to
// cents half away from zero once, at the end.
Decimal order_total(const Node& lines);

// Whether an order's status counts as revenue: placed, paid or fulfilled.
bool order_counts_as_revenue(const Record& order);

// The order hook of the workflow: checks the lines (InvalidData naming
// `lines[N].field`), fills a line's unit_price from its product, writes the
// total, stamps paid_at / refunded_at / canceled_at when the status becomes
// that, and gives a new order without a number one (its id's first 8
// characters).
void order_changed(const Store& store, Record& order, const Record* before);

}  // namespace crm
