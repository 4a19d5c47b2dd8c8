#include "crm/filter.hpp"

#include <algorithm>
#include <cstring>

#include "crm/error.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

bool is_field_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; }

bool is_date_field(const Field* f) {
  return f && (f->type == FieldType::Date || f->type == FieldType::Datetime || f->type == FieldType::When);
}

bool is_number_field(const Field* f) {
  return f && (f->type == FieldType::Integer || f->type == FieldType::Decimal || f->type == FieldType::Money);
}

bool is_ref_field(const Field* f) { return f && (f->type == FieldType::Ref || f->type == FieldType::Refs); }

// The scalar texts a field holds: one for a scalar, the items of a list, the
// values of an object.
void collect(const Node& n, std::vector<std::string>& out) {
  switch (n.kind) {
    case Node::Kind::Scalar:
      out.push_back(n.text);
      break;
    case Node::Kind::Sequence:
      for (const Node& i : n.items) collect(i, out);
      break;
    case Node::Kind::Map:
      for (const auto& e : n.entries) collect(e.second, out);
      break;
    case Node::Kind::Null:
      break;
  }
}

std::optional<DateValue> as_date(const std::string& text) {
  if (auto t = parse_iso_datetime(text)) return DateValue{*t, true};
  if (auto d = parse_iso_date(text)) return DateValue{Seconds{*d}, false};
  return std::nullopt;
}

// <0, 0, >0 — dates by day when either side has no time.
int compare_dates(const DateValue& a, const DateValue& b) {
  if (!a.has_time || !b.has_time) {
    auto da = a.day(), db = b.day();
    return da < db ? -1 : (da > db ? 1 : 0);
  }
  return a.at < b.at ? -1 : (a.at > b.at ? 1 : 0);
}

// Position of a value in an ordered field's values (case folded), or -1.
int position(const std::vector<std::string>& order, const std::string& v) {
  for (size_t i = 0; i < order.size(); ++i)
    if (equals_ci(order[i], v)) return static_cast<int>(i);
  return -1;
}

std::optional<int> compare_value(const Term& t, const std::string& v) {
  if (!t.order.empty()) {
    int a = position(t.order, v), b = position(t.order, t.value);
    if (a < 0 || b < 0) return std::nullopt;
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  if (t.date) {
    auto d = as_date(v);
    if (!d) return std::nullopt;
    return compare_dates(*d, *t.date);
  }
  if (t.number) {
    auto n = Decimal::parse(v);
    if (!n) return std::nullopt;
    return n->compare(*t.number);
  }
  std::string a = fold_case(v), b = fold_case(t.value);
  return a < b ? -1 : (a > b ? 1 : 0);
}

bool term_matches(const Term& t, const Record& r, const NameOf& name_of) {
  if (t.op == Term::Op::Word) {
    std::vector<std::string> values;
    for (const auto& [k, v] : r.data.entries)
      if (k != "created" && k != "updated") collect(v, values);
    for (const std::string& v : values)
      if (contains_ci(v, t.value)) return true;
    return false;
  }
  std::vector<std::string> values;
  if (const Node* n = r.find(t.field)) collect(*n, values);
  if (t.op == Term::Op::HasTag) {
    for (const std::string& v : values)
      if (equals_ci(v, t.value)) return true;
    return false;
  }
  if (t.value.empty() && (t.op == Term::Op::Eq || t.op == Term::Op::Ne)) {
    bool set = !values.empty() && !(values.size() == 1 && values[0].empty());
    return t.op == Term::Op::Eq ? !set : set;
  }
  // An enum left unset has its default (a task without a priority is normal).
  if (values.empty() && t.def && t.def->type == FieldType::Enum && !t.def->default_value.empty())
    values.push_back(t.def->default_value);
  bool any = false;
  for (const std::string& v : values) {
    bool hit = false;
    switch (t.op) {
      case Term::Op::Eq:
      case Term::Op::Ne:
        if (t.date || t.number) {
          auto c = compare_value(t, v);
          hit = c && *c == 0;
        } else {
          hit = equals_ci(v, t.value);
        }
        if (!hit && is_ref_field(t.def)) {
          hit =
              (t.value.size() >= 4 && starts_with(v, to_lower(t.value))) || (name_of && equals_ci(name_of(v), t.value));
        }
        break;
      case Term::Op::Contains:
        hit = contains_ci(v, t.value) || (is_ref_field(t.def) && name_of && contains_ci(name_of(v), t.value));
        break;
      default: {
        auto c = compare_value(t, v);
        if (!c) break;
        hit = (t.op == Term::Op::Gt && *c > 0) || (t.op == Term::Op::Ge && *c >= 0) ||
              (t.op == Term::Op::Lt && *c < 0) || (t.op == Term::Op::Le && *c <= 0);
      }
    }
    any = any || hit;
  }
  return t.op == Term::Op::Ne ? !any : any;
}

Term parse_term(const std::string& arg, const Schema& schema, const Clock& clock,
                const std::vector<std::string>& stages) {
  Term t;
  if (arg.size() > 1 && arg[0] == '+') {
    t.op = Term::Op::HasTag;
    t.field = "tags";
    t.value = arg.substr(1);
    t.def = schema.field("tags");
    if (!t.def) throw UsageError(schema.type + " records have no tags");
    return t;
  }
  size_t i = 0;
  while (i < arg.size() && is_field_char(arg[i])) ++i;
  static const std::pair<const char*, Term::Op> kOps[] = {
      {"!=", Term::Op::Ne}, {">=", Term::Op::Ge}, {"<=", Term::Op::Le},     {"=", Term::Op::Eq},
      {">", Term::Op::Gt},  {"<", Term::Op::Lt},  {"~", Term::Op::Contains}};
  const char* op_text = nullptr;
  if (i > 0 && i < arg.size()) {
    for (const auto& [text, op] : kOps) {
      if (arg.compare(i, std::strlen(text), text) == 0) {
        t.op = op;
        op_text = text;
        break;
      }
    }
  }
  if (!op_text) {
    t.op = Term::Op::Word;
    t.value = arg;
    return t;
  }
  t.field = arg.substr(0, i);
  t.value = arg.substr(i + std::strlen(op_text));
  if (t.field == "tag") t.field = "tags";
  if (t.field == "id" || t.field == "created" || t.field == "updated") {
    t.def = nullptr;
  } else {
    t.def = schema.field_path(t.field);
    if (!t.def)
      throw UsageError("unknown field \"" + t.field + "\" for " + schema.type +
                       did_you_mean(t.field, schema.field_names()) + " (fields: " + join(schema.field_names(), ", ") +
                       ")");
  }
  if (t.value.empty()) return t;
  // An enum value that does not exist matches nothing: a typo, said so.
  if (t.def && t.def->type == FieldType::Enum && t.op != Term::Op::Contains &&
      std::find(t.def->values.begin(), t.def->values.end(), to_lower(t.value)) == t.def->values.end())
    throw UsageError("\"" + t.value + "\" is not a " + t.field + did_you_mean(t.value, t.def->values) + " (" + t.field +
                     ": " + join(t.def->values, ", ") + ")");
  if (t.def && t.def->type == FieldType::Enum) t.order = t.def->values;
  // A bool is true or false, said as a write takes it (yes, no, 1, 0…): a
  // typo would match nothing.
  if (t.def && t.def->type == FieldType::Bool && (t.op == Term::Op::Eq || t.op == Term::Op::Ne)) {
    std::string l = to_lower(t.value);
    if (l == "true" || l == "yes" || l == "y" || l == "1" || l == "on")
      t.value = "true";
    else if (l == "false" || l == "no" || l == "n" || l == "0" || l == "off")
      t.value = "false";
    else
      throw UsageError("\"" + t.value + "\" is not true or false (" + t.field + ")");
  }
  if (schema.type == "deal" && t.field == "stage" && !stages.empty()) {
    t.order = stages;
    if (t.op != Term::Op::Contains && position(stages, t.value) < 0)
      throw UsageError("\"" + t.value + "\" is not a stage" + did_you_mean(t.value, stages) +
                       " (the pipeline: " + join(stages, ", ") + ")");
  }
  if (t.field == "created" || t.field == "updated" || is_date_field(t.def)) {
    t.date = parse_date_expr(t.value, clock);
    if (!t.date) throw UsageError("\"" + t.value + "\" is not a date (" + t.field + ")");
  } else if (is_number_field(t.def) && t.op != Term::Op::Contains) {
    t.number = Decimal::parse(t.value);
    if (!t.number) throw UsageError("\"" + t.value + "\" is not a number (" + t.field + ")");
  }
  return t;
}

}  // namespace

bool Filter::fields_used(std::vector<std::string>& out) const {
  for (const auto& group : groups_) {
    for (const Term& t : group) {
      if (t.op == Term::Op::Word) return false;
      out.push_back(t.field.substr(0, t.field.find('.')));
    }
  }
  return true;
}

bool Filter::matches(const Record& record, const NameOf& name_of) const {
  if (groups_.empty()) return true;
  for (const auto& group : groups_) {
    bool all = true;
    for (const Term& t : group) {
      if (!term_matches(t, record, name_of)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

Filter parse_filter(const std::vector<std::string>& args, const Schema& schema, const Clock& clock,
                    const std::vector<std::string>& stages) {
  Filter f;
  std::vector<Term> group;
  for (const std::string& arg : args) {
    if (equals_ci(arg, "or")) {
      if (group.empty()) throw UsageError("\"or\" needs a filter term on each side");
      f.groups_.push_back(std::move(group));
      group.clear();
      continue;
    }
    if (arg.empty()) continue;
    group.push_back(parse_term(arg, schema, clock, stages));
  }
  if (group.empty() && !f.groups_.empty()) throw UsageError("\"or\" needs a filter term on each side");
  if (!group.empty()) f.groups_.push_back(std::move(group));
  return f;
}

}  // namespace crm
