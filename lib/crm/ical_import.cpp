#include "crm/ical_import.hpp"

#include <date/tz.h>
#include <libical/ical.h>

#include <map>
#include <memory>
#include <set>

#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/text.hpp"
#include "crm/workflow.hpp"

namespace crm {

namespace {

constexpr int kMaxOccurrences = 5000;  // in the window, an event
constexpr int kMaxWalk = 200000;       // steps of its rule before the window

struct Freer {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

std::string lower_email(const char* v) {
  if (!v) return "";
  std::string s = v;
  if (s.size() > 7 && to_lower(s.substr(0, 7)) == "mailto:") s = s.substr(7);
  return to_lower(trim(s));
}

// An icaltimetype as an instant: UTC as it is, a zone it carries, a TZID the
// file did not define read as an IANA name, else (floating) the clock's zone.
Seconds instant_of(icaltimetype t, icalproperty* prop, const Clock& clock) {
  if (icaltime_is_null_time(t)) return Seconds{};
  if (icaltime_is_utc(t)) return Seconds{std::chrono::seconds{icaltime_as_timet(t)}};
  if (t.zone && !icaltime_is_date(t)) return Seconds{std::chrono::seconds{icaltime_as_timet_with_zone(t, t.zone)}};
  const date::time_zone* zone = clock.zone;
  if (prop) {
    if (icalparameter* p = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER)) {
      const char* tzid = icalparameter_get_tzid(p);
      try {
        if (tzid) zone = date::locate_zone(tzid);
      } catch (const std::exception&) {
      }
    }
  }
  Clock c = clock;
  c.zone = zone;
  Days day = date::sys_days{date::year_month_day{date::year{t.year}, date::month{static_cast<unsigned>(t.month)},
                                                 date::day{static_cast<unsigned>(t.day)}}};
  std::chrono::seconds tod{icaltime_is_date(t) ? 0 : t.hour * 3600 + t.minute * 60 + t.second};
  return c.at_local(day, tod);
}

}  // namespace

std::vector<IcalEvent> parse_ical_events(const std::string& text, const std::string& source, Seconds from, Seconds to,
                                         const Clock& clock, std::vector<std::string>* problems) {
  icalerror_set_errors_are_fatal(0);
  if (text.find("BEGIN:VCALENDAR") == std::string::npos)
    throw InvalidData(Location{source, 1, 1, ""}, "not an iCalendar file (no BEGIN:VCALENDAR)");
  std::unique_ptr<icalcomponent, Freer> root(icalparser_parse_string(text.c_str()));
  if (!root) throw InvalidData(Location{source, 1, 1, ""}, "libical could not read it as iCalendar");
  std::vector<icalcomponent*> events;
  if (icalcomponent_isa(root.get()) == ICAL_VEVENT_COMPONENT) events.push_back(root.get());
  for (icalcomponent* c = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT))
    events.push_back(c);
  // Occurrences a RECURRENCE-ID component replaces: uid → starts.
  std::map<std::string, std::set<long long>> overridden;
  for (icalcomponent* e : events) {
    icalproperty* rid = icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY);
    const char* uid = icalcomponent_get_uid(e);
    if (rid && uid)
      overridden[uid].insert(instant_of(icalproperty_get_recurrenceid(rid), rid, clock).time_since_epoch().count());
  }
  std::vector<IcalEvent> out;
  for (icalcomponent* e : events) {
    const char* uid = icalcomponent_get_uid(e);
    icalproperty* dtstart = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
    if (!uid || !*uid || !dtstart) {
      if (problems)
        problems->push_back(std::string(uid && *uid ? uid : "an event") + ": " + (dtstart ? "no UID" : "no DTSTART") +
                            "; left out");
      continue;
    }
    IcalEvent base;
    base.uid = uid;
    auto str = [](const char* s) { return s ? std::string(s) : std::string(); };
    base.summary = trim(str(icalcomponent_get_summary(e)));
    base.description = str(icalcomponent_get_description(e));
    base.location = str(icalcomponent_get_location(e));
    base.cancelled = icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED;
    icaltimetype start = icalproperty_get_dtstart(dtstart);
    base.start = instant_of(start, dtstart, clock);
    if (icalproperty* dtend = icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY)) {
      Seconds end = instant_of(icalproperty_get_dtend(dtend), dtend, clock);
      base.duration_seconds = std::max<long long>(0, (end - base.start).count());
    } else if (icalproperty* dur = icalcomponent_get_first_property(e, ICAL_DURATION_PROPERTY)) {
      base.duration_seconds = std::max(0, icaldurationtype_as_int(icalproperty_get_duration(dur)));
    }
    for (icalproperty* p = icalcomponent_get_first_property(e, ICAL_ATTENDEE_PROPERTY); p;
         p = icalcomponent_get_next_property(e, ICAL_ATTENDEE_PROPERTY))
      if (std::string m = lower_email(icalproperty_get_attendee(p)); !m.empty()) base.emails.push_back(m);
    if (icalproperty* p = icalcomponent_get_first_property(e, ICAL_ORGANIZER_PROPERTY))
      if (std::string m = lower_email(icalproperty_get_organizer(p)); !m.empty()) base.emails.push_back(m);
    icalproperty* rid = icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY);
    icalproperty* rrule = icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY);
    if (rid) {  // one occurrence, replacing the series' own
      base.instance = format_datetime(instant_of(icalproperty_get_recurrenceid(rid), rid, clock));
      out.push_back(base);
      continue;
    }
    if (!rrule) {
      out.push_back(base);
      continue;
    }
    std::set<long long> skip = overridden[base.uid];
    for (icalproperty* x = icalcomponent_get_first_property(e, ICAL_EXDATE_PROPERTY); x;
         x = icalcomponent_get_next_property(e, ICAL_EXDATE_PROPERTY))
      skip.insert(instant_of(icalproperty_get_exdate(x), x, clock).time_since_epoch().count());
    icalrecur_iterator* it = icalrecur_iterator_new(icalproperty_get_rrule(rrule), start);
    if (!it) {
      if (problems) problems->push_back(base.uid + ": its RRULE cannot be expanded; left out");
      continue;
    }
    Seconds first = base.start;
    // Jump to the window (two days early, for zones): a daily event since 2010
    // must reach it. An RRULE with COUNT cannot jump; it walks, within bounds.
    if (from > first) {
      time_t jump =
          std::chrono::duration_cast<std::chrono::seconds>((from - std::chrono::hours(48)).time_since_epoch()).count();
      icaltimezone* zone = const_cast<icaltimezone*>(start.zone ? start.zone : icaltimezone_get_utc_timezone());
      icaltimetype at = icaltime_from_timet_with_zone(jump, icaltime_is_date(start), zone);
      if (!icaltime_is_date(start)) {
        at.hour = start.hour;
        at.minute = start.minute;
        at.second = start.second;
      }
      icalrecur_iterator_set_start(it, at);
      icalerror_clear_errno();
    }
    int n = 0, walked = 0;
    for (icaltimetype t = icalrecur_iterator_next(it);
         !icaltime_is_null_time(t) && n < kMaxOccurrences && walked < kMaxWalk; t = icalrecur_iterator_next(it)) {
      ++walked;
      // The iterator gives wall times in DTSTART's zone (or UTC).
      icaltimetype occ = t;
      occ.zone = start.zone;
      Seconds at = instant_of(occ, dtstart, clock);
      if (at < first) continue;
      if (at >= to) break;
      if (at < from || skip.count(at.time_since_epoch().count())) continue;
      IcalEvent one = base;
      one.start = at;
      one.instance = format_datetime(at);
      out.push_back(one);
      ++n;
    }
    icalrecur_iterator_free(it);
  }
  return out;
}

IcalImportResult import_ical(Writer& writer, const std::string& text, const std::string& source, Seconds from,
                             Seconds to, bool dry_run) {
  const Store& store = writer.store();
  IcalImportResult result;
  std::vector<IcalEvent> events = parse_ical_events(text, source, from, to, store.clock(), &result.problems);
  const Schema& contacts = store.schemas().get("contact");
  const Schema& activities = store.schemas().get("activity");
  std::map<std::string, std::pair<std::string, std::string>> by_email;  // email → contact id, company id
  std::vector<std::string> want = {"email", "emails", "company"};
  for (const Record& c : store.load_all(contacts, &want).records) {
    std::vector<std::string> emails = {c.get("email")};
    if (const Node* more = c.data.find("emails"); more && more->is_sequence())
      for (const Node& e : more->items) emails.push_back(e.text);
    for (const std::string& e : emails)
      if (!e.empty()) by_email.emplace(to_lower(e), std::make_pair(c.id(), c.get("company")));
  }
  for (const IcalEvent& ev : events) {
    if (ev.cancelled) {
      ++result.cancelled;
      continue;
    }
    std::vector<std::string> with;
    auto add = [&](const std::string& id) {
      if (!id.empty() && std::find(with.begin(), with.end(), id) == with.end()) with.push_back(id);
    };
    for (const std::string& e : ev.emails)
      if (auto it = by_email.find(e); it != by_email.end()) add(it->second.first);
    if (with.empty()) {
      ++result.unknown;
      continue;
    }
    for (const std::string& e : ev.emails)
      if (auto it = by_email.find(e); it != by_email.end()) add(it->second.second);
    Record r;
    r.type = "activity";
    std::string id = derived_id("ical:" + ev.uid + "/" + ev.instance);
    r.data.set("id", Node::scalar(id));
    r.data.set("kind", Node::scalar("meeting"));
    r.data.set("at", Node::scalar(format_datetime(ev.start), true));
    std::string summary = ev.summary.empty() ? "(no title)" : ev.summary;
    for (char& c : summary)
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    r.data.set("summary", Node::scalar(summary));
    std::string body = ev.description;
    if (!ev.location.empty()) body = "Location: " + ev.location + (body.empty() ? "" : "\n\n" + body);
    if (!body.empty()) r.data.set("body", Node::scalar(body));
    Node refs = Node::sequence();
    for (const std::string& w : with) refs.items.push_back(Node::scalar(w));
    r.data.set("with", refs);
    if (ev.duration_seconds > 0) {
      long long m = ev.duration_seconds / 60;
      std::string d = (m >= 60 ? std::to_string(m / 60) + "h" : "") + (m % 60 ? std::to_string(m % 60) + "m" : "");
      if (!d.empty()) r.data.set("duration", Node::scalar(d));
    }
    r.data.set("external_ids",
               Node::sequence({Node::scalar("ical:" + ev.uid + (ev.instance.empty() ? "" : "/" + ev.instance))}));
    if (store.exists(activities, id)) {
      Record old = store.load(activities, id);
      Record merged = old;
      for (const auto& [k, v] : r.data.entries) merged.data.set(k, v);
      for (const char* f : {"body", "duration"})
        if (!r.data.find(f)) merged.data.erase(f);
      if (merged.data.same_value(old.data)) {
        ++result.unchanged;
        continue;
      }
      ++result.updated;
      if (!dry_run) write_with_effects(writer, merged, &old, false);
      continue;
    }
    ++result.created;
    if (!dry_run) write_with_effects(writer, r, nullptr, true);
  }
  return result;
}

}  // namespace crm
