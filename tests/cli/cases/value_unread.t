A customer's value is computed from the orders: an order file that does not
load is missing from it, so every command that shows a value names the file,
line and field on stderr and exits 3, the rows it could compute still
printed (as `crm order list` does).

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm import orders $TESTDIR/../../fixtures/orders/shopify-orders.csv > /dev/null 2>&1
  [3]
  $ crm report customers --format csv | cut -d, -f1,3,4,7
  contact,currency,orders,revenue
  Ada Lovelace,USD,2,79
  Bob Stone,USD,1,27
  Cleo Park,EUR,1,21.42
  total,USD,3,106
  total,EUR,1,21.42

Ada's second order (#1001) gets a total that is not a number.

  $ f=$(grep -l 'number: "#1001"' orders/*) && sed -i 's/^total: .*/total: 53.50.1/' $f
  $ crm report customers --format csv | cut -d, -f1,3,4,7
  crm: error: orders/[a-z0-9]{16}.yaml:17:8: total: "53.50.1" is not a number (re)
  contact,currency,orders,revenue
  Bob Stone,USD,1,27
  Ada Lovelace,USD,1,25.5
  Cleo Park,EUR,1,21.42
  total,USD,2,52.5
  total,EUR,1,21.42
  $ for r in rfm churn cohorts products revenue "customers --by company" "customers --as-of 2026-11-22"; do crm report $r > /dev/null 2>../err; echo "$r: $? $(grep -c 53.50.1 ../err)"; done
  rfm: 3 1
  churn: 3 1
  cohorts: 3 1
  products: 3 1
  revenue: 3 1
  customers --by company: 3 1
  customers --as-of 2026-11-22: 3 1
  $ crm report > /dev/null 2>&1
  [3]

The derived fields of contacts and companies, in a list, a filter, a view,
a segment's count.

  $ crm contact list --fields name,orders,revenue
  ID    NAME          ORDERS  REVENUE (USD)
  [a-z0-9]{4}  Ada Lovelace       1          25.50 (re)
  [a-z0-9]{4}  Bob Stone          1          27.00 (re)
  [a-z0-9]{4}  Cleo Park          0           0.00 (re)
  crm: error: orders/[a-z0-9]{16}.yaml:17:8: total: "53.50.1" is not a number (re)
  [3]
  $ crm contact list 'revenue>26' --format ids > /dev/null 2>&1
  [3]
  $ crm contact show ada --fields revenue > /dev/null 2>&1
  [3]
  $ crm company list --fields name,revenue > /dev/null 2>&1
  [3]
  $ crm segment add --name big --type contact --filter "revenue>20" > /dev/null
  $ crm segment list --fields name,count
  ID    NAME  COUNT
  [a-z0-9]{4}  big       2 (re)
  crm: error: orders/[a-z0-9]{16}.yaml:17:8: total: "53.50.1" is not a number (re)
  [3]

Commands that read no value do not read the orders: a contact list without
value fields is fine.

  $ crm contact list --fields name > /dev/null
