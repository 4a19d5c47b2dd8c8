#include "crm/follow_up.hpp"

#include <cstdlib>

namespace crm {

bool advance_follow_up(Record& contact, Seconds at) {
  std::string cadence = contact.get("cadence");
  if (cadence.empty()) return false;
  long days = std::atol(cadence.c_str());
  if (days <= 0) return false;
  std::string next = format_date(date::floor<date::days>(at) + date::days{days});
  // Only forward: an activity logged late (backdated) never pulls a follow-up
  // earlier than one already planned.
  if (contact.get("follow_up") >= next) return false;
  contact.data.set("follow_up", Node::scalar(next, true));
  return true;
}

}  // namespace crm
