// .crm/config.yaml: currency, pipeline stages, owners, custom fields.
#pragma once

#include <string>
#include <vector>

#include "crm/node.hpp"
#include "crm/schema.hpp"

namespace crm {

struct Stage {
  std::string name;
  int probability = 0;
  std::string closed;   // "", "won" or "lost"
  int stale_after = 0;  // days; 0: the report's default
};

struct Config {
  std::string currency = "USD";
  std::vector<Stage> pipeline;
  std::vector<std::string> owners;
  bool autocommit = false;
  std::string timezone;  // IANA name; "" : $TZ, else the system's
  Node raw = Node::map();

  const Stage* stage(const std::string& name) const;
  // The stages' names in pipeline order: how stages sort and compare.
  std::vector<std::string> stage_names() const {
    std::vector<std::string> names;
    for (const Stage& s : pipeline) names.push_back(s.name);
    return names;
  }
};

// The text `crm init` writes.
std::string default_config_text();

// Reads config.yaml text; adds its custom fields to `schemas`. `source` names the file.
Config parse_config(const std::string& text, const std::string& source, SchemaSet& schemas);

}  // namespace crm
