#include "crm/match_keys.hpp"

#include "crm/text.hpp"

namespace crm {

namespace {

const char* const kFreeMail[] = {"gmail.com",     "googlemail.com", "yahoo.com",      "yahoo.co.uk", "hotmail.com",
                                 "hotmail.co.uk", "outlook.com",    "live.com",       "msn.com",     "icloud.com",
                                 "me.com",        "mac.com",        "aol.com",        "gmx.de",      "gmx.net",
                                 "web.de",        "proton.me",      "protonmail.com", "mail.com",    "yandex.ru",
                                 "qq.com",        "163.com",        "126.com",        "orange.fr",   "free.fr",
                                 "t-online.de",   "libero.it",      "fastmail.com",   "zoho.com",    "hey.com"};

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
  return false;
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
