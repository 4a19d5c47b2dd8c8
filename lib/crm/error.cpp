#include "crm/error.hpp"

namespace crm {

std::string Location::str() const {
  std::string out = file;
  if (!file.empty() && line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (!field.empty()) {
    if (!out.empty()) out += ": ";
    out += field;
  }
  return out;
}

static std::string compose(const Location& where, const std::string& message) {
  std::string prefix = where.str();
  return prefix.empty() ? message : prefix + ": " + message;
}

InvalidData::InvalidData(Location where, const std::string& message)
    : Error(compose(where, message)), where_(std::move(where)), message_(message) {}

InvalidData InvalidData::in_file(const std::string& file) const {
  Location w = where_;
  if (w.file.empty()) w.file = file;
  return InvalidData(w, message_);
}

}  // namespace crm
