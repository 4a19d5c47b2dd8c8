#include "crm/content_line.hpp"

namespace crm {

std::string fold_content_line(std::string_view line) {
  std::string out;
  size_t limit = 75;  // the first line: 75 octets; the next ones: a space and 74
  while (line.size() > limit) {
    size_t cut = limit;
    // Back up to the start of a UTF-8 character (never inside one).
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut anyway
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string escape_text_value(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') break;  // CRLF: the LF writes \n
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string structured_value(const std::vector<std::string>& components) {
  std::string out;
  for (size_t i = 0; i < components.size(); ++i) {
    if (i) out += ';';
    out += escape_text_value(components[i]);
  }
  return out;
}

}  // namespace crm
