// `crm agenda`: what needs doing — overdue tasks, tasks due soon, contacts to
// follow up, open deals past their expected close, tickets breached or
// breaching within 4 business hours and new tickets nobody owns.
#pragma once

#include <string>
#include <vector>

#include "crm/render.hpp"
#include "crm/store.hpp"

namespace crm {

struct AgendaItem {
  std::string section;  // overdue, upcoming, follow-up, closing, tickets
  std::string type;     // task, contact, deal
  std::string id;
  std::string date;  // due, follow_up or close_date
  std::string title;
  std::string detail;  // related names, company, stage and amount
  std::string owner;
};

// Items in section order, each section sorted oldest first. `days`: how far
// ahead "upcoming" looks; `owner`: only records of that owner ("" all).
std::vector<AgendaItem> build_agenda(const Store& store, int days, const std::string& owner);

// Tables by section; json/jsonl/yaml/csv/tsv one list with a `section` field.
// json/jsonl/csv/tsv: one item a row (section, type, id, date, title, detail,
// owner); a table: one titled table per section, late dates in red.
Table agenda_table(const std::vector<AgendaItem>& items, const Store& store, int days);
std::string render_agenda(const std::vector<AgendaItem>& items, const Store& store, const OutputOptions& options,
                          int days);

}  // namespace crm
