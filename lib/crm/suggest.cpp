#include "crm/suggest.hpp"

#include <algorithm>

namespace crm {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  // Rows of the dynamic programme: two back for transpositions.
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, size_t max) {
  if (word.empty()) return {};
  size_t allowed = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  std::vector<std::pair<size_t, std::string>> scored;
  std::vector<std::string> prefixed;
  for (const std::string& c : candidates) {
    if (c.size() > word.size() &&
        std::equal(word.begin(), word.end(), c.begin(), [](char x, char y) { return lower(x) == lower(y); }))
      prefixed.push_back(c);
    size_t d = edit_distance(word, c);
    if (d <= allowed && d < std::max(word.size(), c.size())) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, c] : scored)
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  if (out.empty() && !prefixed.empty() && prefixed.size() <= max) out = prefixed;
  if (out.size() > max) out.resize(max);
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string> near = closest(word, candidates);
  if (near.empty()) return "";
  std::string out = "; did you mean ";
  for (size_t i = 0; i < near.size(); ++i) {
    if (i > 0) out += i + 1 == near.size() ? " or " : ", ";
    out += "\"" + near[i] + "\"";
  }
  return out + "?";
}

}  // namespace crm
