#include "crm/form_body.hpp"

#include <nlohmann/json.hpp>

#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

InvalidData bad(const std::string& source, std::string_view body, size_t offset, const std::string& field,
                const std::string& message) {
  // npos: no place worth naming (a JSON value: the parser keeps none).
  auto [line, column] =
      offset == std::string_view::npos ? std::pair<int, int>{0, 0} : line_column(body, std::min(offset, body.size()));
  return InvalidData(Location{source, line, column, field.empty() ? field : "field \"" + field + "\""}, message);
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// CR LF and a lone CR become LF (browsers send a textarea's lines with CR LF).
std::string normalise_lines(std::string s) {
  if (s.find('\r') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A key or value as the form's: UTF-8, no control but tab and line feed.
std::string checked(std::string s, const std::string& source, std::string_view body, size_t offset,
                    const std::string& field, const char* what) {
  if (size_t bad_at = find_invalid_utf8(s); bad_at != std::string_view::npos)
    throw bad(source, body, offset, field,
              std::string(what) + " is not UTF-8 (byte " + std::to_string(bad_at + 1) + ")");
  s = normalise_lines(std::move(s));
  if (int cp = first_control_character(s, "\t\n"); cp >= 0)
    throw bad(source, body, offset, field,
              std::string(what) + " holds the control character " + code_point_label(static_cast<uint32_t>(cp)));
  return s;
}

void add(FormBody& out, std::string name, std::string value, bool keep_empty, const std::string& source,
         std::string_view body, size_t offset) {
  for (FormField& f : out.fields)
    if (f.name == name) {
      if (keep_empty || !value.empty()) f.values.push_back(std::move(value));
      return;
    }
  if (out.fields.size() >= kMaxFormFields)
    throw bad(source, body, offset, "", "more than " + std::to_string(kMaxFormFields) + " fields");
  FormField f;
  f.name = std::move(name);
  if (keep_empty || !value.empty()) f.values.push_back(std::move(value));
  out.fields.push_back(std::move(f));
}

void parse_urlencoded(std::string_view body, const std::string& source, FormBody& out) {
  size_t pos = 0;
  // A trailing line end (a file written by an editor, `echo`) is no part of the last value.
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
  while (pos <= body.size()) {
    size_t end = body.find('&', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view pair = body.substr(pos, end - pos);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string_view raw_key = pair.substr(0, eq);
      std::string_view raw_value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      std::string key, value;
      if (!percent_decode(raw_key, key))
        throw bad(source, body, pos, "", "a malformed %-escape in a field name (% must be followed by two hex digits)");
      key = checked(std::move(key), source, body, pos, "", "a field name");
      if (key.empty()) throw bad(source, body, pos, "", "a field without a name");
      if (!percent_decode(raw_value, value))
        throw bad(source, body, pos, key, "a malformed %-escape (% must be followed by two hex digits)");
      value = checked(std::move(value), source, body, pos, key, "the value");
      add(out, std::move(key), std::move(value), false, source, body, pos);
    }
    pos = end + 1;
  }
}

std::string scalar_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();  // a number as written (integers exactly; nlohmann keeps them as integers)
}

void parse_json(std::string_view body, const std::string& source, FormBody& out) {
  // Deeper than an object of arrays is no form: refused before parsing, so
  // no nesting can cost stack.
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > 2) throw bad(source, body, i, "", "nested too deep for a form (an object of values or lists)");
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  nlohmann::json doc;
  std::string field;  // the field being read: named when its number does not fit a double
  auto note_field = [&field](int level, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (level == 1 && event == nlohmann::json::parse_event_t::key && parsed.is_string())
      field = parsed.get<std::string>();
    return true;
  };
  try {
    doc = nlohmann::json::parse(body.begin(), body.end(), note_field);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (size_t p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    throw bad(source, body, e.byte > 0 ? e.byte - 1 : 0, "", "not JSON: " + what);
  } catch (const nlohmann::json::out_of_range&) {  // 1e400: past a double
    throw bad(source, body, std::string_view::npos,
              checked(field, source, body, std::string_view::npos, "", "a field name"),
              "a number too large (send it as a string)");
  }
  if (!doc.is_object()) throw bad(source, body, 0, "", "a JSON submission is one object of fields");
  for (const auto& [k, v] : doc.items()) {
    std::string key = checked(k, source, body, std::string_view::npos, "", "a field name");
    if (key.empty()) throw bad(source, body, std::string_view::npos, "", "a field without a name");
    if (v.is_object()) throw bad(source, body, std::string_view::npos, key, "an object is not a form value");
    if (v.is_array()) {
      add(out, key, std::string(), false, source, body, 0);
      for (const auto& item : v) {
        if (item.is_structured())
          throw bad(source, body, std::string_view::npos, key, "a list of lists or objects is not a form value");
        if (item.is_null()) continue;
        add(out, key, checked(scalar_text(item), source, body, std::string_view::npos, key, "the value"), false, source,
            body, 0);
      }
      continue;
    }
    add(out, key,
        v.is_null() ? std::string() : checked(scalar_text(v), source, body, std::string_view::npos, key, "the value"),
        false, source, body, 0);
  }
}

}  // namespace

BodyKind body_kind(std::string_view content_type) {
  std::string t = to_lower(trim(content_type.substr(0, content_type.find(';'))));
  if (t.empty()) return BodyKind::Detect;
  if (t == "json" || t == "application/json") return BodyKind::JsonObject;
  if (t == "form" || t == "urlencoded" || t == "application/x-www-form-urlencoded") return BodyKind::UrlEncoded;
  throw UsageError("content type \"" + std::string(content_type) +
                   "\": not one of json (application/json), form (application/x-www-form-urlencoded)");
}

std::string FormField::text() const { return join(values, ", "); }

const FormField* FormBody::find(std::string_view name) const {
  for (const FormField& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

bool percent_decode(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      int hi = i + 1 < in.size() ? hex(in[i + 1]) : -1;
      int lo = i + 2 < in.size() ? hex(in[i + 2]) : -1;
      if (hi < 0 || lo < 0) return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return true;
}

FormBody parse_form_body(std::string_view body, BodyKind kind, const std::string& source) {
  if (body.size() > kMaxFormBody)
    throw InvalidData(Location{source, 0, 0, ""}, "the submission is " + std::to_string(body.size()) +
                                                      " bytes, more than the " + std::to_string(kMaxFormBody) +
                                                      " a form may send");
  if (starts_with(body, "\xEF\xBB\xBF")) body.remove_prefix(3);
  FormBody out;
  if (kind == BodyKind::Detect) {
    size_t first = body.find_first_not_of(" \t\r\n");
    kind = first != std::string_view::npos && (body[first] == '{' || body[first] == '[') ? BodyKind::JsonObject
                                                                                         : BodyKind::UrlEncoded;
  }
  out.kind = kind;
  if (kind == BodyKind::JsonObject)
    parse_json(body, source, out);
  else
    parse_urlencoded(body, source, out);
  return out;
}

}  // namespace crm
