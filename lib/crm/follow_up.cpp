#include "crm/follow_up.hpp"

#include "crm/text.hpp"

namespace crm {

bool advance_follow_up(Record& contact, const Field& cadence_field, Seconds at, std::string* problem) {
  std::string cadence = contact.get(cadence_field.name);
  if (cadence.empty()) return false;
  // A write refuses a cadence outside the schema's range, but a file may hold anything.
  std::string msg = check_scalar(cadence_field, cadence);
  if (msg.empty()) msg = check_written_scalar(cadence_field, cadence);
  // Whatever the schema says, more than 10,000 years passes 9999-12-31 from any day.
  long long days = msg.empty() ? std::stoll(cadence) : 0;
  if (msg.empty() && (days <= 0 || days > 3652500)) msg = "\"" + cadence + "\" is not a number of days";
  Days next_day{};
  if (msg.empty()) {
    next_day = date::floor<date::days>(at) + date::days{static_cast<int>(days)};
    if (date::year_month_day{next_day} > kLastDay) msg = "the follow-up would fall after 9999-12-31";
  }
  if (!msg.empty()) {
    if (problem)
      *problem = Location{contact.path, 0, 0, cadence_field.name}.str() + ": " + msg + "; follow_up not moved";
    return false;
  }
  std::string next = format_date(next_day);
  // Only forward: an activity logged late (backdated) never pulls a follow-up
  // earlier than one already planned.
  if (contact.get("follow_up") >= next) return false;
  contact.data.set("follow_up", Node::scalar(next, true));
  return true;
}

}  // namespace crm
