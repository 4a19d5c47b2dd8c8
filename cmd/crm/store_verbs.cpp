// Whole-store verbs: init and check.
#include <cstdlib>
#include <filesystem>

#include "app.hpp"
#include "crm/atomic_file.hpp"
#include "crm/check.hpp"
#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm::cli {

namespace fs = std::filesystem;

int cmd_init(Context& ctx, const InitOptions& o) {
  fs::path dir = o.dir.empty() ? fs::path(".") : fs::path(o.dir);
  bool made = Store::init(dir);
  if (!made) {
    ctx.note(dir.string() + " is already a crm store; nothing changed");
  } else {
    ctx.note("made a crm store in " + fs::absolute(dir).lexically_normal().string());
  }
  if (o.git) setup_git(dir);
  return 0;
}

int cmd_check(Context& ctx) {
  std::vector<Problem> problems = check_store(ctx.store());
  int code = 0;
  std::string out;
  for (const Problem& p : problems) {
    // A file name or value may hold anything: one escaped line per problem.
    out += escape_for_terminal(p.message) + "\n";
    code = std::max(code, p.conflict ? int{kExitConflict} : int{kExitInvalid});
  }
  ctx.out(out);
  return code;
}

}  // namespace crm::cli
