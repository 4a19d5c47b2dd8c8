// Text helpers that know UTF-8: validation, terminal-safe escaping, display width.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

// Offset of the first byte that is not well-formed UTF-8, or npos.
size_t find_invalid_utf8(std::string_view s);
// 1-based line and column of a byte offset.
std::pair<int, int> line_column(std::string_view s, size_t offset);

// Control characters and terminal escape sequences shown escaped (\n, \t, \x1b, \u2028…)
// so that a value can never drive the terminal.
std::string escape_for_terminal(std::string_view s);
// The same for a whole output (csv, json, an export) bound for a terminal:
// line ends (LF, CRLF) and tabs stay, every other control is escaped.
std::string escape_stream_for_terminal(std::string_view s);
// The code point of the first control character in `s` — C0 (U+0000..U+001F)
// except those in `allowed` ("\t\n"), DEL, or C1 (U+0080..U+009F) — or -1.
int first_control_character(std::string_view s, std::string_view allowed = "");
// "U+001B".
std::string code_point_label(uint32_t cp);
// Columns the text takes on a terminal (wide East Asian characters count 2).
size_t display_width(std::string_view s);
// Cut to at most `width` columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view s, size_t width);

std::string to_lower(std::string_view s);
std::string trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool contains_ci(std::string_view haystack, std::string_view needle);
bool equals_ci(std::string_view a, std::string_view b);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace crm

namespace crm {
// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, uint32_t cp);
// "postal_code" → "POSTAL_CODE": table headers.
std::string to_upper_label(std::string_view field);
// Three capital ASCII letters, as ISO 4217 codes are ("USD"): amounts are
// added per currency, so "usd" beside "USD" would split them.
bool is_currency_code(std::string_view text);
}  // namespace crm

namespace crm {
// The form two names are compared in (utf8proc): NFKC, case folded, marks
// stripped — "cafe" finds "Café", "ZOË" equals "zoe", "Straße" "strasse",
// full-width letters their ASCII ones. ASCII needs no table.
std::string fold_case(std::string_view s);
// A key that sorts names as people expect: the folded form ("Élodie" sorts
// with "elodie").
std::string sort_key(std::string_view s);
}  // namespace crm
