// `crm report --as-of DATE`: the store as it was at the end of a day, and
// "today" for the reports = that day. In a git repository the records,
// schemas and config come from the last commit at or before the end of the
// day (committer date, HEAD's first-parent line), materialized once per
// commit under .crm/cache/asof/<commit>/ and opened as a Store there (the
// worktree and the index are never touched). Elsewhere the records' own dates
// rebuild the past: records made later left out, stages, statuses, payments
// and completions after the day undone.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crm/dates.hpp"
#include "crm/error.hpp"
#include "crm/store.hpp"

namespace crm {

// The last instant of `day` in the clock's zone (23:59:59 local).
Seconds end_of_day(const Clock& clock, Days day);

// The last commit on HEAD's first-parent line whose committer date is at or
// before `t`; nullopt when there is none (`t` before the first commit, or no
// commit yet). `dir` must be in a git work tree.
std::optional<std::string> commit_at(const std::filesystem::path& dir, Seconds t);

struct PastStore {
  std::unique_ptr<Store> store;    // the store as it was; its clock's today is the day
  std::string commit;              // the commit read; "" when from the records' own dates
  std::vector<std::string> notes;  // what to tell the user (stderr)
  int lock_fd = -1;                // held while the store is read: nobody moves or rewrites its folder
  PastStore() = default;
  PastStore(PastStore&& other) noexcept;  // `other` no longer holds the lock
  PastStore& operator=(PastStore&&) = delete;
  ~PastStore();
};

// An error in a file of the past store, placed in its commit as git names
// it ("<commit>:deals/x.yaml", what `git show` takes); unchanged without one.
InvalidData in_commit(const InvalidData& e, const std::string& commit);

// `day` must be today or earlier (else UsageError), and in a git store not
// before the first commit (UsageError naming its day).
PastStore open_as_of(const Store& store, Days day);

// The records' own dates, applied to one record: false when it did not exist
// yet at `end` (the last instant of the day); else it is changed to what it
// was then (stage and status from their history, payments, refunds,
// completions and conversions after `end` undone).
bool record_as_of(Record& record, Seconds end, const Clock& clock);

}  // namespace crm
