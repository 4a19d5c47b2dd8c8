#include "crm/ids.hpp"

#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <stdexcept>

#include "crm/error.hpp"

namespace crm {

namespace {
constexpr std::string_view kDigits = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford: no i, l, o, u
constexpr std::string_view kLetters = "abcdefghjkmnpqrstvwxyz";
constexpr size_t kIdLength = 16;
}  // namespace

std::string new_id() {
  unsigned char bytes[kIdLength];
  size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error("cannot read random bytes for a new id");
    }
    got += static_cast<size_t>(n);
  }
  std::string id;
  // 256 is not a multiple of 22: the first letter is very slightly biased, the
  // other 15 characters (75 bits) are uniform.
  id += kLetters[bytes[0] % kLetters.size()];
  for (size_t i = 1; i < kIdLength; ++i) id += kDigits[bytes[i] & 31];
  return id;
}

namespace {

// FNV-1a over the bytes, then a 64-bit finaliser (splitmix64's) so that every
// input bit reaches every output bit.
uint64_t hash64(std::string_view s, uint64_t basis) {
  uint64_t h = basis;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

}  // namespace

std::string derived_id(std::string_view seed) {
  uint64_t a = hash64(seed, 0xcbf29ce484222325ULL), b = hash64(seed, 0x84222325cbf29ce4ULL);
  std::string id;
  id += kLetters[(a >> 59) % kLetters.size()];  // 5 bits → 22 letters
  for (size_t i = 1; i < kIdLength; ++i) {
    uint64_t& word = i < 9 ? a : b;
    id += kDigits[word & 31];
    word >>= 5;
  }
  return id;
}

std::unordered_map<std::string, std::string> unique_prefixes(std::vector<std::string> ids, size_t min_len) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto common = [](const std::string& a, const std::string& b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
  };
  std::unordered_map<std::string, std::string> out;
  for (size_t i = 0; i < ids.size(); ++i) {
    size_t need = min_len;
    if (i > 0) need = std::max(need, common(ids[i], ids[i - 1]) + 1);
    if (i + 1 < ids.size()) need = std::max(need, common(ids[i], ids[i + 1]) + 1);
    out[ids[i]] = ids[i].substr(0, std::min(need, ids[i].size()));
  }
  return out;
}

std::unordered_map<std::string, std::string> unique_prefixes(std::vector<std::string> ids,
                                                             const std::vector<std::string>& wanted, size_t min_len) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto common = [](const std::string& a, const std::string& b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
  };
  std::unordered_map<std::string, std::string> out;
  for (const std::string& id : wanted) {
    auto at = std::lower_bound(ids.begin(), ids.end(), id);
    if (at == ids.end() || *at != id) continue;
    size_t i = static_cast<size_t>(at - ids.begin());
    size_t need = min_len;
    if (i > 0) need = std::max(need, common(ids[i], ids[i - 1]) + 1);
    if (i + 1 < ids.size()) need = std::max(need, common(ids[i], ids[i + 1]) + 1);
    out[id] = id.substr(0, std::min(need, id.size()));
  }
  return out;
}

}  // namespace crm
