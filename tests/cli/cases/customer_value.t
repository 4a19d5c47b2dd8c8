Customer value (crm-reference.md, "Customer value"): reports customers,
rfm and revenue, every figure worked out by hand below. Today is
2026-11-23; a year ago is 2025-11-23. The store's margin is 0.5.

  $ crm init s >/dev/null 2>&1 && cd s && printf 'gross_margin: 0.5\n' >> .crm/config.yaml
  $ crm company add --name Acme > /dev/null && crm company add --name Globex > /dev/null
  $ crm contact add --name "Ada Lovelace" --company Acme > /dev/null && crm contact add --name "Ben Okri" > /dev/null
  $ crm contact add --name "Cleo Park" --company Acme > /dev/null && crm contact add --name "Dan Wu" > /dev/null
  $ o() { crm order add --line "Kit @$1" "${@:2}" > /dev/null; }

Ada: four orders that count (400 paid, 300 fulfilled, 200 paid, 100
placed) = USD 1,000; a refunded 999 counts zero and a cart is no purchase.
Ben: USD 500 in December 2024, and EUR 80 this month: two currencies, never
added. Cleo: 150 + 150. Dan: 300 yesterday (bought for Globex), and a
canceled 300 that counts zero.

  $ o 400 --contact ada --date 2025-09-01 --status paid
  $ o 300 --contact ada --date 2026-06-01 --status fulfilled
  $ o 200 --contact ada --date 2026-10-01 --status paid
  $ o 100 --contact ada --date 2026-11-01
  $ o 999 --contact ada --date 2026-11-10 --status refunded
  $ o 50 --contact ada --date 2026-11-20 --status cart
  $ o 500 --contact ben --date 2024-12-01 --status paid
  $ o 80 --contact ben --date 2026-11-15 --currency EUR
  $ o 150 --contact cleo --date 2026-08-25
  $ o 150 --contact cleo --date 2026-09-24
  $ o 300 --contact dan --company Globex --date 2026-11-22
  $ o 300 --contact dan --date 2026-11-21 --status canceled

Four USD customers, fewer than 50: R and F by the fixed thresholds.
Ada: last order 22 days ago → R5; 4 orders → F3: potential_loyalists.
Ben: 722 days → R1; F1: hibernating. Cleo: 60 days (not < 60) → R3; F2:
about_to_sleep. Dan: 1 day → R5; F1: new_customers.
M by quintiles, 1 + ⌊5·w/4⌋, w = customers with less revenue: Ada 1000
(w 3) → 4; Ben 500 (w 2) → 3; Cleo and Dan tie at 300 (w 0) → both 1.
AOV: 1000/4 = 250; 500; 150; 300. Frequency = orders × 365 / days since the
first order (at least 30): Ada 4·365/448 = 3.258… → 3.26; Ben 365/722 =
0.505… → 0.51; Cleo 2·365/90 = 8.11; Dan 365/30 = 12.166… → 12.17.
Active a year ago (an order in the 365 days up to 2025-11-23): Ada and Ben;
Ben is no longer active: annual churn 1/2, lifespan 2 years. CLV = revenue
× 365 × 0.5 × 2 / days: Ada 365000/448 = 814.73; Ben 182500/722 =
252.77; Cleo 109500/90 = 1216.67; Dan 109500/30 = 3650.
In EUR, Ben alone: 8 days → R5, F1, M1 (w 0); frequency 365/30; no EUR
customer was active a year ago: no churn rate, so no CLV.
Totals per currency: USD 8 orders, 2,100, AOV 262.50; EUR 1, 80.
Equal revenue lists by name (Cleo before Dan).

  $ crm report customers --format csv | cut -d, -f1,3-
  contact,currency,orders,first_order,last_order,revenue,aov,frequency,r,f,m,segment,clv,total
  Ada Lovelace,USD,4,2025-09-01,2026-11-01,1000,250,3.26,5,3,4,potential_loyalists,814.73,false
  Ben Okri,USD,1,2024-12-01,2024-12-01,500,500,0.51,1,1,3,hibernating,252.77,false
  Cleo Park,USD,2,2026-08-25,2026-09-24,300,150,8.11,3,2,1,about_to_sleep,1216.67,false
  Dan Wu,USD,1,2026-11-22,2026-11-22,300,300,12.17,5,1,1,new_customers,3650,false
  Ben Okri,EUR,1,2026-11-15,2026-11-15,80,80,12.17,5,1,1,new_customers,,false
  total,USD,8,,,2100,262.5,,,,,,,true
  total,EUR,1,,,80,80,,,,,,,true

The filter selects customers; scores stay those among all of them.

  $ crm report customers name~Cleo --format csv | cut -d, -f1,3-
  contact,currency,orders,first_order,last_order,revenue,aov,frequency,r,f,m,segment,clv,total
  Cleo Park,USD,2,2026-08-25,2026-09-24,300,150,8.11,3,2,1,about_to_sleep,1216.67,false
  total,USD,2,,,300,150,,,,,,,true

By company: an order's company, else its contact's. Acme = Ada's and
Cleo's: 6 orders, 1,300, first 2025-09-01, last 2026-11-01 (22 days → R5;
6 orders → F4: champions); Globex: Dan's 300 (R5, F1: new_customers). Ben
has no company: not a customer here. M: Acme w 1 → 1 + ⌊5/2⌋ = 3; Globex 1.
AOV 1300/6 = 216.67; frequency 6·365/448 = 4.89. Acme was active a year ago
and still is: churn 0, lifespan capped at 10 years. CLV Acme = 1300 · 365 ·
0.5 · 10 / 448 = 5295.758… → 5295.76; Globex 300 · 365 · 0.5 · 10 / 30 =
18250.

  $ crm report customers --by company --format csv | cut -d, -f1,3-
  company,currency,orders,first_order,last_order,revenue,aov,frequency,r,f,m,segment,clv,total
  Acme,USD,6,2025-09-01,2026-11-01,1300,216.67,4.89,5,4,3,champions,5295.76,false
  Globex,USD,1,2026-11-22,2026-11-22,300,300,12.17,5,1,1,new_customers,18250,false
  total,USD,7,,,1600,228.57,,,,,,,true

RFM segments, the ten in order for each currency; share is of the
currency's revenue: 1000/2100 = 47.6%, 300/2100 = 14.3% (twice), 500/2100
= 23.8%; EUR 80/80 = 100%.

  $ crm report rfm
  SEGMENT              CURRENCY  CUSTOMERS       REVENUE   SHARE
  champions            USD               0      USD 0.00    0.0%
  loyal                USD               0      USD 0.00    0.0%
  potential_loyalists  USD               1  USD 1,000.00   47.6%  ████████████████████
  new_customers        USD               1    USD 300.00   14.3%  ██████
  promising            USD               0      USD 0.00    0.0%
  need_attention       USD               0      USD 0.00    0.0%
  about_to_sleep       USD               1    USD 300.00   14.3%  ██████
  at_risk              USD               0      USD 0.00    0.0%
  cant_lose            USD               0      USD 0.00    0.0%
  hibernating          USD               1    USD 500.00   23.8%  ██████████
  champions            EUR               0      EUR 0.00    0.0%
  loyal                EUR               0      EUR 0.00    0.0%
  potential_loyalists  EUR               0      EUR 0.00    0.0%
  new_customers        EUR               1     EUR 80.00  100.0%  ████████████████████
  promising            EUR               0      EUR 0.00    0.0%
  need_attention       EUR               0      EUR 0.00    0.0%
  about_to_sleep       EUR               0      EUR 0.00    0.0%
  at_risk              EUR               0      EUR 0.00    0.0%
  cant_lose            EUR               0      EUR 0.00    0.0%
  hibernating          EUR               0      EUR 0.00    0.0%
  total                USD               4  USD 2,100.00  100.0%
  total                EUR               1     EUR 80.00  100.0%

Revenue by month from June: every month, July empty. June: Ada's 300 (she
first ordered in 2025: returning). August: Cleo's first (new). September:
Cleo again (returning). October: Ada's 200. November: Ada's 100 and Dan's
300 = 400, Dan new, Ada returning; in EUR, Ben's 80, his first in EUR (new).
Totals from June: USD 6 orders, 300 + 150 + 150 + 200 + 400 = 1,200, 3
customers: Cleo and Dan new, Ada returning.

  $ crm report revenue --since 2026-06-01 --format csv
  period,currency,orders,revenue,customers,new,returning,total
  2026-06,USD,1,300,1,0,1,false
  2026-06,EUR,0,0,0,0,0,false
  2026-07,USD,0,0,0,0,0,false
  2026-07,EUR,0,0,0,0,0,false
  2026-08,USD,1,150,1,1,0,false
  2026-08,EUR,0,0,0,0,0,false
  2026-09,USD,1,150,1,0,1,false
  2026-09,EUR,0,0,0,0,0,false
  2026-10,USD,1,200,1,0,1,false
  2026-10,EUR,0,0,0,0,0,false
  2026-11,USD,2,400,2,1,1,false
  2026-11,EUR,1,80,1,1,0,false
  total,USD,6,1200,3,2,1,true
  total,EUR,1,80,1,1,0,true

By quarter: Q2 holds June alone (the period starts there); Q3 has both of
Cleo's orders, 300, and she is new in it (new wins over returning within a
period); Q4: 200 + 100 + 300 = 600, Dan new, Ada returning.

  $ crm report revenue --since 2026-06-01 --by quarter
  PERIOD   CURRENCY  ORDERS       REVENUE  CUSTOMERS  NEW  RETURNING
  2026-Q2  USD            1    USD 300.00          1    0          1  ██████████
  2026-Q2  EUR            0      EUR 0.00          0    0          0
  2026-Q3  USD            2    USD 300.00          1    1          0  ██████████
  2026-Q3  EUR            0      EUR 0.00          0    0          0
  2026-Q4  USD            3    USD 600.00          2    1          1  ████████████████████
  2026-Q4  EUR            1     EUR 80.00          1    1          0  ████████████████████
  total    USD            6  USD 1,200.00          3    2          1
  total    EUR            1     EUR 80.00          1    1          0

A period with no orders at all is still a row, of zeros; a store without
orders reports zeros in its own currency.

  $ crm report revenue --since 2026-07-01 --until 2026-07-31 --format csv
  period,currency,orders,revenue,customers,new,returning,total
  2026-07,USD,0,0,0,0,0,false
  total,USD,0,0,0,0,0,true
  $ (cd .. && crm init e > /dev/null 2>&1 && cd e && crm report customers --format csv && crm report rfm --format csv | tail -1)
  contact,id,currency,orders,first_order,last_order,revenue,aov,frequency,r,f,m,segment,clv,total
  total,USD,0,0,,true

Churn by quarter, over contacts, in USD (EUR: Ben alone, new in
2026-Q4). Active on a day = an order in the 365 days up to it; the start
is the day before the period. 2025-Q4: at 2025-09-30 Ada (29 days) and
Ben (303 days) are active; at 2025-12-31 Ben's order is 395 days old:
lost 1 of 2, churn 50.0%. Start revenue = the start customers' revenue
in the quarter before: Ada's 400 (Ben 0); in Q4 Ada bought nothing:
contraction 400, and Ben's 0 churned; GRR = (400 − 400 − 0)/400 = 0.0%,
NRR the same. 2026-Q1: Ada alone, still active at 2026-03-31 (211 days),
nothing bought in 2025-Q4: start revenue 0, GRR and NRR n/a. 2026-Q2:
Ada again; her 300 in June is expansion over a start of 0.

  $ crm report churn --by quarter --since 2025-10-01 --until 2026-06-30 --format csv | grep -v EUR
  period,currency,active_start,new,lost,active_end,churn_rate,start_revenue,expansion,contraction,churned,grr,nrr,total
  2025-Q4,USD,2,0,1,1,50,400,0,400,0,0,0,false
  2026-Q1,USD,1,0,0,1,0,0,0,0,0,,,false
  2026-Q2,USD,1,0,0,1,0,0,300,0,0,,,false

Cohorts by the quarter of the first order, customers of every currency
together (they count people, not money). Ben (2024-Q4) ordered again
eight quarters later, in euros; Ada (2025-Q3) in the third and fifth
quarters after her first (2026-Q2, 2026-Q4); Cleo (2026-Q3) not since;
Dan (2026-Q4) is this quarter's. Periods after today are blank: a triangle.

  $ crm report cohorts --by quarter
  COHORT   CUSTOMERS      Q0    Q1    Q2      Q3    Q4      Q5    Q6    Q7      Q8
  2024-Q4          1  100.0%  0.0%  0.0%    0.0%  0.0%    0.0%  0.0%  0.0%  100.0%
  2025-Q3          1  100.0%  0.0%  0.0%  100.0%  0.0%  100.0%
  2026-Q3          1  100.0%  0.0%
  2026-Q4          1  100.0%
  $ crm report cohorts --since 2026-08-01 --format csv
  cohort,customers,m0,m1,m2,m3,total
  2026-08,1,100,100,0,0,false
  2026-11,1,100,,,,false

Products, in a store of their own: Widget 10, Gadget 20, Screws 1.50.
Orders: (1) 2 widgets and a gadget = 40; (2) a widget, a gadget and 4
screws at −50% (3) = 33; (3) a widget and 2 screws = 13; (4) a gadget;
(5) a widget and a gadget, refunded: counts nowhere. Ada placed 1 and 2,
Bob 3 and 4. Per product: Gadget 3 units, 60; Widget 2 + 1 + 1 = 4 units,
40; Screws 4 + 2 = 6 units, 3 + 3 = 6; each bought by both.

  $ mkdir ../p && cd ../p && crm init . > /dev/null 2>&1
  $ crm product add --name Widget --sku W --price 10 > /dev/null && crm product add --name Gadget --sku G --price 20 > /dev/null
  $ crm product add --name Screws --sku S --price 1.50 > /dev/null
  $ crm contact add --name Ada > /dev/null && crm contact add --name Bob > /dev/null
  $ crm order add --contact Ada --line "W x2" --line G > /dev/null
  $ crm order add --contact Ada --line W --line G --line "S x4 -50%" > /dev/null
  $ crm order add --contact Bob --line W --line "S x2" > /dev/null
  $ crm order add --contact Bob --line G > /dev/null
  $ crm order add --contact Bob --line W --line G --status refunded > /dev/null
  $ crm report products --format csv
  product,currency,units,revenue,customers,total
  Gadget,USD,3,60,2,false
  Widget,USD,4,40,2,false
  Screws,USD,6,6,2,false

Bought together, over N = 4 orders: n(Widget) = 3, n(Gadget) = 3,
n(Screws) = 2; Widget and Gadget together in 2, Widget and Screws in 2,
Gadget and Screws in 1 (under two: left out). Widget ⇒ Screws: support
2/4 = 50%, confidence 2/3 = 66.7%, lift 2·4/(3·2) = 1.33; Screws ⇒ Widget:
confidence 2/2 = 100%. Widget ⇔ Gadget: confidence 2/3, lift 2·4/(3·3) =
0.89. Highest lift first.

  $ crm report products --by pair
  PRODUCT  WITH    ORDERS  SUPPORT  CONFIDENCE  LIFT
  Screws   Widget       2    50.0%      100.0%  1.33
  Widget   Screws       2    50.0%       66.7%  1.33
  Gadget   Widget       2    50.0%       66.7%  0.89
  Widget   Gadget       2    50.0%       66.7%  0.89
  $ cd ../s

Errors: the options a report does not take.

  $ crm report revenue --owner ana
  crm: error: report revenue takes no --owner (orders have none; filter them instead)
  [2]
  $ crm report churn name~Ada
  crm: error: report churn takes no filter and no --owner: it is about every customer
  [2]
  $ crm report customers --since 2026-01-01
  crm: error: report customers is about today: it takes no --since or --until
  [2]
  $ crm report rfm --by month
  crm: error: report rfm takes --by company, not "month"
  [2]
  $ crm config set gross_margin 40%
  crm: error: .crm/config.yaml:27:15: gross_margin: "40%" is not a fraction from 0 to 1 (0.4 for 40%)
  [3]
  $ crm config set churn_after 180d && crm config get churn_after && crm config set churn_after soon
  180d
  crm: error: .crm/config.yaml:28:14: churn_after: "soon" is not a number of days (365, or 365d)
  [3]
  $ crm config unset churn_after

Derived fields on contacts and companies: computed from the orders, never
stored, usable in filters, --fields, --sort and json — the customer's value
in the store's currency (Ben's EUR order is not in his revenue). A
customer without orders has orders 0 and revenue 0.

  $ sed -i 's/^gross_margin: .*/gross_margin: 0.5/' .crm/config.yaml && crm contact add --name "Eve None" > /dev/null
  $ crm contact list 'revenue>400' --format csv --fields name,orders,revenue,first_order,last_order,rfm,clv
  id,name,orders,revenue,first_order,last_order,rfm,clv
  [a-z0-9]{16},Ada Lovelace,4,1000,2025-09-01,2026-11-01,potential_loyalists,814.73 (re)
  [a-z0-9]{16},Ben Okri,1,500,2024-12-01,2024-12-01,hibernating,252.77 (re)
  $ crm contact list rfm=hibernating or orders=0 --fields name,orders,rfm
  ID    NAME      ORDERS  RFM
  [a-z0-9]{4}  Ben Okri       1  hibernating (re)
  [a-z0-9]{4}  Eve None       0 (re)
  $ crm contact list 'last_order>=2026-09-01' --sort clv:desc --fields name,clv --format csv
  id,name,clv
  [a-z0-9]{16},Dan Wu,3650 (re)
  [a-z0-9]{16},Cleo Park,1216.67 (re)
  [a-z0-9]{16},Ada Lovelace,814.73 (re)
  $ crm company list --fields name,revenue,rfm --format json
  [
    {
      "id": "[a-z0-9]{16}", (re)
      "type": "company",
      "name": "Acme",
      "revenue": 1300,
      "rfm": "champions"
    },
    {
      "id": "[a-z0-9]{16}", (re)
      "type": "company",
      "name": "Globex",
      "revenue": 300,
      "rfm": "new_customers"
    }
  ]
  $ crm contact list rfm=champion
  crm: error: "champion" is not a rfm; did you mean "champions"? (rfm: champions, loyal, potential_loyalists, new_customers, promising, need_attention, about_to_sleep, at_risk, cant_lose, hibernating)
  [2]
  $ crm contact set eve revenue=5
  crm: error: "revenue" is derived (computed when read, never stored) for contact: it cannot be set
  [2]
  $ grep -l revenue contacts/*.yaml
  [1]

A customer's page shows its value when it has bought.

  $ crm contact show cleo | sed -n '/^orders/,/^clv/p'
  orders       2
  revenue      USD 300.00
  first_order  2026-08-25
  last_order   2026-09-24
  rfm          about_to_sleep
  clv          USD 1,216.67
  $ crm contact show eve | grep -c -E '^(orders|revenue)'
  0
  [1]

A company's page lists the orders its revenue counts from: its own and
those its contacts placed without naming a company (Ada's and Cleo's:
none of them named Acme), by date, the refunded and the cart included.

  $ crm company show acme | sed -n '/^orders/,/^rfm/p;/^Orders/,$p'
  orders       6
  revenue      USD 1,300.00
  first_order  2025-09-01
  last_order   2026-11-01
  rfm          champions
  Orders (8)
  ID    NUMBER    DATE        CONTACT       STATUS     TOTAL (USD)
  [a-z0-9]{4}  [a-z0-9]{8}  2025-09-01  Ada Lovelace  paid            400.00 (re)
  [a-z0-9]{4}  [a-z0-9]{8}  2026-06-01  Ada Lovelace  fulfilled       300.00 (re)
  [a-z0-9]{4}  [a-z0-9]{8}  2026-08-25  Cleo Park     placed          150.00 (re)
  [a-z0-9]{4}  [a-z0-9]{8}  2026-09-24  Cleo Park     placed          150.00 (re)
  [a-z0-9]{4}  [a-z0-9]{8}  2026-10-01  Ada Lovelace  paid            200.00 (re)
  [a-z0-9]{4}  [a-z0-9]{8}  2026-11-01  Ada Lovelace  placed          100.00 (re)
  [a-z0-9]{4}  [a-z0-9]{8}  2026-11-10  Ada Lovelace  refunded        999.00 (re)
  [a-z0-9]{4}  [a-z0-9]{8}  2026-11-20  Ada Lovelace  cart             50.00 (re)
