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
}  // namespace crm::cli
