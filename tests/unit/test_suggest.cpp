#include <doctest/doctest.h>

#include "crm/suggest.hpp"

TEST_CASE("suggest edit_distance counts insertions, deletions, substitutions and transpositions") {
  CHECK(crm::edit_distance("contact", "contact") == 0);
  CHECK(crm::edit_distance("contcat", "contact") == 1);  // a transposition is one edit
  CHECK(crm::edit_distance("lst", "list") == 1);
  CHECK(crm::edit_distance("LIST", "list") == 0);
  CHECK(crm::edit_distance("", "abc") == 3);
  CHECK(crm::edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("suggest closest keeps what is near, best first") {
  std::vector<std::string> nouns = {"contact", "company", "lead", "deal", "task", "activity"};
  CHECK(crm::closest("contcat", nouns) == std::vector<std::string>{"contact"});
  CHECK(crm::closest("dael", nouns) == std::vector<std::string>{"deal"});
  CHECK(crm::closest("xyzzy", nouns).empty());
  // A short word is not near everything one edit away from nothing.
  CHECK(crm::closest("a", {"b", "c"}).empty());
  // A prefix that is no typo names what it may be short for, when few.
  CHECK(crm::closest("acti", nouns) == std::vector<std::string>{"activity"});
}

TEST_CASE("suggest did_you_mean phrases one or several names, or nothing") {
  CHECK(crm::did_you_mean("hgh", {"low", "normal", "high", "urgent"}) == "; did you mean \"high\"?");
  CHECK(crm::did_you_mean("rport", {"report", "import", "export"}) ==
        "; did you mean \"report\", \"import\" or \"export\"?");
  CHECK(crm::did_you_mean("zzz", {"low", "high"}).empty());
}
