`--format html`: one self-contained page per report, the typed table
(money right-aligned with its currency and its exact value in data-value,
dates as <time>, totals in <tfoot>) under an inline SVG chart; every value
escaped. The page's head (its style) is the same for every page, so only
the body is shown here. TZ is UTC; the store's zone is said on the page.

  $ crm init s > /dev/null 2>&1 && cd s
  $ evil=$(crm contact add --name '<script>alert("x")</script>')
  $ crm contact add --name "Ben & Sons" > /dev/null
  $ crm order add --contact "$evil" --line "Kit @400" --date 2026-10-01 --status paid > /dev/null
  $ crm order add --contact ben --line "Kit @100" --date 2026-11-20 --currency EUR > /dev/null
  $ crm order add --contact ben --line "Kit @50.25" --date 2026-11-21 --currency EUR > /dev/null
  $ body() { sed -n '/^<body>/,$p' | sed -E 's#>[a-z0-9]{16}</td>#>ID</td>#g'; }

Revenue by month: one chart per currency (two currencies are never on one
scale), the bars from 0 to the largest, the value at each bar's end, an
axis with 0, half and the largest value.

  $ crm report revenue --by month --since 2026-10-01 --format html | body
  <body>
  <h1>crm report revenue</h1>
  <p class="subtitle">As of 2026-11-23 09:00 (UTC)</p>
  <section id="revenue">
  <div class="pair">
  <div class="charts">
  <figure>
  <svg class="chart" role="img" aria-label="crm report revenue: revenue by period (USD)" width="520" height="80" viewBox="0 0 520 80"><title>crm report revenue: revenue by period (USD)</title>
  <text class="label" x="142" y="22" text-anchor="end">2026-10</text><rect class="bar" x="150" y="10" width="270" height="16"/><text class="value" x="426" y="22">400.00</text>
  <text class="label" x="142" y="46" text-anchor="end">2026-11</text><rect class="bar" x="150" y="34" width="0" height="16"/><text class="value" x="156" y="46">0.00</text>
  <line class="axis" x1="150" y1="6" x2="150" y2="58"/><line class="axis" x1="150" y1="58" x2="420" y2="58"/>
  <line class="tick" x1="150" y1="58" x2="150" y2="62"/><text class="tick" x="150" y="74" text-anchor="middle">0</text>
  <line class="tick" x1="285" y1="58" x2="285" y2="62"/><text class="tick" x="285" y="74" text-anchor="middle">200</text>
  <line class="tick" x1="420" y1="58" x2="420" y2="62"/><text class="tick" x="420" y="74" text-anchor="middle">400</text>
  </svg>
  <figcaption>revenue by period (USD)</figcaption>
  </figure>
  <figure>
  <svg class="chart" role="img" aria-label="crm report revenue: revenue by period (EUR)" width="520" height="80" viewBox="0 0 520 80"><title>crm report revenue: revenue by period (EUR)</title>
  <text class="label" x="142" y="22" text-anchor="end">2026-10</text><rect class="bar" x="150" y="10" width="0" height="16"/><text class="value" x="156" y="22">0.00</text>
  <text class="label" x="142" y="46" text-anchor="end">2026-11</text><rect class="bar" x="150" y="34" width="270" height="16"/><text class="value" x="426" y="46">150.25</text>
  <line class="axis" x1="150" y1="6" x2="150" y2="58"/><line class="axis" x1="150" y1="58" x2="420" y2="58"/>
  <line class="tick" x1="150" y1="58" x2="150" y2="62"/><text class="tick" x="150" y="74" text-anchor="middle">0</text>
  <line class="tick" x1="285" y1="58" x2="285" y2="62"/><text class="tick" x="285" y="74" text-anchor="middle">75.13</text>
  <line class="tick" x1="420" y1="58" x2="420" y2="62"/><text class="tick" x="420" y="74" text-anchor="middle">150.25</text>
  </svg>
  <figcaption>revenue by period (EUR)</figcaption>
  </figure>
  </div>
  <div class="wide"><table>
  <thead><tr><th data-key="period">period</th><th data-key="currency">currency</th><th class="num" data-key="orders">orders</th><th class="num" data-key="revenue">revenue</th><th class="num" data-key="customers">customers</th><th class="num" data-key="new">new</th><th class="num" data-key="returning">returning</th></tr></thead>
  <tbody>
  <tr><td class="word">2026-10</td><td class="word">USD</td><td class="num" data-value="1">1</td><td class="num money" data-value="400">USD 400.00</td><td class="num" data-value="1">1</td><td class="num" data-value="1">1</td><td class="num" data-value="0">0</td></tr>
  <tr><td class="word">2026-10</td><td class="word">EUR</td><td class="num" data-value="0">0</td><td class="num money" data-value="0">EUR 0.00</td><td class="num" data-value="0">0</td><td class="num" data-value="0">0</td><td class="num" data-value="0">0</td></tr>
  <tr><td class="word">2026-11</td><td class="word">USD</td><td class="num" data-value="0">0</td><td class="num money" data-value="0">USD 0.00</td><td class="num" data-value="0">0</td><td class="num" data-value="0">0</td><td class="num" data-value="0">0</td></tr>
  <tr><td class="word">2026-11</td><td class="word">EUR</td><td class="num" data-value="2">2</td><td class="num money" data-value="150.25">EUR 150.25</td><td class="num" data-value="1">1</td><td class="num" data-value="1">1</td><td class="num" data-value="0">0</td></tr>
  </tbody>
  <tfoot>
  <tr class="strong"><td class="word">total</td><td class="word">USD</td><td class="num" data-value="1">1</td><td class="num money" data-value="400">USD 400.00</td><td class="num" data-value="1">1</td><td class="num" data-value="1">1</td><td class="num" data-value="0">0</td></tr>
  <tr class="strong"><td class="word">total</td><td class="word">EUR</td><td class="num" data-value="2">2</td><td class="num money" data-value="150.25">EUR 150.25</td><td class="num" data-value="1">1</td><td class="num" data-value="1">1</td><td class="num" data-value="0">0</td></tr>
  </tfoot>
  </table></div>
  </div>
  </section>
  </body>
  </html>

Per customer: the name that is markup is shown, never run, in the chart's
labels as in the table; ids are whole.

  $ crm report customers --format html | body
  <body>
  <h1>crm report customers</h1>
  <p class="subtitle">As of 2026-11-23 09:00 (UTC)</p>
  <section id="customers">
  <div class="pair">
  <div class="charts">
  <figure>
  <svg class="chart" role="img" aria-label="crm report customers: revenue by contact (USD)" width="520" height="56" viewBox="0 0 520 56"><title>crm report customers: revenue by contact (USD)</title>
  <text class="label" x="142" y="22" text-anchor="end">&lt;script&gt;alert(&quot;x&quot;)…</text><rect class="bar" x="150" y="10" width="270" height="16"/><text class="value" x="426" y="22">400.00</text>
  <line class="axis" x1="150" y1="6" x2="150" y2="34"/><line class="axis" x1="150" y1="34" x2="420" y2="34"/>
  <line class="tick" x1="150" y1="34" x2="150" y2="38"/><text class="tick" x="150" y="50" text-anchor="middle">0</text>
  <line class="tick" x1="285" y1="34" x2="285" y2="38"/><text class="tick" x="285" y="50" text-anchor="middle">200</text>
  <line class="tick" x1="420" y1="34" x2="420" y2="38"/><text class="tick" x="420" y="50" text-anchor="middle">400</text>
  </svg>
  <figcaption>revenue by contact (USD)</figcaption>
  </figure>
  <figure>
  <svg class="chart" role="img" aria-label="crm report customers: revenue by contact (EUR)" width="520" height="56" viewBox="0 0 520 56"><title>crm report customers: revenue by contact (EUR)</title>
  <text class="label" x="142" y="22" text-anchor="end">Ben &amp; Sons</text><rect class="bar" x="150" y="10" width="270" height="16"/><text class="value" x="426" y="22">150.25</text>
  <line class="axis" x1="150" y1="6" x2="150" y2="34"/><line class="axis" x1="150" y1="34" x2="420" y2="34"/>
  <line class="tick" x1="150" y1="34" x2="150" y2="38"/><text class="tick" x="150" y="50" text-anchor="middle">0</text>
  <line class="tick" x1="285" y1="34" x2="285" y2="38"/><text class="tick" x="285" y="50" text-anchor="middle">75.13</text>
  <line class="tick" x1="420" y1="34" x2="420" y2="38"/><text class="tick" x="420" y="50" text-anchor="middle">150.25</text>
  </svg>
  <figcaption>revenue by contact (EUR)</figcaption>
  </figure>
  </div>
  <div class="wide"><table>
  <thead><tr><th data-key="contact">contact</th><th data-key="id">id</th><th data-key="currency">currency</th><th class="num" data-key="orders">orders</th><th data-key="first_order">first order</th><th data-key="last_order">last order</th><th class="num" data-key="revenue">revenue</th><th class="num" data-key="aov">aov</th><th class="num" data-key="frequency">frequency</th><th class="num" data-key="r">r</th><th class="num" data-key="f">f</th><th class="num" data-key="m">m</th><th data-key="segment">segment</th><th data-key="clv">clv</th></tr></thead>
  <tbody>
  <tr><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td><td class="word">ID</td><td class="word">USD</td><td class="num" data-value="1">1</td><td class="date"><time datetime="2026-10-01">2026-10-01</time></td><td class="date"><time datetime="2026-10-01">2026-10-01</time></td><td class="num money" data-value="400">USD 400.00</td><td class="num money" data-value="400">USD 400.00</td><td class="num" data-value="6.89">6.89</td><td class="num" data-value="4">4</td><td class="num" data-value="1">1</td><td class="num" data-value="1">1</td><td class="word">promising</td><td class="word">n/a</td></tr>
  <tr><td>Ben &amp; Sons</td><td class="word">ID</td><td class="word">EUR</td><td class="num" data-value="2">2</td><td class="date"><time datetime="2026-11-20">2026-11-20</time></td><td class="date"><time datetime="2026-11-21">2026-11-21</time></td><td class="num money" data-value="150.25">EUR 150.25</td><td class="num money" data-value="75.13">EUR 75.13</td><td class="num" data-value="24.33">24.33</td><td class="num" data-value="5">5</td><td class="num" data-value="2">2</td><td class="num" data-value="1">1</td><td class="word">potential_loyalists</td><td class="word">n/a</td></tr>
  </tbody>
  <tfoot>
  <tr class="strong"><td class="word">total</td><td></td><td class="word">USD</td><td class="num" data-value="1">1</td><td></td><td></td><td class="num money" data-value="400">USD 400.00</td><td class="num money" data-value="400">USD 400.00</td><td class="num"></td><td class="num"></td><td class="num"></td><td class="num"></td><td></td><td></td></tr>
  <tr class="strong"><td class="word">total</td><td></td><td class="word">EUR</td><td class="num" data-value="2">2</td><td></td><td></td><td class="num money" data-value="150.25">EUR 150.25</td><td class="num money" data-value="75.13">EUR 75.13</td><td class="num"></td><td class="num"></td><td class="num"></td><td class="num"></td><td></td><td></td></tr>
  </tfoot>
  </table></div>
  </div>
  </section>
  </body>
  </html>

No `<script` anywhere, nothing fetched (no URL, no src=):

  $ crm report customers --format html | grep -ci -e '<script' -e 'http' -e '//' -e 'src='
  0
  [1]

The cohorts as a heat map: a cell per month reached, coloured by its
percent; months not reached yet have none.

  $ crm report cohorts --format html | grep -c '<rect'
  2
  $ crm report cohorts --format html | grep -o '<text class="cell[^>]*>[^<]*</text>'
  <text class="cell light" x="121" y="38" text-anchor="middle">100%</text>
  <text class="cell" x="173" y="38" text-anchor="middle">0%</text>
  <text class="cell light" x="121" y="62" text-anchor="middle">100%</text>

A report without a natural chart is its table alone; an empty one says so.

  $ crm report stale --format html | body
  <body>
  <h1>crm report stale</h1>
  <p class="subtitle">As of 2026-11-23 09:00 (UTC)</p>
  <section id="stale">
  <p class="empty">report stale: nothing to report</p>
  </section>
  </body>
  </html>

A list is one table on such a page; `show` is its text in a <pre>.

  $ crm contact list --format html | body | sed -n '2p;/<table>/,/<\/table>/p'
  <h1>contacts</h1>
  <div class="wide"><table>
  <thead><tr><th data-key="id">id</th><th data-key="name">name</th></tr></thead>
  <tbody>
  <tr><td class="word">ID</td><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td></tr>
  <tr><td class="word">ID</td><td>Ben &amp; Sons</td></tr>
  </tbody>
  </table></div>
  $ crm contact show ben --format html | sed -n '/<pre>/,/<\/pre>/p' | head -3
  <pre>id         [a-z0-9]{16} (re)
  name       Ben &amp; Sons
  lifecycle  lead

-o FILE writes the page (or any format) to the file, atomically, and
nothing to stdout; a link is followed as the shell's > would; - is stdout.

  $ crm report rfm --format html -o ../rfm.html && head -2 ../rfm.html && tail -1 ../rfm.html
  <!DOCTYPE html>
  <html lang="en">
  </html>
  $ crm report revenue --format json -o ../revenue.json && python3 -c 'import json; print(json.load(open("../revenue.json"))["report"])'
  revenue
  $ touch ../real.html && ln -s real.html ../link.html && crm report --format html -o ../link.html && test -L ../link.html && grep -c '<h1>Dashboard 2026-11-23</h1>' ../real.html
  1
  $ crm report rfm -o - | head -1
  SEGMENT              CURRENCY  CUSTOMERS     REVENUE   SHARE
  $ crm report rfm --format html -o ../missing/rfm.html
  crm: error: cannot open the folder ../missing: No such file or directory
  [3]
  $ ls ../missing 2>&1 | head -1
  ls: cannot access '../missing': No such file or directory
Never into the store's own files: its config, its git, a record folder.

  $ crm report --format html -o .crm/config.yaml
  crm: error: -o: .crm/config.yaml is one of the store's own files (.crm): write the output elsewhere
  [2]
  $ crm report -o contacts/x.yaml; crm report -o .git/config; crm report -o ./deals/../.crm/lock
  crm: error: -o: contacts/x.yaml is one of the store's own files (contacts): write the output elsewhere
  crm: error: -o: .git/config is one of the store's own files (.git): write the output elsewhere
  crm: error: -o: ./deals/../.crm/lock is one of the store's own files (.crm): write the output elsewhere
  [2]
  $ crm check && crm report -o dashboard.txt && test -s dashboard.txt && rm dashboard.txt
  $ crm report --since -30d -o ../x.html
  crm: error: the dashboard takes only --owner, --as-of and -o; name a report for more (pipeline, forecast, funnel, winrate, velocity, sources, activity, overdue, stale, tickets, sla, csat, customers, rfm, revenue, churn, cohorts, products, campaign)
  [2]

The dashboard page: its figures, then six reports, each a section.

  $ crm report --format html | grep -o '<h2>[^<]*</h2>'
  <h2>Open pipeline</h2>
  <h2>Closing in 2026-11</h2>
  <h2>Win rate over 90 days, and what is due</h2>
  <h2>Pipeline by stage</h2>
  <h2>Forecast by month</h2>
  <h2>Revenue by month</h2>
  <h2>RFM segments</h2>
  <h2>Cohorts: customers buying again, by first-order month</h2>
  <h2>Ticket backlog</h2>
  $ crm report --format html --owner '<b>kim</b>' | grep '<h1>'
  <h1>Dashboard 2026-11-23 (&lt;b&gt;kim&lt;/b&gt;)</h1>
