// `crm rules list | check | test | run`: the store's rules (.crm/rules.yaml,
// automation.hpp). Firing on writes happens in the workflow module.
#include "app.hpp"
#include "crm/automation.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm::cli {

namespace {

std::string when_of(const Rule& r) {
  return r.event == "schedule" ? "schedule (" + r.type + ")" : r.type + "." + r.event;
}

Table firing_table() {
  Table t;
  t.columns = {{"rule", "", ColumnType::Word, 0, 0},
               {"type", "", ColumnType::Word, 0, 0},
               {"record", "", ColumnType::Id, 0, 0},
               {"action", "", ColumnType::Text, 0, 0}};
  return t;
}

void add_row(Table& t, const Rule& rule, const Record& r, const std::string& said) {
  t.rows.push_back({{Cell::of(rule.name), Cell::of(r.type), Cell::of(r.id()), Cell::of(said)}, Tone::None, false});
}

const Rule* find_rule(const std::vector<Rule>& rules, const std::string& name) {
  for (const Rule& r : rules)
    if (r.name == name) return &r;
  std::vector<std::string> names;
  for (const Rule& r : rules) names.push_back(r.name);
  throw UsageError("no rule \"" + name + "\" in " + kRulesFile +
                   (names.empty() ? "" : " (rules: " + join(names, ", ") + ")"));
}

}  // namespace

int cmd_rules_list(Context& ctx) {
  Store& store = ctx.store();
  std::vector<Rule> rules = load_rules(store);
  Table t;
  t.columns = {{"name", "", ColumnType::Word, 0, 0},
               {"on", "", ColumnType::Word, 0, 0},
               {"if", "", ColumnType::Text, 0, 0},
               {"from", "", ColumnType::Text, 2, 0},
               {"do", "", ColumnType::Text, 1, 0}};
  for (const Rule& r : rules) {
    std::vector<std::string> kinds;
    for (const RuleAction& a : r.actions) kinds.push_back(a.kind);
    t.rows.push_back({{Cell::of(r.name), Cell::of(when_of(r)), Cell::of(r.if_text), Cell::of(r.from_text),
                       Cell::of(join(kinds, ", "))},
                      Tone::None,
                      false});
  }
  t.empty_note = std::string("no rules (") + kRulesFile + ")";
  ctx.out(render(t, ctx.output()));
  return 0;
}

int cmd_rules_check(Context& ctx) {
  Store& store = ctx.store();
  std::vector<Rule> rules = load_rules(store);  // throws the first problem of shape
  for (const InvalidData& e : check_rule_filters(store, rules)) ctx.report(e);
  return ctx.status;
}

int cmd_rules_test(Context& ctx, const std::string& rule_name, const std::string& record) {
  Store& store = ctx.store();
  std::vector<Rule> rules = load_rules(store);
  for (const InvalidData& e : check_rule_filters(store, rules)) throw e;
  std::vector<const Rule*> chosen;
  if (!rule_name.empty())
    chosen.push_back(find_rule(rules, rule_name));
  else
    for (const Rule& r : rules) chosen.push_back(&r);
  Table t = firing_table();
  for (const Rule* rule : chosen) {
    const Schema& schema = store.schemas().get(rule->type);
    std::vector<Record> records;
    if (!record.empty()) {
      const Schema* of = store.type_of(record);
      std::string id = of ? record : "";
      if (!of) {
        try {
          id = store.resolve(schema, record);
        } catch (const NotFound&) {
          if (rule_name.empty()) continue;
          throw;
        }
        of = &schema;
      }
      if (of->type != rule->type) continue;
      records.push_back(store.load(schema, id));
    } else {
      records = store.load_all(schema).records;
    }
    for (const Record& r : records) {
      try {
        auto f = plan_firing(store, *rule, r, nullptr, FireFor::Test);
        if (!f) continue;
        for (size_t i = 0; i < f->created.size(); ++i) add_row(t, *rule, r, f->created_says[i]);
        for (const std::string& said : f->change_says) add_row(t, *rule, r, said);
        if (f->created.empty() && f->change_says.empty()) add_row(t, *rule, r, "nothing (already so)");
      } catch (const Error& e) {
        add_row(t, *rule, r, std::string("fails: ") + e.what());
        ctx.status = kExitInvalid;
      }
    }
  }
  t.empty_note = "no rule would fire";
  ctx.out(render(t, ctx.output()));
  return ctx.status;
}

int cmd_rules_run(Context& ctx, bool dry_run) {
  Store& store = ctx.store();
  std::vector<Rule> rules = load_rules(store);
  for (const InvalidData& e : check_rule_filters(store, rules)) throw e;
  Table t = firing_table();
  std::optional<Writer> writer;
  if (!dry_run) writer.emplace(store.lock());
  for (const Rule& rule : rules) {
    if (rule.event != "schedule") continue;
    const Schema& schema = store.schemas().get(rule.type);
    for (const Record& r : store.load_all(schema).records) {
      try {
        auto f = plan_firing(store, rule, r, nullptr, FireFor::Schedule);
        if (!f) continue;
        for (size_t i = 0; i < f->created.size(); ++i) {
          if (store.type_of(f->created[i].id())) continue;  // made by an earlier run
          if (writer) write_with_effects(*writer, f->created[i], nullptr, true);
          add_row(t, rule, r, f->created_says[i]);
        }
        if (!f->changes.entries.empty()) {
          Record changed = r;
          for (const auto& [field, value] : f->changes.entries) changed.data.set(field, value);
          if (writer) write_with_effects(*writer, changed, &r, false);
          for (const std::string& said : f->change_says) add_row(t, rule, r, said);
        }
      } catch (const Error& e) {
        ctx.report(Error("rule " + rule.name + " on " + r.type + " " + r.id() + ": " + e.what()));
      }
    }
  }
  t.empty_note = "nothing to do";
  ctx.out(render(t, ctx.output()));
  return ctx.status;
}

}  // namespace crm::cli
