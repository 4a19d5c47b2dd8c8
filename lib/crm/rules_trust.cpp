#include "crm/rules_trust.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "crm/atomic_file.hpp"
#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

constexpr std::array<uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress(std::array<uint32_t, 8>& h, const unsigned char* block) {
  std::array<uint32_t, 64> w{};
  for (int i = 0; i < 16; ++i)
    w[i] = uint32_t(block[4 * i]) << 24 | uint32_t(block[4 * i + 1]) << 16 | uint32_t(block[4 * i + 2]) << 8 |
           uint32_t(block[4 * i + 3]);
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::array<uint32_t, 8> v = h;
  for (int i = 0; i < 64; ++i) {
    uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
    uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
    uint32_t t1 = v[7] + s1 + ch + kRound[i] + w[i];
    uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
    uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    uint32_t t2 = s0 + maj;
    v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
  }
  for (int i = 0; i < 8; ++i) h[i] += v[i];
}

// The store as the trust file names it: its absolute path, links resolved
// (the same store reached two ways is one).
std::string store_key(const Store& store) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(store.root()), ec);
  return (ec ? std::filesystem::absolute(store.root()) : p).string();
}

std::string read_trust() {
  std::ifstream in(trust_file(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  size_t full = bytes.size() / 64 * 64;
  for (size_t i = 0; i < full; i += 64) compress(h, reinterpret_cast<const unsigned char*>(bytes.data()) + i);
  // The tail, a 1 bit, zeros, and the length in bits (big-endian), in one or two blocks.
  std::vector<unsigned char> tail(bytes.begin() + static_cast<std::ptrdiff_t>(full), bytes.end());
  tail.push_back(0x80);
  while (tail.size() % 64 != 56) tail.push_back(0);
  uint64_t bits = static_cast<uint64_t>(bytes.size()) * 8;
  for (int i = 7; i >= 0; --i) tail.push_back(static_cast<unsigned char>(bits >> (8 * i)));
  for (size_t i = 0; i < tail.size(); i += 64) compress(h, tail.data() + i);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (uint32_t word : h)
    for (int shift = 28; shift >= 0; shift -= 4) out += hex[(word >> shift) & 0xf];
  return out;
}

std::filesystem::path trust_file() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && *state == '/') return std::filesystem::path(state) / "crm" / "trusted";
  const char* home = std::getenv("HOME");
  if (!home || !*home) throw UsageError("neither $XDG_STATE_HOME nor $HOME is set: nowhere to keep trust in rules");
  return std::filesystem::path(home) / ".local" / "state" / "crm" / "trusted";
}

std::string trust_digest(const Store& store, std::string_view rules_text) {
  // The rules file, then each file of the store it names by a relative path
  // (a script a `run` command calls: ./hooks/notify.sh), by its bytes: a
  // pull that changes the script is a change to what runs.
  std::string whole(rules_text);
  std::vector<std::string> named;
  std::string word;
  auto flush = [&] {
    if (word.find('/') != std::string::npos && word.front() != '/' && word.find("..") == std::string::npos &&
        std::find(named.begin(), named.end(), word) == named.end())
      named.push_back(word);
    word.clear();
  };
  for (char c : rules_text) {
    if (std::string_view(" \t\r\n\"'{}[],:;|&<>()`=").find(c) != std::string_view::npos)
      flush();
    else
      word += c;
  }
  flush();
  std::sort(named.begin(), named.end());
  std::string digest = sha256_hex(whole);
  bool any = false;
  for (const std::string& n : named) {
    std::filesystem::path p = store.root() / n;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(p, ec))) continue;
    std::ifstream in(p, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    whole += std::string("\0", 1) + n + std::string("\0", 1) + sha256_hex(bytes.str());
    any = true;
  }
  return any ? sha256_hex(whole) : digest;
}

bool rules_trusted(const Store& store, std::string_view rules_text) {
  std::string line = trust_digest(store, rules_text) + " " + store_key(store);
  for (const std::string& l : split(read_trust(), '\n'))
    if (l == line) return true;
  return false;
}

std::filesystem::path trust_rules(const Store& store, std::string_view rules_text) {
  std::string key = store_key(store);
  std::string out;
  for (const std::string& l : split(read_trust(), '\n'))
    if (l.size() > 65 && l.substr(65) != key) out += l + "\n";
  out += trust_digest(store, rules_text) + " " + key + "\n";
  std::filesystem::path file = trust_file();
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) throw Error("cannot make " + file.parent_path().string() + ": " + ec.message());
  write_file_atomic(file, out);
  return file;
}

}  // namespace crm
