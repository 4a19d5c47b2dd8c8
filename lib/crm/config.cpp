#include "crm/config.hpp"

#include "crm/dates.hpp"
#include "crm/decimal.hpp"
#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

std::string Config::assignment(const std::string& type) const {
  if (const Node* a = raw.find("assignment"); a && a->is_map()) return a->get(type);
  return "";
}

std::vector<std::string> filter_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  bool quoted = false, any = false;
  for (char ch : text) {
    if (ch == '"') {
      quoted = !quoted;
      any = true;
    } else if (ch == ' ' && !quoted) {
      if (any) out.push_back(word);
      word.clear();
      any = false;
    } else {
      word += ch;
      any = true;
    }
  }
  if (any) out.push_back(word);
  return out;
}

const Stage* Config::stage(const std::string& name) const {
  for (const Stage& s : pipeline)
    if (s.name == name) return &s;
  return nullptr;
}

std::string default_config_text() {
  return R"(# crm store settings: see CONFIGURATION in crm(1).
version: 1
# The currency of amounts that name none.
currency: USD
# The time zone dates and times are typed and shown in (stored as UTC);
# unset: $TZ, else the system's. An IANA name: Europe/Berlin, America/New_York.
# timezone: Europe/Berlin
# Deal stages in order. probability: percent used for weighted sums;
# closed: won or lost; stale_after: days without activity before a deal is stale.
pipeline:
  - {stage: qualification, probability: 10, stale_after: 14}
  - {stage: needs-analysis, probability: 20, stale_after: 14}
  - {stage: proposal, probability: 50, stale_after: 21}
  - {stage: negotiation, probability: 80, stale_after: 21}
  - {stage: won, probability: 100, closed: won}
  - {stage: lost, probability: 0, closed: lost}
# People who own records (free text is accepted too).
owners: []
git:
  autocommit: false
# Custom fields per record type, validated like built-in ones:
# fields:
#   contact:
#     - {name: linkedin, type: url}
#     - {name: tier, type: enum, values: [gold, silver]}
fields: {}
)";
}

namespace {

// Stage names, the currency, owners, enum values reach tables, csv and
// messages: no control character anywhere in the config, keys included.
void refuse_controls(const Node& n, const std::string& source, const std::string& path) {
  auto refuse = [&](const Node& at, const std::string& text) {
    if (int c = first_control_character(text); c >= 0)
      throw InvalidData(Location{source, at.line, at.column, path}, "\"" + escape_for_terminal(text) +
                                                                        "\" holds the control character " +
                                                                        code_point_label(static_cast<uint32_t>(c)));
  };
  if (n.is_scalar()) refuse(n, n.text);
  for (const Node& item : n.items) refuse_controls(item, source, path);
  for (const auto& [k, v] : n.entries) {
    refuse(v, k);
    refuse_controls(v, source, path.empty() ? k : path + "." + k);
  }
}

// A whole number from `min` to `max`, written without a leading zero (YAML 1.1 reads 010 as octal 8).
int config_number(const std::string& text, int min, int max, const Location& where, const std::string& what) {
  bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos &&
                (text.size() == 1 || text[0] != '0');
  int n = digits ? std::stoi(text) : -1;
  if (!digits || n < min || n > max)
    throw InvalidData(where, "\"" + escape_for_terminal(text) + "\" is not " + what + " " + std::to_string(min) + "-" +
                                 std::to_string(max) + " (digits, no leading zero)");
  return n;
}

void parse_sla(const Node& list, const std::string& source, const SchemaSet& schemas, Config& c) {
  if (!list.is_sequence())
    throw InvalidData(Location{source, list.line, list.column, "sla"},
                      "expected a list of policies: {name, if, first_response, resolution}");
  for (const Node& p : list.items) {
    if (!p.is_map())
      throw InvalidData(Location{source, p.line, p.column, "sla"},
                        "a policy is a map: {name: standard, first_response: 8h, resolution: 3d}");
    SlaPolicy policy;
    policy.name = p.get("name");
    policy.line = p.line;
    policy.column = p.column;
    if (policy.name.empty())
      throw InvalidData(Location{source, p.line, p.column, "sla"}, "a policy needs a name (name: …)");
    std::string path = "sla." + policy.name;
    for (const auto& [key, value] : p.entries) {
      Location where{source, value.line, value.column, path + "." + key};
      if (key == "name") continue;
      if (key == "if") {
        policy.filter = value.text;
        const Schema* ticket = schemas.find("ticket");
        if (!value.is_scalar()) throw InvalidData(where, "expected a filter: \"priority=urgent\"");
        if (ticket) try {
            parse_filter(filter_words(policy.filter), *ticket, Clock::fixed(Seconds{}));
          } catch (const UsageError& e) {
            throw InvalidData(where, e.what());
          }
      } else if (key == "first_response" || key == "resolution") {
        long long seconds = value.is_scalar() ? parse_business_duration(value.text, c.business_hours) : 0;
        if (seconds == 0)
          throw InvalidData(where, "\"" + escape_for_terminal(value.text) +
                                       "\" is not a duration (30m, 1h, 8h, 3d: business hours and days)");
        (key == "first_response" ? policy.first_response : policy.resolution) = seconds;
      } else {
        throw InvalidData(where, "unknown setting of a policy (name, if, first_response, resolution)");
      }
    }
    c.sla.push_back(policy);
  }
}

}  // namespace

Config parse_config(const std::string& text, const std::string& source, SchemaSet& schemas) {
  Config c;
  Node doc = parse_yaml(text, source);
  if (doc.is_null()) return c;
  refuse_controls(doc, source, "");
  if (!doc.is_map()) throw InvalidData(Location{source, 1, 1, ""}, "the config is a map of settings");
  c.raw = doc;
  if (const Node* n = doc.find("currency"); n && !n->empty()) {
    // Amounts are added per currency: "usd" beside "USD" would split them.
    const std::string& t = n->text;
    if (!n->is_scalar() || !is_currency_code(t))
      throw InvalidData(
          Location{source, n->line, n->column, "currency"},
          "\"" + escape_for_terminal(t) + "\" is not a currency code (three capital letters, ISO 4217: USD, EUR)");
    c.currency = t;
  }
  if (const Node* n = doc.find("gross_margin"); n && !n->empty()) {
    auto d = n->is_scalar() ? Decimal::parse(n->text) : std::nullopt;
    if (!d || *d < Decimal::from_int(0) || Decimal::from_int(1) < *d)
      throw InvalidData(Location{source, n->line, n->column, "gross_margin"},
                        "\"" + escape_for_terminal(n->text) + "\" is not a fraction from 0 to 1 (0.4 for 40%)");
    c.gross_margin = d->str();
  }
  if (const Node* n = doc.find("churn_after"); n && !n->empty()) {
    std::string t = n->is_scalar() ? n->text : "";
    if (!t.empty() && t.back() == 'd') t.pop_back();
    bool digits = !t.empty() && t.size() <= 6 && t.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoi(t) == 0)
      throw InvalidData(Location{source, n->line, n->column, "churn_after"},
                        "\"" + escape_for_terminal(n->text) + "\" is not a number of days (365, or 365d)");
    c.churn_after = std::stoi(t);
  }
  if (const Node* p = doc.find("pipeline")) {
    if (!p->is_sequence())
      throw InvalidData(Location{source, p->line, p->column, "pipeline"}, "expected a list of stages");
    for (const Node& s : p->items) {
      Stage st;
      st.name = s.get("stage");
      if (st.name.empty())
        throw InvalidData(Location{source, s.line, s.column, "pipeline"}, "a stage needs a name (stage: …)");
      std::string prob = s.get("probability");
      if (!prob.empty())
        st.probability = config_number(
            prob, 0, 100, Location{source, s.line, s.column, "pipeline." + st.name + ".probability"}, "a percentage");
      st.closed = s.get("closed");
      if (!st.closed.empty() && st.closed != "won" && st.closed != "lost")
        throw InvalidData(Location{source, s.line, s.column, "pipeline." + st.name + ".closed"}, "is won or lost");
      if (std::string sa = s.get("stale_after"); !sa.empty())
        st.stale_after =
            config_number(sa, 0, 3650, Location{source, s.line, s.column, "pipeline." + st.name + ".stale_after"},
                          "a number of days");
      c.pipeline.push_back(st);
    }
  }
  if (const Node* o = doc.find("owners"); o && o->is_sequence())
    for (const Node& item : o->items) c.owners.push_back(item.text);
  if (const Node* g = doc.find("git"); g && g->is_map()) c.autocommit = g->get("autocommit") == "true";
  if (const Node* tz = doc.find("timezone"); tz && !tz->empty()) {
    try {
      Clock probe = Clock::fixed(Seconds{});
      probe.set_zone(tz->text);
    } catch (const UsageError& e) {
      throw InvalidData(Location{source, tz->line, tz->column, "timezone"}, e.what());
    }
    c.timezone = tz->text;
  }
  if (const Node* f = doc.find("fields"); f && f->is_map()) {
    for (const auto& [type, list] : f->entries) {
      if (!list.is_sequence())
        throw InvalidData(Location{source, list.line, list.column, "fields." + type}, "expected a list of fields");
      for (const Node& decl : list.items)
        schemas.add_custom_field(type, parse_field(decl, source), Location{source, decl.line, decl.column, ""});
    }
  }
  if (const Node* bh = doc.find("business_hours")) c.business_hours = parse_business_hours(*bh, source);
  if (const Node* a = doc.find("assignment"); a && !a->is_null() && !a->is_map())
    throw InvalidData(Location{source, a->line, a->column, "assignment"},
                      "expected a map: {ticket: round-robin} (round-robin, least-open or an owner)");
  if (const Node* sla = doc.find("sla"); sla && !sla->is_null()) parse_sla(*sla, source, schemas, c);
  return c;
}

}  // namespace crm
