// The generic verbs every record type has: add, list, show, set, edit, rm.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "app.hpp"
#include "crm/atomic_file.hpp"
#include "crm/automation.hpp"
#include "crm/automation_settings.hpp"
#include "crm/customer_value.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/derived_fields.hpp"
#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/ids.hpp"
#include "crm/json.hpp"
#include "crm/order_workflow.hpp"
#include "crm/related.hpp"
#include "crm/segment_counts.hpp"
#include "crm/segments.hpp"
#include "crm/suggest.hpp"
#include "crm/task_workflow.hpp"
#include "crm/text.hpp"
#include "crm/ticket_workflow.hpp"
#include "crm/workflow.hpp"
#include "crm/yaml_io.hpp"

namespace crm::cli {

namespace fs = std::filesystem;

namespace {

bool is_stamp_or_id(const std::string& f) { return f == "id" || f == "created" || f == "updated"; }

std::string field_list(const Schema& schema) { return join(schema.field_names(), ", "); }

UsageError unknown_field(const Schema& schema, const std::string& name) {
  if (is_derived_field(schema, name))
    return UsageError("\"" + name + "\" is derived (computed when read, never stored) for " + schema.type +
                      ": it cannot be set");
  return UsageError("unknown field \"" + escape_for_terminal(name) + "\" for " + schema.type +
                    did_you_mean(name, schema.field_names()) + " (fields: " + field_list(schema) +
                    "; declare more under fields: in .crm/config.yaml)");
}

// Resolves each reference a user typed (id, prefix or name) to an id.
Node resolve_refs(const Store& store, const Field& f, Node value) {
  if (f.type == FieldType::Ref && value.is_scalar()) {
    value.text = store.resolve_ref(f, value.text);
  } else if (f.type == FieldType::Refs && value.is_sequence()) {
    for (Node& item : value.items)
      if (item.is_scalar()) item.text = store.resolve_ref(f, item.text);
  }
  return value;
}

// A value typed for a field, its references resolved. A list of references
// typed with commas is first tried as one name: "Lovelace, Ada" is a person.
Node typed_value(const Store& store, const Field& f, const std::string& value, const std::string& label) {
  if (f.type == FieldType::Refs && value.find(',') != std::string::npos && trim(value).front() != '[') {
    try {
      Node one = Node::sequence();
      one.items.push_back(Node::scalar(store.resolve_ref(f, trim(value))));
      return one;
    } catch (const NotFound&) {
      // a list after all: "ada, grace"
    }
  }
  return resolve_refs(store, f, parse_field_value(f, value, store.clock(), label));
}

bool same_item(const Node& a, const Node& b) {
  return a.is_scalar() && b.is_scalar() ? equals_ci(a.text, b.text) : a.same_value(b);
}

// FIELD=VALUE, FIELD+=VALUE (add to a list), FIELD-=VALUE (remove from a list);
// an empty VALUE with = unsets the field. FIELD may be "address.city".
void apply_assignment(const Store& store, const Schema& schema, Record& r, const std::string& assignment) {
  size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw UsageError("\"" + escape_for_terminal(assignment) + "\" is not FIELD=VALUE");
  char op = '=';
  std::string path = assignment.substr(0, eq);
  if (path.back() == '+' || path.back() == '-') {
    op = path.back();
    path.pop_back();
  }
  std::string value = assignment.substr(eq + 1);
  if (is_stamp_or_id(path)) throw UsageError(path + " is set by crm and cannot be changed");
  auto parts = split(path, '.');
  if (schema.type == "lead" && parts[0] == "score" && score_is_computed(store.config()))
    throw UsageError(kScoreIsComputed);
  const Field* top = schema.field(parts[0]);
  if (!top || parts.size() > 2) throw unknown_field(schema, path);
  const Field* f = top;
  if (parts.size() == 2) {
    f = top->type == FieldType::Object ? top->subfield(parts[1]) : nullptr;
    if (!f) throw unknown_field(schema, path);
  }
  Node* container = &r.data;
  if (parts.size() == 2) {
    Node* obj = r.data.find(parts[0]);
    if (!obj || !obj->is_map()) {
      r.data.set(parts[0], Node::map());
      obj = r.data.find(parts[0]);
    }
    container = obj;
  }
  const std::string& key = parts.back();
  if (op == '=') {
    if (value.empty()) {
      container->erase(key);
    } else {
      try {
        container->set(key, typed_value(store, *f, value, path));
      } catch (const InvalidData& e) {
        // A ticket's status, priority or channel is a word of a known list: a usage error.
        if (schema.type == "ticket" && f->type == FieldType::Enum) throw UsageError(e.what());
        throw;
      }
    }
  } else {
    if (f->type != FieldType::List && f->type != FieldType::Refs)
      throw UsageError(path + " is not a list: use " + path + "=VALUE");
    Node items = typed_value(store, *f, value, path);
    Node* list = container->find(key);
    if (!list || !list->is_sequence()) {
      container->set(key, Node::sequence());
      list = container->find(key);
    }
    for (const Node& item : items.items) {
      auto it = std::find_if(list->items.begin(), list->items.end(), [&](const Node& x) { return same_item(x, item); });
      if (op == '+' && it == list->items.end()) list->items.push_back(item);
      if (op == '-' && it != list->items.end()) list->items.erase(it);
    }
    if (list->items.empty()) container->erase(key);
  }
  if (parts.size() == 2 && container->entries.empty()) r.data.erase(parts[0]);
}

void apply_defaults(const Store& store, const Schema& schema, Record& r) {
  for (const Field& f : schema.fields)
    if (!f.default_value.empty() && !r.data.find(f.name))
      r.data.set(f.name, parse_field_value(f, f.default_value, store.clock(), f.name));
}

std::string read_input(const std::string& from) {
  if (from == "-") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return text;
  }
  return read_file(from, kMaxRecordBytes + 1, /*follow_links=*/true);  // a user's file, /dev/fd/N too
}

// Fields of a record given as YAML or JSON (--from): type and id checked,
// references typed as names resolved.
void merge_from(const Store& store, const Schema& schema, Record& r, const std::string& from) {
  std::string source = from == "-" ? "<stdin>" : from;
  Node doc = parse_yaml(read_input(from), source);
  if (!doc.is_map()) throw InvalidData(Location{source, doc.line, doc.column, ""}, "expected a map of fields");
  for (const auto& [k, v] : doc.entries) {
    if (k == "type") {
      if (v.text != schema.type)
        throw InvalidData(Location{source, v.line, v.column, "type"}, "\"" + v.text + "\" is not a " + schema.type);
      continue;
    }
    if (k == "created" || k == "updated") continue;
    if (k == "score" && schema.type == "lead" && score_is_computed(store.config()))
      throw InvalidData(Location{source, v.line, v.column, "score"}, kScoreIsComputed);
    if (k == "id") {
      if (!v.is_scalar() || !is_valid_id(v.text))
        throw InvalidData(Location{source, v.line, v.column, "id"},
                          "\"" + escape_for_terminal(v.text) + "\" is not a record id");
      r.data.set("id", Node::scalar(v.text));
      continue;
    }
    Node value = v;
    if (const Field* f = schema.field(k)) {
      if ((f->type == FieldType::Ref && value.is_scalar() && !store.type_of(value.text)) ||
          f->type == FieldType::Refs) {
        if (value.is_sequence()) {
          for (Node& item : value.items)
            if (item.is_scalar() && !store.type_of(item.text)) item.text = store.resolve_ref(*f, item.text);
        } else if (value.is_scalar()) {
          value.text = store.resolve_ref(*f, value.text);
        }
      }
    }
    r.data.set(k, value);
  }
}

std::vector<std::string> parse_fields_option(const Schema& schema, const std::string& fields) {
  std::vector<std::string> out;
  if (fields.empty()) return out;
  for (const std::string& part : split(fields, ',')) {
    std::string f = trim(part);
    if (f.empty() || f == "id") continue;
    if (!is_stamp_or_id(f) && !schema.field_path(f)) throw unknown_field(schema, f);
    out.push_back(f);
  }
  return out;
}

// Sorting computes each record's keys once (not per comparison): numbers as
// decimals, references by the name they point to, text by sort_key (case and
// accents folded); unset values sort last whatever the direction.
struct SortKey {
  bool unset = true;
  std::optional<Decimal> number;
  std::string text;
};

int compare_keys(const SortKey& a, const SortKey& b) {
  if (a.unset || b.unset) return a.unset == b.unset ? 0 : (a.unset ? 1 : -1);
  if (a.number && b.number) return a.number->compare(*b.number);
  return a.text < b.text ? -1 : (a.text > b.text ? 1 : 0);
}

// Enums sort in their schema's order (low, normal, high, urgent), a deal's
// stage in the pipeline's: --sort priority:desc puts urgent first.
void sort_records(std::vector<const Record*>& records, const Schema& schema, const std::string& spec,
                  const NameOf& name_of, const std::vector<std::string>& stages) {
  struct Key {
    std::string field;
    bool desc;
    const Field* def;
  };
  std::vector<Key> keys;
  std::string s = spec.empty() ? schema.sort : spec;
  for (const std::string& part : split(s, ',')) {
    std::string p = trim(part);
    if (p.empty()) continue;
    bool desc = false;
    if (ends_with(p, ":desc"))
      desc = true, p.resize(p.size() - 5);
    else if (ends_with(p, ":asc"))
      p.resize(p.size() - 4);
    if (!is_stamp_or_id(p) && !schema.field_path(p)) throw unknown_field(schema, p);
    keys.push_back({p, desc, schema.field_path(p)});
  }
  std::vector<std::pair<std::vector<SortKey>, const Record*>> decorated;
  decorated.reserve(records.size());
  for (const Record* r : records) {
    std::vector<SortKey> values;
    for (const Key& k : keys) {
      SortKey v;
      std::string text = r->get(k.field);
      if (text.empty() && k.def && k.def->type == FieldType::Enum) text = k.def->default_value;  // normal priority
      v.unset = text.empty();
      if (!v.unset) {
        bool numeric = k.def && (k.def->type == FieldType::Integer || k.def->type == FieldType::Decimal ||
                                 k.def->type == FieldType::Money);
        if (numeric) v.number = Decimal::parse(text);
        const std::vector<std::string>* order = nullptr;
        if (k.def && k.def->type == FieldType::Enum) order = &k.def->values;
        if (schema.type == "deal" && k.field == "stage") order = &stages;
        if (order)
          for (size_t i = 0; i < order->size(); ++i)
            if (equals_ci((*order)[i], text)) v.number = Decimal::from_int(static_cast<long long>(i));
        if (k.def && k.def->type == FieldType::Ref && name_of) {
          std::string name = name_of(text);
          if (!name.empty()) text = name;
        }
        v.text = sort_key(text);
      }
      values.push_back(std::move(v));
    }
    decorated.emplace_back(std::move(values), r);
  }
  std::stable_sort(decorated.begin(), decorated.end(), [&](const auto& a, const auto& b) {
    for (size_t i = 0; i < keys.size(); ++i) {
      int c = compare_keys(a.first[i], b.first[i]);
      if (c != 0) return (keys[i].desc && !a.first[i].unset && !b.first[i].unset) ? c > 0 : c < 0;
    }
    return a.second->id() < b.second->id();
  });
  for (size_t i = 0; i < records.size(); ++i) records[i] = decorated[i].second;
}

// Names of referenced records for tables, read once per id.
bool confirm(const std::string& question) {
  std::cerr << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  answer = to_lower(trim(answer));
  return answer == "y" || answer == "yes";
}

std::string describe(const Record& r, const Schema& schema) {
  std::string title = r.get(schema.title);
  return schema.type + " " + (title.empty() ? r.id() : title + " (" + r.id() + ")");
}

}  // namespace

int cmd_add(Context& ctx, const Schema& schema, const AddOptions& o) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get(schema.type);  // with the store's custom fields
  Record r;
  r.type = s.type;
  if (!o.from.empty()) merge_from(store, s, r, o.from);
  if (!r.data.find("id")) {
    Node rest = r.data;
    r.data = Node::map();
    r.data.set("id", Node::scalar(new_id()));
    for (auto& e : rest.entries) r.data.entries.push_back(e);
  } else if (store.type_of(r.id())) {
    throw Conflict("a record with id " + r.id() + " already exists");
  }
  for (const auto& [field, value] : o.named) apply_assignment(store, s, r, field + "=" + value);
  for (const std::string& a : o.sets) apply_assignment(store, s, r, a);
  if (!o.lines.empty()) {
    std::string currency = r.get("currency").empty() ? store.config().currency : r.get("currency");
    Node lines = Node::sequence();
    for (const std::string& text : o.lines) lines.items.push_back(parse_order_line(store, text, currency));
    r.data.set("lines", lines);
  }
  apply_defaults(store, s, r);
  Writer writer = store.lock();
  for (const std::string& note : write_with_effects(writer, r, nullptr, true).notes) ctx.note(note);
  ctx.out(r.id() + "\n");
  return 0;
}

std::function<Tone(const Record&, const std::string&)> record_tone(const Store& store) {
  const Config* config = &store.config();
  const Clock* clock = &store.clock();
  // -1 past, 0 today, 1 later; 2 no date.
  auto when = [clock](const std::string& text) {
    if (auto t = parse_iso_datetime(text)) {
      if (*t < clock->now) return -1;
      return clock->local_day(*t) == clock->today ? 0 : 1;
    }
    if (auto d = parse_iso_date(text)) return *d < clock->today ? -1 : *d == clock->today ? 0 : 1;
    return 2;
  };
  auto date_tone = [when](const std::string& text) {
    int w = when(text);
    return w == -1 ? Tone::Bad : w == 0 ? Tone::Warn : Tone::None;
  };
  return [config, clock, date_tone](const Record& r, const std::string& field) -> Tone {
    if (r.type == "task") {
      bool open = task_is_open(r);
      if (field.empty()) return open ? Tone::None : Tone::Dim;
      if (field == "due" && open) return date_tone(r.get("due"));
      if (field == "priority" && open) {
        std::string p = r.get("priority");
        return p == "urgent" ? Tone::Bad : p == "high" ? Tone::Strong : Tone::None;
      }
    } else if (r.type == "deal") {
      std::string closed = deal_closed(r, *config);
      if (field.empty()) return closed == "won" ? Tone::Good : closed.empty() ? Tone::None : Tone::Dim;
      if (field == "close_date" && closed.empty())
        return date_tone(r.get("close_date")) == Tone::Bad ? Tone::Bad : Tone::None;
    } else if (r.type == "contact" && field == "follow_up" && r.get("do_not_contact") != "true") {
      return date_tone(r.get("follow_up"));
    } else if (r.type == "ticket") {
      // Breached in red (a breach stays one), solved and closed dimmed, urgent marked.
      bool open = ticket_is_open(r);
      if (field.empty()) return open ? Tone::None : Tone::Dim;
      if ((field == "response_due" || field == "resolution_due" || field == "subject") &&
          ticket_breached(r, clock->now))
        return Tone::Bad;
      if (field == "priority" && open) {
        std::string p = r.get("priority");
        return p == "urgent" ? Tone::Bad : p == "high" ? Tone::Strong : Tone::None;
      }
    }
    return Tone::None;
  };
}

RenderOptions render_options(Context& ctx, Store& store) {
  RenderOptions ro;
  ro.out = ctx.output(&store.clock());
  ro.name_of = record_names(store);
  ro.currency = store.config().currency;
  ro.tone = record_tone(store);
  return ro;
}

int cmd_list(Context& ctx, const Schema& schema, const ListOptions& o) {
  Store& store = ctx.store();
  const Schema& stored = store.schemas().get(schema.type);
  // Derived fields (derived_fields.hpp: a contact's revenue, a deal's
  // probability, a ticket's age…): known to filters, --fields and --sort,
  // and computed only when one of them names one.
  // Segments have their current count (derived, always shown).
  bool segments = stored.type == "segment";
  const Schema valued = segments ? with_segment_count(stored) : with_derived_fields(stored);
  const Schema& s = valued;
  RenderOptions ro = render_options(ctx, store);
  Format format = ro.out.format;
  Filter filter = parse_store_filter(store, o.filter, s);
  std::vector<std::string> fields = parse_fields_option(s, o.fields);
  bool derives = !segments && filter_derives(filter, stored);
  bool derive = segments || derives || any_derived_field(stored, fields) ||
                (!segments && any_derived_field(stored, split(o.sort, ',')));
  // Decode only the fields this listing reads: at 100,000 records that is
  // most of the cost (full records when a bare word searches every field, or
  // when json/yaml print whole records).
  std::vector<std::string> needed = {s.title};
  bool partial = filter.fields_used(needed);
  bool whole_records = fields.empty() && prints_whole_records(format);
  partial = partial && !whole_records;
  for (const std::string& f : fields.empty() ? s.columns : fields) needed.push_back(f.substr(0, f.find('.')));
  for (const char* f : {"status", "priority", "currency", "stage", "do_not_contact"})  // colours and money
    if (s.field(f)) needed.push_back(f);
  for (const std::string& part : split(o.sort.empty() ? s.sort : o.sort, ','))
    needed.push_back(trim(part.substr(0, part.find(':'))).substr(0, part.find('.')));
  const NameOf& name_of = ro.name_of;
  // The filter is tested on its own fields first: the columns are decoded
  // only for the records it matches.
  // A deal's or ticket's derived fields come from the record alone: a filter
  // on them is tested as records are read, on the fields they come from.
  Store::Keep keep;
  bool prefilter =
      (!derive || (!segments && derived_from_record(s.type))) && !filter.empty() && filter.fields_used(keep.fields);
  keep.test = [&](const Record& r) { return filter.matches(r, name_of); };
  if (prefilter && derives) {
    keep.fields = derived_sources(stored, keep.fields);
    keep.test = [&](const Record& r) { return matches_with_derived(store, stored, filter, r, name_of); };
  }
  if (segments)
    needed.erase(std::remove(needed.begin(), needed.end(), "count"), needed.end());
  else if (derive)
    needed = derived_sources(stored, needed);
  if (segments) partial = false;  // a count needs the whole segment (its name and type)
  Store::Loaded loaded = store.load_all(stored, partial ? &needed : nullptr, prefilter ? &keep : nullptr);
  std::vector<std::string> count_problems;
  Store::Loaded uncounted;  // files a count left out
  if (segments) fill_segment_counts(store, loaded.records, &count_problems, &uncounted);
  if (derive && !segments) fill_derived_fields(store, loaded.records);
  for (const std::string& p : count_problems) ctx.note(p);
  // Done tasks and closed deals are history: hidden unless --all or a
  // filter on status (stage) asks for them, as Taskwarrior shows pending.
  std::string state = s.type == "task" ? "status" : s.type == "deal" ? "stage" : "";
  bool hide_closed = !o.all && !state.empty();
  for (const auto& group : filter.groups())
    for (const Term& t : group) hide_closed = hide_closed && t.field != state;
  auto closed = [&](const Record& r) {
    return s.type == "task" ? !task_is_open(r) : !deal_closed(r, store.config()).empty();
  };
  std::vector<const Record*> shown;
  size_t hidden = 0;
  for (const Record& r : loaded.records) {
    if (!filter.matches(r, name_of)) continue;
    if (hide_closed && closed(r))
      ++hidden;
    else
      shown.push_back(&r);
  }
  // Whole records print their derived fields only when computed.
  const Schema& out = derive ? valued : stored;
  sort_records(shown, valued, o.sort, name_of, store.config().stage_names());
  if (o.limit >= 0 && shown.size() > static_cast<size_t>(o.limit)) shown.resize(static_cast<size_t>(o.limit));
  std::vector<std::string> shown_ids;
  for (const Record* r : shown) shown_ids.push_back(r->id());
  auto prefixes = unique_prefixes(store.ids(s), shown_ids);
  ro.fields = fields;
  ro.short_ids = &prefixes;
  ro.empty_note = "no " + std::string(hide_closed ? "open " : "") + s.folder +
                  (o.filter.empty() ? "" : " match " + join(o.filter, " ")) +
                  (hidden ? " (" + std::to_string(hidden) + " hidden: --all shows them)" : "");
  ctx.out(render_list(shown, out, ro));
  // A value computed from orders that do not all load is reported as wrong.
  Store::Loaded sources =
      load_problems(store, derive && !segments ? derived_reads(stored.type) : std::vector<std::string>{});
  for (const Store::Loaded* l : {&loaded, &sources, &uncounted}) {
    for (const InvalidData& e : l->errors) ctx.report(e);
    for (const std::string& c : l->conflicts) ctx.report(Conflict(c));
  }
  return ctx.status;
}

namespace {

Json related_object(const Store& store, const std::vector<RelatedGroup>& groups) {
  Json out = Json::object();
  for (const RelatedGroup& g : groups) {
    auto one = [&](const Record& r) { return record_object(r, store.schemas().get(r.type)); };
    if (g.single) {
      out[g.key] = one(g.records.front());
    } else {
      Json a = Json::array();
      for (const Record& r : g.records) a.push_back(one(r));
      out[g.key] = a;
    }
  }
  return out;
}

std::string related_table(Context& ctx, Store& store, const std::vector<RelatedGroup>& groups, int limit,
                          const OutputOptions& out_options) {
  std::string out;
  RenderOptions base = render_options(ctx, store);
  base.out = out_options;
  for (const RelatedGroup& g : groups) {
    if (g.single) continue;  // shown inline as the field's value
    const Schema& s = store.schemas().get(g.records.front().type);
    std::vector<const Record*> rows;
    for (const Record& r : g.records) rows.push_back(&r);
    size_t total = rows.size();
    if (limit >= 0 && rows.size() > static_cast<size_t>(limit)) rows.resize(static_cast<size_t>(limit));
    std::vector<std::string> ids;  // a group may hold several types (an activity's "with")
    std::vector<std::string> shown_ids;
    for (const Record* r : rows) shown_ids.push_back(r->id());
    std::vector<std::string> types;
    for (const Record& r : g.records)
      if (std::find(types.begin(), types.end(), r.type) == types.end()) types.push_back(r.type);
    for (const std::string& t : types)
      for (const std::string& id : store.ids(store.schemas().get(t))) ids.push_back(id);
    auto prefixes = unique_prefixes(std::move(ids), shown_ids);
    RenderOptions ro = base;
    ro.short_ids = &prefixes;
    std::string title = g.key;
    title[0] = static_cast<char>(std::toupper(title[0]));
    out += "\n" + title + " (" + std::to_string(total) + ")\n";
    out += render_list(rows, s, ro);
    if (rows.size() < total) out += "… " + std::to_string(total - rows.size()) + " more (--limit)\n";
  }
  return out;
}

}  // namespace

int cmd_show(Context& ctx, const Schema& schema, const ShowOptions& o) {
  Store& store = ctx.store();
  const Schema& stored = store.schemas().get(schema.type);
  const Schema valued = with_derived_fields(stored);  // a contact's value, a ticket's age…
  RenderOptions ro = render_options(ctx, store);
  std::vector<std::string> fields = parse_fields_option(valued, o.fields);
  // The 360° view reads the folders that may refer to the record: their
  // look starts now, while the record is found.
  if (fields.empty()) store.prefetch(related_types(store, stored.type));
  std::vector<Record> records;
  for (const std::string& key : o.ids) {
    Record r = store.load(stored, store.resolve(stored, key));
    std::vector<InvalidData> problems = validate_record(r, stored);
    for (const InvalidData& e : problems) ctx.report(e);
    records.push_back(std::move(r));
  }
  // Derived fields: in the whole view (a customer's value when it has
  // bought), or as asked by --fields.
  bool derive = fields.empty() || any_derived_field(stored, fields);
  bool has_value = derive && !has_value_fields(stored.type);
  if (derive) {
    fill_derived_fields(store, records);
    if (fields.empty() && has_value_fields(stored.type))
      for (Record& r : records)
        if (r.get("orders") == "0" && !stored.field("orders")) {
          r.data.erase("orders");
          r.data.erase("revenue");
        }
  }
  for (const Record& r : records) has_value = has_value || (derive && r.find("orders"));
  const Schema& s = has_value ? valued : stored;
  std::vector<const Record*> ptrs;
  for (const Record& r : records) ptrs.push_back(&r);
  ro.fields = fields;
  Table t = record_table(ptrs, s, ro);
  // json/jsonl: the whole record (with its derived fields: a deal's
  // probability is the one it is weighted by), and the records related to
  // it (not "related": a task has a field of that name).
  t.objects.clear();
  for (const Record& r : records) {
    Json obj = record_object(r, s, fields.empty() ? nullptr : &fields);
    if (fields.empty()) obj["related_records"] = related_object(store, related_records(store, r));
    t.objects.push_back(obj);
  }
  t.single = records.size() == 1;
  // A table: each record's field/value lines, then its related records.
  t.text = [&](const OutputOptions& out_options) {
    std::string out;
    RenderOptions detail = ro;
    detail.out = out_options;
    for (size_t i = 0; i < records.size(); ++i) {
      if (i) out += "\n";
      out += render_detail(records[i], s, detail);
      if (fields.empty() && s.type == "ticket") out += ticket_sla_clock(store, records[i]);
      if (fields.empty()) out += related_table(ctx, store, related_records(store, records[i]), o.limit, out_options);
    }
    return out;
  };
  ctx.out(render(t, ro.out));
  Store::Loaded sources = load_problems(store, derive ? derived_reads(stored.type) : std::vector<std::string>{});
  for (const InvalidData& e : sources.errors) ctx.report(e);  // the value misses them
  for (const std::string& c : sources.conflicts) ctx.report(Conflict(c));
  return ctx.status;
}

int cmd_set(Context& ctx, const Schema& schema, const SetOptions& o) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get(schema.type);
  if (o.assignments.empty() && o.unset.empty() && o.tags.empty() && o.untags.empty() && o.named.empty())
    throw UsageError("nothing to set: give FIELD=VALUE, --unset FIELD, --tag or --untag");
  Writer writer = store.lock();
  std::string id = store.resolve(s, o.id);
  Record r = store.load(s, id);
  const Record original = r;
  Node before = canonical_data(r.data, s);
  for (const auto& [field, value] : o.named) apply_assignment(store, s, r, field + "=" + value);
  for (const std::string& a : o.assignments) apply_assignment(store, s, r, a);
  for (const std::string& f : o.unset) {
    if (is_stamp_or_id(f)) throw UsageError(f + " is set by crm and cannot be changed");
    if (!s.field_path(f) && !r.find(f)) throw unknown_field(s, f);
    apply_assignment(store, s, r, f + "=");
  }
  for (const std::string& t : o.tags) apply_assignment(store, s, r, "tags+=" + t);
  for (const std::string& t : o.untags) apply_assignment(store, s, r, "tags-=" + t);
  if (canonical_data(r.data, s).same_value(before)) return 0;  // nothing changed: the file stays byte for byte
  for (const std::string& note : write_with_effects(writer, r, &original, false).notes) ctx.note(note);
  return 0;
}

int cmd_edit(Context& ctx, const Schema& schema, const std::string& key) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get(schema.type);
  std::string id = store.resolve(s, key);
  Record original = store.load(s, id);
  // The file as it is now: if it is not the same when the editor closes,
  // something else changed the record meanwhile and the edit must not undo it.
  std::string on_disk = read_file(store.record_path(s, id), kMaxRecordBytes + 1);
  std::string before = serialize_record(original, s);
  // Reached without following links (a clone may carry .crm/edit -> anywhere);
  // 0600: the record may be private, whatever the folder allows.
  std::string name = id + ".yaml";
  Dir edit_dir = store.open_dir(".crm/edit", /*create=*/true);
  std::error_code cwd_ec;
  fs::path cwd = fs::current_path(cwd_ec);
  struct stat st;
  if (edit_dir.lstat(name, st)) {
    // An earlier edit's text, kept when it failed: never overwrite it
    // (numbered backups, as GNU cp --backup=numbered names them).
    std::string old = edit_dir.read(name, kMaxRecordBytes + 1);
    if (old != before) {
      std::string older;
      for (int n = 1; older.empty() || edit_dir.lstat(older, st); ++n) older = name + ".~" + std::to_string(n) + "~";
      edit_dir.write(older, old, /*sync=*/true, 0600);
      ctx.note("the text of an earlier edit of this record is in " +
               fs::proximate(store.root() / ".crm" / "edit" / older, cwd, cwd_ec).string());
    }
  }
  edit_dir.write(name, before, /*sync=*/true, 0600);
  fs::path buffer = store.root() / ".crm" / "edit" / name;
  std::string editor;
  for (const char* var : {"VISUAL", "EDITOR"})
    if (const char* e = std::getenv(var); e && *e && editor.empty()) editor = e;
  if (editor.empty()) editor = "vi";
  bool interactive = ctx.stdin_is_tty() && ::isatty(STDERR_FILENO);
  // Named as the user can open it from where they are.
  std::error_code ec;
  fs::path shown = fs::proximate(buffer, fs::current_path(ec), ec);
  std::string buffer_name = ec ? buffer.string() : shown.string();
  std::string kept = "your text is kept in " + buffer_name;
  while (true) {
    // The editor command may carry arguments ("code --wait"): let the shell split it.
    std::string command = editor + " \"$1\"";
    pid_t pid = ::fork();
    if (pid == 0) {
      ::execl("/bin/sh", "sh", "-c", command.c_str(), "sh", buffer.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    int wstatus = 0;
    if (pid < 0 || ::waitpid(pid, &wstatus, 0) < 0) throw Error("cannot run the editor \"" + editor + "\"");
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
      throw InvalidData(Location{}, "edit aborted: the editor \"" + editor + "\" failed (status " +
                                        std::to_string(WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128) + "); " +
                                        original.path + " is unchanged; " + kept);
    std::string text = edit_dir.read(name, kMaxRecordBytes + 1);
    if (trim(text).empty()) {
      edit_dir.remove(name);
      throw InvalidData(Location{}, "edit aborted: the file was emptied; " + original.path + " is unchanged");
    }
    if (text == before) {
      edit_dir.remove(name);
      ctx.note("no changes to " + original.path);
      return 0;
    }
    try {
      Record edited;
      edited.type = s.type;
      edited.path = buffer_name;  // errors point into the text the user edited
      edited.data = parse_yaml(text, buffer_name);
      if (!edited.data.is_map()) throw InvalidData(Location{buffer_name, 1, 1, ""}, "a record is a map of fields");
      if (edited.id() != id) {
        const Node* n = edited.data.find("id");
        throw InvalidData(Location{buffer_name, n ? n->line : 1, n ? n->column : 1, "id"}, "cannot be changed");
      }
      if (const Node* c = original.data.find("created")) edited.data.set("created", *c);
      std::vector<InvalidData> problems = validate_record(edited, s);
      if (!problems.empty()) throw problems.front();
      if (s.type == "lead" && edited.get("score") != original.get("score") && score_is_computed(store.config())) {
        const Node* n = edited.data.find("score");
        throw InvalidData(Location{buffer_name, n ? n->line : 1, n ? n->column : 1, "score"}, kScoreIsComputed);
      }
      Writer writer = store.lock();
      std::string now_on_disk;
      try {
        now_on_disk = read_file(store.record_path(s, id), kMaxRecordBytes + 1);
      } catch (const Error&) {
      }
      if (now_on_disk != on_disk)
        throw Conflict(original.path +
                       " changed while you were editing it (another command, or a sync); it keeps "
                       "that change; " +
                       kept + " (crm edit again starts from the new version)");
      if (canonical_data(edited.data, s).same_value(canonical_data(original.data, s))) {
        edit_dir.remove(name);
        return 0;
      }
      for (const std::string& note : write_with_effects(writer, edited, &original, false).notes) ctx.note(note);
      edit_dir.remove(name);
      return 0;
    } catch (const InvalidData& e) {
      if (!interactive) throw InvalidData(e.where(), e.message() + "; " + original.path + " is unchanged; " + kept);
      ctx.report(e);
      ctx.status = 0;
      if (!confirm("crm: re-open the editor?")) {
        throw InvalidData(Location{}, "edit abandoned; " + original.path + " is unchanged; " + kept);
      }
    }
  }
}

int cmd_rm(Context& ctx, const Schema& schema, const RmOptions& o) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get(schema.type);
  Writer writer = store.lock();
  std::vector<Record> doomed;
  for (const std::string& key : o.ids) {
    std::string id = store.resolve(s, key);
    if (std::none_of(doomed.begin(), doomed.end(), [&](const Record& r) { return r.id() == id; }))
      doomed.push_back(store.load(s, id));
  }
  auto is_doomed = [&](const std::string& id) {
    return std::any_of(doomed.begin(), doomed.end(), [&](const Record& r) { return r.id() == id; });
  };
  std::vector<std::pair<const Record*, std::vector<Reference>>> refs;
  for (const Record& r : doomed) {
    std::vector<Reference> in;
    for (const Reference& ref : store.referrers(r.id()))
      if (!is_doomed(ref.id)) in.push_back(ref);
    if (!in.empty()) refs.emplace_back(&r, in);
  }
  // A segment is also used by name (@NAME): rules, scoring, assignment, other segments.
  if (s.type == "segment" && !o.force) {
    std::vector<std::string> ids;
    for (const Record& r : doomed) ids.push_back(r.id());
    for (const Record& r : doomed)
      if (std::vector<std::string> users = segment_users(store, r.get("name"), ids); !users.empty())
        throw Conflict("segment @" + r.get("name") + " is used by " + join(users, ", ") +
                       "; change those first, or use --force to remove it and leave them naming nothing");
  }
  if (!refs.empty() && !o.force) {
    const auto& [r, in] = refs.front();
    std::map<std::string, int> by_type;
    for (const Reference& ref : in) by_type[ref.type]++;
    std::vector<std::string> counts;
    for (const auto& [type, n] : by_type) counts.push_back(std::to_string(n) + " " + type + (n > 1 ? "s" : ""));
    throw Conflict(describe(*r, s) + " is referenced by " + join(counts, " and ") +
                   "; use --force to remove it and unlink them");
  }
  if (!o.yes) {
    if (!ctx.stdin_is_tty()) throw UsageError("rm removes records: add --yes to confirm when not at a terminal");
    std::vector<std::string> names;
    for (const Record& r : doomed) names.push_back(describe(r, s));
    if (!confirm("Remove " + join(names, ", ") + "?")) {
      ctx.note("nothing removed");
      return 0;
    }
  }
  // Unlink first: an interruption then leaves a record without a link, never a dangling one.
  for (const auto& [r, in] : refs) {
    for (const Reference& ref : in) {
      const Schema& rs = store.schemas().get(ref.type);
      Record referrer = store.load(rs, ref.id);
      const Record before = referrer;
      Node* v = referrer.data.find(ref.field);
      if (v && v->is_scalar()) {
        referrer.data.erase(ref.field);
      } else if (v) {
        v->items.erase(
            std::remove_if(v->items.begin(), v->items.end(), [&](const Node& n) { return n.text == r->id(); }),
            v->items.end());
        if (v->items.empty()) referrer.data.erase(ref.field);
      }
      write_with_effects(writer, referrer, &before, false);
      ctx.note("unlinked " + describe(referrer, rs) + " (" + ref.field + ")");
    }
  }
  for (const Record& r : doomed) remove_record(writer, s, r.id());
  return 0;
}

}  // namespace crm::cli
