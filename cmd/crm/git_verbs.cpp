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
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm::cli {

namespace fs = std::filesystem;

namespace {

const char* const kAttributesLine = "*.yaml text eol=lf merge=crm";

// Appends the lines `file` lacks, keeping what is there.
void ensure_lines(const fs::path& file, const std::vector<std::string>& lines, const std::string& header) {
  std::string text;
  std::error_code ec;
  // A clone's link here may point anywhere: never written through (nor replaced).
  if (fs::is_symlink(fs::symlink_status(file, ec)))
    throw InvalidData(Location{file.string(), 0, 0, ""}, "is a symbolic link, which crm does not write through");
  if (fs::exists(file, ec)) text = read_file(file);
  std::string add;
  for (const std::string& line : lines) {
    bool present = false;
    for (const std::string& existing : split(text, '\n')) present = present || trim(existing) == line;
    if (!present) add += line + "\n";
  }
  if (add.empty()) return;
  if (!text.empty() && text.back() != '\n') text += "\n";
  if (text.empty()) text = header;
  write_file_atomic(file, text + add);
}

GitResult git_or_fail(const fs::path& dir, const std::vector<std::string>& args) {
  GitResult r = run_git(dir, args);
  if (r.code == -1 || r.code == 127) throw Error("cannot run git: is it installed?");
  return r;
}

std::string first_line(const std::string& s) { return trim(s.substr(0, s.find('\n'))); }

}  // namespace

void setup_git(const fs::path& root) {
  if (!in_git_work_tree(root)) {
    GitResult r = git_or_fail(root, {"init", "-q"});
    if (r.code != 0) throw Error("git init failed: " + first_line(r.err));
  }
  ensure_lines(root / ".gitattributes", {kAttributesLine},
               "# crm records: LF line ends, merged field by field by `crm merge-file`\n");
  ensure_lines(root / ".gitignore", {".crm/cache/", ".crm/lock", ".crm/edit/", ".*.tmp-*"},
               "# derived and temporary files: never the truth\n");
  // .git/config does not travel with a clone: every clone runs `crm git setup` once.
  std::string driver = "'" + self_executable() + "' merge-file %O %A %B %P";
  for (const auto& kv : std::vector<std::pair<std::string, std::string>>{
           {"merge.crm.name", "crm record merge (field by field)"}, {"merge.crm.driver", driver}}) {
    GitResult r = git_or_fail(root, {"config", kv.first, kv.second});
    if (r.code != 0) throw Error("git config " + kv.first + " failed: " + first_line(r.err));
  }
}

int cmd_git_setup(Context& ctx) {
  Store& store = ctx.store();
  setup_git(store.root());
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
  static const SchemaSet builtin = SchemaSet::builtin();
  const Schema* schema = nullptr;
  std::string folder = record_path.substr(0, record_path.find('/'));
  if (!record_path.empty()) schema = builtin.by_folder(folder);
  MergeResult m = merge_records(base, ours, theirs, schema);
  write_file_atomic(ours_path, m.text);
  if (m.conflicts.empty()) return 0;
  ctx.note("conflict in " + (record_path.empty() ? ours_path : record_path) + ": " + join(m.conflicts, ", ") +
           " changed on both sides");
  return kExitConflict;
}

void autocommit(Context& ctx, Store& store) {
  if (!store.config().autocommit || store.changes().empty()) return;
  if (!in_git_work_tree(store.root())) {
    ctx.note("git.autocommit is on but " + store.root().string() + " is not in a git repository");
    return;
  }
  std::set<std::string> paths;
  for (const auto& c : store.changes()) paths.insert(c.path);
  std::string subject;
  const auto& first = store.changes().front();
  std::string short_id = first.id.substr(0, 8);
  if (store.changes().size() == 1 || std::all_of(store.changes().begin(), store.changes().end(),
                                                 [&](const Store::Change& c) { return c.id == first.id; })) {
    subject = "crm: " + first.action + " " + first.type + " " + (first.title.empty() ? "" : first.title + " ") + "(" +
              short_id + "…)";
  } else {
    subject = "crm: " + first.action + " " + first.type + " " + first.title + " and " +
              std::to_string(paths.size() - 1) + " more";
  }
  std::string body;
  for (const auto& c : store.changes()) body += "- " + c.action + " " + c.type + " " + c.title + " (" + c.id + ")\n";
  std::vector<std::string> add = {"add", "-A", "--"};
  add.insert(add.end(), paths.begin(), paths.end());
  GitResult r = run_git(store.root(), add);
  std::vector<std::string> commit = {"commit", "-q", "-m", subject, "-m", body, "--"};
  commit.insert(commit.end(), paths.begin(), paths.end());
  if (r.code == 0) r = run_git(store.root(), commit);
  if (r.code != 0) ctx.note("git.autocommit: the commit failed: " + first_line(r.err + r.out));
}

int cmd_sync(Context& ctx) {
  Store& store = ctx.store();
  const fs::path& root = store.root();
  if (!in_git_work_tree(root))
    throw UsageError(root.string() + " is not a git repository; make it one with: crm git setup");
  auto lock = store.lock();
  // A rebase stopped on conflicts earlier: go on once they are resolved.
  GitResult state = run_git(root, {"rev-parse", "--git-path", "rebase-merge"});
  bool rebasing = fs::exists(root / trim(state.out)) || fs::exists(root / ".git" / "rebase-apply");
  std::vector<std::string> folders;
  for (const Schema& s : store.schemas().all()) folders.push_back(s.folder);
  auto conflicted = [&]() {
    GitResult u = run_git(root, {"diff", "--name-only", "--diff-filter=U"});
    std::vector<std::string> files;
    for (const std::string& f : split(u.out, '\n'))
      if (!trim(f).empty()) files.push_back(trim(f));
    return files;
  };
  auto report_conflicts = [&](const std::vector<std::string>& files) {
    for (const std::string& f : files) {
      std::string detail;
      try {
        std::string text = read_file(root / f);
        std::vector<std::string> fields;  // the merge driver marks single fields
        bool inside = false;
        for (const std::string& line : split(text, '\n')) {
          if (starts_with(line, "<<<<<<<"))
            inside = true;
          else if (starts_with(line, "======="))
            inside = false;
          else if (inside && !line.empty() && line[0] != ' ' && line[0] != '-')
            fields.push_back(line.substr(0, line.find(':')));
        }
        detail = fields.empty() ? "" : " (" + join(fields, ", ") + ")";
      } catch (const Error&) {
      }
      ctx.report(Conflict("conflict: " + f + detail));
    }
    ctx.note("resolve the fields between <<<<<<< and >>>>>>>, then run crm sync again");
  };
  if (rebasing) {
    std::vector<std::string> files = conflicted();
    for (const std::string& f : files) {
      std::string text = read_file(root / f);
      if (find_conflict_marker(text)) {
        report_conflicts(files);
        return kExitConflict;
      }
    }
    for (const std::string& f : files) run_git(root, {"add", "--", f});
    GitResult c = run_git(root, {"rebase", "--continue"});
    if (c.code != 0) {
      if (std::vector<std::string> more = conflicted(); !more.empty()) {
        report_conflicts(more);
        return kExitConflict;
      }
      throw Conflict("git rebase --continue failed: " + first_line(c.err + c.out));
    }
  }
  // 1. Commit what changed in the records and the config.
  std::vector<std::string> add = {"add", "-A", "--", ".crm/config.yaml", ".gitattributes", ".gitignore"};
  for (const std::string& f : folders)
    if (fs::exists(root / f)) add.push_back(f);
  run_git(root, add);
  GitResult staged = run_git(root, {"diff", "--cached", "--quiet"});
  if (staged.code == 1) {
    GitResult c = run_git(root, {"commit", "-q", "-m", "crm: sync"});
    if (c.code != 0) throw Error("git commit failed: " + first_line(c.err + c.out));
    ctx.note("committed local changes");
  }
  // 2. Pull with rebase (the merge driver handles same-record edits), 3. push.
  GitResult remotes = run_git(root, {"remote"});
  if (trim(remotes.out).empty()) {
    ctx.note("no git remote: changes are committed locally only (add one: git remote add origin URL)");
    return 0;
  }
  GitResult upstream = run_git(root, {"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"});
  std::string remote = first_line(remotes.out);
  if (upstream.code == 0) {
    GitResult pull = run_git(root, {"pull", "--rebase", "-q"});
    if (pull.code != 0) {
      std::vector<std::string> files = conflicted();
      if (!files.empty()) {
        report_conflicts(files);
        return kExitConflict;
      }
      throw Conflict("git pull --rebase failed: " + first_line(pull.err + pull.out));
    }
  } else {
    // No upstream yet: fetch, and rebase on the remote branch when it exists.
    GitResult branch = run_git(root, {"rev-parse", "--abbrev-ref", "HEAD"});
    std::string b = first_line(branch.out);
    run_git(root, {"fetch", "-q", remote});
    if (run_git(root, {"rev-parse", "--verify", "-q", remote + "/" + b}).code == 0) {
      GitResult reb = run_git(root, {"rebase", "-q", remote + "/" + b});
      if (reb.code != 0) {
        std::vector<std::string> files = conflicted();
        if (!files.empty()) {
          report_conflicts(files);
          return kExitConflict;
        }
        throw Conflict("git rebase failed: " + first_line(reb.err + reb.out));
      }
    }
    GitResult push = run_git(root, {"push", "-q", "-u", remote, "HEAD"});
    if (push.code != 0) throw Conflict("git push failed: " + first_line(push.err + push.out));
    ctx.note("synced with " + remote);
    return 0;
  }
  GitResult push = run_git(root, {"push", "-q"});
  if (push.code != 0) throw Conflict("git push failed: " + first_line(push.err + push.out));
  ctx.note("synced with " + remote);
  return 0;
}

}  // namespace crm::cli
