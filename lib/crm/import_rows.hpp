// Import: the rows of a file as field values. A CSV line (its columns
// planned by import_headers), a vCard card or a JSON object becomes an
// Incoming: the values in stored form, the references by name, the column
// each value came from, notes, or why the row fails.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "crm/import_request.hpp"
#include "crm/store.hpp"

namespace crm::import {

constexpr size_t kMaxImportBytes = size_t(512) << 20;  // 512 MiB

// What Incoming::column_of names, for messages: `column "X"` of a CSV, a vCard property, a JSON field.
enum class Origin { Column, Property, Field };

struct RefText {
  std::string field;   // company, contacts, related, with
  std::string column;  // where it came from, for messages
  std::vector<std::string> values;
  bool by_id = false;
};

struct Incoming {
  std::string type;
  std::string file;
  int line = 0;
  std::string id;                                // an id given (JSON, an id column, a vCard UID that is one)
  Node fields = Node::map();                     // field → value in stored form
  std::map<std::string, std::string> column_of;  // field → the column (or property) it came from
  std::vector<RefText> refs;                     // references by name, email or id, resolved against the store
  std::vector<std::string> notes;                // what the row result should say
  std::vector<std::string> kept;                 // values set aside, "COLUMN: value": the record's import_notes
  std::vector<std::string> external_ids;         // another system's ids for the record (a UID, a CSV Id)
  std::string error;                             // the row fails (or is skipped) with this
  bool skip = false;                             // error says why it is skipped, not failed
  bool replace = false;                          // JSON: values replace lists and nulls unset
  std::vector<std::string> unset;                // JSON nulls
  std::string stage;                             // deal: the stage to move to
  bool keep_created = false;                     // JSON: the record's own `created`
  std::string work_email;                        // the email whose domain may name the company (not a home one)
  Origin origin = Origin::Column;                // what column_of names
};

struct EmailIn {
  std::string address;
  bool pref = false;
  std::string kind;  // work home "" (from the column, label or TYPE)
  std::string column;
};

struct PhoneIn {
  std::string number, kind;
  bool pref = false;
  std::string column;
};

// One address of a row: a group of columns (Outlook's Business …, Home …) or an ADR.
struct AddressIn {
  int rank = 1;       // the lowest non-empty one fills the address: 0 preferred, 1 work, 2 home, 3 other
  std::string label;  // what the others are kept as: "Home Address", "ADR (home)"
  std::string column;
  std::string po_box, extended, street, city, region, postal_code, country;
  bool empty() const { return (po_box + extended + street + city + region + postal_code + country).empty(); }
};

// The parts of a person (or company) a row gives, put into fields at the end.
struct PersonParts {
  std::string first, middle, last, nickname;
  std::string organisation;  // the company named, which names a row without a name
  std::vector<EmailIn> emails;
  std::vector<PhoneIn> phones;
  std::vector<AddressIn> addresses;
  std::string work_email;  // set by finish: the email a company's domain comes from

  void add_email(const std::string& address, bool pref, const std::string& kind, const std::string& column);
  void add_phone(const std::string& number, const std::string& kind, bool pref, const std::string& column);
  void finish(Incoming& in, const Schema& schema);
};

std::vector<Incoming> read_csv_rows(const Store& store, const ImportRequest& req, const Schema& schema,
                                    const std::string& file, const std::string& text, ImportResult& result);
// crm's own JSON: an array of {id, type, fields…}, one object, or JSONL.
std::vector<Incoming> read_json_rows(const Store& store, const ImportRequest& req, const std::string& file,
                                     const std::string& text, bool lines);
std::vector<Incoming> read_vcard_rows(const Store& store, const ImportRequest& req, const std::string& file,
                                      const std::string& text);

}  // namespace crm::import
