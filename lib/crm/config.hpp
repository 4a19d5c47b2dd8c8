// .crm/config.yaml: currency, pipeline stages, owners, custom fields.
#pragma once

#include <string>
#include <vector>

#include "crm/business_hours.hpp"
#include "crm/node.hpp"
#include "crm/schema.hpp"

namespace crm {

struct Stage {
  std::string name;
  int probability = 0;
  std::string closed;   // "", "won" or "lost"
  int stale_after = 0;  // days; 0: the report's default
};

// A service level: the first policy whose `if` matches a new ticket sets its
// due times. Durations are business time (business_hours.hpp).
struct SlaPolicy {
  std::string name;
  std::string filter;            // "" matches every ticket
  long long first_response = 0;  // business seconds; 0: no promise
  long long resolution = 0;
  int line = 0, column = 0;  // where it is declared
};

struct Config {
  std::string currency = "USD";
  std::vector<Stage> pipeline;
  std::vector<std::string> owners;
  bool autocommit = false;
  std::string timezone;  // IANA name; "" : $TZ, else the system's
  std::vector<SlaPolicy> sla;
  BusinessHours business_hours;  // 24×7 unless configured
  // assignment: {ticket: round-robin|least-open|NAME, …}: who `assign --auto` picks.
  std::string assignment(const std::string& type) const;
  // Customer value (customer_value.hpp): the gross margin, a fraction 0–1 as
  // exact decimal text, and the days without an order before a customer is
  // no longer active.
  std::string gross_margin = "1";
  int churn_after = 365;
  Node raw = Node::map();

  const Stage* stage(const std::string& name) const;
  // The stages' names in pipeline order: how stages sort and compare.
  std::vector<std::string> stage_names() const {
    std::vector<std::string> names;
    for (const Stage& s : pipeline) names.push_back(s.name);
    return names;
  }
};

// A filter written as one string in the config ("priority=urgent +vip"): its
// terms, split at spaces outside double quotes.
std::vector<std::string> filter_words(const std::string& text);

// The text `crm init` writes.
std::string default_config_text();

// Reads config.yaml text; adds its custom fields to `schemas`. `source` names the file.
Config parse_config(const std::string& text, const std::string& source, SchemaSet& schemas);

}  // namespace crm
