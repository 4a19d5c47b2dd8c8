// The dashboard as one page (`crm report --format html`, `crm serve`'s
// GET /): the figures of the dashboard and, in html, the reports a manager
// looks at first, each with its chart — pipeline by stage, forecast and
// revenue by month, RFM segments, the cohort heat map, the ticket backlog.
#pragma once

#include <string>

#include "crm/reports.hpp"
#include "crm/store.hpp"
#include "crm/table.hpp"

namespace crm {

// dashboard_table(build_dashboard(store, owner)), with the page's tables as
// its html_sections (built only when it is rendered as html).
Table dashboard_page(const Store& store, const std::string& owner);

// The page itself: one self-contained HTML5 document (inline CSS and SVG,
// no script, no network), dated by the store's clock. `owner`: "" for
// everyone's records, else only this owner's deals, tasks and tickets.
std::string dashboard_html(const Store& store, const std::string& owner = "");

}  // namespace crm
