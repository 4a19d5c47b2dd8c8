// The two JSON primitives table.cpp's writer uses: a string literal as crm
// escapes it, and whether a text is a JSON number as written. JSON documents
// are nlohmann-json trees (table.hpp), never concatenated strings.
#pragma once

#include <string>
#include <string_view>

#include "crm/node.hpp"

namespace crm {

// A JSON string literal, quotes included. Non-ASCII stays UTF-8; control
// characters and U+2028/U+2029 are escaped.
std::string json_string(std::string_view s);
// True when `s` is a JSON number as written.
bool is_json_number(std::string_view s);

}  // namespace crm
