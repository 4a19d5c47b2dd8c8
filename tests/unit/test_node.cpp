// node: an ordered map that keeps positions and the plain flag.
#include <doctest/doctest.h>

#include <string>

#include "crm/node.hpp"

using crm::Node;

TEST_CASE("node map set, find, get and erase keep order") {
  Node m = Node::map();
  m.set("b", Node::scalar("2"));
  m.set("a", Node::scalar("1"));
  m.set("b", Node::scalar("two"));  // replaced in place
  REQUIRE(m.entries.size() == 2);
  CHECK(m.entries[0].first == "b");
  CHECK(m.entries[0].second.text == "two");
  CHECK(m.entries[1].first == "a");
  CHECK(m.get("a") == "1");
  CHECK(m.get("missing") == "");
  REQUIRE(m.find("a"));
  m.find("a")->text = "uno";
  CHECK(m.get("a") == "uno");
  m.set("list", Node::sequence({Node::scalar("x")}));
  CHECK(m.get("list") == "");  // not a scalar
  CHECK(m.erase("b"));
  CHECK_FALSE(m.erase("b"));
  CHECK(m.entries.size() == 2);
  CHECK(m.entries[0].first == "a");

  Node s = Node::scalar("x");
  s.set("k", Node::scalar("v"));  // set on a non-map makes it a map
  CHECK(s.is_map());
  CHECK(s.get("k") == "v");
}

TEST_CASE("node empty and kinds") {
  CHECK(Node().is_null());
  CHECK(Node().empty());
  CHECK(Node::scalar("").empty());
  CHECK_FALSE(Node::scalar("x").empty());
  CHECK(Node::sequence().empty());
  CHECK_FALSE(Node::sequence({Node()}).empty());
  CHECK(Node::map().empty());
  CHECK(Node::scalar("x", true).plain);
  CHECK_FALSE(Node::scalar("x").plain);
}

TEST_CASE("node same_value ignores positions and plain, not order") {
  Node a = Node::map();
  a.set("x", Node::scalar("1", true));
  a.set("y", Node::sequence({Node::scalar("a"), Node()}));
  Node b = a;
  b.entries[0].second.plain = false;
  b.entries[0].second.line = 7;
  b.line = 3;
  CHECK(a.same_value(b));
  Node c = Node::map();
  c.set("y", a.entries[1].second);
  c.set("x", a.entries[0].second);
  CHECK_FALSE(a.same_value(c));  // order matters
  b.entries[1].second.items[1] = Node::scalar("");
  CHECK_FALSE(a.same_value(b));  // null is not ""
  CHECK_FALSE(Node::scalar("1").same_value(Node::sequence({Node::scalar("1")})));
  CHECK(Node().same_value(Node()));
}
