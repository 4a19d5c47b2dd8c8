#include "crm/merge.hpp"

#include <algorithm>

#include "crm/record.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

bool same(const Node* a, const Node* b) {
  if (!a || a->empty()) return !b || b->empty();
  return b && a->same_value(*b);
}

bool contains(const std::vector<Node>& items, const Node& n) {
  return std::any_of(items.begin(), items.end(), [&](const Node& x) { return x.same_value(n); });
}

bool all_scalars(const Node* n) {
  if (!n) return true;
  if (!n->is_sequence()) return n->is_null();
  return std::all_of(n->items.begin(), n->items.end(), [](const Node& x) { return x.is_scalar(); });
}

// (o ∪ t) without what either side deleted from base; ours' order first.
Node merge_set(const Node* b, const Node* o, const Node* t) {
  static const Node kEmpty = Node::sequence();
  const Node& base = b && b->is_sequence() ? *b : kEmpty;
  const Node& ours = o && o->is_sequence() ? *o : kEmpty;
  const Node& theirs = t && t->is_sequence() ? *t : kEmpty;
  Node out = Node::sequence();
  auto deleted = [&](const Node& item) {
    return contains(base.items, item) && (!contains(ours.items, item) || !contains(theirs.items, item));
  };
  for (const Node* side : {&ours, &theirs})
    for (const Node& item : side->items)
      if (!deleted(item) && !contains(out.items, item)) out.items.push_back(item);
  return out;
}

// All moves of both sides, once each, in time order.
Node merge_history(const Node* o, const Node* t) {
  Node out = Node::sequence();
  for (const Node* side : {o, t})
    if (side && side->is_sequence())
      for (const Node& item : side->items)
        if (!contains(out.items, item)) out.items.push_back(item);
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const Node& a, const Node& b) { return a.get("at") < b.get("at"); });
  return out;
}

struct Merger {
  std::vector<std::string> conflicts;
  // key → the two sides, for fields in conflict
  std::vector<std::pair<std::string, std::pair<Node, Node>>> conflicted;

  // Returns false when the key is to be absent in the result.
  bool merge_key(const std::string& path, const std::string& key, const Node* b, const Node* o, const Node* t,
                 Node& out) {
    if (same(o, t)) return o ? (out = *o, true) : false;
    if (same(o, b)) return t ? (out = *t, true) : false;
    if (same(t, b)) return o ? (out = *o, true) : false;
    if (key == "updated" && o && t && o->is_scalar() && t->is_scalar()) {
      out = o->text >= t->text ? *o : *t;
      return true;
    }
    if (key == "stage_history") {
      out = merge_history(o, t);
      return true;
    }
    bool lists = (!o || o->is_sequence() || o->is_null()) && (!t || t->is_sequence() || t->is_null()) &&
                 ((o && o->is_sequence()) || (t && t->is_sequence()));
    if (lists && all_scalars(o) && all_scalars(t) && all_scalars(b)) {
      out = merge_set(b, o, t);
      return !out.items.empty();
    }
    if (o && t && o->is_map() && t->is_map() && (!b || b->is_map() || b->is_null())) {
      out = merge_map(path + key + ".", b && b->is_map() ? b : nullptr, o, t);
      return true;
    }
    conflicts.push_back(path + key);
    conflicted.push_back({path + key, {o ? *o : Node(), t ? *t : Node()}});
    out = o ? *o : Node();
    return true;
  }

  Node merge_map(const std::string& path, const Node* b, const Node* o, const Node* t) {
    Node out = Node::map();
    std::vector<std::string> keys;
    for (const Node* side : {o, t, b})
      if (side)
        for (const auto& e : side->entries)
          if (std::find(keys.begin(), keys.end(), e.first) == keys.end()) keys.push_back(e.first);
    for (const std::string& k : keys) {
      Node v;
      if (merge_key(path, k, b ? b->find(k) : nullptr, o ? o->find(k) : nullptr, t ? t->find(k) : nullptr, v))
        out.entries.emplace_back(k, v);
    }
    return out;
  }
};

}  // namespace

MergeResult merge_records(const Node& base, const Node& ours, const Node& theirs, const Schema* schema,
                          const std::string& ours_label, const std::string& theirs_label) {
  Merger m;
  Node merged = m.merge_map("", base.is_map() ? &base : nullptr, &ours, &theirs);
  // A lead's score is computed (lead_score.hpp): each side's from what it
  // saw. Either is stale once both sides' activities meet; the higher
  // stands until `crm sync` scores the lead again over the merged store.
  if (schema && schema->type == "lead" &&
      std::find(m.conflicts.begin(), m.conflicts.end(), "score") != m.conflicts.end()) {
    auto number = [](const Node& side) {
      std::string t = side.get("score");
      return !t.empty() && t.size() <= 3 && t.find_first_not_of("0123456789") == std::string::npos ? std::stoi(t) : -1;
    };
    if (number(ours) >= 0 && number(theirs) >= 0) {
      merged.set("score", *(number(ours) >= number(theirs) ? &ours : &theirs)->find("score"));
      m.conflicts.erase(std::remove(m.conflicts.begin(), m.conflicts.end(), "score"), m.conflicts.end());
      m.conflicted.erase(
          std::remove_if(m.conflicted.begin(), m.conflicted.end(), [](const auto& c) { return c.first == "score"; }),
          m.conflicted.end());
    }
  }
  // A deal moved on both sides: the merged history says which move came
  // last, and the stage (with closed_at, lost_reason and probability) is that
  // side's.
  const Node* history = merged.find("stage_history");
  auto in_conflict = [&](const std::string& key) {
    return std::find(m.conflicts.begin(), m.conflicts.end(), key) != m.conflicts.end();
  };
  if (history && history->is_sequence() && !history->items.empty() && in_conflict("stage")) {
    std::string last = history->items.back().get("stage");
    const Node* winner = ours.get("stage") == last ? &ours : (theirs.get("stage") == last ? &theirs : nullptr);
    if (winner) {
      // Always the winner's: a later move back to an open stage must not keep
      // the other side's closed_at.
      for (const char* key : {"stage", "closed_at", "lost_reason", "probability"}) {
        if (const Node* v = winner->find(key); v && !v->empty()) {
          merged.set(key, *v);
        } else {
          merged.erase(key);
        }
        m.conflicts.erase(std::remove(m.conflicts.begin(), m.conflicts.end(), key), m.conflicts.end());
        m.conflicted.erase(
            std::remove_if(m.conflicted.begin(), m.conflicted.end(), [&](const auto& c) { return c.first == key; }),
            m.conflicted.end());
      }
    }
  }
  Node ordered = schema ? canonical_data(merged, *schema) : merged;
  MergeResult result;
  result.conflicts = m.conflicts;
  result.merged = ordered;
  if (m.conflicted.empty()) {
    result.text = emit_map(ordered, 0);
    return result;
  }
  // Write each top-level field; a conflicted one (or the field holding a
  // conflicted subfield) between markers, both sides written in full.
  for (const auto& entry : ordered.entries) {
    const std::string& key = entry.first;  // (a structured binding cannot be captured in C++17)
    const Node& value = entry.second;
    Node one = Node::map();
    auto it = std::find_if(m.conflicted.begin(), m.conflicted.end(),
                           [&](const auto& c) { return c.first == key || c.first.rfind(key + ".", 0) == 0; });
    if (it == m.conflicted.end()) {
      one.entries.emplace_back(key, value);
      result.text += emit_map(one, 0);
      continue;
    }
    Node o_one = Node::map(), t_one = Node::map();
    if (const Node* v = ours.find(key); v && !v->empty()) o_one.entries.emplace_back(key, *v);
    if (const Node* v = theirs.find(key); v && !v->empty()) t_one.entries.emplace_back(key, *v);
    if (schema) {
      // typed scalars stay unquoted on each side
      Node o_c = canonical_data(o_one, *schema), t_c = canonical_data(t_one, *schema);
      o_one = o_c, t_one = t_c;
    }
    result.text += "<<<<<<< " + ours_label + "\n" + emit_map(o_one, 0) + "=======\n" + emit_map(t_one, 0) + ">>>>>>> " +
                   theirs_label + "\n";
  }
  // A field only one side has, in conflict (deleted vs changed), still gets its markers.
  for (const auto& [path, sides] : m.conflicted) {
    std::string key = path.substr(0, path.find('.'));
    if (ordered.find(key)) continue;
    Node o_one = Node::map(), t_one = Node::map();
    if (!sides.first.empty()) o_one.entries.emplace_back(key, sides.first);
    if (!sides.second.empty()) t_one.entries.emplace_back(key, sides.second);
    result.text += "<<<<<<< " + ours_label + "\n" + emit_map(o_one, 0) + "=======\n" + emit_map(t_one, 0) + ">>>>>>> " +
                   theirs_label + "\n";
  }
  return result;
}

}  // namespace crm
