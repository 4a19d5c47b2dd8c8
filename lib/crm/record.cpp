#include "crm/record.hpp"

#include <algorithm>

#include "crm/decimal.hpp"
#include "crm/json.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

const char* const kStampFields[] = {"created", "updated"};

// Values typed on the command line have no place in a file.
void clear_positions(Node& n) {
  n.line = n.column = 0;
  for (Node& item : n.items) clear_positions(item);
  for (auto& e : n.entries) clear_positions(e.second);
}

bool is_stamp(std::string_view key) { return key == "created" || key == "updated"; }

bool valid_email(std::string_view s) {
  size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view domain = s.substr(at + 1);
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' || domain.find('.') == std::string_view::npos ||
      domain.find("..") != std::string_view::npos || s.substr(0, at).find("..") != std::string_view::npos)
    return false;
  for (unsigned char c : s)
    if (c <= 0x20 || c == 0x7F || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' || c == '"')
      return false;
  return true;
}

bool valid_phone(std::string_view s) {
  int digits = 0;
  for (unsigned char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c < 0x20 || c == 0x7F) {
      return false;
    }
  }
  return digits >= 3 && s.size() <= 64;
}

// "0123", "+5", " 7" as a user may type them → "123", "5", "7"; "" when not a whole number.
std::string normalise_integer(std::string_view s) {
  std::string t = trim(s);
  bool negative = !t.empty() && t[0] == '-';
  size_t i = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
  if (i >= t.size()) return "";
  for (size_t k = i; k < t.size(); ++k)
    if (t[k] < '0' || t[k] > '9') return "";
  while (i + 1 < t.size() && t[i] == '0') ++i;
  std::string digits = t.substr(i);
  if (digits.size() > 18) return "";
  return (negative && digits != "0" ? "-" : "") + digits;
}

InvalidData invalid(const Record& r, const Node& at, const std::string& field, const std::string& msg) {
  return InvalidData(Location{r.path, at.line, at.column, field}, msg);
}

std::string quoted(const std::string& s) { return "\"" + escape_for_terminal(s) + "\""; }

void validate_value(const Record& r, const Field& f, const Node& v, const std::string& label,
                    std::vector<InvalidData>& errors) {
  if (v.is_null()) return;
  switch (f.type) {
    case FieldType::List:
    case FieldType::Refs:
      if (!v.is_sequence()) {
        errors.push_back(invalid(r, v, label, "expected a list"));
        return;
      }
      for (const Node& item : v.items) {
        if (item.empty()) {
          errors.push_back(invalid(r, item, label, "has an empty item"));
          continue;
        }
        if (f.type == FieldType::List) {
          validate_value(r, *f.item, item, label, errors);
        } else if (!item.is_scalar() || !is_valid_id(item.text)) {
          errors.push_back(invalid(r, item, label, quoted(item.text) + " is not a record id"));
        }
      }
      return;
    case FieldType::Object:
      if (!v.is_map()) {
        errors.push_back(invalid(r, v, label,
                                 "expected a map of " + join(
                                                            [&] {
                                                              std::vector<std::string> n;
                                                              for (auto& s : f.fields) n.push_back(s.name);
                                                              return n;
                                                            }(),
                                                            ", ")));
        return;
      }
      for (const Field& sub : f.fields) {
        const Node* sv = v.find(sub.name);
        if (sub.required && (!sv || sv->empty()))
          errors.push_back(invalid(r, v, label + "." + sub.name, "is required"));
        if (sv) validate_value(r, sub, *sv, label + "." + sub.name, errors);
      }
      return;
    default:
      if (!v.is_scalar()) {
        errors.push_back(invalid(r, v, label, "expected a single value"));
        return;
      }
      if (find_invalid_utf8(v.text) != std::string::npos) {
        errors.push_back(invalid(r, v, label, "is not valid UTF-8"));
        return;
      }
      if (std::string msg = check_scalar(f, v.text); !msg.empty()) errors.push_back(invalid(r, v, label, msg));
  }
}

// Marks typed scalars plain, recursively, and orders object fields by schema.
Node typed(const Node& v, const Field& f) {
  Node out = v;
  switch (f.type) {
    case FieldType::List:
      if (out.is_sequence())
        for (Node& item : out.items) item = typed(item, *f.item);
      break;
    case FieldType::Refs:
      if (out.is_sequence())
        for (Node& item : out.items) item.plain = false;
      break;
    case FieldType::Object:
      if (out.is_map()) {
        Node ordered = Node::map();
        ordered.line = v.line, ordered.column = v.column;
        for (const Field& sub : f.fields)
          if (const Node* sv = v.find(sub.name); sv && !sv->empty())
            ordered.entries.emplace_back(sub.name, typed(*sv, sub));
        for (const auto& [k, sv] : v.entries)
          if (!f.subfield(k)) ordered.entries.emplace_back(k, sv);
        out = std::move(ordered);
      }
      break;
    default:
      if (out.is_scalar()) out.plain = f.is_typed_scalar();
  }
  return out;
}

}  // namespace

// Plain decimal digits as every reader takes them: no leading zero (YAML 1.1
// reads 0123 as octal), within a 64-bit integer.
bool valid_integer(std::string_view s) {
  size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  if (i >= s.size() || s.size() - i > 18) return false;
  if (s[i] == '0' && s.size() - i > 1) return false;
  for (; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::string Record::get(std::string_view field_path) const {
  const Node* n = find(field_path);
  return n && n->is_scalar() ? n->text : std::string();
}

const Node* Record::find(std::string_view field_path) const {
  if (field_path.find('.') == std::string_view::npos) return data.find(field_path);  // the common case, no allocation
  const Node* n = &data;
  for (const std::string& part : split(field_path, '.')) {
    if (!n->is_map()) return nullptr;
    n = n->find(part);
    if (!n) return nullptr;
  }
  return n;
}

bool is_no_year_date(std::string_view s) {
  if (s.size() != 7 || s[0] != '-' || s[1] != '-' || s[4] != '-') return false;
  for (size_t i : {2, 3, 5, 6})
    if (s[i] < '0' || s[i] > '9') return false;
  int m = (s[2] - '0') * 10 + (s[3] - '0'), d = (s[5] - '0') * 10 + (s[6] - '0');
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

bool is_valid_id(std::string_view id) {
  if (id.size() < 4 || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

std::string check_scalar(const Field& f, const std::string& t) {
  switch (f.type) {
    case FieldType::String:
      if (t.find('\n') != std::string::npos || t.find('\r') != std::string::npos)
        return "is a single line (use a text field for several)";
      // Amounts are added per currency: "usd" beside "USD" would split them.
      if (f.name == "currency" && !is_currency_code(t))
        return quoted(t) + " is not a currency code (three capital letters, ISO 4217: USD, EUR)";
      return "";
    case FieldType::Text:
      return "";
    case FieldType::Email:
      return valid_email(t) ? "" : quoted(t) + " is not an email address";
    case FieldType::Phone:
      return valid_phone(t) ? "" : quoted(t) + " is not a phone number";
    case FieldType::Url:
      return (t.find_first_of(" \t\n") == std::string::npos && t.find('.') != std::string::npos) ||
                     t.find("://") != std::string::npos
                 ? ""
                 : quoted(t) + " is not a URL";
    case FieldType::Date:
      return parse_iso_date(t) || (f.no_year && is_no_year_date(t)) ? "" : quoted(t) + " is not a date (YYYY-MM-DD)";
    case FieldType::Datetime:
      // An instant something happened in a CRM (paid, closed, sent) is no
      // earlier than 1900: before is a placeholder (0001-01-01) or a typo.
      // Dates stay free: a birthday or a founding year may be older.
      if (!parse_iso_datetime(t)) return quoted(t) + " is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)";
      return format_datetime(*parse_iso_datetime(t)) < "1900" ? quoted(t) + " is before 1900" : "";
    case FieldType::When:
      return parse_iso_date(t) || parse_iso_datetime(t) ? "" : quoted(t) + " is not a date or timestamp";
    case FieldType::Decimal:
    case FieldType::Money:
      return Decimal::parse(t) ? "" : quoted(t) + " is not a number";
    case FieldType::Integer:
      return valid_integer(t) ? "" : quoted(t) + " is not a whole number (digits, no leading zero, at most 18)";
    case FieldType::Bool:
      return t == "true" || t == "false" ? "" : quoted(t) + " is not true or false";
    case FieldType::Enum:
      return std::find(f.values.begin(), f.values.end(), t) != f.values.end()
                 ? ""
                 : quoted(t) + " is not one of " + join(f.values, ", ") + did_you_mean(t, f.values);
    case FieldType::Ref:
      return is_valid_id(t) ? "" : quoted(t) + " is not a record id";
    default:
      return "";
  }
}

namespace {

std::string control_message(const std::string& t, int c, bool text) {
  return quoted(t) + " holds the control character " + code_point_label(static_cast<uint32_t>(c)) +
         (text ? "" : " (tabs and line breaks only go in text fields)");
}

// A field the schema does not know: anything but controls other than tab and LF, in keys and values.
void check_unknown(const Record& r, const Node& v, const std::string& label, std::vector<InvalidData>& out) {
  if (v.is_scalar()) {
    if (int c = first_control_character(v.text, "\t\n"); c >= 0)
      out.push_back(invalid(r, v, label, control_message(v.text, c, true)));
    return;
  }
  for (const Node& item : v.items) check_unknown(r, item, label, out);
  for (const auto& [k, sv] : v.entries) {
    if (int c = first_control_character(k); c >= 0)
      out.push_back(invalid(r, sv, label, "the key " + control_message(k, c, false)));
    check_unknown(r, sv, label + "." + k, out);
  }
}

void check_written(const Record& r, const Field& f, const Node& v, const std::string& label,
                   std::vector<InvalidData>& out) {
  if (v.is_null()) return;
  switch (f.type) {
    case FieldType::List:
    case FieldType::Refs:
      for (const Node& item : v.items) {
        if (f.type == FieldType::List)
          check_written(r, *f.item, item, label, out);
        else
          check_unknown(r, item, label, out);  // ids, whose form validation checks
      }
      return;
    case FieldType::Object:
      for (const auto& [k, sv] : v.entries) {
        if (const Field* sub = f.subfield(k))
          check_written(r, *sub, sv, label + "." + k, out);
        else
          check_unknown(r, sv, label + "." + k, out);
      }
      return;
    default:
      if (!v.is_scalar()) return check_unknown(r, v, label, out);
      if (std::string msg = check_written_scalar(f, v.text); !msg.empty()) out.push_back(invalid(r, v, label, msg));
  }
}

}  // namespace

std::string check_written_scalar(const Field& f, const std::string& t) {
  bool text = f.type == FieldType::Text;
  if (int c = first_control_character(t, text ? "\t\n" : ""); c >= 0) return control_message(t, c, text);
  if (f.type == FieldType::Integer && (f.min || f.max) && valid_integer(t)) {
    long long n = std::stoll(t);
    if ((f.min && n < *f.min) || (f.max && n > *f.max)) {
      std::string range = f.min && f.max ? "from " + std::to_string(*f.min) + " to " + std::to_string(*f.max)
                          : f.min        ? "at least " + std::to_string(*f.min)
                                         : "at most " + std::to_string(*f.max);
      return quoted(t) + " is out of range (" + range + ")";
    }
  }
  if (f.type == FieldType::Duration && parse_duration_seconds(t) == 0)
    return quoted(t) + " is not a duration (30m, 1h15m, 90 for minutes, 1:30; more than 0, at most 366 days)";
  return "";
}

std::vector<InvalidData> check_written_values(const Record& r, const Schema& schema) {
  std::vector<InvalidData> out;
  if (!r.data.is_map()) return out;
  for (const auto& [k, v] : r.data.entries) {
    if (const Field* f = schema.field(k))
      check_written(r, *f, v, k, out);
    else if (k != "id" && !is_stamp(k))
      check_unknown(r, v, k, out);
    if (int c = first_control_character(k); c >= 0 && !schema.field(k))
      out.push_back(invalid(r, v, k, "the key " + control_message(k, c, false)));
  }
  return out;
}

Node canonical_data(const Node& data, const Schema& schema) {
  Node out = Node::map();
  if (const Node* id = data.find("id")) out.entries.emplace_back("id", Node::scalar(id->text, false));
  for (const Field& f : schema.fields)
    if (const Node* v = data.find(f.name); v && !v->empty()) out.entries.emplace_back(f.name, typed(*v, f));
  // Unknown fields and the stamps keep the order they have in the file, so a
  // field appended by hand after `updated` stays there and a later write
  // changes no other line; a new record gets its stamps last.
  for (const auto& [k, v] : data.entries) {
    if (k == "id" || schema.field(k)) continue;
    if (!is_stamp(k)) {
      out.entries.emplace_back(k, v);
    } else if (!v.empty()) {
      out.entries.emplace_back(k, Node::scalar(v.text, true));
    }
  }
  return out;
}

std::string serialize_record(const Record& record, const Schema& schema) {
  return emit_map(canonical_data(record.data, schema), 0);
}

std::vector<InvalidData> validate_record(const Record& r, const Schema& schema) {
  std::vector<InvalidData> errors;
  if (!r.data.is_map()) {
    errors.push_back(InvalidData(Location{r.path, r.data.line, r.data.column, ""}, "a record is a map of fields"));
    return errors;
  }
  const Node* id = r.data.find("id");
  if (!id || !id->is_scalar() || !is_valid_id(id->text))
    errors.push_back(invalid(r, id ? *id : r.data, "id", id ? quoted(id->text) + " is not a record id" : "is missing"));
  for (const Field& f : schema.fields) {
    const Node* v = r.data.find(f.name);
    if (f.required && (!v || v->empty())) {
      errors.push_back(invalid(r, v ? *v : r.data, f.name, "is required"));
      continue;
    }
    if (v) validate_value(r, f, *v, f.name, errors);
  }
  for (const char* stamp : kStampFields) {
    if (const Node* v = r.data.find(stamp); v && !v->empty() && (!v->is_scalar() || !parse_iso_datetime(v->text)))
      errors.push_back(invalid(r, *v, stamp, quoted(v->text) + " is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)"));
  }
  return errors;
}

Node parse_field_value(const Field& f, std::string_view input, const Clock& clock, const std::string& label) {
  std::string text(input);
  auto fail = [&](const std::string& msg) { return InvalidData(Location{"", 0, 0, label}, msg); };
  switch (f.type) {
    case FieldType::List:
    case FieldType::Refs: {
      Node seq = Node::sequence();
      std::string t = trim(text);
      if (t.empty()) return seq;
      if (t.front() == '[') {
        Node parsed = parse_yaml(t, label);
        clear_positions(parsed);
        if (!parsed.is_sequence()) throw fail("expected a list like [a, b]");
        for (Node& item : parsed.items) {
          if (!item.is_scalar() && f.type == FieldType::Refs) throw fail("expected a list of ids or names");
          if (item.is_scalar())
            item = parse_field_value(f.type == FieldType::List ? *f.item : Field{}, item.text, clock, label);
          seq.items.push_back(item);
        }
        return seq;
      }
      for (const std::string& part : split(t, ',')) {
        std::string p = trim(part);
        if (p.empty()) continue;
        if (f.type == FieldType::List)
          seq.items.push_back(parse_field_value(*f.item, p, clock, label));
        else
          seq.items.push_back(Node::scalar(p));
      }
      return seq;
    }
    case FieldType::Object: {
      Node parsed = parse_yaml(text, label);
      clear_positions(parsed);
      if (!parsed.is_map()) throw fail("expected a map like {city: Paris}");
      Record probe;
      probe.data = parsed;
      std::vector<InvalidData> errors;
      validate_value(probe, f, parsed, label, errors);
      if (!errors.empty()) throw fail(errors.front().message());
      return typed(parsed, f);
    }
    default:
      break;
  }
  std::string t = f.type == FieldType::Text ? text : trim(text);
  if (f.type == FieldType::Text && t.find('\r') != std::string::npos) {
    // Text pasted from Windows: CRLF and lone CRs are line ends.
    std::string lf;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] != '\r') {
        lf += t[i];
      } else if (i + 1 >= t.size() || t[i + 1] != '\n') {
        lf += '\n';
      }
    }
    t = std::move(lf);
  }
  switch (f.type) {
    case FieldType::Date: {
      if (f.no_year && is_no_year_date(t)) break;
      auto d = parse_date_expr(t, clock);
      if (!d) throw fail("\"" + escape_for_terminal(t) + "\" is not a date (YYYY-MM-DD, today, +3d, fri, eom…)");
      t = format_date(d->day());
      break;
    }
    case FieldType::Datetime:
    case FieldType::When: {
      auto d = parse_date_expr(t, clock);
      if (!d)
        throw fail("\"" + escape_for_terminal(t) + "\" is not a date or time (2026-11-23T14:00Z, tomorrow 14:00…)");
      t = (f.type == FieldType::When && !d->has_time) ? format_date(d->day()) : format_datetime(d->at);
      break;
    }
    case FieldType::Bool: {
      std::string l = to_lower(t);
      if (l == "true" || l == "yes" || l == "y" || l == "1" || l == "on")
        t = "true";
      else if (l == "false" || l == "no" || l == "n" || l == "0" || l == "off")
        t = "false";
      break;
    }
    case FieldType::Enum:
      for (const std::string& v : f.values)
        if (equals_ci(v, t)) t = v;
      break;
    case FieldType::Integer:
      if (std::string n = normalise_integer(t); !n.empty()) t = n;
      break;
    case FieldType::Decimal:
    case FieldType::Money:
      if (auto d = Decimal::parse(t)) {
        // keep the places the user wrote ("12000.50"), drop a sign or leading zeros
        std::string s = d->str();
        if (d->scale() > 0 && s.find('.') == std::string::npos) s += ".";
        size_t places = s.size() - s.find('.') - 1;
        while (static_cast<int>(places) < d->scale()) s += '0', ++places;
        if (!s.empty() && s.back() == '.') s.pop_back();
        t = s;
      }
      break;
    case FieldType::Ref:
      return Node::scalar(t);
    default:
      break;
  }
  if (std::string msg = check_scalar(f, t); !msg.empty()) throw fail(msg);
  if (std::string msg = check_written_scalar(f, t); !msg.empty()) throw fail(msg);
  return Node::scalar(t, f.is_typed_scalar());
}

}  // namespace crm
