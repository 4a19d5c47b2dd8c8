// mailbox: maildir folders, mbox files, .eml files and stdin, one message at a time.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/error.hpp"
#include "crm/mailbox.hpp"
#include "temp_dir.hpp"

namespace {

std::vector<crm::MailItem> read_all(const std::string& path, const std::string& stdin_text = "",
                                    std::function<bool(const std::string&)> wanted = nullptr) {
  std::vector<crm::MailItem> items;
  crm::MailboxVisitor v;
  v.wanted = std::move(wanted);
  v.message = [&](crm::MailItem&& item) { items.push_back(std::move(item)); };
  crm::read_mailbox(path, stdin_text, v);
  return items;
}

}  // namespace

TEST_CASE("mbox: split at From_ lines after a blank line, >From unquoted one level") {
  std::string text =
      "From a@b Mon Nov  2 10:00:00 2026\nFrom: a@b\n\nbody\n>From here\n>>From there\nFrom the middle\n\n"
      "From c@d Mon Nov  2 11:00:00 2026\nFrom: c@d\n\nsecond\n";
  auto items = read_all("-", text);
  REQUIRE(items.size() == 2);
  CHECK(items[0].raw == "From: a@b\n\nbody\nFrom here\n>From there\nFrom the middle\n");
  CHECK(items[0].where == "stdin, message 1 (line 2)");
  CHECK(items[1].raw == "From: c@d\n\nsecond\n");
  CHECK(items[1].where == "stdin, message 2 (line 10)");
}

TEST_CASE("stdin without a From_ line is one message") {
  auto items = read_all("-", "From: a@b\n\nx\n");
  REQUIRE(items.size() == 1);
  CHECK(items[0].where == "stdin");
  CHECK(items[0].key.empty());
}

TEST_CASE("maildir: new/ then cur/, in name order, keys ignore the flags, skipped unread when not wanted") {
  crm_test::TempDir dir;
  auto md = dir.path() / "INBOX";
  crm_test::write_text(md / "cur" / "2.x:2,S", "From: b@x\n\n2\n");
  crm_test::write_text(md / "cur" / "1.x:2,", "From: a@x\n\n1\n");
  crm_test::write_text(md / "new" / "3.x", "From: c@x\n\n3\n");
  crm_test::write_text(md / "cur" / ".hidden", "no");
  auto items = read_all(md.string());
  REQUIRE(items.size() == 3);
  CHECK(items[0].raw == "From: c@x\n\n3\n");
  CHECK(items[1].raw == "From: a@x\n\n1\n");
  CHECK(items[1].where == (md / "cur" / "1.x:2,").string());
  CHECK(items[1].key.find("\t1.x\t") != std::string::npos);
  CHECK(items[1].key.find(":2,") == std::string::npos);
  auto none =
      read_all(md.string(), "", [](const std::string& key) { return key.find("\t2.x\t") != std::string::npos; });
  REQUIRE(none.size() == 1);
  CHECK(none[0].raw == "From: b@x\n\n2\n");
  // A folder of maildirs is read maildir by maildir.
  CHECK(read_all(dir.path().string()).size() == 3);
}

TEST_CASE("a single .eml file, missing paths and folders without a maildir are errors") {
  crm_test::TempDir dir;
  crm_test::write_text(dir.path() / "one.eml", "From: a@x\n\nx\n");
  auto items = read_all((dir.path() / "one.eml").string());
  REQUIRE(items.size() == 1);
  CHECK(items[0].key.rfind("file\t", 0) == 0);
  CHECK_THROWS_AS(read_all((dir.path() / "nope").string()), crm::NotFound);
  std::filesystem::create_directories(dir.path() / "empty");
  CHECK_THROWS_AS(read_all((dir.path() / "empty").string()), crm::UsageError);
}
