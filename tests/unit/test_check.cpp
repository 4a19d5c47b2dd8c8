// check: every problem of a store, each at its file, line and column.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/check.hpp"
#include "crm/store.hpp"
#include "temp_dir.hpp"

using crm_test::TempDir;
using crm_test::write_text;

namespace {

crm::Clock test_clock() { return crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:04:05Z")); }

std::vector<std::string> messages(const std::vector<crm::Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.message);
  return out;
}

}  // namespace

TEST_CASE("check a clean store has no problems") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  write_text(tmp.path() / "companies/cacme0000000000a.yaml", "id: cacme0000000000a\nname: Acme\n");
  write_text(tmp.path() / "contacts/kada000000000001.yaml",
             "id: kada000000000001\nname: Ada\ncompany: cacme0000000000a\n");
  write_text(tmp.path() / "contacts/.gitkeep", "");
  write_text(tmp.path() / "contacts/.kada000000000001.yaml.tmp-abcd", "half written");
  crm::Store store(tmp.path(), test_clock());
  CHECK(messages(crm::check_store(store)).empty());
}

TEST_CASE("check reports a dangling reference at its position") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  write_text(tmp.path() / "contacts/kada000000000001.yaml",
             "id: kada000000000001\nname: Ada\ncompany: cmissing00000001\n");
  write_text(tmp.path() / "deals/dbig000000000001.yaml",
             "id: dbig000000000001\nname: Big\ncontacts:\n  - kada000000000001\n  - "
             "kgone00000000001\nstage: proposal\n");
  crm::Store store(tmp.path(), test_clock());
  auto problems = crm::check_store(store);
  CHECK(messages(problems) == std::vector<std::string>{
                                  "contacts/kada000000000001.yaml:3:10: company: no company with id cmissing00000001",
                                  "deals/dbig000000000001.yaml:5:5: contacts: no contact with id kgone00000000001",
                              });
  for (const auto& p : problems) CHECK_FALSE(p.conflict);
}

TEST_CASE("check reports conflict markers as conflicts") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  write_text(tmp.path() / "contacts/kada000000000001.yaml",
             "id: kada000000000001\n<<<<<<< HEAD\nname: Ada\n=======\nname: Ada L.\n>>>>>>> theirs\n");
  crm::Store store(tmp.path(), test_clock());
  auto problems = crm::check_store(store);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].conflict);
  CHECK(problems[0].message == "contacts/kada000000000001.yaml:2: unresolved git conflict markers");
}

TEST_CASE("check reports bad files, invalid records, shared ids and unknown stages") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  write_text(tmp.path() / "contacts/notes.txt", "hello");
  write_text(tmp.path() / "contacts/kbad000000000001.yaml", "id: kbad000000000001\nname: Bad\nemail: nope\n");
  write_text(tmp.path() / "contacts/kdup000000000001.yaml", "id: kdup000000000001\nname: A\nname: B\n");
  write_text(tmp.path() / "contacts/ksame00000000001.yaml", "id: ksame00000000001\nname: Same\n");
  write_text(tmp.path() / "companies/ksame00000000001.yaml", "id: ksame00000000001\nname: Same Inc\n");
  write_text(tmp.path() / "deals/dbig000000000001.yaml", "id: dbig000000000001\nname: Big\nstage: dreaming\n");
  crm::Store store(tmp.path(), test_clock());
  CHECK(messages(crm::check_store(store)) ==
        std::vector<std::string>{
            "contacts/notes.txt: not a record file (records are <id>.yaml)",
            "contacts/kbad000000000001.yaml:3:8: email: \"nope\" is not an email address",
            "contacts/kdup000000000001.yaml:3:1: duplicate key 'name'",
            "companies/ksame00000000001.yaml: id ksame00000000001 is also used by "
            "contacts/ksame00000000001.yaml",
            "deals/dbig000000000001.yaml:3:8: stage: \"dreaming\" is not a stage of the pipeline "
            "(qualification, "
            "needs-analysis, proposal, negotiation, won, lost)",
        });
}

TEST_CASE("check lists each link where crm keeps its files, without following it") {
  TempDir tmp;
  namespace fs = std::filesystem;
  fs::path root = tmp.path() / "store";
  crm::Store::init(root);
  write_text(tmp.path() / "outside/kbad000000000002.yaml", "id: kbad000000000002\n");  // no name
  fs::remove_all(root / "contacts");
  fs::create_symlink(tmp.path() / "outside", root / "contacts");
  fs::create_symlink(tmp.path() / "outside", root / ".crm/edit");
  fs::create_symlink(tmp.path() / "outside", root / "notes");  // not crm's: neither followed nor reported
  crm::Store store(root, test_clock(), crm::Store::Unsafe::Report);
  CHECK(messages(crm::check_store(store)) ==
        std::vector<std::string>{".crm/edit: is a symbolic link; crm will not use the store until it is removed",
                                 "contacts: is a symbolic link; crm will not use the store until it is removed"});
}
