#include "crm/automation.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <tuple>

#include "crm/assignment.hpp"
#include "crm/derived_fields.hpp"
#include "crm/ids.hpp"
#include "crm/mail_message.hpp"
#include "crm/mail_out.hpp"
#include "crm/render.hpp"
#include "crm/segments.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

InvalidData bad(const Node& at, const std::string& field, const std::string& message) {
  return InvalidData(Location{kRulesFile, at.line, at.column, field}, message);
}

std::string scalar_of(const Node& n, const std::string& field) {
  if (!n.is_scalar()) throw bad(n, field, "expected a single value");
  return n.text;
}

// The `{{path}}` parts of a template, checked against `schema`: a field, or
// a reference field then a field of the record it names.
void check_template(const Node& at, const std::string& field, const std::string& text, const Schema& schema,
                    const SchemaSet& schemas) {
  size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string::npos) {
    size_t end = text.find("}}", pos + 2);
    if (end == std::string::npos) throw bad(at, field, "template: \"{{\" without \"}}\"");
    std::string path = trim(text.substr(pos + 2, end - pos - 2));
    pos = end + 2;
    if (path == "id" || path == "created" || path == "updated") continue;
    std::string head = path.substr(0, path.find('.'));
    const Field* f = schema.field(head);
    if (f && (f->type == FieldType::Ref || f->type == FieldType::Refs) && head != path) {
      std::string rest = path.substr(head.size() + 1);
      bool known = f->ref_types.empty();
      for (const std::string& t : f->ref_types)
        if (const Schema* s = schemas.find(t); s && (rest == "id" || s->field_path(rest))) known = true;
      if (!known)
        throw bad(at, field, "template {{" + path + "}}: no field \"" + rest + "\" in what " + head + " names");
      continue;
    }
    if (!schema.field_path(path))
      throw bad(at, field, "template {{" + path + "}}: no field \"" + path + "\" in " + schema.type);
  }
}

std::vector<std::pair<std::string, std::string>> string_map(const Node& n, const std::string& field,
                                                            const std::vector<std::string>& keys) {
  if (!n.is_map()) throw bad(n, field, "expected a map");
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, v] : n.entries) {
    if (!keys.empty() && std::find(keys.begin(), keys.end(), k) == keys.end())
      throw bad(v, field + "." + k, "unknown key (" + join(keys, ", ") + ")");
    out.emplace_back(k, scalar_of(v, field + "." + k));
  }
  return out;
}

// "10s", "2m", "1h" → milliseconds; 0 when it is none of these or past an hour.
long long run_timeout_ms(const std::string& text) {
  if (text.size() < 2 || text.size() > 5 || text.find_first_not_of("0123456789") != text.size() - 1) return 0;
  long long n = std::stoll(text.substr(0, text.size() - 1));
  long long unit = text.back() == 's' ? 1 : text.back() == 'm' ? 60 : text.back() == 'h' ? 3600 : 0;
  long long seconds = n * unit;
  return seconds >= 1 && seconds <= 3600 ? seconds * 1000 : 0;
}

RuleAction parse_action(const Node& n, const std::string& where, const Schema& schema, const SchemaSet& schemas) {
  if (!n.is_map() || n.entries.size() != 1)
    throw bad(n, where, "an action is one of set, tag, task, assign, log, email, run: {set: {field: value}}");
  RuleAction a;
  a.line = n.line;
  a.column = n.column;
  const auto& [kind, v] = n.entries.front();
  a.kind = kind;
  std::string field = where + "." + kind;
  if (kind == "set") {
    a.args = string_map(v, field, {});
    for (const auto& [k, val] : a.args) {
      const Field* f = schema.field(k);
      if (!f || k == "id") throw bad(v, field + "." + k, "no field \"" + k + "\" in " + schema.type);
      check_template(v, field + "." + k, val, schema, schemas);
    }
  } else if (kind == "tag") {
    std::string tag = scalar_of(v, field);
    if (tag.empty()) throw bad(v, field, "a tag name");
    if (!schema.field("tags")) throw bad(v, field, schema.type + " records have no tags");
    a.args.emplace_back(tag, "");
  } else if (kind == "task") {
    a.args = string_map(v, field, {"title", "due", "for", "owner", "priority"});
    bool titled = false;
    for (const auto& [k, val] : a.args) {
      titled = titled || k == "title";
      check_template(v, field + "." + k, val, schema, schemas);
    }
    if (!titled) throw bad(v, field + ".title", "a task needs a title");
  } else if (kind == "assign") {
    // {to: auto | round-robin | least-open | NAME, among: [ana, ben]}
    if (!v.is_map()) throw bad(v, field, "expected a map: {to: auto}");
    for (const auto& [k, val] : v.entries) {
      if (k == "among" && val.is_sequence()) {
        std::vector<std::string> names;
        for (const Node& o : val.items) names.push_back(scalar_of(o, field + ".among"));
        if (names.empty()) throw bad(val, field + ".among", "expected a list of owners: [ana, ben]");
        a.args.emplace_back(k, join(names, ","));
      } else if (k == "to" || k == "among") {
        a.args.emplace_back(k, scalar_of(val, field + "." + k));
      } else {
        throw bad(val, field + "." + k, "unknown key (to, among)");
      }
    }
    std::string to, among;
    for (const auto& [k, val] : a.args) (k == "to" ? to : among) = val;
    if (to.empty()) throw bad(v, field + ".to", "assign to auto, round-robin, least-open or a name");
    if (!among.empty() && !is_assign_method(to))
      throw bad(v, field + ".among", "among goes with to: round-robin or least-open");
    if (!to.empty() && to != "auto" && !is_assign_method(to)) check_template(v, field + ".to", to, schema, schemas);
    if (!schema.field("owner")) throw bad(v, field, schema.type + " records have no owner");
  } else if (kind == "log") {
    a.args = string_map(v, field, {"kind", "summary"});
    std::string summary;
    for (const auto& [k, val] : a.args) {
      if (k == "summary") summary = val;
      check_template(v, field + "." + k, val, schema, schemas);
    }
    if (summary.empty()) throw bad(v, field + ".summary", "a log needs a summary");
  } else if (kind == "email") {
    // {template: NAME, to: FIELD, unsubscribe: BOOL}, or just the template's name.
    if (v.is_scalar())
      a.args.emplace_back("template", v.text);
    else
      a.args = string_map(v, field, {"template", "to", "unsubscribe"});
    std::string tmpl, to;
    bool has_to = false;
    for (const auto& [k, val] : a.args) {
      if (k == "template") tmpl = val;
      if (k == "to") to = val, has_to = true;
      if (k == "unsubscribe" && val != "true" && val != "false")
        throw bad(*v.find(k), field + ".unsubscribe",
                  "true (a List-Unsubscribe header and the unsubscribe line) or false");
    }
    if (trim(tmpl).empty())
      throw bad(v, field + ".template", "an email needs a template of templates/: {template: NAME}");
    if (!has_to && schema.type != "contact" && schema.type != "lead") {
      // A deal's first contact, a ticket's contact.
      to = schema.field("contact") ? "contact" : schema.field("contacts") ? "contacts" : "";
      if (to.empty())
        throw bad(v, field + ".to", "to whom: to: FIELD (a field of " + schema.type + " that names a contact or lead)");
      a.args.emplace_back("to", to);
    }
    if (!to.empty()) {
      const Field* f = schema.field(to);
      if (!f || (f->type != FieldType::Ref && f->type != FieldType::Refs))
        throw bad(v, field + ".to", "\"" + to + "\" is not a field of " + schema.type + " that names a record");
    }
  } else if (kind == "run") {
    // No templates: a value put into a shell command is a command. The
    // command reads the record on its stdin.
    a.args = string_map(v, field, {"command", "timeout"});
    std::string command, timeout;
    for (const auto& [k, val] : a.args) (k == "command" ? command : timeout) = val;
    if (trim(command).empty()) throw bad(v, field + ".command", "a run needs a command");
    if (!timeout.empty() && run_timeout_ms(timeout) == 0)
      throw bad(v, field + ".timeout", "\"" + timeout + "\" is not a time limit from 1s to 1h (10s, 2m)");
  } else {
    throw bad(n, where, "unknown action \"" + kind + "\" (set, tag, task, assign, log, email, run)");
  }
  return a;
}

}  // namespace

std::vector<Rule> parse_rules(std::string_view text, const SchemaSet& schemas) {
  Node doc = parse_yaml(text, kRulesFile);
  std::vector<Rule> rules;
  if (doc.is_null()) return rules;
  const Node* list = &doc;
  if (doc.is_map()) {
    list = doc.find("rules");
    if (!list || doc.entries.size() != 1) throw bad(doc, "rules", "expected a list of rules (or rules: [...])");
  }
  if (!list->is_sequence()) throw bad(*list, "rules", "expected a list of rules");
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& n = list->items[i];
    std::string where = "rules[" + std::to_string(i) + "]";
    if (!n.is_map()) throw bad(n, where, "a rule is a map: {name, on, if, from, do}");
    Rule r;
    r.line = n.line;
    r.column = n.column;
    for (const auto& [k, v] : n.entries)
      if (k != "name" && k != "on" && k != "for" && k != "if" && k != "from" && k != "do")
        throw bad(v, where + "." + k, "unknown field (name, on, for, if, from, do)");
    const Node* name = n.find("name");
    if (!name) throw bad(n, where + ".name", "a rule needs a name");
    r.name = scalar_of(*name, where + ".name");
    if (r.name.empty() || r.name.find_first_of(" \t\n{}") != std::string::npos)
      throw bad(*name, where + ".name", "a rule's name is one word");
    for (const Rule& other : rules)
      if (other.name == r.name) throw bad(*name, where + ".name", "two rules named \"" + r.name + "\"");
    where = "rule " + r.name;
    const Node* on = n.find("on");
    if (!on) throw bad(n, where + ".on", "when it fires: TYPE.create, TYPE.update, TYPE.FIELD or schedule");
    std::string when = scalar_of(*on, where + ".on");
    const Node* for_type = n.find("for");
    if (when == "schedule") {
      if (!for_type) throw bad(*on, where + ".for", "a schedule rule says which records: for: TYPE");
      r.type = scalar_of(*for_type, where + ".for");
      r.event = "schedule";
    } else {
      if (for_type) throw bad(*for_type, where + ".for", "for: goes with on: schedule");
      size_t dot = when.find('.');
      if (dot == std::string::npos)
        throw bad(*on, where + ".on", "expected TYPE.create, TYPE.update, TYPE.FIELD or schedule");
      r.type = when.substr(0, dot);
      r.event = when.substr(dot + 1);
    }
    const Schema* schema = schemas.find(r.type);
    if (!schema)
      throw bad(for_type && r.event == "schedule" ? *for_type : *on, where + ".on",
                "no record type \"" + r.type + "\"");
    if (r.event != "create" && r.event != "update" && r.event != "schedule" && !schema->field(r.event))
      throw bad(*on, where + ".on", "no field \"" + r.event + "\" in " + r.type + " (create, update or a field)");
    if (const Node* f = n.find("if")) {
      r.if_text = scalar_of(*f, where + ".if");
      r.if_line = f->line;
    }
    if (const Node* f = n.find("from")) {
      r.from_text = scalar_of(*f, where + ".from");
      r.from_line = f->line;
    }
    const Node* actions = n.find("do");
    if (!actions || !actions->is_sequence() || actions->items.empty())
      throw bad(actions ? *actions : n, where + ".do", "a list of actions: set, tag, task, assign, log, email, run");
    for (size_t j = 0; j < actions->items.size(); ++j)
      r.actions.push_back(parse_action(actions->items[j], where + ".do[" + std::to_string(j) + "]", *schema, schemas));
    rules.push_back(std::move(r));
  }
  return rules;
}

std::string read_rules_text(const Store& store) {
  Dir crm = store.open_dir(".crm");
  struct stat st {};
  if (!crm || !crm.lstat("rules.yaml", st)) return "";
  if (!S_ISREG(st.st_mode)) throw InvalidData(Location{kRulesFile, 0, 0, ""}, "is not a regular file");
  return crm.read("rules.yaml", kMaxRecordBytes + 1);
}

namespace {

// What parse_rules cannot see and every load checks (cheap: no filter is
// parsed, no template read): the segments `if` and `from` name exist and
// select the rule's type (`segments`: check_rule_filters parses them
// whole), the owners actions name are the config's, and no action sets a
// lead's score that scoring: computes.
std::vector<InvalidData> check_rule_names(const Store& store, const std::vector<Rule>& rules, bool segments) {
  std::vector<InvalidData> out;
  const std::vector<std::string>& owners = store.config().owners;
  for (const Rule& r : rules) {
    const Schema& schema = store.schemas().get(r.type);
    for (const auto& [text, line, field] :
         {std::tuple{r.if_text, r.if_line, "if"}, std::tuple{r.from_text, r.from_line, "from"}}) {
      if (!segments) break;
      try {
        expand_segments(store, split_filter_words(text), schema);
      } catch (const Error& e) {
        out.emplace_back(Location{kRulesFile, line, 0, "rule " + r.name + "." + field}, e.what());
      }
    }
    for (const RuleAction& a : r.actions) {
      if (a.kind == "set" && r.type == "lead" && score_is_computed(store.config()))
        for (const auto& [k, v] : a.args)
          if (k == "score")
            out.emplace_back(Location{kRulesFile, a.line, a.column, "rule " + r.name + ".set.score"}, kScoreIsComputed);
      std::vector<std::pair<std::string, std::string>> named;  // (setting, owner)
      for (const auto& [k, v] : a.args) {
        if (a.kind == "assign" && k == "to" && v != "auto" && !is_assign_method(v)) named.emplace_back("to", v);
        if (a.kind == "assign" && k == "among")
          for (const std::string& o : split(v, ',')) named.emplace_back("among", trim(o));
        if (a.kind == "task" && k == "owner") named.emplace_back("owner", v);
      }
      for (const auto& [k, name] : named) {
        if (name.find("{{") != std::string::npos) continue;  // a template: known when it fires
        if (std::string why = unknown_owner(name, owners); !why.empty())
          out.emplace_back(Location{kRulesFile, a.line, a.column, "rule " + r.name + "." + a.kind + "." + k}, why);
      }
    }
  }
  return out;
}

}  // namespace

std::vector<Rule> load_rules(const Store& store) {
  std::string text = read_rules_text(store);
  if (text.empty()) return {};
  // Read once per process (a write fires many times in an import).
  static std::string cached_text = "\x01";
  static std::vector<Rule> cached;
  static const Store* cached_store = nullptr;
  if (text != cached_text || cached_store != &store) {
    std::vector<Rule> rules = parse_rules(text, store.schemas());
    for (const InvalidData& e : check_rule_names(store, rules, true)) throw e;
    cached = std::move(rules);
    cached_text = text;
    cached_store = &store;
  }
  return cached;
}

namespace {

// `schema`: the rule type's, with its derived fields (it outlives the filter).
Filter rule_filter(const Store& store, const Rule& rule, const Schema& schema, const std::string& text, int line,
                   const std::string& field) {
  try {
    return parse_store_filter(store, split_filter_words(text), schema);
  } catch (const Error& e) {
    throw InvalidData(Location{kRulesFile, line, 0, "rule " + rule.name + "." + field}, e.what());
  }
}

NameOf names(const Store& store) {
  return [&store](const std::string& id) -> std::string {
    const Schema* s = store.type_of(id);
    if (!s) return "";
    try {
      return store.load(*s, id).get(s->title);
    } catch (const Error&) {
      return "";
    }
  };
}

}  // namespace

namespace {

std::string action_arg(const RuleAction& a, const std::string& key) {
  for (const auto& [k, v] : a.args)
    if (k == key) return v;
  return "";
}

// The type an email action writes to: the record's own, or what its `to` field names.
std::string email_person_type(const SchemaSet& schemas, const Rule& rule, const RuleAction& a) {
  std::string to = action_arg(a, "to");
  if (to.empty()) return rule.type;
  const Field* f = schemas.get(rule.type).field(to);
  return f && f->ref_types.size() == 1 ? f->ref_types.front() : "contact";
}

// The names an email template may use: the person's fields, the same under
// its type (contact., lead.), the company's under company., the record the
// rule fired on under its type, first_name, id and rule.
std::vector<std::string> email_names(const SchemaSet& schemas, const std::string& record_type,
                                     const std::string& person_type) {
  std::vector<std::string> names = {"id",      "rule",       "first_name", person_type, person_type + ".id",
                                    "company", "company.id", "unsubscribe"};
  const Schema& person = schemas.get(person_type);
  add_field_names(person.fields, "", names);
  add_field_names(person.fields, person_type + ".", names);
  if (const Schema* co = schemas.find("company")) add_field_names(co->fields, "company.", names);
  if (record_type != person_type) {
    names.push_back(record_type);
    names.push_back(record_type + ".id");
    add_field_names(schemas.get(record_type).fields, record_type + ".", names);
  }
  return names;
}

// The action's template, read and checked; the rule's file:line when it is
// not there, the template's own file:line when it is bad.
MailTemplate email_template(const Store& store, const Rule& rule, const RuleAction& a) {
  Location at{kRulesFile, a.line, a.column, "rule " + rule.name + ".email.template"};
  MailTemplate t;
  try {
    t = load_store_template(store, action_arg(a, "template"),
                            email_names(store.schemas(), rule.type, email_person_type(store.schemas(), rule, a)), at);
  } catch (const NotFound& e) {
    throw InvalidData(at, e.what());
  }
  if (trim(t.subject).empty())
    throw InvalidData(Location{t.source, 1, 1, "Subject"}, "an email template starts with a \"Subject: …\" line");
  return t;
}

}  // namespace

std::vector<InvalidData> check_rule_filters(const Store& store, const std::vector<Rule>& rules) {
  std::vector<InvalidData> problems;
  for (const Rule& r : rules) {
    try {
      const Schema valued = with_derived_fields(store.schemas().get(r.type));
      if (!r.if_text.empty()) rule_filter(store, r, valued, r.if_text, r.if_line, "if");
      if (!r.from_text.empty()) rule_filter(store, r, valued, r.from_text, r.from_line, "from");
    } catch (const InvalidData& e) {
      problems.push_back(e);
    }
    for (const InvalidData& e : check_rule_names(store, {r}, false)) problems.push_back(e);
    for (const RuleAction& a : r.actions) {
      if (a.kind != "email") continue;
      try {
        email_template(store, r, a);
      } catch (const InvalidData& e) {
        problems.push_back(e);
      }
    }
  }
  return problems;
}

std::vector<std::string> segment_users(const Store& store, const std::string& name,
                                       const std::vector<std::string>& leaving) {
  std::string at = to_lower("@" + name);
  auto uses = [&at](const std::string& text) {
    try {
      for (const std::string& w : split_filter_words(text))
        if (to_lower(w) == at) return true;
    } catch (const Error&) {
    }
    return false;
  };
  std::vector<std::string> out;
  try {
    for (const Rule& r : load_rules(store))
      for (const auto& [text, field] : {std::pair{r.if_text, "if"}, std::pair{r.from_text, "from"}})
        if (uses(text)) out.push_back("rule " + r.name + " (" + field + ")");
  } catch (const Error&) {
    // a rules file that does not load uses nothing yet
  }
  const Node& config = store.config().raw;
  if (const Node* scoring = config.find("scoring"); scoring && scoring->is_sequence())
    for (size_t i = 0; i < scoring->items.size(); ++i)
      if (uses(scoring->items[i].get("if"))) out.push_back("scoring[" + std::to_string(i) + "]");
  if (const Node* assignment = config.find("assignment"); assignment && assignment->is_map())
    for (const auto& [type, steps] : assignment->entries)
      for (size_t i = 0; i < steps.items.size(); ++i)
        if (uses(steps.items[i].get("if"))) out.push_back("assignment." + type + "[" + std::to_string(i) + "]");
  if (const Schema* segments = store.schemas().find("segment"))
    for (const Record& s : store.load_all(*segments).records)
      if (std::find(leaving.begin(), leaving.end(), s.id()) == leaving.end() && uses(s.get("filter")))
        out.push_back("segment @" + s.get("name"));
  return out;
}

namespace {

std::string render_template(const Store& store, const Record& r, const std::string& text) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) break;
    out += text.substr(pos, open - pos);
    std::string path = trim(text.substr(open + 2, close - open - 2));
    pos = close + 2;
    std::string head = path.substr(0, path.find('.'));
    const Schema& schema = store.schemas().get(r.type);
    const Field* f = schema.field(head);
    if (f && (f->type == FieldType::Ref || f->type == FieldType::Refs) && head != path) {
      std::string id = r.get(head);
      if (const Node* refs = r.find(head); refs && refs->is_sequence() && !refs->items.empty())
        id = refs->items.front().text;
      if (const Schema* s = id.empty() ? nullptr : store.type_of(id))
        out += store.load(*s, id).get(path.substr(head.size() + 1));
      continue;
    }
    out += r.get(path);
  }
  return out + text.substr(pos);
}

Node value_for(const Store& store, const Clock& clock, const Field& field, const std::string& text,
               const std::string& label) {
  if (field.type == FieldType::Ref) return Node::scalar(store.resolve_ref(field, text));
  if (field.type == FieldType::Refs) {
    Node list = Node::sequence();
    for (const std::string& part : split(text, ','))
      if (!trim(part).empty()) list.items.push_back(Node::scalar(store.resolve_ref(field, trim(part))));
    return list;
  }
  // Hours and minutes from now (+4h, +30m): a time, where +1d is a day.
  if ((field.type == FieldType::When || field.type == FieldType::Datetime) && text.size() >= 3 && text[0] == '+' &&
      (text.back() == 'h' || text.back() == 'm') && text.size() <= 8 &&
      text.find_first_not_of("0123456789", 1) == text.size() - 1) {
    long long n = std::stoll(text.substr(1, text.size() - 2));
    return Node::scalar(format_datetime(clock.now + std::chrono::seconds(n * (text.back() == 'h' ? 3600 : 60))), true);
  }
  return parse_field_value(field, text, clock, label);
}

// What an email template sees: the person's fields (first_name made from
// the name when missing), the person again under its type, its company, the
// record the rule fired on under its type, and the rule's name.
Node email_data(const Store& store, const Record& person, const Record& record, const std::string& rule) {
  Node data = person.data;
  if (data.get("first_name").empty()) {
    std::string name = trim(person.get("name"));
    data.set("first_name", Node::scalar(name.substr(0, name.find(' '))));
  }
  data.set(person.type, person.data);
  Node company;  // none: a false section, an empty {{company.name}}
  if (std::string co = person.get("company"); !co.empty() && store.schemas().find("company")) {
    try {
      company = store.load(store.schemas().get("company"), co).data;
    } catch (const Error&) {
    }
  } else if (std::string name = person.get("company_name"); !name.empty()) {
    company = Node::map();
    company.set("name", Node::scalar(name));
  }
  data.set("company", company);
  if (record.type != person.type) data.set(record.type, record.data);
  data.set("rule", Node::scalar(rule));
  return data;
}

std::string one_line(std::string s) {
  for (char& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return trim(s);
}

bool refers_to(const Field* f, const std::string& type) {
  return f && (f->ref_types.empty() || std::find(f->ref_types.begin(), f->ref_types.end(), type) != f->ref_types.end());
}

}  // namespace

namespace {

// A schedule rule fires once per state of its record: the record's fields,
// less its `updated` stamp and what the rule's own actions write (the
// fields it sets, its tags, its owner; a score the engine keeps). A firing
// that sets a field therefore does not make the state it fires on again
// next run, and two clones that see the same record agree on the state.
std::string schedule_instance(const Rule& rule, const Record& record) {
  Node state = record.data;
  std::vector<std::string> own = {"updated", "score"};
  for (const RuleAction& a : rule.actions) {
    if (a.kind == "set")
      for (const auto& [field, value] : a.args) own.push_back(field.substr(0, field.find('.')));
    if (a.kind == "tag") own.push_back("tags");
    if (a.kind == "assign") own.push_back("owner");
  }
  if (state.is_map())
    state.entries.erase(
        std::remove_if(state.entries.begin(), state.entries.end(),
                       [&](const auto& e) { return std::find(own.begin(), own.end(), e.first) != own.end(); }),
        state.entries.end());
  return "state:" + derived_id(emit_document(state));
}

}  // namespace

std::optional<std::string> firing_instance(const Rule& rule, const Record& after, const Record* before, FireFor why,
                                           const std::string& retry_instance) {
  if (rule.type != after.type) return std::nullopt;
  bool any_event = why == FireFor::Test || why == FireFor::Retry;
  if (!any_event && (rule.event == "schedule") != (why == FireFor::Schedule)) return std::nullopt;
  if (why == FireFor::Change && rule.event == "create" && before) return std::nullopt;
  if (why == FireFor::Change && rule.event == "update" && !before) return std::nullopt;
  // `rules test` names the trigger instance a change would have: the ids it
  // shows are those a firing makes (and has made, when they exist).
  if (why == FireFor::Retry) return retry_instance;
  if (rule.event == "create") return std::string("create");
  if (rule.event == "schedule") return schedule_instance(rule, after);
  std::string instance = after.get("updated");
  if (instance.empty()) instance = after.get("created");
  if (rule.event != "update" && rule.event != "schedule") {
    const Node* now = after.find(rule.event);
    const Node* was = before ? before->find(rule.event) : nullptr;
    bool changed =
        (now && !now->empty()) != (was && !was->empty()) || (now && was && !now->empty() && !now->same_value(*was));
    if (!changed && why != FireFor::Test) return std::nullopt;
    instance += ":" + (now ? emit_document(*now) : std::string());
  }
  return instance;
}

std::optional<Firing> plan_firing(const Store& store, const Rule& rule, const Record& after, const Record* before,
                                  FireFor why, const std::string& retry_instance) {
  std::optional<std::string> fires = firing_instance(rule, after, before, why, retry_instance);
  if (!fires) return std::nullopt;
  const std::string& instance = *fires;
  bool any_event = why == FireFor::Test || why == FireFor::Retry;
  NameOf name_of = names(store);
  // `if` and `from` may read derived fields (a deal's probability, a
  // ticket's age): on a copy that has them, never on what is written.
  const Schema& stored = store.schemas().get(rule.type);
  const Schema valued = with_derived_fields(stored);
  auto matches = [&](const std::string& text, int line, const char* field, const Record& r) {
    return matches_with_derived(store, stored, rule_filter(store, rule, valued, text, line, field), r, name_of);
  };
  if (!rule.if_text.empty() && !matches(rule.if_text, rule.if_line, "if", after)) return std::nullopt;
  if (!rule.from_text.empty() && !any_event && (!before || !matches(rule.from_text, rule.from_line, "from", *before)))
    return std::nullopt;

  // A change's firing is dated by the change (its record's stamp), not by
  // when it runs: two clones firing it make the same bytes (+1d from the
  // same instant, the same `created`). A schedule rule's, by now.
  Clock clock = store.clock();
  std::string stamp = after.get(rule.event == "create" ? "created" : "updated");
  bool by_change = why == FireFor::Change || (why != FireFor::Schedule && rule.event != "schedule");
  std::optional<Seconds> at = by_change ? parse_iso_datetime(stamp) : std::nullopt;
  if (at) {
    clock.now = *at;
    clock.today = clock.local_day(*at);
  }
  Firing firing;
  firing.rule = &rule;
  firing.instance = instance;
  const Schema& schema = store.schemas().get(after.type);
  Record changed = after;
  std::string seed = "rule:" + rule.name + ":" + after.id() + ":" + instance;
  for (size_t i = 0; i < rule.actions.size(); ++i) {
    const RuleAction& a = rule.actions[i];
    std::string label = std::string(kRulesFile) + ":" + std::to_string(a.line) + ": rule " + rule.name + "." + a.kind;
    auto arg = [&a](const std::string& key) {
      for (const auto& [k, v] : a.args)
        if (k == key) return v;
      return std::string();
    };
    auto set = [&](const std::string& field, Node value, const std::string& shown) {
      const Node* old = changed.data.find(field);
      if (old && old->same_value(value)) return;
      changed.data.set(field, value);
      firing.changes.set(field, value);
      firing.change_says.push_back("set " + field + "=" + shown);
    };
    if (a.kind == "set") {
      for (const auto& [field, text] : a.args) {
        std::string v = render_template(store, changed, text);
        set(field, value_for(store, clock, *schema.field(field), v, label), v);
      }
    } else if (a.kind == "tag") {
      Node tags = changed.data.find("tags") ? *changed.data.find("tags") : Node::sequence();
      if (!tags.is_sequence()) tags = Node::sequence();
      const std::string& tag = a.args.front().first;
      if (std::none_of(tags.items.begin(), tags.items.end(), [&](const Node& t) { return t.text == tag; })) {
        tags.items.push_back(Node::scalar(tag));
        set("tags", tags, "+" + tag);
        firing.change_says.back() = "tag +" + tag;
      }
    } else if (a.kind == "assign") {
      std::string to = arg("to");
      std::vector<std::string> among;
      for (const std::string& o : split(arg("among"), ','))  // no among: "" splits into one empty name
        if (!trim(o).empty()) among.push_back(trim(o));
      to = to == "auto"           ? assign_owner(store, changed)
           : is_assign_method(to) ? pick_owner(store, changed, to, among)
                                  : render_template(store, changed, to);
      set("owner", Node::scalar(to), to);
      if (!firing.change_says.empty() && firing.change_says.back() == "set owner=" + to)
        firing.change_says.back() = "assign " + to;
    } else if (a.kind == "task") {
      const Schema& tasks = store.schemas().get("task");
      Record t;
      t.type = "task";
      t.data.set("id", Node::scalar(derived_id(seed + ":" + std::to_string(i))));
      t.data.set("title", Node::scalar(render_template(store, changed, arg("title"))));
      if (at) t.data.set("created", Node::scalar(format_datetime(*at), true));
      if (std::string due = render_template(store, changed, arg("due")); !due.empty())
        t.data.set("due", value_for(store, clock, *tasks.field("due"), due, label + ".due"));
      t.data.set("status", Node::scalar("open"));
      std::string priority = arg("priority").empty() ? "normal" : render_template(store, changed, arg("priority"));
      t.data.set("priority", value_for(store, clock, *tasks.field("priority"), priority, label + ".priority"));
      std::string owner = arg("owner").empty() ? changed.get("owner") : render_template(store, changed, arg("owner"));
      if (!owner.empty()) t.data.set("owner", Node::scalar(owner));
      const Field* related = tasks.field("related");
      if (std::string about = arg("for"); !about.empty())
        t.data.set("related",
                   value_for(store, clock, *related, render_template(store, changed, about), label + ".for"));
      else if (refers_to(related, after.type))
        t.data.set("related", Node::sequence({Node::scalar(after.id())}));
      firing.created_says.push_back("task " + t.id() + " \"" + t.get("title") + "\"" +
                                    (t.get("due").empty() ? "" : " due " + t.get("due")));
      firing.created.push_back(std::move(t));
    } else if (a.kind == "log") {
      const Schema& activities = store.schemas().get("activity");
      Record act;
      act.type = "activity";
      act.data.set("id", Node::scalar(derived_id(seed + ":" + std::to_string(i))));
      std::string kind = arg("kind").empty() ? "note" : render_template(store, changed, arg("kind"));
      act.data.set("kind", value_for(store, clock, *activities.field("kind"), kind, label + ".kind"));
      act.data.set("at", Node::scalar(format_datetime(clock.now), true));
      if (at) act.data.set("created", Node::scalar(format_datetime(*at), true));
      act.data.set("summary", Node::scalar(render_template(store, changed, arg("summary"))));
      if (refers_to(activities.field("with"), after.type))
        act.data.set("with", Node::sequence({Node::scalar(after.id())}));
      firing.created_says.push_back("log " + act.get("kind") + " " + act.id() + " \"" + act.get("summary") + "\"");
      firing.created.push_back(std::move(act));
    } else if (a.kind == "email") {
      std::string act_id = derived_id(seed + ":" + std::to_string(i));
      std::string to_field = arg("to");
      std::optional<Record> person;
      if (to_field.empty()) {
        person = changed;
      } else {
        std::string id = changed.get(to_field);
        if (const Node* refs = changed.find(to_field); refs && refs->is_sequence() && !refs->items.empty())
          id = refs->items.front().text;
        if (const Schema* s = id.empty() ? nullptr : store.type_of(id)) person = store.load(*s, id);
      }
      std::string who = person ? person->type + " " + person->id() : "";
      std::string refused = !person                          ? "no " + to_field
                            : first_email(*person).empty()   ? who + " has no email"
                            : !mail_refused(*person).empty() ? who + " is " + mail_refused(*person)
                                                             : "";
      if (refused.empty()) {
        // Mail goes to an address: a contact holding it that asked for no
        // mail (a lead, a duplicate contact) stops it, as in a campaign.
        std::map<std::string, std::string> blocked = refused_addresses(store);
        if (auto b = blocked.find(address_key(first_email(*person))); b != blocked.end())
          refused = first_email(*person) + " is " + b->second;
      }
      if (!refused.empty()) {
        firing.skipped_says.push_back("email " + arg("template") + " not sent: " + refused);
        continue;
      }
      MailTemplate tmpl = email_template(store, rule, a);
      std::string from = configured_from(store);
      std::optional<MailAddress> from_address = parse_mail_address(from);
      if (!from_address)
        throw UsageError(from.empty() ? "no From address: set campaigns.from (or mail.me) in the config"
                                      : "\"" + from + "\" is not one mail address (Name <addr@example.com>)");
      Node data = email_data(store, *person, changed, rule.name);
      // A rule's mail is transactional unless it says otherwise: the
      // unsubscribe line and List-Unsubscribe (RFC 2369; RFC 8058's one-click
      // Post for an https link that names its recipient) only when the template offers to unsubscribe
      // or the action asks — then as a campaign carries them.
      bool unsubscribe = tmpl.uses_unsubscribe || arg("unsubscribe") == "true";
      std::string unsubscribe_link = unsubscribe ? unsubscribe_uri(store, from) : "";
      if (unsubscribe)
        data.set(
            "unsubscribe",
            Node::scalar(unsubscribe_line(unsubscribe_link_for(unsubscribe_link, person->id(), first_email(*person)))));
      OutgoingMail m;
      m.from = *from_address;
      m.to = MailAddress{person->get("name"), first_email(*person)};
      m.subject = one_line(render_mail_template(tmpl.subject, data));
      m.date = clock.now;
      m.message_id = "crm." + act_id + "@" + m.from.email.substr(m.from.email.find('@') + 1);
      m.headers = {{"X-Crm-Rule", rule.name}};
      m.text = render_mail_template(tmpl.body, data);
      if (unsubscribe) offer_unsubscribe(m, unsubscribe_link, person->id(), tmpl.uses_unsubscribe);
      firing.mails.push_back(RuleMail{act_id + ".crm", act_id, m.to.email, compose_mail(m)});
      Record act;
      act.type = "activity";
      act.data.set("id", Node::scalar(act_id));
      act.data.set("kind", Node::scalar("email"));
      act.data.set("at", Node::scalar(format_datetime(clock.now), true));
      if (at) act.data.set("created", Node::scalar(format_datetime(*at), true));
      act.data.set("summary", Node::scalar(mail_summary(m.subject)));
      Node with = Node::sequence({Node::scalar(person->id())});
      if (person->id() != after.id() && refers_to(store.schemas().get("activity").field("with"), after.type))
        with.items.push_back(Node::scalar(after.id()));
      act.data.set("with", with);
      act.data.set("direction", Node::scalar("out"));
      act.data.set("message_id", Node::scalar(m.message_id));
      act.data.set("visibility", Node::scalar("subject"));
      firing.created_says.push_back("email " + act_id + " to " + m.to.email + " \"" + act.get("summary") + "\"");
      firing.created.push_back(std::move(act));
    } else if (a.kind == "run") {
      RuleRun run;
      run.command = arg("command");
      if (!arg("timeout").empty()) run.timeout_ms = run_timeout_ms(arg("timeout"));
      run.env = {"CRM_RULE=" + rule.name, "CRM_RECORD_TYPE=" + after.type, "CRM_RECORD_ID=" + after.id(),
                 "CRM_TRIGGER=" + derived_id(seed + ":run:" + std::to_string(i)), "CRM_DIR=" + store.root().string()};
      firing.runs.push_back(std::move(run));
    }
  }
  // The record a command reads: after all of the rule's changes.
  for (RuleRun& run : firing.runs) run.input = dump_json(record_object(changed, schema), -1) + "\n";
  return firing;
}

}  // namespace crm
