// Derived fields: computed when read, never stored, usable wherever a field
// is — filters (segments' and rules' too), --fields, --sort, json. The one
// list of which types have which, and the one place that fills them:
//
//   contact, company  orders, revenue, first_order, last_order, rfm, clv
//                     (customer_value.hpp: from the store's orders)
//   deal              probability: its own when set, else its stage's
//                     (the config's pipeline); the stored field stays
//                     writable
//   ticket            age: days it has been open, calendar time floored to
//                     a tenth (ticket_age_seconds: from opening to solved,
//                     else closed, else now); breached: true or false
//                     (ticket_breached: a recorded breach, or a due time
//                     passed while open)
//
// A field the store declares with one of these names (a custom field) is
// stored and wins, except a deal's probability, which is both.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/filter.hpp"
#include "crm/record.hpp"
#include "crm/schema.hpp"
#include "crm/store.hpp"

namespace crm {

// The schema with its type's derived fields added, typed (numbers compare
// as numbers, `breached` is a bool): what filters, --fields and --sort read.
// `stored`: the store's own schema for the type.
Schema with_derived_fields(const Schema& stored);

// Whether `name` is a derived field of `stored`'s type.
bool is_derived_field(const Schema& stored, std::string_view name);
// Whether any of `names` (top-level fields, as Filter::fields_used gives
// them; "f:desc" and "f.sub" are read as f) is one.
bool any_derived_field(const Schema& stored, const std::vector<std::string>& names);

// Whether a filter (parsed with with_derived_fields) has a term on a derived
// field (a bare word searches the stored fields).
bool filter_derives(const Filter& filter, const Schema& stored);

// Whether the type's derived fields come from each record alone (deals,
// tickets), so a filter on them can be tested while records are read (the
// index's prefilter); contacts and companies need the orders of the store.
bool derived_from_record(const std::string& type);

// `names` with each derived field replaced by the stored fields it is
// computed from: the fields to decode (a deal's probability: probability
// and stage; a ticket's age: its stamps and status history).
std::vector<std::string> derived_sources(const Schema& stored, const std::vector<std::string>& names);

// The other types the derived fields of `type` are computed from: a
// contact's value from the orders, a company's from the orders and the
// contacts (their company). A file of theirs that does not load is missing
// from the values: it is to be reported as the records' own are.
std::vector<std::string> derived_reads(const std::string& type);
// The files of `types` that do not load (errors) or hold conflict markers
// (conflicts), each type read for its ids alone; no records.
Store::Loaded load_problems(const Store& store, const std::vector<std::string>& types);

// Sets the derived fields of records of one type, in memory only (never
// write them back): contacts and companies read the orders once for all.
void fill_derived_fields(const Store& store, std::vector<Record>& records);
// One record (a rule's `if` on it); a copy: the record itself stays stored.
Record with_derived_values(const Store& store, const Record& record);

// Whether `filter` (parsed with with_derived_fields(stored)) selects
// `record`, its derived fields computed for the test alone (a rule's `if`
// on the record being written).
bool matches_with_derived(const Store& store, const Schema& stored, const Filter& filter, const Record& record,
                          const NameOf& name_of);
// Whether `filter` (parsed with with_derived_fields(stored)) selects each of
// `records`, their derived fields computed for the test alone: the records
// stay as stored (an export writes them as they are).
std::vector<bool> select_with_derived(const Store& store, const Schema& stored, const Filter& filter,
                                      const std::vector<Record>& records, const NameOf& name_of);

// A ticket's age in days, floored to a tenth ("2.5"); "" when unknown.
std::string ticket_age_days(const Record& ticket, Seconds now);

}  // namespace crm
