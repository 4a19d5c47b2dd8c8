#include "crm/check.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <set>

#include "crm/assignment.hpp"
#include "crm/atomic_file.hpp"
#include "crm/automation.hpp"
#include "crm/capture.hpp"
#include "crm/error.hpp"
#include "crm/lead_conversion.hpp"
#include "crm/lead_score.hpp"
#include "crm/mail_out.hpp"
#include "crm/rules.hpp"
#include "crm/segments.hpp"
#include "crm/task_workflow.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

// The names in a folder, sorted (none when it is missing or unreadable).
std::vector<std::string> folder_entries(const Dir& dir) {
  if (!dir) return {};
  std::vector<std::string> out;
  try {
    out = dir.names();
  } catch (const Error&) {
    return out;
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What a multi-record operation killed half-way leaves, as far as one record
// shows it: the records it made exist, the record it was about exists unchanged.
std::vector<std::string> half_done(const Store& store, const Schema& s, const Record& r) {
  std::vector<std::string> out;
  if (s.type == "task" && task_is_open(r) && !r.get("recur").empty() && r.get("next").empty()) {
    auto rec = parse_recurrence(r.get("recur"));
    if (auto due = rec ? next_due(r.get("due"), *rec) : std::nullopt) {
      std::string next = next_occurrence_id(r.id(), *due);
      if (store.type_of(next))
        out.push_back("still open, but its next occurrence (" + next +
                      ") exists: an interrupted crm task done? run it again to finish it");
    }
  }
  if (s.type == "lead" && r.get("status") != "converted") {
    ConversionIds ids = conversion_ids(r.id());
    for (const std::string* id : {&ids.deal, &ids.contact, &ids.company})
      if (const Schema* made = store.type_of(*id))
        out.push_back("not converted, but the " + made->type + " its conversion makes (" + *id +
                      ") exists: an interrupted crm lead convert? run it again to finish it");
  }
  return out;
}

}  // namespace

std::vector<Problem> check_store(const Store& store) {
  std::vector<Problem> problems;
  std::map<std::string, std::string> id_file;  // id → first file holding it
  std::vector<std::pair<const Schema*, Record>> all;
  // What a clone put where crm keeps its own files: links it never follows.
  // Their folders read as empty below.
  for (const UnsafePath& u : store.unsafe_paths())
    problems.push_back({u.path + ": " + u.what + "; crm will not use the store until it is removed", false});
  for (const Schema& s : store.schemas().all()) {
    for (const std::string& name : folder_entries(store.open_dir(s.folder))) {
      if (is_temp_file_name(name) || name == ".gitkeep") continue;
      if (!ends_with(name, ".yaml"))
        problems.push_back({s.folder + "/" + name + ": not a record file (records are <id>.yaml)", false});
    }
    Store::Loaded loaded = store.load_all(s);
    for (const InvalidData& e : loaded.errors) problems.push_back({e.what(), false});
    for (const std::string& c : loaded.conflicts) problems.push_back({c, true});
    for (Record& r : loaded.records) {
      auto [it, fresh] = id_file.emplace(r.id(), r.path);
      if (!fresh) problems.push_back({r.path + ": id " + r.id() + " is also used by " + it->second, false});
      all.emplace_back(&s, std::move(r));
    }
  }
  // Record files outside the record folders are never read: say so.
  std::vector<std::string> folders;
  for (const Schema& s : store.schemas().all()) folders.push_back(s.folder);
  std::string folder_list = join(folders, ", ");
  std::vector<std::string> known = folders;
  known.push_back(".crm");
  known.push_back(".git");
  // Links are not followed here either: crm never reads what they point to.
  for (const std::string& name : folder_entries(store.dir())) {
    struct stat st;
    if (!store.dir().lstat(name, st)) continue;
    if (ends_with(name, ".yaml") && S_ISREG(st.st_mode)) {
      problems.push_back({name + ": a record file outside the record folders (" + folder_list + ")", false});
    } else if (S_ISDIR(st.st_mode) && std::find(known.begin(), known.end(), name) == known.end()) {
      Dir inner_dir;
      try {
        inner_dir = store.dir().sub(name);
      } catch (const Error&) {
        continue;  // unreadable, or no longer a folder: nothing crm reads
      }
      for (const std::string& inner : folder_entries(inner_dir))
        if (ends_with(inner, ".yaml"))
          problems.push_back({name + "/" + inner + ": not in a record folder (" + folder_list + ")", false});
    }
  }
  for (const auto& [s, r] : all) {
    for (const Field& f : s->fields) {
      if (f.type != FieldType::Ref && f.type != FieldType::Refs) continue;
      const Node* v = r.data.find(f.name);
      if (!v) continue;
      std::vector<const Node*> refs;
      if (v->is_scalar()) refs.push_back(v);
      for (const Node& item : v->items) refs.push_back(&item);
      for (const Node* ref : refs) {
        const Schema* target = store.type_of(ref->text);
        bool ok = target && (f.ref_types.empty() ||
                             std::find(f.ref_types.begin(), f.ref_types.end(), target->type) != f.ref_types.end());
        if (!ok) {
          std::string what = f.ref_types.size() == 1 ? f.ref_types[0] : "record";
          problems.push_back(
              {Location{r.path, ref->line, ref->column, f.name}.str() + ": no " + what + " with id " + ref->text,
               false});
        }
      }
    }
    for (const InvalidData& e : check_rules(r, *s, store.config())) problems.push_back({e.what(), false});
    for (const std::string& half : half_done(store, *s, r)) problems.push_back({r.path + ": " + half, false});
  }
  // Segments (hand-edited or merged: a loop, a filter gone stale), and the
  // scoring terms that read segments.
  for (const InvalidData& e : check_segments(store)) problems.push_back({e.what(), false});
  for (const InvalidData& e : check_assignment_filters(store)) problems.push_back({e.what(), false});
  try {
    LeadScorer scorer(store);
  } catch (const Error& e) {
    problems.push_back({e.what(), false});
  }
  // The forms of the config (read by capture and serve only, so said here).
  try {
    store_forms(store);
  } catch (const Error& e) {
    problems.push_back({e.what(), false});
  }
  // What campaigns and rule emails read of the config when they compose a
  // message, said here too rather than at the first send.
  try {
    serve_settings(store.config().raw);
  } catch (const Error& e) {
    problems.push_back({e.what(), false});
  }
  try {
    check_campaign_settings(store.config().raw);
  } catch (const Error& e) {
    problems.push_back({e.what(), false});
  }
  // The rules file: its shape, then its filters (what `crm rules check` says).
  try {
    std::vector<Rule> rules = parse_rules(read_rules_text(store), store.schemas());
    for (const InvalidData& e : check_rule_filters(store, rules)) problems.push_back({e.what(), false});
  } catch (const Error& e) {
    problems.push_back({e.what(), false});
  }
  return problems;
}

}  // namespace crm
