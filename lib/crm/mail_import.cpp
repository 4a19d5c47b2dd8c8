#include "crm/mail_import.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/index.hpp"
#include "crm/mail_message.hpp"
#include "crm/mailbox.hpp"
#include "crm/record.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm {

namespace {

// Addresses no person answers from: never contacts, their mail never imported.
const char* const kDefaultIgnore[] = {"noreply",       "no-reply",   "donotreply", "do-not-reply",
                                      "mailer-daemon", "postmaster", "bounce"};

std::vector<std::string> strings_of(const Node* n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n->is_scalar()) {
    for (const std::string& part : split(n->text, ','))
      if (!trim(part).empty()) out.push_back(to_lower(trim(part)));
  } else if (n->is_sequence()) {
    for (const Node& item : n->items)
      if (item.is_scalar() && !trim(item.text).empty()) out.push_back(to_lower(trim(item.text)));
  }
  return out;
}

std::string choice(const Node* mail, const char* key, const std::string& fallback,
                   const std::vector<std::string>& choices) {
  const Node* n = mail ? mail->find(key) : nullptr;
  if (!n || n->empty()) return fallback;
  std::string v = n->is_scalar() ? to_lower(trim(n->text)) : "";
  if (std::find(choices.begin(), choices.end(), v) == choices.end())
    throw InvalidData(Location{".crm/config.yaml", n->line, n->column, std::string("mail.") + key},
                      "\"" + n->text + "\" is not one of " + join(choices, ", "));
  return v;
}

// The email's subject in one line of at most 200 characters.
std::string summary_line(const std::string& s) {
  if (s.size() <= 200) return s;
  size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// Body text that fits a record file with room to spare.
std::string body_text(const std::string& s) {
  constexpr size_t kMax = 256 * 1024;
  if (s.size() <= kMax) return s;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80) --cut;
  return s.substr(0, cut) + "\n[…]";
}

// "unsubscribe" in the subject or in a line the sender wrote (quoted lines,
// "> …", are the message they answer: a campaign's own unsubscribe line).
bool asks_to_unsubscribe(const MailMessage& m) {
  if (contains_ci(m.subject, "unsubscribe")) return true;
  for (const std::string& line : split(m.text, '\n'))
    if (!starts_with(trim(line), ">") && contains_ci(line, "unsubscribe")) return true;
  return false;
}

enum class Outcome : char { Created = 'c', Already = 'a', NoContact = 'n', Skipped = 's', Failed = 'f' };

struct CacheEntry {
  Outcome outcome;
  std::string id;
};

constexpr const char* kCacheName = "mail-seen";
constexpr const char* kCacheHead = "crm mail-seen 1 ";

class Importer {
 public:
  Importer(Writer& writer) : writer_(writer), store_(writer.store()), policy_(mail_policy(store_.config())) {
    activity_ = &store_.schemas().get("activity");
    contact_ = &store_.schemas().get("contact");
    for (const std::string& m : policy_.me) me_.insert(m);
    std::vector<std::string> only = {"name", "email", "emails", "company"};
    Store::Loaded contacts = store_.load_all(*contact_, &only);
    for (const Record& c : contacts.records) add_contact(c);
    ticket_ = &store_.schemas().get("ticket");
    fingerprint_ = fingerprint();
    load_cache();
  }

  void import(const std::vector<std::string>& paths, const std::string& stdin_text) {
    MailboxVisitor visit;
    visit.wanted = [this](const std::string& key) { return wanted(key); };
    visit.message = [this](MailItem&& item) { one(item); };
    for (const std::string& p : paths) read_mailbox(p, stdin_text, visit);
    save_cache();
  }

  MailImportResult result;

 private:
  Writer& writer_;
  const Store& store_;
  MailPolicy policy_;
  const Schema* activity_;
  const Schema* contact_;
  const Schema* ticket_ = nullptr;
  bool tickets_loaded_ = false;
  std::unordered_map<std::string, std::string> ticket_of_message_;  // Message-ID → ticket id
  std::unordered_set<std::string> me_;
  std::unordered_map<std::string, std::string> contact_of_;  // email → contact id
  std::unordered_map<std::string, std::string> company_of_;  // contact id → company id
  std::string fingerprint_;
  std::unordered_map<std::string, std::vector<CacheEntry>> cache_, seen_;
  std::unordered_set<std::string> failed_keys_;

  void add_contact(const Record& c) {
    for (const std::string& e : strings_of(c.data.find("email"))) contact_of_.emplace(e, c.id());
    for (const std::string& e : strings_of(c.data.find("emails"))) contact_of_.emplace(e, c.id());
    if (!c.get("company").empty()) company_of_[c.id()] = c.get("company");
  }

  // What the outcomes in the cache were derived from: the contacts' emails
  // and the policy. When either changes, every message is read again.
  std::string fingerprint() const {
    std::vector<std::string> lines;
    for (const auto& [email, id] : contact_of_) lines.push_back(email + "=" + id);
    std::sort(lines.begin(), lines.end());
    std::string text = join(lines, "\n") + "\n" + join(policy_.me, ",") + "\n" + join(policy_.support, ",") + "\n" +
                       policy_.keep + "\n" + policy_.new_contacts + "\n" + join(policy_.ignore, ",");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a(text)));
    return buf;
  }

  void load_cache() {
    Dir dir = store_.open_dir(".crm/cache");
    struct stat st {};
    if (!dir || !dir.lstat(kCacheName, st)) return;
    std::string text;
    try {
      text = dir.read(kCacheName);
    } catch (const Error&) {
      return;  // a derived file: read again from the mailboxes
    }
    std::string head = kCacheHead + fingerprint_ + "\n";
    if (!starts_with(text, head)) return;
    size_t pos = head.size();
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) break;  // a truncated last line
      std::string_view line(text.data() + pos, end - pos);
      pos = end + 1;
      size_t t1 = line.find('\t');
      size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
      if (t1 != 1 || t2 == std::string_view::npos) continue;
      char o = line[0];
      if (o != 'c' && o != 'a' && o != 'n' && o != 's') continue;
      cache_[std::string(line.substr(t2 + 1))].push_back(
          CacheEntry{static_cast<Outcome>(o), std::string(line.substr(t1 + 1, t2 - t1 - 1))});
    }
  }

  void save_cache() {
    // Contacts made by this run change what earlier messages would match:
    // the messages without a known contact are read again next time.
    bool contacts_changed = !result.contact_ids.empty();
    std::string text = kCacheHead + fingerprint() + "\n";
    std::vector<std::string> keys;
    for (const auto& [key, entries] : seen_)
      if (!failed_keys_.count(key)) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    for (const std::string& key : keys) {
      const std::vector<CacheEntry>& entries = seen_[key];
      bool any_unmatched = std::any_of(entries.begin(), entries.end(),
                                       [](const CacheEntry& e) { return e.outcome == Outcome::NoContact; });
      if (contacts_changed && any_unmatched) continue;
      for (const CacheEntry& e : entries) {
        Outcome o = e.outcome == Outcome::Created ? Outcome::Already : e.outcome;
        text += static_cast<char>(o);
        text += '\t' + e.id + '\t' + key + '\n';
      }
    }
    try {
      Dir dir = store_.open_dir(".crm/cache", true);
      dir.write(kCacheName, text, false);
    } catch (const Error&) {
      // A cache that cannot be written costs time on the next run, nothing more.
    }
  }

  // False when the cache says what every message of `key` led to, and the
  // activities it made are all still there: they are counted, not read.
  bool wanted(const std::string& key) {
    auto it = cache_.find(key);
    if (it == cache_.end()) return true;
    for (const CacheEntry& e : it->second)
      if (e.outcome == Outcome::Already && !store_.exists(*activity_, e.id)) return true;
    for (const CacheEntry& e : it->second) {
      count(e.outcome);
      ++result.from_cache;
    }
    seen_[key] = it->second;
    return false;
  }

  void count(Outcome o) {
    switch (o) {
      case Outcome::Created:
        ++result.created;
        break;
      case Outcome::Already:
        ++result.already;
        break;
      case Outcome::NoContact:
        ++result.no_contact;
        break;
      case Outcome::Skipped:
        ++result.skipped;
        break;
      case Outcome::Failed:
        ++result.failed;
        break;
    }
  }

  void done(const MailItem& item, Outcome o, const std::string& id = "") {
    count(o);
    if (item.key.empty() || item.key.find('\n') != std::string::npos) return;
    if (o == Outcome::Failed) failed_keys_.insert(item.key);
    auto& entries = seen_[item.key];
    // A re-read key (an activity was removed since) starts over.
    if (cache_.count(item.key)) {
      cache_.erase(item.key);
      entries.clear();
    }
    entries.push_back(CacheEntry{o, id});
  }

  bool ignored(const std::string& email) const {
    for (const std::string& p : policy_.ignore)
      if (!p.empty() && email.find(p) != std::string::npos) return true;
    return false;
  }

  // A contact for someone mail.new_contacts lets in: id derived from the
  // address, so two clones importing the same mail make the same contact.
  void make_contact(const MailAddress& a) {
    if (contact_of_.count(a.email) || me_.count(a.email) || ignored(a.email)) return;
    std::string id = derived_id("mail-contact:" + a.email);
    if (!store_.exists(*contact_, id)) {
      Record c;
      c.type = "contact";
      c.data.set("id", Node::scalar(id));
      c.data.set("name", Node::scalar(a.name.empty() ? a.email.substr(0, a.email.find('@')) : a.name));
      c.data.set("email", Node::scalar(a.email));
      try {
        write_with_effects(writer_, c, nullptr, true);
      } catch (const InvalidData&) {
        return;  // an address the schema refuses: left out
      }
      result.contact_ids.push_back(id);
    }
    contact_of_[a.email] = id;
  }

  void load_tickets() {
    if (tickets_loaded_) return;
    tickets_loaded_ = true;
    std::vector<std::string> only = {"message_ids"};
    for (const Record& t : store_.load_all(*ticket_, &only).records)
      if (const Node* ids = t.data.find("message_ids"); ids && ids->is_sequence())
        for (const Node& id : ids->items) ticket_of_message_.emplace(id.text, t.id());
  }

  // The ticket a support message belongs to: by In-Reply-To and References,
  // else by "[#ID]" (an id or its unique prefix) in the subject; "" for none.
  std::string find_ticket(const MailMessage& m) {
    load_tickets();
    std::vector<std::string> ids = m.references;
    if (!m.in_reply_to.empty()) ids.insert(ids.begin(), m.in_reply_to);
    for (const std::string& id : ids)
      if (auto it = ticket_of_message_.find(id); it != ticket_of_message_.end() && store_.exists(*ticket_, it->second))
        return it->second;
    size_t open = m.subject.find("[#");
    while (open != std::string::npos) {
      size_t close = m.subject.find(']', open);
      if (close == std::string::npos) break;
      std::string key = to_lower(m.subject.substr(open + 2, close - open - 2));
      if (key.size() >= 4 && is_valid_id(key)) {
        try {
          return store_.resolve(*ticket_, key);
        } catch (const Error&) {
        }
      }
      open = m.subject.find("[#", close);
    }
    return "";
  }

  // Mail to a support address: joins its ticket (a solved one reopens), or
  // opens one with an id derived from the Message-ID. Returns the ticket's id.
  std::string support_ticket(const MailMessage& m, const std::string& contact, const std::string& seed) {
    std::string id = find_ticket(m);
    if (!id.empty()) {
      Record t = store_.load(*ticket_, id);
      const Record before = t;
      Node* ids = t.data.find("message_ids");
      if (!ids || !ids->is_sequence()) {
        t.data.set("message_ids", Node::sequence());
        ids = t.data.find("message_ids");
      }
      if (!m.message_id.empty()) ids->items.push_back(Node::scalar(m.message_id));
      std::string status = t.get("status");
      if (status == "solved" || status == "pending") {
        t.data.set("status", Node::scalar("open"));
        if (status == "solved") ++result.tickets_reopened;
      }
      write_with_effects(writer_, t, &before, false);
      ++result.tickets_joined;
      if (!m.message_id.empty()) ticket_of_message_[m.message_id] = id;
      return id;
    }
    id = derived_id("mail-ticket:" + seed);
    if (store_.exists(*ticket_, id)) return id;
    Record t;
    t.type = "ticket";
    t.data.set("id", Node::scalar(id));
    t.data.set("subject", Node::scalar(m.subject.empty() ? "(no subject)" : summary_line(m.subject)));
    if (!contact.empty()) t.data.set("contact", Node::scalar(contact));
    if (auto co = company_of_.find(contact); co != company_of_.end()) t.data.set("company", Node::scalar(co->second));
    t.data.set("status", Node::scalar("new"));
    t.data.set("channel", Node::scalar("email"));
    if (policy_.keep == "body" && !m.text.empty()) t.data.set("description", Node::scalar(body_text(m.text)));
    Node ids = Node::sequence();
    if (!m.message_id.empty()) ids.items.push_back(Node::scalar(m.message_id));
    t.data.set("message_ids", ids);
    write_with_effects(writer_, t, nullptr, true);
    ++result.tickets_opened;
    if (!m.message_id.empty()) ticket_of_message_[m.message_id] = id;
    return id;
  }

  void one(MailItem& item) {
    std::string error;
    std::optional<MailMessage> parsed = parse_mail(item.raw, &error);
    if (!parsed) {
      result.problems.push_back({item.where, error});
      done(item, Outcome::Failed);
      return;
    }
    const MailMessage& m = *parsed;
    const std::string& sender = m.from.front().email;
    bool outbound = me_.count(sender) > 0;
    if (!m.list_id.empty() || m.bulk || (!outbound && ignored(sender))) {
      done(item, Outcome::Skipped);
      return;
    }
    std::vector<const MailAddress*> people;  // everyone but the user, in header order
    for (const auto* list : {&m.from, &m.to, &m.cc})
      for (const MailAddress& a : *list)
        if (!me_.count(a.email) &&
            std::find(policy_.support.begin(), policy_.support.end(), a.email) == policy_.support.end() &&
            std::none_of(people.begin(), people.end(), [&](const MailAddress* p) { return p->email == a.email; }))
          people.push_back(&a);
    bool to_support = false;
    for (const auto* list : {&m.to, &m.cc})
      for (const MailAddress& a : *list)
        to_support =
            to_support || std::find(policy_.support.begin(), policy_.support.end(), a.email) != policy_.support.end();
    to_support = to_support && !outbound &&
                 std::find(policy_.support.begin(), policy_.support.end(), sender) == policy_.support.end();
    if (to_support) make_contact(m.from.front());  // a customer writing to support
    if (policy_.new_contacts == "all" || (policy_.new_contacts == "outgoing" && outbound))
      for (const MailAddress* a : people)
        if (outbound ? a->email != sender : true) make_contact(*a);
    std::vector<std::string> with;
    for (const MailAddress* a : people) {
      auto it = contact_of_.find(a->email);
      if (it != contact_of_.end() && std::find(with.begin(), with.end(), it->second) == with.end())
        with.push_back(it->second);
    }
    if (with.empty()) {
      done(item, Outcome::NoContact);
      return;
    }
    size_t contacts = with.size();
    for (size_t i = 0; i < contacts; ++i) {
      auto co = company_of_.find(with[i]);
      if (co != company_of_.end() && std::find(with.begin(), with.end(), co->second) == with.end())
        with.push_back(co->second);
    }
    std::string seed = !m.message_id.empty() ? "mail:" + m.message_id
                                             : "mail-no-id:" + format_datetime(m.date) + "\n" + sender + "\n" +
                                                   m.subject + "\n" + std::to_string(fnv1a(item.raw));
    std::string id = derived_id(seed);
    if (store_.exists(*activity_, id)) {
      done(item, Outcome::Already, id);
      return;
    }
    if (to_support) {
      auto sender_contact = contact_of_.find(sender);
      try {
        std::string ticket = support_ticket(m, sender_contact == contact_of_.end() ? "" : sender_contact->second, seed);
        with.insert(with.begin(), ticket);
      } catch (const InvalidData& e) {
        result.problems.push_back({item.where, e.message()});
        done(item, Outcome::Failed);
        return;
      }
    }
    Record a;
    a.type = "activity";
    a.data.set("id", Node::scalar(id));
    a.data.set("kind", Node::scalar("email"));
    a.data.set("at", Node::scalar(format_datetime(m.date), true));
    std::string summary;
    if (policy_.keep == "metadata") {
      const MailAddress* other = outbound ? (m.to.empty() ? nullptr : &m.to.front()) : &m.from.front();
      std::string who = other ? (other->name.empty() ? other->email : other->name) : "";
      summary = std::string(outbound ? "Email to " : "Email from ") + who;
    } else {
      summary = m.subject.empty() ? "(no subject)" : summary_line(m.subject);
    }
    a.data.set("summary", Node::scalar(summary));
    if (policy_.keep == "body") {
      std::string body = m.text;
      if (!m.attachments.empty())
        body += std::string(body.empty() ? "" : "\n\n") + "Attachments: " + join(m.attachments, ", ");
      if (!body.empty()) a.data.set("body", Node::scalar(body_text(body)));
    }
    Node w = Node::sequence();
    for (const std::string& x : with) w.items.push_back(Node::scalar(x));
    a.data.set("with", w);
    a.data.set("direction", Node::scalar(outbound ? "out" : "in"));
    if (!m.message_id.empty()) a.data.set("message_id", Node::scalar(m.message_id));
    try {
      write_with_effects(writer_, a, nullptr, true);
    } catch (const InvalidData& e) {
      result.problems.push_back({item.where, e.message()});
      done(item, Outcome::Failed);
      return;
    }
    result.activity_ids.push_back(id);
    if (!outbound && asks_to_unsubscribe(m))
      if (auto c = contact_of_.find(sender); c != contact_of_.end()) result.unsubscribes.push_back({c->second, sender});
    done(item, Outcome::Created, id);
  }
};

}  // namespace

MailPolicy mail_policy(const Config& config) {
  MailPolicy p;
  const Node* mail = config.raw.find("mail");
  if (mail && !mail->is_map()) mail = nullptr;
  p.me = strings_of(mail ? mail->find("me") : nullptr);
  p.support = strings_of(mail ? mail->find("support") : nullptr);
  p.keep = choice(mail, "keep", "subject", {"metadata", "subject", "body"});
  p.new_contacts = choice(mail, "new_contacts", "outgoing", {"never", "outgoing", "all"});
  for (const char* d : kDefaultIgnore) p.ignore.push_back(d);
  for (const std::string& x : strings_of(mail ? mail->find("ignore") : nullptr)) p.ignore.push_back(x);
  return p;
}

MailImportResult import_mail(Writer& writer, const std::vector<std::string>& paths, const std::string& stdin_text) {
  Importer importer(writer);
  importer.import(paths, stdin_text);
  return importer.result;
}

std::string mail_import_summary(const MailImportResult& r) {
  std::string s = std::to_string(r.created) + " new, " + std::to_string(r.already) + " already imported, " +
                  std::to_string(r.no_contact) + " without a known contact, " + std::to_string(r.skipped) +
                  " skipped (lists/bulk)";
  if (r.failed) s += ", " + std::to_string(r.failed) + " failed";
  if (r.tickets_opened)
    s += "; " + std::to_string(r.tickets_opened) + (r.tickets_opened == 1 ? " ticket" : " tickets") + " opened";
  if (r.tickets_joined)
    s += "; " + std::to_string(r.tickets_joined) + " joined a ticket" +
         (r.tickets_reopened ? " (" + std::to_string(r.tickets_reopened) + " reopened)" : "");
  if (!r.unsubscribes.empty()) {
    std::vector<std::string> who;
    for (const auto& u : r.unsubscribes) who.push_back(u.email);
    s += "; " + std::to_string(r.unsubscribes.size()) + " asked to unsubscribe (" + join(who, ", ") +
         "): crm contact set ID unsubscribed=true";
  }
  if (!r.contact_ids.empty())
    s +=
        "; " + std::to_string(r.contact_ids.size()) + (r.contact_ids.size() == 1 ? " contact" : " contacts") + " added";
  return s;
}

Json mail_import_object(const MailImportResult& r) {
  Json o = Json::object();
  o["new"] = r.created;
  o["already_imported"] = r.already;
  o["without_contact"] = r.no_contact;
  o["skipped"] = r.skipped;
  o["failed"] = r.failed;
  o["activities"] = r.activity_ids;
  o["contacts"] = r.contact_ids;
  o["tickets_opened"] = r.tickets_opened;
  o["tickets_joined"] = r.tickets_joined;
  o["tickets_reopened"] = r.tickets_reopened;
  o["unsubscribe_requests"] = Json::array();
  for (const auto& u : r.unsubscribes)
    o["unsubscribe_requests"].push_back(Json{{"contact", u.contact}, {"email", u.email}});
  o["problems"] = Json::array();
  for (const auto& p : r.problems) o["problems"].push_back(Json{{"where", p.where}, {"reason", p.reason}});
  return o;
}

}  // namespace crm
