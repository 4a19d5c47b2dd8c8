// Character sets of imported files: bytes in a legacy encoding or UTF-16 as
// UTF-8. Windows-1252 is built in; UTF-16 and the others go through iconv,
// and a file's encoding is guessed with uchardet when it is not UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crm {

// Bytes of `encoding` (an iconv name: "WINDOWS-1252", "SHIFT_JIS",
// "UTF-16LE"…) as UTF-8; nullopt when the encoding is unknown or the bytes
// are not of it, with `bad_offset` (if given) set to the first bad byte.
std::optional<std::string> to_utf8(std::string_view bytes, const std::string& encoding, size_t* bad_offset = nullptr);

// Windows-1252 (and Latin-1) as UTF-8; every byte decodes.
std::string cp1252_to_utf8(std::string_view bytes);

// The encoding of a whole file: "UTF-8" (also for plain ASCII), "UTF-16LE"
// or "UTF-16BE" (by BOM, or by the NUL bytes of mostly-ASCII text), else
// uchardet's guess ("SHIFT_JIS", "WINDOWS-1252"…; "" when it has none).
std::string detect_encoding(std::string_view bytes);

// Invalid UTF-8 bytes shown as \xNN, so a value that cannot be decoded can
// still be kept as text.
std::string escape_invalid_utf8(std::string_view bytes);

}  // namespace crm
