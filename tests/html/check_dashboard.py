#!/usr/bin/env python3
"""The dashboard page and the html reports, read as a browser would.

    python3 tests/html/check_dashboard.py --crm build/crm

Makes a store (tests/html/make_store.sh: deals in two currencies, a year of
orders, tickets, a contact named <script>…), writes the dashboard with
`crm report --format html -o FILE`, parses it with html5lib in strict mode
(any parse error fails), and checks

  * that it is self-contained and inert: no <script>, no event handler
    attribute, no URL (http, //, src=, href=, url(), @import);
  * every number in it against `crm report NAME --format json`: the
    figures against the dashboard's json, each report's table (rows and
    totals, cell by cell, by the exact data-value) and its chart (the value
    written at each bar, each heat map cell);
  * that every report's page parses too, and shows the <script> name as text.

Needs python3-html5lib (Debian's, in /usr/lib/python3/dist-packages): when
the python3 running this lacks it, the script runs itself again under
/usr/bin/python3.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
EVIL = '<script>alert("x")</script>'


def load_html5lib():
    try:
        import html5lib  # noqa: F401

        return html5lib
    except ImportError:
        debian = "/usr/bin/python3"
        if os.path.exists(debian) and os.path.realpath(sys.executable) != os.path.realpath(debian):
            os.execv(debian, [debian] + sys.argv)
        sys.exit("html5lib is missing: install python3-html5lib (make deps)")


html5lib = load_html5lib()

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def tag(el):
    return el.tag.split("}")[-1] if isinstance(el.tag, str) else ""


def text(el):
    return "".join(el.itertext())


def parse(page, what):
    """The page as an ElementTree; any HTML parse error fails."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(page)
    except Exception as e:  # html5lib.html5parser.ParseError
        failures.append(f"{what}: not valid HTML: {e}")
        return html5lib.parse(page, namespaceHTMLElements=False)


def check_inert(page, tree, what):
    low = page.lower()
    for bad in ("<script", "http:", "https:", "//", "src=", "href=", "url(", "@import", "<link", "<iframe", "<img"):
        check(bad not in low, f"{what}: contains {bad!r}")
    for el in tree.iter():
        check(tag(el) not in ("script", "iframe", "img", "link", "object", "embed"), f"{what}: a <{tag(el)}>")
        for name in el.attrib:
            check(not name.lower().startswith("on"), f"{what}: an event handler {name} on <{tag(el)}>")


def number(s):
    return Decimal(str(s))


def shown(value, places):
    """A number as a chart writes it: grouped, rounded half away from zero."""
    q = Decimal(1).scaleb(-places)
    return f"{number(value).quantize(q, rounding=ROUND_HALF_UP):,.{places}f}"


def section(tree, sid):
    for el in tree.iter():
        if tag(el) == "section" and el.get("id") == sid:
            return el
    failures.append(f"no section {sid}")
    return None


def table_rows(sec):
    """(keys, body rows, total rows): each row a list of <td> elements."""
    keys, body, foot = [], [], []
    for el in sec.iter():
        if tag(el) == "th":
            keys.append(el.get("data-key"))
        elif tag(el) in ("tbody", "tfoot"):
            rows = [[td for td in tr if tag(td) == "td"] for tr in el if tag(tr) == "tr"]
            (body if tag(el) == "tbody" else foot).extend(rows)
    return keys, body, foot


def same_cell(td, value):
    if "data-value" in td.attrib:
        return value is not None and number(td.get("data-value")) == number(value)
    if value is None:
        return text(td) in ("", "n/a")
    return text(td) == str(value)


def check_table(sec, rows, totals, what):
    keys, body, foot = table_rows(sec)
    check(len(body) == len(rows), f"{what}: {len(body)} rows, json has {len(rows)}")
    check(len(foot) == len(totals), f"{what}: {len(foot)} totals, json has {len(totals)}")
    for html_rows, json_rows in ((body, rows), (foot, totals)):
        for i, (tds, obj) in enumerate(zip(html_rows, json_rows)):
            for key, value in obj.items():
                if key not in keys:  # a column empty in every row is left out
                    check(value in (None, ""), f"{what} row {i}: column {key} missing, json has {value!r}")
                    continue
                td = tds[keys.index(key)]
                check(same_cell(td, value), f"{what} row {i} {key}: html {td.attrib} {text(td)!r}, json {value!r}")


def svg_texts(sec, cls):
    return [text(el) for el in sec.iter() if tag(el) == "text" and cls in (el.get("class") or "").split()]


def check_bars(sec, rows, key, places, what):
    """One chart per currency, in the order the rows name them; a chart of zeros is left out."""
    order, values = [], {}
    for r in rows:
        cur = r.get("currency") or ""
        if cur not in values:
            order.append(cur)
            values[cur] = []
        values[cur].append(r[key])
    expected = []
    for cur in order:
        if any(v is not None and number(v) > 0 for v in values[cur]):
            expected += [shown(v if v is not None else 0, places) for v in values[cur][:30]]
    got = svg_texts(sec, "value")
    check(got == expected, f"{what}: bars {got}, json says {expected}")
    check(len([el for el in sec.iter() if tag(el) == "svg"]) == len([c for c in order if any(
        v is not None and number(v) > 0 for v in values[c])]), f"{what}: one chart per currency with a value")


def check_heat(sec, rows, what):
    expected = []
    for r in rows:
        for k, v in r.items():
            if re.fullmatch(r"[mq]\d+", k) and v is not None:
                expected.append(shown(v, 0) + "%")
    got = svg_texts(sec, "cell")
    check(got == expected, f"{what}: heat map {got}, json says {expected}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--crm", required=True)
    args = ap.parse_args()
    crm = os.path.abspath(args.crm)
    env = dict(os.environ, TZ="UTC", CRM_TODAY="2026-11-23", CRM_NOW="2026-11-23T09:00:00Z", LC_ALL="C.UTF-8")
    env.pop("CRM_DIR", None)
    with tempfile.TemporaryDirectory() as tmp:
        env["HOME"] = tmp
        store = os.path.join(tmp, "s")
        subprocess.run(["bash", os.path.join(HERE, "make_store.sh"), crm, store], env=env, check=True)

        def run(*argv):
            r = subprocess.run([crm, "-C", store, *argv], env=env, capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"crm {' '.join(argv)}: exit {r.returncode}: {r.stderr}")
            return r.stdout

        out = os.path.join(tmp, "dashboard.html")
        check(run("report", "--format", "html", "-o", out) == "", "report -o printed something")
        page = open(out, encoding="utf-8").read()
        tree = parse(page, "dashboard")
        check_inert(page, tree, "dashboard")
        check(page.startswith("<!DOCTYPE html>"), "dashboard: no doctype")
        check("@media print" in page, "dashboard: no print style")

        # The figures, against the dashboard's json.
        d = json.loads(run("report", "--format", "json"))
        check_table(section(tree, "open_pipeline"), [
            {"currency": p["currency"], "deals": p["count"], "amount": p["amount"], "weighted": p["weighted"]}
            for p in d["pipeline"]], [], "open pipeline")
        check_table(section(tree, "this_month"), [
            {"currency": p["currency"], "deals": p["count"], "amount": p["amount"], "weighted": p["weighted"],
             "won": p["won"]} for p in d["forecast"]], [], "this month")
        check_table(section(tree, "figures"), [{
            "won_90d": d["winrate"]["won"], "lost_90d": d["winrate"]["lost"], "win_rate_90d": d["winrate"]["rate"],
            "overdue_tasks": d["overdue_tasks"], "stale_deals": d["stale_deals"],
            "follow_ups_due": d["follow_ups_due"]}], [], "figures")
        check(d["overdue_tasks"] == 1 and d["winrate"]["won"] == 1, "the store has an overdue task and a won deal")

        # Each report: its table and its chart, against its json.
        charts = {"pipeline": ("weighted", 2), "forecast": ("weighted", 2), "revenue": ("revenue", 2),
                  "rfm": ("revenue", 2), "tickets": ("total", 0)}
        for name, by in (("pipeline", []), ("forecast", ["--by", "month"]), ("revenue", ["--by", "month"]),
                         ("rfm", []), ("cohorts", []), ("tickets", [])):
            j = json.loads(run("report", name, *by, "--format", "json"))
            sec = section(tree, name)
            if sec is None:
                continue
            check(len(j["rows"]) > 0, f"{name}: the fixture gives it rows")
            check_table(sec, j["rows"], j["totals"], name)
            if name == "cohorts":
                check_heat(sec, j["rows"], name)
            else:
                check_bars(sec, j["rows"], *charts[name], name)

        # Every report's own page parses, is inert, and shows the <script> name as text.
        names = ["pipeline", "forecast", "funnel", "winrate", "velocity", "sources", "activity", "overdue", "stale",
                 "tickets", "sla", "csat", "customers", "rfm", "revenue", "churn", "cohorts", "products"]
        for name in names:
            p = run("report", name, "--format", "html")
            t = parse(p, name)
            check_inert(p, t, name)
            check(any(tag(el) == "table" or (tag(el) == "p" and el.get("class") == "empty") for el in t.iter()),
                  f"{name}: neither a table nor an empty note")
        p = run("report", "customers", "--format", "html")
        t = parse(p, "customers")
        check(any(tag(el) == "td" and text(el) == EVIL for el in t.iter()), "customers: the <script> name as text")
        p = run("contact", "list", "--format", "html")
        check(any(tag(el) == "td" and text(el) == EVIL for el in parse(p, "list").iter()),
              "contact list: the <script> name as text")
        check_inert(p, parse(p, "list"), "contact list")

        # An owner that is markup: the title shows it as text.
        p = run("report", "--format", "html", "--owner", "<b>kim</b>")
        t = parse(p, "dashboard --owner")
        check_inert(p, t, "dashboard --owner")
        check(any(tag(el) == "h1" and text(el) == "Dashboard 2026-11-23 (<b>kim</b>)" for el in t.iter()),
              "dashboard --owner: the owner in the title, as text")
        check(not any(tag(el) == "b" for el in t.iter()), "dashboard --owner: a <b> element")

    if failures:
        for f in failures:
            print("FAIL:", f)
        sys.exit(1)
    print("dashboard and html reports: parsed strictly, inert, numbers as in json")


if __name__ == "__main__":
    main()
