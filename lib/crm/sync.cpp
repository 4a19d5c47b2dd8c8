#include "crm/sync.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "crm/atomic_file.hpp"
#include "crm/error.hpp"
#include "crm/git.hpp"
#include "crm/merge.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace fs = std::filesystem;

namespace {

std::string first_line(const std::string& s) {
  std::string t = trim(s);
  return t.substr(0, t.find('\n'));
}

// One git repository seen from a store (which may be a folder inside it).
class Repo {
 public:
  explicit Repo(fs::path root) : root_(std::move(root)) {}

  GitResult run(const std::vector<std::string>& args, const std::string* input = nullptr,
                const std::vector<std::string>& env = {}) const {
    GitResult r = run_git(root_, args, env, input);
    if (r.code == -1 || r.code == 127) throw Error("cannot run git: is it installed?");
    return r;
  }
  // Runs git and throws Conflict with git's own words when it fails.
  GitResult must(const std::vector<std::string>& args, const std::string& what,
                 const std::string* input = nullptr) const {
    GitResult r = run(args, input);
    if (r.code != 0) {
      std::string why = first_line(r.err.empty() ? r.out : r.err);
      throw Conflict(what + " failed" + (why.empty() ? " (git exit " + std::to_string(r.code) + ")" : ": " + why));
    }
    return r;
  }
  // A push, in a session of its own: killed with crm's process group (a kill
  // of the group, as a shell's job control sends it), a git push to a remote
  // on this machine would kill the git-receive-pack it runs while that holds
  // the remote branch's lock, and the stale lock would refuse every later push.
  // Left alone, the push finishes (the next sync finds origin up to date) or
  // stops on its broken pipe before it locks anything.
  GitResult push(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"push"};
    all.insert(all.end(), args.begin(), args.end());
    GitResult r = run_git(root_, all, {}, nullptr, /*own_session=*/true);
    if (r.code == -1 || r.code == 127) throw Error("cannot run git: is it installed?");
    return r;
  }
  std::string line(const std::vector<std::string>& args) const {
    GitResult r = run(args);
    return r.code == 0 ? first_line(r.out) : std::string();
  }
  // The commit a name resolves to, "" when none.
  std::string commit(const std::string& name) const {
    return line({"rev-parse", "--verify", "-q", name + "^{commit}"});
  }
  bool is_ancestor(const std::string& a, const std::string& b) const {
    return run({"merge-base", "--is-ancestor", a, b}).code == 0;
  }
  const fs::path& git_dir() const {
    if (git_dir_.empty()) git_dir_ = line({"rev-parse", "--absolute-git-dir"});
    return git_dir_;
  }
  const fs::path& common_dir() const {
    if (common_dir_.empty()) {
      fs::path p = line({"rev-parse", "--git-common-dir"});
      common_dir_ = p.is_absolute() ? p : (root_ / p).lexically_normal();
    }
    return common_dir_;
  }
  const fs::path& toplevel() const {
    if (toplevel_.empty()) toplevel_ = line({"rev-parse", "--show-toplevel"});
    return toplevel_;
  }
  // The store's folder inside the repository: "" or "sub/dir/".
  const std::string& prefix() const {
    if (!prefix_) prefix_ = line({"rev-parse", "--show-prefix"});
    return *prefix_;
  }
  bool rebasing() const {
    std::error_code ec;
    return fs::exists(git_dir() / "rebase-merge", ec) || fs::exists(git_dir() / "rebase-apply", ec);
  }
  std::string branch() const { return line({"symbolic-ref", "-q", "--short", "HEAD"}); }
  // Unmerged paths, relative to the top level.
  std::vector<std::string> unmerged() const {
    GitResult r = run({"diff", "--name-only", "-z", "--diff-filter=U"});
    std::vector<std::string> out;
    for (const std::string& p : split(r.out, '\0'))
      if (!p.empty() && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    return out;
  }
  // The contents of "REV:PATH" objects (nullopt: no such object), by cat-file --batch.
  std::vector<std::optional<std::string>> cat(const std::vector<std::string>& specs) const {
    std::vector<std::optional<std::string>> out;
    if (specs.empty()) return out;
    std::string input;
    for (const std::string& s : specs) input += s + "\n";
    GitResult r = run({"cat-file", "--batch"}, &input);
    size_t pos = 0;
    for (size_t i = 0; i < specs.size(); ++i) {
      size_t eol = r.out.find('\n', pos);
      if (eol == std::string::npos) throw Error("git cat-file: unexpected end of output");
      std::string header = r.out.substr(pos, eol - pos);
      pos = eol + 1;
      std::vector<std::string> parts = split(header, ' ');
      if (parts.size() != 3 || parts[1] == "missing") {
        out.emplace_back(std::nullopt);
        continue;
      }
      size_t size = std::stoul(parts[2]);
      out.emplace_back(r.out.substr(pos, size));
      pos += size + 1;
    }
    return out;
  }

 private:
  fs::path root_;
  mutable fs::path git_dir_, common_dir_, toplevel_;
  mutable std::optional<std::string> prefix_;
};

fs::path state_dir(const Store& store) { return store.root() / ".crm" / "state"; }

// crm runs git under its own lock, with a marker that says so: a marker found
// on the next run means crm was killed while git ran, and what git leaves
// behind when killed (index.lock and other locks, .merge_file_* temp files)
// can go — once no git of that run is still finishing.
class GitSession {
 public:
  GitSession(const Store& store, const Repo& repo, const Notify& note)
      : state_dir_(state_dir(store)), marker_(state_dir_ / "git-running") {
    std::error_code ec;
    if (fs::exists(marker_, ec)) {
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (git_running_in(repo.toplevel()) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      int removed = remove_stale(repo);
      if (removed > 0)
        note("removed " + std::to_string(removed) + " lock and temp file" + (removed == 1 ? "" : "s") +
             " an interrupted git left behind");
    }
    fs::create_directories(state_dir_);
    // Its existence is what counts: written in place, so a kill leaves no temp file.
    int fd = ::open(marker_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) throw Error("cannot create " + marker_.string() + ": " + std::strerror(errno));
    std::string pid = std::to_string(::getpid()) + "\n";
    (void)!::write(fd, pid.data(), pid.size());
    ::close(fd);
  }
  ~GitSession() { ::unlink(marker_.c_str()); }
  GitSession(const GitSession&) = delete;
  GitSession& operator=(const GitSession&) = delete;

 private:
  int remove_stale(const Repo& repo) const {
    int removed = 0;
    auto rm = [&](const fs::path& p) {
      struct stat st;
      if (::lstat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::unlink(p.c_str()) == 0) ++removed;
    };
    auto rm_matching = [&](const fs::path& dir, bool recursive, auto&& wanted) {
      std::error_code ec;
      std::vector<fs::path> found;
      if (recursive) {
        for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it); it.increment(ec))
          if (wanted(it->path().filename().string())) found.push_back(it->path());
      } else {
        for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::end(it); it.increment(ec))
          if (wanted(it->path().filename().string())) found.push_back(it->path());
      }
      for (const fs::path& p : found) rm(p);
    };
    auto is_lock = [](const std::string& n) { return ends_with(n, ".lock"); };
    for (const fs::path& dir : {repo.git_dir(), repo.common_dir()}) {
      rm_matching(dir, false, is_lock);  // index.lock, HEAD.lock, REBASE_HEAD.lock, packed-refs.lock, …
      rm_matching(dir / "refs", true, is_lock);
      rm_matching(dir / "logs", true, is_lock);
    }
    // git's merge temp files (.merge_file_XXXXXX) and those of a killed merge driver's write.
    rm_matching(repo.toplevel(), false,
                [](const std::string& n) { return starts_with(n, ".merge_file_") || starts_with(n, "..merge_file_"); });
    rm_matching(state_dir_, false, [](const std::string& n) { return is_temp_file_name(n); });
    return removed;
  }

  fs::path state_dir_, marker_;
};

// .crm/state/sync: what a sync under way is doing. `running`: it may rebase
// and push; the branch was `backup` before it. `stopped`: a rebase waits for
// the user to resolve conflicts.
struct SyncState {
  std::string phase;  // "", running, stopped
  std::string branch, backup, upstream, git_dir;
};

SyncState read_state(const Store& store) {
  SyncState st;
  std::error_code ec;
  fs::path file = state_dir(store) / "sync";
  if (!fs::exists(file, ec)) return st;
  for (const std::string& line : split(read_file(file, 4096), '\n')) {
    size_t colon = line.find(": ");
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "phase") st.phase = value;
    if (key == "branch") st.branch = value;
    if (key == "backup") st.backup = value;
    if (key == "upstream") st.upstream = value;
    if (key == "git_dir") st.git_dir = value;
  }
  return st;
}

void write_state(const Store& store, const SyncState& st) {
  fs::create_directories(state_dir(store));
  write_file_atomic(state_dir(store) / "sync", "phase: " + st.phase + "\nbranch: " + st.branch +
                                                   "\nbackup: " + st.backup + "\nupstream: " + st.upstream +
                                                   "\ngit_dir: " + st.git_dir + "\n");
}

void clear_state(const Store& store) { ::unlink((state_dir(store) / "sync").c_str()); }

const char* const kBackupRef = "refs/crm/sync-backup";

std::string nul_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += s + '\0';
  return out;
}

// A store-relative path of a record file → its schema (nullptr: not a record).
const Schema* record_schema(const Store& store, const std::string& rel) {
  size_t slash = rel.find('/');
  if (slash == std::string::npos || rel.find('/', slash + 1) != std::string::npos) return nullptr;
  if (!ends_with(rel, ".yaml") || rel[slash + 1] == '.') return nullptr;
  return store.schemas().by_folder(rel.substr(0, slash));
}

std::optional<Node> parse_record_text(const std::optional<std::string>& text, const std::string& where) {
  if (!text) return std::nullopt;
  if (trim(*text).empty()) return Node::map();
  return parse_yaml(*text, where);
}

std::string strip_prefix(const Repo& repo, const std::string& path) {
  return starts_with(path, repo.prefix()) ? path.substr(repo.prefix().size()) : path;
}

// The lines .gitattributes needs: LF for every YAML file, the record merge
// driver for record folders only (.crm/config.yaml merges as text, comments kept).
std::vector<std::string> attribute_lines(const Store& store) {
  std::vector<std::string> lines = {"*.yaml text eol=lf"};
  for (const Schema& s : store.schemas().all()) lines.push_back(s.folder + "/*.yaml merge=crm");
  return lines;
}

const std::vector<std::string> kIgnoreLines = {".crm/cache/", ".crm/lock",    ".crm/edit/",
                                               ".crm/state/", ".crm/outbox/", ".*.tmp-*"};

// Appends the lines `file` lacks and drops the `obsolete` ones; true when it changed.
bool ensure_lines(const fs::path& file, const std::vector<std::string>& lines, const std::string& header,
                  const std::vector<std::string>& obsolete = {}) {
  std::string text;
  std::error_code ec;
  // A clone's link here may point anywhere: never written through (nor replaced).
  if (fs::is_symlink(fs::symlink_status(file, ec)))
    throw InvalidData(Location{file.string(), 0, 0, ""}, "is a symbolic link, which crm does not write through");
  if (fs::exists(file, ec)) text = read_file(file, 1 << 20);
  std::string kept;
  bool changed = false;
  for (const std::string& line : split(text, '\n')) {
    if (std::find(obsolete.begin(), obsolete.end(), trim(line)) != obsolete.end()) {
      changed = true;
      continue;
    }
    kept += line + "\n";
  }
  if (!text.empty() && text.back() == '\n') kept.pop_back();  // split gave a last empty line
  std::string add;
  for (const std::string& line : lines) {
    bool present = false;
    for (const std::string& existing : split(kept, '\n')) present = present || trim(existing) == line;
    if (!present) add += line + "\n";
  }
  if (add.empty() && !changed) return false;
  if (!kept.empty() && kept.back() != '\n') kept += "\n";
  if (trim(kept).empty()) kept = header;
  write_file_atomic(file, kept + add);
  return true;
}

// The repository's files a store needs: attributes, ignores. True when one changed.
bool ensure_repo_files(const Store& store) {
  bool a = ensure_lines(store.root() / ".gitattributes", attribute_lines(store),
                        "# crm records: LF line ends, merged field by field by `crm merge-file`\n",
                        {"*.yaml text eol=lf merge=crm"});
  bool i = ensure_lines(store.root() / ".gitignore", kIgnoreLines, "# derived and temporary files: never the truth\n");
  return a || i;
}

// Runs a merge driver command line the way git does (sh -c, %O %A %B %P
// replaced) on a tiny record whose sides change different fields.
bool driver_works(const Repo& repo, const std::string& driver) {
  fs::path dir = repo.git_dir() / "crm-driver-probe";
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir);
  write_file_atomic(dir / "O", "id: probe0000000000\nname: A\n", false);
  write_file_atomic(dir / "A", "id: probe0000000000\nname: A\ntitle: T\n", false);
  write_file_atomic(dir / "B", "id: probe0000000000\nname: A\nphone: \"1\"\n", false);
  std::string cmd;
  for (size_t i = 0; i < driver.size(); ++i) {
    if (driver[i] == '%' && i + 1 < driver.size() && std::string("OABP").find(driver[i + 1]) != std::string::npos) {
      char c = driver[++i];
      cmd += c == 'P' ? shell_quote("contacts/probe0000000000.yaml") : shell_quote((dir / std::string(1, c)).string());
    } else {
      cmd += driver[i];
    }
  }
  // git runs a driver through sh in the top level of the work tree; so does a
  // shell alias, which lets git itself run the probe the same way.
  GitResult r = run_git(repo.toplevel(), {"-c", "alias.crm-probe=!" + cmd, "crm-probe"});
  bool ok = r.code == 0;
  if (ok) {
    std::string merged = read_file(dir / "A", 4096);
    ok = merged.find("title: T") != std::string::npos && merged.find("phone:") != std::string::npos;
  }
  fs::remove_all(dir, ec);
  return ok;
}

// Makes sure merge.crm.driver runs, pointing it at this binary when it does not.
void ensure_driver(const Repo& repo, const Notify& note) {
  std::string current = repo.line({"config", "--get", "merge.crm.driver"});
  if (!current.empty() && driver_works(repo, current)) return;
  std::string mine = merge_driver_command();
  repo.must({"config", "merge.crm.name", "crm record merge (field by field)"}, "git config merge.crm.name");
  repo.must({"config", "merge.crm.driver", mine}, "git config merge.crm.driver");
  if (!driver_works(repo, mine))
    throw Error("the merge driver (" + mine + ") does not run; crm sync will not pull without it");
  if (!current.empty()) note("the merge driver did not run; it now runs " + self_executable());
}

void commit_local(const Store& store, const Repo& repo, const Notify& note) {
  std::vector<std::string> paths = {".crm/config.yaml", ".gitattributes", ".gitignore"};
  std::error_code ec;
  for (const Schema& s : store.schemas().all())
    if (fs::exists(store.root() / s.folder, ec)) paths.push_back(s.folder);
  paths.erase(
      std::remove_if(
          paths.begin(), paths.end(),
          [&](const std::string& p) {
            return !fs::exists(store.root() / p, ec) && repo.run({"ls-files", "--error-unmatch", "--", p}).code != 0;
          }),
      paths.end());
  std::string list = nul_list(paths);
  repo.must({"add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"}, "git add", &list);
  if (repo.run({"diff", "--cached", "--quiet"}).code != 1) return;
  std::string message = "crm: sync\n";
  repo.must({"commit", "-q", "--no-verify", "-F", "-"}, "git commit", &message);
  note("committed local changes");
}

// Writes a conflicted record as crm merges it, from the index's three stages.
// Returns "" when it merged cleanly (and is staged), else what stays to resolve.
std::string resolve_path(const Store& store, const Repo& repo, const std::string& path) {
  GitResult ls = repo.run({"ls-files", "-u", "-z", "--", path});
  std::map<int, std::string> stages;  // stage → blob
  for (const std::string& entry : split(ls.out, '\0')) {
    // "<mode> <sha> <stage>\t<path>"
    std::vector<std::string> parts = split(entry.substr(0, entry.find('\t')), ' ');
    if (parts.size() == 3) stages[std::stoi(parts[2])] = parts[1];
  }
  // In a rebase, stage 2 is the branch being built on origin, stage 3 the local commit.
  if (!stages.count(2) && stages.count(3)) return "removed on origin, changed here";
  if (stages.count(2) && !stages.count(3)) return "changed on origin, removed here";
  std::string rel = strip_prefix(repo, path);
  const Schema* schema = record_schema(store, rel);
  if (!schema) return "";  // git's text merge wrote its markers
  std::vector<std::string> specs;
  for (int s : {1, 2, 3})
    specs.push_back(stages.count(s) ? stages[s] : std::string("0000000000000000000000000000000000000000"));
  std::vector<std::optional<std::string>> blobs = repo.cat(specs);
  fs::path file = repo.toplevel() / path;
  try {
    std::optional<Node> base = parse_record_text(blobs[0], rel), ours = parse_record_text(blobs[1], rel),
                        theirs = parse_record_text(blobs[2], rel);
    MergeResult m = merge_records(base ? *base : Node::map(), ours ? *ours : Node::map(),
                                  theirs ? *theirs : Node::map(), schema, "origin", "local");
    write_file_atomic(file, m.text);
    if (!m.conflicts.empty()) return "(" + join(m.conflicts, ", ") + ")";
  } catch (const Error& e) {
    // A side that does not parse: git's line merge, with markers, for the user.
    fs::path dir = repo.git_dir() / "crm-text-merge";
    fs::create_directories(dir);
    write_file_atomic(dir / "base", blobs[0].value_or(""), false);
    write_file_atomic(dir / "origin", blobs[1].value_or(""), false);
    write_file_atomic(dir / "local", blobs[2].value_or(""), false);
    GitResult mf = repo.run({"merge-file", "-p", "-L", "origin", "-L", "base", "-L", "local", (dir / "origin").string(),
                             (dir / "base").string(), (dir / "local").string()});
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (mf.code < 0 || mf.code > 127) throw Conflict("git merge-file failed on " + rel);
    write_file_atomic(file, mf.out);
    if (mf.code != 0) return std::string("(does not merge field by field: ") + e.what() + ")";
  }
  repo.must({"add", "--", path}, "git add " + rel);
  return "";
}

// Field details of a file that still holds conflict markers.
std::string marker_fields(const std::string& text) {
  std::vector<std::string> fields;
  bool inside = false;
  for (const std::string& line : split(text, '\n')) {
    if (starts_with(line, "<<<<<<<")) {
      inside = true;
    } else if (starts_with(line, "=======")) {
      inside = false;
    } else if (inside && !line.empty() && line[0] != ' ' && line[0] != '-' && line.find(':') != std::string::npos) {
      std::string f = line.substr(0, line.find(':'));
      if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(f);
    }
  }
  return fields.empty() ? "" : "(" + join(fields, ", ") + ")";
}

// Resolves what crm can of a stopped rebase and continues it, until it is done
// (true) or stops on conflicts only the user can settle (false, `out` filled).
bool drive_rebase(const Store& store, const Repo& repo, std::vector<SyncConflict>& out) {
  for (int round = 0; round < 10000 && repo.rebasing(); ++round) {
    std::vector<std::string> paths = repo.unmerged();
    if (paths.empty()) {
      // Stopped without a conflict (an empty commit, say): go on.
      GitResult c = repo.run({"rebase", "--continue"});
      if (c.code != 0 && repo.unmerged().empty() && repo.rebasing()) {
        GitResult skip = repo.run({"rebase", "--skip"});
        if (skip.code != 0 && repo.unmerged().empty())
          throw Conflict("git rebase stopped: " + first_line(c.err + c.out));
      }
      continue;
    }
    std::vector<SyncConflict> open;
    for (const std::string& p : paths) {
      std::string detail = resolve_path(store, repo, p);
      // A file that is not a record keeps git's own line conflict (and markers).
      if (detail.empty() && !trim(repo.run({"ls-files", "-u", "--", p}).out).empty()) detail = "(lines)";
      if (!detail.empty()) open.push_back({strip_prefix(repo, p), detail});
    }
    if (!open.empty()) {
      out = open;
      return false;
    }
    GitResult c = repo.run({"rebase", "--continue"});
    if (c.code != 0 && repo.unmerged().empty() && repo.rebasing())
      throw Conflict("git rebase --continue failed: " + first_line(c.err + c.out));
  }
  return true;
}

// After the user edited the conflicted files: stage them (a removed file as a
// removal) and continue. False when a file still has markers (`out` filled).
bool resume_rebase(const Store& store, const Repo& repo, std::vector<SyncConflict>& out) {
  std::vector<std::string> paths = repo.unmerged();
  std::vector<SyncConflict> open;
  for (const std::string& p : paths) {
    fs::path file = repo.toplevel() / p;
    std::error_code ec;
    if (!fs::exists(file, ec)) continue;
    std::string text = read_file(file, kMaxRecordBytes + 1);
    if (find_conflict_marker(text)) open.push_back({strip_prefix(repo, p), marker_fields(text)});
  }
  if (!open.empty()) {
    out = open;
    return false;
  }
  if (!paths.empty()) {
    std::string list = nul_list(paths);
    repo.must({"add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"}, "git add", &list);
  }
  GitResult c = repo.run({"rebase", "--continue"});
  if (c.code != 0 && repo.unmerged().empty() && repo.rebasing()) {
    // Nothing left to commit for this step (the user kept origin's side).
    repo.run({"rebase", "--skip"});
  }
  return drive_rebase(store, repo, out);
}

// Puts the branch back where it was before the sync.
void restore_backup(const Repo& repo, const SyncState& st) {
  if (repo.rebasing() && repo.run({"rebase", "--abort"}).code != 0) repo.run({"rebase", "--quit"});
  if (!st.branch.empty() && repo.branch() != st.branch) repo.must({"checkout", "-q", "-f", st.branch}, "git checkout");
  repo.must({"reset", "-q", "--hard", st.backup}, "git reset");
}

// Records whose references the sync left dangling (a company removed on one
// side, a contact linked to it on the other).
std::vector<std::string> dangling_references(const Store& store, const Repo& repo, const std::string& base) {
  std::vector<std::string> out;
  GitResult diff = repo.run({"diff", "--name-only", "-z", "--no-renames", "--diff-filter=AM", base, "HEAD", "--", "."});
  for (const std::string& path : split(diff.out, '\0')) {
    std::string rel = strip_prefix(repo, path);
    const Schema* schema = record_schema(store, rel);
    if (!schema) continue;
    std::string id = fs::path(rel).stem().string();
    try {
      Record r = store.load(*schema, id);
      for (const Field& f : schema->fields) {
        if (f.type != FieldType::Ref && f.type != FieldType::Refs) continue;
        const Node* v = r.data.find(f.name);
        if (!v) continue;
        std::vector<const Node*> refs;
        if (v->is_scalar() && !v->text.empty()) refs.push_back(v);
        for (const Node& item : v->items) refs.push_back(&item);
        for (const Node* ref : refs)
          if (is_valid_id(ref->text) && !store.type_of(ref->text))
            out.push_back(rel + ": " + f.name + " refers to " + ref->text + ", which the other side removed");
      }
    } catch (const Error&) {
      // check reports records that do not parse
    }
  }
  return out;
}

// The records the pull added or changed since `before` (the local HEAD
// before the sync), with their data then: the rules fire for them.
std::vector<Arrived> arrived_records(const Store& store, const Repo& repo, const std::string& before) {
  std::vector<Arrived> out;
  GitResult diff =
      repo.run({"diff", "--name-only", "-z", "--no-renames", "--diff-filter=AM", before, "HEAD", "--", "."});
  for (const std::string& path : split(diff.out, '\0')) {
    std::string rel = strip_prefix(repo, path);
    const Schema* schema = record_schema(store, rel);
    if (!schema) continue;
    Arrived a{schema->type, fs::path(rel).stem().string(), std::nullopt};
    GitResult old = repo.run({"show", before + ":" + path});
    try {
      if (old.code == 0) a.before = parse_yaml(old.out, rel);
    } catch (const Error&) {
      // an old version that does not parse: the record is as new
    }
    out.push_back(std::move(a));
  }
  return out;
}

// A git killed while it checked out the commits it rebases onto leaves their
// files in the work tree without telling the index: untracked files that the
// next commit would add back (a record removed here would come back). When
// a sync ran, every record was committed first, so an untracked record file
// whose bytes are those of origin's version is git's, not the user's: it goes.
void remove_checkout_leftovers(const Store& store, const Repo& repo, const SyncState& st) {
  if (st.upstream.empty()) return;
  std::vector<std::string> args = {"ls-files", "--others", "--exclude-standard", "-z", "--"};
  for (const Schema& s : store.schemas().all()) args.push_back(s.folder);  // a few folders: no argv limit near
  GitResult others = repo.run(args);
  for (const std::string& path : split(others.out, '\0')) {
    if (path.empty()) continue;
    // Paths are relative to the store's folder, as git is run in it.
    std::string theirs = repo.line({"rev-parse", "-q", "--verify", st.upstream + ":./" + path});
    std::string mine = repo.line({"hash-object", "--", path});
    if (!theirs.empty() && theirs == mine) ::unlink((store.root() / path).c_str());
  }
}

// A push refused because the remote could not lock the ref: not "origin
// moved" (fetching again changes nothing), but a lock a killed push left there.
bool locked_remote_ref(const std::string& output) {
  return output.find("failed to lock") != std::string::npos || output.find("cannot lock ref") != std::string::npos;
}

// The lock files git names in "Unable to create '…/HEAD.lock': File exists".
std::vector<std::string> remote_lock_files(const std::string& output) {
  std::vector<std::string> out;
  const std::string key = "Unable to create '";
  for (size_t pos = output.find(key); pos != std::string::npos; pos = output.find(key, pos)) {
    pos += key.size();
    size_t end = output.find('\'', pos);
    if (end == std::string::npos) break;
    std::string path = fs::path(output.substr(pos, end - pos)).lexically_normal().string();
    if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
  }
  return out;
}

std::string remote_of(const Repo& repo, const std::string& branch) {
  std::string r = repo.line({"config", "--get", "branch." + branch + ".remote"});
  if (!r.empty()) return r;
  GitResult remotes = repo.run({"remote"});
  std::vector<std::string> names;
  for (const std::string& n : split(remotes.out, '\n'))
    if (!trim(n).empty()) names.push_back(trim(n));
  if (std::find(names.begin(), names.end(), "origin") != names.end()) return "origin";
  return names.empty() ? "" : names.front();
}

}  // namespace

std::string merge_driver_command() { return shell_quote(self_executable()) + " merge-file %O %A %B %P"; }

void setup_git(const Store& store, bool new_repository, const Notify& note) {
  const fs::path& root = store.root();
  bool inside = in_git_work_tree(root);
  Repo repo(root);
  if (inside && new_repository && fs::path(repo.toplevel()) != fs::weakly_canonical(root)) {
    note("the store gets a repository of its own inside the one at " + repo.toplevel().string());
    inside = false;
  }
  if (!inside) {
    GitResult r = run_git(root, {"init", "-q"});
    if (r.code != 0) throw Error("git init failed: " + first_line(r.err + r.out));
  } else if (fs::path(repo.toplevel()) != fs::weakly_canonical(root)) {
    note("the store is a folder of the git repository at " + repo.toplevel().string() +
         ": crm sync commits only the store's files, and pushes that repository");
  }
  ensure_repo_files(store);
  Repo fresh(root);
  fresh.must({"config", "merge.crm.name", "crm record merge (field by field)"}, "git config merge.crm.name");
  fresh.must({"config", "merge.crm.driver", merge_driver_command()}, "git config merge.crm.driver");
}

void autocommit(const Store& store, const Notify& note) {
  if (!store.config().autocommit || store.changes().empty()) return;
  if (!in_git_work_tree(store.root())) {
    note("git.autocommit is on but " + store.root().string() + " is not in a git repository");
    return;
  }
  auto lock = store.lock();  // one git at a time, and after a sync's interruption, none
  Repo repo(store.root());
  GitSession session(store, repo, note);
  if (repo.rebasing()) {
    note("git.autocommit: not committed while a rebase is under way; crm sync commits it");
    return;
  }
  std::set<std::string> paths;
  for (const auto& c : store.changes()) paths.insert(c.path);
  const auto& first = store.changes().front();
  std::string short_id = first.id.substr(0, 8);
  std::string subject;
  if (store.changes().size() == 1 || std::all_of(store.changes().begin(), store.changes().end(),
                                                 [&](const Store::Change& c) { return c.id == first.id; })) {
    subject = "crm: " + first.action + " " + first.type + " " + (first.title.empty() ? "" : first.title + " ") + "(" +
              short_id + "…)";
  } else {
    subject = "crm: " + first.action + " " + first.type + " " + first.title + " and " +
              std::to_string(paths.size() - 1) + " more";
  }
  std::string message = subject + "\n\n";
  for (const auto& c : store.changes()) message += "- " + c.action + " " + c.type + " " + c.title + " (" + c.id + ")\n";
  // The message and the paths go through files and stdin: thousands of them
  // would pass the 128 KiB limit of one argument.
  std::string list = nul_list(std::vector<std::string>(paths.begin(), paths.end()));
  fs::path msg_file = repo.git_dir() / "CRM_COMMIT_MSG";
  try {
    write_file_atomic(msg_file, message, false);
    repo.must({"add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"}, "git add", &list);
    repo.must({"commit", "-q", "--no-verify", "-F", msg_file.string(), "--pathspec-from-file=-", "--pathspec-file-nul"},
              "the commit", &list);
  } catch (const Error& e) {
    repo.run({"reset", "-q", "--pathspec-from-file=-", "--pathspec-file-nul"}, &list);  // leave nothing staged
    note(std::string("git.autocommit: ") + e.what());
  }
  ::unlink(msg_file.c_str());
}

Undone undo_last_commit(const Store& store, const Notify& note) {
  if (!in_git_work_tree(store.root()))
    throw UsageError(store.root().string() +
                     " is not a git repository: crm undo takes back crm's commits "
                     "(git.autocommit: true in .crm/config.yaml)");
  auto lock = store.lock();
  Repo repo(store.root());
  GitSession session(store, repo, note);
  if (repo.rebasing()) throw Conflict("a rebase is under way; finish it with crm sync first");
  std::string head = repo.commit("HEAD");
  if (head.empty()) throw UsageError("the repository has no commit yet: nothing to undo");
  std::string subject = repo.line({"log", "-1", "--format=%s", "HEAD"});
  // crm's own commits: autocommits and undos; not "crm: sync" (it gathers
  // whatever was changed by hand) and not a merge.
  bool ours = starts_with(subject, "crm: ") && subject != "crm: sync" &&
              repo.line({"rev-list", "--parents", "-n", "1", "HEAD"}).find(' ', 41) == std::string::npos;
  if (!ours)
    throw UsageError("the last commit is not one of crm's (\"" + subject +
                     "\"); crm undo takes back only the commit a crm command made");
  GitResult files = repo.run({"diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", "HEAD"});
  Undone u;
  u.subject = subject;
  for (const std::string& f : split(files.out, '\0'))
    if (!f.empty()) u.files.push_back(strip_prefix(repo, f));
  // Pushed when a remote-tracking branch holds it: only a new commit can take it back then.
  GitResult remote = repo.run({"branch", "-r", "--contains", head});
  u.reverted = !trim(remote.out).empty();
  if (u.reverted) {
    std::string message =
        (starts_with(subject, "crm: undo ") ? "crm: redo " + subject.substr(10) : "crm: undo " + subject.substr(5)) +
        "\n\nThis reverts commit " + head + ".\n";
    repo.must({"revert", "--no-edit", "--no-commit", head}, "git revert");
    repo.must({"commit", "-q", "--no-verify", "-F", "-"}, "git commit", &message);
  } else {
    GitResult parent = repo.run({"rev-parse", "--verify", "-q", "HEAD^"});
    if (parent.code != 0) throw UsageError("the first commit of the repository cannot be undone");
    repo.must({"reset", "-q", "--keep", "HEAD^"}, "git reset");
  }
  return u;
}

std::vector<LostChange> find_lost_changes(const Store& store, const std::string& base, const std::string& local,
                                          const std::string& upstream, const std::string& result) {
  Repo repo(store.root());
  std::vector<LostChange> lost;
  GitResult diff = repo.must({"diff", "--name-only", "-z", "--no-renames", base, local, "--", "."}, "git diff");
  std::vector<std::string> paths;
  for (const std::string& p : split(diff.out, '\0'))
    if (!p.empty()) paths.push_back(p);
  // Object names first: most files come through unchanged and need no parsing.
  std::vector<std::string> specs;
  for (const std::string& p : paths)
    for (const std::string* rev : {&base, &local, &upstream, &result}) specs.push_back(*rev + ":" + p);
  std::vector<std::optional<std::string>> blobs = repo.cat(specs);
  for (size_t i = 0; i < paths.size(); ++i) {
    const auto& b = blobs[4 * i];
    const auto& l = blobs[4 * i + 1];
    const auto& u = blobs[4 * i + 2];
    const auto& r = blobs[4 * i + 3];
    std::string rel = strip_prefix(repo, paths[i]);
    if (r == l) continue;
    bool upstream_changed = u != b;
    if (!l) {  // removed here
      if (r && !upstream_changed) lost.push_back({rel, "the removal"});
      continue;  // changed on origin, removed here: the user kept it
    }
    if (!r) {
      if (u || !upstream_changed) lost.push_back({rel, "the record"});  // unless removed on origin: the user's choice
      continue;
    }
    if (!upstream_changed) {
      lost.push_back({rel, "the change"});  // a rebase applies an untouched file as it is
      continue;
    }
    const Schema* schema = record_schema(store, rel);
    if (!schema) continue;  // both sides changed a text file: git merged the lines
    try {
      std::optional<Node> nb = parse_record_text(b, rel), nl = parse_record_text(l, rel),
                          nu = parse_record_text(u, rel), nr = parse_record_text(r, rel);
      Node empty = Node::map();
      MergeResult m = merge_records(nb ? *nb : empty, nu ? *nu : empty, *nl, schema);
      auto conflicted = [&](const std::string& key) {
        return std::any_of(m.conflicts.begin(), m.conflicts.end(),
                           [&](const std::string& c) { return c == key || starts_with(c, key + "."); });
      };
      std::set<std::string> keys;
      for (const Node* side : {nb ? &*nb : &empty, &*nl})
        for (const auto& e : side->entries) keys.insert(e.first);
      for (const std::string& key : keys) {
        if (key == "updated" || conflicted(key)) continue;
        const Node* before = nb ? nb->find(key) : nullptr;
        const Node* mine = nl->find(key);
        bool changed_here = (before == nullptr) != (mine == nullptr) || (before && !before->same_value(*mine));
        if (!changed_here) continue;
        const Node* want = m.merged.find(key);
        const Node* got = nr->find(key);
        bool same = (want == nullptr || want->empty()) ? (got == nullptr || got->empty())
                                                       : (got != nullptr && got->same_value(*want));
        if (!same) lost.push_back({rel, key});
      }
    } catch (const Error&) {
      // A side that does not parse was merged as text by the user.
    }
  }
  return lost;
}

SyncResult sync_store(const Store& store, const Notify& note) {
  const fs::path& root = store.root();
  if (!in_git_work_tree(root))
    throw UsageError(root.string() + " is not a git repository; make it one with: crm git setup");
  auto lock = store.lock(/*during_sync=*/true);
  Repo repo(root);
  GitSession session(store, repo, note);
  SyncResult result;
  auto stop_on_conflicts = [&](SyncState stopped) {
    stopped.phase = "stopped";
    write_state(store, stopped);
  };
  auto verify_or_restore = [&](const SyncState& st) {
    if (st.upstream.empty() || repo.commit("HEAD") == st.backup) return;
    std::string base = repo.line({"merge-base", st.backup, st.upstream});
    std::vector<LostChange> lost = find_lost_changes(store, base, st.backup, st.upstream, "HEAD");
    if (lost.empty()) return;
    restore_backup(repo, st);
    clear_state(store);
    std::vector<std::string> what;
    for (const LostChange& l : lost) what.push_back(l.path + " (" + l.what + ")");
    if (what.size() > 5) what.resize(5), what.push_back("…");
    throw Conflict("the merge would lose local changes: " + join(what, ", ") +
                   "; nothing was pushed, and the branch is back as it was before the sync (" + kBackupRef + ")");
  };

  // 1. What an earlier sync left: an interruption to undo, or conflicts the user resolved.
  SyncState st = read_state(store);
  bool rebased = false;
  if (st.phase == "running") {
    if (repo.rebasing() && repo.run({"rebase", "--abort"}).code != 0) repo.run({"rebase", "--quit"});
    if (!st.branch.empty() && repo.branch() != st.branch)
      repo.must({"checkout", "-q", "-f", st.branch}, "git checkout");
    std::string head = repo.commit("HEAD");
    bool keep = head == st.backup;
    if (!keep && !st.upstream.empty() && repo.is_ancestor(st.upstream, head)) {
      std::string base = repo.line({"merge-base", st.backup, st.upstream});
      keep = find_lost_changes(store, base, st.backup, st.upstream, head).empty();
    }
    repo.must({"reset", "-q", "--hard", keep ? head : st.backup}, "git reset");
    remove_checkout_leftovers(store, repo, st);
    clear_state(store);
    note("an interrupted sync was undone; syncing again");
  } else if (st.phase == "stopped") {
    if (repo.rebasing()) {
      st.phase = "running";
      write_state(store, st);
      std::vector<SyncConflict> open;
      if (!resume_rebase(store, repo, open)) {
        result.conflicts = open;
        stop_on_conflicts(st);
        return result;
      }
      verify_or_restore(st);
      rebased = true;
    } else {
      verify_or_restore(st);
      clear_state(store);
    }
  }
  if (repo.branch().empty())
    throw Conflict("HEAD is not on a branch; check one out (git checkout main) and sync again");

  // 2. Commit what changed here.
  ensure_repo_files(store);
  commit_local(store, repo, note);
  std::string before_pull = repo.commit("HEAD");

  std::string branch = repo.branch();
  std::string remote = remote_of(repo, branch);
  if (remote.empty()) {
    clear_state(store);
    note("no git remote: changes are committed locally only (add one: git remote add origin URL)");
    return result;
  }
  ensure_driver(repo, note);
  for (int attempt = 0; attempt < 4; ++attempt) {
    if (!rebased) {
      // 3. Record what is about to be rebased, fetch, rebase.
      st = SyncState{"running", branch, repo.commit("HEAD"), "", repo.git_dir().string()};
      repo.must({"update-ref", kBackupRef, st.backup}, "git update-ref");
      write_state(store, st);
      repo.must({"fetch", "-q", remote}, "git fetch");
      std::string tracking = repo.line({"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"});
      if (tracking.empty()) tracking = remote + "/" + branch;
      st.upstream = repo.commit(tracking);
      write_state(store, st);
      if (!st.upstream.empty() && !repo.is_ancestor(st.upstream, "HEAD")) {
        GitResult reb = repo.run({"rebase", "-q", "--no-autostash", st.upstream});
        if (reb.code != 0) {
          if (!repo.rebasing()) throw Conflict("git rebase failed: " + first_line(reb.err + reb.out));
          std::vector<SyncConflict> open;
          if (!drive_rebase(store, repo, open)) {
            result.conflicts = open;
            stop_on_conflicts(st);
            return result;
          }
        }
        verify_or_restore(st);
      }
    }
    rebased = false;
    if (!st.upstream.empty()) {
      std::string base = repo.line({"merge-base", st.backup, st.upstream});
      for (const std::string& w : dangling_references(store, repo, base)) result.warnings.push_back(w);
    }
    // 4. Push; when origin moved meanwhile, fetch and rebase again.
    bool has_upstream = !repo.line({"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"}).empty();
    GitResult push =
        has_upstream ? repo.push({"-q", remote, "HEAD:" + branch}) : repo.push({"-q", "-u", remote, "HEAD:" + branch});
    if (push.code == 0) {
      clear_state(store);
      note("synced with " + remote);
      if (!before_pull.empty()) result.arrived = arrived_records(store, repo, before_pull);
      return result;
    }
    std::string why = first_line(push.err + push.out);
    if (locked_remote_ref(push.err + push.out)) {
      clear_state(store);
      std::vector<std::string> locks = remote_lock_files(push.err + push.out);
      if (locks.empty()) locks.push_back("refs/heads/" + branch + ".lock in that repository");
      throw Conflict("git push failed: " + remote + " could not lock its branch " + branch +
                     ": another push to it is under way, or one was killed and left its lock behind (" +
                     join(locks, ", ") +
                     "); nothing local is lost: when no push to it is running, remove that file and run crm sync "
                     "again");
    }
    bool moved = (push.err + push.out).find("rejected") != std::string::npos ||
                 (push.err + push.out).find("fetch first") != std::string::npos;
    if (!moved) {
      clear_state(store);
      throw Conflict("git push failed: " + why);
    }
  }
  clear_state(store);
  throw Conflict("origin kept moving while syncing; run crm sync again");
}

}  // namespace crm
