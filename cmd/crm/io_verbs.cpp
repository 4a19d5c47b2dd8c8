// Data in and out: import, export, dedupe, merge.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "app.hpp"
#include "crm/atomic_file.hpp"
#include "crm/automation_settings.hpp"
#include "crm/csv.hpp"
#include "crm/dedupe.hpp"
#include "crm/error.hpp"
#include "crm/exporter.hpp"
#include "crm/ical_import.hpp"
#include "crm/importer.hpp"
#include "crm/json.hpp"
#include "crm/ledger.hpp"
#include "crm/order_import.hpp"
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

namespace {

// `crm import ical FILE…`: meetings from calendars (ical_import.hpp).
int cmd_import_ical(Context& ctx, const ImportCliOptions& o) {
  Store& store = ctx.store();
  auto day = [&](const std::string& text, const char* option) {
    auto d = parse_date_expr(text, store.clock());
    if (!d) throw UsageError(std::string(option) + ": \"" + text + "\" is not a date (2026-01-01, -90d, soy)");
    return store.clock().at_local(d->day(), std::chrono::seconds{0});
  };
  Seconds from = day(o.from, "--from"), to = day(o.to, "--to");
  if (!(from < to)) throw UsageError("--from must come before --to");
  Writer writer = store.lock();
  IcalImportResult total;
  for (const std::string& file : o.files) {
    std::string text = file == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {})
                                   : read_file(file, size_t{64} << 20, /*follow_links=*/true);
    IcalImportResult r = import_ical(writer, text, file, from, to, o.dry_run);
    total.created += r.created;
    total.updated += r.updated;
    total.unchanged += r.unchanged;
    total.unknown += r.unknown;
    total.cancelled += r.cancelled;
    for (const std::string& p : r.problems) {
      ctx.note(file + ": " + p);
      ctx.status = std::max(ctx.status, static_cast<int>(kExitInvalid));
    }
  }
  ctx.note(std::string(o.dry_run ? "would make " : "") + std::to_string(total.created) + " meetings, " +
           std::to_string(total.updated) + " updated, " + std::to_string(total.unchanged) + " unchanged, " +
           std::to_string(total.unknown) + " without a known contact, " + std::to_string(total.cancelled) +
           " cancelled");
  return ctx.status;
}

// `crm import orders FILE…`: shops' orders exports (order_import.hpp). The
// result as import's (json: every order and what was made for it; ids: what
// was written); each order that fails as FILE:LINE: column "X": why, exit 3.
int cmd_import_orders(Context& ctx, const ImportCliOptions& o) {
  Store& store = ctx.store();
  for (const char* unused : {"type", "match", "mapping", "delimiter", "date-format"}) {
    std::string opt = unused;
    bool given = (opt == "type" && !o.type.empty()) || (opt == "match" && !o.match.empty()) ||
                 (opt == "mapping" && !o.mapping.empty()) || (opt == "delimiter" && !o.delimiter.empty()) ||
                 (opt == "date-format" && !o.date_format.empty());
    if (given) throw UsageError("import orders reads the shops' own columns: it takes no --" + opt);
  }
  if (!o.map.empty()) throw UsageError("import orders reads the shops' own columns: it takes no --map");
  if (!o.shop.empty() && o.shop != "shopify" && o.shop != "woocommerce" && o.shop != "stripe")
    throw UsageError("--shop is shopify, woocommerce or stripe, not \"" + o.shop + "\"");
  OrderImportRequest req;
  req.files = o.files;
  req.shop = o.shop;
  req.encoding = o.encoding;
  req.dry_run = o.dry_run;
  if (std::find(o.files.begin(), o.files.end(), "-") != o.files.end())
    req.stdin_text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  Writer writer = store.lock();
  OrderImportResult result = import_orders(writer, req);
  Json doc = Json::object();
  doc["created"] = result.created;
  doc["updated"] = result.updated;
  doc["unchanged"] = result.unchanged;
  doc["failed"] = result.failed;
  doc["contacts_created"] = result.contacts;
  doc["companies_created"] = result.companies;
  doc["rows"] = Json::array();
  Table t;
  t.document = true;
  t.single = t.single_yaml = true;
  for (const OrderImportRow& r : result.rows) {
    Json row = Json::object();
    row["action"] = r.action;
    row["type"] = r.type;
    row["id"] = r.id.empty() ? Json(nullptr) : Json(r.id);
    row["name"] = r.name;
    row["file"] = r.file;
    row["line"] = r.line;
    row["reason"] = r.reason.empty() ? Json(nullptr) : Json(r.reason);
    row["notes"] = r.notes;
    doc["rows"].push_back(row);
    if (r.action == "created" || r.action == "updated") t.id_lines.push_back(r.id);
  }
  t.objects.push_back(doc);
  t.text = [](const OutputOptions&) { return std::string(); };
  OutputOptions out = ctx.output();
  ctx.out(render(t, out));
  bool json = is_json(out.format);
  for (const std::string& n : result.notes) ctx.note(n);
  for (const OrderImportRow& r : result.rows) {
    std::string where = r.file + (r.line ? ":" + std::to_string(r.line) : "") + ": ";
    if (r.action == "failed") {
      ctx.report(InvalidData(Location{}, where + "order " + r.name + ": " + r.reason));
    } else if (!json && r.action != "unchanged") {
      for (const std::string& n : r.notes) ctx.note(where + "order " + r.name + ": " + n);
    }
  }
  if (o.dry_run) ctx.note("dry run: nothing written");
  std::fflush(stdout);
  auto plural = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string summary = std::string(o.dry_run ? "would make: " : "") + plural(result.created, "order", "orders") +
                        " created, " + std::to_string(result.updated) + " updated, " +
                        std::to_string(result.unchanged) + " unchanged, " + std::to_string(result.failed) +
                        " failed; " + plural(result.contacts, "contact", "contacts") + " and " +
                        plural(result.companies, "company", "companies") + " created\n";
  std::fwrite(summary.data(), 1, summary.size(), stderr);
  return result.failed > 0 ? kExitInvalid : ctx.status;
}

}  // namespace

int cmd_import(Context& ctx, const ImportCliOptions& o) {
  Store& store = ctx.store();
  static const std::vector<std::string> kFormats = {"csv", "vcard", "json", "jsonl", "ical", "orders"};
  if (std::find(kFormats.begin(), kFormats.end(), o.format) == kFormats.end())
    throw UsageError("unknown import format \"" + o.format + "\" (one of csv, vcard, json, jsonl, ical, orders)");
  if (o.format == "ical") return cmd_import_ical(ctx, o);
  if (o.format == "orders") return cmd_import_orders(ctx, o);
  if (!o.shop.empty()) throw UsageError("--shop is for import orders");
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
  // json/jsonl/yaml: the result; ids: what was written; a table says
  // nothing on stdout (the summary and the problems go to stderr).
  Table t;
  t.document = true;
  t.single = t.single_yaml = true;
  t.objects.push_back(import_result_object(result));
  for (const auto& row : result.rows)
    if (!row.id.empty() && (row.action == RowAction::Created || row.action == RowAction::Updated))
      t.id_lines.push_back(row.id);
  t.text = [](const OutputOptions&) { return std::string(); };
  OutputOptions out = ctx.output();
  ctx.out(render(t, out));
  bool json = is_json(out.format);  // a program reads the result: the notes are in it
  // Each row that failed or was skipped, with its file, line and reason (the
  // reason names the column); the notes of the rows that were imported (a
  // value kept aside, a name that links nothing); the columns that map to nothing.
  for (const auto& row : result.rows) {
    std::string where = row.file.empty() ? "" : row.file + (row.line ? ":" + std::to_string(row.line) : "") + ": ";
    if (row.action != RowAction::Failed && row.action != RowAction::Skipped) {
      if (!json && row.action != RowAction::Unchanged)
        for (const std::string& n : row.notes) ctx.note(where + n);
      continue;
    }
    std::string line = where + to_string(row.action) + ": " + row.reason;
    if (row.action == RowAction::Failed)
      ctx.report(InvalidData(Location{}, line));
    else
      ctx.note(line);
  }
  if (!result.unmapped_columns.empty() && !json) {
    std::vector<std::string> quoted;
    for (const std::string& c : result.unmapped_columns) quoted.push_back("\"" + c + "\"");
    ctx.note(std::string(o.keep_unmapped ? "kept as custom fields" : "left out (--keep-unmapped keeps them)") +
             ": the columns " + join(quoted, ", "));
  }
  for (const std::string& c : result.computed_columns)
    ctx.note("\"" + c + "\" is left out of the import: " + kScoreIsComputed);
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
  if (o.format == "ledger" || o.format == "beancount") {
    if (!o.filter.empty() || !o.type.empty()) throw UsageError(o.format + " exports paid orders: no filter or --type");
    LedgerRequest lr;
    lr.beancount = o.format == "beancount";
    if (!o.since.empty()) {
      auto d = parse_date_expr(o.since, store.clock());
      if (d) lr.since = d->day();
      if (!d) throw UsageError("--since: \"" + o.since + "\" is not a date (2026-01-01, som, -90d)");
    }
    std::string text = export_ledger(store, lr);
    if (o.output.empty() || o.output == "-")
      ctx.out_stream(text);
    else
      write_file_atomic(output_path(store, o.output), text);
    return report_unreadable(ctx, store, "order");
  }
  if (!o.since.empty()) throw UsageError("--since is for ledger and beancount");
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
    write_file_atomic(output_path(store, o.output), text);
  }
  return report_unreadable(ctx, store, o.type);
}

int cmd_dedupe(Context& ctx, const std::string& type) {
  Store& store = ctx.store();
  std::vector<DuplicateGroup> groups = find_duplicates(store, type.empty() ? "contact" : type);
  if (report_unreadable(ctx, store, type.empty() ? "contact" : type)) return ctx.status;
  // csv/tsv: one line per record of a group; json: one object per group;
  // ids: a group a line; a table: the group's number and rules once.
  Table t;
  t.columns = {{"group", "", ColumnType::Count, 0, 0},
               {"id", "", ColumnType::Id, 0, 0},
               {"name", "", ColumnType::Text, 0, 0},
               {"rules", "", ColumnType::Text, 1, 0}};
  Table shown = t;
  for (size_t i = 0; i < groups.size(); ++i) {
    const DuplicateGroup& g = groups[i];
    Json obj = Json::object();
    obj["type"] = g.type;
    obj["ids"] = g.ids;
    obj["names"] = Json::array();
    for (size_t k = 0; k < g.ids.size(); ++k) obj["names"].push_back(k < g.names.size() ? g.names[k] : "");
    obj["matches"] = Json::array();
    for (const auto& m : g.matches) obj["matches"].push_back(Json{{"rule", m.rule}, {"key", m.key}, {"ids", m.ids}});
    t.objects.push_back(obj);
    t.id_lines.push_back(join(g.ids, " "));
    for (size_t k = 0; k < g.ids.size(); ++k) {
      std::string name = k < g.names.size() ? g.names[k] : "";
      t.rows.push_back(
          {{Cell::count(static_cast<long long>(i + 1)), Cell::of(g.ids[k]), Cell::of(name), Cell::of(g.rules())},
           Tone::None,
           false});
      shown.rows.push_back({{k == 0 ? Cell::count(static_cast<long long>(i + 1)) : Cell::none(), Cell::of(g.ids[k]),
                             Cell::of(name), k == 0 ? Cell::of(g.rules()) : Cell::none()},
                            Tone::None,
                            false});
    }
  }
  // A person reading the table is told what to do next, after it (on
  // stderr: the table stays data).
  bool table = false;
  t.text = [shown, &table](const OutputOptions& o) {
    table = true;
    return render(shown, o);
  };
  ctx.out(render(t, ctx.output()));
  if (table && !groups.empty())
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
  } else {
    // json/yaml: the merged record as show prints it; else its file as it would be written.
    Table t;
    t.objects.push_back(record_object(m.survivor, s));
    t.nodes.push_back(canonical_data(m.survivor.data, s));
    t.single = t.single_yaml = true;
    std::string file = serialize_record(m.survivor, s);
    t.text = [file](const OutputOptions&) { return file; };
    t.document = true;
    ctx.out_stream(render(t, ctx.output()));
  }
  std::string verb = o.dry_run ? "would " : "";
  ctx.note(verb + "merge " + std::to_string(m.removed.size()) + " into " + m.survivor.get(s.title) + " (" + survivor +
           "): " + std::to_string(m.repointed.size()) + " reference" + (m.repointed.size() == 1 ? "" : "s") +
           " re-pointed" + (m.filled.empty() ? "" : ", filled " + join(m.filled, ", ")) +
           (o.dry_run ? "; nothing written (--dry-run)" : ""));
  return 0;
}

}  // namespace crm::cli
