// `crm import ical FILE`: calendar events (RFC 5545, read with libical) as
// meeting activities — time zones resolved, recurrences expanded only within
// a window, attendees matched to contacts by email, idempotent by UID.
#pragma once

#include <string>
#include <vector>

#include "crm/dates.hpp"
#include "crm/store.hpp"

namespace crm {

// One occurrence of an event.
struct IcalEvent {
  std::string uid;
  std::string instance;  // "" for a single event; the occurrence's start (UTC) for a recurring one
  std::string summary, description, location;
  Seconds start{};
  long long duration_seconds = 0;
  std::vector<std::string> emails;  // attendees and organizer, lower-cased
  bool cancelled = false;
};

// The events of a VCALENDAR text: every single event, and the occurrences of
// a recurring one that start in [from, to).
// A TZID is resolved by the file's VTIMEZONE, else as an IANA name, else the
// clock's zone (a floating time too); an all-day event starts at local
// midnight. Recurrences (RRULE, minus EXDATE, with RECURRENCE-ID overrides)
// are expanded within the window only, at most 5,000 occurrences an event.
// Throws InvalidData (naming `source`) when the text is no calendar;
// `problems` gets "UID: reason" for events left out (no DTSTART, no UID).
std::vector<IcalEvent> parse_ical_events(const std::string& text, const std::string& source, Seconds from, Seconds to,
                                         const Clock& clock, std::vector<std::string>* problems);

struct IcalImportResult {
  size_t created = 0, updated = 0, unchanged = 0, unknown = 0, cancelled = 0;
  std::vector<std::string> problems;
};

// Each occurrence with at least one known contact (by `email` or `emails`,
// case-insensitively) becomes a meeting activity `with` its contacts and
// their companies; its id derives from the UID and the occurrence, so a
// re-import (or another clone's) makes the same file, and a changed event
// updates it. Cancelled events are left out. Nothing written when `dry_run`.
IcalImportResult import_ical(Writer& writer, const std::string& text, const std::string& source, Seconds from,
                             Seconds to, bool dry_run);

}  // namespace crm
