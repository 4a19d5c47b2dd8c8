// `crm check`: every record file parsed and validated, every reference
// resolved, ids unique, conflict markers found.
#pragma once

#include <string>
#include <vector>

#include "crm/store.hpp"

namespace crm {

struct Problem {
  std::string message;    // "contacts/x.yaml:7:3: email: …"
  bool conflict = false;  // git conflict markers (exit 4)
};

std::vector<Problem> check_store(const Store& store);

}  // namespace crm
