// ical: open tasks as VTODO, meetings as VEVENT, per RFC 5545.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/ical.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace {

crm::Record record(const std::string& type, const std::string& yaml) {
  crm::Record r;
  r.type = type;
  r.data = crm::parse_yaml(yaml, "test");
  return r;
}

crm::Clock ical_clock() { return crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:04:05Z")); }

std::string ics_of(const std::vector<crm::Record>& records) {
  std::vector<const crm::Record*> ptrs;
  for (const crm::Record& r : records) ptrs.push_back(&r);
  crm::NameOf names = [](const std::string& id) {
    return id == "kada000000000001" ? std::string("Ada Lovelace") : id == "cacme0000000000a" ? "ACME, Inc." : "";
  };
  return crm::write_ical(ptrs, names, ical_clock());
}

// The lines of the file unfolded (RFC 5545 3.1).
std::vector<std::string> unfolded(const std::string& ics) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    std::string line = ics.substr(start, end - start);
    CHECK(line.size() <= 75);
    CHECK(crm::find_invalid_utf8(line) == std::string::npos);
    if (!line.empty() && line[0] == ' ') {
      REQUIRE(!out.empty());
      out.back() += line.substr(1);
    } else {
      out.push_back(line);
    }
    start = end + 2;
  }
  return out;
}

// True when the file holds `line` (after unfolding).
bool has_line(const std::string& ics, const std::string& line) {
  for (const std::string& l : unfolded(ics))
    if (l == line) return true;
  return false;
}

}  // namespace

TEST_CASE("ical durations") {
  CHECK(crm::parse_duration_seconds("30m") == 1800);
  CHECK(crm::parse_duration_seconds("1h15m") == 4500);
  CHECK(crm::parse_duration_seconds("1h") == 3600);
  CHECK(crm::parse_duration_seconds("90") == 5400);
  CHECK(crm::parse_duration_seconds("1:30") == 5400);
  CHECK(crm::parse_duration_seconds("1.5h") == 5400);
  CHECK(crm::parse_duration_seconds("2 hours") == 7200);
  CHECK(crm::parse_duration_seconds("45 min") == 2700);
  CHECK(crm::parse_duration_seconds("soon") == 0);
  CHECK(crm::parse_duration_seconds("") == 0);
  CHECK(crm::ical_duration(4500) == "PT1H15M");
  CHECK(crm::ical_duration(3600) == "PT1H");
  CHECK(crm::ical_duration(1800) == "PT30M");
  CHECK(crm::ical_duration(90) == "PT1M30S");
  CHECK(crm::ical_duration(86400) == "P1D");
}

TEST_CASE("ical writes a calendar with open tasks as VTODO") {
  std::string ics = ics_of({
      record(
          "task",
          "id: tcall00000000001\ntitle: Call Ada; pricing, terms\ndue: 2026-12-01\nstatus: open\n"
          "priority: urgent\nrelated: [kada000000000001, cacme0000000000a]\nnotes: \"Bring the contract\\nand a pen\"\n"
          "created: 2026-11-20T08:00:00Z\nupdated: 2026-11-21T09:30:00Z\n"),
      record("task",
             "id: tmeet00000000002\ntitle: Prepare\ndue: 2026-12-01T14:00:00Z\nstatus: in-progress\npriority: low\n"),
      record("task", "id: tnorm00000000003\ntitle: No date\n"),
      record("task", "id: tdone00000000004\ntitle: Done\nstatus: done\n"),
      record("task", "id: tcanc00000000005\ntitle: Canceled\nstatus: canceled\n"),
  });
  CHECK(ics.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//crm//crm ") == 0);
  CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
  CHECK(has_line(ics, "BEGIN:VTODO"));
  CHECK(has_line(ics, "UID:tcall00000000001@crm"));
  CHECK(has_line(ics, "DTSTAMP:20261121T093000Z"));  // the record's updated
  CHECK(has_line(ics, "CREATED:20261120T080000Z"));
  CHECK(has_line(ics, "SUMMARY:Call Ada\\; pricing\\, terms"));
  CHECK(has_line(ics, "DUE;VALUE=DATE:20261201"));
  CHECK(has_line(ics, "PRIORITY:1"));
  CHECK(has_line(ics, "STATUS:NEEDS-ACTION"));
  CHECK(has_line(ics, "DESCRIPTION:Bring the contract\\nand a pen\\n\\nRelated: Ada Lovelace\\, ACME\\, Inc."));
  CHECK(has_line(ics, "X-CRM-RELATED;X-CRM-ID=kada000000000001:Ada Lovelace"));
  CHECK(has_line(ics, "X-CRM-RELATED;X-CRM-ID=cacme0000000000a:ACME\\, Inc."));
  CHECK(has_line(ics, "DUE:20261201T140000Z"));
  CHECK(has_line(ics, "PRIORITY:9"));
  CHECK(has_line(ics, "STATUS:IN-PROCESS"));
  CHECK(has_line(ics, "PRIORITY:5"));
  CHECK(has_line(ics, "DTSTAMP:20261123T100405Z"));  // no updated: the clock
  CHECK(ics.find("tdone00000000004") == std::string::npos);
  CHECK(ics.find("tcanc00000000005") == std::string::npos);
  size_t todos = 0;
  for (size_t at = ics.find("BEGIN:VTODO"); at != std::string::npos; at = ics.find("BEGIN:VTODO", at + 1)) ++todos;
  CHECK(todos == 3);
}

TEST_CASE("ical writes meetings as VEVENT with a duration") {
  std::string ics = ics_of({
      record("activity",
             "id: ameet00000000001\nkind: meeting\nat: 2026-11-20T15:00:00Z\nsummary: Demo\n"
             "body: Showed the engine\nwith: [kada000000000001]\nduration: 1h15m\n"),
      record("activity", "id: ameet00000000002\nkind: meeting\nat: 2026-11-21T09:00:00Z\nsummary: Lunch\n"),
      record("activity", "id: acall00000000003\nkind: call\nat: 2026-11-21T09:00:00Z\nsummary: Call\n"),
  });
  CHECK(has_line(ics, "BEGIN:VEVENT"));
  CHECK(has_line(ics, "UID:ameet00000000001@crm"));
  CHECK(has_line(ics, "DTSTART:20261120T150000Z"));
  CHECK(has_line(ics, "DURATION:PT1H15M"));
  CHECK(has_line(ics, "SUMMARY:Demo"));
  CHECK(has_line(ics, "DESCRIPTION:Showed the engine\\n\\nWith: Ada Lovelace"));
  CHECK(has_line(ics, "DURATION:PT1H"));  // the default hour
  CHECK(ics.find("acall00000000003") == std::string::npos);
}

TEST_CASE("ical folds long lines at 75 octets without splitting characters") {
  std::string long_notes;
  for (int i = 0; i < 30; ++i) long_notes += "Zoë 最喜欢的客户; ";
  std::string ics = ics_of({record("task", "id: tlong00000000001\ntitle: Long\nnotes: \"" + long_notes + "\"\n")});
  std::vector<std::string> lines = unfolded(ics);
  bool found = false;
  for (const std::string& l : lines)
    if (crm::starts_with(l, "DESCRIPTION:")) {
      found = true;
      CHECK(l.find("Zoë 最喜欢的客户\\; Zoë") != std::string::npos);
    }
  CHECK(found);
}
