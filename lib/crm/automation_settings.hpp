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
// setting (scoring[2].points), and a term whose filter reads the score
// itself (it could never settle).
std::vector<ScoreTerm> parse_scoring(const Node& n, const std::string& source, const SchemaSet& schemas);
// The first of a filter's words that reads a lead's score ("score>10", or a
// bare number, which full text finds in the score too); "" when none does.
// @segments and words that do not parse are passed over.
std::string word_reading_score(const std::vector<std::string>& words, const Schema& lead);
// Whether `scoring:` is set: then `score` is computed, never set by hand.
bool score_is_computed(const Config& config);
// Why a lead's score is not set by hand (`lead set`, `lead add --score`, edit).
inline constexpr const char* kScoreIsComputed =
    "a lead's score is computed from scoring: in .crm/config.yaml, not set by hand (crm lead score ID --explain "
    "shows its terms)";

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
// steps, filters, and owners named in `to`/`among` that are among `owners`
// (the config's). Throws InvalidData.
void check_assignment(const Node& assignment, const std::string& source, const SchemaSet& schemas,
                      const std::vector<std::string>& owners);
// "" when `name` is one of `owners` (case-insensitively) or no owners are
// kept, else why not, with a did-you-mean: `"ghost" is not one of the
// owners (ana, ben)`.
std::string unknown_owner(const std::string& name, const std::vector<std::string>& owners);

// Both, on a config just read (the store's, or one `crm config set` made):
// throws InvalidData naming `source`:line.
void check_automation_settings(const Config& config, const std::string& source, const SchemaSet& schemas);

}  // namespace crm
