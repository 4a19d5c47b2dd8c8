#include "crm/rules.hpp"

#include "crm/task_workflow.hpp"
#include "crm/text.hpp"

namespace crm {

std::vector<InvalidData> check_rules(const Record& r, const Schema& schema, const Config& config) {
  std::vector<InvalidData> out = check_written_values(r, schema);
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
    const Node* recur = r.data.find("recur");
    auto recurrence = recur && recur->is_scalar() ? parse_recurrence(recur->text) : std::nullopt;
    if (recur && recur->is_scalar() && !recurrence)
      out.emplace_back(Location{r.path, recur->line, recur->column, "recur"},
                       "\"" + escape_for_terminal(recur->text) +
                           "\" is not a recurrence (daily, weekly, monthly, yearly, every N days|weeks|months|years, "
                           "N up to 9999)");
    // An open task that could never be completed: its next occurrence would need a five-digit year.
    std::string due = r.get("due");
    if (recurrence && task_is_open(r) && !due.empty() && (parse_iso_date(due) || parse_iso_datetime(due)) &&
        !next_due(due, *recurrence))
      out.emplace_back(Location{r.path, recur->line, recur->column, "recur"},
                       "the occurrence after " + due + " would fall after 9999-12-31");
  }
  return out;
}

}  // namespace crm
