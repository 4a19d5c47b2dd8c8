// What a change to a record implies beyond its own fields, whichever command
// made it (add, set, edit, the type verbs): a deal's stage change is recorded
// in stage_history, a task marked done gets completed_at and, when it recurs,
// its next occurrence; an activity moves its contacts' follow_up by their
// cadence.
#pragma once

#include <string>
#include <vector>

#include "crm/automation.hpp"
#include "crm/record.hpp"
#include "crm/store.hpp"

namespace crm {

struct Effects {
  std::vector<Record> write_before;  // new records the changed one will refer to (derived ids: kept when they exist)
  std::vector<Record> write_after;   // records that refer to the changed one
  // What the change could not imply, for the user (a contact's cadence out of
  // range, a recurrence past 9999-12-31); the change itself goes ahead.
  std::vector<std::string> notes;
};

// Applies the rules to `record` (its state after the change; `before` is its
// state before, nullptr for a new record) and returns the other records to
// write, in an order that never leaves a dangling reference.
Effects apply_workflow(const Store& store, Record& record, const Record* before);

// Every change to records goes through these two (ARCHITECTURE.md: "one
// way to write"): the verbs, edit, import, merge, lead conversion.
//
// Writes `record` and its effects in the safe order, and returns them: the
// records it created (write_before; a derived id that existed is kept as it
// was) and the notes for the user.
Effects write_with_effects(Writer& writer, Record& record, const Record* before, bool is_new);
// Fires the store's rules (automation.hpp) for a change written another way
// — a record that arrived with `crm sync` —: what they do is written through
// write_with_effects. A lead's score that the change moves (an activity
// with it logged in another clone) is written too.
void fire_rules(Writer& writer, const Record& record, const Record* before);
// Whether a firing has nothing left to do: every record it creates exists
// (it fired before: here, or in the clone they came from — then its run
// commands are not run again either), or it creates, changes and runs nothing.
bool firing_done(const Store& store, const Firing& f);
// Applies one firing of `record` (`crm rules run`: a schedule rule, a
// retry): its run commands, then what it creates (kept when it exists),
// then its changes to the record. Throws Error when a command fails:
// nothing else is applied.
void apply_firing(Writer& writer, const Record& record, const Firing& f);
// Removes a record. (Its referrers are the caller's to unlink first, each
// through write_with_effects, so that no step leaves a dangling reference.)
void remove_record(Writer& writer, const Schema& schema, const std::string& id);

}  // namespace crm
