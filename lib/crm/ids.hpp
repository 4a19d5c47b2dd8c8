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

// For each id, its shortest prefix (at least `min_len` characters) that no
// other id in `ids` shares.
std::unordered_map<std::string, std::string> unique_prefixes(std::vector<std::string> ids, size_t min_len = 4);

}  // namespace crm
