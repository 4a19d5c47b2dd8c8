#include "crm/check.hpp"

#include <dirent.h>

#include <algorithm>
#include <map>
#include <set>

#include "crm/atomic_file.hpp"
#include "crm/rules.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

std::vector<std::string> folder_entries(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") out.push_back(name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<Problem> check_store(const Store& store) {
  std::vector<Problem> problems;
  std::map<std::string, std::string> id_file;  // id → first file holding it
  std::vector<std::pair<const Schema*, Record>> all;
  for (const Schema& s : store.schemas().all()) {
    for (const std::string& name : folder_entries(store.root() / s.folder)) {
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
  for (const std::string& name : folder_entries(store.root())) {
    std::filesystem::path p = store.root() / name;
    std::error_code ec;
    if (ends_with(name, ".yaml") && std::filesystem::is_regular_file(p, ec)) {
      problems.push_back({name + ": a record file outside the record folders (" + folder_list + ")", false});
    } else if (std::filesystem::is_directory(p, ec) && std::find(known.begin(), known.end(), name) == known.end()) {
      for (const std::string& inner : folder_entries(p))
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
  }
  return problems;
}

}  // namespace crm
