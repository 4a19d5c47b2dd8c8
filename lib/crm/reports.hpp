// `crm report NAME`: the reports a sales lead reads every Monday, built from
// the store as Report tables (report.hpp renders them), and the one-screen
// dashboard of a bare `crm report`. Definitions: crm-reference.md, "Report
// definitions". Money is summed exactly and per currency, never across
// currencies; a rate over zero cases is a null cell, never NaN.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm/dates.hpp"
#include "crm/decimal.hpp"
#include "crm/filter.hpp"
#include "crm/render.hpp"
#include "crm/report.hpp"
#include "crm/store.hpp"

namespace crm {

struct ReportRequest {
  std::string name;  // one of report_names()
  // Inclusive, by calendar day (UTC for timestamps); nullopt: unbounded.
  std::optional<Days> since, until;
  std::string owner;  // "": everyone's records
  // "", owner, source, stage, week, month, quarter: what report_by_values() allows.
  std::string by;
  int days = 0;             // stale: idle days before a deal is stale; 0: its stage's stale_after, else 30
  Filter filter;            // on the records of report_subject(name)
  bool all_stages = false;  // pipeline: closed stages too
};

// The report names, in the order help lists them.
const std::vector<std::string>& report_names();
// The record type a report's filter applies to: deal, lead, activity, task,
// ticket, contact (company with customers/rfm --by company) or order.
// Throws UsageError for an unknown report.
std::string report_subject(const std::string& name, const std::string& by = "");
// The types a report reads: its subject, and those its figures come from (a
// customer's value: the orders). Their files that do not load are reported.
std::vector<std::string> report_reads(const std::string& name, const std::string& by = "");
// The --by values a report accepts ("" always).
std::vector<std::string> report_by_values(const std::string& name);

// Throws UsageError for an unknown report, a --by it does not take, a
// period for a report that has none (stale, pipeline), --since after
// --until, or negative --days.
Report build_report(const Store& store, const ReportRequest& request);

// Deals of one currency: how many, Σ amount, Σ weighted; Σ won where it applies.
struct CurrencySums {
  std::string currency;
  long long count = 0;
  Decimal amount, weighted, won;
};

struct Dashboard {
  Days today;
  std::string owner;                   // "": everyone
  std::vector<CurrencySums> pipeline;  // open deals (won unused)
  std::string month;                   // this month, YYYY-MM
  std::vector<CurrencySums> forecast;  // open deals closing this month; won: deals won this month
  Days win_since;                      // the win rate covers win_since … today
  long long won = 0, lost = 0;
  std::optional<Decimal> win_rate;  // percent, one decimal; nullopt when nothing closed
  long long overdue_tasks = 0;
  long long stale_deals = 0;
  long long follow_ups_due = 0;  // contacts whose follow_up is today or earlier
};

Dashboard build_dashboard(const Store& store, const std::string& owner);
// table: a few aligned lines; json/yaml: one object; jsonl: it on one line;
// csv/tsv: metric,currency,value rows; ids: nothing.
// json/yaml: one document; csv/tsv: metric, currency, value lines; a table: labelled lines.
Table dashboard_table(const Dashboard& dashboard);
std::string render_dashboard(const Dashboard& dashboard, Format format, const ReportStyle& style);

}  // namespace crm
