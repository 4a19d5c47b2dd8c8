#include "crm/lead_score.hpp"

#include <algorithm>
#include <map>

#include "crm/dates.hpp"
#include "crm/segments.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

constexpr const char* kConfigFile = ".crm/config.yaml";

std::string term_label(const ScoreTerm& t) {
  if (!t.activity) return "if " + t.filter;
  std::string s = "activity " + (t.kind.empty() ? std::string("any") : t.kind);
  return t.within_text.empty() ? s : s + " within " + t.within_text;
}

}  // namespace

LeadScorer::LeadScorer(const Store& store) : store_(store) {
  const Node* n = store.config().raw.find("scoring");
  const Schema* leads = store.schemas().find("lead");
  if (!n || !leads) return;
  terms_ = parse_scoring(*n, kConfigFile, store.schemas());
  for (size_t i = 0; i < terms_.size(); ++i) {
    const ScoreTerm& t = terms_[i];
    if (t.activity) {
      filters_.emplace_back();
      continue;
    }
    Location at{kConfigFile, t.line, 0, "scoring[" + std::to_string(i) + "].if"};
    try {
      filters_.push_back(parse_store_filter(store, filter_words(t.filter), *leads));
    } catch (const Error& e) {
      throw InvalidData(at, e.what());
    }
    // Through segments too: a score that depends on itself never settles.
    for (const SegmentReached& r : segments_reached(store, filter_words(t.filter)))
      if (std::string w = word_reading_score(split_filter_words(r.segment.get("filter")), *leads); !w.empty())
        throw InvalidData(at, "@" + join(r.chain, " → @") + " reads the score (\"" + escape_for_terminal(w) + "\" in " +
                                  r.segment.path +
                                  "), which scoring: computes: a term that depends on the score never settles");
  }
}

bool LeadScorer::reads_activities() const {
  return std::any_of(terms_.begin(), terms_.end(), [](const ScoreTerm& t) { return t.activity; });
}

LeadScore LeadScorer::score(const Record& lead, const std::vector<Record>& activities) const {
  LeadScore out;
  Seconds now = store_.clock().now;
  for (size_t i = 0; i < terms_.size(); ++i) {
    const ScoreTerm& t = terms_[i];
    ScoreLine line;
    line.term = term_label(t);
    line.points = t.points;
    if (!t.activity) {
      line.matched = filters_[i].matches(lead);
    } else {
      long long count = 0;
      std::string latest;
      for (const Record& a : activities) {
        if (!t.kind.empty() && a.get("kind") != t.kind) continue;
        std::string at_text = a.get("at");
        if (t.within_seconds > 0) {
          auto at = parse_iso_datetime(at_text);
          if (!at || *at > now || *at < now - std::chrono::seconds(t.within_seconds)) continue;
        }
        ++count;
        latest = std::max(latest, at_text);
      }
      line.matched = count > 0;
      if (count > 0)
        line.detail = std::to_string(count) + (count == 1 ? " activity" : " activities") +
                      (latest.empty() ? "" : ", the latest " + latest);
    }
    if (line.matched) out.sum += t.points;
    out.lines.push_back(line);
  }
  out.score = std::clamp(out.sum, kMinScore, kMaxScore);
  return out;
}

namespace {

// Activities by lead, for a command that writes many leads (`crm rules
// run`, an import): each lead's write would otherwise scan every activity
// for those with it. The first look scans; a second in the same process
// reads all activities once. Forgotten when an activity is written or
// removed, or records arrive (forget_lead_activities).
struct ActivityIndex {
  const Store* store = nullptr;
  int looks = 0;
  bool built = false;
  std::map<std::string, std::vector<Record>> by_lead;
};

ActivityIndex& activity_index() {
  static ActivityIndex index;
  return index;
}

}  // namespace

void forget_lead_activities() { activity_index() = ActivityIndex{}; }

std::vector<Record> LeadScorer::activities_of(const std::string& lead_id) const {
  const Schema* activities = store_.schemas().find("activity");
  if (!activities || !reads_activities()) return {};
  ActivityIndex& index = activity_index();
  if (index.store != &store_) {
    index = ActivityIndex{};
    index.store = &store_;
  }
  if (!index.built && ++index.looks < 2) return store_.referring(*activities, {"with"}, lead_id);
  if (!index.built) {
    for (Record& a : store_.load_all(*activities).records)
      if (const Node* w = a.data.find("with"))
        for (const Node& id : w->items) index.by_lead[id.text].push_back(a);
    index.built = true;
  }
  auto it = index.by_lead.find(lead_id);
  return it == index.by_lead.end() ? std::vector<Record>{} : it->second;
}

std::vector<ScoredLead> score_leads(const Store& store, const LeadScorer& scorer) {
  std::vector<ScoredLead> out;
  const Schema* leads = store.schemas().find("lead");
  const Schema* activities = store.schemas().find("activity");
  if (!leads) return out;
  std::map<std::string, std::vector<Record>> with;
  if (activities && scorer.reads_activities())
    for (Record& a : store.load_all(*activities).records)
      if (const Node* w = a.data.find("with"))
        for (const Node& id : w->items) with[id.text].push_back(a);
  for (Record& lead : store.load_all(*leads).records) {
    auto it = with.find(lead.id());
    LeadScore s = scorer.score(lead, it == with.end() ? std::vector<Record>{} : it->second);
    out.push_back({std::move(lead), std::move(s)});
  }
  return out;
}

void rescore_lead(const Store& store, Record& lead, const Record* before) {
  LeadScorer scorer(store);
  if (!scorer.enabled()) return;
  // A new lead has no activities yet: no need to look for them.
  std::vector<Record> activities = before ? scorer.activities_of(lead.id()) : std::vector<Record>{};
  std::string score = std::to_string(scorer.score(lead, activities).score);
  if (lead.get("score") != score) lead.data.set("score", Node::scalar(score, true));
}

std::vector<Record> leads_rescored_by(const Store& store, const Record& activity, const Record* before) {
  forget_lead_activities();  // this one is about to change
  std::vector<Record> out;
  const Schema* leads = store.schemas().find("lead");
  if (!leads) return out;
  std::vector<std::string> ids;
  for (const Record* r : {&activity, before})
    if (const Node* with = r ? r->data.find("with") : nullptr)
      for (const Node& id : with->items)
        if (std::find(ids.begin(), ids.end(), id.text) == ids.end() && store.exists(*leads, id.text))
          ids.push_back(id.text);
  if (ids.empty()) return out;
  LeadScorer scorer(store);
  if (!scorer.enabled() || !scorer.reads_activities()) return out;
  for (const std::string& id : ids) {
    Record lead = store.load(*leads, id);
    // The activities as they will be: this one in its new state (or gone
    // from the lead, when its `with` no longer names it).
    std::vector<Record> activities = scorer.activities_of(id);
    activities.erase(
        std::remove_if(activities.begin(), activities.end(), [&](const Record& a) { return a.id() == activity.id(); }),
        activities.end());
    if (const Node* with = activity.data.find("with"))
      for (const Node& w : with->items)
        if (w.text == id) activities.push_back(activity);
    std::string score = std::to_string(scorer.score(lead, activities).score);
    if (lead.get("score") == score) continue;
    lead.data.set("score", Node::scalar(score, true));
    out.push_back(std::move(lead));
  }
  return out;
}

}  // namespace crm
