// Tasks: completing, reopening, and the next occurrence of a recurring task.
#pragma once

#include <optional>
#include <string>

#include "crm/dates.hpp"
#include "crm/record.hpp"

namespace crm {

// How far apart occurrences are: daily, weekly, monthly, yearly, or
// "every N days|weeks|months|years". nullopt for anything else.
struct Recurrence {
  int count = 1;
  char unit = 'd';  // d, w, m, y
};
std::optional<Recurrence> parse_recurrence(const std::string& text);

// The due date after `due` (a date or a timestamp, which keeps its time);
// nullopt when `due` is neither or the next one would fall after 9999-12-31.
std::optional<std::string> next_due(const std::string& due, const Recurrence& r);

// Marks the task done at `now`. When it recurs and has not made its next
// occurrence yet, returns that occurrence (due from the previous due date)
// and links it from the task as `next`, so doing the same task twice never
// makes two. Its id derives from the task and the new due date: a done that
// was killed between writing the occurrence and the task, run again, finds it.
// Year 9999 ends a recurrence: an occurrence whose next one would fall after
// 9999-12-31 is made without `recur`, and a task whose own next one would is
// completed without making any; `note` says so.
std::optional<Record> complete_task(Record& task, Seconds now, std::string* note = nullptr);

// The id of the occurrence after `task_id`, due `next_due`.
std::string next_occurrence_id(const std::string& task_id, const std::string& next_due);

// Opens a done or canceled task again.
void reopen_task(Record& task);

bool task_is_open(const Record& task);

}  // namespace crm
