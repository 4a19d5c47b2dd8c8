// The filter language of `list`: terms ANDed, `or` between groups.
//   field=value  field!=value  field>value  >=  <  <=  field~text
//   +tag  tag!=x  a bare word (full text)  or
// Values compare by the field's type: dates as dates (relative dates
// resolved once, against the store's clock), amounts as exact decimals,
// text case-insensitively; a reference matches by id or by the name of the
// record it names. `field=` matches an unset field, `field!=` a set one.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crm/dates.hpp"
#include "crm/decimal.hpp"
#include "crm/record.hpp"
#include "crm/schema.hpp"

namespace crm {

struct Term {
  enum class Op { Eq, Ne, Gt, Ge, Lt, Le, Contains, HasTag, Word };
  Op op = Op::Word;
  std::string field;  // path: "email", "address.city"; "" for Word
  std::string value;
  const Field* def = nullptr;     // nullptr for id/created/updated/Word
  std::optional<DateValue> date;  // the value as a date, when the field is one
  std::optional<Decimal> number;  // the value as a number, when the field is one
  // An ordered field (an enum in schema order, a deal's stage in pipeline
  // order): < and > compare positions, so priority>=high is high or urgent.
  std::vector<std::string> order;
};

// Looks up the display name of a referenced record by id ("" when unknown).
using NameOf = std::function<std::string(const std::string& id)>;

class Filter {
 public:
  bool empty() const { return groups_.empty(); }
  bool matches(const Record& record, const NameOf& name_of = {}) const;
  const std::vector<std::vector<Term>>& groups() const { return groups_; }
  // The top-level fields the terms read; false when a bare word reads them all.
  bool fields_used(std::vector<std::string>& out) const;

 private:
  friend Filter parse_filter(const std::vector<std::string>& args, const Schema& schema, const Clock& clock,
                             const std::vector<std::string>& stages);
  std::vector<std::vector<Term>> groups_;  // OR of ANDs
};

// Throws UsageError naming an unknown field, a value that is no date for a
// date field, an enum value (or, given `stages`, a deal stage) that does not
// exist, or a dangling `or`. `stages`: the store's pipeline, in order.
Filter parse_filter(const std::vector<std::string>& args, const Schema& schema, const Clock& clock,
                    const std::vector<std::string>& stages = {});

}  // namespace crm
