// Rules that need more than one field's schema: a deal's stage is a stage of
// the store's pipeline, a task's recurrence is one crm understands. Checked by
// every write and by `crm check`.
#pragma once

#include <vector>

#include "crm/config.hpp"
#include "crm/error.hpp"
#include "crm/record.hpp"

namespace crm {

std::vector<InvalidData> check_rules(const Record& record, const Config& config);

}  // namespace crm
