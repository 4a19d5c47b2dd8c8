// as_of: the commit at the end of a day, the store as it was in it, and the
// records' own dates when there is no git.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/as_of.hpp"
#include "crm/error.hpp"
#include "crm/git.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using crm_test::read_text;
using crm_test::TempDir;
using crm_test::write_text;

namespace {

crm::Seconds at(const char* iso) { return *crm::parse_iso_datetime(iso); }
crm::Days day(const char* iso) { return *crm::parse_iso_date(iso); }

crm::Clock clock_at(const char* now, const char* zone = nullptr) {
  crm::Clock c = crm::Clock::fixed(at(now));
  if (zone) c.set_zone(zone);
  return c;
}

// Runs git in `dir` as a fixed person, committed at `when` (author and committer).
crm::GitResult git(const fs::path& dir, const std::vector<std::string>& args, const std::string& when = "") {
  std::vector<std::string> env = {"GIT_AUTHOR_NAME=T",     "GIT_AUTHOR_EMAIL=t@example.com",
                                  "GIT_COMMITTER_NAME=T",  "GIT_COMMITTER_EMAIL=t@example.com",
                                  "GIT_CONFIG_NOSYSTEM=1", "HOME=/nonexistent",
                                  "GIT_OPTIONAL_LOCKS=0"};
  if (!when.empty()) {
    env.push_back("GIT_AUTHOR_DATE=" + when);
    env.push_back("GIT_COMMITTER_DATE=" + when);
  }
  crm::GitResult r = crm::run_git(dir, args, env);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  return r;
}

std::string commit_all(const fs::path& dir, const std::string& when) {
  git(dir, {"add", "-A"});
  git(dir, {"commit", "-qm", when}, when);
  return crm::trim(git(dir, {"rev-parse", "HEAD"}).out);
}

crm::Record record(const std::string& type, const std::string& yaml) {
  crm::Record r;
  r.type = type;
  r.data = crm::parse_yaml(yaml, "typed-in");
  return r;
}

}  // namespace

TEST_CASE("end_of_day is the last second of the day in the clock's zone") {
  CHECK(crm::format_datetime(crm::end_of_day(clock_at("2026-11-23T09:00:00Z"), day("2026-10-01"))) ==
        "2026-10-01T23:59:59Z");
  // Berlin is UTC+2 in October (summer time), UTC+1 in December.
  crm::Clock berlin = clock_at("2026-11-23T09:00:00Z", "Europe/Berlin");
  CHECK(crm::format_datetime(crm::end_of_day(berlin, day("2026-10-01"))) == "2026-10-01T21:59:59Z");
  CHECK(crm::format_datetime(crm::end_of_day(berlin, day("2026-12-01"))) == "2026-12-01T22:59:59Z");
  // The day the clocks go back (25 October 2026) has 25 hours; it ends at 23:59:59 CET.
  CHECK(crm::format_datetime(crm::end_of_day(berlin, day("2026-10-25"))) == "2026-10-25T22:59:59Z");
}

TEST_CASE("commit_at finds the last commit at or before an instant, on the first-parent line") {
  TempDir tmp;
  const fs::path& repo = tmp.path();
  git(repo, {"init", "-q"});
  CHECK_FALSE(crm::commit_at(repo, at("2026-10-01T00:00:00Z")));  // no commit yet

  write_text(repo / "a.txt", "1\n");
  std::string first = commit_all(repo, "2026-09-30T10:00:00Z");
  write_text(repo / "a.txt", "2\n");
  std::string second = commit_all(repo, "2026-10-01T22:30:00+00:00");
  // A commit made in another zone: 2026-10-02 01:00 at +02:00 is 2026-10-01T23:00:00Z.
  write_text(repo / "a.txt", "3\n");
  std::string third = commit_all(repo, "2026-10-02T01:00:00+02:00");

  CHECK_FALSE(crm::commit_at(repo, at("2026-09-30T09:59:59Z")));     // before the first commit
  CHECK(crm::commit_at(repo, at("2026-09-30T10:00:00Z")) == first);  // at it exactly
  CHECK(crm::commit_at(repo, at("2026-10-01T22:29:59Z")) == first);
  CHECK(crm::commit_at(repo, at("2026-10-01T22:30:00Z")) == second);
  CHECK(crm::commit_at(repo, at("2026-10-01T22:59:59Z")) == second);
  CHECK(crm::commit_at(repo, at("2026-10-01T23:00:00Z")) == third);
  CHECK(crm::commit_at(repo, at("2030-01-01T00:00:00Z")) == third);

  // A branch merged in: its commits are not states of this line, the merge is.
  git(repo, {"checkout", "-q", "-b", "side", first});
  write_text(repo / "b.txt", "side\n");
  std::string side = commit_all(repo, "2026-10-03T12:00:00Z");
  git(repo, {"checkout", "-q", "-"});
  git(repo, {"merge", "-q", "--no-edit", "side"}, "2026-10-04T12:00:00Z");
  std::string merge = crm::trim(git(repo, {"rev-parse", "HEAD"}).out);
  CHECK(crm::commit_at(repo, at("2026-10-03T23:59:59Z")) == third);
  CHECK(crm::commit_at(repo, at("2026-10-04T12:00:00Z")) == merge);
  CHECK(side != third);
}

TEST_CASE("record_as_of rebuilds a record from its own dates") {
  crm::Clock clock = clock_at("2026-11-23T09:00:00Z");
  crm::Seconds end = crm::end_of_day(clock, day("2026-10-01"));

  SUBCASE("made later: left out; an order also by its date, an activity by its time") {
    crm::Record later = record("contact", "id: a\nname: A\ncreated: 2026-10-02T00:00:00Z\n");
    CHECK_FALSE(crm::record_as_of(later, end, clock));
    crm::Record then = record("contact", "id: a\nname: A\ncreated: 2026-10-01T23:59:59Z\n");
    CHECK(crm::record_as_of(then, end, clock));
    crm::Record imported = record("order", "id: o\ndate: 2026-09-01\ncreated: 2026-11-01T00:00:00Z\n");
    CHECK_FALSE(crm::record_as_of(imported, end, clock));  // not in the store then, whatever its date
    crm::Record placed = record("order", "id: o\ndate: 2026-09-01\ncreated: 2026-09-01T10:00:00Z\n");
    CHECK(crm::record_as_of(placed, end, clock));
    crm::Record future = record("order", "id: o\ndate: 2026-10-02\ncreated: 2026-09-01T00:00:00Z\n");
    CHECK_FALSE(crm::record_as_of(future, end, clock));
    crm::Record mail = record("activity", "id: m\nat: 2026-09-20T08:00:00Z\ncreated: 2026-11-01T00:00:00Z\n");
    CHECK_FALSE(crm::record_as_of(mail, end, clock));
    crm::Record call = record("activity", "id: m\nat: 2026-10-02T08:00:00Z\ncreated: 2026-09-01T00:00:00Z\n");
    CHECK_FALSE(crm::record_as_of(call, end, clock));
  }
  SUBCASE("a deal: its stage from the history, a later close undone") {
    crm::Record deal = record("deal",
                              "id: d\nname: D\nstage: lost\nclosed_at: 2026-10-05T10:00:00Z\nlost_reason: price\n"
                              "stage_history:\n  - {stage: qualification, at: 2026-09-01T10:00:00Z}\n"
                              "  - {stage: proposal, at: 2026-10-01T23:00:00Z}\n"
                              "  - {stage: lost, at: 2026-10-05T10:00:00Z}\ncreated: 2026-09-01T10:00:00Z\n");
    REQUIRE(crm::record_as_of(deal, end, clock));
    CHECK(deal.get("stage") == "proposal");
    CHECK(deal.get("closed_at").empty());
    CHECK(deal.get("lost_reason").empty());
    CHECK(deal.find("stage_history")->items.size() == 2);
  }
  SUBCASE("a deal whose history has nothing after the day keeps its stage (moves made without history)") {
    crm::Record deal = record("deal",
                              "id: d\nname: D\nstage: negotiation\nstage_history:\n"
                              "  - {stage: qualification, at: 2026-09-01T10:00:00Z}\ncreated: 2026-09-01T10:00:00Z\n");
    REQUIRE(crm::record_as_of(deal, end, clock));
    CHECK(deal.get("stage") == "negotiation");
  }
  SUBCASE("a deal closed later without a history entry: the last stage its history had by then") {
    crm::Record deal = record("deal",
                              "id: d\nname: D\nstage: lost\nclosed_at: 2026-11-07T18:40:00Z\nlost_reason: price\n"
                              "stage_history:\n  - {stage: proposal, at: 2026-09-01T10:00:00Z}\n"
                              "created: 2026-09-01T10:00:00Z\n");
    REQUIRE(crm::record_as_of(deal, end, clock));
    CHECK(deal.get("stage") == "proposal");
    CHECK(deal.get("closed_at").empty());
  }
  SUBCASE("a ticket solved later without history is open") {
    crm::Record ticket =
        record("ticket", "id: t\nsubject: S\nstatus: solved\nsolved_at: 2026-10-03T10:00:00Z\nsatisfaction: 4\n");
    REQUIRE(crm::record_as_of(ticket, end, clock));
    CHECK(ticket.get("status") == "open");
    CHECK(ticket.get("satisfaction").empty());
  }
  SUBCASE("a deal made before its first recorded move keeps the earliest stage known") {
    crm::Record deal = record("deal",
                              "id: d\nname: D\nstage: won\nstage_history:\n  - {stage: won, at: 2026-10-05T10:00:00Z}\n"
                              "created: 2026-09-01T10:00:00Z\n");
    REQUIRE(crm::record_as_of(deal, end, clock));
    CHECK(deal.get("stage") == "won");
    CHECK(deal.find("stage_history") == nullptr);
  }
  SUBCASE("a ticket: status from the history, later stamps and the rating dropped") {
    crm::Record ticket = record("ticket",
                                "id: t\nsubject: S\nstatus: solved\nfirst_response_at: 2026-09-30T10:00:00Z\n"
                                "solved_at: 2026-10-03T10:00:00Z\nsatisfaction: 5\n"
                                "status_history:\n  - {status: new, at: 2026-09-29T10:00:00Z}\n"
                                "  - {status: open, at: 2026-09-30T10:00:00Z}\n"
                                "  - {status: solved, at: 2026-10-03T10:00:00Z}\ncreated: 2026-09-29T10:00:00Z\n");
    REQUIRE(crm::record_as_of(ticket, end, clock));
    CHECK(ticket.get("status") == "open");
    CHECK(ticket.get("first_response_at") == "2026-09-30T10:00:00Z");
    CHECK(ticket.get("solved_at").empty());
    CHECK(ticket.get("satisfaction").empty());
  }
  SUBCASE("an order refunded later was paid; one paid later was placed") {
    crm::Record refunded = record("order",
                                  "id: o\ndate: 2026-09-01\nstatus: refunded\npaid_at: 2026-09-01T10:00:00Z\n"
                                  "refunded_at: 2026-10-02T10:00:00Z\n");
    REQUIRE(crm::record_as_of(refunded, end, clock));
    CHECK(refunded.get("status") == "paid");
    CHECK(refunded.get("refunded_at").empty());
    crm::Record paid = record("order", "id: o\ndate: 2026-09-01\nstatus: paid\npaid_at: 2026-10-02T10:00:00Z\n");
    REQUIRE(crm::record_as_of(paid, end, clock));
    CHECK(paid.get("status") == "placed");
    crm::Record canceled =
        record("order", "id: o\ndate: 2026-09-01\nstatus: canceled\ncanceled_at: 2026-09-20T10:00:00Z\n");
    REQUIRE(crm::record_as_of(canceled, end, clock));
    CHECK(canceled.get("status") == "canceled");
  }
  SUBCASE("a task done later is open; a lead converted later is not") {
    crm::Record task =
        record("task", "id: t\ntitle: T\nstatus: done\ncompleted_at: 2026-10-02T08:00:00Z\nnext: tnext000\n");
    REQUIRE(crm::record_as_of(task, end, clock));
    CHECK(task.get("status") == "open");
    CHECK(task.get("next").empty());
    crm::Record lead = record("lead",
                              "id: l\nname: L\nstatus: converted\nconverted_at: 2026-10-02T08:00:00Z\n"
                              "converted_contact: c0000000\n");
    REQUIRE(crm::record_as_of(lead, end, clock));
    CHECK(lead.get("status") == "qualified");
    CHECK(lead.get("converted_contact").empty());
  }
}

TEST_CASE("open_as_of reads a commit's records and config, and never touches the worktree") {
  TempDir tmp;
  const fs::path root = tmp.path() / "s";
  REQUIRE(crm::Store::init(root));
  git(root, {"init", "-q"});
  write_text(root / ".gitignore", ".crm/cache/\n");
  // 1 September: records only (autocommit commits no config).
  write_text(root / "contacts/kada000000000001.yaml", "id: kada000000000001\nname: Ada\n");
  git(root, {"add", "contacts", ".gitignore"});
  git(root, {"commit", "-qm", "ada"}, "2026-09-01T10:00:00Z");
  // 1 October: the config, with EUR, and a second contact.
  write_text(root / ".crm/config.yaml", "currency: EUR\n");
  write_text(root / "contacts/kbob000000000002.yaml", "id: kbob000000000002\nname: Bob\n");
  commit_all(root, "2026-10-01T10:00:00Z");
  // Today: GBP, Ada renamed and not committed.
  write_text(root / ".crm/config.yaml", "currency: GBP\n");
  write_text(root / "contacts/kada000000000001.yaml", "id: kada000000000001\nname: Ada Lovelace\n");
  const std::string status = git(root, {"status", "--porcelain"}).out;
  const std::string index = read_text(root / ".git/index");

  crm::Store store(root, clock_at("2026-11-23T09:00:00Z"));
  const crm::Schema& contacts = store.schemas().get("contact");
  auto names = [&](const crm::Store& s) {
    std::vector<std::string> out;
    for (const crm::Record& r : s.load_all(contacts).records) out.push_back(r.get("name"));
    return out;
  };
  {
    crm::PastStore past = crm::open_as_of(store, day("2026-09-15"));
    CHECK(past.store->clock().today == day("2026-09-15"));
    CHECK(crm::format_datetime(past.store->clock().now) == "2026-09-15T23:59:59Z");
    CHECK(names(*past.store) == std::vector<std::string>{"Ada"});
    CHECK(past.store->config().currency == "GBP");  // no config in that commit: today's
    CHECK(past.notes.empty());
  }
  {
    // From the folder of 1 September, moved to 1 October: the commit's own config now.
    crm::PastStore past = crm::open_as_of(store, day("2026-10-01"));
    CHECK(names(*past.store) == std::vector<std::string>{"Ada", "Bob"});
    CHECK(past.store->config().currency == "EUR");
    REQUIRE(past.notes.size() == 1);  // the commit is HEAD, and two files are not committed
    CHECK(past.notes[0] == "2 files of the store are not committed: --as-of reads committed history only");
  }
  {
    // And back: the config of today again, Bob gone.
    crm::PastStore past = crm::open_as_of(store, day("2026-09-30"));
    CHECK(names(*past.store) == std::vector<std::string>{"Ada"});
    CHECK(past.store->config().currency == "GBP");
  }
  CHECK(git(root, {"status", "--porcelain"}).out == status);
  CHECK(read_text(root / ".git/index") == index);
  CHECK(read_text(root / "contacts/kada000000000001.yaml") == "id: kada000000000001\nname: Ada Lovelace\n");

  CHECK_THROWS_WITH_AS(
      crm::open_as_of(store, day("2026-08-31")),
      "--as-of 2026-08-31 is before the store's first commit (2026-09-01): git has no earlier state of it",
      crm::UsageError);
  CHECK_THROWS_WITH_AS(crm::open_as_of(store, day("2026-11-24")),
                       "--as-of 2026-11-24 is in the future (today is 2026-11-23): history only goes up to now",
                       crm::UsageError);
}

TEST_CASE("open_as_of without git: the records' own dates, in one folder rewritten where it differs") {
  TempDir tmp;
  const fs::path root = tmp.path() / "s";
  REQUIRE(crm::Store::init(root));
  write_text(root / "contacts/kada000000000001.yaml",
             "id: kada000000000001\nname: Ada\ncreated: 2026-09-01T10:00:00Z\n");
  write_text(root / "contacts/kbob000000000002.yaml",
             "id: kbob000000000002\nname: Bob\ncreated: 2026-10-02T10:00:00Z\n");
  crm::Store store(root, clock_at("2026-11-23T09:00:00Z"));
  const crm::Schema& contacts = store.schemas().get("contact");
  const fs::path ada = root / ".crm/cache/asof/.dates/contacts/kada000000000001.yaml";
  auto names = [&](const crm::PastStore& past) {
    std::vector<std::string> out;
    for (const crm::Record& r : past.store->load_all(contacts).records) out.push_back(r.get("name"));
    return out;
  };
  struct stat first;
  {
    crm::PastStore past = crm::open_as_of(store, day("2026-10-01"));
    CHECK(past.commit.empty());
    REQUIRE(past.notes.size() == 1);
    CHECK(past.notes[0].rfind("not a git repository: as of 2026-10-01 from the records' own dates", 0) == 0);
    CHECK(names(past) == std::vector<std::string>{"Ada"});
    REQUIRE(::stat(ada.c_str(), &first) == 0);
  }
  {
    crm::PastStore past = crm::open_as_of(store, day("2026-10-02"));  // Bob is written, Ada left as she was
    CHECK(names(past) == std::vector<std::string>{"Ada", "Bob"});
    struct stat again;
    REQUIRE(::stat(ada.c_str(), &again) == 0);
    CHECK(again.st_ino == first.st_ino);
    CHECK(again.st_mtim.tv_nsec == first.st_mtim.tv_nsec);
  }
  crm::PastStore before = crm::open_as_of(store, day("2026-08-01"));  // and removed again
  CHECK(names(before).empty());
  CHECK_FALSE(fs::exists(root / ".crm/cache/asof/.dates/contacts/kbob000000000002.yaml"));
}

TEST_CASE("open_as_of for a store in a folder of a larger repository") {
  TempDir tmp;
  const fs::path repo = tmp.path();
  const fs::path root = repo / "team/crm";
  REQUIRE(crm::Store::init(root));
  git(repo, {"init", "-q"});
  write_text(repo / ".gitignore", ".crm/cache/\n");
  write_text(repo / "README", "not the store\n");
  write_text(repo / "other/x.yaml", "id: x\n");
  git(repo, {"add", ".gitignore", "README", "other"});
  git(repo, {"commit", "-qm", "before the store"}, "2026-08-01T10:00:00Z");
  write_text(root / "contacts/kada000000000001.yaml", "id: kada000000000001\nname: Ada\n");
  commit_all(repo, "2026-09-01T10:00:00Z");
  write_text(root / "contacts/kbob000000000002.yaml", "id: kbob000000000002\nname: Bob\n");
  commit_all(repo, "2026-10-01T10:00:00Z");
  write_text(repo / "README", "changed, outside the store\n");
  write_text(root / "contacts/kcleo00000000003.yaml", "id: kcleo00000000003\nname: Cleo\n");

  crm::Store store(root, clock_at("2026-11-23T09:00:00Z"));
  const crm::Schema& contacts = store.schemas().get("contact");
  CHECK_THROWS_WITH_AS(crm::open_as_of(store, day("2026-08-15")),
                       "--as-of 2026-08-15 is before the store's first commit (2026-09-01): git has no earlier "
                       "state of it",
                       crm::UsageError);
  crm::PastStore sept = crm::open_as_of(store, day("2026-09-15"));
  CHECK(sept.store->load_all(contacts).records.size() == 1);
  CHECK_FALSE(fs::exists(root / ".crm/cache/asof" / sept.commit / "other"));  // only the store's files
  CHECK(sept.notes.empty());
  // While September is read, October cannot take its folder: it makes its own.
  crm::PastStore oct = crm::open_as_of(store, day("2026-10-01"));
  CHECK(oct.store->load_all(contacts).records.size() == 2);
  CHECK(sept.store->load_all(contacts).records.size() == 1);
  CHECK(fs::exists(root / ".crm/cache/asof" / sept.commit));
  REQUIRE(oct.notes.size() == 1);  // Cleo, not the README
  CHECK(oct.notes[0] == "1 file of the store is not committed: --as-of reads committed history only");
}

TEST_CASE("open_as_of in a repository without a commit: the records' own dates") {
  TempDir tmp;
  const fs::path root = tmp.path() / "s";
  REQUIRE(crm::Store::init(root));
  git(root, {"init", "-q"});
  crm::Store store(root, clock_at("2026-11-23T09:00:00Z"));
  crm::PastStore past = crm::open_as_of(store, day("2026-10-01"));
  CHECK(past.commit.empty());
  REQUIRE(past.notes.size() == 1);
  CHECK(past.notes[0].rfind("no commit yet: as of 2026-10-01 from the records' own dates", 0) == 0);
}
