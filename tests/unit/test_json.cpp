// json: string escaping and number recognition for JSON output.
#include <doctest/doctest.h>

#include <string>

#include "crm/json.hpp"
#include "crm/table.hpp"

using crm::Node;

TEST_CASE("json json_string escapes what JSON and JavaScript need") {
  CHECK(crm::json_string("") == "\"\"");
  CHECK(crm::json_string("plain") == "\"plain\"");
  CHECK(crm::json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(crm::json_string("\n\t\r\b\f") == "\"\\n\\t\\r\\b\\f\"");
  CHECK(crm::json_string(std::string("\0\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\\u007f\"");
  CHECK(crm::json_string("\x1b[31m") == "\"\\u001b[31m\"");
  CHECK(crm::json_string("a\u2028b\u2029") == "\"a\\u2028b\\u2029\"");
  CHECK(crm::json_string("é李😀") == "\"é李😀\"");
  CHECK(crm::json_string("</script>") == "\"</script>\"");
}

TEST_CASE("json is_json_number follows the JSON grammar") {
  for (const char* yes : {"0", "-0", "38", "-38", "12.50", "0.5", "1e3", "1E+3", "-1.5e-7", "12500.5"}) {
    CAPTURE(yes);
    CHECK(crm::is_json_number(yes));
  }
  for (const char* no : {"", "-", "+1", "01", "0123", ".5", "5.", "1e", "1e+", "0x1F", "1_000", "NaN", "Infinity",
                         "1.2.3", " 1", "1 ", "--1"}) {
    CAPTURE(no);
    CHECK_FALSE(crm::is_json_number(no));
  }
}

TEST_CASE("json json_of_node types plain scalars only") {
  auto untyped = [](const Node& n) { return crm::dump_json(crm::json_of_node(n), -1); };
  CHECK(untyped(Node::scalar("38", true)) == "38");
  CHECK(untyped(Node::scalar("38", false)) == "\"38\"");
  CHECK(untyped(Node::scalar("0123", true)) == "\"0123\"");
  CHECK(untyped(Node::scalar("1.5", true)) == "1.5");
  CHECK(untyped(Node::scalar("true", true)) == "true");
  CHECK(untyped(Node::scalar("False", true)) == "false");
  CHECK(untyped(Node::scalar("true", false)) == "\"true\"");
  CHECK(untyped(Node::scalar("yes", true)) == "\"yes\"");
  CHECK(untyped(Node::scalar("~", true)) == "null");
  CHECK(untyped(Node::scalar("null", false)) == "\"null\"");
  CHECK(untyped(Node()) == "null");
  Node m = Node::map();
  m.set("a", Node::sequence({Node::scalar("1", true), Node::scalar("x")}));
  m.set("b", Node::map());
  CHECK(untyped(m) == "{\"a\":[1,\"x\"],\"b\":{}}");
}
