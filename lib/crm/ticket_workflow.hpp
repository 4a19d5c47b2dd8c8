// Tickets: service levels and the status lifecycle. A new ticket gets the
// first `sla:` policy whose `if` matches it, and its response_due and
// resolution_due in business hours; each status change is appended to
// status_history and sets solved_at/closed_at; time in pending or on-hold
// (and solved/closed, until reopened) pauses the resolution clock, so
// leaving such a status moves resolution_due on by the business time that
// was left. A breach is recorded in `breaches` ({kind: first_response |
// resolution, at: the due time missed}) by the first write that sees it, and
// never removed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm/config.hpp"
#include "crm/dates.hpp"
#include "crm/record.hpp"

namespace crm {

// new, open: the clocks run. pending, on-hold: waiting for the customer or a
// third party. solved, closed: done (reopen brings them back).
bool ticket_is_open(const Record& ticket);            // not solved or closed
bool ticket_clock_paused(const std::string& status);  // pending, on-hold, solved, closed

// The first policy whose `if` matches the ticket; nullptr when none does.
const SlaPolicy* pick_sla(const Config& config, const Schema& schema, const Clock& clock, const Record& ticket);

// The rules above, for a ticket after a change (`before`: its state before,
// nullptr for a new one).
void apply_ticket_workflow(Record& ticket, const Record* before, const Config& config, const Schema& schema,
                           const Clock& clock);

// Whether the ticket missed a due time: recorded in `breaches`, or past due
// now while open (a first response still missing after response_due; a
// running resolution clock past resolution_due). A ticket solved in time
// stays unbreached once its due times pass.
bool ticket_breached(const Record& ticket, Seconds now);
// How long the ticket has been open, in calendar seconds: from its opening
// (created, else its first status) to solved_at (else closed_at) when it is
// solved or closed, else to `now`; pending and on-hold count (the customer
// waits through them). Never negative; nullopt when a stamp is missing.
std::optional<long long> ticket_age_seconds(const Record& ticket, Seconds now);
// The next due time still ahead on a running clock (first response while
// there is none, else resolution while open and not paused); nullopt when
// none.
std::optional<Seconds> ticket_next_due(const Record& ticket);

// Business seconds from opening to the first response, and to solved with
// the paused time (pending, on-hold) taken out; nullopt when not there yet.
std::optional<long long> first_response_seconds(const Record& ticket, const Config& config, const Clock& clock);
std::optional<long long> resolution_seconds(const Record& ticket, const Config& config, const Clock& clock);

}  // namespace crm
