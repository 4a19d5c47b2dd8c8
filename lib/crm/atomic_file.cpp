#include "crm/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crm/error.hpp"
#include "crm/ids.hpp"

namespace crm {

namespace fs = std::filesystem;

namespace {

std::string sys_error(const std::string& what, const fs::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

void write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError(sys_error("cannot write", path));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

bool is_temp_file_name(std::string_view name) {
  return !name.empty() && name[0] == '.' && name.find(".tmp-") != std::string_view::npos;
}

void write_file_atomic(const fs::path& path, std::string_view bytes, bool sync) {
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  fs::path tmp = dir / ("." + path.filename().string() + ".tmp-" + new_id());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(sys_error("cannot create", tmp));
  try {
    write_all(fd, bytes, tmp);
    if (sync && ::fsync(fd) != 0) throw IoError(sys_error("cannot sync", tmp));
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  // close reports what the file system could not store after all (NFS, quotas).
  if (::close(fd) != 0 && errno != EINTR) {
    std::string msg = sys_error("cannot write", tmp);
    ::unlink(tmp.c_str());
    throw IoError(msg);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string msg = sys_error("cannot rename into", path);
    ::unlink(tmp.c_str());
    throw IoError(msg);
  }
  int dfd = sync ? ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

std::string read_file(const fs::path& path, size_t max_bytes, bool follow_links) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (follow_links ? 0 : O_NOFOLLOW));
  if (fd < 0) {
    if (errno == ELOOP)
      throw InvalidData(Location{path.string(), 0, 0, ""}, "is a symbolic link; records must be regular files");
    throw IoError(sys_error("cannot read", path));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || (!S_ISREG(st.st_mode) && !follow_links)) {
    ::close(fd);
    throw InvalidData(Location{path.string(), 0, 0, ""}, "is not a regular file");
  }
  std::string out;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      throw IoError(sys_error("cannot read", path));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > max_bytes) break;  // the caller reports the size
  }
  ::close(fd);
  return out;
}

}  // namespace crm
