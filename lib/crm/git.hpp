// Running git for a store: no shell, arguments passed as they are.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace crm {

struct GitResult {
  int code = -1;  // exit status; -1 when git could not be run
  std::string out;
  std::string err;
};

// Runs `git -C dir args…`, capturing stdout and stderr. `env` adds NAME=VALUE pairs.
GitResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args,
                  const std::vector<std::string>& env = {});

// True when `dir` is inside a git work tree.
bool in_git_work_tree(const std::filesystem::path& dir);

// The path of the running crm binary (for the merge driver's command).
std::string self_executable();

}  // namespace crm
