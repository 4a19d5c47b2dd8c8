#include "crm/lead_conversion.hpp"

#include <algorithm>

#include "crm/deal_workflow.hpp"
#include "crm/decimal.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/match_keys.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm {

namespace {

// Copies the value of `from_field` on `from` into `field` of `to` when `to` has none.
bool fill(Record& to, const std::string& field, const Record& from, const std::string& from_field) {
  const Node* v = from.data.find(from_field);
  if (!v || v->empty()) return false;
  const Node* existing = to.data.find(field);
  if (existing && !existing->empty()) return false;
  Node copy = *v;
  copy.line = copy.column = 0;
  to.data.set(field, copy);
  return true;
}

}  // namespace

std::string normalise_company_name(const std::string& name) {
  std::string folded;
  for (char c : sort_key(name)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80)
      folded += c;
    else if (c != '.')
      folded += ' ';  // "K.K." → "kk", "S.L." → "sl"
  }
  static const char* const kSuffixes[] = {
      "inc", "incorporated", "ltd", "limited", "llc",  "llp",         "gmbh", "ag",      "sa", "sas", "sarl",
      "srl", "bv",           "nv",  "plc",     "corp", "corporation", "co",   "company", "oy", "ab",  "as",
      "aps", "kk",           "pty", "spa",     "sl",   "slu",         "se",   "kg",      "ug"};
  std::vector<std::string> words;
  for (const std::string& w : split(folded, ' '))
    if (!w.empty()) words.push_back(w);
  while (words.size() > 1 && std::find_if(std::begin(kSuffixes), std::end(kSuffixes),
                                          [&](const char* s) { return words.back() == s; }) != std::end(kSuffixes))
    words.pop_back();
  return join(words, "");
}

ConversionIds conversion_ids(const std::string& lead_id) {
  return {derived_id("lead-convert:contact:" + lead_id), derived_id("lead-convert:company:" + lead_id),
          derived_id("lead-convert:deal:" + lead_id)};
}

Converted convert_lead(Writer& writer, const std::string& lead_id, const ConvertOptions& o) {
  const Store& store = writer.store();
  const SchemaSet& schemas = store.schemas();
  const Schema& lead_schema = schemas.get("lead");
  const Schema& contact_schema = schemas.get("contact");
  const Schema& company_schema = schemas.get("company");
  Record lead = store.load(lead_schema, lead_id);
  const Record lead_before = lead;
  if (lead.get("status") == "converted" || !lead.get("converted_contact").empty()) {
    std::string when = lead.get("converted_at");
    throw Conflict("lead " + lead.get("name") + " (" + lead_id + ") was already converted" +
                   (when.empty() ? "" : " on " + when) +
                   (lead.get("converted_contact").empty() ? "" : " to contact " + lead.get("converted_contact")));
  }
  std::vector<InvalidData> problems = validate_record(lead, lead_schema);
  if (!problems.empty()) throw problems.front();
  Seconds now = store.clock().now;
  Converted result;

  // The company: an existing one with the same normalised name or domain, or a new one.
  std::optional<Record> company;
  std::string company_name = trim(lead.get("company_name"));
  if (!company_name.empty()) {
    std::string key = normalise_company_name(company_name);
    std::string domain = company_email_domain(lead.get("email"));
    Store::Loaded all = store.load_all(company_schema);
    // The company an interrupted conversion of this lead made; else a name
    // match; the email's domain only when no name matches.
    std::string made = conversion_ids(lead_id).company;
    for (Record& c : all.records)
      if (!company && c.id() == made) company = std::move(c);
    for (Record& c : all.records)
      if (!company && !key.empty() && normalise_company_name(c.get("name")) == key) company = std::move(c);
    for (Record& c : all.records)
      if (!company && !domain.empty() && bare_domain(c.get("domain")) == domain) company = std::move(c);
    if (company) {
      result.company = Converted::Item{"company", company->id(), company->get("name"), false};
    } else {
      Record c;
      c.type = "company";
      c.data.set("id", Node::scalar(made));
      c.data.set("name", Node::scalar(company_name));
      if (std::string d = company_email_domain(lead.get("email")); !d.empty()) c.data.set("domain", Node::scalar(d));
      fill(c, "owner", lead, "owner");
      c.data.set("relationship", Node::scalar("prospect"));
      write_with_effects(writer, c, nullptr, true);
      result.company = Converted::Item{"company", c.id(), c.get("name"), true};
      company = std::move(c);
    }
  }

  // The contact: the one with the lead's email (its empty fields filled), or a new one.
  std::optional<Record> contact;
  std::string email = lead.get("email");
  if (!email.empty()) {
    Store::Loaded all = store.load_all(contact_schema);
    for (Record& c : all.records) {
      bool hit = equals_ci(c.get("email"), email);
      if (const Node* more = c.data.find("emails"); more && more->is_sequence())
        for (const Node& e : more->items) hit = hit || equals_ci(e.text, email);
      if (hit) {
        contact = std::move(c);
        break;
      }
    }
  }
  // Ids derive from the lead: a conversion killed before it marked the lead
  // converted, run again, finds what it made instead of making it twice.
  std::string contact_id = conversion_ids(lead_id).contact;
  if (!contact && store.exists(contact_schema, contact_id)) contact = store.load(contact_schema, contact_id);
  bool contact_created = !contact;
  if (!contact) {
    Record c;
    c.type = "contact";
    c.data.set("id", Node::scalar(contact_id));
    contact = std::move(c);
  }
  bool changed = contact_created;
  for (const char* f : {"name", "email", "phone", "title", "source", "owner", "tags", "notes"})
    changed = fill(*contact, f, lead, f) || changed;
  if (company && (!contact->data.find("company") || contact->data.find("company")->empty())) {
    contact->data.set("company", Node::scalar(company->id()));
    changed = true;
  }
  if (contact_created) contact->data.set("lifecycle", Node::scalar(o.deal ? "opportunity" : "sql"));
  if (changed) {
    std::optional<Record> before;
    if (!contact_created) before = store.load(contact_schema, contact->id());
    write_with_effects(writer, *contact, before ? &*before : nullptr, contact_created);
  }
  result.contact = Converted::Item{"contact", contact->id(), contact->get("name"), contact_created};

  // The deal, when asked for.
  std::string deal_id = conversion_ids(lead_id).deal;
  if (o.deal && store.exists(store.schemas().get("deal"), deal_id)) {
    Record d = store.load(store.schemas().get("deal"), deal_id);
    result.deal = Converted::Item{"deal", d.id(), d.get("name"), false};
  } else if (o.deal) {
    Record d;
    d.type = "deal";
    d.data.set("id", Node::scalar(deal_id));
    std::string name = o.deal_name;
    if (name.empty()) name = company ? company->get("name") : lead.get("name");
    d.data.set("name", Node::scalar(name));
    if (company) d.data.set("company", Node::scalar(company->id()));
    d.data.set("contacts", Node::sequence({Node::scalar(contact->id())}));
    std::string amount = o.amount ? *o.amount : lead.get("estimated_value");
    if (!amount.empty()) {
      Field money;
      money.name = "amount";
      money.type = FieldType::Money;
      d.data.set("amount", parse_field_value(money, amount, store.clock(), "--amount"));
    }
    fill(d, "source", lead, "source");
    fill(d, "owner", lead, "owner");
    std::string stage = o.stage.empty() ? first_open_stage(store.config()) : o.stage;
    if (!stage.empty()) d.data.set("stage", Node::scalar(stage));  // the workflow records the move
    write_with_effects(writer, d, nullptr, true);
    result.deal = Converted::Item{"deal", d.id(), d.get("name"), true};
  }

  // Last, the lead: its back-links now point at records that exist.
  lead.data.set("status", Node::scalar("converted"));
  lead.data.set("converted_at", Node::scalar(format_datetime(now), true));
  lead.data.set("converted_contact", Node::scalar(contact->id()));
  if (company) lead.data.set("converted_company", Node::scalar(company->id()));
  if (result.deal) lead.data.set("converted_deal", Node::scalar(result.deal->id));
  write_with_effects(writer, lead, &lead_before, false);
  return result;
}

}  // namespace crm
