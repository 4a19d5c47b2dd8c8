#include "crm/rule_command.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "crm/text.hpp"

namespace crm {

extern "C" char** environ;

namespace {

std::string last_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  size_t nl = s.rfind('\n');
  std::string line = nl == std::string::npos ? s : s.substr(nl + 1);
  if (line.size() > 300) line = line.substr(0, 300) + "…";
  return escape_for_terminal(line);
}

}  // namespace

CommandResult run_rule_command(const std::string& command, const std::filesystem::path& dir, const std::string& input,
                               const std::vector<std::string>& env, long long timeout_ms) {
  CommandResult result;
  int out_pipe[2], in_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    result.why = std::string("cannot run it: ") + std::strerror(errno);
    return result;
  }
  if (::pipe2(in_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    result.why = std::string("cannot run it: ") + std::strerror(errno);
    return result;
  }
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) env_s.emplace_back(*e);
  env_s.insert(env_s.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string sh = "/bin/sh", dash_c = "-c", cmd = command;
  char* argv[] = {sh.data(), dash_c.data(), cmd.data(), nullptr};
  std::string cwd = dir.string();
  // A command that stops reading its input must not kill crm with SIGPIPE.
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);  // its own group: a timeout kills what it started too
    ::signal(SIGPIPE, SIG_DFL);
    ::dup2(in_pipe[0], STDIN_FILENO);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(out_pipe[1], STDERR_FILENO);
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    ::execve(argv[0], argv, envp.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(in_pipe[0]);
  if (pid < 0) {
    ::close(out_pipe[0]);
    ::close(in_pipe[1]);
    ::sigaction(SIGPIPE, &previous, nullptr);
    result.why = std::string("cannot run it: ") + std::strerror(errno);
    return result;
  }
  ::setpgid(pid, pid);
  ::fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {in_pipe[1], POLLOUT, 0}};
  if (input.empty()) {
    ::close(in_pipe[1]);
    fds[1].fd = -1;
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string output;
  size_t written = 0;
  bool timed_out = false, exited = false;
  int status = 0;
  char buf[65536];
  // Until its output closes or time is up. The outcome is the shell's own
  // exit: once it has exited, what it left running in the background (and
  // holding the pipe) gets a moment to finish writing, not the time limit —
  // a command that succeeded is never reported as timed out (and re-run).
  while (fds[0].fd >= 0) {
    if (!exited && ::waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      deadline = std::min(deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(200));
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = !exited;
      break;
    }
    int n = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), exited ? 1000 : 50)));
    if (n < 0 && errno != EINTR) break;
    if (n <= 0) continue;
    if (fds[1].fd >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = ::write(fds[1].fd, input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<size_t>(w);
      if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        ::close(fds[1].fd);  // all written, or it stopped reading
        fds[1].fd = -1;
      }
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t r = ::read(fds[0].fd, buf, sizeof buf);
      if (r > 0) {
        if (output.size() < (1u << 20)) output.append(buf, static_cast<size_t>(r));
      } else if (r == 0 || errno != EINTR) {
        ::close(fds[0].fd);
        fds[0].fd = -1;
      }
    }
  }
  if (timed_out) ::kill(-pid, SIGKILL);
  for (pollfd& p : fds)
    if (p.fd >= 0) ::close(p.fd);
  while (!exited && ::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ::sigaction(SIGPIPE, &previous, nullptr);
  if (timed_out) {
    result.why = "timed out after " + std::to_string(timeout_ms / 1000) + "s (killed)";
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    result.ok = true;
  } else {
    result.why = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                   : "killed by signal " + std::to_string(WTERMSIG(status));
    if (std::string line = last_line(output); !line.empty()) result.why += ": " + line;
  }
  return result;
}

}  // namespace crm
