// One web-form submission's body, as a browser or a form service sends it:
// a JSON object, or application/x-www-form-urlencoded (`a=1&b=%C3%A9+x`).
// Decoded, checked (size, UTF-8, control characters) and returned as the
// form's fields in the order they came; nothing here knows records.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crm {

// A body longer than this is refused whole (crm capture, crm serve: 413).
inline constexpr size_t kMaxFormBody = 256 * 1024;
// More fields than this are refused: no form has them.
inline constexpr size_t kMaxFormFields = 500;

enum class BodyKind { Detect, JsonObject, UrlEncoded };

// "json", "application/json", "form", "urlencoded",
// "application/x-www-form-urlencoded" (parameters after ';' ignored), "" for
// Detect. Throws UsageError naming the choices.
BodyKind body_kind(std::string_view content_type);

struct FormField {
  std::string name;
  std::vector<std::string> values;  // a repeated key (checkboxes) or a JSON array: each value
  std::string text() const;         // the values joined by ", "
};

struct FormBody {
  std::vector<FormField> fields;
  BodyKind kind = BodyKind::Detect;  // what it was read as
  const FormField* find(std::string_view name) const;
};

// Parses `body`. Detect: JSON when the first character that is not white
// space is `{` (or `[`), url-encoded otherwise. Values keep their text
// (JSON numbers and booleans as written; null is no value), CR LF and CR
// become LF; a key or value that is not UTF-8, holds a control character
// other than tab and line feed, a malformed %-escape, a nested object, a
// body over kMaxFormBody or with more than kMaxFormFields fields throws
// InvalidData naming `source`, the line and the field.
FormBody parse_form_body(std::string_view body, BodyKind kind, const std::string& source);

// "%C3%A9+x" → "é x" (form encoding: '+' is a space). False on a '%' not
// followed by two hexadecimal digits.
bool percent_decode(std::string_view in, std::string& out);

}  // namespace crm
