// `crm rules list | check | test | run`: the store's rules (.crm/rules.yaml,
// automation.hpp). Firing on writes happens in the workflow module.
#include "app.hpp"
#include "crm/automation.hpp"
#include "crm/ids.hpp"
#include "crm/lead_score.hpp"
#include "crm/rule_runs.hpp"
#include "crm/rules_trust.hpp"
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
  bool runs = false;
  for (const Rule& r : rules)
    for (const RuleAction& a : r.actions) runs = runs || a.kind == "run";
  if (runs && !rules_trusted(store, read_rules_text(store)))
    ctx.note(std::string("the run actions are skipped: this machine does not trust ") + kRulesFile +
             " as it is (read it, then `crm rules trust`)");
  if (size_t n = pending_firings(store).size())
    ctx.note(std::to_string(n) + (n == 1 ? " firing failed and waits" : " firings failed and wait") +
             " for `crm rules run` (.crm/state/rules-pending)");
  return 0;
}

int cmd_rules_check(Context& ctx) {
  Store& store = ctx.store();
  // Every problem, not only the first: parse_rules throws the first of shape only.
  std::vector<Rule> rules = parse_rules(read_rules_text(store), store.schemas());
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
        for (const RuleRun& run : f->runs) add_row(t, *rule, r, "run " + run.command);
        for (size_t i = 0; i < f->created.size(); ++i)
          add_row(t, *rule, r,
                  f->created_says[i] + (store.type_of(f->created[i].id()) ? " (made already: it fired)" : ""));
        for (const std::string& said : f->change_says) add_row(t, *rule, r, said);
        for (const std::string& said : f->skipped_says) add_row(t, *rule, r, said);
        for (const RuleMail& m : f->mails) add_row(t, *rule, r, m.message);
        if (f->created.empty() && f->change_says.empty() && f->runs.empty() && f->skipped_says.empty())
          add_row(t, *rule, r, "nothing (already so)");
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

namespace {

// One firing by `crm rules run`: its rows, and (unless a dry run) the
// firing applied. False when it failed (reported).
bool run_one(Context& ctx, std::optional<Writer>& writer, Table& t, const Rule& rule, const Record& r,
             const Firing& f) {
  const Store& store = ctx.store();
  std::vector<bool> fresh;
  for (const Record& c : f.created) fresh.push_back(!store.type_of(c.id()));
  try {
    if (writer) apply_firing(*writer, r, f);
  } catch (const Error& e) {
    ctx.report(Error("rule " + rule.name + " on " + r.type + " " + r.id() + ": " + e.what()));
    return false;
  }
  for (const RuleRun& run : f.runs) add_row(t, rule, r, "run " + run.command);
  for (size_t i = 0; i < f.created.size(); ++i)
    if (fresh[i]) add_row(t, rule, r, f.created_says[i]);
  for (const std::string& said : f.change_says) add_row(t, rule, r, said);
  for (const std::string& said : f.skipped_says) add_row(t, rule, r, said);
  return true;
}

}  // namespace

int cmd_rules_run(Context& ctx, bool dry_run) {
  Store& store = ctx.store();
  std::vector<Rule> rules = load_rules(store);
  for (const InvalidData& e : check_rule_filters(store, rules)) throw e;
  Table t = firing_table();
  std::optional<Writer> writer;
  if (!dry_run) writer.emplace(store.lock());
  // Firings that failed after a write (a run command): again, as they were
  // — once the rules file, as it is now, is trusted here.
  bool trusted = rules_trusted(store, read_rules_text(store));
  std::vector<PendingFiring> retried;  // forgotten in one write: a kill before it retries them again, harmlessly
  for (const PendingFiring& p : pending_firings(store)) {
    auto rule = std::find_if(rules.begin(), rules.end(), [&](const Rule& x) { return x.name == p.rule; });
    const Schema* schema = store.schemas().find(p.type);
    std::optional<Firing> f;
    std::optional<Record> r;
    if (rule != rules.end() && schema && store.exists(*schema, p.id)) {
      r = store.load(*schema, p.id);
      try {
        f = plan_firing(store, *rule, *r, nullptr, FireFor::Retry, p.instance);
      } catch (const Error& e) {
        ctx.report(Error("rule " + p.rule + " on " + p.type + " " + p.id + ": " + e.what()));
        continue;
      }
    }
    if (f && !f->runs.empty() && !trusted) {
      ctx.note("rule " + p.rule + " on " + p.type + " " + p.id + ": not retried: " + kRulesFile +
               " changed since `crm rules trust`");
      continue;
    }
    // Gone (the rule, the record) or no longer matching: nothing to retry.
    bool ok = !f || run_one(ctx, writer, t, *rule, *r, *f);
    if (ok && writer) retried.push_back(p);
  }
  forget_firings(store, retried);
  for (const Rule& rule : rules) {
    if (rule.event != "schedule") continue;
    const Schema& schema = store.schemas().get(rule.type);
    for (const Record& r : store.load_all(schema).records) {
      try {
        auto f = plan_firing(store, rule, r, nullptr, FireFor::Schedule);
        if (!f || firing_done(store, *f)) continue;  // done by an earlier run
        run_one(ctx, writer, t, rule, r, *f);
      } catch (const Error& e) {
        ctx.report(Error("rule " + rule.name + " on " + r.type + " " + r.id() + ": " + e.what()));
      }
    }
  }
  // Scores with terms that decay (activities within 30d) move with time:
  // each run writes those that changed since the last write.
  LeadScorer scorer(store);
  if (scorer.enabled()) {
    Rule scoring;
    scoring.name = "scoring";
    for (ScoredLead& s : score_leads(store, scorer)) {
      std::string now = std::to_string(s.score.score), was = s.lead.get("score");
      if (now == was) continue;
      Record changed = s.lead;
      changed.data.set("score", Node::scalar(now, true));
      try {
        if (writer) write_with_effects(*writer, changed, &s.lead, false);
        add_row(t, scoring, s.lead, "score " + (was.empty() ? "-" : was) + " -> " + now);
      } catch (const Error& e) {
        ctx.report(Error("score of lead " + s.lead.id() + ": " + e.what()));
      }
    }
  }
  t.empty_note = "nothing to do";
  ctx.out(render(t, ctx.output()));
  return ctx.status;
}

int cmd_rules_trust(Context& ctx) {
  Store& store = ctx.store();
  std::string text = read_rules_text(store);
  if (text.empty()) throw UsageError(std::string("no ") + kRulesFile + " to trust");
  std::vector<Rule> rules = load_rules(store);  // a file that does not parse is never trusted
  Table t;
  t.columns = {{"rule", "", ColumnType::Word, 0, 0},
               {"on", "", ColumnType::Word, 1, 0},
               {"timeout", "", ColumnType::Word, 2, 0},
               {"command", "", ColumnType::Text, 0, 0}};
  for (const Rule& r : rules)
    for (const RuleAction& a : r.actions) {
      if (a.kind != "run") continue;
      std::string command, timeout = "10s";
      for (const auto& [k, v] : a.args) (k == "command" ? command : timeout) = v;
      t.rows.push_back(
          {{Cell::of(r.name), Cell::of(when_of(r)), Cell::of(timeout), Cell::of(command)}, Tone::None, false});
    }
  t.empty_note = "no run commands (nothing would run)";
  ctx.out(render(t, ctx.output()));
  std::string hash = trust_digest(store, text);
  std::filesystem::path file = trust_rules(store, text);
  ctx.note(std::string("trusted ") + kRulesFile + " (sha256 " + hash +
           ") on this machine: " + std::to_string(t.rows.size()) + (t.rows.size() == 1 ? " command" : " commands") +
           " may run; any change to the file needs `crm rules trust` again (" + file.string() + ")");
  return 0;
}

namespace {

// An id cell that a table shows as its shortest unique prefix.
Cell short_id(const Store& store, const Schema& schema, const std::string& id) {
  Cell c = Cell::of(id);
  c.shown = unique_prefixes(store.ids(schema), {id})[id];
  return c;
}

}  // namespace

int cmd_lead_score(Context& ctx, const std::string& key, bool explain) {
  Store& store = ctx.store();
  LeadScorer scorer(store);
  if (!scorer.enabled())
    throw UsageError(
        "no scoring: in .crm/config.yaml (see crm-config(1): scoring: [{if: \"source=web\", points: 20}])");
  const Schema& leads = store.schemas().get("lead");
  Table t;
  if (key.empty() && explain) throw UsageError("--explain explains one lead: crm lead score ID --explain");
  if (!key.empty()) {
    Record lead = store.load(leads, store.resolve(leads, key));
    LeadScore s = scorer.score(lead, scorer.activities_of(lead.id()));
    if (!explain) {
      t.columns = {{"id", "", ColumnType::Id, 0, 0},
                   {"name", "", ColumnType::Text, 0, 0},
                   {"score", "", ColumnType::Count, 0, 0}};
      t.rows.push_back(
          {{short_id(store, leads, lead.id()), Cell::of(lead.get("name")), Cell::count(s.score)}, Tone::None, false});
      ctx.out(render(t, ctx.output()));
      return 0;
    }
    // Taskwarrior's urgency breakdown: every term, what it counted, the sum.
    t.columns = {{"term", "", ColumnType::Text, 0, 0},
                 {"matched", "", ColumnType::Bool, 0, 0},
                 {"points", "", ColumnType::Count, 0, 0},
                 {"counted", "", ColumnType::Count, 0, 0},
                 {"detail", "", ColumnType::Text, 1, 0}};
    for (const ScoreLine& l : s.lines) {
      Cell matched = Cell::of(l.matched ? "true" : "false");
      matched.shown = l.matched ? "yes" : "no";
      t.rows.push_back({{Cell::of(l.term), matched, Cell::count(l.points), Cell::count(l.matched ? l.points : 0),
                         Cell::of(l.detail)},
                        l.matched ? Tone::None : Tone::Dim,
                        false});
    }
    std::string detail = s.sum == s.score ? "" : "the sum " + std::to_string(s.sum) + ", clamped to 0-100";
    t.rows.push_back(
        {{Cell::of("score"), Cell::none(), Cell::none(), Cell::count(s.score), Cell::of(detail)}, Tone::Strong, true});
    ctx.out(render(t, ctx.output()));
    return 0;
  }
  std::vector<ScoredLead> all = score_leads(store, scorer);
  std::stable_sort(all.begin(), all.end(), [](const ScoredLead& a, const ScoredLead& b) {
    if (a.score.score != b.score.score) return a.score.score > b.score.score;
    return sort_key(a.lead.get("name")) < sort_key(b.lead.get("name"));
  });
  long long stale = 0;
  t.columns = {{"id", "", ColumnType::Id, 0, 0},
               {"name", "", ColumnType::Text, 0, 0},
               {"status", "", ColumnType::Word, 2, 0},
               {"owner", "", ColumnType::Word, 1, 0},
               {"score", "", ColumnType::Count, 0, 0}};
  std::vector<std::string> ids;
  for (const ScoredLead& s : all) ids.push_back(s.lead.id());
  auto prefixes = unique_prefixes(store.ids(leads), ids);
  for (const ScoredLead& s : all) {
    Cell id = Cell::of(s.lead.id());
    id.shown = prefixes[s.lead.id()];
    t.rows.push_back({{id, Cell::of(s.lead.get("name")), Cell::of(s.lead.get("status")), Cell::of(s.lead.get("owner")),
                       Cell::count(s.score.score)},
                      Tone::None,
                      false});
    stale += s.lead.get("score") != std::to_string(s.score.score);
  }
  t.empty_note = "no leads";
  ctx.out(render(t, ctx.output()));
  if (stale)
    ctx.note(std::to_string(stale) + (stale == 1 ? " lead's" : " leads'") +
             " stored score is behind (recent activities aged, or the terms changed): `crm rules run` writes them");
  return 0;
}

}  // namespace crm::cli
