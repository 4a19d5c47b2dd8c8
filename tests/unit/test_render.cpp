// render: records to text in every output format, exactly.
#include <doctest/doctest.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "crm/render.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace {

const crm::Schema& contact() {
  static const crm::SchemaSet s = crm::SchemaSet::builtin();
  return s.get("contact");
}

crm::Record make(const std::string& yaml) {
  crm::Record r;
  r.type = "contact";
  r.data = crm::parse_yaml(yaml, "c.yaml");
  r.path = "contacts/" + r.id() + ".yaml";
  return r;
}

crm::Record ada() {
  return make(
      "id: kada000000000001\n"
      "name: Ada Lovelace\n"
      "email: ada@example.com\n"
      "phones:\n  - {number: \"+44 1\", kind: mobile}\n  - {number: \"+44 2\"}\n"
      "company: cacme0000000000a\n"
      "address: {city: London}\n"
      "tags: [vip, \"a,b\"]\n"
      "cadence: 30\n"
      "created: 2026-01-15T10:00:00Z\n"
      "updated: 2026-11-01T09:00:00Z\n");
}

crm::Record li() {
  return make(
      "id: kli00000000000004\n"
      "name: 李小龙\n"
      "email: li@example.com\n"
      "notes: \"line1\\nline2\\n\"\n");
}

std::string acme_name(const std::string& id) { return id == "cacme0000000000a" ? "Acme Corporation" : ""; }

std::string sp(size_t n) { return std::string(n, ' '); }

}  // namespace

TEST_CASE("render parse_format and format_names") {
  CHECK(crm::parse_format("table") == crm::Format::Table);
  CHECK(crm::parse_format("json") == crm::Format::Json);
  CHECK(crm::parse_format("jsonl") == crm::Format::Jsonl);
  CHECK(crm::parse_format("yaml") == crm::Format::Yaml);
  CHECK(crm::parse_format("csv") == crm::Format::Csv);
  CHECK(crm::parse_format("tsv") == crm::Format::Tsv);
  CHECK(crm::parse_format("ids") == crm::Format::Ids);
  CHECK(crm::parse_format("html") == crm::Format::Html);
  CHECK_FALSE(crm::parse_format("JSON").has_value());
  CHECK_FALSE(crm::parse_format("xml").has_value());
  CHECK(crm::format_names() == std::vector<std::string>{"table", "json", "jsonl", "yaml", "csv", "tsv", "ids", "html"});
}

// A table of text columns from rows of cells (first row: the headers).
std::string text_table(const std::vector<std::vector<std::string>>& rows, bool color, size_t width) {
  crm::Table t;
  if (rows.empty()) return crm::render(t, crm::OutputOptions{});
  for (const std::string& h : rows[0]) t.columns.push_back({crm::to_lower(h), h, crm::ColumnType::Text, 0, 0});
  for (size_t r = 1; r < rows.size(); ++r) {
    crm::Row row;
    for (const std::string& c : rows[r]) row.cells.push_back(crm::Cell::of(c));
    t.rows.push_back(row);
  }
  crm::OutputOptions o;
  o.color = color;
  o.width = width;
  return crm::render(t, o);
}

TEST_CASE("render a table aligns by display width, with CJK") {
  std::vector<std::vector<std::string>> rows = {
      {"ID", "NAME", "CITY"},
      {"k1", "李小龙", "Berlin"},
      {"k22", "Ada", ""},
  };
  CHECK(text_table(rows, false, 0) == "ID" + sp(3) + "NAME" + sp(4) + "CITY\n" +  //
                                          "k1" + sp(3) + "李小龙" + sp(2) + "Berlin\n" + "k22" + sp(2) + "Ada\n");
  // No line ends in a space.
  std::string out = text_table(rows, false, 0);
  CHECK(out.find(" \n") == std::string::npos);
}

TEST_CASE("render a table hides empty columns, escapes and shrinks cells to the width") {
  std::vector<std::vector<std::string>> rows = {
      {"A", "EMPTY", "B"},
      {"x\x1b[2Jy", "", "hello world"},
      {"new\nline", "", "ok"},
  };
  CHECK(text_table(rows, false, 0) ==
        "A" + sp(10) + "B\n" + "x\\x1b[2Jy" + sp(2) + "hello world\n" + "new\\nline" + sp(2) + "ok\n");
  rows[1][2] = "hello to the whole wide world";
  std::string narrow = text_table(rows, false, 30);
  for (const std::string& line : crm::split(narrow, '\n')) CHECK(crm::display_width(line) <= 30);
  CHECK(narrow.find("…") != std::string::npos);
  CHECK(text_table({{"ONLY", "HEADER"}}, false, 0) == "");
  CHECK(text_table({}, false, 0) == "");
  // Colour: a bold header, alignment unchanged.
  CHECK(text_table({{"ID", "N"}, {"k1", "x"}}, true, 0) ==
        "\033[1mID\033[0m" + sp(2) + "\033[1mN\033[0m\n" + "k1" + sp(2) + "x\n");
}

TEST_CASE("render cell_text") {
  crm::Record a = ada();
  CHECK(crm::cell_text(a, "company", contact(), acme_name) == "Acme Corporation");
  CHECK(crm::cell_text(a, "company", contact(), {}) == "cacme0000000000a");
  CHECK(crm::cell_text(a, "company", contact(), [](const std::string&) { return std::string(); }) ==
        "cacme0000000000a");
  CHECK(crm::cell_text(a, "tags", contact(), {}) == "vip, a,b");
  CHECK(crm::cell_text(a, "tags", contact(), {}, "|") == "vip|a,b");
  CHECK(crm::cell_text(a, "phones", contact(), {}) == "+44 1 (mobile), +44 2");
  CHECK(crm::cell_text(a, "address", contact(), {}) == "city: London");
  CHECK(crm::cell_text(a, "address.city", contact(), {}) == "London");
  CHECK(crm::cell_text(a, "title", contact(), {}) == "");
  CHECK(crm::cell_text(a, "cadence", contact(), {}) == "30");
}

TEST_CASE("render render_list as a table") {
  crm::Record a = ada(), b = li();
  std::unordered_map<std::string, std::string> short_ids = {{"kada000000000001", "kada"},
                                                            {"kli00000000000004", "kli0"}};
  crm::RenderOptions o;
  o.short_ids = &short_ids;
  o.name_of = acme_name;
  // Default columns name, email, phone, company, tags; phone is empty in both rows.
  CHECK(crm::render_list({&a, &b}, contact(), o) ==
        "ID" + sp(4) + "NAME" + sp(10) + "EMAIL" + sp(12) + "COMPANY" + sp(11) + "TAGS\n" + "kada" + sp(2) +
            "Ada Lovelace" + sp(2) + "ada@example.com" + sp(2) + "Acme Corporation" + sp(2) + "vip, a,b\n" +  //
            "kli0" + sp(2) + "李小龙" + sp(8) + "li@example.com\n");
  crm::RenderOptions full;
  full.fields = {"name"};
  CHECK(crm::render_list({&a, &b}, contact(), full) == "ID" + sp(17) + "NAME\n" + "kada000000000001" + sp(3) +
                                                           "Ada Lovelace\n" + "kli00000000000004" + sp(2) + "李小龙\n");
}

TEST_CASE("render render_list as json, jsonl, yaml and ids") {
  crm::Record a = ada(), b = li();
  crm::RenderOptions o;
  o.out.format = crm::Format::Json;
  o.fields = {"name", "cadence"};
  CHECK(crm::render_list({&a, &b}, contact(), o) ==
        "[\n"
        "  {\n"
        "    \"id\": \"kada000000000001\",\n"
        "    \"type\": \"contact\",\n"
        "    \"name\": \"Ada Lovelace\",\n"
        "    \"cadence\": 30\n"
        "  },\n"
        "  {\n"
        "    \"id\": \"kli00000000000004\",\n"
        "    \"type\": \"contact\",\n"
        "    \"name\": \"李小龙\"\n"
        "  }\n"
        "]\n");
  CHECK(crm::render_list({}, contact(), o) == "[]\n");

  o.out.format = crm::Format::Jsonl;
  o.fields.clear();
  CHECK(crm::render_list({&a, &b}, contact(), o) ==
        "{\"id\":\"kada000000000001\",\"type\":\"contact\",\"name\":\"Ada "
        "Lovelace\",\"email\":\"ada@example.com\","
        "\"phones\":[{\"number\":\"+44 1\",\"kind\":\"mobile\"},{\"number\":\"+44 2\"}],"
        "\"company\":\"cacme0000000000a\",\"address\":{\"city\":\"London\"},\"tags\":[\"vip\",\"a,"
        "b\"],"
        "\"cadence\":30,\"created\":\"2026-01-15T10:00:00Z\",\"updated\":\"2026-11-01T09:00:00Z\"}\n"
        "{\"id\":\"kli00000000000004\",\"type\":\"contact\",\"name\":\"李小龙\",\"email\":\"li@"
        "example.com\","
        "\"notes\":\"line1\\nline2\\n\"}\n");
  CHECK(crm::render_list({}, contact(), o) == "");

  o.out.format = crm::Format::Ids;
  CHECK(crm::render_list({&a, &b}, contact(), o) == "kada000000000001\nkli00000000000004\n");

  o.out.format = crm::Format::Yaml;
  o.fields = {"name", "tags"};
  const std::string yaml = crm::render_list({&a, &b}, contact(), o);
  CHECK(yaml ==
        "- id: kada000000000001\n"
        "  name: Ada Lovelace\n"
        "  tags:\n"
        "    - vip\n"
        "    - a,b\n"
        "- id: kli00000000000004\n"
        "  name: 李小龙\n");
  crm::Node back = crm::parse_yaml(yaml, "out.yaml");
  REQUIRE(back.is_sequence());
  CHECK(back.items.size() == 2);
  CHECK(back.items[1].get("name") == "李小龙");
}

TEST_CASE("render render_list as csv and tsv") {
  crm::Record a = ada(), b = li();
  crm::RenderOptions o;
  o.out.format = crm::Format::Csv;
  o.fields = {"name", "email", "tags", "address.city", "company", "notes"};
  CHECK(crm::render_list({&a, &b}, contact(), o) ==
        "id,name,email,tags,address.city,company,notes\n"
        "kada000000000001,Ada Lovelace,ada@example.com,\"vip,a,b\",London,cacme0000000000a,\n"
        "kli00000000000004,李小龙,li@example.com,,,,\"line1\nline2\n\"\n");
  o.out.format = crm::Format::Tsv;
  CHECK(crm::render_list({&a, &b}, contact(), o) ==
        "id\tname\temail\ttags\taddress.city\tcompany\tnotes\n"
        "kada000000000001\tAda Lovelace\tada@example.com\tvip,a,b\tLondon\tcacme0000000000a\t\n"
        "kli00000000000004\t李小龙\tli@example.com\t\t\t\tline1\\nline2\\n\n");

  // Default CSV columns: every field, objects split into subfields, then the stamps.
  o.out.format = crm::Format::Csv;
  o.fields.clear();
  std::string out = crm::render_list({&b}, contact(), o);
  CHECK(out.substr(0, out.find('\n')) ==
        "id,name,first_name,last_name,email,emails,phone,phones,title,company,address.street,"
        "address.city,"
        "address.region,address.postal_code,address.country,website,source,owner,tags,lifecycle,do_"
        "not_contact,unsubscribed,"
        "birthday,follow_up,cadence,notes,external_ids,import_notes,created,updated");
}

TEST_CASE("render render_list csv and tsv neutralise formulas unless raw, numbers stay") {
  crm::Record r = make(
      "id: kada000000000001\nname: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"\n"
      "phone: +44 20 7946 0000\ntitle: \"@SUM(A1)\"\ncadence: 14\nnotes: \"-2+3\"\n"
      "tags: [\"+tag\", \"-5\"]\n");
  crm::RenderOptions o;
  o.fields = {"name", "phone", "title", "cadence", "notes", "tags"};
  o.out.format = crm::Format::Csv;
  CHECK(crm::render_list({&r}, contact(), o) ==
        "id,name,phone,title,cadence,notes,tags\n"
        "kada000000000001,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+44 20 7946 0000,'@SUM(A1),14,'-2+3,"
        "\"'+tag,-5\"\n");
  o.out.format = crm::Format::Tsv;
  CHECK(crm::render_list({&r}, contact(), o) ==
        "id\tname\tphone\ttitle\tcadence\tnotes\ttags\n"
        "kada000000000001\t'=HYPERLINK(\"http://x\",\"y\")\t'+44 20 7946 0000\t'@SUM(A1)\t14\t'-2+3\t'+tag,-5\n");
  o.out.raw = true;
  CHECK(crm::render_list({&r}, contact(), o) ==
        "id\tname\tphone\ttitle\tcadence\tnotes\ttags\n"
        "kada000000000001\t=HYPERLINK(\"http://x\",\"y\")\t+44 20 7946 0000\t@SUM(A1)\t14\t-2+3\t+tag,-5\n");
}

TEST_CASE("render render_detail") {
  crm::Record b = li();
  crm::RenderOptions o;
  CHECK(crm::render_detail(b, contact(), o) ==
        "id     kli00000000000004\n"
        "name   李小龙\n"
        "email  li@example.com\n"
        "notes  line1\n"
        "       line2\n");
  crm::Record a = ada();
  o.name_of = acme_name;
  o.fields = {"company"};
  CHECK(crm::render_detail(a, contact(), o) ==
        "id" + sp(7) + "kada000000000001\n" + "company" + sp(2) + "Acme Corporation\n");
}
