#include "crm/config.hpp"

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

Config parse_config(const std::string& text, const std::string& source, SchemaSet& schemas) {
  Config c;
  Node doc = parse_yaml(text, source);
  if (doc.is_null()) return c;
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
      if (!prob.empty()) {
        bool digits = prob.size() <= 3 && prob.find_first_not_of("0123456789") == std::string::npos;
        st.probability = digits ? std::atoi(prob.c_str()) : -1;
        if (st.probability < 0 || st.probability > 100)
          throw InvalidData(Location{source, s.line, s.column, "pipeline." + st.name + ".probability"},
                            "\"" + prob + "\" is not a percentage 0-100");
      }
      st.closed = s.get("closed");
      if (!st.closed.empty() && st.closed != "won" && st.closed != "lost")
        throw InvalidData(Location{source, s.line, s.column, "pipeline." + st.name + ".closed"}, "is won or lost");
      if (std::string sa = s.get("stale_after"); !sa.empty()) st.stale_after = std::atoi(sa.c_str());
      c.pipeline.push_back(st);
    }
  }
  if (const Node* o = doc.find("owners"); o && o->is_sequence())
    for (const Node& item : o->items) c.owners.push_back(item.text);
  if (const Node* g = doc.find("git"); g && g->is_map()) c.autocommit = g->get("autocommit") == "true";
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
