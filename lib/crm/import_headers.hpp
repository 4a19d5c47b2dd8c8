// Import: what each CSV column fills. The user's --map, a field's own name,
// the tables of the headers exporters write (Google, HubSpot, Salesforce,
// Outlook, Thunderbird, LinkedIn), and fields spelled with spaces.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/schema.hpp"

namespace crm {

// The tables of data/*.yaml as compiled in (name, YAML text): import_headers,
// the exporters' column headers.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_data();

}  // namespace crm

namespace crm::import {

// What a column fills.
enum class ColumnKind {
  Field,       // the field at `field` (a path: address.city)
  Id,          // crm's id (an `id` column), else another system's (kept in external_ids)
  ExternalId,  // another system's id for the record
  FirstName,   // parts of the name
  LastName,
  Middle,
  Nickname,
  Email,        // the email, then emails
  Emails,       // more emails
  Phone,        // the phone, then phones; `arg` the kind
  Label,        // the label of a numbered group ("Phone 1 - Label")
  Company,      // a contact's or deal's company, by name or domain
  CompanyName,  // a lead's company: text
  CompanyId,    // company_id
  Refs,         // other references by name, email or id; `arg` the field
  Ids,          // other references by id; `arg` the field
  Tags,
  Address,    // a part (`arg`: street city region postal_code country po_box extended) of the address `group`
  BirthPart,  // Thunderbird's Birth Year, Month, Day (`arg`)
  Stage,      // a deal's stage: moved through the pipeline
  Ignore,     // dropped
  Aside,      // kept in import_notes as it is (a column of a file without a header line)
  Unmapped,   // maps to nothing (kept with --keep-unmapped)
};

struct Target {
  ColumnKind kind = ColumnKind::Unmapped;
  std::string field;  // Field: the path
  std::string arg;    // Phone: the kind; Refs/Ids: the field
  std::string group;  // Google's numbered columns: "email 1" pairs its label and value; Address: "Home Address"
  int rank = 1;       // Address: the lowest non-empty group fills the address (1 work, 2 home, 3 other)

  // Kinds that several columns may fill together.
  bool multi() const {
    return kind == ColumnKind::Email || kind == ColumnKind::Emails || kind == ColumnKind::Phone ||
           kind == ColumnKind::Tags || kind == ColumnKind::Label || kind == ColumnKind::Refs ||
           kind == ColumnKind::Ids || kind == ColumnKind::Ignore || kind == ColumnKind::Unmapped ||
           kind == ColumnKind::Address || kind == ColumnKind::ExternalId || kind == ColumnKind::BirthPart ||
           kind == ColumnKind::Aside;
  }
};

// The target of each column of `header` for a record type; the headers that
// map to nothing are added to `unmapped`. Throws UsageError for a --map to a
// field the type does not have.
std::vector<Target> plan_columns(const Schema& schema, const std::vector<std::string>& header,
                                 const std::vector<std::pair<std::string, std::string>>& map,
                                 std::vector<std::string>& unmapped);

// The target a field name gives (--map COL=FIELD); nullopt when the type has no such field.
std::optional<Target> mapped_target(const Schema& schema, const std::string& field);

}  // namespace crm::import
