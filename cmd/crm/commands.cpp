// The command tree: one noun per record type, its verbs built from the
// schema (so a new field with `option:` gets its --flag here), and the
// whole-store verbs. Each callback only fills an options struct and calls a
// cmd_* function.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "app.hpp"
#include "crm/error.hpp"
#include "crm/schema.hpp"
#include "crm/text.hpp"

namespace crm::cli {

namespace {

const std::map<std::string, std::string> kNounHelp = {
    {"contact", "people: add, list, show, set, edit, rm"},
    {"company", "organisations: add, list, show, set, edit, rm"},
    {"lead", "prospects before qualification"},
    {"deal", "opportunities in the pipeline"},
    {"task", "things to do by a date"},
    {"activity", "calls, emails, meetings and notes"},
    {"ticket", "customer service requests: add, reply, note, assign, solve, close, reopen, rate"},
    {"campaign", "marketing pushes to a segment: add, preview, send (crm report campaign)"},
};

// Keeps option structs alive for the callbacks (CLI11 stores pointers).
template <typename T>
T& keep(std::vector<std::shared_ptr<void>>& pool) {
  auto p = std::make_shared<T>();
  pool.push_back(p);
  return *p;
}

std::vector<std::shared_ptr<void>> g_pool;

// A count (--limit, --days): CLI11's NonNegativeNumber prints ":NONNEGATIVE"
// in help and a 300-digit range when it fails.
const CLI::Validator kCount(
    [](std::string& s) -> std::string {
      bool digits =
          !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
      return digits ? "" : "must be a whole number, 0 or more (not \"" + s + "\")";
    },
    "", "");

void add_named_options(CLI::App* verb, const Schema& schema, std::vector<std::pair<std::string, std::string>>& named) {
  for (const Field& f : schema.fields) {
    if (f.option.empty()) continue;
    std::string help = f.help.empty() ? f.name : f.help;
    std::string name = f.name;
    if (f.type == FieldType::List || f.type == FieldType::Refs) {
      // Repeatable: each occurrence adds one item.
      verb->add_option_function<std::vector<std::string>>(
              "--" + f.option,
              [&named, name](const std::vector<std::string>& items) {
                for (const std::string& item : items) named.emplace_back(name + "+", item);
              },
              help)
          ->type_name(f.type == FieldType::Refs ? "WHO" : "ITEM")
          ->allow_extra_args(false);
      continue;
    }
    verb->add_option_function<std::string>(
            "--" + f.option, [&named, name](const std::string& v) { named.emplace_back(name, v); }, help)
        ->type_name(f.type == FieldType::Enum ? "{" +
                                                    [&] {
                                                      std::string v;
                                                      for (const auto& x : f.values) v += (v.empty() ? "" : ",") + x;
                                                      return v;
                                                    }() +
                                                    "}"
                                              : "VALUE");
  }
}

void register_noun(CLI::App& app, const Schema& schema, Context& ctx, int& status) {
  auto it = kNounHelp.find(schema.type);
  CLI::App* noun = app.add_subcommand(schema.type, it == kNounHelp.end() ? schema.folder : it->second);
  noun->require_subcommand(1);
  const Schema* s = &schema;

  auto& add = keep<AddOptions>(g_pool);
  std::string article = std::string("aeiou").find(schema.type[0]) == std::string::npos ? "a " : "an ";
  CLI::App* add_cmd = noun->add_subcommand("add", "add " + article + schema.type + "; prints its id");
  add_named_options(add_cmd, schema, add.named);
  add_cmd->add_option("--set", add.sets, "set any field (repeatable)")
      ->type_name("FIELD=VALUE")
      ->allow_extra_args(false);
  add_cmd->add_option("--from", add.from, "read the record from a YAML or JSON file (- for stdin)")->type_name("FILE");
  if (schema.type == "order")
    add_cmd
        ->add_option("--line", add.lines,
                     "a line: \"SKU[ xQTY][ @PRICE][ -N%]\" (repeatable; the price defaults to the product's)")
        ->type_name("LINE")
        ->allow_extra_args(false);
  add_cmd->callback([&ctx, &status, s, &add] { status = cmd_add(ctx, *s, add); });

  auto& list = keep<ListOptions>(g_pool);
  CLI::App* list_cmd =
      noun->add_subcommand("list", "list " + schema.folder + " matching a filter (see crm(1) FILTERS)");
  list_cmd->add_option("filter", list.filter, "terms: field=value, field~text, +tag, due<eow, a word, or")
      ->type_name("FILTER");
  list_cmd->add_option("--sort", list.sort, "sort by fields: name,created:desc")->type_name("FIELD[:desc]");
  list_cmd->add_option("--limit", list.limit, "show at most N")->type_name("N")->check(kCount);
  list_cmd->add_option("--fields", list.fields, "the columns/fields to show: name,email")->type_name("A,B");
  if (schema.type == "task" || schema.type == "deal")
    list_cmd->add_flag("--all", list.all,
                       schema.type == "task" ? "done and canceled tasks too (hidden unless a filter names status)"
                                             : "won and lost deals too (hidden unless a filter names stage)");
  list_cmd->callback([&ctx, &status, s, &list] { status = cmd_list(ctx, *s, list); });

  auto& show = keep<ShowOptions>(g_pool);
  CLI::App* show_cmd = noun->add_subcommand("show", "show " + schema.folder + " in full, with related records");
  show_cmd->add_option("id", show.ids, "id, unique id prefix, email or name")->required()->type_name("ID");
  show_cmd->add_option("--limit", show.limit, "related records per group in a table (default 10)")
      ->type_name("N")
      ->check(kCount);
  show_cmd->add_option("--fields", show.fields, "only these fields")->type_name("A,B");
  show_cmd->callback([&ctx, &status, s, &show] { status = cmd_show(ctx, *s, show); });

  auto& set = keep<SetOptions>(g_pool);
  CLI::App* set_cmd = noun->add_subcommand("set", "change fields: FIELD=VALUE, FIELD+=ITEM, FIELD-=ITEM, FIELD=");
  set_cmd->add_option("id", set.id, "id, unique id prefix, email or name")->required()->type_name("ID");
  set_cmd->add_option("assignments", set.assignments, "FIELD=VALUE …")->type_name("FIELD=VALUE");
  set_cmd->add_option("--unset", set.unset, "remove a field (repeatable)")->type_name("FIELD")->allow_extra_args(false);
  if (schema.field("tags")) {
    set_cmd->add_option("--tag", set.tags, "add a tag (repeatable)")->type_name("TAG")->allow_extra_args(false);
    set_cmd->add_option("--untag", set.untags, "remove a tag (repeatable)")->type_name("TAG")->allow_extra_args(false);
  }
  set_cmd->callback([&ctx, &status, s, &set] { status = cmd_set(ctx, *s, set); });

  auto& edit_id = keep<std::string>(g_pool);
  CLI::App* edit_cmd = noun->add_subcommand("edit", "edit the record file in $VISUAL/$EDITOR, validated on save");
  edit_cmd->add_option("id", edit_id, "id, unique id prefix, email or name")->required()->type_name("ID");
  edit_cmd->callback([&ctx, &status, s, &edit_id] { status = cmd_edit(ctx, *s, edit_id); });

  auto& rm = keep<RmOptions>(g_pool);
  CLI::App* rm_cmd = noun->add_subcommand("rm", "remove records (asks on a terminal)");
  rm_cmd->add_option("id", rm.ids, "id, unique id prefix, email or name")->required()->type_name("ID");
  rm_cmd->add_flag("-y,--yes", rm.yes, "do not ask");
  rm_cmd->add_flag("--force", rm.force, "also unlink the records that refer to it");
  rm_cmd->callback([&ctx, &status, s, &rm] { status = cmd_rm(ctx, *s, rm); });
}

}  // namespace

void register_type_verbs(CLI::App& app, Context& ctx, int& status) {
  CLI::App* deal = app.get_subcommand("deal");
  auto& move = keep<std::array<std::string, 2>>(g_pool);
  CLI::App* move_cmd =
      deal->add_subcommand("move", "move a deal to a stage of the pipeline (recorded in stage_history)");
  move_cmd->add_option("id", move[0], "id, unique id prefix or name")->required()->type_name("ID");
  move_cmd->add_option("stage", move[1], "the stage")->required()->type_name("STAGE");
  move_cmd->callback([&ctx, &status, &move] { status = cmd_deal_move(ctx, move[0], move[1], ""); });

  auto& won = keep<std::string>(g_pool);
  auto& won_order = keep<bool>(g_pool);
  CLI::App* won_cmd = deal->add_subcommand("won", "close a deal as won");
  won_cmd->add_option("id", won, "id, unique id prefix or name")->required()->type_name("ID");
  won_cmd->add_flag("--order", won_order, "also record the purchase: an order of the deal's amount (prints its id)");
  won_cmd->callback([&ctx, &status, &won, &won_order] {
    status = won_order ? cmd_deal_won_order(ctx, won) : cmd_deal_close(ctx, won, "won", "");
  });

  auto& lost = keep<std::array<std::string, 2>>(g_pool);
  CLI::App* lost_cmd = deal->add_subcommand("lost", "close a deal as lost");
  lost_cmd->add_option("id", lost[0], "id, unique id prefix or name")->required()->type_name("ID");
  lost_cmd->add_option("--reason", lost[1], "why it was lost (lost_reason)")->type_name("TEXT");
  lost_cmd->callback([&ctx, &status, &lost] { status = cmd_deal_close(ctx, lost[0], "lost", lost[1]); });

  CLI::App* lead = app.get_subcommand("lead");
  auto& conv = keep<ConvertCliOptions>(g_pool);
  CLI::App* conv_cmd = lead->add_subcommand("convert", "turn a lead into a contact, its company and optionally a deal");
  conv_cmd->add_option("id", conv.id, "id, unique id prefix, email or name")->required()->type_name("ID");
  conv_cmd->add_flag("--deal", conv.deal, "also create a deal");
  conv_cmd->add_option("--amount", conv.amount, "the deal's amount (default: the lead's estimated_value)")
      ->type_name("N");
  conv_cmd->add_option("--stage", conv.stage, "the deal's stage (default: the first of the pipeline)")
      ->type_name("STAGE");
  conv_cmd->add_option("--name", conv.name, "the deal's name (default: the company's or the lead's)")
      ->type_name("NAME");
  conv_cmd->callback([&ctx, &status, &conv] { status = cmd_lead_convert(ctx, conv); });
  auto& score_id = keep<std::string>(g_pool);
  auto& score_explain = keep<bool>(g_pool);
  CLI::App* score_cmd =
      lead->add_subcommand("score", "leads' scores by the config's scoring terms, as of now (see crm-lead(1))");
  score_cmd->add_option("id", score_id, "one lead: id, unique id prefix, email or name")->type_name("ID");
  score_cmd->add_flag("--explain", score_explain, "the lead's terms: which matched and their points");
  score_cmd->callback(
      [&ctx, &status, &score_id, &score_explain] { status = cmd_lead_score(ctx, score_id, score_explain); });

  CLI::App* order = app.get_subcommand("order");
  for (const auto& [verb, to, help] :
       {std::tuple<const char*, const char*, const char*>{"pay", "paid", "mark an order paid (paid_at)"},
        {"refund", "refunded", "refund a paid order: its revenue counts zero"},
        {"cancel", "canceled", "cancel an order: its revenue counts zero"}}) {
    auto& id = keep<std::string>(g_pool);
    CLI::App* cmd = order->add_subcommand(verb, help);
    cmd->add_option("id", id, "id, unique id prefix or order number")->required()->type_name("ID");
    std::string target = to;
    cmd->callback([&ctx, &status, &id, target] { status = cmd_order_status(ctx, id, target); });
  }

  CLI::App* task = app.get_subcommand("task");
  auto& done = keep<std::vector<std::string>>(g_pool);
  CLI::App* done_cmd = task->add_subcommand("done", "mark tasks done; a recurring task makes its next occurrence");
  done_cmd->add_option("id", done, "id, unique id prefix or title")->required()->type_name("ID");
  done_cmd->callback([&ctx, &status, &done] { status = cmd_task_done(ctx, done); });
  auto& reopen = keep<std::string>(g_pool);
  CLI::App* reopen_cmd = task->add_subcommand("reopen", "open a done or canceled task again");
  reopen_cmd->add_option("id", reopen, "id, unique id prefix or title")->required()->type_name("ID");
  reopen_cmd->callback([&ctx, &status, &reopen] { status = cmd_task_reopen(ctx, reopen); });
}

void register_ticket_verbs(CLI::App& app, Context& ctx, int& status) {
  CLI::App* ticket = app.get_subcommand("ticket");
  auto& reply = keep<std::array<std::string, 2>>(g_pool);
  CLI::App* reply_cmd = ticket->add_subcommand(
      "reply", "reply to the customer: an outbound email activity; the first is the first response");
  reply_cmd->add_option("id", reply[0], "id, unique id prefix or subject")->required()->type_name("ID");
  reply_cmd->add_option("message", reply[1], "the reply")->required()->type_name("MESSAGE");
  reply_cmd->callback([&ctx, &status, &reply] { status = cmd_ticket_reply(ctx, reply[0], reply[1]); });

  auto& note = keep<std::array<std::string, 2>>(g_pool);
  CLI::App* note_cmd = ticket->add_subcommand("note", "add an internal note (not a response)");
  note_cmd->add_option("id", note[0], "id, unique id prefix or subject")->required()->type_name("ID");
  note_cmd->add_option("text", note[1], "the note")->required()->type_name("TEXT");
  note_cmd->callback([&ctx, &status, &note] { status = cmd_ticket_note(ctx, note[0], note[1]); });

  auto& assign = keep<std::array<std::string, 2>>(g_pool);
  auto& assign_auto = keep<bool>(g_pool);
  CLI::App* assign_cmd =
      ticket->add_subcommand("assign", "set the owner, or pick one by the store's assignment rule (--auto)");
  assign_cmd->add_option("id", assign[0], "id, unique id prefix or subject")->required()->type_name("ID");
  assign_cmd->add_option("who", assign[1], "the owner")->type_name("WHO");
  assign_cmd->add_flag("--auto", assign_auto, "round-robin or least-open among owners (config assignment.ticket)");
  assign_cmd->callback(
      [&ctx, &status, &assign, &assign_auto] { status = cmd_ticket_assign(ctx, assign[0], assign[1], assign_auto); });

  auto& solve = keep<std::array<std::string, 2>>(g_pool);
  CLI::App* solve_cmd = ticket->add_subcommand("solve", "mark a ticket solved (stops its resolution clock)");
  solve_cmd->add_option("id", solve[0], "id, unique id prefix or subject")->required()->type_name("ID");
  solve_cmd->add_option("--note", solve[1], "a note on how it was solved")->type_name("TEXT");
  solve_cmd->callback([&ctx, &status, &solve] { status = cmd_ticket_status(ctx, solve[0], "solved", solve[1]); });

  auto& close = keep<std::string>(g_pool);
  CLI::App* close_cmd = ticket->add_subcommand("close", "close a ticket: no more replies until it is reopened");
  close_cmd->add_option("id", close, "id, unique id prefix or subject")->required()->type_name("ID");
  close_cmd->callback([&ctx, &status, &close] { status = cmd_ticket_status(ctx, close, "closed", ""); });

  auto& reopen = keep<std::string>(g_pool);
  CLI::App* reopen_cmd =
      ticket->add_subcommand("reopen", "open a solved or closed ticket again (its resolution clock runs on)");
  reopen_cmd->add_option("id", reopen, "id, unique id prefix or subject")->required()->type_name("ID");
  reopen_cmd->callback([&ctx, &status, &reopen] { status = cmd_ticket_status(ctx, reopen, "open", ""); });

  auto& rate = keep<std::array<std::string, 3>>(g_pool);
  CLI::App* rate_cmd = ticket->add_subcommand("rate", "record the customer's satisfaction, 1-5");
  rate_cmd->add_option("id", rate[0], "id, unique id prefix or subject")->required()->type_name("ID");
  rate_cmd->add_option("score", rate[1], "1 (bad) to 5 (great)")->required()->type_name("SCORE");
  rate_cmd->add_option("--comment", rate[2], "what the customer said")->type_name("TEXT");
  rate_cmd->callback([&ctx, &status, &rate] { status = cmd_ticket_rate(ctx, rate[0], rate[1], rate[2]); });
}

void register_campaign_verbs(CLI::App& app, Context& ctx, int& status) {
  CLI::App* campaign = app.get_subcommand("campaign");
  auto& preview = keep<std::array<std::string, 2>>(g_pool);
  CLI::App* preview_cmd =
      campaign->add_subcommand("preview", "the message one recipient would get, headers and body (nothing sent)");
  preview_cmd->add_option("id", preview[0], "id, unique id prefix or name")->required()->type_name("ID");
  preview_cmd->add_option("--contact", preview[1], "this contact's message (default: the first recipient)")
      ->type_name("WHO");
  preview_cmd->callback([&ctx, &status, &preview] { status = cmd_campaign_preview(ctx, preview[0], preview[1]); });

  auto& send = keep<CampaignSendCliOptions>(g_pool);
  CLI::App* send_cmd = campaign->add_subcommand(
      "send", "send to every recipient not sent yet, each logged as an email activity (again: resumes)");
  send_cmd->add_option("id", send.id, "id, unique id prefix or name")->required()->type_name("ID");
  send_cmd->add_flag("--dry-run", send.dry_run, "list who would get it; send and write nothing");
  send_cmd->add_option("--limit", send.limit, "send at most N messages this run")->type_name("N")->check(kCount);
  send_cmd->add_option("--outbox", send.outbox, "write each message to this maildir (default: .crm/outbox)")
      ->type_name("MAILDIR");
  send_cmd->add_option("--sendmail", send.sendmail, "pipe each message to this command (sh -c), e.g. \"msmtp -t\"")
      ->type_name("CMD");
  send_cmd
      ->add_option("--sendmail-timeout", send.sendmail_timeout,
                   "kill a --sendmail command (and what it started) after this many seconds; that recipient fails "
                   "(default 60)")
      ->type_name("SECONDS")
      ->check(kCount);
  send_cmd->callback([&ctx, &status, &send, send_cmd] {
    send.limited = send_cmd->count("--limit") > 0;
    status = cmd_campaign_send(ctx, send);
  });
}

void register_shortcuts(CLI::App& app, Context& ctx, int& status) {
  static const SchemaSet schemas = SchemaSet::builtin();
  auto& log = keep<LogOptions>(g_pool);
  CLI::App* log_cmd = app.add_subcommand("log", "log an activity: crm log call ada \"talked pricing\"");
  log_cmd->add_option("kind", log.kind, "call, email, meeting or note")->required()->type_name("KIND");
  log_cmd->add_option("who", log.who, "a contact, company, deal or lead: id, email or name")
      ->required()
      ->type_name("WHO");
  log_cmd->add_option("summary", log.summary, "one line")->required()->type_name("SUMMARY");
  Schema activity = schemas.get("activity");
  activity.fields.erase(std::remove_if(activity.fields.begin(), activity.fields.end(),
                                       [](const Field& f) { return f.name == "kind" || f.name == "summary"; }),
                        activity.fields.end());
  add_named_options(log_cmd, activity, log.add.named);
  log_cmd->add_option("--set", log.add.sets, "set any field (repeatable)")
      ->type_name("FIELD=VALUE")
      ->allow_extra_args(false);
  log_cmd->callback([&ctx, &status, &log] { status = cmd_log(ctx, log); });

  auto& agenda = keep<AgendaOptions>(g_pool);
  CLI::App* agenda_cmd =
      app.add_subcommand("agenda", "overdue and upcoming tasks, follow-ups due, deals past their close date");
  agenda_cmd->add_option("--days", agenda.days, "how far ahead to look (default 7)")->type_name("N")->check(kCount);
  agenda_cmd->add_option("--owner", agenda.owner, "only what this owner owns")->type_name("OWNER");
  agenda_cmd->callback([&ctx, &status, &agenda] { status = cmd_agenda(ctx, agenda); });

  auto& report = keep<ReportCliOptions>(g_pool);
  CLI::App* report_cmd = app.add_subcommand(
      "report",
      "reports: pipeline forecast funnel winrate velocity sources activity overdue stale tickets sla csat customers "
      "rfm revenue churn cohorts products campaign; none: a "
      "dashboard");
  report_cmd->add_option("name", report.name, "the report (none: the dashboard)")->type_name("NAME");
  report_cmd
      ->add_option("filter", report.filter,
                   "filter terms on the report's records (deals, leads, activities, tasks, tickets, customers, orders)")
      ->type_name("FILTER");
  report_cmd->add_option("--owner", report.owner, "only records of this owner")->type_name("OWNER");
  report_cmd->add_option("-o,--output", report.output, "write to FILE (atomically) instead of stdout")
      ->type_name("FILE");
  report_cmd->add_option("--since", report.since, "from this day (2026-01-01, -90d, …)")->type_name("DATE");
  report_cmd->add_option("--until", report.until, "to this day, inclusive (eoq, today, …)")->type_name("DATE");
  report_cmd
      ->add_option("--by", report.by,
                   "group by owner, source, stage, team, category, channel, company, pair, week, month or quarter")
      ->type_name("FIELD");
  report_cmd->add_option("--days", report.days, "stale: idle days (default: the stage's stale_after, else 30)")
      ->type_name("N")
      ->check(kCount);
  report_cmd->add_flag("--all", report.all_stages, "pipeline: closed stages too");
  report_cmd
      ->add_option("--as-of", report.as_of,
                   "the store as it was at the end of this day, from git history (else the records' own dates)")
      ->type_name("DATE");
  report_cmd->callback([&ctx, &status, &report, report_cmd] {
    report.as_of_given = report_cmd->count("--as-of") > 0;  // --as-of "" is an error, not "now"
    status = cmd_report(ctx, report);
  });
}

void register_record_commands(CLI::App& app, Context& ctx, int& status) {
  for (const Schema& schema : command_schemas().all()) register_noun(app, schema, ctx, status);
  register_type_verbs(app, ctx, status);
  register_ticket_verbs(app, ctx, status);
  register_campaign_verbs(app, ctx, status);
  register_shortcuts(app, ctx, status);
}

void register_completion_commands(CLI::App& app, Context& ctx, int& status) {
  auto& shell = keep<std::string>(g_pool);
  CLI::App* completion_cmd = app.add_subcommand("completion", "print the shell completion script: bash, zsh or fish");
  completion_cmd->add_option("shell", shell, "bash, zsh or fish")->required()->type_name("SHELL");
  completion_cmd->callback([&ctx, &status, &shell] { status = cmd_completion(ctx, shell); });

  // main() answers `crm __complete …` itself, before CLI11; registered so that it is a known, hidden word.
  app.add_subcommand("__complete", "candidates for the word being typed (for the scripts)")->group("");
}

void register_store_commands(CLI::App& app, Context& ctx, int& status) {
  auto& mutt = keep<std::vector<std::string>>(g_pool);
  CLI::App* mutt_cmd = app.add_subcommand(
      "mutt-query", "addresses matching a name or email, in mutt's query_command format (exit 1: none)");
  mutt_cmd->add_option("query", mutt, "words that a name or an email contains")->required()->type_name("QUERY");
  mutt_cmd->callback([&ctx, &status, &mutt] { status = cmd_mutt_query(ctx, join(mutt, " ")); });

  CLI::App* config_cmd = app.add_subcommand(
      "config", "read and change settings in .crm/config.yaml (comments kept): get, set, unset, list");
  config_cmd->require_subcommand(1);
  auto& cfg_global = keep<bool>(g_pool);
  config_cmd->add_flag("--global", cfg_global, "the user's ~/.config/crm/config.yaml (default_store)");
  for (const char* action : {"get", "set", "unset", "list"}) {
    auto& o = keep<ConfigCliOptions>(g_pool);
    o.action = action;
    std::string a = action;
    CLI::App* verb = config_cmd->add_subcommand(
        action, a == "get"     ? "print a setting's value (exit 1 when it is not set)"
                : a == "set"   ? "set a setting, validated before it is written: crm config set timezone Europe/Berlin"
                : a == "unset" ? "remove a setting"
                               : "every setting, KEY=VALUE");
    if (a != "list")
      verb->add_option("key", o.key, "the setting: currency, timezone, git.autocommit …")->required()->type_name("KEY");
    if (a == "set")
      verb->add_option_function<std::string>(
              "value", [&o](const std::string& v) { o.value = v; }, "YAML: a word, \"a string\", [a, list]")
          ->required()
          ->type_name("VALUE");
    verb->callback([&ctx, &status, &o, &cfg_global] {
      o.global = cfg_global;
      status = cmd_config(ctx, o);
    });
  }

  auto& init = keep<InitOptions>(g_pool);
  CLI::App* init_cmd = app.add_subcommand("init", "make a new store in DIR (default: here)");
  init_cmd->add_option("dir", init.dir, "the folder")->type_name("DIR");
  init_cmd->add_flag("--git", init.git, "also make it a git repository with .gitattributes");
  init_cmd->callback([&ctx, &status, &init] { status = cmd_init(ctx, init); });

  auto& imp = keep<ImportCliOptions>(g_pool);
  CLI::App* import_cmd = app.add_subcommand("import", "import csv, vcard, json, jsonl, ical or shops' orders files");
  import_cmd
      ->add_option("format", imp.format,
                   "csv, vcard, json, jsonl, ical (calendar events as meetings) or orders (a shop's export)")
      ->required()
      ->type_name("FORMAT");
  import_cmd->add_option("files", imp.files, "the files (- for stdin)")->required()->type_name("FILE");
  import_cmd->add_option("--type", imp.type, "the record type (default: contact; json: each object's own)")
      ->type_name("TYPE");
  import_cmd->add_option("--mode", imp.mode, "create, update or upsert (default)")->type_name("MODE");
  import_cmd
      ->add_option("--match", imp.match, "the key that finds existing records: email, domain, id, name or a field")
      ->type_name("KEY");
  import_cmd->add_option("--map", imp.map, "map a column: \"Column Header=field\" (repeatable; =- ignores it)")
      ->type_name("COL=FIELD")
      ->allow_extra_args(false);
  import_cmd->add_option("--mapping", imp.mapping, "a YAML or JSON file of column: field pairs")->type_name("FILE");
  import_cmd->add_flag("--keep-unmapped", imp.keep_unmapped, "keep columns that map to nothing as custom fields");
  import_cmd->add_option("--delimiter", imp.delimiter, "the CSV delimiter (default: detected; tab for tab)")
      ->type_name("C");
  import_cmd->add_option("--date-format", imp.date_format, "how dates are written: %d/%m/%Y …")->type_name("FMT");
  import_cmd
      ->add_option("--encoding", imp.encoding, "the files' character set (default: detected): windows-1252, shift_jis…")
      ->type_name("CHARSET");
  import_cmd->add_option("--skip", imp.skip, "CSV: lines before the header (default: found)")->type_name("N");
  import_cmd->add_flag("--dry-run", imp.dry_run, "write nothing; say what would be created, updated, skipped");
  import_cmd->add_option("--from", imp.from, "ical: expand recurring events from this day (default -365d)")
      ->type_name("DATE");
  import_cmd->add_option("--to", imp.to, "ical: expand recurring events up to this day (default +90d)")
      ->type_name("DATE");
  import_cmd->add_option("--shop", imp.shop, "orders: shopify, woocommerce or stripe (default: told by the header)")
      ->type_name("SHOP");
  import_cmd->callback([&ctx, &status, &imp] { status = cmd_import(ctx, imp); });

  auto& mail_paths = keep<std::vector<std::string>>(g_pool);
  CLI::App* mail_cmd = app.add_subcommand("mail", "mail in: crm mail import MAILDIR|MBOX|FILE.eml|-");
  mail_cmd->require_subcommand(1);
  CLI::App* mail_import_cmd = mail_cmd->add_subcommand(
      "import", "log each message with a known contact as an email activity (again: nothing new is written)");
  mail_import_cmd->add_option("paths", mail_paths, "maildir folders, mbox files, .eml files, or - for stdin")
      ->required()
      ->type_name("PATH");
  mail_import_cmd->callback([&ctx, &status, &mail_paths] { status = cmd_mail_import(ctx, mail_paths); });

  auto& cap = keep<CaptureCliOptions>(g_pool);
  CLI::App* capture_cmd = app.add_subcommand(
      "capture", "one web-form submission on stdin (JSON or url-encoded) into a lead, contact or ticket");
  capture_cmd
      ->add_option("--form", cap.form,
                   "the form of .crm/config.yaml's forms: (default: the only one, or "
                   "\"default\")")
      ->type_name("NAME");
  capture_cmd->add_option("--content-type", cap.content_type, "json or form (default: detected)")->type_name("TYPE");
  capture_cmd->add_option("--inbox", cap.inbox, "capture every file in DIR, moving each to DIR/done or DIR/failed")
      ->type_name("DIR");
  capture_cmd->add_flag("-v,--verbose", cap.verbose, "say on stderr what was done, a dropped bot too");
  capture_cmd->callback([&ctx, &status, &cap] { status = cmd_capture(ctx, cap); });

  auto& listen = keep<std::string>(g_pool);
  listen = "127.0.0.1:8080";
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "HTTP: POST /capture/FORM takes web forms (with a token), GET / the read-only dashboard");
  serve_cmd->add_option("--listen", listen, "address and port (default 127.0.0.1:8080; port 0: any free one)")
      ->type_name("ADDR:PORT");
  serve_cmd->callback([&ctx, &status, &listen] { status = cmd_serve(ctx, listen); });

  auto& exp = keep<ExportCliOptions>(g_pool);
  CLI::App* export_cmd = app.add_subcommand(
      "export", "export json, jsonl, csv, vcard, ical (tasks and meetings), ledger or beancount (paid orders)");
  export_cmd->add_option("format", exp.format, "json, jsonl, csv, vcard, ical, ledger or beancount")
      ->required()
      ->type_name("FORMAT");
  export_cmd->add_option("filter", exp.filter, "filter terms on the records exported")->type_name("FILTER");
  export_cmd->add_option("--type", exp.type, "only this record type")->type_name("TYPE");
  export_cmd->add_option("-o,--output", exp.output, "write to FILE (atomically) instead of stdout")->type_name("FILE");
  export_cmd->add_flag("--raw", exp.raw, "csv: leave cells that start with = + - @ as they are");
  export_cmd->add_option("--version", exp.vcard_version, "vcard: 4.0 (default) or 3.0")->type_name("V");
  export_cmd->add_option("--since", exp.since, "ledger, beancount: transactions from this day (som, 2026-01-01)")
      ->type_name("DATE");
  export_cmd->callback([&ctx, &status, &exp] { status = cmd_export(ctx, exp); });

  auto& dedupe_type = keep<std::string>(g_pool);
  CLI::App* dedupe_cmd = app.add_subcommand("dedupe", "list groups of likely duplicates and the rule that matched");
  dedupe_cmd->add_option("--type", dedupe_type, "contact (default), company or lead")->type_name("TYPE");
  dedupe_cmd->callback([&ctx, &status, &dedupe_type] { status = cmd_dedupe(ctx, dedupe_type); });

  auto& mrg = keep<MergeCliOptions>(g_pool);
  CLI::App* merge_rec = app.add_subcommand("merge", "merge duplicates into a survivor, re-pointing every reference");
  merge_rec->add_option("survivor", mrg.survivor, "the record that stays")->required()->type_name("SURVIVOR");
  merge_rec->add_option("others", mrg.others, "the records merged into it and removed")->required()->type_name("OTHER");
  merge_rec->add_option("--type", mrg.type, "contact, company or lead (default: found from the survivor)")
      ->type_name("TYPE");
  merge_rec->add_flag("--dry-run", mrg.dry_run, "show the merged record; write nothing");
  merge_rec->callback([&ctx, &status, &mrg] { status = cmd_merge(ctx, mrg); });

  CLI::App* git_cmd = app.add_subcommand("git", "git integration: crm git setup");
  git_cmd->require_subcommand(1);
  CLI::App* setup_cmd =
      git_cmd->add_subcommand("setup", "make the store a git repository that merges records field by field");
  setup_cmd->callback([&ctx, &status] { status = cmd_git_setup(ctx); });

  auto& merge = keep<std::array<std::string, 4>>(g_pool);
  CLI::App* merge_cmd =
      app.add_subcommand("merge-file", "git's merge driver for a record: crm merge-file BASE OURS THEIRS [PATH]");
  merge_cmd->add_option("base", merge[0], "the common ancestor (%O)")->required()->type_name("BASE");
  merge_cmd->add_option("ours", merge[1], "our version, overwritten with the result (%A)")
      ->required()
      ->type_name("OURS");
  merge_cmd->add_option("theirs", merge[2], "their version (%B)")->required()->type_name("THEIRS");
  merge_cmd->add_option("path", merge[3], "the record's path in the repository (%P)")->type_name("PATH");
  merge_cmd->callback(
      [&ctx, &status, &merge] { status = cmd_merge_file(ctx, merge[0], merge[1], merge[2], merge[3]); });

  CLI::App* sync_cmd =
      app.add_subcommand("sync", "commit record changes, git pull --rebase, git push; exit 4 on conflicts");
  sync_cmd->callback([&ctx, &status] { status = cmd_sync(ctx); });

  CLI::App* undo_cmd = app.add_subcommand(
      "undo", "take back crm's last commit (git.autocommit): dropped when not pushed, else reverted by a commit");
  undo_cmd->callback([&ctx, &status] { status = cmd_undo(ctx); });

  CLI::App* rules_cmd = app.add_subcommand(
      "rules", "the store's automation rules (.crm/rules.yaml): list, check, test, run, trust (see crm-rules(1))");
  rules_cmd->require_subcommand(1);
  rules_cmd->add_subcommand("list", "every rule: when it fires, its filter, what it does")->callback([&ctx, &status] {
    status = cmd_rules_list(ctx);
  });
  rules_cmd->add_subcommand("check", "validate .crm/rules.yaml (fields, filters, templates); silent when all is well")
      ->callback([&ctx, &status] { status = cmd_rules_check(ctx); });
  auto& test_rule = keep<std::string>(g_pool);
  auto& test_record = keep<std::string>(g_pool);
  CLI::App* test_cmd =
      rules_cmd->add_subcommand("test", "what the rules would do to records whose `if` matches; writes nothing");
  test_cmd->add_option("rule", test_rule, "only this rule")->type_name("RULE");
  test_cmd->add_option("--record", test_record, "only this record (id, prefix, email or name)")->type_name("ID");
  test_cmd->callback(
      [&ctx, &status, &test_rule, &test_record] { status = cmd_rules_test(ctx, test_rule, test_record); });
  auto& run_dry = keep<bool>(g_pool);
  CLI::App* run_cmd = rules_cmd->add_subcommand("run",
                                                "retry failed firings, fire the schedule rules, write lead scores that "
                                                "aged (for cron; a re-run makes nothing new)");
  run_cmd->add_flag("--dry-run", run_dry, "write nothing; say what would be done");
  run_cmd->callback([&ctx, &status, &run_dry] { status = cmd_rules_run(ctx, run_dry); });
  rules_cmd
      ->add_subcommand("trust", "let this machine run the rules file's run commands, as the file is now (shows them)")
      ->callback([&ctx, &status] { status = cmd_rules_trust(ctx); });

  CLI::App* check_cmd = app.add_subcommand("check", "validate every record and reference; silent when all is well");
  check_cmd->callback([&ctx, &status] { status = cmd_check(ctx); });

  // `crm help WORDS…` is answered in main.cpp before parsing (CLI11 would read
  // the words as commands); registered here so that --help lists it.
  CLI::App* help_cmd = app.add_subcommand("help", "help on crm, a noun or a verb: crm help contact add");
  help_cmd->allow_extras();
}

}  // namespace crm::cli
