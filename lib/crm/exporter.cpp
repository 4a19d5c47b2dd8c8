#include "crm/exporter.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "crm/csv.hpp"
#include "crm/derived_fields.hpp"
#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/ical.hpp"
#include "crm/json.hpp"
#include "crm/render.hpp"
#include "crm/segments.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"
#include "crm/vcard.hpp"

namespace crm {

namespace {

bool is_object_list(const Field& f) { return f.type == FieldType::List && f.item && f.item->type == FieldType::Object; }

std::vector<std::string> ids_in(const Node* n) {
  std::vector<std::string> ids;
  if (!n) return ids;
  if (n->is_scalar() && !n->text.empty()) ids.push_back(n->text);
  for (const Node& i : n->items) ids.push_back(i.text);
  return ids;
}

// "vip, \"Smith, Jones\"": an item holding a comma or a quote is quoted, so
// that `crm import csv` splits the list where it was joined.
std::string list_text(const Node* n) {
  if (!n || !n->is_sequence()) return n && n->is_scalar() ? n->text : "";
  std::vector<std::string> parts;
  for (const Node& i : n->items) {
    if (i.text.find_first_of(",\"") == std::string::npos && trim(i.text) == i.text) {
      parts.push_back(i.text);
      continue;
    }
    std::string q = "\"";
    for (char c : i.text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    parts.push_back(q + "\"");
  }
  return join(parts, ", ");
}

// phones: "+44 20 7946 0018 (mobile); 0207 946 0019 (work)"
std::string phones_text(const Node* n) {
  if (!n || !n->is_sequence()) return "";
  std::vector<std::string> parts;
  for (const Node& p : n->items) {
    std::string kind = p.get("kind");
    parts.push_back(p.get("number") + (kind.empty() ? "" : " (" + kind + ")"));
  }
  return join(parts, "; ");
}

struct Loaded {
  std::map<std::string, std::vector<Record>> by_type;
  std::map<std::string, std::string> names;  // id → title
};

Loaded load_store(const Store& store) {
  Loaded l;
  for (const Schema& s : store.schemas().all()) {
    std::vector<Record> records = store.load_all(s).records;
    for (const Record& r : records) l.names[r.id()] = r.get(s.title);
    l.by_type[s.type] = std::move(records);
  }
  return l;
}

}  // namespace

std::vector<std::string> csv_export_columns(const Schema& schema) {
  std::vector<std::string> cols = {"id"};
  for (const Field& f : schema.fields) {
    if (f.type == FieldType::Ref) {
      cols.push_back(f.name);
      cols.push_back(f.name + "_id");
    } else if (f.type == FieldType::Refs) {
      cols.push_back(f.name);
      cols.push_back(f.name + "_ids");
    } else if (f.type == FieldType::Object) {
      for (const Field& sub : f.fields) cols.push_back(f.name + "." + sub.name);
    } else if (is_object_list(f) && f.name != "phones") {
      continue;  // stage_history: history, not a spreadsheet column
    } else {
      cols.push_back(f.name);
    }
  }
  cols.push_back("created");
  cols.push_back("updated");
  return cols;
}

std::string export_records(const Store& store, const ExportRequest& req) {
  static const char* const kFormats[] = {"json", "jsonl", "csv", "vcard", "ical"};  // ledger, beancount: ledger.hpp
  if (std::none_of(std::begin(kFormats), std::end(kFormats), [&](const char* f) { return req.format == f; }))
    throw UsageError("unknown export format \"" + req.format + "\"" +
                     did_you_mean(req.format, {"json", "jsonl", "csv", "vcard", "ical", "ledger", "beancount"}) +
                     " (json, jsonl, csv, vcard, ical, ledger, beancount)");
  const SchemaSet& schemas = store.schemas();
  std::vector<std::string> types;
  if (!req.type.empty()) {
    schemas.get(req.type);  // UsageError naming the types
    types.push_back(req.type);
  } else if (req.format == "csv") {
    throw UsageError("csv export is one type at a time: give --type (contact, company, lead, deal, task, activity)");
  } else if (req.format == "vcard") {
    types = {"contact", "company"};
  } else if (req.format == "ical") {
    types = {"task", "activity"};
  } else {
    for (const Schema& s : schemas.all()) types.push_back(s.type);
  }
  if (req.format == "vcard")
    for (const std::string& t : types)
      if (t != "contact" && t != "company") throw UsageError("vCard holds contacts and companies, not " + t + "s");
  if (req.format == "ical")
    for (const std::string& t : types)
      if (t != "task" && t != "activity") throw UsageError("iCalendar holds tasks and activities, not " + t + "s");
  if (req.vcard_version != "4.0" && req.vcard_version != "3.0")
    throw UsageError("vCard version " + req.vcard_version + ": 4.0 or 3.0");

  Loaded loaded = load_store(store);
  NameOf name_of = [&](const std::string& id) {
    auto it = loaded.names.find(id);
    return it == loaded.names.end() ? std::string() : it->second;
  };

  // The records of each type the filter selects. With no --type, a type the
  // filter cannot apply to (it names a field the type lacks) is left out.
  std::vector<std::pair<const Schema*, std::vector<const Record*>>> selected;
  std::optional<UsageError> first_error;
  for (const std::string& t : types) {
    const Schema& schema = schemas.get(t);
    const Schema valued = with_derived_fields(schema);  // revenue>1000, breached=true: read, not exported
    Filter filter;
    if (!req.filter.empty()) {
      try {
        filter = parse_store_filter(store, req.filter, valued);
      } catch (const UsageError& e) {
        if (!req.type.empty()) throw;
        if (!first_error) first_error = e;
        continue;
      }
    }
    std::vector<const Record*> picked;
    const std::vector<Record>& records = loaded.by_type[t];
    std::vector<bool> selected_here = select_with_derived(store, schema, filter, records, name_of);
    for (size_t i = 0; i < records.size(); ++i)
      if (selected_here[i]) picked.push_back(&records[i]);
    selected.emplace_back(&schema, std::move(picked));
  }
  if (selected.empty() && first_error) throw *first_error;

  if (req.format == "json" || req.format == "jsonl") {
    // The records as show prints them, whatever their types, each made as it is written.
    std::vector<std::pair<const Schema*, const Record*>> all;
    for (const auto& [schema, records] : selected)
      for (const Record* r : records) all.emplace_back(schema, r);
    Table t;
    t.lazy_count = all.size();
    t.object_at = [&all](size_t i) { return record_object(*all[i].second, *all[i].first); };
    OutputOptions o;
    o.format = req.format == "jsonl" ? Format::Jsonl : Format::Json;
    return render(t, o);
  }

  if (req.format == "csv") {
    const Schema& schema = *selected.front().first;
    std::vector<std::string> cols = csv_export_columns(schema);
    std::vector<std::vector<std::string>> rows = {cols};
    for (const Record* r : selected.front().second) {
      std::vector<std::string> row;
      for (const std::string& c : cols) {
        const Field* f = schema.field_path(c);
        std::string cell;
        if (c == "id") {
          cell = r->id();
        } else if (f) {
          const Node* n = r->find(c);
          if (f->type == FieldType::Ref || f->type == FieldType::Refs) {
            std::vector<std::string> names;
            for (const std::string& id : ids_in(n)) {
              std::string nm = name_of(id);
              names.push_back(nm.empty() ? id : nm);
            }
            cell = join(names, ", ");
          } else if (f->name == "phones") {
            cell = phones_text(n);
          } else {
            cell = list_text(n);
          }
        } else if (ends_with(c, "_id") || ends_with(c, "_ids")) {
          cell = join(ids_in(r->find(c.substr(0, c.rfind('_')))), ", ");
        } else {
          cell = r->get(c);  // created, updated
        }
        row.push_back(cell);
      }
      rows.push_back(std::move(row));
    }
    return write_csv(rows, req.raw);
  }

  if (req.format == "vcard") {
    std::string out;
    VcardWriteOptions o;
    o.version = req.vcard_version;
    // Companies first: an import then links each contact's ORG to its card.
    for (const char* t : {"company", "contact"})
      for (const auto& [schema, records] : selected)
        if (schema->type == t)
          for (const Record* r : records) out += write_vcard(*r, *schema, name_of, o);
    return out;
  }

  // ical
  std::vector<const Record*> all;
  for (const auto& [schema, records] : selected) all.insert(all.end(), records.begin(), records.end());
  return write_ical(all, name_of, store.clock());
}

}  // namespace crm
