#!/usr/bin/env bash
# A store for the html checks: deals in two currencies, a year of orders
# (paid, refunded, in two currencies), open and solved tickets, and a
# contact whose name is markup. Usage: make_store.sh CRM DIR (CRM_TODAY,
# CRM_NOW and TZ come from the caller).
set -euo pipefail
crm=$1
dir=$2
"$crm" init "$dir" >/dev/null 2>&1
cd "$dir"
c() { "$crm" "$@" >/dev/null; }
c company add --name Acme
c company add --name "Globex & Sons"
c contact add --name "Ada Lovelace" --company Acme --email ada@example.com
c contact add --name "Ben Okri" --email ben@example.com
c contact add --name "Cleo Park" --company Acme
c contact add --name "Dan Wu" --company "Globex & Sons"
c contact add --name '<script>alert("x")</script>' --email evil@example.com
c contact add --name "Eve Ng"
c deal add --name "Engines" --amount 12000 --stage qualification --company Acme --close-date 2026-12-10
c deal add --name "Looms" --amount 30000.50 --stage proposal --company Acme --close-date 2026-11-28
c deal add --name "Pumps" --amount 8000 --currency EUR --stage negotiation --close-date 2027-01-15
c deal add --name "Gears" --amount 4500 --stage proposal --currency USD --close-date 2026-12-20
c deal add --name '<img src=x onerror=alert(1)>' --amount 999 --stage qualification --close-date 2027-02-01
o() { c order add --line "Kit @$1" "${@:2}"; }
o 400 --contact ada --date 2025-12-03 --status paid
o 300 --contact ada --date 2026-02-10 --status paid
o 250 --contact ada --date 2026-05-20 --status fulfilled
o 120 --contact ada --date 2026-10-01 --status paid
o 999 --contact ada --date 2026-11-10 --status refunded
o 500 --contact ben --date 2025-12-15 --status paid
o 80 --contact ben --date 2026-03-15 --currency EUR
o 150 --contact cleo --date 2026-02-25
o 150 --contact cleo --date 2026-03-24
o 90 --contact cleo --date 2026-07-02
o 300 --contact dan --date 2026-05-22
o 75.50 --contact evil --date 2026-08-08 --status paid
o 60 --contact eve --date 2026-10-30
o 210 --contact eve --date 2026-11-20
w=$("$crm" deal add --name "Valves" --amount 2500 --stage proposal)
c deal won "$w"
l=$("$crm" deal add --name "Belts" --amount 700 --stage qualification)
c deal lost "$l" --reason price
c task add --title "Send the quote" --due 2026-11-01
c task add --title "Call back" --due 2026-11-30
t=$("$crm" ticket add --subject "Printer jams" --contact ada --priority high --channel email)
c ticket reply "$t" "Which tray?"
c ticket add --subject "Wrong VAT" --contact ben --priority urgent --channel phone
t=$("$crm" ticket add --subject "Toner light" --contact cleo --channel web --owner kim)
c ticket set "$t" status=pending
c ticket add --subject "Manual missing" --contact dan --priority low --channel web
t=$("$crm" ticket add --subject "Login fails" --contact eve --channel email)
c ticket solve "$t"
