Products and orders: lines, an exact total written on every save, pay,
refund, cancel, and the purchase a won deal records (crm-order(1)).

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm contact add --name "Ada Lovelace" --email ada@example.com > /dev/null
  $ crm product add --name Widget --sku W-1 --price 9.99 > /dev/null
  $ crm product add --name "Support plan" --sku SUP --price 120 --recurring monthly > /dev/null

3 × 9.99 × (1 − 15/100) = 25.4745 → 25.47, + 120 + 49.50 = 194.97.
(With a fourth widget, 4 × 9.99 × 0.85 = 33.966 → + 169.50 = 203.466 → 203.47.)

  $ crm order add --contact ada --date 2026-11-01 --number 1001 --line "W-1 x3 -15%" --line SUP --line "Setup fee @49.50" > /dev/null
  $ crm order show 1001 --format yaml | sed -n '/^  lines/,/^  total/p'
    lines:
      - product: [a-z0-9]{16} (re)
        description: Widget
        quantity: 3
        unit_price: 9.99
        discount: 15
      - product: [a-z0-9]{16} (re)
        description: Support plan
        quantity: 1
        unit_price: 120
      - description: Setup fee
        quantity: 1
        unit_price: 49.5
    total: 194.97

The total follows the lines on every save, whichever command changes them.

  $ crm order set 1001 'lines[0].quantity=4' 2>/dev/null || crm order show 1001 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); d["lines"][0]["quantity"]=4; del d["total"]; json.dump(d, open("../o.json","w"))'
  $ crm import json ../o.json --type order > /dev/null 2>&1; crm order list --format csv --fields number,total
  id,number,total
  [a-z0-9]{16},1001,203.47 (re)

Paying, refunding and canceling stamp when; a refunded order is final.

  $ crm order pay 1001 && crm order refund 1001 && crm order list --format csv --fields number,status,paid_at,refunded_at
  id,number,status,paid_at,refunded_at
  [a-z0-9]{16},1001,refunded,2026-11-23T09:00:00Z,2026-11-23T09:00:00Z (re)
  $ crm order pay 1001
  crm: error: order 1001 is refunded; it cannot become paid (crm order set 1001 status=… if that is really what happened)
  [4]
  $ crm order add --contact ada --number 1002 --line W-1 > /dev/null && crm order refund 1002
  crm: error: order 1002 is placed, not paid: nothing to refund (cancel it instead)
  [4]

Bad lines are refused, naming the line; nothing is written.

  $ crm order add --contact ada --line "NOPE x2"
  crm: error: lines: --line "NOPE x2": no product has sku or name "NOPE" (crm product add --name … --sku NOPE --price …, or give the line a price: "NOPE @PRICE")
  [3]
  $ crm order add --contact ada --line "W-1 x-2"
  crm: error: lines[0].quantity: "-2" is not a positive number
  [3]
  $ crm order add --contact ada --line "W-1 -150%"
  crm: error: lines[0].discount: "150" is not a percentage from 0 to 100
  [3]
  $ crm order add --contact ada --line "W-1 x3 y"
  crm: error: --line "W-1 x3 y": "y" is not xQUANTITY, @PRICE or -N%
  [2]
  $ crm order list -q | wc -l
  2

A won deal records its purchase once, however often it is asked.

  $ crm deal add --name "Big one" --contact ada --amount 5000 > /dev/null
  $ crm deal won big --order | wc -l
  1
  $ crm deal won big --order
  crm: deal Big one is already in won
  crm: deal Big one already has its order \([a-z0-9]{16}\) (re)
  [a-z0-9]{16} (re)
  $ crm order list source=deal --format csv --fields total,status,deal
  id,total,status,deal
  [a-z0-9]{16},5000,placed,[a-z0-9]{16} (re)

The contact's 360° view lists its orders.

  $ crm contact show ada | sed -n '/^Orders/,/^$/p'
  Orders (3)
  ID    NUMBER    DATE        CONTACT       STATUS    TOTAL (USD)
  [a-z0-9]{4}  1001      2026-11-01  Ada Lovelace  refunded       203.47 (re)
  [a-z0-9]{4}  (1002    |[a-z0-9]{8})  2026-11-23  Ada Lovelace  placed     *(9.99|5,000.00) (re)
  [a-z0-9]{4}  (1002    |[a-z0-9]{8})  2026-11-23  Ada Lovelace  placed     *(9.99|5,000.00) (re)

A currency is an ISO 4217 code in capitals: "usd" or "EURO" beside "USD"
would split the same money into rows of their own (and bean-check refuses
them), so they are refused (exit 3), on every type and in the config.

  $ crm order add --currency usd --line 'X @5' --status paid
  crm: error: currency: "usd" is not a currency code (three capital letters, ISO 4217: USD, EUR)
  [3]
  $ crm deal add --name Big --currency EURO
  crm: error: currency: "EURO" is not a currency code (three capital letters, ISO 4217: USD, EUR)
  [3]
  $ crm config set currency usd
  crm: error: .crm/config.yaml:\d+:\d+: currency: "usd" is not a currency code \(three capital letters, ISO 4217: USD, EUR\) (re)
  [3]
  $ crm order list -q currency=usd | wc -l; crm deal list -q name=Big | wc -l
  0
  0

An import takes the codes exporters write in lower case (Stripe's "usd")
as their capitals; what is no code is kept aside, as any bad value is.

  $ printf 'name,amount,currency\nBig,100,usd\nSmall,5, eur \nOdd,7,euro\n' > ../deals.csv
  $ crm import csv ../deals.csv --type deal
  crm: ../deals.csv:4: column "currency": "euro" is not a currency code (three capital letters, ISO 4217: USD, EUR) (kept in import_notes)
  3 created, 0 updated, 0 unchanged, 0 skipped, 0 failed
  $ crm deal list name=Big or name=Small --sort name --fields name,currency --format csv | cut -d, -f2-
  name,currency
  Big,USD
  Small,EUR
