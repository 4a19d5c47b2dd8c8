// error: one hierarchy, exit codes, "file:line:col: field: message".
#include <doctest/doctest.h>

#include <string>

#include "crm/atomic_file.hpp"
#include "crm/error.hpp"
#include "temp_dir.hpp"

TEST_CASE("error Location str leaves empty parts out") {
  CHECK(crm::Location{"c.yaml", 7, 3, "email"}.str() == "c.yaml:7:3: email");
  CHECK(crm::Location{"c.yaml", 7, 0, "email"}.str() == "c.yaml:7: email");
  CHECK(crm::Location{"c.yaml", 0, 3, ""}.str() == "c.yaml");
  CHECK(crm::Location{"", 7, 3, "email"}.str() == "email");
  CHECK(crm::Location{"", 0, 0, ""}.str() == "");
}

TEST_CASE("error InvalidData composes its message and can be placed in a file") {
  crm::InvalidData e(crm::Location{"", 2, 5, "--email"}, "bad");
  CHECK(std::string(e.what()) == "--email: bad");
  CHECK(e.message() == "bad");
  crm::InvalidData placed = e.in_file("contacts/x.yaml");
  CHECK(std::string(placed.what()) == "contacts/x.yaml:2:5: --email: bad");
  crm::InvalidData kept = placed.in_file("other.yaml");
  CHECK(kept.where().file == "contacts/x.yaml");
  CHECK(std::string(crm::InvalidData(crm::Location{}, "plain").what()) == "plain");
}

TEST_CASE("error exit codes") {
  CHECK(crm::Error("x").exit_code() == crm::kExitInvalid);
  CHECK(crm::NotFound("x").exit_code() == 1);
  CHECK(crm::UsageError("x").exit_code() == 2);
  CHECK(crm::InvalidData(crm::Location{}, "x").exit_code() == 3);
  CHECK(crm::Conflict("x").exit_code() == 4);
  // All are crm::Error, so main's one catch sees them.
  const crm::Error& e = crm::Conflict("held");
  CHECK(e.exit_code() == crm::kExitConflict);
  CHECK(std::string(e.what()) == "held");
}

TEST_CASE("error IoError: what the system refused, not invalid data") {
  crm::IoError e("cannot write to standard output: No space left on device");
  CHECK(e.exit_code() == crm::kExitInvalid);
  const crm::Error& base = e;
  CHECK(std::string(base.what()) == "cannot write to standard output: No space left on device");
  // Files that cannot be created, written or read throw it, naming the file and the reason.
  crm_test::TempDir tmp;
  try {
    crm::write_file_atomic(tmp.path() / "missing-dir" / "x.yaml", "x");
    FAIL("no error");
  } catch (const crm::IoError& io) {
    CHECK(std::string(io.what()).find("No such file or directory") != std::string::npos);
  }
  CHECK_THROWS_AS(crm::read_file(tmp.path() / "absent.yaml"), crm::IoError);
}
