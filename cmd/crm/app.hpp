// What the command files share: the global options, the per-run context
// (store, clock, output) and one options struct per verb. Command bodies are
// free functions taking their inputs as parameters; only main.cpp and
// *_commands.cpp include CLI11.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crm/render.hpp"
#include "crm/schema.hpp"
#include "crm/store.hpp"
#include "crm/table.hpp"

namespace crm::cli {

struct Globals {
  std::string dir;             // -C
  std::string format;          // --format ("" = table)
  bool quiet = false;          // -q = --format ids
  std::string color = "auto";  // --color
  bool raw = false;            // --raw: csv/tsv cells as they are, formulas too
  bool wide = false;           // --wide: tables never shrink nor drop columns
};

// Built once per run, after parsing: opens the store on first use.
class Context {
 public:
  explicit Context(const Globals& globals) : globals_(globals) {}
  // `unsafe` applies when this first call opens it: only `check` reports
  // an unsafe store instead of refusing it.
  Store& store(Store::Unsafe unsafe = Store::Unsafe::Refuse);
  Format format() const;
  bool color() const;
  bool raw() const { return globals_.raw; }
  // Everything the renderer needs: the format, colour, whether a person
  // reads it, the terminal's width ($COLUMNS, else the terminal's; 0 when
  // piped), --wide, --raw, and the clock tables show local time by.
  OutputOptions output(const Clock* clock = nullptr) const;
  bool stdin_is_tty() const;
  // stdout: data only. A failed write (disk full, EIO) is remembered, nothing
  // more is written, and close_output reports it when the command is done.
  // On a terminal, output in a --format other than table (whose renderers
  // escape every cell and may add colour) is escaped as a whole
  // (escape_stream_for_terminal): no value can drive the terminal.
  void out(const std::string& text) const;
  // Output in a format of the command's own (export, merge --dry-run): on a
  // terminal always escaped as a whole.
  void out_stream(const std::string& text) const;
  void note(const std::string& text) const;  // stderr: "crm: text"
  // Exit code so far: the worst problem reported without throwing.
  int status = 0;
  void report(const Error& e);  // prints "crm: error: …" and raises status
  // A rule (.crm/rules.yaml) failed after a write: the exit status is 3.
  bool rules_failed = false;
  // Runs what follows every command (the autocommit), when a store was opened.
  void finish();
  // Flushes and closes stdout, last thing before exit; returns `code`, or
  // IoError's exit code after printing "crm: error: cannot write to standard
  // output: …" when a write failed. A reader that went away (EPIPE: `| head`)
  // is no error.
  int close_output(int code);

 private:
  const Globals& globals_;
  std::unique_ptr<Store> store_;
  mutable int out_errno_ = 0;  // the first failed write to stdout
  void write_stdout(const std::string& text) const;
  bool stdout_is_tty() const;
};

// The record types the command tree is built from: the built-in ones and
// those the store declares (.crm/schemas/*.yaml), found from the -C in
// `args`, $CRM_DIR or the working directory as Store::discover does. Read
// before the tree is built; a store without declared types costs one stat.
// A bad declared schema leaves the built-in ones (the error is the store's,
// reported when a command opens it; see declared_schema_error).
void load_command_schemas(const std::vector<std::string>& args);
const SchemaSet& command_schemas();
const std::string& declared_schema_error();
// The colours of records in tables: overdue red, due today yellow, urgent
// and high priority marked, won green, lost and done dimmed.
std::function<Tone(const Record&, const std::string&)> record_tone(const Store& store);
// The renderer's options for records of this store: output, names, currency, colours.
RenderOptions render_options(Context& ctx, Store& store);
// -o FILE resolved (links followed); UsageError inside .git, .crm or a record folder.
std::filesystem::path output_path(const Store& store, const std::string& name);
// --outbox DIR: refused inside .git, a record folder or .crm (but .crm/outbox).
void check_outbox_path(const Store& store, const std::string& name);

struct AddOptions {
  std::vector<std::pair<std::string, std::string>> named;  // field → value from --name etc.; "tags+" adds to a list
  std::vector<std::string> sets;                           // FIELD=VALUE
  std::string from;                                        // FILE or -
  std::vector<std::string> lines;                          // order add --line "SKU xQTY @PRICE"
};

struct ListOptions {
  std::vector<std::string> filter;
  std::string sort;
  int limit = -1;
  std::string fields;
  bool all = false;  // done tasks and closed deals too
};

struct ShowOptions {
  std::vector<std::string> ids;
  int limit = 10;  // related records per group in a table
  std::string fields;
};

struct SetOptions {
  std::string id;
  std::vector<std::string> assignments;
  std::vector<std::string> unset;
  std::vector<std::string> tags;
  std::vector<std::string> untags;
  std::vector<std::pair<std::string, std::string>> named;
};

struct RmOptions {
  std::vector<std::string> ids;
  bool yes = false;
  bool force = false;
};

struct ConfigCliOptions {
  std::string action;  // get, set, unset, list
  std::string key;
  std::optional<std::string> value;
  bool global = false;
};

struct InitOptions {
  std::string dir = ".";
  bool git = false;
};

struct ConvertCliOptions {
  std::string id;
  bool deal = false;
  std::string amount;
  std::string stage;
  std::string name;
};

struct LogOptions {
  std::string kind;
  std::string who;
  std::string summary;
  AddOptions add;  // --at, --with … as for `activity add`
};

struct AgendaOptions {
  int days = 7;
  std::string owner;
};

struct ReportCliOptions {
  std::string name;  // "": the dashboard
  std::string owner;
  std::string output;  // -o: write to this file (atomically), not stdout
  bool all_stages = false;
  std::vector<std::string> filter;
  std::string since, until, by;
  int days = 0;
  std::string as_of;
  bool as_of_given = false;  // else: now
};

struct ImportCliOptions {
  std::string format;
  std::vector<std::string> files;
  std::string type, mode = "upsert", match, mapping, delimiter, date_format, encoding, from = "-365d", to = "+90d";
  std::string shop;  // orders: shopify woocommerce stripe ("" : detected)
  std::vector<std::string> map;
  int skip = -1;
  bool keep_unmapped = false, dry_run = false;
};

struct ExportCliOptions {
  std::string format, type, output, vcard_version = "4.0", since;
  std::vector<std::string> filter;
  bool raw = false;
};

struct CaptureCliOptions {
  std::string form, content_type, inbox;
  bool verbose = false;
};

struct MergeCliOptions {
  std::string survivor, type;
  std::vector<std::string> others;
  bool dry_run = false;
};

int cmd_add(Context& ctx, const Schema& schema, const AddOptions& o);
int cmd_list(Context& ctx, const Schema& schema, const ListOptions& o);
int cmd_show(Context& ctx, const Schema& schema, const ShowOptions& o);
int cmd_set(Context& ctx, const Schema& schema, const SetOptions& o);
int cmd_edit(Context& ctx, const Schema& schema, const std::string& id);
int cmd_rm(Context& ctx, const Schema& schema, const RmOptions& o);
int cmd_init(Context& ctx, const InitOptions& o);
// Type verbs of the sales workflow (sales_verbs.cpp).
int cmd_deal_move(Context& ctx, const std::string& id, const std::string& stage, const std::string& reason);
int cmd_deal_close(Context& ctx, const std::string& id, const std::string& outcome, const std::string& reason);
int cmd_lead_convert(Context& ctx, const ConvertCliOptions& o);
int cmd_task_done(Context& ctx, const std::vector<std::string>& ids);
int cmd_task_reopen(Context& ctx, const std::string& id);
int cmd_log(Context& ctx, const LogOptions& o);
// Orders (order_verbs.cpp): pay, refund, cancel; deal won --order.
// `crm mutt-query QUERY` (order_verbs.cpp): exit 1 when nothing matches, as khard and grep.
int cmd_mutt_query(Context& ctx, const std::string& query);
int cmd_order_status(Context& ctx, const std::string& id, const std::string& status);
int cmd_deal_won_order(Context& ctx, const std::string& id);
int cmd_agenda(Context& ctx, const AgendaOptions& o);
int cmd_report(Context& ctx, const ReportCliOptions& o);
// Customer service (service_verbs.cpp).
int cmd_ticket_reply(Context& ctx, const std::string& id, const std::string& message);
int cmd_ticket_note(Context& ctx, const std::string& id, const std::string& text);
int cmd_ticket_assign(Context& ctx, const std::string& id, const std::string& who, bool automatic);
// solve (status solved), close (closed), reopen (open); `note`: a note activity first.
int cmd_ticket_status(Context& ctx, const std::string& id, const std::string& status, const std::string& note);
int cmd_ticket_rate(Context& ctx, const std::string& id, const std::string& score, const std::string& comment);
// `ticket show`: the service level's due times and where each stands.
std::string ticket_sla_clock(const Store& store, const Record& ticket);
// Data in and out (io_verbs.cpp).
int cmd_import(Context& ctx, const ImportCliOptions& o);
// `crm mail import PATH…|-` (cmd/crm/mail_verbs.cpp).
int cmd_mail_import(Context& ctx, const std::vector<std::string>& paths);
// `crm campaign preview|send` (cmd/crm/campaign_verbs.cpp).
struct CampaignSendCliOptions {
  std::string id;
  bool dry_run = false;
  size_t limit = 0;
  bool limited = false;  // --limit given (0 sends nothing)
  std::string outbox, sendmail;
  size_t sendmail_timeout = 60;  // seconds a --sendmail command may run
};
int cmd_campaign_preview(Context& ctx, const std::string& id, const std::string& contact);
int cmd_campaign_send(Context& ctx, const CampaignSendCliOptions& o);
int cmd_export(Context& ctx, const ExportCliOptions& o);
// Web forms in (capture_verbs.cpp): `crm capture`, and `crm serve` (serve.cpp).
int cmd_capture(Context& ctx, const CaptureCliOptions& o);
int cmd_serve(Context& ctx, const std::string& listen);
int cmd_dedupe(Context& ctx, const std::string& type);
int cmd_merge(Context& ctx, const MergeCliOptions& o);
// Teams on git (git_verbs.cpp).
void setup_git(Context& ctx, Store& store, bool new_repository);
int cmd_git_setup(Context& ctx);
int cmd_merge_file(Context& ctx, const std::string& base, const std::string& ours, const std::string& theirs,
                   const std::string& path);
int cmd_sync(Context& ctx);
int cmd_undo(Context& ctx);
// After a command: commits what it changed when git.autocommit is on.
void autocommit(Context& ctx, Store& store);
int cmd_check(Context& ctx);
int cmd_config(Context& ctx, const ConfigCliOptions& o);
// The store's rules (rules_verbs.cpp).
int cmd_rules_list(Context& ctx);
int cmd_rules_check(Context& ctx);
int cmd_rules_test(Context& ctx, const std::string& rule, const std::string& record);
int cmd_rules_run(Context& ctx, bool dry_run);
// Records this machine's trust in the rules file as it is now: its run commands may execute.
int cmd_rules_trust(Context& ctx);
// Leads' scores by config `scoring:` as of now; one lead's terms with --explain.
int cmd_lead_score(Context& ctx, const std::string& lead, bool explain);

}  // namespace crm::cli
