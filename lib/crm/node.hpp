// A YAML value as crm sees it: null, a scalar (kept as text), a sequence or an
// ordered map. Unlike YAML::Node it keeps key order, remembers whether a scalar
// was plain (unquoted), and where it stood in its file.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crm {

class Node {
 public:
  enum class Kind { Null, Scalar, Sequence, Map };
  using Entry = std::pair<std::string, Node>;

  Kind kind = Kind::Null;
  std::string text;            // Scalar
  bool plain = false;          // Scalar: unquoted in the file, or a typed value to write unquoted
  std::vector<Node> items;     // Sequence
  std::vector<Entry> entries;  // Map, in order
  int line = 0;                // 1-based position in the source, 0 when unknown
  int column = 0;

  static Node scalar(std::string text, bool plain = false);
  static Node sequence(std::vector<Node> items = {});
  static Node map();

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_map() const { return kind == Kind::Map; }
  // Null, an empty scalar, sequence or map: a field that is not set.
  bool empty() const;

  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  // Replaces the value of key in place, or appends it.
  void set(const std::string& key, Node value);
  bool erase(std::string_view key);
  // The scalar text of key, or "" when absent or not a scalar.
  std::string get(std::string_view key) const;

  // Same value, ignoring positions and the plain flag.
  bool same_value(const Node& other) const;
};

}  // namespace crm
