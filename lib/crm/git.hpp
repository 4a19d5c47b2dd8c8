// Running git for a store: no shell, arguments passed as they are.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace crm {

struct GitResult {
  int code = -1;  // exit status; -1 when git could not be run, 128 when a signal ended it
  std::string out;
  std::string err;
};

// Runs `git -C dir args…`, capturing stdout and stderr. `env` adds NAME=VALUE
// pairs; `input`, when given, is written to git's stdin (else /dev/null): long
// lists and messages go there, never into argv (one argument is at most 128 KiB).
// `own_session`: git runs in a session of its own, so that a signal sent to
// crm's process group (Ctrl-C, a kill of the group) does not stop it half-way.
GitResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args,
                  const std::vector<std::string>& env = {}, const std::string* input = nullptr,
                  bool own_session = false);

// True when `dir` is inside a git work tree.
bool in_git_work_tree(const std::filesystem::path& dir);

// The path of the running crm binary (for the merge driver's command).
std::string self_executable();

// `s` quoted for a POSIX shell: git runs a merge driver's command through sh.
std::string shell_quote(const std::string& s);

// Whether a git process runs with its working directory at or below `dir`
// (a killed crm's children may still be finishing).
bool git_running_in(const std::filesystem::path& dir);

}  // namespace crm
