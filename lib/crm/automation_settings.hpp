// The automation settings of .crm/config.yaml (crm-reference.md,
// Automation): `scoring:`, the terms a lead's score sums, and `assignment:`,
// who gets a new lead, deal or ticket. Read and checked here, with the
// config (file:line) by Store and `crm config set`; computed by lead_score
// and assignment.
#pragma once

#include <string>
#include <vector>

#include "crm/config.hpp"
#include "crm/node.hpp"
#include "crm/schema.hpp"

namespace crm {

// One term of `scoring:`: {if: FILTER, points: N} — the lead matches the
// filter — or {activity: {kind: K, within: 30d}, points: N} — an activity
// of that kind (any kind when none is named) `with` the lead, at most that
// long ago (ever, without `within`). A term counts once, matched or not.
struct ScoreTerm {
  std::string filter;  // the `if` text; empty for an activity term
  bool activity = false;
  std::string kind;              // "" any kind
  long long within_seconds = 0;  // 0: any time
  std::string within_text;       // as written: "30d"
  int points = 0;                // -100 to 100
  int line = 0;
};
// The lowest and highest score: the sum of the matched terms is clamped.
inline constexpr int kMinScore = 0, kMaxScore = 100;

// `scoring:` (null: none). Throws InvalidData naming `source`:line and the
// setting (scoring[2].points).
std::vector<ScoreTerm> parse_scoring(const Node& n, const std::string& source, const SchemaSet& schemas);

// One step of `assignment: {TYPE: …}`: the first step whose `if` the record
// matches decides; `to` is round-robin, least-open or an owner's name,
// `among` whom (empty: config `owners`). A type given as one word is one
// step without `if`; a type not named is round-robin.
struct AssignStep {
  std::string filter;  // "" matches every record
  std::string to = "round-robin";
  std::vector<std::string> among;
  int line = 0;
};
// Whether `to` picks (round-robin, least-open) rather than names an owner.
bool is_assign_method(const std::string& to);
// `assignment:` for one type. Throws InvalidData naming `source`:line.
std::vector<AssignStep> parse_assignment(const Node* assignment, const std::string& type, const std::string& source,
                                         const SchemaSet& schemas);
// Checks the whole `assignment:` map: types that exist and have an owner,
// steps, filters. Throws InvalidData.
void check_assignment(const Node& assignment, const std::string& source, const SchemaSet& schemas);

// Both, on a config just read (the store's, or one `crm config set` made):
// throws InvalidData naming `source`:line.
void check_automation_settings(const Config& config, const std::string& source, const SchemaSet& schemas);

}  // namespace crm
