// What the command line's words mean before CLI11 parses them: an unknown
// command, verb or option gets "did you mean" (CLI11 says "The following
// argument was not expected" and names no alternative).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "app.hpp"
#include "commands.hpp"
#include "crm/error.hpp"
#include "crm/render.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"

namespace crm::cli {

namespace {

std::vector<CLI::App*> children(CLI::App* app) {
  std::vector<CLI::App*> out;
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; }))
    if (!sub->get_name().empty()) out.push_back(sub);
  return out;
}

CLI::App* child(CLI::App* app, const std::string& name) {
  for (CLI::App* sub : children(app))
    if (sub->check_name(name)) return sub;
  return nullptr;
}

std::vector<std::string> visible_names(CLI::App* app) {
  std::vector<std::string> out;
  for (CLI::App* sub : children(app))
    if (!sub->get_group().empty() && sub->get_name().rfind("__", 0) != 0) out.push_back(sub->get_name());
  return out;
}

// The options a command accepts: its own and, since the app falls through,
// those of every command above it.
std::vector<std::string> option_names(CLI::App* app) {
  std::vector<std::string> out;
  for (CLI::App* a = app; a; a = a->get_parent())
    for (const CLI::Option* opt : a->get_options()) {
      for (const std::string& l : opt->get_lnames()) out.push_back("--" + l);
      for (const std::string& s : opt->get_snames()) out.push_back("-" + s);
    }
  return out;
}

const CLI::Option* find_option(CLI::App* app, const std::string& name) {
  for (CLI::App* a = app; a; a = a->get_parent())
    if (const CLI::Option* opt = a->get_option_no_throw(name)) return opt;
  return nullptr;
}

}  // namespace

namespace {

// Two or three real examples at the end of each command's --help, keyed by
// its path; "* VERB" serves every record type, with {noun} and {who} filled in.
const std::vector<std::pair<std::string, std::vector<std::string>>>& example_table() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kTable = {
      {"contact add",
       {"crm contact add --name 'Ada Lovelace' --email ada@example.com --company Acme --tag vip",
        "crm contact add --name Grace --set follow_up=fri --set cadence=30"}},
      {"company add", {"crm company add --name 'Analytical Engines' --domain analytical.example --tag customer"}},
      {"lead add",
       {"crm lead add --name 'Ada Lovelace' --email ada@example.com --set company_name=Acme --set source=web"}},
      {"deal add", {"crm deal add --name 'Engine order' --amount 12000 --company acme --stage proposal"}},
      {"task add",
       {"crm task add --title 'Send quote' --due 'tomorrow 14:00' --for ada",
        "crm task add --title Timesheet --due fri --set recur=weekly"}},
      {"activity add", {"crm activity add --kind meeting --summary 'Demo' --with ada --set duration=45m"}},
      {"product add",
       {"crm product add --name Widget --sku W-1 --price 9.99",
        "crm product add --name 'Support plan' --sku SUP --price 120 --recurring monthly"}},
      {"segment add",
       {"crm segment add --name vip --type contact --filter '+vip lifecycle=customer'",
        "crm contact list @vip address.city=Berlin"}},
      {"rules list", {"crm rules list", "crm rules list --format json"}},
      {"rules check", {"crm rules check && git commit .crm/rules.yaml -m 'rules: follow up web leads'"}},
      {"rules test", {"crm rules test", "crm rules test web-lead-follow-up --record ada"}},
      {"rules run", {"crm rules run --dry-run", "echo '0 7 * * * cd ~/crm && crm rules run' | crontab -"}},
      {"rules trust", {"git diff ORIG_HEAD -- .crm/rules.yaml && crm rules trust"}},
      {"mutt-query", {"crm mutt-query ada", "echo 'set query_command = \"crm mutt-query %s\"' >> ~/.muttrc"}},
      {"mail import",
       {"crm mail import ~/Maildir/INBOX ~/Maildir/Sent", "crm mail import archive.mbox",
        "crm config set mail.keep body && crm mail import message.eml"}},
      {"capture",
       {"crm capture --form contact-us < submission.json",
        "echo 'name=Ada+Lovelace&email=ada%40example.com' | crm capture", "crm capture --inbox ~/forms-inbox"}},
      {"serve", {"crm serve", "crm serve --listen 0.0.0.0:8080   # every interface: put TLS in front"}},
      {"campaign add",
       {"crm campaign add --name 'Winter sale' --segment customers --template winter.txt --cost 250",
        "crm campaign add --name Launch --segment vip --exclude churned --subject 'It is here' --template launch.txt"}},
      {"campaign preview", {"crm campaign preview 'Winter sale'", "crm campaign preview 'Winter sale' --contact ada"}},
      {"campaign send",
       {"crm campaign send 'Winter sale' --dry-run", "crm campaign send 'Winter sale' --limit 100",
        "crm campaign send 'Winter sale' --sendmail 'msmtp -t'"}},
      {"* add", {"crm {noun} add --set name='First one'", "crm {noun} add --from record.yaml"}},
      {"* list",
       {"crm {noun} list +vip --sort name", "crm {noun} list 'created>=-30d' --format csv --fields name,email",
        "crm {noun} list name~ada or email~ada"}},
      {"task list",
       {"crm task list 'due<=eow' --sort due", "crm task list priority=high", "crm task list status=done"}},
      {"deal list",
       {"crm deal list stage=negotiation --sort amount:desc", "crm deal list 'close_date<=eom' --format json"}},
      {"* show", {"crm {noun} show {who}", "crm --format json {noun} show {who} | jq .related_records"}},
      {"* set", {"crm {noun} set {who} owner=kim", "crm {noun} set {who} --unset notes"}},
      {"contact set", {"crm contact set ada title=Countess --tag london", "crm contact set ada follow_up=+2w"}},
      {"* edit", {"crm {noun} edit {who}", "EDITOR=nano crm {noun} edit {who}"}},
      {"* rm", {"crm {noun} rm {who}", "crm {noun} rm {who} --yes --force"}},
      {"deal move", {"crm deal move engine negotiation"}},
      {"deal lost", {"crm deal lost engine --reason 'went with a competitor'"}},
      {"lead score", {"crm lead score", "crm lead score ada --explain", "crm lead list 'score>50' --sort score:desc"}},
      {"lead convert", {"crm lead convert ada", "crm lead convert ada --deal --amount 5000 --stage proposal"}},
      {"task done", {"crm task done timesheet", "crm task done $(crm -q task list 'due<today')"}},
      {"task reopen", {"crm task reopen timesheet"}},
      {"order pay", {"crm order pay 1001", "crm order list status=placed -q | xargs -n1 crm order pay"}},
      {"order refund", {"crm order refund 1001"}},
      {"order cancel", {"crm order cancel 1001"}},
      {"order add",
       {"crm order add --contact ada --line 'W-1 x3' --line 'SUP'",
        "crm order add --contact ada --date 2026-11-01 --line 'Setup fee @49.50' --status paid"}},
      {"deal won", {"crm deal won engine", "crm deal won engine --order"}},
      {"ticket add",
       {"crm ticket add --subject 'Printer jams on A3' --contact ada --priority high --channel email",
        "crm ticket add --subject 'Invoice wrong' --contact ada@example.com --category billing --team finance"}},
      {"ticket list",
       {"crm ticket list status=new owner=", "crm ticket list 'resolution_due<today' status!=solved --sort priority"}},
      {"ticket reply", {"crm ticket reply printer 'A firmware update fixes it: see the link below.'"}},
      {"ticket note", {"crm ticket note printer 'Customer is on the old firmware'"}},
      {"ticket assign", {"crm ticket assign printer kim", "crm ticket assign printer --auto"}},
      {"ticket solve", {"crm ticket solve printer", "crm ticket solve printer --note 'firmware 2.1 installed'"}},
      {"ticket close", {"crm ticket close printer"}},
      {"ticket reopen", {"crm ticket reopen printer"}},
      {"ticket rate", {"crm ticket rate printer 5", "crm ticket rate printer 2 --comment 'took a week'"}},
      {"log", {"crm log call ada 'talked pricing'", "crm log meeting acme 'kick-off' --set duration=1h"}},
      {"agenda", {"crm agenda", "crm agenda --days 14 --owner kim"}},
      {"report",
       {"crm report", "crm report pipeline", "crm report winrate --by owner --since -90d",
        "crm report --format html -o dashboard.html", "crm report pipeline --as-of 2026-10-01"}},
      {"import",
       {"crm import csv google.csv --dry-run", "crm import vcard contacts.vcf",
        "crm import ical calendar.ics --from -30d --to +30d", "crm import orders orders_export.csv --dry-run",
        "crm import orders payments.csv --shop stripe"}},
      {"export",
       {"crm export json > backup.json", "crm export vcard -o contacts.vcf", "crm export ical > tasks.ics",
        "crm export ledger -o sales.journal && hledger -f sales.journal check"}},
      {"dedupe", {"crm dedupe", "crm dedupe company"}},
      {"merge", {"crm merge 'Ada Lovelace' 'Ada L.' --dry-run"}},
      {"init", {"crm init shop", "crm init --git shop"}},
      {"sync", {"crm sync", "crm -C ~/shop sync || echo 'crm sync needs attention'"}},
      {"undo", {"crm contact set ada title=Oops && crm undo"}},
      {"check", {"crm check", "crm check || echo broken"}},
      {"config get", {"crm config get currency"}},
      {"config set", {"crm config set timezone Europe/Berlin", "crm config set owners '[ana, ben]'"}},
      {"config unset", {"crm config unset timezone"}},
      {"config list", {"crm config list", "crm --format json config list"}},
      {"completion", {"source <(crm completion bash)", "crm completion fish > ~/.config/fish/completions/crm.fish"}},
      {"git setup", {"git clone git@example.com:team/shop.git && cd shop && crm git setup"}},
  };
  return kTable;
}

const char* who_of(const std::string& noun) {
  if (noun == "contact" || noun == "lead") return "ada";
  if (noun == "company") return "acme";
  if (noun == "deal") return "engine";
  if (noun == "task") return "timesheet";
  if (noun == "ticket") return "printer";
  return "ID";
}

void add_examples_to(CLI::App* cmd, const std::string& path, const std::string& noun) {
  const std::vector<std::string>* lines = nullptr;
  std::string verb = path.substr(path.rfind(' ') + 1);
  for (const auto& [key, ex] : example_table())
    if (key == path) lines = &ex;
  if (!lines && !noun.empty())
    for (const auto& [key, ex] : example_table())
      if (key == "* " + verb) lines = &ex;
  if (!lines) return;
  std::string text = "Examples:";
  for (std::string line : *lines) {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"{noun}", noun}, {"{who}", who_of(noun)}})
      for (size_t at = line.find(from); at != std::string::npos; at = line.find(from))
        line.replace(at, from.size(), to);
    text += "\n  " + line;
  }
  cmd->footer(text);
}

void walk_examples(CLI::App* app, const std::string& path, const SchemaSet& schemas) {
  for (CLI::App* sub : children(app)) {
    std::string p = path.empty() ? sub->get_name() : path + " " + sub->get_name();
    std::string noun = schemas.find(p.substr(0, p.find(' '))) ? p.substr(0, p.find(' ')) : "";
    add_examples_to(sub, p, p.find(' ') == std::string::npos ? "" : noun);
    walk_examples(sub, p, schemas);
  }
}

}  // namespace

void add_examples(CLI::App& app) { walk_examples(&app, "", command_schemas()); }

namespace {

std::string path_of(CLI::App* app) {
  std::string out;
  for (CLI::App* a = app; a; a = a->get_parent())
    out = (a->get_parent() ? a->get_name() : "crm") + (out.empty() ? "" : " " + out);
  return out;
}

}  // namespace

std::optional<std::string> check_command_words(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* cur = &app;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-') {
      std::string name = a.substr(0, a.find('='));
      if (name == "-h" || name == "--help" || name == "--version") return std::nullopt;
      // -xyz: a cluster of short flags, or a number: CLI11 judges those.
      if (name[1] != '-' && (name.size() > 2 || (name[1] >= '0' && name[1] <= '9'))) continue;
      const CLI::Option* opt = find_option(cur, name);
      if (!opt)
        return "unknown option \"" + name + "\" for " + path_of(cur) + did_you_mean(name, option_names(cur)) +
               " (see crm help" + (cur == &app ? "" : " " + path_of(cur).substr(4)) + ")";
      if (opt->get_expected_min() > 0 && a.find('=') == std::string::npos) ++i;  // its value
      continue;
    }
    // A word: a command or a verb while the current command has some, else
    // an argument of the verb (which CLI11 checks).
    bool wants_command = cur == &app || cur->get_require_subcommand_min() > 0;
    if (!wants_command) continue;
    if (CLI::App* sub = child(cur, a)) {
      cur = sub;
      continue;
    }
    if (cur == &app) {
      // "crm list contact": the verb before the noun.
      if (i + 1 < args.size())
        if (CLI::App* noun = child(&app, args[i + 1]); noun && child(noun, a))
          return "the record type comes first: crm " + args[i + 1] + " " + a + " (see crm help " + args[i + 1] + ")";
      for (CLI::App* noun : children(&app))
        if (noun->get_require_subcommand_min() > 0 && child(noun, a) && args.size() == i + 1)
          return "unknown command \"" + escape_for_terminal(a) + "\"; a verb needs a record type first: crm " +
                 noun->get_name() + " " + a + " (see crm help)";
      return "unknown command \"" + escape_for_terminal(a) + "\"" + did_you_mean(a, visible_names(&app)) +
             " (see crm help)";
    }
    return "unknown verb \"" + escape_for_terminal(a) + "\" for " + path_of(cur) + did_you_mean(a, visible_names(cur)) +
           " (verbs: " + join(visible_names(cur), ", ") + ")";
  }
  return std::nullopt;
}

namespace {

// A command line cut into words as a POSIX shell would ('…', "…", \x),
// enough for completion; the last word is what the cursor is in ("" after a space).
std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
        cur += line[++i];
      } else {
        cur += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      cur += line[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) out.push_back(cur);
      cur.clear();
      in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  out.push_back(cur);  // the word being completed, maybe empty
  return out;
}

// The schema a command is about: `crm contact show` → contact; `crm log` → activity.
const Schema* noun_schema(CLI::App* cmd, const SchemaSet& schemas) {
  for (CLI::App* a = cmd; a && a->get_parent(); a = a->get_parent())
    if (const Schema* s = schemas.find(a->get_name())) return s;
  return nullptr;
}

struct Completer {
  CLI::App& app;
  Context& ctx;
  std::optional<Store*> store_;  // opened on first need; nullptr when there is none

  Store* store() {
    if (!store_) {
      try {
        store_ = &ctx.store();
      } catch (const std::exception&) {
        store_ = nullptr;
      }
    }
    return *store_;
  }
  const SchemaSet& schemas() { return store() ? store()->schemas() : command_schemas(); }

  // Names (and emails, for people) of a type's records: what resolve accepts.
  std::vector<std::string> names_of(const Schema& s) {
    std::vector<std::string> out;
    if (!store()) return out;
    std::vector<std::string> want = {s.title};
    if (s.field("email")) want.push_back("email");
    try {
      for (const Record& r : store()->load_all(s, &want).records) {
        if (!r.get(s.title).empty()) out.push_back(r.get(s.title));
        if (!r.get("email").empty()) out.push_back(r.get("email"));
      }
    } catch (const std::exception&) {
    }
    return out;
  }
  std::vector<std::string> tags_of(const Schema& s) {
    std::vector<std::string> out;
    if (!store() || !s.field("tags")) return out;
    std::vector<std::string> want = {"tags"};
    try {
      for (const Record& r : store()->load_all(s, &want).records)
        if (const Node* t = r.find("tags"))
          for (const Node& item : t->items)
            if (std::find(out.begin(), out.end(), item.text) == out.end()) out.push_back(item.text);
    } catch (const std::exception&) {
    }
    return out;
  }
  std::vector<std::string> stages() {
    std::vector<std::string> out;
    if (store())
      for (const Stage& st : store()->config().pipeline) out.push_back(st.name);
    return out;
  }
  // What a field takes: enum values, stages, owners, names of the records it refers to.
  std::vector<std::string> values_of(const Schema& s, const std::string& field) {
    if (field == "stage" && s.type == "deal") return stages();
    if (field == "owner" && store()) return store()->config().owners;
    if (field == "tags" || field == "tag") return tags_of(s);
    const Field* f = s.field_path(field);
    if (!f) return {};
    if (f->type == FieldType::Enum) return f->values;
    if (f->type == FieldType::Bool) return {"true", "false"};
    if (f->type == FieldType::Date || f->type == FieldType::When)
      return {"today", "tomorrow", "eow", "eom", "mon", "tue", "wed", "thu", "fri", "+1w"};
    if (f->type == FieldType::Ref || f->type == FieldType::Refs) {
      std::vector<std::string> out;
      for (const std::string& t : f->ref_types.empty() ? std::vector<std::string>{} : f->ref_types)
        if (const Schema* target = schemas().find(t))
          for (std::string& n : names_of(*target)) out.push_back(std::move(n));
      return out;
    }
    return {};
  }
  std::vector<std::string> field_names(const Schema& s) {
    std::vector<std::string> out = s.field_names();
    for (const char* extra : {"id", "created", "updated"}) out.push_back(extra);
    return out;
  }

  std::vector<std::string> option_values(CLI::App* cmd, const CLI::Option* opt, const std::string& word) {
    std::string name = opt->get_lnames().empty() ? opt->get_snames().front() : opt->get_lnames().front();
    const Schema* s = noun_schema(cmd, schemas());
    if (name == "format") return format_names();
    if (name == "color") return {"auto", "always", "never"};
    if (name == "C") return {"__dirs__"};
    if (name == "type") {
      std::vector<std::string> out;
      for (const Schema& x : schemas().all()) out.push_back(x.type);
      return out;
    }
    if (name == "mode") return {"create", "update", "upsert"};
    if (name == "by") return {"owner", "source", "stage", "week", "month", "quarter"};
    if (name == "since" || name == "until") return {"today", "-30d", "-90d", "eom", "eoq", "eoy"};
    if ((name == "sort" || name == "fields") && s) {
      // A list: complete the item after the last comma.
      std::string head = word.substr(0, word.rfind(',') == std::string::npos ? 0 : word.rfind(',') + 1);
      std::vector<std::string> out;
      for (const std::string& f : field_names(*s)) {
        out.push_back(head + f);
        if (name == "sort") out.push_back(head + f + ":desc");
      }
      return out;
    }
    if (name == "stage") return stages();
    if (name == "owner" && store()) return store()->config().owners;
    if (opt->get_expected_min() > 0 && (name == "from" || name == "mapping" || name == "output" || name == "o"))
      return {"__files__"};
    if (s) {
      // A named field option (--company, --priority, --for …).
      for (const Field& f : s->fields)
        if (!f.option.empty() && f.option == name) return values_of(*s, f.name);
    }
    std::string type = opt->get_type_name();
    if (type.size() > 2 && type.front() == '{' && type.back() == '}')
      return split(type.substr(1, type.size() - 2), ',');
    return {};
  }

  std::vector<std::string> positional_values(CLI::App* cmd, const std::vector<std::string>& given,
                                             const std::string& word) {
    std::string verb = cmd->get_name();
    CLI::App* parent = cmd->get_parent();
    const Schema* s = noun_schema(cmd, schemas());
    if (parent == &app) {  // a top-level command's own arguments
      if (verb == "completion") return {"bash", "zsh", "fish"};
      if (verb == "report" && given.empty())
        return {"pipeline", "forecast", "funnel", "winrate", "velocity", "sources", "activity", "overdue", "stale"};
      if (verb == "import")
        return given.empty() ? std::vector<std::string>{"csv", "vcard", "json", "jsonl", "ical", "orders"}
                             : std::vector<std::string>{"__files__"};
      if (verb == "export" && given.empty()) return {"json", "jsonl", "csv", "vcard", "ical", "ledger", "beancount"};
      if (verb == "init") return {"__dirs__"};
      if (verb == "log") {
        if (given.empty()) return {"call", "email", "meeting", "note"};
        if (given.size() == 1) {
          std::vector<std::string> out;
          for (const char* t : {"contact", "company", "deal", "lead"})
            if (const Schema* x = schemas().find(t))
              for (std::string& n : names_of(*x)) out.push_back(std::move(n));
          return out;
        }
      }
      if (verb == "merge" && s == nullptr) return names_of(schemas().get("contact"));
      return {};
    }
    if (!s) return {};
    if (verb == "list") {
      if (!word.empty() && word[0] == '+') {
        std::vector<std::string> out;
        for (const std::string& t : tags_of(*s)) out.push_back("+" + t);
        return out;
      }
      for (const char* op : {"!=", ">=", "<=", "=", "~", ">", "<"})
        if (size_t at = word.find(op); at != std::string::npos && at > 0) {
          std::string field = word.substr(0, at), head = word.substr(0, at + std::strlen(op));
          std::vector<std::string> out;
          for (const std::string& v : values_of(*s, field)) out.push_back(head + v);
          return out;
        }
      std::vector<std::string> out;
      for (const std::string& f : field_names(*s)) out.push_back(f + "=");
      out.push_back("or");
      return out;
    }
    if (verb == "add") return {};
    if (verb == "move" && given.size() == 1) return stages();
    if (verb == "set" && !given.empty()) {
      if (size_t at = word.find('='); at != std::string::npos) {
        std::string field = word.substr(0, at);
        if (!field.empty() && (field.back() == '+' || field.back() == '-')) field.pop_back();
        std::vector<std::string> out;
        for (const std::string& v : values_of(*s, field)) out.push_back(word.substr(0, at + 1) + v);
        return out;
      }
      std::vector<std::string> out;
      for (const std::string& f : s->field_names()) out.push_back(f + "=");
      return out;
    }
    // show, set, edit, rm, done, reopen, won, lost, convert, move: the record.
    std::vector<std::string> out = names_of(*s);
    if (s->type == "task") {
      // A done task is rarely what is meant: open ones only.
      out.clear();
      std::vector<std::string> want = {"title", "status"};
      if (store()) try {
          for (const Record& r : store()->load_all(*s, &want).records)
            if (r.get("status") != "done" && r.get("status") != "canceled") out.push_back(r.get("title"));
        } catch (const std::exception&) {
        }
    }
    return out;
  }

  std::vector<std::string> complete(const std::vector<std::string>& words) {
    CLI::App* cur = &app;
    const CLI::Option* pending = nullptr;
    std::vector<std::string> given;  // the leaf command's arguments so far
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      const std::string& a = words[i];
      if (pending) {
        pending = nullptr;
        continue;
      }
      if (a.size() > 1 && a[0] == '-') {
        const CLI::Option* opt = find_option(cur, a.substr(0, a.find('=')));
        if (opt && opt->get_expected_min() > 0 && a.find('=') == std::string::npos) pending = opt;
        continue;
      }
      if (cur == &app || cur->get_require_subcommand_min() > 0)
        if (CLI::App* sub = child(cur, a)) {
          cur = sub;
          given.clear();
          continue;
        }
      given.push_back(a);
    }
    const std::string& word = words.back();
    std::vector<std::string> all;
    if (pending) {
      all = option_values(cur, pending, word);
    } else if (!word.empty() && word[0] == '-') {
      for (const std::string& o : option_names(cur))
        if (o.size() > 2) all.push_back(o);  // long names: -h and -q need no help
    } else if (cur == &app || cur->get_require_subcommand_min() > 0) {
      all = visible_names(cur);
    } else {
      all = positional_values(cur, given, word);
    }
    if (all.size() == 1 && (all[0] == "__files__" || all[0] == "__dirs__")) return all;
    // Names match case-insensitively ("ada" → "Ada Lovelace").
    std::vector<std::string> out;
    for (const std::string& c : all)
      if (c.size() >= word.size() && equals_ci(c.substr(0, word.size()), word) &&
          std::find(out.begin(), out.end(), c) == out.end())
        out.push_back(c);
    std::sort(out.begin(), out.end());
    return out;
  }
};

const char* const kBash = R"(# bash completion for crm (crm completion bash); candidates come from
# `crm __complete`, so they follow the command tree and the current store.
_crm() {
  local IFS=$'\n' line=${COMP_LINE:0:COMP_POINT} cur=${COMP_WORDS[COMP_CWORD]}
  local out
  out=($(command crm __complete --line "$line" 2>/dev/null)) || return 0
  local full=${out[0]#word:}
  out=("${out[@]:1}")
  COMPREPLY=()
  case ${out[0]-} in
    __files__) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    __dirs__) COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
  esac
  # bash cut the word at = and : (COMP_WORDBREAKS): offer only what follows.
  local head=${full%"$cur"} c
  for c in "${out[@]}"; do
    c=${c#"$head"}
    [[ $c == *[\ \'\"]* ]] && c=$(printf '%q' "$c")
    COMPREPLY+=("$c")
  done
  if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=,] ]]; then compopt -o nospace 2>/dev/null; fi
  return 0
}
complete -F _crm crm
)";

const char* const kZsh = R"(#compdef crm
# zsh completion for crm (crm completion zsh); candidates come from `crm __complete`.
_crm() {
  local -a out
  out=("${(@f)$(command crm __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case ${out[1]-} in
    __files__) _files; return ;;
    __dirs__) _files -/; return ;;
  esac
  local -a plain nospace
  local c
  for c in $out; do
    [[ -z $c ]] && continue
    if [[ $c == *[=,] ]]; then nospace+=("$c"); else plain+=("$c"); fi
  done
  (( ${#plain} )) && compadd -Q -- "${(@q)plain}"
  (( ${#nospace} )) && compadd -Q -S '' -- "${(@q)nospace}"
}
if (( $+functions[compdef] )); then compdef _crm crm; fi
)";

const char* const kFish = R"(# fish completion for crm (crm completion fish); candidates come from `crm __complete`.
function __crm_complete
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    set -l out (command crm __complete -- $words 2>/dev/null)
    switch "$out[1]"
        case __files__
            __fish_complete_path (commandline -ct)
        case __dirs__
            __fish_complete_directories (commandline -ct)
        case '*'
            printf '%s\n' $out
    end
end
complete -c crm -f -a '(__crm_complete)'
)";

}  // namespace

int cmd_complete(CLI::App& app, Context& ctx, const std::vector<std::string>& args) {
  std::vector<std::string> words;
  bool line_mode = !args.empty() && args[0] == "--line";
  if (line_mode) {
    words = shell_words(args.size() > 1 ? args[1] : "");
    if (!words.empty()) words.erase(words.begin());  // "crm"
  } else {
    words.assign(args.begin() + (!args.empty() && args[0] == "--" ? 1 : 0), args.end());
  }
  if (words.empty()) words.push_back("");
  // `crm -C DIR …`: complete from that store.
  Globals globals;
  for (size_t i = 0; i + 2 < words.size(); ++i)
    if (words[i] == "-C") globals.dir = words[i + 1];
  Context other(globals);
  Completer c{app, globals.dir.empty() ? ctx : other, std::nullopt};
  std::string out;
  if (line_mode) out += "word:" + words.back() + "\n";  // never an empty line: bash drops those
  for (const std::string& w : c.complete(words)) out += w + "\n";
  ctx.out(out);
  return 0;
}

int cmd_completion(Context& ctx, const std::string& shell) {
  if (shell == "bash")
    ctx.out(kBash);
  else if (shell == "zsh")
    ctx.out(kZsh);
  else if (shell == "fish")
    ctx.out(kFish);
  else
    throw UsageError("no completion for \"" + shell + "\"" + did_you_mean(shell, {"bash", "zsh", "fish"}) +
                     " (bash, zsh or fish)");
  return 0;
}

}  // namespace crm::cli
