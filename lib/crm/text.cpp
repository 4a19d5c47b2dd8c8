#include "crm/text.hpp"

#include <algorithm>
#include <cstdint>

namespace crm {

namespace {

// Decodes one code point at s[i]; returns its length or 0 when malformed.
size_t decode(std::string_view s, size_t i, uint32_t& cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t len;
  uint32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool is_wide(uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_zero_width(uint32_t cp) {
  return (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F);
}

}  // namespace

std::string fold_case(std::string_view s);

size_t find_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp;
    size_t len = decode(s, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::pair<int, int> line_column(std::string_view s, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

namespace {

// escape_for_terminal, and escape_stream_for_terminal when `keep_lines`.
std::string escape(std::string_view s, bool keep_lines) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  char buf[16];
  while (i < s.size()) {
    uint32_t cp;
    size_t len = decode(s, i, cp);
    if (len == 0) {
      snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i]));
      out += buf;
      ++i;
      continue;
    }
    bool line_end = cp == '\n' || (cp == '\r' && i + 1 < s.size() && s[i + 1] == '\n');
    if (keep_lines && (line_end || cp == '\t')) {
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      snprintf(buf, sizeof buf, "\\x%02x", cp);
      out += buf;
    } else if ((cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
               (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      // C1 controls (a raw 0x9b is CSI), line separators and bidi overrides.
      snprintf(buf, sizeof buf, "\\u%04x", cp);
      out += buf;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace

std::string escape_for_terminal(std::string_view s) { return escape(s, false); }

std::string escape_stream_for_terminal(std::string_view s) { return escape(s, true); }

std::string code_point_label(uint32_t cp) {
  char buf[16];
  snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

int first_control_character(std::string_view s, std::string_view allowed) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 || c == 0x7F) && allowed.find(static_cast<char>(c)) == std::string_view::npos) return c;
    // U+0080..U+009F are C2 80..C2 9F in UTF-8.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) < 0xA0)
      return static_cast<unsigned char>(s[i + 1]);
  }
  return -1;
}

size_t display_width(std::string_view s) {
  size_t width = 0, i = 0;
  while (i < s.size()) {
    uint32_t cp;
    size_t len = decode(s, i, cp);
    if (len == 0) {
      ++width;
      ++i;
      continue;
    }
    if (!is_zero_width(cp)) width += is_wide(cp) ? 2 : 1;
    i += len;
  }
  return width;
}

std::string truncate_to_width(std::string_view s, size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return "";
  std::string out;
  size_t used = 0, i = 0;
  while (i < s.size()) {
    uint32_t cp;
    size_t len = decode(s, i, cp);
    if (len == 0) len = 1, cp = '?';
    size_t w = is_zero_width(cp) ? 0 : (is_wide(cp) ? 2 : 1);
    if (used + w > width - 1) break;
    out.append(s.substr(i, len));
    used += w;
    i += len;
  }
  return out + "…";
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return fold_case(haystack).find(fold_case(needle)) != std::string::npos;
}

bool equals_ci(std::string_view a, std::string_view b) { return fold_case(a) == fold_case(b); }

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace crm

namespace crm {
std::string to_upper_label(std::string_view field) {
  std::string out(field);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}
}  // namespace crm

namespace crm {

namespace {

uint32_t fold_cp(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_upper) return (cp % 2 == 1) ? cp + 1 : cp;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

// The base letter of a folded Latin letter with a diacritic, or 0.
char base_letter(uint32_t cp) {
  static const char* const kLatin1 = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // U+00E0..U+00FF
  if (cp >= 0xE0 && cp <= 0xFF) {
    char c = kLatin1[cp - 0xE0];
    return c == '/' ? 0 : c;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    static const char* const kExtA =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuu"
        "uuuuuuwwyyyzzzzzzs";
    return kExtA[cp - 0x100];
  }
  return 0;
}

void append_utf8_cp(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

template <typename Map>
std::string transform(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // fast path
      map(out, static_cast<uint32_t>(c));
      ++i;
      continue;
    }
    uint32_t cp;
    size_t len = decode(s, i, cp);
    if (len == 0) {
      out += s[i++];
      continue;
    }
    map(out, cp);
    i += len;
  }
  return out;
}

}  // namespace

void append_utf8(std::string& out, uint32_t cp) { append_utf8_cp(out, cp); }

std::string fold_case(std::string_view s) {
  return transform(s, [](std::string& out, uint32_t cp) { append_utf8_cp(out, fold_cp(cp)); });
}

std::string sort_key(std::string_view s) {
  return transform(s, [](std::string& out, uint32_t cp) {
    uint32_t f = fold_cp(cp);
    if (f >= 0x300 && f <= 0x36F) return;  // a decomposed accent ("E\u0301lodie")
    if (char b = base_letter(f)) {
      out += b;
    } else if (f == 0xDF) {
      out += "ss";
    } else {
      append_utf8_cp(out, f);
    }
  });
}

}  // namespace crm
