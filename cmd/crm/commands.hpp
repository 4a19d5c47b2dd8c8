// Registration of the command tree (the files that include CLI11).
#pragma once

namespace CLI {
class App;
}

namespace crm::cli {
class Context;
void register_record_commands(CLI::App& app, Context& ctx, int& status);
void register_store_commands(CLI::App& app, Context& ctx, int& status);
}  // namespace crm::cli
