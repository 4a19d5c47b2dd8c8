#include "crm/config_edit.hpp"

#include <algorithm>

#include "crm/error.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

struct Line {
  std::string text;
  int indent = 0;
  std::string key;  // "" for blank, comment, list item or continuation lines
};

std::vector<Line> lines_of(const std::string& text) {
  std::vector<Line> out;
  std::vector<std::string> raw = split(text, '\n');
  if (!raw.empty() && raw.back().empty()) raw.pop_back();
  for (std::string& t : raw) {
    Line l;
    l.text = t;
    size_t i = t.find_first_not_of(' ');
    l.indent = i == std::string::npos ? 0 : static_cast<int>(i);
    if (i != std::string::npos && t[i] != '#' && t[i] != '-') {
      size_t colon = t.find(':', i);
      if (colon != std::string::npos && (colon + 1 == t.size() || t[colon + 1] == ' ')) l.key = t.substr(i, colon - i);
    }
    out.push_back(std::move(l));
  }
  return out;
}

std::string text_of(const std::vector<Line>& lines) {
  std::string out;
  for (const Line& l : lines) out += l.text + "\n";
  return out;
}

// The index of the line holding `parts` (a path of keys), or -1; `block_end`
// is set to the line after its block (its nested lines).
int find_key(const std::vector<Line>& lines, const std::vector<std::string>& parts, size_t& block_end) {
  size_t from = 0, to = lines.size();
  int indent = 0, found = -1;
  for (const std::string& part : parts) {
    found = -1;
    for (size_t i = from; i < to; ++i)
      if (lines[i].indent == indent && lines[i].key == part) {
        found = static_cast<int>(i);
        break;
      }
    if (found < 0) return -1;
    size_t end = static_cast<size_t>(found) + 1;
    while (end < to && (lines[end].text.find_first_not_of(' ') == std::string::npos || lines[end].indent > indent ||
                        lines[end].text[lines[end].indent] == '#'))
      ++end;
    // Trailing blank and comment lines belong to what follows.
    while (end > static_cast<size_t>(found) + 1 && (lines[end - 1].text.find_first_not_of(' ') == std::string::npos ||
                                                    lines[end - 1].text[lines[end - 1].indent] == '#'))
      --end;
    block_end = end;
    from = static_cast<size_t>(found) + 1;
    to = end;
    // Nested keys are indented by whatever the file uses: take the first one's.
    indent = from < to ? lines[from].indent : indent + 2;
    for (size_t i = from; i < to; ++i)
      if (!lines[i].key.empty()) {
        indent = lines[i].indent;
        break;
      }
  }
  return found;
}

// The comment at the end of a "key: value  # comment" line, or "".
std::string trailing_comment(const std::string& line) {
  bool single = false, dbl = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\'' && !dbl) single = !single;
    if (c == '"' && !single && (i == 0 || line[i - 1] != '\\')) dbl = !dbl;
    if (c == '#' && !single && !dbl && i > 0 && line[i - 1] == ' ') return line.substr(i);
  }
  return "";
}

}  // namespace

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> kKeys = {"currency",
                                                 "timezone",
                                                 "pipeline",
                                                 "owners",
                                                 "git.autocommit",
                                                 "fields",
                                                 "sla",
                                                 "business_hours",
                                                 "assignment.ticket",
                                                 "gross_margin",
                                                 "churn_after",
                                                 "mail.me",
                                                 "mail.support",
                                                 "mail.keep",
                                                 "mail.new_contacts",
                                                 "mail.ignore",
                                                 "forms",
                                                 "serve.token",
                                                 "serve.rate",
                                                 "scoring",
                                                 "assignment.lead",
                                                 "assignment.deal",
                                                 "campaigns.from",
                                                 "campaigns.unsubscribe"};
  return kKeys;
}

const Node* config_value(const Node& doc, const std::string& key) {
  const Node* n = &doc;
  for (const std::string& part : split(key, '.')) {
    if (!n->is_map()) return nullptr;
    n = n->find(part);
    if (!n) return nullptr;
  }
  return n;
}

std::string flow_yaml(const Node& n) {
  if (n.is_scalar()) return n.plain ? n.text : emit_scalar(n, 0);
  if (n.is_sequence()) {
    std::vector<std::string> items;
    for (const Node& i : n.items) items.push_back(flow_yaml(i));
    return "[" + join(items, ", ") + "]";
  }
  if (n.is_map()) {
    std::vector<std::string> items;
    for (const auto& [k, v] : n.entries) items.push_back(k + ": " + flow_yaml(v));
    return "{" + join(items, ", ") + "}";
  }
  return "";
}

std::vector<std::pair<std::string, std::string>> config_entries(const Node& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!doc.is_map()) return out;
  for (const auto& [k, v] : doc.entries) {
    bool walked = false;
    if (v.is_map())
      for (const std::string& known : config_keys())
        if (starts_with(known, k + ".")) walked = true;
    if (!walked) {
      out.emplace_back(k, flow_yaml(v));
      continue;
    }
    for (const auto& [k2, v2] : v.entries) out.emplace_back(k + "." + k2, flow_yaml(v2));
  }
  return out;
}

const std::vector<std::string>& user_config_keys() {
  static const std::vector<std::string> kKeys = {"default_store"};
  return kKeys;
}

std::string set_config_text(const std::string& text, const std::string& key, const std::string& value,
                            const std::vector<std::string>& keys) {
  if (std::find(keys.begin(), keys.end(), key) == keys.end())
    throw UsageError("unknown setting \"" + escape_for_terminal(key) + "\"" + did_you_mean(key, keys) +
                     " (settings: " + join(keys, ", ") + ")");
  // The value must be YAML on its own line: a word, a quoted string, a flow list or map.
  std::string v = trim(value);
  // One line: a newline in it would write keys of its own into the file.
  for (char c : v)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      throw UsageError("\"" + escape_for_terminal(value) +
                       "\" is not a setting: a value is one line, without control characters");
  try {
    Node parsed = parse_yaml("v: " + v + "\n", "the value");
    if (parsed.entries.size() != 1) throw UsageError("a value is one YAML value, not several keys");
  } catch (const Error& e) {
    throw UsageError("\"" + escape_for_terminal(value) + "\" is not a YAML value: " + e.what());
  }
  std::string written = v;
  if (v.empty()) written = "\"\"";
  std::vector<Line> lines = lines_of(text);
  std::vector<std::string> parts = split(key, '.');
  size_t block_end = 0;
  int at = find_key(lines, parts, block_end);
  if (at >= 0) {
    Line& l = lines[static_cast<size_t>(at)];
    std::string comment = trailing_comment(l.text);
    l.text = std::string(static_cast<size_t>(l.indent), ' ') + parts.back() + ": " + written +
             (comment.empty() ? "" : "  " + comment);
    // A block value (a list under the key) is replaced by the new one.
    lines.erase(lines.begin() + at + 1, lines.begin() + static_cast<long>(block_end));
    return text_of(lines);
  }
  // Missing: where the file shows it commented out ("# timezone: …"), for a
  // top-level key; else under its parent map when there is one; else at the end.
  if (parts.size() == 1)
    for (Line& l : lines)
      if (l.indent == 0 && starts_with(l.text, "# " + key + ": ")) {
        l.text = key + ": " + written;
        return text_of(lines);
      }
  std::string prefix;
  size_t insert_at = lines.size();
  int indent = 0;
  if (parts.size() > 1) {
    std::vector<std::string> parent(parts.begin(), parts.end() - 1);
    size_t parent_end = 0;
    int p = find_key(lines, parent, parent_end);
    if (p >= 0) {
      insert_at = parent_end;
      indent = lines[static_cast<size_t>(p)].indent + 2;
      for (size_t i = static_cast<size_t>(p) + 1; i < parent_end; ++i)
        if (!lines[i].key.empty()) {
          indent = lines[i].indent;
          break;
        }
    } else {
      for (size_t i = 0; i + 1 < parts.size(); ++i) prefix += std::string(2 * i, ' ') + parts[i] + ":\n";
      indent = static_cast<int>(2 * (parts.size() - 1));
    }
  }
  Line l;
  l.text = prefix + std::string(static_cast<size_t>(indent), ' ') + parts.back() + ": " + written;
  lines.insert(lines.begin() + static_cast<long>(insert_at), l);
  return text_of(lines);
}

std::string unset_config_text(const std::string& text, const std::string& key) {
  std::vector<Line> lines = lines_of(text);
  size_t block_end = 0;
  int at = find_key(lines, split(key, '.'), block_end);
  if (at < 0) return text;
  lines.erase(lines.begin() + at, lines.begin() + static_cast<long>(block_end));
  return text_of(lines);
}

}  // namespace crm
