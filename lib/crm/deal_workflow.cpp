#include "crm/deal_workflow.hpp"

#include "crm/error.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"

namespace crm {

const Stage& pipeline_stage(const Config& config, const std::string& name) {
  for (const Stage& s : config.pipeline)
    if (s.name == name) return s;
  for (const Stage& s : config.pipeline)
    if (equals_ci(s.name, name)) return s;
  std::vector<std::string> names;
  for (const Stage& s : config.pipeline) names.push_back(s.name);
  throw UsageError("unknown stage \"" + escape_for_terminal(name) + "\"" + did_you_mean(name, names) +
                   " (stages: " + join(names, ", ") + ")");
}

std::string first_open_stage(const Config& config) {
  for (const Stage& s : config.pipeline)
    if (s.closed.empty()) return s.name;
  return config.pipeline.empty() ? "" : config.pipeline.front().name;
}

bool move_deal(Record& deal, const Config& config, const std::string& stage_name, Seconds at,
               const std::string& lost_reason) {
  const Stage& stage = pipeline_stage(config, stage_name);
  bool same = deal.get("stage") == stage.name;
  if (same && (lost_reason.empty() || deal.get("lost_reason") == lost_reason)) return false;
  deal.data.set("stage", Node::scalar(stage.name));
  if (!same) {
    Node* history = deal.data.find("stage_history");
    if (!history || !history->is_sequence()) {
      deal.data.set("stage_history", Node::sequence());
      history = deal.data.find("stage_history");
    }
    Node entry = Node::map();
    entry.set("stage", Node::scalar(stage.name));
    entry.set("at", Node::scalar(format_datetime(at), true));
    history->items.push_back(entry);
  }
  if (!stage.closed.empty()) {
    if (!same || !deal.data.find("closed_at")) deal.data.set("closed_at", Node::scalar(format_datetime(at), true));
    if (stage.closed == "lost" && !lost_reason.empty()) deal.data.set("lost_reason", Node::scalar(lost_reason));
    if (stage.closed == "won") deal.data.erase("lost_reason");
  } else {
    deal.data.erase("closed_at");
    deal.data.erase("lost_reason");
  }
  return true;
}

int deal_probability(const Record& deal, const Config& config) {
  // A deal's own percentage, when it is one: a file may hold anything ("150",
  // 20 digits) and `crm check` reports it; sums then use the stage's.
  std::string own = deal.get("probability");
  if (!own.empty() && own.size() <= 3 && own.find_first_not_of("0123456789") == std::string::npos &&
      (own.size() == 1 || own[0] != '0') && std::stoi(own) <= 100)
    return std::stoi(own);
  if (const Stage* s = config.stage(deal.get("stage"))) return s->probability;
  return 0;
}

std::string deal_closed(const Record& deal, const Config& config) {
  if (const Stage* s = config.stage(deal.get("stage"))) return s->closed;
  return "";
}

Decimal weighted_amount(const Decimal& amount, int probability) {
  // Dividing by 100 needs exactly two more places: the result is exact, never rounded.
  return (amount * Decimal::from_int(probability)).divide(Decimal::from_int(100), amount.scale() + 2);
}

}  // namespace crm
