#include "crm/rule_runs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "crm/error.hpp"
#include "crm/rule_command.hpp"
#include "crm/rules_trust.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

constexpr const char* kPending = "rules-pending";

// One firing a line, fields split by tabs; a tab, line end or backslash in
// a field (a watched field's new value) escaped.
std::string escape_field(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : std::string(1, c);
  return out;
}

std::string unescape_field(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
  }
  return out;
}

std::string line_of(const PendingFiring& p) {
  return escape_field(p.rule) + "\t" + escape_field(p.type) + "\t" + escape_field(p.id) + "\t" +
         escape_field(p.instance) + "\n";
}

void write_pending(const Store& store, const std::vector<PendingFiring>& all) {
  Dir state = store.open_dir(".crm/state", true);
  if (all.empty()) {
    state.remove(kPending);
    return;
  }
  std::string text;
  for (const PendingFiring& p : all) text += line_of(p);
  state.write(kPending, text);
}

}  // namespace

bool run_firing_commands(const Store& store, const Record& record, const Firing& firing) {
  if (firing.runs.empty()) return true;
  if (!rules_trusted(store, read_rules_text(store))) {
    store.note_rule(
        "rule " + firing.rule->name + " on " + record.type + " " + record.id() + ": " + kRulesFile +
            " (or a script it names) changed since `crm rules trust` (or never trusted here): run actions skipped",
        false);
    return false;
  }
  for (const RuleRun& run : firing.runs) {
    CommandResult r = run_rule_command(run.command, store.root(), run.input, run.env, run.timeout_ms);
    if (!r.ok) throw Error("run \"" + escape_for_terminal(run.command) + "\": " + r.why);
  }
  return true;
}

std::vector<PendingFiring> pending_firings(const Store& store) {
  std::vector<PendingFiring> out;
  Dir state = store.open_dir(".crm/state");
  struct stat st {};
  if (!state || !state.lstat(kPending, st)) return out;
  std::set<std::string> seen;  // a firing appended twice is one
  for (const std::string& line : split(state.read(kPending, 1 << 26), '\n')) {
    std::vector<std::string> f = split(line, '\t');
    if (f.size() != 4 || !seen.insert(line).second) continue;
    out.push_back({unescape_field(f[0]), unescape_field(f[1]), unescape_field(f[2]), unescape_field(f[3])});
  }
  return out;
}

void remember_failed_firing(const Store& store, const PendingFiring& p) {
  // One line appended and synced, not the file rewritten: an import of
  // 10,000 records that all fail one rule costs 10,000 short writes, not
  // 10,000 rewrites of a growing file. A line twice is read once; a line a
  // crash cut short is ended first (and skipped when read).
  Dir state = store.open_dir(".crm/state", true);
  int fd = state.open_file(kPending, O_RDWR | O_APPEND | O_CREAT, 0644);
  std::string text = line_of(p);
  struct stat st {};
  char last = '\n';
  if (::fstat(fd, &st) == 0 && st.st_size > 0 && ::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
    text = "\n" + text;
  std::string_view rest = text;
  while (!rest.empty()) {
    ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      throw IoError("cannot write " + state.shown(kPending) + ": " + why);
    }
    rest.remove_prefix(static_cast<size_t>(n));
  }
  bool synced = ::fsync(fd) == 0;
  std::string why = synced ? "" : std::strerror(errno);
  ::close(fd);
  if (!synced) throw IoError("cannot write " + state.shown(kPending) + ": " + why);
}

void forget_firings(const Store& store, const std::vector<PendingFiring>& done) {
  if (done.empty()) return;
  std::set<std::string> gone;
  for (const PendingFiring& p : done) gone.insert(line_of(p));
  std::vector<PendingFiring> all = pending_firings(store);
  all.erase(std::remove_if(all.begin(), all.end(), [&](const PendingFiring& q) { return gone.count(line_of(q)); }),
            all.end());
  write_pending(store, all);
}

}  // namespace crm
