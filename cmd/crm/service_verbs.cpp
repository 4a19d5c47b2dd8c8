// The verbs of customer service: ticket reply/note/assign/solve/close/reopen/
// rate, and the SLA clock `ticket show` prints. What a status change implies
// (status_history, solved_at, the paused clock, breaches) is the workflow's
// (lib/crm/ticket_workflow.hpp), as for `ticket set status=…`.
#include <algorithm>

#include "app.hpp"
#include "crm/assignment.hpp"
#include "crm/business_hours.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/text.hpp"
#include "crm/ticket_workflow.hpp"
#include "crm/workflow.hpp"

namespace crm::cli {

namespace {

std::string label(const Record& t) { return "ticket " + t.get("subject") + " (" + t.id() + ")"; }

// An activity `with` the ticket, its contact and company: a reply or a note.
Record ticket_activity(const Store& store, const Record& ticket, const std::string& kind, const std::string& text) {
  std::string body = trim(text);
  if (body.empty()) throw UsageError("the " + std::string(kind == "note" ? "note" : "reply") + " is empty");
  std::string summary = body.substr(0, body.find('\n'));
  Record a;
  a.type = "activity";
  a.data.set("id", Node::scalar(new_id()));
  a.data.set("kind", Node::scalar(kind));
  a.data.set("at", Node::scalar(format_datetime(store.clock().now), true));
  a.data.set("summary", Node::scalar(trim(summary)));
  if (summary != body) a.data.set("body", Node::scalar(body));
  Node with = Node::sequence();
  with.items.push_back(Node::scalar(ticket.id()));
  for (const char* field : {"contact", "company"})
    if (!ticket.get(field).empty()) with.items.push_back(Node::scalar(ticket.get(field)));
  a.data.set("with", with);
  if (kind == "email") a.data.set("direction", Node::scalar("out"));
  if (!ticket.get("owner").empty()) a.data.set("owner", Node::scalar(ticket.get("owner")));
  return a;
}

void write_notes(Context& ctx, const Effects& effects) {
  for (const std::string& note : effects.notes) ctx.note(note);
}

// "3h 20m" of business time.
std::string hours_text(long long seconds) {
  long long minutes = (seconds + 59) / 60;
  std::string h = minutes / 60 ? std::to_string(minutes / 60) + "h" : "";
  std::string m = minutes % 60 ? std::to_string(minutes % 60) + "m" : "";
  return h.empty() || m.empty() ? (h + m).empty() ? "0m" : h + m : h + " " + m;
}

}  // namespace

int cmd_ticket_reply(Context& ctx, const std::string& key, const std::string& message) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("ticket");
  Writer writer = store.lock();
  Record ticket = store.load(s, store.resolve(s, key));
  if (ticket.get("status") == "closed")
    throw Conflict(label(ticket) + " is closed: reopen it first (crm ticket reopen " + ticket.id() + ")");
  Record reply = ticket_activity(store, ticket, "email", message);
  write_notes(ctx, write_with_effects(writer, reply, nullptr, true));
  // The ticket is read again: the reply may have moved nothing on it, but a
  // write in between must not be lost.
  ticket = store.load(s, ticket.id());
  const Record before = ticket;
  bool changed = false;
  if (ticket.get("first_response_at").empty()) {
    ticket.data.set("first_response_at", Node::scalar(format_datetime(store.clock().now), true));
    changed = true;
  }
  if (ticket.get("status").empty() || ticket.get("status") == "new") {
    ticket.data.set("status", Node::scalar("open"));
    changed = true;
  }
  if (changed) write_notes(ctx, write_with_effects(writer, ticket, &before, false));
  ctx.out(reply.id() + "\n");
  return 0;
}

int cmd_ticket_note(Context& ctx, const std::string& key, const std::string& text) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("ticket");
  Writer writer = store.lock();
  Record ticket = store.load(s, store.resolve(s, key));
  Record note = ticket_activity(store, ticket, "note", text);
  write_notes(ctx, write_with_effects(writer, note, nullptr, true));
  ctx.out(note.id() + "\n");
  return 0;
}

int cmd_ticket_assign(Context& ctx, const std::string& key, const std::string& who, bool automatic) {
  if (automatic == !who.empty()) throw UsageError("ticket assign takes an owner or --auto (one of them)");
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("ticket");
  Writer writer = store.lock();
  Record ticket = store.load(s, store.resolve(s, key));
  std::string owner = who;
  if (automatic) owner = assign_owner(store, ticket);
  if (owner == ticket.get("owner")) {
    ctx.note(label(ticket) + " is already assigned to " + owner);
    return 0;
  }
  const Record before = ticket;
  ticket.data.set("owner", Node::scalar(owner));
  write_notes(ctx, write_with_effects(writer, ticket, &before, false));
  ctx.note(label(ticket) + " assigned to " + owner);
  return 0;
}

int cmd_ticket_status(Context& ctx, const std::string& key, const std::string& status, const std::string& note) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("ticket");
  Writer writer = store.lock();
  Record ticket = store.load(s, store.resolve(s, key));
  std::string current = ticket.get("status").empty() ? "new" : ticket.get("status");
  bool reopen = status == "open";
  if (reopen ? ticket_is_open(ticket) : current == status || (status == "solved" && current == "closed")) {
    ctx.note(label(ticket) + " is already " + (reopen ? "open (" + current + ")" : current));
    return 0;
  }
  if (!note.empty()) {
    Record n = ticket_activity(store, ticket, "note", note);
    write_notes(ctx, write_with_effects(writer, n, nullptr, true));
    ticket = store.load(s, ticket.id());
  }
  const Record before = ticket;
  ticket.data.set("status", Node::scalar(status));
  write_notes(ctx, write_with_effects(writer, ticket, &before, false));
  return 0;
}

int cmd_ticket_rate(Context& ctx, const std::string& key, const std::string& score, const std::string& comment) {
  if (score.size() != 1 || score[0] < '1' || score[0] > '5')
    throw UsageError("a rating is a whole number from 1 to 5, not \"" + escape_for_terminal(score) + "\"");
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("ticket");
  Writer writer = store.lock();
  Record ticket = store.load(s, store.resolve(s, key));
  const Record before = ticket;
  ticket.data.set("satisfaction", Node::scalar(score, true));
  if (!comment.empty())
    ticket.data.set("satisfaction_comment", Node::scalar(comment));
  else
    ticket.data.erase("satisfaction_comment");
  write_notes(ctx, write_with_effects(writer, ticket, &before, false));
  return 0;
}

std::string ticket_sla_clock(const Store& store, const Record& ticket) {
  const Clock& clock = store.clock();
  const BusinessHours& hours = store.config().business_hours;
  auto due_line = [&](const std::string& what, const char* due_field, const char* done_field,
                      const std::string& breach_kind) -> std::string {
    auto due = parse_iso_datetime(ticket.get(due_field));
    if (!due) return "";
    std::string line = "  " + what + std::string(16 - what.size(), ' ') + "due " + clock.format_local(*due);
    bool recorded = false;
    if (const Node* b = ticket.data.find("breaches"); b && b->is_sequence())
      for (const Node& item : b->items) recorded = recorded || item.get("kind") == breach_kind;
    auto done = parse_iso_datetime(ticket.get(done_field));
    std::string state;
    if (done)
      state = (recorded || *done > *due ? "breached, " : "met, ") +
              std::string(done_field == std::string("solved_at") ? "solved " : "answered ") + clock.format_local(*done);
    else if (recorded || clock.now > *due)
      state = "breached";
    else if (breach_kind == "resolution" && ticket_clock_paused(ticket.get("status")))
      state = "paused (" + ticket.get("status") + ")";
    else
      state = hours_text(business_seconds_between(hours, clock, clock.now, *due)) + " left";
    return line + "  " + state + "\n";
  };
  std::string out = due_line("first response", "response_due", "first_response_at", "first_response") +
                    due_line("resolution", "resolution_due", "solved_at", "resolution");
  // The ticket's number: its id's shortest unique prefix, as lists show it.
  std::string number = unique_prefixes(store.ids(store.schemas().get("ticket")))[ticket.id()];
  if (number.empty()) number = ticket.id();
  if (out.empty()) return "\nTicket " + number + ", no service level\n";
  return "\nTicket " + number + ", service level " + (ticket.get("sla").empty() ? "(none)" : ticket.get("sla")) +
         " (times in " + clock.zone_name() + ")\n" + out;
}

}  // namespace crm::cli
