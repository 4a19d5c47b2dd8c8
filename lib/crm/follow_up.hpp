// Staying in touch: a contact with a cadence (days) gets its follow_up moved
// to the date of the latest activity with it plus the cadence.
#pragma once

#include "crm/dates.hpp"
#include "crm/record.hpp"

namespace crm {

// Moves follow_up to day(at) + cadence when the contact has a cadence and
// that is later than its follow_up. Returns false when nothing changed.
bool advance_follow_up(Record& contact, Seconds at);

}  // namespace crm
