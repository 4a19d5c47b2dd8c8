// Deals through the pipeline: moves recorded in stage_history, closing and
// reopening, the probability that follows the stage.
#pragma once

#include <string>

#include "crm/config.hpp"
#include "crm/dates.hpp"
#include "crm/decimal.hpp"
#include "crm/record.hpp"

namespace crm {

// The stage named, or throws UsageError listing the pipeline's stages.
const Stage& pipeline_stage(const Config& config, const std::string& name);
// The first stage that is not closed: where new deals start.
std::string first_open_stage(const Config& config);

// Sets the deal's stage and appends {stage, at} to stage_history. Entering a
// won/lost stage sets closed_at (and lost_reason when given); leaving a
// closed stage for an open one clears closed_at and lost_reason.
// Returns false when the deal already was in that stage (nothing changed).
bool move_deal(Record& deal, const Config& config, const std::string& stage, Seconds at,
               const std::string& lost_reason = "");

// The deal's own probability when set by hand, else its stage's.
int deal_probability(const Record& deal, const Config& config);
// Whether the deal is in a closed stage ("won", "lost") or open ("").
std::string deal_closed(const Record& deal, const Config& config);
// amount × probability / 100, exactly (two more places than the amount).
Decimal weighted_amount(const Decimal& amount, int probability);

}  // namespace crm
