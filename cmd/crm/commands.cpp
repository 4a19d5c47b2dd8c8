// The command tree: one noun per record type, its verbs built from the
// schema (so a new field with `option:` gets its --flag here), and the
// whole-store verbs. Each callback only fills an options struct and calls a
// cmd_* function.
#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <map>

#include "app.hpp"
#include "crm/error.hpp"
#include "crm/schema.hpp"

namespace crm::cli {

namespace {

const std::map<std::string, std::string> kNounHelp = {
    {"contact", "people: add, list, show, set, edit, rm"},
    {"company", "organisations: add, list, show, set, edit, rm"},
    {"lead", "prospects before qualification"},
    {"deal", "opportunities in the pipeline"},
    {"task", "things to do by a date"},
    {"activity", "calls, emails, meetings and notes"},
};

// Keeps option structs alive for the callbacks (CLI11 stores pointers).
template <typename T>
T& keep(std::vector<std::shared_ptr<void>>& pool) {
  auto p = std::make_shared<T>();
  pool.push_back(p);
  return *p;
}

std::vector<std::shared_ptr<void>> g_pool;

void add_named_options(CLI::App* verb, const Schema& schema, std::vector<std::pair<std::string, std::string>>& named,
                       std::vector<std::string>* tags) {
  for (const Field& f : schema.fields) {
    if (f.option.empty()) continue;
    std::string help = f.help.empty() ? f.name : f.help;
    if (f.type == FieldType::List) {
      if (tags) verb->add_option("--" + f.option, *tags, help)->type_name("TAG")->allow_extra_args(false);
      continue;
    }
    std::string name = f.name;
    verb->add_option_function<std::string>(
            "--" + f.option, [&named, name](const std::string& v) { named.emplace_back(name, v); }, help)
        ->type_name(f.type == FieldType::Enum ? "{" + [&] {
          std::string v;
          for (const auto& x : f.values) v += (v.empty() ? "" : ",") + x;
          return v;
        }() + "}"
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
  add_named_options(add_cmd, schema, add.named, &add.tags);
  add_cmd->add_option("--set", add.sets, "set any field (repeatable)")->type_name("FIELD=VALUE")->allow_extra_args(false);
  add_cmd->add_option("--from", add.from, "read the record from a YAML or JSON file (- for stdin)")->type_name("FILE");
  add_cmd->callback([&ctx, &status, s, &add] { status = cmd_add(ctx, *s, add); });

  auto& list = keep<ListOptions>(g_pool);
  CLI::App* list_cmd = noun->add_subcommand("list", "list " + schema.folder + " matching a filter (see crm(1) FILTERS)");
  list_cmd->add_option("filter", list.filter, "terms: field=value, field~text, +tag, due<eow, a word, or")
      ->type_name("FILTER");
  list_cmd->add_option("--sort", list.sort, "sort by fields: name,created:desc")->type_name("FIELD[:desc]");
  list_cmd->add_option("--limit", list.limit, "show at most N")->type_name("N")->check(CLI::NonNegativeNumber);
  list_cmd->add_option("--fields", list.fields, "the columns/fields to show: name,email")->type_name("A,B");
  list_cmd->callback([&ctx, &status, s, &list] { status = cmd_list(ctx, *s, list); });

  auto& show = keep<ShowOptions>(g_pool);
  CLI::App* show_cmd = noun->add_subcommand("show", "show " + schema.folder + " in full, with related records");
  show_cmd->add_option("id", show.ids, "id, unique id prefix, email or name")->required()->type_name("ID");
  show_cmd->add_option("--limit", show.limit, "related records per group in a table (default 10)")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
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

void register_record_commands(CLI::App& app, Context& ctx, int& status) {
  static const SchemaSet schemas = SchemaSet::builtin();
  for (const Schema& schema : schemas.all()) register_noun(app, schema, ctx, status);
}

void register_store_commands(CLI::App& app, Context& ctx, int& status) {
  auto& init = keep<InitOptions>(g_pool);
  CLI::App* init_cmd = app.add_subcommand("init", "make a new store in DIR (default: here)");
  init_cmd->add_option("dir", init.dir, "the folder")->type_name("DIR");
  init_cmd->add_flag("--git", init.git, "also make it a git repository with .gitattributes");
  init_cmd->callback([&ctx, &status, &init] { status = cmd_init(ctx, init); });

  CLI::App* check_cmd = app.add_subcommand("check", "validate every record and reference; silent when all is well");
  check_cmd->callback([&ctx, &status] { status = cmd_check(ctx); });

  // `crm help WORDS…` is answered in main.cpp before parsing (CLI11 would read
  // the words as commands); registered here so that --help lists it.
  CLI::App* help_cmd = app.add_subcommand("help", "help on crm, a noun or a verb: crm help contact add");
  help_cmd->allow_extras();
}

}  // namespace crm::cli
