// atomic_file: files are absent, old or new, and records are never symlinks.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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
    CHECK(e.message() == "is a symbolic link, which crm does not follow");
  }
  fs::create_directory(tmp.path() / "d.yaml");
  CHECK_THROWS_AS(crm::read_file(tmp.path() / "d.yaml"), crm::InvalidData);
  CHECK_THROWS_AS(crm::read_file(tmp.path() / "none.yaml"), crm::Error);
}

TEST_CASE("atomic_file a replaced file keeps its permissions") {
  TempDir tmp;
  fs::path p = tmp.path() / "private.yaml";
  write_text(p, "old\n");
  fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write);
  crm::write_file_atomic(p, "new\n");
  CHECK(read_text(p) == "new\n");
  CHECK(fs::status(p).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  crm::write_file_atomic(p, "newer\n", /*sync=*/false);
  CHECK(fs::status(p).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  // A new file: 0644 less the umask, or what the caller asks.
  mode_t mask = ::umask(022);
  ::umask(mask);
  crm::Dir dir = crm::Dir::open(tmp.path());
  dir.write("fresh.yaml", "x");
  CHECK(static_cast<mode_t>(fs::status(tmp.path() / "fresh.yaml").permissions()) == (0644 & ~mask));
  dir.write("buffer.yaml", "x", true, 0600);
  CHECK(static_cast<mode_t>(fs::status(tmp.path() / "buffer.yaml").permissions()) == (0600 & ~mask));
}

TEST_CASE("atomic_file a FIFO is refused, not waited on") {
  TempDir tmp;
  fs::path fifo = tmp.path() / "k.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  // With no writer, a blocking open would never return.
  try {
    crm::read_file(fifo);
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(e.message() == "is not a regular file");
  }
  CHECK_THROWS_AS(crm::Dir::open(tmp.path()).read("k.yaml"), crm::InvalidData);
  CHECK_THROWS_AS(crm::Dir::open(tmp.path()).open_file("k.yaml", O_RDWR | O_CREAT), crm::InvalidData);
}

TEST_CASE("atomic_file Dir never follows a link") {
  TempDir tmp;
  fs::path outside = tmp.path() / "outside";
  write_text(outside / "victim", "keep\n");
  fs::path store = tmp.path() / "store";
  fs::create_directories(store / "real");
  fs::create_symlink(outside, store / "linked");
  fs::create_symlink(outside / "victim", store / "lock");
  write_text(store / "file", "x");
  crm::Dir root = crm::Dir::open(store, "");

  // Folders: a link or a file is an error naming it; a missing one is empty.
  CHECK(root.sub("real"));
  CHECK_FALSE(root.sub("missing"));
  try {
    root.sub("linked", /*create=*/true);
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(std::string(e.what()) == "linked: is a symbolic link, which crm does not follow");
  }
  CHECK_THROWS_WITH_AS(root.sub("file"), "file: is not a folder", crm::InvalidData);
  crm::Dir made = root.sub("new", /*create=*/true);
  CHECK(made);
  CHECK(made.shown("x.yaml") == "new/x.yaml");

  // Files: a link is neither read nor opened (O_CREAT would create its target).
  CHECK_THROWS_AS(root.read("lock"), crm::InvalidData);
  CHECK_THROWS_AS(root.open_file("lock", O_RDWR | O_CREAT), crm::InvalidData);
  fs::remove(outside / "victim");
  fs::create_symlink(outside / "created", store / "dangling");
  CHECK_THROWS_AS(root.open_file("dangling", O_RDWR | O_CREAT), crm::InvalidData);
  CHECK_FALSE(fs::exists(outside / "created"));
  write_text(outside / "victim", "keep\n");

  // A link is replaced or removed itself, never its target.
  root.write("lock", "mine\n");
  CHECK_FALSE(fs::is_symlink(store / "lock"));
  CHECK(read_text(outside / "victim") == "keep\n");
  CHECK(root.remove("linked"));
  CHECK_FALSE(root.remove("linked"));
  CHECK(read_text(outside / "victim") == "keep\n");

  // names() lists the folder each time it is asked (its own offset).
  std::vector<std::string> names = root.names();
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"dangling", "file", "lock", "new", "real"});
  CHECK(root.names().size() == 5);
  CHECK(root.names([](std::string_view n) { return n.size() == 4; }).size() == 3);
}

TEST_CASE("atomic_file resolve_symlinks follows a user's output link") {
  TempDir tmp;
  fs::path dir = tmp.path();
  write_text(dir / "target.json", "");
  fs::create_symlink("target.json", dir / "one");
  fs::create_symlink(dir / "one", dir / "two");
  fs::create_symlink("missing.json", dir / "dangling");
  fs::create_symlink("loop", dir / "loop");
  CHECK(crm::resolve_symlinks(dir / "two") == dir / "target.json");
  CHECK(crm::resolve_symlinks(dir / "dangling") == dir / "missing.json");
  CHECK(crm::resolve_symlinks(dir / "plain.json") == dir / "plain.json");
  CHECK_THROWS_AS(crm::resolve_symlinks(dir / "loop"), crm::Error);
}

TEST_CASE("atomic_file a folder fsync that fails is an error, worded as an I/O failure") {
  // A real disk error is injected in tests/cli/cases/write_safety.t (strace);
  // here fsync fails on a Dir that holds no folder (EBADF).
  try {
    crm::Dir().sync();
    FAIL("no exception");
  } catch (const crm::Error& e) {
    CHECK(std::string(e.what()).rfind("I/O failure: cannot flush the folder .: ", 0) == 0);
    CHECK(std::string(e.what()).find("not a problem with the data") != std::string::npos);
  }
}

TEST_CASE("atomic_file is_temp_file_name") {
  CHECK(crm::is_temp_file_name(".kada000000000001.yaml.tmp-abcd"));
  CHECK(crm::is_temp_file_name(".config.yaml.tmp-x"));
  CHECK_FALSE(crm::is_temp_file_name("kada000000000001.yaml"));
  CHECK_FALSE(crm::is_temp_file_name("a.tmp-x"));
  CHECK_FALSE(crm::is_temp_file_name(".gitkeep"));
  CHECK_FALSE(crm::is_temp_file_name(""));
}
