#include "crm/mail_template.hpp"

#include <algorithm>
#include <kainjow/mustache.hpp>

#include "crm/error.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

namespace mus = kainjow::mustache;

constexpr size_t kMaxTemplate = 1024 * 1024;
constexpr size_t kMaxDepth = 32;

struct Scanner {
  std::string_view text;
  const std::string& source;
  const std::vector<std::string>& names;
  int first_line;  // the line `text` starts on
  bool uses_unsubscribe = false;

  struct Open {
    std::string name;
    int line, column;
  };
  std::vector<Open> sections;
  int first_column = 1;  // the column `text` starts at on its first line

  void position(size_t at, int& line, int& column) const {
    line = first_line;
    size_t line_start = 0;
    for (size_t i = 0; i < at && i < text.size(); ++i)
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    column = static_cast<int>(at - line_start) + (line == first_line ? first_column : 1);
  }

  [[noreturn]] void fail(size_t at, const std::string& field, const std::string& message) const {
    int line = 0, column = 0;
    position(at, line, column);
    throw InvalidData(Location{source, line, column, field}, message);
  }

  bool known(const std::string& name) const {
    if (name == ".") return true;
    auto has = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) != names.end(); };
    if (has(name)) return true;
    // Inside {{#company}} … {{/company}}, "name" may be the company's.
    std::string prefix;
    for (const Open& s : sections) {
      prefix += (prefix.empty() ? "" : ".") + s.name;
      if (has(prefix + "." + name)) return true;
    }
    return false;
  }

  void check_name(size_t at, const std::string& name) {
    if (name.empty()) fail(at, "", "an empty {{ }} tag");
    if (name == "unsubscribe") uses_unsubscribe = true;
    if (!known(name)) fail(at, name, "unknown field \"" + name + "\"" + did_you_mean(name, names));
  }

  void scan() {
    size_t pos = 0;
    while (true) {
      size_t open = text.find("{{", pos);
      if (open == std::string_view::npos) break;
      bool triple = open + 2 < text.size() && text[open + 2] == '{';
      std::string_view close_mark = triple ? "}}}" : "}}";
      size_t inner = open + (triple ? 3 : 2);
      size_t close = text.find(close_mark, inner);
      if (close == std::string_view::npos) fail(open, "", "unclosed tag: \"{{\" without \"}}\"");
      std::string tag = trim(text.substr(inner, close - inner));
      pos = close + close_mark.size();
      if (triple) {
        check_name(open, tag);
        continue;
      }
      char sigil = tag.empty() ? '\0' : tag[0];
      std::string name =
          sigil == '#' || sigil == '^' || sigil == '/' || sigil == '&' || sigil == '!' || sigil == '>' || sigil == '='
              ? trim(std::string_view(tag).substr(1))
              : tag;
      switch (sigil) {
        case '!':
          break;
        case '=':
          fail(open, "", "delimiter changes ({{=<% %>=}}) are not supported");
        case '>':
          fail(open, name, "partials ({{>name}}) are not supported");
        case '#':
        case '^': {
          check_name(open, name);
          if (sections.size() >= kMaxDepth) fail(open, name, "sections nest deeper than 32");
          int line = 0, column = 0;
          position(open, line, column);
          sections.push_back(Open{name, line, column});
          break;
        }
        case '/':
          if (sections.empty() || sections.back().name != name)
            fail(open, name,
                 "{{/" + name + "}} closes " +
                     (sections.empty() ? std::string("no open section") : "{{#" + sections.back().name + "}}"));
          sections.pop_back();
          break;
        default:
          check_name(open, name);
      }
    }
    if (!sections.empty()) {
      const Open& s = sections.back();
      throw InvalidData(Location{source, s.line, s.column, s.name}, "{{#" + s.name + "}} is never closed");
    }
  }
};

mus::data data_of(const Node& n, int depth = 0) {
  if (depth > 16) return mus::data(std::string());
  if (n.is_map()) {
    mus::data d(mus::data::type::object);
    for (const auto& [k, v] : n.entries) d.set(k, data_of(v, depth + 1));
    return d;
  }
  if (n.is_sequence()) {
    mus::data d(mus::data::type::list);
    for (const Node& item : n.items) d.push_back(data_of(item, depth + 1));
    return d;
  }
  if (n.is_scalar()) {
    if (n.plain && n.text == "true") return mus::data(true);
    if (n.plain && n.text == "false") return mus::data(false);
    return mus::data(n.text);
  }
  return mus::data(false);  // null: an unset field is an empty, false section
}

}  // namespace

MailTemplate parse_mail_template(std::string_view text, const std::string& source,
                                 const std::vector<std::string>& names) {
  if (text.size() > kMaxTemplate)
    throw InvalidData(Location{source, 0, 0, ""},
                      "the template is " + std::to_string(text.size()) + " bytes; at most 1 MB is read");
  if (find_invalid_utf8(text) != std::string::npos)
    throw InvalidData(Location{source, 0, 0, ""}, "the template is not UTF-8 text");
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);  // an editor's byte-order mark is not text
  MailTemplate t;
  t.source = source;
  std::string_view body = text;
  int body_line = 1;
  if (starts_with(text, "Subject:") || starts_with(text, "subject:")) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(8, end == std::string_view::npos ? std::string_view::npos : end - 8);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    t.subject = trim(line);
    Scanner subject{t.subject, source, names, 1, false, {}};
    size_t blank = std::min(line.find_first_not_of(" \t"), line.size());  // trimmed off the front
    subject.first_column = 9 + static_cast<int>(blank);                   // after "Subject:"
    subject.scan();
    t.uses_unsubscribe = subject.uses_unsubscribe;
    body = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    body_line = 2;
    // One blank line may part the header from the body, as in a message.
    if (starts_with(body, "\n")) {
      body.remove_prefix(1);
      body_line = 3;
    } else if (starts_with(body, "\r\n")) {
      body.remove_prefix(2);
      body_line = 3;
    }
  }
  Scanner scanner{body, source, names, body_line, false, {}};
  scanner.scan();
  t.uses_unsubscribe = t.uses_unsubscribe || scanner.uses_unsubscribe;
  t.body = std::string(body);
  for (const std::string* part : {&t.subject, &t.body}) {
    mus::mustache m(*part);
    if (!m.is_valid())
      throw InvalidData(Location{source, part == &t.subject ? 1 : body_line, 0, ""}, m.error_message());
  }
  return t;
}

std::string render_mail_template(const std::string& text, const Node& data) {
  mus::mustache m(text);
  m.set_custom_escape([](const std::string& s) { return s; });
  return m.render(data_of(data));
}

}  // namespace crm
