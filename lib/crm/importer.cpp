#include "crm/importer.hpp"

#include <algorithm>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "crm/atomic_file.hpp"
#include "crm/csv.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/decimal.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/json.hpp"
#include "crm/lead_conversion.hpp"
#include "crm/match_keys.hpp"
#include "crm/rules.hpp"
#include "crm/text.hpp"
#include "crm/vcard.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

constexpr size_t kMaxImportBytes = size_t(512) << 20;  // 512 MiB

// ---------------------------------------------------------------------------
// Small text helpers

// Lower-case letters and digits only: "Closed Won" → "closedwon".
std::string fold_alnum(std::string_view s) {
  std::string out;
  for (char c : fold_case(s)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) out += c;
  }
  return out;
}

// A header as the mapping tables spell it: "E-mail 1 - Value" → "e mail 1 value".
std::string norm_header(std::string_view h) {
  std::string out;
  for (char c : fold_case(trim(h))) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "Lead Status" → "lead_status": an unmapped column kept as a custom field.
std::string snake(std::string_view h) {
  std::string n = norm_header(h);
  std::replace(n.begin(), n.end(), ' ', '_');
  return n;
}

// Google's " ::: " lists, else ',' (when allowed) or ';' separated values.
std::vector<std::string> split_multi(std::string_view text, bool allow_comma = true) {
  std::vector<std::string> out;
  std::string t(text);
  std::vector<std::string> parts;
  if (t.find(":::") != std::string::npos) {
    size_t start = 0;
    while (true) {
      size_t k = t.find(":::", start);
      parts.push_back(t.substr(start, k == std::string::npos ? std::string::npos : k - start));
      if (k == std::string::npos) break;
      start = k + 3;
    }
  } else if (allow_comma && t.find(',') != std::string::npos) {
    parts = split(t, ',');  // "vip, speaker"
  } else if (t.find(';') != std::string::npos) {
    parts = split(t, ';');  // Outlook's "Business;VIP"
  } else {
    parts.push_back(t);
  }
  for (std::string& p : parts) {
    std::string v = trim(p);
    if (!v.empty()) out.push_back(v);
  }
  return out;
}

bool contains_str(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// ---------------------------------------------------------------------------
// Dates and amounts

struct DateParts {
  int y = 0, m = 0, d = 0, H = 0, M = 0, S = 0;
  bool time = false;
};

const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

// Reads `text` by a strftime-like `format`; whitespace matches any run of it.
std::optional<DateParts> parse_by_format(std::string_view text, std::string_view format) {
  DateParts p;
  size_t i = 0;
  bool pm = false, ampm = false;
  auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  auto number = [&](size_t min_digits, size_t max_digits, int& out) {
    size_t start = i;
    while (i < text.size() && i - start < max_digits && text[i] >= '0' && text[i] <= '9') ++i;
    if (i - start < min_digits) return false;
    out = std::stoi(std::string(text.substr(start, i - start)));
    return true;
  };
  for (size_t f = 0; f < format.size(); ++f) {
    char c = format[f];
    if (c == ' ') {
      skip_space();
      continue;
    }
    if (c != '%' || f + 1 >= format.size()) {
      if (i >= text.size() ||
          std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(c)))
        return std::nullopt;
      ++i;
      continue;
    }
    char spec = format[++f];
    switch (spec) {
      case 'Y':
        if (!number(4, 4, p.y)) return std::nullopt;
        break;
      case 'y': {
        int yy;
        if (!number(2, 2, yy)) return std::nullopt;
        p.y = yy < 70 ? 2000 + yy : 1900 + yy;
        break;
      }
      case 'm':
        if (!number(1, 2, p.m)) return std::nullopt;
        break;
      case 'd':
      case 'e':
        if (!number(1, 2, p.d)) return std::nullopt;
        break;
      case 'H':
      case 'I':
        if (!number(1, 2, p.H)) return std::nullopt;
        p.time = true;
        break;
      case 'M':
        if (!number(1, 2, p.M)) return std::nullopt;
        p.time = true;
        break;
      case 'S':
        if (!number(1, 2, p.S)) return std::nullopt;
        break;
      case 'b':
      case 'B': {
        size_t start = i;
        while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
        std::string word = to_lower(text.substr(start, i - start));
        if (word.size() < 3) return std::nullopt;
        p.m = 0;
        for (int k = 0; k < 12; ++k)
          if (starts_with(word, kMonths[k])) p.m = k + 1;
        if (!p.m) return std::nullopt;
        if (i < text.size() && text[i] == '.') ++i;  // "Dec."
        break;
      }
      case 'p': {
        std::string word = to_lower(text.substr(i, 2));
        if (word != "am" && word != "pm") return std::nullopt;
        ampm = true;
        pm = word == "pm";
        i += 2;
        break;
      }
      case '%':
        if (i >= text.size() || text[i] != '%') return std::nullopt;
        ++i;
        break;
      default:
        return std::nullopt;
    }
  }
  skip_space();
  if (i != text.size()) return std::nullopt;
  if (ampm) {
    if (p.H < 1 || p.H > 12) return std::nullopt;
    p.H = p.H % 12 + (pm ? 12 : 0);
  }
  return p;
}

std::string iso_of(const DateParts& p) {
  date::year_month_day ymd{date::year{p.y}, date::month{static_cast<unsigned>(p.m)},
                           date::day{static_cast<unsigned>(p.d)}};
  if (p.y < 1 || !ymd.ok() || p.H > 23 || p.M > 59 || p.S > 60) return "";
  char buf[64];
  if (!p.time) {
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.y, p.m, p.d);
  } else {
    snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", p.y, p.m, p.d, p.H, p.M, std::min(p.S, 59));
  }
  return buf;
}

}  // namespace

std::string normalise_date(std::string_view input, const std::string& format) {
  std::string t = trim(input);
  if (t.empty()) return "";
  if (!format.empty()) {
    auto p = parse_by_format(t, format);
    return p ? iso_of(*p) : "";
  }
  if (auto d = parse_iso_date(t)) return format_date(*d);
  // "2026-01-02T13:45:00.000Z": fractions of a second dropped.
  if (size_t dot = t.find('.');
      dot == 19 && t.size() > 20 && t[10] != ' ' && std::isdigit(static_cast<unsigned char>(t[20]))) {
    size_t end = dot + 1;
    while (end < t.size() && std::isdigit(static_cast<unsigned char>(t[end]))) ++end;
    t = t.substr(0, dot) + t.substr(end);
  }
  if (auto s = parse_iso_datetime(t)) return format_datetime(*s);
  static const char* const kFormats[] = {
      "%Y/%m/%d",           "%Y/%m/%d %H:%M",    "%Y/%m/%d %H:%M:%S", "%m/%d/%Y",
      "%m/%d/%Y %H:%M",     "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p",
      "%m/%d/%Y, %I:%M %p", "%m/%d/%y",          "%d.%m.%Y",          "%d.%m.%Y %H:%M",
      "%d.%m.%Y %H:%M:%S",  "%d.%m.%y",          "%Y.%m.%d",          "%Y%m%d",
      "%Y%m%dT%H%M%SZ",     "%Y%m%dT%H%M%S",     "%d %b %Y",          "%d-%b-%Y",
      "%d-%b-%y",           "%b %d %Y",          "%b %d, %Y",         "%d %b %Y %H:%M",
      "%b %d, %Y %I:%M %p", "%Y-%m-%d %I:%M %p"};
  for (const char* f : kFormats)
    if (auto p = parse_by_format(t, f)) {
      std::string iso = iso_of(*p);
      if (!iso.empty()) return iso;
    }
  return "";
}

std::string normalise_amount(std::string_view input) {
  std::string t = trim(input);
  bool negative = false;
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') {
    negative = true;
    t = trim(t.substr(1, t.size() - 2));
  }
  std::string s;
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == ' ' || c == '\'' || c == '$') continue;
    // € £ ¥ NBSP, narrow NBSP, thin space, ’
    if (t.compare(i, 3, "\xE2\x82\xAC") == 0 || t.compare(i, 3, "\xE2\x80\xAF") == 0 ||
        t.compare(i, 3, "\xE2\x80\x89") == 0 || t.compare(i, 3, "\xE2\x80\x99") == 0) {
      i += 2;
      continue;
    }
    if (t.compare(i, 2, "\xC2\xA3") == 0 || t.compare(i, 2, "\xC2\xA5") == 0 || t.compare(i, 2, "\xC2\xA0") == 0) {
      i += 1;
      continue;
    }
    s += static_cast<char>(c);
  }
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = negative || s[0] == '-';
    s = s.substr(1);
  }
  if (s.empty()) return "";
  size_t commas = std::count(s.begin(), s.end(), ','), dots = std::count(s.begin(), s.end(), '.');
  auto groups_of_three = [](const std::string& x, char sep) {
    // every separator is followed by exactly three digits, and the first group has 1-3
    std::vector<std::string> parts = split(x, sep);
    if (parts.front().empty() || parts.front().size() > 3) return false;
    for (size_t k = 1; k < parts.size(); ++k)
      if (parts[k].size() != 3) return false;
    return true;
  };
  std::string digits;
  if (commas && dots) {
    char decimal = s.rfind(',') > s.rfind('.') ? ',' : '.';
    char thousands = decimal == ',' ? '.' : ',';
    std::string intpart = s.substr(0, s.rfind(decimal));
    if (std::count(s.begin(), s.end(), decimal) != 1 || !groups_of_three(intpart, thousands)) return "";
    for (char c : s)
      if (c != thousands) digits += c == decimal ? '.' : c;
  } else if (commas) {
    if (commas == 1 && !groups_of_three(s, ',')) {
      digits = s;
      std::replace(digits.begin(), digits.end(), ',', '.');  // "12,5": a decimal comma
    } else if (groups_of_three(s, ',')) {
      for (char c : s)
        if (c != ',') digits += c;
    } else {
      return "";
    }
  } else if (dots > 1) {
    if (!groups_of_three(s, '.')) return "";
    for (char c : s)
      if (c != '.') digits += c;
  } else {
    digits = s;
  }
  if (!digits.empty() && digits.back() == '.') digits.pop_back();  // "12."
  auto d = Decimal::parse(digits);
  if (!d || digits.empty()) return "";
  if (digits.front() == '.') digits = "0" + digits;
  while (digits.size() > 1 && digits[0] == '0' && digits[1] != '.') digits.erase(0, 1);
  return (negative && !d->is_zero() ? "-" : "") + digits;
}

std::string map_deal_stage(std::string_view text, const Config& config) {
  std::string want = fold_alnum(text);
  if (want.empty()) return "";
  if (config.pipeline.empty()) return trim(text);
  for (const Stage& s : config.pipeline)
    if (fold_alnum(s.name) == want) return s.name;
  auto closed = [&](const char* kind) -> std::string {
    for (const Stage& s : config.pipeline)
      if (s.closed == kind) return s.name;
    return "";
  };
  static const char* const kWon[] = {"closedwon", "won", "dealwon", "closedwonpaid", "signed"};
  static const char* const kLost[] = {"closedlost", "lost", "deallost", "closedlostnotconverted"};
  for (const char* w : kWon)
    if (want == w) return closed("won");
  for (const char* l : kLost)
    if (want == l) return closed("lost");
  // Other CRMs' default stages → the default pipeline's, when the store has them.
  static const std::pair<const char*, const char*> kStages[] = {{"appointmentscheduled", "qualification"},
                                                                {"qualifiedtobuy", "needs-analysis"},
                                                                {"presentationscheduled", "proposal"},
                                                                {"decisionmakerboughtin", "negotiation"},
                                                                {"contractsent", "negotiation"},
                                                                {"prospecting", "qualification"},
                                                                {"leadin", "qualification"},
                                                                {"contactmade", "qualification"},
                                                                {"new", "qualification"},
                                                                {"discovery", "needs-analysis"},
                                                                {"needsdefined", "needs-analysis"},
                                                                {"iddecisionmakers", "needs-analysis"},
                                                                {"perceptionanalysis", "needs-analysis"},
                                                                {"demoscheduled", "needs-analysis"},
                                                                {"valueproposition", "proposal"},
                                                                {"proposalpricequote", "proposal"},
                                                                {"proposalmade", "proposal"},
                                                                {"quote", "proposal"},
                                                                {"negotiationreview", "negotiation"},
                                                                {"negotiationsstarted", "negotiation"},
                                                                {"commit", "negotiation"}};
  for (const auto& [from, to] : kStages)
    if (want == from)
      for (const Stage& s : config.pipeline)
        if (s.name == to) return s.name;
  return "";
}

namespace {

// An enum value for what an export wrote; "" when none fits.
std::string enum_value(const Field& f, std::string_view text) {
  std::string want = fold_alnum(text);
  if (want.empty()) return "";
  for (const std::string& v : f.values)
    if (fold_alnum(v) == want) return v;
  static const std::pair<const char*, const char*> kSynonyms[] = {
      // lifecycle (HubSpot)
      {"marketingqualifiedlead", "mql"},
      {"salesqualifiedlead", "sql"},
      {"mql", "mql"},
      {"sql", "sql"},
      // lead status (HubSpot, Salesforce)
      {"open", "contacted"},
      {"attemptedtocontact", "contacted"},
      {"connected", "contacted"},
      {"inprogress", "in-progress"},
      {"inprogress", "contacted"},
      {"working", "contacted"},
      {"workingcontacted", "contacted"},
      {"opennotcontacted", "new"},
      {"opendeal", "qualified"},
      {"badtiming", "unqualified"},
      {"closednotconverted", "unqualified"},
      {"closedconverted", "converted"},
      // task status and priority (Salesforce, Outlook)
      {"notstarted", "open"},
      {"open", "open"},
      {"deferred", "open"},
      {"waitingonsomeoneelse", "open"},
      {"waiting", "open"},
      {"todo", "open"},
      {"started", "in-progress"},
      {"completed", "done"},
      {"complete", "done"},
      {"closed", "done"},
      {"finished", "done"},
      {"cancelled", "canceled"},
      {"medium", "normal"},
      {"none", "normal"},
      {"highest", "urgent"},
      {"critical", "urgent"},
      {"lowest", "low"},
      // company relationship (Salesforce account types)
      {"customerdirect", "customer"},
      {"customerchannel", "customer"},
      {"channelpartnerreseller", "reseller"},
      {"installationpartner", "partner"},
      {"technologypartner", "partner"},
      {"integrator", "partner"},
      {"vendor", "other"},
      {"investor", "other"},
      {"press", "other"},
      {"analyst", "other"},
      // sources (HubSpot original source, Salesforce lead source)
      {"organicsearch", "web"},
      {"directtraffic", "web"},
      {"website", "web"},
      {"webform", "web"},
      {"paidsearch", "ad"},
      {"paidsocial", "ad"},
      {"advertisement", "ad"},
      {"ads", "ad"},
      {"emailmarketing", "email"},
      {"socialmedia", "social"},
      {"organicsocial", "social"},
      {"referrals", "referral"},
      {"employeereferral", "referral"},
      {"externalreferral", "referral"},
      {"wordofmouth", "referral"},
      {"partnerreferral", "partner"},
      {"phoneinquiry", "call"},
      {"coldcall", "call"},
      {"phone", "call"},
      {"tradeshow", "event"},
      {"seminar", "event"},
      {"conference", "event"},
      {"webinar", "event"},
      {"othercampaigns", "campaign"},
      {"offlinesources", "other"},
      {"offline", "other"},
      {"purchasedlist", "other"},
      // activity kinds and direction
      {"logacall", "call"},
      {"phonecall", "call"},
      {"mail", "email"},
      {"appointment", "meeting"},
      {"event", "meeting"},
      {"inbound", "in"},
      {"incoming", "in"},
      {"outbound", "out"},
      {"outgoing", "out"}};
  for (const auto& [from, to] : kSynonyms)
    if (want == from && contains_str(f.values, to)) return to;
  return "";
}

// ---------------------------------------------------------------------------
// What a column maps to

struct Target {
  std::string what;   // field name (address.city, …) or a special: middle nickname email emails phone label
                      // company company_id refs ids tags stage id ignore
  std::string arg;    // phone: the kind; refs/ids: the field
  std::string group;  // Google's numbered columns: "email 1" pairs its label and value
};

Target special(const std::string& what, const std::string& arg = "", const std::string& group = "") {
  return Target{what, arg, group};
}

// Google's numbered columns: "e mail 2 value", "phone 1 label", "address 1 city"…
std::optional<Target> numbered_target(const std::string& type, const std::string& h) {
  std::vector<std::string> w = split(h, ' ');
  size_t k = 0;
  while (k < w.size() && !std::all_of(w[k].begin(), w[k].end(), ::isdigit)) ++k;
  if (k == 0 || k >= w.size()) return std::nullopt;
  std::vector<std::string> pre(w.begin(), w.begin() + static_cast<long>(k));
  std::vector<std::string> post(w.begin() + static_cast<long>(k) + 1, w.end());
  std::string prefix = join(pre, " "), suffix = join(post, " "), n = w[k];
  std::string group = prefix + " " + n;
  bool person = type == "contact" || type == "lead";
  if (prefix == "e mail" || prefix == "email") {
    if (suffix == "value" || suffix == "address") return special(person ? "email" : "ignore_email", "", group);
    if (suffix == "label" || suffix == "type") return special("label", "", group);
  }
  if (prefix == "phone") {
    if (suffix == "value") return special("phone", "", group);
    if (suffix == "label" || suffix == "type") return special("label", "", group);
  }
  if (prefix == "organization" && n == "1") {
    if (suffix == "name") return special(type == "company" ? "name" : "company");
    if (suffix == "title" && person) return special("title");
    if (suffix == "type" || suffix == "label") return special("ignore");
  }
  if (prefix == "address" && n == "1" && type != "deal" && type != "task") {
    if (suffix == "street" || suffix == "po box" || suffix == "extended address") return special("address.street");
    if (suffix == "city") return special("address.city");
    if (suffix == "region") return special("address.region");
    if (suffix == "postal code") return special("address.postal_code");
    if (suffix == "country") return special("address.country");
    if (suffix == "label" || suffix == "type" || suffix == "formatted") return special("ignore");
  }
  if (prefix == "website" && n == "1") {
    if (suffix == "value") return special("website");
    if (suffix == "label" || suffix == "type") return special("ignore");
  }
  return std::nullopt;
}

struct HeaderRule {
  const char* types;   // comma list, "*" any
  const char* header;  // normalised
  const char* target;  // "what" or "what:arg"
};

// The usual exporter headers (Google Contacts, HubSpot, Salesforce, Outlook, Apple/iCloud).
const HeaderRule kRules[] = {
    // people
    {"contact,lead", "name", "name"},
    {"contact,lead", "full name", "name"},
    {"contact,lead", "display name", "name"},
    {"contact,lead", "contact name", "name"},
    {"contact,lead", "lead name", "name"},
    {"contact,lead", "first name", "first_name"},
    {"contact,lead", "given name", "first_name"},
    {"contact,lead", "firstname", "first_name"},
    {"contact,lead", "last name", "last_name"},
    {"contact,lead", "family name", "last_name"},
    {"contact,lead", "surname", "last_name"},
    {"contact,lead", "lastname", "last_name"},
    {"contact,lead", "middle name", "middle"},
    {"contact,lead", "additional name", "middle"},
    {"contact,lead", "nickname", "nickname"},
    {"contact,lead", "email", "email"},
    {"contact,lead", "e mail", "email"},
    {"contact,lead", "email address", "email"},
    {"contact,lead", "e mail address", "email"},
    {"contact,lead", "primary email", "email"},
    {"contact,lead", "work email", "email"},
    {"contact,lead", "business email", "email"},
    {"contact,lead", "e mail 2 address", "emails"},
    {"contact,lead", "e mail 3 address", "emails"},
    {"contact,lead", "secondary email", "emails"},
    {"contact,lead", "other email", "emails"},
    {"contact,lead", "home email", "emails"},
    {"contact,lead", "additional email addresses", "emails"},
    {"contact,lead", "personal email", "emails"},
    {"contact,lead,company", "phone", "phone"},
    {"contact,lead,company", "phone number", "phone"},
    {"contact,lead,company", "primary phone", "phone"},
    {"contact,lead", "mobile", "phone:mobile"},
    {"contact,lead", "mobile phone", "phone:mobile"},
    {"contact,lead", "mobile phone number", "phone:mobile"},
    {"contact,lead", "cell", "phone:mobile"},
    {"contact,lead", "cell phone", "phone:mobile"},
    {"contact,lead", "business phone", "phone:work"},
    {"contact,lead", "business phone 2", "phone:work"},
    {"contact,lead", "work phone", "phone:work"},
    {"contact,lead", "office phone", "phone:work"},
    {"contact,lead", "home phone", "phone:home"},
    {"contact,lead", "home phone 2", "phone:home"},
    {"contact,lead", "other phone", "phone:other"},
    {"contact,lead", "assistant s phone", "phone:other"},
    {"company", "company phone", "phone"},
    {"company", "main phone", "phone"},
    {"company", "account phone", "phone"},
    {"company", "company main phone", "phone"},
    {"contact,lead", "company", "company"},
    {"contact,lead", "company name", "company"},
    {"contact,lead", "organization", "company"},
    {"contact,lead", "organization name", "company"},
    {"contact,lead", "organisation", "company"},
    {"contact,lead", "account name", "company"},
    {"contact,lead", "account", "company"},
    {"contact,lead", "associated company", "company"},
    {"contact,lead", "employer", "company"},
    {"contact,lead", "title", "title"},
    {"contact,lead", "job title", "title"},
    {"contact,lead", "organization title", "title"},
    {"contact,lead", "position", "title"},
    {"contact,lead", "role", "title"},
    {"contact,lead", "job", "title"},
    {"contact", "birthday", "birthday"},
    {"contact", "birthdate", "birthday"},
    {"contact", "date of birth", "birthday"},
    {"contact", "lifecycle stage", "lifecycle"},
    {"contact", "lifecycle", "lifecycle"},
    {"contact", "do not contact", "do_not_contact"},
    {"contact", "email opt out", "do_not_contact"},
    {"contact", "unsubscribed", "do_not_contact"},
    {"contact", "follow up", "follow_up"},
    {"contact", "next follow up", "follow_up"},
    {"contact,lead,company", "labels", "tags"},
    {"contact,lead,company", "group membership", "tags"},
    {"contact,lead,company,deal", "categories", "tags"},
    {"*", "tags", "tags"},
    {"*", "tag", "tags"},
    {"contact,company", "website", "website"},
    {"contact,company", "website url", "website"},
    {"contact,company", "web page", "website"},
    {"contact,company", "web site", "website"},
    {"contact,company", "url", "website"},
    {"contact", "personal web page", "website"},
    {"contact,lead,deal", "source", "source"},
    {"contact,lead,deal", "lead source", "source"},
    {"contact,lead,deal", "original source", "source"},
    {"contact,lead,deal", "original source type", "source"},
    {"lead", "lead status", "status"},
    {"lead", "status", "status"},
    {"lead", "rating", "rating"},
    {"lead", "lead rating", "rating"},
    {"lead", "score", "score"},
    {"lead", "lead score", "score"},
    {"lead", "hubspot score", "score"},
    {"lead", "estimated value", "estimated_value"},
    {"lead", "annual revenue", "ignore"},
    // addresses: business, mailing and billing first; home only when no other (first column wins)
    {"contact,lead,company", "street", "address.street"},
    {"contact,lead,company", "street address", "address.street"},
    {"contact,lead,company", "address", "address.street"},
    {"contact,lead,company", "address line 1", "address.street"},
    {"contact,lead,company", "mailing street", "address.street"},
    {"contact,lead,company", "business street", "address.street"},
    {"contact,lead,company", "billing street", "address.street"},
    {"contact,lead,company", "home street", "address.street"},
    {"contact,lead,company", "city", "address.city"},
    {"contact,lead,company", "mailing city", "address.city"},
    {"contact,lead,company", "business city", "address.city"},
    {"contact,lead,company", "billing city", "address.city"},
    {"contact,lead,company", "home city", "address.city"},
    {"contact,lead,company", "town", "address.city"},
    {"contact,lead,company", "state", "address.region"},
    {"contact,lead,company", "region", "address.region"},
    {"contact,lead,company", "state region", "address.region"},
    {"contact,lead,company", "province", "address.region"},
    {"contact,lead,company", "state province", "address.region"},
    {"contact,lead,company", "mailing state province", "address.region"},
    {"contact,lead,company", "business state", "address.region"},
    {"contact,lead,company", "billing state province", "address.region"},
    {"contact,lead,company", "home state", "address.region"},
    {"contact,lead,company", "county", "address.region"},
    {"contact,lead,company", "postal code", "address.postal_code"},
    {"contact,lead,company", "zip", "address.postal_code"},
    {"contact,lead,company", "zip code", "address.postal_code"},
    {"contact,lead,company", "postcode", "address.postal_code"},
    {"contact,lead,company", "mailing zip postal code", "address.postal_code"},
    {"contact,lead,company", "business postal code", "address.postal_code"},
    {"contact,lead,company", "billing zip postal code", "address.postal_code"},
    {"contact,lead,company", "home postal code", "address.postal_code"},
    {"contact,lead,company", "country", "address.country"},
    {"contact,lead,company", "country region", "address.country"},
    {"contact,lead,company", "mailing country", "address.country"},
    {"contact,lead,company", "business country region", "address.country"},
    {"contact,lead,company", "billing country", "address.country"},
    {"contact,lead,company", "home country region", "address.country"},
    // companies
    {"company", "name", "name"},
    {"company", "company", "name"},
    {"company", "company name", "name"},
    {"company", "account name", "name"},
    {"company", "organization", "name"},
    {"company", "organization name", "name"},
    {"company", "organisation", "name"},
    {"company", "domain", "domain"},
    {"company", "company domain name", "domain"},
    {"company", "domain name", "domain"},
    {"company", "website domain", "domain"},
    {"company", "industry", "industry"},
    {"company", "size", "size"},
    {"company", "employees", "size"},
    {"company", "number of employees", "size"},
    {"company", "company size", "size"},
    {"company", "headcount", "size"},
    {"company", "type", "relationship"},
    {"company", "company type", "relationship"},
    {"company", "account type", "relationship"},
    {"company", "relationship", "relationship"},
    {"company", "about", "notes"},
    // deals
    {"deal", "name", "name"},
    {"deal", "deal name", "name"},
    {"deal", "opportunity name", "name"},
    {"deal", "deal", "name"},
    {"deal", "title", "name"},
    {"deal", "amount", "amount"},
    {"deal", "deal amount", "amount"},
    {"deal", "opportunity amount", "amount"},
    {"deal", "value", "amount"},
    {"deal", "deal value", "amount"},
    {"deal", "stage", "stage"},
    {"deal", "deal stage", "stage"},
    {"deal", "opportunity stage", "stage"},
    {"deal", "close date", "close_date"},
    {"deal", "expected close date", "close_date"},
    {"deal", "closing date", "close_date"},
    {"deal", "company", "company"},
    {"deal", "associated company", "company"},
    {"deal", "company name", "company"},
    {"deal", "account name", "company"},
    {"deal", "organization", "company"},
    {"deal", "contacts", "refs:contacts"},
    {"deal", "contact", "refs:contacts"},
    {"deal", "associated contact", "refs:contacts"},
    {"deal", "associated contacts", "refs:contacts"},
    {"deal", "contact name", "refs:contacts"},
    {"deal", "primary contact", "refs:contacts"},
    {"deal", "currency", "currency"},
    {"deal", "currency code", "currency"},
    {"deal", "probability", "probability"},
    {"deal", "probability (%)", "probability"},
    {"deal", "probability %", "probability"},
    {"deal", "lost reason", "lost_reason"},
    {"deal", "closed lost reason", "lost_reason"},
    {"deal", "loss reason", "lost_reason"},
    {"deal", "deal description", "notes"},
    // tasks
    {"task", "title", "title"},
    {"task", "subject", "title"},
    {"task", "task title", "title"},
    {"task", "task", "title"},
    {"task", "name", "title"},
    {"task", "due", "due"},
    {"task", "due date", "due"},
    {"task", "due date only", "due"},
    {"task", "activity date", "due"},
    {"task", "status", "status"},
    {"task", "priority", "priority"},
    {"task", "assigned to", "owner"},
    {"task", "related", "refs:related"},
    {"task", "related to", "refs:related"},
    {"task", "regarding", "refs:related"},
    {"task", "associated contact", "refs:related"},
    {"task", "associated company", "refs:related"},
    {"task", "associated deal", "refs:related"},
    {"task", "recur", "recur"},
    {"task", "recurrence", "recur"},
    {"task", "completed", "completed_at"},
    {"task", "date completed", "completed_at"},
    // activities
    {"activity", "type", "kind"},
    {"activity", "kind", "kind"},
    {"activity", "activity type", "kind"},
    {"activity", "date", "at"},
    {"activity", "at", "at"},
    {"activity", "activity date", "at"},
    {"activity", "subject", "summary"},
    {"activity", "summary", "summary"},
    {"activity", "body", "body"},
    {"activity", "description", "body"},
    {"activity", "with", "refs:with"},
    {"activity", "related to", "refs:with"},
    {"activity", "regarding", "refs:with"},
    {"activity", "direction", "direction"},
    {"activity", "call direction", "direction"},
    {"activity", "outcome", "outcome"},
    {"activity", "call outcome", "outcome"},
    {"activity", "duration", "duration"},
    {"activity", "call duration", "duration"},
    // every type
    {"contact,lead,company,deal,task", "notes", "notes"},
    {"contact,lead,company,deal,task", "note", "notes"},
    {"contact,lead,company,deal,task", "description", "notes"},
    {"contact,lead,company,deal,task", "comments", "notes"},
    {"*", "owner", "owner"},
    {"*", "contact owner", "owner"},
    {"*", "lead owner", "owner"},
    {"*", "deal owner", "owner"},
    {"*", "company owner", "owner"},
    {"*", "account owner", "owner"},
    {"*", "opportunity owner", "owner"},
    {"*", "task owner", "owner"},
    {"*", "id", "id"},
    {"*", "crm id", "id"},
    {"*", "created", "ignore"},
    {"*", "updated", "ignore"},
};

// A target named by the user's --map or a header that is a field's own name.
std::optional<Target> field_target(const Schema& schema, const std::string& name) {
  std::string n = trim(name);
  if (n.empty() || n == "-" || n == "ignore") return special("ignore");
  if (n == "id") return special("id");
  if (n == "middle_name" || n == "middle") return special("middle");
  if (n == "nickname") return special("nickname");
  if ((n == "first_name" || n == "last_name") && !schema.field(n) && schema.field("name"))
    return special(n);  // leads: parts of the name
  if (ends_with(n, "_id") || ends_with(n, "_ids")) {
    std::string base = n.substr(0, n.rfind('_'));
    if (const Field* f = schema.field(base); f && (f->type == FieldType::Ref || f->type == FieldType::Refs))
      return f->type == FieldType::Ref && base == "company" ? special("company_id") : special("ids", base);
  }
  const Field* f = schema.field_path(n);
  if (!f) return std::nullopt;
  if (f->type == FieldType::List && f->item && f->item->type == FieldType::Object && n != "phones")
    return special("ignore");  // stage_history: written by the workflow, not by a spreadsheet
  if (n == "email" && schema.type != "company") return special("email");
  if (n == "emails") return special("emails");
  if (n == "phone") return special("phone");
  if (n == "phones") return special("phone", "");
  if (n == "tags") return special("tags");
  if (n == "stage" && schema.type == "deal") return special("stage");
  if (f->type == FieldType::Ref && n == "company") return special("company");
  if (f->type == FieldType::Ref || f->type == FieldType::Refs) return special("refs", n);
  return special(n);
}

Target rule_target(const char* t) {
  std::string s = t;
  size_t colon = s.find(':');
  if (colon == std::string::npos) return special(s);
  return special(s.substr(0, colon), s.substr(colon + 1));
}

// The target of a header for a type, from the tables; "unmapped" when none.
Target auto_target(const Schema& schema, const std::string& header) {
  const std::string& type = schema.type;
  std::string h = norm_header(header);
  // A field's own name first ("first_name", "address.city", "company_id"): crm's own exports.
  std::string raw = to_lower(trim(header));
  if (auto t = field_target(schema, raw); t && raw != "-" && raw != "ignore" && !raw.empty()) return *t;
  if (auto t = numbered_target(type, h)) {
    if (t->what == "ignore_email") return special("unmapped");
    if (t->what == "company" && type == "lead") return special("company_name");
    return *t;
  }
  for (const HeaderRule& r : kRules) {
    if (h != r.header) continue;
    std::string types = r.types;
    if (types != "*" && !contains_str(split(types, ','), type)) continue;
    Target t = rule_target(r.target);
    if (t.what == "company" && type == "lead") return special("company_name");
    if (t.what == "company" && type == "company") return special("name");
    if ((t.what == "first_name" || t.what == "last_name") && !schema.field(t.what)) return t;  // lead: name parts
    if (t.what == "email" || t.what == "emails" || t.what == "phone" || t.what == "middle" || t.what == "nickname" ||
        t.what == "company" || t.what == "refs" || t.what == "ids" || t.what == "tags" || t.what == "stage" ||
        t.what == "id" || t.what == "ignore")
      return t;
    if (schema.field_path(t.what)) return t;
  }
  // "Postal Code" → postal_code, "Address City" → address.city
  std::string underscored = h;
  std::replace(underscored.begin(), underscored.end(), ' ', '_');
  if (auto t = field_target(schema, underscored)) return *t;
  if (size_t sp = h.find(' '); sp != std::string::npos) {
    std::string dotted = h.substr(0, sp) + "." + underscored.substr(sp + 1);
    if (schema.field_path(dotted)) return special(dotted);
  }
  return special("unmapped");
}

// ---------------------------------------------------------------------------
// One input row made into field values

struct RefText {
  std::string field;   // company, contacts, related, with
  std::string column;  // where it came from, for messages
  std::vector<std::string> values;
  bool by_id = false;
};

struct Incoming {
  std::string type;
  std::string file;
  int line = 0;
  std::string id;                                // an id given (JSON, an id column, a vCard UID that is one)
  Node fields = Node::map();                     // field → value in stored form
  std::map<std::string, std::string> column_of;  // field → the column (or property) it came from
  std::vector<RefText> refs;                     // references by name, email or id, resolved against the store
  std::vector<std::string> notes;                // what the row result should say
  std::string error;                             // the row fails with this
  bool replace = false;                          // JSON: values replace lists and nulls unset
  std::vector<std::string> unset;                // JSON nulls
  std::string stage;                             // deal: the stage to move to
  bool keep_created = false;                     // JSON: the record's own `created`
  std::string origin = "column";                 // what column_of names: a CSV column or a vCard property
};

struct PhoneIn {
  std::string number, kind;
};

InvalidData cell_error(const std::string& column, const std::string& msg) {
  return InvalidData(Location{"", 0, 0, column}, msg);
}

std::string qt(const std::string& s) { return "\"" + escape_for_terminal(s) + "\""; }

// A cell's text → the stored value of a field.
Node convert_cell(const Field& f, const std::string& text, const ImportRequest& req, const Clock& clock,
                  const std::string& column) {
  std::string t = f.type == FieldType::Text ? text : trim(text);
  switch (f.type) {
    case FieldType::Date:
    case FieldType::Datetime:
    case FieldType::When: {
      std::string iso = normalise_date(t, req.date_format);
      if (iso.empty()) {
        std::string hint = req.date_format.empty() ? "YYYY-MM-DD, M/D/YYYY or D.M.YYYY; or give --date-format"
                                                   : "the format " + req.date_format;
        throw cell_error(column, qt(t) + " is not a date (" + hint + ")");
      }
      if (f.type == FieldType::Date && iso.size() > 10) iso = iso.substr(0, 10);
      if (f.type == FieldType::Datetime && iso.size() == 10) iso += "T00:00:00Z";
      t = iso;
      break;
    }
    case FieldType::Money:
    case FieldType::Decimal: {
      std::string a = normalise_amount(t);
      if (a.empty()) throw cell_error(column, qt(t) + " is not an amount");
      t = a;
      break;
    }
    case FieldType::Integer: {
      std::string a = normalise_amount(t);
      if (size_t dot = a.find('.'); dot != std::string::npos && a.find_first_not_of('0', dot + 1) == std::string::npos)
        a = a.substr(0, dot);  // "250.00"
      if (!a.empty()) t = a;
      break;
    }
    case FieldType::Enum: {
      std::string v = enum_value(f, t);
      if (v.empty()) throw cell_error(column, qt(t) + " is not one of " + join(f.values, ", "));
      t = v;
      break;
    }
    case FieldType::String: {
      // A line break in a one-line field (a street on two lines) becomes ", ".
      std::vector<std::string> lines;
      for (const std::string& l : split(t, '\n'))
        if (!trim(l).empty()) lines.push_back(trim(l));
      t = join(lines, ", ");
      if (f.name == "domain")  // "https://www.acme.com/" → "acme.com"
        if (std::string d = bare_domain(t); !d.empty()) t = d;
      break;
    }
    case FieldType::Email: {
      size_t at = t.rfind('@');
      if (at != std::string::npos) t = t.substr(0, at) + to_lower(t.substr(at));  // the domain's case never matters
      break;
    }
    case FieldType::Url:
      if (t.find("://") == std::string::npos && t.find('.') == std::string::npos)
        throw cell_error(column, qt(t) + " is not a URL");
      break;
    default:
      break;
  }
  if (f.type == FieldType::List) {
    Node seq = Node::sequence();
    for (const std::string& part : split_multi(t)) seq.items.push_back(parse_field_value(*f.item, part, clock, column));
    return seq;
  }
  return parse_field_value(f, t, clock, column);
}

// Sets a value at a field path ("address.city") in a map.
void set_path(Node& map, const std::string& path, Node value) {
  size_t dot = path.find('.');
  if (dot == std::string::npos) {
    map.set(path, std::move(value));
    return;
  }
  std::string head = path.substr(0, dot);
  Node* sub = map.find(head);
  if (!sub || !sub->is_map()) {
    map.set(head, Node::map());
    sub = map.find(head);
  }
  set_path(*sub, path.substr(dot + 1), std::move(value));
}

std::string phone_kind(std::string_view label) {
  std::string l = fold_alnum(label);
  if (l.find("mobile") != std::string::npos || l.find("cell") != std::string::npos ||
      l.find("iphone") != std::string::npos)
    return "mobile";
  if (l.find("fax") != std::string::npos || l.find("pager") != std::string::npos) return "other";
  if (l.find("work") != std::string::npos || l.find("business") != std::string::npos ||
      l.find("office") != std::string::npos)
    return "work";
  if (l.find("home") != std::string::npos) return "home";
  return l.empty() ? "" : "other";
}

// Google labels: "* myContacts ::: vip" → [vip]; the system group everyone is in is dropped.
std::vector<std::string> tag_values(const std::string& text) {
  std::vector<std::string> out;
  for (std::string t : split_multi(text)) {
    if (starts_with(t, "* ")) t = trim(t.substr(2));
    std::string f = fold_alnum(t);
    if (f == "mycontacts" || f.empty()) continue;
    if (!contains_str(out, t)) out.push_back(t);
  }
  return out;
}

// Finishes a row: the name from its parts, emails and phones into their fields.
void finish_person(Incoming& in, const Schema& schema, const std::string& first, const std::string& middle,
                   const std::string& last, const std::string& nickname,
                   const std::vector<std::pair<std::string, bool>>& emails, const std::vector<PhoneIn>& phones,
                   const std::string& email_column, const std::string& phone_column) {
  if (schema.field("first_name") && !first.empty()) in.fields.set("first_name", Node::scalar(first));
  if (schema.field("last_name") && !last.empty()) in.fields.set("last_name", Node::scalar(last));
  const std::string title = schema.title;
  if (in.fields.get(title).empty()) {
    std::vector<std::string> parts;
    for (const std::string* p : {&first, &middle, &last})
      if (!p->empty()) parts.push_back(*p);
    std::string name = join(parts, " ");
    if (name.empty()) name = nickname;
    if (name.empty() && !emails.empty() && (schema.type == "contact" || schema.type == "lead")) {
      name = emails.front().first;
      in.notes.push_back("no name: named by the email");
    }
    if (!name.empty()) in.fields.set(title, Node::scalar(name));
  }
  // Emails: a preferred one ("* Work" in Google) first.
  std::vector<std::string> ordered;
  for (const auto& [e, pref] : emails)
    if (pref) ordered.push_back(e);
  for (const auto& [e, pref] : emails)
    if (!pref) ordered.push_back(e);
  std::vector<std::string> unique;
  for (const std::string& e : ordered)
    if (std::none_of(unique.begin(), unique.end(), [&](const std::string& u) { return email_key(u) == email_key(e); }))
      unique.push_back(e);
  if (!unique.empty()) {
    if (schema.field("email")) {
      in.fields.set("email", Node::scalar(unique[0]));
      in.column_of["email"] = email_column;
    }
    if (unique.size() > 1) {
      if (schema.field("emails")) {
        Node more = Node::sequence();
        for (size_t k = 1; k < unique.size(); ++k) more.items.push_back(Node::scalar(unique[k]));
        in.fields.set("emails", more);
        in.column_of["emails"] = email_column;
      } else {
        in.notes.push_back("more emails than the " + schema.type +
                           " keeps: " + join(std::vector<std::string>(unique.begin() + 1, unique.end()), ", "));
      }
    }
    if (schema.type == "company" && in.fields.get("domain").empty())
      if (std::string d = company_email_domain(unique[0]); !d.empty()) in.fields.set("domain", Node::scalar(d));
  }
  if (!phones.empty() && schema.field("phone")) {
    in.fields.set("phone", Node::scalar(phones[0].number));
    in.column_of["phone"] = phone_column;
    if (phones.size() > 1) {
      if (schema.field("phones")) {
        Node more = Node::sequence();
        for (size_t k = 1; k < phones.size(); ++k) {
          Node item = Node::map();
          item.set("number", Node::scalar(phones[k].number));
          if (!phones[k].kind.empty()) item.set("kind", Node::scalar(phones[k].kind));
          more.items.push_back(item);
        }
        in.fields.set("phones", more);
        in.column_of["phones"] = phone_column;
      } else {
        std::vector<std::string> rest;
        for (size_t k = 1; k < phones.size(); ++k) rest.push_back(phones[k].number);
        in.notes.push_back("more phones than the " + schema.type + " keeps: " + join(rest, ", "));
      }
    }
  }
  if (schema.type == "company" && in.fields.get("domain").empty())
    if (std::string d = bare_domain(in.fields.get("website")); !d.empty()) in.fields.set("domain", Node::scalar(d));
}

// ---------------------------------------------------------------------------
// Readers

std::string read_input_file(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  return read_file(path, kMaxImportBytes, /*follow_links=*/true);
}

std::vector<Incoming> read_csv_rows(const Store& store, const ImportRequest& req, const Schema& schema,
                                    const std::string& file, const std::string& text, ImportResult& result) {
  CsvOptions o;
  o.delimiter = req.delimiter;
  o.source = file;
  CsvTable table = parse_csv(text, o);
  std::vector<Incoming> out;
  if (table.rows.empty()) return out;
  const std::vector<std::string>& header = table.rows[0].cells;

  // Each column's target: the user's map first, then the tables. When two
  // columns fill the same one-value field, the first wins (Outlook's Business
  // address before its Home address).
  std::vector<Target> targets;
  std::set<std::string> taken;
  // Outlook writes the courtesy title (Mr., Ms.) as "Title" and the job as
  // "Job Title": beside a "Job Title" column, a bare "Title" is not the job.
  bool has_job_title =
      std::any_of(header.begin(), header.end(), [](const std::string& h) { return norm_header(h) == "job title"; });
  for (const std::string& h : header) {
    std::optional<Target> t;
    for (const auto& [column, field] : req.map)
      if (trim(column) == trim(h) || norm_header(column) == norm_header(h)) {
        t = field_target(schema, field);
        if (!t) throw UsageError("--map \"" + column + "=" + field + "\": " + schema.type + " has no field " + field);
        if (t->what == "company" && schema.type == "lead") t = special("company_name");
      }
    if (!t)
      t = (has_job_title && norm_header(h) == "title" && schema.type != "deal" && schema.type != "task")
              ? special("unmapped")
              : auto_target(schema, h);
    bool multi = t->what == "email" || t->what == "emails" || t->what == "phone" || t->what == "tags" ||
                 t->what == "label" || t->what == "refs" || t->what == "ids" || t->what == "ignore" ||
                 t->what == "unmapped";
    if (!multi) {
      if (taken.count(t->what))
        t = special("unmapped");
      else
        taken.insert(t->what);
    }
    if (t->what == "unmapped" && !trim(h).empty() && !contains_str(result.unmapped_columns, h))
      result.unmapped_columns.push_back(h);
    targets.push_back(*t);
  }

  for (size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    Incoming in;
    in.type = schema.type;
    in.file = file;
    in.line = row.line;
    bool any = false;
    for (const std::string& c : row.cells) any = any || !trim(c).empty();
    if (!any) continue;  // ",,,," : an empty row
    if (row.cells.size() > header.size() &&
        std::any_of(row.cells.begin() + static_cast<long>(header.size()), row.cells.end(),
                    [](const std::string& c) { return !trim(c).empty(); }))
      in.notes.push_back("more cells than the header has columns: the extra ones are ignored");
    std::string first, middle, last, nickname, email_column, phone_column;
    std::vector<std::pair<std::string, bool>> emails;
    std::vector<PhoneIn> phones;
    std::map<std::string, std::string> labels;  // group → label
    for (size_t c = 0; c < header.size() && c < row.cells.size(); ++c)
      if (targets[c].what == "label") labels[targets[c].group] = trim(row.cells[c]);
    try {
      for (size_t c = 0; c < header.size() && c < row.cells.size(); ++c) {
        const Target& t = targets[c];
        const std::string& column = header[c];
        std::string v = trim(row.cells[c]);
        if (v.empty() || t.what == "ignore" || t.what == "label") continue;
        // A cell an export neutralised ("'+44 20…", "'=x") reads as it was.
        if (v.size() > 1 && v[0] == '\'' && std::string("=+-@").find(v[1]) != std::string::npos) v = v.substr(1);
        if (t.what == "unmapped") {
          if (req.keep_unmapped) {
            std::string key = snake(column);
            if (key.empty() || schema.field(key) || key == "id" || key == "type" || key == "created" ||
                key == "updated")
              key = "x_" + key;
            in.fields.set(key, Node::scalar(v));
          }
          continue;
        }
        if (t.what == "id") {
          in.id = to_lower(v);
          if (!is_valid_id(in.id)) throw cell_error(column, qt(v) + " is not a record id");
        } else if (t.what == "first_name") {
          first = v;
          in.column_of["first_name"] = column;
        } else if (t.what == "last_name") {
          last = v;
          in.column_of["last_name"] = column;
        } else if (t.what == "middle") {
          middle = v;
        } else if (t.what == "nickname") {
          nickname = v;
        } else if (t.what == "email" || t.what == "emails") {
          const std::string& label = labels[t.group];
          bool pref = t.what == "email" && starts_with(label, "*");
          if (email_column.empty()) email_column = column;
          Field ef;
          ef.name = "email";
          ef.type = FieldType::Email;
          for (const std::string& e : split_multi(v)) {
            emails.emplace_back(convert_cell(ef, e, req, store.clock(), column).text, pref);
            pref = false;
          }
        } else if (t.what == "phone") {
          std::string kind = t.arg.empty() ? phone_kind(labels[t.group]) : t.arg;
          if (phone_column.empty()) phone_column = column;
          Field pf;
          pf.name = "phone";
          pf.type = FieldType::Phone;
          for (std::string p : split_multi(v, false)) {
            // crm's own export: "+44 20 7946 0018 (mobile)"
            std::string k = kind;
            if (size_t open = p.rfind(" ("); open != std::string::npos && p.back() == ')') {
              std::string word = p.substr(open + 2, p.size() - open - 3);
              if (word == "mobile" || word == "work" || word == "home" || word == "other") {
                k = word;
                p = trim(p.substr(0, open));
              }
            }
            phones.push_back(PhoneIn{convert_cell(pf, p, req, store.clock(), column).text, k});
          }
        } else if (t.what == "tags") {
          Node* tags = in.fields.find("tags");
          if (!tags) {
            in.fields.set("tags", Node::sequence());
            tags = in.fields.find("tags");
          }
          for (const std::string& tag : tag_values(v))
            if (std::none_of(tags->items.begin(), tags->items.end(), [&](const Node& n) { return n.text == tag; }))
              tags->items.push_back(Node::scalar(tag));
          in.column_of["tags"] = column;
        } else if (t.what == "company") {
          in.refs.push_back(RefText{"company", column, {v}, false});
        } else if (t.what == "company_name") {
          in.fields.set("company_name", Node::scalar(v));
          in.column_of["company_name"] = column;
        } else if (t.what == "company_id") {
          in.refs.push_back(RefText{"company", column, {to_lower(v)}, true});
        } else if (t.what == "refs" || t.what == "ids") {
          in.refs.push_back(RefText{t.arg, column, split_multi(v), t.what == "ids"});
        } else if (t.what == "stage") {
          std::string stage = map_deal_stage(v, store.config());
          if (stage.empty()) {
            std::vector<std::string> names;
            for (const Stage& s : store.config().pipeline) names.push_back(s.name);
            throw cell_error(column, qt(v) + " is not a stage of the pipeline (" + join(names, ", ") + ")");
          }
          in.stage = stage;
          in.column_of["stage"] = column;
        } else {
          const Field* f = schema.field_path(t.what);
          if (!f) continue;
          set_path(in.fields, t.what, convert_cell(*f, v, req, store.clock(), column));
          in.column_of[t.what.substr(0, t.what.find('.'))] = column;
        }
      }
      finish_person(in, schema, first, middle, last, nickname, emails, phones, email_column, phone_column);
    } catch (const InvalidData& e) {
      in.error = "column " + qt(e.where().field) + ": " + e.message();
    }
    out.push_back(std::move(in));
  }
  return out;
}

// crm's own JSON: an array of {id, type, fields…}, one object, or JSONL.
std::vector<Incoming> read_json_rows(const Store& store, const ImportRequest& req, const std::string& file,
                                     const std::string& text, bool lines) {
  std::vector<std::pair<Node, int>> objects;
  if (lines) {
    int line = 0;
    for (const std::string& l : split(text, '\n')) {
      ++line;
      if (trim(l).empty()) continue;
      Node n = parse_yaml(l, file + ":" + std::to_string(line));
      objects.emplace_back(std::move(n), line);
    }
  } else {
    std::string_view body = text;
    if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    Node doc = parse_yaml(body, file, kMaxImportBytes);
    if (doc.is_sequence()) {
      for (Node& n : doc.items) objects.emplace_back(n, n.line);
    } else if (doc.is_map()) {
      objects.emplace_back(doc, doc.line);
    } else if (!doc.is_null()) {
      throw InvalidData(Location{file, doc.line, doc.column, ""}, "expected an array of records or one record");
    }
  }
  std::vector<Incoming> out;
  for (auto& [obj, line] : objects) {
    Incoming in;
    in.file = file;
    in.line = line;
    in.replace = true;
    in.origin = "field";
    if (!obj.is_map()) {
      in.error = "expected a record (an object with id, type and fields)";
      out.push_back(std::move(in));
      continue;
    }
    std::string type = obj.get("type");
    if (type.empty()) type = req.type;
    in.type = type;
    const Schema* schema = store.schemas().find(type);
    if (!schema) {
      in.error = type.empty() ? "the record has no type (give --type)" : "unknown record type " + qt(type);
      out.push_back(std::move(in));
      continue;
    }
    if (!req.type.empty() && type != req.type) {
      in.error = "skip:a " + type + ", not a " + req.type;
      out.push_back(std::move(in));
      continue;
    }
    for (const auto& [key, value] : obj.entries) {
      if (key == "type" || key == "updated" || key == "related_records") continue;
      if (key == "id") {
        in.id = value.text;
        if (!is_valid_id(in.id)) in.error = "id: " + qt(value.text) + " is not a record id";
        continue;
      }
      if (key == "created") {
        if (value.is_scalar() && parse_iso_datetime(value.text)) {
          in.fields.set("created", Node::scalar(value.text, true));
          in.keep_created = true;
        }
        continue;
      }
      if (value.is_null()) {
        in.unset.push_back(key);
        continue;
      }
      Node v = value;
      // JSON strings are quoted scalars; the record writer decides quoting from the schema.
      std::function<void(Node&)> clear = [&](Node& n) {
        n.line = n.column = 0;
        for (Node& i : n.items) clear(i);
        for (auto& e : n.entries) clear(e.second);
      };
      clear(v);
      in.fields.set(key, v);
      in.column_of[key] = key;
    }
    out.push_back(std::move(in));
  }
  return out;
}

std::vector<Incoming> read_vcard_rows(const Store& store, const ImportRequest& req, const std::string& file,
                                      const std::string& text) {
  std::vector<Incoming> out;
  std::string default_type = req.type.empty() ? "contact" : req.type;
  for (const VcardCard& card : parse_vcards(text, file)) {
    Incoming in;
    in.file = file;
    in.line = card.line;
    in.origin = "property";
    bool org = card.kind == "org" || card.kind == "organization";
    in.type = org ? "company" : default_type;
    if (!req.type.empty() && org && req.type != "company") {
      in.error = "skip:a company card (KIND:org), not a " + req.type;
      out.push_back(std::move(in));
      continue;
    }
    const Schema& schema = store.schemas().get(in.type);
    std::string uid = to_lower(trim(card.uid));
    if (is_valid_id(uid)) in.id = uid;
    try {
      std::vector<std::pair<std::string, bool>> emails;
      for (const VcardEmail& e : card.emails) {
        Field ef;
        ef.name = "email";
        ef.type = FieldType::Email;
        emails.emplace_back(convert_cell(ef, e.address, req, store.clock(), "EMAIL").text, e.pref);
      }
      std::vector<PhoneIn> phones;
      std::vector<const VcardPhone*> ordered;
      for (const VcardPhone& p : card.phones)
        if (p.pref) ordered.push_back(&p);
      for (const VcardPhone& p : card.phones)
        if (!p.pref) ordered.push_back(&p);
      for (const VcardPhone* p : ordered) {
        Field pf;
        pf.name = "phone";
        pf.type = FieldType::Phone;
        phones.push_back(PhoneIn{convert_cell(pf, p->number, req, store.clock(), "TEL").text, p->kind});
      }
      auto set_text = [&](const std::string& field, const std::string& value, const std::string& prop) {
        if (trim(value).empty()) return;
        const Field* f = schema.field_path(field);
        if (!f) return;
        set_path(in.fields, field, convert_cell(*f, value, req, store.clock(), prop));
        in.column_of[field.substr(0, field.find('.'))] = prop;
      };
      if (org) {
        std::string name = !card.org.empty() ? card.org : card.formatted_name;
        set_text("name", name, !card.org.empty() ? "ORG" : "FN");
      } else {
        set_text(schema.title, card.formatted_name, "FN");
        if (schema.type == "lead")
          set_text("company_name", card.org, "ORG");
        else if (!card.org.empty() && schema.field("company"))
          in.refs.push_back(RefText{"company", "ORG", {card.org}, false});
        set_text("title", card.title, "TITLE");
      }
      if (!card.urls.empty()) set_text("website", card.urls.front(), "URL");
      if (org && !card.urls.empty()) set_text("domain", bare_domain(card.urls.front()), "URL");
      set_text("notes", card.note, "NOTE");
      if (!card.birthday.empty() && schema.field("birthday")) {
        std::string iso = normalise_date(card.birthday);
        if (iso.size() >= 10) {
          set_text("birthday", iso.substr(0, 10), "BDAY");
        } else {
          in.notes.push_back("BDAY " + qt(card.birthday) + " is not a full date: not imported");
        }
      }
      if (!card.addresses.empty()) {
        const VcardAddress* a = &card.addresses.front();
        for (const VcardAddress& x : card.addresses)
          if (x.pref) {
            a = &x;
            break;
          }
        std::string street = a->street;
        if (street.empty()) street = a->extended;
        if (street.empty()) street = a->po_box;
        set_text("address.street", street, "ADR");
        set_text("address.city", a->city, "ADR");
        set_text("address.region", a->region, "ADR");
        set_text("address.postal_code", a->postal_code, "ADR");
        set_text("address.country", a->country, "ADR");
      }
      if (!card.categories.empty() && schema.field("tags")) {
        Node tags = Node::sequence();
        for (const std::string& c : card.categories)
          if (!trim(c).empty()) tags.items.push_back(Node::scalar(trim(c)));
        if (!tags.items.empty()) in.fields.set("tags", tags);
        in.column_of["tags"] = "CATEGORIES";
      }
      // crm's own export carries the fields vCard has no property for as X-CRM-FIELD.
      for (const auto& [name, value] : card.extra) {
        if (!starts_with(name, "X-CRM-")) continue;
        std::string field = to_lower(name.substr(6));
        std::replace(field.begin(), field.end(), '-', '_');
        if (const Field* f = schema.field(field); f && f->is_scalar() && f->type != FieldType::Ref)
          set_text(field, value, name);
      }
      finish_person(in, schema, card.given_name, "", card.family_name, card.nickname, emails, phones, "EMAIL", "TEL");
    } catch (const InvalidData& e) {
      in.error = e.where().field + ": " + e.message();
    }
    out.push_back(std::move(in));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Matching, merging, writing

struct Slot {
  Record record;
  Node original;  // the data as it was in the store (a new record: empty)
  bool is_new = false;
  bool alive = true;
  bool keep_created = false;
  std::vector<size_t> rows;  // result rows that made or changed it
  size_t first_row = 0;
};

// Equal as the field's type sees it ("ADA@X" and "ada@x"; "+44 20…" and "020…"; 48000 and 48000.00).
bool equivalent(const Field* f, const Node& a, const Node& b) {
  if (!a.is_scalar() || !b.is_scalar()) return a.same_value(b);
  if (a.text == b.text) return true;
  if (!f) return false;
  switch (f->type) {
    case FieldType::Email:
      return email_key(a.text) == email_key(b.text);
    case FieldType::Phone: {
      std::string ka = phone_key(a.text);
      return !ka.empty() && ka == phone_key(b.text);
    }
    case FieldType::Money:
    case FieldType::Decimal: {
      auto da = Decimal::parse(a.text), db = Decimal::parse(b.text);
      return da && db && *da == *db;
    }
    case FieldType::Url:
      return bare_domain(a.text) == bare_domain(b.text) && to_lower(a.text) == to_lower(b.text);
    default:
      return false;
  }
}

// Merges an imported value into a record's: lists as sets, objects by key,
// scalars replaced unless equivalent.
void merge_value(const Field* f, Node& parent, const std::string& key, const Node& incoming) {
  Node* existing = parent.find(key);
  if (!existing || existing->empty()) {
    parent.set(key, incoming);
    return;
  }
  if (f && (f->type == FieldType::List || f->type == FieldType::Refs) && existing->is_sequence() &&
      incoming.is_sequence()) {
    const Field* item = f->type == FieldType::List ? f->item.get() : nullptr;
    for (const Node& x : incoming.items)
      if (std::none_of(existing->items.begin(), existing->items.end(),
                       [&](const Node& e) { return equivalent(item, e, x); }))
        existing->items.push_back(x);
    return;
  }
  if (f && f->type == FieldType::Object && existing->is_map() && incoming.is_map()) {
    for (const auto& [k, v] : incoming.entries) merge_value(f->subfield(k), *existing, k, v);
    return;
  }
  if (!equivalent(f, *existing, incoming)) parent.set(key, incoming);
}

// A contact's emails and phones: a value it has anywhere is not added again;
// a new one fills the primary field when empty, else joins the list.
void merge_person(Record& r, const Schema& schema, Node& fields) {
  if (schema.field("emails")) {
    std::vector<std::string> in;
    if (const Node* e = fields.find("email"); e && e->is_scalar()) in.push_back(e->text);
    if (const Node* es = fields.find("emails"); es && es->is_sequence())
      for (const Node& e : es->items) in.push_back(e.text);
    for (const std::string& e : in) {
      bool has = email_key(r.get("email")) == email_key(e);
      if (const Node* es = r.data.find("emails"); es && es->is_sequence())
        for (const Node& x : es->items) has = has || email_key(x.text) == email_key(e);
      if (has) continue;
      if (r.get("email").empty()) {
        r.data.set("email", Node::scalar(e));
      } else {
        Node* es = r.data.find("emails");
        if (!es || !es->is_sequence()) {
          r.data.set("emails", Node::sequence());
          es = r.data.find("emails");
        }
        es->items.push_back(Node::scalar(e));
      }
    }
    fields.erase("email");
    fields.erase("emails");
  }
  if (schema.field("phones")) {
    std::vector<PhoneIn> in;
    if (const Node* p = fields.find("phone"); p && p->is_scalar()) in.push_back({p->text, ""});
    if (const Node* ps = fields.find("phones"); ps && ps->is_sequence())
      for (const Node& p : ps->items) in.push_back({p.get("number"), p.get("kind")});
    for (const PhoneIn& p : in) {
      std::string key = phone_key(p.number);
      auto same = [&](const std::string& other) { return key.empty() ? other == p.number : phone_key(other) == key; };
      bool has = same(r.get("phone"));
      if (Node* ps = r.data.find("phones"); ps && ps->is_sequence())
        for (Node& x : ps->items)
          if (same(x.get("number"))) {
            has = true;
            if (x.get("kind").empty() && !p.kind.empty()) x.set("kind", Node::scalar(p.kind));
          }
      if (has) continue;
      if (r.get("phone").empty()) {
        r.data.set("phone", Node::scalar(p.number));
      } else {
        Node* ps = r.data.find("phones");
        if (!ps || !ps->is_sequence()) {
          r.data.set("phones", Node::sequence());
          ps = r.data.find("phones");
        }
        Node item = Node::map();
        item.set("number", Node::scalar(p.number));
        if (!p.kind.empty()) item.set("kind", Node::scalar(p.kind));
        ps->items.push_back(item);
      }
    }
    fields.erase("phone");
    fields.erase("phones");
  }
}

// The data without the stamps, canonical: what "changed" compares.
Node comparable(const Node& data, const Schema& schema) {
  Node c = canonical_data(data, schema);
  c.erase("created");
  c.erase("updated");
  return c;
}

class Importer {
 public:
  Importer(const Store& store, const ImportRequest& req, ImportResult& result)
      : store_(store), req_(req), result_(result), schemas_(store.schemas()) {}

  void process(Incoming& in);
  void write_all();

 private:
  void ensure_loaded(const std::string& type);
  void index(size_t slot);
  std::vector<std::string> keys_of(const Record& r, const std::string& kind) const;
  std::vector<size_t> lookup(const std::string& type, const std::string& kind,
                             const std::vector<std::string>& keys) const;
  std::vector<std::vector<std::string>> key_plan(const std::string& type, bool json) const;
  std::optional<std::string> resolve_company(Incoming& in, const RefText& ref, std::vector<size_t>& made);
  std::string resolve_any(const Field& f, const std::string& text);
  size_t new_slot(const std::string& type, const std::string& id);
  void apply_defaults(Record& r, const Schema& schema) const;
  Seconds deal_move_time(const Record& deal, const std::string& stage, bool is_new) const;

  const Store& store_;
  const ImportRequest& req_;
  ImportResult& result_;
  const SchemaSet& schemas_;
  std::vector<Slot> slots_;
  std::set<std::string> loaded_;
  std::map<std::string, std::vector<size_t>> index_;  // "type|kind|key" → slots
};

void Importer::ensure_loaded(const std::string& type) {
  if (loaded_.count(type)) return;
  loaded_.insert(type);
  const Schema& schema = schemas_.get(type);
  Store::Loaded all = store_.load_all(schema);
  for (Record& r : all.records) {
    Slot s;
    s.original = r.data;
    s.record = std::move(r);
    slots_.push_back(std::move(s));
    index(slots_.size() - 1);
  }
  // Records that do not validate are still there: matching one updates it, if the result validates.
  for (Record& r : all.invalid) {
    Slot s;
    s.original = r.data;
    s.record = std::move(r);
    slots_.push_back(std::move(s));
    index(slots_.size() - 1);
  }
}

std::vector<std::string> Importer::keys_of(const Record& r, const std::string& kind) const {
  std::vector<std::string> out;
  const std::string& type = r.type;
  const Schema& schema = schemas_.get(type);
  auto name_key = [&]() -> std::string {
    std::string title = r.get(schema.title);
    return type == "company" ? normalise_company_name(title) : person_name_key(title);
  };
  if (kind == "id") {
    if (!r.id().empty()) out.push_back(r.id());
  } else if (kind == "email") {
    if (std::string k = email_key(r.get("email")); !k.empty()) out.push_back(k);
    if (const Node* es = r.data.find("emails"); es && es->is_sequence())
      for (const Node& e : es->items)
        if (std::string k = email_key(e.text); !k.empty()) out.push_back(k);
  } else if (kind == "domain") {
    std::string d = bare_domain(r.get("domain"));
    if (d.empty()) d = bare_domain(r.get("website"));
    if (!d.empty()) out.push_back(d);
  } else if (kind == "name") {
    if (std::string k = name_key(); !k.empty()) out.push_back(k);
  } else if (kind == "fallback") {
    std::string k = name_key();
    if (k.empty()) return out;
    if (type == "deal") k += "|" + r.get("company");
    if (type == "task") k += "|" + r.get("due");
    if (type == "activity") k = r.get("kind") + "|" + r.get("at") + "|" + k;
    out.push_back(k);
  } else if (starts_with(kind, "field:")) {
    const Field* f = schema.field_path(kind.substr(6));
    const Field* item = f && f->type == FieldType::List ? f->item.get() : f;
    auto key = [&](const std::string& text) {
      if (item && item->type == FieldType::Phone) return phone_key(text);
      if (item && item->type == FieldType::Email) return email_key(text);
      return fold_case(trim(text));
    };
    const Node* v = r.find(kind.substr(6));
    if (v && v->is_scalar())
      if (std::string k = key(v->text); !k.empty()) out.push_back(k);
    if (v && v->is_sequence())
      for (const Node& i : v->items)
        if (std::string k = key(i.is_map() ? i.get("number") : i.text); !k.empty()) out.push_back(k);
  }
  return out;
}

void Importer::index(size_t slot) {
  const Record& r = slots_[slot].record;
  std::vector<std::string> kinds = {"id", "email", "domain", "name", "fallback"};
  if (!req_.match.empty() && req_.match != "id" && req_.match != "email" && req_.match != "domain" &&
      req_.match != "name")
    kinds.push_back("field:" + req_.match);
  for (const std::string& kind : kinds)
    for (const std::string& k : keys_of(r, kind)) {
      std::vector<size_t>& v = index_[r.type + "|" + kind + "|" + k];
      if (std::find(v.begin(), v.end(), slot) == v.end()) v.push_back(slot);
    }
}

std::vector<size_t> Importer::lookup(const std::string& type, const std::string& kind,
                                     const std::vector<std::string>& keys) const {
  std::vector<size_t> out;
  for (const std::string& k : keys) {
    auto it = index_.find(type + "|" + kind + "|" + k);
    if (it == index_.end()) continue;
    for (size_t s : it->second)
      if (slots_[s].alive && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

// The keys tried in order; a row with no value for any falls back on its name.
std::vector<std::vector<std::string>> Importer::key_plan(const std::string& type, bool json) const {
  std::string m = req_.match;
  if (m.empty()) {
    if (json) return {{"id"}};
    if (type == "contact" || type == "lead") return {{"email"}};
    if (type == "company") return {{"domain", "name"}};
    return {{}};
  }
  if (m == "id") return {{}};
  if (m == "email" || m == "domain" || m == "name") return {{m}};
  return {{"field:" + m}};
}

size_t Importer::new_slot(const std::string& type, const std::string& id) {
  Slot s;
  s.is_new = true;
  s.record.type = type;
  s.record.data.set("id", Node::scalar(id));
  slots_.push_back(std::move(s));
  return slots_.size() - 1;
}

void Importer::apply_defaults(Record& r, const Schema& schema) const {
  for (const Field& f : schema.fields)
    if (!f.default_value.empty() && !r.data.find(f.name)) {
      try {
        r.data.set(f.name, parse_field_value(f, f.default_value, store_.clock(), f.name));
      } catch (const Error&) {
      }
    }
  if (const Field* src = schema.field("source"); src && contains_str(src->values, "import") && r.get("source").empty())
    r.data.set("source", Node::scalar("import"));
}

// A new deal imported as won or lost closed on its close date; anything else moves now.
Seconds Importer::deal_move_time(const Record& deal, const std::string& stage, bool is_new) const {
  if (is_new)
    if (auto d = parse_iso_date(deal.get("close_date")))
      if (const Stage* s = store_.config().stage(stage); s && !s->closed.empty()) return Seconds{*d};
  return store_.clock().now;
}

// A contact's or deal's company named by name or domain: an existing one,
// one this import made, or a new one.
std::optional<std::string> Importer::resolve_company(Incoming& in, const RefText& ref, std::vector<size_t>& made) {
  ensure_loaded("company");
  const std::string& text = ref.values.front();
  if (ref.by_id) {
    if (!lookup("company", "id", {text}).empty()) return text;
    throw cell_error(ref.column, "no company with id " + text);
  }
  std::string lower = to_lower(trim(text));
  if (is_valid_id(lower) && !lookup("company", "id", {lower}).empty()) return lower;
  bool looks_like_domain = text.find(' ') == std::string::npos && text.find('.') != std::string::npos &&
                           text.find('@') == std::string::npos && !bare_domain(text).empty();
  std::vector<size_t> hits;
  if (looks_like_domain) hits = lookup("company", "domain", {bare_domain(text)});
  if (hits.empty()) hits = lookup("company", "name", {normalise_company_name(text)});
  std::string email_domain = company_email_domain(in.fields.get("email"));
  if (hits.empty() && !email_domain.empty()) hits = lookup("company", "domain", {email_domain});
  if (hits.size() > 1) {
    std::vector<std::string> ids;
    for (size_t h : hits) ids.push_back(slots_[h].record.id());
    in.notes.push_back("company " + qt(text) + " matches " + std::to_string(hits.size()) + " companies (" +
                       join(ids, ", ") + "): linked to the first; run crm dedupe --type company");
  }
  if (!hits.empty()) return slots_[hits.front()].record.id();
  if (req_.mode == "update") {
    in.notes.push_back("no company " + qt(text) + ": not linked (--mode update creates nothing)");
    return std::nullopt;
  }
  size_t s = new_slot("company", new_id());
  Record& c = slots_[s].record;
  c.data.set("name", Node::scalar(looks_like_domain ? bare_domain(text) : trim(text)));
  std::string domain = looks_like_domain ? bare_domain(text) : email_domain;
  // A domain another company has already is not taken twice.
  if (!domain.empty() && lookup("company", "domain", {domain}).empty()) c.data.set("domain", Node::scalar(domain));
  apply_defaults(c, schemas_.get("company"));
  std::vector<InvalidData> problems = validate_record(c, schemas_.get("company"));
  if (!problems.empty()) {
    slots_[s].alive = false;
    throw cell_error(ref.column, "company " + qt(text) + ": " + problems.front().message());
  }
  index(s);
  made.push_back(s);
  return c.id();
}

// A name, email or id → the id of a record a reference field may hold; "" when none (or several).
std::string Importer::resolve_any(const Field& f, const std::string& text) {
  std::vector<std::string> types = f.ref_types;
  if (types.empty())
    for (const Schema& s : schemas_.all()) types.push_back(s.type);
  std::string t = trim(text);
  // "Ada Lovelace <ada@x>" or "Ada Lovelace (ada@x)": the email decides.
  std::string email;
  if (size_t at = t.find('@'); at != std::string::npos) {
    size_t start = t.find_last_of(" <(", at);
    size_t end = t.find_first_of(" >)", at);
    email = t.substr(start == std::string::npos ? 0 : start + 1,
                     end == std::string::npos ? std::string::npos : end - (start == std::string::npos ? 0 : start + 1));
  }
  for (const std::string& type : types) {
    ensure_loaded(type);
    std::vector<size_t> hits = lookup(type, "id", {to_lower(t)});
    if (hits.empty() && !email.empty()) hits = lookup(type, "email", {email_key(email)});
    if (hits.empty()) {
      std::string key = type == "company" ? normalise_company_name(t) : person_name_key(t);
      hits = lookup(type, "name", {key});
    }
    if (hits.size() == 1) return slots_[hits.front()].record.id();
  }
  return "";
}

void Importer::process(Incoming& in) {
  ImportRowResult row;
  row.type = in.type;
  row.file = in.file;
  row.line = in.line;
  if (const Schema* known = schemas_.find(in.type)) row.name = in.fields.get(known->title);
  size_t row_index = result_.rows.size();
  result_.rows.push_back(row);
  // "column \"E-mail 1 - Value\"" for a CSV, "EMAIL" for a vCard property.
  auto where = [&](const std::string& column) { return in.origin == "column" ? "column " + qt(column) : column; };
  auto finish = [&](const std::string& action, const std::string& reason) {
    ImportRowResult& r = result_.rows[row_index];
    r.action = action;
    std::vector<std::string> parts;
    if (!reason.empty()) parts.push_back(reason);
    for (const std::string& n : in.notes) parts.push_back(n);
    r.reason = join(parts, "; ");
  };
  if (!in.error.empty()) {
    if (starts_with(in.error, "skip:")) {
      finish("skipped", in.error.substr(5));
    } else {
      finish("failed", in.error);
    }
    return;
  }
  const Schema& schema = schemas_.get(in.type);
  ensure_loaded(in.type);
  result_.rows[row_index].name = in.fields.get(schema.title);

  // References by name: a contact's company (made when new), a deal's contacts, a task's records.
  std::vector<size_t> made;  // companies this row makes
  auto drop_made = [&] {
    for (size_t s : made) slots_[s].alive = false;
  };
  try {
    // An id column (company_id) wins over the name column of the same field;
    // the name is used when the id names nothing here (another store's export).
    std::vector<RefText> refs;
    for (const RefText& ref : in.refs) {
      bool has_id = std::any_of(in.refs.begin(), in.refs.end(),
                                [&](const RefText& o) { return o.by_id && o.field == ref.field; });
      if (has_id && !ref.by_id) continue;
      RefText use = ref;
      if (ref.by_id) {
        bool all_found = true;
        for (const std::string& id : ref.values) {
          bool found = is_valid_id(id) && store_.type_of(id) != nullptr;
          for (const Slot& s : slots_) found = found || (s.alive && s.record.id() == id);
          all_found = all_found && found;
        }
        if (!all_found)
          for (const RefText& o : in.refs)
            if (!o.by_id && o.field == ref.field) use = o;
      }
      refs.push_back(use);
    }
    for (const RefText& ref : refs) {
      const Field* f = schema.field(ref.field);
      if (!f) continue;
      if (ref.field == "company" && f->type == FieldType::Ref && f->ref_types == std::vector<std::string>{"company"}) {
        if (auto id = resolve_company(in, ref, made)) {
          in.fields.set("company", Node::scalar(*id));
          in.column_of["company"] = ref.column;
        }
        continue;
      }
      Node ids = Node::sequence();
      for (const std::string& v : ref.values) {
        std::string id = ref.by_id ? to_lower(v) : resolve_any(*f, v);
        if (ref.by_id) {
          bool found = is_valid_id(id) && store_.type_of(id) != nullptr;
          for (const Slot& s : slots_) found = found || (s.alive && s.record.id() == id);
          if (!found) throw cell_error(ref.column, "no record with id " + id);
        }
        if (id.empty()) {
          in.notes.push_back(ref.column + ": no single record matches " + qt(v) + ", not linked");
          continue;
        }
        ids.items.push_back(Node::scalar(id));
      }
      if (ids.items.empty()) continue;
      if (f->type == FieldType::Ref) {
        in.fields.set(ref.field, ids.items.front());
      } else {
        in.fields.set(ref.field, ids);
      }
      in.column_of[ref.field] = ref.column;
    }
  } catch (const InvalidData& e) {
    drop_made();
    finish("failed", where(e.where().field) + ": " + e.message());
    return;
  }

  // The record this row is about.
  bool json = in.replace;
  std::optional<size_t> slot;
  std::string how;
  if (!in.id.empty()) {
    std::vector<size_t> hits = lookup(in.type, "id", {in.id});
    if (!hits.empty()) {
      slot = hits.front();
      how = "id";
    } else if (const Schema* other = store_.type_of(in.id); other && other->type != in.type) {
      drop_made();
      finish("failed", "id " + in.id + " is a " + other->type + " already");
      return;
    }
  }
  if (!slot) {
    Record probe;
    probe.type = in.type;
    probe.data = in.fields;
    bool had_key = false;
    for (const std::vector<std::string>& group : key_plan(in.type, json)) {
      for (const std::string& kind : group) {
        std::vector<std::string> keys = keys_of(probe, kind);
        if (keys.empty()) continue;
        had_key = true;
        std::vector<size_t> hits = lookup(in.type, kind, keys);
        if (hits.size() > 1) {
          std::vector<std::string> ids;
          for (size_t h : hits) ids.push_back(slots_[h].record.id());
          drop_made();
          finish("skipped", "matches " + std::to_string(hits.size()) + " " + schema.folder + " by " +
                                (starts_with(kind, "field:") ? kind.substr(6) : kind) + " (" + join(ids, ", ") +
                                "); merge them first (crm dedupe)");
          return;
        }
        if (hits.size() == 1) {
          slot = hits.front();
          how = starts_with(kind, "field:") ? kind.substr(6) : kind;
          break;
        }
      }
      if (slot || had_key) break;
    }
    if (!slot && !had_key && in.id.empty()) {
      std::vector<size_t> hits = lookup(in.type, "fallback", keys_of(probe, "fallback"));
      if (hits.size() == 1) {
        slot = hits.front();
        how = "name";
      } else if (hits.size() > 1) {
        drop_made();
        finish("skipped",
               "no key to match by, and the name matches " + std::to_string(hits.size()) + " " + schema.folder);
        return;
      }
    }
  }

  // Modes.
  bool from_this_import = slot && slots_[*slot].is_new;
  if (slot && !from_this_import && req_.mode == "create") {
    drop_made();
    finish("skipped",
           "exists already (" + slots_[*slot].record.id() + ", same " + how + "); --mode create adds only new ones");
    return;
  }
  if (!slot && req_.mode == "update") {
    drop_made();
    finish("skipped", "no " + in.type + " matches; --mode update changes only existing ones");
    return;
  }
  bool created = false;
  if (!slot) {
    std::string id = in.id;
    if (id.empty() || store_.type_of(id)) id = new_id();
    slot = new_slot(in.type, id);
    created = true;
    // A record that comes back with its id (crm's own JSON, vCard or CSV) is
    // restored as it was: no defaults added.
    if (in.id.empty()) apply_defaults(slots_[*slot].record, schema);
    // A new deal with no stage starts where `deal add` starts it.
    if (in.id.empty() && in.type == "deal" && in.stage.empty() && !in.fields.find("stage"))
      in.stage = first_open_stage(store_.config());
    if (in.keep_created) slots_[*slot].keep_created = true;
  }
  Slot& s = slots_[*slot];
  Node before = s.record.data;

  // Apply the row.
  Node fields = in.fields;
  if (json) {
    for (const auto& [k, v] : fields.entries) {
      if (k == "created" && !created) continue;
      s.record.data.set(k, v);
    }
    for (const std::string& k : in.unset) s.record.data.erase(k);
  } else {
    merge_person(s.record, schema, fields);
    for (const auto& [k, v] : fields.entries) merge_value(schema.field(k), s.record.data, k, v);
    if (!in.stage.empty() && s.record.get("stage") != in.stage) {
      try {
        move_deal(s.record, store_.config(), in.stage, deal_move_time(s.record, in.stage, s.is_new));
      } catch (const Error& e) {
        s.record.data = before;
        if (created) s.alive = false;
        drop_made();
        finish("failed", where(in.column_of["stage"]) + ": " + e.what());
        return;
      }
    }
  }
  std::vector<InvalidData> problems = validate_record(s.record, schema);
  for (InvalidData& p : check_rules(s.record, schema, store_.config())) problems.push_back(p);
  if (!problems.empty()) {
    const InvalidData& p = problems.front();
    std::string field = p.where().field;
    std::string top = field.substr(0, field.find('.'));
    std::string column = in.column_of.count(top) ? in.column_of[top] : "";
    s.record.data = before;
    if (created) s.alive = false;
    drop_made();
    std::string at = column.empty() ? field : where(column) + (column == field ? "" : " (" + field + ")");
    finish("failed", at + ": " + p.message());
    return;
  }

  // Done: what it did, and the companies it made.
  ImportRowResult& r = result_.rows[row_index];
  r.id = s.record.id();
  r.name = s.record.get(schema.title);
  std::string reason;
  std::string action;
  if (created) {
    action = "created";
    s.first_row = row_index;
  } else {
    action = comparable(before, schema).same_value(comparable(s.record.data, schema)) ? "unchanged" : "updated";
    if (from_this_import) {
      const ImportRowResult& first = result_.rows[s.first_row];
      reason = "same " + how + " as line " + std::to_string(first.line) +
               (first.file != in.file ? " of " + first.file : "") + (action == "updated" ? ": merged into one" : "");
    }
  }
  s.rows.push_back(row_index);
  if (s.keep_created && !created && in.keep_created) s.keep_created = true;
  finish(action, reason);
  index(*slot);
  for (size_t m : made) {
    Slot& c = slots_[m];
    ImportRowResult cr;
    cr.action = "created";
    cr.type = "company";
    cr.id = c.record.id();
    cr.name = c.record.get("name");
    cr.file = in.file;
    cr.line = in.line;
    std::string column = in.column_of.count("company") ? in.column_of["company"] : "company";
    cr.reason = "named in " + (in.origin == "column" ? "column " + qt(column) : column);
    c.first_row = result_.rows.size();
    c.rows.push_back(result_.rows.size());
    result_.rows.push_back(cr);
  }
}

void Importer::write_all() {
  // What changed, in an order that writes every record after those it refers to.
  std::vector<size_t> changed;
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < slots_.size(); ++i) {
    Slot& s = slots_[i];
    if (!s.alive || s.rows.empty()) continue;
    const Schema& schema = schemas_.get(s.record.type);
    if (!s.is_new && comparable(s.original, schema).same_value(comparable(s.record.data, schema))) continue;
    changed.push_back(i);
    if (s.is_new) by_id[s.record.id()] = i;
  }
  std::vector<size_t> order;
  std::vector<int> state(slots_.size(), 0);  // 0 new, 1 visiting, 2 done
  std::function<void(size_t)> visit = [&](size_t i) {
    if (state[i]) return;
    state[i] = 1;
    const Record& r = slots_[i].record;
    const Schema& schema = schemas_.get(r.type);
    for (const Field& f : schema.fields) {
      if (f.type != FieldType::Ref && f.type != FieldType::Refs) continue;
      const Node* v = r.data.find(f.name);
      if (!v) continue;
      std::vector<std::string> ids;
      if (v->is_scalar()) ids.push_back(v->text);
      for (const Node& item : v->items) ids.push_back(item.text);
      for (const std::string& id : ids)
        if (auto it = by_id.find(id); it != by_id.end() && it->second != i && state[it->second] != 1) visit(it->second);
    }
    state[i] = 2;
    order.push_back(i);
  };
  // Companies first, then the rest in the order the rows came.
  for (size_t i : changed)
    if (slots_[i].record.type == "company") visit(i);
  for (size_t i : changed) visit(i);

  if (req_.dry_run) return;
  for (size_t i : order) {
    Slot& s = slots_[i];
    try {
      Record r = s.record;
      r.path.clear();
      // A JSON record keeps its own `created`: written as an update of a file that is not there yet.
      bool as_new = s.is_new && !(s.keep_created && r.data.find("created"));
      if (s.is_new && !as_new && store_.exists(schemas_.get(r.type), r.id()))
        throw Conflict(schemas_.get(r.type).folder + "/" + r.id() + ".yaml appeared during the import");
      store_.write(r, as_new);
      s.record = r;
    } catch (const Error& e) {
      s.alive = false;
      for (size_t row : s.rows) {
        result_.rows[row].action = "failed";
        std::string msg = e.what();
        if (const auto* inv = dynamic_cast<const InvalidData*>(&e))
          msg = (inv->where().field.empty() ? "" : inv->where().field + ": ") + inv->message();
        result_.rows[row].reason = "not written: " + msg;
      }
    }
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_column_map(std::string_view text, const std::string& source) {
  Node doc = parse_yaml(text, source);
  std::vector<std::pair<std::string, std::string>> out;
  if (doc.is_null()) return out;
  if (!doc.is_map())
    throw InvalidData(Location{source, doc.line, doc.column, ""}, "a column map is \"Column Header: field\" lines");
  for (const auto& [k, v] : doc.entries) {
    if (!v.is_scalar() && !v.is_null())
      throw InvalidData(Location{source, v.line, v.column, k}, "expected a field name");
    out.emplace_back(k, v.is_null() ? "-" : v.text);
  }
  return out;
}

ImportResult import_records(const Store& store, const ImportRequest& req) {
  static const char* const kFormats[] = {"csv", "vcard", "json", "jsonl"};
  if (std::none_of(std::begin(kFormats), std::end(kFormats), [&](const char* f) { return req.format == f; }))
    throw UsageError("unknown import format " + qt(req.format) + " (csv, vcard, json, jsonl)");
  if (req.mode != "create" && req.mode != "update" && req.mode != "upsert")
    throw UsageError("unknown --mode " + qt(req.mode) + " (create, update, upsert)");
  if (req.files.empty()) throw UsageError("no file to import");
  std::string type = req.type;
  if (type.empty() && (req.format == "csv" || req.format == "vcard")) type = "contact";
  if (!type.empty()) {
    const Schema& schema = store.schemas().get(type);  // UsageError naming the types
    const std::string& m = req.match;
    if (m == "email" && !schema.field("email")) throw UsageError("--match email: a " + type + " has no email");
    if (m == "domain" && !schema.field("domain")) throw UsageError("--match domain: a " + type + " has no domain");
    if (!m.empty() && m != "id" && m != "email" && m != "domain" && m != "name" && !schema.field_path(m))
      throw UsageError("--match " + m + ": a " + type + " has no field " + m);
  }
  if (req.format == "vcard" && !type.empty() && type != "contact" && type != "company" && type != "lead")
    throw UsageError("vCard cards import as contacts, companies or leads, not as " + type);

  ImportRequest effective = req;
  effective.type = req.format == "csv" ? type : req.type;
  ImportResult result;
  std::vector<Incoming> rows;
  for (const std::string& file : req.files) {
    std::string name = file == "-" ? "<stdin>" : file;
    std::string text = read_input_file(file);
    std::vector<Incoming> got;
    if (req.format == "csv") {
      got = read_csv_rows(store, effective, store.schemas().get(type), name, text, result);
    } else if (req.format == "vcard") {
      got = read_vcard_rows(store, effective, name, text);
    } else {
      got = read_json_rows(store, effective, name, text, req.format == "jsonl");
    }
    for (Incoming& in : got) rows.push_back(std::move(in));
  }
  // Companies first: a contact row then links the company its file also holds
  // (a KIND:org card, a company object) instead of making another.
  std::stable_partition(rows.begin(), rows.end(), [](const Incoming& in) { return in.type == "company"; });

  Importer importer(store, effective, result);
  for (Incoming& in : rows) importer.process(in);
  importer.write_all();
  // Rows in file order, whatever order they were processed in.
  auto file_index = [&](const std::string& f) {
    for (size_t i = 0; i < req.files.size(); ++i)
      if (req.files[i] == f || (req.files[i] == "-" && f == "<stdin>")) return i;
    return req.files.size();
  };
  std::stable_sort(result.rows.begin(), result.rows.end(), [&](const ImportRowResult& a, const ImportRowResult& b) {
    size_t fa = file_index(a.file), fb = file_index(b.file);
    return fa != fb ? fa < fb : a.line < b.line;
  });
  for (const ImportRowResult& r : result.rows) {
    if (r.action == "created")
      ++result.created;
    else if (r.action == "updated")
      ++result.updated;
    else if (r.action == "unchanged")
      ++result.unchanged;
    else if (r.action == "skipped")
      ++result.skipped;
    else if (r.action == "failed")
      ++result.failed;
  }
  return result;
}

std::string import_summary(const ImportResult& r) {
  return std::to_string(r.created) + " created, " + std::to_string(r.updated) + " updated, " +
         std::to_string(r.unchanged) + " unchanged, " + std::to_string(r.skipped) + " skipped, " +
         std::to_string(r.failed) + " failed";
}

std::string import_result_json(const ImportResult& r) {
  std::string out = "{\"created\":" + std::to_string(r.created) + ",\"updated\":" + std::to_string(r.updated) +
                    ",\"unchanged\":" + std::to_string(r.unchanged) + ",\"skipped\":" + std::to_string(r.skipped) +
                    ",\"failed\":" + std::to_string(r.failed) + ",\"rows\":[";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const ImportRowResult& x = r.rows[i];
    out += std::string(i ? "," : "") + "{\"action\":" + json_string(x.action) + ",\"type\":" + json_string(x.type) +
           ",\"id\":" + (x.id.empty() ? "null" : json_string(x.id)) + ",\"name\":" + json_string(x.name) +
           ",\"file\":" + json_string(x.file) + ",\"line\":" + std::to_string(x.line) +
           ",\"reason\":" + (x.reason.empty() ? "null" : json_string(x.reason)) + "}";
  }
  out += "],\"unmapped_columns\":[";
  for (size_t i = 0; i < r.unmapped_columns.size(); ++i) out += (i ? "," : "") + json_string(r.unmapped_columns[i]);
  return out + "]}";
}

}  // namespace crm
