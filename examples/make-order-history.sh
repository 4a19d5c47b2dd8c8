#!/usr/bin/env bash
# Adds a year of purchases to the sample store (examples/), after
# make-sample-store.sh: a catalogue of products, about a hundred orders of the
# example customers from December 2025 to November 2026 — imported through
# `crm import orders` from a Shopify-shaped export this script writes — and
# three segments, so that `make demo` shows `crm report rfm` with its
# segments populated and `crm segment list` with their counts.
# Refuses when the store has orders already.
#
#   examples/make-order-history.sh
#
# Deterministic: the same store gives the same files. Products and segments
# have fixed ids; each order's id derives from its shop and number (the
# import's rule); the dates and quantities come from a fixed-seed generator.
# Each customer has a buying pattern chosen to land in one RFM segment on
# the demo's day (CRM_TODAY=2026-11-23): see PATTERNS below.
set -euo pipefail

store=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$store")
CRM_BIN=${CRM_BIN:-$root/build/crm}
export CRM_TODAY=2026-11-23 CRM_NOW=2026-11-23T09:00:00Z

if [ -d "$store/orders" ] && [ -n "$(ls -A "$store/orders")" ]; then
  echo "$0: $store/orders already has records" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/products.json" <<'EOF'
[
  {"id": "pdenginelicence1", "type": "product", "name": "Engine licence", "sku": "ENG-LIC", "price": "1200", "recurring": "yearly", "category": "licences"},
  {"id": "pdsupportplan001", "type": "product", "name": "Support plan", "sku": "SUP-M", "price": "150", "recurring": "monthly", "category": "services"},
  {"id": "pdtrainingday001", "type": "product", "name": "Training day", "sku": "TRN-DAY", "price": "900", "unit": "day", "category": "services"},
  {"id": "pdconsulting0001", "type": "product", "name": "Consulting hour", "sku": "CONS-H", "price": "120", "unit": "hour", "category": "services"},
  {"id": "pdsensorkit00001", "type": "product", "name": "Sensor kit", "sku": "SENS-KIT", "price": "340", "category": "hardware"},
  {"id": "pdpunchedcards01", "type": "product", "name": "Punched cards (box of 100)", "sku": "CARD-100", "price": "25", "unit": "box", "category": "supplies"},
  {"id": "pdmanual00000001", "type": "product", "name": "Operator's manual", "sku": "MAN-BOOK", "price": "45", "category": "supplies"},
  {"id": "pdinstallation01", "type": "product", "name": "Installation", "sku": "INST", "price": "600", "category": "services"}
]
EOF
"$CRM_BIN" -C "$store" import json "$work/products.json" --type product

python3 - "$work/orders.csv" <<'EOF'
import csv, datetime, sys

# The customers and the pattern each buys in: (orders that count, days
# before 2026-11-23 of the last one). With fewer than 50 customers RFM uses
# fixed thresholds: R5 < 30 days, R4 < 60, R3 < 90, R2 < 180; F5 >= 10
# orders, F4 >= 5, F3 >= 3, F2 = 2.
PATTERNS = [
    # champions: R5, F4-5
    ("zoe.angstrom@analytical.example", "Zoë Ångström", 12, 6),
    ("j.weiss@nordlicht.example", "Jürgen Weiß", 11, 12),
    ("chloe.tremblay@mapleleaf.example", "Chloé Tremblay", 6, 3),
    # loyal: R3-4, F4-5
    ("c.whitmore@analytical.example", "Charles Whitmore", 7, 40),
    ("ingrid.bjornstad@fjordline.example", "Ingrid Bjørnstad", 5, 70),
    ("k.mueller@mueller-oeztuerk.example", "Katharina Müller", 6, 52),
    # potential loyalists: R4-5, F2-3
    ("priya.r@analytical.example", "Priya Raghunathan", 3, 9),
    ("raj@mapleleaf.example", "Raj Malhotra", 2, 33),
    ("soren@kierkegaard-son.example", "Søren Kierkegaard", 2, 15),
    # new customers: R5, F1
    ("amara@okafor-health.example", "Amara Okafor", 1, 4),
    ("hedda@skargard-bryggeri.example", "Hedda Lindqvist", 1, 20),
    # promising: R4, F1
    ("rhys@pritchard-precision.example", "Rhys Pritchard", 1, 45),
    ("freya.nilsen@fjordline.example", "Freya Nilsen", 1, 31),
    # need attention: R3, F3
    ("mary.sg@analytical.example", "Mary Somerville-Grant", 3, 75),
    ("e.oeztuerk@mueller-oeztuerk.example", "Emre Öztürk", 4, 64),
    # about to sleep: R3, F1-2
    ("a.gross@nordlicht.example", "Anneliese Groß", 2, 80),
    ("lars.odegard@fjordline.example", "Lars Ødegård", 1, 66),
    # at risk: R1-2, F3-4
    ("tomas.oconnor@analytical.example", "Tomás O'Connor", 4, 120),
    ("regine.olsen@kierkegaard-son.example", "Regine Olsen", 3, 200),
    # can't lose: R1-2, F5
    ("hiroshi.tanaka@sakura-robotics.example", "Hiroshi Tanaka", 10, 150),
    ("niamh@babbage-byron.example", "Niamh Ní Bhriain", 10, 100),
    # hibernating: R1-2, F1-2
    ("aoife@example.com", "Aoife Gallagher", 1, 300),
    ("fatima.alzahra@example.com", "Fatima Al-Zahra", 2, 190),
    ("benoit.lemaitre@cafe-ole.example", "Benoît Lemaître", 1, 250),
]
PRODUCTS = [("ENG-LIC", "Engine licence", 1200), ("SUP-M", "Support plan", 150),
            ("TRN-DAY", "Training day", 900), ("CONS-H", "Consulting hour", 120),
            ("SENS-KIT", "Sensor kit", 340), ("CARD-100", "Punched cards (box of 100)", 25),
            ("MAN-BOOK", "Operator's manual", 45), ("INST", "Installation", 600)]

seed = 20251201
def rand(n):  # a fixed-seed linear congruential generator: the same orders every run
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (seed >> 33) % n

today = datetime.date(2026, 11, 23)
start = datetime.date(2025, 12, 1)
orders = []  # (date, email, name, lines, financial, fulfillment, discount, refunded)
for email, name, count, last_ago in PATTERNS:
    last = today - datetime.timedelta(days=last_ago)
    span = (last - start).days
    for k in range(count):
        if count == 1:
            day = last
        else:
            back = span * (count - 1 - k) // (count - 1)
            jitter = rand(7) if k < count - 1 and back > 10 else 0
            day = last - datetime.timedelta(days=back - jitter)
        lines = []
        for _ in range(1 + rand(3)):
            sku, what, price = PRODUCTS[rand(len(PRODUCTS))]
            if any(l[0] == sku for l in lines):
                continue
            qty = 1 + rand(4) if price < 200 else 1
            lines.append((sku, what, price, qty))
        recent = (today - day).days < 21
        orders.append([day, email, name, lines, "pending" if recent and rand(3) == 0 else "paid",
                       "unfulfilled" if recent else "fulfilled", 0, 0])
# What does not count: three refunded orders, two voided ones; and one partly refunded.
for i, (email, name) in enumerate([("j.weiss@nordlicht.example", "Jürgen Weiß"),
                                   ("tomas.oconnor@analytical.example", "Tomás O'Connor"),
                                   ("aoife@example.com", "Aoife Gallagher")]):
    orders.append([today - datetime.timedelta(days=60 + 40 * i), email, name,
                   [("SENS-KIT", "Sensor kit", 340, 1)], "refunded", "unfulfilled", 0, 340])
for i, (email, name) in enumerate([("raj@mapleleaf.example", "Raj Malhotra"),
                                   ("lars.odegard@fjordline.example", "Lars Ødegård")]):
    orders.append([today - datetime.timedelta(days=25 + 30 * i), email, name,
                   [("TRN-DAY", "Training day", 900, 1)], "voided", "unfulfilled", 0, 0])
orders.sort(key=lambda o: (o[0], o[1]))
big = [o for o in orders if o[4] == "paid" and sum(l[2] * l[3] for l in o[3]) >= 1500]
for o in big[::3]:
    o[6] = sum(l[2] * l[3] for l in o[3]) // 10  # 10 % off the larger orders, every third
partly = [o for o in orders if o[4] == "paid" and o[5] == "fulfilled" and len(o[3]) > 1][5]
partly[4], partly[7] = "partially_refunded", partly[3][-1][2] * partly[3][-1][3]

header = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Currency", "Subtotal",
          "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Created at", "Lineitem quantity",
          "Lineitem name", "Lineitem price", "Lineitem sku", "Billing Name", "Cancelled at", "Refunded Amount"]
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(header)
    for n, (day, email, name, lines, fin, ful, discount, refunded) in enumerate(orders):
        number = "#%d" % (1001 + n)
        stamp = "%s %02d:%02d:00 +0000" % (day.isoformat(), 9 + n % 8, (n * 7) % 60)
        subtotal = sum(l[2] * l[3] for l in lines)
        for k, (sku, what, price, qty) in enumerate(lines):
            if k == 0:
                w.writerow([number, email, fin, stamp if fin != "pending" else "", ful, "EUR", "%d.00" % subtotal,
                            "0.00", "0.00", "%d.00" % (subtotal - discount), "LOYAL10" if discount else "",
                            "%d.00" % discount, stamp, qty, what, "%d.00" % price, sku, name,
                            stamp if fin == "voided" else "", "%d.00" % refunded])
            else:
                w.writerow([number, email] + [""] * 11 + [qty, what, "%d.00" % price, sku] + [""] * 3)
EOF
"$CRM_BIN" -C "$store" import orders "$work/orders.csv"

cat > "$work/segments.json" <<'EOF'
[
  {"id": "sgvipcustomers01", "type": "segment", "name": "vip", "of": "contact", "filter": "+vip revenue>1000", "description": "the vips who buy: the first to hear of a new engine"},
  {"id": "sgslippingaway01", "type": "segment", "name": "slipping", "of": "contact", "filter": "rfm=at_risk or rfm=cant_lose or rfm=about_to_sleep", "description": "good customers who have not ordered lately: call them"},
  {"id": "sgbigaccounts001", "type": "segment", "name": "big_accounts", "of": "company", "filter": "revenue>=10000", "description": "companies that bought 10,000 or more"}
]
EOF
"$CRM_BIN" -C "$store" import json "$work/segments.json" --type segment
