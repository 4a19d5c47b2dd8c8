// Files that are either absent, old or new — never half written.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace crm {

// Writes `bytes` to a temp file in the same directory (".<name>.tmp-…"),
// fsyncs it, renames it over `path` and fsyncs the directory. Throws IoError
// (disk full, I/O error, permission) naming the file.
// `sync` false skips the fsyncs: for derived files (the cache) that may be lost.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes, bool sync = true);

// The whole file; throws IoError naming the file when it cannot be read.
// Record files are read with follow_links false: a symlink is an error.
std::string read_file(const std::filesystem::path& path, size_t max_bytes = static_cast<size_t>(-1),
                      bool follow_links = false);

// True for the temp files write_file_atomic leaves behind when killed.
bool is_temp_file_name(std::string_view name);

}  // namespace crm
