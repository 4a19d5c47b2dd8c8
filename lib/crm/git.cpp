#include "crm/git.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace crm {

extern "C" char** environ;

GitResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args,
                  const std::vector<std::string>& env, const std::string* input, bool own_session) {
  GitResult result;
  int out_pipe[2], err_pipe[2], in_pipe[2] = {-1, -1};
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return result;
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return result;
  }
  if (input && ::pipe2(in_pipe, O_CLOEXEC) != 0) {
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) ::close(fd);
    return result;
  }
  std::vector<std::string> argv_s = {"git", "-C", dir.string()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) env_s.emplace_back(*e);
  // git must never wait for a terminal: no prompts, no pager, no editor.
  for (const char* fixed : {"GIT_TERMINAL_PROMPT=0", "GIT_PAGER=cat", "GIT_EDITOR=true", "LC_ALL=C"})
    env_s.emplace_back(fixed);
  env_s.insert(env_s.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  // A write to a git that stopped reading must fail with EPIPE, not kill crm.
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  if (input) ::sigaction(SIGPIPE, &ignore, &previous);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::signal(SIGPIPE, SIG_DFL);
    if (own_session) ::setsid();
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    if (input) {
      ::dup2(in_pipe[0], STDIN_FILENO);
    } else {
      int devnull = ::open("/dev/null", O_RDONLY);
      if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    }
    ::execvpe("git", argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (input) ::close(in_pipe[0]);
  if (pid < 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    if (input) {
      ::close(in_pipe[1]);
      ::sigaction(SIGPIPE, &previous, nullptr);
    }
    return result;
  }
  // stdin is written while stdout is read: git may answer before it has read
  // all its input (cat-file --batch), and a full pipe either way would block.
  if (input) ::fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {input ? in_pipe[1] : -1, POLLOUT, 0}};
  size_t written = 0;
  if (input && input->empty()) {
    ::close(in_pipe[1]);
    fds[2].fd = -1;
  }
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = ::write(fds[2].fd, input->data() + written, input->size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input->size()) {
        ::close(fds[2].fd);  // all written, or git stopped reading (EPIPE)
        fds[2].fd = -1;
      }
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (fds[2].fd >= 0) ::close(fds[2].fd);
  if (input) ::sigaction(SIGPIPE, &previous, nullptr);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return result;
}

bool in_git_work_tree(const std::filesystem::path& dir) {
  GitResult r = run_git(dir, {"rev-parse", "--is-inside-work-tree"});
  return r.code == 0 && r.out.rfind("true", 0) == 0;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool git_running_in(const std::filesystem::path& dir) {
  std::error_code ec;
  std::string want = std::filesystem::weakly_canonical(dir, ec).string();
  DIR* proc = ::opendir("/proc");
  if (!proc) return false;
  bool found = false;
  while (dirent* e = ::readdir(proc)) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    std::string base = std::string("/proc/") + e->d_name;
    char comm[64] = {0};
    int fd = ::open((base + "/comm").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ssize_t n = ::read(fd, comm, sizeof comm - 1);
    ::close(fd);
    if (n <= 0 || std::strncmp(comm, "git", 3) != 0) continue;
    char cwd[4096];
    ssize_t m = ::readlink((base + "/cwd").c_str(), cwd, sizeof cwd - 1);
    if (m <= 0) continue;
    std::string c(cwd, static_cast<size_t>(m));
    if (c == want || c.rfind(want + "/", 0) == 0) {
      found = true;
      break;
    }
  }
  ::closedir(proc);
  return found;
}

std::string self_executable() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "crm";
  return std::string(buf, static_cast<size_t>(n));
}

}  // namespace crm
