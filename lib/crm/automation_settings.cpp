#include "crm/automation_settings.hpp"

#include <algorithm>

#include "crm/dates.hpp"
#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

InvalidData bad(const std::string& source, const Node& at, const std::string& field, const std::string& message) {
  return InvalidData(Location{source, at.line, at.column, field}, message);
}

// A filter of the config parses for its type. Segments (@name) are the
// store's records, not the config's: they are checked when used.
void check_filter(const std::string& text, const Schema& schema, const std::string& source, const Node& at,
                  const std::string& field) {
  std::vector<std::string> words = filter_words(text);
  if (std::any_of(words.begin(), words.end(), [](const std::string& w) { return !w.empty() && w[0] == '@'; })) return;
  try {
    parse_filter(words, schema, Clock::fixed(Seconds{}));
  } catch (const Error& e) {
    throw bad(source, at, field, e.what());
  }
}

std::string scalar(const std::string& source, const Node& n, const std::string& field) {
  if (!n.is_scalar()) throw bad(source, n, field, "expected a single value");
  return n.text;
}

int points_of(const std::string& source, const Node& n, const std::string& field) {
  std::string t = scalar(source, n, field);
  std::string digits = !t.empty() && (t[0] == '-' || t[0] == '+') ? t.substr(1) : t;
  if (digits.empty() || digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(digits) > 100)
    throw bad(source, n, field, "\"" + escape_for_terminal(t) + "\" is not a number of points from -100 to 100");
  return t[0] == '-' ? -std::stoi(digits) : std::stoi(digits);
}

}  // namespace

std::vector<ScoreTerm> parse_scoring(const Node& n, const std::string& source, const SchemaSet& schemas) {
  std::vector<ScoreTerm> terms;
  if (n.is_null()) return terms;
  if (!n.is_sequence())
    throw bad(source, n, "scoring",
              "expected a list of terms: {if: FILTER, points: N} or {activity: {kind: K, within: 30d}, points: N}");
  const Schema* lead = schemas.find("lead");
  const Schema* activity = schemas.find("activity");
  for (size_t i = 0; i < n.items.size(); ++i) {
    const Node& t = n.items[i];
    std::string where = "scoring[" + std::to_string(i) + "]";
    if (!t.is_map())
      throw bad(source, t, where, "a term is a map: {if: \"source=web\", points: 10} or {activity: …, points: N}");
    ScoreTerm term;
    term.line = t.line;
    const Node* points = t.find("points");
    if (!points) throw bad(source, t, where + ".points", "a term gives points (points: 10)");
    term.points = points_of(source, *points, where + ".points");
    const Node* f = t.find("if");
    const Node* a = t.find("activity");
    if ((f != nullptr) == (a != nullptr)) throw bad(source, t, where, "a term has either if: FILTER or activity: {…}");
    for (const auto& [k, v] : t.entries)
      if (k != "if" && k != "activity" && k != "points")
        throw bad(source, v, where + "." + k, "unknown setting of a term (if, activity, points)");
    if (f) {
      term.filter = scalar(source, *f, where + ".if");
      if (trim(term.filter).empty()) throw bad(source, *f, where + ".if", "an empty filter");
      if (lead) check_filter(term.filter, *lead, source, *f, where + ".if");
      if (std::string w = lead ? word_reading_score(filter_words(term.filter), *lead) : ""; !w.empty())
        throw bad(source, *f, where + ".if",
                  "\"" + escape_for_terminal(w) +
                      "\" reads the score, which scoring: computes: a term that depends on the score never settles");
    } else {
      term.activity = true;
      if (!a->is_map() && !a->is_null())
        throw bad(source, *a, where + ".activity", "expected a map: {kind: email, within: 30d}");
      for (const auto& [k, v] : a->entries) {
        std::string field = where + ".activity." + k;
        if (k == "kind") {
          term.kind = scalar(source, v, field);
          const Field* kinds = activity ? activity->field("kind") : nullptr;
          if (kinds && kinds->type == FieldType::Enum &&
              std::find(kinds->values.begin(), kinds->values.end(), term.kind) == kinds->values.end())
            throw bad(source, v, field,
                      "\"" + escape_for_terminal(term.kind) + "\" is not a kind of activity (" +
                          join(kinds->values, ", ") + ")");
        } else if (k == "within") {
          term.within_text = scalar(source, v, field);
          bool unit = !term.within_text.empty() && std::isalpha(static_cast<unsigned char>(term.within_text.back()));
          term.within_seconds = unit ? parse_duration_seconds(term.within_text) : 0;
          if (term.within_seconds == 0)
            throw bad(
                source, v, field,
                "\"" + escape_for_terminal(term.within_text) + "\" is not a length of time (30d, 2w, 12h; up to 366d)");
        } else {
          throw bad(source, v, field, "unknown setting of an activity term (kind, within)");
        }
      }
    }
    terms.push_back(term);
  }
  return terms;
}

std::string word_reading_score(const std::vector<std::string>& words, const Schema& lead) {
  for (const std::string& w : words) {
    if (w == "or" || (!w.empty() && w[0] == '@')) continue;
    std::vector<std::string> used;
    try {
      if (parse_filter({w}, lead, Clock::fixed(Seconds{})).fields_used(used)) {
        if (std::find(used.begin(), used.end(), "score") != used.end()) return w;
      } else if (w.size() <= 3 && w.find_first_not_of("0123456789") == std::string::npos) {
        return w;  // a bare number: full text finds it in the score
      }
    } catch (const Error&) {
    }
  }
  return "";
}

bool score_is_computed(const Config& config) {
  const Node* s = config.raw.find("scoring");
  return s && s->is_sequence() && !s->items.empty();
}

std::string unknown_owner(const std::string& name, const std::vector<std::string>& owners) {
  if (owners.empty()) return "";  // no list kept: owners are free text
  for (const std::string& o : owners)
    if (to_lower(o) == to_lower(name)) return "";
  return "\"" + escape_for_terminal(name) + "\" is not one of the owners (" + join(owners, ", ") + ")" +
         did_you_mean(name, owners);
}

bool is_assign_method(const std::string& to) { return to == "round-robin" || to == "least-open"; }

namespace {

// `owners`: the config's, to check the names against (nullptr: not checked).
std::vector<AssignStep> parse_steps(const Node& value, const std::string& type, const std::string& source,
                                    const Schema* schema, const std::vector<std::string>* owners) {
  auto check_owner = [&](const Node& at, const std::string& field, const std::string& name) {
    if (!owners || is_assign_method(name)) return;
    if (std::string why = unknown_owner(name, *owners); !why.empty()) throw bad(source, at, field, why);
  };
  std::string where = "assignment." + type;
  std::vector<AssignStep> steps;
  if (value.is_scalar()) {
    AssignStep s;
    s.to = value.text;
    s.line = value.line;
    if (s.to.empty()) throw bad(source, value, where, "round-robin, least-open or an owner");
    check_owner(value, where, s.to);
    steps.push_back(s);
    return steps;
  }
  if (!value.is_sequence())
    throw bad(
        source, value, where,
        "round-robin, least-open, an owner, or a list of steps: [{if: \"country=DE\", to: ana}, {to: round-robin}]");
  for (size_t i = 0; i < value.items.size(); ++i) {
    const Node& n = value.items[i];
    std::string field = where + "[" + std::to_string(i) + "]";
    if (!n.is_map()) throw bad(source, n, field, "a step is a map: {if: FILTER, to: WHO, among: [ana, ben]}");
    AssignStep s;
    s.line = n.line;
    for (const auto& [k, v] : n.entries) {
      if (k == "if") {
        s.filter = scalar(source, v, field + ".if");
        if (schema) check_filter(s.filter, *schema, source, v, field + ".if");
      } else if (k == "to") {
        s.to = scalar(source, v, field + ".to");
        if (s.to.empty()) throw bad(source, v, field + ".to", "round-robin, least-open or an owner");
        check_owner(v, field + ".to", s.to);
      } else if (k == "among") {
        if (!v.is_sequence() || v.items.empty())
          throw bad(source, v, field + ".among", "expected a list of owners: [ana, ben]");
        for (const Node& o : v.items) {
          s.among.push_back(scalar(source, o, field + ".among"));
          check_owner(o, field + ".among", s.among.back());
        }
      } else {
        throw bad(source, v, field + "." + k, "unknown setting of a step (if, to, among)");
      }
    }
    if (!s.among.empty() && !is_assign_method(s.to))
      throw bad(source, n, field + ".among", "among goes with to: round-robin or least-open");
    steps.push_back(s);
  }
  return steps;
}

}  // namespace

std::vector<AssignStep> parse_assignment(const Node* assignment, const std::string& type, const std::string& source,
                                         const SchemaSet& schemas) {
  const Node* value = assignment && assignment->is_map() ? assignment->find(type) : nullptr;
  if (!value || value->is_null()) return {AssignStep{}};
  return parse_steps(*value, type, source, schemas.find(type), nullptr);
}

void check_assignment(const Node& assignment, const std::string& source, const SchemaSet& schemas,
                      const std::vector<std::string>& owners) {
  if (assignment.is_null()) return;
  if (!assignment.is_map())
    throw bad(source, assignment, "assignment",
              "expected a map: {ticket: round-robin, lead: [{if: \"country=DE\", to: ana}, {to: round-robin}]}");
  for (const auto& [type, value] : assignment.entries) {
    const Schema* schema = schemas.find(type);
    if (!schema) throw bad(source, value, "assignment." + type, "no record type \"" + type + "\"");
    if (!schema->field("owner")) throw bad(source, value, "assignment." + type, type + " records have no owner");
    parse_steps(value, type, source, schema, &owners);
  }
}

void check_automation_settings(const Config& config, const std::string& source, const SchemaSet& schemas) {
  if (const Node* s = config.raw.find("scoring")) parse_scoring(*s, source, schemas);
  if (const Node* a = config.raw.find("assignment")) check_assignment(*a, source, schemas, config.owners);
}

}  // namespace crm
