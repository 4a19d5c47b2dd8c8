// Campaigns (crm-reference.md "Campaigns"): who a campaign goes to, the
// message each recipient gets (a mustache template from the store's
// templates/, composed by GMime), and sending it — to a maildir outbox or
// through a sendmail command — with each send logged as an outbound email
// activity whose id is derived from campaign + contact, so that a send that
// was interrupted resumes without writing to anyone twice.
//
// Delivery first, then the activity. With the outbox the message file is
// named by that same derived id, so a resume after a kill between the two
// rewrites the same file: exactly one message per recipient. Through
// sendmail the same kill means that one recipient gets the message again on
// resume: at-least-once, never silently lost (the window is one message).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm/filter.hpp"
#include "crm/mail_template.hpp"
#include "crm/report.hpp"
#include "crm/store.hpp"
#include "crm/table.hpp"

namespace crm {

struct CampaignRecipient {
  std::string contact;  // id
  std::string name, email;
  std::string skip;      // "": a recipient; else "no email", "excluded", "do_not_contact", "unsubscribed"
  std::string activity;  // the id of its send (derived from campaign + contact)
  bool sent = false;     // that activity exists: already sent
};

struct Campaign {
  Record record;
  MailTemplate tmpl;
  std::string from_text;                    // as configured, for messages
  std::string unsubscribe;                  // the URI: mailto:… or https://…
  std::vector<CampaignRecipient> contacts;  // the segment's contacts, by name
  size_t recipients() const;                // not skipped (sent or not)
  size_t to_send() const;                   // not skipped and not sent yet
};

// The campaign `key` (id, prefix or name) made ready: its segment evaluated,
// its template read and checked (InvalidData at templates/X:LINE for an
// unknown name), its From address and unsubscribe link known. Throws
// UsageError for a campaign that is not email or has no segment,
// template or From; NotFound for a template file that does not exist.
Campaign prepare_campaign(const Store& store, const std::string& key);

// The derived id of the send of `campaign` to `contact`.
std::string campaign_send_id(const std::string& campaign, const std::string& contact);

// The message `recipient` gets (RFC 5322 bytes), dated `store.clock().now`.
std::string campaign_message(const Store& store, const Campaign& campaign, const CampaignRecipient& recipient);

struct CampaignSendOptions {
  bool dry_run = false;
  std::optional<size_t> limit;            // at most this many messages this run (0: none, a dry look)
  std::string outbox;                     // a maildir (made when missing); "" with no sendmail: the store's .crm/outbox
  std::string sendmail;                   // a command run by /bin/sh -c per message, the message on its stdin
  long long sendmail_timeout_ms = 60000;  // past it the command's process group is killed: that recipient fails
};

struct CampaignSendRow {
  std::string contact, name, email;
  std::string result;  // sent, would send, failed, already sent, skipped, not yet (--limit)
  std::string detail;  // why skipped or failed; the outbox file
};

struct CampaignSendResult {
  std::vector<CampaignSendRow> rows;
  size_t sent = 0, would = 0, failed = 0, already = 0, skipped = 0, left = 0;  // left: not sent for --limit
  size_t recipients = 0;
  std::string status;  // the campaign's status after the run
};

// Sends to every recipient not sent yet (deliver, then write the activity),
// at most `limit`. A recipient whose delivery fails is reported and not
// logged; the others go on. Status: draft → sending (started_at stamped) →
// sent when no one is left. Dry run: nothing delivered or written. A
// campaign marked done is not sent (UsageError).
CampaignSendResult send_campaign(Writer& writer, const Campaign& campaign, const CampaignSendOptions& options);

// send's rows as the one output table (ids: the contacts).
Table campaign_send_table(const CampaignSendResult& result);
// "3 sent, 1 failed, 2 already sent, 1 skipped (…); 4 recipients"
std::string campaign_send_summary(const CampaignSendResult& result);
// preview: the message (text), with the recipient and count (json/yaml).
Table campaign_preview_table(const Campaign& campaign, const CampaignRecipient& recipient, const std::string& message);

// crm report campaign [ID]: per campaign (those `filter` matches): recipients,
// sent, skipped by reason, replies (inbound email from a recipient within 14
// days of its send), leads and deals attributed (campaign set, or created
// for a recipient within 30 days of its send), won revenue attributed, cost,
// ROI = (won − cost) / cost.
Report campaign_report(const Store& store, const Filter& filter);

}  // namespace crm
