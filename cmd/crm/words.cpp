// What the command line's words mean before CLI11 parses them: an unknown
// command, verb or option gets "did you mean" (CLI11 says "The following
// argument was not expected" and names no alternative).
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "commands.hpp"
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

}  // namespace crm::cli
