#include "crm/ticket_workflow.hpp"

#include <algorithm>

#include "crm/business_hours.hpp"
#include "crm/error.hpp"
#include "crm/filter.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

Node stamp(Seconds t) { return Node::scalar(format_datetime(t), true); }

std::optional<Seconds> time_of(const Record& r, const char* field) { return parse_iso_datetime(r.get(field)); }

const Node* history_of(const Record& r) {
  const Node* h = r.data.find("status_history");
  return h && h->is_sequence() ? h : nullptr;
}

// When the ticket was opened: its created stamp, else the first history entry.
std::optional<Seconds> opened_at(const Record& t) {
  if (auto c = time_of(t, "created")) return c;
  if (const Node* h = history_of(t); h && !h->items.empty()) return parse_iso_datetime(h->items.front().get("at"));
  return std::nullopt;
}

void append_history(Record& t, const std::string& status, Seconds at) {
  Node* h = t.data.find("status_history");
  if (!h || !h->is_sequence()) {
    t.data.set("status_history", Node::sequence());
    h = t.data.find("status_history");
  }
  Node entry = Node::map();
  entry.set("status", Node::scalar(status));
  entry.set("at", stamp(at));
  h->items.push_back(entry);
}

bool has_breach(const Record& t, const std::string& kind) {
  if (const Node* b = t.data.find("breaches"); b && b->is_sequence())
    for (const Node& item : b->items)
      if (item.get("kind") == kind) return true;
  return false;
}

void record_breach(Record& t, const std::string& kind, Seconds at) {
  if (has_breach(t, kind)) return;
  Node* b = t.data.find("breaches");
  if (!b || !b->is_sequence()) {
    t.data.set("breaches", Node::sequence());
    b = t.data.find("breaches");
  }
  Node entry = Node::map();
  entry.set("kind", Node::scalar(kind));
  entry.set("at", stamp(at));
  b->items.push_back(entry);
}

// The business seconds spent in pending or on-hold, from the history.
long long paused_seconds(const Record& t, const Config& config, const Clock& clock, Seconds until) {
  const Node* h = history_of(t);
  if (!h) return 0;
  long long total = 0;
  for (size_t i = 0; i < h->items.size(); ++i) {
    std::string s = h->items[i].get("status");
    if (s != "pending" && s != "on-hold") continue;
    auto from = parse_iso_datetime(h->items[i].get("at"));
    auto to = i + 1 < h->items.size() ? parse_iso_datetime(h->items[i + 1].get("at")) : std::optional<Seconds>(until);
    if (from && to && *to > *from)
      total += business_seconds_between(config.business_hours, clock, *from, std::min(*to, until));
  }
  return total;
}

}  // namespace

bool ticket_is_open(const Record& t) {
  std::string s = t.get("status");
  return s != "solved" && s != "closed";
}

bool ticket_clock_paused(const std::string& s) {
  return s == "pending" || s == "on-hold" || s == "solved" || s == "closed";
}

const SlaPolicy* pick_sla(const Config& config, const Schema& schema, const Clock& clock, const Record& ticket) {
  for (const SlaPolicy& p : config.sla) {
    if (p.filter.empty()) return &p;
    Filter f = parse_filter(filter_words(p.filter), schema, clock);
    if (f.matches(ticket)) return &p;
  }
  return nullptr;
}

void apply_ticket_workflow(Record& t, const Record* before, const Config& config, const Schema& schema,
                           const Clock& clock) {
  Seconds now = clock.now;
  std::string status = t.get("status").empty() ? "new" : t.get("status");
  std::string old = before ? (before->get("status").empty() ? "new" : before->get("status")) : "";
  if (!before) {
    Seconds start = opened_at(t).value_or(now);
    if (!history_of(t)) append_history(t, status, start);
    // A ticket that comes with its due times (an import, a backup) keeps them.
    if (t.get("sla").empty() && t.get("response_due").empty() && t.get("resolution_due").empty()) {
      if (const SlaPolicy* p = pick_sla(config, schema, clock, t)) {
        t.data.set("sla", Node::scalar(p->name));
        if (p->first_response)
          t.data.set("response_due", stamp(add_business_time(config.business_hours, clock, start, p->first_response)));
        if (p->resolution)
          t.data.set("resolution_due", stamp(add_business_time(config.business_hours, clock, start, p->resolution)));
      }
    }
  } else if (status != old) {
    const Node* h = history_of(t);
    size_t before_size = history_of(*before) ? history_of(*before)->items.size() : 0;
    bool recorded = h && h->items.size() > before_size && h->items.back().get("status") == status;
    // When the old status began: the last history entry of the state before.
    std::optional<Seconds> old_since;
    if (const Node* bh = history_of(*before); bh && !bh->items.empty())
      old_since = parse_iso_datetime(bh->items.back().get("at"));
    if (!recorded) append_history(t, status, now);
    if (status == "solved" || status == "closed") {
      if (old != "solved" && old != "closed") t.data.set("solved_at", stamp(now));
      if (status == "closed")
        t.data.set("closed_at", stamp(now));
      else
        t.data.erase("closed_at");
    } else {
      t.data.erase("solved_at");
      t.data.erase("closed_at");
    }
    // Leaving a paused status for a running one: the resolution clock goes on
    // with the business time it had left when the pause began.
    if (ticket_clock_paused(old) && !ticket_clock_paused(status) && old_since) {
      if (auto due = time_of(t, "resolution_due"); due && *due > *old_since) {
        long long left = business_seconds_between(config.business_hours, clock, *old_since, *due);
        if (left > 0) t.data.set("resolution_due", stamp(add_business_time(config.business_hours, clock, now, left)));
      }
    }
  }
  // Breaches: what the write sees, kept forever.
  if (before)
    if (const Node* b = before->data.find("breaches"); b && b->is_sequence())
      for (const Node& item : b->items)
        if (auto at = parse_iso_datetime(item.get("at")); at && !has_breach(t, item.get("kind")))
          record_breach(t, item.get("kind"), *at);
  if (auto due = time_of(t, "response_due")) {
    auto answered = time_of(t, "first_response_at");
    if (answered ? *answered > *due : now > *due) record_breach(t, "first_response", *due);
  }
  if (auto due = time_of(t, "resolution_due")) {
    // The clock ran until now when the state before was running (or the ticket is new).
    bool running_before = before ? !ticket_clock_paused(old) : !ticket_clock_paused(status);
    if (running_before && now > *due) record_breach(t, "resolution", *due);
  }
}

bool ticket_breached(const Record& t, Seconds now) {
  if (const Node* b = t.data.find("breaches"); b && b->is_sequence() && !b->items.empty()) return true;
  if (!ticket_is_open(t)) return false;  // what was missed before it was solved is recorded
  if (auto due = time_of(t, "response_due"); due && t.get("first_response_at").empty() && now > *due) return true;
  if (auto due = time_of(t, "resolution_due"); due && !ticket_clock_paused(t.get("status")) && now > *due) return true;
  return false;
}

std::optional<long long> ticket_age_seconds(const Record& t, Seconds now) {
  auto opened = opened_at(t);
  if (!opened) return std::nullopt;
  std::optional<Seconds> until = now;
  if (!ticket_is_open(t)) {
    until = time_of(t, "solved_at");
    if (!until) until = time_of(t, "closed_at");
    if (!until) return std::nullopt;
  }
  return std::max(0LL, static_cast<long long>((*until - *opened).count()));
}

std::optional<Seconds> ticket_next_due(const Record& t) {
  if (!ticket_is_open(t)) return std::nullopt;
  if (t.get("first_response_at").empty())
    if (auto due = time_of(t, "response_due")) return due;
  if (ticket_clock_paused(t.get("status"))) return std::nullopt;
  return time_of(t, "resolution_due");
}

std::optional<long long> first_response_seconds(const Record& t, const Config& config, const Clock& clock) {
  auto opened = opened_at(t), answered = time_of(t, "first_response_at");
  if (!opened || !answered) return std::nullopt;
  return business_seconds_between(config.business_hours, clock, *opened, *answered);
}

std::optional<long long> resolution_seconds(const Record& t, const Config& config, const Clock& clock) {
  auto opened = opened_at(t), solved = time_of(t, "solved_at");
  if (!opened || !solved) return std::nullopt;
  long long total = business_seconds_between(config.business_hours, clock, *opened, *solved);
  return std::max(0LL, total - paused_seconds(t, config, clock, *solved));
}

}  // namespace crm
