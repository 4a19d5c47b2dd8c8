#include "crm/yaml_io.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>

#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

// yaml-cpp turns the escapes \N and \x80..\xFF into single raw bytes; YAML
// means the code points U+0080..U+00FF. The file itself was valid UTF-8 (checked
// before parsing), so any invalid byte here came from such an escape.
std::string repair_escaped_bytes(const std::string& s) {
  if (find_invalid_utf8(s) == std::string::npos) return s;
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t bad = find_invalid_utf8(std::string_view(s).substr(i));
    if (bad == std::string_view::npos) {
      out.append(s, i, std::string::npos);
      break;
    }
    out.append(s, i, bad);
    unsigned char b = static_cast<unsigned char>(s[i + bad]);
    out += static_cast<char>(0xC0 | (b >> 6));
    out += static_cast<char>(0x80 | (b & 0x3F));
    i += bad + 1;
  }
  return out;
}

InvalidData invalid_at(const std::string& source, const YAML::Mark& mark, const std::string& msg) {
  return InvalidData(Location{source, mark.line + 1, mark.column + 1, ""}, msg);
}

// Builds a Node tree from yaml-cpp's parse events, refusing what records never need.
class Builder : public YAML::EventHandler {
 public:
  explicit Builder(std::string source) : source_(std::move(source)) {}

  Node result;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (documents++ == 0) first_line = mark.line + 1;
  }
  int first_line = 0;
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    Node n;
    place(std::move(n), mark);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw invalid_at(source_, mark, "aliases are not allowed in a record");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    if (tag != "?" && tag != "!") throw invalid_at(source_, mark, "tags are not allowed in a record");
    place(Node::scalar(repair_escaped_bytes(value), tag == "?"), mark);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::sequence(), mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::map(), mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }

  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    throw invalid_at(source_, mark, "anchors are not allowed in a record");
  }

 private:
  struct Frame {
    Node node;
    bool have_key = false;
    std::string key;
  };

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != 0) throw invalid_at(source_, mark, "anchors are not allowed in a record");
  }

  void open(Node n, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    check_anchor(mark, anchor);
    if (!tag.empty() && tag != "?" && tag != "!") throw invalid_at(source_, mark, "tags are not allowed in a record");
    if (static_cast<int>(stack_.size()) >= kMaxDepth)
      throw invalid_at(source_, mark, "nested deeper than " + std::to_string(kMaxDepth) + " levels");
    if (!stack_.empty() && stack_.back().node.is_map() && !stack_.back().have_key)
      throw invalid_at(source_, mark, "a key must be a plain string");
    n.line = mark.line + 1;
    n.column = mark.column + 1;
    stack_.push_back(Frame{std::move(n), false, {}});
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(f.node));
  }

  void place(Node n, const YAML::Mark& mark) {
    n.line = mark.line + 1;
    n.column = mark.column + 1;
    if (!stack_.empty() && stack_.back().node.is_map() && !stack_.back().have_key) {
      Frame& f = stack_.back();
      if (!n.is_scalar()) throw invalid_at(source_, mark, "a key must be a plain string");
      // YAML caps implicit keys at 1024 characters; no field name comes near.
      if (n.text.size() > 256) throw invalid_at(source_, mark, "a key longer than 256 characters");
      if (f.node.find(n.text)) throw invalid_at(source_, mark, "duplicate key '" + n.text + "'");
      f.key = n.text;
      f.have_key = true;
      return;
    }
    add(std::move(n));
  }

  void add(Node n) {
    if (stack_.empty()) {
      result = std::move(n);
      return;
    }
    Frame& f = stack_.back();
    if (f.node.is_sequence()) {
      f.node.items.push_back(std::move(n));
    } else {
      f.node.entries.emplace_back(std::move(f.key), std::move(n));
      f.have_key = false;
    }
  }

  std::string source_;
  std::vector<Frame> stack_;
};

bool is_marker_line(std::string_view line, char c) {
  if (line.size() < 7) return false;
  for (int i = 0; i < 7; ++i)
    if (line[i] != c) return false;
  return line.size() == 7 || line[7] == ' ' || line[7] == '\r';
}

}  // namespace

int find_conflict_marker(std::string_view text) {
  int line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    ++line_no;
    // A marker at the start of a line is never valid YAML in a record: any
    // one of them (even alone, from a sloppy resolution) is a conflict.
    if (is_marker_line(line, '<') || is_marker_line(line, '>') || is_marker_line(line, '=')) return line_no;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return 0;
}

Node parse_yaml(std::string_view text, const std::string& source, size_t max_bytes) {
  if (text.size() > max_bytes)
    throw InvalidData(Location{source, 0, 0, ""}, "file is " + std::to_string(text.size()) + " bytes, over the " +
                                                      std::to_string(max_bytes) + "-byte limit for a record");
  if (size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    auto [line, col] = line_column(text, bad);
    throw InvalidData(Location{source, line, col, ""}, "invalid UTF-8");
  }
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    auto [line, col] = line_column(text, nul);
    throw InvalidData(Location{source, line, col, ""}, "NUL byte");
  }
  // YAML allows only printable characters raw in a stream (control
  // characters travel as escapes in double quotes); yaml-cpp is lenient, so
  // the check is ours.
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(text[i + 1]) < 0xA0 && static_cast<unsigned char>(text[i + 1]) != 0x85;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c1) {
      auto [line, col] = line_column(text, i);
      char code[16];
      snprintf(code, sizeof code, "U+%04X", c1 ? static_cast<unsigned char>(text[i + 1]) : c);
      throw InvalidData(Location{source, line, col, ""},
                        std::string("control character ") + code + " (write it as an escape in double quotes)");
    }
  }
  if (int line = find_conflict_marker(text))
    throw Conflict(source + ":" + std::to_string(line) + ": unresolved git conflict markers");

  std::istringstream in{std::string(text)};
  Builder builder(source);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      Builder second(source);
      if (parser.HandleNextDocument(second))
        throw InvalidData(Location{source, second.first_line, 1, ""}, "several YAML documents in one record file");
    }
  } catch (const YAML::Exception& e) {
    throw invalid_at(source, e.mark, e.msg);
  }
  return std::move(builder.result);
}

namespace {

// Hand-written matchers for the plain scalars YAML 1.1 and 1.2 read as
// numbers or timestamps: linear, no recursion, whatever the length (a
// backtracking regex overflowed the stack on long values).
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The end of a run of characters accepted by `ok`, from `i`.
template <typename Pred>
size_t run_of(std::string_view s, size_t i, Pred ok) {
  while (i < s.size() && ok(s[i])) ++i;
  return i;
}

bool digit_or_underscore(char c) { return is_digit(c) || c == '_'; }

// [0-9][0-9_]* from i: its end, or npos when s[i] is not a digit.
size_t digits_underscores(std::string_view s, size_t i) {
  if (i >= s.size() || !is_digit(s[i])) return std::string_view::npos;
  return run_of(s, i + 1, digit_or_underscore);
}

// (:[0-5]?[0-9])+ from i: its end, or npos when there is no such group.
size_t sexagesimal_groups(std::string_view s, size_t i) {
  size_t groups = 0;
  while (i < s.size() && s[i] == ':') {
    size_t j = i + 1;
    if (j >= s.size() || !is_digit(s[j])) return std::string_view::npos;
    if (j + 1 < s.size() && is_digit(s[j + 1])) {
      if (s[j] > '5') return std::string_view::npos;  // 60 and over: no reading takes it
      j += 2;
    } else {
      j += 1;
    }
    i = j;
    ++groups;
  }
  return groups ? i : std::string_view::npos;
}

// [eE][-+]?[0-9]+ from i up to the end of s.
bool exponent_to_end(std::string_view s, size_t i) {
  if (i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
  ++i;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  return i < s.size() && run_of(s, i, is_digit) == s.size();
}

// Integers: 0b…, 0…/0o… (octal), 0x…, decimal, sexagesimal (1:30:00).
bool unsigned_integer(std::string_view b) {
  auto all = [&](size_t from, auto ok) { return from < b.size() && run_of(b, from, ok) == b.size(); };
  if (b.size() > 2 && b[0] == '0' && b[1] == 'b' && all(2, [](char c) { return c == '0' || c == '1' || c == '_'; }))
    return true;
  auto octal = [](char c) { return (c >= '0' && c <= '7') || c == '_'; };
  if (!b.empty() && b[0] == '0' && (all(1, octal) || (b.size() > 1 && b[1] == 'o' && all(2, octal)))) return true;
  auto hex = [](char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_'; };
  if (b.size() > 2 && b[0] == '0' && b[1] == 'x' && all(2, hex)) return true;
  size_t end = digits_underscores(b, 0);
  if (end == std::string_view::npos) return false;
  if (end == b.size()) return true;
  return b[0] != '0' && sexagesimal_groups(b, end) == b.size();
}

// Floats: 1.5, .5, 1., 1.5e3, 1e3, sexagesimal 1:30.5.
bool unsigned_float(std::string_view b) {
  size_t i = 0;
  if (!b.empty() && is_digit(b[0])) i = digits_underscores(b, 0);
  if (i < b.size() && b[i] == '.') {
    size_t j = run_of(b, i + 1, digit_or_underscore);
    if (j == b.size() || exponent_to_end(b, j)) return true;
  }
  size_t end = digits_underscores(b, 0);
  if (end == std::string_view::npos) return false;
  if (exponent_to_end(b, end)) return true;
  size_t groups = sexagesimal_groups(b, end);
  return groups != std::string_view::npos && groups < b.size() && b[groups] == '.' &&
         run_of(b, groups + 1, digit_or_underscore) == b.size();
}

// A date (YYYY-M-D, month and day of one or two digits), alone or followed by
// T, t or a space and anything on the same line.
bool timestamp(std::string_view s) {
  if (s.size() < 8 || run_of(s, 0, is_digit) != 4 || s[4] != '-') return false;
  size_t month_end = run_of(s, 5, is_digit);
  if (month_end - 5 < 1 || month_end - 5 > 2 || month_end >= s.size() || s[month_end] != '-') return false;
  size_t day_end = run_of(s, month_end + 1, is_digit);
  if (day_end - month_end - 1 < 1 || day_end - month_end - 1 > 2) return false;
  if (day_end == s.size()) return true;
  if (s[day_end] != 'T' && s[day_end] != 't' && s[day_end] != ' ') return false;
  return s.find_first_of("\n\r", day_end) == std::string_view::npos;
}

}  // namespace

bool plain_resolves_to_non_string(std::string_view s) {
  static const char* const kWords[] = {"",  "~", "null", "true", "false", "yes",   "no",    "on",  "off",
                                       "y", "n", "=",    "<<",   ".inf",  "+.inf", "-.inf", ".nan"};
  if (s.size() <= 6) {
    std::string lower = to_lower(s);
    for (const char* w : kWords)
      if (lower == w) return true;
  }
  // Numbers and timestamps all start with a sign, a digit or a dot.
  char c = s.empty() ? 0 : s[0];
  if (!(c == '+' || c == '-' || c == '.' || is_digit(c))) return false;
  std::string_view body = (c == '+' || c == '-') ? s.substr(1) : s;
  return unsigned_integer(body) || unsigned_float(body) || timestamp(s);
}

bool plain_is_safe_syntax(std::string_view s) {
  if (s.empty()) return false;
  static const std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  // "-5" is a plain number; "- x" and "-" alone are not plain scalars.
  bool dash_ok = s[0] == '-' && s.size() > 1 && ((s[1] >= '0' && s[1] <= '9') || s[1] == '.');
  if (kIndicators.find(s[0]) != std::string_view::npos && !dash_ok) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return false;
    // U+0080..U+009F (C1 controls, U+0085 a line break) are not printable YAML;
    // U+2028, U+2029 are line breaks to some readers; U+FEFF a BOM.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
      return false;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
        static_cast<unsigned char>(s[i + 2]) == 0xBF)
      return false;
  }
  return s != "---" && s != "...";
}

bool plain_is_safe(std::string_view s) { return plain_is_safe_syntax(s) && !plain_resolves_to_non_string(s); }

namespace {

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  char buf[16];
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case 0:
        out += "\\0";
        break;
      case 0x1B:
        out += "\\e";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
          // C1 controls as \u escapes: yaml-cpp reads "\N" back as a lone byte.
          snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(s[i + 1]));
          out += buf;
          ++i;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
          out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\L" : "\\P";
          i += 2;
        } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
                   static_cast<unsigned char>(s[i + 2]) == 0xBF) {
          out += "\\uFEFF";
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// A literal block keeps text exactly only for ordinary lines: no other line
// breaks or control characters, no leading space on the first line (that
// would need an indentation indicator), no line of only blanks (read back as
// empty), at most one final newline.
bool literal_is_lossless(std::string_view s) {
  if (s.find('\n') == std::string_view::npos) return false;
  if (s.front() == ' ' || s.front() == '\n' || s.front() == '\t') return false;
  if (ends_with(s, "\n\n")) return false;
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
  if (s.find("\xE2\x80\xA8") != std::string_view::npos || s.find("\xE2\x80\xA9") != std::string_view::npos ||
      s.find("\xEF\xBB\xBF") != std::string_view::npos)
    return false;
  std::string_view body = ends_with(s, "\n") ? s.substr(0, s.size() - 1) : s;
  for (const std::string& line : split(body, '\n')) {
    if (line.empty()) continue;
    if (line.find_first_not_of(" \t") == std::string::npos) return false;
    if (line.back() == ' ' || line.back() == '\t') return false;
  }
  return true;
}

std::string emit_key(const std::string& key) { return plain_is_safe(key) ? key : double_quoted(key); }

void emit_value(std::string& out, const Node& value, int indent);

void emit_sequence(std::string& out, const Node& seq, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  for (const Node& item : seq.items) {
    out += pad + "-";
    if (item.is_map() && !item.entries.empty()) {
      // First entry on the dash line, the rest aligned under it.
      std::string block = emit_map(item, indent + 2);
      out += " " + block.substr(static_cast<size_t>(indent) + 2);
    } else if (item.is_sequence() && !item.items.empty()) {
      out += "\n";
      emit_sequence(out, item, indent + 2);
    } else {
      emit_value(out, item, indent);
    }
  }
}

// Writes what follows "key:" (or "-"): " value\n", or "\n" and a nested block.
void emit_value(std::string& out, const Node& value, int indent) {
  switch (value.kind) {
    case Node::Kind::Null:
      out += "\n";
      break;
    case Node::Kind::Scalar:
      out += " " + emit_scalar(value, indent) + "\n";
      break;
    case Node::Kind::Sequence:
      if (value.items.empty()) {
        out += " []\n";
      } else {
        out += "\n";
        emit_sequence(out, value, indent + 2);
      }
      break;
    case Node::Kind::Map:
      if (value.entries.empty()) {
        out += " {}\n";
      } else {
        out += "\n" + emit_map(value, indent + 2);
      }
      break;
  }
}

}  // namespace

std::string emit_scalar(const Node& scalar, int indent) {
  const std::string& s = scalar.text;
  // A typed value (number, date, bool) is written plain so readers see its type.
  bool plain_syntax_ok = !s.empty() && plain_is_safe_syntax(s);
  if (scalar.plain && plain_syntax_ok) return s;
  if (plain_is_safe(s)) return s;
  if (literal_is_lossless(s)) {
    std::string pad(static_cast<size_t>(indent) + 2, ' ');
    bool final_newline = ends_with(s, "\n");
    std::string out = final_newline ? "|" : "|-";
    std::string_view body(s);
    if (final_newline) body.remove_suffix(1);
    for (const std::string& line : split(body, '\n')) out += line.empty() ? "\n" : "\n" + pad + line;
    return out;
  }
  return double_quoted(s);
}

std::string emit_map(const Node& map, int indent) {
  std::string out;
  std::string pad(static_cast<size_t>(indent), ' ');
  for (const auto& [key, value] : map.entries) {
    out += pad + emit_key(key) + ":";
    emit_value(out, value, indent);
  }
  return out;
}

std::string emit_document(const Node& node) {
  switch (node.kind) {
    case Node::Kind::Map:
      return node.entries.empty() ? "{}\n" : emit_map(node, 0);
    case Node::Kind::Sequence: {
      if (node.items.empty()) return "[]\n";
      std::string out;
      emit_sequence(out, node, 0);
      return out;
    }
    case Node::Kind::Scalar:
      return emit_scalar(node, 0) + "\n";
    case Node::Kind::Null:
      return "~\n";
  }
  return "";
}

}  // namespace crm
