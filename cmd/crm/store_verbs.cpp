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
  if (o.git) {
    if (made) {
      // A store made for git commits every change as it is made (crm undo takes one back).
      fs::path cfg = dir / ".crm" / "config.yaml";
      std::string text = read_file(cfg, 1 << 20);
      const std::string off = "\n  autocommit: false\n", on = "\n  autocommit: true\n";
      if (size_t at = text.find(off); at != std::string::npos) text.replace(at, off.size(), on);
      write_file_atomic(cfg, text);
    }
    Store store(fs::absolute(dir).lexically_normal(), Clock::from_env());
    setup_git(ctx, store, /*new_repository=*/true);
  }
  return 0;
}

int cmd_check(Context& ctx) {
  std::vector<Problem> problems = check_store(ctx.store(Store::Unsafe::Report));
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
