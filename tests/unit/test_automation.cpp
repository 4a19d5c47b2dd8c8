// automation: reading .crm/rules.yaml (shape, types, fields, templates).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/automation.hpp"
#include "crm/error.hpp"

namespace {

std::string rules_error(const std::string& text) {
  try {
    crm::parse_rules(text, crm::SchemaSet::builtin());
  } catch (const crm::InvalidData& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("rules: a rule's parts") {
  std::vector<crm::Rule> rules = crm::parse_rules(
      "- name: won\n  on: deal.stage\n  from: stage!=won\n  if: stage=won\n  do:\n    - tag: customer\n"
      "    - task: {title: \"Thank {{company.name}}\", due: +1d}\n"
      "- name: stale\n  on: schedule\n  for: deal\n  do: [{assign: {to: auto}}]\n",
      crm::SchemaSet::builtin());
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].type == "deal");
  CHECK(rules[0].event == "stage");
  CHECK(rules[0].from_text == "stage!=won");
  CHECK(rules[0].actions.size() == 2);
  CHECK(rules[0].actions[1].kind == "task");
  CHECK(rules[0].actions[1].line == 7);
  CHECK(rules[1].event == "schedule");
  CHECK(rules[1].type == "deal");
  CHECK(crm::parse_rules("", crm::SchemaSet::builtin()).empty());
}

TEST_CASE("rules: mistakes name the file and line") {
  CHECK(rules_error("- name: a\n  on: deal.nofield\n  do: [{tag: x}]\n") ==
        ".crm/rules.yaml:2:7: rule a.on: no field \"nofield\" in deal (create, update or a field)");
  CHECK(rules_error("- name: a\n  on: schedule\n  do: [{tag: x}]\n").find(":2:7: rule a.for:") != std::string::npos);
  CHECK(rules_error("- name: a\n  on: lead.create\n  do: [{mail: x}]\n").find("unknown action \"mail\"") !=
        std::string::npos);
  CHECK(rules_error("- name: a\n  on: lead.create\n  do: [{log: {summary: \"{{contact.x}}\"}}]\n")
            .find("no field \"contact.x\" in lead") != std::string::npos);
  CHECK(rules_error("- name: a\n  on: task.create\n  do: [{log: {summary: \"{{related.nope}}\"}}]\n")
            .find("no field \"nope\" in what related names") != std::string::npos);
  CHECK(rules_error("- name: a\n  on: lead.create\n  do: [{tag: x}]\n- name: a\n  on: lead.create\n  do: [{tag: y}]\n")
            .find("two rules named \"a\"") != std::string::npos);
  CHECK(rules_error("rules: 3\n").find("expected a list of rules") != std::string::npos);
}

TEST_CASE("rules: the email action's recipient") {
  std::vector<crm::Rule> rules = crm::parse_rules(
      "- name: a\n  on: lead.create\n  do: [{email: welcome.txt}]\n"
      "- name: b\n  on: deal.stage\n  do: [{email: {template: thanks.txt}}]\n"
      "- name: c\n  on: ticket.create\n  do: [{email: {template: t.txt, to: contact}}]\n",
      crm::SchemaSet::builtin());
  REQUIRE(rules.size() == 3);
  // A lead is written to itself; a deal to its first contact.
  REQUIRE(rules[0].actions.front().args.size() == 1);
  CHECK(rules[0].actions.front().args.front() == std::make_pair(std::string("template"), std::string("welcome.txt")));
  CHECK(rules[1].actions.front().args.back() == std::make_pair(std::string("to"), std::string("contacts")));
  CHECK(rules[2].actions.front().args.back() == std::make_pair(std::string("to"), std::string("contact")));
  CHECK(rules_error("- name: a\n  on: task.create\n  do: [{email: x.txt}]\n").find("rule a.do[0].email.to: to whom") !=
        std::string::npos);
  CHECK(rules_error("- name: a\n  on: deal.create\n  do: [{email: {template: x, to: name}}]\n")
            .find("\"name\" is not a field of deal that names a record") != std::string::npos);
  CHECK(rules_error("- name: a\n  on: lead.create\n  do: [{email: {tmpl: x}}]\n").find("unknown key") !=
        std::string::npos);
  CHECK(rules_error("- name: a\n  on: lead.create\n  do: [{email: {template: \"\"}}]\n")
            .find("an email needs a template") != std::string::npos);
}

TEST_CASE("rules: an email's unsubscribe is true or false") {
  std::vector<crm::Rule> rules =
      crm::parse_rules("- name: a\n  on: lead.create\n  do: [{email: {template: news.txt, unsubscribe: true}}]\n",
                       crm::SchemaSet::builtin());
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].actions.front().args.back() == std::make_pair(std::string("unsubscribe"), std::string("true")));
  CHECK(rules_error("- name: a\n  on: lead.create\n  do: [{email: {template: x, unsubscribe: yes please}}]\n")
            .find("rule a.do[0].email.unsubscribe: true (a List-Unsubscribe header") != std::string::npos);
}

TEST_CASE("rules: the trigger instance a failed firing is kept with") {
  std::vector<crm::Rule> rules = crm::parse_rules(
      "- name: new\n  on: lead.create\n  do: [{tag: x}]\n"
      "- name: stage\n  on: deal.stage\n  do: [{tag: x}]\n"
      "- name: later\n  on: schedule\n  for: deal\n  do: [{tag: x}]\n",
      crm::SchemaSet::builtin());
  REQUIRE(rules.size() == 3);
  crm::Record lead;
  lead.type = "lead";
  lead.data.set("id", crm::Node::scalar("l1"));
  CHECK(crm::firing_instance(rules[0], lead, nullptr, crm::FireFor::Change) == std::string("create"));
  CHECK(!crm::firing_instance(rules[0], lead, &lead, crm::FireFor::Change));  // an update: no creation
  crm::Record deal, was;
  deal.type = was.type = "deal";
  deal.data.set("updated", crm::Node::scalar("2026-11-23T09:00:00Z"));
  deal.data.set("stage", crm::Node::scalar("won"));
  was.data.set("stage", crm::Node::scalar("proposal"));
  CHECK(crm::firing_instance(rules[1], deal, &was, crm::FireFor::Change) == std::string("2026-11-23T09:00:00Z:won\n"));
  CHECK(!crm::firing_instance(rules[1], deal, &deal, crm::FireFor::Change));  // the stage did not move
  CHECK(!crm::firing_instance(rules[2], deal, &was, crm::FireFor::Change));   // schedule rules: not on a write
  CHECK(crm::firing_instance(rules[1], deal, nullptr, crm::FireFor::Retry, "kept") == std::string("kept"));
  CHECK(!crm::firing_instance(rules[0], deal, nullptr, crm::FireFor::Retry, "kept"));  // another type
}
