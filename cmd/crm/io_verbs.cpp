// Data in and out: import, export, dedupe, merge.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "app.hpp"
#include "crm/atomic_file.hpp"
#include "crm/csv.hpp"
#include "crm/dedupe.hpp"
#include "crm/error.hpp"
#include "crm/exporter.hpp"
#include "crm/importer.hpp"
#include "crm/json.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"
#include "crm/yaml_io.hpp"

namespace crm::cli {

namespace fs = std::filesystem;

namespace {

// Records that do not load are left out of an export or a dedupe: say which,
// and exit 3, so that a backup is never silently short.
int report_unreadable(Context& ctx, const Store& store, const std::string& type) {
  for (const Schema& s : store.schemas().all()) {
    if (!type.empty() && s.type != type) continue;
    Store::Loaded loaded = store.load_all(s);
    for (const InvalidData& e : loaded.errors) ctx.report(e);
    for (const std::string& c : loaded.conflicts) ctx.report(Conflict(c));
  }
  return ctx.status;
}

}  // namespace

int cmd_import(Context& ctx, const ImportCliOptions& o) {
  Store& store = ctx.store();
  static const std::vector<std::string> kFormats = {"csv", "vcard", "json", "jsonl"};
  if (std::find(kFormats.begin(), kFormats.end(), o.format) == kFormats.end())
    throw UsageError("unknown import format \"" + o.format + "\" (one of csv, vcard, json, jsonl)");
  if (!o.type.empty()) store.schemas().get(o.type);  // UsageError naming the types
  if (o.mode != "create" && o.mode != "update" && o.mode != "upsert")
    throw UsageError("--mode is create, update or upsert, not \"" + o.mode + "\"");
  ImportRequest req;
  req.format = o.format;
  req.files = o.files;
  req.type = o.type;
  req.mode = o.mode;
  req.match = o.match;
  req.keep_unmapped = o.keep_unmapped;
  req.date_format = o.date_format;
  req.dry_run = o.dry_run;
  req.encoding = o.encoding;
  if (o.skip < -1) throw UsageError("--skip takes a number of lines (0 or more)");
  req.skip = o.skip;
  if (std::find(o.files.begin(), o.files.end(), "-") != o.files.end())
    req.stdin_text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  if (!o.delimiter.empty()) {
    std::string d = o.delimiter == "\\t" || o.delimiter == "tab" ? "\t" : o.delimiter;
    if (d.size() != 1) throw UsageError("--delimiter is one character (, ; tab)");
    req.delimiter = d[0];
  }
  if (!o.mapping.empty()) req.map = parse_column_map(read_file(o.mapping, kMaxRecordBytes, true), o.mapping);
  for (const std::string& m : o.map) {
    size_t eq = m.rfind('=');
    if (eq == std::string::npos || eq == 0) throw UsageError("--map takes \"Column Header=field\", not \"" + m + "\"");
    req.map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  Writer writer = store.lock();
  ImportResult result = import_records(writer, req);
  if (ctx.format() == Format::Json || ctx.format() == Format::Jsonl) {
    std::string json = import_result_json(result);
    ctx.out((ctx.format() == Format::Json ? pretty_json(json) : json) + "\n");
  } else if (ctx.format() == Format::Ids) {
    for (const auto& row : result.rows)
      if (!row.id.empty() && (row.action == RowAction::Created || row.action == RowAction::Updated))
        ctx.out(row.id + "\n");
  }
  // Each row that failed or was skipped, with its file, line and reason (the
  // reason names the column); the notes of the rows that were imported (a
  // value kept aside, a name that links nothing); the columns that map to nothing.
  for (const auto& row : result.rows) {
    std::string where = row.file.empty() ? "" : row.file + (row.line ? ":" + std::to_string(row.line) : "") + ": ";
    if (row.action != RowAction::Failed && row.action != RowAction::Skipped) {
      if (ctx.format() != Format::Json && ctx.format() != Format::Jsonl && row.action != RowAction::Unchanged)
        for (const std::string& n : row.notes) ctx.note(where + n);
      continue;
    }
    std::string line = where + to_string(row.action) + ": " + row.reason;
    if (row.action == RowAction::Failed)
      ctx.report(InvalidData(Location{}, line));
    else
      ctx.note(line);
  }
  if (!result.unmapped_columns.empty() && ctx.format() != Format::Json && ctx.format() != Format::Jsonl) {
    std::vector<std::string> quoted;
    for (const std::string& c : result.unmapped_columns) quoted.push_back("\"" + c + "\"");
    ctx.note(std::string(o.keep_unmapped ? "kept as custom fields" : "left out (--keep-unmapped keeps them)") +
             ": the columns " + join(quoted, ", "));
  }
  if (o.dry_run) ctx.note("dry run: nothing written");
  std::fflush(stdout);
  std::string summary = import_summary(result);
  if (summary.empty() || summary.back() != '\n') summary += '\n';
  std::fwrite(summary.data(), 1, summary.size(), stderr);
  return result.failed > 0 ? kExitInvalid : 0;
}

int cmd_export(Context& ctx, const ExportCliOptions& o) {
  Store& store = ctx.store();
  if (!o.type.empty()) store.schemas().get(o.type);
  ExportRequest req;
  req.format = o.format;
  req.type = o.type;
  req.filter = o.filter;
  req.raw = o.raw || ctx.raw();
  req.vcard_version = o.vcard_version;
  std::string text = export_records(store, req);
  if (o.output.empty() || o.output == "-") {
    ctx.out_stream(text);
  } else {
    // Atomic, so a calendar app subscribed to the file never reads half of it.
    // A link is followed, as the shell's > would, and stays a link; the file
    // keeps its permissions (a 0600 backup stays 0600).
    write_file_atomic(resolve_symlinks(o.output), text);
  }
  return report_unreadable(ctx, store, o.type);
}

int cmd_dedupe(Context& ctx, const std::string& type) {
  Store& store = ctx.store();
  std::vector<DuplicateGroup> groups = find_duplicates(store, type.empty() ? "contact" : type);
  if (report_unreadable(ctx, store, type.empty() ? "contact" : type)) return ctx.status;
  Format f = ctx.format();
  if (f == Format::Json || f == Format::Jsonl) {
    std::vector<std::string> objects;
    for (const DuplicateGroup& g : groups) {
      std::string ids, names, matches;
      for (size_t i = 0; i < g.ids.size(); ++i) {
        ids += (i ? "," : "") + json_string(g.ids[i]);
        names += (i ? "," : "") + json_string(i < g.names.size() ? g.names[i] : "");
      }
      for (size_t i = 0; i < g.matches.size(); ++i) {
        std::string mids;
        for (size_t k = 0; k < g.matches[i].ids.size(); ++k) mids += (k ? "," : "") + json_string(g.matches[i].ids[k]);
        matches += (i ? "," : "") + std::string("{\"rule\":") + json_string(g.matches[i].rule) +
                   ",\"key\":" + json_string(g.matches[i].key) + ",\"ids\":[" + mids + "]}";
      }
      objects.push_back("{\"type\":" + json_string(g.type) + ",\"ids\":[" + ids + "],\"names\":[" + names +
                        "],\"matches\":[" + matches + "]}");
    }
    if (f == Format::Jsonl) {
      for (const std::string& o : objects) ctx.out(o + "\n");
    } else {
      ctx.out(pretty_json("[" + join(objects, ",") + "]") + "\n");
    }
    return 0;
  }
  if (f == Format::Ids) {
    for (const DuplicateGroup& g : groups) ctx.out(join(g.ids, " ") + "\n");
    return 0;
  }
  std::vector<std::vector<std::string>> rows = {{"GROUP", "ID", "NAME", "RULES"}};
  for (size_t i = 0; i < groups.size(); ++i)
    for (size_t k = 0; k < groups[i].ids.size(); ++k)
      rows.push_back({k == 0 ? std::to_string(i + 1) : "", groups[i].ids[k],
                      k < groups[i].names.size() ? groups[i].names[k] : "", k == 0 ? groups[i].rules() : ""});
  if (f == Format::Csv || f == Format::Tsv) {
    char delimiter = f == Format::Csv ? ',' : '\t';
    std::string out = delimited_row({"group", "id", "name", "rules"}, delimiter, ctx.raw());
    for (size_t i = 0; i < groups.size(); ++i)
      for (size_t k = 0; k < groups[i].ids.size(); ++k)
        out += delimited_row({std::to_string(i + 1), groups[i].ids[k],
                              k < groups[i].names.size() ? groups[i].names[k] : "", groups[i].rules()},
                             delimiter, ctx.raw());
    ctx.out(out);
    return 0;
  }
  ctx.out(render_table(rows, ctx.color(), 60));
  if (!groups.empty())
    ctx.note(std::to_string(groups.size()) + " group" + (groups.size() > 1 ? "s" : "") +
             "; merge one with: crm merge SURVIVOR OTHER…");
  return 0;
}

int cmd_merge(Context& ctx, const MergeCliOptions& o) {
  Store& store = ctx.store();
  Writer writer = store.lock();
  const Schema* type = nullptr;
  auto resolve_any = [&](const std::string& key) {
    if (!o.type.empty()) {
      type = &store.schemas().get(o.type);
      return store.resolve(*type, key);
    }
    for (const char* t : {"contact", "company", "lead"}) {
      try {
        std::string id = store.resolve(store.schemas().get(t), key);
        type = &store.schemas().get(t);
        return id;
      } catch (const NotFound&) {
      }
    }
    throw NotFound("no contact, company or lead matches \"" + escape_for_terminal(key) + "\"");
  };
  std::string survivor = resolve_any(o.survivor);
  const Schema* survivor_type = type;
  std::vector<std::string> others;
  for (const std::string& key : o.others) {
    std::string id = o.type.empty() ? store.resolve(*survivor_type, key) : resolve_any(key);
    if (id == survivor) throw UsageError("cannot merge " + id + " into itself");
    others.push_back(id);
  }
  MergeOutcome m = merge_records_into(writer, survivor, others, o.dry_run);
  const Schema& s = store.schemas().get(m.survivor.type);
  if (!o.dry_run) {
    ctx.out(survivor + "\n");
  } else if (ctx.format() == Format::Json || ctx.format() == Format::Yaml) {
    ctx.out(ctx.format() == Format::Json ? pretty_json(record_json(m.survivor, s)) + "\n"
                                         : emit_document(canonical_data(m.survivor.data, s)));
  } else {
    ctx.out_stream(serialize_record(m.survivor, s));
  }
  std::string verb = o.dry_run ? "would " : "";
  ctx.note(verb + "merge " + std::to_string(m.removed.size()) + " into " + m.survivor.get(s.title) + " (" + survivor +
           "): " + std::to_string(m.repointed.size()) + " reference" + (m.repointed.size() == 1 ? "" : "s") +
           " re-pointed" + (m.filled.empty() ? "" : ", filled " + join(m.filled, ", ")) +
           (o.dry_run ? "; nothing written (--dry-run)" : ""));
  return 0;
}

}  // namespace crm::cli
