// Registration of the command tree (the files that include CLI11).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace crm::cli {
class Context;
void register_record_commands(CLI::App& app, Context& ctx, int& status);
void register_store_commands(CLI::App& app, Context& ctx, int& status);
// The first word of `args` (argv) that is no command, verb or option of the
// tree, as an error message with "did you mean"; nullopt when all are known.
std::optional<std::string> check_command_words(CLI::App& app, const std::vector<std::string>& args);
// `crm __complete -- WORDS…` (the last one is being typed) or `--line LINE`
// (bash: the first line printed is "word:" and the word as crm cut it): candidates, one a line.
int cmd_complete(CLI::App& app, Context& ctx, const std::vector<std::string>& args);
// `crm completion bash|zsh|fish`: the script that asks crm __complete.
int cmd_completion(Context& ctx, const std::string& shell);
// Two or three real examples at the end of every command's --help.
void add_examples(CLI::App& app);
// The completion and hidden commands (registered last: they walk the whole tree).
void register_completion_commands(CLI::App& app, Context& ctx, int& status);
}  // namespace crm::cli
