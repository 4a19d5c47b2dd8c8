// Who gets a record — a lead, a deal, a ticket, any type with an owner — by
// the config's `assignment:` (automation_settings.hpp) or a rule's
// `assign: {to: …}`. Derived from the records themselves, never from a
// counter: two clones with the same records pick the same owner, and there
// is nothing for a merge to conflict on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "crm/automation_settings.hpp"
#include "crm/error.hpp"
#include "crm/record.hpp"
#include "crm/store.hpp"

namespace crm {

// The pick itself, over `records` of the type (the one being assigned,
// `self_id`, left out):
// - round-robin: the owner in `among` after the one who received the most
//   recent record (by `created`) owned by one of `among`; the first of
//   `among` when none is. Records created in the same second (an import)
//   are taken as dealt in turn: the next is the first owner, from where
//   that batch started, with fewer of them than the others;
// - least-open: the one of `among` owning the fewest records `is_open`
//   says are open; ties go to the first in `among`;
// - any other word: that owner.
// Owners compare case-insensitively. Throws UsageError when a method has
// no one to pick from.
std::string pick_owner(const std::string& to, const std::vector<std::string>& among, const std::vector<Record>& records,
                       const std::string& self_id, const std::function<bool(const Record&)>& is_open);

// Whether a record still counts as open work for least-open: a lead not
// converted or unqualified, a deal not closed, a ticket not solved or
// closed, a task not done or canceled; any other record.
bool is_open_work(const Record& r, const Config& config);

// `to` (round-robin, least-open or a name) among `among` (empty: config
// `owners`) for `record`, over the store's records of its type.
std::string pick_owner(const Store& store, const Record& record, const std::string& to,
                       const std::vector<std::string>& among);
// A command that assigns many records (an import firing a round-robin
// rule) reads the type's folder once: what it read is kept, in step with
// the folder by the folder's mtime. Around each write of its own the writer
// says so, and the kept records follow the write; any other change to the
// folder makes the next pick read it again.
bool owner_memo_in_step(const Store& store, const std::string& type);
void owner_memo_wrote(const Store& store, const Record& record, bool in_step);
void owner_memo_removed(const Store& store, const std::string& type, const std::string& id, bool in_step);
// The store's assignment for the record's type (`ticket assign --auto`,
// `assign: {to: auto}`): the first step of config `assignment.TYPE` whose
// `if` the record matches (round-robin among `owners` when none is set).
std::string assign_owner(const Store& store, const Record& record);
// For `crm check`: the steps whose `if` names a segment that is missing,
// of another type or in a loop, each at its config line.
std::vector<InvalidData> check_assignment_filters(const Store& store);

}  // namespace crm
