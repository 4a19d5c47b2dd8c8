// Segments: saved, named filters (`crm segment add --name vip --type contact
// --filter "+vip city=Berlin"`), and `@name` in any filter, meaning
// "matches segment NAME" — evaluated at use, so a segment is always current.
#pragma once

#include <string>
#include <vector>

#include "crm/filter.hpp"
#include "crm/store.hpp"

namespace crm {

// The filter words of a segment's `filter:` text, split as a shell would
// (quotes group, a backslash escapes).
std::vector<std::string> split_filter_words(const std::string& text);

// `args` with every `@name` replaced by its segment's terms (an AND group
// inside an AND group; a segment with `or` distributes), recursively.
// Throws UsageError for an unknown segment (with "did you mean") or one of
// another type; InvalidData, at the filter that closes it, for stored
// segments that refer to each other in a loop (a hand edit or a merge).
std::vector<std::string> expand_segments(const Store& store, const std::vector<std::string>& args,
                                         const Schema& schema);

// The segments `args` names, directly or through the segments those name,
// with the chain that reaches each (["warm", "hot"]: @warm names @hot).
// Names that are no segment are passed over (expand_segments reports them),
// and so is a segment already on the chain (a loop).
struct SegmentReached {
  Record segment;
  std::vector<std::string> chain;
};
std::vector<SegmentReached> segments_reached(const Store& store, const std::vector<std::string>& args);

// The problems of the store's segments, for `crm check`: each whose filter
// does not parse for its type, names a segment that does not exist, or
// refers to itself through others (@a → @b → @a), at the file:line of its
// `filter`; two with the same name.
std::vector<InvalidData> check_segments(const Store& store);

// parse_filter after expand_segments: what every command that takes a
// filter calls.
Filter parse_store_filter(const Store& store, const std::vector<std::string>& args, const Schema& schema);

// The segment hook of the workflow: a name that is a unique word, a type
// that exists, a filter that parses for it. Throws UsageError.
void segment_changed(const Store& store, const Record& segment);

// The campaign hook: the segments it names (segment, exclude) select
// contacts. Throws UsageError.
void campaign_changed(const Store& store, const Record& campaign);

}  // namespace crm
