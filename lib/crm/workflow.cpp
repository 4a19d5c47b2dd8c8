#include "crm/workflow.hpp"

#include <optional>

#include "crm/assignment.hpp"
#include "crm/automation.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/follow_up.hpp"
#include "crm/lead_score.hpp"
#include "crm/mail_out.hpp"
#include "crm/order_workflow.hpp"
#include "crm/rule_runs.hpp"
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
    {"activity",
     [](Change ch) {
       activity_changed(ch);
       for (Record& lead : leads_rescored_by(ch.store, ch.r, ch.before)) ch.effects.write_after.push_back(lead);
     }},
    {"lead", [](Change ch) { rescore_lead(ch.store, ch.r, ch.before); }},
    {"ticket", ticket_changed},
    {"order", [](Change ch) { order_changed(ch.store, ch.r, ch.before); }},
    {"segment", [](Change ch) { segment_changed(ch.store, ch.r); }},
    {"campaign", [](Change ch) { campaign_changed(ch.store, ch.r); }},
};

}  // namespace

Effects apply_workflow(const Store& store, Record& r, const Record* before) {
  Effects effects;
  for (const TypeHooks& h : kHooks)
    if (r.type == h.type) h.changed(Change{store, r, before, effects});
  return effects;
}

namespace {

Effects write_fired(Writer& writer, Record& record, const Record* before, bool is_new, int depth);

}  // namespace

namespace {

// A firing's messages, into the store's outbox before the activities that
// log them: a message whose activity exists has gone (here, or in a clone).
// Its file is named by that activity's derived id, so a run killed between
// the two writes the same file again: one message, one activity.
void deliver_firing_mails(const Store& store, const Firing& f) {
  Dir box;
  for (const RuleMail& m : f.mails) {
    if (store.type_of(m.activity)) continue;
    if (!box) box = open_outbox(store, "");
    box.write(m.file, m.message);
  }
}

}  // namespace

bool firing_done(const Store& store, const Firing& f) {
  bool new_records = false;
  for (const Record& r : f.created) new_records = new_records || !store.type_of(r.id());
  // What it creates exists: it fired (here, or in a clone this came from).
  if (!f.created.empty() && !new_records) return true;
  return !new_records && f.changes.entries.empty() && f.runs.empty();
}

void apply_firing(Writer& writer, const Record& record, const Firing& f) {
  const Store& store = writer.store();
  run_firing_commands(store, record, f);
  deliver_firing_mails(store, f);
  for (const Record& c : f.created) {
    if (store.type_of(c.id())) continue;
    Record r = c;
    bool dated = r.data.find("created");
    write_with_effects(writer, r, nullptr, !dated);
  }
  if (f.changes.entries.empty()) return;
  Record changed = record;
  for (const auto& [field, value] : f.changes.entries) changed.data.set(field, value);
  write_with_effects(writer, changed, &record, false);
}

namespace {

constexpr const char* kRetried = " (`crm rules run` retries it)";

// The store's rules (automation.hpp) after a write: each that matches the
// change plans its actions; what they create is written first (a derived id
// that exists is left as it is: the same firing made it), then the record's
// own changes, in one write. Both go through write_fired, so rules fire on
// them in turn, up to kMaxRuleDepth. A rule that fails is reported and
// applies nothing; the write that fired it stands.
void fire_rules(Writer& writer, const Record& record, const Record* before, int depth) {
  const Store& store = writer.store();
  std::vector<Rule> rules;
  try {
    rules = load_rules(store);
  } catch (const Error& e) {
    store.note_rule(std::string(e.what()) + " (no rule fired)", true);
    return;
  }
  std::vector<Firing> firings;
  for (const Rule& rule : rules) {
    try {
      if (auto f = plan_firing(store, rule, record, before, FireFor::Change)) {
        for (const std::string& said : f->skipped_says)
          store.note_rule("rule " + rule.name + " on " + record.type + " " + record.id() + ": " + said, false);
        if (firing_done(store, *f)) continue;
        if (depth >= kMaxRuleDepth) {
          store.note_rule("rule " + rule.name + ": not fired on " + record.type + " " + record.id() +
                              ": rules triggered each other " + std::to_string(depth) + " deep (a loop?)",
                          false);
          continue;
        }
        firings.push_back(std::move(*f));
      }
    } catch (const Error& e) {
      // Planning failed (a template missing or broken, no From address, a
      // value that does not validate): kept, as a failed action is.
      std::optional<std::string> instance = firing_instance(rule, record, before, FireFor::Change);
      store.note_rule(
          "rule " + rule.name + " on " + record.type + " " + record.id() + ": " + e.what() + (instance ? kRetried : ""),
          true);
      if (instance) remember_failed_firing(store, {rule.name, record.type, record.id(), *instance});
    }
  }
  if (firings.empty()) return;
  Record changed = record;
  bool any_change = false;
  for (Firing& f : firings) {
    try {
      std::string who = "rule " + f.rule->name + " on " + record.type + " " + record.id() + ": ";
      run_firing_commands(store, record, f);  // a failure applies nothing else of the rule
      deliver_firing_mails(store, f);
      for (size_t i = 0; i < f.created.size(); ++i) {
        if (store.type_of(f.created[i].id())) continue;
        bool dated = f.created[i].data.find("created");  // by the change: kept (is_new would restamp it)
        write_fired(writer, f.created[i], nullptr, !dated, depth + 1);
        store.note_rule(who + f.created_says[i], false);
      }
      for (const auto& [field, value] : f.changes.entries) changed.data.set(field, value);
      any_change = any_change || !f.changes.entries.empty();
      for (const std::string& said : f.change_says) store.note_rule(who + said, false);
    } catch (const Error& e) {
      // A command, the outbox, a record that does not validate: nothing
      // more of the rule applies, and `crm rules run` fires it again.
      store.note_rule("rule " + f.rule->name + " on " + record.type + " " + record.id() + ": " + e.what() + kRetried,
                      true);
      remember_failed_firing(store, {f.rule->name, record.type, record.id(), f.instance});
      f.changes = Node::map();  // not applied below either
    }
  }
  if (!any_change) return;
  try {
    Record was = record;
    write_fired(writer, changed, &was, false, depth + 1);
  } catch (const Error& e) {
    store.note_rule("rules on " + record.type + " " + record.id() + ": " + e.what() + kRetried, true);
    for (const Firing& f : firings)
      if (!f.changes.entries.empty())
        remember_failed_firing(store, {f.rule->name, record.type, record.id(), f.instance});
  }
}

// A write, with what assignment keeps of the folder (owner_memo_*) told.
void write_kept(Writer& writer, Record& r, bool is_new) {
  bool in_step = owner_memo_in_step(writer.store(), r.type);
  writer.write_raw(r, is_new);
  owner_memo_wrote(writer.store(), r, in_step);
}

Effects write_fired(Writer& writer, Record& record, const Record* before, bool is_new, int depth) {
  const Store& store = writer.store();
  Effects effects = apply_workflow(store, record, before);
  // What a change creates has an id derived from the change: when it exists,
  // an interrupted run of the same change made it, and it stands as it is.
  for (Record& r : effects.write_before)
    if (!store.type_of(r.id())) write_kept(writer, r, true);
  write_kept(writer, record, is_new);
  // What the change did to others (a contact's follow_up, a lead's score)
  // is a change of theirs: rules fire on it too.
  std::vector<std::pair<Record, std::optional<Record>>> others;
  for (Record& r : effects.write_after) {
    const Schema* s = store.type_of(r.id());
    std::optional<Record> was = s ? std::optional<Record>(store.load(*s, r.id())) : std::nullopt;
    write_kept(writer, r, false);
    others.emplace_back(r, std::move(was));
  }
  fire_rules(writer, record, before, depth);
  for (const auto& [r, was] : others) fire_rules(writer, r, was ? &*was : nullptr, depth + 1);
  return effects;
}

}  // namespace

Effects write_with_effects(Writer& writer, Record& record, const Record* before, bool is_new) {
  return write_fired(writer, record, before, is_new, 0);
}

void fire_rules(Writer& writer, const Record& record, const Record* before) {
  if (record.type == "activity") forget_lead_activities();
  fire_rules(writer, record, before, 0);
  // What arrived moves scores as a write here would: a lead changed (or
  // merged) elsewhere, an activity with a lead logged there.
  const Store& store = writer.store();
  const Schema* leads = store.schemas().find("lead");
  if (!leads) return;
  std::vector<Record> rescored;
  if (record.type == "lead" && store.exists(*leads, record.id())) {
    Record lead = store.load(*leads, record.id());
    std::string was = lead.get("score");
    rescore_lead(store, lead, &lead);
    if (lead.get("score") != was) rescored.push_back(std::move(lead));
  } else if (record.type == "activity") {
    rescored = leads_rescored_by(store, record, before);
  }
  for (Record& lead : rescored) {
    Record was = store.load(*leads, lead.id());
    write_with_effects(writer, lead, &was, false);
  }
}

void remove_record(Writer& writer, const Schema& schema, const std::string& id) {
  if (schema.type == "activity") forget_lead_activities();
  bool in_step = owner_memo_in_step(writer.store(), schema.type);
  writer.remove_raw(schema, id);
  owner_memo_removed(writer.store(), schema.type, id, in_step);
}

}  // namespace crm
