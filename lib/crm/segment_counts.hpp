// `crm segment list`: each segment's current count — how many records its
// filter selects now — as a derived field `count`, computed, never stored.
#pragma once

#include <string_view>
#include <vector>

#include "crm/record.hpp"
#include "crm/schema.hpp"
#include "crm/store.hpp"

namespace crm {

// The segment schema with the derived integer field `count`, shown as a
// column after the filter.
Schema with_segment_count(const Schema& segment_schema);
bool is_segment_count_field(std::string_view name);

// Sets each segment's `count`: the records of its type that `@name` selects
// (every one: done tasks and closed deals too, as an export or a campaign
// takes them), customer value fields included. Each type is read once. A
// segment whose filter no longer works (a field or segment gone) gets no
// count; `problems` (if given) says why, one line each. `unread` (if given)
// gets the files the counts left out: of the types counted, and the orders
// behind a value field a filter reads (a count over them may be wrong).
void fill_segment_counts(const Store& store, std::vector<Record>& segments,
                         std::vector<std::string>* problems = nullptr, Store::Loaded* unread = nullptr);

}  // namespace crm
