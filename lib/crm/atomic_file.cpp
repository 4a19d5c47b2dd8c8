#include "crm/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crm/error.hpp"
#include "crm/ids.hpp"

namespace crm {

namespace fs = std::filesystem;

namespace {

std::string sys_error(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

const char* const kSymlink = "is a symbolic link, which crm does not follow";
const char* const kNotRegular = "is not a regular file";

void write_all(int fd, std::string_view bytes, const std::string& shown) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError(sys_error("cannot write", shown));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

// Reads `fd` to its end (or just past max_bytes) and closes it.
std::string read_all(int fd, size_t max_bytes, const std::string& shown) {
  std::string out;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      errno = saved;
      throw IoError(sys_error("cannot read", shown));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > max_bytes) break;  // the caller reports the size
  }
  ::close(fd);
  return out;
}

// `fd` (opened with O_NOFOLLOW | O_NONBLOCK, or -1 with errno) as a regular
// file, or the error that says what `shown` is instead.
int regular_or_throw(int fd, const std::string& shown) {
  if (fd < 0) {
    if (errno == ELOOP) throw InvalidData(Location{shown, 0, 0, ""}, kSymlink);
    throw IoError(sys_error("cannot open", shown));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw InvalidData(Location{shown, 0, 0, ""}, kNotRegular);
  }
  return fd;
}

// Never through a link, never blocking on a FIFO or a device.
constexpr int kSafeOpen = O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY;

}  // namespace

Dir::~Dir() {
  if (fd_ >= 0) ::close(fd_);
}

Dir::Dir(Dir&& other) noexcept : fd_(other.fd_), shown_(std::move(other.shown_)) { other.fd_ = -1; }

Dir& Dir::operator=(Dir&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    shown_ = std::move(other.shown_);
    other.fd_ = -1;
  }
  return *this;
}

Dir Dir::open(const fs::path& path, std::string shown) {
  Dir d;
  d.shown_ = std::move(shown);
  d.fd_ = ::open(path.empty() ? "." : path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d.fd_ < 0) throw IoError(sys_error("cannot open the folder", path.string()));
  return d;
}

Dir Dir::sub(const std::string& name, bool create) const {
  Dir d;
  d.shown_ = shown(name);
  if (create && ::mkdirat(fd_, name.c_str(), 0755) != 0 && errno != EEXIST)
    throw IoError(sys_error("cannot make the folder", d.shown_));
  d.fd_ = ::openat(fd_, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  if (d.fd_ >= 0) return d;
  if (errno == ENOENT) return Dir();
  struct stat st;  // O_DIRECTORY | O_NOFOLLOW says ENOTDIR for a link too
  if ((errno == ELOOP || errno == ENOTDIR) && lstat(name, st))
    throw InvalidData(Location{d.shown_, 0, 0, ""}, S_ISLNK(st.st_mode) ? kSymlink : "is not a folder");
  throw IoError(sys_error("cannot open the folder", d.shown_));
}

std::string Dir::shown(std::string_view name) const {
  if (name.empty()) return shown_.empty() ? "." : shown_;
  return shown_.empty() ? std::string(name) : shown_ + "/" + std::string(name);
}

bool Dir::lstat(const std::string& name, struct stat& st) const {
  return ::fstatat(fd_, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

std::vector<std::string> Dir::names(bool (*keep)(std::string_view name)) const {
  std::vector<std::string> out;
  // A descriptor of its own: readdir moves the offset it shares with dup()s.
  int fd = ::openat(fd_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR* d = fd >= 0 ? ::fdopendir(fd) : nullptr;
  if (!d) {
    if (fd >= 0) ::close(fd);
    throw IoError(sys_error("cannot list", shown()));
  }
  while (dirent* e = ::readdir(d)) {
    std::string_view n = e->d_name;
    if (n == "." || n == "..") continue;
    if (!keep || keep(n)) out.emplace_back(n);
  }
  ::closedir(d);
  return out;
}

int Dir::open_file(const std::string& name, int flags, mode_t mode) const {
  return regular_or_throw(::openat(fd_, name.c_str(), flags | kSafeOpen, mode), shown(name));
}

std::string Dir::read(const std::string& name, size_t max_bytes) const {
  return read_all(open_file(name, O_RDONLY), max_bytes, shown(name));
}

void Dir::write(const std::string& name, std::string_view bytes, bool sync, mode_t new_mode) const {
  // The permissions stay those of the file replaced (a 0600 record stays
  // 0600). open() narrows them by the umask, so the temp file never allows
  // more than they do, and fchmod then sets them exactly.
  struct stat old;
  bool replacing = lstat(name, old) && S_ISREG(old.st_mode);
  mode_t mode = replacing ? old.st_mode & 07777 : new_mode;
  std::string tmp = "." + name + ".tmp-" + new_id();
  int fd = ::openat(fd_, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode & 0777);
  if (fd < 0) throw IoError(sys_error("cannot create", shown(tmp)));
  try {
    // Best effort: should the file system refuse, the file allows less, never more.
    if (replacing) (void)!::fchmod(fd, mode);
    write_all(fd, bytes, shown(tmp));
    if (sync && ::fsync(fd) != 0) throw IoError(sys_error("cannot sync", shown(tmp)));
  } catch (...) {
    ::close(fd);
    ::unlinkat(fd_, tmp.c_str(), 0);
    throw;
  }
  // close reports what the file system could not store after all (NFS, quotas).
  if (::close(fd) != 0 && errno != EINTR) {
    std::string msg = sys_error("cannot write", shown(tmp));
    ::unlinkat(fd_, tmp.c_str(), 0);
    throw IoError(msg);
  }
  if (::renameat(fd_, tmp.c_str(), fd_, name.c_str()) != 0) {
    std::string msg = sys_error("cannot rename into", shown(name));
    ::unlinkat(fd_, tmp.c_str(), 0);
    throw IoError(msg);
  }
  if (sync) this->sync();
}

bool Dir::remove(const std::string& name) const {
  if (::unlinkat(fd_, name.c_str(), 0) == 0) return true;
  if (errno == ENOENT) return false;
  throw IoError(sys_error("cannot remove", shown(name)));
}

void Dir::sync() const {
  if (::fsync(fd_) != 0)
    throw IoError(sys_error("I/O failure: cannot flush the folder", shown()) +
                  " (a disk or file-system error, not a problem with the data: the change may not be on disk)");
}

void write_file_atomic(const fs::path& path, std::string_view bytes, bool sync) {
  Dir::open(path.parent_path()).write(path.filename().string(), bytes, sync);
}

std::string read_file(const fs::path& path, size_t max_bytes, bool follow_links) {
  if (!follow_links)
    return read_all(regular_or_throw(::open(path.c_str(), O_RDONLY | kSafeOpen), path.string()), max_bytes,
                    path.string());
  // A user's file, which may be a pipe (/dev/fd/N): read as it comes.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(sys_error("cannot read", path.string()));
  return read_all(fd, max_bytes, path.string());
}

fs::path resolve_symlinks(const fs::path& path) {
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) return p;
    fs::path target = fs::read_symlink(p, ec);
    if (ec) return p;
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  throw Error(path.string() + ": too many levels of symbolic links");
}

bool is_temp_file_name(std::string_view name) {
  return !name.empty() && name[0] == '.' && name.find(".tmp-") != std::string_view::npos;
}

}  // namespace crm
