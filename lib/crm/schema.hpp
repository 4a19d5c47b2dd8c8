// Record types as data: schemas/*.yaml (compiled in) plus the custom fields a
// store declares in .crm/config.yaml. One generic code path serves every type.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/error.hpp"
#include "crm/node.hpp"

namespace crm {

enum class FieldType {
  String,
  Text,
  Email,
  Phone,
  Url,
  Date,
  Datetime,
  When,
  Decimal,
  Money,
  Integer,
  Duration,
  Bool,
  Enum,
  List,
  Ref,
  Refs,
  Object
};

std::string_view field_type_name(FieldType t);

struct Field {
  std::string name;
  FieldType type = FieldType::String;
  bool required = false;
  std::string default_value;
  std::vector<std::string> values;     // enum: the allowed values
  std::vector<std::string> ref_types;  // ref/refs: the types referenced (empty: any)
  std::shared_ptr<Field> item;         // list: the type of each item
  std::vector<Field> fields;           // object: its fields
  std::optional<long long> min, max;   // integer: the range a write accepts
  std::string option;                  // add/set get --<option> for it ("" none)
  std::string help;
  bool custom = false;   // declared by the store, not built in
  bool no_year = false;  // date: may also be a day of the year without one (--MM-DD: a birthday)

  // Written unquoted (numbers, dates, bools) so other YAML readers see the type.
  bool is_typed_scalar() const;
  bool is_scalar() const;  // not list/refs/object
  const Field* subfield(std::string_view name) const;
};

struct Schema {
  std::string type;                  // "contact"
  std::string folder;                // "contacts"
  std::string title;                 // the field that names a record ("name", "title", "summary")
  std::vector<std::string> columns;  // table columns of `list`
  std::string sort;                  // default sort of `list`
  std::vector<Field> fields;

  const Field* field(std::string_view name) const;
  // A field by dotted path: "address.city".
  const Field* field_path(std::string_view path) const;
  std::vector<std::string> field_names() const;
};

// The built-in schemas, as compiled in from schemas/*.yaml (name, YAML text).
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_schemas();

// Parses a schema document; `source` names it in errors.
Schema parse_schema(const Node& doc, const std::string& source);
// Parses one field declaration (also used for custom fields in config.yaml).
Field parse_field(const Node& decl, const std::string& source);

// All record types of a store, in a fixed order.
class SchemaSet {
 public:
  static SchemaSet builtin();
  const Schema* find(std::string_view type) const;
  const Schema& get(std::string_view type) const;  // throws UsageError naming the types
  const Schema* by_folder(std::string_view folder) const;
  std::vector<Schema>& all() { return schemas_; }
  const std::vector<Schema>& all() const { return schemas_; }
  // Appends a custom field to a type; throws InvalidData on a clash.
  void add_custom_field(const std::string& type, Field field, const Location& where);
  // A type the store declares (.crm/schemas/<type>.yaml, parsed from `doc`,
  // `source` naming the file). It may not redefine a built-in type nor take
  // a name crm's commands use; its folder, title, columns, sort and options
  // must make sense. Throws InvalidData naming file:line:field.
  void add_declared(const Node& doc, const std::string& source, const std::string& file_type);
  // After every declared type is in: each reference names a type that exists.
  void check_declared_refs() const;
  bool is_declared(std::string_view type) const;

 private:
  static SchemaSet parse_builtin();
  std::vector<Schema> schemas_;
  std::vector<std::string> declared_, declared_sources_;  // the store's own types, and their files
};

}  // namespace crm
