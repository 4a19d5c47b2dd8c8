#include "crm/mail_out.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/rule_command.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

constexpr size_t kMaxTemplateFile = 1024 * 1024 + 1;

}  // namespace

std::string first_email(const Record& c) {
  if (!c.get("email").empty()) return c.get("email");
  if (const Node* e = c.data.find("emails"); e && e->is_sequence())
    for (const Node& item : e->items)
      if (item.is_scalar() && !item.text.empty()) return item.text;
  return "";
}

std::string mail_refused(const Record& person) {
  for (const char* mark : {"do_not_contact", "unsubscribed"})
    if (to_lower(person.get(mark)) == "true") return mark;
  return "";
}

void add_field_names(const std::vector<Field>& fields, const std::string& prefix, std::vector<std::string>& out) {
  for (const Field& f : fields) {
    out.push_back(prefix + f.name);
    if (f.type == FieldType::Object) add_field_names(f.fields, prefix + f.name + ".", out);
  }
}

MailTemplate load_store_template(const Store& store, std::string name, const std::vector<std::string>& names,
                                 const Location& at) {
  if (starts_with(name, "templates/")) name = name.substr(10);  // typed from the store's top folder
  if (name.empty() || name.find('/') != std::string::npos || name[0] == '.')
    throw InvalidData(at, "\"" + name + "\" is not a file name in templates/ (no folders, no leading dot)");
  Dir templates = store.open_dir("templates");
  struct stat st {};
  if (!templates || !templates.lstat(name, st)) throw NotFound("templates/" + name + ": no such template");
  std::string text = templates.read(name, kMaxTemplateFile);
  return parse_mail_template(text, "templates/" + name, names);
}

std::string configured_from(const Store& store) {
  if (const Node* s = store.config().raw.find("campaigns"); s && s->is_map())
    if (const Node* n = s->find("from"); n && n->is_scalar() && !n->empty()) return n->text;
  if (const Node* me = store.config().raw.find("mail"); me && me->is_map())
    if (const Node* m = me->find("me")) {
      if (m->is_scalar() && !m->empty()) return trim(split(m->text, ',').front());
      if (m->is_sequence() && !m->items.empty()) return m->items.front().text;
    }
  return "";
}

Dir open_outbox(const Store& store, const std::string& outbox) {
  Dir box;
  if (outbox.empty()) {
    box = store.open_dir(".crm/outbox", true);
  } else {
    std::error_code ec;
    std::filesystem::create_directories(outbox, ec);
    box = Dir::open(outbox, outbox);
  }
  box.sub("tmp", true);
  box.sub("cur", true);
  Dir fresh = box.sub("new", true);
  // A writer killed while writing a message leaves its temp file: a reader
  // skips dot files, and the next run writes that message again.
  for (const std::string& name : fresh.names(+[](std::string_view n) { return is_temp_file_name(n); }))
    fresh.remove(name);
  return fresh;
}

std::string run_sendmail(const std::string& command, const std::string& input, long long timeout_ms) {
  std::error_code ec;
  CommandResult run = run_rule_command(command, std::filesystem::current_path(ec), input, {}, timeout_ms);
  return run.ok ? "" : "the sendmail command failed: " + run.why;
}

std::string mail_summary(const std::string& subject) {
  if (subject.size() <= 200) return subject.empty() ? "(no subject)" : subject;
  size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(subject[cut]) & 0xc0) == 0x80) --cut;
  return subject.substr(0, cut) + "…";
}

}  // namespace crm
