// A record: its type and its data as an ordered map (id, fields, created,
// updated), with the schema-driven operations on it: canonical order,
// validation, parsing of typed-in values (JSON: render.hpp's record_object).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/dates.hpp"
#include "crm/error.hpp"
#include "crm/node.hpp"
#include "crm/schema.hpp"

namespace crm {

struct Record {
  std::string type;
  Node data = Node::map();  // id first, then fields; positions from the file when loaded
  std::string path;         // store-relative file, for messages: "contacts/<id>.yaml"

  std::string id() const { return data.get("id"); }
  // The scalar value of a field path ("name", "address.city"), "" when unset.
  std::string get(std::string_view path) const;
  const Node* find(std::string_view path) const;
};

// Lowercase letters and digits, 4 to 64 of them: safe as a file name.
bool is_valid_id(std::string_view id);
// A day of the year without one, as vCard writes a birthday: "--04-16".
bool is_no_year_date(std::string_view s);

// id, the schema's fields in schema order, then unknown fields and the
// created/updated stamps in the order the file has them (a new record gets
// its stamps last). Unset fields are dropped; typed scalars are marked plain
// so the writer leaves them unquoted.
Node canonical_data(const Node& data, const Schema& schema);
// The exact bytes of the record file.
std::string serialize_record(const Record& record, const Schema& schema);

// Every problem with the record's fields (types, enums, required, forms of
// ids); references are only checked for form here — the store checks they
// resolve. Each error names file, line, column and field.
std::vector<InvalidData> validate_record(const Record& record, const Schema& schema);

// Turns what a user typed for a field into its stored form: dates resolved
// ("tomorrow" → 2026-11-24), bools and enums normalised, lists from "a,b" or
// YAML flow "[a, b]", objects from YAML flow "{city: Paris}". Refs are left
// as typed: the store resolves names to ids. Throws InvalidData naming `label`.
Node parse_field_value(const Field& field, std::string_view text, const Clock& clock, const std::string& label);

// The message for a scalar that breaks its field type, or "" when it is fine.
std::string check_scalar(const Field& field, const std::string& text);

// What a write refuses but a read tolerates — so that a record an older crm
// wrote stays readable, and `crm check` reports it: a control character
// (C0, DEL, C1) in any field, except tab and line feed in text fields and in
// fields the schema does not know; an integer outside its field's min/max; a
// duration that is not a positive length of time. The message, or "".
std::string check_written_scalar(const Field& field, const std::string& text);
// Those checks over a whole record, each error naming file, line and field.
std::vector<InvalidData> check_written_values(const Record& record, const Schema& schema);

// Plain decimal digits as every reader takes them: no leading zero, within 64 bits.
bool valid_integer(std::string_view s);

}  // namespace crm
