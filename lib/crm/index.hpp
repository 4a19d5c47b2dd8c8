// The derived index under .crm/cache/: the parsed form of every record file,
// keyed by the file's name, size, mtime, ctime and inode. It is never the
// truth: each use checks every entry against its file (one stat each),
// re-reads only files that changed, drops entries whose file is gone, and is
// rebuilt silently when missing, corrupt, of another version or made on
// another machine. Reading 100,000 records from it costs a stat and a decode
// each instead of a YAML parse (~70 µs).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/atomic_file.hpp"
#include "crm/error.hpp"
#include "crm/node.hpp"

namespace crm {

struct IndexedFile {
  std::string name;    // "<id>" without ".yaml"
  Node data;           // the parsed file
  bool valid = false;  // known to pass validation under the caller's validity key
};

// Says whether a parsed file is a valid record (its errors are reported elsewhere).
using Validator = std::function<bool(const std::string& name, const Node& data)>;

// What identifies one state of a file: when any part moves, its cache entry
// is stale (a hand edit keeping size and mtime still moves the ctime; git's
// checkout makes a new inode).
struct FileStamp {
  uint64_t size = 0, ino = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp& o) const {
    return size == o.size && ino == o.ino && mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns;
  }
};

// One look at a folder: a readdir and an lstat of each record file (spread
// over two threads when there are many). A command reading a folder several
// times (a list, then its ids for short prefixes; the 360° view, then the
// names of what it shows) shares one.
struct FolderScan {
  struct File {
    std::string name;  // "<id>" without ".yaml"
    FileStamp stamp;
  };
  std::vector<File> files;          // the regular record files, by name
  std::vector<std::string> names;   // every record file name without ".yaml", by name
  std::vector<InvalidData> errors;  // links, FIFOs, folders named like records
};
FolderScan scan_folder(const Dir& dir, const std::string& folder);

// Records a caller wants, tested before the rest is decoded: `keep` sees the
// record's `fields` alone (or the whole record, when it was just parsed).
// Records it rejects are neither decoded further nor returned, but stay in
// the cache. Records that fail validation are always returned (their errors
// are reported).
struct Prefilter {
  std::vector<std::string> fields;
  std::function<bool(const std::string& name, Node& data)> keep;  // may move from `data` and back
};

struct FolderLoad {
  std::vector<IndexedFile> files;      // parsed, by name
  std::vector<InvalidData> errors;     // files that do not parse (never cached)
  std::vector<std::string> conflicts;  // files with conflict markers
  size_t parsed = 0;                   // files read and parsed (not from the cache)
  size_t dropped = 0;                  // valid records the prefilter rejected
};

// Loads every "<name>.yaml" of `dir` (as `scan` found them), the store
// folder `folder`, through the cache file `cache/<folder>.idx` in `crm_dir`
// (the store's .crm), which it updates when it changed. An empty `crm_dir`
// reads every file (and writes no cache). `tag` is cache_tag() of the store:
// a cache made elsewhere is rebuilt.
// Validity is cached too: an entry validated under `validity_key` (a hash of
// the schemas and the config) is not validated again while that key holds.
// `only`: the top-level fields the caller needs (nullptr: all). Records known
// valid are then decoded in part, which is what makes a list of 100,000 fast;
// others come whole. `prefilter`: see Prefilter.
FolderLoad load_folder(const FolderScan& scan, const Dir& dir, const std::string& folder, const Dir& crm_dir,
                       uint64_t tag, uint64_t validity_key, const Validator& validate,
                       const std::vector<std::string>* only = nullptr, const Prefilter* prefilter = nullptr);

// What ties a cache to one store on one machine: the host, the store's path
// and its device.
uint64_t cache_tag(const std::filesystem::path& root);

// A name load_folder reads: "<name>.yaml", not hidden (temp files are).
bool is_record_file_name(std::string_view name);

// Why a record file of this mode (from lstat) cannot be read, or "" when it
// can: records are regular files, never symbolic links, FIFOs or folders.
std::string record_file_problem(mode_t mode);

// FNV-1a, for keys that tie cached state to what it was derived from.
uint64_t fnv1a(std::string_view text, uint64_t seed = 1469598103934665603ULL);

// The entries of a cache file's bytes made for `tag`, each decoded, or -1
// when it is none (empty, truncated or corrupt at any byte, another
// version or store): such a cache is rebuilt. For tests and the fuzz target.
long index_entry_count(std::string_view bytes, uint64_t tag);

// Binary encoding of a Node, used by the index (exposed for tests).
void encode_node(const Node& n, std::string& out);
bool decode_node(const char*& p, const char* end, Node& out);
// Decodes a map keeping only `keys` (values of other keys are skipped unread).
bool decode_fields(const char*& p, const char* end, const std::vector<std::string>& keys, Node& out);

}  // namespace crm
