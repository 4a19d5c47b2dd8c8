// A lead's score: the `scoring:` terms of the config (automation_settings)
// that match, summed and clamped to 0–100 — Taskwarrior's urgency for
// leads. The score is a stored field (`score`), so lists sort and filter on
// it and rules fire on its change (`on: lead.score`): the workflow sets it on
// every write of the lead and of an activity with it. Activity terms that
// count only recent activities (`within: 30d`) decay with time: `crm rules
// run` (cron) writes the scores that changed since, and `crm lead score`
// shows the score as of now.
#pragma once

#include <string>
#include <vector>

#include "crm/automation_settings.hpp"
#include "crm/filter.hpp"
#include "crm/record.hpp"
#include "crm/store.hpp"

namespace crm {

// One term, for `crm lead score --explain`.
struct ScoreLine {
  std::string term;  // "if source=web", "activity email within 30d"
  int points = 0;    // the term's points
  bool matched = false;
  std::string detail;  // an activity term: how many matched, the latest
};

struct LeadScore {
  int score = 0;  // the sum, clamped to 0–100
  int sum = 0;
  std::vector<ScoreLine> lines;
};

class LeadScorer {
 public:
  // The store's `scoring:` terms, their filters parsed once (segments
  // included). Throws InvalidData naming the config for a filter that does
  // not parse.
  explicit LeadScorer(const Store& store);
  // False when the config has no `scoring:`: then `score` is an ordinary
  // field, and nothing sets it.
  bool enabled() const { return !terms_.empty(); }
  bool reads_activities() const;
  // The lead's score as of the store's clock; `activities`: those with it.
  LeadScore score(const Record& lead, const std::vector<Record>& activities) const;
  // The activities with `lead_id` in the store.
  std::vector<Record> activities_of(const std::string& lead_id) const;

 private:
  const Store& store_;
  std::vector<ScoreTerm> terms_;
  std::vector<Filter> filters_;  // one per term (empty for activity terms)
};

// Every lead of the store with its score as of now (one read of the
// activities for all), in the store's order.
struct ScoredLead {
  Record lead;
  LeadScore score;
};
std::vector<ScoredLead> score_leads(const Store& store, const LeadScorer& scorer);

// The workflow's part (workflow.cpp): sets a lead's `score` before it is
// written (a new lead has no activities yet); returns the leads an activity
// (its state after a change, and before) is with whose score it changes.
void rescore_lead(const Store& store, Record& lead, const Record* before);
// Activities changed other than through leads_rescored_by (removed, or
// arrived with a pull): what activities_of remembers is forgotten.
void forget_lead_activities();
std::vector<Record> leads_rescored_by(const Store& store, const Record& activity, const Record* before);

}  // namespace crm
