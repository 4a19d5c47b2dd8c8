#include "crm/index.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <optional>
#include <thread>
#include <unordered_map>

#include "crm/atomic_file.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'C', 'R', 'M', 'I', 'D', 'X', '0', '1'};
// Bumped whenever the encoding or what a parse produces changes.
constexpr uint32_t kFormatVersion = 4;

using Stamp = FileStamp;

void put_u32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
void put_u64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }
// Lengths, counts, lines and columns are varints (7 bits a byte, low first):
// most take one byte, which keeps the cache of 100,000 records small.
void put_var(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}
void put_str(std::string& out, const std::string& s) {
  put_var(out, static_cast<uint32_t>(s.size()));
  out += s;
}

bool get_u32(const char*& p, const char* end, uint32_t& v) {
  if (end - p < 4) return false;
  std::memcpy(&v, p, 4);
  p += 4;
  return true;
}
bool get_u64(const char*& p, const char* end, uint64_t& v) {
  if (end - p < 8) return false;
  std::memcpy(&v, p, 8);
  p += 8;
  return true;
}
bool get_var(const char*& p, const char* end, uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (p >= end) return false;
    auto byte = static_cast<unsigned char>(*p++);
    if (shift == 28 && byte > 0x0f) return false;  // past 32 bits
    v |= static_cast<uint32_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}
bool get_str(const char*& p, const char* end, std::string& s) {
  uint32_t n;
  if (!get_var(p, end, n) || static_cast<size_t>(end - p) < n) return false;
  s.assign(p, n);
  p += n;
  return true;
}

struct CacheEntry {
  std::string_view name;  // inside the mapped cache file
  Stamp stamp;
  uint64_t valid_key = 0;      // the validity key it passed validation under, or 0
  const char* blob = nullptr;  // encoded node, inside the cache buffer
  const char* blob_end = nullptr;
};

// The cache file mapped read-only: decoding reads the page cache in place.
// Missing, a link or not a regular file: empty.
class MappedFile {
 public:
  MappedFile(const Dir& dir, const std::string& name) {
    if (!dir) return;
    int fd = -1;
    try {
      fd = dir.open_file(name, O_RDONLY);
    } catch (const Error&) {
      return;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* m = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (m != MAP_FAILED) {
        data_ = static_cast<const char*>(m);
        size_ = static_cast<size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return data_ ? std::string_view(data_, size_) : std::string_view(); }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// The cache's entries in name order, or empty when it is missing, corrupt or not ours.
std::vector<CacheEntry> read_cache(std::string_view buffer, uint64_t tag) {
  std::vector<CacheEntry> entries;
  const char* p = buffer.data();
  const char* end = p + buffer.size();
  if (buffer.size() < 24 || std::memcmp(p, kMagic, 8) != 0) return entries;
  p += 8;
  uint32_t version, count;
  uint64_t file_tag;
  if (!get_u32(p, end, version) || version != kFormatVersion || !get_u64(p, end, file_tag) || file_tag != tag ||
      !get_u32(p, end, count))
    return entries;
  entries.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    CacheEntry e;
    uint64_t mtime, ctime;
    uint32_t blob_len, name_len;
    if (!get_var(p, end, name_len) || static_cast<uint32_t>(end - p) < name_len) {
      entries.clear();
      return entries;
    }
    e.name = std::string_view(p, name_len);
    p += name_len;
    if (!get_u64(p, end, e.stamp.size) || !get_u64(p, end, e.stamp.ino) || !get_u64(p, end, mtime) ||
        !get_u64(p, end, ctime) || !get_u64(p, end, e.valid_key) || !get_var(p, end, blob_len) ||
        static_cast<size_t>(end - p) < blob_len) {
      entries.clear();  // truncated or corrupt: start again
      return entries;
    }
    e.stamp.mtime_ns = static_cast<int64_t>(mtime);
    e.stamp.ctime_ns = static_cast<int64_t>(ctime);
    e.blob = p;
    e.blob_end = p + blob_len;
    p += blob_len;
    if (!entries.empty() && !(entries.back().name < e.name)) {  // written in name order
      entries.clear();
      return entries;
    }
    entries.push_back(e);
  }
  if (p != end) entries.clear();  // bytes after the last entry: not a cache we wrote
  return entries;
}

struct Parsed {
  bool ok = false;
  std::string blob;        // the encoded node: 100,000 parsed files kept as Nodes would take gigabytes
  std::string error_kind;  // "invalid" or "conflict"
  InvalidData invalid{Location{}, ""};
  std::string conflict;
};

Parsed parse_file(const Dir& dir, const std::string& name, const std::string& rel) {
  Parsed out;
  try {
    encode_node(parse_yaml(dir.read(name, kMaxRecordBytes + 1), rel), out.blob);
    out.ok = true;
  } catch (const InvalidData& e) {
    Location where = e.where();
    where.file = rel;
    out.invalid = InvalidData(where, e.message());
    out.error_kind = "invalid";
  } catch (const Conflict& e) {
    out.conflict = e.what();
    out.error_kind = "conflict";
  } catch (const Error& e) {
    out.invalid = InvalidData(Location{rel, 0, 0, ""}, e.what());
    out.error_kind = "invalid";
  }
  return out;
}

}  // namespace

long index_entry_count(std::string_view bytes, uint64_t tag) {
  std::vector<CacheEntry> entries = read_cache(bytes, tag);
  if (entries.empty()) return -1;
  for (const CacheEntry& e : entries) {
    const char* p = e.blob;
    Node n;
    if (!decode_node(p, e.blob_end, n) || p != e.blob_end) return -1;
  }
  return static_cast<long>(entries.size());
}

uint64_t cache_tag(const fs::path& root) {
  char host[256] = {0};
  ::gethostname(host, sizeof host - 1);
  struct stat st {};
  ::stat(root.c_str(), &st);
  return fnv1a(std::string(host) + "\n" + root.string() + "\n" + std::to_string(st.st_dev));
}

bool is_record_file_name(std::string_view name) { return !name.empty() && name[0] != '.' && ends_with(name, ".yaml"); }

std::string record_file_problem(mode_t mode) {
  if (S_ISLNK(mode)) return "is a symbolic link; records must be regular files";
  if (!S_ISREG(mode)) return "is not a regular file";
  return "";
}

uint64_t fnv1a(std::string_view text, uint64_t h) {
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  return h;
}

void encode_node(const Node& n, std::string& out) {
  out += static_cast<char>(n.kind);
  put_var(out, static_cast<uint32_t>(n.line));
  put_var(out, static_cast<uint32_t>(n.column));
  switch (n.kind) {
    case Node::Kind::Null:
      break;
    case Node::Kind::Scalar:
      out += static_cast<char>(n.plain ? 1 : 0);
      put_str(out, n.text);
      break;
    case Node::Kind::Sequence:
      put_var(out, static_cast<uint32_t>(n.items.size()));
      for (const Node& i : n.items) encode_node(i, out);
      break;
    case Node::Kind::Map:
      put_var(out, static_cast<uint32_t>(n.entries.size()));
      for (const auto& [k, v] : n.entries) {
        put_str(out, k);
        // The value's length first: a reader that wants other keys skips it.
        // One byte is kept for it; a longer length moves the value along.
        size_t at = out.size();
        out += '\0';
        encode_node(v, out);
        auto len = static_cast<uint32_t>(out.size() - at - 1);
        std::string var;
        put_var(var, len);
        out.replace(at, 1, var);
      }
      break;
  }
}

namespace {
// Deeper than any record the YAML reader accepts: corrupt bytes cannot
// recurse without end.
constexpr int kMaxDecodeDepth = 256;
bool decode_at(const char*& p, const char* end, Node& out, int depth);
}  // namespace

bool decode_node(const char*& p, const char* end, Node& out) { return decode_at(p, end, out, 0); }

namespace {
bool decode_at(const char*& p, const char* end, Node& out, int depth) {
  if (p >= end || depth > kMaxDecodeDepth) return false;
  auto kind = static_cast<Node::Kind>(*p++);
  uint32_t line, column;
  if (!get_var(p, end, line) || !get_var(p, end, column)) return false;
  out.kind = kind;
  out.line = static_cast<int>(line);
  out.column = static_cast<int>(column);
  switch (kind) {
    case Node::Kind::Null:
      return true;
    case Node::Kind::Scalar:
      if (p >= end) return false;
      out.plain = *p++ != 0;
      return get_str(p, end, out.text);
    case Node::Kind::Sequence: {
      uint32_t n;
      // Each item takes 3 bytes at least; memory grows with what decodes, so
      // a corrupt count cannot ask for gigabytes.
      if (!get_var(p, end, n) || n > static_cast<uint32_t>(end - p) / 3) return false;
      out.items.reserve(std::min<uint32_t>(n, 64));
      for (uint32_t k = 0; k < n; ++k) {
        out.items.emplace_back();
        if (!decode_at(p, end, out.items.back(), depth + 1)) return false;
      }
      return true;
    }
    case Node::Kind::Map: {
      uint32_t n, len;
      if (!get_var(p, end, n) || n > static_cast<uint32_t>(end - p) / 5) return false;
      out.entries.reserve(std::min<uint32_t>(n, 64));
      for (uint32_t k = 0; k < n; ++k) {
        out.entries.emplace_back();
        auto& [key, v] = out.entries.back();
        if (!get_str(p, end, key) || !get_var(p, end, len) || static_cast<uint32_t>(end - p) < len) return false;
        const char* value_end = p + len;
        if (!decode_at(p, value_end, v, depth + 1) || p != value_end) return false;
      }
      return true;
    }
  }
  return false;
}
}  // namespace

bool decode_fields(const char*& p, const char* end, const std::vector<std::string>& keys, Node& out) {
  if (p >= end || static_cast<Node::Kind>(*p) != Node::Kind::Map) return decode_node(p, end, out);
  ++p;
  uint32_t line, column, n, len;
  if (!get_var(p, end, line) || !get_var(p, end, column) || !get_var(p, end, n)) return false;
  out = Node::map();
  out.line = static_cast<int>(line);
  out.column = static_cast<int>(column);
  // One pass finds the fields kept (their bytes), so that the map is made
  // at its size: no field is decoded that is not asked for.
  struct Kept {
    std::string_view key;
    const char* value;
    const char* value_end;
  };
  thread_local std::vector<Kept> kept;
  kept.clear();
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t key_len;
    if (!get_var(p, end, key_len) || static_cast<uint32_t>(end - p) < key_len) return false;
    std::string_view key(p, key_len);
    p += key_len;
    if (!get_var(p, end, len) || static_cast<uint32_t>(end - p) < len) return false;
    for (const std::string& k : keys)
      if (k.size() == key.size() &&
          (key.empty() || (k[0] == key[0] && std::memcmp(k.data(), key.data(), key.size()) == 0))) {
        kept.push_back(Kept{key, p, p + len});
        break;
      }
    p += len;
  }
  out.entries.reserve(kept.size());
  for (const Kept& k : kept) {
    out.entries.emplace_back(std::string(k.key), Node());
    const char* q = k.value;
    if (!decode_node(q, k.value_end, out.entries.back().second) || q != k.value_end) return false;
  }
  return true;
}

FolderScan scan_folder(const Dir& dir, const std::string& folder) {
  FolderScan scan;
  if (!dir) return scan;
  std::vector<std::string> files = dir.names(is_record_file_name);
  std::sort(files.begin(), files.end());
  // The lstat each file gets anyway says what it is: a link or a FIFO is
  // reported from it, never opened (opening a FIFO would wait for a writer).
  // Many files: two threads, as the stat pass is most of a warm command.
  std::vector<struct stat> stats(files.size());
  std::vector<char> found(files.size(), 0);
  auto work = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) found[i] = dir.lstat(files[i], stats[i]) ? 1 : 0;
  };
  if (files.size() >= 1024) {
    std::thread other(work, files.size() / 2, files.size());
    work(0, files.size() / 2);
    other.join();
  } else {
    work(0, files.size());
  }
  scan.files.reserve(files.size());
  scan.names.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    std::string name = files[i].substr(0, files[i].size() - 5);
    scan.names.push_back(name);
    if (!found[i]) continue;
    const struct stat& st = stats[i];
    if (std::string problem = record_file_problem(st.st_mode); !problem.empty()) {
      scan.errors.push_back(InvalidData(Location{folder + "/" + files[i], 0, 0, ""}, problem));
      continue;
    }
    scan.files.push_back(FolderScan::File{
        std::move(name), Stamp{static_cast<uint64_t>(st.st_size), static_cast<uint64_t>(st.st_ino),
                               static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                               static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec}});
  }
  return scan;
}

FolderLoad load_folder(const FolderScan& scan, const Dir& dir, const std::string& folder, const Dir& crm_dir,
                       uint64_t tag, uint64_t validity_key, const Validator& validate,
                       const std::vector<std::string>* only, const Prefilter* prefilter) {
  FolderLoad result;
  if (!dir) return result;
  const std::vector<FolderScan::File>& entries = scan.files;
  result.errors = scan.errors;

  // The cache folder, never through a link; none (and no cache) when it is
  // missing or not a plain folder. A missing or unreadable cache maps as
  // empty and is rebuilt below.
  bool use_cache = static_cast<bool>(crm_dir);
  Dir cache_dir;
  if (use_cache) {
    try {
      cache_dir = crm_dir.sub("cache");
    } catch (const Error&) {
      use_cache = false;
    }
  }
  std::string cache_name = folder + ".idx";
  std::optional<MappedFile> mapped;
  std::vector<CacheEntry> cache;
  if (use_cache) {
    mapped.emplace(cache_dir, cache_name);
    cache = read_cache(mapped->bytes(), tag);
  }
  // Both lists are in name order: walk them together.
  size_t next_cached = 0;
  auto cached_entry = [&](const std::string& name) -> const CacheEntry* {
    while (next_cached < cache.size() && cache[next_cached].name < name) ++next_cached;
    return next_cached < cache.size() && cache[next_cached].name == name ? &cache[next_cached] : nullptr;
  };
  std::vector<const CacheEntry*> matched(entries.size(), nullptr);

  result.files.resize(entries.size());
  std::vector<char> have(entries.size(), 0);
  std::vector<size_t> to_parse;
  bool cache_changed = cache.size() != entries.size();
  for (size_t i = 0; i < entries.size(); ++i) {
    result.files[i].name = entries[i].name;
    const CacheEntry* c = use_cache ? cached_entry(entries[i].name) : nullptr;
    if (c && c->stamp == entries[i].stamp) {
      const char* p = c->blob;
      bool tested = false;  // kept by the prefilter already
      if (prefilter && c->valid_key == validity_key) {
        // Test a record known valid on its filter fields alone; decode the
        // rest only when it is kept.
        Node probe;
        if (decode_fields(p, c->blob_end, prefilter->fields, probe) && p == c->blob_end &&
            !prefilter->keep(entries[i].name, probe)) {
          have[i] = 2;  // cached, not returned
          matched[i] = c;
          result.files[i].valid = true;
          ++result.dropped;
          continue;
        }
        tested = p == c->blob_end;
        p = c->blob;
      }
      // A record known valid may be decoded in part: only the fields asked for.
      bool partial = only && c->valid_key == validity_key;
      bool decoded = partial ? decode_fields(p, c->blob_end, *only, result.files[i].data)
                             : decode_node(p, c->blob_end, result.files[i].data);
      if (decoded && p == c->blob_end) {
        have[i] = 1;
        matched[i] = c;
        if (c->valid_key == validity_key) {
          result.files[i].valid = true;
        } else {
          result.files[i].valid = validate(entries[i].name, result.files[i].data);
          cache_changed = cache_changed || result.files[i].valid;
        }
        // (A record decoded in part may lack the prefilter's fields: it was tested above.)
        if (prefilter && !tested && result.files[i].valid && !prefilter->keep(entries[i].name, result.files[i].data)) {
          have[i] = 2;
          ++result.dropped;
        }
        continue;
      }
    }
    cache_changed = true;
    to_parse.push_back(i);
  }

  // Changed and new files are parsed on every core: a cold build of 100,000
  // files is mostly YAML parsing.
  std::vector<Parsed> parsed(to_parse.size());
  auto work = [&](size_t from, size_t step) {
    for (size_t k = from; k < to_parse.size(); k += step) {
      const FolderScan::File& e = entries[to_parse[k]];
      std::string rel = folder + "/" + e.name + ".yaml";
      parsed[k] = parse_file(dir, e.name + ".yaml", rel);
    }
  };
  size_t threads = to_parse.size() > 256 ? std::max(1u, std::thread::hardware_concurrency()) : 1;
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work, t, threads);
  work(0, threads);
  for (std::thread& t : pool) t.join();
  result.parsed = to_parse.size();
  std::vector<const std::string*> fresh_blob(entries.size(), nullptr);
  for (size_t k = 0; k < to_parse.size(); ++k) {
    size_t i = to_parse[k];
    if (parsed[k].ok) {
      // Decoded again from its encoding (which is exact), then treated as a
      // cache hit: validated whole, then tested and decoded in part.
      const std::string& blob = parsed[k].blob;
      fresh_blob[i] = &blob;
      const char* p = blob.data();
      Node whole;
      if (!decode_node(p, blob.data() + blob.size(), whole)) continue;  // cannot happen: it was just encoded
      IndexedFile& file = result.files[i];
      file.valid = validate(entries[i].name, whole);
      have[i] = 1;
      if (file.valid && prefilter && !prefilter->keep(entries[i].name, whole)) {
        have[i] = 2;
        ++result.dropped;
        continue;
      }
      p = blob.data();
      if (file.valid && only && decode_fields(p, blob.data() + blob.size(), *only, file.data)) continue;
      file.data = std::move(whole);
    } else if (parsed[k].error_kind == "conflict") {
      result.conflicts.push_back(parsed[k].conflict);
    } else {
      result.errors.push_back(parsed[k].invalid);
    }
  }

  if (use_cache && cache_changed) {
    // Files changed in the last 100 ms are left out: a write in the same
    // timestamp tick as this stat would otherwise go unseen ("racy" entries, as
    // git); file timestamps move in ticks of a few milliseconds.
    int64_t now_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    auto racy = [&](size_t i) {
      return now_ns - entries[i].stamp.mtime_ns < 100000000LL || now_ns - entries[i].stamp.ctime_ns < 100000000LL;
    };
    auto blob_of = [&](size_t i) {
      // unchanged: its bytes as they were (the node may have been decoded in part)
      if (fresh_blob[i]) return std::string_view(*fresh_blob[i]);
      return std::string_view(matched[i]->blob, static_cast<size_t>(matched[i]->blob_end - matched[i]->blob));
    };
    // Sized first: the cache of 100,000 contacts is tens of megabytes.
    size_t total = 24;
    for (size_t i = 0; i < entries.size(); ++i)
      if (have[i] && !racy(i)) total += 5 + entries[i].name.size() + 5 * 8 + 5 + blob_of(i).size();
    std::string out;
    out.reserve(total);
    out.append(kMagic, 8);
    put_u32(out, kFormatVersion);
    put_u64(out, tag);
    size_t count_pos = out.size();
    put_u32(out, 0);
    uint32_t count = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (!have[i] || racy(i)) continue;
      put_str(out, entries[i].name);
      put_u64(out, entries[i].stamp.size);
      put_u64(out, entries[i].stamp.ino);
      put_u64(out, static_cast<uint64_t>(entries[i].stamp.mtime_ns));
      put_u64(out, static_cast<uint64_t>(entries[i].stamp.ctime_ns));
      put_u64(out, result.files[i].valid ? validity_key : 0);
      std::string_view blob = blob_of(i);
      put_var(out, static_cast<uint32_t>(blob.size()));
      out.append(blob.data(), blob.size());
      ++count;
    }
    std::memcpy(&out[count_pos], &count, 4);
    try {
      if (!cache_dir) cache_dir = crm_dir.sub("cache", /*create=*/true);
      cache_dir.write(cache_name, out, /*sync=*/false);
    } catch (const std::exception&) {
      // A read-only store still works, only slower.
    }
  }

  // Keep only what parsed, in name order.
  std::vector<IndexedFile> good;
  good.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i)
    if (have[i] == 1) good.push_back(std::move(result.files[i]));
  result.files = std::move(good);
  return result;
}

}  // namespace crm
