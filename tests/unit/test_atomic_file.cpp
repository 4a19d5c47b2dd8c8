// atomic_file: files are absent, old or new, and records are never symlinks.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/atomic_file.hpp"
#include "crm/error.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using crm_test::list_dir;
using crm_test::read_text;
using crm_test::TempDir;
using crm_test::write_text;

TEST_CASE("atomic_file write_file_atomic creates and replaces, leaving no temp file") {
  TempDir tmp;
  fs::path p = tmp.path() / "a.yaml";
  crm::write_file_atomic(p, "one\n");
  CHECK(read_text(p) == "one\n");
  crm::write_file_atomic(p, std::string("two\0bytes", 9));
  CHECK(read_text(p) == std::string("two\0bytes", 9));
  crm::write_file_atomic(p, "");
  CHECK(read_text(p) == "");
  CHECK(list_dir(tmp.path()) == std::vector<std::string>{"a.yaml"});
  CHECK((fs::status(p).permissions() & fs::perms::owner_read) != fs::perms::none);
  CHECK_THROWS_AS(crm::write_file_atomic(tmp.path() / "missing-dir" / "x.yaml", "x"), crm::Error);
  CHECK(list_dir(tmp.path()) == std::vector<std::string>{"a.yaml"});
}

TEST_CASE("atomic_file replacing a symlink replaces the link, not its target") {
  TempDir tmp;
  write_text(tmp.path() / "target.txt", "keep\n");
  fs::create_symlink(tmp.path() / "target.txt", tmp.path() / "link.yaml");
  crm::write_file_atomic(tmp.path() / "link.yaml", "new\n");
  CHECK(read_text(tmp.path() / "target.txt") == "keep\n");
  CHECK_FALSE(fs::is_symlink(tmp.path() / "link.yaml"));
  CHECK(read_text(tmp.path() / "link.yaml") == "new\n");
}

TEST_CASE("atomic_file read_file refuses symlinks and non-files") {
  TempDir tmp;
  write_text(tmp.path() / "r.yaml", "abcdef");
  CHECK(crm::read_file(tmp.path() / "r.yaml") == "abcdef");
  // Reading stops past the cap; the caller reports the size.
  std::string capped = crm::read_file(tmp.path() / "r.yaml", 3);
  CHECK(capped.size() > 3);
  fs::create_symlink(tmp.path() / "r.yaml", tmp.path() / "s.yaml");
  try {
    crm::read_file(tmp.path() / "s.yaml");
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(e.message() == "is a symbolic link; records must be regular files");
  }
  fs::create_directory(tmp.path() / "d.yaml");
  CHECK_THROWS_AS(crm::read_file(tmp.path() / "d.yaml"), crm::InvalidData);
  CHECK_THROWS_AS(crm::read_file(tmp.path() / "none.yaml"), crm::Error);
}

TEST_CASE("atomic_file is_temp_file_name") {
  CHECK(crm::is_temp_file_name(".kada000000000001.yaml.tmp-abcd"));
  CHECK(crm::is_temp_file_name(".config.yaml.tmp-x"));
  CHECK_FALSE(crm::is_temp_file_name("kada000000000001.yaml"));
  CHECK_FALSE(crm::is_temp_file_name("a.tmp-x"));
  CHECK_FALSE(crm::is_temp_file_name(".gitkeep"));
  CHECK_FALSE(crm::is_temp_file_name(""));
}
