// A rule's `run` action (automation.hpp): one command through /bin/sh, the
// record as JSON on its stdin, a time limit. Executed only for a rules file
// this machine trusts (rules_trust.hpp); the workflow decides that.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace crm {

struct CommandResult {
  bool ok = false;
  std::string why;  // when not ok: "exit status 2: <its last line on stderr>", "timed out after 10s"…
};

// Runs `sh -c command` in `dir` with `input` on stdin and `env` (NAME=VALUE)
// added to crm's environment, its own process group killed when it runs
// past `timeout_ms`. Its stdout and stderr are kept, not shown: the last
// line of stderr explains a failure.
CommandResult run_rule_command(const std::string& command, const std::filesystem::path& dir, const std::string& input,
                               const std::vector<std::string>& env, long long timeout_ms);

}  // namespace crm
