#include "crm/task_workflow.hpp"

#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/text.hpp"

namespace crm {

using namespace date;

std::optional<Recurrence> parse_recurrence(const std::string& text) {
  std::string t = to_lower(trim(text));
  if (t == "daily") return Recurrence{1, 'd'};
  if (t == "weekly") return Recurrence{1, 'w'};
  if (t == "monthly") return Recurrence{1, 'm'};
  if (t == "yearly" || t == "annually") return Recurrence{1, 'y'};
  auto words = split(t, ' ');
  if (words.size() == 3 && words[0] == "every") {
    int n = 0;
    if (words[1].size() > 4) return std::nullopt;  // every 9999 years at most
    for (char c : words[1]) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    if (n <= 0) return std::nullopt;
    std::string unit = words[2];
    if (unit.back() == 's') unit.pop_back();
    if (unit == "day") return Recurrence{n, 'd'};
    if (unit == "week") return Recurrence{n, 'w'};
    if (unit == "month") return Recurrence{n, 'm'};
    if (unit == "year") return Recurrence{n, 'y'};
  }
  return std::nullopt;
}

namespace {

Days add(Days d, const Recurrence& r) {
  switch (r.unit) {
    case 'd':
      return d + days{r.count};
    case 'w':
      return d + days{7 * r.count};
    default: {
      year_month_day ymd{d};
      year_month ym = ymd.year() / ymd.month();
      ym += months{r.unit == 'y' ? 12 * r.count : r.count};
      auto last_day = (ym / last).day();
      return sys_days{ym / (ymd.day() > last_day ? last_day : ymd.day())};
    }
  }
}

}  // namespace

std::optional<std::string> next_due(const std::string& due, const Recurrence& r) {
  // At most 9999 years ahead of a year of four digits: date's arithmetic never overflows.
  auto within = [](Days d) { return year_month_day{d} <= kLastDay; };
  if (auto t = parse_iso_datetime(due)) {
    Days d = floor<days>(*t);
    Days next = add(d, r);
    if (!within(next)) return std::nullopt;
    return format_datetime(Seconds{next} + (*t - Seconds{d}));
  }
  if (auto d = parse_iso_date(due)) {
    Days next = add(*d, r);
    if (!within(next)) return std::nullopt;
    return format_date(next);
  }
  return std::nullopt;
}

bool task_is_open(const Record& task) {
  std::string s = task.get("status");
  return s.empty() || s == "open" || s == "in-progress";
}

std::string next_occurrence_id(const std::string& task_id, const std::string& next_due) {
  return derived_id("task-next:" + task_id + ":" + next_due);
}

std::optional<Record> complete_task(Record& task, Seconds now, std::string* note) {
  task.data.set("status", Node::scalar("done"));
  task.data.set("completed_at", Node::scalar(format_datetime(now), true));
  std::string recur = task.get("recur");
  if (recur.empty() || !task.get("next").empty()) return std::nullopt;
  auto r = parse_recurrence(recur);
  if (!r)
    throw InvalidData(
        Location{task.path, 0, 0, "recur"},
        "\"" + escape_for_terminal(recur) + "\" is not a recurrence (daily, weekly, monthly, yearly, every N days)");
  std::string due = task.get("due");
  if (due.empty()) throw InvalidData(Location{task.path, 0, 0, "due"}, "a recurring task needs a due date");
  std::optional<std::string> due_next = next_due(due, *r);
  if (!due_next) {
    if (!parse_iso_date(due) && !parse_iso_datetime(due))
      throw InvalidData(Location{task.path, 0, 0, "due"}, "\"" + escape_for_terminal(due) + "\" is not a date");
    if (note)
      *note = "the recurrence of " + task.get("title") + " ends: the occurrence after " + due +
              " would fall after 9999-12-31";
    return std::nullopt;
  }
  Record next;
  next.type = "task";
  // The same task done twice (or a done interrupted and run again) makes the same occurrence.
  next.data.set("id", Node::scalar(next_occurrence_id(task.id(), *due_next)));
  for (const auto& [k, v] : task.data.entries) {
    if (k == "id" || k == "status" || k == "completed_at" || k == "next" || k == "created" || k == "updated") continue;
    Node copy = v;
    copy.line = copy.column = 0;
    next.data.set(k, copy);
  }
  next.data.set("due", Node::scalar(*due_next, true));
  next.data.set("status", Node::scalar("open"));
  // The last occurrence before year 10000 does not recur: it can be completed too.
  if (!next_due(*due_next, *r)) {
    next.data.erase("recur");
    if (note)
      *note = "the occurrence of " + task.get("title") + " due " + *due_next +
              " is the last: the one after would fall after 9999-12-31";
  }
  task.data.set("next", Node::scalar(next.id()));
  return next;
}

void reopen_task(Record& task) {
  task.data.set("status", Node::scalar("open"));
  task.data.erase("completed_at");
}

}  // namespace crm
