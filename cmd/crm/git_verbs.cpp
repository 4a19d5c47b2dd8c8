// Teams on git: `crm git setup`, the merge driver `crm merge-file`,
// `crm sync`, and the commit after each write when git.autocommit is on.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "app.hpp"
#include "crm/atomic_file.hpp"
#include "crm/error.hpp"
#include "crm/git.hpp"
#include "crm/merge.hpp"
#include "crm/sync.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"
#include "crm/yaml_io.hpp"

namespace crm::cli {

namespace fs = std::filesystem;

void setup_git(Context& ctx, Store& store, bool new_repository) {
  setup_git(store, new_repository, [&](const std::string& m) { ctx.note(m); });
}

int cmd_git_setup(Context& ctx) {
  Store& store = ctx.store();
  setup_git(ctx, store, false);
  ctx.note("git is set up in " + store.root().string() + ": records merge field by field");
  return 0;
}

int cmd_merge_file(Context& ctx, const std::string& base_path, const std::string& ours_path,
                   const std::string& theirs_path, const std::string& record_path) {
  auto load = [](const std::string& path) -> Node {
    std::error_code ec;
    if (!fs::exists(path, ec)) return Node::map();
    std::string text = read_file(path, kMaxRecordBytes + 1);
    if (trim(text).empty()) return Node::map();  // git's empty ancestor for add/add
    Node n = parse_yaml(text, path);
    if (!n.is_map()) throw InvalidData(Location{path, 1, 1, ""}, "a record is a map of fields");
    return n;
  };
  Node base = load(base_path), ours = load(ours_path), theirs = load(theirs_path);
  // The schema orders the result; without a store (or for a path outside the
  // record folders) ours' order is kept.
  const SchemaSet& builtin = command_schemas();  // and the store's own types, when git runs us in it
  const Schema* schema = nullptr;
  // %P is relative to the top of the repository, which may hold the store in a folder.
  std::string folder = fs::path(record_path).parent_path().filename().string();
  if (!record_path.empty()) schema = builtin.by_folder(folder);
  MergeResult m = merge_records(base, ours, theirs, schema);
  write_file_atomic(ours_path, m.text);
  if (m.conflicts.empty()) return 0;
  ctx.note("conflict in " + (record_path.empty() ? ours_path : record_path) + ": " + join(m.conflicts, ", ") +
           " changed on both sides");
  return kExitConflict;
}

void autocommit(Context& ctx, Store& store) {
  autocommit(store, [&](const std::string& m) { ctx.note(m); });
}

int cmd_undo(Context& ctx) {
  Store& store = ctx.store();
  Undone u = undo_last_commit(store, [&](const std::string& m) { ctx.note(m); });
  ctx.note("undid \"" + u.subject + "\"" +
           (u.reverted ? " with a new commit (it had been pushed; crm sync shares the undo)" : ""));
  for (const std::string& f : u.files) ctx.out(f + "\n");
  return 0;
}

int cmd_sync(Context& ctx) {
  Store& store = ctx.store();
  SyncResult r = sync_store(store, [&](const std::string& m) { ctx.note(m); });
  for (const std::string& w : r.warnings) ctx.note("warning: " + w);
  if (!r.arrived.empty()) {
    // The store's rules fire for what the pull brought, as for a write here.
    store.forget_scans();
    Writer writer = store.lock();
    for (const Arrived& a : r.arrived) {
      const Schema& schema = store.schemas().get(a.type);
      if (!store.exists(schema, a.id)) continue;
      Record after = store.load(schema, a.id);
      std::optional<Record> before;
      if (a.before) before = Record{a.type, *a.before, after.path};
      fire_rules(writer, after, before ? &*before : nullptr);
    }
  }
  if (r.conflicts.empty()) return 0;
  bool removed = false;
  for (const SyncConflict& c : r.conflicts) {
    ctx.report(Conflict("conflict: " + c.path + " " + c.detail));
    removed = removed || c.detail.find("removed") != std::string::npos;
  }
  ctx.note("resolve the fields between <<<<<<< origin and >>>>>>> local, then run crm sync again");
  if (removed) ctx.note("a record removed on one side: keep its file as it is, or remove the file, then crm sync");
  return kExitConflict;
}

}  // namespace crm::cli
