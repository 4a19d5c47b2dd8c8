#include "crm/importer.hpp"

#include <algorithm>
#include <iterator>

#include "crm/atomic_file.hpp"
#include "crm/automation_settings.hpp"
#include "crm/charset.hpp"
#include "crm/error.hpp"
#include "crm/import_rows.hpp"
#include "crm/import_upsert.hpp"
#include "crm/import_values.hpp"
#include "crm/json.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

std::vector<std::pair<std::string, std::string>> parse_column_map(std::string_view text, const std::string& source) {
  Node doc = parse_yaml(text, source);
  std::vector<std::pair<std::string, std::string>> out;
  if (doc.is_null()) return out;
  if (!doc.is_map())
    throw InvalidData(Location{source, doc.line, doc.column, ""}, "a column map is \"Column Header: field\" lines");
  for (const auto& [k, v] : doc.entries) {
    if (!v.is_scalar() && !v.is_null())
      throw InvalidData(Location{source, v.line, v.column, k}, "expected a field name");
    out.emplace_back(k, v.is_null() ? "-" : v.text);
  }
  return out;
}

namespace {

// A file's bytes as UTF-8: --encoding, else a BOM, else UTF-16 by its NUL
// bytes, else UTF-8 when it is, else what uchardet says. vCards that are
// 8-bit but not UTF-16 are left to the vCard reader, which decodes each
// property by its CHARSET (2.1: Windows-1252).
std::string decode_file(const std::string& bytes, const ImportRequest& req, const std::string& name) {
  std::string_view body = bytes;
  std::string encoding = req.encoding;
  if (encoding.empty()) {
    encoding = detect_encoding(body);
    if (encoding == "UTF-8" || (req.format == "vcard" && !starts_with(encoding, "UTF-16"))) {
      if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
      return std::string(body);
    }
  }
  std::string upper = to_upper_label(encoding);
  if ((upper == "UTF-16LE" || upper == "UTF-16") && body.size() >= 2 && body.substr(0, 2) == "\xFF\xFE")
    body.remove_prefix(2);
  if ((upper == "UTF-16BE" || upper == "UTF-16") && body.size() >= 2 && body.substr(0, 2) == "\xFE\xFF")
    body.remove_prefix(2);
  if (upper == "UTF-8" && body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  if (encoding.empty()) {
    size_t bad = find_invalid_utf8(body);
    throw InvalidData(Location{name, line_column(body, bad).first, 0, ""},
                      "is not UTF-8, and its encoding could not be told (give --encoding, e.g. windows-1252)");
  }
  size_t bad = 0;
  if (auto text = to_utf8(body, upper, &bad)) {
    if (text->size() >= 3 && text->substr(0, 3) == "\xEF\xBB\xBF") text->erase(0, 3);
    return *text;
  }
  // The line of the first byte that is not of the encoding: count the line
  // breaks of what decodes before it.
  int line = 1;
  if (auto before = to_utf8(body.substr(0, std::min(bad, body.size())), upper))
    line = static_cast<int>(std::count(before->begin(), before->end(), '\n')) + 1;
  throw InvalidData(Location{name, line, 0, ""}, "is not " + upper +
                                                     (req.encoding.empty() ? " (as detected; give --encoding)" : "") +
                                                     ": a byte here does not decode");
}

}  // namespace

std::string decode_import_text(const std::string& bytes, const std::string& encoding, const std::string& name) {
  ImportRequest req;
  req.format = "csv";
  req.encoding = encoding;
  return decode_file(bytes, req, name);
}

ImportResult import_records(Writer& writer, const ImportRequest& req) {
  const Store& store = writer.store();
  static const char* const kFormats[] = {"csv", "vcard", "json", "jsonl"};
  if (std::none_of(std::begin(kFormats), std::end(kFormats), [&](const char* f) { return req.format == f; }))
    throw UsageError("unknown import format " + import::qt(req.format) + " (csv, vcard, json, jsonl)");
  if (req.mode != "create" && req.mode != "update" && req.mode != "upsert")
    throw UsageError("unknown --mode " + import::qt(req.mode) + " (create, update, upsert)");
  if (req.files.empty()) throw UsageError("no file to import");
  std::string type = req.type;
  if (type.empty() && (req.format == "csv" || req.format == "vcard")) type = "contact";
  if (!type.empty()) {
    const Schema& schema = store.schemas().get(type);  // UsageError naming the types
    const std::string& m = req.match;
    if (m == "email" && !schema.field("email")) throw UsageError("--match email: a " + type + " has no email");
    if (m == "domain" && !schema.field("domain")) throw UsageError("--match domain: a " + type + " has no domain");
    if (!m.empty() && m != "id" && m != "email" && m != "domain" && m != "name" && !schema.field_path(m))
      throw UsageError("--match " + m + ": a " + type + " has no field " + m);
  }
  if (req.format == "vcard" && !type.empty() && type != "contact" && type != "company" && type != "lead")
    throw UsageError("vCard cards import as contacts, companies or leads, not as " + type);

  ImportRequest effective = req;
  effective.type = req.format == "csv" ? type : req.type;
  ImportResult result;
  std::vector<import::Incoming> rows;
  for (const std::string& file : req.files) {
    std::string name = file == "-" ? "<stdin>" : file;
    std::string bytes = file == "-" ? req.stdin_text : read_file(file, import::kMaxImportBytes, /*follow_links=*/true);
    std::string text = decode_file(bytes, req, name);
    std::vector<import::Incoming> got;
    if (req.format == "csv") {
      got = import::read_csv_rows(store, effective, store.schemas().get(type), name, text, result);
    } else if (req.format == "vcard") {
      got = import::read_vcard_rows(store, effective, name, text);
    } else {
      got = import::read_json_rows(store, effective, name, text, req.format == "jsonl");
      // A lead's score under scoring: is the engine's: left out, said once (as a CSV column is).
      for (import::Incoming& in : got) {
        if (in.type != "lead" || !score_is_computed(store.config())) continue;
        bool had = in.fields.find("score") || std::count(in.unset.begin(), in.unset.end(), "score");
        in.fields.erase("score");
        in.unset.erase(std::remove(in.unset.begin(), in.unset.end(), "score"), in.unset.end());
        if (had && std::count(result.computed_columns.begin(), result.computed_columns.end(), "score") == 0)
          result.computed_columns.push_back("score");
      }
    }
    for (import::Incoming& in : got) rows.push_back(std::move(in));
  }
  // Companies first: a contact row then links the company its file also holds
  // (a KIND:org card, a company object) instead of making another.
  std::stable_partition(rows.begin(), rows.end(), [](const import::Incoming& in) { return in.type == "company"; });

  import::upsert_rows(writer, effective, rows, result);
  // Rows in file order, whatever order they were processed in.
  auto file_index = [&](const std::string& f) {
    for (size_t i = 0; i < req.files.size(); ++i)
      if (req.files[i] == f || (req.files[i] == "-" && f == "<stdin>")) return i;
    return req.files.size();
  };
  std::stable_sort(result.rows.begin(), result.rows.end(), [&](const ImportRowResult& a, const ImportRowResult& b) {
    size_t fa = file_index(a.file), fb = file_index(b.file);
    return fa != fb ? fa < fb : a.line < b.line;
  });
  for (const ImportRowResult& r : result.rows) {
    switch (r.action) {
      case RowAction::Created:
        ++result.created;
        break;
      case RowAction::Updated:
        ++result.updated;
        break;
      case RowAction::Unchanged:
        ++result.unchanged;
        break;
      case RowAction::Skipped:
        ++result.skipped;
        break;
      case RowAction::Failed:
        ++result.failed;
        break;
    }
  }
  return result;
}

std::string import_summary(const ImportResult& r) {
  return std::to_string(r.created) + " created, " + std::to_string(r.updated) + " updated, " +
         std::to_string(r.unchanged) + " unchanged, " + std::to_string(r.skipped) + " skipped, " +
         std::to_string(r.failed) + " failed";
}

Json import_result_object(const ImportResult& r) {
  Json o = Json::object();
  o["created"] = r.created;
  o["updated"] = r.updated;
  o["unchanged"] = r.unchanged;
  o["skipped"] = r.skipped;
  o["failed"] = r.failed;
  o["rows"] = Json::array();
  for (const ImportRowResult& x : r.rows) {
    Json row = Json::object();
    row["action"] = to_string(x.action);
    row["type"] = x.type;
    row["id"] = x.id.empty() ? Json(nullptr) : Json(x.id);
    row["name"] = x.name;
    row["file"] = x.file;
    row["line"] = x.line;
    row["reason"] = x.reason.empty() ? Json(nullptr) : Json(x.reason);
    o["rows"].push_back(row);
  }
  o["unmapped_columns"] = r.unmapped_columns;
  return o;
}

}  // namespace crm
