#include "crm/segments.hpp"

#include <algorithm>
#include <map>

#include "crm/derived_fields.hpp"
#include "crm/error.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

constexpr int kMaxDepth = 8;

using Groups = std::vector<std::vector<std::string>>;  // OR of ANDs

Groups split_groups(const std::vector<std::string>& args) {
  Groups out(1);
  for (const std::string& a : args) {
    if (a == "or")
      out.emplace_back();
    else
      out.back().push_back(a);
  }
  return out;
}

bool is_segment_word(const std::string& n) {
  if (n.empty() || n.size() > 64) return false;
  for (char c : n)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return false;
  return true;
}

// `adding`: the segment being added or changed ("" when a filter is used):
// a loop through it is the user's to fix (UsageError); any other is in the
// stored segments (InvalidData at the filter that closes it).
Groups expand(const Store& store, const std::vector<std::string>& args, const Schema& schema,
              const std::map<std::string, Record>& segments, std::vector<std::string>& stack,
              const std::string& adding) {
  Groups out;
  for (const std::vector<std::string>& group : split_groups(args)) {
    Groups alternatives(1);
    for (const std::string& term : group) {
      if (term.size() < 2 || term[0] != '@') {
        for (auto& alt : alternatives) alt.push_back(term);
        continue;
      }
      std::string name = term.substr(1);
      auto it = segments.find(to_lower(name));
      if (it == segments.end()) {
        std::vector<std::string> names, words;
        for (const auto& [n, r] : segments) names.push_back(r.get("name")), words.push_back("@" + r.get("name"));
        throw UsageError("no segment @" + escape_for_terminal(name) + did_you_mean("@" + name, words) +
                         (names.empty() ? " (none yet: crm segment add --name NAME --type TYPE --filter …)"
                                        : " (segments: @" + join(names, ", @") + ")"));
      }
      const Record& seg = it->second;
      if (seg.get("of") != schema.type)
        throw UsageError("segment @" + seg.get("name") + " selects " + seg.get("of") + " records, not " + schema.type +
                         " records");
      for (const std::string& s : stack) {
        if (s != it->first) continue;
        std::string loop =
            "segment @" + seg.get("name") + " refers to itself: @" + join(stack, " → @") + " → @" + seg.get("name");
        if (it->first == adding) throw UsageError(loop);
        const Record& closing = segments.at(stack.back());
        const Node* f = closing.data.find("filter");
        throw InvalidData(Location{closing.path, f ? f->line : 0, f ? f->column : 0, "filter"}, loop);
      }
      if (stack.size() >= kMaxDepth) throw UsageError("segments nest deeper than " + std::to_string(kMaxDepth));
      stack.push_back(it->first);
      Groups inner = expand(store, split_filter_words(seg.get("filter")), schema, segments, stack, adding);
      stack.pop_back();
      Groups next;
      for (const auto& alt : alternatives)
        for (const auto& in : inner) {
          std::vector<std::string> g = alt;
          g.insert(g.end(), in.begin(), in.end());
          next.push_back(std::move(g));
        }
      alternatives = std::move(next);
    }
    for (auto& alt : alternatives) out.push_back(std::move(alt));
  }
  return out;
}

std::map<std::string, Record> load_segments(const Store& store) {
  std::map<std::string, Record> out;
  const Schema* s = store.schemas().find("segment");
  if (!s) return out;
  for (Record& r : store.load_all(*s).records) {
    std::string key = to_lower(r.get("name"));
    if (!key.empty()) out.emplace(key, std::move(r));
  }
  return out;
}

}  // namespace

std::vector<std::string> split_filter_words(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote)
        quote = 0;
      else if (c == '\\' && quote == '"' && i + 1 < text.size())
        cur += text[++i];
      else
        cur += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < text.size()) {
      cur += text[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) out.push_back(cur);
      cur.clear();
      in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (quote) throw UsageError("unclosed quote in filter \"" + escape_for_terminal(text) + "\"");
  if (in_word) out.push_back(cur);
  return out;
}

std::vector<std::string> expand_segments(const Store& store, const std::vector<std::string>& args,
                                         const Schema& schema) {
  bool any = false;
  for (const std::string& a : args) any = any || (a.size() > 1 && a[0] == '@');
  if (!any) return args;
  std::vector<std::string> stack;
  Groups groups = expand(store, args, schema, load_segments(store), stack, "");
  std::vector<std::string> out;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (i) out.push_back("or");
    out.insert(out.end(), groups[i].begin(), groups[i].end());
  }
  return out;
}

Filter parse_store_filter(const Store& store, const std::vector<std::string>& args, const Schema& schema) {
  return parse_filter(expand_segments(store, args, schema), schema, store.clock(), store.config().stage_names());
}

std::vector<SegmentReached> segments_reached(const Store& store, const std::vector<std::string>& args) {
  std::map<std::string, Record> segments = load_segments(store);
  std::vector<SegmentReached> out;
  // Depth first, as the filter reads: (words, chain so far).
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> todo = {{args, {}}};
  while (!todo.empty() && out.size() < 1000) {
    auto [words, chain] = std::move(todo.back());
    todo.pop_back();
    for (auto w = words.rbegin(); w != words.rend(); ++w) {
      if (w->size() < 2 || (*w)[0] != '@') continue;
      auto it = segments.find(to_lower(w->substr(1)));
      if (it == segments.end() || std::find(chain.begin(), chain.end(), it->first) != chain.end()) continue;
      std::vector<std::string> next = chain;
      next.push_back(it->first);
      out.push_back({it->second, next});
      try {
        todo.push_back({split_filter_words(it->second.get("filter")), next});
      } catch (const Error&) {
      }
    }
  }
  return out;
}

std::vector<InvalidData> check_segments(const Store& store) {
  std::vector<InvalidData> out;
  std::map<std::string, std::string> seen;  // name → the file of the first
  const Schema* schema = store.schemas().find("segment");
  if (!schema) return out;
  for (const Record& r : store.load_all(*schema).records) {
    auto at = [&r](const char* field) {
      const Node* n = r.data.find(field);
      return Location{r.path, n ? n->line : 0, n ? n->column : 0, field};
    };
    std::string key = to_lower(r.get("name"));
    if (auto [it, fresh] = seen.emplace(key, r.path); !fresh) {
      out.emplace_back(at("name"),
                       "segment @" + r.get("name") + " is also " + it->second + "; segment names are unique");
      continue;
    }
    if (!is_segment_word(r.get("name"))) {
      out.emplace_back(at("name"), "\"" + escape_for_terminal(r.get("name")) +
                                       "\" is not a word (letters, digits, _ and -): it is written @NAME in filters");
      continue;
    }
    if (!store.schemas().find(r.get("of"))) {
      out.emplace_back(at("of"), "no record type \"" + escape_for_terminal(r.get("of")) + "\"");
      continue;
    }
    try {
      segment_changed(store, r);
    } catch (const Conflict&) {
      // the same name twice: said above, at the second
    } catch (const Error& e) {
      out.emplace_back(at("filter"), e.what());
    }
  }
  return out;
}

void segment_changed(const Store& store, const Record& segment) {
  std::string name = segment.get("name");
  if (!is_segment_word(name))
    throw UsageError("segment name \"" + escape_for_terminal(name) +
                     "\" is not a word (letters, digits, _ and -): it is written @NAME in filters");
  const Schema& of = store.schemas().get(segment.get("of"));  // UsageError naming the types
  if (of.type == "segment") throw UsageError("a segment selects records of another type, not segments");
  for (const auto& [key, other] : load_segments(store))
    if (key == to_lower(name) && other.id() != segment.id())
      throw Conflict("segment @" + other.get("name") + " exists (" + other.id() + "); segment names are unique");
  // The filter must parse for its type, @segments included (a loop through this one too).
  std::map<std::string, Record> segments = load_segments(store);
  segments[to_lower(name)] = segment;
  std::vector<std::string> stack = {to_lower(name)};
  Groups groups = expand(store, split_filter_words(segment.get("filter")), of, segments, stack, to_lower(name));
  std::vector<std::string> flat;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (i) flat.push_back("or");
    flat.insert(flat.end(), groups[i].begin(), groups[i].end());
  }
  parse_filter(flat, with_derived_fields(of), store.clock(), store.config().stage_names());  // revenue>1000 too
}

void campaign_changed(const Store& store, const Record& campaign) {
  const Schema& segment = store.schemas().get("segment");
  for (const char* field : {"segment", "exclude"}) {
    std::string id = campaign.get(field);
    if (id.empty() || !store.exists(segment, id)) continue;  // a dangling reference is the store's to refuse
    Record s = store.load(segment, id);
    if (s.get("of") != "contact")
      throw UsageError(std::string(field) + ": segment @" + s.get("name") + " selects " + s.get("of") +
                       " records; a campaign goes to contacts");
  }
}

}  // namespace crm
