#include "crm/import_rows.hpp"

#include <algorithm>
#include <functional>
#include <optional>

#include "crm/automation_settings.hpp"
#include "crm/csv.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/import_headers.hpp"
#include "crm/import_values.hpp"
#include "crm/match_keys.hpp"
#include "crm/text.hpp"
#include "crm/vcard.hpp"
#include "crm/yaml_io.hpp"

namespace crm::import {

namespace {

// A value a row could not use: kept as it was in the record's import_notes
// (when its type has them), and said in the row's notes. False when the type
// has nowhere to keep it (the row then fails).
bool keep_aside(Incoming& in, const Schema& schema, const std::string& where, const std::string& value,
                const std::string& problem) {
  if (!schema.field("import_notes")) return false;
  std::string line = where + ": " + value;
  if (!contains_str(in.kept, line)) in.kept.push_back(line);
  std::string at = in.origin == Origin::Column ? "column " + qt(where) : where;
  in.notes.push_back(at + ": " + problem + " (kept in import_notes)");
  return true;
}

// An address as several columns or an ADR's parts: "PO Box 7, 1 Main St, Suite 2".
std::string street_of(const std::string& po_box, const std::string& street, const std::string& extended) {
  std::vector<std::string> parts;
  std::vector<std::string> lines;
  for (const std::string& l : split(street, '\n'))
    if (!trim(l).empty()) lines.push_back(trim(l));
  if (!lines.empty()) parts.push_back(join(lines, ", "));
  if (!trim(extended).empty()) parts.push_back(trim(extended));
  std::string box = trim(po_box);
  if (!box.empty()) {
    std::string f = fold_alnum(box);
    bool labelled = starts_with(f, "po") || starts_with(f, "box") || starts_with(f, "postfach") || starts_with(f, "bp");
    parts.push_back(labelled ? box : "PO Box " + box);
  }
  return join(parts, ", ");
}

}  // namespace

void PersonParts::add_email(const std::string& address, bool pref, const std::string& kind, const std::string& column) {
  emails.push_back(EmailIn{address, pref, kind, column});
}

void PersonParts::add_phone(const std::string& number, const std::string& kind, bool pref, const std::string& column) {
  phones.push_back(PhoneIn{number, kind, pref, column});
}

// Finishes a row: the name from its parts, emails, phones and the address
// into their fields; what the type has no place for is kept aside.
void PersonParts::finish(Incoming& in, const Schema& schema) {
  if (schema.field("first_name") && !first.empty()) in.fields.set("first_name", Node::scalar(first));
  if (schema.field("last_name") && !last.empty()) in.fields.set("last_name", Node::scalar(last));
  // Emails: a preferred one ("* Work" in Google, PREF in a card) first, a home one last.
  std::vector<const EmailIn*> ordered;
  for (int pass = 0; pass < 3; ++pass)
    for (const EmailIn& e : emails) {
      int rank = e.pref ? 0 : (e.kind == "home" ? 2 : 1);
      if (rank == pass) ordered.push_back(&e);
    }
  std::vector<const EmailIn*> unique;
  for (const EmailIn* e : ordered)
    if (std::none_of(unique.begin(), unique.end(),
                     [&](const EmailIn* u) { return email_key(u->address) == email_key(e->address); }))
      unique.push_back(e);
  // Phones: a preferred one first, fax and pager numbers last.
  std::vector<const PhoneIn*> phones_ordered;
  for (int pass = 0; pass < 3; ++pass)
    for (const PhoneIn& p : phones) {
      int rank = p.pref ? 0 : (p.kind == "fax" ? 2 : 1);
      if (rank == pass) phones_ordered.push_back(&p);
    }
  const std::string title = schema.title;
  if (in.fields.get(title).empty()) {
    std::vector<std::string> parts;
    for (const std::string* p : {&first, &middle, &last})
      if (!p->empty()) parts.push_back(*p);
    std::string name = join(parts, " ");
    if (name.empty()) name = nickname;
    bool person = schema.type == "contact" || schema.type == "lead";
    if (name.empty() && person && !unique.empty()) {
      name = unique.front()->address;
      in.notes.push_back("no name: named by the email");
    }
    if (name.empty() && person && !organisation.empty()) {
      name = organisation;
      in.notes.push_back("no name: named by the organisation");
    }
    if (name.empty() && person && !phones_ordered.empty()) {
      name = phones_ordered.front()->number;
      in.notes.push_back("no name: named by the phone");
    }
    if (!name.empty()) in.fields.set(title, Node::scalar(name));
  }
  if (!unique.empty()) {
    if (schema.field("email")) {
      in.fields.set("email", Node::scalar(unique[0]->address));
      in.column_of["email"] = unique[0]->column;
    }
    for (const EmailIn* e : unique)
      if (work_email.empty() && e->kind != "home") work_email = e->address;
    Node more = Node::sequence();
    for (size_t k = 1; k < unique.size(); ++k) {
      if (schema.field("emails"))
        more.items.push_back(Node::scalar(unique[k]->address));
      else
        keep_aside(in, schema, unique[k]->column, unique[k]->address, "more emails than a " + schema.type + " keeps");
    }
    if (!more.items.empty()) {
      in.fields.set("emails", more);
      in.column_of["emails"] = unique[1]->column;
    }
    if (schema.type == "company" && in.fields.get("domain").empty())
      if (std::string d = company_email_domain(unique[0]->address); !d.empty())
        in.fields.set("domain", Node::scalar(d));
  }
  if (!phones_ordered.empty() && schema.field("phone")) {
    const Field* kinds = schema.field("phones") && schema.field("phones")->item
                             ? schema.field("phones")->item->subfield("kind")
                             : nullptr;
    in.fields.set("phone", Node::scalar(phones_ordered[0]->number));
    in.column_of["phone"] = phones_ordered[0]->column;
    Node more = Node::sequence();
    for (size_t k = 1; k < phones_ordered.size(); ++k) {
      const PhoneIn& p = *phones_ordered[k];
      if (!schema.field("phones")) {
        keep_aside(in, schema, p.column, p.number, "more phones than a " + schema.type + " keeps");
        continue;
      }
      Node item = Node::map();
      item.set("number", Node::scalar(p.number));
      std::string kind = p.kind;
      if (kinds && !kind.empty() && !contains_str(kinds->values, kind)) kind = "other";
      if (!kind.empty()) item.set("kind", Node::scalar(kind));
      more.items.push_back(item);
    }
    if (!more.items.empty()) {
      in.fields.set("phones", more);
      in.column_of["phones"] = phones_ordered[1]->column;
    }
  }
  // The address: the first group with a value of the best rank (work before home before other).
  const AddressIn* chosen = nullptr;
  for (const AddressIn& a : addresses)
    if (!a.empty() && (!chosen || a.rank < chosen->rank)) chosen = &a;
  for (const AddressIn& a : addresses) {
    if (a.empty()) continue;
    std::string street = street_of(a.po_box, a.street, a.extended);
    if (&a == chosen && schema.field("address")) {
      auto set = [&](const char* sub, const std::string& v) {
        if (!trim(v).empty()) set_path(in.fields, std::string("address.") + sub, Node::scalar(trim(v)));
      };
      set("street", street);
      set("city", a.city);
      set("region", a.region);
      set("postal_code", a.postal_code);
      set("country", a.country);
      in.column_of["address"] = a.column;
      continue;
    }
    std::vector<std::string> parts;
    for (const std::string& p : {street, a.city, a.region, a.postal_code, a.country})
      if (!trim(p).empty()) parts.push_back(trim(p));
    std::string line = a.label + ": " + join(parts, ", ");
    if (schema.field("import_notes") && !contains_str(in.kept, line)) in.kept.push_back(line);
  }
  in.work_email = work_email;
  if (!in.kept.empty() && schema.field("import_notes")) {
    // crm's own export brings its import_notes back: those lines first.
    std::vector<std::string> lines;
    for (const std::string& l : split(in.fields.get("import_notes"), '\n'))
      if (!trim(l).empty() && !contains_str(lines, l)) lines.push_back(l);
    for (const std::string& l : in.kept)
      if (!contains_str(lines, l)) lines.push_back(l);
    in.fields.set("import_notes", Node::scalar(note_text(join(lines, "\n"))));
  }
  if (schema.type == "company" && in.fields.get("domain").empty())
    if (std::string d = bare_domain(in.fields.get("website")); !d.empty()) in.fields.set("domain", Node::scalar(d));
}

namespace {

// A date as a birthday: a whole date, or a day of the year without one
// (vCard's --MMDD, Apple's 1604 year); "" when it is neither.
std::string birthday_of(const std::string& text, const std::string& date_format) {
  std::string t = trim(text);
  if (starts_with(t, "--")) {  // --0416, --04-16
    std::string digits;
    for (char ch : t.substr(2))
      if (ch >= '0' && ch <= '9') digits += ch;
    if (digits.size() == 4) {
      std::string v = "--" + digits.substr(0, 2) + "-" + digits.substr(2);
      return is_no_year_date(v) ? v : "";
    }
    return "";
  }
  // A date with a time (1996-04-15T201243+04:00): its date.
  if (size_t tpos = t.find('T'); tpos == 8 || tpos == 10) t = t.substr(0, tpos);
  std::string iso = normalise_date(t, date_format);
  if (iso.size() < 10) return "";
  if (starts_with(iso, "1604-")) return "--" + iso.substr(5, 5);  // Apple's year-less birthday
  return iso.substr(0, 10);
}

// What a cell of a file without a header line looks like it holds.
bool looks_like_email(std::string_view s) {
  size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('@', at + 1) == std::string_view::npos &&
         s.find('.', at) != std::string_view::npos && s.find_first_of(" \t,;") == std::string_view::npos;
}

bool looks_like_phone(std::string_view s) {
  size_t digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (std::string_view("+ ()-./").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return digits >= 7;
}

// A line written with another delimiter than the rest (Thunderbird's
// tab_comma_mixed.csv: a comma line, then tab lines): a row of one cell
// holding tabs, semicolons or commas is split by them.
void split_other_delimiter(CsvTable& table, const std::string& file) {
  for (CsvRow& row : table.rows) {
    if (row.cells.size() != 1) continue;
    for (char d : {'\t', ';', ','}) {
      if (d == table.delimiter || row.cells[0].find(d) == std::string::npos) continue;
      CsvOptions one;
      one.delimiter = d;
      one.source = file;
      try {
        CsvTable t = parse_csv(row.cells[0], one);
        if (t.rows.size() == 1 && t.rows[0].cells.size() > 2) {
          row.cells = t.rows[0].cells;
          break;
        }
      } catch (const Error&) {
      }
    }
  }
}

// A file without a header line: its first row already has an email, and no
// column the tables know. Its columns are read by what they hold: emails,
// phones, the first other column as the name; the rest is kept aside.
bool has_no_header(const Schema& schema, const ImportRequest& req, const CsvTable& table) {
  if (req.skip >= 0 || !req.map.empty() || table.rows.empty()) return false;
  const std::vector<std::string>& first = table.rows[0].cells;
  if (std::none_of(first.begin(), first.end(), [](const std::string& c) { return looks_like_email(trim(c)); }))
    return false;
  std::vector<std::string> ignored;
  std::vector<Target> t = plan_columns(schema, first, req.map, ignored);
  for (size_t c = 0; c < first.size(); ++c)
    if (!trim(first[c]).empty() && t[c].kind != ColumnKind::Unmapped) return false;
  return true;
}

// The targets of a file without a header line (its rows from 1 on), and
// what the first row's note says of them. The name is the first column of
// full names (a space inside), else the first column of other text.
std::vector<Target> targets_by_content(const Schema& schema, const CsvTable& table, std::string& said) {
  size_t width = table.rows[0].cells.size();
  enum class Holds { Nothing, Emails, Phones, FullNames, Text };
  std::vector<Holds> holds(width, Holds::Nothing);
  for (size_t c = 0; c < width; ++c) {
    size_t filled = 0, emails = 0, phones = 0, spaced = 0;
    for (size_t r = 1; r < table.rows.size(); ++r) {
      if (c >= table.rows[r].cells.size()) continue;
      std::string v = trim(table.rows[r].cells[c]);
      if (v.empty()) continue;
      ++filled;
      emails += looks_like_email(v);
      phones += looks_like_phone(v);
      spaced += v.find(' ') != std::string::npos;
    }
    holds[c] = filled == 0           ? Holds::Nothing
               : emails * 2 > filled ? Holds::Emails
               : phones * 2 > filled ? Holds::Phones
               : spaced * 2 > filled ? Holds::FullNames
                                     : Holds::Text;
  }
  size_t name = std::find(holds.begin(), holds.end(), Holds::FullNames) - holds.begin();
  if (name == width) name = std::find(holds.begin(), holds.end(), Holds::Text) - holds.begin();
  std::vector<Target> targets(width);
  std::vector<std::string> parts;
  for (size_t c = 0; c < width; ++c) {
    std::string field = c == name                                            ? schema.title
                        : holds[c] == Holds::Emails && schema.field("email") ? "email"
                        : holds[c] == Holds::Phones && schema.field("phone") ? "phone"
                                                                             : "";
    std::optional<Target> t = field.empty() ? std::nullopt : mapped_target(schema, field);
    if (t) {
      targets[c] = *t;
      parts.push_back("column " + std::to_string(c + 1) + " as the " + field);
    } else {
      targets[c].kind = holds[c] == Holds::Nothing ? ColumnKind::Ignore : ColumnKind::Aside;
    }
  }
  said = "no header line: " + join(parts, ", ") + (schema.field("import_notes") ? "; the others kept aside" : "");
  return targets;
}

}  // namespace

std::vector<Incoming> read_csv_rows(const Store& store, const ImportRequest& req, const Schema& schema,
                                    const std::string& file, const std::string& text, ImportResult& result) {
  CsvOptions o;
  o.delimiter = req.delimiter;
  o.source = file;
  // Lines before the header: --skip, else found (LinkedIn's "Notes:" lines):
  // the header is the first of the first rows that has two cells or more and
  // a column the tables know.
  int skip = std::max(req.skip, 0);
  std::string_view body = text;
  auto drop_lines = [&](int n) {
    for (int k = 0; k < n; ++k) {
      size_t nl = body.find('\n');
      body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
    }
  };
  drop_lines(skip);
  CsvTable table = parse_csv(body, o);
  if (req.skip < 0 && !table.rows.empty()) {
    std::vector<std::string> ignored;
    for (size_t r = 0; r < table.rows.size() && r < 10; ++r) {
      const std::vector<std::string>& cells = table.rows[r].cells;
      size_t filled = std::count_if(cells.begin(), cells.end(), [](const std::string& x) { return !trim(x).empty(); });
      if (filled < 2) continue;
      std::vector<Target> t = plan_columns(schema, cells, req.map, ignored);
      if (std::none_of(t.begin(), t.end(), [](const Target& x) { return x.kind != ColumnKind::Unmapped; })) continue;
      if (r > 0) {
        skip = table.rows[r].line - 1;
        body = text;
        drop_lines(skip);
        table = parse_csv(body, o);
      }
      break;
    }
  }
  for (CsvRow& row : table.rows) row.line += skip;
  std::vector<Incoming> out;
  if (table.rows.empty()) return out;
  if (req.delimiter == 0 && table.rows[0].cells.size() > 1) split_other_delimiter(table, file);
  std::string headerless_note;
  std::vector<Target> targets;
  if (has_no_header(schema, req, table)) {
    CsvRow head;
    for (const CsvRow& row : table.rows)
      while (head.cells.size() < row.cells.size())
        head.cells.push_back("column " + std::to_string(head.cells.size() + 1));
    table.rows.insert(table.rows.begin(), head);
    targets = targets_by_content(schema, table, headerless_note);
  }
  const std::vector<std::string>& header = table.rows[0].cells;
  if (headerless_note.empty()) targets = plan_columns(schema, header, req.map, result.unmapped_columns);
  // A lead's score under scoring: is the engine's: the column is left out, not refused.
  for (size_t c = 0; c < targets.size() && c < header.size(); ++c)
    if (schema.type == "lead" && targets[c].kind == ColumnKind::Field && targets[c].field == "score" &&
        score_is_computed(store.config())) {
      targets[c].kind = ColumnKind::Ignore;
      result.computed_columns.push_back(header[c]);
    }
  // crm's own export (id first, created and updated last) defuses formulas
  // with an apostrophe: it is taken off again. Other files keep theirs,
  // except before a number or phone ("'+44 20…").
  bool own_export = header.size() >= 3 && header.front() == "id" && header[header.size() - 2] == "created" &&
                    header.back() == "updated";

  for (size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    Incoming in;
    in.type = schema.type;
    in.file = file;
    in.line = row.line;
    bool any = false;
    for (const std::string& cell : row.cells) any = any || !trim(cell).empty();
    if (!any) continue;  // ",,,," : an empty row
    if (!headerless_note.empty() && out.empty()) in.notes.push_back(headerless_note);
    if (row.cells.size() > header.size() &&
        std::any_of(row.cells.begin() + static_cast<long>(header.size()), row.cells.end(),
                    [](const std::string& cell) { return !trim(cell).empty(); }))
      in.notes.push_back("more cells than the header has columns: the extra ones are ignored");
    PersonParts person;
    std::map<std::string, std::string> labels;  // group → label
    std::map<std::string, size_t> address_of;   // group → index in person.addresses
    std::string birth_year, birth_month, birth_day, birth_column;
    for (size_t c = 0; c < header.size() && c < row.cells.size(); ++c)
      if (targets[c].kind == ColumnKind::Label) labels[targets[c].group] = trim(row.cells[c]);
    for (size_t c = 0; c < header.size() && c < row.cells.size() && in.error.empty(); ++c) {
      const Target& t = targets[c];
      const std::string& column = header[c];
      std::string v = trim(row.cells[c]);
      if (v.empty() || t.kind == ColumnKind::Ignore || t.kind == ColumnKind::Label) continue;
      if (t.kind == ColumnKind::Aside) {
        if (schema.field("import_notes") && !contains_str(in.kept, column + ": " + v))
          in.kept.push_back(column + ": " + v);
        continue;
      }
      if (v.size() > 1 && v[0] == '\'') {
        std::string rest = v.substr(1);
        if (own_export ? is_formula_like(rest) || (rest[0] == '\'' && is_formula_like(rest.substr(1)))
                       : (rest[0] == '+' || rest[0] == '-') && rest.size() > 1 &&
                             std::isdigit(static_cast<unsigned char>(rest[1])))
          v = rest;
      }
      try {
        if (t.kind == ColumnKind::Unmapped) {
          if (req.keep_unmapped) {
            std::string key = snake(ends_with(column, "__c") ? column.substr(0, column.size() - 3) : column);
            if (key.empty() || schema.field(key) || key == "id" || key == "type" || key == "created" ||
                key == "updated")
              key = "x_" + key;
            in.fields.set(key, Node::scalar(v));
          }
        } else if (t.kind == ColumnKind::Id) {
          // crm's own id (an `id` column as crm writes it) is the record's;
          // another system's id (Salesforce's Id, a CRM ID) is kept to match
          // the record again on the next import.
          if (column == "id" && is_valid_id(v)) {
            in.id = v;
          } else if (column == "id" && !is_valid_id(to_lower(v))) {
            throw cell_error(column, qt(v) + " is not a record id");
          } else {
            in.external_ids.push_back(v);
          }
        } else if (t.kind == ColumnKind::ExternalId) {
          for (const std::string& x : own_export ? split_quoted_list(v) : std::vector<std::string>{v})
            if (!contains_str(in.external_ids, x)) in.external_ids.push_back(x);
        } else if (t.kind == ColumnKind::FirstName) {
          person.first = v;
          in.column_of["first_name"] = column;
        } else if (t.kind == ColumnKind::LastName) {
          person.last = v;
          in.column_of["last_name"] = column;
        } else if (t.kind == ColumnKind::Middle) {
          person.middle = v;
        } else if (t.kind == ColumnKind::Nickname) {
          person.nickname = v;
        } else if (t.kind == ColumnKind::Email || t.kind == ColumnKind::Emails) {
          const std::string& label = labels[t.group];
          bool pref = t.kind == ColumnKind::Email && starts_with(label, "*");
          std::string kind = !t.arg.empty() ? t.arg : phone_kind(label);
          Field ef;
          ef.name = "email";
          ef.type = FieldType::Email;
          for (const std::string& e : split_multi(v)) {
            try {
              person.add_email(convert_cell(ef, e, req, store.clock(), column).text, pref, kind, column);
            } catch (const InvalidData& bad) {
              if (!keep_aside(in, schema, column, e, bad.message())) throw;
            }
            pref = false;
          }
        } else if (t.kind == ColumnKind::Phone) {
          std::string kind = t.arg.empty() ? phone_kind(labels[t.group]) : t.arg;
          Field pf;
          pf.name = "phone";
          pf.type = FieldType::Phone;
          for (std::string p : split_multi(v, false)) {
            // crm's own export: "+44 20 7946 0018 (mobile)"
            std::string k = kind;
            if (size_t open = p.rfind(" ("); open != std::string::npos && p.back() == ')') {
              std::string word = p.substr(open + 2, p.size() - open - 3);
              if (word == "mobile" || word == "work" || word == "home" || word == "fax" || word == "other") {
                k = word;
                p = trim(p.substr(0, open));
              }
            }
            try {
              person.add_phone(convert_cell(pf, p, req, store.clock(), column).text, k, false, column);
            } catch (const InvalidData& bad) {
              if (!keep_aside(in, schema, column, p, bad.message())) throw;
            }
          }
        } else if (t.kind == ColumnKind::Address) {
          auto [it, fresh] = address_of.emplace(t.group, person.addresses.size());
          if (fresh) {
            AddressIn a;
            a.rank = t.rank;
            a.label = t.group;
            a.column = column;
            person.addresses.push_back(a);
          }
          AddressIn& a = person.addresses[it->second];
          if (fresh && labels.count(t.group)) {  // Google: "Address 1 - Label" says Home or Work
            std::string kind = phone_kind(labels[t.group]);
            a.rank = kind == "work" ? 1 : kind == "home" ? 2 : 3;
            a.label = labels[t.group] + " address";
          }
          std::string* part = t.arg == "city"          ? &a.city
                              : t.arg == "region"      ? &a.region
                              : t.arg == "postal_code" ? &a.postal_code
                              : t.arg == "country"     ? &a.country
                              : t.arg == "po_box"      ? &a.po_box
                              : t.arg == "extended"    ? &a.extended
                                                       : &a.street;
          *part = part->empty() ? v : *part + "\n" + v;
        } else if (t.kind == ColumnKind::BirthPart) {
          (t.arg == "year" ? birth_year : t.arg == "month" ? birth_month : birth_day) = v;
          if (birth_column.empty()) birth_column = column;
        } else if (t.kind == ColumnKind::Tags) {
          Node* tags = in.fields.find("tags");
          if (!tags) {
            in.fields.set("tags", Node::sequence());
            tags = in.fields.find("tags");
          }
          // crm's own export joins tags with ", " and quotes a tag that holds a comma.
          for (const std::string& tag : own_export ? split_quoted_list(v) : tag_values(v))
            if (std::none_of(tags->items.begin(), tags->items.end(), [&](const Node& n) { return n.text == tag; }))
              tags->items.push_back(Node::scalar(tag));
          in.column_of["tags"] = column;
        } else if (t.kind == ColumnKind::Company) {
          in.refs.push_back(RefText{"company", column, {v}, false});
          if (person.organisation.empty()) person.organisation = v;
        } else if (t.kind == ColumnKind::CompanyName) {
          in.fields.set("company_name", Node::scalar(v));
          in.column_of["company_name"] = column;
          if (person.organisation.empty()) person.organisation = v;
        } else if (t.kind == ColumnKind::CompanyId) {
          in.refs.push_back(RefText{"company", column, {to_lower(v)}, true});
        } else if (t.kind == ColumnKind::Refs || t.kind == ColumnKind::Ids) {
          in.refs.push_back(RefText{t.arg, column, split_multi(v), t.kind == ColumnKind::Ids});
        } else if (t.kind == ColumnKind::Stage) {
          std::string stage = map_deal_stage(v, store.config());
          if (stage.empty()) {
            std::vector<std::string> names;
            for (const Stage& s : store.config().pipeline) names.push_back(s.name);
            throw cell_error(column, qt(v) + " is not a stage of the pipeline (" + join(names, ", ") + ")");
          }
          in.stage = stage;
          in.column_of["stage"] = column;
        } else if (const Field* f = schema.field_path(t.field)) {
          if (f->no_year) {
            std::string b = birthday_of(v, req.date_format);
            if (b.empty()) throw cell_error(column, qt(v) + " is not a date");
            set_path(in.fields, t.field, Node::scalar(b));
          } else {
            // Exporters write a currency as "usd" (Stripe) or "eur": its code is its capitals.
            std::string cell = v;
            if (f->name == "currency" && is_currency_code(to_upper_label(trim(v)))) cell = to_upper_label(trim(v));
            set_path(in.fields, t.field, convert_cell(*f, cell, req, store.clock(), column));
          }
          in.column_of[t.field.substr(0, t.field.find('.'))] = column;
        }
      } catch (const InvalidData& e) {
        // One bad value does not lose the record: it is kept aside (a
        // required field, a stage, an id still fail the row).
        bool essential = t.kind == ColumnKind::Id || t.kind == ColumnKind::Stage || t.kind == ColumnKind::CompanyId ||
                         (t.kind == ColumnKind::Field && t.field == schema.title);
        if (essential || !keep_aside(in, schema, column, v, e.message()))
          in.error = "column " + qt(e.where().field.empty() ? column : e.where().field) + ": " + e.message();
      }
    }
    if (!birth_month.empty() || !birth_day.empty() || !birth_year.empty()) {
      std::string b;
      int m = std::atoi(birth_month.c_str()), d = std::atoi(birth_day.c_str()), y = std::atoi(birth_year.c_str());
      char buf[64];
      if (y > 0 && m > 0 && d > 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        if (parse_iso_date(buf)) b = buf;
      } else if (m > 0 && d > 0 && birth_year.empty()) {
        std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
        if (is_no_year_date(buf)) b = buf;
      }
      std::string written = join(std::vector<std::string>{birth_year, birth_month, birth_day}, "/");
      if (!b.empty() && schema.field("birthday"))
        in.fields.set("birthday", Node::scalar(b));
      else
        keep_aside(in, schema, birth_column, written,
                   schema.field("birthday") ? qt(written) + " is not a date" : "a " + schema.type + " has no birthday");
    }
    if (in.error.empty()) person.finish(in, schema);
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
    in.origin = Origin::Field;
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
      in.skip = true;
      in.error = "a " + type + ", not a " + req.type;
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
    in.origin = Origin::Property;
    bool org = card.kind == "org" || card.kind == "organization";
    in.type = org ? "company" : default_type;
    if (!req.type.empty() && org && req.type != "company") {
      in.skip = true;
      in.error = "a company card (KIND:org), not a " + req.type;
      out.push_back(std::move(in));
      continue;
    }
    const Schema& schema = store.schemas().get(in.type);
    // A card crm wrote has the record's id as UID; another writer's UID is an external id.
    std::string uid = trim(card.uid);
    if (is_valid_id(uid) && uid.size() == 16)
      in.id = uid;
    else if (!uid.empty())
      in.external_ids.push_back(uid);
    for (const VcardCard::Problem& p : card.problems)
      if (!keep_aside(in, schema, p.property, p.value, p.message) && in.error.empty())
        in.error = p.property + ": " + p.message;
    PersonParts person;
    Field ef;
    ef.name = "email";
    ef.type = FieldType::Email;
    for (const VcardEmail& e : card.emails) {
      try {
        std::string kind = contains_str(e.types, "work") ? "work" : contains_str(e.types, "home") ? "home" : "";
        if (!e.label.empty()) kind = phone_kind(e.label);
        person.add_email(convert_cell(ef, e.address, req, store.clock(), "EMAIL").text, e.pref, kind, "EMAIL");
      } catch (const InvalidData& bad) {
        if (!keep_aside(in, schema, "EMAIL", e.address, bad.message()) && in.error.empty())
          in.error = "EMAIL: " + bad.message();
      }
    }
    Field pf;
    pf.name = "phone";
    pf.type = FieldType::Phone;
    for (const VcardPhone& p : card.phones) {
      try {
        person.add_phone(convert_cell(pf, p.number, req, store.clock(), "TEL").text, p.kind, p.pref, "TEL");
      } catch (const InvalidData& bad) {
        if (!keep_aside(in, schema, "TEL", p.number, bad.message()) && in.error.empty())
          in.error = "TEL: " + bad.message();
      }
    }
    auto set_text = [&](const std::string& field, const std::string& value, const std::string& prop) {
      if (trim(value).empty()) return;
      const Field* f = schema.field_path(field);
      if (!f) return;
      try {
        set_path(in.fields, field, convert_cell(*f, value, req, store.clock(), prop));
        in.column_of[field.substr(0, field.find('.'))] = prop;
      } catch (const InvalidData& bad) {
        if (field == schema.title || !keep_aside(in, schema, prop, value, bad.message()))
          if (in.error.empty()) in.error = prop + ": " + bad.message();
      }
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
      person.organisation = card.org;
      set_text("title", card.title, "TITLE");
    }
    for (size_t k = 0; k < card.urls.size(); ++k) {
      if (k == 0 && schema.field("website")) {
        set_text("website", card.urls.front(), "URL");
      } else if (in.kept.size() < 64) {
        std::string line = "URL: " + card.urls[k];
        if (schema.field("import_notes") && !contains_str(in.kept, line)) in.kept.push_back(line);
      }
    }
    if (org && !card.urls.empty()) set_text("domain", bare_domain(card.urls.front()), "URL");
    set_text("notes", card.note, "NOTE");
    if (!card.birthday.empty() && schema.field("birthday")) {
      std::string b = birthday_of(card.birthday, "");
      if (!b.empty()) {
        in.fields.set("birthday", Node::scalar(b));
        in.column_of["birthday"] = "BDAY";
      } else {
        keep_aside(in, schema, "BDAY", card.birthday, qt(card.birthday) + " is not a date");
      }
    }
    for (const VcardAddress& a : card.addresses) {
      AddressIn x;
      x.rank = a.pref ? 0 : contains_str(a.types, "work") ? 1 : contains_str(a.types, "home") ? 2 : 3;
      std::string kind = !a.label.empty()                ? a.label
                         : contains_str(a.types, "work") ? "work"
                         : contains_str(a.types, "home") ? "home"
                                                         : "";
      x.label = "ADR" + (kind.empty() ? "" : " (" + kind + ")");
      x.column = "ADR";
      x.po_box = a.po_box;
      x.extended = a.extended;
      x.street = a.street;
      x.city = a.city;
      x.region = a.region;
      x.postal_code = a.postal_code;
      x.country = a.country;
      person.addresses.push_back(x);
    }
    // The first ADR of the best rank wins; ties keep the card's order.
    if (!card.categories.empty() && schema.field("tags")) {
      Node tags = Node::sequence();
      for (const std::string& c : card.categories)
        if (!trim(c).empty()) tags.items.push_back(Node::scalar(trim(c)));
      if (!tags.items.empty()) in.fields.set("tags", tags);
      in.column_of["tags"] = "CATEGORIES";
    }
    for (const auto& [name, value] : card.extra) {
      // A second ORG, TITLE or BDAY: the first won, this one is kept.
      if (name == "ORG" || name == "TITLE" || name == "BDAY") {
        std::string line = name + ": " + trim(value);
        if (schema.field("import_notes") && !contains_str(in.kept, line)) in.kept.push_back(line);
        continue;
      }
      // crm's own export carries the fields vCard has no property for as X-CRM-FIELD.
      if (!starts_with(name, "X-CRM-")) continue;
      std::string field = to_lower(name.substr(6));
      std::replace(field.begin(), field.end(), '-', '_');
      const Field* f = schema.field(field);
      if (!f) continue;
      if (f->type == FieldType::List && f->item && f->item->type == FieldType::String) {
        Node list = Node::sequence();
        for (const std::string& item : split_quoted_list(value)) list.items.push_back(Node::scalar(item));
        if (field == "external_ids") {
          for (const Node& item : list.items) in.external_ids.push_back(item.text);
        } else if (!list.items.empty()) {
          in.fields.set(field, list);
        }
      } else if (field == "import_notes") {
        std::vector<std::string> lines;
        for (const std::string& l : split(value, '\n'))
          if (!trim(l).empty() && !contains_str(in.kept, l)) lines.push_back(l);
        in.kept.insert(in.kept.begin(), lines.begin(), lines.end());
      } else if (f->is_scalar() && f->type != FieldType::Ref) {
        set_text(field, value, name);
      }
    }
    if (in.error.empty()) {
      person.first = card.given_name;
      person.last = card.family_name;
      person.nickname = card.nickname;
      person.finish(in, schema);
    }
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace crm::import
