#include "crm/segment_counts.hpp"

#include <algorithm>
#include <map>

#include "crm/derived_fields.hpp"
#include "crm/error.hpp"
#include "crm/related.hpp"
#include "crm/segments.hpp"

namespace crm {

Schema with_segment_count(const Schema& segment_schema) {
  Schema out = segment_schema;
  if (out.field("count")) return out;  // a custom field of that name wins
  Field f;
  f.name = "count";
  f.type = FieldType::Integer;
  f.help = "how many records it selects now (derived)";
  out.fields.push_back(std::move(f));
  auto at = std::find(out.columns.begin(), out.columns.end(), "filter");
  out.columns.insert(at == out.columns.end() ? out.columns.end() : at + 1, "count");
  return out;
}

bool is_segment_count_field(std::string_view name) { return name == "count"; }

void fill_segment_counts(const Store& store, std::vector<Record>& segments, std::vector<std::string>* problems,
                         Store::Loaded* unread) {
  // The records of each type the segments select, read once, with their
  // value fields when a segment of that type needs them.
  struct Filtered {
    std::vector<Filter> filters;
    std::vector<Record*> segments;
  };
  // A Filter points into the schema it was parsed with: these outlive them.
  std::map<std::string, Schema> valued;
  std::map<std::string, Filtered> by_type;
  for (Record& seg : segments) {
    const Schema* of = store.schemas().find(seg.get("of"));
    if (!of || seg.get("name").empty()) continue;
    try {
      auto schema = valued.find(of->type);
      if (schema == valued.end()) schema = valued.emplace(of->type, with_derived_fields(*of)).first;
      Filter f = parse_store_filter(store, {"@" + seg.get("name")}, schema->second);
      by_type[of->type].filters.push_back(std::move(f));
      by_type[of->type].segments.push_back(&seg);
    } catch (const Error& e) {
      if (problems) problems->push_back("segment @" + seg.get("name") + ": " + e.what() + " (no count)");
    }
  }
  NameOf name_of = record_names(store);
  for (auto& typed : by_type) {
    const std::string& type = typed.first;
    Filtered& work = typed.second;  // a name a lambda may capture (clang: not a structured binding)
    const Schema& schema = store.schemas().get(type);
    // Only the fields the filters read are decoded (all of them for a bare word).
    bool derive = false, partial = true;
    std::vector<std::string> used, needed;
    for (const Filter& f : work.filters) partial = f.fields_used(used) && partial;
    derive = any_derived_field(schema, used);
    needed = derived_sources(schema, used);
    Store::Loaded loaded = store.load_all(schema, partial ? &needed : nullptr);
    std::vector<Record> records = std::move(loaded.records);
    if (derive) fill_derived_fields(store, records);
    if (unread) {
      Store::Loaded sources = load_problems(store, derive ? derived_reads(type) : std::vector<std::string>{});
      for (Store::Loaded* l : {&loaded, &sources}) {
        unread->errors.insert(unread->errors.end(), l->errors.begin(), l->errors.end());
        unread->conflicts.insert(unread->conflicts.end(), l->conflicts.begin(), l->conflicts.end());
      }
    }
    for (size_t k = 0; k < work.filters.size(); ++k) {
      long long n = std::count_if(records.begin(), records.end(),
                                  [&](const Record& r) { return work.filters[k].matches(r, name_of); });
      work.segments[k]->data.set("count", Node::scalar(std::to_string(n), true));
    }
  }
}

}  // namespace crm
