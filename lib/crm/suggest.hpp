// "Did you mean": the names closest to a word a user typed, for errors about
// unknown commands, options, fields, enum values, stages and reports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crm {

// Edit distance with transpositions (optimal string alignment), on bytes,
// case-insensitive for ASCII.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidates close enough to `word` to be what was meant, best first: a
// few edits away for the word's length (1 for up to 4 characters, 2 up to 8,
// 3 beyond), or the only candidates it is a prefix of. At most `max`.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, size_t max = 3);

// `; did you mean "x"?` / `; did you mean "x" or "y"?`, or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace crm
