// Files that are either absent, old or new — never half written — and
// folders whose files are reached without ever following a symbolic link.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

// A folder held open (close-on-exec). Every name given to its methods is one
// path component, reached relative to the folder (openat & co.) without
// following a symbolic link: nothing read, written or removed through a Dir
// lands outside it, whatever links a git clone put in it.
class Dir {
 public:
  Dir() = default;
  ~Dir();
  Dir(Dir&& other) noexcept;
  Dir& operator=(Dir&& other) noexcept;
  Dir(const Dir&) = delete;
  Dir& operator=(const Dir&) = delete;

  // The folder at `path`, links in it followed (whoever named it chose it).
  // Messages name its files "<shown>/<name>" ("<name>" when `shown` is empty).
  // Throws Error when it cannot be opened.
  static Dir open(const std::filesystem::path& path, std::string shown);
  static Dir open(const std::filesystem::path& path) { return open(path, path.string()); }

  // The folder `name` in this one, made first when `create`; an empty Dir
  // when there is none. Throws InvalidData when `name` is a symbolic link or
  // not a folder.
  Dir sub(const std::string& name, bool create = false) const;

  explicit operator bool() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  // How messages name `name` in this folder (the folder itself when empty).
  std::string shown(std::string_view name = {}) const;

  // What `name` is, without following a link; false when it is absent.
  bool lstat(const std::string& name, struct stat& st) const;
  // The names in the folder (. and .. left out), in no particular order;
  // only those `keep` accepts when given.
  std::vector<std::string> names(bool (*keep)(std::string_view name) = nullptr) const;
  // Opens the regular file `name` with `flags` (O_CREAT makes it, with
  // `mode`): never through a link, never waiting on a FIFO. Returns the file
  // descriptor; throws InvalidData when `name` is a link or not a regular
  // file, Error when it cannot be opened.
  int open_file(const std::string& name, int flags, mode_t mode = 0644) const;
  // The whole regular file `name`; reading stops past `max_bytes` (the caller
  // reports the size). Throws as open_file, or Error when it cannot be read.
  std::string read(const std::string& name, size_t max_bytes = static_cast<size_t>(-1)) const;
  // Replaces `name` atomically: a temp file ".<name>.tmp-…" fsynced, renamed
  // over it, then the folder fsynced. The file keeps the permissions of the
  // one it replaces; a new one gets `new_mode` (less the umask). A link at
  // `name` is replaced, never followed. `sync` false skips both fsyncs: for
  // derived files (the cache) that may be lost.
  void write(const std::string& name, std::string_view bytes, bool sync = true, mode_t new_mode = 0644) const;
  // Unlinks `name` (a link itself, never what it points to); false when it
  // was absent.
  bool remove(const std::string& name) const;
  // fsync of the folder, so that what was renamed or unlinked in it is on
  // disk. Throws Error, worded as the I/O failure it is, when it fails.
  void sync() const;

 private:
  int fd_ = -1;
  std::string shown_;
};

// write_file_atomic for any path: Dir::open(its folder).write(its name).
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes, bool sync = true);

// The whole file; throws crm::Error naming the file when it cannot be read.
// With follow_links false (files in a store) it must be a regular file and
// not a symbolic link, and a FIFO is refused rather than waited on.
std::string read_file(const std::filesystem::path& path, size_t max_bytes = static_cast<size_t>(-1),
                      bool follow_links = false);

// `path` with the symbolic links of its last component followed to what they
// name (which may not exist yet): where a user's output file really is.
std::filesystem::path resolve_symlinks(const std::filesystem::path& path);

// True for the temp files write_file_atomic leaves behind when killed.
bool is_temp_file_name(std::string_view name);

}  // namespace crm
