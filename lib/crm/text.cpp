#include "crm/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace crm {

namespace {

bool is_ascii_printable(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) return false;
  return true;
}

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

// The grapheme clusters of `s` in turn: fn(offset, length, width). A cluster
// is as wide as its first character (utf8proc's East Asian width: 2 for CJK
// and emoji), 2 when an emoji presentation selector (U+FE0F) follows a narrow
// one; combining marks and joiners add nothing. A malformed byte is one
// column of its own.
template <typename Fn>
void each_cluster(std::string_view s, Fn fn) {
  size_t i = 0;
  utf8proc_int32_t state = 0;
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp;
    size_t len = decode(s, i, cp);
    if (len == 0) {
      fn(start, size_t{1}, size_t{1});
      ++i;
      state = 0;
      continue;
    }
    int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    size_t width = w < 0 ? 0 : static_cast<size_t>(w);
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF) width = 2;  // a flag's regional indicators: one emoji
    i += len;
    uint32_t prev = cp;
    while (i < s.size()) {
      uint32_t next;
      size_t nlen = decode(s, i, next);
      if (nlen == 0 || utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(prev),
                                                        static_cast<utf8proc_int32_t>(next), &state))
        break;
      if (next == 0xFE0F && width == 1) width = 2;
      prev = next;
      i += nlen;
    }
    state = 0;
    fn(start, i - start, width);
  }
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
  if (is_ascii_printable(s)) return s.size();
  size_t width = 0;
  each_cluster(s, [&](size_t, size_t, size_t w) { width += w; });
  return width;
}

std::string truncate_to_width(std::string_view s, size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return "";
  std::string out;
  size_t used = 0;
  bool full = false;
  each_cluster(s, [&](size_t at, size_t len, size_t w) {
    if (full || used + w > width - 1) {
      full = true;
      return;
    }
    out.append(s.substr(at, len));
    used += w;
  });
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

bool is_currency_code(std::string_view text) {
  return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
}  // namespace crm

namespace crm {

namespace {

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

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// NFKC, case folded, marks stripped: "Café", "CAFE" and "café" alike,
// "Straße" and "STRASSE", full-width "ＡＢＣ" and "abc", Greek final sigma.
// Bytes that are not UTF-8 fold as ASCII.
std::string utf8proc_fold(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out, options);
  if (n < 0) return to_lower(s);
  std::string folded(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  // Letters with a stroke have no mark to strip, yet people type them
  // without: "lodz" finds "Łódź", "odegard" "Ødegård".
  static const std::pair<std::string_view, std::string_view> kStroked[] = {
      {"l·", "l"}, {"ł", "l"}, {"ø", "o"}, {"đ", "d"}, {"ħ", "h"}, {"ŧ", "t"}, {"ı", "i"}, {"æ", "ae"}, {"œ", "oe"}};
  for (const auto& [from, to] : kStroked)
    for (size_t at = folded.find(from); at != std::string::npos; at = folded.find(from, at + to.size()))
      folded.replace(at, from.size(), to);
  return folded;
}

}  // namespace

void append_utf8(std::string& out, uint32_t cp) { append_utf8_cp(out, cp); }

std::string fold_case(std::string_view s) { return is_ascii(s) ? to_lower(s) : utf8proc_fold(s); }

std::string sort_key(std::string_view s) { return fold_case(s); }

}  // namespace crm
