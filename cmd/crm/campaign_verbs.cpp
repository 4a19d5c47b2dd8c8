// Mail out: `crm campaign preview` and `crm campaign send` (lib/crm/campaign.hpp).
#include <cstdio>

#include "app.hpp"
#include "crm/campaign.hpp"
#include "crm/error.hpp"

namespace crm::cli {

int cmd_campaign_preview(Context& ctx, const std::string& id, const std::string& who) {
  Store& store = ctx.store();
  Campaign c = prepare_campaign(store, id);
  const CampaignRecipient* r = nullptr;
  CampaignRecipient other;
  if (!who.empty()) {
    std::string contact = store.resolve(store.schemas().get("contact"), who);
    for (const CampaignRecipient& x : c.contacts)
      if (x.contact == contact) r = &x;
    if (!r) {
      Record rec = store.load(store.schemas().get("contact"), contact);
      other.contact = contact;
      other.name = rec.get("name");
      other.email = rec.get("email");
      other.activity = campaign_send_id(c.record.id(), contact);
      other.skip = "not in the segment";
      r = &other;
    }
    if (r->email.empty()) throw UsageError(r->name + " has no email address: no message to preview");
    if (!r->skip.empty()) ctx.note(r->name + " would not get it: " + r->skip);
  } else {
    for (const CampaignRecipient& x : c.contacts)
      if (x.skip.empty() && (!r || (r->sent && !x.sent))) r = &x;
    if (!r) {
      ctx.note("no recipients");
      return 0;
    }
  }
  std::string message = campaign_message(store, c, *r);
  ctx.out(render(campaign_preview_table(c, *r, message), ctx.output(&store.clock())));
  std::fflush(stdout);  // the data first, then what stderr says about it
  ctx.note(std::to_string(c.recipients()) + (c.recipients() == 1 ? " recipient" : " recipients") + ", " +
           std::to_string(c.to_send()) + " not sent yet");
  return 0;
}

int cmd_campaign_send(Context& ctx, const CampaignSendCliOptions& o) {
  if (!o.outbox.empty() && !o.sendmail.empty()) throw UsageError("--outbox and --sendmail: choose one");
  if (o.sendmail_timeout == 0) throw UsageError("--sendmail-timeout: at least 1 second");
  Store& store = ctx.store();
  if (!o.outbox.empty()) check_outbox_path(store, o.outbox);
  Writer writer = store.lock();
  // Everything is checked (template names, From, segments) before the first message.
  Campaign c = prepare_campaign(store, o.id);
  CampaignSendOptions options;
  options.dry_run = o.dry_run;
  if (o.limited) options.limit = o.limit;
  options.outbox = o.outbox;
  options.sendmail = o.sendmail;
  options.sendmail_timeout_ms = static_cast<long long>(o.sendmail_timeout) * 1000;
  CampaignSendResult result = send_campaign(writer, c, options);
  ctx.out(render(campaign_send_table(result), ctx.output(&store.clock())));
  std::fflush(stdout);
  ctx.note((o.dry_run ? "dry run: " : "") + campaign_send_summary(result));
  for (const CampaignSendRow& row : result.rows)
    if (row.result == "failed") ctx.report(Error(row.name + " <" + row.email + ">: " + row.detail));
  return result.failed ? kExitInvalid : 0;
}

}  // namespace crm::cli
