// Minimal JSON writing: string escaping and number checks. Records go out as
// JSON through record.hpp; money stays exact because numbers are written as
// their decimal text, never through a double.
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
// An untyped node as JSON: plain scalars that look like numbers, booleans or
// null become those; everything else is a string.
std::string json_of_untyped(const Node& n);

}  // namespace crm
