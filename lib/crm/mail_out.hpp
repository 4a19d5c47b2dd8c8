// Mail out, shared by campaigns and the rules' `email` action: a template
// read from the store's templates/, the From address of the config, the
// recipient's address and do-not-contact marks, and delivery — a message
// file in a maildir outbox (the store's .crm/outbox/ by default) or a
// sendmail command. The message itself is composed by compose_mail
// (mail_message.hpp) and rendered by mail_template.hpp.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "crm/atomic_file.hpp"
#include "crm/mail_message.hpp"
#include "crm/mail_template.hpp"
#include "crm/store.hpp"

namespace crm {

// The first address of a contact or lead (`email`, else the first of `emails`); "" when none.
std::string first_email(const Record& person);
// Why no mail may go to `person`: "do_not_contact", "unsubscribed", or "".
std::string mail_refused(const Record& person);

// An address folded for comparing (a malformed one as typed, lower case).
std::string address_key(const std::string& email);
// Every address a person has (email, then emails), folded.
std::vector<std::string> email_keys(const Record& person);
// Mail goes to addresses, not records: every address that some contact
// holding it (by any of its emails) asked not to get mail at, folded, and
// why ("unsubscribed (Ada Lovelace, same address)").
std::map<std::string, std::string> refused_addresses(const Store& store);

// The unsubscribe link of mail crm writes (a mailto: or https:// URI): the
// config's campaigns.unsubscribe — InvalidData at .crm/config.yaml:LINE for
// one that is not such a link, or names something other than {{id}} and
// {{email}} — else mailto: the address of `from`.
std::string unsubscribe_uri(const Store& store, const std::string& from);
std::string unsubscribe_uri(const Node& config, const std::string& from);
// campaigns.from is a mail address and campaigns.unsubscribe a link
// unsubscribe_uri takes (a config's raw settings); throws InvalidData naming
// .crm/config.yaml:LINE:COL: field.
void check_campaign_settings(const Node& config);
// Whether `uri` names its recipient ({{id}} or {{email}}): RFC 8058 wants a
// one-click link to say who unsubscribes, the POST itself does not.
bool names_recipient(const std::string& uri);
// The link for one recipient: {{id}} and {{email}} of `uri` replaced by
// the person's id and address (percent-encoded).
std::string unsubscribe_link_for(const std::string& uri, const std::string& id, const std::string& email);
// The line {{unsubscribe}} stands for (and that is appended when a template lacks it).
std::string unsubscribe_line(const std::string& uri);
// The List-Unsubscribe value for `uri` (a bare mailto: gets ?subject=unsubscribe).
std::string list_unsubscribe(const std::string& uri);
// `m`, to the person `id`, offers to unsubscribe through `uri` (made theirs
// by unsubscribe_link_for): List-Unsubscribe, and List-Unsubscribe-Post for
// an https link that names its recipient (RFC 8058); the unsubscribe line
// after a signature separator unless its template placed it.
void offer_unsubscribe(OutgoingMail& m, const std::string& uri, const std::string& id, bool template_has_line);

// Every name of `fields` (nested objects dotted), each after `prefix`.
void add_field_names(const std::vector<Field>& fields, const std::string& prefix, std::vector<std::string>& out);

// The template `name` of templates/ ("templates/x.txt" is taken as "x.txt"),
// read and checked against `names`. `at`: where the name was given, for
// InvalidData on a name with a folder or a leading dot. NotFound when there
// is no such file; InvalidData at templates/X:LINE for a bad template.
MailTemplate load_store_template(const Store& store, std::string name, const std::vector<std::string>& names,
                                 const Location& at);

// The From address of mail crm writes: campaigns.from, else the first of
// mail.me; "" when the config has neither.
std::string configured_from(const Store& store);

// The `new/` folder of a maildir outbox (made when missing; `outbox` "" is
// the store's .crm/outbox), with temp files a killed writer left removed.
Dir open_outbox(const Store& store, const std::string& outbox);

// Runs `command` by /bin/sh -c with `message` on its stdin, its process
// group killed past `timeout_ms` (its output kept: the last line of its
// stderr explains a failure). "" when it exits 0, else why not.
std::string run_sendmail(const std::string& command, const std::string& message, long long timeout_ms);

// A subject as an activity's summary: "(no subject)" for none, cut at 200 bytes.
std::string mail_summary(const std::string& subject);

}  // namespace crm
