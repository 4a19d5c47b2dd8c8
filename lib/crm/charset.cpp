#include "crm/charset.hpp"

#include <iconv.h>
#include <uchardet.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "crm/text.hpp"

namespace crm {

std::string cp1252_to_utf8(std::string_view s) {
  static const unsigned k80[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  for (unsigned char c : s) append_utf8(out, c >= 0x80 && c < 0xA0 ? k80[c - 0x80] : c);
  return out;
}

std::optional<std::string> to_utf8(std::string_view bytes, const std::string& encoding, size_t* bad_offset) {
  std::string enc = to_lower(encoding);
  if (enc == "utf-8" || enc == "utf8" || enc == "ascii" || enc == "us-ascii") {
    size_t bad = find_invalid_utf8(bytes);
    if (bad == std::string_view::npos) return std::string(bytes);
    if (bad_offset) *bad_offset = bad;
    return std::nullopt;
  }
  if (enc == "windows-1252" || enc == "cp1252" || enc == "iso-8859-1" || enc == "latin1" || enc == "latin-1" ||
      enc == "iso-8859-15")
    return cp1252_to_utf8(bytes);
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  std::string out;
  out.resize(bytes.size() * 3 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* dst = out.data();
  size_t out_left = out.size();
  while (in_left > 0) {
    size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      size_t used = static_cast<size_t>(dst - out.data());
      out.resize(out.size() * 2);
      dst = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    if (bad_offset) *bad_offset = static_cast<size_t>(in - bytes.data());
    return std::nullopt;
  }
  out.resize(static_cast<size_t>(dst - out.data()));
  if (find_invalid_utf8(out) != std::string::npos) return std::nullopt;
  return out;
}

std::string detect_encoding(std::string_view b) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) return "UTF-16LE";
  if (b.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) return "UTF-16BE";
  // UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte.
  if (b.size() >= 4) {
    size_t n = std::min<size_t>(b.size() & ~size_t(1), 4096), even = 0, odd = 0;
    for (size_t i = 0; i < n; ++i)
      if (b[i] == '\0') ++(i % 2 ? odd : even);
    if (odd > n / 4 && even == 0) return "UTF-16LE";
    if (even > n / 4 && odd == 0) return "UTF-16BE";
  }
  if (find_invalid_utf8(b) == std::string_view::npos) return "UTF-8";
  uchardet_t ud = uchardet_new();
  std::string guess;
  if (uchardet_handle_data(ud, b.data(), b.size()) == 0) {
    uchardet_data_end(ud);
    guess = uchardet_get_charset(ud);
  }
  uchardet_delete(ud);
  if (guess == "ASCII" || guess == "UTF-8") guess = "";  // not what the invalid bytes say
  return guess;
}

std::string escape_invalid_utf8(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t bad = find_invalid_utf8(s.substr(i));
    if (bad == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, bad));
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i + bad]));
    out += buf;
    i += bad + 1;
  }
  return out;
}

}  // namespace crm
