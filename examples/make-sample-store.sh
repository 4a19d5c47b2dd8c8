#!/usr/bin/env bash
# Regenerates the sample store in this folder (examples/) that `make demo` shows;
# make-service-history.sh then adds its tickets, make-order-history.sh its orders.
#
#   examples/make-sample-store.sh            # refuses if examples/contacts has records
#   examples/make-sample-store.sh --force    # deletes the record folders, then rebuilds
#
# Every record is made through the crm binary, so the files are in canonical form.
# CRM_NOW is set per command so created/updated dates spread over 2025-12 .. 2026-11:
# first the companies and contacts, then a year of sales history (leads, deals moved
# through the pipeline, tasks and activities) in the order it happened.
# Record ids are random: each run makes new ids (and new file names).
# All addresses and phone numbers are made up; domains are .example or example.com/org/net.
# Do not add "Ada Lovelace" <ada@example.com> here: the tests add her.
set -euo pipefail

store=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$store")
CRM_BIN=${CRM_BIN:-$root/build/crm}

force=0
case "${1:-}" in
  --force) force=1 ;;
  "") ;;
  *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

if [ ! -x "$CRM_BIN" ]; then
  echo "$0: no crm binary at $CRM_BIN (run: cmake --build build, or set CRM_BIN)" >&2
  exit 1
fi

if [ -d "$store/contacts" ] && [ -n "$(ls -A "$store/contacts")" ]; then
  if [ "$force" != 1 ]; then
    echo "$0: $store/contacts already has records; use --force to delete them and start again" >&2
    exit 1
  fi
fi
if [ "$force" = 1 ]; then
  # tickets/ and orders/ refer to the contacts: make-service-history.sh and
  # make-order-history.sh make them again.
  for d in contacts companies leads deals tasks activities tickets orders products segments; do
    rm -rf "${store:?}/$d"
  done
fi

# Make the layout. On an existing store `crm init` changes nothing (not even missing
# record folders), so make those here too.
"$CRM_BIN" init "$store"
for d in contacts companies leads deals tasks activities; do
  mkdir -p "$store/$d"
done
sed -i 's/^currency: .*/currency: EUR/' "$store/.crm/config.yaml"

# at TIMESTAMP crm-args...: run crm on this store as of TIMESTAMP.
at() {
  local now=$1
  shift
  CRM_NOW=$now "$CRM_BIN" -C "$store" "$@"
}

# ---------------------------------------------------------------- companies

ae=$(at 2025-12-02T09:15:00Z company add --name "Analytical Engines" --domain analytical.example \
  --tag customer --tag vip --tag london \
  --set industry=Manufacturing --set relationship=customer --set size=120 \
  --set phone="+44 20 7946 0100" --set website=https://www.analytical.example \
  --set address.street="12 Difference Lane" --set address.city=London \
  --set address.postal_code="EC1V 4PW" --set address.country=UK \
  --set owner=sam \
  --set notes=$'Precision mechanical calculators and the software that drives them.\nThree-year support contract signed 2026-01; renewal talks start in Q3.\nPrefers email; invoices go to accounts@analytical.example.')

nordlicht=$(at 2025-12-09T14:02:00Z company add --name "Nordlicht Solar GmbH" --domain nordlicht.example \
  --tag customer --tag berlin \
  --set industry=Energy --set relationship=customer --set size=340 \
  --set phone="+49 30 901820" --set website=https://nordlicht.example \
  --set address.street="Friedrichstraße 123" --set address.city=Berlin \
  --set address.postal_code=10117 --set address.country=Germany \
  --set owner=alex \
  --set notes=$'Rooftop solar installer, expanding into Poland.\nBilling in EUR, net 30.')

kierkegaard=$(at 2025-12-15T10:30:00Z company add --name "Kierkegaard & Søn ApS" --domain kierkegaard-son.example \
  --tag partner \
  --set industry=Publishing --set relationship=partner --set size=18 \
  --set phone="+45 33 12 34 56" \
  --set address.street="Nytorv 2" --set address.city=København \
  --set address.postal_code=1450 --set address.country=Denmark \
  --set owner=sam)

vinedos=$(at 2026-01-08T11:45:00Z company add --name "Viñedos Núñez S.L." --domain vinedos-nunez.example \
  --tag prospect \
  --set industry="Food & Beverage" --set relationship=prospect --set size=45 \
  --set phone="+34 941 123 456" \
  --set address.city=Logroño --set address.region="La Rioja" --set address.country=Spain \
  --set owner=jo)

longteng=$(at 2026-01-20T03:10:00Z company add --name "龙腾科技" --domain longteng.example \
  --tag prospect \
  --set industry=Electronics --set relationship=prospect --set size=900 \
  --set phone="+86 755 1234 5678" --set website=https://longteng.example/en/ \
  --set address.city=深圳 --set address.region=广东 --set address.country=China \
  --set owner=alex \
  --set notes=$'Longteng Technology (龙腾科技), Shenzhen.\nMet at the Hannover fair; wants a pilot for their EU office.')

babbage=$(at 2026-02-03T16:20:00Z company add --name "Babbage & Byron Consulting" --domain babbage-byron.example \
  --tag partner --tag london \
  --set industry=Consulting --set relationship=partner --set size=25 \
  --set phone="020 7946 0321" \
  --set address.street="7 Marylebone High Street" --set address.city=London \
  --set address.postal_code="W1U 4AA" --set address.country=UK \
  --set owner=sam \
  --set notes="Implementation partner: refers small manufacturers to us.")

fjordline=$(at 2026-02-24T08:05:00Z company add --name "Fjordline Logistics AS" --domain fjordline.example \
  --tag customer \
  --set industry=Logistics --set relationship=customer --set size=210 \
  --set phone="+47 22 12 34 56" \
  --set address.city=Oslo --set address.country=Norway \
  --set owner=jo)

maple=$(at 2026-03-11T15:40:00Z company add --name "Maple Leaf Analytics Inc." --domain mapleleaf.example \
  --tag customer --tag newsletter \
  --set industry=Software --set relationship=customer --set size=75 \
  --set phone="+1 (416) 555-0142" --set website=https://mapleleaf.example \
  --set address.street="100 King Street West" --set address.city=Toronto \
  --set address.region=ON --set address.postal_code="M5X 1A9" --set address.country=Canada \
  --set owner=alex)

cafe=$(at 2026-04-02T09:00:00Z company add --name "Café Olé SARL" --domain cafe-ole.example \
  --tag prospect \
  --set industry=Hospitality --set relationship=prospect --set size=12 \
  --set phone="01 23 45 67 89" \
  --set address.street="5 rue de la Paix" --set address.city=Paris \
  --set address.postal_code=75002 --set address.country=France \
  --set owner=jo)

sakura=$(at 2026-05-19T01:30:00Z company add --name "Sakura Robotics K.K." --domain sakura-robotics.example \
  --tag prospect \
  --set industry=Robotics --set relationship=prospect --set size=400 \
  --set phone="06-1234-5678" \
  --set address.city=大阪 --set address.country=Japan \
  --set owner=alex \
  --set notes=$'さくらロボティクス株式会社.\nEvaluation licence until 2026-12-31.')

mueller=$(at 2026-06-23T12:00:00Z company add --name "Müller & Öztürk Architekten" --domain mueller-oeztuerk.example \
  --tag customer --tag berlin \
  --set industry=Architecture --set relationship=customer --set size=32 \
  --set phone="030 12345678" \
  --set address.street="Oranienstraße 45" --set address.city=Berlin \
  --set address.postal_code=10969 --set address.country=Germany \
  --set owner=alex)

# Two companies with no contacts yet.
at 2026-07-14T10:10:00Z company add --name "Globex Reseller Network" --domain globex-resellers.example \
  --tag reseller \
  --set industry=Distribution --set relationship=reseller --set size=60 \
  --set phone="+1 (555) 010-0199" \
  --set address.city=Springfield --set address.region=IL --set address.country=USA \
  --set owner=jo >/dev/null

at 2026-08-27T13:25:00Z company add --name "Rivalry Systems plc" --domain rivalry.example \
  --tag competitor \
  --set industry=Software --set relationship=competitor --set size=1500 \
  --set address.city=Manchester --set address.country=UK \
  --set notes=$'Main competitor in UK tenders.\nCheaper licence, weaker support.' >/dev/null

# ---------------------------------------------------------------- contacts

# Analytical Engines (London): five people.
at 2025-12-02T09:40:00Z contact add --name "Zoë Ångström" --email zoe.angstrom@analytical.example \
  --phone "+44 20 7946 0101" --company "$ae" --title "Chief Technology Officer" \
  --tag customer --tag vip --tag london \
  --set first_name=Zoë --set last_name=Ångström \
  --set address.city=London --set address.country=UK \
  --set lifecycle=customer --set source=referral --set owner=sam \
  --set 'emails=[zoe@angstrom.example, z.angstrom@example.org]' \
  --set 'phones=[{number: "07700 900123", kind: mobile}, {number: "020 7946 0199", kind: home}]' \
  --set birthday=1984-03-14 --set follow_up=2026-11-20 --set cadence=30 \
  --set notes=$'Technical sponsor of the support contract.\nLikes short agendas; send slides the day before.\nBooked for the London user group in December.' >/dev/null

at 2025-12-03T11:00:00Z contact add --name "Charles Whitmore" --email c.whitmore@analytical.example \
  --phone "020 7946 0102" --company "$ae" --title "Head of Procurement" \
  --tag customer --tag london --tag decision-maker \
  --set first_name=Charles --set last_name=Whitmore \
  --set address.city=London --set address.country=UK \
  --set lifecycle=customer --set source=referral --set owner=sam \
  --set follow_up=2026-12-01 --set cadence=90 \
  --set notes=$'Signs off anything above €10k.\nAsk about the renewal budget in the Q4 call.' >/dev/null

at 2025-12-10T15:30:00Z contact add --name "Priya Raghunathan" --email priya.r@analytical.example \
  --phone "07700 900456" --company "$ae" --title "Operations Manager" \
  --tag customer --tag london --tag newsletter \
  --set first_name=Priya --set last_name=Raghunathan \
  --set address.city=London --set address.country=UK \
  --set lifecycle=customer --set source=event --set owner=sam \
  --set 'emails=[priya@raghunathan.example]' \
  --set cadence=60 >/dev/null

at 2026-01-14T10:20:00Z contact add --name "Tomás O'Connor" --email tomas.oconnor@analytical.example \
  --phone "+44 161 496 0753" --company "$ae" --title "Field Service Engineer" \
  --tag customer --tag technical \
  --set first_name=Tomás --set "last_name=O'Connor" \
  --set address.city=Manchester --set address.country=UK \
  --set lifecycle=customer --set source=import --set owner=jo \
  --set 'phones=[{number: "07700 900789", kind: mobile}]' >/dev/null

at 2026-03-05T09:05:00Z contact add --name "Mary Somerville-Grant" --email mary.sg@analytical.example \
  --phone "020 7946 0104" --company "$ae" --title "Finance Director" \
  --tag customer --tag london \
  --set first_name=Mary --set last_name=Somerville-Grant \
  --set address.street="12 Difference Lane" --set address.city=London \
  --set address.postal_code="EC1V 4PW" --set address.country=UK \
  --set lifecycle=customer --set source=email --set owner=sam \
  --set follow_up=2026-11-16 \
  --set notes=$'Invoices: PO number required on every invoice.\nOut of office most Fridays.' >/dev/null

# Nordlicht Solar GmbH (Berlin).
at 2025-12-09T14:30:00Z contact add --name "Jürgen Weiß" --email j.weiss@nordlicht.example \
  --phone "+49 30 901820-11" --company "$nordlicht" --title "Geschäftsführer" \
  --tag customer --tag berlin --tag vip --tag decision-maker \
  --set first_name=Jürgen --set last_name=Weiß \
  --set address.city=Berlin --set address.country=Germany \
  --set lifecycle=customer --set source=call --set owner=alex \
  --set 'emails=[juergen.weiss@example.net]' \
  --set 'phones=[{number: "+49 151 23456789", kind: mobile}]' \
  --set birthday=1971-07-02 --set follow_up=2026-12-10 --set cadence=45 \
  --set notes=$'Prefers German for contracts, English is fine for calls.\nAsked for a Polish-language invoice template.' >/dev/null

at 2025-12-18T09:50:00Z contact add --name "Anneliese Groß" --email a.gross@nordlicht.example \
  --phone "030 901820 15" --company "$nordlicht" --title "Einkauf (Procurement)" \
  --tag customer --tag berlin \
  --set first_name=Anneliese --set last_name=Groß \
  --set address.city=Berlin --set address.country=Germany \
  --set lifecycle=customer --set source=call --set owner=alex >/dev/null

at 2026-02-11T13:15:00Z contact add --name "Mehmet Yılmaz" --email mehmet.yilmaz@nordlicht.example \
  --phone "+49 176 9876 5432" --company "$nordlicht" --title "IT Lead" \
  --tag berlin --tag technical --tag newsletter \
  --set first_name=Mehmet --set last_name=Yılmaz \
  --set address.city=Potsdam --set address.country=Germany \
  --set lifecycle=evangelist --set source=event --set owner=alex \
  --set notes="Runs the internal pilot; our strongest advocate there." >/dev/null

# Kierkegaard & Søn ApS (Copenhagen).
at 2025-12-15T11:00:00Z contact add --name "Søren Kierkegaard" --email soren@kierkegaard-son.example \
  --phone "+45 33 12 34 57" --company "$kierkegaard" --title "Partner" \
  --tag partner --tag vip \
  --set first_name=Søren --set last_name=Kierkegaard \
  --set address.city=København --set address.country=Denmark \
  --set lifecycle=evangelist --set source=partner --set owner=sam \
  --set cadence=120 \
  --set notes=$'Either/or: wants a decision on co-marketing before year end.\nResells our Danish edition.' >/dev/null

at 2026-01-06T10:40:00Z contact add --name "Regine Olsen" --email regine.olsen@kierkegaard-son.example \
  --phone "20 12 34 56" --company "$kierkegaard" --title "Office Manager" \
  --tag partner --tag newsletter \
  --set first_name=Regine --set last_name=Olsen \
  --set address.city=København --set address.country=Denmark \
  --set lifecycle=subscriber --set source=partner --set owner=sam >/dev/null

# Viñedos Núñez S.L. (Rioja).
at 2026-01-08T12:10:00Z contact add --name "José Núñez" --email jose@vinedos-nunez.example \
  --phone "+34 612 345 678" --company "$vinedos" --title "Director General" \
  --tag prospect --tag decision-maker \
  --set first_name=José --set last_name=Núñez \
  --set address.city=Logroño --set address.country=Spain \
  --set lifecycle=sql --set source=web --set owner=jo \
  --set 'emails=[jose.nunez@example.com, pepe@vinedos-nunez.example]' \
  --set follow_up=2026-11-25 --set cadence=21 \
  --set notes=$'Wants to track 200 distributors.\nSend the Spanish brochure and the price list in EUR.' >/dev/null

at 2026-02-16T17:30:00Z contact add --name "María José Peña" --email mj.pena@vinedos-nunez.example \
  --phone "941 123 457" --company "$vinedos" --title "Responsable de Exportación" \
  --tag prospect \
  --set first_name="María José" --set last_name=Peña \
  --set address.city=Haro --set address.country=Spain \
  --set lifecycle=mql --set source=web --set owner=jo >/dev/null

# 龙腾科技 (Shenzhen).
at 2026-01-20T03:30:00Z contact add --name "李小龙" --email li.xiaolong@longteng.example \
  --phone "+86 138 0013 8000" --company "$longteng" --title "总经理 (General Manager)" \
  --tag prospect --tag vip \
  --set first_name=小龙 --set last_name=李 \
  --set address.city=深圳 --set address.country=China \
  --set lifecycle=opportunity --set source=event --set owner=alex \
  --set 'phones=[{number: "+86 755 1234 5600", kind: work}]' \
  --set follow_up=2026-11-30 \
  --set notes=$'Met at the Hannover fair.\nFamily name first: address him as Mr Li.' >/dev/null

at 2026-03-02T02:45:00Z contact add --name "王芳" --email wang.fang@longteng.example \
  --phone "+86 139 1234 5678" --company "$longteng" --title "采购经理 (Purchasing Manager)" \
  --tag prospect \
  --set first_name=芳 --set last_name=王 \
  --set address.city=深圳 --set address.country=China \
  --set lifecycle=sql --set source=event --set owner=alex >/dev/null

# Babbage & Byron Consulting (London partner).
at 2026-02-03T16:45:00Z contact add --name "Niamh Ní Bhriain" --email niamh@babbage-byron.example \
  --phone "020 7946 0322" --company "$babbage" --title "Managing Partner" \
  --tag partner --tag london --tag decision-maker \
  --set first_name=Niamh --set "last_name=Ní Bhriain" \
  --set address.city=London --set address.country=UK \
  --set lifecycle=evangelist --set source=partner --set owner=sam \
  --set 'phones=[{number: "+353 87 123 4567", kind: mobile}]' \
  --set follow_up=2026-12-04 --set cadence=30 \
  --set notes=$'Sends us two or three referrals a quarter.\nQuarterly partner lunch: next one in December.' >/dev/null

at 2026-04-21T10:00:00Z contact add --name "Oluwaseun Adébáyọ̀" --email seun@babbage-byron.example \
  --phone "07700 900321" --company "$babbage" --title "Senior Consultant" \
  --tag partner --tag london --tag technical \
  --set first_name=Oluwaseun --set last_name=Adébáyọ̀ \
  --set address.city=London --set address.country=UK \
  --set lifecycle=other --set source=partner --set owner=sam >/dev/null

# Fjordline Logistics AS (Oslo).
at 2026-02-24T08:30:00Z contact add --name "Ingrid Bjørnstad" --email ingrid.bjornstad@fjordline.example \
  --phone "+47 912 34 567" --company "$fjordline" --title "CIO" \
  --tag customer --tag decision-maker \
  --set first_name=Ingrid --set last_name=Bjørnstad \
  --set address.city=Oslo --set address.country=Norway \
  --set lifecycle=customer --set source=ad --set owner=jo \
  --set follow_up=2027-01-15 --set cadence=90 >/dev/null

at 2026-03-18T14:10:00Z contact add --name "Lars Ødegård" --email lars.odegard@fjordline.example \
  --phone "22 12 34 58" --company "$fjordline" --title "Warehouse Supervisor" \
  --tag customer \
  --set first_name=Lars --set last_name=Ødegård \
  --set address.city=Bergen --set address.country=Norway \
  --set lifecycle=customer --set source=import --set owner=jo >/dev/null

# Maple Leaf Analytics Inc. (Toronto).
at 2026-03-11T16:00:00Z contact add --name "Chloé Tremblay" --email chloe.tremblay@mapleleaf.example \
  --phone "+1 (416) 555-0143" --company "$maple" --title "VP Customer Success" \
  --tag customer --tag vip --tag newsletter \
  --set first_name=Chloé --set last_name=Tremblay \
  --set address.city=Toronto --set address.region=ON --set address.country=Canada \
  --set lifecycle=customer --set source=web --set owner=alex \
  --set 'emails=[chloe@example.net]' \
  --set 'phones=[{number: "(416) 555-0199", kind: mobile}, {number: "+1 514 555 0110", kind: home}]' \
  --set follow_up=2026-11-18 --set cadence=30 \
  --set notes=$'Bilingual (FR/EN).\nAsked for a Québec French UI — logged as a feature request.' >/dev/null

at 2026-03-25T19:20:00Z contact add --name "Raj Malhotra" --email raj@mapleleaf.example \
  --phone "416-555-0144" --company "$maple" --title "Data Engineer" \
  --tag customer --tag technical \
  --set first_name=Raj --set last_name=Malhotra \
  --set address.city=Toronto --set address.country=Canada \
  --set lifecycle=customer --set source=web --set owner=alex >/dev/null

at 2026-04-09T13:35:00Z contact add --name "Emily Nguyễn" --email emily.nguyen@mapleleaf.example \
  --phone "+1 416 555 0145" --company "$maple" --title "Office Administrator" \
  --tag newsletter \
  --set first_name=Emily --set last_name=Nguyễn \
  --set address.city=Mississauga --set address.country=Canada \
  --set lifecycle=subscriber --set source=web --set owner=alex >/dev/null

# Café Olé SARL (Paris).
at 2026-04-02T09:30:00Z contact add --name "Élodie Fournier" --email elodie@cafe-ole.example \
  --phone "06 12 34 56 78" --company "$cafe" --title "Gérante" \
  --tag prospect --tag decision-maker \
  --set first_name=Élodie --set last_name=Fournier \
  --set address.city=Paris --set address.country=France \
  --set lifecycle=lead --set source=social --set owner=jo \
  --set follow_up=2026-11-10 \
  --set notes=$'Found us on LinkedIn.\nThree cafés; wants loyalty-card integration.' >/dev/null

at 2026-05-06T10:15:00Z contact add --name "Benoît Lemaître" --email benoit.lemaitre@cafe-ole.example \
  --phone "+33 1 23 45 67 90" --company "$cafe" --title "Comptable" \
  --tag prospect \
  --set first_name=Benoît --set last_name=Lemaître \
  --set address.city=Paris --set address.country=France \
  --set lifecycle=lead --set source=social --set owner=jo >/dev/null

# Sakura Robotics K.K. (Osaka).
at 2026-05-19T02:00:00Z contact add --name "佐藤美咲" --email misaki.sato@sakura-robotics.example \
  --phone "+81 6-1234-5679" --company "$sakura" --title "事業開発部長 (Head of Business Development)" \
  --tag prospect --tag vip \
  --set first_name=美咲 --set last_name=佐藤 \
  --set address.city=大阪 --set address.country=Japan \
  --set lifecycle=opportunity --set source=campaign --set owner=alex \
  --set 'emails=[m.sato@example.org]' \
  --set follow_up=2026-12-02 --set cadence=14 \
  --set notes=$'Evaluation licence until 2026-12-31.\nDecision by the board in January.\nSend documents in English and Japanese.' >/dev/null

at 2026-06-01T05:45:00Z contact add --name "Kenji Watanabe" --email kenji.watanabe@sakura-robotics.example \
  --phone "090-1234-5678" --company "$sakura" --title "Robotics Engineer" \
  --tag prospect --tag technical \
  --set first_name=Kenji --set last_name=Watanabe \
  --set address.city=Kyoto --set address.country=Japan \
  --set lifecycle=mql --set source=campaign --set owner=alex >/dev/null

# Müller & Öztürk Architekten (Berlin).
at 2026-06-23T12:30:00Z contact add --name "Katharina Müller" --email k.mueller@mueller-oeztuerk.example \
  --phone "030 12345679" --company "$mueller" --title "Partnerin" \
  --tag customer --tag berlin --tag decision-maker \
  --set first_name=Katharina --set last_name=Müller \
  --set address.street="Oranienstraße 45" --set address.city=Berlin \
  --set address.postal_code=10969 --set address.country=Germany \
  --set lifecycle=customer --set source=referral --set owner=alex \
  --set 'emails=[katharina.mueller@example.net]' \
  --set follow_up=2026-11-27 --set cadence=60 >/dev/null

at 2026-06-24T08:45:00Z contact add --name "Emre Öztürk" --email e.oeztuerk@mueller-oeztuerk.example \
  --phone "+49 30 12345680" --company "$mueller" --title "Partner" \
  --tag customer --tag berlin \
  --set first_name=Emre --set last_name=Öztürk \
  --set address.city=Berlin --set address.country=Germany \
  --set lifecycle=customer --set source=referral --set owner=alex \
  --set 'phones=[{number: "+49 160 1234567", kind: mobile}]' >/dev/null

at 2026-07-30T15:55:00Z contact add --name "Łukasz Wójcik" --email lukasz.wojcik@mueller-oeztuerk.example \
  --phone "+48 22 123 45 67" --company "$mueller" --title "BIM Coordinator" \
  --tag berlin --tag technical \
  --set first_name=Łukasz --set last_name=Wójcik \
  --set address.city=Berlin --set address.country=Germany \
  --set lifecycle=sql --set source=referral --set owner=alex \
  --set notes="Works from Warsaw two weeks a month." >/dev/null

# People without a company.
at 2026-08-12T18:00:00Z contact add --name "Дмитрий Иванов" --email dmitri.ivanov@example.net \
  --phone "+7 495 123-45-67" --title "Independent Consultant" \
  --tag prospect --tag newsletter \
  --set first_name=Дмитрий --set last_name=Иванов \
  --set address.city=Vilnius --set address.country=Lithuania \
  --set lifecycle=lead --set source=web \
  --set website=https://ivanov.example >/dev/null

at 2026-09-03T07:20:00Z contact add --name "Aoife Gallagher" --email aoife@example.com \
  --phone "0123 456 789" --title "Freelance Designer" \
  --tag london --tag newsletter \
  --set first_name=Aoife --set last_name=Gallagher \
  --set address.city=London --set address.country=UK \
  --set lifecycle=subscriber --set source=event --set owner=sam \
  --set 'emails=[aoife.gallagher@example.org]' \
  --set notes=$'Met at the London user group.\nMight bring us a design agency as a customer.' >/dev/null

at 2026-09-29T12:40:00Z contact add --name "Nikos Papadopoulos" --email nikos.p@example.org \
  --phone "+30 21 0123 4567" \
  --tag prospect \
  --set first_name=Nikos --set last_name=Papadopoulos \
  --set address.city=Αθήνα --set address.country=Greece \
  --set lifecycle=lead --set source=ad >/dev/null

at 2026-10-15T09:10:00Z contact add --name "Fatima Al-Zahra" --email fatima.alzahra@example.com \
  --phone "+971 4 123 4567" --title "Procurement Consultant" \
  --set first_name=Fatima --set last_name=Al-Zahra \
  --set address.city=Dubai --set address.country=UAE \
  --set lifecycle=other --set source=email --set do_not_contact=true \
  --set notes="Asked not to be contacted again (2026-10-15)." >/dev/null

# ---------------------------------------------------------------- a year of sales history
# Leads, deals, tasks and activities from December 2025 to November 2026, in the
# order they happened, each command at its own CRM_NOW. The demo's "today" is
# Monday 2026-11-23. The sellers are sam (UK, Denmark), alex (Germany, China,
# Canada, Japan) and kim (Spain, Norway, France, the USA, and the web leads).
# The few edits to the companies and contacts above (`company set`, `contact set`)
# sit here too, at their dates, so that no record's `updated` goes back in time.
#
# Logging an activity with a contact that has a `cadence` moves its `follow_up` to
# the activity's date plus the cadence, so the last activity with such a contact
# decides its follow-up: Priya (60 days after 2026-09-15), Søren (120 after
# 2026-07-20), Chloé (30 after 2026-10-19) and Rhys (45 after 2026-09-29) are due
# on 2026-11-23, with Élodie and Mary, whose follow_up was set by hand.

# act TIMESTAMP crm-log-args...: log an activity, drop the printed id.
act() {
  local now=$1
  shift
  at "$now" log "$@" >/dev/null
}

# convert TIMESTAMP lead-convert-args...: convert a lead; sets $conv_contact (the
# contact's id) and $conv_deal (the deal's id; with --deal only). With -q, lead
# convert prints the contact's, the company's and the deal's ids in that order.
convert() {
  local now=$1 out
  shift
  out=$(at "$now" -q lead convert "$@")
  conv_contact=$(head -n 1 <<<"$out")
  conv_deal=$(tail -n 1 <<<"$out")
}

# ---- December 2025

d_ae_support=$(at 2025-12-03T11:20:00Z deal add --name "Analytical Engines – 3-year support contract" \
  --company "$ae" --contact c.whitmore@analytical.example --contact zoe.angstrom@analytical.example \
  --amount 36000 --close-date 2026-01-31 --owner sam --set source=referral)
act 2025-12-03T11:30:00Z call c.whitmore@analytical.example "Intro call: scope of the support contract" \
  --with "$d_ae_support" --duration 45m --direction out --outcome connected --owner sam

l_hedda=$(at 2025-12-05T08:40:00Z lead add --name "Hedda Lindqvist" --email hedda@skargard-bryggeri.example \
  --phone "+46 8 123 456 78" --company "Skärgård Bryggeri AB" --title "VD (Managing Director)" \
  --source event --value 18000 --rating warm --owner kim)
act 2025-12-05T14:00:00Z meeting zoe.angstrom@analytical.example "Kick-off at Difference Lane: what support they need" \
  --with "$d_ae_support" --duration 1h30m --direction out --outcome connected --owner sam
at 2025-12-08T09:00:00Z deal move "$d_ae_support" needs-analysis

d_nl_rollout=$(at 2025-12-10T09:20:00Z deal add --name "Nordlicht Solar – CRM rollout, 40 seats" \
  --company "$nordlicht" --contact j.weiss@nordlicht.example \
  --amount 48000 --close-date 2026-03-31 --owner alex --set source=call)
act 2025-12-10T10:00:00Z call j.weiss@nordlicht.example "First call: 40 seats for the sales team" \
  --with "$d_nl_rollout" --duration 30m --direction out --outcome connected --owner alex
t=$(at 2025-12-10T10:40:00Z task add --title "Send NDA to Nordlicht" --due 2025-12-12 \
  --for "$d_nl_rollout" --for j.weiss@nordlicht.example --priority high --owner alex)
at 2025-12-11T15:10:00Z task done "$t"

l_marco=$(at 2025-12-11T16:25:00Z lead add --name "Marco Bellini" --email marco.bellini@tessitura-bellini.example \
  --company "Tessitura Bellini S.p.A." --title "Direttore commerciale" \
  --source web --value 9500 --rating cold --owner kim)
at 2025-12-12T10:00:00Z lead set "$l_hedda" status=contacted >/dev/null
act 2025-12-12T10:05:00Z call "$l_hedda" "Qualifying call: three breweries, about 60 users" \
  --duration 25m --direction out --outcome connected --owner kim
at 2025-12-15T09:30:00Z deal move "$d_ae_support" proposal
act 2025-12-15T09:45:00Z email c.whitmore@analytical.example "Sent the support contract proposal" \
  --with "$d_ae_support" --direction out --owner sam
act 2025-12-16T13:00:00Z meeting soren@kierkegaard-son.example "Partner review in Copenhagen" \
  --duration 2h --direction out --outcome connected --owner sam
at 2025-12-18T11:00:00Z lead set "$l_marco" status=contacted >/dev/null
act 2025-12-18T11:05:00Z email "$l_marco" "Sent the product overview (EN)" --direction out --owner kim
at 2025-12-19T08:30:00Z deal move "$d_nl_rollout" needs-analysis
at 2025-12-19T08:31:00Z deal set "$d_nl_rollout" contacts+=a.gross@nordlicht.example >/dev/null
act 2025-12-19T09:00:00Z meeting a.gross@nordlicht.example "Requirements workshop in Berlin" \
  --with "$d_nl_rollout" --duration 3h --direction out --outcome connected --owner alex

# ---- January 2026

at 2026-01-05T09:00:00Z deal move "$d_ae_support" negotiation
at 2026-01-07T10:30:00Z lead set "$l_marco" status=unqualified \
  notes="No budget for new software until 2027; asked us not to call before then." >/dev/null
at 2026-01-09T14:00:00Z lead set "$l_hedda" status=qualified >/dev/null

d_ks_comarketing=$(at 2026-01-12T10:15:00Z deal add --name "Kierkegaard & Søn – Danish edition co-marketing" \
  --company "$kierkegaard" --contact soren@kierkegaard-son.example \
  --amount 8000 --close-date 2026-06-30 --owner sam --set source=partner)
act 2026-01-12T15:20:00Z call jose@vinedos-nunez.example "Intro call: tracking 200 distributors" \
  --duration 30m --direction out --outcome connected --owner jo

l_rhys=$(at 2026-01-13T09:10:00Z lead add --name "Rhys Pritchard" --email rhys@pritchard-precision.example \
  --phone "029 2018 0444" --company "Pritchard Precision Ltd" --title "Operations Director" \
  --source referral --value 24000 --rating hot --owner sam --set notes="Referred by Niamh at Babbage & Byron.")
act 2026-01-14T14:00:00Z meeting c.whitmore@analytical.example "Contract negotiation: three-year term agreed" \
  --with "$d_ae_support" --duration 1h --direction out --outcome connected --owner sam
at 2026-01-15T10:00:00Z lead set "$l_rhys" status=contacted >/dev/null
act 2026-01-15T10:05:00Z call "$l_rhys" "Intro call (referred by Babbage & Byron)" \
  --duration 20m --direction out --outcome connected --owner sam

convert 2026-01-16T13:30:00Z "$l_hedda" --deal --amount 16500 --name "Skärgård Bryggeri – three breweries"
c_hedda=$conv_contact d_sk_brew=$conv_deal
at 2026-01-16T13:31:00Z deal set "$d_sk_brew" close_date=2026-03-31 >/dev/null
act 2026-01-19T10:30:00Z call zoe.angstrom@analytical.example "Technical onboarding plan" \
  --duration 30m --direction out --outcome connected --owner sam

at 2026-01-20T16:45:00Z deal won "$d_ae_support"
act 2026-01-20T16:50:00Z note "$d_ae_support" "Support contract signed: three years from 2026-02-01" --owner sam
at 2026-01-20T09:00:00Z deal move "$d_nl_rollout" proposal
d_vn_portal=$(at 2026-01-20T11:00:00Z deal add --name "Viñedos Núñez – distributor portal" \
  --company "$vinedos" --contact jose@vinedos-nunez.example \
  --amount 19500 --close-date 2026-06-30 --owner kim --set source=web)

l_chen=$(at 2026-01-22T02:15:00Z lead add --name "Chen Jing" --email chen.jing@longteng.example \
  --phone "+86 755 1234 5610" --company "龙腾科技" --title "EU Office Lead" \
  --source event --value 40000 --rating hot --owner alex)
act 2026-01-26T09:00:00Z call jose@vinedos-nunez.example "Discovery: 200 distributors, Spanish UI needed" \
  --with "$d_vn_portal" --duration 45m --direction out --outcome connected --owner kim
act 2026-01-28T07:30:00Z email li.xiaolong@longteng.example "Thanks for Hannover; pilot outline attached" \
  --direction out --owner alex

# ---- February 2026

at 2026-02-02T09:00:00Z deal move "$d_sk_brew" needs-analysis
at 2026-02-02T09:30:00Z lead set "$l_rhys" status=qualified >/dev/null
t=$(at 2026-01-27T12:00:00Z task add --title "Online demo for Skärgård Bryggeri" --due "2026-02-03 13:00" \
  --for "$c_hedda" --for "$d_sk_brew" --priority high --owner kim)
at 2026-02-03T14:30:00Z task done "$t"
act 2026-02-03T14:35:00Z meeting "$c_hedda" "Online demo for the brewery team" \
  --with "$d_sk_brew" --duration 1h --direction out --outcome connected --owner kim

convert 2026-02-05T03:00:00Z "$l_chen" --deal --name "龙腾科技 – EU office pilot"
c_chen=$conv_contact d_lt_pilot=$conv_deal
at 2026-02-05T03:01:00Z deal set "$d_lt_pilot" close_date=2026-06-30 >/dev/null

l_olga=$(at 2026-02-09T08:00:00Z lead add --name "Olga Petrova" --email olga.petrova@example.org \
  --source social --value 3000 --rating cold --owner kim)
convert 2026-02-09T15:00:00Z "$l_rhys" --deal --amount 22000 --name "Pritchard Precision – shop-floor tracking"
c_rhys=$conv_contact d_pp_shop=$conv_deal
at 2026-02-09T15:01:00Z deal set "$d_pp_shop" close_date=2026-05-31 >/dev/null

d_bb_programme=$(at 2026-02-10T10:00:00Z deal add --name "Babbage & Byron – partner programme 2026" \
  --company "$babbage" --contact niamh@babbage-byron.example \
  --amount 5000 --close-date 2026-03-01 --owner sam --set source=partner)
at 2026-02-10T10:30:00Z deal move "$d_ks_comarketing" proposal
act 2026-02-11T12:30:00Z meeting niamh@babbage-byron.example "Partner lunch: referral pipeline for 2026" \
  --with "$d_bb_programme" --duration 1h30m --direction out --outcome connected --owner sam
at 2026-02-16T09:00:00Z deal move "$d_nl_rollout" negotiation
act 2026-02-16T16:00:00Z call jose@vinedos-nunez.example "Pricing for 200 distributors" \
  --with "$d_vn_portal" --duration 20m --direction out --outcome connected --owner kim

l_tariq=$(at 2026-02-18T07:45:00Z lead add --name "Tariq Haddad" --email tariq@haddad-freight.example \
  --phone "+971 4 555 0188" --company "Haddad Freight LLC" --title "Fleet Manager" \
  --source ad --value 12000 --rating warm --owner kim)
at 2026-02-18T09:00:00Z deal move "$d_vn_portal" needs-analysis
at 2026-02-20T10:00:00Z lead set "$l_olga" status=unqualified notes="Student project, not a buyer." >/dev/null
at 2026-02-23T09:00:00Z deal move "$d_sk_brew" proposal
act 2026-02-23T09:10:00Z email "$c_hedda" "Proposal sent: three breweries, 60 users" \
  --with "$d_sk_brew" --direction out --owner kim
at 2026-02-24T09:00:00Z deal move "$d_pp_shop" needs-analysis
act 2026-02-24T11:00:00Z call "$c_rhys" "Scoping call: tracking jobs on the shop floor" \
  --with "$d_pp_shop" --duration 40m --direction out --outcome connected --owner sam
at 2026-02-25T08:15:00Z lead set "$l_tariq" status=contacted >/dev/null
act 2026-02-25T08:20:00Z call "$l_tariq" "First call: 30 trucks, wants GPS integration" \
  --duration 20m --direction out --outcome connected --owner kim

d_fj_oslo=$(at 2026-02-25T13:00:00Z deal add --name "Fjordline – Oslo warehouse licences" \
  --company "$fjordline" --contact ingrid.bjornstad@fjordline.example \
  --amount 31000 --close-date 2026-05-31 --owner kim --set source=ad)
act 2026-02-26T10:00:00Z meeting ingrid.bjornstad@fjordline.example "Discovery meeting in Oslo" \
  --with "$d_fj_oslo" --duration 2h --direction out --outcome connected --owner kim

# ---- March 2026

at 2026-03-02T11:00:00Z deal won "$d_bb_programme"
at 2026-03-02T14:00:00Z deal move "$d_lt_pilot" needs-analysis
d_lt_hq=$(at 2026-03-03T02:30:00Z deal add --name "龙腾科技 – Shenzhen HQ licences" \
  --company "$longteng" --contact li.xiaolong@longteng.example --contact wang.fang@longteng.example \
  --amount 65000 --close-date 2026-06-30 --owner alex --set source=event)

l_sophie=$(at 2026-03-04T10:20:00Z lead add --name "Sophie Laurent" --email sophie.laurent@cafe-ole.example \
  --company "Café Olé" --title "Responsable marketing" \
  --source web --value 6000 --rating warm --owner kim)
at 2026-03-05T15:00:00Z deal won "$d_nl_rollout"
act 2026-03-05T15:10:00Z note j.weiss@nordlicht.example "CRM rollout signed: 40 seats, go-live in April" \
  --with "$d_nl_rollout" --owner alex

d_ae_training=$(at 2026-03-09T09:40:00Z deal add --name "Analytical Engines – on-site training" \
  --company "$ae" --contact priya.r@analytical.example \
  --amount 4200 --close-date 2026-04-30 --owner sam --set source=email)
at 2026-03-10T08:00:00Z deal move "$d_fj_oslo" needs-analysis
act 2026-03-10T10:00:00Z call priya.r@analytical.example "Training needs of the operations team" \
  --with "$d_ae_training" --duration 30m --direction out --outcome connected --owner sam
at 2026-03-16T09:00:00Z deal move "$d_sk_brew" negotiation
at 2026-03-16T09:30:00Z lead set "$l_tariq" status=unqualified \
  notes="Chose Rivalry Systems: they already had a GPS connector." >/dev/null

d_ml_addon=$(at 2026-03-16T15:00:00Z deal add --name "Maple Leaf – analytics add-on" \
  --company "$maple" --contact chloe.tremblay@mapleleaf.example \
  --amount 18000 --close-date 2026-04-30 --owner alex --set source=web)
act 2026-03-17T16:00:00Z meeting chloe.tremblay@mapleleaf.example "Video call: analytics add-on demo" \
  --with "$d_ml_addon" --duration 1h --direction out --outcome connected --owner alex

l_freya=$(at 2026-03-19T08:00:00Z lead add --name "Freya Nilsen" --email freya.nilsen@fjordline.example \
  --phone "+47 55 12 34 56" --company "Fjordline Logistics" --title "Site Manager, Bergen" \
  --source call --value 15000 --rating warm --owner kim)
t=$(at 2026-03-16T09:45:00Z task add --title "Prepare the Pritchard Precision proposal" --due 2026-03-20 \
  --for "$d_pp_shop" --priority high --owner sam)
at 2026-03-23T17:00:00Z task done "$t"
at 2026-03-24T09:00:00Z deal move "$d_pp_shop" proposal
act 2026-03-24T09:15:00Z email "$c_rhys" "Proposal sent: shop-floor tracking" \
  --with "$d_pp_shop" --direction out --owner sam
at 2026-03-25T10:00:00Z deal move "$d_ml_addon" needs-analysis
at 2026-03-26T14:00:00Z deal set "$d_ml_addon" contacts+=raj@mapleleaf.example >/dev/null
at 2026-03-25T03:00:00Z deal move "$d_lt_hq" needs-analysis
at 2026-03-30T09:00:00Z deal move "$d_ae_training" proposal
act 2026-03-31T02:00:00Z call wang.fang@longteng.example "Purchasing process and budget cycle" \
  --with "$d_lt_hq" --duration 30m --direction out --outcome connected --owner alex

# ---- April 2026

at 2026-04-02T10:00:00Z deal won "$d_sk_brew"
at 2026-04-02T10:05:00Z contact set "$c_hedda" lifecycle=customer >/dev/null
at 2026-04-02T10:06:00Z company set "Skärgård Bryggeri AB" relationship=customer tags+=customer >/dev/null
act 2026-04-02T10:10:00Z note "$c_hedda" "Signed: the three breweries go live in May" --with "$d_sk_brew" --owner kim

d_nl_invoice=$(at 2026-04-06T08:30:00Z deal add --name "Nordlicht Solar – Polish invoice module" \
  --company "$nordlicht" --contact a.gross@nordlicht.example \
  --amount 3900.00 --close-date 2026-05-31 --owner alex --set source=email)
l_hiroshi=$(at 2026-04-07T01:30:00Z lead add --name "Hiroshi Tanaka" --email hiroshi.tanaka@sakura-robotics.example \
  --phone "+81 6-1234-5690" --company "Sakura Robotics" --title "CTO" \
  --source campaign --value 30000 --rating hot --owner alex)
at 2026-04-01T08:00:00Z deal move "$d_fj_oslo" proposal
at 2026-04-08T15:00:00Z deal move "$d_ml_addon" proposal

convert 2026-04-14T09:00:00Z "$l_sophie" --deal --amount 7200 --name "Café Olé – loyalty-card integration"
c_sophie=$conv_contact d_co_loyalty=$conv_deal
at 2026-04-14T09:01:00Z deal set "$d_co_loyalty" close_date=2026-07-31 >/dev/null
act 2026-04-15T13:00:00Z meeting elodie@cafe-ole.example "Visit at rue de la Paix: loyalty cards in three cafés" \
  --with "$d_co_loyalty" --with "$c_sophie" --duration 1h --direction out --outcome connected --owner kim
at 2026-04-20T09:00:00Z deal move "$d_ml_addon" negotiation
at 2026-04-20T11:00:00Z deal lost "$d_ae_training" --reason "Budget moved to next year"
at 2026-04-21T09:00:00Z deal move "$d_pp_shop" negotiation

convert 2026-04-22T08:30:00Z "$l_freya" --deal --name "Fjordline – Bergen warehouse"
c_freya=$conv_contact d_fj_bergen=$conv_deal
at 2026-04-22T08:31:00Z deal set "$d_fj_bergen" close_date=2026-06-30 >/dev/null

at 2026-04-27T08:00:00Z deal move "$d_fj_oslo" negotiation
l_gabriel=$(at 2026-04-28T12:00:00Z lead add --name "Gabriel Costa" --email gabriel.costa@example.com \
  --company "Lisboa Design Studio" --source social --value 4500 --rating cold --owner kim)
at 2026-04-30T16:00:00Z deal won "$d_ml_addon"
act 2026-04-30T16:20:00Z email raj@mapleleaf.example "Add-on activated; API keys sent" \
  --with "$d_ml_addon" --direction out --owner alex

# ---- May 2026

at 2026-05-04T09:00:00Z deal move "$d_co_loyalty" needs-analysis
at 2026-05-05T10:00:00Z lead set "$l_gabriel" status=contacted >/dev/null
act 2026-05-05T10:05:00Z email "$l_gabriel" "Sent pricing for small studios" --direction out --owner kim
at 2026-05-06T02:00:00Z deal move "$d_lt_pilot" proposal
act 2026-05-06T02:30:00Z meeting li.xiaolong@longteng.example "Pilot proposal presented (video call)" \
  --with "$d_lt_pilot" --with "$c_chen" --duration 1h --direction out --outcome connected --owner alex
at 2026-05-11T09:00:00Z deal move "$d_nl_invoice" proposal
at 2026-05-12T09:30:00Z deal won "$d_fj_oslo"
act 2026-05-12T09:40:00Z call ingrid.bjornstad@fjordline.example "Order confirmed for the Oslo warehouse" \
  --with "$d_fj_oslo" --duration 15m --direction in --outcome connected --owner kim

l_amara=$(at 2026-05-12T14:00:00Z lead add --name "Amara Okafor" --email amara@okafor-health.example \
  --phone "0161 496 0812" --company "Okafor Health Partners" --title "Practice Director" \
  --source referral --value 28000 --rating hot --owner sam)
at 2026-05-14T10:00:00Z lead set "$l_amara" status=contacted >/dev/null
act 2026-05-14T10:05:00Z call "$l_amara" "Intro call: four clinics in Manchester" \
  --duration 30m --direction out --outcome connected --owner sam
at 2026-05-19T15:00:00Z deal won "$d_pp_shop"
at 2026-05-19T15:05:00Z contact set "$c_rhys" lifecycle=customer cadence=45 >/dev/null
at 2026-05-19T15:06:00Z company set "Pritchard Precision Ltd" relationship=customer tags+=customer >/dev/null
act 2026-05-19T15:10:00Z note "$c_rhys" "Signed; go-live planned for June" --with "$d_pp_shop" --owner sam
at 2026-05-20T09:00:00Z deal move "$d_fj_bergen" proposal

convert 2026-05-26T01:00:00Z "$l_hiroshi" --deal --name "Sakura Robotics – evaluation licence"
c_hiroshi=$conv_contact d_sr_eval=$conv_deal
at 2026-05-26T01:01:00Z deal set "$d_sr_eval" close_date=2027-01-29 >/dev/null
act 2026-05-26T02:00:00Z meeting misaki.sato@sakura-robotics.example "Evaluation kick-off (remote)" \
  --with "$d_sr_eval" --with "$c_hiroshi" --duration 1h30m --direction out --outcome connected --owner alex

# ---- June 2026

at 2026-06-01T09:00:00Z lead set "$l_amara" status=qualified >/dev/null
d_nl_poland=$(at 2026-06-02T08:00:00Z deal add --name "Nordlicht Solar – Poland expansion" \
  --company "$nordlicht" --contact j.weiss@nordlicht.example \
  --amount 22500 --close-date 2026-09-30 --owner alex --set source=call)
at 2026-06-05T14:00:00Z deal lost "$d_nl_invoice" --reason "Went with Rivalry Systems: cheaper licence"
act 2026-06-05T14:10:00Z call a.gross@nordlicht.example "Lost the invoice module to Rivalry on price" \
  --with "$d_nl_invoice" --duration 15m --direction in --outcome connected --owner alex
at 2026-06-08T03:00:00Z deal move "$d_lt_hq" proposal
act 2026-06-09T08:00:00Z email zoe.angstrom@analytical.example "Quarterly support review notes" \
  --direction out --owner sam

convert 2026-06-10T09:00:00Z "$l_amara" --deal --amount 27500.75 --name "Okafor Health – four clinics"
c_amara=$conv_contact d_oh_clinics=$conv_deal
at 2026-06-10T09:01:00Z deal set "$d_oh_clinics" close_date=2026-12-11 >/dev/null
at 2026-06-10T10:00:00Z deal move "$d_sr_eval" needs-analysis
at 2026-06-15T09:00:00Z deal move "$d_co_loyalty" proposal
at 2026-06-15T09:01:00Z deal set "$d_co_loyalty" close_date=2026-09-30 >/dev/null
act 2026-06-15T09:30:00Z email elodie@cafe-ole.example "Proposal sent: loyalty-card integration" \
  --with "$d_co_loyalty" --direction out --owner kim

l_lena=$(at 2026-06-16T08:00:00Z lead add --name "Lena Hoffmann" --email lena.hoffmann@hoffmann-bau.example \
  --phone "+49 40 123 456 70" --company "Hoffmann Bau GmbH" --title "Leiterin Vertrieb" \
  --source event --value 20000 --rating warm --owner alex)
at 2026-06-18T04:00:00Z deal lost "$d_lt_hq" --reason "Chose a local vendor for the Shenzhen HQ"
act 2026-06-18T04:10:00Z call li.xiaolong@longteng.example "HQ licences lost to a local vendor; EU pilot still on" \
  --with "$d_lt_hq" --duration 20m --direction in --outcome connected --owner alex
at 2026-06-20T09:00:00Z lead set "$l_lena" status=contacted >/dev/null
at 2026-06-20T09:30:00Z deal move "$d_nl_poland" needs-analysis

d_mo_bim=$(at 2026-06-24T10:00:00Z deal add --name "Müller & Öztürk – BIM integration" \
  --company "$mueller" --contact k.mueller@mueller-oeztuerk.example --contact e.oeztuerk@mueller-oeztuerk.example \
  --amount 16800 --close-date 2026-08-31 --owner alex --set source=referral)
act 2026-06-25T13:00:00Z meeting k.mueller@mueller-oeztuerk.example "First meeting at Oranienstraße" \
  --with "$d_mo_bim" --duration 1h --direction out --outcome connected --owner alex
at 2026-06-22T08:00:00Z deal move "$d_fj_bergen" negotiation
at 2026-06-29T09:00:00Z deal move "$d_oh_clinics" needs-analysis
t=$(at 2026-06-30T09:00:00Z task add --title "Send the contract to Fjordline (Bergen)" --due 2026-07-03 \
  --for "$d_fj_bergen" --for "$c_freya" --priority high --owner kim)

# ---- July 2026

at 2026-07-01T09:00:00Z deal move "$d_mo_bim" needs-analysis
d_ae_addon=$(at 2026-07-06T09:00:00Z deal add --name "Analytical Engines – Manchester field-service add-on" \
  --company "$ae" --contact tomas.oconnor@analytical.example --contact mary.sg@analytical.example \
  --amount 14250.50 --close-date 2026-10-31 --owner sam --set source=referral)
act 2026-07-06T11:00:00Z call tomas.oconnor@analytical.example "Field-service pain points in Manchester" \
  --with "$d_ae_addon" --duration 45m --direction out --outcome connected --owner sam
at 2026-07-06T15:00:00Z task done "$t"

l_wei=$(at 2026-07-07T06:00:00Z lead add --name "Wei Zhang" --email wei.zhang@example.com \
  --company "Pearl River Trading" --source ad --value 7000 --rating cold --owner alex)
at 2026-07-08T10:00:00Z company set "$longteng" size=950 tags+=vip >/dev/null
at 2026-07-08T11:00:00Z deal won "$d_fj_bergen"
at 2026-07-08T11:05:00Z contact set "$c_freya" lifecycle=customer >/dev/null
at 2026-07-10T09:00:00Z lead set "$l_lena" status=qualified >/dev/null
act 2026-07-14T06:30:00Z call "$l_wei" "No answer; left a voicemail" \
  --duration 2m --direction out --outcome left-voicemail --owner alex
at 2026-07-15T06:00:00Z lead set "$l_wei" status=contacted >/dev/null
at 2026-07-15T09:00:00Z deal move "$d_mo_bim" proposal
d_gx_reseller=$(at 2026-07-15T16:00:00Z deal add --name "Globex – US reseller agreement" \
  --company "Globex Reseller Network" --amount 42000 --close-date 2027-03-31 --owner kim --set source=partner)
act 2026-07-20T12:00:00Z meeting soren@kierkegaard-son.example "Co-marketing plan for the Danish edition" \
  --with "$d_ks_comarketing" --duration 1h --direction out --outcome connected --owner sam
at 2026-07-20T13:00:00Z deal move "$d_ae_addon" needs-analysis
d_ks_webshop=$(at 2026-07-27T10:00:00Z deal add --name "Kierkegaard & Søn – webshop connector" \
  --company "$kierkegaard" --contact regine.olsen@kierkegaard-son.example \
  --amount 2750.00 --close-date 2026-09-30 --owner sam --set source=partner)
at 2026-07-29T09:00:00Z deal move "$d_mo_bim" negotiation

# ---- August 2026

at 2026-08-03T09:00:00Z deal move "$d_nl_poland" proposal
act 2026-08-03T09:30:00Z email j.weiss@nordlicht.example "Poland expansion proposal sent" \
  --with "$d_nl_poland" --direction out --owner alex
l_carmen=$(at 2026-08-05T10:00:00Z lead add --name "Carmen Ruiz" --email carmen.ruiz@bodegas-ruiz.example \
  --phone "+34 941 555 012" --company "Bodegas Ruiz" --title "Gerente" \
  --source partner --value 11000 --rating warm --owner kim --set notes="Introduced by José Núñez.")
at 2026-08-10T14:00:00Z deal won "$d_mo_bim"
at 2026-08-10T14:30:00Z deal move "$d_gx_reseller" needs-analysis
act 2026-08-10T14:10:00Z note k.mueller@mueller-oeztuerk.example "BIM integration signed" \
  --with "$d_mo_bim" --owner alex

l_dmitri=$(at 2026-08-14T09:00:00Z lead add --name "Dmitri Ivanov" --email dmitri.ivanov@example.net \
  --source web --value 2400 --rating warm --owner kim)
t=$(at 2026-08-10T15:00:00Z task add --title "Kick-off meeting with Müller & Öztürk" --due "2026-08-17 10:00" \
  --for "$d_mo_bim" --for k.mueller@mueller-oeztuerk.example --owner alex)
at 2026-08-17T12:00:00Z task done "$t"
act 2026-08-17T12:05:00Z meeting e.oeztuerk@mueller-oeztuerk.example "Project kick-off in Berlin" \
  --with "$d_mo_bim" --duration 2h --direction out --outcome connected --owner alex
at 2026-08-17T13:00:00Z deal move "$d_sr_eval" proposal

# Dmitri's web form came in after he was already a contact: conversion links him.
convert 2026-08-20T10:00:00Z "$l_dmitri"
at 2026-08-25T09:00:00Z deal lost "$d_ks_webshop" --reason "No budget this year"
act 2026-08-27T08:00:00Z email regine.olsen@kierkegaard-son.example "Webshop connector: let's revisit next year" \
  --with "$d_ks_webshop" --direction out --owner sam

# ---- September 2026

t_shenzhen=$(at 2026-09-01T08:00:00Z task add --title "Follow up on the lost Shenzhen HQ deal" --due 2026-09-15 \
  --for "$d_lt_hq" --for li.xiaolong@longteng.example --owner alex)
at 2026-09-01T09:00:00Z deal move "$d_oh_clinics" proposal
at 2026-09-01T09:30:00Z deal move "$d_ks_comarketing" negotiation
at 2026-09-01T09:31:00Z deal set "$d_ks_comarketing" close_date=2026-12-31 >/dev/null
act 2026-09-02T10:00:00Z call c.whitmore@analytical.example "Renewal budget for 2027" \
  --duration 30m --direction out --outcome connected --owner sam
act 2026-09-03T17:30:00Z meeting aoife@example.com "Coffee after the London user group" \
  --duration 45m --direction in --outcome connected --owner sam
at 2026-09-08T09:00:00Z deal move "$d_ae_addon" proposal
at 2026-09-08T10:00:00Z lead set "$l_carmen" status=qualified >/dev/null

l_thabo=$(at 2026-09-10T08:00:00Z lead add --name "Thabo Nkosi" --email thabo@nkosi-mining.example \
  --phone "+27 11 555 0147" --company "Nkosi Mining Ltd" --title "Head of Procurement" \
  --source event --value 35000 --rating hot --owner sam)
at 2026-09-14T11:30:00Z contact set jose@vinedos-nunez.example tags+=newsletter >/dev/null
at 2026-09-14T02:00:00Z deal move "$d_lt_pilot" negotiation
at 2026-09-14T02:01:00Z deal set "$d_lt_pilot" close_date=2026-10-31 >/dev/null
act 2026-09-14T02:30:00Z call "$c_chen" "EU pilot: legal review started" \
  --with "$d_lt_pilot" --duration 30m --direction out --outcome connected --owner alex
act 2026-09-15T10:00:00Z call priya.r@analytical.example "Feedback on the operations dashboard" \
  --duration 30m --direction out --outcome connected --owner sam
at 2026-09-15T10:30:00Z lead set "$l_thabo" status=contacted >/dev/null

# The Shenzhen HQ deal comes back: the local vendor failed their pilot.
at 2026-09-21T02:00:00Z deal move "$d_lt_hq" proposal
at 2026-09-21T02:01:00Z deal set "$d_lt_hq" close_date=2026-12-18 >/dev/null
act 2026-09-21T02:30:00Z call wang.fang@longteng.example "HQ licences back on: the local vendor failed the pilot" \
  --with "$d_lt_hq" --duration 30m --direction in --outcome connected --owner alex
at 2026-09-21T03:00:00Z task done "$t_shenzhen"

d_ml_ui=$(at 2026-09-22T15:00:00Z deal add --name "Maple Leaf – Québec French UI" \
  --company "$maple" --contact chloe.tremblay@mapleleaf.example \
  --amount 7500 --close-date 2027-02-26 --owner alex --set source=web)
act 2026-09-28T09:00:00Z call k.mueller@mueller-oeztuerk.example "Check-in after go-live" \
  --duration 20m --direction out --outcome connected --owner alex
t=$(at 2026-09-28T09:30:00Z task add --title "Qualify Nkosi Mining" --due 2026-10-06 \
  --for "$l_thabo" --priority high --owner sam)
act 2026-09-29T10:00:00Z call "$c_rhys" "Quarterly check-in: go-live went well" \
  --duration 20m --direction out --outcome connected --owner sam

# ---- October 2026

l_ewa=$(at 2026-10-02T08:00:00Z lead add --name "Ewa Kowalska" --email ewa.kowalska@example.org \
  --company "Kowalska Architekci" --title "Właścicielka (Owner)" \
  --source referral --value 9000 --rating warm --owner alex --set notes="Referred by Katharina Müller.")
at 2026-10-05T09:12:00Z company set "$ae" size=135 >/dev/null
d_mo_warsaw=$(at 2026-10-05T10:00:00Z deal add --name "Müller & Öztürk – Warsaw office seats" \
  --company "$mueller" --contact lukasz.wojcik@mueller-oeztuerk.example \
  --amount 6250.25 --close-date 2026-12-20 --owner alex --set source=referral)
at 2026-10-06T15:00:00Z lead set "$l_thabo" status=qualified >/dev/null
act 2026-10-06T14:00:00Z call "$l_thabo" "Qualification call: 3 mines, budget approved for 2027" \
  --duration 45m --direction out --outcome connected --owner sam
at 2026-10-06T15:01:00Z task done "$t"
at 2026-10-08T09:00:00Z lead set "$l_ewa" status=contacted >/dev/null
act 2026-10-08T09:05:00Z email "$l_ewa" "Intro via Katharina Müller" --direction out --owner alex
act 2026-10-12T13:00:00Z call tomas.oconnor@analytical.example "Results of the Manchester pilot" \
  --with "$d_ae_addon" --duration 30m --direction in --outcome connected --owner sam
at 2026-10-14T09:00:00Z deal move "$d_vn_portal" proposal
at 2026-10-14T09:01:00Z deal set "$d_vn_portal" close_date=2026-12-15 >/dev/null
act 2026-10-14T09:30:00Z email jose@vinedos-nunez.example "Distributor portal proposal sent (ES)" \
  --with "$d_vn_portal" --direction out --owner kim
act 2026-10-17T09:00:00Z meeting ingrid.bjornstad@fjordline.example "Account review: Oslo and Bergen" \
  --with "$c_freya" --duration 1h --direction out --outcome connected --owner kim
act 2026-10-19T15:00:00Z call chloe.tremblay@mapleleaf.example "Scoping the Québec French UI" \
  --with "$d_ml_ui" --duration 30m --direction out --outcome connected --owner alex
at 2026-10-20T09:00:00Z deal move "$d_ae_addon" negotiation
act 2026-10-20T10:00:00Z meeting mary.sg@analytical.example "Pricing for the Manchester add-on" \
  --with "$d_ae_addon" --duration 45m --direction out --outcome connected --owner sam
at 2026-10-21T08:15:00Z contact set mehmet.yilmaz@nordlicht.example title="Head of IT" >/dev/null
act 2026-10-21T08:30:00Z call mehmet.yilmaz@nordlicht.example "Usage figures since go-live" \
  --duration 20m --direction in --outcome connected --owner alex
act 2026-10-26T10:00:00Z call j.weiss@nordlicht.example "Poland: waiting for the board's approval" \
  --with "$d_nl_poland" --duration 30m --direction out --outcome connected --owner alex
t_poland=$(at 2026-10-26T10:30:00Z task add --title "Send the revised Poland quote to Nordlicht" --due 2026-11-06 \
  --for "$d_nl_poland" --for j.weiss@nordlicht.example --priority high --owner alex)
l_pedro=$(at 2026-10-27T18:00:00Z lead add --name "Pedro Alves" --email pedro.alves@example.net \
  --company "Alves & Filhos" --source web --value 5500 --rating cold --owner kim)
act 2026-10-30T11:00:00Z call "$c_amara" "Procurement questions on the clinics deal" \
  --with "$d_oh_clinics" --duration 30m --direction in --outcome connected --owner sam

# ---- November 2026

at 2026-11-02T08:00:00Z deal set "$d_ae_addon" close_date=2026-11-15 >/dev/null
t_weekly=$(at 2026-11-02T08:30:00Z task add --title "Weekly pipeline review" --due 2026-11-02 \
  --recur weekly --priority normal --owner sam)
at 2026-11-02T16:00:00Z contact set zoe.angstrom@analytical.example follow_up=2026-12-03 >/dev/null
# Done on a recurring task makes the next occurrence and prints its id (and a
# "crm: next: …" note on stderr).
t_weekly=$(at 2026-11-02T16:30:00Z task done "$t_weekly" 2>/dev/null)
at 2026-11-02T17:00:00Z deal move "$d_mo_warsaw" needs-analysis
act 2026-11-03T14:00:00Z meeting zoe.angstrom@analytical.example "Support review and 2027 roadmap" \
  --duration 1h --direction out --outcome connected --owner sam
act 2026-11-04T09:00:00Z call jose@vinedos-nunez.example "Questions on importing the distributor list" \
  --with "$d_vn_portal" --duration 30m --direction in --outcome connected --owner kim
act 2026-11-04T12:30:00Z meeting niamh@babbage-byron.example "Planning the December partner lunch" \
  --duration 1h --direction out --outcome connected --owner sam
d_bb_cert=$(at 2026-11-04T15:00:00Z deal add --name "Babbage & Byron – consultant certification" \
  --company "$babbage" --contact niamh@babbage-byron.example --contact seun@babbage-byron.example \
  --amount 9600.00 --currency GBP --stage proposal --close-date 2027-01-15 --owner sam --set source=partner)
d_di_licence=$(at 2026-11-05T09:00:00Z deal add --name "Dmitri Ivanov – consultant licence" \
  --contact dmitri.ivanov@example.net --amount 2400.00 --close-date 2026-12-31 --owner kim --set source=web)
t=$(at 2026-11-05T09:30:00Z task add --title "Call Élodie about the loyalty-card pilot" --due 2026-11-13 \
  --for elodie@cafe-ole.example --for "$d_co_loyalty" --owner kim)
t_weekly=$(at 2026-11-09T16:00:00Z task done "$t_weekly" 2>/dev/null)
at 2026-11-09T02:00:00Z deal move "$d_sr_eval" negotiation
act 2026-11-09T02:30:00Z meeting misaki.sato@sakura-robotics.example "Review of the evaluation results" \
  --with "$d_sr_eval" --duration 1h --direction out --outcome connected --owner alex
act 2026-11-10T10:00:00Z call elodie@cafe-ole.example "Loyalty-card pilot: no answer" \
  --with "$d_co_loyalty" --duration 1m --direction out --outcome no-answer --owner kim
t=$(at 2026-11-10T11:00:00Z task add --title "Chase the signed order form for the Manchester add-on" \
  --due 2026-11-18 --for "$d_ae_addon" --for mary.sg@analytical.example --priority high --owner sam)
t=$(at 2026-11-11T09:00:00Z task add --title "Prepare the Sakura board pack (EN/JA)" --due 2026-11-20 \
  --for "$d_sr_eval" --for misaki.sato@sakura-robotics.example --priority urgent --owner alex)
at 2026-11-16T09:00:00Z task set "$t" status=in-progress >/dev/null
at 2026-11-12T14:45:00Z contact set elodie@cafe-ole.example lifecycle=mql >/dev/null
l_siobhan=$(at 2026-11-12T15:00:00Z lead add --name "Siobhan Kelly" --email siobhan.kelly@kelly-dairy.example \
  --phone "+353 21 455 0199" --company "Kelly Dairy Co-op" --source ad --value 8000 --rating warm --owner kim)
t=$(at 2026-11-12T16:00:00Z task add --title "Book the venue for the London user group" --due 2026-11-20 \
  --for aoife@example.com --priority normal --owner sam)
t_weekly=$(at 2026-11-16T16:00:00Z task done "$t_weekly" 2>/dev/null)
d_vn_export=$(at 2026-11-16T10:00:00Z deal add --name "Viñedos Núñez – export module" \
  --company "$vinedos" --contact mj.pena@vinedos-nunez.example \
  --amount 8900 --close-date 2027-02-15 --owner kim --set source=web)
act 2026-11-16T10:30:00Z email mj.pena@vinedos-nunez.example "Outline of the export module" \
  --with "$d_vn_export" --direction out --owner kim
act 2026-11-18T01:00:00Z call misaki.sato@sakura-robotics.example "Board pack: documents in English and Japanese" \
  --with "$d_sr_eval" --duration 30m --direction out --outcome connected --owner alex
t=$(at 2026-11-18T09:00:00Z task add --title "Send the Spanish brochure and the EUR price list" --due 2026-11-25 \
  --for jose@vinedos-nunez.example --for "$d_vn_portal" --owner kim)
l_arjun=$(at 2026-11-19T11:00:00Z lead add --name "Arjun Mehta" --email arjun.mehta@example.com \
  --company "Mehta Textiles" --source web --value 12000 --rating hot --owner sam)
act 2026-11-20T03:00:00Z email li.xiaolong@longteng.example "Contract redlines for the EU pilot returned" \
  --with "$d_lt_pilot" --with "$c_chen" --direction in --owner alex
t=$(at 2026-11-20T09:00:00Z task add --title "Negotiation call with Mr Li on the EU pilot" --due "2026-11-24 08:00" \
  --for li.xiaolong@longteng.example --for "$d_lt_pilot" --priority urgent --owner alex)
t=$(at 2026-11-20T11:30:00Z task add --title "Call back Arjun Mehta" --due 2026-11-24 \
  --for "$l_arjun" --priority high --owner sam)
t=$(at 2026-11-20T14:00:00Z task add --title "Security questionnaire for Okafor Health" --due 2026-11-27 \
  --for "$d_oh_clinics" --for "$c_amara" --priority high --owner sam)
t=$(at 2026-11-20T14:30:00Z task add --title "Confirm the date of the December partner lunch" --due 2026-12-02 \
  --for niamh@babbage-byron.example --priority low --owner sam)
t=$(at 2026-11-20T15:00:00Z task add --title "Start the renewal talks with Analytical Engines" --due 2027-01-11 \
  --for "$d_ae_support" --for c.whitmore@analytical.example --owner sam)
t=$(at 2026-11-20T15:30:00Z task add --title "Confirm the Sakura board date before the licence ends" --due 2026-12-15 \
  --for misaki.sato@sakura-robotics.example --for "$d_sr_eval" --priority high --owner alex)

"$CRM_BIN" -C "$store" check
counts=""
for d in companies contacts leads deals tasks activities; do
  counts="$counts, $(ls "$store/$d" | wc -l) $d"
done
echo "made ${counts#, } in $store"
