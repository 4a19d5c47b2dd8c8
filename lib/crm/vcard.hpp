// vCard: reading 2.1, 3.0 and 4.0 as address books export them (Apple,
// Google, Outlook, RFC 6350) into a neutral struct per card, and writing 4.0
// (or 3.0) from a contact or company record.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/filter.hpp"
#include "crm/record.hpp"
#include "crm/schema.hpp"

namespace crm {

struct VcardEmail {
  std::string address;
  std::vector<std::string> types;  // lower case: work, home, internet…
  bool pref = false;               // TYPE=pref, PREF=n or 2.1's bare PREF
  std::string label;               // an item group's X-ABLabel ("Work")
  std::string group;               // "item1"
};

struct VcardPhone {
  std::string number;  // without a "tel:" scheme
  std::string kind;    // mobile, work, home, other; "" when the card says nothing
  std::vector<std::string> types;
  bool pref = false;
  std::string label;
  std::string group;
};

struct VcardAddress {
  std::string po_box, extended, street, city, region, postal_code, country;
  std::vector<std::string> types;
  bool pref = false;
  std::string label;
  std::string group;
};

struct VcardCard {
  int line = 0;         // the BEGIN:VCARD line
  std::string version;  // 2.1, 3.0, 4.0
  std::string uid;
  std::string kind;            // lower case: individual, org, group, location; "org" also for X-ABShowAs:COMPANY
  std::string formatted_name;  // FN
  std::string family_name, given_name, additional_names, prefix, suffix;  // N
  std::string nickname;                                                   // the first NICKNAME
  std::vector<VcardEmail> emails;                                         // in the card's order
  std::vector<VcardPhone> phones;
  std::string org;  // ORG's first component
  std::vector<std::string> org_units;
  std::string title, role;
  std::vector<VcardAddress> addresses;
  std::string note;      // NOTEs joined by blank lines
  std::string birthday;  // as written: "1815-12-10", "18151210", "--1210", "circa 1969"
  std::vector<std::string> categories;
  std::vector<std::string> urls;
  std::string rev;
  // Every other property, decoded: (upper-case name, text value), X-CRM-… included;
  // also the second and later ORG, TITLE and BDAY.
  std::vector<std::pair<std::string, std::string>> extra;
  // Properties that could not be read (bytes that are not of their charset):
  // the rest of the card is read without them.
  struct Problem {
    int line = 0;
    std::string property;  // "ORG"
    std::string value;     // the bytes as text, undecodable ones as \xNN
    std::string message;   // "is not valid UTF-8"
  };
  std::vector<Problem> problems;
};

// Every card of the text. Values are decoded from QUOTED-PRINTABLE and their
// CHARSET; a 2.1 card's 8-bit value without one is Windows-1252. A value that
// is still not UTF-8 is a problem of its card (VcardCard::problems), not of
// the file. Throws InvalidData (source:line) for a text with no BEGIN:VCARD.
std::vector<VcardCard> parse_vcards(std::string_view text, const std::string& source);

struct VcardWriteOptions {
  std::string version = "4.0";  // or "3.0"
};

// One card for a contact or company record: UID = the record id, CRLF line
// ends, 75-octet folding, TEXT escaping per RFC 6350. `name_of` names the
// contact's company for ORG. Fields vCard has no property for travel as
// X-CRM-FIELD (lifecycle, owner, domain…) so an import restores them.
std::string write_vcard(const Record& record, const Schema& schema, const NameOf& name_of,
                        const VcardWriteOptions& options = {});

}  // namespace crm
