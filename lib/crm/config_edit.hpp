// `crm config get|set|unset|list`: settings read and changed in the YAML
// text itself, so that every comment and the order of the file stay as the
// user wrote them; a change is validated by parsing the result as a config
// before anything is written.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "crm/node.hpp"

namespace crm {

// The settings `crm config set` takes, dotted for nested maps (git.autocommit).
const std::vector<std::string>& config_keys();
// Those of the user's own ~/.config/crm/config.yaml (`crm config --global`).
const std::vector<std::string>& user_config_keys();

// The value at a dotted key of a parsed config; nullptr when unset.
const Node* config_value(const Node& doc, const std::string& key);

// Every setting as key=value lines' pairs, in file order: scalars as they are,
// lists and maps as flow YAML ([a, b], {k: v}); nested maps of known dotted
// keys are walked (git.autocommit).
std::vector<std::pair<std::string, std::string>> config_entries(const Node& doc);

// The config text with `key` set to `value`: its line's value replaced (a
// trailing comment kept), or a line added in its map (the map made when it
// is missing). `value` is YAML: a plain word, a quoted string, or a flow
// list or map. Throws UsageError for a key not in `keys` (with the closest
// ones) or a value that is not YAML.
std::string set_config_text(const std::string& text, const std::string& key, const std::string& value,
                            const std::vector<std::string>& keys = config_keys());

// The config text without `key` (its line, or its block); unchanged when absent.
std::string unset_config_text(const std::string& text, const std::string& key);

// A value as a flow-YAML word: "USD", "[ana, ben]", "{days: mon-fri}".
std::string flow_yaml(const Node& n);

}  // namespace crm
