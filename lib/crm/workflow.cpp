#include "crm/workflow.hpp"

#include "crm/deal_workflow.hpp"
#include "crm/follow_up.hpp"
#include "crm/rules.hpp"
#include "crm/task_workflow.hpp"

namespace crm {

Effects apply_workflow(const Store& store, Record& r, const Record* before) {
  Effects effects;
  const Config& config = store.config();
  Seconds now = store.clock().now;
  if (r.type == "deal" && !config.pipeline.empty()) {
    std::string stage = r.get("stage");
    if (stage.empty()) stage = first_open_stage(config);
    std::string old = before ? before->get("stage") : "";
    if (!stage.empty() && (!before || stage != old)) {
      // The move is what the history records: put the old stage back, then move.
      if (before && !old.empty())
        r.data.set("stage", Node::scalar(old));
      else
        r.data.erase("stage");
      move_deal(r, config, stage, now, r.get("lost_reason"));
    }
  }
  if (r.type == "task") {
    std::string status = r.get("status"), old = before ? before->get("status") : "";
    if (status == "done" && old != "done") {
      std::string note;
      std::optional<Record> next = complete_task(r, now, &note);
      if (next) effects.write_before.push_back(std::move(*next));
      if (!note.empty()) effects.notes.push_back(note);
    } else if (status != "done" && status != "canceled" && (old == "done" || old == "canceled")) {
      r.data.erase("completed_at");
    }
  }
  if (r.type == "activity" && !before) {  // a new activity, not an edit of an old one
    auto at = parse_iso_datetime(r.get("at"));
    const Schema& contacts = store.schemas().get("contact");
    const Field* cadence = contacts.field("cadence");
    if (const Node* with = r.data.find("with"); at && with && cadence) {
      for (const Node& id : with->items) {
        if (!store.exists(contacts, id.text)) continue;
        Record c = store.load(contacts, id.text);
        std::string problem;
        if (advance_follow_up(c, *cadence, *at, &problem)) {
          // A contact that breaks a rule (a control character an older crm
          // wrote) cannot be written: the activity is still added.
          std::vector<InvalidData> broken = validate_record(c, contacts);
          if (broken.empty()) broken = check_rules(c, contacts, config);
          if (broken.empty())
            effects.write_after.push_back(std::move(c));
          else
            problem = std::string(broken.front().what()) + "; follow_up not moved";
        }
        if (!problem.empty()) effects.notes.push_back(problem);
      }
    }
  }
  return effects;
}

std::vector<std::string> write_with_effects(const Store& store, Record& record, const Record* before, bool is_new) {
  Effects effects = apply_workflow(store, record, before);
  // What a change creates has an id derived from the change: when it exists,
  // an interrupted run of the same change made it, and it stands as it is.
  for (Record& r : effects.write_before)
    if (!store.type_of(r.id())) store.write(r, true);
  store.write(record, is_new);
  for (Record& r : effects.write_after) store.write(r, false);
  return effects.notes;
}

}  // namespace crm
