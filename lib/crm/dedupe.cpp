#include "crm/dedupe.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "crm/error.hpp"
#include "crm/lead_conversion.hpp"
#include "crm/match_keys.hpp"
#include "crm/rules.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm {

namespace {

std::vector<std::string> scalars(const Node* n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n->is_scalar() && !n->text.empty()) out.push_back(n->text);
  for (const Node& i : n->items)
    if (i.is_scalar() && !i.text.empty()) out.push_back(i.text);
  return out;
}

// The keys of a record under one rule.
std::vector<std::string> rule_keys(const Record& r, const std::string& rule) {
  std::vector<std::string> out;
  auto add = [&](const std::string& k) {
    if (!k.empty() && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  };
  if (rule == "email") {
    add(email_key(r.get("email")));
    for (const std::string& e : scalars(r.find("emails"))) add(email_key(e));
  } else if (rule == "phone") {
    add(phone_key(r.get("phone")));
    if (const Node* ps = r.find("phones"); ps && ps->is_sequence())
      for (const Node& p : ps->items) add(phone_key(p.is_map() ? p.get("number") : p.text));
  } else if (rule == "name") {
    if (r.type == "company") {
      add(normalise_company_name(r.get("name")));
    } else {
      std::string first = trim(r.get("first_name")), last = trim(r.get("last_name"));
      add(!first.empty() && !last.empty() ? person_name_key(first + " " + last) : person_name_key(r.get("name")));
    }
  } else if (rule == "domain") {
    std::string d = bare_domain(r.get("domain"));
    if (d.empty()) d = bare_domain(r.get("website"));
    add(d);
  }
  return out;
}

size_t find_root(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

bool is_object_list(const Field& f) { return f.type == FieldType::List && f.item && f.item->type == FieldType::Object; }

// Replaces `from` by `to` in a reference value; true when it changed.
bool repoint(Node& v, const std::string& from, const std::string& to) {
  if (v.is_scalar()) {
    if (v.text != from) return false;
    v.text = to;
    return true;
  }
  if (!v.is_sequence()) return false;
  bool changed = false;
  std::vector<Node> items;
  for (Node item : v.items) {
    if (item.is_scalar() && item.text == from) {
      item.text = to;
      changed = true;
    }
    bool dup = std::any_of(items.begin(), items.end(), [&](const Node& x) { return x.text == item.text; });
    if (dup) {
      changed = true;  // the survivor was there already
      continue;
    }
    items.push_back(item);
  }
  v.items = std::move(items);
  return changed;
}

Node fresh(Node n) {
  n.line = n.column = 0;
  for (Node& i : n.items) i = fresh(i);
  for (auto& e : n.entries) e.second = fresh(e.second);
  return n;
}

}  // namespace

std::string DuplicateGroup::rules() const {
  std::vector<std::string> rule_names;
  for (const DuplicateMatch& m : matches)
    if (std::find(rule_names.begin(), rule_names.end(), m.rule) == rule_names.end()) rule_names.push_back(m.rule);
  return join(rule_names, ", ");
}

std::vector<DuplicateGroup> find_duplicates(const Store& store, const std::string& type) {
  std::vector<std::string> rules;
  if (type == "contact" || type == "lead") {
    rules = {"email", "phone", "name"};
  } else if (type == "company") {
    rules = {"name", "domain"};
  } else {
    throw UsageError("dedupe finds contacts, leads and companies, not " + (type.empty() ? "nothing" : type + "s"));
  }
  const Schema& schema = store.schemas().get(type);
  std::vector<Record> records = store.load_all(schema).records;
  // Oldest first, so each group's first record is the one to keep.
  std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
    std::string ca = a.get("created"), cb = b.get("created");
    if (ca.empty() != cb.empty()) return !ca.empty();
    return ca != cb ? ca < cb : a.id() < b.id();
  });
  std::vector<size_t> parent(records.size());
  std::iota(parent.begin(), parent.end(), 0);
  // (rule, key) → records sharing it, in rule order then key order
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<size_t>>> shared;
  for (const std::string& rule : rules) {
    std::map<std::string, std::vector<size_t>> buckets;
    for (size_t i = 0; i < records.size(); ++i)
      for (const std::string& k : rule_keys(records[i], rule)) buckets[k].push_back(i);
    for (auto& [key, members] : buckets) {
      if (members.size() < 2) continue;
      for (size_t m : members) parent[find_root(parent, m)] = find_root(parent, members.front());
      shared.push_back({{rule, key}, members});
    }
  }
  std::map<size_t, DuplicateGroup> by_root;
  for (size_t i = 0; i < records.size(); ++i) {
    size_t root = find_root(parent, i);
    bool grouped = std::any_of(shared.begin(), shared.end(), [&](const auto& s) {
      return std::find(s.second.begin(), s.second.end(), i) != s.second.end();
    });
    if (!grouped) continue;
    DuplicateGroup& g = by_root[root];
    g.type = type;
    g.ids.push_back(records[i].id());
    g.names.push_back(records[i].get(schema.title));
  }
  for (const auto& [rk, members] : shared) {
    DuplicateGroup& g = by_root[find_root(parent, members.front())];
    DuplicateMatch m;
    m.rule = rk.first;
    m.key = rk.second;
    for (size_t i : members) m.ids.push_back(records[i].id());
    g.matches.push_back(m);
  }
  std::vector<DuplicateGroup> out;
  for (auto& [root, g] : by_root) out.push_back(std::move(g));
  std::sort(out.begin(), out.end(), [](const DuplicateGroup& a, const DuplicateGroup& b) {
    std::string ka = sort_key(a.names.front()), kb = sort_key(b.names.front());
    return ka != kb ? ka < kb : a.ids.front() < b.ids.front();
  });
  for (DuplicateGroup& g : out)
    std::stable_sort(g.matches.begin(), g.matches.end(), [&](const DuplicateMatch& a, const DuplicateMatch& b) {
      auto rank = [&](const std::string& r) { return std::find(rules.begin(), rules.end(), r) - rules.begin(); };
      return rank(a.rule) < rank(b.rule);
    });
  return out;
}

MergeOutcome merge_records_into(Writer& writer, const std::string& survivor_id,
                                const std::vector<std::string>& other_ids, bool dry_run) {
  const Store& store = writer.store();
  const Schema* schema = store.type_of(survivor_id);
  if (!schema) throw NotFound("no record with id " + survivor_id);
  if (other_ids.empty()) throw UsageError("nothing to merge into " + survivor_id + ": name the duplicates too");
  std::vector<Record> others;
  for (const std::string& id : other_ids) {
    if (id == survivor_id) throw UsageError(id + " is the survivor: it cannot also be merged into itself");
    if (std::any_of(others.begin(), others.end(), [&](const Record& o) { return o.id() == id; })) continue;
    const Schema* t = store.type_of(id);
    if (!t) throw NotFound("no record with id " + id);
    if (t->type != schema->type)
      throw UsageError(id + " is a " + t->type + " and " + survivor_id + " a " + schema->type +
                       ": only records of one type merge");
    others.push_back(store.load(*t, id));
  }
  MergeOutcome out;
  out.dry_run = dry_run;
  out.before = store.load(*schema, survivor_id);
  Record merged = out.before;
  std::set<std::string> other_set;
  for (const Record& o : others) other_set.insert(o.id());
  auto filled = [&](const std::string& f) {
    if (std::find(out.filled.begin(), out.filled.end(), f) == out.filled.end()) out.filled.push_back(f);
  };
  auto list_at = [&](const std::string& field) -> Node& {
    Node* n = merged.data.find(field);
    if (!n || !n->is_sequence()) {
      merged.data.set(field, Node::sequence());
      n = merged.data.find(field);
    }
    return *n;
  };

  for (const Record& o : others) {
    // Emails and phones: every address and number either has is kept.
    if (schema->field("email")) {
      std::vector<std::string> theirs = {o.get("email")};
      for (const std::string& e : scalars(o.find("emails"))) theirs.push_back(e);
      for (const std::string& e : theirs) {
        if (email_key(e).empty()) continue;
        std::vector<std::string> ours = {merged.get("email")};
        for (const std::string& x : scalars(merged.find("emails"))) ours.push_back(x);
        if (std::any_of(ours.begin(), ours.end(), [&](const std::string& x) { return email_key(x) == email_key(e); }))
          continue;
        if (merged.get("email").empty()) {
          merged.data.set("email", Node::scalar(e));
          filled("email");
        } else if (schema->field("emails")) {
          list_at("emails").items.push_back(Node::scalar(e));
          filled("emails");
        }
      }
    }
    if (schema->field("phone")) {
      struct P {
        std::string number, kind;
      };
      std::vector<P> theirs = {{o.get("phone"), ""}};
      if (const Node* ps = o.find("phones"); ps && ps->is_sequence())
        for (const Node& p : ps->items) theirs.push_back({p.get("number"), p.get("kind")});
      for (const P& p : theirs) {
        if (trim(p.number).empty()) continue;
        std::string key = phone_key(p.number);
        auto same = [&](const std::string& x) { return key.empty() ? x == p.number : phone_key(x) == key; };
        bool has = same(merged.get("phone"));
        if (const Node* ps = merged.find("phones"); ps && ps->is_sequence())
          for (const Node& x : ps->items) has = has || same(x.get("number"));
        if (has) continue;
        if (merged.get("phone").empty()) {
          merged.data.set("phone", Node::scalar(p.number));
          filled("phone");
        } else if (schema->field("phones")) {
          Node item = Node::map();
          item.set("number", Node::scalar(p.number));
          if (!p.kind.empty()) item.set("kind", Node::scalar(p.kind));
          list_at("phones").items.push_back(item);
          filled("phones");
        }
      }
    }
    for (const Field& f : schema->fields) {
      if (f.name == "email" || f.name == "emails" || f.name == "phone" || f.name == "phones") continue;
      const Node* theirs = o.data.find(f.name);
      if (!theirs || theirs->empty()) continue;
      Node* ours = merged.data.find(f.name);
      bool ours_empty = !ours || ours->empty();
      if ((f.type == FieldType::List && !is_object_list(f)) || f.type == FieldType::Refs) {
        Node& list = list_at(f.name);
        bool added = false;
        for (const Node& item : theirs->items) {
          if (f.type == FieldType::Refs && (other_set.count(item.text) || item.text == survivor_id)) continue;
          bool has = std::any_of(list.items.begin(), list.items.end(), [&](const Node& x) {
            return f.type == FieldType::Refs ? x.text == item.text : fold_case(x.text) == fold_case(item.text);
          });
          if (!has) {
            list.items.push_back(fresh(item));
            added = true;
          }
        }
        if (list.items.empty()) merged.data.erase(f.name);
        if (added) filled(f.name);
      } else if (f.type == FieldType::Text && !ours_empty && theirs->is_scalar() && ours->is_scalar()) {
        // Two notes: both kept, the survivor's first.
        if (trim(ours->text) != trim(theirs->text) && ours->text.find(trim(theirs->text)) == std::string::npos) {
          ours->text = trim(ours->text) + "\n\n" + trim(theirs->text);
          filled(f.name);
        }
      } else if (ours_empty) {
        if (f.type == FieldType::Ref && (other_set.count(theirs->text) || theirs->text == survivor_id)) continue;
        merged.data.set(f.name, fresh(*theirs));
        filled(f.name);
      }
    }
    // Fields the schema does not know: kept when the survivor has none of its own.
    for (const auto& [k, v] : o.data.entries) {
      if (k == "id" || k == "created" || k == "updated" || schema->field(k)) continue;
      if (!merged.data.find(k)) {
        merged.data.set(k, fresh(v));
        filled(k);
      }
    }
  }
  // The survivor never refers to what is merged into it.
  for (const Field& f : schema->fields) {
    if (f.type != FieldType::Ref && f.type != FieldType::Refs) continue;
    if (Node* v = merged.data.find(f.name))
      for (const std::string& id : other_set) repoint(*v, id, survivor_id);
  }
  std::vector<InvalidData> problems = validate_record(merged, *schema);
  for (InvalidData& p : check_rules(merged, *schema, store.config())) problems.push_back(p);
  if (!problems.empty()) throw problems.front();
  out.survivor = merged;

  // Every other record that refers to an other: re-pointed.
  std::map<std::string, Record> referrers;  // id → record as re-pointed
  std::vector<std::string> order;
  for (const Record& o : others) {
    for (const Reference& ref : store.referrers(o.id())) {
      if (other_set.count(ref.id) || ref.id == survivor_id) continue;
      if (!referrers.count(ref.id)) {
        referrers[ref.id] = store.load(store.schemas().get(ref.type), ref.id);
        order.push_back(ref.id);
      }
      Record& r = referrers[ref.id];
      if (Node* v = r.data.find(ref.field); v && repoint(*v, o.id(), survivor_id))
        out.repointed.push_back(Reference{ref.type, ref.id, ref.field});
    }
  }
  for (const std::string& id : order) {
    Record& r = referrers[id];
    const Schema& s = store.schemas().get(r.type);
    std::vector<InvalidData> bad = validate_record(r, s);
    if (!bad.empty()) throw bad.front();
  }
  for (const Record& o : others) out.removed.push_back(o.id());
  if (dry_run) return out;

  // Survivor, then the records that refer to the others, then the others:
  // at every step each reference resolves.
  if (!merged.data.same_value(out.before.data)) {
    Record w = merged;
    write_with_effects(writer, w, &out.before, false);
    out.survivor = w;
  }
  for (const std::string& id : order) {
    Record before = store.load(store.schemas().get(referrers[id].type), id);
    write_with_effects(writer, referrers[id], &before, false);
  }
  for (const Record& o : others) remove_record(writer, *schema, o.id());
  return out;
}

}  // namespace crm
