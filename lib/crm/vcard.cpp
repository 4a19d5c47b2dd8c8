#include "crm/vcard.hpp"

#include <algorithm>
#include <map>

#include "crm/charset.hpp"
#include "crm/content_line.hpp"
#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

struct Param {
  std::string name;  // upper case; a 2.1 bare parameter is TYPE (or ENCODING/CHARSET when it is one)
  std::vector<std::string> values;
};

struct Prop {
  std::string group;
  std::string name;  // upper case
  std::vector<Param> params;
  std::string value;  // decoded from QUOTED-PRINTABLE and CHARSET, still backslash-escaped
  bool binary = false;
  int line = 0;

  std::vector<std::string> param(const std::string& n) const {
    std::vector<std::string> out;
    for (const Param& p : params)
      if (p.name == n) out.insert(out.end(), p.values.begin(), p.values.end());
    return out;
  }
  bool has_param(const std::string& n) const {
    return std::any_of(params.begin(), params.end(), [&](const Param& p) { return p.name == n; });
  }
  std::vector<std::string> types() const {
    std::vector<std::string> out;
    for (const std::string& t : param("TYPE")) out.push_back(to_lower(t));
    return out;
  }
};

// Splits on `sep` outside double quotes.
std::vector<std::string> split_outside_quotes(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (c == sep && !quoted) {
      out.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  out.push_back(cur);
  return out;
}

size_t find_outside_quotes(std::string_view s, char c) {
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (s[i] == c && !quoted) return i;
  }
  return std::string_view::npos;
}

bool is_qp_header(std::string_view line) {
  size_t colon = find_outside_quotes(line, ':');
  std::string head = upper(line.substr(0, colon == std::string_view::npos ? line.size() : colon));
  return head.find("QUOTED-PRINTABLE") != std::string::npos;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string decode_qp(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '=' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else if (s[i] == '=' && i + 1 == s.size()) {
      // a soft line break left at the very end
    } else {
      out += s[i];
    }
  }
  return out;
}

// Backslash escapes of TEXT values: \\ \n \N \, \; \: (and any other \x as x).
std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += (n == 'n' || n == 'N') ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The components of a structured value, split on unescaped `sep`, still escaped.
std::vector<std::string> split_escaped(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      cur += s[i];
      cur += s[++i];
      continue;
    }
    if (s[i] == sep) {
      out.push_back(cur);
      cur.clear();
      continue;
    }
    cur += s[i];
  }
  out.push_back(cur);
  return out;
}

// A component that may itself be a comma list ("Ada,Augusta") → words.
std::string component(const std::vector<std::string>& parts, size_t i) {
  if (i >= parts.size()) return "";
  std::vector<std::string> words;
  for (const std::string& w : split_escaped(parts[i], ','))
    if (std::string t = trim(unescape(w)); !t.empty()) words.push_back(t);
  return join(words, " ");
}

// Apple's "_$!<Mobile>!$_" → "Mobile".
std::string clean_label(std::string_view label) {
  std::string l(label);
  if (starts_with(l, "_$!<") && ends_with(l, ">!$_")) l = l.substr(4, l.size() - 8);
  return trim(l);
}

std::string kind_of_phone(const std::vector<std::string>& types, const std::string& label) {
  if (!label.empty()) {
    std::string l = to_lower(label);
    if (l.find("mobile") != std::string::npos || l.find("cell") != std::string::npos ||
        l.find("iphone") != std::string::npos)
      return "mobile";
    if (l.find("fax") != std::string::npos) return "fax";
    if (l.find("work") != std::string::npos) return "work";
    if (l.find("home") != std::string::npos) return "home";
    return "other";
  }
  auto has = [&](const char* t) { return std::find(types.begin(), types.end(), t) != types.end(); };
  if (has("cell") || has("mobile") || has("iphone")) return "mobile";
  if (has("fax")) return "fax";
  if (has("pager")) return "other";
  if (has("work")) return "work";
  if (has("home")) return "home";
  for (const std::string& t : types)
    if (t != "pref") return "other";
  return "";
}

// Reads one logical line: [group.]NAME[;PARAM…]:value.
bool parse_line(const std::string& line, int number, const std::string& version, Prop& p) {
  size_t colon = find_outside_quotes(line, ':');
  if (colon == std::string::npos) return false;
  std::vector<std::string> head = split_outside_quotes(std::string_view(line).substr(0, colon), ';');
  std::string name = trim(head[0]);
  if (name.empty()) return false;
  if (size_t dot = name.rfind('.'); dot != std::string::npos) {
    p.group = to_lower(name.substr(0, dot));
    name = name.substr(dot + 1);
  }
  p.name = upper(name);
  p.line = number;
  for (size_t i = 1; i < head.size(); ++i) {
    std::string raw = trim(head[i]);
    if (raw.empty()) continue;
    Param param;
    size_t eq = raw.find('=');
    std::string values;
    if (eq == std::string::npos) {
      std::string u = upper(raw);
      param.name =
          (u == "QUOTED-PRINTABLE" || u == "BASE64" || u == "8BIT" || u == "7BIT" || u == "B") ? "ENCODING" : "TYPE";
      values = raw;
    } else {
      param.name = upper(trim(raw.substr(0, eq)));
      values = raw.substr(eq + 1);
    }
    for (std::string v : split_outside_quotes(values, ',')) {
      v = trim(v);
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      // TYPE="voice,cell" is a list inside quotes
      for (const std::string& part : param.name == "TYPE" ? split(v, ',') : std::vector<std::string>{v})
        if (!trim(part).empty()) param.values.push_back(trim(part));
    }
    p.params.push_back(param);
  }
  std::string value = line.substr(colon + 1);
  std::vector<std::string> enc = p.param("ENCODING");
  std::string encoding = enc.empty() ? "" : upper(enc.front());
  if (encoding == "QUOTED-PRINTABLE") value = decode_qp(value);
  if (encoding == "B" || encoding == "BASE64" || p.param("VALUE") == std::vector<std::string>{"binary"})
    p.binary = true;
  std::vector<std::string> cs = p.param("CHARSET");
  p.value = value;
  if (p.binary || find_invalid_utf8(value) == std::string::npos) return true;
  // 8-bit bytes that are not UTF-8: the CHARSET's, else (2.1, and files
  // that say no version) Windows-1252, as Outlook and Android wrote them.
  std::string charset = !cs.empty() ? cs.front() : (version.empty() || version == "2.1") ? "WINDOWS-1252" : "";
  if (!charset.empty())
    if (auto decoded = to_utf8(value, charset)) p.value = *decoded;
  return true;
}

}  // namespace

std::vector<VcardCard> parse_vcards(std::string_view text, const std::string& source) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Physical lines → logical lines: folds (a line starting with a space or
  // tab continues the one before, whatever bytes the fold split) and
  // QUOTED-PRINTABLE soft line breaks (a value ending in '=').
  std::vector<std::pair<std::string, int>> lines;
  size_t i = 0;
  int number = 0;
  bool after_blank = true;
  while (i < text.size()) {
    size_t end = text.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view phys = text.substr(i, end - i);
    i = end;
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    ++number;
    if (phys.empty()) {
      after_blank = true;
      continue;
    }
    if (!lines.empty() && !after_blank && !lines.back().first.empty() && lines.back().first.back() == '=' &&
        is_qp_header(lines.back().first)) {
      lines.back().first.pop_back();
      lines.back().first.append(phys);
    } else if (!lines.empty() && !after_blank && (phys[0] == ' ' || phys[0] == '\t')) {
      lines.back().first.append(phys.substr(1));
    } else {
      lines.emplace_back(std::string(phys), number);
    }
    after_blank = false;
  }

  std::vector<VcardCard> cards;
  VcardCard card;
  bool in_card = false;
  int depth = 0;
  std::map<std::string, std::string> labels;  // item group → X-ABLabel
  auto close_card = [&] {
    for (VcardEmail& e : card.emails)
      if (!e.group.empty() && labels.count(e.group)) e.label = labels[e.group];
    for (VcardPhone& p : card.phones) {
      if (!p.group.empty() && labels.count(p.group)) p.label = labels[p.group];
      if (!p.label.empty()) p.kind = kind_of_phone(p.types, p.label);
    }
    for (VcardAddress& a : card.addresses)
      if (!a.group.empty() && labels.count(a.group)) a.label = labels[a.group];
    cards.push_back(std::move(card));
    card = VcardCard();
    labels.clear();
    in_card = false;
  };
  for (const auto& [line, at] : lines) {
    Prop p;
    if (!parse_line(line, at, card.version, p)) continue;
    if (!p.binary && find_invalid_utf8(p.value) != std::string::npos) {
      if (in_card && depth == 0) {
        std::vector<std::string> cs = p.param("CHARSET");
        card.problems.push_back(VcardCard::Problem{
            at, p.name, escape_invalid_utf8(p.value),
            "is not valid " + (cs.empty() ? std::string("UTF-8") : upper(cs.front())) + ": left out"});
      }
      continue;
    }
    std::string v = trim(p.value);
    if (p.name == "BEGIN" && equals_ci(v, "VCARD")) {
      if (in_card) {
        ++depth;  // a 2.1 AGENT card inside: not a card of its own
      } else {
        in_card = true;
        card.line = at;
      }
      continue;
    }
    if (p.name == "END" && equals_ci(v, "VCARD")) {
      if (depth > 0) {
        --depth;
      } else if (in_card) {
        close_card();
      }
      continue;
    }
    if (!in_card || depth > 0 || p.binary) continue;
    std::vector<std::string> types = p.types();
    bool pref = p.has_param("PREF") || std::find(types.begin(), types.end(), "pref") != types.end();
    types.erase(std::remove(types.begin(), types.end(), "pref"), types.end());
    const std::string& n = p.name;
    if (n == "VERSION") {
      card.version = v;
    } else if (n == "UID") {
      card.uid = unescape(v);
    } else if (n == "KIND" || n == "X-ADDRESSBOOKSERVER-KIND") {
      card.kind = to_lower(v);
      if (card.kind == "organization") card.kind = "org";
    } else if (n == "X-ABSHOWAS") {
      if (equals_ci(v, "COMPANY") && card.kind.empty()) card.kind = "org";
    } else if (n == "FN") {
      if (card.formatted_name.empty()) card.formatted_name = trim(unescape(p.value));
    } else if (n == "N") {
      std::vector<std::string> parts = split_escaped(p.value, ';');
      card.family_name = component(parts, 0);
      card.given_name = component(parts, 1);
      card.additional_names = component(parts, 2);
      card.prefix = component(parts, 3);
      card.suffix = component(parts, 4);
    } else if (n == "NICKNAME") {
      if (card.nickname.empty()) card.nickname = trim(unescape(split_escaped(p.value, ',').front()));
    } else if (n == "EMAIL") {
      std::string a = trim(unescape(p.value));
      if (starts_with(to_lower(a), "mailto:")) a = a.substr(7);
      if (!a.empty()) card.emails.push_back(VcardEmail{a, types, pref, "", p.group});
    } else if (n == "TEL") {
      std::string t = trim(unescape(p.value));
      if (starts_with(to_lower(t), "tel:")) {
        t = t.substr(4);
        if (size_t semi = t.find(';'); semi != std::string::npos) {
          std::string ext;  // tel:+1-418-656-9254;ext=102 → "+1-418-656-9254 ext. 102"
          for (const std::string& param : split(t.substr(semi + 1), ';'))
            if (starts_with(to_lower(param), "ext=")) ext = param.substr(4);
          t = t.substr(0, semi) + (ext.empty() ? "" : " ext. " + ext);
        }
      }
      if (!t.empty()) card.phones.push_back(VcardPhone{t, kind_of_phone(types, ""), types, pref, "", p.group});
    } else if (n == "ADR") {
      std::vector<std::string> parts = split_escaped(p.value, ';');
      auto part = [&](size_t k) { return k < parts.size() ? trim(unescape(parts[k])) : std::string(); };
      VcardAddress a{part(0), part(1), part(2), part(3), part(4), part(5), part(6), types, pref, "", p.group};
      if (!(a.po_box + a.extended + a.street + a.city + a.region + a.postal_code + a.country).empty())
        card.addresses.push_back(a);
    } else if (n == "ORG" && !card.org.empty()) {
      card.extra.emplace_back(n, unescape(p.value));  // a second ORG: the first (preferred) wins
    } else if (n == "ORG") {
      std::vector<std::string> parts = split_escaped(p.value, ';');
      card.org = trim(unescape(parts[0]));
      card.org_units.clear();
      for (size_t k = 1; k < parts.size(); ++k)
        if (std::string u = trim(unescape(parts[k])); !u.empty()) card.org_units.push_back(u);
    } else if (n == "TITLE" && !card.title.empty()) {
      card.extra.emplace_back(n, unescape(p.value));
    } else if (n == "TITLE") {
      card.title = trim(unescape(p.value));
    } else if (n == "ROLE") {
      card.role = trim(unescape(p.value));
    } else if (n == "NOTE") {
      std::string note = unescape(p.value);
      // CRLF written into a note by some exporters reads as one line break
      std::string clean;
      for (size_t k = 0; k < note.size(); ++k)
        if (!(note[k] == '\r' && k + 1 < note.size() && note[k + 1] == '\n')) clean += note[k] == '\r' ? '\n' : note[k];
      if (!trim(clean).empty()) card.note = card.note.empty() ? clean : card.note + "\n\n" + clean;
    } else if (n == "BDAY" && !card.birthday.empty()) {
      card.extra.emplace_back(n, unescape(p.value));
    } else if (n == "BDAY") {
      card.birthday = trim(unescape(p.value));
      // Apple's year-less birthday: BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-16
      std::vector<std::string> omit = p.param("X-APPLE-OMIT-YEAR");
      if (!omit.empty() && starts_with(card.birthday, omit.front()) && card.birthday.size() >= 10)
        card.birthday = "--" + card.birthday.substr(card.birthday.size() - 5);
    } else if (n == "CATEGORIES") {
      for (const std::string& c : split_escaped(p.value, ','))
        if (std::string t = trim(unescape(c));
            !t.empty() && std::find(card.categories.begin(), card.categories.end(), t) == card.categories.end())
          card.categories.push_back(t);
    } else if (n == "URL") {
      if (std::string u = trim(unescape(p.value)); !u.empty()) card.urls.push_back(u);
    } else if (n == "REV") {
      card.rev = v;
    } else if (n == "X-ABLABEL") {
      if (!p.group.empty()) labels[p.group] = clean_label(unescape(p.value));
    } else {
      card.extra.emplace_back(n, unescape(p.value));
    }
  }
  if (in_card) close_card();  // a last card without END:VCARD
  if (cards.empty() && !trim(text).empty())
    throw InvalidData(Location{source, 1, 0, ""}, "no BEGIN:VCARD: not a vCard file");
  return cards;
}

namespace {

// Record fields a card has a property for; the others travel as X-CRM-….
const char* const kCardFields[] = {"name",  "first_name", "last_name", "email",   "emails", "phone",    "phones",
                                   "title", "company",    "address",   "website", "tags",   "birthday", "notes"};

std::string basic_date(const std::string& iso) {  // 2026-11-23 → 20261123, --04-16 → --0416
  if (iso.rfind("--", 0) == 0) return "--" + basic_date(iso.substr(2));
  std::string out;
  for (char c : iso)
    if (c != '-') out += c;
  return out;
}

std::string basic_timestamp(const std::string& iso) {  // 2026-11-23T10:04:05Z → 20261123T100405Z
  std::string out;
  for (char c : iso)
    if (c != '-' && c != ':') out += c;
  return out;
}

}  // namespace

std::string write_vcard(const Record& r, const Schema& schema, const NameOf& name_of, const VcardWriteOptions& o) {
  bool v4 = o.version != "3.0";
  bool company = r.type == "company";
  std::string out;
  auto line = [&](const std::string& l) { out += fold_content_line(l); };
  line("BEGIN:VCARD");
  line(std::string("VERSION:") + (v4 ? "4.0" : "3.0"));
  line("PRODID:-//crm//crm " CRM_VERSION "//EN");
  line("UID:" + r.id());
  if (company) line(v4 ? "KIND:org" : "X-ABShowAs:COMPANY");
  std::string name = r.get(schema.title);
  line("FN:" + escape_text_value(name));
  if (company) {
    line("N:;;;;");
    line("ORG:" + escape_text_value(name));
  } else {
    line("N:" + structured_value({r.get("last_name"), r.get("first_name"), "", "", ""}));
  }
  // Emails: the primary one preferred.
  if (std::string e = r.get("email"); !e.empty())
    line(v4 ? "EMAIL;PREF=1:" + escape_text_value(e) : "EMAIL;TYPE=INTERNET,PREF:" + escape_text_value(e));
  if (const Node* es = r.find("emails"); es && es->is_sequence())
    for (const Node& e : es->items)
      line(std::string(v4 ? "EMAIL:" : "EMAIL;TYPE=INTERNET:") + escape_text_value(e.text));
  // Phones: the primary one preferred, the others with their kind.
  if (std::string p = r.get("phone"); !p.empty())
    line(std::string(v4 ? "TEL;PREF=1:" : "TEL;TYPE=PREF:") + escape_text_value(p));
  if (const Node* ps = r.find("phones"); ps && ps->is_sequence())
    for (const Node& p : ps->items) {
      std::string kind = p.get("kind");
      std::string type = kind == "mobile"  ? "cell"
                         : kind == "work"  ? "work"
                         : kind == "home"  ? "home"
                         : kind == "fax"   ? "fax"
                         : kind == "other" ? "voice"
                                           : "";
      if (!v4) type = to_upper_label(type);
      line("TEL" + (type.empty() ? "" : ";TYPE=" + type) + ":" + escape_text_value(p.get("number")));
    }
  if (!company) {
    if (std::string c = r.get("company"); !c.empty()) {
      std::string cname = name_of ? name_of(c) : "";
      if (!cname.empty()) line("ORG:" + escape_text_value(cname));
    }
    if (std::string t = r.get("title"); !t.empty()) line("TITLE:" + escape_text_value(t));
  }
  if (const Node* a = r.find("address"); a && a->is_map() && !a->empty())
    line("ADR:" + structured_value({"", "", a->get("street"), a->get("city"), a->get("region"), a->get("postal_code"),
                                    a->get("country")}));
  if (std::string w = r.get("website"); !w.empty()) line("URL:" + w);
  if (std::string b = r.get("birthday"); !b.empty()) {
    if (starts_with(b, "--") && !v4)
      line("BDAY;X-APPLE-OMIT-YEAR=1604:1604" + b.substr(1));  // 3.0 has no year-less date: Apple's way
    else
      line("BDAY:" + (v4 ? basic_date(b) : b));
  }
  if (std::string n = r.get("notes"); !n.empty()) line("NOTE:" + escape_text_value(n));
  if (const Node* tags = r.find("tags"); tags && tags->is_sequence() && !tags->items.empty()) {
    std::vector<std::string> escaped;
    for (const Node& t : tags->items) escaped.push_back(escape_text_value(t.text));
    line("CATEGORIES:" + join(escaped, ","));
  }
  for (const Field& f : schema.fields) {
    if (std::find(std::begin(kCardFields), std::end(kCardFields), f.name) != std::end(kCardFields)) continue;
    if (f.name == "external_ids") {  // another system's ids, a quoted list as crm's CSV writes lists
      std::vector<std::string> parts;
      if (const Node* xs = r.find(f.name); xs && xs->is_sequence())
        for (const Node& x : xs->items) {
          std::string q = "\"";
          for (char c : x.text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
          parts.push_back(q + "\"");
        }
      if (!parts.empty()) line("X-CRM-EXTERNAL-IDS:" + escape_text_value(join(parts, ", ")));
      continue;
    }
    if (!f.is_scalar() || f.type == FieldType::Ref) continue;
    std::string v = r.get(f.name);
    if (v.empty()) continue;
    std::string prop = "X-CRM-" + to_upper_label(f.name);
    std::replace(prop.begin(), prop.end(), '_', '-');
    line(prop + ":" + escape_text_value(v));
  }
  if (std::string u = r.get("updated"); !u.empty()) line("REV:" + (v4 ? basic_timestamp(u) : u));
  line("END:VCARD");
  return out;
}

}  // namespace crm
