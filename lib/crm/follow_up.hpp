// Staying in touch: a contact with a cadence (days) gets its follow_up moved
// to the date of the latest activity with it plus the cadence.
#pragma once

#include <string>

#include "crm/dates.hpp"
#include "crm/record.hpp"

namespace crm {

// Moves follow_up to day(at) + cadence when the contact has a cadence and
// that is later than its follow_up. Returns false when nothing changed; when
// that is because the cadence (`cadence_field`, the schema's) is not a
// number of days in its range or the date would pass 9999-12-31, `problem`
// says so — the change that triggered it still goes ahead.
bool advance_follow_up(Record& contact, const Field& cadence_field, Seconds at, std::string* problem = nullptr);

}  // namespace crm
