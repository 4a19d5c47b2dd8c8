#!/usr/bin/env bash
# Regenerates the sample store in this folder (examples/) that `make demo` shows.
#
#   examples/make-sample-store.sh            # refuses if examples/contacts has records
#   examples/make-sample-store.sh --force    # deletes the record folders, then rebuilds
#
# Every record is made through the crm binary, so the files are in canonical form.
# CRM_NOW is set per command so created/updated dates spread over 2025-12 .. 2026-11.
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
  for d in contacts companies leads deals tasks activities; do
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

# ---------------------------------------------------------------- later changes
# A few edits months after creation, so `updated` differs from `created`.

at 2026-10-05T09:12:00Z company set "$ae" size=135 >/dev/null
at 2026-11-02T16:00:00Z contact set zoe.angstrom@analytical.example follow_up=2026-12-03 >/dev/null
at 2026-09-14T11:30:00Z contact set jose@vinedos-nunez.example tags+=newsletter >/dev/null
at 2026-10-21T08:15:00Z contact set mehmet.yilmaz@nordlicht.example title="Head of IT" >/dev/null
at 2026-11-12T14:45:00Z contact set elodie@cafe-ole.example lifecycle=mql >/dev/null
at 2026-07-08T10:00:00Z company set "$longteng" size=950 tags+=vip >/dev/null

"$CRM_BIN" -C "$store" check
echo "made $(ls "$store/companies" | wc -l) companies and $(ls "$store/contacts" | wc -l) contacts in $store"
