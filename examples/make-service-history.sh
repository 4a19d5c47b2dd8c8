#!/usr/bin/env bash
# Adds a customer service history to the sample store (examples/), after
# make-sample-store.sh: service levels and business hours in the config, and
# tickets from September to November 2026 — replies, notes, pending spells,
# breaches, ratings — so that `make demo` shows the ticket agenda and
# `crm report sla`. Refuses when the store has tickets already.
#
#   examples/make-service-history.sh
set -euo pipefail

store=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$store")
CRM_BIN=${CRM_BIN:-$root/build/crm}

if [ -d "$store/tickets" ] && [ -n "$(ls -A "$store/tickets")" ]; then
  echo "$0: $store/tickets already has records" >&2
  exit 1
fi
mkdir -p "$store/tickets"

at() {
  local now=$1
  shift
  CRM_NOW=$now "$CRM_BIN" -C "$store" "$@"
}

"$CRM_BIN" -C "$store" config set timezone Europe/London
"$CRM_BIN" -C "$store" config set owners '[alex, kim, sam]'
"$CRM_BIN" -C "$store" config set assignment.ticket round-robin
"$CRM_BIN" -C "$store" config set business_hours \
  '{days: mon-fri, from: "09:00", to: "17:00", holidays: [2026-12-25, 2026-12-26]}'
"$CRM_BIN" -C "$store" config set sla \
  '[{name: urgent, if: "priority=urgent", first_response: 1h, resolution: 8h}, {name: high, if: "priority=high", first_response: 4h, resolution: 2d}, {name: standard, first_response: 8h, resolution: 3d}]'

# ticket TIMESTAMP EMAIL SUBJECT [options]: opens a ticket and assigns it by the store's rule.
ticket() {
  local now=$1 who=$2 subject=$3
  shift 3
  local id
  id=$(at "$now" ticket add --subject "$subject" --contact "$who" "$@")
  at "$now" ticket assign "$id" --auto 2>/dev/null
  echo "$id"
}

t=$(ticket 2026-09-07T08:30:00Z priya.r@analytical.example "Export to CSV drops the last row" \
  --channel email --category bug --team support)
at 2026-09-07T10:00:00Z ticket reply "$t" "Thanks, we can reproduce it: a fix ships this week." >/dev/null
at 2026-09-09T14:00:00Z ticket solve "$t" --note "Fixed in 3.4.1" >/dev/null
at 2026-09-10T09:00:00Z ticket rate "$t" 5 --comment "Fast fix"

t=$(ticket 2026-09-15T13:00:00Z wang.fang@longteng.example "Invoice 2026-0412 shows the wrong VAT rate" \
  --channel email --category billing --team finance --priority high)
at 2026-09-15T15:00:00Z ticket reply "$t" "Corrected invoice attached." >/dev/null
at 2026-09-15T15:30:00Z ticket solve "$t" >/dev/null
at 2026-09-17T08:00:00Z ticket rate "$t" 4

t=$(ticket 2026-09-25T15:45:00Z soren@kierkegaard-son.example "Cannot log in after the password reset" \
  --channel phone --category access --team support --priority urgent)
at 2026-09-28T08:30:00Z ticket reply "$t" "Sorry for the wait: your account is unlocked again." >/dev/null
at 2026-09-28T09:00:00Z ticket solve "$t" >/dev/null
at 2026-09-29T10:00:00Z ticket rate "$t" 2 --comment "Locked out all weekend"

t=$(ticket 2026-10-05T09:10:00Z hiroshi.tanaka@sakura-robotics.example "How do I add a second warehouse?" \
  --channel web --category how-to --team support)
at 2026-10-05T11:00:00Z ticket reply "$t" "Settings > Locations > Add: see the guide linked below." >/dev/null
at 2026-10-05T11:05:00Z ticket set "$t" status=pending >/dev/null
at 2026-10-08T09:30:00Z ticket set "$t" status=open >/dev/null
at 2026-10-08T10:00:00Z ticket solve "$t" >/dev/null
at 2026-10-09T09:00:00Z ticket rate "$t" 5

t=$(ticket 2026-10-14T10:00:00Z raj@mapleleaf.example "Nightly sync fails with a timeout" \
  --channel email --category bug --team support --priority high)
at 2026-10-14T11:30:00Z ticket note "$t" "Their proxy cuts connections after 60 s" >/dev/null
at 2026-10-14T13:00:00Z ticket reply "$t" "Could you raise the proxy timeout to 300 s?" >/dev/null
at 2026-10-14T13:05:00Z ticket set "$t" status=on-hold >/dev/null
at 2026-10-20T09:00:00Z ticket set "$t" status=open >/dev/null
at 2026-10-21T16:00:00Z ticket solve "$t" --note "Timeout raised on their side" >/dev/null
at 2026-10-22T09:00:00Z ticket rate "$t" 4

t=$(ticket 2026-10-26T16:30:00Z rhys@pritchard-precision.example "Quote PDF has the old logo" \
  --channel chat --category bug --team support --priority low)
at 2026-10-29T10:00:00Z ticket reply "$t" "Fixed: new quotes use the new logo." >/dev/null
at 2026-10-29T10:10:00Z ticket solve "$t" >/dev/null
at 2026-10-29T10:20:00Z ticket close "$t"

t=$(ticket 2026-11-04T08:00:00Z dmitri.ivanov@example.net "Refund for the duplicate payment" \
  --channel email --category billing --team finance)
at 2026-11-04T09:30:00Z ticket reply "$t" "Refunded today: 3 to 5 working days to arrive." >/dev/null
at 2026-11-04T09:40:00Z ticket solve "$t" >/dev/null
at 2026-11-05T12:00:00Z ticket rate "$t" 5 --comment "Thank you"

t=$(ticket 2026-11-12T14:00:00Z niamh@babbage-byron.example "Partner portal shows German prices" \
  --channel web --category bug --team support --priority high)
at 2026-11-16T15:00:00Z ticket reply "$t" "We are on it: the currency follows the browser's language." >/dev/null
at 2026-11-18T11:00:00Z ticket solve "$t" >/dev/null
at 2026-11-19T09:00:00Z ticket rate "$t" 3 --comment "Took a while"

# Open on the demo's Monday, 2026-11-23: one waiting for the customer's answer,
# one breached, one due soon, one nobody owns.
t=$(ticket 2026-11-18T10:00:00Z a.gross@nordlicht.example "Label printer prints blank pages" \
  --channel phone --category hardware --team support --priority high)
at 2026-11-18T11:00:00Z ticket reply "$t" "Please send us a photo of the settings page." >/dev/null
at 2026-11-18T11:05:00Z ticket set "$t" status=pending >/dev/null
at 2026-11-20T10:00:00Z ticket set "$t" status=open >/dev/null
ticket 2026-11-19T10:00:00Z hiroshi.tanaka@sakura-robotics.example "Webhook retries flood our endpoint" \
  --channel email --category bug --team support >/dev/null
ticket 2026-11-20T16:30:00Z mj.pena@vinedos-nunez.example "Add Spanish to the invoice template" \
  --channel email --category how-to --team support --priority high >/dev/null
at 2026-11-23T08:30:00Z ticket add --subject "Order form rejects Norwegian postcodes" \
  --contact fatima.alzahra@example.com --channel web --category bug >/dev/null

"$CRM_BIN" -C "$store" check
echo "made $(ls "$store/tickets" | wc -l) tickets in $store"
