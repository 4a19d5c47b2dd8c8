#include "crm/import_upsert.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "crm/deal_workflow.hpp"
#include "crm/decimal.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/import_values.hpp"
#include "crm/lead_conversion.hpp"
#include "crm/match_keys.hpp"
#include "crm/rules.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm::import {

namespace {

ImportMode parse_mode(const std::string& mode) {
  if (mode == "create") return ImportMode::Create;
  if (mode == "update") return ImportMode::Update;
  return ImportMode::Upsert;
}

struct Slot {
  Record record;
  Node original;  // the data as it was in the store (a new record: empty)
  bool is_new = false;
  bool alive = true;
  bool keep_created = false;
  std::vector<size_t> rows;  // result rows that made or changed it
  size_t first_row = 0;
};

// Equal as the field's type sees it ("ADA@X" and "ada@x"; "+44 20…" and "020…"; 48000 and 48000.00).
std::vector<std::string> all_emails(const Record& r) {
  std::vector<std::string> out;
  if (std::string k = email_key(r.get("email")); !k.empty()) out.push_back(k);
  if (const Node* es = r.data.find("emails"); es && es->is_sequence())
    for (const Node& e : es->items)
      if (std::string k = email_key(e.text); !k.empty()) out.push_back(k);
  return out;
}

// A row and a record that have an email in common are the same person when
// the primary email of one is among the other's emails (or one has no
// primary): two people who share only a second address are not merged.
bool same_person_by_email(const Record& row, const Record& record) {
  std::string a = email_key(row.get("email")), b = email_key(record.get("email"));
  if (a.empty() || b.empty() || a == b) return true;
  std::vector<std::string> ra = all_emails(row), rb = all_emails(record);
  return std::find(rb.begin(), rb.end(), a) != rb.end() || std::find(ra.begin(), ra.end(), b) != ra.end();
}

// A row without an email and a record of the same name are the same person
// unless both have phones and none in common.
bool same_person_by_name(const Record& row, const Record& record) {
  auto phones = [](const Record& r) {
    std::vector<std::string> out;
    if (std::string k = phone_key(r.get("phone")); !k.empty()) out.push_back(k);
    if (const Node* ps = r.data.find("phones"); ps && ps->is_sequence())
      for (const Node& p : ps->items)
        if (std::string k = phone_key(p.get("number")); !k.empty()) out.push_back(k);
    return out;
  };
  std::vector<std::string> a = phones(row), b = phones(record);
  if (a.empty() || b.empty()) return true;
  for (const std::string& k : a)
    if (std::find(b.begin(), b.end(), k) != b.end()) return true;
  return false;
}

bool equivalent(const Field* f, const Node& a, const Node& b) {
  if (!a.is_scalar() || !b.is_scalar()) return a.same_value(b);
  if (a.text == b.text) return true;
  if (!f) return false;
  switch (f->type) {
    case FieldType::Email:
      return email_key(a.text) == email_key(b.text);
    case FieldType::Phone: {
      std::string ka = phone_key(a.text);
      return !ka.empty() && ka == phone_key(b.text);
    }
    case FieldType::Money:
    case FieldType::Decimal: {
      auto da = Decimal::parse(a.text), db = Decimal::parse(b.text);
      return da && db && *da == *db;
    }
    case FieldType::Url:
      return bare_domain(a.text) == bare_domain(b.text) && to_lower(a.text) == to_lower(b.text);
    default:
      return false;
  }
}

// Merges an imported value into a record's: lists as sets, objects by key,
// scalars replaced unless equivalent.
void merge_value(const Field* f, Node& parent, const std::string& key, const Node& incoming) {
  Node* existing = parent.find(key);
  if (!existing || existing->empty()) {
    parent.set(key, incoming);
    return;
  }
  if (key == "import_notes" && existing->is_scalar() && incoming.is_scalar()) {  // lines, as a set
    std::vector<std::string> lines = split(existing->text, '\n');
    for (const std::string& l : split(incoming.text, '\n'))
      if (!trim(l).empty() && std::find(lines.begin(), lines.end(), l) == lines.end()) lines.push_back(l);
    existing->text = join(lines, "\n");
    return;
  }
  if (f && (f->type == FieldType::List || f->type == FieldType::Refs) && existing->is_sequence() &&
      incoming.is_sequence()) {
    const Field* item = f->type == FieldType::List ? f->item.get() : nullptr;
    for (const Node& x : incoming.items)
      if (std::none_of(existing->items.begin(), existing->items.end(),
                       [&](const Node& e) { return equivalent(item, e, x); }))
        existing->items.push_back(x);
    return;
  }
  if (f && f->type == FieldType::Object && existing->is_map() && incoming.is_map()) {
    for (const auto& [k, v] : incoming.entries) merge_value(f->subfield(k), *existing, k, v);
    return;
  }
  if (!equivalent(f, *existing, incoming)) parent.set(key, incoming);
}

// A contact's emails and phones: a value it has anywhere is not added again;
// a new one fills the primary field when empty, else joins the list.
void merge_person(Record& r, const Schema& schema, Node& fields) {
  if (schema.field("emails")) {
    std::vector<std::string> in;
    if (const Node* e = fields.find("email"); e && e->is_scalar()) in.push_back(e->text);
    if (const Node* es = fields.find("emails"); es && es->is_sequence())
      for (const Node& e : es->items) in.push_back(e.text);
    for (const std::string& e : in) {
      bool has = email_key(r.get("email")) == email_key(e);
      if (const Node* es = r.data.find("emails"); es && es->is_sequence())
        for (const Node& x : es->items) has = has || email_key(x.text) == email_key(e);
      if (has) continue;
      if (r.get("email").empty()) {
        r.data.set("email", Node::scalar(e));
      } else {
        Node* es = r.data.find("emails");
        if (!es || !es->is_sequence()) {
          r.data.set("emails", Node::sequence());
          es = r.data.find("emails");
        }
        es->items.push_back(Node::scalar(e));
      }
    }
    fields.erase("email");
    fields.erase("emails");
  }
  if (schema.field("phones")) {
    std::vector<PhoneIn> in;
    if (const Node* p = fields.find("phone"); p && p->is_scalar()) in.push_back({p->text, "", false, ""});
    if (const Node* ps = fields.find("phones"); ps && ps->is_sequence())
      for (const Node& p : ps->items) in.push_back({p.get("number"), p.get("kind"), false, ""});
    for (const PhoneIn& p : in) {
      std::string key = phone_key(p.number);
      auto same = [&](const std::string& other) { return key.empty() ? other == p.number : phone_key(other) == key; };
      bool has = same(r.get("phone"));
      if (Node* ps = r.data.find("phones"); ps && ps->is_sequence())
        for (Node& x : ps->items)
          if (same(x.get("number"))) {
            has = true;
            if (x.get("kind").empty() && !p.kind.empty()) x.set("kind", Node::scalar(p.kind));
          }
      if (has) continue;
      if (r.get("phone").empty()) {
        r.data.set("phone", Node::scalar(p.number));
      } else {
        Node* ps = r.data.find("phones");
        if (!ps || !ps->is_sequence()) {
          r.data.set("phones", Node::sequence());
          ps = r.data.find("phones");
        }
        Node item = Node::map();
        item.set("number", Node::scalar(p.number));
        if (!p.kind.empty()) item.set("kind", Node::scalar(p.kind));
        ps->items.push_back(item);
      }
    }
    fields.erase("phone");
    fields.erase("phones");
  }
}

// The data without the stamps, canonical: what "changed" compares.
Node comparable(const Node& data, const Schema& schema) {
  Node c = canonical_data(data, schema);
  c.erase("created");
  c.erase("updated");
  return c;
}

class Importer {
 public:
  Importer(Writer& writer, const ImportRequest& req, ImportResult& result)
      : writer_(writer),
        store_(writer.store()),
        req_(req),
        result_(result),
        schemas_(writer.store().schemas()),
        mode_(parse_mode(req.mode)) {}

  void process(Incoming& in);
  void write_all();

 private:
  void ensure_loaded(const std::string& type);
  void index(size_t slot);
  std::vector<std::string> keys_of(const Record& r, const std::string& kind) const;
  std::vector<size_t> lookup(const std::string& type, const std::string& kind,
                             const std::vector<std::string>& keys) const;
  std::vector<std::vector<std::string>> key_plan(const std::string& type, bool json) const;
  std::optional<std::string> resolve_company(Incoming& in, const RefText& ref, std::vector<size_t>& made);
  std::string resolve_any(const Field& f, const std::string& text);
  size_t new_slot(const std::string& type, const std::string& id);
  void apply_defaults(Record& r, const Schema& schema) const;
  Seconds deal_move_time(const Record& deal, const std::string& stage, bool is_new) const;

  Writer& writer_;
  const Store& store_;
  const ImportRequest& req_;
  ImportResult& result_;
  const SchemaSet& schemas_;
  ImportMode mode_;
  std::vector<Slot> slots_;
  std::set<std::string> loaded_;
  std::map<std::string, std::vector<size_t>> index_;  // "type|kind|key" → slots
};

void Importer::ensure_loaded(const std::string& type) {
  if (loaded_.count(type)) return;
  loaded_.insert(type);
  const Schema& schema = schemas_.get(type);
  Store::Loaded all = store_.load_all(schema);
  // Records that do not validate are still there: matching one updates it, if the result validates.
  for (std::vector<Record>* records : {&all.records, &all.invalid})
    for (Record& r : *records) {
      Slot s;
      s.original = r.data;
      s.record = std::move(r);
      slots_.push_back(std::move(s));
      index(slots_.size() - 1);
    }
}

std::vector<std::string> Importer::keys_of(const Record& r, const std::string& kind) const {
  std::vector<std::string> out;
  const std::string& type = r.type;
  const Schema& schema = schemas_.get(type);
  auto name_key = [&]() -> std::string {
    std::string title = r.get(schema.title);
    return type == "company" ? normalise_company_name(title) : person_name_key(title);
  };
  if (kind == "id") {
    if (!r.id().empty()) out.push_back(r.id());
  } else if (kind == "email") {
    if (std::string k = email_key(r.get("email")); !k.empty()) out.push_back(k);
    if (const Node* es = r.data.find("emails"); es && es->is_sequence())
      for (const Node& e : es->items)
        if (std::string k = email_key(e.text); !k.empty()) out.push_back(k);
  } else if (kind == "domain") {
    std::string d = bare_domain(r.get("domain"));
    if (d.empty()) d = bare_domain(r.get("website"));
    if (!d.empty()) out.push_back(d);
  } else if (kind == "name") {
    if (std::string k = name_key(); !k.empty()) out.push_back(k);
  } else if (kind == "external") {
    if (const Node* xs = r.data.find("external_ids"); xs && xs->is_sequence())
      for (const Node& x : xs->items)
        if (!x.text.empty()) out.push_back(x.text);
  } else if (kind == "fallback") {
    std::string k = name_key();
    if (k.empty()) return out;
    if (type == "deal") k += "|" + r.get("company");
    if (type == "task") k += "|" + r.get("due");
    if (type == "activity") k = r.get("kind") + "|" + r.get("at") + "|" + k;
    out.push_back(k);
  } else if (starts_with(kind, "field:")) {
    const Field* f = schema.field_path(kind.substr(6));
    const Field* item = f && f->type == FieldType::List ? f->item.get() : f;
    auto key = [&](const std::string& text) {
      if (item && item->type == FieldType::Phone) return phone_key(text);
      if (item && item->type == FieldType::Email) return email_key(text);
      return fold_case(trim(text));
    };
    const Node* v = r.find(kind.substr(6));
    if (v && v->is_scalar())
      if (std::string k = key(v->text); !k.empty()) out.push_back(k);
    if (v && v->is_sequence())
      for (const Node& i : v->items)
        if (std::string k = key(i.is_map() ? i.get("number") : i.text); !k.empty()) out.push_back(k);
  }
  return out;
}

void Importer::index(size_t slot) {
  const Record& r = slots_[slot].record;
  std::vector<std::string> kinds = {"id", "external", "email", "domain", "name", "fallback"};
  if (!req_.match.empty() && req_.match != "id" && req_.match != "email" && req_.match != "domain" &&
      req_.match != "name")
    kinds.push_back("field:" + req_.match);
  for (const std::string& kind : kinds)
    for (const std::string& k : keys_of(r, kind)) {
      std::vector<size_t>& v = index_[r.type + "|" + kind + "|" + k];
      if (std::find(v.begin(), v.end(), slot) == v.end()) v.push_back(slot);
    }
}

std::vector<size_t> Importer::lookup(const std::string& type, const std::string& kind,
                                     const std::vector<std::string>& keys) const {
  std::vector<size_t> out;
  for (const std::string& k : keys) {
    auto it = index_.find(type + "|" + kind + "|" + k);
    if (it == index_.end()) continue;
    for (size_t s : it->second)
      if (slots_[s].alive && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

// The keys tried in order; a row with no value for any falls back on its name.
std::vector<std::vector<std::string>> Importer::key_plan(const std::string& type, bool json) const {
  std::string m = req_.match;
  if (m.empty()) {
    if (json) return {{"id"}};
    if (type == "contact" || type == "lead") return {{"email"}};
    if (type == "company") return {{"domain", "name"}};
    return {{}};
  }
  if (m == "id") return {{}};
  if (m == "email" || m == "domain" || m == "name") return {{m}};
  return {{"field:" + m}};
}

size_t Importer::new_slot(const std::string& type, const std::string& id) {
  Slot s;
  s.is_new = true;
  s.record.type = type;
  s.record.data.set("id", Node::scalar(id));
  slots_.push_back(std::move(s));
  return slots_.size() - 1;
}

void Importer::apply_defaults(Record& r, const Schema& schema) const {
  for (const Field& f : schema.fields)
    if (!f.default_value.empty() && !r.data.find(f.name)) {
      try {
        r.data.set(f.name, parse_field_value(f, f.default_value, store_.clock(), f.name));
      } catch (const Error&) {
      }
    }
  if (const Field* src = schema.field("source"); src && contains_str(src->values, "import") && r.get("source").empty())
    r.data.set("source", Node::scalar("import"));
}

// A new deal imported as won or lost closed on its close date; anything else moves now.
Seconds Importer::deal_move_time(const Record& deal, const std::string& stage, bool is_new) const {
  if (is_new)
    if (auto d = parse_iso_date(deal.get("close_date")))
      if (const Stage* s = store_.config().stage(stage); s && !s->closed.empty()) return Seconds{*d};
  return store_.clock().now;
}

// A contact's or deal's company named by name or domain: an existing one,
// one this import made, or a new one.
std::optional<std::string> Importer::resolve_company(Incoming& in, const RefText& ref, std::vector<size_t>& made) {
  ensure_loaded("company");
  const std::string& text = ref.values.front();
  if (ref.by_id) {
    if (!lookup("company", "id", {text}).empty()) return text;
    throw cell_error(ref.column, "no company with id " + text);
  }
  std::string lower = to_lower(trim(text));
  if (is_valid_id(lower) && !lookup("company", "id", {lower}).empty()) return lower;
  bool looks_like_domain = text.find(' ') == std::string::npos && text.find('.') != std::string::npos &&
                           text.find('@') == std::string::npos && !bare_domain(text).empty();
  std::vector<size_t> hits;
  if (looks_like_domain) hits = lookup("company", "domain", {bare_domain(text)});
  if (hits.empty()) hits = lookup("company", "name", {normalise_company_name(text)});
  // The company named wins over the email's domain: that only gives a new
  // company its domain, and only a work email's (not a home or free-mail one).
  std::string email_domain = company_email_domain(in.work_email);
  if (hits.size() > 1) {
    std::vector<std::string> ids;
    for (size_t h : hits) ids.push_back(slots_[h].record.id());
    in.notes.push_back("company " + qt(text) + " matches " + std::to_string(hits.size()) + " companies (" +
                       join(ids, ", ") + "): linked to the first; run crm dedupe --type company");
  }
  if (!hits.empty()) return slots_[hits.front()].record.id();
  if (mode_ == ImportMode::Update) {
    in.notes.push_back("no company " + qt(text) + ": not linked (--mode update creates nothing)");
    return std::nullopt;
  }
  size_t s = new_slot("company", new_id());
  Record& c = slots_[s].record;
  c.data.set("name", Node::scalar(looks_like_domain ? bare_domain(text) : trim(text)));
  std::string domain = looks_like_domain ? bare_domain(text) : email_domain;
  // A domain another company has already is not taken twice.
  if (!domain.empty() && lookup("company", "domain", {domain}).empty()) c.data.set("domain", Node::scalar(domain));
  apply_defaults(c, schemas_.get("company"));
  std::vector<InvalidData> problems = validate_record(c, schemas_.get("company"));
  if (!problems.empty()) {
    slots_[s].alive = false;
    throw cell_error(ref.column, "company " + qt(text) + ": " + problems.front().message());
  }
  index(s);
  made.push_back(s);
  return c.id();
}

// A name, email or id → the id of a record a reference field may hold; "" when none (or several).
std::string Importer::resolve_any(const Field& f, const std::string& text) {
  std::vector<std::string> types = f.ref_types;
  if (types.empty())
    for (const Schema& s : schemas_.all()) types.push_back(s.type);
  std::string t = trim(text);
  // "Ada Lovelace <ada@x>" or "Ada Lovelace (ada@x)": the email decides.
  std::string email;
  if (size_t at = t.find('@'); at != std::string::npos) {
    size_t start = t.find_last_of(" <(", at);
    size_t end = t.find_first_of(" >)", at);
    email = t.substr(start == std::string::npos ? 0 : start + 1,
                     end == std::string::npos ? std::string::npos : end - (start == std::string::npos ? 0 : start + 1));
  }
  for (const std::string& type : types) {
    ensure_loaded(type);
    std::vector<size_t> hits = lookup(type, "id", {to_lower(t)});
    if (hits.empty() && !email.empty()) hits = lookup(type, "email", {email_key(email)});
    if (hits.empty()) {
      std::string key = type == "company" ? normalise_company_name(t) : person_name_key(t);
      hits = lookup(type, "name", {key});
    }
    if (hits.size() == 1) return slots_[hits.front()].record.id();
  }
  return "";
}

void Importer::process(Incoming& in) {
  ImportRowResult row;
  row.type = in.type;
  row.file = in.file;
  row.line = in.line;
  if (const Schema* known = schemas_.find(in.type)) row.name = in.fields.get(known->title);
  size_t row_index = result_.rows.size();
  result_.rows.push_back(row);
  // "column \"E-mail 1 - Value\"" for a CSV, "EMAIL" for a vCard property.
  auto where = [&](const std::string& column) { return in.origin == Origin::Column ? "column " + qt(column) : column; };
  auto finish = [&](RowAction action, const std::string& reason) {
    ImportRowResult& r = result_.rows[row_index];
    r.action = action;
    std::vector<std::string> parts;
    if (!reason.empty()) parts.push_back(reason);
    if (action == RowAction::Failed || action == RowAction::Skipped) {
      // Nothing is written: a value set aside was not kept, only why it was.
      static const std::string kKept = " (kept in import_notes)";
      for (std::string& n : in.notes)
        if (ends_with(n, kKept)) n.erase(n.size() - kKept.size());
    }
    for (const std::string& n : in.notes) parts.push_back(n);
    r.reason = join(parts, "; ");
    r.notes = in.notes;
  };
  if (!in.error.empty()) {
    finish(in.skip ? RowAction::Skipped : RowAction::Failed, in.error);
    return;
  }
  const Schema& schema = schemas_.get(in.type);
  ensure_loaded(in.type);
  result_.rows[row_index].name = in.fields.get(schema.title);

  // References by name: a contact's company (made when new), a deal's contacts, a task's records.
  std::vector<size_t> made;  // companies this row makes
  auto drop_made = [&] {
    for (size_t s : made) slots_[s].alive = false;
  };
  try {
    // An id column (company_id) wins over the name column of the same field;
    // the name is used when the id names nothing here (another store's export).
    std::vector<RefText> refs;
    for (const RefText& ref : in.refs) {
      bool has_id = std::any_of(in.refs.begin(), in.refs.end(),
                                [&](const RefText& o) { return o.by_id && o.field == ref.field; });
      if (has_id && !ref.by_id) continue;
      RefText use = ref;
      if (ref.by_id) {
        bool all_found = true;
        for (const std::string& id : ref.values) {
          bool found = is_valid_id(id) && store_.type_of(id) != nullptr;
          for (const Slot& s : slots_) found = found || (s.alive && s.record.id() == id);
          all_found = all_found && found;
        }
        if (!all_found)
          for (const RefText& o : in.refs)
            if (!o.by_id && o.field == ref.field) use = o;
      }
      refs.push_back(use);
    }
    for (const RefText& ref : refs) {
      const Field* f = schema.field(ref.field);
      if (!f) continue;
      if (ref.field == "company" && f->type == FieldType::Ref && f->ref_types == std::vector<std::string>{"company"}) {
        if (auto id = resolve_company(in, ref, made)) {
          in.fields.set("company", Node::scalar(*id));
          in.column_of["company"] = ref.column;
        }
        continue;
      }
      Node ids = Node::sequence();
      for (const std::string& v : ref.values) {
        std::string id = ref.by_id ? to_lower(v) : resolve_any(*f, v);
        if (ref.by_id) {
          bool found = is_valid_id(id) && store_.type_of(id) != nullptr;
          for (const Slot& s : slots_) found = found || (s.alive && s.record.id() == id);
          if (!found) throw cell_error(ref.column, "no record with id " + id);
        }
        if (id.empty()) {
          in.notes.push_back(ref.column + ": no single record matches " + qt(v) + ", not linked");
          continue;
        }
        ids.items.push_back(Node::scalar(id));
      }
      if (ids.items.empty()) continue;
      if (f->type == FieldType::Ref) {
        in.fields.set(ref.field, ids.items.front());
      } else {
        in.fields.set(ref.field, ids);
      }
      in.column_of[ref.field] = ref.column;
    }
  } catch (const InvalidData& e) {
    drop_made();
    finish(RowAction::Failed, where(e.where().field) + ": " + e.message());
    return;
  }

  // Another system's ids for the record: kept, and matched on the next import.
  if (!in.external_ids.empty() && schema.field("external_ids")) {
    Node xs = Node::sequence();
    for (const std::string& x : in.external_ids) xs.items.push_back(Node::scalar(x));
    in.fields.set("external_ids", xs);
  }

  // The record this row is about.
  std::string possible_duplicate;  // a record that may be the same person, not merged by guess
  bool json = in.replace;
  std::optional<size_t> slot;
  std::string how;
  if (!in.id.empty()) {
    std::vector<size_t> hits = lookup(in.type, "id", {in.id});
    if (!hits.empty()) {
      slot = hits.front();
      how = "id";
    } else if (const Schema* other = store_.type_of(in.id); other && other->type != in.type) {
      drop_made();
      finish(RowAction::Failed, "id " + in.id + " is a " + other->type + " already");
      return;
    }
  }
  if (!slot && !in.external_ids.empty()) {
    std::vector<size_t> hits = lookup(in.type, "external", in.external_ids);
    if (hits.size() == 1) {
      slot = hits.front();
      how = "external id";
    }
  }
  if (!slot) {
    Record probe;
    probe.type = in.type;
    probe.data = in.fields;
    bool had_key = false;
    for (const std::vector<std::string>& group : key_plan(in.type, json)) {
      for (const std::string& kind : group) {
        std::vector<std::string> keys = keys_of(probe, kind);
        if (keys.empty()) continue;
        had_key = true;
        std::vector<size_t> hits = lookup(in.type, kind, keys);
        if (hits.size() > 1) {
          std::vector<std::string> ids;
          for (size_t h : hits) ids.push_back(slots_[h].record.id());
          drop_made();
          finish(RowAction::Skipped, "matches " + std::to_string(hits.size()) + " " + schema.folder + " by " +
                                         (starts_with(kind, "field:") ? kind.substr(6) : kind) + " (" +
                                         join(ids, ", ") + "); merge them first (crm dedupe)");
          return;
        }
        if (hits.size() == 1 && kind == "email" && !same_person_by_email(probe, slots_[hits.front()].record)) {
          // Only a secondary email in common: maybe two people who share an address.
          possible_duplicate = slots_[hits.front()].record.id();
          break;
        }
        if (hits.size() == 1) {
          slot = hits.front();
          how = starts_with(kind, "field:") ? kind.substr(6) : kind;
          break;
        }
      }
      if (slot || had_key) break;
    }
    if (!slot && !had_key && in.id.empty()) {
      std::vector<size_t> hits = lookup(in.type, "fallback", keys_of(probe, "fallback"));
      if (hits.size() == 1 && (in.type == "contact" || in.type == "lead") &&
          !same_person_by_name(probe, slots_[hits.front()].record)) {
        // The same name and another phone: two people, until someone merges them.
        possible_duplicate = slots_[hits.front()].record.id();
      } else if (hits.size() == 1) {
        slot = hits.front();
        how = "name";
      } else if (hits.size() > 1) {
        drop_made();
        finish(RowAction::Skipped,
               "no key to match by, and the name matches " + std::to_string(hits.size()) + " " + schema.folder);
        return;
      }
    }
  }

  // Modes.
  bool from_this_import = slot && slots_[*slot].is_new;
  if (slot && !from_this_import && mode_ == ImportMode::Create) {
    drop_made();
    finish(RowAction::Skipped,
           "exists already (" + slots_[*slot].record.id() + ", same " + how + "); --mode create adds only new ones");
    return;
  }
  if (!slot && mode_ == ImportMode::Update) {
    drop_made();
    finish(RowAction::Skipped, "no " + in.type + " matches; --mode update changes only existing ones");
    return;
  }
  bool created = false;
  if (!slot) {
    std::string id = in.id;
    if (id.empty() || store_.type_of(id)) id = new_id();
    slot = new_slot(in.type, id);
    created = true;
    // A record that comes back with its id (crm's own JSON, vCard or CSV) is
    // restored as it was: no defaults added.
    if (in.id.empty()) apply_defaults(slots_[*slot].record, schema);
    // A new deal with no stage starts where `deal add` starts it.
    if (in.id.empty() && in.type == "deal" && in.stage.empty() && !in.fields.find("stage"))
      in.stage = first_open_stage(store_.config());
    if (in.keep_created) slots_[*slot].keep_created = true;
  }
  Slot& s = slots_[*slot];
  Node before = s.record.data;

  // Apply the row.
  Node fields = in.fields;
  if (json) {
    for (const auto& [k, v] : fields.entries) {
      if (k == "created" && !created) continue;
      s.record.data.set(k, v);
    }
    for (const std::string& k : in.unset) s.record.data.erase(k);
  } else {
    merge_person(s.record, schema, fields);
    for (const auto& [k, v] : fields.entries) merge_value(schema.field(k), s.record.data, k, v);
    if (!in.stage.empty() && s.record.get("stage") != in.stage) {
      try {
        move_deal(s.record, store_.config(), in.stage, deal_move_time(s.record, in.stage, s.is_new));
      } catch (const Error& e) {
        s.record.data = before;
        if (created) s.alive = false;
        drop_made();
        finish(RowAction::Failed, where(in.column_of["stage"]) + ": " + e.what());
        return;
      }
    }
  }
  std::vector<InvalidData> problems = validate_record(s.record, schema);
  for (InvalidData& p : check_rules(s.record, schema, store_.config())) problems.push_back(p);
  // A value the record cannot take is set aside (kept in import_notes) rather
  // than losing the record; a missing name, or a type without import_notes, fails.
  for (int round = 0; round < 16 && !problems.empty() && schema.field("import_notes"); ++round) {
    std::string field = problems.front().where().field;
    std::string top = field.substr(0, field.find('.'));
    const Field* f = schema.field(top);
    const Node* value = s.record.data.find(top);
    if (!f || f->required || top == schema.title || top == "import_notes" || !value || !in.fields.find(top)) break;
    std::function<std::string(const Node&)> text = [&](const Node& n) {
      if (n.is_scalar()) return n.text;
      std::vector<std::string> parts;
      for (const Node& i : n.items) parts.push_back(text(i));
      for (const auto& e : n.entries) parts.push_back(text(e.second));
      return join(parts, ", ");
    };
    std::string column = in.column_of.count(top) ? in.column_of[top] : top;
    std::string line = note_text(column + ": " + text(*in.fields.find(top)));
    in.notes.push_back(where(column) + ": " + problems.front().message() + " (kept in import_notes)");
    if (const Node* old = before.find(top))
      s.record.data.set(top, *old);
    else
      s.record.data.erase(top);
    merge_value(schema.field("import_notes"), s.record.data, "import_notes", Node::scalar(line));
    problems = validate_record(s.record, schema);
    for (InvalidData& p : check_rules(s.record, schema, store_.config())) problems.push_back(p);
  }
  if (!problems.empty()) {
    const InvalidData& p = problems.front();
    std::string field = p.where().field;
    std::string top = field.substr(0, field.find('.'));
    std::string column = in.column_of.count(top) ? in.column_of[top] : "";
    s.record.data = before;
    if (created) s.alive = false;
    drop_made();
    std::string at = column.empty() ? field : where(column) + (column == field ? "" : " (" + field + ")");
    if (field == schema.title && s.record.get(schema.title).empty() && (in.type == "contact" || in.type == "lead"))
      finish(RowAction::Failed, "no name, email, phone or organisation to name the " + in.type);
    else
      finish(RowAction::Failed, at + ": " + p.message());
    return;
  }

  // Done: what it did, and the companies it made.
  ImportRowResult& r = result_.rows[row_index];
  r.id = s.record.id();
  r.name = s.record.get(schema.title);
  std::string reason;
  RowAction action;
  if (created) {
    action = RowAction::Created;
    s.first_row = row_index;
    if (!possible_duplicate.empty())
      in.notes.push_back("maybe the same " + in.type + " as " + possible_duplicate +
                         ", not merged by guess: see crm dedupe");
  } else {
    action = comparable(before, schema).same_value(comparable(s.record.data, schema)) ? RowAction::Unchanged
                                                                                      : RowAction::Updated;
    if (from_this_import) {
      const ImportRowResult& first = result_.rows[s.first_row];
      reason = "same " + how + " as line " + std::to_string(first.line) +
               (first.file != in.file ? " of " + first.file : "") +
               (action == RowAction::Updated ? ": merged into one" : "");
    }
  }
  s.rows.push_back(row_index);
  if (s.keep_created && !created && in.keep_created) s.keep_created = true;
  finish(action, reason);
  index(*slot);
  for (size_t m : made) {
    Slot& c = slots_[m];
    ImportRowResult cr;
    cr.action = RowAction::Created;
    cr.type = "company";
    cr.id = c.record.id();
    cr.name = c.record.get("name");
    cr.file = in.file;
    cr.line = in.line;
    std::string column = in.column_of.count("company") ? in.column_of["company"] : "company";
    cr.reason = "named in " + (in.origin == Origin::Column ? "column " + qt(column) : column);
    c.first_row = result_.rows.size();
    c.rows.push_back(result_.rows.size());
    result_.rows.push_back(cr);
  }
}

void Importer::write_all() {
  // What changed, in an order that writes every record after those it refers to.
  std::vector<size_t> changed;
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < slots_.size(); ++i) {
    Slot& s = slots_[i];
    if (!s.alive || s.rows.empty()) continue;
    const Schema& schema = schemas_.get(s.record.type);
    if (!s.is_new && comparable(s.original, schema).same_value(comparable(s.record.data, schema))) {
      // Rows that changed it in turns (a file listing a person twice, with
      // other values) left it as it is on disk: unchanged, all of them.
      for (size_t row : s.rows) {
        ImportRowResult& r = result_.rows[row];
        if (r.action != RowAction::Updated) continue;
        r.action = RowAction::Unchanged;
        if (size_t k = r.reason.find(": merged into one"); k != std::string::npos) r.reason.erase(k, 17);
      }
      continue;
    }
    changed.push_back(i);
    if (s.is_new) by_id[s.record.id()] = i;
  }
  std::vector<size_t> order;
  std::vector<int> state(slots_.size(), 0);  // 0 new, 1 visiting, 2 done
  std::function<void(size_t)> visit = [&](size_t i) {
    if (state[i]) return;
    state[i] = 1;
    const Record& r = slots_[i].record;
    const Schema& schema = schemas_.get(r.type);
    for (const Field& f : schema.fields) {
      if (f.type != FieldType::Ref && f.type != FieldType::Refs) continue;
      const Node* v = r.data.find(f.name);
      if (!v) continue;
      std::vector<std::string> ids;
      if (v->is_scalar()) ids.push_back(v->text);
      for (const Node& item : v->items) ids.push_back(item.text);
      for (const std::string& id : ids)
        if (auto it = by_id.find(id); it != by_id.end() && it->second != i && state[it->second] != 1) visit(it->second);
    }
    state[i] = 2;
    order.push_back(i);
  };
  // Companies first, then the rest in the order the rows came.
  for (size_t i : changed)
    if (slots_[i].record.type == "company") visit(i);
  for (size_t i : changed) visit(i);

  if (req_.dry_run) return;
  for (size_t i : order) {
    Slot& s = slots_[i];
    try {
      Record r = s.record;
      r.path.clear();
      // A JSON record keeps its own `created`: written as an update of a file that is not there yet.
      bool as_new = s.is_new && !(s.keep_created && r.data.find("created"));
      if (s.is_new && !as_new && store_.exists(schemas_.get(r.type), r.id()))
        throw Conflict(schemas_.get(r.type).folder + "/" + r.id() + ".yaml appeared during the import");
      Record before;
      before.type = r.type;
      before.data = s.original;
      write_with_effects(writer_, r, s.is_new ? nullptr : &before, as_new);
      s.record = r;
    } catch (const Error& e) {
      s.alive = false;
      for (size_t row : s.rows) {
        result_.rows[row].action = RowAction::Failed;
        std::string msg = e.what();
        if (const auto* inv = dynamic_cast<const InvalidData*>(&e))
          msg = (inv->where().field.empty() ? "" : inv->where().field + ": ") + inv->message();
        result_.rows[row].reason = "not written: " + msg;
      }
    }
  }
}

}  // namespace

void upsert_rows(Writer& writer, const ImportRequest& req, std::vector<Incoming>& rows, ImportResult& result) {
  Importer importer(writer, req, result);
  for (Incoming& in : rows) importer.process(in);
  importer.write_all();
}

}  // namespace crm::import
