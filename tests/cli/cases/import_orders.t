Orders from the CSV files shops export (crm-import(1), "ORDERS"): Shopify's
orders export, WooCommerce's two export shapes and Stripe's payments, each
told by its header. The fixtures are in tests/fixtures/orders/ (README.md
says what each order is for). Today is 2026-11-23.

  $ F=$TESTDIR/../../fixtures/orders
  $ crm init s > /dev/null 2>&1 && cd s
  $ crm contact add --name "Ada Lovelace" --email Ada@Example.com > /dev/null
  $ crm product add --name Hat --sku HAT-1 --price 20 > /dev/null
  $ crm product add --name Mug --sku MUG-2 --price 8.50 > /dev/null

A dry run says what it would do and writes nothing.

  $ crm import orders $F/shopify-orders.csv --dry-run 2>&1 | tail -2
  crm: dry run: nothing written
  would make: 5 orders created, 0 updated, 0 unchanged, 1 failed; 2 contacts and 1 company created
  $ ls orders | wc -l
  0

All four files. A bad order is named by file, line and column, the others
are imported, and the exit status is 3. Ada is found under her email
however it is cased; the others are made, with their billing names (and
Bob's company). An unknown SKU keeps the line's name and price: no product
is invented.

  $ crm import orders $F/shopify-orders.csv $F/woocommerce-orders.csv $F/woocommerce-export-suite.csv $F/stripe-payments.csv 2>&1 | sed "s|$F/||"
  crm: shopify-orders.csv:4: order #1002: no product has the SKU SCF-9: the line keeps its name and price (crm product add --sku … links the next import)
  crm: shopify-orders.csv:6: order #1004: partly refunded (8.50): a line "Refund"
  crm: error: shopify-orders.csv:8: order #1006: column "Lineitem quantity": "two" is not a positive quantity
  crm: woocommerce-orders.csv:3: order 2002: no product has the SKU TEE-3: the line keeps its name and price (crm product add --sku … links the next import)
  crm: woocommerce-export-suite.csv:3: order 3002: no product has the SKU BEAN-1: the line keeps its name and price (crm product add --sku … links the next import)
  crm: stripe-payments.csv:3: order ch_3PqA1bLkdIwHu7ix0a1b2c3e: partly refunded (50.00): a line "Refund"
  crm: error: stripe-payments.csv:5: order ch_3PqA1bLkdIwHu7ix0a1b2c3g: column "Amount": "12,5x" is not an amount
  13 orders created, 0 updated, 0 unchanged, 2 failed; 5 contacts and 1 company created
  $ echo $?
  0
  $ crm import orders $F/stripe-payments.csv > /dev/null 2>&1; echo $?
  3
  $ crm contact list --fields name,email,company,lifecycle
  ID    NAME          EMAIL             COMPANY     LIFECYCLE
  [a-z0-9]{4}  Ada Lovelace  Ada@Example.com               lead (re)
  [a-z0-9]{4}  Ben Okri      ben@example.com               customer (re)
  [a-z0-9]{4}  Bob Stone     bob@example.org   Stone & Co  customer (re)
  [a-z0-9]{4}  Cleo Park     cleo@example.net              customer (re)
  [a-z0-9]{4}  Dan Wu        dan@example.com               customer (re)
  [a-z0-9]{4}  Eve Adams     eve@example.com               customer (re)

Statuses mapped: Shopify paid + fulfilled → fulfilled, refunded, voided or
cancelled → canceled; WooCommerce completed → fulfilled, processing →
paid, cancelled → canceled; Stripe Paid → paid, Failed → canceled. Amounts
exact, currencies kept; the total is the shop's.

  $ crm order list --fields number,date,contact,status,currency,total,source
  ID    NUMBER                       DATE        CONTACT       STATUS     CURRENCY       TOTAL  SOURCE
  w1ev  3001                         2026-07-01  Eve Adams     fulfilled  USD        USD 60.00  woocommerce
  ej0m  2001                         2026-08-14  Ben Okri      fulfilled  USD        USD 44.00  woocommerce
  knqw  #1003                        2026-09-10  Cleo Park     refunded   EUR        EUR 18.00  shopify
  gwz8  ch_3PqA1bLkdIwHu7ix0a1b2c3e  2026-10-02  Dan Wu        paid       USD       USD 100.00  stripe
  d0em  #1001                        2026-10-05  Ada Lovelace  fulfilled  USD        USD 53.50  shopify
  bkve  #1002                        2026-11-01  Bob Stone     paid       USD        USD 27.00  shopify
  jpgc  2002                         2026-11-10  Ada Lovelace  paid       USD        USD 32.00  woocommerce
  pajg  2003                         2026-11-11  Ben Okri      canceled   USD         USD 8.50  woocommerce
  cs14  #1005                        2026-11-15  Cleo Park     fulfilled  EUR        EUR 21.42  shopify
  zyc1  ch_3PqA1bLkdIwHu7ix0a1b2c3d  2026-11-18  Dan Wu        paid       USD       USD 150.00  stripe
  aanf  ch_3PqA1bLkdIwHu7ix0a1b2c3f  2026-11-19  Ada Lovelace  canceled   USD        USD 75.00  stripe
  g5em  #1004                        2026-11-20  Ada Lovelace  fulfilled  USD        USD 25.50  shopify
  tc80  3002                         2026-11-22  Eve Adams     refunded   USD        USD 10.00  woocommerce

Shopify's #1001: two rows, one order; its lines by SKU, then the shipping
that makes up the shop's total (2 × 20 + 8.50 + 5 = 53.50). Paid at
14:02:13 in New York (−04:00) is 18:02:13 UTC; the day is the shop's own.

  $ crm order show '#1001' --format yaml | sed -n '/^  date/,/^  external_ids/p' | sed 's/[a-z0-9]\{16\}/ID/'
    date: 2026-10-05
    status: fulfilled
    currency: USD
    lines:
      - product: ID
        description: Hat
        quantity: 2
        unit_price: 20
      - product: ID
        description: Mug
        quantity: 1
        unit_price: 8.5
      - description: Shipping
        quantity: 1
        unit_price: 5
    total: 53.5
    paid_at: 2026-10-05T18:02:13Z
    source: shopify
    external_ids:

#1002: the price includes its taxes (30 − 3 discount = 27, the total; the
2.43 of taxes are inside), so the discount is a line and the taxes are not.
#1005 adds its taxes on top (18 + 3.42 = 21.42). #1004: 4 mugs, 8.50 of
them refunded: a refund line, 34 − 8.50 = 25.50. A lower-case SKU (hat-1)
still names the Hat.

  $ for n in '#1002' '#1005' '#1004'; do crm order show "$n" --format json | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["number"], [(l.get("description"), l["quantity"], l["unit_price"], "product" in l) for l in o["lines"]], o["total"])'; done
  #1002 [('Scarf, wool (SKU SCF-9)', 1, 30, False), ('Discount', 1, -3, False)] 27
  #1005 [('Hat', 1, 18, True), ('Taxes', 1, 3.42, False)] 21.42
  #1004 [('Mug', 4, 8.5, True), ('Refund', 1, -8.5, False)] 25.5

The same files again change nothing: each order's id derives from its shop
and number. The file of an order is the same in any clone that imports it.

  $ ls orders | sort > ../before && cat orders/*.yaml | md5sum > ../sum
  $ crm import orders $F/shopify-orders.csv $F/woocommerce-orders.csv $F/woocommerce-export-suite.csv $F/stripe-payments.csv 2>&1 | tail -1
  0 orders created, 0 updated, 13 unchanged, 2 failed; 0 contacts and 0 companies created
  $ ls orders | sort | diff ../before - && cat orders/*.yaml | md5sum | diff ../sum -
  $ (cd .. && crm init clone > /dev/null 2>&1 && crm -C clone import orders $F/stripe-payments.csv > /dev/null 2>&1; ls clone/orders | sort) | comm -12 - ../before | wc -l
  3

The customers' value after the import, worked out by hand. Orders that
count: placed, paid, fulfilled (refunded and canceled count zero). USD: Ada
#1001 53.50 + #1004 25.50 + 2002 32 = 111 (3 orders, 2026-10-05 to
2026-11-20); Bob 27; Ben 44 (2003 canceled); Dan 150 + 100 = 250; Eve 60
(3002 refunded). EUR: Cleo 21.42 (#1003 refunded). Fewer than 50
customers: fixed thresholds. Ada: 3 days → R5, 3 orders → F3:
potential_loyalists; Bob 22 days → R5, F1: new_customers; Ben 101 days →
R2, F1: hibernating; Dan 5 days → R5, F2: potential_loyalists; Eve 145
days → R2, F1: hibernating. M by quintiles, 1 + ⌊5·w/5⌋ for w customers
with less: Bob 1, Ben 2, Eve 3, Ada 4, Dan 5. Cleo alone in EUR: 8 days,
R5 F1 M1: new_customers.

  $ crm report customers --format csv | cut -d, -f1,3-7,10-13
  contact,currency,orders,first_order,last_order,revenue,r,f,m,segment
  Dan Wu,USD,2,2026-10-02,2026-11-18,250,5,2,5,potential_loyalists
  Ada Lovelace,USD,3,2026-10-05,2026-11-20,111,5,3,4,potential_loyalists
  Eve Adams,USD,1,2026-07-01,2026-07-01,60,2,1,3,hibernating
  Ben Okri,USD,1,2026-08-14,2026-08-14,44,2,1,2,hibernating
  Bob Stone,USD,1,2026-11-01,2026-11-01,27,5,1,1,new_customers
  Cleo Park,EUR,1,2026-11-15,2026-11-15,21.42,5,1,1,new_customers
  total,USD,8,,,492,,,,
  total,EUR,1,,,21.42,,,,

Mistakes: a file crm cannot tell, a shop it does not know, options that
do not apply. Nothing is written.

  $ printf 'a,b\n1,2\n' > ../other.csv && crm import orders ../other.csv
  crm: error: ../other.csv: not an orders export crm knows (Shopify, WooCommerce, Stripe) by its header: give --shop
  [2]
  $ crm import orders ../other.csv --shop amazon
  crm: error: --shop is shopify, woocommerce or stripe, not "amazon"
  [2]
  $ crm import orders ../other.csv --shop shopify
  crm: error: ../other.csv:1: a Shopify orders export has a column "Name"
  [3]
  $ crm import orders $F/stripe-payments.csv --type order
  crm: error: import orders reads the shops' own columns: it takes no --type
  [2]
  $ crm import csv $F/stripe-payments.csv --shop stripe
  crm: error: --shop is for import orders
  [2]
  $ ls orders | sort | diff ../before -

A buyer's email the contact schema refuses fails that order alone, named
by line, before anything of it is written; standard input is a file too,
and json says what happened to each order.

  $ printf 'id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Captured,Customer Email,Card Name\nch_1,2026-11-01 10:00:00,5.00,0,usd,Paid,true,bad@@x,Bad Mail\nch_2,2026-11-01 10:00:00,7.00,0,usd,Paid,true,ok@x.example,Good Mail\n' > ../pay.csv
  $ crm --format json import orders - < ../pay.csv | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["created"], d["failed"], d["contacts_created"], [(r["type"], r["action"], r["line"]) for r in d["rows"]])'
  crm: error: <stdin>:2: order ch_1: contact email: "bad@@x" is not an email address
  1 order created, 0 updated, 0 unchanged, 1 failed; 1 contact and 0 companies created
  1 1 1 [('order', 'failed', 2), ('contact', 'created', 3), ('order', 'created', 3)]
  $ crm contact list email~bad | wc -l
  0

The stamps come from the file, never the clock: a date-only "Paid at" is
that day (start of day in the store's zone), a paid order without one was
paid when placed. Two clones importing the same file on different days
write the same orders (all but the created/updated stamps of any write);
an order the shop no longer says is refunded loses
its refunded_at.

  $ cd .. && printf 'Name,Email,Financial Status,Paid at,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name\n#7001,p1@example.com,paid,2026-11-02,USD,10.00,2026-11-01 09:30:00 -0500,1,Pen,10.00,Pia One\n#7002,p2@example.com,paid,,USD,12.00,2026-11-03 08:00:00 +0000,1,Ink,12.00,Pia Two\n#7003,p3@example.com,refunded,,USD,9.00,2026-11-04 08:00:00 +0000,1,Pad,9.00,Pia Three\n' > shop7.csv
  $ printf 'order_number,order_date,status,paid_date,billing_email,order_total,order_currency\n9001,2026-11-05,processing,,w1@example.com,20.00,USD\n' > woo9.csv
  $ for day in 2026-11-10 2026-12-24; do crm init c$day > /dev/null 2>&1 && (cd c$day && CRM_NOW=${day}T15:00:00Z crm import orders ../shop7.csv ../woo9.csv > /dev/null 2>&1); done
  $ for d in c2026-11-10 c2026-12-24; do mkdir $d.x && for f in $d/orders/*; do grep -v -e '^created:' -e '^updated:' $f > $d.x/${f##*/}; done; done
  $ diff -r c2026-11-10.x c2026-12-24.x && ls c2026-11-10.x | wc -l
  4
  $ cd c2026-11-10 && crm order list --format csv --fields number,status,paid_at,refunded_at
  id,number,status,paid_at,refunded_at
  [a-z0-9]{16},#7001,paid,2026-11-02T00:00:00Z, (re)
  [a-z0-9]{16},#7002,paid,2026-11-03T08:00:00Z, (re)
  [a-z0-9]{16},#7003,refunded,,2026-11-04T08:00:00Z (re)
  [a-z0-9]{16},9001,paid,2026-11-05T00:00:00Z, (re)
  $ sed 's/refunded,,USD,9.00/paid,,USD,9.00/' ../shop7.csv > ../shop7b.csv && CRM_NOW=2026-12-30T10:00:00Z crm import orders ../shop7b.csv > /dev/null 2>&1
  $ crm order list number=#7003 --format csv --fields status,paid_at,refunded_at
  id,status,paid_at,refunded_at
  [a-z0-9]{16},paid,2026-11-04T08:00:00Z, (re)

A Stripe payment of nothing or less, a negative refund, or more refunded
than paid is refused, naming the column; so is a billing name broken over
two lines (a CSV cell may hold a line break: a name may not).

  $ cd .. && printf 'id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer Email,Card Name\nch_a,2026-11-01 10:00:00,-5.00,0.00,usd,Paid,n1@example.com,Neg One\nch_b,2026-11-01 10:00:00,10.00,-1.00,usd,Paid,n2@example.com,Neg Two\nch_c,2026-11-01 10:00:00,10.00,12.00,usd,Paid,n3@example.com,Neg Three\nch_d,2026-11-01 10:00:00,10.00,0.00,usd,Paid,n4@example.com,"Nora\nFour"\nch_e,2026-11-01 10:00:00,10.00,0.00,usd,Paid,n5@example.com,Nell Five\n' > bad-stripe.csv
  $ crm init st > /dev/null 2>&1 && cd st && crm import orders ../bad-stripe.csv; echo $?
  crm: error: ../bad-stripe.csv:2: order ch_a: column "Amount": "-5.00" is not a positive amount
  crm: error: ../bad-stripe.csv:3: order ch_b: column "Amount Refunded": "-1.00" is a negative amount
  crm: error: ../bad-stripe.csv:4: order ch_c: column "Amount Refunded": "12.00" is more than the payment's Amount (10.00)
  crm: error: ../bad-stripe.csv:5: order ch_d: column "Card Name": has a line break: it is one line
  1 order created, 0 updated, 0 unchanged, 4 failed; 1 contact and 0 companies created
  3
  $ crm contact list --fields name
  ID    NAME
  [a-z0-9]{4}  Nell Five (re)
