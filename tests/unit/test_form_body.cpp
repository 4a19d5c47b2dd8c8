// form_body: a web-form submission's body, url-encoded or JSON.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/form_body.hpp"

namespace {

std::string error_of(const std::string& body, crm::BodyKind kind = crm::BodyKind::Detect) {
  try {
    crm::parse_form_body(body, kind, "in");
  } catch (const crm::Error& e) {
    return e.what();
  }
  return "";
}

std::vector<std::string> values(const crm::FormBody& b, const std::string& name) {
  const crm::FormField* f = b.find(name);
  return f ? f->values : std::vector<std::string>{"<none>"};
}

}  // namespace

TEST_CASE("form body: percent-decoding as browsers encode") {
  std::string out;
  CHECK(crm::percent_decode("a+b%20c", out));
  CHECK(out == "a b c");
  CHECK(crm::percent_decode("%C3%A9%c3%a9", out));
  CHECK(out == "éé");
  CHECK(crm::percent_decode("%2B%25", out));
  CHECK(out == "+%");
  CHECK_FALSE(crm::percent_decode("100%", out));
  CHECK_FALSE(crm::percent_decode("%4", out));
  CHECK_FALSE(crm::percent_decode("%zz", out));
}

TEST_CASE("form body: url-encoded fields in order, repeated keys a list") {
  crm::FormBody b =
      crm::parse_form_body("name=Ada+Lovelace&tag=a&&tag=b&empty=&flag&msg=l1%0D%0Al2\n", crm::BodyKind::Detect, "in");
  CHECK(b.kind == crm::BodyKind::UrlEncoded);
  REQUIRE(b.fields.size() == 5);
  CHECK(b.fields[0].name == "name");
  CHECK(values(b, "name") == std::vector<std::string>{"Ada Lovelace"});
  CHECK(values(b, "tag") == std::vector<std::string>{"a", "b"});
  CHECK(b.find("tag")->text() == "a, b");
  CHECK(values(b, "empty").empty());
  CHECK(values(b, "flag").empty());
  CHECK(values(b, "msg") == std::vector<std::string>{"l1\nl2"});  // CR LF → LF; the file's final LF dropped
}

TEST_CASE("form body: a JSON object of values and lists") {
  crm::FormBody b = crm::parse_form_body(
      "\xEF\xBB\xBF {\"name\": \"Zoë\", \"n\": 12.50, \"ok\": true, \"none\": null, \"tags\": [\"a\", 2, null]}",
      crm::BodyKind::Detect, "in");
  CHECK(b.kind == crm::BodyKind::JsonObject);
  CHECK(values(b, "name") == std::vector<std::string>{"Zoë"});
  CHECK(values(b, "n") == std::vector<std::string>{"12.5"});
  CHECK(values(b, "ok") == std::vector<std::string>{"true"});
  CHECK(values(b, "none").empty());
  CHECK(values(b, "tags") == std::vector<std::string>{"a", "2"});
}

TEST_CASE("form body: what is refused, and where it is said") {
  CHECK(error_of("a=1&b=%FF") == "in:1:5: field \"b\": the value is not UTF-8 (byte 1)");
  CHECK(error_of("a=1\n&b=x%1B") == "in:2:2: field \"b\": the value holds the control character U+001B");
  CHECK(error_of("a=1&b=50%") == "in:1:5: field \"b\": a malformed %-escape (% must be followed by two hex digits)");
  CHECK(error_of("=x") == "in:1:1: a field without a name");
  CHECK(error_of("{\"a\": {\"b\": 1}}") == "in: field \"a\": an object is not a form value");
  CHECK(error_of("{\"a\": [[1]]}") == "in:1:8: nested too deep for a form (an object of values or lists)");
  CHECK(error_of("[1]") == "in:1:1: a JSON submission is one object of fields");
  CHECK(error_of("{\"a\": \"\\u0007\"}") == "in: field \"a\": the value holds the control character U+0007");
  CHECK(error_of(std::string(100000, '[')).find("nested too deep") != std::string::npos);
  CHECK(error_of(std::string(crm::kMaxFormBody + 1, 'a')).find("more than the 262144") != std::string::npos);
  std::string many;
  for (int i = 0; i <= static_cast<int>(crm::kMaxFormFields); ++i) many += "f" + std::to_string(i) + "=v&";
  CHECK(error_of(many).find("more than 500 fields") != std::string::npos);
  CHECK(error_of("a=b", crm::BodyKind::JsonObject).find("not JSON") != std::string::npos);
  CHECK(error_of("{\"a\": 1}", crm::BodyKind::UrlEncoded) == "");  // a key "{\"a\": 1}" with no value
}

TEST_CASE("form body: content types") {
  CHECK(crm::body_kind("") == crm::BodyKind::Detect);
  CHECK(crm::body_kind("application/json; charset=utf-8") == crm::BodyKind::JsonObject);
  CHECK(crm::body_kind("JSON") == crm::BodyKind::JsonObject);
  CHECK(crm::body_kind("application/x-www-form-urlencoded") == crm::BodyKind::UrlEncoded);
  CHECK(crm::body_kind("form") == crm::BodyKind::UrlEncoded);
  CHECK_THROWS_AS(crm::body_kind("multipart/form-data; boundary=x"), crm::UsageError);
}
