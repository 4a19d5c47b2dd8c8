#include "crm/related.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "crm/task_workflow.hpp"

namespace crm {

NameOf record_names(const Store& store) {
  auto cache = std::make_shared<std::unordered_map<std::string, std::string>>();
  auto loaded = std::make_shared<std::set<std::string>>();
  auto singles = std::make_shared<std::map<std::string, int>>();
  return [&store, cache, loaded, singles](const std::string& id) -> std::string {
    auto it = cache->find(id);
    if (it != cache->end()) return it->second;
    if (is_valid_id(id)) {
      const Schema* s = store.type_of(id);
      if (s && !loaded->count(s->type) && ++(*singles)[s->type] <= 32) {
        std::string name;
        try {
          name = store.load(*s, id).get(s->title);
        } catch (const Error&) {
          // unreadable or in conflict: no name, as through the index
        }
        return (*cache)[id] = name;
      }
      if (s && loaded->insert(s->type).second) {
        std::vector<std::string> title = {s->title};
        Store::Loaded all = store.load_all(*s, &title);
        for (const auto* group : {&all.records, &all.invalid})
          for (const Record& r : *group) (*cache)[r.id()] = r.get(s->title);
        it = cache->find(id);
        if (it != cache->end()) return it->second;
      }
    }
    (*cache)[id] = "";
    return "";
  };
}

std::vector<const Schema*> related_types(const Store& store, const std::string& type) {
  std::vector<const Schema*> out;
  for (const Schema& s : store.schemas().all())
    for (const Field& f : s.fields)
      if ((f.type == FieldType::Ref || f.type == FieldType::Refs) &&
          (f.ref_types.empty() || std::find(f.ref_types.begin(), f.ref_types.end(), type) != f.ref_types.end())) {
        out.push_back(&s);
        break;
      }
  return out;
}

namespace {

// A company's orders are also those its contacts placed without naming a
// company (as its revenue counts them): one pass over the orders' contact
// and company fields, the hits read whole, the list by date.
void add_contacts_orders(const Store& store, std::vector<RelatedGroup>& groups) {
  const Schema* orders = store.schemas().find("order");
  auto contacts = std::find_if(groups.begin(), groups.end(), [](const RelatedGroup& g) { return g.key == "contacts"; });
  if (!orders || contacts == groups.end()) return;
  std::set<std::string> people;
  for (const Record& c : contacts->records) people.insert(c.id());
  Store::Keep keep;
  keep.fields = {"contact", "company"};
  keep.test = [&](const Record& o) { return o.get("company").empty() && people.count(o.get("contact")); };
  std::vector<Record> found;
  for (const Record& o : store.load_all(*orders, &keep.fields, &keep).records)
    if (keep.test(o)) found.push_back(store.load(*orders, o.id()));
  if (found.empty()) return;
  auto own = std::find_if(groups.begin(), groups.end(), [&](const RelatedGroup& g) { return g.key == orders->folder; });
  if (own == groups.end()) {
    groups.push_back(RelatedGroup{orders->folder, orders->type, false, {}});
    own = groups.end() - 1;
  }
  for (Record& o : found) own->records.push_back(std::move(o));
  std::stable_sort(own->records.begin(), own->records.end(),
                   [&](const Record& a, const Record& b) { return a.get(orders->sort) < b.get(orders->sort); });
}

}  // namespace

std::vector<RelatedGroup> related_records(const Store& store, const Record& record) {
  std::vector<RelatedGroup> groups;
  const Schema& schema = store.schemas().get(record.type);
  for (const Field& f : schema.fields) {
    if (f.type != FieldType::Ref && f.type != FieldType::Refs) continue;
    const Node* v = record.data.find(f.name);
    if (!v || v->empty()) continue;
    std::vector<std::string> ids;
    if (v->is_scalar()) ids.push_back(v->text);
    for (const Node& item : v->items) ids.push_back(item.text);
    RelatedGroup g{f.name, f.ref_types.size() == 1 ? f.ref_types[0] : "", f.type == FieldType::Ref, {}};
    for (const std::string& id : ids) {
      const Schema* target = store.type_of(id);
      if (!target) continue;
      try {
        g.records.push_back(store.load(*target, id));
      } catch (const Error&) {
        // a broken neighbour does not hide the record being shown; `check` reports it
      }
    }
    if (!g.records.empty()) groups.push_back(std::move(g));
  }
  const std::string id = record.id();
  for (const Schema& s : store.schemas().all()) {
    std::vector<const Field*> ref_fields;
    for (const Field& f : s.fields)
      if ((f.type == FieldType::Ref || f.type == FieldType::Refs) &&
          (f.ref_types.empty() || std::find(f.ref_types.begin(), f.ref_types.end(), record.type) != f.ref_types.end()))
        ref_fields.push_back(&f);
    if (ref_fields.empty()) continue;
    RelatedGroup g{s.folder, s.type, false, {}};
    // Test only the reference fields (through the index); read the hits whole.
    std::vector<std::string> fields, needed;
    for (const Field* f : ref_fields) fields.push_back(f->name);
    needed = fields;
    if (s.type == "task") needed.push_back("status");
    for (Record& r : store.referring(s, fields, id, &needed)) {
      // Done and canceled tasks are history: the 360° view lists open ones.
      if (s.type == "task" && !task_is_open(r)) continue;
      g.records.push_back(store.load(s, r.id()));
    }
    if (g.records.empty()) continue;
    if (s.type == "activity" && record.type == "ticket") {
      // A ticket's thread reads as a conversation: newest last.
      std::stable_sort(g.records.begin(), g.records.end(),
                       [](const Record& a, const Record& b) { return a.get("at") < b.get("at"); });
    } else if (s.type == "activity") {
      std::stable_sort(g.records.begin(), g.records.end(),
                       [](const Record& a, const Record& b) { return a.get("at") > b.get("at"); });
    } else if (!s.sort.empty()) {
      std::stable_sort(g.records.begin(), g.records.end(),
                       [&](const Record& a, const Record& b) { return a.get(s.sort) < b.get(s.sort); });
    }
    auto existing = std::find_if(groups.begin(), groups.end(), [&](const RelatedGroup& x) { return x.key == g.key; });
    if (existing != groups.end()) {
      for (Record& r : g.records) existing->records.push_back(std::move(r));
    } else {
      groups.push_back(std::move(g));
    }
  }
  if (record.type == "company") add_contacts_orders(store, groups);
  return groups;
}

}  // namespace crm
