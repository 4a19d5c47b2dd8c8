// Duplicates: finding likely duplicate contacts, leads and companies, and
// merging records into one survivor with every reference re-pointed.
#pragma once

#include <string>
#include <vector>

#include "crm/store.hpp"

namespace crm {

struct DuplicateMatch {
  std::string rule;              // email, phone, name (contact, lead); name, domain (company)
  std::string key;               // the value they share, normalised: "ada@engines.example", "079460018", "ada lovelace"
  std::vector<std::string> ids;  // the records of the group that share it
};

struct DuplicateGroup {
  std::string type;
  std::vector<std::string> ids;    // oldest first (by created, then id): ids[0] is the suggested survivor
  std::vector<std::string> names;  // their names, in the same order
  std::vector<DuplicateMatch> matches;
  // "email" or "email, name": the rules that matched, in the order above.
  std::string rules() const;
};

// Groups of records of `type` (contact, lead or company) that look like the
// same person or company: the same email (case-insensitive, `emails`
// included), the same phone (digits only, the last nine compared: country
// codes and trunk zeros do not matter), the same first+last name (or name,
// case and accents folded); companies: the same name with legal suffixes
// (Inc, Ltd, GmbH…) ignored, or the same domain (or website's). Records
// linked by any rule, directly or through others, form one group.
// Throws UsageError for another type.
std::vector<DuplicateGroup> find_duplicates(const Store& store, const std::string& type);

struct MergeOutcome {
  Record before;                     // the survivor as it was
  Record survivor;                   // the survivor merged
  std::vector<std::string> removed;  // the others (removed, or to be removed on a dry run)
  std::vector<std::string> filled;   // fields the survivor took from the others ("title", "emails", "notes"…)
  std::vector<Reference> repointed;  // references moved from an other to the survivor
  bool dry_run = false;
};

// Merges the others into the survivor: the survivor keeps its values, its
// empty fields are filled from the others (in order), emails, phones, tags
// and other lists are united, text fields (notes) that differ are appended;
// every reference to an other in any record (deals' company and contacts,
// tasks' related, activities' with, leads' converted_*, contacts' company…)
// is re-pointed to the survivor; then the others are removed. Written in that
// order, so an interruption leaves at worst a duplicate, never a dangling
// reference. Everything is validated before anything is written. Throws
// NotFound, UsageError (different types, the survivor among the others) or
// InvalidData. `dry_run`: nothing is written.
MergeOutcome merge_records_into(Writer& writer, const std::string& survivor_id,
                                const std::vector<std::string>& other_ids, bool dry_run);

}  // namespace crm
