#include "crm/ical.hpp"

#include <cmath>
#include <cstdlib>

#include "crm/content_line.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

std::string basic(const std::string& iso) {  // 2026-11-23T10:04:05Z → 20261123T100405Z
  std::string out;
  for (char c : iso)
    if (c != '-' && c != ':') out += c;
  return out;
}

std::string stamp_of(const Record& r, const Clock& clock) {
  std::string u = r.get("updated");
  if (auto t = parse_iso_datetime(u)) return basic(format_datetime(*t));
  return basic(format_datetime(clock.now));
}

std::vector<std::string> refs_of(const Record& r, const std::string& field) {
  std::vector<std::string> ids;
  if (const Node* n = r.find(field)) {
    if (n->is_scalar() && !n->text.empty()) ids.push_back(n->text);
    for (const Node& i : n->items) ids.push_back(i.text);
  }
  return ids;
}

}  // namespace

bool ical_exports(const Record& r) {
  if (r.type == "task") {
    std::string s = r.get("status");
    return s.empty() || s == "open" || s == "in-progress";
  }
  return r.type == "activity" && r.get("kind") == "meeting";
}

std::string ical_duration(long long s) {
  if (s <= 0) return "PT0S";
  std::string out = "P";
  if (s >= 86400 && s % 86400 == 0) return out + std::to_string(s / 86400) + "D";
  out += "T";
  if (s >= 3600) out += std::to_string(s / 3600) + "H";
  if (s % 3600 >= 60) out += std::to_string(s % 3600 / 60) + "M";
  if (s % 60) out += std::to_string(s % 60) + "S";
  return out;
}

std::string write_ical(const std::vector<const Record*>& records, const NameOf& name_of, const Clock& clock,
                       const IcalOptions& o) {
  std::string out;
  auto line = [&](const std::string& l) { out += fold_content_line(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//crm//crm " CRM_VERSION "//EN");
  line("CALSCALE:GREGORIAN");
  if (!o.calendar_name.empty()) line("X-WR-CALNAME:" + escape_text_value(o.calendar_name));
  for (const Record* rp : records) {
    const Record& r = *rp;
    if (!ical_exports(r)) continue;
    bool task = r.type == "task";
    std::vector<std::string> related = refs_of(r, task ? "related" : "with");
    std::vector<std::string> names;
    for (const std::string& id : related) {
      std::string n = name_of ? name_of(id) : "";
      names.push_back(n.empty() ? id : n);
    }
    std::string description = trim(r.get(task ? "notes" : "body"));
    if (!names.empty())
      description +=
          (description.empty() ? "" : "\n\n") + std::string(task ? "Related: " : "With: ") + join(names, ", ");

    line(task ? "BEGIN:VTODO" : "BEGIN:VEVENT");
    line("UID:" + r.id() + "@crm");
    line("DTSTAMP:" + stamp_of(r, clock));
    if (auto c = parse_iso_datetime(r.get("created"))) line("CREATED:" + basic(format_datetime(*c)));
    if (auto u = parse_iso_datetime(r.get("updated"))) line("LAST-MODIFIED:" + basic(format_datetime(*u)));
    if (task) {
      line("SUMMARY:" + escape_text_value(r.get("title")));
      std::string due = r.get("due");
      if (auto d = parse_iso_date(due)) {
        line("DUE;VALUE=DATE:" + basic(format_date(*d)));
      } else if (auto t = parse_iso_datetime(due)) {
        line("DUE:" + basic(format_datetime(*t)));
      }
      std::string p = r.get("priority");
      line("PRIORITY:" + std::string(p == "urgent" || p == "high" ? "1" : p == "low" ? "9" : "5"));
      line(std::string("STATUS:") + (r.get("status") == "in-progress" ? "IN-PROCESS" : "NEEDS-ACTION"));
    } else {
      std::string at = r.get("at");
      auto start = parse_iso_datetime(at);
      line("DTSTART:" + basic(format_datetime(start ? *start : clock.now)));
      long long seconds = parse_duration_seconds(r.get("duration"));
      line("DURATION:" + ical_duration(seconds > 0 ? seconds : 3600));
      line("SUMMARY:" + escape_text_value(r.get("summary")));
    }
    if (!description.empty()) line("DESCRIPTION:" + escape_text_value(description));
    for (size_t i = 0; i < related.size(); ++i)
      line("X-CRM-RELATED;X-CRM-ID=" + related[i] + ":" + escape_text_value(names[i]));
    line(task ? "END:VTODO" : "END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace crm
