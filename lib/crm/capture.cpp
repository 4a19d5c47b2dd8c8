#include "crm/capture.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "crm/automation_settings.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/match_keys.hpp"
#include "crm/record.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm {

namespace {

constexpr const char* kConfigFile = ".crm/config.yaml";
const char* const kFormTypes[] = {"lead", "contact", "ticket"};

InvalidData config_bad(const Node& at, const std::string& field, const std::string& message) {
  return InvalidData(Location{kConfigFile, at.line, at.column, field}, message);
}

std::string scalar(const Node& n, const std::string& field) {
  if (!n.is_scalar()) throw config_bad(n, field, "expected a single value");
  return trim(n.text);
}

std::vector<std::string> scalars(const Node& n, const std::string& field) {
  std::vector<std::string> out;
  if (n.is_scalar()) {
    for (const std::string& part : split(n.text, ','))
      if (!trim(part).empty()) out.push_back(trim(part));
  } else if (n.is_sequence()) {
    for (const Node& item : n.items) out.push_back(scalar(item, field));
  } else {
    throw config_bad(n, field, "expected a list: [a, b]");
  }
  return out;
}

// What a form maps when its config names no fields: the usual names.
std::vector<std::pair<std::string, std::string>> usual_fields(const std::string& type) {
  if (type == "ticket")
    return {
        {"subject", "subject"}, {"message", "description"}, {"name", "name"}, {"email", "email"}, {"phone", "phone"}};
  std::vector<std::pair<std::string, std::string>> f = {
      {"name", "name"}, {"email", "email"}, {"phone", "phone"}, {"title", "title"}, {"message", "notes"}};
  if (type == "lead") f.insert(f.begin() + 3, {"company", "company_name"});
  return f;
}

// The record field a form field fills: a field of the form's type or, for a
// ticket, of the contact that asks (name, email, phone…).
const Field* target_field(const Store& store, const std::string& type, const std::string& field, bool* of_contact) {
  *of_contact = false;
  if (const Field* f = store.schemas().get(type).field(field)) return f;
  if (type == "ticket") {
    *of_contact = true;
    return store.schemas().get("contact").field(field);
  }
  return nullptr;
}

bool mappable(const Field& f) {
  return f.type != FieldType::Ref && f.type != FieldType::Refs && f.name != "id" && f.name != "created" &&
         f.name != "updated";
}

Form parse_form(const Store& store, const std::string& name, const Node& n) {
  Form form;
  form.name = name;
  form.line = n.line;
  std::string where = "forms." + name;
  if (name.empty() || name.find_first_of("/ \t?#&%") != std::string::npos)
    throw config_bad(n, where, "a form's name is a word (it is a path in crm serve: /capture/NAME)");
  if (!n.is_map()) throw config_bad(n, where, "expected a map: {type: lead, fields: {…}, required: […]}");
  bool fields_given = false;
  for (const auto& [key, v] : n.entries) {
    std::string field = where + "." + key;
    if (key == "type") {
      form.type = scalar(v, field);
      if (std::find(std::begin(kFormTypes), std::end(kFormTypes), form.type) == std::end(kFormTypes))
        throw config_bad(v, field, "\"" + form.type + "\" is not one of lead, contact, ticket");
    } else if (key == "fields") {
      if (!v.is_map()) throw config_bad(v, field, "expected a map: {form field: record field}");
      fields_given = true;
      for (const auto& [from, to] : v.entries) form.fields.emplace_back(from, scalar(to, field + "." + from));
    } else if (key == "required") {
      form.required = scalars(v, field);
    } else if (key == "honeypot") {
      form.honeypot = scalar(v, field);
    } else if (key == "tags") {
      form.tags = scalars(v, field);
    } else if (key == "source") {
      form.source = scalar(v, field);
    } else if (key == "id_field") {
      form.id_field = scalar(v, field);
    } else if (key == "token") {
      form.token = scalar(v, field);
    } else {
      throw config_bad(v, field,
                       "unknown setting of a form (type, fields, required, honeypot, tags, source, "
                       "id_field, token)");
    }
  }
  if (!fields_given) form.fields = usual_fields(form.type);
  // Checked against the schemas now, so a mistake names its line, not a submission.
  if (const Node* f = n.find("fields")) {
    for (const auto& [from, to] : f->entries) {
      bool of_contact = false;
      const Field* field = target_field(store, form.type, to.text, &of_contact);
      if (!field || !mappable(*field))
        throw config_bad(to, where + ".fields." + from,
                         "\"" + to.text + "\" is not a field a form can fill in a " + form.type);
      if (form.type == "lead" && field->name == "score" && score_is_computed(store.config()))
        throw config_bad(to, where + ".fields." + from, kScoreIsComputed);
    }
  }
  if (const Node* s = n.find("source")) {
    const Field* field = store.schemas().get(form.type == "ticket" ? "contact" : form.type).field("source");
    if (field && !check_scalar(*field, form.source).empty())
      throw config_bad(*s, where + ".source", check_scalar(*field, form.source));
  }
  return form;
}

InvalidData field_bad(const std::string& source, const std::string& field, const std::string& message) {
  return InvalidData(Location{source, 0, 0, "field \"" + field + "\""}, message);
}

// The typed value of one form field for `field`; throws naming the form field.
Node typed_value(const Store& store, const Field& field, const FormField& in, const std::string& source) {
  auto check = [&](const std::string& text) {
    if (std::string problem = check_written_scalar(field, text); !problem.empty())
      throw field_bad(source, in.name, problem);
  };
  try {
    if (field.type == FieldType::List) {
      Node list = Node::sequence();
      for (const std::string& v : in.values)
        if (!trim(v).empty()) {
          check(trim(v));
          list.items.push_back(Node::scalar(trim(v)));
        }
      return list;
    }
    std::string text = field.type == FieldType::Text ? in.text() : trim(in.text());
    check(text);
    return parse_field_value(field, text, store.clock(), in.name);
  } catch (const InvalidData& e) {
    if (starts_with(e.where().field, "field \"")) throw;
    throw field_bad(source, in.name, e.message());
  }
}

// What the submission said, for the activity's body: one "field: value"
// each, a value's further lines indented.
std::string body_text(const Form& form, const FormBody& body) {
  std::string out;
  for (const FormField& f : body.fields) {
    if (f.name == form.honeypot) continue;
    out += f.name + ": ";
    for (char c : f.text()) {
      out += c;
      if (c == '\n') out += "  ";
    }
    out += "\n";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

// The submission's key (see capture.hpp): its id, or the day and its content.
std::string submission_key(const Store& store, const Form& form, const FormBody& body) {
  std::string key = "capture:" + form.name + ":";
  if (!form.id_field.empty())
    if (const FormField* f = body.find(form.id_field); f && !trim(f->text()).empty())
      return key + "id:" + trim(f->text());
  std::vector<std::string> lines;
  for (const FormField& f : body.fields)
    if (f.name != form.honeypot) lines.push_back(f.name + "=" + join(f.values, "\x1f"));
  std::sort(lines.begin(), lines.end());
  return key + format_date(store.clock().today) + ":" + join(lines, "\n");
}

struct Person {
  const Schema* schema = nullptr;
  std::string id;
};

void read_people(const Store& store, KnownPeople& known) {
  known.loaded = true;
  auto add = [](std::unordered_map<std::string, std::string>& to, const Record& r) {
    to.emplace(email_key(r.get("email")), r.id());
    if (const Node* list = r.data.find("emails"); list && list->is_sequence())
      for (const Node& e : list->items) to.emplace(email_key(e.text), r.id());
  };
  std::vector<std::string> only = {"email", "emails"};
  for (const Record& c : store.load_all(store.schemas().get("contact"), &only).records) add(known.contacts, c);
  only = {"email", "emails", "status"};
  for (const Record& l : store.load_all(store.schemas().get("lead"), &only).records)
    if (l.get("status") != "converted") add(known.leads, l);
  known.contacts.erase("");
  known.leads.erase("");
}

// A contact, else an open lead (not converted), with this email among theirs.
Person find_person(const Store& store, KnownPeople& known, const std::string& email, bool leads_too) {
  std::string key = email_key(email);
  if (key.empty()) return {};
  if (!known.loaded) read_people(store, known);
  if (auto it = known.contacts.find(key); it != known.contacts.end())
    return {&store.schemas().get("contact"), it->second};
  if (auto it = known.leads.find(key); leads_too && it != known.leads.end())
    return {&store.schemas().get("lead"), it->second};
  return {};
}

std::string title_of(const Store& store, const Schema& schema, const std::string& id) {
  try {
    return store.load(schema, id).get(schema.title);
  } catch (const Error&) {
    return "";
  }
}

void add_tags(Record& r, const std::vector<std::string>& tags) {
  if (tags.empty()) return;
  Node list = r.data.find("tags") && r.data.find("tags")->is_sequence() ? *r.data.find("tags") : Node::sequence();
  for (const std::string& t : tags)
    if (std::none_of(list.items.begin(), list.items.end(), [&](const Node& x) { return x.text == t; }))
      list.items.push_back(Node::scalar(t));
  r.data.set("tags", list);
}

// A new record's schema defaults (a lead's status new, a ticket's priority
// normal), as `add` gives them.
void apply_defaults(const Store& store, const Schema& schema, Record& r) {
  for (const Field& f : schema.fields)
    if (!f.default_value.empty() && !r.data.find(f.name))
      r.data.set(f.name, parse_field_value(f, f.default_value, store.clock(), f.name));
}

void validate(Record& r, const Schema& schema, const Store& store, const std::string& source, bool is_new) {
  if (is_new) apply_defaults(store, schema, r);
  std::vector<InvalidData> problems = validate_record(r, schema);
  if (!problems.empty())
    throw InvalidData(Location{source, 0, 0, problems.front().where().field}, problems.front().message());
}

class Capture {
 public:
  Capture(Writer& w, const Form& form, const FormBody& body, const std::string& source, KnownPeople& known)
      : w_(w), store_(w.store()), form_(form), body_(body), source_(source), known_(known) {}

  CaptureResult run() {
    CaptureResult res;
    if (!form_.honeypot.empty())
      if (const FormField* f = body_.find(form_.honeypot); f && !trim(f->text()).empty()) {
        res.action = "dropped";
        return res;
      }
    for (const std::string& r : form_.required)
      if (const FormField* f = body_.find(r); !f || trim(f->text()).empty())
        throw field_bad(source_, r, "missing (form " + form_.name + " requires it)");
    read_values();
    std::string key = submission_key(store_, form_, body_);
    const Schema& activities = store_.schemas().get("activity");
    const Schema& schema = store_.schemas().get(form_.type);
    res.activity = derived_id(key + ":activity");
    res.type = form_.type;
    if (store_.exists(activities, res.activity)) {
      // Sent before: the activity that recorded it names what it made.
      Record a = store_.load(activities, res.activity);
      res.action = "unchanged";
      if (const Node* with = a.data.find("with"); with && with->is_sequence() && !with->items.empty()) {
        res.id = with->items.front().text;
        if (const Schema* s = store_.type_of(res.id)) {
          res.type = s->type;
          res.name = title_of(store_, *s, res.id);
        }
      }
      return res;
    }
    std::string record_id = derived_id(key + ":" + form_.type);
    std::vector<std::string> with;
    if (form_.type == "ticket") {
      std::string contact = contact_for_ticket(key);
      res.id = record_id;
      res.action = store_.exists(schema, record_id) ? "updated" : "created";
      if (res.action == "created")
        write_ticket(record_id, contact);
      else
        refire(schema, record_id);
      res.name = title_of(store_, schema, record_id);
      with.push_back(record_id);
      if (!contact.empty()) with.push_back(contact);
    } else {
      Person known = find_person(store_, known_, email_, true);
      if (!known.schema && store_.exists(schema, record_id)) known = {&schema, record_id};
      if (known.schema) {
        fill(*known.schema, known.id);
        if (known.id == record_id) refire(*known.schema, record_id);
        res.action = "updated";
        res.type = known.schema->type;
        res.id = known.id;
      } else {
        write_new(schema, record_id);
        res.action = "created";
        res.id = record_id;
      }
      res.name = title_of(store_, store_.schemas().get(res.type), res.id);
      with.push_back(res.id);
    }
    write_activity(res.activity, with);
    return res;
  }

 private:
  Writer& w_;
  const Store& store_;
  const Form& form_;
  const FormBody& body_;
  const std::string& source_;
  KnownPeople& known_;
  // The mapped values: record field → value, for the form's type and (a
  // ticket's) for its contact.
  std::vector<std::pair<std::string, Node>> own_, contact_;
  std::string email_, subject_;

  void read_values() {
    for (const auto& [from, to] : form_.fields) {
      const FormField* in = body_.find(from);
      if (!in || in->values.empty() || trim(in->text()).empty()) continue;
      bool of_contact = false;
      const Field* field = target_field(store_, form_.type, to, &of_contact);
      if (!field || !mappable(*field)) continue;
      Node value = typed_value(store_, *field, *in, source_);
      if (to == "email") email_ = value.text;
      if (to == "subject") subject_ = value.text;
      (of_contact ? contact_ : own_).emplace_back(to, std::move(value));
    }
  }

  // Sets `values` where `r` has nothing yet; true when anything changed.
  static bool fill_empty(Record& r, const Schema& schema, const std::vector<std::pair<std::string, Node>>& values) {
    bool changed = false;
    for (const auto& [field, value] : values) {
      if (!schema.field(field)) continue;
      const Node* now = r.data.find(field);
      if (now && !now->empty()) continue;
      r.data.set(field, value);
      changed = true;
    }
    return changed;
  }

  void fill(const Schema& schema, const std::string& id) {
    Record r = store_.load(schema, id);
    const Record before = r;
    bool changed = fill_empty(r, schema, own_);
    size_t tags = r.data.find("tags") && r.data.find("tags")->is_sequence() ? r.data.find("tags")->items.size() : 0;
    add_tags(r, form_.tags);
    changed = changed || (r.data.find("tags") && r.data.find("tags")->items.size() != tags);
    if (!changed) return;
    validate(r, schema, store_, source_, false);
    write_with_effects(w_, r, &before, false);
  }

  // A person this capture made, for the next captures of the same run.
  void remember(const Record& r) {
    if (!known_.loaded) return;
    std::string key = email_key(r.get("email"));
    if (!key.empty()) (r.type == "contact" ? known_.contacts : known_.leads).emplace(key, r.id());
  }

  // The person's name when the form gave none: their email, else phone.
  std::string fallback_name(const std::vector<std::pair<std::string, Node>>& values) const {
    for (const char* f : {"email", "phone"})
      for (const auto& [field, value] : values)
        if (field == f) return value.text;
    return "";
  }

  void write_new(const Schema& schema, const std::string& id) {
    Record r;
    r.type = schema.type;
    r.data.set("id", Node::scalar(id));
    fill_empty(r, schema, own_);
    if (r.get("name").empty()) {
      std::string name = fallback_name(own_);
      if (name.empty())
        throw field_bad(source_, "name", "missing: a " + schema.type + " needs a name, an email or a phone");
      r.data.set("name", Node::scalar(name));
    }
    if (const Field* s = schema.field("source"); s && r.get("source").empty() && !form_.source.empty())
      r.data.set("source", parse_field_value(*s, form_.source, store_.clock(), "source"));
    add_tags(r, form_.tags);
    validate(r, schema, store_, source_, true);
    write_with_effects(w_, r, nullptr, true);
    remember(r);
  }

  // A ticket's contact: the one with the email, else one made for it (an
  // id derived from the email, as mail import does); "" without an email.
  std::string contact_for_ticket(const std::string& key) {
    (void)key;
    std::string email;
    for (const auto& [field, value] : contact_)
      if (field == "email") email = value.text;
    if (email.empty()) return "";
    Person known = find_person(store_, known_, email, false);
    const Schema& contacts = store_.schemas().get("contact");
    if (known.schema) {
      fill(contacts, known.id);
      return known.id;
    }
    std::string id = derived_id("capture-contact:" + email_key(email));
    if (store_.exists(contacts, id)) {
      refire(contacts, id);
      return id;
    }
    Record c;
    c.type = "contact";
    c.data.set("id", Node::scalar(id));
    fill_empty(c, contacts, contact_);
    if (c.get("name").empty()) c.data.set("name", Node::scalar(fallback_name(contact_)));
    if (const Field* s = contacts.field("source"); s && !form_.source.empty())
      c.data.set("source", parse_field_value(*s, form_.source, store_.clock(), "source"));
    validate(c, contacts, store_, source_, true);
    write_with_effects(w_, c, nullptr, true);
    remember(c);
    return id;
  }

  void write_ticket(const std::string& id, const std::string& contact) {
    const Schema& tickets = store_.schemas().get("ticket");
    Record t;
    t.type = "ticket";
    t.data.set("id", Node::scalar(id));
    fill_empty(t, tickets, own_);
    if (t.get("subject").empty()) t.data.set("subject", Node::scalar("Web form " + form_.name));
    if (!contact.empty()) {
      t.data.set("contact", Node::scalar(contact));
      std::string company = store_.load(store_.schemas().get("contact"), contact).get("company");
      if (!company.empty()) t.data.set("company", Node::scalar(company));
    }
    if (t.get("channel").empty()) t.data.set("channel", Node::scalar("web"));
    add_tags(t, form_.tags);
    validate(t, tickets, store_, source_, true);
    write_with_effects(w_, t, nullptr, true);
  }

  // The record this submission made, found again by a run that was killed
  // before it recorded the submission: the rules its creation fires may not
  // all have fired. They fire again as for the creation; what they make has
  // derived ids, so what was made already is not made twice.
  void refire(const Schema& schema, const std::string& id) {
    Record r = store_.load(schema, id);
    fire_rules(w_, r, nullptr);
  }

  void write_activity(const std::string& id, const std::vector<std::string>& with) {
    const Schema& activities = store_.schemas().get("activity");
    Record a;
    a.type = "activity";
    a.data.set("id", Node::scalar(id));
    a.data.set("kind", Node::scalar("form"));
    a.data.set("at", Node::scalar(format_datetime(store_.clock().now), true));
    std::string summary = "Web form " + form_.name;
    if (!subject_.empty()) summary += ": " + truncate_to_width(subject_, 120);
    a.data.set("summary", Node::scalar(summary));
    if (std::string text = body_text(form_, body_); !text.empty()) a.data.set("body", Node::scalar(text));
    Node w = Node::sequence();
    for (const std::string& x : with) w.items.push_back(Node::scalar(x));
    a.data.set("with", w);
    a.data.set("direction", Node::scalar("in"));
    validate(a, activities, store_, source_, true);
    write_with_effects(w_, a, nullptr, true);
  }
};

// A file of the inbox, read without following a link; "" and `error` set
// when it cannot be read or is too large.
std::string read_inbox_file(int dfd, const std::string& name, std::string& error) {
  int fd = openat(dfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return "";
  }
  std::unique_ptr<int, void (*)(int*)> guard(&fd, [](int* p) { close(*p); });
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "not a regular file";
    return "";
  }
  if (static_cast<size_t>(st.st_size) > kMaxFormBody) {
    error = "the submission is " + std::to_string(st.st_size) + " bytes, more than the " +
            std::to_string(kMaxFormBody) + " a form may send";
    return "";
  }
  std::string text;
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::string("cannot read: ") + std::strerror(errno);
      return "";
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > kMaxFormBody) break;  // grew while read: parse_form_body refuses it
  }
  return text;
}

void make_subdir(int dfd, const char* name, const std::string& dir) {
  if (mkdirat(dfd, name, 0755) != 0 && errno != EEXIST)
    throw IoError(dir + "/" + name + ": cannot make the folder: " + std::strerror(errno));
  struct stat st {};
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode))
    throw IoError(dir + "/" + name + ": is not a folder");
}

// The name a file keeps in done/ or failed/: its own, unless that leaves no
// room for the suffixes added there (.N, .error.tmp) within NAME_MAX (255
// bytes): then its first 200 bytes (whole UTF-8 characters), '~' and 8
// characters of a hash of the whole name, so two long names stay apart.
std::string kept_name(const std::string& name) {
  constexpr size_t kRoom = 255 - 32, kKeep = 200;
  if (name.size() <= kRoom) return name;
  size_t cut = kKeep;
  while (cut > kKeep - 3 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut) + "~" + derived_id("inbox-name:" + name).substr(0, 8);
}

// DIR/SUB/NAME, or NAME.1, NAME.2… when a file of that name is there
// already (the same name sent again another day): nothing is overwritten.
std::string free_name(int dfd, const std::string& sub, const std::string& name) {
  std::string kept = kept_name(name);
  std::string target = sub + "/" + kept;
  for (int i = 1; faccessat(dfd, target.c_str(), F_OK, AT_SYMLINK_NOFOLLOW) == 0; ++i)
    target = sub + "/" + kept + "." + std::to_string(i);
  return target;
}

void move(int dfd, const std::string& name, const std::string& target, const std::string& dir) {
  if (renameat(dfd, name.c_str(), dfd, target.c_str()) != 0)
    throw IoError(dir + "/" + name + ": cannot move to " + target + ": " + std::strerror(errno));
}

// NAME.error beside the failed file: written whole (temp file, rename).
void write_error(int dfd, const std::string& target, const std::string& message, const std::string& dir) {
  std::string tmp = target + ".error.tmp";
  int fd = openat(dfd, tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(dir + "/" + tmp + ": cannot write: " + std::strerror(errno));
  std::string text = message + "\n";
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = close(fd) == 0 && ok;
  std::string final_name = target + ".error";
  if (!ok || renameat(dfd, tmp.c_str(), dfd, final_name.c_str()) != 0)
    throw IoError(dir + "/" + final_name + ": cannot write: " + std::strerror(errno));
}

}  // namespace

std::vector<Form> store_forms(const Store& store) {
  std::vector<Form> forms;
  const Node* n = store.config().raw.find("forms");
  if (!n || n->empty()) {
    Form web;
    web.name = "web";
    web.fields = usual_fields("lead");
    web.required = {"email"};
    forms.push_back(web);
    return forms;
  }
  if (!n->is_map()) throw config_bad(*n, "forms", "expected a map of forms: {contact: {type: lead, …}}");
  for (const auto& [name, v] : n->entries) forms.push_back(parse_form(store, name, v));
  return forms;
}

const Form& choose_form(const std::vector<Form>& forms, const std::string& name) {
  std::vector<std::string> names;
  for (const Form& f : forms) names.push_back(f.name);
  std::string want = name;
  if (want.empty()) {
    if (forms.size() == 1) return forms.front();
    want = "default";
    for (const Form& f : forms)
      if (f.name == want) return f;
    throw UsageError("several forms (" + join(names, ", ") + "): name one with --form, or call one \"default\"");
  }
  for (const Form& f : forms)
    if (f.name == want) return f;
  throw UsageError("no form \"" + want + "\" in .crm/config.yaml (forms: " + join(names, ", ") + ")");
}

CaptureResult capture(Writer& writer, const Form& form, const FormBody& body, const std::string& source,
                      KnownPeople* known) {
  KnownPeople own;
  return Capture(writer, form, body, source, known ? *known : own).run();
}

std::vector<CaptureResult> capture_inbox(Writer& writer, const std::vector<Form>& forms, const std::string& form_name,
                                         BodyKind kind, const std::string& dir) {
  const Form& form = choose_form(forms, form_name);
  int dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) throw UsageError("--inbox " + dir + ": " + std::strerror(errno));
  std::unique_ptr<int, void (*)(int*)> guard(&dfd, [](int* p) { close(*p); });
  std::vector<std::string> names;
  {
    DIR* d = fdopendir(dup(dfd));
    if (!d) throw IoError(dir + ": cannot read the folder: " + std::strerror(errno));
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.empty() || name[0] == '.') continue;
      struct stat st {};
      if (fstatat(dfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) names.push_back(name);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  std::vector<CaptureResult> results;
  KnownPeople known;
  if (names.empty()) return results;
  make_subdir(dfd, "done", dir);
  make_subdir(dfd, "failed", dir);
  for (const std::string& name : names) {
    std::string where = dir + "/" + name;
    CaptureResult r;
    try {
      std::string error;
      std::string text = read_inbox_file(dfd, name, error);
      if (!error.empty()) throw InvalidData(Location{where, 0, 0, ""}, error);
      r = capture(writer, form, parse_form_body(text, kind, where), where, &known);
      r.file = name;
      move(dfd, name, free_name(dfd, "done", name), dir);
    } catch (const InvalidData& e) {
      r = CaptureResult{};
      r.file = name;
      r.action = "failed";
      r.error = e.what();
      try {
        std::string target = free_name(dfd, "failed", name);
        write_error(dfd, target, r.error, dir);
        move(dfd, name, target, dir);
      } catch (const IoError& io) {  // left where it is, said; the run goes on
        r.error += "; and " + std::string(io.what());
      }
    } catch (const IoError& e) {
      // Captured, but not moved to done/ (or not read): reported as failed,
      // left in the inbox (a re-run finds the person known), the run goes on.
      r.action = "failed";
      r.file = name;
      r.error = e.what();
    }
    results.push_back(std::move(r));
  }
  return results;
}

ServeSettings serve_settings(const Node& config) {
  ServeSettings c;
  const Node* s = config.find("serve");
  if (!s || s->empty()) return c;
  auto bad = [](const Node& at, const std::string& field, const std::string& m) {
    return InvalidData(Location{".crm/config.yaml", at.line, at.column, field}, m);
  };
  if (!s->is_map()) throw bad(*s, "serve", "expected a map: {token: …, rate: 30}");
  for (const auto& [k, v] : s->entries) {
    if (k == "token" && v.is_scalar()) {
      c.token = trim(v.text);
    } else if (k == "rate" && v.is_scalar()) {
      const std::string t = trim(v.text);
      if (t.empty() || t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos || t == "0")
        throw bad(v, "serve.rate",
                  "\"" + escape_for_terminal(v.text) + "\" is not a number of posts a minute (1 or more)");
      c.rate = std::stol(t);
    } else {
      throw bad(v, "serve." + k, "unknown setting (token, rate)");
    }
  }
  return c;
}

}  // namespace crm
