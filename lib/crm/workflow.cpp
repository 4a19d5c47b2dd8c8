#include "crm/workflow.hpp"

#include <optional>

#include "crm/deal_workflow.hpp"
#include "crm/follow_up.hpp"
#include "crm/order_workflow.hpp"
#include "crm/rules.hpp"
#include "crm/segments.hpp"
#include "crm/task_workflow.hpp"
#include "crm/ticket_workflow.hpp"

namespace crm {

namespace {

// What a change implies, per type: each hook sees the record after the
// change (`before`: nullptr for a new one) and adds what else to write.
struct Change {
  const Store& store;
  Record& r;
  const Record* before;
  Effects& effects;
};

void deal_changed(Change ch) {
  const Store& store = ch.store;
  Record& r = ch.r;
  const Record* before = ch.before;
  const Config& config = store.config();
  Seconds now = store.clock().now;
  if (!config.pipeline.empty()) {
    std::string stage = r.get("stage");
    if (stage.empty()) stage = first_open_stage(config);
    std::string old = before ? before->get("stage") : "";
    // A change that recorded its own move (an import dates it from the file;
    // a JSON record carries its history) is not moved again.
    auto history_size = [](const Record& d) {
      const Node* h = d.data.find("stage_history");
      return h && h->is_sequence() ? h->items.size() : size_t{0};
    };
    const Node* history = r.data.find("stage_history");
    bool recorded = history && history_size(r) > (before ? history_size(*before) : 0) &&
                    history->items.back().is_map() && history->items.back().find("stage") &&
                    history->items.back().find("stage")->text == stage;
    if (!stage.empty() && !recorded && (!before || stage != old)) {
      // The move is what the history records: put the old stage back, then move.
      if (before && !old.empty())
        r.data.set("stage", Node::scalar(old));
      else
        r.data.erase("stage");
      // A new record that says when it closed (an import) keeps that date.
      std::optional<Node> closed_at;
      if (const Node* c = r.data.find("closed_at"); c && !before) closed_at = *c;
      move_deal(r, config, stage, now, r.get("lost_reason"));
      if (closed_at && r.data.find("closed_at")) r.data.set("closed_at", *closed_at);
    }
  }
}

void task_changed(Change ch) {
  Record& r = ch.r;
  const Record* before = ch.before;
  Effects& effects = ch.effects;
  Seconds now = ch.store.clock().now;
  {
    std::string status = r.get("status"), old = before ? before->get("status") : "";
    // A new task that says when it was done (an import) is history, not a completion.
    bool done_before = !before && r.data.find("completed_at");
    if (status == "done" && old != "done" && !done_before) {
      std::string note;
      std::optional<Record> next = complete_task(r, now, &note);
      if (next) effects.write_before.push_back(std::move(*next));
      if (!note.empty()) effects.notes.push_back(note);
    } else if (status != "done" && status != "canceled" && (old == "done" || old == "canceled")) {
      r.data.erase("completed_at");
    }
  }
}

void ticket_changed(Change ch) {
  const Store& store = ch.store;
  Record& r = ch.r;
  const Record* before = ch.before;
  // A new ticket of a contact at a company is the company's too: its 360° view lists it.
  if (!before && r.get("company").empty() && !r.get("contact").empty()) {
    const Schema& contacts = store.schemas().get("contact");
    if (store.exists(contacts, r.get("contact")))
      if (std::string company = store.load(contacts, r.get("contact")).get("company"); !company.empty())
        r.data.set("company", Node::scalar(company));
  }
  apply_ticket_workflow(r, before, store.config(), store.schemas().get("ticket"), store.clock());
}

void activity_changed(Change ch) {
  const Store& store = ch.store;
  Record& r = ch.r;
  Effects& effects = ch.effects;
  const Config& config = store.config();
  // A new activity, not an edit of an old one, nor one restored with its own
  // `created` (a JSON import of a backup: its contacts come with their follow_up).
  if (!ch.before && !r.data.find("created")) {
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
}

// The one list of types with rules of their own (crm-reference.md,
// Workflows). A type without an entry — a store's own — is written as it is.
// A type's verbs beyond the generic ones are registered in
// cmd/crm/commands.cpp (register_type_verbs), its 360° and agenda sections in
// related.cpp and agenda.cpp.
struct TypeHooks {
  const char* type;
  void (*changed)(Change);
};
const TypeHooks kHooks[] = {
    {"deal", deal_changed},
    {"task", task_changed},
    {"activity", activity_changed},
    {"ticket", ticket_changed},
    {"order", [](Change ch) { order_changed(ch.store, ch.r, ch.before); }},
    {"segment", [](Change ch) { segment_changed(ch.store, ch.r); }},
};

}  // namespace

Effects apply_workflow(const Store& store, Record& r, const Record* before) {
  Effects effects;
  for (const TypeHooks& h : kHooks)
    if (r.type == h.type) h.changed(Change{store, r, before, effects});
  return effects;
}

Effects write_with_effects(Writer& writer, Record& record, const Record* before, bool is_new) {
  const Store& store = writer.store();
  Effects effects = apply_workflow(store, record, before);
  // What a change creates has an id derived from the change: when it exists,
  // an interrupted run of the same change made it, and it stands as it is.
  for (Record& r : effects.write_before)
    if (!store.type_of(r.id())) writer.write_raw(r, true);
  writer.write_raw(record, is_new);
  for (Record& r : effects.write_after) writer.write_raw(r, false);
  return effects;
}

void remove_record(Writer& writer, const Schema& schema, const std::string& id) { writer.remove_raw(schema, id); }

}  // namespace crm
