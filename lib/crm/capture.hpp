// `crm capture`: one web-form submission (form_body.hpp) becomes a record,
// as the config's `forms:` say — a lead, a contact or a ticket — or, for a
// person the store knows by email, an activity and their empty fields
// filled. The store's rules then fire, as for any write.
//
// Idempotent: a submission's key is its form and its `id_field` value when
// it has one, else its form, the day and its content; the activity that
// records it (kind form) and a new record get ids derived from that key, so
// the same form sent twice the same day — or a run killed half-way and run
// again — writes nothing new.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crm/form_body.hpp"
#include "crm/store.hpp"

namespace crm {

struct Form {
  std::string name;
  std::string type = "lead";                                // lead | contact | ticket
  std::vector<std::pair<std::string, std::string>> fields;  // form field → record field
  std::vector<std::string> required;                        // form fields that must be there
  std::string honeypot;                                     // a field only bots fill in
  std::vector<std::string> tags;
  std::string source = "web";
  std::string id_field;  // the submission's own id, when the form service sends one
  std::string token;     // crm serve: the bearer token of POST /capture/NAME
  int line = 0;          // where .crm/config.yaml declares it (0: the built-in form)
};

// The store's forms (`forms:` in .crm/config.yaml); without any, one
// built-in form `web` (a lead, fields by their usual names). Throws
// InvalidData naming .crm/config.yaml:LINE and the setting.
std::vector<Form> store_forms(const Store& store);

// `serve:` of the config (crm serve): the token every form takes unless it
// has its own, and the posts a minute one client may make. Throws
// InvalidData naming .crm/config.yaml:LINE:COL: serve.KEY.
struct ServeSettings {
  std::string token;
  long rate = 30;
};
ServeSettings serve_settings(const Node& config);
// The form named `name`, or the default one ("": the form called `default`,
// else the only one). Throws UsageError naming the forms there are.
const Form& choose_form(const std::vector<Form>& forms, const std::string& name);

struct CaptureResult {
  std::string action;  // created, updated (a known person), unchanged (sent before), dropped (honeypot)
  std::string type, id, name;
  std::string activity;  // the activity that records the submission
  std::string file;      // --inbox: the file, as named in DIR
  std::string error;     // --inbox: why it failed
};

// Who the store knows by email (email_key → id): contacts, and leads that
// are not converted. Read once for the many captures of one --inbox run,
// under one lock; each capture adds whom it makes.
struct KnownPeople {
  bool loaded = false;
  std::unordered_map<std::string, std::string> contacts, leads;
};

// Captures one parsed submission. `source` names it in errors ("stdin", a
// file). Throws InvalidData (a required field missing, a value its field
// refuses: nothing written), UsageError.
// `known`: the people already read (nullptr: read them now).
CaptureResult capture(Writer& writer, const Form& form, const FormBody& body, const std::string& source,
                      KnownPeople* known = nullptr);

// `crm capture --inbox DIR`: every regular file in DIR, in name order, is
// captured and moved to DIR/done/, or to DIR/failed/ beside NAME.error (the
// message). Files whose name starts with '.' are left. A run killed between
// a capture and its move is safe to run again: the capture finds itself.
std::vector<CaptureResult> capture_inbox(Writer& writer, const std::vector<Form>& forms, const std::string& form_name,
                                         BodyKind kind, const std::string& dir);

}  // namespace crm
