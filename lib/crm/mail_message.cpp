#include "crm/mail_message.hpp"

#include <gmime/gmime.h>

#include <mutex>

#include "crm/charset.hpp"
#include "crm/text.hpp"

namespace crm {

namespace {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Owns a GObject reference.
template <typename T>
struct Ref {
  T* p = nullptr;
  explicit Ref(T* q) : p(q) {}
  ~Ref() {
    if (p) g_object_unref(p);
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
};

// Text from a library or a header as valid UTF-8: a byte that is not
// UTF-8 is read as Windows-1252 (what undeclared mail mostly is).
std::string valid_utf8(std::string_view s) {
  if (find_invalid_utf8(s) == std::string::npos) return std::string(s);
  return cp1252_to_utf8(s);
}

// One line: control characters (line breaks of a folded header too) become spaces.
std::string one_line(std::string_view s) {
  std::string out;
  for (char c : valid_utf8(s)) {
    unsigned char u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
  }
  std::string collapsed;
  for (char c : trim(out))
    if (c != ' ' || collapsed.empty() || collapsed.back() != ' ') collapsed += c;
  return collapsed;
}

// Body text: LF line ends, no control characters but tab and line feed,
// no trailing blank lines.
std::string clean_text(std::string_view s) {
  std::string in = valid_utf8(s);
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(in[i]);
    if (u == '\r') {
      if (i + 1 < in.size() && in[i + 1] == '\n') continue;
      out += '\n';
    } else if (u == '\n' || u == '\t' || (u >= 0x20 && u != 0x7f)) {
      out += in[i];
    } else if (u == 0xc2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) < 0xa0) {
      ++i;  // a C1 control character
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t')) out.pop_back();
  size_t start = 0;
  while (start < out.size() && out[start] == '\n') ++start;
  return out.substr(start);
}

void add_addresses(InternetAddressList* list, std::vector<MailAddress>& out, int depth = 0) {
  if (!list || depth > 4) return;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* ia = internet_address_list_get_address(list, i);
    if (!ia) continue;
    if (INTERNET_ADDRESS_IS_GROUP(ia)) {
      add_addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out, depth + 1);
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(ia)) continue;
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
    std::string email = addr ? to_lower(one_line(addr)) : "";
    if (email.empty() || email.find('@') == std::string::npos || email.find(' ') != std::string::npos) continue;
    const char* name = internet_address_get_name(ia);
    MailAddress a;
    a.email = email;
    a.name = name ? one_line(name) : "";
    if (a.name.size() >= 2 && (a.name.front() == '"' || a.name.front() == '\'') && a.name.back() == a.name.front())
      a.name = trim(a.name.substr(1, a.name.size() - 2));
    if (equals_ci(a.name, a.email)) a.name.clear();
    bool seen = false;
    for (const MailAddress& b : out) seen = seen || b.email == a.email;
    if (!seen) out.push_back(std::move(a));
  }
}

// The <message ids> of a header, in order, without brackets.
std::vector<std::string> message_ids(const char* value) {
  std::vector<std::string> ids;
  if (!value) return ids;
  std::string_view v(value);
  size_t i = 0;
  while ((i = v.find('<', i)) != std::string_view::npos) {
    size_t end = v.find('>', i + 1);
    if (end == std::string_view::npos) break;
    std::string id = one_line(v.substr(i + 1, end - i - 1));
    if (!id.empty() && id.find(' ') == std::string::npos) ids.push_back(id);
    i = end + 1;
  }
  return ids;
}

std::string header(GMimeObject* o, const char* name) {
  const char* v = g_mime_object_get_header(o, name);
  return v ? one_line(v) : "";
}

struct Bodies {
  std::string plain, html;
  std::vector<std::string> attachments;
};

std::string part_text(GMimePart* part) {
  if (!GMIME_IS_TEXT_PART(part) || !g_mime_part_get_content(part)) return "";
  char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
  if (!text) return "";
  std::string s(text);
  g_free(text);
  return s;
}

void walk(GMimeObject* o, Bodies& b, int depth) {
  if (!o || depth > 32) return;
  if (GMIME_IS_MULTIPART(o)) {
    GMimeMultipart* m = GMIME_MULTIPART(o);
    int n = g_mime_multipart_get_count(m);
    for (int i = 0; i < n; ++i) walk(g_mime_multipart_get_part(m, i), b, depth + 1);
    return;
  }
  if (GMIME_IS_MESSAGE_PART(o)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(o));
    const char* subject = inner ? g_mime_message_get_subject(inner) : nullptr;
    std::string name = subject ? one_line(subject) : "";
    b.attachments.push_back(name.empty() ? "message.eml" : name + ".eml");
    return;
  }
  if (!GMIME_IS_PART(o)) return;
  GMimePart* part = GMIME_PART(o);
  const char* filename = g_mime_part_get_filename(part);
  if (g_mime_part_is_attachment(part) || filename) {
    std::string name = filename ? one_line(filename) : "";
    b.attachments.push_back(name.empty() ? "attachment" : name);
    return;
  }
  GMimeContentType* ct = g_mime_object_get_content_type(o);
  bool plain = !ct || g_mime_content_type_is_type(ct, "text", "plain");
  bool html = ct && g_mime_content_type_is_type(ct, "text", "html");
  if (plain && b.plain.empty())
    b.plain = part_text(part);
  else if (html && b.html.empty())
    b.html = part_text(part);
}

}  // namespace

std::optional<MailMessage> parse_mail(std::string_view raw, std::string* error) {
  auto fail = [&](const std::string& reason) -> std::optional<MailMessage> {
    if (error) *error = reason;
    return std::nullopt;
  };
  // A message starts with a header field ("Name:"), or an mbox From_ line.
  size_t colon = raw.find(':');
  size_t first_end = raw.find('\n');
  bool header_first = colon != std::string_view::npos && colon > 0 && colon < first_end;
  for (size_t i = 0; header_first && i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    header_first = c > 0x20 && c < 0x7f;
  }
  if (!header_first) return fail("not a mail message: it does not start with a header (Name: value)");
  init_gmime();
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.p));
  g_mime_parser_set_format(parser.p, GMIME_FORMAT_MESSAGE);
  Ref<GMimeMessage> msg(g_mime_parser_construct_message(parser.p, nullptr));
  if (!msg.p) return fail("not a mail message: GMime could not parse it");
  GMimeObject* obj = GMIME_OBJECT(msg.p);

  MailMessage m;
  add_addresses(g_mime_message_get_from(msg.p), m.from);
  if (m.from.empty()) add_addresses(g_mime_message_get_sender(msg.p), m.from);
  if (m.from.empty()) return fail("no From address");
  GDateTime* date = g_mime_message_get_date(msg.p);
  if (!date) return fail(header(obj, "Date").empty() ? "no Date header" : "Date is not a date: " + header(obj, "Date"));
  m.date = Seconds(std::chrono::seconds(g_date_time_to_unix(date)));
  add_addresses(g_mime_message_get_addresses(msg.p, GMIME_ADDRESS_TYPE_TO), m.to);
  add_addresses(g_mime_message_get_addresses(msg.p, GMIME_ADDRESS_TYPE_CC), m.cc);
  if (const char* id = g_mime_message_get_message_id(msg.p)) m.message_id = one_line(id);
  if (m.message_id.find(' ') != std::string::npos) m.message_id.clear();
  if (const char* s = g_mime_message_get_subject(msg.p)) m.subject = one_line(s);
  std::vector<std::string> irt = message_ids(g_mime_object_get_header(obj, "In-Reply-To"));
  if (!irt.empty()) m.in_reply_to = irt.front();
  m.references = message_ids(g_mime_object_get_header(obj, "References"));
  m.list_id = header(obj, "List-Id");
  std::string precedence = to_lower(header(obj, "Precedence"));
  std::string auto_submitted = to_lower(header(obj, "Auto-Submitted"));
  m.bulk = precedence == "bulk" || precedence == "list" || precedence == "junk" ||
           (!auto_submitted.empty() && auto_submitted != "no");

  Bodies b;
  walk(g_mime_message_get_mime_part(msg.p), b, 0);
  m.text = clean_text(!b.plain.empty() ? b.plain : html_to_text(b.html));
  m.attachments = std::move(b.attachments);
  return m;
}

namespace {

bool name_is(std::string_view tag, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (equals_ci(tag, n)) return true;
  return false;
}

void append_entity(std::string& out, std::string_view entity) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"},        {"lt", "<"},         {"gt", ">"},         {"quot", "\""},
      {"apos", "'"},       {"nbsp", " "},       {"copy", "\u00a9"},  {"reg", "\u00ae"},
      {"euro", "\u20ac"},  {"mdash", "\u2014"}, {"ndash", "\u2013"}, {"hellip", "\u2026"},
      {"rsquo", "\u2019"}, {"lsquo", "\u2018"}, {"rdquo", "\u201d"}, {"ldquo", "\u201c"}};
  if (!entity.empty() && entity[0] == '#') {
    uint32_t cp = 0;
    bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
    std::string_view digits = entity.substr(hex ? 2 : 1);
    bool ok = !digits.empty() && digits.size() <= 7;
    for (char c : digits) {
      int d = c >= '0' && c <= '9'          ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0) ok = false;
      if (ok) cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    if (ok && cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) {
      append_utf8(out, cp);
      return;
    }
  }
  for (const auto& [name, text] : kNamed)
    if (entity == name) {
      out += text;
      return;
    }
  out += '&';
  out += entity;
  out += ';';
}

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string out;
  size_t i = 0;
  auto newline = [&] {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.back() != '\n') out += '\n';
  };
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      size_t end = html.find('>', i + 1);
      if (end == std::string_view::npos) break;
      std::string_view inside = html.substr(i + 1, end - i - 1);
      bool closing = !inside.empty() && inside[0] == '/';
      size_t start = closing ? 1 : 0, stop = start;
      while (stop < inside.size() && (isalnum(static_cast<unsigned char>(inside[stop])))) ++stop;
      std::string_view tag = inside.substr(start, stop - start);
      i = end + 1;
      if (!closing && name_is(tag, {"script", "style", "head", "title"})) {
        std::string close = "</" + std::string(tag);
        size_t j = i;
        while (j < html.size()) {
          size_t k = html.find("</", j);
          if (k == std::string_view::npos) {
            j = html.size();
            break;
          }
          if (equals_ci(html.substr(k, close.size()), close)) {
            size_t gt = html.find('>', k);
            j = gt == std::string_view::npos ? html.size() : gt + 1;
            break;
          }
          j = k + 2;
        }
        i = j;
        continue;
      }
      if (name_is(tag, {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul",
                        "ol", "pre", "hr"})) {
        newline();
        if (!closing && name_is(tag, {"p", "h1", "h2", "h3", "blockquote", "table"}) && out.size() > 0 &&
            out.size() >= 2 && out[out.size() - 2] != '\n')
          out += '\n';
        if (!closing && name_is(tag, {"li"})) out += "- ";
      } else if (name_is(tag, {"td", "th"}) && !closing && !out.empty() && out.back() != '\n') {
        out += ' ';
      }
      continue;
    }
    if (c == '&') {
      size_t semi = html.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 10) {
        append_entity(out, html.substr(i + 1, semi - i - 1));
        i = semi + 1;
        continue;
      }
    }
    if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  return clean_text(out);
}

}  // namespace crm

namespace crm {

std::optional<MailAddress> parse_mail_address(std::string_view text) {
  init_gmime();
  std::string s(text);
  if (s.find_first_of("\r\n") != std::string::npos) return std::nullopt;
  InternetAddressList* list = internet_address_list_parse(nullptr, s.c_str());
  if (!list) return std::nullopt;
  Ref<InternetAddressList> owned(list);
  std::vector<MailAddress> out;
  add_addresses(list, out);
  if (out.size() != 1 || internet_address_list_length(list) != 1) return std::nullopt;
  return out.front();
}

std::string compose_mail(const OutgoingMail& mail) {
  init_gmime();
  Ref<GMimeMessage> msg(g_mime_message_new(TRUE));
  GMimeObject* obj = GMIME_OBJECT(msg.p);
  // Names in UTF-8 encoded-words (GMime would pick ISO-8859-1 when it can).
  for (auto [type, who] :
       {std::pair{GMIME_ADDRESS_TYPE_FROM, &mail.from}, std::pair{GMIME_ADDRESS_TYPE_TO, &mail.to}}) {
    InternetAddress* ia =
        internet_address_mailbox_new(who->name.empty() ? nullptr : one_line(who->name).c_str(), who->email.c_str());
    internet_address_set_charset(ia, "utf-8");
    internet_address_list_add(g_mime_message_get_addresses(msg.p, type), ia);
    g_object_unref(ia);
  }
  g_mime_message_set_subject(msg.p, one_line(mail.subject).c_str(), "utf-8");
  GDateTime* date = g_date_time_new_from_unix_utc(mail.date.time_since_epoch().count());
  g_mime_message_set_date(msg.p, date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(msg.p, mail.message_id.c_str());
  if (!mail.list_unsubscribe.empty())
    g_mime_object_set_header(obj, "List-Unsubscribe", one_line(mail.list_unsubscribe).c_str(), nullptr);
  if (mail.one_click) g_mime_object_set_header(obj, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", nullptr);
  for (const auto& [name, value] : mail.headers)
    g_mime_object_set_header(obj, name.c_str(), one_line(value).c_str(), "utf-8");

  // The body as UTF-8 bytes (g_mime_text_part_set_text would convert it to
  // the "best" charset), quoted-printable: safe for any transport.
  Ref<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
  std::string text = clean_text(mail.text) + "\n";
  Ref<GMimeStream> body(g_mime_stream_mem_new_with_buffer(text.data(), text.size()));
  Ref<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(body.p, GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part.p), content.p);
  g_mime_text_part_set_charset(part.p, "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part.p), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_mime_message_set_mime_part(msg.p, GMIME_OBJECT(part.p));

  GMimeFormatOptions* format = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_UNIX);
  char* bytes = g_mime_object_to_string(obj, format);
  g_mime_format_options_free(format);
  std::string out = bytes ? bytes : "";
  g_free(bytes);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

}  // namespace crm
