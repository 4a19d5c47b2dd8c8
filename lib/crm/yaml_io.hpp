// Strict YAML reading into crm::Node and canonical YAML writing from it.
//
// The reader accepts only what a record needs: one document, no anchors,
// aliases or tags, no duplicate keys, valid UTF-8 without NUL, a capped size.
// Git conflict markers are reported as a Conflict, not a parse error.
//
// The writer never goes through YAML::Emitter (its quoting loses data, see
// docs): a scalar is plain only when every YAML 1.1/1.2 reader would read it
// back as the same string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "crm/node.hpp"

namespace crm {

constexpr size_t kMaxRecordBytes = 1 << 20;  // 1 MiB: far above any real record
constexpr int kMaxDepth = 32;

// Parses one YAML document. `source` names the file in errors. Throws
// InvalidData (with line/column) or Conflict (git conflict markers).
Node parse_yaml(std::string_view text, const std::string& source, size_t max_bytes = kMaxRecordBytes);

// Line of the first git conflict marker, or 0.
int find_conflict_marker(std::string_view text);

// True when `s` can stand as a plain scalar at all (whatever type it then reads as).
bool plain_is_safe_syntax(std::string_view s);
// True when `s` may be written as a plain scalar and read back as this string.
bool plain_is_safe(std::string_view s);
// True when the plain scalar `s` reads as something other than a string
// (null, bool, number, timestamp) under YAML 1.1 or 1.2.
bool plain_resolves_to_non_string(std::string_view s);

// The scalar as it is written after "key: ", without line end: plain, double
// quoted, or a literal block (whose lines follow at `indent` + 2).
std::string emit_scalar(const Node& scalar, int indent);
// A map as a block of "key: value" lines at `indent`; the result ends in "\n".
std::string emit_map(const Node& map, int indent = 0);
// Any node as a YAML document body (map, sequence or scalar), ending in "\n".
std::string emit_document(const Node& node);

}  // namespace crm
