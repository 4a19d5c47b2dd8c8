// Record ids: made with no coordination between clones, short to type.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crm {

// 16 characters of lowercase Crockford base32 from the OS's random source:
// a letter first (never a digit or '-', so never read as a number or an
// option), 79 random bits in all — collisions between clones are negligible.
std::string new_id();

// An id made from `seed` alone, in the same alphabet and shape as new_id():
// what an operation creates gets the same id whenever and wherever it runs
// (the next occurrence of a task, the deal a lead converts to), so a re-run
// after an interruption — or the same operation in another clone — finds the
// record instead of making a second one. Seeds name their purpose
// ("task-next:<id>:<due>"): 79 bits of two independent 64-bit hashes.
std::string derived_id(std::string_view seed);

// For each id, its shortest prefix (at least `min_len` characters) that no
// other id in `ids` shares.
std::unordered_map<std::string, std::string> unique_prefixes(std::vector<std::string> ids, size_t min_len = 4);
// The same for the ids in `wanted` alone (a listing shows a few of 100,000).
std::unordered_map<std::string, std::string> unique_prefixes(std::vector<std::string> ids,
                                                             const std::vector<std::string>& wanted,
                                                             size_t min_len = 4);

}  // namespace crm
