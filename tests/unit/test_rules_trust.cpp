// rules_trust: SHA-256 (FIPS 180-4 vectors); rule_command: running a run action;
// rule_runs: the pending firings file.
#include <doctest/doctest.h>

#include <string>

#include "crm/rules_trust.hpp"

TEST_CASE("rules_trust: sha256 of the FIPS 180-4 examples and block edges") {
  CHECK(crm::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(crm::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(crm::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(crm::sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // 55, 56 and 64 bytes: the padding's one block or two.
  CHECK(crm::sha256_hex(std::string(55, 'x')) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
  CHECK(crm::sha256_hex(std::string(56, 'x')) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
  CHECK(crm::sha256_hex(std::string(64, 'x')) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

#include <chrono>
#include <filesystem>

#include "crm/rule_command.hpp"

TEST_CASE("rule_command: stdin, environment, exit status, time limit") {
  std::filesystem::path dir = std::filesystem::temp_directory_path();
  crm::CommandResult ok = crm::run_rule_command("test \"$(cat)\" = '{\"id\":\"x\"}' && test \"$CRM_RULE\" = r1", dir,
                                                "{\"id\":\"x\"}", {"CRM_RULE=r1"}, 5000);
  CHECK(ok.ok);
  crm::CommandResult failed = crm::run_rule_command("echo one >&2; echo 'two words' >&2; exit 3", dir, "", {}, 5000);
  CHECK_FALSE(failed.ok);
  CHECK(failed.why == "exit status 3: two words");
  // A command that does not read its input (a large one) neither blocks nor kills crm.
  CHECK(crm::run_rule_command("exit 0", dir, std::string(1 << 20, 'x'), {}, 5000).ok);
  // Past its time, the command and what it started are killed.
  auto start = std::chrono::steady_clock::now();
  crm::CommandResult slow = crm::run_rule_command("sleep 30 & sleep 30", dir, "", {}, 1000);
  auto took = std::chrono::steady_clock::now() - start;
  CHECK_FALSE(slow.ok);
  CHECK(slow.why == "timed out after 1s (killed)");
  CHECK(took < std::chrono::seconds(5));
  CHECK(crm::run_rule_command("kill -9 $$", dir, "", {}, 5000).why == "killed by signal 9");
  // The outcome is the shell's exit, not the end of its output: a command
  // that leaves a child running (holding the pipe) succeeded, at once, and
  // one that failed keeps its status and its message.
  start = std::chrono::steady_clock::now();
  crm::CommandResult bg = crm::run_rule_command("(sleep 5) & exit 0", dir, "", {}, 3000);
  CHECK(bg.ok);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  crm::CommandResult bg_failed = crm::run_rule_command("(sleep 5) & echo nope >&2; exit 7", dir, "", {}, 3000);
  CHECK(bg_failed.why == "exit status 7: nope");
}

#include "crm/dates.hpp"
#include "crm/rule_runs.hpp"
#include "temp_dir.hpp"

TEST_CASE("rule_runs: the pending firings, appended, read once, forgotten together") {
  crm_test::TempDir tmp;
  std::filesystem::path root = tmp.path() / "crm";
  REQUIRE(crm::Store::init(root));
  crm::Store store(root, crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:00:00Z")));
  crm::PendingFiring a{"welcome", "lead", "l1", "create"}, b{"won", "deal", "d1", "2026-11-23T09:00:00Z:won\n"};
  CHECK(crm::pending_firings(store).empty());
  crm::remember_failed_firing(store, a);
  crm::remember_failed_firing(store, b);
  crm::remember_failed_firing(store, a);  // failed again before a retry: still one
  std::vector<crm::PendingFiring> all = crm::pending_firings(store);
  REQUIRE(all.size() == 2);
  CHECK(all[1].instance == b.instance);  // a line end in a field survives
  // A line a crash cut short is skipped, and the next one is whole.
  std::filesystem::path file = root / ".crm/state/rules-pending";
  crm_test::write_text(file, crm_test::read_text(file) + "cut\tsho");
  crm::PendingFiring c{"later", "ticket", "t1", "create"};
  crm::remember_failed_firing(store, c);
  all = crm::pending_firings(store);
  REQUIRE(all.size() == 3);
  CHECK(all[2].rule == "later");
  crm::forget_firings(store, {a, c});
  all = crm::pending_firings(store);
  REQUIRE(all.size() == 1);
  CHECK(all[0].rule == "won");
  crm::forget_firings(store, {b});
  CHECK_FALSE(std::filesystem::exists(file));
}
