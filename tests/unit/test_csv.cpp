// csv: RFC 4180 and what real exporters write; the writer and formula defusing.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/csv.hpp"
#include "crm/error.hpp"
#include "import_fixtures.hpp"

using crm::CsvOptions;
using crm::parse_csv;

TEST_CASE("csv reads plain rows with their line numbers") {
  crm::CsvTable t = parse_csv("a,b,c\n1,2,3\n4,,6\n");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.delimiter == ',');
  CHECK(t.rows[0].cells == std::vector<std::string>{"a", "b", "c"});
  CHECK(t.rows[1].line == 2);
  CHECK(t.rows[2].cells == std::vector<std::string>{"4", "", "6"});
  CHECK(t.rows[2].line == 3);
}

TEST_CASE("csv handles quotes, doubled quotes and embedded line breaks") {
  crm::CsvTable t = parse_csv("name,notes\r\n\"Lovelace, Ada\",\"line one\r\nline \"\"two\"\"\"\r\nGrace,x\r\n");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1].cells[0] == "Lovelace, Ada");
  CHECK(t.rows[1].cells[1] == "line one\nline \"two\"");
  CHECK(t.rows[1].line == 2);
  CHECK(t.rows[2].line == 4);  // the quoted line break counts
  CHECK(t.rows[2].cells[0] == "Grace");
}

TEST_CASE("csv strips a UTF-8 BOM and keeps trailing empty cells") {
  crm::CsvTable t = parse_csv("\xEF\xBB\xBFId,Name,\n1,Zoë,\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].cells[0] == "Id");
  CHECK(t.rows[1].cells == std::vector<std::string>{"1", "Zoë", ""});
}

TEST_CASE("csv detects semicolon and tab delimiters from the header") {
  CHECK(crm::detect_csv_delimiter("a;b;c") == ';');
  CHECK(crm::detect_csv_delimiter("a\tb\tc") == '\t');
  CHECK(crm::detect_csv_delimiter("\"a;x\",b") == ',');
  CHECK(crm::detect_csv_delimiter("single") == ',');
  crm::CsvTable t = parse_csv("Name;Amount\nAcme;\"12.500,50\"\n");
  CHECK(t.delimiter == ';');
  CHECK(t.rows[1].cells == std::vector<std::string>{"Acme", "12.500,50"});
  crm::CsvTable tsv = parse_csv("Name\tCity\nAda\tLondon, UK\n");
  CHECK(tsv.rows[1].cells[1] == "London, UK");
  CsvOptions forced;
  forced.delimiter = ';';
  CHECK(parse_csv("a,b;c\n", forced).rows[0].cells == std::vector<std::string>{"a,b", "c"});
}

TEST_CASE("csv skips blank lines and accepts a last line without a line end") {
  crm::CsvTable t = parse_csv("a\n\n1\n\r\n2");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[2].line == 5);
  CHECK(t.rows[2].cells[0] == "2");
  CHECK(parse_csv("").rows.empty());
}

TEST_CASE("csv is lenient with stray quotes but not with an unterminated one") {
  crm::CsvTable t = parse_csv("a,b\n5'1\" tall,\"x\"y\n");
  CHECK(t.rows[1].cells[0] == "5'1\" tall");
  CHECK(t.rows[1].cells[1] == "xy");
  CsvOptions o;
  o.source = "in.csv";
  try {
    parse_csv("a,b\n1,\"open\n2,3\n", o);
    FAIL("expected an error");
  } catch (const crm::InvalidData& e) {
    CHECK(e.where().file == "in.csv");
    CHECK(e.where().line == 2);
  }
}

TEST_CASE("csv reports invalid UTF-8 with its line") {
  CsvOptions o;
  o.source = "latin1.csv";
  try {
    parse_csv("name\nAda\nJos\xE9\n", o);
    FAIL("expected an error");
  } catch (const crm::InvalidData& e) {
    CHECK(e.where().line == 3);
    CHECK(std::string(e.what()).find("latin1.csv:3") != std::string::npos);
    CHECK(std::string(e.what()).find("UTF-8") != std::string::npos);
  }
  CHECK_THROWS_AS(parse_csv(std::string("\xFF\xFEn\0a\0", 6)), crm::InvalidData);
}

TEST_CASE("csv reads the Google Contacts fixture") {
  crm::CsvTable t = parse_csv(crm_test::read_import_fixture("google-contacts.csv"));
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].cells[0] == "First Name");  // no BOM left
  const auto& ada = t.rows[1].cells;
  CHECK(ada.size() == t.rows[0].cells.size());
  CHECK(ada[13] == "12 St James, Square");
  CHECK(ada[19] == "Met at the Royal Society; wants a demo.\nPrefers email.");
  CHECK(t.rows[2].line == 4);
  CHECK(t.rows[3].cells[0] == "José María");
  CHECK(t.rows[3].cells[19] == "He said \"call me Chema\"");
}

TEST_CASE("csv writer quotes per RFC 4180 with CRLF") {
  std::string out = crm::write_csv({{"name", "notes"}, {"Lovelace, Ada", "say \"hi\"\nbye"}, {" edge", ""}});
  CHECK(out == "name,notes\r\n\"Lovelace, Ada\",\"say \"\"hi\"\"\nbye\"\r\n\" edge\",\r\n");
  crm::CsvTable back = parse_csv(out);
  CHECK(back.rows[1].cells[1] == "say \"hi\"\nbye");
}

TEST_CASE("csv writer neutralises formulas unless raw") {
  CHECK(crm::csv_quote("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(crm::csv_quote("@SUM(A1)") == "'@SUM(A1)");
  CHECK(crm::csv_quote("+44 20 7946 0018") == "'+44 20 7946 0018");
  CHECK(crm::csv_quote("-cmd") == "'-cmd");
  CHECK(crm::csv_quote("-3.75") == "-3.75");
  CHECK(crm::csv_quote("+5") == "+5");
  CHECK(crm::csv_quote("plain") == "plain");
  CHECK(crm::csv_quote("=1+1", true) == "=1+1");
  CHECK(crm::write_csv({{"=1+1"}}, true) == "=1+1\r\n");
}

TEST_CASE("csv delimited_cell: csv quotes per RFC 4180") {
  CHECK(crm::delimited_cell("plain", ',', false) == "plain");
  CHECK(crm::delimited_cell("", ',', false) == "");
  CHECK(crm::delimited_cell("a,b", ',', false) == "\"a,b\"");
  CHECK(crm::delimited_cell("a;b", ';', false) == "\"a;b\"");
  CHECK(crm::delimited_cell("say \"hi\"", ',', false) == "\"say \"\"hi\"\"\"");
  CHECK(crm::delimited_cell("a\nb", ',', false) == "\"a\nb\"");
  CHECK(crm::delimited_cell("a\rb", ',', false) == "\"a\rb\"");
  CHECK(crm::delimited_cell(" lead", ',', false) == "\" lead\"");
  CHECK(crm::delimited_cell("trail ", ',', false) == "\"trail \"");
  CHECK(crm::delimited_cell("in side", ',', false) == "in side");
  CHECK(crm::delimited_cell("李小龙", ',', false) == "李小龙");
  CHECK(crm::delimited_cell("\"", ',', false) == "\"\"\"\"");
}

TEST_CASE("csv delimited_cell: tsv escapes tab, newline, CR and backslash") {
  CHECK(crm::delimited_cell("plain text", '\t', false) == "plain text");
  CHECK(crm::delimited_cell("a\tb\nc\\d\re", '\t', false) == "a\\tb\\nc\\\\d\\re");
  CHECK(crm::delimited_cell("", '\t', false) == "");
  CHECK(crm::delimited_cell("\"q\",x", '\t', false) == "\"q\",x");
}

TEST_CASE("csv delimited_cell neutralises formulas in csv and tsv unless raw, plain numbers are data") {
  for (char d : {',', '\t'}) {
    CAPTURE(d);
    CHECK(crm::delimited_cell("=1+1", d, false) == "'=1+1");
    CHECK(crm::delimited_cell("@SUM(A1)", d, false) == "'@SUM(A1)");
    CHECK(crm::delimited_cell("+44 20 7946 0018", d, false) == "'+44 20 7946 0018");
    CHECK(crm::delimited_cell("-cmd", d, false) == "'-cmd");
    CHECK(crm::delimited_cell("-5", d, false) == "-5");
    CHECK(crm::delimited_cell("-12000.50", d, false) == "-12000.50");
    CHECK(crm::delimited_cell("+5", d, false) == "+5");
    CHECK(crm::delimited_cell("=1+1", d, true) == "=1+1");
    CHECK(crm::delimited_cell("-cmd", d, true) == "-cmd");
  }
  CHECK(crm::delimited_cell("\tx", '\t', false) == "'\\tx");
  CHECK(crm::delimited_cell("\tx", '\t', true) == "\\tx");
  CHECK(crm::delimited_row({"=a", "-5", "b,c"}, ',', false) == "'=a,-5,\"b,c\"\n");
  CHECK(crm::delimited_row({"=a", "-5", "b,c"}, ',', true) == "=a,-5,\"b,c\"\n");
  CHECK(crm::delimited_row({}, '\t', false) == "\n");
}
