// Lead conversion (as Salesforce's convertLead): a lead becomes a contact, its
// company and optionally a deal, and keeps links to all three.
#pragma once

#include <optional>
#include <string>

#include "crm/store.hpp"

namespace crm {

struct ConvertOptions {
  bool deal = false;
  std::optional<std::string> amount;  // default: the lead's estimated_value
  std::string stage;                  // default: the pipeline's first open stage
  std::string deal_name;              // default: "<company or name>"
};

struct Converted {
  struct Item {
    std::string type, id, name;
    bool created = false;  // false: an existing record was linked (and only its empty fields filled)
  };
  Item contact;
  std::optional<Item> company;
  std::optional<Item> deal;
};

// "Acme, Inc." → "acme": case, spaces and punctuation folded, legal suffixes dropped.
std::string normalise_company_name(const std::string& name);

// Converts the lead. Refuses (Conflict) a lead already converted. Writes in an
// order that never leaves a dangling reference: company, contact, deal, then
// the lead with its back-links. The caller holds the store's lock.
// The ids a conversion of `lead_id` gives the records it creates: derived from
// the lead, so a conversion killed before it marked the lead converted finds,
// when run again, what it already made (and `crm check` can see the half).
struct ConversionIds {
  std::string contact, company, deal;
};
ConversionIds conversion_ids(const std::string& lead_id);

Converted convert_lead(Writer& writer, const std::string& lead_id, const ConvertOptions& options);

}  // namespace crm
