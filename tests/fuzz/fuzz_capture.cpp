// libFuzzer target: a web-form submission's body (form_body.hpp), read as
// detected, as JSON and as url-encoded. parse_form_body either returns
// fields — named, UTF-8, no control but tab and line feed, within the
// limits — or throws crm::Error naming where.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crm/error.hpp"
#include "crm/form_body.hpp"
#include "crm/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (crm::BodyKind kind : {crm::BodyKind::Detect, crm::BodyKind::JsonObject, crm::BodyKind::UrlEncoded}) {
    try {
      crm::FormBody body = crm::parse_form_body(text, kind, "fuzz");
      if (body.fields.size() > crm::kMaxFormFields) __builtin_trap();
      for (const crm::FormField& f : body.fields) {
        if (f.name.empty()) __builtin_trap();
        if (crm::find_invalid_utf8(f.name) != std::string_view::npos) __builtin_trap();
        for (const std::string& v : f.values) {
          if (crm::find_invalid_utf8(v) != std::string_view::npos) __builtin_trap();
          if (crm::first_control_character(v, "\t\n") >= 0) __builtin_trap();
        }
      }
    } catch (const crm::Error&) {
    }
  }
  std::string out;
  crm::percent_decode(text, out);
  return 0;
}
