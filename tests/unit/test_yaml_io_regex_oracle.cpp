// The hand-written matcher of plain_resolves_to_non_string against the
// std::regex it replaced (kept here only, as the oracle; lib/ and cmd/ have no
// std::regex: tests/style/check_no_regex.sh). Short strings over the
// characters the grammar cares about, from a fixed seed.
#include <doctest/doctest.h>

#include <cstdint>
#include <regex>
#include <string>

#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace {

bool oracle(const std::string& s) {
  static const char* const kWords[] = {"",  "~", "null", "true", "false", "yes",   "no",    "on",  "off",
                                       "y", "n", "=",    "<<",   ".inf",  "+.inf", "-.inf", ".nan"};
  std::string lower = crm::to_lower(s);
  for (const char* w : kWords)
    if (lower == w) return true;
  char c = s.empty() ? 0 : s[0];
  if (!(c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'))) return false;
  static const std::regex kNumeric(
      "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*|[1-9][0-9_]*(:[0-5]?[0-9])+)"
      "|[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?"
      "|[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)"
      "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
      "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
  return std::regex_match(s.begin(), s.end(), kNumeric);
}

}  // namespace

TEST_CASE("yaml_io plain_resolves_to_non_string agrees with the regex it replaced") {
  static const char kAlphabet[] = "0123456789_-+.:eExXbBoOaAfFgtT \n\rZ~y";
  const size_t alphabet = sizeof kAlphabet - 1;
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  // Seeds that reach the timestamp and sexagesimal branches often.
  static const char* const kPrefixes[] = {"",      "",   "",   "2026-11-2", "2026-1-", "12:3",
                                          "1:59:", "-0", "0x", "0b",        "1.",      "."};
  int agreed = 0;
  for (int n = 0; n < 200000; ++n) {
    std::string s = kPrefixes[next() % (sizeof kPrefixes / sizeof *kPrefixes)];
    size_t len = next() % 9;
    for (size_t i = 0; i < len; ++i) s += kAlphabet[next() % alphabet];
    bool expected = oracle(s);
    if (crm::plain_resolves_to_non_string(s) != expected) {
      CAPTURE(s);
      CHECK(crm::plain_resolves_to_non_string(s) == expected);
    } else {
      ++agreed;
    }
  }
  CHECK(agreed == 200000);
}
