#include "crm/dashboard.hpp"

#include <utility>

namespace crm {

namespace {

Column column(std::string key, ColumnType type) {
  Column c;
  c.key = std::move(key);
  c.type = type;
  return c;
}

// The dashboard's figures as typed tables: money with its currency, counts,
// the win rate as a percent.
std::vector<Table> figure_tables(const Dashboard& b) {
  std::vector<Table> out;
  Table open;
  open.name = "open_pipeline";
  open.title = "Open pipeline";
  open.columns = {column("currency", ColumnType::Word), column("deals", ColumnType::Count),
                  column("amount", ColumnType::Money), column("weighted", ColumnType::Money)};
  open.empty_note = "No open deals.";
  for (const CurrencySums& x : b.pipeline)
    open.rows.push_back({{Cell::of(x.currency), Cell::count(x.count), Cell::money(x.amount, x.currency),
                          Cell::money(x.weighted, x.currency)},
                         Tone::None,
                         false});
  out.push_back(std::move(open));

  Table month;
  month.name = "this_month";
  month.title = "Closing in " + b.month;
  month.columns = {column("currency", ColumnType::Word), column("deals", ColumnType::Count),
                   column("amount", ColumnType::Money), column("weighted", ColumnType::Money),
                   column("won", ColumnType::Money)};
  month.empty_note = "No deal closes this month.";
  for (const CurrencySums& x : b.forecast)
    month.rows.push_back({{Cell::of(x.currency), Cell::count(x.count), Cell::money(x.amount, x.currency),
                           Cell::money(x.weighted, x.currency), Cell::money(x.won, x.currency)},
                          Tone::None,
                          false});
  out.push_back(std::move(month));

  Table todo;
  todo.name = "figures";
  todo.title = "Win rate over 90 days, and what is due";
  todo.columns = {column("won_90d", ColumnType::Count),        column("lost_90d", ColumnType::Count),
                  column("win_rate_90d", ColumnType::Percent), column("overdue_tasks", ColumnType::Count),
                  column("stale_deals", ColumnType::Count),    column("follow_ups_due", ColumnType::Count)};
  Row row;
  row.cells = {
      Cell::count(b.won),           Cell::count(b.lost),        b.win_rate ? Cell::percent(*b.win_rate) : Cell::none(),
      Cell::count(b.overdue_tasks), Cell::count(b.stale_deals), Cell::count(b.follow_ups_due)};
  if (!b.win_rate) row.cells[2].shown = "n/a";
  row.cells[3].tone = b.overdue_tasks > 0 ? Tone::Bad : Tone::None;
  row.cells[4].tone = b.stale_deals > 0 ? Tone::Warn : Tone::None;
  row.cells[5].tone = b.follow_ups_due > 0 ? Tone::Warn : Tone::None;
  todo.rows.push_back(std::move(row));
  out.push_back(std::move(todo));
  return out;
}

// One report of the page, with the options a bare `crm report NAME [--by BY]` has.
// With `owned`, only the owner's records (deals, tickets); else every
// owner's (orders have none: customer value is the whole store's), and the
// title says so when an owner was asked for.
Table report_section(const Store& store, const std::string& owner, bool owned, const std::string& name,
                     const std::string& by, std::string title) {
  ReportRequest request;
  request.name = name;
  request.by = by;
  if (owned)
    request.owner = owner;
  else if (!owner.empty())
    title += " (every owner's)";
  Table t = report_table(build_report(store, request));
  t.title = title;
  return t;
}

}  // namespace

Table dashboard_page(const Store& store, const std::string& owner) {
  Dashboard b = build_dashboard(store, owner);
  Table t = dashboard_table(b);
  t.title = "Dashboard " + format_date(b.today) + (owner.empty() ? "" : " (" + owner + ")");
  const Store* s = &store;
  t.html_sections = [s, owner, b] {
    std::vector<Table> out = figure_tables(b);
    out.push_back(report_section(*s, owner, true, "pipeline", "", "Pipeline by stage"));
    out.push_back(report_section(*s, owner, true, "forecast", "month", "Forecast by month"));
    out.push_back(report_section(*s, owner, false, "revenue", "month", "Revenue by month"));
    out.push_back(report_section(*s, owner, false, "rfm", "", "RFM segments"));
    out.push_back(
        report_section(*s, owner, false, "cohorts", "", "Cohorts: customers buying again, by first-order month"));
    out.push_back(report_section(*s, owner, true, "tickets", "", "Ticket backlog"));
    return out;
  };
  return t;
}

std::string dashboard_html(const Store& store, const std::string& owner) {
  OutputOptions o;
  o.format = Format::Html;
  o.clock = &store.clock();
  return render(dashboard_page(store, owner), o);
}

}  // namespace crm
