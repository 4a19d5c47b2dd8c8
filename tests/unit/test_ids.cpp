// ids: random, typeable, never read as a number or an option.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "crm/ids.hpp"
#include "crm/record.hpp"

TEST_CASE("ids new_id format") {
  const std::string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  std::set<char> first_letters;
  for (int i = 0; i < 2000; ++i) {
    std::string id = crm::new_id();
    CAPTURE(id);
    REQUIRE(id.size() == 16);
    CHECK(id[0] >= 'a');
    CHECK(id[0] <= 'z');
    first_letters.insert(id[0]);
    for (char c : id) {
      CHECK(alphabet.find(c) != std::string::npos);
      CHECK(c != 'i');
      CHECK(c != 'l');
      CHECK(c != 'o');
      CHECK(c != 'u');
    }
    CHECK(crm::is_valid_id(id));
  }
  // All 22 letters show up as first character over 2000 draws.
  CHECK(first_letters.size() == 22);
}

TEST_CASE("ids 10000 new ids are unique") {
  std::set<std::string> ids;
  for (int i = 0; i < 10000; ++i) ids.insert(crm::new_id());
  CHECK(ids.size() == 10000);
}

TEST_CASE("ids unique_prefixes are at least 4 long and grow with shared prefixes") {
  auto p = crm::unique_prefixes({"abcdefgh", "abcdzzzz", "abcdefxy", "qrst0000"});
  CHECK(p.size() == 4);
  CHECK(p["qrst0000"] == "qrst");
  CHECK(p["abcdzzzz"] == "abcdz");
  CHECK(p["abcdefgh"] == "abcdefg");
  CHECK(p["abcdefxy"] == "abcdefx");

  auto single = crm::unique_prefixes({"kalan00000000002"});
  CHECK(single["kalan00000000002"] == "kala");

  auto longer_min = crm::unique_prefixes({"abcdefgh", "zzzzzzzz"}, 6);
  CHECK(longer_min["abcdefgh"] == "abcdef");
  CHECK(longer_min["zzzzzzzz"] == "zzzzzz");

  // Never longer than the id; duplicates collapse.
  auto dup = crm::unique_prefixes({"abcd", "abcd", "abcde"});
  CHECK(dup.size() == 2);
  CHECK(dup["abcd"] == "abcd");
  CHECK(dup["abcde"] == "abcde");

  CHECK(crm::unique_prefixes({}).empty());

  // Every prefix names exactly one id of a random set.
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back(crm::new_id());
  auto all = crm::unique_prefixes(ids);
  for (const auto& [id, prefix] : all) {
    CHECK(prefix.size() >= 4);
    CHECK(id.compare(0, prefix.size(), prefix) == 0);
    int hits = 0;
    for (const std::string& other : ids)
      if (other.compare(0, prefix.size(), prefix) == 0) ++hits;
    CHECK(hits == 1);
  }
}

TEST_CASE("ids unique_prefixes for the ids shown are those of the whole set") {
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back(crm::new_id());
  ids.push_back("abcd");
  ids.push_back("abcde");
  auto all = crm::unique_prefixes(ids);
  std::vector<std::string> shown = {ids[7], ids[1500], "abcd", "abcde", "not-an-id-here"};
  auto some = crm::unique_prefixes(ids, shown);
  CHECK(some.size() == 4);  // an id not in the set gets none
  for (const auto& [id, prefix] : some) CHECK(prefix == all[id]);
  CHECK(some["abcd"] == "abcd");
  CHECK(some["abcde"] == "abcde");
}

TEST_CASE("ids is_valid_id") {
  CHECK(crm::is_valid_id("abcd"));
  CHECK(crm::is_valid_id("kalan00000000002"));
  CHECK(crm::is_valid_id(std::string(64, 'a')));
  CHECK_FALSE(crm::is_valid_id(std::string(65, 'a')));
  CHECK_FALSE(crm::is_valid_id("abc"));
  CHECK_FALSE(crm::is_valid_id("ABCD"));
  CHECK_FALSE(crm::is_valid_id("ab/cd"));
  CHECK_FALSE(crm::is_valid_id("../abcd"));
  CHECK_FALSE(crm::is_valid_id("ab.cd"));
  CHECK_FALSE(crm::is_valid_id("ab-cd"));
  CHECK_FALSE(crm::is_valid_id(std::string("abcd\0x", 6)));
  CHECK_FALSE(crm::is_valid_id(""));
}
