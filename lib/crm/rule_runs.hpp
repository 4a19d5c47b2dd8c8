// What the workflow does with a firing's `run` actions (automation.hpp):
// runs them when this machine trusts the rules file (rules_trust.hpp),
// skips them — and says so — when it does not, and remembers a firing
// that failed so that `crm rules run` retries it
// (.crm/state/rules-pending: this clone's, never committed).
#pragma once

#include <string>
#include <vector>

#include "crm/automation.hpp"
#include "crm/store.hpp"

namespace crm {

// Runs the firing's commands, in order, for `record`. Returns false when
// the rules file is not trusted (nothing ran; the store notes it, once per
// firing). Throws Error when a command fails or times out: the firing must
// then apply nothing else.
bool run_firing_commands(const Store& store, const Record& record, const Firing& firing);

// A firing that failed, to fire again.
struct PendingFiring {
  std::string rule, type, id, instance;
};
std::vector<PendingFiring> pending_firings(const Store& store);
// Adds one (appended: one that is there already is still read once), or
// removes those retried, in one write. Under the store's lock.
void remember_failed_firing(const Store& store, const PendingFiring& p);
void forget_firings(const Store& store, const std::vector<PendingFiring>& done);

}  // namespace crm
