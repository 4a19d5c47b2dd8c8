#include "crm/render.hpp"

#include <algorithm>

#include "crm/decimal.hpp"
#include "crm/json.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

std::vector<std::string> default_columns(const Schema& schema, Format format) {
  std::vector<std::string> cols;
  if (format == Format::Table || format == Format::Html) return schema.columns;
  // CSV/TSV: one column per object subfield ("address.city"), so the cells stay atomic.
  for (const Field& f : schema.fields) {
    if (f.type == FieldType::Object) {
      for (const Field& sub : f.fields) cols.push_back(f.name + "." + sub.name);
    } else {
      cols.push_back(f.name);
    }
  }
  cols.push_back("created");
  cols.push_back("updated");
  return cols;
}

std::string node_text(const Node& n, std::string_view sep) {
  switch (n.kind) {
    case Node::Kind::Null:
      return "";
    case Node::Kind::Scalar:
      return n.text;
    case Node::Kind::Sequence: {
      std::vector<std::string> parts;
      for (const Node& i : n.items) {
        if (i.is_map() && !i.entries.empty()) {
          // {number: "+44…", kind: mobile} → "+44… (mobile)"
          std::vector<std::string> rest;
          for (size_t k = 1; k < i.entries.size(); ++k)
            if (!i.entries[k].second.empty()) rest.push_back(node_text(i.entries[k].second, sep));
          parts.push_back(node_text(i.entries[0].second, sep) + (rest.empty() ? "" : " (" + join(rest, ", ") + ")"));
        } else {
          parts.push_back(node_text(i, sep));
        }
      }
      return join(parts, sep);
    }
    case Node::Kind::Map: {
      std::vector<std::string> parts;
      for (const auto& [k, v] : n.entries)
        if (!v.empty()) parts.push_back(k + ": " + node_text(v, sep));
      return join(parts, sep);
    }
  }
  return "";
}

}  // namespace

std::string cell_text(const Record& r, const std::string& field, const Schema& schema, const NameOf& name_of,
                      std::string_view sep) {
  const Node* n = r.find(field);
  if (!n) return "";
  const Field* f = schema.field_path(field);
  if (f && name_of && (f->type == FieldType::Ref || f->type == FieldType::Refs)) {
    std::vector<std::string> names;
    std::vector<std::string> ids;
    if (n->is_scalar()) ids.push_back(n->text);
    for (const Node& i : n->items) ids.push_back(i.text);
    for (const std::string& id : ids) {
      std::string name = name_of(id);
      names.push_back(name.empty() ? id : name);
    }
    return join(names, sep);
  }
  return node_text(*n, sep);
}

Json value_object(const Node& v, const Field* f) {
  if (!f) return json_of_node(v);
  switch (f->type) {
    case FieldType::List:
    case FieldType::Refs: {
      if (!v.is_sequence()) return json_of_node(v);
      Json a = Json::array();
      for (const Node& i : v.items) a.push_back(value_object(i, f->type == FieldType::List ? f->item.get() : nullptr));
      return a;
    }
    case FieldType::Object: {
      if (!v.is_map()) return json_of_node(v);
      Json o = Json::object();
      for (const auto& [k, x] : v.entries) o[k] = value_object(x, f->subfield(k));
      return o;
    }
    case FieldType::Integer:
      return v.is_scalar() && valid_integer(v.text) ? exact_number(v.text) : json_of_node(v);
    case FieldType::Decimal:
    case FieldType::Money:
      // The places as written ("12000.50") when that is a JSON number already.
      if (v.is_scalar() && is_json_number(v.text)) return exact_number(v.text);
      if (auto d = v.is_scalar() ? Decimal::parse(v.text) : std::nullopt) return exact_number(*d);
      return json_of_node(v);
    case FieldType::Bool:
      return v.is_scalar() && (v.text == "true" || v.text == "false") ? Json(v.text == "true") : json_of_node(v);
    default:
      return v.is_scalar() ? Json(v.text) : json_of_node(v);
  }
}

Json record_object(const Record& r, const Schema& schema, const std::vector<std::string>* only) {
  Node data = canonical_data(r.data, schema);
  Json o = Json::object();
  o["id"] = r.id();
  o["type"] = r.type;
  for (const auto& [k, v] : data.entries) {
    if (k == "id") continue;
    if (only && std::find(only->begin(), only->end(), k) == only->end()) continue;
    o[k] = value_object(v, schema.field(k));
  }
  return o;
}

namespace {

ColumnType column_type(const Field* f) {
  if (!f) return ColumnType::Text;
  switch (f->type) {
    case FieldType::Date:
      return ColumnType::Date;
    case FieldType::Datetime:
      return ColumnType::DateTime;
    case FieldType::When:
      return ColumnType::When;
    case FieldType::Money:
      return ColumnType::Money;
    case FieldType::Integer:  // right-aligned, as the reports' numbers
      return ColumnType::Count;
    case FieldType::Decimal:
      return ColumnType::Number;
    case FieldType::Phone:  // read whole or not at all
    case FieldType::Enum:
    case FieldType::Bool:
    case FieldType::Duration:
      return ColumnType::Word;
    default:
      return ColumnType::Text;
  }
}

}  // namespace

Table record_table(const std::vector<const Record*>& records, const Schema& schema, const RenderOptions& o) {
  const Format format = o.out.format;
  bool table = format == Format::Table || format == Format::Html;  // a person reads it
  std::vector<std::string> cols = o.fields.empty() ? default_columns(schema, format) : o.fields;
  Table t;
  t.name = schema.folder;  // html: the page's title ("contacts")
  t.empty_note = o.empty_note;
  t.columns.push_back({"id", "", ColumnType::Id, 0, 0});
  for (size_t i = 0; i < cols.size(); ++i) {
    const Field* f = schema.field_path(cols[i]);
    ColumnType type = table ? column_type(f) : ColumnType::Text;
    if (table && (cols[i] == "created" || cols[i] == "updated")) type = ColumnType::DateTime;
    // The record's name never goes; the others from the right.
    int drop = cols[i] == schema.title ? 0 : static_cast<int>(i) + 1;
    t.columns.push_back({cols[i], "", type, drop, 0});
  }
  // json, jsonl, yaml: whole records (or the --fields), each made as it is
  // written; the cells only for the formats that print them.
  if (format == Format::Json || format == Format::Jsonl || format == Format::Yaml) {
    const Schema* sp = &schema;
    std::vector<std::string> only = o.fields;
    t.lazy_count = records.size();
    t.object_at = [records, sp, only](size_t i) {
      return record_object(*records[i], *sp, only.empty() ? nullptr : &only);
    };
    t.node_at = [records, sp, only](size_t i) {
      Node data = canonical_data(records[i]->data, *sp);
      if (only.empty()) return data;
      Node picked = Node::map();
      picked.entries.push_back(data.entries.front());
      for (const std::string& f : only)
        if (const Node* v = data.find(f)) picked.set(f, *v);
      return picked;
    };
    return t;
  }
  for (const Record* r : records) {
    Row row;
    Cell id = Cell::of(r->id());
    if (table && o.short_ids) {
      auto it = o.short_ids->find(r->id());
      if (it != o.short_ids->end()) id.shown = it->second;
    }
    row.cells.push_back(id);
    for (size_t i = 0; i < cols.size(); ++i) {
      const std::string& c = cols[i];
      Cell cell = Cell::of(cell_text(*r, c, schema, table ? o.name_of : NameOf{}, table ? ", " : ","));
      if (table && t.columns[i + 1].type == ColumnType::Money && !cell.null) {
        if (auto d = Decimal::parse(cell.text)) {
          std::string text = cell.text;
          cell = Cell::money(*d, r->get("currency").empty() ? o.currency : r->get("currency"));
          cell.text = text;
        } else {
          cell.shown = cell.text;  // not a number: as it is (check reports it)
        }
      } else if (table && !cell.null &&
                 (t.columns[i + 1].type == ColumnType::Count || t.columns[i + 1].type == ColumnType::Number)) {
        // Right-aligned, shown as written: a year stays 2026, not 2,026;
        // 2.50 keeps its places. html's data-value is the same text.
        if (auto d = Decimal::parse(cell.text)) cell.number = *d;
        cell.shown = cell.text;
      }
      if (o.tone) cell.tone = o.tone(*r, c);
      row.cells.push_back(cell);
    }
    if (o.tone) row.tone = o.tone(*r, "");
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string render_list(const std::vector<const Record*>& records, const Schema& schema, const RenderOptions& o) {
  return render(record_table(records, schema, o), o.out);
}

std::string render_detail(const Record& r, const Schema& schema, const RenderOptions& o) {
  Node data = canonical_data(r.data, schema);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [k, v] : data.entries) {
    if (!o.fields.empty() && k != "id" && std::find(o.fields.begin(), o.fields.end(), k) == o.fields.end()) continue;
    const Field* f = schema.field(k);
    if (f && f->type == FieldType::Text) {
      std::string text = v.text;
      if (ends_with(text, "\n")) text.pop_back();
      std::vector<std::string> lines = split(text, '\n');
      for (size_t i = 0; i < lines.size(); ++i) pairs.emplace_back(i ? "" : k, lines[i]);
      continue;
    }
    std::string text = cell_text(r, k, schema, o.name_of);
    if (f && f->type == FieldType::Money) {
      // As reports show money: grouped, two places, with its currency.
      std::string currency = r.get("currency").empty() ? o.currency : r.get("currency");
      if (auto d = Decimal::parse(text)) text = (currency.empty() ? "" : currency + " ") + d->format(2);
    } else if (((f && (f->type == FieldType::Datetime || f->type == FieldType::When)) || k == "created" ||
                k == "updated") &&
               o.out.clock) {
      if (auto t = parse_iso_datetime(text)) text = o.out.clock->format_local(*t);
    }
    pairs.emplace_back(k, text);
  }
  return render_pairs(pairs, o.out);
}

}  // namespace crm
