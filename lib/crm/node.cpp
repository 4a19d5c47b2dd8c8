#include "crm/node.hpp"

namespace crm {

Node Node::scalar(std::string text, bool plain) {
  Node n;
  n.kind = Kind::Scalar;
  n.text = std::move(text);
  n.plain = plain;
  return n;
}

Node Node::sequence(std::vector<Node> items) {
  Node n;
  n.kind = Kind::Sequence;
  n.items = std::move(items);
  return n;
}

Node Node::map() {
  Node n;
  n.kind = Kind::Map;
  return n;
}

bool Node::empty() const {
  switch (kind) {
    case Kind::Null:
      return true;
    case Kind::Scalar:
      return text.empty();
    case Kind::Sequence:
      return items.empty();
    case Kind::Map:
      return entries.empty();
  }
  return true;
}

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

Node* Node::find(std::string_view key) {
  for (auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

void Node::set(const std::string& key, Node value) {
  if (kind != Kind::Map) *this = map();
  if (Node* existing = find(key)) {
    *existing = std::move(value);
    return;
  }
  entries.emplace_back(key, std::move(value));
}

bool Node::erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->first == key) {
      entries.erase(it);
      return true;
    }
  }
  return false;
}

std::string Node::get(std::string_view key) const {
  const Node* n = find(key);
  return n && n->is_scalar() ? n->text : std::string();
}

bool Node::same_value(const Node& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case Kind::Null:
      return true;
    case Kind::Scalar:
      return text == other.text;
    case Kind::Sequence:
      if (items.size() != other.items.size()) return false;
      for (size_t i = 0; i < items.size(); ++i)
        if (!items[i].same_value(other.items[i])) return false;
      return true;
    case Kind::Map:
      if (entries.size() != other.entries.size()) return false;
      for (size_t i = 0; i < entries.size(); ++i)
        if (entries[i].first != other.entries[i].first || !entries[i].second.same_value(other.entries[i].second))
          return false;
      return true;
  }
  return false;
}

}  // namespace crm
