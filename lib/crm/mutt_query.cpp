#include "crm/mutt_query.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "crm/text.hpp"

namespace crm {

namespace {

// A field of mutt's line: no tab, no line break, no control character.
std::string cell(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return trim(s);
}

std::vector<std::string> words_of(const std::string& q) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : q + " ") {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(fold_case(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

}  // namespace

std::string mutt_query(const Store& store, const std::string& query, size_t* matches) {
  std::vector<std::string> words = words_of(query);
  std::vector<std::array<std::string, 3>> rows;
  std::set<std::string> seen;  // an address once, from its first holder
  std::map<std::string, std::string> company_names;
  if (const Schema* companies = store.schemas().find("company")) {
    std::vector<std::string> want = {"name"};
    for (const Record& c : store.load_all(*companies, &want).records) company_names[c.id()] = c.get("name");
  }
  for (const char* type : {"contact", "lead"}) {
    const Schema* s = store.schemas().find(type);
    if (!s) continue;
    std::vector<std::string> want = {"name",         "email", "emails",         "company",
                                     "company_name", "title", "do_not_contact", "status"};
    for (const Record& r : store.load_all(*s, &want).records) {
      if (r.get("do_not_contact") == "true") continue;
      if (std::string(type) == "lead" && r.get("status") == "converted") continue;  // its contact answers
      std::vector<std::string> emails;
      if (!r.get("email").empty()) emails.push_back(r.get("email"));
      if (const Node* more = r.data.find("emails"); more && more->is_sequence())
        for (const Node& e : more->items)
          if (!e.text.empty()) emails.push_back(e.text);
      if (emails.empty()) continue;
      std::string haystack = fold_case(r.get("name"));
      for (const std::string& e : emails) haystack += "\n" + fold_case(e);
      bool hit = !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return haystack.find(w) != std::string::npos;
      });
      if (!hit) continue;
      std::string comment = r.get("company_name");
      if (auto it = company_names.find(r.get("company")); it != company_names.end()) comment = it->second;
      if (comment.empty()) comment = r.get("title");
      if (std::string(type) == "lead") comment = comment.empty() ? "lead" : comment + " (lead)";
      for (const std::string& e : emails)
        if (seen.insert(to_lower(e)).second) rows.push_back({cell(e), cell(r.get("name")), cell(comment)});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return fold_case(a[1]) < fold_case(b[1]);  // a person's primary address first, as they were found
  });
  if (matches) *matches = rows.size();
  std::string out = rows.empty() ? "crm: no contact matches \"" + cell(query) + "\"\n"
                                 : "crm: " + std::to_string(rows.size()) + " address" + (rows.size() == 1 ? "" : "es") +
                                       " for \"" + cell(query) + "\"\n";
  for (const auto& r : rows) out += r[0] + "\t" + r[1] + "\t" + r[2] + "\n";
  return out;
}

}  // namespace crm
