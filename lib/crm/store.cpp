#include "crm/store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "crm/atomic_file.hpp"
#include "crm/automation_settings.hpp"
#include "crm/error.hpp"
#include "crm/index.hpp"
#include "crm/rules.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace fs = std::filesystem;

namespace {

bool is_store(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / ".crm", ec);
}

const char* const kStoreGitignore =
    "# derived and temporary files: never the "
    "truth\n.crm/cache/\n.crm/lock\n.crm/edit/\n.crm/state/\n.crm/outbox/\n.*.tmp-*\n";

// .crm/state/sync (sync.cpp) exists while a sync is under way: `running`
// until it ends — found by another command, that sync was killed —, or
// `stopped` while its rebase waits for conflicts to be resolved.
void refuse_during_sync(const Dir& state) {
  struct stat st;
  if (!state || !state.lstat("sync", st)) return;
  std::string phase, git_dir;
  for (const std::string& line : split(state.read("sync", 4096), '\n')) {
    if (starts_with(line, "phase: ")) phase = line.substr(7);
    if (starts_with(line, "git_dir: ")) git_dir = line.substr(9);
  }
  if (phase == "running")
    throw Conflict("a crm sync was interrupted; run crm sync to finish it (nothing is lost) before changing records");
  std::error_code ec;
  if (phase == "stopped" &&
      (fs::exists(fs::path(git_dir) / "rebase-merge", ec) || fs::exists(fs::path(git_dir) / "rebase-apply", ec)))
    throw Conflict("crm sync stopped on conflicts; resolve them and run crm sync before changing records");
}

// What crm keeps in a store, parents before what they hold, and whether each
// is a folder. crm reads and writes them all, so none may be a symbolic link
// (a clone can carry one pointing anywhere) or a FIFO, a device, or a folder
// where a file belongs.
std::vector<std::pair<std::string, bool>> store_layout(const SchemaSet& schemas) {
  std::vector<std::pair<std::string, bool>> out = {{".crm", true}, {".crm/cache", true}};
  for (const Schema& s : schemas.all()) out.emplace_back(".crm/cache/" + s.folder + ".idx", false);
  for (const char* file :
       {".crm/config.yaml", ".crm/edit", ".crm/lock", ".crm/state", ".crm/schemas", ".gitattributes", ".gitignore"})
    out.emplace_back(file, std::string_view(file) == ".crm/edit" || std::string_view(file) == ".crm/state" ||
                               std::string_view(file) == ".crm/schemas");
  for (const Schema& s : schemas.all()) out.emplace_back(s.folder, true);
  return out;
}

}  // namespace

WriteLock::WriteLock(const Dir& dir, const std::string& name, double timeout_seconds) {
  fd_ = dir.open_file(name, O_RDWR | O_CREAT);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      char buf[32] = {0};
      ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
      std::string holder = n > 0 ? trim(std::string(buf, static_cast<size_t>(n))) : "another process";
      ::close(fd_);
      fd_ = -1;
      throw Conflict("the store is locked by pid " + holder + " (waited " +
                     std::to_string(static_cast<int>(timeout_seconds)) + " s); try again");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  char previous[32] = {0};
  stale_ = ::pread(fd_, previous, sizeof previous - 1, 0) > 0;  // a clean release leaves it empty
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, pid.data(), pid.size(), 0);
}

WriteLock::~WriteLock() {
  if (fd_ >= 0) {
    (void)!::ftruncate(fd_, 0);
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
}

fs::path Store::discover(const std::string& dir_option) {
  if (!dir_option.empty()) {
    if (!is_store(dir_option))
      throw UsageError(dir_option + " is not a crm store (no .crm/ folder); make one with: crm init " + dir_option);
    return fs::absolute(dir_option).lexically_normal();
  }
  if (const char* env = std::getenv("CRM_DIR"); env && *env) {
    if (!is_store(env)) throw UsageError(std::string("CRM_DIR=") + env + " is not a crm store (no .crm/ folder)");
    return fs::absolute(env).lexically_normal();
  }
  std::error_code ec;
  fs::path dir = fs::current_path(ec);
  for (; !ec && !dir.empty(); dir = dir.parent_path()) {
    if (is_store(dir)) return dir;
    if (dir == dir.root_path()) break;
  }
  // Outside any store: the user's default one (~/.config/crm/config.yaml).
  fs::path user = user_config_path();
  if (std::error_code uec; !user.empty() && fs::exists(user, uec)) {
    Node doc = parse_yaml(read_file(user, 1 << 20, /*follow_links=*/true), user.string());
    if (std::string d = doc.is_map() ? doc.get("default_store") : ""; !d.empty()) {
      if (d[0] == '~' && (d.size() == 1 || d[1] == '/'))
        if (const char* home = std::getenv("HOME"); home && *home) d = home + d.substr(1);
      if (!is_store(d))
        throw UsageError(user.string() + ": default_store " + d + " is not a crm store (no .crm/ folder)");
      return fs::absolute(d).lexically_normal();
    }
  }
  throw UsageError(
      "no crm store here or in any parent folder; make one with: crm init (or use -C DIR, CRM_DIR, or "
      "crm config --global set default_store DIR)");
}

fs::path Store::user_config_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "crm" / "config.yaml";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "crm" / "config.yaml";
  return {};
}

bool Store::init(const fs::path& dir) {
  if (is_store(dir)) return false;
  fs::create_directories(dir);  // the folder the user named: links on the way there are theirs
  Dir root = Dir::open(dir);
  root.sub(".crm", /*create=*/true).write("config.yaml", default_config_text());
  SchemaSet schemas = SchemaSet::builtin();
  for (const Schema& s : schemas.all()) root.sub(s.folder, /*create=*/true);
  struct stat st;
  if (!root.lstat(".gitignore", st)) root.write(".gitignore", kStoreGitignore);
  return true;
}

Store::Store(fs::path root, Clock clock, Unsafe unsafe)
    : root_(std::move(root)), dir_(Dir::open(root_, "")), clock_(clock), schemas_(SchemaSet::builtin()) {
  auto check_layout = [&](const std::vector<std::pair<std::string, bool>>& layout) {
    for (const auto& [rel, folder] : layout) {
      if (unsafe_at(rel)) continue;  // under an unsafe folder: never looked into
      struct stat st;
      // Absent is fine (crm makes it when needed); the parents are not links.
      if (::fstatat(dir_.fd(), rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      if (S_ISLNK(st.st_mode))
        unsafe_.push_back({rel, "is a symbolic link"});
      else if (folder && !S_ISDIR(st.st_mode))
        unsafe_.push_back({rel, "is not a folder"});
      else if (!folder && !S_ISREG(st.st_mode))
        unsafe_.push_back({rel, "is not a regular file"});
    }
  };
  check_layout(store_layout(schemas_));
  // The store's own types (.crm/schemas/<type>.yaml), then their folders.
  std::string declared_text;
  if (Dir d = unsafe_at(".crm/schemas") ? Dir() : open_dir(".crm/schemas")) {
    std::vector<std::string> names =
        d.names([](std::string_view n) { return n.size() > 5 && n[0] != '.' && n.substr(n.size() - 5) == ".yaml"; });
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      std::string rel = ".crm/schemas/" + name;
      struct stat st;
      if (!d.lstat(name, st)) continue;
      if (!S_ISREG(st.st_mode)) {
        unsafe_.push_back({rel, S_ISLNK(st.st_mode) ? "is a symbolic link" : "is not a regular file"});
        continue;
      }
      std::string text = d.read(name, kMaxRecordBytes + 1);
      declared_text += rel + "\n" + text;
      schemas_.add_declared(parse_yaml(text, rel), rel, name.substr(0, name.size() - 5));
    }
    schemas_.check_declared_refs();
    std::vector<std::pair<std::string, bool>> more;
    for (const Schema& s : schemas_.all()) {
      if (!schemas_.is_declared(s.type)) continue;
      more.emplace_back(".crm/cache/" + s.folder + ".idx", false);
      more.emplace_back(s.folder, true);
    }
    check_layout(more);
  }
  if (unsafe == Unsafe::Refuse && !unsafe_.empty()) {
    std::vector<std::string> each;
    for (const UnsafePath& u : unsafe_) each.push_back(u.path + " " + u.what);
    throw InvalidData(Location{}, "unsafe store: " + join(each, ", ") +
                                      "; crm never follows links in a store nor opens special files there: remove "
                                      "them (crm check lists every problem)");
  }
  base_schemas_ = schemas_;
  std::string config_text;
  struct stat st;
  if (Dir crm = open_dir(".crm"); crm && !unsafe_at(".crm/config.yaml") && crm.lstat("config.yaml", st)) {
    config_text = crm.read("config.yaml", kMaxRecordBytes + 1);
    config_ = parse_config(config_text, ".crm/config.yaml", schemas_);
    check_automation_settings(config_, ".crm/config.yaml", schemas_);  // scoring:, assignment:
    if (!config_.timezone.empty()) clock_.set_zone(config_.timezone);  // the store's zone wins over $TZ
  }
  cache_tag_ = cache_tag(root_);
  // Cached validity holds while the schemas, the config and crm are the same.
  validity_key_ = fnv1a(declared_text, fnv1a(config_text, fnv1a(CRM_VERSION)));
  for (const auto& [name, text] : embedded_schemas()) validity_key_ = fnv1a(text, fnv1a(name, validity_key_));
}

std::string Store::file_name(const std::string& id) const {
  // Ids are checked before any path is made from them: no '/', '..' or NUL gets here.
  if (!is_valid_id(id)) throw UsageError("\"" + escape_for_terminal(id) + "\" is not a record id");
  return id + ".yaml";
}

fs::path Store::record_path(const Schema& schema, const std::string& id) const {
  return root_ / schema.folder / file_name(id);
}

const UnsafePath* Store::unsafe_at(const std::string& rel) const {
  for (const UnsafePath& u : unsafe_)
    if (rel == u.path || starts_with(rel, u.path + "/")) return &u;
  return nullptr;
}

Dir Store::open_dir(const std::string& rel, bool create) const {
  if (const UnsafePath* u = unsafe_at(rel)) {
    if (create) throw InvalidData(Location{u->path, 0, 0, ""}, u->what + "; crm never follows links in a store");
    return Dir();
  }
  Dir d;
  const Dir* at = &dir_;
  for (const std::string& part : split(rel, '/')) {
    d = at->sub(part, create);
    if (!d) break;
    at = &d;
  }
  return d;
}

const FolderScan& Store::scan(const Schema& schema) const {
  auto it = scans_.find(schema.folder);
  if (it == scans_.end()) {
    std::promise<std::shared_ptr<const FolderScan>> now;
    now.set_value(std::make_shared<FolderScan>(scan_folder(open_dir(schema.folder), schema.folder)));
    it = scans_.emplace(schema.folder, now.get_future().share()).first;
  }
  return *it->second.get();
}

void Store::prefetch(const std::vector<const Schema*>& schemas) const {
  using Promise = std::promise<std::shared_ptr<const FolderScan>>;
  std::vector<std::pair<std::string, std::shared_ptr<Promise>>> jobs;
  for (const Schema* s : schemas) {
    if (scans_.count(s->folder)) continue;
    auto promise = std::make_shared<Promise>();
    scans_.emplace(s->folder, promise->get_future().share());
    jobs.emplace_back(s->folder, promise);
  }
  if (jobs.empty()) return;
  prefetching_.push_back(std::async(std::launch::async, [this, jobs] {
    for (const auto& [folder, promise] : jobs) {
      try {
        promise->set_value(std::make_shared<FolderScan>(scan_folder(open_dir(folder), folder)));
      } catch (...) {
        promise->set_exception(std::current_exception());  // thrown where the scan is used, as without prefetch
      }
    }
  }));
}

std::vector<std::string> Store::ids(const Schema& schema) const {
  // The names of a look already made; else a readdir alone (no stat).
  if (auto it = scans_.find(schema.folder); it != scans_.end()) return it->second.get()->names;
  Dir dir = open_dir(schema.folder);
  if (!dir) return {};
  std::vector<std::string> out = dir.names(is_record_file_name);
  for (std::string& name : out) name.resize(name.size() - 5);
  std::sort(out.begin(), out.end());
  return out;
}

bool Store::exists(const Schema& schema, const std::string& id) const {
  if (!is_valid_id(id) || unsafe_at(schema.folder)) return false;
  // One lstat, as `check` asks for every reference: through the folder's
  // name, which the store's opening found to be no link (or flagged).
  struct stat st;
  return ::fstatat(dir_.fd(), (schema.folder + "/" + id + ".yaml").c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

const Schema* Store::type_of(const std::string& id) const {
  for (const Schema& s : schemas_.all())
    if (exists(s, id)) return &s;
  return nullptr;
}

Record Store::parse_record(const Schema& schema, const std::string& id, const std::string& text) const {
  return record_from(schema, id, parse_yaml(text, schema.folder + "/" + id + ".yaml"));
}

Record Store::record_from(const Schema& schema, const std::string& id, Node data) const {
  Record r;
  r.type = schema.type;
  r.path = schema.folder + "/" + id + ".yaml";
  r.data = std::move(data);
  if (!r.data.is_map())
    throw InvalidData(Location{r.path, r.data.line, r.data.column, ""}, "a record is a map of fields");
  const Node* file_id = r.data.find("id");
  if (!file_id || !file_id->is_scalar())
    throw InvalidData(Location{r.path, r.data.line, r.data.column, "id"}, "is missing");
  if (file_id->text != id)
    throw InvalidData(Location{r.path, file_id->line, file_id->column, "id"},
                      "\"" + escape_for_terminal(file_id->text) + "\" does not match the file name");
  return r;
}

Record Store::load(const Schema& schema, const std::string& id) const {
  std::string name = file_name(id);
  Dir dir = open_dir(schema.folder);
  struct stat st;
  if (!dir || !dir.lstat(name, st)) throw NotFound("no " + schema.type + " with id " + id);
  std::string rel = schema.folder + "/" + name;
  if (std::string problem = record_file_problem(st.st_mode); !problem.empty())
    throw InvalidData(Location{rel, 0, 0, ""}, problem);
  try {
    return parse_record(schema, id, dir.read(name, kMaxRecordBytes + 1));
  } catch (const InvalidData& e) {
    Location where = e.where();
    where.file = rel;
    throw InvalidData(where, e.message());
  }
}

Store::Loaded Store::load_all(const Schema& schema, const std::vector<std::string>* only, const Keep* keep) const {
  Loaded out;
  static const bool use_cache = [] {
    const char* v = std::getenv("CRM_NO_CACHE");
    return !(v && *v && std::string(v) != "0");
  }();
  auto is_valid = [&](const std::string& name, const Node& data) {
    if (!is_valid_id(name)) return false;
    const Node* id = data.find("id");
    if (!data.is_map() || !id || id->text != name) return false;
    Record probe;
    probe.type = schema.type;
    probe.data = data;
    return validate_record(probe, schema).empty();
  };
  std::vector<std::string> wanted;
  if (only) {
    wanted = *only;
    wanted.push_back("id");
  }
  Prefilter prefilter;
  if (keep) {
    prefilter.fields = keep->fields;
    prefilter.keep = [&](const std::string&, Node& data) {
      Record probe;
      probe.type = schema.type;
      probe.data = std::move(data);
      bool kept = keep->test(probe);
      data = std::move(probe.data);
      return kept;
    };
  }
  FolderLoad folder =
      load_folder(scan(schema), open_dir(schema.folder), schema.folder, use_cache ? open_dir(".crm") : Dir(),
                  cache_tag_, validity_key_, is_valid, only ? &wanted : nullptr, keep ? &prefilter : nullptr);
  IndexUse& use = index_use_[schema.folder];
  use.parsed += folder.parsed;
  use.from_cache +=
      folder.files.size() + folder.dropped + folder.errors.size() + folder.conflicts.size() - folder.parsed;
  out.errors = std::move(folder.errors);
  out.conflicts = std::move(folder.conflicts);
  out.records.reserve(folder.files.size());
  for (IndexedFile& file : folder.files) {
    const std::string& name = file.name;
    std::string rel = schema.folder + "/" + name + ".yaml";
    try {
      if (!is_valid_id(name)) throw InvalidData(Location{rel, 0, 0, ""}, "the file name is not a record id");
      Record r = record_from(schema, name, std::move(file.data));
      if (file.valid) {  // validated now or, under the same schemas and config, before
        out.records.push_back(std::move(r));
        continue;
      }
      std::vector<InvalidData> problems = validate_record(r, schema);
      if (!problems.empty()) {
        out.errors.insert(out.errors.end(), problems.begin(), problems.end());
        out.invalid.push_back(std::move(r));
        continue;
      }
      out.records.push_back(std::move(r));
    } catch (const InvalidData& e) {
      Location where = e.where();
      where.file = rel;  // store-relative, whoever threw it
      out.errors.push_back(InvalidData(where, e.message()));
    } catch (const Conflict& e) {
      out.conflicts.push_back(e.what());
    }
  }
  // Problems in file order, whether the file failed to parse or to validate.
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const InvalidData& a, const InvalidData& b) { return a.where().file < b.where().file; });
  return out;
}

std::string Store::resolve(const Schema& schema, std::string_view typed) const {
  std::string key = trim(typed);
  if (key.empty()) throw UsageError("an empty " + schema.type + " id");
  std::string lower = to_lower(key);
  // A whole id costs one stat, whatever the size of the store.
  if (is_valid_id(lower) && exists(schema, lower)) return lower;
  if (lower.size() >= 4 && lower.size() <= 64 && is_valid_id(lower)) {
    std::vector<std::string> matches;
    for (const std::string& id : ids(schema))
      if (starts_with(id, lower)) matches.push_back(id);
    if (matches.size() == 1) return matches[0];
    for (const std::string& m : matches)
      if (m == lower) return m;
    if (matches.size() > 1) {
      if (matches.size() > 5) matches.resize(5), matches.push_back("…");
      throw UsageError("\"" + key + "\" is an ambiguous " + schema.type + " id prefix: " + join(matches, ", "));
    }
  }
  // By email or name: the exact value, case-insensitively.
  // Records that fail validation are still found, so that `set` and `edit` can repair them.
  // Each record is tested on these fields alone (from the index); only the
  // ones that fit are decoded whole.
  auto exact = [&](const Record& r) {
    bool hit = equals_ci(r.get(schema.title), key);
    if (!hit && schema.field("email")) hit = equals_ci(r.get("email"), key);
    if (!hit) {
      if (const Node* emails = r.find("emails"); emails && emails->is_sequence())
        for (const Node& e : emails->items) hit = hit || equals_ci(e.text, key);
    }
    return hit;
  };
  // Fast typing ("crm log call ada …"): a word the name starts with, or an
  // email's local part — still only when exactly one record fits.
  std::string folded = fold_case(key);
  auto loose = [&](const Record& r) {
    const std::string& k = folded;
    std::string name = fold_case(r.get(schema.title));
    bool hit = starts_with(name, k) && (name.size() == k.size() || name[k.size()] == ' ');
    for (size_t sp = name.find(' '); !hit && sp != std::string::npos; sp = name.find(' ', sp + 1))
      hit = name.compare(sp + 1, k.size(), k) == 0 &&
            (sp + 1 + k.size() == name.size() || name[sp + 1 + k.size()] == ' ');
    std::string email = fold_case(r.get("email"));
    return hit || (!email.empty() && email.substr(0, email.find('@')) == k);
  };
  const std::vector<std::string> key_fields = {schema.title, "email", "emails"};
  Keep keep{key_fields, exact};
  Loaded loaded = load_all(schema, nullptr, &keep);
  std::vector<Record> all = std::move(loaded.records);
  for (Record& r : loaded.invalid) all.push_back(std::move(r));
  std::vector<const Record*> matches;
  for (const Record& r : all)
    if (exact(r)) matches.push_back(&r);
  if (matches.empty()) {
    keep.test = loose;
    Loaded near = load_all(schema, nullptr, &keep);
    all = std::move(near.records);
    for (Record& r : near.invalid) all.push_back(std::move(r));
    for (const Record& r : all)
      if (loose(r)) matches.push_back(&r);
  }
  if (matches.empty()) {
    // A record whose file has conflict markers is not a missing record: say so.
    for (const std::string& message : loaded.conflicts) {
      std::string rel = message.substr(0, message.find(".yaml") + 5);
      std::string id = fs::path(rel).stem().string();
      if (!is_valid_id(id)) continue;
      std::string text;
      try {
        text = read_file(record_path(schema, id), kMaxRecordBytes + 1);
      } catch (const Error&) {
        continue;
      }
      std::string one_side;  // the lines before each =======: parseable, and holding the name
      bool skipping = false;
      for (const std::string& line : split(text, '\n')) {
        if (starts_with(line, "<<<<<<<")) continue;
        if (starts_with(line, "======="))
          skipping = true;
        else if (starts_with(line, ">>>>>>>"))
          skipping = false;
        else if (!skipping)
          one_side += line + "\n";
      }
      try {
        Node data = parse_yaml(one_side, rel);
        std::string name = data.get(schema.title), email = data.get("email");
        std::string k = fold_case(key), n = fold_case(name);
        bool hit = equals_ci(name, key) || equals_ci(email, key) || starts_with(n, k + " ") ||
                   n.find(" " + k) != std::string::npos;
        if (hit)
          throw Conflict(rel + " (" + escape_for_terminal(name) +
                         ") has unresolved git conflict markers: resolve the fields between them, then try again");
      } catch (const InvalidData&) {
      }
    }
  }
  if (matches.size() == 1) return matches[0]->id();
  // Occurrences of one recurring task share its title: the name means the
  // current one, the earliest due (`crm task done timesheet` every week).
  if (matches.size() > 1 && schema.field("recur") && schema.field("due")) {
    bool one_series = std::all_of(matches.begin(), matches.end(), [&](const Record* r) {
      return !r->get("recur").empty() && r->get(schema.title) == matches[0]->get(schema.title) &&
             r->get("status") != "done" && r->get("status") != "canceled";
    });
    if (one_series)
      return (*std::min_element(matches.begin(), matches.end(),
                                [](const Record* a, const Record* b) { return a->get("due") < b->get("due"); }))
          ->id();
  }
  // Several of a name, one still open: that one is meant (a done task or a
  // closed deal is history).
  if (matches.size() > 1 && (schema.type == "task" || schema.type == "deal")) {
    std::vector<const Record*> open;
    for (const Record* r : matches) {
      const Stage* stage = schema.type == "deal" ? config_.stage(r->get("stage")) : nullptr;
      bool closed = r->get("status") == "done" || r->get("status") == "canceled" || (stage && !stage->closed.empty());
      if (!closed) open.push_back(r);
    }
    if (open.size() == 1) return open[0]->id();
  }
  if (matches.size() > 1) {
    std::vector<std::string> names;
    for (const Record* r : matches) names.push_back(r->id() + " (" + r->get(schema.title) + ")");
    throw UsageError("\"" + key + "\" matches " + std::to_string(matches.size()) + " " + schema.folder + ": " +
                     join(names, ", ") + "; use an id");
  }
  throw NotFound("no " + schema.type + " matches \"" + escape_for_terminal(key) + "\"");
}

std::string Store::resolve_ref(const Field& field, std::string_view key) const {
  std::vector<const Schema*> targets;
  if (field.ref_types.empty()) {
    for (const Schema& s : schemas_.all()) targets.push_back(&s);
  } else {
    for (const std::string& t : field.ref_types) targets.push_back(&schemas_.get(t));
  }
  if (targets.size() == 1) return resolve(*targets[0], key);
  // An exact id or a unique id prefix wins whatever its type; otherwise the
  // types are tried in the field's order (contact before lead), so a person
  // who is both a converted lead and a contact is the contact.
  std::string lower = to_lower(trim(key));
  if (is_valid_id(lower)) {
    std::vector<std::string> by_id;
    for (const Schema* s : targets)
      for (const std::string& id : ids(*s))
        if (starts_with(id, lower)) by_id.push_back(id);
    if (by_id.size() == 1) return by_id[0];
  }
  for (const Schema* s : targets) {
    try {
      return resolve(*s, key);
    } catch (const NotFound&) {
    }
  }
  throw NotFound("no record matches \"" + escape_for_terminal(std::string(key)) + "\"");
}

void Store::check_references(const Record& r, const Schema& schema) const {
  for (const Field& f : schema.fields) {
    if (f.type != FieldType::Ref && f.type != FieldType::Refs) continue;
    const Node* v = r.data.find(f.name);
    if (!v || v->empty()) continue;
    std::vector<const Node*> refs;
    if (v->is_scalar()) refs.push_back(v);
    for (const Node& item : v->items) refs.push_back(&item);
    for (const Node* ref : refs) {
      const Schema* target = type_of(ref->text);
      bool ok = target && (f.ref_types.empty() ||
                           std::find(f.ref_types.begin(), f.ref_types.end(), target->type) != f.ref_types.end());
      if (!ok) {
        std::string what = f.ref_types.size() == 1 ? f.ref_types[0] : "record";
        throw InvalidData(Location{r.path, ref->line, ref->column, f.name}, "no " + what + " with id " + ref->text);
      }
    }
  }
}

bool Store::write(Record& r, bool is_new) const {
  const Schema& schema = schemas_.get(r.type);
  std::string id = r.id();
  std::string name = file_name(id);
  std::string rel = schema.folder + "/" + name;
  std::vector<InvalidData> problems = validate_record(r, schema);
  if (!problems.empty()) throw problems.front();
  check_references(r, schema);
  if (std::vector<InvalidData> broken = check_rules(r, schema, config_); !broken.empty()) throw broken.front();
  std::string now = format_datetime(clock_.now);
  if (is_new || !r.data.find("created")) r.data.set("created", Node::scalar(now, true));
  r.data.set("updated", Node::scalar(now, true));
  r.path = rel;
  std::string bytes = serialize_record(r, schema);
  // What could not be read back is never written.
  if (bytes.size() > kMaxRecordBytes)
    throw InvalidData(Location{rel, 0, 0, ""}, "the record would be " + std::to_string(bytes.size()) +
                                                   " bytes, over the " + std::to_string(kMaxRecordBytes) +
                                                   "-byte limit; keep long texts in files of their own");
  Dir dir = open_dir(schema.folder, /*create=*/true);
  struct stat st;
  if (is_new && dir.lstat(name, st)) throw Conflict(rel + " already exists");
  dir.write(name, bytes);
  scans_.erase(schema.folder);
  changes_.push_back({is_new ? "add" : "update", schema.type, id, r.get(schema.title), rel});
  return true;
}

void Store::remove(const Schema& schema, const std::string& id) const {
  std::string name = file_name(id);
  std::string title;
  try {
    title = load(schema, id).get(schema.title);
  } catch (const Error&) {
  }
  Dir dir = open_dir(schema.folder);
  scans_.erase(schema.folder);
  if (!dir || !dir.remove(name)) throw NotFound("no " + schema.type + " with id " + id);
  changes_.push_back({"remove", schema.type, id, title, schema.folder + "/" + name});
  dir.sync();
}

std::vector<Record> Store::referring(const Schema& s, const std::vector<std::string>& fields, const std::string& id,
                                     const std::vector<std::string>* only) const {
  Keep keep{fields, [&](const Record& r) {
              for (const std::string& f : fields) {
                const Node* v = r.data.find(f);
                if (!v) continue;
                if (v->is_scalar() && v->text == id) return true;
                for (const Node& item : v->items)
                  if (item.text == id) return true;
              }
              return false;
            }};
  std::vector<Record> out = load_all(s, only, &keep).records;
  // The test saw only the reference fields: the records returned still hold them.
  return out;
}

std::vector<Reference> Store::referrers(const std::string& id) const {
  std::vector<Reference> out;
  for (const Schema& s : schemas_.all()) {
    std::vector<std::string> ref_fields;
    for (const Field& f : s.fields)
      if (f.type == FieldType::Ref || f.type == FieldType::Refs) ref_fields.push_back(f.name);
    if (ref_fields.empty()) continue;
    for (const Record& r : referring(s, ref_fields, id, &ref_fields)) {
      for (const std::string& f : ref_fields) {
        const Node* v = r.data.find(f);
        if (!v) continue;
        bool hit = v->is_scalar() && v->text == id;
        for (const Node& item : v->items) hit = hit || item.text == id;
        if (hit) out.push_back(Reference{s.type, r.id(), f});
      }
    }
  }
  return out;
}

bool Writer::write_raw(Record& record, bool is_new) { return store_->write(record, is_new); }

void Writer::remove_raw(const Schema& schema, const std::string& id) { store_->remove(schema, id); }

Writer Store::lock(bool during_sync) const {
  double timeout = 10;
  if (const char* t = std::getenv("CRM_LOCK_TIMEOUT"); t && *t) timeout = std::atof(t);
  Dir crm = open_dir(".crm");
  if (!crm) throw Error("cannot lock the store: " + (root_ / ".crm").string() + " is missing");
  auto lock = std::make_unique<WriteLock>(crm, "lock", timeout);
  if (!during_sync) refuse_during_sync(open_dir(".crm/state"));
  // Holding the lock, no other writer is mid-write: after a holder that died,
  // any temp file is what it left behind. Remove them so they never pile up
  // (a clean exit leaves none, and the scan costs a readdir of every folder).
  if (!lock->previous_holder_died()) return Writer(*this, std::move(lock));
  for (const Schema& s : schemas_.all()) {
    Dir dir = open_dir(s.folder);
    if (!dir) continue;
    for (const std::string& name : dir.names(is_temp_file_name)) {
      try {
        dir.remove(name);
      } catch (const Error&) {
        // left for the next writer after a crash; it harms nothing
      }
    }
  }
  return Writer(*this, std::move(lock));
}

}  // namespace crm
