// Import: one cell's text as a stored value. Amounts, dates and enum values
// as exporters write them, headers and multi-value cells, phone kinds and
// tags; and the cell → field conversion that names the column on failure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/config.hpp"
#include "crm/import_request.hpp"
#include "crm/record.hpp"

namespace crm {

// An amount as people write it → exact decimal text: "12,500.50" "12.500,50"
// "$ 1 200" "1'000" → "12500.50" "12500.50" "1200" "1000"; "" when it is none.
std::string normalise_amount(std::string_view text);
// A date or date-time in a common format → ISO ("2026-12-15" or
// "2026-12-15T14:30:00Z"); "" when it is none. `format` (strftime-like) wins
// when given. Slashes read as M/D/YYYY (US exports), dots as D.M.YYYY.
std::string normalise_date(std::string_view text, const std::string& format = "");
// The store's pipeline stage for a stage name as CRMs export it ("Closed
// Won", "closedwon", "appointmentscheduled", "Needs Analysis"); "" when none fits.
std::string map_deal_stage(std::string_view text, const Config& config);

namespace import {

// Lower-case letters and digits only: "Closed Won" → "closedwon".
std::string fold_alnum(std::string_view s);
// A header as the mapping tables spell it: "E-mail 1 - Value" → "e mail 1 value".
std::string norm_header(std::string_view h);
// "Lead Status" → "lead_status".
std::string snake(std::string_view h);
// Google's " ::: " lists, else ',' (when allowed) or ';' separated values.
std::vector<std::string> split_multi(std::string_view text, bool allow_comma = true);
// "a, \"b, c\", d" → [a, "b, c", d]: a list as crm's CSV export writes it (an item
// holding a comma or a quote is quoted).
std::vector<std::string> split_quoted_list(std::string_view text);
// The list as split_quoted_list reads it.
std::string join_quoted_list(const std::vector<std::string>& items);
bool contains_str(const std::vector<std::string>& v, const std::string& s);
// An enum value for what an export wrote ("Closed Won", "In Progress"); "" when none fits.
std::string enum_value(const Field& f, std::string_view text);
// An InvalidData whose field is the column (or property) the value came from.
InvalidData cell_error(const std::string& column, const std::string& msg);
// "text" quoted for a message, control characters escaped.
std::string qt(const std::string& s);
// A value kept aside as import_notes can hold it: CRLF as LF, every other
// control character written as an escape (\x1b, \u009b), as a terminal
// shows it: the store never holds one (tab and line feed stay).
std::string note_text(std::string_view s);
// A cell's text → the stored value of a field; throws cell_error.
Node convert_cell(const Field& f, const std::string& text, const ImportRequest& req, const Clock& clock,
                  const std::string& column);
// Sets a value at a field path ("address.city") in a map.
void set_path(Node& map, const std::string& path, Node value);
// A phone's kind from a column or label: mobile, work, home, other ("" for none).
std::string phone_kind(std::string_view label);
// Google labels: "* myContacts ::: vip" → [vip]; the system group everyone is in is dropped.
std::vector<std::string> tag_values(const std::string& text);

}  // namespace import

}  // namespace crm
