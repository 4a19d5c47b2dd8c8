// Rules that need more than one field's schema: a deal's stage is a stage of
// the store's pipeline, a task's recurrence is one crm understands and its
// next occurrence falls by 9999-12-31; and what check_written_values refuses
// (control characters, ranges, durations). Checked by every write and by
// `crm check`, never by reading: a record that breaks them stays readable.
#pragma once

#include <vector>

#include "crm/config.hpp"
#include "crm/error.hpp"
#include "crm/record.hpp"

namespace crm {

std::vector<InvalidData> check_rules(const Record& record, const Schema& schema, const Config& config);

}  // namespace crm
