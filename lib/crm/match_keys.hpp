// Keys that say two records are the same person or company, shared by import
// (upsert matching) and dedupe: folded emails, normalised phones, names and
// domains.
#pragma once

#include <string>
#include <string_view>

namespace crm {

// "ADA@Engines.Example " → "ada@engines.example"; "" when it has no '@'.
std::string email_key(std::string_view email);
// The domain of an email, lower case; "" for free-mail providers (gmail.com,
// outlook.com…) whose domain says nothing about a company, or no '@'.
std::string company_email_domain(std::string_view email);
bool is_free_mail_domain(std::string_view domain);
// "https://www.Acme.com/about" → "acme.com"; "" when it does not look like a domain.
std::string bare_domain(std::string_view url_or_domain);
// A phone number as digits for comparing: separators dropped, "00" read as
// "+", and at most the last 9 digits kept, so "+44 20 7946 0018",
// "0044 20 7946 0018" and "020 7946 0018" are the same number (the last nine
// digits survive any country code and trunk prefix). "" when fewer than 6 digits.
std::string phone_key(std::string_view phone);
// A person's name for comparing: case and Latin accents folded, spaces collapsed.
std::string person_name_key(std::string_view name);

}  // namespace crm
