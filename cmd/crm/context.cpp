#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include "app.hpp"
#include "crm/atomic_file.hpp"
#include "crm/error.hpp"
#include "crm/report.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"

namespace crm::cli {

namespace {
SchemaSet& g_command_schemas() {
  static SchemaSet set = SchemaSet::builtin();
  return set;
}
std::string g_declared_error;
}  // namespace

void load_command_schemas(const std::vector<std::string>& args) {
  std::string dir;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "-C" && i + 1 < args.size()) {
      dir = args[i + 1];
      break;
    }
    if (args[i] == "--format" || args[i] == "--color")
      ++i;
    else if (args[i].empty() || args[i][0] != '-')
      break;
  }
  try {
    std::filesystem::path root = Store::discover(dir);
    std::error_code ec;
    if (!std::filesystem::is_directory(root / ".crm" / "schemas", ec)) return;
    g_command_schemas() = Store(root, Clock::from_env(), Store::Unsafe::Report).schemas();
  } catch (const Error& e) {
    g_declared_error = e.what();  // no store (the command may make one), or one that does not open
  }
}

const SchemaSet& command_schemas() { return g_command_schemas(); }
const std::string& declared_schema_error() { return g_declared_error; }

Store& Context::store(Store::Unsafe unsafe) {
  if (!store_) store_ = std::make_unique<Store>(Store::discover(globals_.dir), Clock::from_env(), unsafe);
  return *store_;
}

Format Context::format() const {
  if (globals_.quiet) return Format::Ids;
  if (globals_.format.empty()) return Format::Table;
  auto f = parse_format(globals_.format);
  if (!f)
    throw UsageError("unknown format \"" + globals_.format + "\"" + did_you_mean(globals_.format, format_names()) +
                     " (one of " + join(format_names(), ", ") + ")");
  return *f;
}

bool Context::color() const {
  if (globals_.color == "always") return true;
  if (globals_.color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return stdout_is_tty();
}

OutputOptions Context::output(const Clock* clock) const {
  OutputOptions o;
  o.format = format();
  o.color = color();
  o.tty = stdout_is_tty();
  o.raw = globals_.raw;
  o.wide = globals_.wide;
  o.clock = clock;
  o.unicode = locale_is_utf8();
  const char* columns = std::getenv("COLUMNS");
  if (columns && *columns) {
    char* end = nullptr;
    long n = std::strtol(columns, &end, 10);
    if (*end == '\0' && n > 0 && n < 100000) o.width = static_cast<size_t>(n);
  }
  if (o.width == 0 && o.tty) {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) o.width = ws.ws_col;
  }
  return o;
}

bool Context::stdin_is_tty() const { return ::isatty(STDIN_FILENO); }

bool Context::stdout_is_tty() const {
  static const bool tty = ::isatty(STDOUT_FILENO);
  return tty;
}

void Context::out(const std::string& text) const {
  bool table = !globals_.quiet && (globals_.format.empty() || globals_.format == "table");
  write_stdout(!table && stdout_is_tty() ? escape_stream_for_terminal(text) : text);
}

void Context::out_stream(const std::string& text) const {
  write_stdout(stdout_is_tty() ? escape_stream_for_terminal(text) : text);
}

void Context::write_stdout(const std::string& text) const {
  if (out_errno_ || text.empty()) return;
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) out_errno_ = errno ? errno : EIO;
}

int Context::close_output(int code) {
  int err = out_errno_;
  errno = 0;
  if (std::fflush(stdout) != 0 && !err) err = errno ? errno : EIO;
  if (std::ferror(stdout) && !err) err = EIO;
  // EBADF from fclose alone: stdout was closed and nothing was written to it.
  if (std::fclose(stdout) != 0 && !err && errno != EBADF) err = errno ? errno : EIO;
  if (err == 0 || err == EPIPE) return code;
  IoError e(std::string("cannot write to standard output: ") + std::strerror(err));
  std::string line = std::string("crm: error: ") + e.what() + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  return std::max(code, e.exit_code());
}

void Context::note(const std::string& text) const {
  std::string line = "crm: " + escape_for_terminal(text) + "\n";
  std::fflush(stdout);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void Context::report(const Error& e) {
  std::fflush(stdout);
  std::string line = "crm: error: " + escape_for_terminal(e.what()) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  if (e.exit_code() > status) status = e.exit_code();
}

void Context::finish() {
  if (!store_) return;
  // What the store's rules did after the writes, and what failed (the writes stand).
  // The same failure twice says nothing new: a broken rules file, met by
  // each of an import's thousand writes, is reported once. (What rules did
  // is told in full: a loop says each step.)
  std::set<std::string> failures;
  for (const Store::RuleNote& n : store_->rule_notes()) {
    if (n.failed && !failures.insert(n.text).second) continue;
    if (!n.failed) {
      note(n.text);
      continue;
    }
    report(Error(n.text));
    rules_failed = true;
  }
  autocommit(*this, *store_);
  if (const char* debug = std::getenv("CRM_DEBUG_INDEX"); debug && *debug)
    for (const auto& [folder, use] : store_->index_use())
      note("index: " + folder + ": " + std::to_string(use.from_cache) + " from the cache, " +
           std::to_string(use.parsed) + " parsed");
}

// -o FILE: any path the user names (a link followed as the shell's > would),
// except the store's own files — inside .git, .crm or a record folder a
// report would break the store it describes.
namespace {

// Which of the store's own files `name` is inside ("" when none): .git
// (anywhere on its way), .crm, .gitignore, .gitattributes or a record folder.
// `inside_ok`: a folder of .crm that may be written (the outbox).
std::string store_part(const Store& store, const std::string& name, const char* inside_ok = nullptr) {
  namespace fs = std::filesystem;
  fs::path target = resolve_symlinks(name);
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(target, ec), ec);
  if (ec) return "";  // the write reports what is wrong with it
  for (const fs::path& part : abs)
    if (part == ".git") return ".git";
  fs::path rel = abs.lexically_relative(fs::weakly_canonical(store.root(), ec));
  if (ec || rel.empty() || *rel.begin() == ".." || *rel.begin() == ".") return "";
  if (inside_ok && (rel == inside_ok || rel.string().rfind(std::string(inside_ok) + "/", 0) == 0)) return "";
  std::string top = rel.begin()->string();
  if (top == ".crm" || top == ".gitignore" || top == ".gitattributes" || store.schemas().by_folder(top)) return top;
  return "";
}

}  // namespace

std::filesystem::path output_path(const Store& store, const std::string& name) {
  if (std::string own = store_part(store, name); !own.empty())
    throw UsageError("-o: " + name + " is one of the store's own files (" + own + "): write the output elsewhere");
  return resolve_symlinks(name);
}

void check_outbox_path(const Store& store, const std::string& name) {
  if (std::string own = store_part(store, name, ".crm/outbox"); !own.empty())
    throw UsageError("--outbox: " + name + " is one of the store's own folders (" + own +
                     "): messages go to .crm/outbox (the default) or a folder outside the store's records");
}

}  // namespace crm::cli
