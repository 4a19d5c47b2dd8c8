// text: UTF-8 validation, terminal safety, display width, case folding.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "crm/text.hpp"

namespace {

constexpr size_t npos = std::string_view::npos;

std::string utf8(uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

}  // namespace

TEST_CASE("text find_invalid_utf8") {
  CHECK(crm::find_invalid_utf8("") == npos);
  CHECK(crm::find_invalid_utf8("plain ascii") == npos);
  CHECK(crm::find_invalid_utf8("é李😀\u2028") == npos);
  CHECK(crm::find_invalid_utf8("a\xff"
                               "b") == 1);
  CHECK(crm::find_invalid_utf8("\x80") == 0);              // lone continuation byte
  CHECK(crm::find_invalid_utf8("ab\xC3") == 2);            // truncated
  CHECK(crm::find_invalid_utf8("ab\xE2\x82") == 2);        // truncated
  CHECK(crm::find_invalid_utf8("\xC3(") == 0);             // bad continuation
  CHECK(crm::find_invalid_utf8("x\xC0\xAF") == 1);         // overlong '/'
  CHECK(crm::find_invalid_utf8("\xE0\x80\xAF") == 0);      // overlong, 3 bytes
  CHECK(crm::find_invalid_utf8("é\xED\xA0\x80") == 2);     // UTF-16 surrogate
  CHECK(crm::find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(crm::find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0);
  CHECK(crm::find_invalid_utf8("\xF4\x8F\xBF\xBF") == npos);  // U+10FFFF itself
}

TEST_CASE("text line_column is 1-based") {
  CHECK(crm::line_column("abc", 0) == std::make_pair(1, 1));
  CHECK(crm::line_column("abc", 2) == std::make_pair(1, 3));
  CHECK(crm::line_column("ab\ncd", 3) == std::make_pair(2, 1));
  CHECK(crm::line_column("ab\ncd", 4) == std::make_pair(2, 2));
  CHECK(crm::line_column("a\n\n\nb", 4) == std::make_pair(4, 1));
  CHECK(crm::line_column("ab", 99) == std::make_pair(1, 3));
}

TEST_CASE("text escape_for_terminal neutralises control and bidi characters") {
  CHECK(crm::escape_for_terminal("plain é 李 😀") == "plain é 李 😀");
  CHECK(crm::escape_for_terminal("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(crm::escape_for_terminal("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
  CHECK(crm::escape_for_terminal("a\nb") == "a\\nb");
  CHECK(crm::escape_for_terminal("a\tb\rc") == "a\\tb\\rc");
  CHECK(crm::escape_for_terminal(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(crm::escape_for_terminal("del\x7f") == "del\\x7f");
  CHECK(crm::escape_for_terminal("\xC2\x9B"
                                 "31m") == "\\u009b31m");  // C1 CSI
  CHECK(crm::escape_for_terminal("\xC2\x85") == "\\u0085");
  CHECK(crm::escape_for_terminal("a\u2028b\u2029") == "a\\u2028b\\u2029");
  CHECK(crm::escape_for_terminal("x\u202Eevil") == "x\\u202eevil");  // right-to-left override
  CHECK(crm::escape_for_terminal("\u202A\u202B\u202C\u202D") == "\\u202a\\u202b\\u202c\\u202d");
  CHECK(crm::escape_for_terminal("\u2066\u2067\u2068\u2069") == "\\u2066\\u2067\\u2068\\u2069");
  CHECK(crm::escape_for_terminal("\xEF\xBB\xBFx") == "\\ufeffx");
  CHECK(crm::escape_for_terminal("bad\xff"
                                 "byte") == "bad\\xffbyte");
  CHECK(crm::escape_for_terminal("\xC3") == "\\xc3");
  // The output never holds a raw control byte.
  std::string all;
  for (int c = 0; c < 0x20; ++c) all += static_cast<char>(c);
  for (char c : crm::escape_for_terminal(all)) CHECK(static_cast<unsigned char>(c) >= 0x20);
}

TEST_CASE("text display_width counts terminal columns") {
  CHECK(crm::display_width("") == 0);
  CHECK(crm::display_width("abc") == 3);
  CHECK(crm::display_width("é") == 1);
  CHECK(crm::display_width("e\u0301") == 1);  // combining acute
  CHECK(crm::display_width("李") == 2);
  CHECK(crm::display_width("日本語") == 6);
  CHECK(crm::display_width("한국") == 4);
  CHECK(crm::display_width("ｆｕｌｌ") == 8);  // fullwidth forms
  CHECK(crm::display_width("😀") == 2);
  // Grapheme clusters: one emoji however many code points make it.
  CHECK(crm::display_width("👨\u200d👩\u200d👧") == 2);  // a ZWJ family
  CHECK(crm::display_width("👍🏽") == 2);         // a skin tone
  CHECK(crm::display_width("🇩🇪") == 2);               // a flag: two regional indicators
  CHECK(crm::display_width("❤\ufe0f") == 2);          // text heart as emoji
  CHECK(crm::display_width("Zoë 👨\u200d👩\u200d👧 李") == 9);
  CHECK(crm::truncate_to_width("ab👨\u200d👩\u200d👧cd", 4) == "ab…");  // never half a cluster
  CHECK(crm::display_width("a\u200Bb") == 2);                        // zero width space
  CHECK(crm::display_width("Zoë 李") == 6);
}

TEST_CASE("text truncate_to_width ends in an ellipsis") {
  CHECK(crm::truncate_to_width("hello", 5) == "hello");
  CHECK(crm::truncate_to_width("hello", 10) == "hello");
  CHECK(crm::truncate_to_width("hello world", 5) == "hell…");
  CHECK(crm::truncate_to_width("hello", 1) == "…");
  CHECK(crm::truncate_to_width("hello", 0) == "");
  CHECK(crm::truncate_to_width("李李李", 6) == "李李李");
  CHECK(crm::truncate_to_width("李李李", 5) == "李李…");
  CHECK(crm::truncate_to_width("李李李", 4) == "李…");  // a wide char never split
  CHECK(crm::display_width(crm::truncate_to_width("李李李", 4)) == 3);
  CHECK(crm::truncate_to_width("e\u0301e\u0301e\u0301", 2) == "e\u0301…");
  CHECK(crm::truncate_to_width("Zoë Ødegård", 4) == "Zoë…");
  for (size_t w = 1; w < 12; ++w) CHECK(crm::display_width(crm::truncate_to_width("日本語とEnglish", w)) <= w);
}

TEST_CASE("text fold_case beyond ASCII: NFKC, case folded, marks stripped (utf8proc)") {
  CHECK(crm::fold_case("ZOË") == "zoe");
  CHECK(crm::fold_case("Zoë") == "zoe");
  CHECK(crm::fold_case("Café") == crm::fold_case("CAFE"));
  CHECK(crm::fold_case("Cafe\u0301") == "cafe");  // a decomposed accent
  CHECK(crm::fold_case("ØDEGÅRD") == "odegard");
  CHECK(crm::fold_case("ÀÉÎÕÜÇÑÞ") == "aeioucnþ");
  CHECK(crm::fold_case("×") == "×");  // U+00D7 is no letter
  CHECK(crm::fold_case("ß") == "ss");
  CHECK(crm::fold_case("Straße") == crm::fold_case("STRASSE"));
  CHECK(crm::fold_case("ŁÓDŹ") == "lodz");
  CHECK(crm::fold_case("ŠŽČĆĐ") == "szccd");
  CHECK(crm::fold_case("ŸİĲŒ") == "yiijoe");
  CHECK(crm::fold_case("МОСКВА") == "москва");
  CHECK(crm::fold_case("ΑΘΗΝΑ") == "αθηνα");
  CHECK(crm::fold_case("ΟΔΥΣΣΕΥΣ") == crm::fold_case("οδυσσευς"));  // final sigma
  CHECK(crm::fold_case("ＡＢＣ") == "abc");                         // full width
  CHECK(crm::fold_case("ABC xyz 123") == "abc xyz 123");
  CHECK(crm::fold_case("李") == "李");
  CHECK(crm::fold_case("a\xff") == "a\xff");  // bad bytes kept
  CHECK(crm::equals_ci("ZOË", "zoë"));
  CHECK(crm::equals_ci("zoe", "Zoë"));
  CHECK(crm::equals_ci("Ødegård", "ØDEGÅRD"));
  CHECK(crm::contains_ci("Zoë Ødegård", "ØDEG"));
  CHECK(crm::contains_ci("Café de Flore", "cafe"));
  CHECK(crm::contains_ci("Иван Петров", "ПЕТР"));
  CHECK(crm::contains_ci("山田太郎", "太郎"));  // a part of a CJK name
}

TEST_CASE("text sort_key folds case and strips Latin accents") {
  CHECK(crm::sort_key("Élodie") == "elodie");
  CHECK(crm::sort_key("Łukasz") == "lukasz");
  CHECK(crm::sort_key("Groß") == "gross");
  CHECK(crm::sort_key("Ødegård") == "odegard");
  CHECK(crm::sort_key("Zoë") == "zoe");
  CHECK(crm::sort_key("Ñandú") == "nandu");
  CHECK(crm::sort_key("Çelik") == "celik");
  CHECK(crm::sort_key("Šárka Dvořák") == "sarka dvorak");
  CHECK(crm::sort_key("ÿ") == "y");
  CHECK(crm::sort_key("Иван") == "иван");
  CHECK(crm::sort_key("李") == "李");
  // Every letter of Latin Extended-A sorts by ASCII letters, but for kra,
  // the apostrophe n and eng, which are letters of their own.
  for (uint32_t cp = 0x100; cp <= 0x17F; ++cp) {
    if (cp == 0x138 || cp == 0x149 || cp == 0x14A || cp == 0x14B) continue;
    std::string k = crm::sort_key(utf8(cp));
    CAPTURE(cp);
    REQUIRE(!k.empty());
    for (char c : k) CHECK((c >= 'a' && c <= 'z'));
  }
  // Names sort as people expect.
  std::vector<std::string> names = {"Zoë", "émile", "Adam", "Łukasz", "Eve", "lara", "Ödön"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return crm::sort_key(a) < crm::sort_key(b); });
  CHECK(names == std::vector<std::string>{"Adam", "émile", "Eve", "lara", "Łukasz", "Ödön", "Zoë"});
}

TEST_CASE("text split join trim and friends") {
  CHECK(crm::split("a,b,,c", ',') == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(crm::split("", ',') == std::vector<std::string>{""});
  CHECK(crm::split(",", ',') == std::vector<std::string>{"", ""});
  CHECK(crm::split("abc", ',') == std::vector<std::string>{"abc"});
  CHECK(crm::join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(crm::join({}, ", ") == "");
  CHECK(crm::join({"x"}, ", ") == "x");
  CHECK(crm::join(crm::split("a\nb\n", '\n'), "|") == "a|b|");
  CHECK(crm::trim("  a b \t\r\n") == "a b");
  CHECK(crm::trim("") == "");
  CHECK(crm::trim(" \t ") == "");
  CHECK(crm::trim("x") == "x");
  CHECK(crm::to_lower("ABC-é-Z") == "abc-é-z");
  CHECK(crm::to_upper_label("postal_code") == "POSTAL_CODE");
  CHECK(crm::starts_with("abcd", "ab"));
  CHECK_FALSE(crm::starts_with("a", "ab"));
  CHECK(crm::starts_with("a", ""));
  CHECK(crm::ends_with("file.yaml", ".yaml"));
  CHECK_FALSE(crm::ends_with("yaml", ".yaml"));
}

TEST_CASE("text fold_case of accented Greek capitals and final sigma" * doctest::skip()) {
  // BUG (minor): text.hpp promises Greek capitals fold to small letters, but
  // only U+0391..U+03AB do: the accented capitals U+0386, U+0388..U+038F stay
  // ("ΝΊΚΟΣ" folds to "νΊκοσ"), and final sigma ς is not folded to σ, so
  // equals_ci("Νίκος", "ΝΊΚΟΣ") is false. Expected true.
  CHECK(crm::fold_case("ΆΈΉΊΌΎΏ") == "άέήίόύώ");
  CHECK(crm::equals_ci("Νίκος", "ΝΊΚΟΣ"));
  CHECK(crm::equals_ci("οδος", "ΟΔΟΣ"));
}

TEST_CASE("text sort_key strips accents written as combining marks") {
  // Regression (fixed): sort_key removes precomposed accents only. "Élodie" typed or
  // pasted in decomposed form (E + U+0301, as macOS produces) keys as
  // "e\u0301lodie" and sorts after "elodiez"; expected "elodie".
  CHECK(crm::sort_key("E\u0301lodie") == "elodie");
}

TEST_CASE("text escape_stream_for_terminal keeps line ends and tabs, escapes the rest") {
  CHECK(crm::escape_stream_for_terminal("a,b\r\nc\td\n") == "a,b\r\nc\td\n");
  CHECK(crm::escape_stream_for_terminal("Boss\x1b[31mRED\x07\n") == "Boss\\x1b[31mRED\\x07\n");
  CHECK(crm::escape_stream_for_terminal("over\rwrite\n") == "over\\rwrite\n");
  CHECK(crm::escape_stream_for_terminal("csi \xC2\x9B"
                                        "2J " +
                                        utf8(0x202E) + "\n") == "csi \\u009b2J \\u202e\n");
  CHECK(crm::escape_stream_for_terminal("bad \xFF\n") == "bad \\xff\n");
  CHECK(crm::escape_stream_for_terminal("李小龙 Zoë") == "李小龙 Zoë");
}

TEST_CASE("text first_control_character finds C0, DEL and C1, except what is allowed") {
  CHECK(crm::first_control_character("plain Zoë 李") == -1);
  CHECK(crm::first_control_character("a\tb") == '\t');
  CHECK(crm::first_control_character("a\tb\nc", "\t\n") == -1);
  CHECK(crm::first_control_character("a\tb\rc", "\t\n") == '\r');
  CHECK(crm::first_control_character("x\x1b[2J") == 0x1B);
  CHECK(crm::first_control_character("x\x7F") == 0x7F);
  CHECK(crm::first_control_character("x\xC2\x85y") == 0x85);
  CHECK(crm::first_control_character("x\xC2\x9B") == 0x9B);
  CHECK(crm::first_control_character("x\xC2\xA0y") == -1);  // no-break space is text
  CHECK(crm::first_control_character(std::string("a\0b", 3)) == 0);
  CHECK(crm::code_point_label(0x1B) == "U+001B");
}
