// The line format vCard (RFC 6350/2426) and iCalendar (RFC 5545) share:
// "NAME;PARAM=V:value" lines ending in CRLF, folded at 75 octets, TEXT values
// escaped with backslashes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crm {

// One content line, folded so no line is longer than 75 octets (without the
// CRLF); continuation lines start with a space; a UTF-8 character is never
// split across lines. Ends in CRLF.
std::string fold_content_line(std::string_view line);

// A TEXT value: \ ; , and line breaks escaped as \\ \; \, \n (CR dropped).
std::string escape_text_value(std::string_view s);
// The components of a structured value (N, ADR, ORG): each escaped, joined by ';'.
std::string structured_value(const std::vector<std::string>& components);

}  // namespace crm
