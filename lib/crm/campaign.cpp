#include "crm/campaign.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "crm/atomic_file.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/derived_fields.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/mail_message.hpp"
#include "crm/mail_out.hpp"
#include "crm/order_workflow.hpp"
#include "crm/related.hpp"
#include "crm/segments.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm {

namespace {

// Every name a template may use: the contact's fields (nested ones dotted),
// the same under contact., the company's under company., the campaign's
// name and subject, and unsubscribe.
std::vector<std::string> template_names(const Store& store) {
  std::vector<std::string> names = {"id",      "unsubscribe", "campaign",  "campaign.name", "campaign.subject",
                                    "contact", "contact.id",  "company.id"};
  const Schema& contact = store.schemas().get("contact");
  add_field_names(contact.fields, "", names);
  add_field_names(contact.fields, "contact.", names);
  add_field_names(store.schemas().get("company").fields, "company.", names);
  return names;
}

// Mail goes to addresses, not contacts: an address any contact holding it
// (by any of its emails, case-insensitively) asked not to get mail at is
// skipped for all of them, and an address two recipients share gets one
// message — the one already sent if any, else the first by name — so the
// derived ids of everyone else stay those of campaign + contact.
void one_per_address(const Store& store, std::vector<CampaignRecipient>& contacts) {
  std::map<std::string, std::string> blocked = refused_addresses(store);  // folded address → why
  std::map<std::string, const CampaignRecipient*> holder;                 // folded address → who gets it
  for (const CampaignRecipient& r : contacts)
    if (r.skip.empty() && r.sent) holder.emplace(address_key(r.email), &r);
  for (CampaignRecipient& r : contacts) {
    if (!r.skip.empty()) continue;
    std::string k = address_key(r.email);
    if (auto b = blocked.find(k); b != blocked.end()) {
      r.skip = b->second;
      continue;
    }
    auto [h, fresh] = holder.emplace(k, &r);
    if (!fresh && h->second != &r) r.skip = "same address as " + escape_for_terminal(h->second->name);
  }
}

std::vector<Record> segment_contacts(const Store& store, const std::string& segment_id, const NameOf& names) {
  const Schema& seg_schema = store.schemas().get("segment");
  Record seg = store.load(seg_schema, segment_id);
  if (seg.get("of") != "contact")
    throw UsageError("segment " + seg.get("name") + " selects " + seg.get("of") +
                     " records; a campaign goes to contacts");
  const Schema& contact = store.schemas().get("contact");
  const Schema valued = with_derived_fields(contact);  // a segment of revenue>1000
  Filter filter = parse_store_filter(store, {"@" + seg.get("name")}, valued);
  std::vector<Record> all = store.load_all(contact).records;
  std::vector<bool> selected = select_with_derived(store, contact, filter, all, names);
  std::vector<Record> out;
  for (size_t i = 0; i < all.size(); ++i)
    if (selected[i]) out.push_back(std::move(all[i]));
  return out;
}

Node template_data(const Store& store, const Campaign& c, const Record& contact) {
  Node data = contact.data;
  if (data.get("first_name").empty()) {
    std::string name = trim(contact.get("name"));
    data.set("first_name", Node::scalar(name.substr(0, name.find(' '))));
  }
  data.set("contact", contact.data);
  Node company;  // none: a false section, an empty {{company.name}}
  if (std::string co = contact.get("company"); !co.empty()) {
    try {
      company = store.load(store.schemas().get("company"), co).data;
    } catch (const Error&) {
    }
  }
  data.set("company", company);
  data.set("unsubscribe",
           Node::scalar(unsubscribe_line(unsubscribe_link_for(c.unsubscribe, contact.id(), first_email(contact)))));
  Node campaign = Node::map();
  campaign.set("name", Node::scalar(c.record.get("name")));
  campaign.set("subject", Node::scalar(c.record.get("subject")));
  data.set("campaign", campaign);
  return data;
}

std::string one_line_text(std::string s) {
  for (char& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return trim(s);
}

struct Composed {
  std::string subject, bytes, message_id;
};

Composed compose(const Store& store, const Campaign& c, const CampaignRecipient& r) {
  Record contact = store.load(store.schemas().get("contact"), r.contact);
  Node data = template_data(store, c, contact);
  OutgoingMail m;
  m.from = *parse_mail_address(c.from_text);
  m.to = MailAddress{contact.get("name"), r.email};
  m.subject =
      one_line_text(c.tmpl.subject.empty() ? c.record.get("subject") : render_mail_template(c.tmpl.subject, data));
  m.date = store.clock().now;
  std::string domain = m.from.email.substr(m.from.email.find('@') + 1);
  m.message_id = "crm." + r.activity + "@" + domain;
  m.headers = {{"X-Crm-Campaign", c.record.id()}};
  m.text = render_mail_template(c.tmpl.body, data);
  offer_unsubscribe(m, c.unsubscribe, contact.id(), c.tmpl.uses_unsubscribe);
  return Composed{m.subject, compose_mail(m), m.message_id};
}

}  // namespace

size_t Campaign::recipients() const {
  return static_cast<size_t>(
      std::count_if(contacts.begin(), contacts.end(), [](const CampaignRecipient& r) { return r.skip.empty(); }));
}

size_t Campaign::to_send() const {
  return static_cast<size_t>(std::count_if(contacts.begin(), contacts.end(),
                                           [](const CampaignRecipient& r) { return r.skip.empty() && !r.sent; }));
}

std::string campaign_send_id(const std::string& campaign, const std::string& contact) {
  return derived_id("campaign-send:" + campaign + ":" + contact);
}

Campaign prepare_campaign(const Store& store, const std::string& key) {
  const Schema& schema = store.schemas().get("campaign");
  Campaign c;
  c.record = store.load(schema, store.resolve(schema, key));
  const Record& rec = c.record;
  std::string label = "campaign \"" + escape_for_terminal(rec.get("name")) + "\"";
  std::string channel = rec.get("channel");
  if (!channel.empty() && channel != "email")
    throw UsageError(label + " is a " + channel + " campaign: crm sends only email campaigns");
  if (rec.get("segment").empty())
    throw UsageError(label + " has no segment: crm campaign set " + rec.id() + " segment=NAME");
  std::string name = rec.get("template");
  if (starts_with(name, "templates/")) name = name.substr(10);  // typed from the store's top folder
  if (name.empty()) throw UsageError(label + " has no template: crm campaign set " + rec.id() + " template=FILE");
  c.tmpl = load_store_template(store, name, template_names(store), Location{rec.path, 0, 0, "template"});
  if (c.tmpl.subject.empty() && rec.get("subject").empty())
    throw UsageError(label + " has no subject: set subject= or start templates/" + name + " with a Subject: line");

  c.from_text = rec.get("from");
  if (c.from_text.empty()) c.from_text = configured_from(store);
  if (c.from_text.empty())
    throw UsageError(label + " has no From address: set from= on it, or campaigns.from in the config");
  if (!parse_mail_address(c.from_text))
    throw InvalidData(Location{rec.path, 0, 0, "from"},
                      "\"" + escape_for_terminal(c.from_text) + "\" is not one mail address (Name <addr@example.com>)");

  c.unsubscribe = unsubscribe_uri(store, c.from_text);

  NameOf names = record_names(store);
  std::set<std::string> excluded;
  if (std::string ex = rec.get("exclude"); !ex.empty())
    for (const Record& x : segment_contacts(store, ex, names)) excluded.insert(x.id());
  const Schema& activity = store.schemas().get("activity");
  for (const Record& contact : segment_contacts(store, rec.get("segment"), names)) {
    CampaignRecipient r;
    r.contact = contact.id();
    r.name = contact.get("name");
    r.email = first_email(contact);
    r.activity = campaign_send_id(rec.id(), r.contact);
    r.sent = store.exists(activity, r.activity);
    if (r.email.empty())
      r.skip = "no email";
    else if (excluded.count(r.contact))
      r.skip = "excluded";
    else
      r.skip = mail_refused(contact);
    c.contacts.push_back(std::move(r));
  }
  std::stable_sort(c.contacts.begin(), c.contacts.end(), [](const CampaignRecipient& a, const CampaignRecipient& b) {
    return sort_key(a.name) < sort_key(b.name);
  });
  one_per_address(store, c.contacts);
  return c;
}

std::string campaign_message(const Store& store, const Campaign& campaign, const CampaignRecipient& recipient) {
  return compose(store, campaign, recipient).bytes;
}

CampaignSendResult send_campaign(Writer& writer, const Campaign& c, const CampaignSendOptions& o) {
  const Store& store = writer.store();
  CampaignSendResult result;
  result.recipients = c.recipients();
  result.status = c.record.get("status").empty() ? "draft" : c.record.get("status");
  if (result.status == "done" && !o.dry_run)
    throw UsageError("campaign \"" + escape_for_terminal(c.record.get("name")) + "\" is done: crm campaign set " +
                     c.record.id() + " status=sending to send to the rest");
  Dir box;
  bool started = false;
  size_t attempted = 0;
  const Schema& campaign_schema = store.schemas().get("campaign");
  std::string now = format_datetime(store.clock().now);
  // draft → `to` (sending, sent), started_at stamped once; nothing written when nothing changes.
  auto move_status = [&](const char* to) {
    Record campaign = store.load(campaign_schema, c.record.id());
    const Record before = campaign;
    std::string status = campaign.get("status");
    if (status.empty() || status == "draft" || (status == "sending" && std::string(to) == "sent"))
      campaign.data.set("status", Node::scalar(to));
    if (campaign.get("started_at").empty()) campaign.data.set("started_at", Node::scalar(now, true));
    if (!campaign.data.same_value(before.data)) write_with_effects(writer, campaign, &before, false);
    result.status = campaign.get("status");
  };
  for (const CampaignRecipient& r : c.contacts) {
    CampaignSendRow row{r.contact, r.name, r.email, "", ""};
    if (!r.skip.empty()) {
      row.result = "skipped";
      row.detail = r.skip;
      ++result.skipped;
    } else if (r.sent) {
      row.result = "already sent";
      ++result.already;
    } else if (o.limit && attempted >= *o.limit) {
      row.result = "not yet";
      row.detail = "limit reached";
      ++result.left;
    } else if (o.dry_run) {
      ++attempted;
      ++result.would;
      row.result = "would send";
    } else {
      ++attempted;
      if (!started) {  // the campaign says a send began before the first message leaves
        started = true;
        if (o.sendmail.empty()) box = open_outbox(store, o.outbox);
        move_status("sending");
      }
      Composed m = compose(store, c, r);
      std::string file = r.activity + ".crm";
      std::string problem;
      if (o.sendmail.empty()) {
        try {
          box.write(file, m.bytes);
          row.detail = box.shown(file);
        } catch (const Error& e) {
          problem = e.what();
        }
      } else {
        problem = run_sendmail(o.sendmail, m.bytes, o.sendmail_timeout_ms);
      }
      if (!problem.empty()) {
        row.result = "failed";
        row.detail = problem;
        ++result.failed;
        result.rows.push_back(std::move(row));
        continue;
      }
      Record a;
      a.type = "activity";
      a.data.set("id", Node::scalar(r.activity));
      a.data.set("kind", Node::scalar("email"));
      a.data.set("at", Node::scalar(now, true));
      a.data.set("summary", Node::scalar(mail_summary(m.subject)));
      Node with = Node::sequence({Node::scalar(r.contact)});
      a.data.set("with", with);
      a.data.set("direction", Node::scalar("out"));
      a.data.set("message_id", Node::scalar(m.message_id));
      a.data.set("campaign", Node::scalar(c.record.id()));
      a.data.set("visibility", Node::scalar("subject"));
      write_with_effects(writer, a, nullptr, true);
      row.result = "sent";
      ++result.sent;
    }
    result.rows.push_back(std::move(row));
  }
  // Everyone who can get it has it: the send is over.
  if (!o.dry_run && result.recipients > 0 && result.sent + result.already == result.recipients) move_status("sent");
  return result;
}

Table campaign_send_table(const CampaignSendResult& result) {
  Table t;
  t.columns = {{"contact", "", ColumnType::Id, 0, 0},
               {"name", "", ColumnType::Text, 0, 0},
               {"email", "", ColumnType::Text, 2, 0},
               {"result", "", ColumnType::Word, 0, 0},
               {"detail", "", ColumnType::Text, 1, 0}};
  for (const CampaignSendRow& r : result.rows) {
    Row row;
    row.cells = {Cell::of(r.contact), Cell::of(r.name), Cell::of(r.email), Cell::of(r.result),
                 r.detail.empty() ? Cell::none() : Cell::of(r.detail)};
    if (r.result == "failed") row.tone = Tone::Bad;
    if (r.result == "skipped" || r.result == "already sent") row.tone = Tone::Dim;
    t.rows.push_back(std::move(row));
  }
  t.empty_note = "no recipients";
  return t;
}

std::string campaign_send_summary(const CampaignSendResult& r) {
  if (r.recipients == 0) return "no recipients";
  std::string s = r.would ? std::to_string(r.would) + " would be sent" : std::to_string(r.sent) + " sent";
  if (r.failed) s += ", " + std::to_string(r.failed) + " failed";
  if (r.already) s += ", " + std::to_string(r.already) + " already sent";
  if (r.left) s += ", " + std::to_string(r.left) + " left for another run (--limit)";
  if (r.skipped) s += ", " + std::to_string(r.skipped) + " skipped";
  s +=
      "; " + std::to_string(r.recipients) + (r.recipients == 1 ? " recipient" : " recipients") + "; status " + r.status;
  return s;
}

Table campaign_preview_table(const Campaign& c, const CampaignRecipient& r, const std::string& message) {
  Table t;
  t.document = true;
  t.single = t.single_yaml = true;
  Json o = Json::object();
  o["campaign"] = c.record.id();
  o["contact"] = r.contact;
  o["email"] = r.email;
  o["recipients"] = c.recipients();
  o["to_send"] = c.to_send();
  o["message"] = message;
  t.objects.push_back(o);
  t.id_lines = {r.contact};
  std::string text = message;
  t.text = [text](const OutputOptions&) { return text; };
  return t;
}

Report campaign_report(const Store& store, const Filter& filter) {
  const Schema& campaign_schema = store.schemas().get("campaign");
  NameOf names = record_names(store);
  std::vector<Record> campaigns;
  for (Record& c : store.load_all(campaign_schema).records)
    if (filter.empty() || filter.matches(c, names)) campaigns.push_back(std::move(c));
  std::sort(campaigns.begin(), campaigns.end(),
            [](const Record& a, const Record& b) { return sort_key(a.get("name")) < sort_key(b.get("name")); });
  std::vector<Record> activities = store.load_all(store.schemas().get("activity")).records;
  std::vector<Record> leads = store.load_all(store.schemas().get("lead")).records;
  std::vector<Record> deals = store.load_all(store.schemas().get("deal")).records;
  std::vector<Record> orders = store.load_all(store.schemas().get("order")).records;
  std::map<std::string, Record> contacts;
  for (Record& c : store.load_all(store.schemas().get("contact")).records) contacts.emplace(c.id(), std::move(c));
  const std::string& currency = store.config().currency;
  auto instant = [](const std::string& text) -> std::optional<Seconds> {
    if (auto t = parse_iso_datetime(text)) return *t;
    if (auto d = parse_iso_date(text)) return Seconds{*d};
    return std::nullopt;
  };
  auto within = [&](const std::string& when, Seconds from, int days) {
    auto t = instant(when);
    return t && *t >= from && *t <= from + std::chrono::hours(24 * days);
  };
  Report rep;
  rep.name = "campaign";
  rep.columns = {"campaign",     "status",  "recipients", "sent",  "no_email", "excluded", "do_not_contact",
                 "unsubscribed", "replies", "leads",      "deals", "won",      "cost",     "roi"};
  for (const Record& c : campaigns) {
    const std::string& id = c.id();
    // Who got it, and when: the sends are the truth, whatever the segment is now.
    std::map<std::string, Seconds> sent_at;  // contact → send
    for (const Record& a : activities)
      if (a.get("campaign") == id && a.get("direction") == "out")
        if (auto t = instant(a.get("at")))
          if (const Node* w = a.data.find("with"); w && w->is_sequence())
            for (const Node& who : w->items)
              if (contacts.count(who.text)) sent_at.emplace(who.text, *t);
    std::map<std::string, long long> skipped;
    size_t unsent = 0;
    if (c.get("channel").empty() || c.get("channel") == "email") {
      try {
        std::set<std::string> excluded;
        if (!c.get("exclude").empty())
          for (const Record& x : segment_contacts(store, c.get("exclude"), names)) excluded.insert(x.id());
        if (!c.get("segment").empty())
          for (const Record& contact : segment_contacts(store, c.get("segment"), names)) {
            if (sent_at.count(contact.id())) continue;
            if (first_email(contact).empty())
              ++skipped["no email"];
            else if (excluded.count(contact.id()))
              ++skipped["excluded"];
            else if (std::string why = mail_refused(contact); !why.empty())
              ++skipped[why];
            else
              ++unsent;
          }
      } catch (const Error&) {
        // a segment gone or broken: the sends still count
      }
    }
    long long replies = 0;
    for (const Record& a : activities) {
      if (a.get("kind") != "email" || a.get("direction") != "in") continue;
      const Node* w = a.data.find("with");
      if (!w || !w->is_sequence()) continue;
      for (const Node& who : w->items)
        if (auto s = sent_at.find(who.text); s != sent_at.end() && within(a.get("at"), s->second, 14)) {
          ++replies;
          break;
        }
    }
    auto recipient_within = [&](const std::string& created, const std::vector<std::string>& who) {
      for (const std::string& x : who)
        if (auto s = sent_at.find(x); s != sent_at.end() && within(created, s->second, 30)) return true;
      return false;
    };
    std::map<std::string, std::string> contact_of_email;
    for (const auto& [cid, _] : sent_at) {
      const Record& person = contacts.at(cid);
      if (!first_email(person).empty()) contact_of_email[to_lower(first_email(person))] = cid;
    }
    long long lead_count = 0;
    for (const Record& l : leads) {
      auto who = contact_of_email.find(to_lower(l.get("email")));
      bool mine = l.get("campaign") == id || (l.get("campaign").empty() && who != contact_of_email.end() &&
                                              recipient_within(l.get("created"), {who->second}));
      if (mine) ++lead_count;
    }
    long long deal_count = 0;
    Decimal won;
    std::set<std::string> won_deals;
    for (const Record& d : deals) {
      std::vector<std::string> who;
      if (const Node* n = d.data.find("contacts"); n && n->is_sequence())
        for (const Node& x : n->items) who.push_back(x.text);
      bool mine = d.get("campaign") == id || (d.get("campaign").empty() && recipient_within(d.get("created"), who));
      if (!mine) continue;
      ++deal_count;
      std::string cur = d.get("currency").empty() ? currency : d.get("currency");
      if (deal_closed(d, store.config()) == "won" && cur == currency) {
        won = won + Decimal::parse(d.get("amount")).value_or(Decimal());
        won_deals.insert(d.id());
      }
    }
    // Orders attributed by name or id, unless their deal was counted already.
    for (const Record& ord : orders) {
      bool mine = ord.get("campaign") == id || (!ord.get("campaign").empty() && ord.get("campaign") == c.get("name"));
      std::string cur = ord.get("currency").empty() ? currency : ord.get("currency");
      if (mine && order_counts_as_revenue(ord) && !won_deals.count(ord.get("deal")) && cur == currency)
        won = won + Decimal::parse(ord.get("total")).value_or(Decimal());
    }
    std::optional<Decimal> cost = Decimal::parse(c.get("cost"));
    ReportCell roi = ReportCell::null();
    if (cost && Decimal() < *cost)
      roi = ReportCell::of_percent(((won - *cost) * Decimal::from_int(100)).divide(*cost, 1));
    auto count = [](long long n) { return ReportCell::of_int(n); };
    rep.rows.push_back(
        {ReportCell::of_text(c.get("name")), ReportCell::of_text(c.get("status").empty() ? "draft" : c.get("status")),
         count(static_cast<long long>(sent_at.size() + unsent)), count(static_cast<long long>(sent_at.size())),
         count(skipped["no email"]), count(skipped["excluded"]), count(skipped["do_not_contact"]),
         count(skipped["unsubscribed"]), count(replies), count(lead_count), count(deal_count),
         ReportCell::of_money(won, currency), cost ? ReportCell::of_money(*cost, currency) : ReportCell::null(), roi});
  }
  return rep;
}

}  // namespace crm
