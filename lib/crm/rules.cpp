#include "crm/rules.hpp"

#include "crm/task_workflow.hpp"
#include "crm/text.hpp"

namespace crm {

std::vector<InvalidData> check_rules(const Record& r, const Config& config) {
  std::vector<InvalidData> out;
  if (r.type == "deal" && !config.pipeline.empty()) {
    if (const Node* stage = r.data.find("stage"); stage && stage->is_scalar() && !config.stage(stage->text)) {
      std::vector<std::string> names;
      for (const Stage& s : config.pipeline) names.push_back(s.name);
      out.emplace_back(
          Location{r.path, stage->line, stage->column, "stage"},
          "\"" + escape_for_terminal(stage->text) + "\" is not a stage of the pipeline (" + join(names, ", ") + ")");
    }
  }
  if (r.type == "task") {
    if (const Node* recur = r.data.find("recur"); recur && recur->is_scalar() && !parse_recurrence(recur->text))
      out.emplace_back(Location{r.path, recur->line, recur->column, "recur"},
                       "\"" + escape_for_terminal(recur->text) +
                           "\" is not a recurrence (daily, weekly, monthly, yearly, every N days|weeks|months|years)");
  }
  return out;
}

}  // namespace crm
