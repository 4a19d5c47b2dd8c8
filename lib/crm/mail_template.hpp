// Mail-merge templates (mustache, through kainjow/mustache.hpp, which stays
// behind this header): a file in the store's templates/, with an optional
// first line "Subject: …", then the body. Names are checked before anything
// is sent: a name the data cannot have is an error at templates/X:LINE.
//
// Plain-text mail: nothing is HTML-escaped — {{x}} and {{{x}}} both insert the
// value as it is (a "&" stays "&"). Partials ({{>x}}) and delimiter changes
// ({{=<% %>=}}) are refused; sections nest at most 32 deep.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/node.hpp"

namespace crm {

struct MailTemplate {
  std::string source;             // "templates/welcome.txt", for messages
  std::string subject;            // the "Subject:" line's template, "" when there is none
  std::string body;               // the body's template
  bool uses_unsubscribe = false;  // {{unsubscribe}} appears (else the sender appends the line)
};

// Reads a template. `names`: every name the data may have, dotted for
// nested maps ("first_name", "company.name", "address.city"). Throws
// InvalidData at `source`:LINE:COLUMN for an unknown name (with "did you
// mean"), an unclosed tag or section, a stray {{/x}}, a partial, a
// delimiter change, nesting past 32, or a file past 1 MB.
MailTemplate parse_mail_template(std::string_view text, const std::string& source,
                                 const std::vector<std::string>& names);

// Renders one template text (subject or body) with `data` (a map: scalars,
// maps, sequences; scalar "true"/"false" written plain are booleans).
// Never escapes. The text must have passed parse_mail_template.
std::string render_mail_template(const std::string& text, const Node& data);

}  // namespace crm
