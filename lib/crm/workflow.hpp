// What a change to a record implies beyond its own fields, whichever command
// made it (add, set, edit, the type verbs): a deal's stage change is recorded
// in stage_history, a task marked done gets completed_at and, when it recurs,
// its next occurrence; an activity moves its contacts' follow_up by their
// cadence.
#pragma once

#include <string>
#include <vector>

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

// Writes `record` and its effects in the safe order; returns Effects::notes.
std::vector<std::string> write_with_effects(const Store& store, Record& record, const Record* before, bool is_new);

}  // namespace crm
