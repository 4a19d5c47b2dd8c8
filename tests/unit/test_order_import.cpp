#include <doctest/doctest.h>

#include "crm/error.hpp"
#include "crm/order_import.hpp"

using namespace crm;

namespace {

ShopOrder only(const ShopFile& f) {
  REQUIRE(f.orders.size() == 1);
  return f.orders[0];
}

std::string lines_of(const ShopOrder& o) {
  std::string out;
  for (const ShopLine& l : o.lines)
    out += (out.empty() ? "" : " | ") + l.name + " x" + l.quantity + " @" + l.unit_price;
  return out;
}

}  // namespace

TEST_CASE("order import: the shop is told by the header") {
  CHECK(detect_shop({"Name", "Email", "Financial Status", "Lineitem name"}) == "shopify");
  CHECK(detect_shop({"id", "Created date (UTC)", "Amount", "Amount Refunded"}) == "stripe");
  CHECK(detect_shop({"Order Number", "Order Status", "Billing Email"}) == "woocommerce");
  CHECK(detect_shop({"order_id", "status", "line_item_1"}) == "woocommerce");
  CHECK(detect_shop({"name", "email"}).empty());
  CHECK_THROWS_AS(parse_shop_orders("name,email\na,b\n", "x.csv", ""), UsageError);
}

TEST_CASE("order import: Shopify rows group by Name, times with offsets become UTC") {
  std::string csv =
      "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Total,Shipping,Created at,Lineitem quantity,"
      "Lineitem name,Lineitem price,Lineitem sku\n"
      "#7,a@b.c,paid,2026-03-01 23:30:00 -0230,fulfilled,CAD,25.00,3.00,2026-03-01 23:29:00 -0230,2,Pen,10.00,P\n"
      "#7,a@b.c,,,,,,,,1,Ink,2.00,I\n";
  ShopOrder o = only(parse_shop_orders(csv, "s.csv", ""));
  CHECK(o.number == "#7");
  CHECK(o.date == "2026-03-01");               // the shop's own day
  CHECK(o.paid_at == "2026-03-02T02:00:00Z");  // 23:30 at −02:30
  CHECK(o.status == "fulfilled");
  CHECK(o.currency == "CAD");
  CHECK(lines_of(o) == "Pen x2 @10 | Ink x1 @2 | Shipping x1 @3");
}

TEST_CASE("order import: what the items do not explain is a line, never lost") {
  std::string csv =
      "Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price\n"
      "#8,a@b.c,paid,USD,11.00,2026-03-01,1,Pen,10.00\n";
  ShopOrder o = only(parse_shop_orders(csv, "s.csv", "shopify"));
  CHECK(lines_of(o) == "Pen x1 @10 | Adjustment x1 @1");
  CHECK(o.notes.size() == 1);
}

TEST_CASE("order import: a bad cell fails its order, naming the column and line") {
  std::string csv =
      "Name,Email,Financial Status,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price\n"
      "#1,a@b.c,paid,1,2026-03-01,1,Pen,1\n"
      "#2,a@b.c,paid,1,2026-03-01,-1,Pen,1\n"
      "#3,a@b.c,weird,1,2026-03-01,1,Pen,1\n";
  ShopFile f = parse_shop_orders(csv, "s.csv", "");
  REQUIRE(f.orders.size() == 3);
  CHECK(f.orders[0].error.empty());
  CHECK(f.orders[1].error == "column \"Lineitem quantity\": \"-1\" is not a positive quantity");
  CHECK(f.orders[1].error_line == 3);
  CHECK(f.orders[2].error.find("column \"Financial Status\"") == 0);
}

TEST_CASE("order import: WooCommerce's packed line items, a price that does not divide stays whole") {
  std::string csv =
      "order_id,order_number,order_date,status,order_total,order_currency,billing_email,line_item_1,line_item_2\n"
      "9,A-9,2026-05-05 10:00:00,wc-processing,20.00,eur,x@y.z,"
      "name:Tea|sku:T|quantity:3|total:10.00|sub_total:10.00,name:Cup|sku:C|quantity:2|total:10.00\n";
  ShopOrder o = only(parse_shop_orders(csv, "w.csv", ""));
  CHECK(o.status == "paid");
  CHECK(o.currency == "EUR");
  CHECK(lines_of(o) == "3 × Tea x1 @10 | Cup x2 @5");
}

TEST_CASE("order import: a Stripe payment partly refunded keeps the refund as a line") {
  std::string csv =
      "id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Status,Captured,Customer Email\n"
      "ch_1,Call,2026-06-01 10:00:00,100.00,40.00,usd,Paid,true,a@b.c\n"
      "ch_2,Call,2026-06-02 10:00:00,100.00,100.00,usd,Paid,true,a@b.c\n"
      "ch_3,Call,2026-06-03 10:00:00,100.00,0,usd,Paid,false,a@b.c\n";
  ShopFile f = parse_shop_orders(csv, "p.csv", "");
  REQUIRE(f.orders.size() == 3);
  CHECK(lines_of(f.orders[0]) == "Call x1 @100 | Refund x1 @-40");
  CHECK(f.orders[0].paid_at == "2026-06-01T10:00:00Z");
  CHECK(f.orders[1].status == "refunded");
  CHECK(f.orders[2].status == "placed");  // not captured: authorised, not paid
  CHECK(f.orders[2].paid_at.empty());
}

TEST_CASE("order import: hostile Shopify files (issue 15)") {
  std::string h =
      "Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Lineitem price,Refunded Amount\n";
  SUBCASE("a later row contradicting the order's currency fails it there; empty and repeated cells do not") {
    ShopOrder o = only(parse_shop_orders(h + "#1,a@b.c,paid,2026-01-02,USD,20,A,10,\n#1,A@B.C,,,,20.00,B,10,\n"
                                             "#1,a@b.c,paid,2026-01-02,EUR,20,C,10,\n",
                                         "s.csv", ""));
    CHECK(o.error == "column \"Currency\": \"EUR\" contradicts \"USD\" on an earlier row of the order");
    CHECK(o.error_line == 4);
    ShopOrder ok =
        only(parse_shop_orders(h + "#1,a@b.c,paid,2026-01-02,USD,20,A,10,\n#1,A@B.C,,,,20.00,B,10,\n", "s.csv", ""));
    CHECK(ok.error.empty());
    CHECK(lines_of(ok) == "A x1 @10 | B x1 @10");
  }
  SUBCASE("dates before 1900, fractions of a cent, refunds above the total fail the order") {
    CHECK(only(parse_shop_orders(h + "#1,a@b.c,paid,0001-01-01 00:00:00 +1400,USD,1,A,1,\n", "s.csv", "")).error ==
          "column \"Created at\": \"0001-01-01 00:00:00 +1400\" is before 1900");
    CHECK(only(parse_shop_orders(h + "#1,a@b.c,paid,2026-01-02,USD,0.001,A,0.001,\n", "s.csv", "")).error ==
          "column \"Total\": \"0.001\" has a fraction of a cent: an order's amounts are in cents");
    CHECK(only(parse_shop_orders(h + "#1,a@b.c,refunded,2026-01-02,USD,10,A,10,10.01\n", "s.csv", "")).error ==
          "column \"Refunded Amount\": \"10.01\" is more than the order's \"Total\" (10)");
    CHECK(only(parse_shop_orders(h + "#1,a@b.c,refunded,2026-01-02,USD,10,A,10,10\n", "s.csv", "")).status ==
          "refunded");
  }
  SUBCASE("a column read twice fails the file; no Currency column is told") {
    CHECK_THROWS_AS(
        parse_shop_orders("Name,Email,Created at,Total,TOTAL\n#1,a@b.c,2026-01-02,1,2\n", "s.csv", "shopify"),
        InvalidData);
    CHECK_FALSE(
        parse_shop_orders("Name,Email,Financial Status,Created at,Total\n#1,a@b.c,paid,2026-01-02,1\n", "s.csv", "")
            .currency_column);
    CHECK(parse_shop_orders(h + "#1,a@b.c,paid,2026-01-02,USD,1,A,1,\n", "s.csv", "").currency_column);
  }
}
