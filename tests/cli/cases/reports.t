Reports on a store built for them; the expected numbers are worked out by
hand here:
- won  "Alpha" 1000.00, created 2026-11-01, won 2026-11-11: a 10-day cycle
- lost "Beta"   500.00, created 2026-11-02, lost 2026-11-12
- open "Gamma" 2000.00 in proposal (50%), close date 2026-11-30
winrate 1/(1+1) = 50.0% by count, 1000/1500 = 66.7% by amount; velocity =
1 open × 1000 average × 0.5 / 10 days = 50.00 a day; the forecast for
2026-11: 2000 open, 1000 weighted, 1000 won.

  $ crm init s 2>/dev/null && cd s && sed -i 's/^currency: USD$/currency: EUR/' .crm/config.yaml
  $ CRM_NOW=2026-11-01T09:00:00Z crm deal add --name Alpha --amount 1000.00 --owner sam > /dev/null
  $ CRM_NOW=2026-11-02T09:00:00Z crm deal add --name Beta --amount 500.00 --owner kim > /dev/null
  $ CRM_NOW=2026-11-03T09:00:00Z crm deal add --name Gamma --amount 2000.00 --owner sam --close-date 2026-11-30 > /dev/null
  $ CRM_NOW=2026-11-11T09:00:00Z crm deal won alpha && CRM_NOW=2026-11-12T09:00:00Z crm deal lost beta --reason price
  $ CRM_NOW=2026-11-13T09:00:00Z crm deal move gamma proposal
  $ crm report winrate
  CURRENCY  WON  LOST   RATE  WON_AMOUNT (EUR)  LOST_AMOUNT (EUR)  AMOUNT_RATE
  EUR         1     1  50.0%          1,000.00             500.00        66.7%
  $ crm report winrate --by owner --format csv
  owner,currency,won,lost,rate,won_amount,lost_amount,amount_rate,total
  kim,EUR,0,1,0,0,500,0,false
  sam,EUR,1,0,100,1000,0,100,false
  total,EUR,1,1,50,1000,500,66.7,true
  $ crm report velocity --format json
  {
    "report": "velocity",
    "rows": [
      {
        "currency": "EUR",
        "open": 1,
        "won": 1,
        "lost": 1,
        "average_deal": 1000,
        "win_rate": 50,
        "cycle_days": 10,
        "velocity": 50
      }
    ],
    "totals": []
  }
  $ crm report forecast --until 2026-11-30
  PERIOD   CURRENCY  COUNT  AMOUNT (EUR)  WEIGHTED (EUR)  WON (EUR)
  2026-11  EUR           1      2,000.00        1,000.00   1,000.00  ████████████████████
  total    EUR           1      2,000.00        1,000.00   1,000.00
  $ crm report funnel
  STAGE           REACHED  CONVERSION
  qualification         3        0.0%  ████████████████████
  needs-analysis        0         n/a
  proposal              1        0.0%  ██████▋
  negotiation           0         n/a
  won                   1              ██████▋
  [a-z0-9]{4}                  1              ██████▋ (re)
  $ crm report pipeline --format jsonl
  {"stage":"qualification","currency":"EUR","probability":10,"count":0,"amount":0,"weighted":0,"total":false}
  {"stage":"needs-analysis","currency":"EUR","probability":20,"count":0,"amount":0,"weighted":0,"total":false}
  {"stage":"proposal","currency":"EUR","probability":50,"count":1,"amount":2000,"weighted":1000,"total":false}
  {"stage":"negotiation","currency":"EUR","probability":80,"count":0,"amount":0,"weighted":0,"total":false}
  {"stage":"total","currency":"EUR","probability":null,"count":1,"amount":2000,"weighted":1000,"total":true}
  $ crm report stale --days 5
  ID                NAME   STAGE     OWNER  LAST_TOUCH            DAYS_IDLE
  [a-z0-9]{16}  Gamma  proposal  sam    2026\-11\-13T09:00:00Z         10 (re)
  $ crm report
  Dashboard 2026-11-23
  Open pipeline       1 deal  EUR 2,000.00   weighted EUR 1,000.00
  Closing in 2026-11  1 deal  EUR 2,000.00   weighted EUR 1,000.00  won EUR 1,000.00
  Win rate, 90 days   50.0%   1 won, 1 lost
  Overdue tasks       0
  Stale deals         0
  Follow-ups due      0
  $ crm report --format json
  {
    "today": "2026-11-23",
    "owner": null,
    "pipeline": [
      {
        "currency": "EUR",
        "count": 1,
        "amount": 2000,
        "weighted": 1000
      }
    ],
    "month": "2026-11",
    "forecast": [
      {
        "currency": "EUR",
        "count": 1,
        "amount": 2000,
        "weighted": 1000,
        "won": 1000
      }
    ],
    "winrate": {
      "since": "2026-08-25",
      "until": "2026-11-23",
      "won": 1,
      "lost": 1,
      "rate": 50
    },
    "overdue_tasks": 0,
    "stale_deals": 0,
    "follow_ups_due": 0
  }

An empty period gives a well-formed, empty report; a rate over nothing is n/a (null).

  $ crm report winrate --since 2025-01-01 --until 2025-12-31
  CURRENCY  WON  LOST  RATE  WON_AMOUNT (EUR)  LOST_AMOUNT (EUR)  AMOUNT_RATE
  EUR         0     0  n/a               0.00               0.00  n/a
  $ crm report winrate --since 2025-01-01 --until 2025-12-31 --format json
  {
    "report": "winrate",
    "rows": [
      {
        "currency": "EUR",
        "won": 0,
        "lost": 0,
        "rate": null,
        "won_amount": 0,
        "lost_amount": 0,
        "amount_rate": null
      }
    ],
    "totals": []
  }
  $ crm report velocity --since 2025-01-01 --until 2025-01-02 --format csv
  currency,open,won,lost,average_deal,win_rate,cycle_days,velocity,total
  EUR,1,0,0,,,,,false
  $ crm report funnel --by owner
  crm: error: report funnel takes --by stage, not "owner"
  [2]
  $ crm report winrate --since yesterday-ish
  crm: error: --since: "yesterday-ish" is not a date (2026-01-01, -90d, eoq, …)
  [2]
