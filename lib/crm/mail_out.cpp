#include "crm/mail_out.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/match_keys.hpp"
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

std::string address_key(const std::string& email) {
  std::string k = email_key(email);
  return k.empty() ? to_lower(trim(email)) : k;
}

std::vector<std::string> email_keys(const Record& person) {
  std::vector<std::string> out;
  auto add = [&](const std::string& e) {
    if (std::string k = address_key(e); !k.empty() && std::find(out.begin(), out.end(), k) == out.end())
      out.push_back(k);
  };
  add(person.get("email"));
  if (const Node* e = person.data.find("emails"); e && e->is_sequence())
    for (const Node& item : e->items)
      if (item.is_scalar()) add(item.text);
  return out;
}

namespace {

// refused_addresses for the same contacts again (a rule's email asks once
// per record: an import of 10,000 leads would read every contact 10,000
// times): kept while this process wrote no contact and the folder, as
// stat sees it, did not change.
struct RefusedCache {
  const Store* store = nullptr;
  std::string root;
  size_t changes_seen = 0;
  struct stat folder {};
  bool valid = false;
  std::map<std::string, std::string> blocked;
};

bool same_stat(const struct stat& a, const struct stat& b) {
  return a.st_ino == b.st_ino && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
         a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec && a.st_size == b.st_size;
}

}  // namespace

std::map<std::string, std::string> refused_addresses(const Store& store) {
  static RefusedCache cache;
  const Schema& contacts = store.schemas().get("contact");
  struct stat folder {};
  bool known = ::stat((store.root() / contacts.folder).c_str(), &folder) == 0;
  const auto& changes = store.changes();
  bool wrote_contact =
      std::any_of(changes.begin() + static_cast<std::ptrdiff_t>(std::min(cache.changes_seen, changes.size())),
                  changes.end(), [](const Store::Change& c) { return c.type == "contact"; });
  if (cache.valid && known && cache.store == &store && cache.root == store.root().string() &&
      cache.changes_seen <= changes.size() && !wrote_contact && same_stat(cache.folder, folder))
    return cache.blocked;
  std::map<std::string, std::string> blocked;
  // Only the few marked are decoded whole.
  static const std::vector<std::string> only = {"name", "email", "emails", "do_not_contact", "unsubscribed"};
  Store::Keep marked{{"do_not_contact", "unsubscribed"}, [](const Record& r) { return !mail_refused(r).empty(); }};
  for (const Record& other : store.load_all(contacts, &only, &marked).records) {
    std::string why = mail_refused(other);
    if (why.empty()) continue;
    for (const std::string& k : email_keys(other))
      blocked.emplace(k, why + " (" + escape_for_terminal(other.get("name")) + ", same address)");
  }
  cache = RefusedCache{&store, store.root().string(), changes.size(), folder, known, blocked};
  return blocked;
}

std::string unsubscribe_uri(const Store& store, const std::string& from) {
  return unsubscribe_uri(store.config().raw, from);
}

void check_campaign_settings(const Node& config) {
  const Node* section = config.find("campaigns");
  if (!section || !section->is_map()) return;
  const Node* from = section->find("from");
  if (from && from->is_scalar() && !from->empty() && !parse_mail_address(from->text))
    throw InvalidData(Location{".crm/config.yaml", from->line, from->column, "campaigns.from"},
                      "\"" + escape_for_terminal(from->text) + "\" is not a mail address");
  unsubscribe_uri(config, from && from->is_scalar() ? from->text : "");
}

std::string unsubscribe_uri(const Node& config, const std::string& from) {
  const Node* section = config.find("campaigns");
  const Node* n = section && section->is_map() ? section->find("unsubscribe") : nullptr;
  if (!n || !n->is_scalar() || n->empty()) {
    std::optional<MailAddress> address = parse_mail_address(from);
    return address ? "mailto:" + address->email : "";
  }
  std::string uri = trim(n->text);
  if (!starts_with(uri, "mailto:") && !starts_with(uri, "https://") && !starts_with(uri, "http://"))
    throw InvalidData(Location{".crm/config.yaml", n->line, n->column, "campaigns.unsubscribe"},
                      "\"" + n->text + "\" is not a mailto: or https:// link");
  if (uri.find_first_of(" <>\"") != std::string::npos)
    throw InvalidData(Location{".crm/config.yaml", n->line, n->column, "campaigns.unsubscribe"},
                      "a link has no spaces, <, > or quotes");
  for (size_t at = uri.find("{{"); at != std::string::npos; at = uri.find("{{", at + 2))
    if (uri.compare(at, 6, "{{id}}") != 0 && uri.compare(at, 9, "{{email}}") != 0)
      throw InvalidData(Location{".crm/config.yaml", n->line, n->column, "campaigns.unsubscribe"},
                        "a link names its recipient by {{id}} or {{email}}, nothing else");
  return uri;
}

bool names_recipient(const std::string& uri) {
  return uri.find("{{id}}") != std::string::npos || uri.find("{{email}}") != std::string::npos;
}

std::string unsubscribe_link_for(const std::string& uri, const std::string& id, const std::string& email) {
  std::string encoded;
  for (unsigned char ch : email) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      encoded += static_cast<char>(ch);
    } else {
      static const char* const kHex = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[ch >> 4];
      encoded += kHex[ch & 15];
    }
  }
  std::string out;
  for (size_t i = 0; i < uri.size();) {
    if (uri.compare(i, 6, "{{id}}") == 0) {
      out += id;
      i += 6;
    } else if (uri.compare(i, 9, "{{email}}") == 0) {
      out += encoded;
      i += 9;
    } else {
      out += uri[i++];
    }
  }
  return out;
}

std::string unsubscribe_line(const std::string& uri) {
  if (starts_with(uri, "mailto:")) {
    std::string addr = uri.substr(7, uri.find('?') == std::string::npos ? std::string::npos : uri.find('?') - 7);
    return "To unsubscribe, write to " + addr + " with the subject \"unsubscribe\".";
  }
  return "To unsubscribe: " + uri;
}

std::string list_unsubscribe(const std::string& uri) {
  if (starts_with(uri, "mailto:") && uri.find('?') == std::string::npos) return "<" + uri + "?subject=unsubscribe>";
  return "<" + uri + ">";
}

void offer_unsubscribe(OutgoingMail& m, const std::string& uri, const std::string& id, bool template_has_line) {
  std::string link = unsubscribe_link_for(uri, id, m.to.email);
  m.list_unsubscribe = list_unsubscribe(link);
  m.one_click = starts_with(uri, "https://") && names_recipient(uri);
  if (template_has_line) return;
  while (!m.text.empty() && m.text.back() == '\n') m.text.pop_back();
  m.text += "\n\n-- \n" + unsubscribe_line(link) + "\n";
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
