// crm's entry point: the global options, the command tree, and the one place
// that catches errors and maps them to the contract's exit codes.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <optional>

#include "app.hpp"
#include "commands.hpp"
#include "crm/error.hpp"
#include "crm/text.hpp"

using namespace crm;

namespace {

int fail(int code, const std::string& message) {
  std::fflush(stdout);
  std::cerr << "crm: error: " << escape_for_terminal(message) << "\n";
  return code;
}

// `crm [global options] help [NOUN [VERB]]`: the help of that command, or
// nullopt when the command line is not a help request.
std::optional<int> answer_help(CLI::App& app, int argc, char** argv) {
  int i = 1;
  while (i < argc) {
    std::string a = argv[i];
    if (a == "-C" || a == "--format" || a == "--color") {
      i += 2;
    } else if (!a.empty() && a[0] == '-') {
      ++i;
    } else {
      break;
    }
  }
  if (i >= argc || std::string(argv[i]) != "help") return std::nullopt;
  CLI::App* target = &app;
  std::string path = "crm";
  if (i + 1 < argc && argv[i + 1][0] == '-') {  // crm help --help
    std::cout << app.get_formatter()->make_help(app.get_subcommand("help"), "crm help", CLI::AppFormatMode::Normal);
    return 0;
  }
  for (++i; i < argc; ++i) {
    CLI::App* next = nullptr;
    try {
      next = target->get_subcommand(argv[i]);
    } catch (const CLI::OptionNotFound&) {
    }
    if (!next) return fail(kExitUsage, std::string("no help on \"") + argv[i] + "\": not a command of " + path);
    target = next;
    path += " " + target->get_name();
  }
  std::cout << app.get_formatter()->make_help(target, path, CLI::AppFormatMode::Normal);
  return 0;
}

int run(int argc, char** argv, cli::Globals& globals, cli::Context& ctx) {
  CLI::App app{"crm keeps contacts, companies, leads, deals, tasks and activities as YAML files.", "crm"};
  app.footer("Run 'crm help NOUN' for a record type's verbs; 'man crm' for filters, formats and exit codes.");
  app.fallthrough();
  app.add_option("-C", globals.dir, "use the store in DIR (else $CRM_DIR, else the nearest parent with .crm/)")
      ->type_name("DIR");
  app.add_option("--format", globals.format, "output: table (default), json, jsonl, yaml, csv, tsv, ids, html")
      ->type_name("FMT");
  app.add_flag("-q,--quiet", globals.quiet, "print ids only (= --format ids)");
  app.add_flag("--raw", globals.raw, "csv/tsv: leave cells that start with = + - @ as they are (not for spreadsheets)");
  app.add_flag("--wide", globals.wide, "tables: show every column and cell whole, however wide the terminal");
  app.add_option("--color", globals.color, "colour tables: auto (default: on a terminal), always, never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.set_version_flag("--version", std::string("crm ") + CRM_VERSION);

  int status = 0;
  cli::load_command_schemas(std::vector<std::string>(argv, argv + argc));
  cli::register_record_commands(app, ctx, status);
  cli::register_store_commands(app, ctx, status);
  cli::register_completion_commands(app, ctx, status);
  cli::add_examples(app);

  if (auto help = answer_help(app, argc, argv)) return *help;
  // Completion asks often and must never fail loudly: it bypasses CLI11.
  if (argc >= 2 && std::string(argv[1]) == "__complete") {
    try {
      return cli::cmd_complete(app, ctx, std::vector<std::string>(argv + 2, argv + argc));
    } catch (const std::exception&) {
      return 0;
    }
  }
  if (auto problem = cli::check_command_words(app, std::vector<std::string>(argv, argv + argc))) {
    // `crm project list` with .crm/schemas/project.yaml broken: say what is broken.
    if (!cli::declared_schema_error().empty() &&
        cli::declared_schema_error().find(".crm/schemas/") != std::string::npos)
      return fail(kExitInvalid, cli::declared_schema_error());
    return fail(kExitUsage, *problem);
  }
  // `crm report activity`: a report named like a noun would be read as that
  // noun's command; mark it as the report's name instead.
  std::vector<std::string> args(argv, argv + argc);
  for (size_t i = 1; i + 1 < args.size(); ++i) {
    if (args[i] == "report") {
      if (args[i + 1] == "activity") args[i + 1] = "=activity";
      break;
    }
    if (args[i] == "-C" || args[i] == "--format" || args[i] == "--color")
      ++i;
    else if (args[i].empty() || args[i][0] != '-')
      break;
  }
  std::vector<char*> rewritten;
  for (std::string& a : args) rewritten.push_back(a.data());
  argv = rewritten.data();
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      std::cout << app.help();
      return 0;
    }
    ctx.finish();
    if (ctx.rules_failed && status == 0) status = kExitInvalid;
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    // "A subcommand is required" does not say which: name the noun and its verbs.
    CLI::App* deepest = &app;
    while (!deepest->get_subcommands().empty()) deepest = deepest->get_subcommands().back();
    if (deepest != &app && deepest->get_require_subcommand_min() > 0 && deepest->get_subcommands().empty()) {
      std::string verbs;
      for (const CLI::App* sub : deepest->get_subcommands({})) verbs += (verbs.empty() ? "" : ", ") + sub->get_name();
      return fail(kExitUsage, "crm " + deepest->get_name() + " needs a verb: " + verbs + " (see crm help " +
                                  deepest->get_name() + ")");
    }
    std::string where = "crm";
    for (CLI::App* a = deepest; a != &app; a = a->get_parent()) where.insert(3, " " + a->get_name());
    std::string help = where == "crm" ? "crm help" : "crm help " + where.substr(4);
    // "id is required" says not of what; an option's own message names it.
    bool named = std::string(e.what()).rfind("-", 0) == 0;
    return fail(kExitUsage, (where == "crm" || named ? "" : where + ": ") + e.what() + " (see " + help + ")");
  } catch (const Error& e) {
    return fail(e.exit_code(), e.what());
  } catch (const std::filesystem::filesystem_error& e) {
    return fail(kExitInvalid, e.what());
  } catch (const std::bad_alloc&) {
    return fail(kExitInvalid, "out of memory");
  } catch (const std::exception& e) {
    return fail(kExitInvalid, std::string("unexpected: ") + e.what());
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  cli::Globals globals;
  cli::Context ctx(globals);
  int code = run(argc, argv, globals, ctx);
  // Data that never reached its file is an error, whatever the command did.
  return ctx.close_output(code);
}
