#include "crm/schema.hpp"

#include <algorithm>

#include "crm/error.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

const std::pair<FieldType, std::string_view> kTypeNames[] = {
    {FieldType::String, "string"},     {FieldType::Text, "text"},       {FieldType::Email, "email"},
    {FieldType::Phone, "phone"},       {FieldType::Url, "url"},         {FieldType::Date, "date"},
    {FieldType::Datetime, "datetime"}, {FieldType::When, "when"},       {FieldType::Decimal, "decimal"},
    {FieldType::Money, "money"},       {FieldType::Integer, "integer"}, {FieldType::Duration, "duration"},
    {FieldType::Bool, "bool"},         {FieldType::Enum, "enum"},       {FieldType::List, "list"},
    {FieldType::Ref, "ref"},           {FieldType::Refs, "refs"},       {FieldType::Object, "object"},
};

const char* const kTypeOrder[] = {"contact", "company", "lead",  "deal",    "task",    "activity",
                                  "ticket",  "product", "order", "segment", "campaign"};

InvalidData bad(const std::string& source, const Node& at, const std::string& field, const std::string& msg) {
  return InvalidData(Location{source, at.line, at.column, field}, msg);
}

std::vector<std::string> string_list(const Node& n, const std::string& source, const std::string& what) {
  std::vector<std::string> out;
  if (n.is_scalar()) return {n.text};
  if (!n.is_sequence()) throw bad(source, n, what, "expected a list");
  for (const Node& item : n.items) {
    if (!item.is_scalar()) throw bad(source, item, what, "expected a list of names");
    out.push_back(item.text);
  }
  return out;
}

bool valid_field_name(std::string_view name) {
  if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

std::string_view field_type_name(FieldType t) {
  for (const auto& [type, name] : kTypeNames)
    if (type == t) return name;
  return "?";
}

bool Field::is_typed_scalar() const {
  switch (type) {
    case FieldType::Date:
    case FieldType::Datetime:
    case FieldType::When:
    case FieldType::Decimal:
    case FieldType::Money:
    case FieldType::Integer:
    case FieldType::Bool:
      return true;
    default:
      return false;
  }
}

bool Field::is_scalar() const {
  return type != FieldType::List && type != FieldType::Refs && type != FieldType::Object;
}

const Field* Field::subfield(std::string_view n) const {
  for (const Field& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

const Field* Schema::field(std::string_view name) const {
  for (const Field& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

const Field* Schema::field_path(std::string_view path) const {
  auto parts = split(path, '.');
  const Field* f = field(parts[0]);
  for (size_t i = 1; f && i < parts.size(); ++i) f = f->type == FieldType::Object ? f->subfield(parts[i]) : nullptr;
  return f;
}

std::vector<std::string> Schema::field_names() const {
  std::vector<std::string> out;
  for (const Field& f : fields) out.push_back(f.name);
  return out;
}

Field parse_field(const Node& decl, const std::string& source) {
  if (!decl.is_map()) throw bad(source, decl, "fields", "a field is a map with name and type");
  Field f;
  f.name = decl.get("name");
  if (!valid_field_name(f.name))
    throw bad(source, decl, "name", "\"" + f.name + "\" is not a field name (lowercase letters, digits, _)");
  std::string type = decl.get("type");
  if (type.empty()) type = "string";
  auto it = std::find_if(std::begin(kTypeNames), std::end(kTypeNames), [&](auto& p) { return p.second == type; });
  if (it == std::end(kTypeNames)) {
    std::vector<std::string> names;
    for (auto& p : kTypeNames) names.emplace_back(p.second);
    throw bad(source, *decl.find("type"), f.name, "unknown type \"" + type + "\" (one of " + join(names, ", ") + ")");
  }
  f.type = it->first;
  f.required = decl.get("required") == "true";
  f.default_value = decl.get("default");
  f.help = decl.get("help");
  f.no_year = decl.get("no_year") == "true";
  if (const Node* opt = decl.find("option")) {
    // close_date → --close-date: options use dashes, fields underscores.
    f.option = opt->text == "true" ? f.name : opt->text;
    std::replace(f.option.begin(), f.option.end(), '_', '-');
  }
  for (auto [key, bound] : {std::pair{"min", &f.min}, std::pair{"max", &f.max}}) {
    const Node* n = decl.find(key);
    if (!n) continue;
    if (f.type != FieldType::Integer) throw bad(source, *n, f.name, std::string(key) + " is for integer fields");
    std::string t = n->is_scalar() ? n->text : "";
    bool digits = !t.empty() && t.size() <= 18 &&
                  t.find_first_not_of("0123456789", t[0] == '-' ? 1 : 0) == std::string::npos && t != "-";
    if (!digits)
      throw bad(source, *n, f.name, std::string(key) + ": \"" + escape_for_terminal(t) + "\" is not a whole number");
    *bound = std::stoll(t);
  }
  if (f.min && f.max && *f.min > *f.max) throw bad(source, decl, f.name, "min is above max");
  if (const Node* v = decl.find("values")) f.values = string_list(*v, source, f.name);
  if (f.type == FieldType::Enum && f.values.empty()) throw bad(source, decl, f.name, "an enum needs values");
  if (const Node* to = decl.find("to")) f.ref_types = string_list(*to, source, f.name);
  if (f.type == FieldType::List) {
    Node item_decl = Node::map();
    item_decl.set("name", Node::scalar(f.name));
    if (const Node* of = decl.find("of")) {
      if (of->is_map()) {
        item_decl = *of;
        item_decl.set("name", Node::scalar(f.name));
      } else {
        item_decl.set("type", Node::scalar(of->text));
      }
    }
    if (const Node* v = decl.find("values"); v && !decl.find("of")) item_decl.set("values", *v);
    f.item = std::make_shared<Field>(parse_field(item_decl, source));
  }
  if (f.type == FieldType::Object) {
    const Node* sub = decl.find("fields");
    if (!sub || !sub->is_sequence()) throw bad(source, decl, f.name, "an object needs fields");
    for (const Node& s : sub->items) f.fields.push_back(parse_field(s, source));
  }
  return f;
}

Schema parse_schema(const Node& doc, const std::string& source) {
  if (!doc.is_map()) throw InvalidData(Location{source, 1, 1, ""}, "a schema is a map");
  Schema s;
  s.type = doc.get("type");
  s.folder = doc.get("folder");
  s.title = doc.get("title");
  s.sort = doc.get("sort");
  if (const Node* c = doc.find("columns")) s.columns = string_list(*c, source, "columns");
  const Node* fields = doc.find("fields");
  if (!fields || !fields->is_sequence()) throw InvalidData(Location{source, 1, 1, "fields"}, "a schema needs fields");
  for (const Node& decl : fields->items) s.fields.push_back(parse_field(decl, source));
  return s;
}

SchemaSet SchemaSet::builtin() {
  // Parsed once per process: every command needs them, some twice.
  static const SchemaSet parsed = parse_builtin();
  return parsed;
}

SchemaSet SchemaSet::parse_builtin() {
  SchemaSet set;
  for (const char* type : kTypeOrder) {
    for (const auto& [name, text] : embedded_schemas()) {
      if (name != type) continue;
      std::string source = "schemas/" + std::string(name) + ".yaml";
      set.schemas_.push_back(parse_schema(parse_yaml(text, source), source));
    }
  }
  return set;
}

const Schema* SchemaSet::find(std::string_view type) const {
  for (const Schema& s : schemas_)
    if (s.type == type) return &s;
  return nullptr;
}

const Schema& SchemaSet::get(std::string_view type) const {
  if (const Schema* s = find(type)) return *s;
  std::vector<std::string> names;
  for (const Schema& s : schemas_) names.push_back(s.type);
  throw UsageError("unknown record type \"" + std::string(type) + "\"" + did_you_mean(type, names) + " (one of " +
                   join(names, ", ") + ")");
}

const Schema* SchemaSet::by_folder(std::string_view folder) const {
  for (const Schema& s : schemas_)
    if (s.folder == folder) return &s;
  return nullptr;
}

namespace {

// Words a declared type cannot be: crm's own commands, and the nouns crm
// ships or will (product.md, Part two).
const char* const kReservedTypes[] = {
    "log",   "agenda", "report",     "import", "export",     "dedupe", "merge",   "init",    "sync",    "undo",
    "check", "config", "completion", "git",    "help",       "ticket", "product", "order",   "segment", "campaign",
    "mail",  "rules",  "capture",    "serve",  "mutt-query", "lead",   "record",  "records", "type",    "all"};

bool is_type_word(const std::string& t) {
  if (t.empty() || t.size() > 32 || t[0] < 'a' || t[0] > 'z') return false;
  return std::all_of(t.begin(), t.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

}  // namespace

bool SchemaSet::is_declared(std::string_view type) const {
  for (const std::string& t : declared_)
    if (t == type) return true;
  return false;
}

void SchemaSet::add_declared(const Node& doc, const std::string& source, const std::string& file_type) {
  if (!doc.is_map())
    throw InvalidData(Location{source, doc.line, doc.column, ""}, "a schema is a map (type, folder, title, fields)");
  auto at = [&](const char* key) {
    const Node* n = doc.find(key);
    return Location{source, n ? n->line : doc.line, n ? n->column : doc.column, key};
  };
  std::string type = doc.get("type");
  if (type.empty()) throw InvalidData(at("type"), "a declared type needs `type: " + file_type + "`");
  if (type != file_type)
    throw InvalidData(at("type"), "\"" + escape_for_terminal(type) + "\" in a file named " + file_type +
                                      ".yaml: name the file after its type");
  if (!is_type_word(type))
    throw InvalidData(
        at("type"), "\"" + escape_for_terminal(type) + "\" is not a type name (a lowercase word: letters, digits, _)");
  for (const Schema& s : schemas_)
    if (s.type == type)
      throw InvalidData(at("type"), "\"" + type + "\" is " +
                                        (is_declared(type) ? "declared twice" : "a built-in type") +
                                        "; a store may not redefine it (add fields to a built-in type under fields: in "
                                        ".crm/config.yaml)");
  for (const char* r : kReservedTypes)
    if (type == r)
      throw InvalidData(at("type"),
                        "\"" + type + "\" is a name crm uses for its own commands or types; choose another");
  Schema s = parse_schema(doc, source);
  if (s.folder.empty()) s.folder = type + "s";
  if (!is_type_word(s.folder))
    throw InvalidData(at("folder"),
                      "\"" + escape_for_terminal(s.folder) + "\" is not a folder name (a lowercase word)");
  for (const Schema& o : schemas_)
    if (o.folder == s.folder) throw InvalidData(at("folder"), "folder " + s.folder + " is " + o.type + "'s");
  for (const Field& f : s.fields) {
    if (f.name == "id" || f.name == "created" || f.name == "updated" || f.name == "type" || f.name == "related_records")
      throw InvalidData(at("fields"), "field \"" + f.name + "\" is crm's own (id, type, created, updated)");
    if (std::count_if(s.fields.begin(), s.fields.end(), [&](const Field& g) { return g.name == f.name; }) > 1)
      throw InvalidData(at("fields"), "field \"" + f.name + "\" is declared twice");
    static const char* const kTaken[] = {"set", "from",  "sort", "limit", "fields", "unset",
                                         "tag", "untag", "yes",  "force", "help"};
    for (const char* o : kTaken)
      if (f.option == o)
        throw InvalidData(at("fields"), f.name + ": option --" + f.option + " is one every verb has; choose another");
  }
  if (s.title.empty()) s.title = s.field("name") ? "name" : "";
  if (s.title.empty() || !s.field(s.title))
    throw InvalidData(at("title"), s.title.empty() ? "a declared type needs `title:`, the field that names a record"
                                                   : "title: \"" + s.title + "\" is not one of its fields");
  if (s.columns.empty()) s.columns = {s.title};
  for (const std::string& c : s.columns)
    if (!s.field_path(c)) throw InvalidData(at("columns"), "column \"" + c + "\" is not one of its fields");
  if (s.sort.empty()) s.sort = s.title;
  std::string sort_field = s.sort.substr(0, s.sort.find(':'));
  if (!s.field_path(sort_field) && sort_field != "created" && sort_field != "updated")
    throw InvalidData(at("sort"), "sort: \"" + sort_field + "\" is not one of its fields");
  declared_.push_back(type);
  declared_sources_.push_back(source);
  schemas_.push_back(std::move(s));
}

void SchemaSet::check_declared_refs() const {
  for (size_t i = 0; i < declared_.size(); ++i) {
    const Schema& s = get(declared_[i]);
    for (const Field& f : s.fields)
      for (const std::string& t : f.ref_types)
        if (!find(t)) {
          std::vector<std::string> names;
          for (const Schema& o : schemas_) names.push_back(o.type);
          throw InvalidData(
              Location{declared_sources_[i], 0, 0, f.name},
              "refers to unknown type \"" + t + "\"" + did_you_mean(t, names) + " (one of " + join(names, ", ") + ")");
        }
  }
}

void SchemaSet::add_custom_field(const std::string& type, Field field, const Location& where) {
  Schema* schema = nullptr;
  for (Schema& s : schemas_)
    if (s.type == type) schema = &s;
  Location at = where;
  at.field = "fields." + type;
  if (!schema) throw InvalidData(at, "unknown record type \"" + type + "\"");
  // id, type and related are keys of the JSON shape; created/updated are stamps.
  if (schema->field(field.name) || field.name == "id" || field.name == "created" || field.name == "updated" ||
      field.name == "type" || field.name == "related")
    throw InvalidData(at, "custom field \"" + field.name + "\" clashes with a built-in field");
  field.custom = true;
  schema->fields.push_back(std::move(field));
}

}  // namespace crm
