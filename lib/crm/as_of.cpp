#include "crm/as_of.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <random>
#include <set>

#include "crm/error.hpp"
#include "crm/git.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace fs = std::filesystem;

namespace {

// How many materialized commits .crm/cache/asof keeps (the least recently used go).
constexpr size_t kKeptCommits = 4;

// git, never refreshing the index on the way (`git status` would rewrite it).
GitResult git(const fs::path& dir, const std::vector<std::string>& args, const std::string* input = nullptr) {
  return run_git(dir, args, {"GIT_OPTIONAL_LOCKS=0"}, input);
}

std::string git_time(Seconds t) {
  // ISO 8601 with an explicit offset: git reads it the same in every zone.
  return date::format("%F %T +0000", t);
}

// Removes the folder `name` in `parent` with everything in it, never
// following a link.
void remove_tree(const Dir& parent, const std::string& name) {
  if (Dir d = parent.sub(name)) {
    for (const std::string& n : d.names()) {
      struct stat st;
      if (!d.lstat(n, st)) continue;
      if (S_ISDIR(st.st_mode))
        remove_tree(d, n);
      else
        d.remove(n);
    }
  }
  ::unlinkat(parent.fd(), name.c_str(), AT_REMOVEDIR);
}

std::string random_name(const std::string& prefix) {
  std::random_device rd;
  return prefix + std::to_string(::getpid()) + "-" + std::to_string(rd());
}

// A path in the tree that belongs to a store: the config, the declared
// schemas, and "<folder>/<name>.yaml" records (hidden names left out).
bool store_file(const std::string& path) {
  auto yaml_name = [](std::string_view n) {
    return n.size() > 5 && n[0] != '.' && n.find('/') == std::string_view::npos && n.substr(n.size() - 5) == ".yaml";
  };
  if (path == ".crm/config.yaml") return true;
  if (path.rfind(".crm/schemas/", 0) == 0) return yaml_name(std::string_view(path).substr(13));
  size_t slash = path.find('/');
  if (slash == std::string::npos || slash == 0 || path[0] == '.') return false;
  return yaml_name(std::string_view(path).substr(slash + 1));
}

struct TreeFile {
  std::string path, sha;  // sha "": removed
};

// The store's files in `treeish`: regular files only (links and submodules left out).
std::vector<TreeFile> tree_files(const fs::path& root, const std::string& treeish) {
  GitResult r = git(root, {"ls-tree", "--full-tree", "-r", "-z", treeish});
  if (r.code != 0) throw Error("git ls-tree " + treeish + " failed: " + trim(r.err));
  std::vector<TreeFile> files;
  for (const std::string& line : split(r.out, '\0')) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::vector<std::string> head = split(line.substr(0, tab), ' ');
    std::string path = line.substr(tab + 1);
    if (head.size() != 3 || head[1] != "blob" || (head[0] != "100644" && head[0] != "100755")) continue;
    if (store_file(path)) files.push_back({path, head[2]});
  }
  return files;
}

// What changed from `from` to `to`: files added or changed (with their new
// blob), and removed (sha ""); a file that became a link or a submodule is removed.
std::vector<TreeFile> changed_files(const fs::path& root, const std::string& from, const std::string& to) {
  GitResult r = git(root, {"diff-tree", "-r", "-z", "--no-renames", from, to});
  if (r.code != 0) throw Error("git diff-tree " + from + " " + to + " failed: " + trim(r.err));
  std::vector<std::string> parts = split(r.out, '\0');
  std::vector<TreeFile> files;
  for (size_t i = 0; i + 1 < parts.size(); i += 2) {
    // ":old-mode new-mode old-sha new-sha status", then the path
    std::vector<std::string> head = split(parts[i], ' ');
    const std::string& path = parts[i + 1];
    if (head.size() != 5 || !store_file(path)) continue;
    bool file = head[1] == "100644" || head[1] == "100755";
    files.push_back({path, head[4] == "D" || !file ? "" : head[3]});
  }
  return files;
}

// Writes into a folder nobody reads yet (it gets its name when complete), so
// files are written in place: no temp file, no fsync (it is derived).
void write_in_place(const Dir& dir, const std::string& name, std::string_view bytes) {
  int fd = dir.open_file(name, O_WRONLY | O_CREAT | O_TRUNC);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      throw IoError("cannot write " + dir.shown(name) + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
}

class TreeWriter {
 public:
  explicit TreeWriter(const Dir& top) : top_(top) {}
  void write(const std::string& path, std::string_view bytes) {
    auto [dir, name] = place(path);
    write_in_place(dir, name, bytes);
  }
  void remove(const std::string& path) {
    auto [dir, name] = place(path);
    dir.remove(name);
  }

 private:
  // The folder of `path` (made when missing, opened once) and the file's name.
  std::pair<const Dir&, std::string> place(const std::string& path) {
    size_t slash = path.rfind('/');
    std::string folder = path.substr(0, slash);
    auto it = dirs_.find(folder);
    if (it == dirs_.end()) {
      Dir d = top_.sub(split(folder, '/')[0], true);
      if (folder == ".crm/schemas") d = d.sub("schemas", true);
      it = dirs_.emplace(folder, std::move(d)).first;
    }
    return {it->second, path.substr(slash + 1)};
  }
  const Dir& top_;
  std::map<std::string, Dir> dirs_;
};

// Writes `files` (removes those without a blob) into `into`, the blobs read
// in one `git cat-file --batch`.
void write_files(const fs::path& root, const std::vector<TreeFile>& files, const Dir& into) {
  std::string input;
  for (const TreeFile& f : files)
    if (!f.sha.empty()) input += f.sha + "\n";
  GitResult r = git(root, {"cat-file", "--batch"}, &input);
  if (r.code != 0) throw Error("git cat-file failed: " + trim(r.err));
  TreeWriter writer(into);
  into.sub(".crm", true);
  size_t pos = 0;
  for (const TreeFile& f : files) {
    if (f.sha.empty()) {
      writer.remove(f.path);
      continue;
    }
    size_t eol = r.out.find('\n', pos);
    if (eol == std::string::npos) throw Error("git cat-file: short output at " + f.path);
    std::vector<std::string> head = split(r.out.substr(pos, eol - pos), ' ');
    if (head.size() != 3 || head[0] != f.sha || head[1] != "blob")
      throw Error("git cat-file: unexpected \"" + r.out.substr(pos, eol - pos) + "\" for " + f.path);
    size_t size = std::stoull(head[2]);
    if (eol + 1 + size > r.out.size()) throw Error("git cat-file: short output at " + f.path);
    writer.write(f.path, std::string_view(r.out.data() + eol + 1, size));
    pos = eol + 1 + size + 1;
  }
}

// The cached commit used last, "" when none.
std::string last_used(const Dir& asof) {
  std::pair<long long, std::string> best{-1, ""};
  for (const std::string& n : asof.names()) {
    struct stat st;
    if (n[0] != '.' && asof.lstat(n, st) && S_ISDIR(st.st_mode))
      best = std::max(best, {static_cast<long long>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, n});
  }
  return best.second;
}

// Readers of a commit's folder hold a shared flock on its
// .crm/cache/reading.lock for as long as they read; moving the folder to
// another commit, or removing it, takes it exclusively without waiting (and
// does something else when a reader has it).
int reading_lock(const Dir& folder) {
  return folder.sub(".crm", true).sub("cache", true).open_file("reading.lock", O_RDWR | O_CREAT);
}

// The folder `name` locked exclusively, or -1 when someone reads it.
int lock_unread(const Dir& asof, const std::string& name) {
  Dir folder = asof.sub(name);
  if (!folder) return -1;
  int fd = reading_lock(folder);
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return fd;
  ::close(fd);
  return -1;
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Keeps the kKeptCommits most recently used commits in `asof`, and removes
// what a killed run left (hidden folders older than an hour).
void prune(const Dir& asof, const std::string& keep) {
  std::vector<std::pair<long long, std::string>> commits;
  long long now = static_cast<long long>(::time(nullptr));
  for (const std::string& n : asof.names()) {
    struct stat st;
    if (!asof.lstat(n, st) || !S_ISDIR(st.st_mode)) continue;
    if (n == ".dates") {
      continue;  // the records' own dates: reused, under its own lock
    } else if (n[0] == '.') {
      if (now - static_cast<long long>(st.st_mtime) > 3600) remove_tree(asof, n);
    } else if (n != keep) {
      commits.emplace_back(static_cast<long long>(st.st_mtime), n);
    }
  }
  std::sort(commits.rbegin(), commits.rend());
  for (size_t i = kKeptCommits - 1; i < commits.size(); ++i)
    if (Fd lock{lock_unread(asof, commits[i].second)}; lock.fd >= 0) remove_tree(asof, commits[i].second);
}

Clock past_clock(const Clock& now, Days day) {
  Clock c = now;
  c.today = day;
  c.today_pinned = true;
  c.now_from_today = false;
  c.now = end_of_day(now, day);
  return c;
}

std::optional<Days> first_commit_day(const fs::path& root, const Clock& clock) {
  GitResult r = git(root, {"log", "--first-parent", "--format=%ct", "HEAD", "--", "."});  // commits of the store
  if (r.code != 0) return std::nullopt;
  std::optional<long long> first;
  for (const std::string& line : split(r.out, '\n'))
    if (!line.empty() && line.find_first_not_of("0123456789") == std::string::npos) {
      long long t = std::stoll(line);
      if (!first || t < *first) first = t;
    }
  if (!first) return std::nullopt;
  return clock.local_day(Seconds{std::chrono::seconds{*first}});
}

// The store's file `rel` (".crm/config.yaml", ".crm/schemas/x.yaml") copied into `into`.
void copy_file(const Store& store, const Dir& into, const std::string& folder, const std::string& name) {
  Dir from = store.open_dir(folder);
  struct stat st;
  if (!from || !from.lstat(name, st) || !S_ISREG(st.st_mode)) return;
  Dir to = into.sub(".crm", true);
  if (folder == ".crm/schemas") to = to.sub("schemas", true);
  to.write(name, from.read(name, kMaxRecordBytes + 1), false);
}

void copy_current_config(const Store& store, const Dir& into) {
  copy_file(store, into, ".crm", "config.yaml");
  if (Dir schemas = store.open_dir(".crm/schemas"))
    for (const std::string& n : schemas.names()) copy_file(store, into, ".crm/schemas", n);
}

// Writes `bytes` to `name` in `dir` unless it already holds them (in place:
// the caller holds the folder's lock, nobody reads it meanwhile).
void write_if_changed(const Dir& dir, const std::string& name, const std::string& bytes) {
  struct stat st;
  if (dir.lstat(name, st) && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == bytes.size() &&
      dir.read(name, bytes.size() + 1) == bytes)
    return;
  write_in_place(dir, name, bytes);
}

// The store rebuilt from the records' own dates, in .crm/cache/asof/.dates/:
// one folder, locked for as long as it is read, rewritten only where a
// record's past differs from what it holds (its index stays good for the rest).
PastStore from_own_dates(const Store& store, Days day) {
  PastStore past;
  Clock clock = past_clock(store.clock(), day);
  Seconds end = clock.now;
  Dir asof = store.open_dir(".crm/cache", true).sub("asof", true);
  past.lock_fd = asof.open_file(".dates.lock", O_RDWR | O_CREAT);
  ::flock(past.lock_fd, LOCK_EX);  // one rebuild and read at a time
  prune(asof, "");                 // what a killed run left
  Dir into = asof.sub(".dates", true);
  auto copy = [&](const std::string& folder, const Dir& to, const std::string& name) {
    Dir from = store.open_dir(folder);
    struct stat st;
    if (from && from.lstat(name, st) && S_ISREG(st.st_mode))
      write_if_changed(to, name, from.read(name, kMaxRecordBytes + 1));
    else
      to.remove(name);
  };
  Dir crm = into.sub(".crm", true);
  copy(".crm", crm, "config.yaml");
  Dir schemas = crm.sub("schemas", true);
  std::set<std::string> declared;
  if (Dir now = store.open_dir(".crm/schemas"))
    for (const std::string& n : now.names()) declared.insert(n);
  for (const std::string& n : schemas.names())
    if (!declared.count(n)) schemas.remove(n);
  for (const std::string& n : declared) copy(".crm/schemas", schemas, n);
  for (const Schema& schema : store.schemas().all()) {
    Store::Loaded loaded = store.load_all(schema);
    Dir folder = into.sub(schema.folder, true);
    std::set<std::string> kept;
    for (Record& r : loaded.records)
      if (record_as_of(r, end, clock)) {
        kept.insert(r.id() + ".yaml");
        write_if_changed(folder, r.id() + ".yaml", serialize_record(r, schema));
      }
    // Files that do not parse or validate are copied as they are: the report still names them.
    for (const InvalidData& e : loaded.errors) {
      const std::string& file = e.where().file;
      if (file.rfind(schema.folder + "/", 0) != 0) continue;
      std::string n = file.substr(schema.folder.size() + 1);
      kept.insert(n);
      copy(schema.folder, folder, n);
    }
    for (const std::string& n : folder.names())
      if (!kept.count(n)) folder.remove(n);
  }
  past.store = std::make_unique<Store>(store.root() / ".crm/cache/asof/.dates", clock);
  return past;
}

std::optional<Seconds> instant(const std::string& text) {
  if (auto t = parse_iso_datetime(text)) return t;
  if (auto d = parse_iso_date(text)) return Seconds{*d};
  return std::nullopt;
}

}  // namespace

Seconds end_of_day(const Clock& clock, Days day) {
  return clock.at_local(day + date::days{1}, std::chrono::seconds{0}) - std::chrono::seconds{1};
}

std::optional<std::string> commit_at(const fs::path& dir, Seconds t) {
  GitResult head = git(dir, {"rev-parse", "-q", "--verify", "HEAD^{commit}"});
  if (head.code != 0) return std::nullopt;  // no commit yet
  GitResult r = git(dir, {"rev-list", "-1", "--first-parent", "--before=" + git_time(t), "HEAD"});
  if (r.code != 0) throw Error("git rev-list failed: " + trim(r.err));
  std::string commit = trim(r.out);
  if (commit.empty()) return std::nullopt;
  return commit;
}

bool record_as_of(Record& r, Seconds end, const Clock& clock) {
  const Days day = clock.local_day(end);
  auto later = [&](const std::string& field) {
    auto t = instant(r.get(field));
    return t && *t > end;
  };
  // When it came to be: when it was created (the store as it was: an order
  // or an activity imported later, however old, was not in it, as git's past
  // commit has it not, nor has the contact the import made), and not before
  // its own date (an order on its date, an activity at its time).
  if (later("created")) return false;
  if (r.type == "order") {
    auto d = parse_iso_date(r.get("date"));
    if (d && *d > day) return false;
  } else if (r.type == "activity" && later("at")) {
    return false;
  }
  // A history list ({<key>, at}) cut at `end`: whether it had entries after
  // `end`, and the value it leaves (the last entry by then; none by then:
  // the earliest known value; "" without a history).
  struct Cut {
    bool cut = false;
    std::string value;
  };
  auto cut_history = [&](const char* list, const char* key) {
    Cut c;
    Node* h = r.data.find(list);
    if (!h || !h->is_sequence() || h->items.empty()) return c;
    c.value = h->items.front().get(key);
    std::vector<Node> kept;
    for (const Node& e : h->items) {
      auto t = instant(e.get("at"));
      if (!t || *t <= end) kept.push_back(e);
    }
    c.cut = kept.size() != h->items.size();
    if (!kept.empty()) c.value = kept.back().get(key);
    if (kept.empty())
      r.data.erase(list);
    else
      h->items = std::move(kept);
    return c;
  };
  auto unset_later = [&](std::initializer_list<const char*> fields) {
    bool any = false;
    for (const char* f : fields)
      if (later(f)) {
        r.data.erase(f);
        any = true;
      }
    return any;
  };
  // The record's own stage or status stands unless a dated fact says it
  // changed after `end`: a history entry, or a close stamped later (a move
  // made by hand or an import leaves no history entry).
  if (r.type == "deal") {
    Cut stage = cut_history("stage_history", "stage");
    bool closed_later = unset_later({"closed_at"});
    if (closed_later) r.data.erase("lost_reason");
    if ((stage.cut || closed_later) && !stage.value.empty()) r.data.set("stage", Node::scalar(stage.value));
  } else if (r.type == "ticket") {
    Cut status = cut_history("status_history", "status");
    cut_history("breaches", "kind");
    unset_later({"first_response_at"});
    bool done_later = unset_later({"solved_at", "closed_at"});
    std::string now = r.get("status");
    if ((status.cut || done_later) && !status.value.empty())
      r.data.set("status", Node::scalar(status.value));
    else if (done_later && (now == "solved" || now == "closed"))
      r.data.set("status", Node::scalar("open"));
    std::string status_then = r.get("status");
    if (status_then != "solved" && status_then != "closed") {
      r.data.erase("satisfaction");
      r.data.erase("satisfaction_comment");
    }
  } else if (r.type == "order") {
    bool paid_later = unset_later({"paid_at"});
    bool refunded_later = unset_later({"refunded_at"});
    bool canceled_later = unset_later({"canceled_at"});
    std::string status = r.get("status");
    bool paid = !r.get("paid_at").empty();
    if ((status == "refunded" && refunded_later) || (status == "canceled" && canceled_later) ||
        ((status == "paid" || status == "fulfilled") && paid_later))
      r.data.set("status", Node::scalar(paid ? "paid" : "placed"));
  } else if (r.type == "task") {
    if (unset_later({"completed_at"}) && r.get("status") == "done") {
      r.data.set("status", Node::scalar("open"));
      r.data.erase("next");
    }
  } else if (r.type == "lead") {
    if (unset_later({"converted_at"}) && r.get("status") == "converted") {
      r.data.set("status", Node::scalar("qualified"));
      for (const char* f : {"converted_contact", "converted_company", "converted_deal"}) r.data.erase(f);
    }
  }
  return true;
}

PastStore::PastStore(PastStore&& other) noexcept
    : store(std::move(other.store)),
      commit(std::move(other.commit)),
      notes(std::move(other.notes)),
      lock_fd(other.lock_fd) {
  other.lock_fd = -1;
}

PastStore::~PastStore() {
  store.reset();
  if (lock_fd >= 0) ::close(lock_fd);
}

InvalidData in_commit(const InvalidData& e, const std::string& commit) {
  if (commit.empty() || e.where().file.empty()) return e;
  Location where = e.where();
  where.file = commit.substr(0, 12) + ":" + where.file;
  return InvalidData(where, e.message());
}

PastStore open_as_of(const Store& store, Days day) {
  const Clock& clock = store.clock();
  const std::string shown = format_date(day);
  if (day > clock.today)
    throw UsageError("--as-of " + shown + " is in the future (today is " + format_date(clock.today) +
                     "): history only goes up to now");
  const fs::path& root = store.root();
  GitResult prefix = git(root, {"rev-parse", "--show-prefix"});
  bool in_git = prefix.code == 0 && git(root, {"rev-parse", "-q", "--verify", "HEAD^{commit}"}).code == 0;
  if (!in_git) {
    PastStore past = from_own_dates(store, day);
    const char* why = prefix.code == 0                          ? "no commit yet"
                      : prefix.code == 127 || prefix.code == -1 ? "git could not be run"
                                                                : "not a git repository";
    past.notes.push_back(std::string(why) + ": as of " + shown +
                         " from the records' own dates (created, stage and status history, paid_at, " +
                         "refunded_at, completed_at…)");
    return past;
  }
  Seconds end = end_of_day(clock, day);
  std::optional<std::string> commit = commit_at(root, end);
  std::string rel = trim(prefix.out);  // where the store is in the repository: "" or "sub/"
  auto treeish = [&](const std::string& c) { return rel.empty() ? c : c + ":" + rel.substr(0, rel.size() - 1); };
  if (!rel.empty() && git(root, {"cat-file", "-e", treeish(*commit)}).code != 0) commit.reset();  // no store yet
  if (!commit) {
    std::optional<Days> first = first_commit_day(root, clock);
    throw UsageError("--as-of " + shown + " is before the store's first commit" +
                     (first ? " (" + format_date(*first) + ")" : std::string()) + ": git has no earlier state of it");
  }
  PastStore past;
  past.commit = *commit;
  Dir asof = store.open_dir(".crm/cache", true).sub("asof", true);
  struct stat st;
  for (int attempt = 0; past.lock_fd < 0; ++attempt) {
    if (attempt == 5) throw Conflict(".crm/cache/asof/" + *commit + " keeps changing: another crm is using it");
    if (!asof.lstat(*commit, st)) {
      std::string tmp = random_name(".tmp-");
      // From the commit used last, when nobody reads it: only what changed
      // since is written (its index stays good for the rest). Else every file.
      std::string from = last_used(asof);
      Fd from_lock{from.empty() ? -1 : lock_unread(asof, from)};
      if (from_lock.fd >= 0 && ::renameat(asof.fd(), from.c_str(), asof.fd(), tmp.c_str()) == 0) {
        Dir into = asof.sub(tmp);
        std::vector<TreeFile> files = changed_files(root, treeish(from), treeish(*commit));
        if (Dir crm = into.sub(".crm", true); crm.lstat("config-of-now", st)) {
          // Today's config was copied over `from`'s: the commit's own, whole.
          crm.remove("config-of-now");
          crm.remove("config.yaml");
          if (Dir schemas = crm.sub("schemas"))
            for (const std::string& n : schemas.names()) schemas.remove(n);
          for (TreeFile& f : tree_files(root, treeish(*commit)))
            if (f.path.rfind(".crm/", 0) == 0) files.push_back(std::move(f));
        }
        write_files(root, files, into);
      } else {
        Dir into = asof.sub(tmp, true);
        write_files(root, tree_files(root, treeish(*commit)), into);
      }
      // Whole or not at all: another run may have made it meanwhile (then ours goes).
      if (::renameat(asof.fd(), tmp.c_str(), asof.fd(), commit->c_str()) != 0) remove_tree(asof, tmp);
    } else if (!S_ISDIR(st.st_mode)) {
      throw InvalidData(Location{".crm/cache/asof/" + *commit, 0, 0, ""}, "is not a folder");
    }
    // Read it only once it is known to be this commit's folder, locked.
    Dir folder = asof.sub(*commit);
    if (!folder) continue;
    Fd lock{reading_lock(folder)};
    ::flock(lock.fd, LOCK_SH);
    struct stat locked;
    if (::fstat(folder.fd(), &locked) == 0 && asof.lstat(*commit, st) && st.st_ino == locked.st_ino &&
        st.st_dev == locked.st_dev)
      std::swap(past.lock_fd, lock.fd);
  }
  // A commit without the config (autocommit commits records only): today's
  // config and declared types, copied again at every use (they may change).
  if (Dir crm = asof.sub(*commit).sub(".crm", true); !crm.lstat("config.yaml", st) || crm.lstat("config-of-now", st)) {
    copy_current_config(store, asof.sub(*commit));
    crm.write("config-of-now", "", false);
  }
  ::utimensat(asof.fd(), commit->c_str(), nullptr, AT_SYMLINK_NOFOLLOW);  // most recently used
  prune(asof, *commit);
  try {
    past.store = std::make_unique<Store>(root / ".crm/cache/asof" / *commit, past_clock(clock, day));
  } catch (const InvalidData& e) {  // that commit's config or schemas
    throw in_commit(e, *commit);
  }
  // Committed history only: changes not committed yet are not in it.
  if (GitResult h = git(root, {"rev-parse", "HEAD"}); trim(h.out) == *commit) {
    GitResult status = git(root, {"status", "--porcelain", "--untracked-files=all", "--", "."});
    size_t changed = 0;
    for (const std::string& line : split(status.out, '\n'))
      if (line.size() > 3 + rel.size() && line.compare(3, rel.size(), rel) == 0 &&
          store_file(line.substr(3 + rel.size())))
        ++changed;
    if (changed)
      past.notes.push_back(std::to_string(changed) +
                           (changed == 1 ? " file of the store is" : " files of the store are") +
                           " not committed: --as-of reads committed history only");
  }
  return past;
}

}  // namespace crm
