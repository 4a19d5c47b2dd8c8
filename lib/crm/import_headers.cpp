#include "crm/import_headers.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "crm/error.hpp"
#include "crm/import_values.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm::import {

namespace {

// A target by its name in the tables below: a field path ("address.city") or
// one of the words of kWords; "phone:mobile", "refs:contacts" give an argument.
Target special(const std::string& what, const std::string& arg = "", const std::string& group = "") {
  static const std::pair<const char*, ColumnKind> kWords[] = {{"id", ColumnKind::Id},
                                                              {"first_name", ColumnKind::FirstName},
                                                              {"last_name", ColumnKind::LastName},
                                                              {"middle", ColumnKind::Middle},
                                                              {"nickname", ColumnKind::Nickname},
                                                              {"email", ColumnKind::Email},
                                                              {"emails", ColumnKind::Emails},
                                                              {"phone", ColumnKind::Phone},
                                                              {"label", ColumnKind::Label},
                                                              {"company", ColumnKind::Company},
                                                              {"company_name", ColumnKind::CompanyName},
                                                              {"company_id", ColumnKind::CompanyId},
                                                              {"refs", ColumnKind::Refs},
                                                              {"ids", ColumnKind::Ids},
                                                              {"tags", ColumnKind::Tags},
                                                              {"stage", ColumnKind::Stage},
                                                              {"ignore", ColumnKind::Ignore},
                                                              {"unmapped", ColumnKind::Unmapped},
                                                              {"external_id", ColumnKind::ExternalId},
                                                              {"birth", ColumnKind::BirthPart}};
  Target t;
  t.arg = arg;
  t.group = group;
  for (const auto& [word, kind] : kWords)
    if (what == word) {
      t.kind = kind;
      return t;
    }
  t.kind = ColumnKind::Field;
  t.field = what;
  return t;
}

// Google's numbered columns: "e mail 2 value", "phone 1 label", "address 1 city"…
std::optional<Target> numbered_target(const std::string& type, const std::string& h) {
  std::vector<std::string> w = split(h, ' ');
  size_t k = 0;
  while (k < w.size() && !std::all_of(w[k].begin(), w[k].end(), ::isdigit)) ++k;
  if (k == 0 || k >= w.size()) return std::nullopt;
  std::vector<std::string> pre(w.begin(), w.begin() + static_cast<long>(k));
  std::vector<std::string> post(w.begin() + static_cast<long>(k) + 1, w.end());
  std::string prefix = join(pre, " "), suffix = join(post, " "), n = w[k];
  std::string group = prefix + " " + n;
  bool person = type == "contact" || type == "lead";
  if (prefix == "e mail" || prefix == "email") {
    if (suffix == "value" || suffix == "address") return (person ? special("email", "", group) : special("unmapped"));
    if (suffix == "label" || suffix == "type") return special("label", "", group);
  }
  if (prefix == "phone") {
    if (suffix == "value") return special("phone", "", group);
    if (suffix == "label" || suffix == "type") return special("label", "", group);
  }
  if (prefix == "organization" && n == "1") {
    if (suffix == "name") return special(type == "company" ? "name" : "company");
    if (suffix == "title" && person) return special("title");
    if (suffix == "type" || suffix == "label") return special("ignore");
  }
  if (prefix == "address" && type != "deal" && type != "task" && type != "activity") {
    static const std::pair<const char*, const char*> kParts[] = {
        {"street", "street"},  {"po box", "po_box"}, {"extended address", "extended"},
        {"city", "city"},      {"region", "region"}, {"postal code", "postal_code"},
        {"country", "country"}};
    for (const auto& [word, part] : kParts)
      if (suffix == word) {
        Target t = special("address", part, group);
        t.kind = ColumnKind::Address;
        t.rank = std::atoi(n.c_str());
        return t;
      }
    if (suffix == "label" || suffix == "type") return special("label", "", group);
    if (suffix == "formatted") return special("ignore");
  }
  if (prefix == "website" && n == "1") {
    if (suffix == "value") return special("website");
    if (suffix == "label" || suffix == "type") return special("ignore");
  }
  return std::nullopt;
}

struct HeaderRule {
  std::vector<std::string> types;  // empty: every type
  std::string header;              // normalised ("e mail address")
  std::string folded;              // without the spaces ("emailaddress")
  std::string target;              // "what" or "what:arg"
};

// The usual exporter headers, as data/import_headers.yaml lists them.
std::vector<HeaderRule> read_header_rules(std::string_view text, const std::string& source) {
  Node doc = parse_yaml(text, source);
  auto bad = [&](const Node& n, const std::string& what) {
    return InvalidData(Location{source, n.line, n.column, ""}, what);
  };
  if (!doc.is_sequence()) throw bad(doc, "expected a list of {for: TYPES, headers: {HEADER: TARGET}}");
  std::vector<HeaderRule> rules;
  for (const Node& entry : doc.items) {
    const Node* types = entry.is_map() ? entry.find("for") : nullptr;
    const Node* headers = entry.is_map() ? entry.find("headers") : nullptr;
    if (!types || !headers || !headers->is_map() || entry.entries.size() != 2)
      throw bad(entry, "expected {for: TYPES, headers: {HEADER: TARGET}}");
    std::vector<std::string> type_list;
    if (types->is_sequence()) {
      for (const Node& t : types->items) type_list.push_back(t.text);
    } else if (types->text != "*") {
      throw bad(*types, "expected a list of record types, or \"*\"");
    }
    for (const auto& [header, target] : headers->entries) {
      if (!target.is_scalar() || header != norm_header(header))
        throw bad(target, "expected \"" + norm_header(header) + "\": TARGET");
      rules.push_back({type_list, header, fold_alnum(header), target.text});
    }
  }
  return rules;
}

const std::vector<HeaderRule>& header_rules() {
  static const std::vector<HeaderRule> rules = [] {
    for (const auto& [name, text] : embedded_data())
      if (name == "import_headers") return read_header_rules(text, "data/import_headers.yaml");
    return std::vector<HeaderRule>{};
  }();
  return rules;
}

// A target named by the user's --map or a header that is a field's own name.
std::optional<Target> field_target(const Schema& schema, const std::string& name) {
  std::string n = trim(name);
  if (n.empty() || n == "-" || n == "ignore") return special("ignore");
  if (n == "id") return special("id");
  if (n == "middle_name" || n == "middle") return special("middle");
  if (n == "nickname") return special("nickname");
  if ((n == "first_name" || n == "last_name") && !schema.field(n) && schema.field("name"))
    return special(n);  // leads: parts of the name
  if (ends_with(n, "_id") || ends_with(n, "_ids")) {
    std::string base = n.substr(0, n.rfind('_'));
    if (const Field* f = schema.field(base); f && (f->type == FieldType::Ref || f->type == FieldType::Refs))
      return f->type == FieldType::Ref && base == "company" ? special("company_id") : special("ids", base);
  }
  if (n == "external_ids" || n == "external_id") return special("external_id");
  const Field* f = schema.field_path(n);
  if (!f) return std::nullopt;
  if (f->type == FieldType::Object && n == "address") {  // a whole address in one cell
    Target t = special("address", "street", "Address");
    t.kind = ColumnKind::Address;
    return t;
  }
  if (f->type == FieldType::List && f->item && f->item->type == FieldType::Object && n != "phones")
    return special("ignore");  // stage_history: written by the workflow, not by a spreadsheet
  if (n == "email" && schema.type != "company") return special("email");
  if (n == "emails") return special("emails");
  if (n == "phone") return special("phone");
  if (n == "phones") return special("phone", "");
  if (n == "tags") return special("tags");
  if (n == "stage" && schema.type == "deal") return special("stage");
  if (f->type == FieldType::Ref && n == "company") return special("company");
  if (f->type == FieldType::Ref || f->type == FieldType::Refs) return special("refs", n);
  return special(n);
}

Target rule_target(const char* t) {
  std::string s = t;
  size_t colon = s.find(':');
  if (colon == std::string::npos) return special(s);
  return special(s.substr(0, colon), s.substr(colon + 1));
}

// An address column: a part ("street", "zip code", "address 2"…) after a
// group ("business", "mailing", "home"…, or none), written with spaces or
// without (Salesforce's MailingPostalCode).
std::optional<Target> address_target(const std::string& type, const std::string& header) {
  if (type != "contact" && type != "lead" && type != "company") return std::nullopt;
  struct Group {
    const char* prefix;
    const char* label;
    int rank;
  };
  static const Group kGroups[] = {{"", "Address", 1},
                                  {"business", "Business Address", 1},
                                  {"work", "Work Address", 1},
                                  {"office", "Office Address", 1},
                                  {"mailing", "Mailing Address", 1},
                                  {"billing", "Billing Address", 1},
                                  {"home", "Home Address", 2},
                                  {"personal", "Home Address", 2},
                                  {"private", "Home Address", 2},
                                  {"other", "Other Address", 3},
                                  {"shipping", "Shipping Address", 3}};
  static const std::pair<const char*, const char*> kParts[] = {{"street", "street"},
                                                               {"street 2", "street"},
                                                               {"street 3", "street"},
                                                               {"street address", "street"},
                                                               {"address", "street"},
                                                               {"address 1", "street"},
                                                               {"address 2", "street"},
                                                               {"address 3", "street"},
                                                               {"address line 1", "street"},
                                                               {"address line 2", "street"},
                                                               {"address line 3", "street"},
                                                               {"city", "city"},
                                                               {"town", "city"},
                                                               {"state", "region"},
                                                               {"region", "region"},
                                                               {"state region", "region"},
                                                               {"province", "region"},
                                                               {"state province", "region"},
                                                               {"county", "region"},
                                                               {"postal code", "postal_code"},
                                                               {"zip", "postal_code"},
                                                               {"zip code", "postal_code"},
                                                               {"zip postal code", "postal_code"},
                                                               {"postcode", "postal_code"},
                                                               {"country", "country"},
                                                               {"country region", "country"},
                                                               {"po box", "po_box"},
                                                               {"extended address", "extended"}};
  std::string h = fold_alnum(header);
  for (const Group& g : kGroups)
    for (const auto& [part, arg] : kParts) {
      if (h != fold_alnum(std::string(g.prefix) + part)) continue;
      Target t;
      t.kind = ColumnKind::Address;
      t.arg = arg;
      t.group = g.label;
      t.rank = g.rank;
      return t;
    }
  return std::nullopt;
}

// The target of a header for a type, from the tables; "unmapped" when none.
Target auto_target(const Schema& schema, const std::string& header_in) {
  const std::string& type = schema.type;
  std::string header = trim(header_in);
  // Salesforce custom fields: "Customer_Priority__c" is customer_priority.
  if (ends_with(header, "__c")) {
    std::string base = snake(header.substr(0, header.size() - 3));
    if (auto t = field_target(schema, base); t && !base.empty()) return *t;
    return special("unmapped");
  }
  std::string h = norm_header(header);
  // A field's own name first ("first_name", "address.city", "company_id"): crm's own exports.
  std::string raw = to_lower(trim(header));
  if (auto t = field_target(schema, raw); t && raw != "-" && raw != "ignore" && !raw.empty()) return *t;
  if (auto t = numbered_target(type, h)) {
    if (t->kind == ColumnKind::Company && type == "lead") return special("company_name");
    return *t;
  }
  // "Address", "Home Address", "MailingStreet": a part of one of the addresses.
  if (auto t = address_target(type, header)) return *t;
  std::string folded = fold_alnum(header);
  for (const HeaderRule& r : header_rules()) {
    if (h != r.header && folded != r.folded) continue;
    if (!r.types.empty() && !contains_str(r.types, type)) continue;
    Target t = rule_target(r.target.c_str());
    if (t.kind == ColumnKind::Company && type == "lead") return special("company_name");
    if (t.kind == ColumnKind::Company && type == "company") return special("name");
    if (t.kind == ColumnKind::FirstName || t.kind == ColumnKind::LastName) {
      if (!schema.field(t.kind == ColumnKind::FirstName ? "first_name" : "last_name") && !schema.field("name"))
        continue;
      return t;
    }
    if (t.kind != ColumnKind::Field || schema.field_path(t.field)) return t;
  }
  // "Postal Code" → postal_code, "Address City" → address.city
  std::string underscored = h;
  std::replace(underscored.begin(), underscored.end(), ' ', '_');
  if (auto t = field_target(schema, underscored)) return *t;
  if (size_t sp = h.find(' '); sp != std::string::npos) {
    std::string dotted = h.substr(0, sp) + "." + underscored.substr(sp + 1);
    if (schema.field_path(dotted)) return special(dotted);
  }
  return special("unmapped");
}

}  // namespace

std::vector<Target> plan_columns(const Schema& schema, const std::vector<std::string>& header,
                                 const std::vector<std::pair<std::string, std::string>>& map,
                                 std::vector<std::string>& unmapped) {
  // Each column's target: the user's map first, then the tables. When two
  // columns fill the same one-value field, the first wins (Outlook's Business
  // address before its Home address).
  std::vector<Target> targets;
  std::set<std::string> taken;
  // Outlook writes the courtesy title (Mr., Ms.) as "Title" and the job as
  // "Job Title": beside a "Job Title" column, a bare "Title" is not the job.
  bool has_job_title =
      std::any_of(header.begin(), header.end(), [](const std::string& h) { return fold_alnum(h) == "jobtitle"; });
  for (const std::string& h : header) {
    std::optional<Target> t;
    for (const auto& [column, field] : map)
      if (trim(column) == trim(h) || norm_header(column) == norm_header(h)) {
        t = field_target(schema, field);
        if (!t) throw UsageError("--map \"" + column + "=" + field + "\": " + schema.type + " has no field " + field);
        if (t->kind == ColumnKind::Company && schema.type == "lead") t = special("company_name");
      }
    if (!t)
      t = (has_job_title && fold_alnum(h) == "title" && schema.type != "deal" && schema.type != "task")
              ? special("unmapped")
              : auto_target(schema, h);
    if (!t->multi()) {
      std::string key = t->kind == ColumnKind::Field ? t->field : "#" + std::to_string(static_cast<int>(t->kind));
      if (taken.count(key))
        t = special("unmapped");
      else
        taken.insert(key);
    }
    if (t->kind == ColumnKind::Unmapped && !trim(h).empty() && !contains_str(unmapped, h)) unmapped.push_back(h);
    targets.push_back(*t);
  }
  return targets;
}

std::optional<Target> mapped_target(const Schema& schema, const std::string& field) {
  return field_target(schema, field);
}

}  // namespace crm::import
