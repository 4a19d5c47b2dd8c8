Orders import against hostile files (crm-import(1), "ORDERS"): rows that
contradict their order, impossible dates, amounts finer than a cent,
refunds above the total, duplicated columns. Each bad order is named by
file, line and column, exits 3 and writes nothing of that order.

  $ crm init s > /dev/null 2>&1 && cd s
  $ H='Name,Email,Financial Status,Created at,Currency,Total,Lineitem quantity,Lineitem name,Lineitem price'

Shopify repeats an order's own columns on its later rows, or leaves them
empty. A later row that says another currency or email is another order
under the same number: the order fails at that row, naming the column;
rows that leave the cell empty, or repeat it, are fine.

  $ printf '%s\n#4,d@x.com,paid,2026-10-05 10:00:00 +0000,USD,10,1,D,10\n#4,d@x.com,paid,2026-10-05 10:00:00 +0000,EUR,10,1,E,10\n' "$H" > cur.csv
  $ crm import orders cur.csv; echo $?
  crm: error: cur.csv:3: order #4: column "Currency": "EUR" contradicts "USD" on an earlier row of the order
  0 orders created, 0 updated, 0 unchanged, 1 failed; 0 contacts and 0 companies created
  3
  $ printf '%s\n#4,d@x.com,paid,2026-10-05 10:00:00 +0000,USD,20,1,D,10\n#4,E@x.com,,,,,1,E,10\n#4,e@x.com,,,,,1,F,10\n' "$H" > mail.csv
  $ crm import orders mail.csv; echo $?
  crm: error: mail.csv:3: order #4: column "Email": "E@x.com" contradicts "d@x.com" on an earlier row of the order
  0 orders created, 0 updated, 0 unchanged, 1 failed; 0 contacts and 0 companies created
  3
  $ printf '%s\n#4,d@x.com,paid,2026-10-05 10:00:00 +0000,USD,20,1,D,10\n#4,D@X.com,,,,20.00,1,E,10\n#4,,paid,2026-10-06 10:00:00 +0000,,,1,F,10\n' "$H" > date.csv
  $ crm import orders date.csv; echo $?
  crm: error: date.csv:4: order #4: column "Created at": "2026-10-06 10:00:00 +0000" contradicts "2026-10-05 10:00:00 +0000" on an earlier row of the order
  0 orders created, 0 updated, 0 unchanged, 1 failed; 0 contacts and 0 companies created
  3
  $ printf '%s\n#4,d@x.com,paid,2026-10-05 10:00:00 +0000,USD,20,1,D,10\n#4,D@X.com,,,,20.00,1,E,10\n' "$H" > ok.csv
  $ crm import orders ok.csv; echo $?
  1 order created, 0 updated, 0 unchanged, 0 failed; 1 contact and 0 companies created
  0
  $ crm order list --fields number,currency,total,lines
  ID    NUMBER  CURRENCY  TOTAL (USD)  LINES
  [a-z0-9]{4}  #4      USD             20.00  D \(1, 10\), E \(1, 10\) (re)

A refund of more than the order's total is refused, like Stripe's.

  $ printf '%s,Refunded Amount\n#9,g@x.com,refunded,2026-10-05 10:00:00 +0000,USD,10,1,D,10,12\n' "$H" > refund.csv
  $ crm import orders refund.csv; echo $?
  crm: error: refund.csv:2: order #9: column "Refunded Amount": "12" is more than the order's "Total" (10)
  0 orders created, 0 updated, 0 unchanged, 1 failed; 0 contacts and 0 companies created
  3

A date before 1900 is a placeholder or a typo, not an order: refused,
whatever its zone (0001-01-01 at +14:00 would be in the year 0 in UTC),
in every shop's export.

  $ printf '%s\n#5,f@x.com,paid,0001-01-01 00:00:00 +1400,USD,1,1,X,1\n' "$H" > old.csv
  $ crm import orders old.csv; echo $?
  crm: error: old.csv:2: order #5: column "Created at": "0001-01-01 00:00:00 +1400" is before 1900
  0 orders created, 0 updated, 0 unchanged, 1 failed; 0 contacts and 0 companies created
  3
  $ printf 'Name,Email,Financial Status,Created at,Paid at,Total\n#5,f@x.com,paid,2026-10-05,1899-12-31 23:00:00 -0200,1\n' > paid.csv
  $ crm import orders paid.csv; echo $?
  crm: error: paid.csv:2: order #5: column "Paid at": "1899-12-31 23:00:00 -0200" is before 1900
  0 orders created, 0 updated, 0 unchanged, 1 failed; 0 contacts and 0 companies created
  3
  $ printf 'id,Created date (UTC),Amount,Amount Refunded,Currency,Status\nch_1,1850-05-01 10:00:00,5,0,usd,Paid\n' > stripe.csv
  $ crm import orders stripe.csv; echo $?
  crm: error: stripe.csv:2: order ch_1: column "Created date (UTC)": "1850-05-01 10:00:00" is before 1900
  0 orders created, 0 updated, 0 unchanged, 1 failed; 0 contacts and 0 companies created
  3
  $ ls orders | wc -l
  1

An order's total is in cents, rounded once from its exact lines
(crm-order(1)), as with crm order add. A shop's Total (or Shipping, Taxes,
Discount, Refunded Amount, Stripe's Amount) with a fraction of a cent is a
broken export: refused, never rounded away. Line prices stay exact; the
cents the shop charged for them are a line "Adjustment".

  $ printf '%s\n#6,h@x.com,paid,2026-10-05 10:00:00 +0000,USD,10.019,1,X,10.019\n#7,h@x.com,paid,2026-10-05 10:00:00 +0000,USD,0.001,1,X,0.001\n#8,h@x.com,paid,2026-10-05 10:00:00 +0000,USD,10.015,1,X,10.019\n#9,h@x.com,paid,2026-10-05 10:00:00 +0000,USD,10.02,1,X,10.019\n' "$H" > cents.csv
  $ crm import orders cents.csv; echo $?
  crm: error: cents.csv:2: order #6: column "Total": "10.019" has a fraction of a cent: an order's amounts are in cents
  crm: error: cents.csv:3: order #7: column "Total": "0.001" has a fraction of a cent: an order's amounts are in cents
  crm: error: cents.csv:4: order #8: column "Total": "10.015" has a fraction of a cent: an order's amounts are in cents
  crm: cents.csv:5: order #9: the items, shipping and discounts add up to 10.019, the shop's total is 10.02: the difference is a line "Adjustment"
  1 order created, 0 updated, 0 unchanged, 3 failed; 1 contact and 0 companies created
  3
  $ crm order show '#9' --format yaml | grep -E 'unit_price|total'
        unit_price: 10.019
        unit_price: 0.001
    total: 10.02
  $ printf 'id,Created date (UTC),Amount,Amount Refunded,Currency,Status\nch_2,2026-05-01 10:00:00,5.005,0,usd,Paid\n' > stripe-cents.csv
  $ crm import orders stripe-cents.csv; echo $?
  crm: error: stripe-cents.csv:2: order ch_2: column "Amount": "5.005" has a fraction of a cent: an order's amounts are in cents
  0 orders created, 0 updated, 0 unchanged, 1 failed; 0 contacts and 0 companies created
  3

A column the importer reads that is there twice (Total, Email: names
compared without case and punctuation) cannot say which is the order's:
the file fails before anything is written, naming both places. A
duplicated column it does not read is no matter.

  $ printf 'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Lineitem price,total\n#10,i@x.com,paid,2026-10-05,USD,10,A,10,20\n' > twice.csv
  $ crm import orders twice.csv; echo $?
  crm: error: twice.csv:1: column "Total" is there twice (columns 6 and 9): which is the order's cannot be told
  3
  $ printf 'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Lineitem price,E-mail,Email\n#10,i@x.com,paid,2026-10-05,USD,10,A,10,x,j@x.com\n' > twice.csv
  $ crm import orders twice.csv ok.csv; echo $?
  crm: error: twice.csv:1: column "Email" is there twice (columns 2 and 10): which is the order's cannot be told
  3
  $ printf 'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Lineitem price,Notes,Notes\n#10,i@x.com,paid,2026-10-05,USD,10,A,10,x,y\n' > notes.csv
  $ crm import orders notes.csv; echo $?
  1 order created, 0 updated, 0 unchanged, 0 failed; 1 contact and 0 companies created
  0

A file with no Currency column says, once, that its orders are in the
store's currency.

  $ printf 'Name,Email,Financial Status,Created at,Total,Lineitem name,Lineitem price\n#11,i@x.com,paid,2026-10-05,10,A,10\n#12,i@x.com,paid,2026-10-06,12,B,12\n' > nocur.csv
  $ crm import orders nocur.csv; echo $?
  crm: nocur.csv: no column "Currency": the orders are in the store's currency (USD)
  2 orders created, 0 updated, 0 unchanged, 0 failed; 0 contacts and 0 companies created
  0
  $ crm order list --fields number,currency,total | grep '#1[12] '
  [a-z0-9]{4}  #11                     10.00 (re)
  [a-z0-9]{4}  #12                     12.00 (re)

The same holds for every timestamp field, however it is written: crm
check names the file, line and field of a paid_at of the year 1, and
crm activity add refuses one, as crm order add refuses an order dated
before 1900. Other dates (a birthday) may be older.

  $ crm order add --date 2026-11-01 --line "Pen x1 @5" > /dev/null
  $ f=$(grep -l 'Pen' orders/*.yaml)
  $ sed -i 's/^status: .*/status: paid\npaid_at: 0001-01-01T00:00:00Z/' $f
  $ crm check > out 2>&1; echo $?; sed "s|$f|ORDER|" out
  3
  ORDER:5:10: paid_at: "0001-01-01T00:00:00Z" is before 1900
  $ crm activity add --kind note --summary old --at 1850-01-01T10:00:00Z; echo $?
  crm: error: at: "1850-01-01T10:00:00Z" is before 1900
  3
  $ crm contact add --name "Ada Lovelace" --set birthday=1815-12-10 > /dev/null; echo $?
  0
  $ crm order add --date 0001-01-01 --line "Pen x1 @5"; echo $?
  crm: error: date: "0001-01-01" is before 1900
  3
