Numbers right-align in every list, as they do in the reports: a field of
kind integer or decimal (built in, the store's own, or derived: a
contact's orders, a segment's count) as well as money. They show as
written (a year stays 2026, 4.50 keeps its places).

  $ crm init s > /dev/null 2>&1 && cd s
  $ cat >> .crm/config.yaml <<'YAML'
  > 
  > fields:
  >   company:
  >     - {name: founded, type: integer}
  >     - {name: rating, type: decimal}
  > YAML
  $ sed -i '/^fields: {}$/d' .crm/config.yaml
  $ crm company add --name Acme --set size=1500 --set founded=2026 --set rating=4.50 > /dev/null
  $ crm company add --name Bo --set size=7 --set founded=1999 --set rating=12 > /dev/null
  $ crm company list --fields name,size,founded,rating
  ID    NAME  SIZE  FOUNDED  RATING
  [a-z0-9]{4}  Acme  1500     2026    4.50 (re)
  [a-z0-9]{4}  Bo       7     1999      12 (re)

A contact's derived orders and revenue, beside each other.

  $ crm product add --name Kit --sku KIT --price 5 > /dev/null
  $ crm contact add --name Ada > /dev/null
  $ crm contact add --name "Bob Long" > /dev/null
  $ for i in 1 2 3 4 5 6 7 8 9 10 11; do crm order add --contact Ada --line "KIT x200" --status paid > /dev/null; done
  $ crm contact list --fields name,orders,revenue --sort name
  ID    NAME      ORDERS  REVENUE (USD)
  [a-z0-9]{4}  Ada           11      11,000.00 (re)
  [a-z0-9]{4}  Bob Long       0           0.00 (re)

A segment's count.

  $ crm segment add --name buyers --type contact --filter "orders>0" > /dev/null
  $ crm segment add --name everyone --type contact --filter "name~" > /dev/null
  $ crm segment list --fields name,count
  ID    NAME      COUNT
  [a-z0-9]{4}  buyers        1 (re)
  [a-z0-9]{4}  everyone      2 (re)

The html page marks them as numbers, with the value as written.

  $ crm company list --fields name,size,rating --format html | grep -o '<td class="num"[^<]*'
  <td class="num" data-value="1500">1500
  <td class="num" data-value="4.50">4.50
  <td class="num" data-value="7">7
  <td class="num" data-value="12">12

Machine formats are unchanged: exact numbers in JSON, the text in CSV.

  $ crm company list --fields name,size,rating --format csv | cut -d, -f2-
  name,size,rating
  Acme,1500,4.50
  Bo,7,12
