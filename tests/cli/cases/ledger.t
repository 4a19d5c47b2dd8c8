Paid orders as plain-text accounting: a sale (the customer's receivable
against income per product category), the payment, a refund; hledger and
bean-check accept both files; a re-export is byte for byte the same.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm contact add --name "Ada Lovelace" --email ada@example.com > /dev/null
  $ crm contact add --name "Zoë Adams" > /dev/null
  $ crm product add --name Widget --sku W-1 --price 9.99 --category Hardware > /dev/null
  $ crm product add --name "Support plan" --sku SUP --price 120 > /dev/null

3 × 9.99 × 0.85 = 25.4745 → 25.47 (hardware); 120 + 49.50 = 169.50 (sales);
2 × 100.005 = 200.01 EUR, never added to dollars.

  $ crm order add --contact ada --number 1001 --date 2026-11-01 --line "W-1 x3 -15%" --line SUP --line "Setup fee @49.50" > /dev/null
  $ CRM_NOW=2026-11-02T10:00:00Z crm order pay 1001
  $ crm order add --contact zoe --number 1002 --date 2026-11-05 --currency EUR --line "Consulting x2 @100.005" --status paid > /dev/null
  $ crm order add --contact zoe --number 1003 --date 2026-11-06 --line "W-1 x1" > /dev/null
  $ CRM_NOW=2026-11-07T10:00:00Z crm order pay 1003 && CRM_NOW=2026-11-20T10:00:00Z crm order refund 1003
  $ crm order add --contact ada --number 1004 --line W-1 > /dev/null
  $ crm export ledger | sed 's/([a-z0-9]\{16\})/(ID)/'
  ; crm export ledger: paid orders as transactions
  
  2026-11-01 (ID) Ada Lovelace | Order 1001
      assets:receivable:ada-lovelace  USD 194.97
      income:sales  USD -169.50
      income:sales:hardware  USD -25.47
  
  2026-11-02 (ID) Ada Lovelace | Payment of order 1001
      assets:bank  USD 194.97
      assets:receivable:ada-lovelace  USD -194.97
  
  2026-11-05 (ID) Zoë Adams | Order 1002
      assets:receivable:zoe-adams  EUR 200.01
      income:sales  EUR -200.01
  
  2026-11-06 (ID) Zoë Adams | Order 1003
      assets:receivable:zoe-adams  USD 9.99
      income:sales:hardware  USD -9.99
  
  2026-11-07 (ID) Zoë Adams | Payment of order 1003
      assets:bank  USD 9.99
      assets:receivable:zoe-adams  USD -9.99
  
  2026-11-20 (ID) Zoë Adams | Refund of order 1003
      income:sales:hardware  USD 9.99
      assets:bank  USD -9.99
  
  2026-11-23 (ID) Zoë Adams | Payment of order 1002
      assets:bank  EUR 200.01
      assets:receivable:zoe-adams  EUR -200.01

The order placed but not paid (1004) is not in it. Both validators accept
the files, and the balance of hardware income is 25.47 after the refund:

  $ crm export ledger -o ../books.journal && hledger -f ../books.journal check && echo ok
  ok
  $ hledger -f ../books.journal balance income:sales:hardware -N
            USD -25.47  income:sales:hardware
  $ crm export beancount -o ../books.beancount && bean-check ../books.beancount && echo ok
  ok
  $ head -6 ../books.beancount
  ; crm export beancount: paid orders as transactions
  2026-11-01 open Assets:Receivable:Ada-lovelace
  2026-11-01 open Income:Sales
  2026-11-01 open Income:Sales:Hardware
  2026-11-02 open Assets:Bank
  2026-11-05 open Assets:Receivable:Zoe-adams

Deterministic: the same store, the same bytes; --since leaves earlier days out.

  $ crm export ledger | cmp - ../books.journal && echo same
  same
  $ crm export ledger --since 2026-11-20 | grep -c '^2026'
  2
  $ crm export ledger --type order
  crm: error: ledger exports paid orders: no filter or --type
  [2]
