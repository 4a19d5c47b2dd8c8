#include "crm/import_values.hpp"

#include <algorithm>
#include <optional>

#include "crm/decimal.hpp"
#include "crm/error.hpp"
#include "crm/match_keys.hpp"
#include "crm/text.hpp"

namespace crm {

namespace import {

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
std::vector<std::string> split_multi(std::string_view text, bool allow_comma) {
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

std::vector<std::string> split_quoted_list(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ',';
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"' && trim(cur).empty()) {
      cur.clear();
      quoted = was_quoted = true;
    } else if (c == ',') {
      std::string item = was_quoted ? cur : trim(cur);
      if (!trim(item).empty()) out.push_back(item);
      cur.clear();
      was_quoted = false;
    } else if (!(was_quoted && (c == ' ' || c == '\t'))) {
      cur += c;
    }
  }
  return out;
}

std::string join_quoted_list(const std::vector<std::string>& items) {
  std::vector<std::string> parts;
  for (const std::string& item : items) {
    if (item.find_first_of(",\"") == std::string::npos && trim(item) == item) {
      parts.push_back(item);
      continue;
    }
    std::string q = "\"";
    for (char c : item) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    parts.push_back(q + "\"");
  }
  return join(parts, ", ");
}

bool contains_str(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace import

namespace {

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
  std::string want = import::fold_alnum(text);
  if (want.empty()) return "";
  if (config.pipeline.empty()) return trim(text);
  for (const Stage& s : config.pipeline)
    if (import::fold_alnum(s.name) == want) return s.name;
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
namespace import {

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
InvalidData cell_error(const std::string& column, const std::string& msg) {
  return InvalidData(Location{"", 0, 0, column}, msg);
}

std::string note_text(std::string_view s) {
  std::string lf;
  lf.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) lf += s[i];
  return escape_stream_for_terminal(lf);
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

}  // namespace import

}  // namespace crm
