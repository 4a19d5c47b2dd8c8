#include "crm/match_keys.hpp"

#include "crm/text.hpp"

namespace crm {

namespace {

const char* const kFreeMail[] = {
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com", "hotmail.co.uk", "outlook.com",
    "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.de", "gmx.net", "web.de", "proton.me",
    "protonmail.com", "mail.com", "yandex.ru", "qq.com", "163.com", "126.com", "orange.fr", "free.fr", "t-online.de",
    "libero.it", "fastmail.com", "zoho.com", "hey.com",
    // ISPs and regional free mail: their domain says nothing of an employer
    "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "bellsouth.net", "charter.net", "cox.net",
    "earthlink.net", "optonline.net", "btinternet.com", "sky.com", "talktalk.net", "virginmedia.com", "ntlworld.com",
    "blueyonder.co.uk", "yahoo.co.in", "yahoo.fr", "yahoo.de", "yahoo.es", "yahoo.it", "yahoo.ca", "yahoo.com.br",
    "yahoo.co.jp", "ymail.com", "rocketmail.com", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "live.fr",
    "live.co.uk", "outlook.fr", "outlook.de", "naver.com", "daum.net", "hanmail.net", "mail.ru", "inbox.ru", "list.ru",
    "bk.ru", "yandex.com", "rambler.ru", "rediffmail.com", "sify.com", "wanadoo.fr", "laposte.net", "sfr.fr", "neuf.fr",
    "bluewin.ch", "arcor.de", "freenet.de", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl", "virgilio.it",
    "alice.it", "tin.it", "terra.com.br", "uol.com.br", "bol.com.br", "sina.com", "sohu.com", "139.com", "yeah.net",
    "foxmail.com", "aim.com", "gmx.com", "gmx.at", "gmx.ch", "gmx.fr", "tutanota.com", "pm.me", "icloud.de"};

}  // namespace

std::string email_key(std::string_view email) {
  std::string e = fold_case(trim(email));
  if (e.find('@') == std::string::npos) return "";
  return e;
}

bool is_free_mail_domain(std::string_view domain) {
  std::string d = to_lower(domain);
  for (const char* f : kFreeMail)
    if (d == f) return true;
  return starts_with(d, "gmx.");  // gmx.de, gmx.net, gmx.co.uk…
}

std::string company_email_domain(std::string_view email) {
  std::string e = to_lower(trim(email));
  size_t at = e.rfind('@');
  if (at == std::string::npos) return "";
  std::string d = e.substr(at + 1);
  if (d.find('.') == std::string::npos || is_free_mail_domain(d)) return "";
  return d;
}

std::string bare_domain(std::string_view in) {
  std::string d = to_lower(trim(in));
  if (size_t scheme = d.find("://"); scheme != std::string::npos) d = d.substr(scheme + 3);
  if (size_t at = d.find('@'); at != std::string::npos) d = d.substr(at + 1);  // an email
  if (size_t end = d.find_first_of("/?#"); end != std::string::npos) d = d.substr(0, end);
  if (size_t colon = d.find(':'); colon != std::string::npos) d = d.substr(0, colon);
  if (starts_with(d, "www.")) d = d.substr(4);
  while (!d.empty() && d.back() == '.') d.pop_back();
  if (d.find('.') == std::string::npos || d.find(' ') != std::string::npos) return "";
  return d;
}

std::string phone_key(std::string_view phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() < 6) return "";
  if (digits.size() > 9) digits = digits.substr(digits.size() - 9);
  return digits;
}

std::string person_name_key(std::string_view name) {
  std::string folded = sort_key(trim(name));
  std::string out;
  for (char c : folded) {
    bool space = c == ' ' || c == '\t' || c == '.' || c == ',';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace crm
