// import_headers: the exporters' header table (data/import_headers.yaml) and
// what each column of a header line fills.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/import_headers.hpp"
#include "crm/schema.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

using crm::import::ColumnKind;
using crm::import::plan_columns;
using crm::import::Target;

namespace {

std::vector<Target> plan(const std::string& type, const std::vector<std::string>& header) {
  static const crm::SchemaSet schemas = crm::SchemaSet::builtin();
  std::vector<std::string> unmapped;
  return plan_columns(schemas.get(type), header, {}, unmapped);
}

Target one(const std::string& type, const std::string& header) { return plan(type, {header}).front(); }

}  // namespace

TEST_CASE("the header table is compiled in and every header in it maps for a type it names") {
  std::string_view text;
  for (const auto& [name, t] : crm::embedded_data())
    if (name == "import_headers") text = t;
  REQUIRE(!text.empty());
  crm::Node doc = crm::parse_yaml(text, "data/import_headers.yaml");
  REQUIRE(doc.is_sequence());
  size_t headers = 0;
  const std::vector<std::string> all = {"contact", "company", "lead", "deal", "task", "activity"};
  for (const crm::Node& entry : doc.items) {
    std::vector<std::string> types;
    const crm::Node* f = entry.find("for");
    REQUIRE(f);
    if (f->is_sequence())
      for (const crm::Node& t : f->items) types.push_back(t.text);
    else
      types = all;
    for (const auto& [header, target] : entry.find("headers")->entries) {
      ++headers;
      bool maps = false;
      for (const std::string& type : types) maps = maps || one(type, header).kind != ColumnKind::Unmapped;
      INFO(header << ": " << target.text);
      CHECK(maps);
    }
  }
  CHECK(headers > 200);
}

TEST_CASE("exporters' headers, with spaces, without them, in any case") {
  CHECK(one("contact", "E-mail Address").kind == ColumnKind::Email);
  CHECK(one("contact", "HomePhone").kind == ColumnKind::Phone);
  CHECK(one("contact", "HomePhone").arg == "home");
  CHECK(one("contact", "Business Fax").arg == "fax");
  CHECK(one("contact", "Record ID").kind == ColumnKind::ExternalId);
  CHECK(one("contact", "Organization Name").kind == ColumnKind::Company);
  CHECK(one("lead", "Company").kind == ColumnKind::CompanyName);
  CHECK(one("company", "Company Domain Name").field == "domain");
  CHECK(one("deal", "Deal Stage").kind == ColumnKind::Stage);
  CHECK(one("deal", "Associated Contact(s)").arg == "contacts");
  CHECK(one("task", "Due Date").field == "due");
  CHECK(one("activity", "Call Duration").field == "duration");
  // A table entry for a field the type does not have is passed over.
  CHECK(one("deal", "Lifecycle Stage").kind == ColumnKind::Unmapped);
  // Address groups and Google's numbered columns are read by rule.
  Target street = one("contact", "MailingStreet");
  CHECK(street.kind == ColumnKind::Address);
  CHECK(street.arg == "street");
  CHECK(one("contact", "E-mail 2 - Value").kind == ColumnKind::Email);
}

TEST_CASE("beside a Job Title column, a bare Title is not the job, the first column of a field wins") {
  std::vector<Target> t = plan("contact", {"Title", "Job Title", "Name", "Full Name"});
  CHECK(t[0].kind == ColumnKind::Unmapped);
  CHECK(t[1].field == "title");
  CHECK(t[2].field == "name");
  CHECK(t[3].kind == ColumnKind::Unmapped);
}
