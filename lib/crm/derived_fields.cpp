#include "crm/derived_fields.hpp"

#include <algorithm>

#include "crm/customer_value.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/text.hpp"
#include "crm/ticket_workflow.hpp"

namespace crm {

namespace {

// The derived fields of a type and the stored fields each is computed from
// (contacts' and companies' come from the orders: none of their own).
struct Derived {
  const char* type;
  const char* name;
  std::vector<const char*> sources;
};

const std::vector<Derived>& derived_table() {
  static const std::vector<Derived> kTable = {
      {"deal", "probability", {"probability", "stage"}},
      {"ticket", "age", {"created", "status", "status_history", "solved_at", "closed_at"}},
      {"ticket", "breached", {"status", "breaches", "response_due", "resolution_due", "first_response_at"}},
  };
  return kTable;
}

const Derived* find_derived(const Schema& stored, std::string_view name) {
  for (const Derived& d : derived_table())
    if (stored.type == d.type && name == d.name) {
      // A store's own field of that name is stored, not derived; a deal's
      // probability is both (its own, else its stage's).
      const Field* f = stored.field(name);
      return !f || (stored.type == "deal" && !f->custom) ? &d : nullptr;
    }
  return nullptr;
}

std::string top_field(const std::string& name) {
  std::string f = trim(name.substr(0, name.find(':')));
  return f.substr(0, f.find('.'));
}

void set_derived(const Store& store, const Schema& stored, Record& r) {
  auto derived = [&](const char* name) { return find_derived(stored, name) != nullptr; };
  if (stored.type == "deal" && derived("probability") && r.get("probability").empty()) {
    // What the pipeline weights it by: its stage's (0 for no stage of the pipeline).
    r.data.set("probability", Node::scalar(std::to_string(deal_probability(r, store.config())), true));
  } else if (stored.type == "ticket") {
    Seconds now = store.clock().now;
    if (derived("age")) {
      std::string age = ticket_age_days(r, now);
      if (age.empty())
        r.data.erase("age");
      else
        r.data.set("age", Node::scalar(age, true));
    }
    if (derived("breached")) r.data.set("breached", Node::scalar(ticket_breached(r, now) ? "true" : "false", true));
  }
}

}  // namespace

Schema with_derived_fields(const Schema& stored) {
  if (has_value_fields(stored.type)) return with_value_fields(stored);
  Schema out = stored;
  auto add = [&](const char* name, FieldType type, const char* help) {
    if (!find_derived(stored, name) || out.field(name)) return;
    Field f;
    f.name = name;
    f.type = type;
    f.help = help;
    out.fields.push_back(std::move(f));
  };
  add("age", FieldType::Decimal, "days open, calendar time to a tenth, until solved (derived)");
  add("breached", FieldType::Bool, "a service level due time was missed (derived)");
  return out;
}

bool is_derived_field(const Schema& stored, std::string_view name) {
  if (has_value_fields(stored.type)) return is_value_field(name) && !stored.field(name);
  return find_derived(stored, name) != nullptr;
}

bool any_derived_field(const Schema& stored, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return is_derived_field(stored, top_field(n)); });
}

bool filter_derives(const Filter& filter, const Schema& stored) {
  for (const auto& group : filter.groups())
    for (const Term& t : group)
      if (is_derived_field(stored, top_field(t.field))) return true;
  return false;
}

bool derived_from_record(const std::string& type) { return type == "deal" || type == "ticket"; }

std::vector<std::string> derived_sources(const Schema& stored, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& n : names) {
    if (const Derived* d = find_derived(stored, top_field(n))) {
      out.insert(out.end(), d->sources.begin(), d->sources.end());
    } else if (!is_derived_field(stored, top_field(n))) {
      out.push_back(n);
    }
  }
  return out;
}

std::vector<std::string> derived_reads(const std::string& type) {
  if (type == "contact") return {"order"};
  if (type == "company") return {"contact", "order"};
  return {};
}

Store::Loaded load_problems(const Store& store, const std::vector<std::string>& types) {
  Store::Loaded out;
  const std::vector<std::string> none;
  for (const std::string& t : types) {
    Store::Loaded loaded = store.load_all(store.schemas().get(t), &none);
    out.errors.insert(out.errors.end(), loaded.errors.begin(), loaded.errors.end());
    out.conflicts.insert(out.conflicts.end(), loaded.conflicts.begin(), loaded.conflicts.end());
  }
  return out;
}

void fill_derived_fields(const Store& store, std::vector<Record>& records) {
  if (records.empty()) return;
  const Schema* stored = store.schemas().find(records.front().type);
  if (!stored) return;
  if (has_value_fields(stored->type)) {
    fill_value_fields(store, records);
    return;
  }
  for (Record& r : records) set_derived(store, *stored, r);
}

Record with_derived_values(const Store& store, const Record& record) {
  std::vector<Record> one = {record};
  fill_derived_fields(store, one);
  return std::move(one.front());
}

bool matches_with_derived(const Store& store, const Schema& stored, const Filter& filter, const Record& record,
                          const NameOf& name_of) {
  if (!filter_derives(filter, stored)) return filter.matches(record, name_of);
  return filter.matches(with_derived_values(store, record), name_of);
}

std::vector<bool> select_with_derived(const Store& store, const Schema& stored, const Filter& filter,
                                      const std::vector<Record>& records, const NameOf& name_of) {
  std::vector<bool> out(records.size());
  if (!filter_derives(filter, stored)) {
    for (size_t i = 0; i < records.size(); ++i) out[i] = filter.matches(records[i], name_of);
    return out;
  }
  std::vector<Record> valued = records;
  fill_derived_fields(store, valued);
  for (size_t i = 0; i < valued.size(); ++i) out[i] = filter.matches(valued[i], name_of);
  return out;
}

std::string ticket_age_days(const Record& ticket, Seconds now) {
  auto seconds = ticket_age_seconds(ticket, now);
  if (!seconds) return "";
  long long tenths = *seconds / 8640;  // a tenth of a day, floored
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

}  // namespace crm
