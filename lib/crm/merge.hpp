// Three-way merge of one record, field by field: git's merge driver
// (`crm merge-file %O %A %B %P`).
//
// Different fields changed on each side merge cleanly; the same change on
// both sides is no conflict; lists of scalars (tags, emails, references)
// merge as sets with deletions honoured; maps merge key by key; `updated`
// takes the later stamp; `stage_history` is the union in time order; a
// lead's computed `score`, the higher (sync scores it again). Only a
// field both sides changed differently is a conflict, marked in the file with
// git's markers around that field alone.
#pragma once

#include <string>
#include <vector>

#include "crm/node.hpp"
#include "crm/schema.hpp"

namespace crm {

struct MergeResult {
  std::string text;                    // the merged file (with markers when conflicted)
  std::vector<std::string> conflicts;  // the fields both sides changed differently
  Node merged;                         // the merged data; a conflicted field holds ours
};

// Merges three versions of a record's data (maps). `schema` orders the result
// (nullptr: keep ours' order).
MergeResult merge_records(const Node& base, const Node& ours, const Node& theirs, const Schema* schema,
                          const std::string& ours_label = "ours", const std::string& theirs_label = "theirs");

}  // namespace crm
