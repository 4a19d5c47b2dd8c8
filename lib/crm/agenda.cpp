#include "crm/agenda.hpp"

#include <algorithm>
#include <map>

#include "crm/deal_workflow.hpp"
#include "crm/decimal.hpp"
#include "crm/ids.hpp"
#include "crm/related.hpp"
#include "crm/task_workflow.hpp"
#include "crm/text.hpp"
#include "crm/ticket_workflow.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

std::optional<DateValue> when(const std::string& text) {
  if (auto t = parse_iso_datetime(text)) return DateValue{*t, true};
  if (auto d = parse_iso_date(text)) return DateValue{Seconds{*d}, false};
  return std::nullopt;
}

bool owned_by(const Record& r, const std::string& owner) { return owner.empty() || equals_ci(r.get("owner"), owner); }

const char* const kSections[] = {"overdue", "upcoming", "follow-up", "closing", "tickets"};

std::string section_title(const std::string& section, int days, size_t n) {
  std::string count = " (" + std::to_string(n) + ")";
  if (section == "overdue") return "Overdue tasks" + count;
  if (section == "upcoming") return "Tasks due in the next " + std::to_string(days) + " days" + count;
  if (section == "follow-up") return "Follow-ups due" + count;
  if (section == "tickets") return "Tickets breached, breaching within 4 business hours, or new and unassigned" + count;
  return "Open deals past their close date" + count;
}

// Open tickets breached or breaching within 4 business hours (dated by the
// due time), and new tickets nobody owns (dated by their opening).
std::vector<AgendaItem> ticket_agenda(const Store& store, const std::string& owner) {
  const Clock& clock = store.clock();
  const BusinessHours& hours = store.config().business_hours;
  std::vector<AgendaItem> out;
  for (const Record& t : store.load_all(store.schemas().get("ticket")).records) {
    if (!ticket_is_open(t)) continue;
    bool unassigned = t.get("owner").empty() && (t.get("status").empty() || t.get("status") == "new");
    if (!owner.empty() && !unassigned && !owned_by(t, owner)) continue;
    std::optional<Seconds> due = ticket_next_due(t);
    bool breached = ticket_breached(t, clock.now);
    long long left = due ? business_seconds_between(hours, clock, clock.now, *due) : 0;
    bool soon = due && !breached && left <= 4 * 3600;
    if (!breached && !soon && !unassigned) continue;
    std::vector<std::string> detail;
    if (breached) detail.push_back("breached");
    if (soon) {
      long long minutes = (left + 59) / 60;
      std::string h = minutes / 60 ? std::to_string(minutes / 60) + "h" : "";
      std::string m = minutes % 60 ? std::to_string(minutes % 60) + "m" : "";
      detail.push_back("due in " + (h.empty() || m.empty() ? h + m : h + " " + m));
    }
    if (unassigned) detail.push_back("unassigned");
    detail.push_back(t.get("priority").empty() ? "normal" : t.get("priority"));
    std::string date = due ? format_datetime(*due) : t.get("created");
    out.push_back({"tickets", "ticket", t.id(), date, t.get("subject"), join(detail, ", "), t.get("owner")});
  }
  return out;
}

}  // namespace

std::vector<AgendaItem> build_agenda(const Store& store, int days, const std::string& owner) {
  const Clock& clock = store.clock();
  Days today = clock.today;
  Days horizon = today + date::days{days};
  NameOf names = record_names(store);
  auto name_of = [&](const std::string& id) {  // an unknown id shows as itself
    std::string name = names(id);
    return name.empty() ? id : name;
  };
  // Only the fields the agenda reads are decoded from the index.
  const std::vector<std::string> task_fields = {"title", "due", "status", "related", "owner"};
  const std::vector<std::string> contact_fields = {"name",    "follow_up", "do_not_contact", "owner",
                                                   "company", "phone",     "email"};
  const std::vector<std::string> deal_fields = {"name", "stage", "close_date", "amount", "currency", "owner"};
  std::vector<AgendaItem> overdue, upcoming, follow, closing;
  store.prefetch({&store.schemas().get("contact"), &store.schemas().get("deal")});
  // Each folder's records are first tested on the fields that say whether
  // they are due (from the index); the rest is decoded for those alone.
  Store::Keep open_task{{"status", "owner"}, [&](const Record& t) { return task_is_open(t) && owned_by(t, owner); }};
  Store::Keep follow_up{{"follow_up", "do_not_contact", "owner"}, [&](const Record& c) {
                          if (!owned_by(c, owner) || c.get("do_not_contact") == "true") return false;
                          auto due = parse_iso_date(c.get("follow_up"));
                          return due && *due <= today;
                        }};
  Store::Keep late_deal{{"stage", "close_date", "owner"}, [&](const Record& d) {
                          if (!owned_by(d, owner) || !deal_closed(d, store.config()).empty()) return false;
                          auto close = parse_iso_date(d.get("close_date"));
                          return close && *close < today;
                        }};

  for (const Record& t : store.load_all(store.schemas().get("task"), &task_fields, &open_task).records) {
    if (!task_is_open(t) || !owned_by(t, owner)) continue;
    auto due = when(t.get("due"));
    if (!due) continue;
    std::vector<std::string> related;
    if (const Node* rel = t.data.find("related"))
      for (const Node& item : rel->items) related.push_back(name_of(item.text));
    AgendaItem item{"", "task", t.id(), t.get("due"), t.get("title"), join(related, ", "), t.get("owner")};
    bool late = due->has_time ? due->at < clock.now : due->day() < today;
    if (late) {
      item.section = "overdue";
      overdue.push_back(item);
    } else if (due->day() <= horizon) {
      item.section = "upcoming";
      upcoming.push_back(item);
    }
  }
  for (const Record& c : store.load_all(store.schemas().get("contact"), &contact_fields, &follow_up).records) {
    if (!owned_by(c, owner) || c.get("do_not_contact") == "true") continue;
    auto due = parse_iso_date(c.get("follow_up"));
    if (!due || *due > today) continue;
    std::string detail = c.get("company").empty() ? "" : name_of(c.get("company"));
    std::string reach = !c.get("phone").empty() ? c.get("phone") : c.get("email");
    if (!reach.empty()) detail += (detail.empty() ? "" : ", ") + reach;
    follow.push_back({"follow-up", "contact", c.id(), c.get("follow_up"), c.get("name"), detail, c.get("owner")});
  }
  for (const Record& d : store.load_all(store.schemas().get("deal"), &deal_fields, &late_deal).records) {
    if (!owned_by(d, owner) || !deal_closed(d, store.config()).empty()) continue;
    auto close = parse_iso_date(d.get("close_date"));
    if (!close || *close >= today) continue;
    std::string detail = d.get("stage");
    if (!d.get("amount").empty()) {
      std::string currency = d.get("currency").empty() ? store.config().currency : d.get("currency");
      auto amount = Decimal::parse(d.get("amount"));
      detail += ", " + currency + " " + (amount ? amount->format(amount->scale()) : d.get("amount"));
    }
    closing.push_back({"closing", "deal", d.id(), d.get("close_date"), d.get("name"), detail, d.get("owner")});
  }
  std::vector<AgendaItem> tickets = ticket_agenda(store, owner);
  auto by_date = [](const AgendaItem& a, const AgendaItem& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  };
  std::vector<AgendaItem> out;
  for (auto* list : {&overdue, &upcoming, &follow, &closing, &tickets}) {
    std::stable_sort(list->begin(), list->end(), by_date);
    out.insert(out.end(), list->begin(), list->end());
  }
  return out;
}

Table agenda_table(const std::vector<AgendaItem>& items, const Store& store, int days) {
  static const char* const kColumns[] = {"section", "type", "id", "date", "title", "detail", "owner"};
  auto values = [](const AgendaItem& i) {
    return std::vector<std::string>{i.section, i.type, i.id, i.date, i.title, i.detail, i.owner};
  };
  Table t;
  t.name = "agenda";
  t.columns = {{"section", "", ColumnType::Word, 0, 0}, {"type", "", ColumnType::Word, 0, 0},
               {"id", "", ColumnType::Id, 0, 0},        {"date", "", ColumnType::When, 0, 0},
               {"title", "", ColumnType::Text, 0, 0},   {"detail", "", ColumnType::Text, 1, 0},
               {"owner", "", ColumnType::Word, 2, 0}};
  for (const AgendaItem& i : items) {
    Row row;
    Node m = Node::map();
    auto v = values(i);
    for (size_t k = 0; k < v.size(); ++k) {
      row.cells.push_back(Cell::of(v[k]));
      if (!v[k].empty()) m.set(kColumns[k], Node::scalar(v[k]));
    }
    t.rows.push_back(row);
    t.nodes.push_back(m);  // yaml: empty fields left out
  }
  // A table: one titled table per section.
  std::vector<std::string> ids;
  for (const Schema& s : store.schemas().all())
    for (const std::string& id : store.ids(s)) ids.push_back(id);
  std::vector<std::string> shown;
  for (const AgendaItem& i : items) shown.push_back(i.id);
  auto prefixes = unique_prefixes(std::move(ids), shown);
  std::string today = format_date(store.clock().today);
  t.text = [items, prefixes, today, days](const OutputOptions& o) {
    std::string out;
    for (const char* section : kSections) {
      Table s;
      s.columns = {{"id", "ID", ColumnType::Id, 0, 0},
                   {"date", "DATE", ColumnType::When, 0, 0},
                   {"what", "WHAT", ColumnType::Text, 0, 0},
                   {"detail", "DETAIL", ColumnType::Text, 1, 0}};
      for (const AgendaItem& i : items) {
        if (i.section != section) continue;
        Cell id = Cell::of(i.id);
        auto p = prefixes.find(i.id);
        if (p != prefixes.end()) id.shown = p->second;
        Cell date = Cell::of(i.date);
        // Late in red, due today in yellow.
        if (i.section == "overdue" || i.section == "closing")
          date.tone = Tone::Bad;
        else if (i.date.compare(0, 10, today) == 0)
          date.tone = Tone::Warn;
        s.rows.push_back({{id, date, Cell::of(i.title), Cell::of(i.detail)}, Tone::None, false});
      }
      if (s.rows.empty()) continue;
      s.title = section_title(section, days, s.rows.size());
      if (!out.empty()) out += "\n";
      out += render(s, o);
    }
    if (out.empty() && o.tty) out = "nothing due in the next " + std::to_string(days) + " days\n";
    return out;
  };
  return t;
}

std::string render_agenda(const std::vector<AgendaItem>& items, const Store& store, const OutputOptions& o, int days) {
  return render(agenda_table(items, store, days), o);
}

}  // namespace crm
