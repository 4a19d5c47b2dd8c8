// A store kept in git: `crm git setup`, the commit after each write
// (git.autocommit) and `crm sync` — commit, fetch, rebase with the record
// merge driver, prove nothing local was lost, push.
//
// Sync survives being killed at any point: before it rebases it records what
// it is about to rebase (the ref refs/crm/sync-backup and .crm/state/sync), so
// the next run — or any write command, which refuses to run until then — finds
// an interrupted sync and puts the branch back before going on. Before it
// continues a rebase or pushes, it checks that every field each local commit
// changed is still in the result (field by field for records), and restores
// the branch when it is not. Stale git locks and temp files that a killed git
// leaves behind are removed under crm's own lock.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crm/store.hpp"

namespace crm {

using Notify = std::function<void(const std::string&)>;

// The .gitattributes and .gitignore lines and the merge driver a store needs.
// `new_repository`: `crm init --git` — the store becomes a repository of its
// own even inside another one, whose remote it must never push to.
void setup_git(const Store& store, bool new_repository, const Notify& note);

// The merge driver command registered for this binary: its path quoted for
// the shell git runs it with.
std::string merge_driver_command();

// Commits exactly the files this process changed when git.autocommit is on.
// Failures are reported through `note` (the write itself stands).
void autocommit(const Store& store, const Notify& note);

// `crm undo`: takes back crm's last commit (an autocommit, or an undo, which
// it redoes). Not pushed yet: the commit is dropped (git reset --keep); pushed:
// a commit reverts it. Returns what was undone ("crm: update contact …").
// Throws UsageError when HEAD is not crm's commit or the store is not in git,
// Conflict when git refuses (local changes in the way).
struct Undone {
  std::string subject;
  bool reverted = false;  // by a new commit (it had been pushed)
  std::vector<std::string> files;
};
Undone undo_last_commit(const Store& store, const Notify& note);

struct SyncConflict {
  std::string path;    // store-relative
  std::string detail;  // "(title, phone)", "removed on origin, changed here", …
};

// A record the pull added or changed here: the store's rules fire for it.
struct Arrived {
  std::string type, id;
  std::optional<Node> before;  // its data before the sync; nullopt: new here
};

struct SyncResult {
  std::vector<SyncConflict> conflicts;  // not empty: the sync stopped (exit 4)
  std::vector<std::string> warnings;    // dangling references the merge left
  std::vector<Arrived> arrived;         // what the pull brought (records only)
};

// `crm sync`. Throws UsageError when the store is not in git, Conflict when
// git refuses or when the result would lose a local change (the branch is then
// back where it was).
SyncResult sync_store(const Store& store, const Notify& note);

// One field or file a rebase dropped: `path` store-relative, `what` a field or
// "the record", "the removal".
struct LostChange {
  std::string path;
  std::string what;
};

// What the changes base→local are missing from `result`, given that upstream
// went base→upstream. Fields both sides changed differently are a conflict the
// user resolved: any value passes. Revisions are anything git rev-parse takes.
std::vector<LostChange> find_lost_changes(const Store& store, const std::string& base, const std::string& local,
                                          const std::string& upstream, const std::string& result);

}  // namespace crm
