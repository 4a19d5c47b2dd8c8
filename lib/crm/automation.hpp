// Rules in the repository (.crm/rules.yaml): what happens on its own when a
// record is created or changed, or on a schedule (`crm rules run`). This
// module reads the rules and plans a firing; workflow.cpp writes what a
// firing makes, through the one write path, so rules fire on it in turn.
//
// A firing is deterministic: what it creates gets an id derived from (rule,
// record, trigger instance), so a re-run, or another clone firing the same
// rule, makes the same file; a `set` that already holds changes nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/error.hpp"
#include "crm/node.hpp"
#include "crm/record.hpp"
#include "crm/store.hpp"

namespace crm {

inline constexpr const char* kRulesFile = ".crm/rules.yaml";
// How deep rules may trigger each other (a rule's write firing rules…).
inline constexpr int kMaxRuleDepth = 5;

struct RuleAction {
  std::string kind;                                       // set, tag, task, assign, log, email, run
  std::vector<std::pair<std::string, std::string>> args;  // set: field → value; tag: name → ""; others: key → value
  int line = 0, column = 0;
};

struct Rule {
  std::string name;
  std::string type;   // the type it watches (`for:` of a schedule rule)
  std::string event;  // "create", "update", "schedule", or the field whose change it watches
  std::string if_text, from_text;
  std::vector<RuleAction> actions;
  int line = 0, column = 0;
  int if_line = 0, from_line = 0;
};

// Reads the rules file's text: its shape, the types, fields and templates
// against `schemas`. Throws InvalidData naming `.crm/rules.yaml:LINE:COL: field`.
std::vector<Rule> parse_rules(std::string_view text, const SchemaSet& schemas);
// The store's rules (none without the file); throws InvalidData.
std::vector<Rule> load_rules(const Store& store);
// The rules file's bytes ("" without the file): what `crm rules trust` trusts.
std::string read_rules_text(const Store& store);
// What `crm rules check` adds to parsing: every `if`/`from` filter parses for
// its type (segments included), every `email` template exists in templates/
// and uses only names its data has, owners named are the config's, no
// action sets a computed score. The problems, each naming file:line.
// (load_rules throws the first of those that need no filter parsed.)
std::vector<InvalidData> check_rule_filters(const Store& store, const std::vector<Rule>& rules);

// What uses segment @`name` by name, outside the records being removed
// (`leaving`: their ids): rules' if/from ("rule warmed (if)"), scoring
// terms and assignment steps of the config ("scoring[1]"), other segments'
// filters ("segment @warm"). `crm segment rm` refuses to leave them naming
// nothing.
std::vector<std::string> segment_users(const Store& store, const std::string& name,
                                       const std::vector<std::string>& leaving);

// A `run` action made for one record: `sh -c command` with the record as
// JSON on stdin and CRM_RULE, CRM_RECORD_TYPE, CRM_RECORD_ID, CRM_TRIGGER (an
// id of the firing: the same on a retry, for commands that must not act
// twice) and CRM_DIR in its environment.
struct RuleRun {
  std::string command;
  long long timeout_ms = 10000;
  std::string input;             // the record, one JSON object and a newline
  std::vector<std::string> env;  // NAME=VALUE
};

// An `email` action made for one record: the message, delivered to the
// store's outbox (.crm/outbox/new/FILE) before its activity is written.
struct RuleMail {
  std::string file;      // "<activity id>.crm": the same for the same (rule, record, trigger)
  std::string activity;  // the id of the outbound email activity that logs it
  std::string to;        // the address
  std::string message;   // RFC 5322 bytes
};

// What one rule does to one record.
struct Firing {
  const Rule* rule = nullptr;
  Node changes = Node::map();             // fields of the record to set (only those that differ)
  std::vector<std::string> change_says;   // "set stage=won", "tag +vip", "assign ana"
  std::vector<Record> created;            // tasks, activities: derived ids
  std::vector<std::string> created_says;  // one per created record
  std::vector<RuleRun> runs;              // commands, run before anything else of the firing is written
  std::vector<RuleMail> mails;            // messages, delivered before the activities in `created` that log them
  std::vector<std::string> skipped_says;  // emails not written: "email not sent to … (unsubscribed)"
  std::string instance;                   // the trigger instance: what a retry fires again
};

// Why a rule is asked: a change (a write), `crm rules run` (schedule rules
// only), or `crm rules test` (whatever its `on` and `from`: would `if` match,
// and what would it do), or a retry by `crm rules run` of a firing that
// failed (whatever `on` and `from` say, with the instance it had).
enum class FireFor { Change, Schedule, Test, Retry };

// The trigger instance of `rule` for this change of `after` — what the ids
// of its firing derive from — when its `on` fires for it (its `if` and
// `from` not asked); nullopt when it does not. Never throws: a firing that
// fails while planned is kept with it for `crm rules run` to retry.
std::optional<std::string> firing_instance(const Rule& rule, const Record& after, const Record* before, FireFor why,
                                           const std::string& retry_instance = "");

// Whether `rule` fires for this change of `after` (`before`: nullptr for a
// new record), and if so, what it does. Throws Error when an action cannot
// be made (a bad template value…): then nothing of the rule applies.
// `retry_instance`: the instance of the failed firing (FireFor::Retry).
std::optional<Firing> plan_firing(const Store& store, const Rule& rule, const Record& after, const Record* before,
                                  FireFor why, const std::string& retry_instance = "");

}  // namespace crm
