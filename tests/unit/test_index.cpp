// index: loading a folder through the cache, in part and through a prefilter.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "crm/atomic_file.hpp"
#include "crm/index.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using crm_test::TempDir;
using crm_test::write_text;

TEST_CASE("index prefilter: tested on its own fields, whether parsed or from the cache, decoded or not") {
  TempDir tmp;
  write_text(tmp.path() / "recs/a.yaml", "id: a\nname: Ada\nowner: sam\n");
  write_text(tmp.path() / "recs/b.yaml", "id: b\nname: Bob\nowner: kim\n");
  write_text(tmp.path() / "recs/c.yaml", "id: c\nname: Cy\nowner: sam\n");
  fs::create_directories(tmp.path() / ".crm");
  std::this_thread::sleep_for(std::chrono::milliseconds(150));  // older than the racy window: cached
  crm::Dir dir = crm::Dir::open(tmp.path() / "recs");
  crm::Dir crm_dir = crm::Dir::open(tmp.path() / ".crm");
  int validated = 0;
  auto valid = [&](const std::string&, const crm::Node&) { return ++validated, true; };
  // The test reads `owner`, which the caller does not ask to decode.
  crm::Prefilter sam{{"owner"}, [](const std::string&, crm::Node& d) { return d.get("owner") == "sam"; }};
  std::vector<std::string> only = {"name"};
  for (int round = 0; round < 3; ++round) {  // parsed, then from the cache (twice: unchanged)
    CAPTURE(round);
    crm::FolderScan scan = crm::scan_folder(dir, "recs");
    crm::FolderLoad load = crm::load_folder(scan, dir, "recs", crm_dir, 1, 7, valid, &only, &sam);
    CHECK(load.parsed == (round == 0 ? 3u : 0u));
    CHECK(load.dropped == 1);
    REQUIRE(load.files.size() == 2);
    CHECK(load.files[0].name == "a");
    CHECK(load.files[1].name == "c");
    CHECK(load.files[0].data.get("name") == "Ada");
    CHECK(load.files[0].data.find("owner") == nullptr);  // decoded in part
  }
  CHECK(validated == 3);  // once each: validity is cached, for the records dropped too
  CHECK(crm::index_entry_count(crm_dir.sub("cache").read("recs.idx"), 1) == 3);
  CHECK(crm::index_entry_count(crm_dir.sub("cache").read("recs.idx"), 2) == -1);  // another store's
}
