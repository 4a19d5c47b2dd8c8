// iCalendar (RFC 5545) for a calendar app to subscribe to: open tasks as
// VTODO, meetings as VEVENT, with stable UIDs (<id>@crm), CRLF line ends,
// 75-octet folding and TEXT escaping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/dates.hpp"
#include "crm/filter.hpp"
#include "crm/record.hpp"

namespace crm {

struct IcalOptions {
  std::string calendar_name = "crm";  // X-WR-CALNAME
};

// True for what a calendar shows: an open or in-progress task, a meeting.
bool ical_exports(const Record& record);

// Seconds → an RFC 5545 DURATION: 4500 → "PT1H15M".
std::string ical_duration(long long seconds);

// A VCALENDAR with a VTODO per open task and a VEVENT per meeting among
// `records` (others are left out). `name_of` names related records (task
// `related`, activity `with`) in DESCRIPTION and X-CRM-RELATED. DTSTAMP is
// the record's `updated`, so the same store gives the same bytes; `clock`
// stamps records that have none.
std::string write_ical(const std::vector<const Record*>& records, const NameOf& name_of, const Clock& clock,
                       const IcalOptions& options = {});

}  // namespace crm
