#include <doctest/doctest.h>

#include "crm/table.hpp"
#include "crm/text.hpp"

namespace {

crm::Table deals() {
  crm::Table t;
  t.columns = {{"id", "", crm::ColumnType::Id, 0, 0},      {"name", "", crm::ColumnType::Text, 0, 0},
               {"stage", "", crm::ColumnType::Word, 0, 0}, {"amount", "", crm::ColumnType::Money, 0, 0},
               {"owner", "", crm::ColumnType::Word, 2, 0}, {"notes", "", crm::ColumnType::Text, 1, 0}};
  auto row = [](const char* id, const char* name, const char* stage, const char* amount, const char* cur,
                const char* owner, const char* notes) {
    crm::Row r;
    crm::Cell idc = crm::Cell::of(id);
    idc.shown = std::string(id).substr(0, 4);
    r.cells = {idc,
               crm::Cell::of(name),
               crm::Cell::of(stage),
               crm::Cell::money(*crm::Decimal::parse(amount), cur),
               crm::Cell::of(owner),
               crm::Cell::of(notes)};
    return r;
  };
  t.rows.push_back(row("kaaa000000000001", "Engines for the Analytical Society of London", "proposal", "12000.5", "GBP",
                       "sam", "call back after the board meets in January"));
  t.rows.push_back(row("kbbb000000000002", "Looms", "negotiation", "0.1", "GBP", "alex", ""));
  return t;
}

}  // namespace

TEST_CASE("table json keeps money exact and ids whole") {
  crm::OutputOptions o;
  o.format = crm::Format::Json;
  std::string j = crm::render(deals(), o);
  CHECK(j.find("\"amount\": 12000.5") != std::string::npos);
  CHECK(j.find("\"amount\": 0.1,") != std::string::npos);
  CHECK(j.find("\"id\": \"kaaa000000000001\"") != std::string::npos);
  o.format = crm::Format::Jsonl;
  std::string lines = crm::render(deals(), o);
  CHECK(lines.find("\n{\"id\":\"kbbb000000000002\",\"name\":\"Looms\",\"stage\":\"negotiation\",\"amount\":0.1,") !=
        std::string::npos);
  crm::Json exact = crm::Json::array({crm::exact_number("123456789012345678.99")});
  CHECK(crm::dump_json(exact, -1) == "[123456789012345678.99]");
}

TEST_CASE("table money of one currency says it in the header") {
  crm::OutputOptions o;
  std::string t = crm::render(deals(), o);
  CHECK(t.find("AMOUNT (GBP)") != std::string::npos);
  CHECK(t.find("12,000.50") != std::string::npos);
  CHECK(t.find("GBP 12,000.50") == std::string::npos);
  crm::Table mixed = deals();
  mixed.rows[1].cells[3].currency = "JPY";
  std::string m = crm::render(mixed, o);
  CHECK(m.find("GBP 12,000.50") != std::string::npos);
  CHECK(m.find("JPY 0.10") != std::string::npos);
}

TEST_CASE("table fits the width: free text shrinks first, then low-priority columns go") {
  crm::OutputOptions o;
  o.width = 0;  // piped: nothing cut
  std::string piped = crm::render(deals(), o);
  CHECK(piped.find("call back after the board meets in January") != std::string::npos);
  o.width = 100;
  std::string wide = crm::render(deals(), o);
  for (const auto& line : crm::split(wide, '\n')) CHECK(crm::display_width(line) <= 100);
  CHECK(wide.find("…") != std::string::npos);      // something shrank
  CHECK(wide.find("OWNER") != std::string::npos);  // nothing had to go
  o.width = 60;
  std::string narrow = crm::render(deals(), o);
  for (const auto& line : crm::split(narrow, '\n')) CHECK(crm::display_width(line) <= 60);
  CHECK(narrow.find("OWNER") == std::string::npos);      // the highest drop priority goes first
  CHECK(narrow.find("12,000.50") != std::string::npos);  // amounts are never cut
  CHECK(narrow.find("negotiation") != std::string::npos);
  o.wide = true;
  CHECK(crm::render(deals(), o) == piped);
}

TEST_CASE("table datetimes show in local time, machine formats keep UTC") {
  crm::Table t;
  t.columns = {{"at", "", crm::ColumnType::DateTime, 0, 0}};
  t.rows.push_back({{crm::Cell::of("2026-12-01T15:00:00Z")}, crm::Tone::None, false});
  crm::Clock c = crm::Clock::fixed(*crm::parse_iso_datetime("2026-12-01T00:00:00Z"));
  c.set_zone("Europe/Berlin");
  crm::OutputOptions o;
  o.clock = &c;
  CHECK(crm::render(t, o) == "AT\n2026-12-01 16:00\n");
  o.format = crm::Format::Csv;
  CHECK(crm::render(t, o) == "at\n2026-12-01T15:00:00Z\n");
}

TEST_CASE("table csv neutralises formulas unless raw, yaml and tsv from the same cells") {
  crm::Table t;
  t.columns = {{"name", "", crm::ColumnType::Text, 0, 0}, {"count", "", crm::ColumnType::Count, 0, 0}};
  t.rows.push_back({{crm::Cell::of("=HYPERLINK(\"x\")"), crm::Cell::count(-5)}, crm::Tone::None, false});
  crm::OutputOptions o;
  o.format = crm::Format::Csv;
  CHECK(crm::render(t, o) == "name,count\n\"'=HYPERLINK(\"\"x\"\")\",-5\n");
  o.raw = true;
  CHECK(crm::render(t, o) == "name,count\n\"=HYPERLINK(\"\"x\"\")\",-5\n");
  o.format = crm::Format::Yaml;
  CHECK(crm::render(t, o) == "- name: =HYPERLINK(\"x\")\n  count: -5\n");
}

TEST_CASE("table empty results say so on a terminal only, tones colour rows") {
  crm::Table t;
  t.columns = {{"name", "", crm::ColumnType::Text, 0, 0}};
  t.empty_note = "no contacts match +vipp";
  crm::OutputOptions o;
  CHECK(crm::render(t, o).empty());
  o.tty = true;
  CHECK(crm::render(t, o) == "no contacts match +vipp\n");
  t.rows.push_back({{crm::Cell::of("late")}, crm::Tone::Bad, false});
  o.color = true;
  CHECK(crm::render(t, o).find("\033[31mlate\033[0m") != std::string::npos);
}

TEST_CASE("table a document: json and yaml say it whole, other formats its text") {
  crm::Table t;
  t.columns = {{"key", "", crm::ColumnType::Word, 0, 0}, {"value", "", crm::ColumnType::Text, 0, 0}};
  t.rows.push_back({{crm::Cell::of("a"), crm::Cell::of("1")}, crm::Tone::None, false});
  t.objects.push_back(crm::Json{{"a", "1"}});
  t.single = t.single_yaml = true;
  t.text = [](const crm::OutputOptions&) { return std::string("a=1\n"); };
  crm::OutputOptions o;
  CHECK(crm::render(t, o) == "a=1\n");
  o.format = crm::Format::Json;
  CHECK(crm::render(t, o) == "{\n  \"a\": \"1\"\n}\n");
  o.format = crm::Format::Yaml;
  CHECK(crm::render(t, o) == "a: \"1\"\n");
  o.format = crm::Format::Csv;
  CHECK(crm::render(t, o) == "key,value\na,1\n");  // not a document: the rows
  t.document = true;
  CHECK(crm::render(t, o) == "a=1\n");
  o.format = crm::Format::Jsonl;
  CHECK(crm::render(t, o) == "{\"a\":\"1\"}\n");
  t.id_lines = {"k1 k2", "k3"};
  o.format = crm::Format::Ids;
  CHECK(crm::render(t, o) == "k1 k2\nk3\n");
}

TEST_CASE("table a title, no header, and a report's total column") {
  crm::Table t;
  t.title = "Dashboard";
  t.header = false;
  t.columns = {{"label", "", crm::ColumnType::Word, 0, 0}, {"n", "", crm::ColumnType::Count, 0, 0}};
  t.rows.push_back({{crm::Cell::of("Overdue"), crm::Cell::count(3)}, crm::Tone::None, false});
  crm::OutputOptions o;
  CHECK(crm::render(t, o) == "Dashboard\nOverdue  3\n");
  t.report = true;
  o.format = crm::Format::Csv;
  CHECK(crm::render(t, o) == "label,n,total\nOverdue,3,false\n");
  crm::Cell na = crm::Cell::none();
  na.shown = "n/a";  // a table shows it; json says null
  t.rows[0].cells[1] = na;
  o.format = crm::Format::Table;
  CHECK(crm::render(t, o) == "Dashboard\nOverdue  n/a\n");
  o.format = crm::Format::Jsonl;
  CHECK(crm::render(t, o) == "{\"label\":\"Overdue\",\"n\":null,\"total\":false}\n");
}

TEST_CASE("table json_of_node: plain scalars typed and exact, the rest strings") {
  crm::Node m = crm::Node::map();
  m.set("n", crm::Node::scalar("12000.50", true));
  m.set("s", crm::Node::scalar("0123", true));
  m.set("b", crm::Node::scalar("True", true));
  m.set("q", crm::Node::scalar("true"));
  m.set("z", crm::Node());
  CHECK(crm::dump_json(crm::json_of_node(m), -1) ==
        "{\"n\":12000.50,\"s\":\"0123\",\"b\":true,\"q\":\"true\",\"z\":null}");
}
