// The verbs of the sales workflow: deal move/won/lost, lead convert, task
// done/reopen, log, agenda, report.
#include <algorithm>

#include "app.hpp"
#include "crm/agenda.hpp"
#include "crm/as_of.hpp"
#include "crm/atomic_file.hpp"
#include "crm/dashboard.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/derived_fields.hpp"
#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/lead_conversion.hpp"
#include "crm/report.hpp"
#include "crm/reports.hpp"
#include "crm/segments.hpp"
#include "crm/task_workflow.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm::cli {

int cmd_deal_move(Context& ctx, const std::string& key, const std::string& stage_name, const std::string& reason) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("deal");
  const Stage& stage = pipeline_stage(store.config(), stage_name);  // exit 2 before anything is read
  Writer writer = store.lock();
  Record deal = store.load(s, store.resolve(s, key));
  const Record before = deal;
  if (deal.get("stage") == stage.name && (reason.empty() || deal.get("lost_reason") == reason)) {
    ctx.note("deal " + deal.get("name") + " is already in " + stage.name);
    return 0;
  }
  // The workflow records the move (stage_history, closed_at) as for `set stage=`.
  deal.data.set("stage", Node::scalar(stage.name));
  if (!reason.empty()) deal.data.set("lost_reason", Node::scalar(reason));
  for (const std::string& note : write_with_effects(writer, deal, &before, false).notes) ctx.note(note);
  return 0;
}

int cmd_deal_close(Context& ctx, const std::string& key, const std::string& outcome, const std::string& reason) {
  Store& store = ctx.store();
  for (const Stage& s : store.config().pipeline)
    if (s.closed == outcome) return cmd_deal_move(ctx, key, s.name, reason);
  throw UsageError("the pipeline in .crm/config.yaml has no stage with closed: " + outcome);
}

int cmd_lead_convert(Context& ctx, const ConvertCliOptions& o) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("lead");
  ConvertOptions co;
  co.deal = o.deal || !o.amount.empty() || !o.stage.empty() || !o.name.empty();
  if (!o.amount.empty()) co.amount = o.amount;
  if (!o.stage.empty()) co.stage = pipeline_stage(store.config(), o.stage).name;
  co.deal_name = o.name;
  Writer writer = store.lock();
  Converted c = convert_lead(writer, store.resolve(s, o.id), co);
  std::vector<const Converted::Item*> items = {&c.contact};
  if (c.company) items.push_back(&*c.company);
  if (c.deal) items.push_back(&*c.deal);
  // A table and csv: one line per record; json/yaml: one object keyed by type.
  Table t;
  t.columns = {{"type", "", ColumnType::Word, 0, 0},
               {"action", "", ColumnType::Word, 0, 0},
               {"name", "", ColumnType::Text, 0, 0},
               {"id", "", ColumnType::Id, 0, 0}};
  Json doc = Json::object();
  for (const auto* i : items) {
    std::string action = i->created ? "created" : "linked";
    t.rows.push_back({{Cell::of(i->type), Cell::of(action), Cell::of(i->name), Cell::of(i->id)}, Tone::None, false});
    doc[i->type] = Json{{"id", i->id}, {"name", i->name}, {"action", action}};
  }
  t.objects.push_back(doc);
  t.single = t.single_yaml = true;
  ctx.out(render(t, ctx.output(&store.clock())));
  return 0;
}

int cmd_task_done(Context& ctx, const std::vector<std::string>& keys) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("task");
  Writer writer = store.lock();
  std::vector<std::string> ids;
  for (const std::string& key : keys) ids.push_back(store.resolve(s, key));
  for (const std::string& id : ids) {
    Record task = store.load(s, id);
    if (task.get("status") == "done") {
      ctx.note("task " + task.get("title") + " (" + id + ") is already done");
      continue;
    }
    const Record before = task;
    task.data.set("status", Node::scalar("done"));
    Effects effects = write_with_effects(writer, task, &before, false);
    for (Record& next : effects.write_before) {
      ctx.out(next.id() + "\n");
      ctx.note("next: " + next.get("title") + " due " + next.get("due") + " (" + next.id() + ")");
    }
    for (const std::string& note : effects.notes) ctx.note(note);
  }
  return 0;
}

int cmd_task_reopen(Context& ctx, const std::string& key) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("task");
  Writer writer = store.lock();
  Record task = store.load(s, store.resolve(s, key));
  if (task_is_open(task)) {
    ctx.note("task " + task.get("title") + " is already open");
    return 0;
  }
  const Record before = task;
  reopen_task(task);
  write_with_effects(writer, task, &before, false);
  return 0;
}

int cmd_log(Context& ctx, const LogOptions& o) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("activity");
  AddOptions add = o.add;
  add.named.insert(add.named.begin(), {"kind", o.kind});
  add.named.insert(add.named.begin() + 1, {"summary", o.summary});
  add.named.insert(add.named.begin() + 2, {"with+", o.who});
  return cmd_add(ctx, s, add);
}

int cmd_agenda(Context& ctx, const AgendaOptions& o) {
  Store& store = ctx.store();
  if (o.days < 0) throw UsageError("--days must be 0 or more");
  ctx.out(render_agenda(build_agenda(store, o.days, o.owner), store, ctx.output(&store.clock()), o.days));
  return 0;
}

int cmd_report(Context& ctx, const ReportCliOptions& o) {
  std::optional<PastStore> past;  // --as-of: the store as it was, and its today
  if (o.as_of_given) {
    const Store& now = ctx.store();
    auto d = parse_date_expr(o.as_of, now.clock());
    if (!d) throw UsageError("--as-of: \"" + o.as_of + "\" is not a date (2026-10-01, -90d, eoq, …)");
    past.emplace(open_as_of(now, d->day()));
    for (const std::string& n : past->notes) ctx.note(n);
  }
  const Store& store = past ? *past->store : ctx.store();
  OutputOptions out = ctx.output(&store.clock());
  bool to_file = !o.output.empty() && o.output != "-";
  std::filesystem::path file = to_file ? output_path(ctx.store(), o.output) : std::filesystem::path();
  if (to_file) {  // a file: no colour, no terminal width
    out.color = out.tty = false;
    out.width = 0;
  }
  // -o FILE: written whole or not at all (a temp file renamed), a link
  // followed as the shell's > would.
  auto emit = [&](const std::string& text) {
    if (to_file)
      write_file_atomic(file, text);
    else
      ctx.out(text);
  };
  if (o.name.empty()) {
    if (!o.filter.empty() || !o.since.empty() || !o.until.empty() || !o.by.empty() || o.days || o.all_stages)
      throw UsageError("the dashboard takes only --owner, --as-of and -o; name a report for more (" +
                       join(report_names(), ", ") + ")");
    emit(render(dashboard_page(store, o.owner), out));
    // Its charts read these: a file that does not load is missing from them.
    Store::Loaded loaded = load_problems(store, {"deal", "order", "contact", "ticket"});
    for (const InvalidData& e : loaded.errors) ctx.report(past ? in_commit(e, past->commit) : e);
    for (const std::string& c : loaded.conflicts) ctx.report(Conflict(c));
    return ctx.status;
  }
  ReportRequest request;
  request.name = o.name[0] == '=' ? o.name.substr(1) : o.name;                      // see main.cpp: "=activity"
  const Schema& subject = store.schemas().get(report_subject(request.name, o.by));  // UsageError for an unknown report
  std::vector<std::string> words = o.filter;
  // `crm report campaign ID`: one campaign by id, prefix or name.
  if (request.name == "campaign" && words.size() == 1 && words[0].find_first_of("=<>~+@!") == std::string::npos)
    words = {"id=" + store.resolve(subject, words[0])};
  const Schema valued = with_derived_fields(subject);  // breached=true, probability>40: it outlives the filter
  request.filter = parse_store_filter(store, words, valued);
  auto day = [&](const std::string& text, const char* option) -> std::optional<Days> {
    if (text.empty()) return std::nullopt;
    auto d = parse_date_expr(text, store.clock());
    if (!d) throw UsageError(std::string(option) + ": \"" + text + "\" is not a date (2026-01-01, -90d, eoq, …)");
    return d->day();
  };
  request.since = day(o.since, "--since");
  request.until = day(o.until, "--until");
  request.owner = o.owner;
  request.by = o.by;
  request.days = o.days;
  request.all_stages = o.all_stages;
  Report report = build_report(store, request);
  emit(render(report_table(report), out));
  // Problems in the records read (the subject's, the orders behind a value) are still reported.
  Store::Loaded loaded = load_problems(store, report_reads(request.name, o.by));
  for (const InvalidData& e : loaded.errors) ctx.report(past ? in_commit(e, past->commit) : e);
  for (const std::string& c : loaded.conflicts) ctx.report(Conflict(c));
  return ctx.status;
}

}  // namespace crm::cli
