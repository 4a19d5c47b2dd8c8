#include "crm/config.hpp"

#include "crm/dates.hpp"
#include "crm/error.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

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

}  // namespace

Config parse_config(const std::string& text, const std::string& source, SchemaSet& schemas) {
  Config c;
  Node doc = parse_yaml(text, source);
  if (doc.is_null()) return c;
  refuse_controls(doc, source, "");
  if (!doc.is_map()) throw InvalidData(Location{source, 1, 1, ""}, "the config is a map of settings");
  c.raw = doc;
  if (std::string cur = doc.get("currency"); !cur.empty()) c.currency = cur;
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
  return c;
}

}  // namespace crm
