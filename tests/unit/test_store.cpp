// store: discovery, layout, strict loading, resolving, validated atomic writes.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "crm/config.hpp"
#include "crm/error.hpp"
#include "crm/related.hpp"
#include "crm/store.hpp"
#include "crm/yaml_io.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using crm_test::list_dir;
using crm_test::read_text;
using crm_test::TempDir;
using crm_test::write_text;

namespace {

crm::Clock test_clock() { return crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:04:05Z")); }

crm::Record make(const std::string& type, const std::string& yaml) {
  crm::Record r;
  r.type = type;
  r.data = crm::parse_yaml(yaml, "typed-in");
  return r;
}

// A store with two companies, three contacts and a deal, written by hand.
void seed(const fs::path& root) {
  REQUIRE(crm::Store::init(root));
  write_text(root / "companies/cacme0000000000a.yaml", "id: cacme0000000000a\nname: Acme Corporation\n");
  write_text(root / "companies/cglobex00000000b.yaml", "id: cglobex00000000b\nname: Globex\n");
  write_text(root / "contacts/kada000000000001.yaml",
             "id: kada000000000001\nname: Ada Lovelace\nemail: ada@example.com\n");
  write_text(root / "contacts/kalan00000000002.yaml",
             "id: kalan00000000002\nname: Alan Turing\nemail: alan@acme.example\n"
             "emails: [turing@bletchley.example]\ncompany: cacme0000000000a\n");
  write_text(root / "contacts/kalan00000000003.yaml",
             "id: kalan00000000003\nname: Alan Smith\nemail: smith@example.com\n");
  write_text(root / "deals/dbig000000000001.yaml",
             "id: dbig000000000001\nname: Big deal\ncompany: cacme0000000000a\n"
             "contacts: [kada000000000001, kalan00000000002]\namount: 1000\nstage: proposal\n");
}

// Restores an environment variable when the test ends.
class EnvGuard {
 public:
  explicit EnvGuard(const char* name) : name_(name) {
    if (const char* v = std::getenv(name)) {
      had_ = true;
      value_ = v;
    }
  }
  ~EnvGuard() {
    if (had_)
      ::setenv(name_, value_.c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  bool had_ = false;
  std::string value_;
};

}  // namespace

TEST_CASE("store init makes the layout once") {
  TempDir tmp;
  fs::path root = tmp.path() / "crm";
  CHECK(crm::Store::init(root));
  CHECK(fs::is_directory(root / ".crm"));
  CHECK(read_text(root / ".crm/config.yaml") == crm::default_config_text());
  for (const char* folder : {"contacts", "companies", "leads", "deals", "tasks", "activities"}) {
    CAPTURE(folder);
    CHECK(fs::is_directory(root / folder));
  }
  CHECK(read_text(root / ".gitignore").find(".crm/lock") != std::string::npos);
  CHECK(list_dir(root / ".crm") == std::vector<std::string>{"config.yaml"});  // no temp file left
  // A second init touches nothing.
  write_text(root / ".crm/config.yaml", "currency: EUR\n");
  CHECK_FALSE(crm::Store::init(root));
  CHECK(read_text(root / ".crm/config.yaml") == "currency: EUR\n");
  // An existing .gitignore is kept.
  fs::path other = tmp.path() / "other";
  write_text(other / ".gitignore", "mine\n");
  CHECK(crm::Store::init(other));
  CHECK(read_text(other / ".gitignore") == "mine\n");
}

TEST_CASE("store discover via -C, CRM_DIR and the working directory") {
  TempDir tmp;
  fs::path root = tmp.path() / "crm";
  REQUIRE(crm::Store::init(root));
  EnvGuard env("CRM_DIR");
  ::unsetenv("CRM_DIR");
  CHECK(crm::Store::discover(root.string()) == root);
  CHECK(fs::equivalent(crm::Store::discover((root / "contacts" / "..").string()), root));
  CHECK_THROWS_AS(crm::Store::discover((tmp.path() / "nowhere").string()), crm::UsageError);
  CHECK_THROWS_AS(crm::Store::discover(tmp.path().string()), crm::UsageError);

  ::setenv("CRM_DIR", root.string().c_str(), 1);
  CHECK(crm::Store::discover("") == root);
  ::setenv("CRM_DIR", tmp.path().string().c_str(), 1);
  CHECK_THROWS_AS(crm::Store::discover(""), crm::UsageError);
  ::unsetenv("CRM_DIR");

  // From a folder inside the store.
  fs::path before = fs::current_path();
  fs::current_path(root / "contacts");
  fs::path found;
  try {
    found = crm::Store::discover("");
  } catch (...) {
  }
  fs::current_path(tmp.path());
  bool outside_throws = false;
  try {
    crm::Store::discover("");
  } catch (const crm::UsageError&) {
    outside_throws = true;
  }
  fs::current_path(before);
  CHECK(fs::equivalent(found, root));
  CHECK(outside_throws);
}

TEST_CASE("store write and load round trip with exact bytes") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  crm::Record r = make("contact",
                       "id: kada000000000001\nemail: ada@example.com\nname: Ada Lovelace\n"
                       "tags: [no, vip]\nphone: \"0123456789\"\ncadence: 30\n");
  CHECK(store.lock().write_raw(r, true));
  const std::string expected =
      "id: kada000000000001\n"
      "name: Ada Lovelace\n"
      "email: ada@example.com\n"
      "phone: \"0123456789\"\n"
      "tags:\n"
      "  - \"no\"\n"
      "  - vip\n"
      "cadence: 30\n"
      "created: 2026-11-23T10:04:05Z\n"
      "updated: 2026-11-23T10:04:05Z\n";
  CHECK(read_text(tmp.path() / "contacts/kada000000000001.yaml") == expected);
  CHECK(r.path == "contacts/kada000000000001.yaml");
  CHECK(list_dir(tmp.path() / "contacts") == std::vector<std::string>{"kada000000000001.yaml"});

  crm::Record back = store.load(store.schemas().get("contact"), "kada000000000001");
  CHECK(back.type == "contact");
  CHECK(back.path == "contacts/kada000000000001.yaml");
  CHECK(back.data.same_value(crm::canonical_data(r.data, store.schemas().get("contact"))));
  CHECK(back.get("phone") == "0123456789");
  CHECK(back.find("tags")->items[0].text == "no");
  CHECK(back.find("name")->line == 2);

  // A later write keeps created and moves updated.
  crm::Store later(tmp.path(), crm::Clock::fixed(*crm::parse_iso_datetime("2026-12-01T08:00:00Z")));
  back.data.set("title", crm::Node::scalar("Countess"));
  CHECK(later.lock().write_raw(back, false));
  crm::Record again = later.load(later.schemas().get("contact"), "kada000000000001");
  CHECK(again.get("created") == "2026-11-23T10:04:05Z");
  CHECK(again.get("updated") == "2026-12-01T08:00:00Z");
  CHECK(again.get("title") == "Countess");

  // A new record over an existing file is a conflict.
  crm::Record dup = make("contact", "id: kada000000000001\nname: Other\n");
  CHECK_THROWS_AS(store.lock().write_raw(dup, true), crm::Conflict);
  CHECK(read_text(tmp.path() / "contacts/kada000000000001.yaml").find("Countess") != std::string::npos);
}

TEST_CASE("store write refuses an invalid record and leaves no file") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  crm::Record bad = make("contact", "id: kada000000000001\nname: Ada\nemail: not-an-email\n");
  try {
    store.lock().write_raw(bad, true);
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(e.where().field == "email");
    CHECK(e.message() == "\"not-an-email\" is not an email address");
  }
  CHECK(list_dir(tmp.path() / "contacts").empty());  // neither the record nor a temp file

  crm::Record missing = make("contact", "id: kada000000000001\nemail: a@b.co\n");
  CHECK_THROWS_AS(store.lock().write_raw(missing, true), crm::InvalidData);
  crm::Record dangling = make("contact", "id: kada000000000001\nname: Ada\ncompany: cnone00000000001\n");
  try {
    store.lock().write_raw(dangling, true);
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(e.where().field == "company");
    CHECK(e.message() == "no company with id cnone00000000001");
  }
  // A reference to a record of the wrong type is no better.
  write_text(tmp.path() / "contacts/kbob000000000002.yaml", "id: kbob000000000002\nname: Bob\n");
  crm::Record wrong = make("contact", "id: kada000000000001\nname: Ada\ncompany: kbob000000000002\n");
  CHECK_THROWS_AS(store.lock().write_raw(wrong, true), crm::InvalidData);
  CHECK(list_dir(tmp.path() / "contacts") == std::vector<std::string>{"kbob000000000002.yaml"});
  CHECK(list_dir(tmp.path() / "companies").empty());
}

TEST_CASE("store ids with a slash or dots never reach the filesystem") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  write_text(tmp.path() / "secret.yaml", "id: secret\nname: x\n");
  crm::Store store(tmp.path(), test_clock());
  const crm::Schema& c = store.schemas().get("contact");
  for (const char* id : {"../secret", "..", "a/b/c/d", "/etc/passwd", "contacts/../../x", "ABCD", "abc", ""}) {
    CAPTURE(id);
    CHECK_THROWS_AS(store.record_path(c, id), crm::UsageError);
    CHECK_THROWS_AS(store.load(c, id), crm::UsageError);
    CHECK_THROWS_AS(store.lock().remove_raw(c, id), crm::UsageError);
    CHECK_FALSE(store.exists(c, id));
  }
  CHECK_THROWS_AS(store.record_path(c, std::string("abcd\0/../x", 10)), crm::UsageError);
  crm::Record evil = make("contact", "id: ../secret\nname: x\n");
  CHECK_THROWS_AS(store.lock().write_raw(evil, true), crm::UsageError);
  CHECK(read_text(tmp.path() / "secret.yaml") == "id: secret\nname: x\n");
  CHECK(store.record_path(c, "abcd") == tmp.path() / "contacts" / "abcd.yaml");
}

TEST_CASE("store load is strict") {
  TempDir tmp;
  seed(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  const crm::Schema& c = store.schemas().get("contact");
  CHECK_THROWS_AS(store.load(c, "knone00000000001"), crm::NotFound);

  // A symlinked record file is refused, wherever it points.
  write_text(tmp.path() / "outside.yaml", "id: kevil00000000001\nname: Evil\n");
  fs::create_symlink(tmp.path() / "outside.yaml", tmp.path() / "contacts/kevil00000000001.yaml");
  try {
    store.load(c, "kevil00000000001");
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(std::string(e.what()) == "contacts/kevil00000000001.yaml: is a symbolic link; records must be regular files");
  }

  // The id inside must match the file name.
  write_text(tmp.path() / "contacts/kmis000000000001.yaml", "name: X\nid: kother0000000001\n");
  try {
    store.load(c, "kmis000000000001");
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(std::string(e.what()) ==
          "contacts/kmis000000000001.yaml:2:5: id: \"kother0000000001\" does not match the file "
          "name");
  }
  write_text(tmp.path() / "contacts/knoid00000000001.yaml", "name: X\n");
  CHECK_THROWS_AS(store.load(c, "knoid00000000001"), crm::InvalidData);
  write_text(tmp.path() / "contacts/kdup000000000001.yaml", "id: kdup000000000001\nname: A\nname: B\n");
  try {
    store.load(c, "kdup000000000001");
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(std::string(e.what()) == "contacts/kdup000000000001.yaml:3:1: duplicate key 'name'");
  }
  write_text(tmp.path() / "contacts/kcon000000000001.yaml",
             "id: kcon000000000001\n<<<<<<< HEAD\nname: A\n=======\nname: B\n>>>>>>> x\n");
  CHECK_THROWS_AS(store.load(c, "kcon000000000001"), crm::Conflict);
  fs::create_directories(tmp.path() / "contacts/kdir000000000001.yaml");
  CHECK_THROWS_AS(store.load(c, "kdir000000000001"), crm::InvalidData);

  // load_all sorts them out.
  crm::Store::Loaded all = store.load_all(c);
  std::vector<std::string> good;
  for (const auto& r : all.records) good.push_back(r.id());
  CHECK(good == std::vector<std::string>{"kada000000000001", "kalan00000000002", "kalan00000000003"});
  CHECK(all.conflicts == std::vector<std::string>{"contacts/kcon000000000001.yaml:2: unresolved git conflict markers"});
  std::vector<std::string> errors;
  for (const auto& e : all.errors) errors.push_back(e.where().file);
  CHECK(errors == std::vector<std::string>{"contacts/kdir000000000001.yaml", "contacts/kdup000000000001.yaml",
                                           "contacts/kevil00000000001.yaml", "contacts/kmis000000000001.yaml",
                                           "contacts/knoid00000000001.yaml"});
}

TEST_CASE("store load_all keeps invalid records apart") {
  TempDir tmp;
  seed(tmp.path());
  write_text(tmp.path() / "contacts/kbad000000000001.yaml", "id: kbad000000000001\nname: Bad\nemail: nope\n");
  write_text(tmp.path() / "contacts/.kada000000000001.yaml.tmp-xyz", "garbage: [");
  write_text(tmp.path() / "contacts/Upper.yaml", "id: Upper\n");
  crm::Store store(tmp.path(), test_clock());
  crm::Store::Loaded all = store.load_all(store.schemas().get("contact"));
  CHECK(all.records.size() == 3);
  REQUIRE(all.invalid.size() == 1);
  CHECK(all.invalid[0].id() == "kbad000000000001");
  REQUIRE(all.errors.size() == 2);
  CHECK(std::string(all.errors[0].what()) == "contacts/Upper.yaml: the file name is not a record id");
  CHECK(std::string(all.errors[1].what()) ==
        "contacts/kbad000000000001.yaml:3:8: email: \"nope\" is not an email address");
  CHECK(store.ids(store.schemas().get("contact")) == std::vector<std::string>{"Upper", "kada000000000001",
                                                                              "kalan00000000002", "kalan00000000003",
                                                                              "kbad000000000001"});
}

TEST_CASE("store resolve by id, prefix, email and name") {
  TempDir tmp;
  seed(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  const crm::Schema& c = store.schemas().get("contact");
  CHECK(store.resolve(c, "kada000000000001") == "kada000000000001");
  CHECK(store.resolve(c, "kada") == "kada000000000001");
  CHECK(store.resolve(c, "KADA") == "kada000000000001");
  CHECK(store.resolve(c, " kada00 ") == "kada000000000001");
  CHECK(store.resolve(c, "kalan00000000002") == "kalan00000000002");
  CHECK(store.resolve(c, "ada@example.com") == "kada000000000001");
  CHECK(store.resolve(c, "ALAN@ACME.EXAMPLE") == "kalan00000000002");
  CHECK(store.resolve(c, "Turing@Bletchley.example") == "kalan00000000002");
  CHECK(store.resolve(c, "Ada Lovelace") == "kada000000000001");
  CHECK(store.resolve(c, "ada lovelace") == "kada000000000001");
  CHECK(store.resolve(c, "alan smith") == "kalan00000000003");
  CHECK(store.resolve(c, "ada") == "kada000000000001");     // first word of one name
  CHECK(store.resolve(c, "turing") == "kalan00000000002");  // last word of one name
  CHECK(store.resolve(c, "smith") == "kalan00000000003");

  // Ambiguous: a prefix of two ids, a word of two names.
  CHECK_THROWS_AS(store.resolve(c, "kalan"), crm::UsageError);
  try {
    store.resolve(c, "kala");
    FAIL("no exception");
  } catch (const crm::UsageError& e) {
    CHECK(std::string(e.what()) == "\"kala\" is an ambiguous contact id prefix: kalan00000000002, kalan00000000003");
  }
  try {
    store.resolve(c, "Alan");
    FAIL("no exception");
  } catch (const crm::UsageError& e) {
    CHECK(std::string(e.what()) ==
          "\"Alan\" matches 2 contacts: kalan00000000002 (Alan Turing), kalan00000000003 (Alan "
          "Smith); use an id");
  }
  // Not found.
  CHECK_THROWS_AS(store.resolve(c, "Nobody"), crm::NotFound);
  CHECK_THROWS_AS(store.resolve(c, "kzzz"), crm::NotFound);
  CHECK_THROWS_AS(store.resolve(c, "ka"), crm::NotFound);     // too short for a prefix
  CHECK_THROWS_AS(store.resolve(c, "lovel"), crm::NotFound);  // words match whole
  CHECK_THROWS_AS(store.resolve(c, "../x"), crm::NotFound);
  CHECK_THROWS_AS(store.resolve(c, "   "), crm::UsageError);
  CHECK_THROWS_AS(store.resolve(store.schemas().get("company"), "kada"), crm::NotFound);

  // resolve_ref: a company by name.
  const crm::Field& company = *c.field("company");
  CHECK(store.resolve_ref(company, "acme corporation") == "cacme0000000000a");
  CHECK(store.resolve_ref(company, "cglo") == "cglobex00000000b");
  CHECK_THROWS_AS(store.resolve_ref(company, "Ada Lovelace"), crm::NotFound);
  const crm::Field& related = *store.schemas().get("task").field("related");
  CHECK(store.resolve_ref(related, "Globex") == "cglobex00000000b");
  CHECK(store.resolve_ref(related, "Big deal") == "dbig000000000001");
}

TEST_CASE("store exists, type_of, referrers and remove") {
  TempDir tmp;
  seed(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  const crm::Schema& c = store.schemas().get("contact");
  CHECK(store.exists(c, "kada000000000001"));
  CHECK_FALSE(store.exists(c, "cacme0000000000a"));
  REQUIRE(store.type_of("cacme0000000000a"));
  CHECK(store.type_of("cacme0000000000a")->type == "company");
  CHECK(store.type_of("dbig000000000001")->type == "deal");
  CHECK(store.type_of("knone00000000001") == nullptr);

  auto refs = store.referrers("cacme0000000000a");
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].type == "contact");
  CHECK(refs[0].id == "kalan00000000002");
  CHECK(refs[0].field == "company");
  CHECK(refs[1].type == "deal");
  CHECK(refs[1].id == "dbig000000000001");
  CHECK(refs[1].field == "company");
  auto ada_refs = store.referrers("kada000000000001");
  REQUIRE(ada_refs.size() == 1);
  CHECK(ada_refs[0].type == "deal");
  CHECK(ada_refs[0].field == "contacts");
  CHECK(store.referrers("cglobex00000000b").empty());

  // The 360° view of Acme: its contacts and deals.
  crm::Record acme = store.load(store.schemas().get("company"), "cacme0000000000a");
  auto groups = crm::related_records(store, acme);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].key == "contacts");
  REQUIRE(groups[0].records.size() == 1);
  CHECK(groups[0].records[0].id() == "kalan00000000002");
  CHECK(groups[1].key == "deals");

  store.lock().remove_raw(c, "kalan00000000003");
  CHECK_FALSE(store.exists(c, "kalan00000000003"));
  CHECK_THROWS_AS(store.load(c, "kalan00000000003"), crm::NotFound);
  CHECK_THROWS_AS(store.lock().remove_raw(c, "kalan00000000003"), crm::NotFound);
  CHECK(store.resolve(c, "kalan") == "kalan00000000002");  // no longer ambiguous
}

TEST_CASE("store lock is exclusive") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  {
    auto held = store.lock();
    CHECK(read_text(tmp.path() / ".crm/lock") == std::to_string(::getpid()) + "\n");
    CHECK_THROWS_AS(crm::WriteLock(crm::Dir::open(tmp.path() / ".crm"), "lock", 0.05), crm::Conflict);
  }
  CHECK_NOTHROW(crm::WriteLock(crm::Dir::open(tmp.path() / ".crm"), "lock", 0.05));
}

TEST_CASE("store refuses links where it keeps its files, and reports them for check") {
  TempDir tmp;
  fs::path outside = tmp.path() / "outside";
  write_text(outside / "victim", "keep\n");
  write_text(outside / "contacts/kout000000000001.yaml", "id: kout000000000001\nname: Outsider\n");
  fs::path root = tmp.path() / "store";
  seed(root);
  fs::create_symlink(outside / "victim", root / ".crm/lock");
  fs::create_symlink(outside, root / ".crm/cache");
  fs::remove_all(root / "contacts");
  fs::create_symlink(outside / "contacts", root / "contacts");
  try {
    crm::Store store(root, test_clock());
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(e.exit_code() == crm::kExitInvalid);
    CHECK(std::string(e.what()) ==
          "unsafe store: .crm/cache is a symbolic link, .crm/lock is a symbolic link, contacts is a symbolic link; "
          "crm never follows links in a store nor opens special files there: remove them (crm check lists every "
          "problem)");
  }

  // Reported, the store opens, and what the links lead to is never read.
  crm::Store store(root, test_clock(), crm::Store::Unsafe::Report);
  std::vector<std::string> unsafe;
  for (const crm::UnsafePath& u : store.unsafe_paths()) unsafe.push_back(u.path + " " + u.what);
  CHECK(unsafe == std::vector<std::string>{".crm/cache is a symbolic link", ".crm/lock is a symbolic link",
                                           "contacts is a symbolic link"});
  const crm::Schema& c = store.schemas().get("contact");
  CHECK(store.load_all(c).records.empty());
  CHECK(store.ids(c).empty());
  CHECK_FALSE(store.exists(c, "kout000000000001"));
  CHECK_THROWS_AS(store.load(c, "kout000000000001"), crm::NotFound);
  CHECK_FALSE(store.open_dir("contacts"));
  CHECK_THROWS_AS(store.open_dir("contacts", /*create=*/true), crm::InvalidData);
  CHECK(store.load_all(store.schemas().get("deal")).records.size() == 1);      // the safe folders read as ever
  CHECK(list_dir(outside) == std::vector<std::string>{"contacts", "victim"});  // no cache written there
  CHECK(read_text(outside / "victim") == "keep\n");

  // A lock that is a FIFO or a folder where a file belongs: not a regular file.
  fs::remove(root / ".crm/lock");
  REQUIRE(::mkfifo((root / ".crm/lock").c_str(), 0644) == 0);
  fs::remove(root / ".crm/cache");
  write_text(root / ".crm/cache", "a file");
  crm::Store again(root, test_clock(), crm::Store::Unsafe::Report);
  unsafe.clear();
  for (const crm::UnsafePath& u : again.unsafe_paths()) unsafe.push_back(u.path + " " + u.what);
  CHECK(unsafe == std::vector<std::string>{".crm/cache is not a folder", ".crm/lock is not a regular file",
                                           "contacts is a symbolic link"});
}

TEST_CASE("store .crm itself a link: refused, and no config read through it") {
  TempDir tmp;
  fs::path root = tmp.path() / "store";
  seed(root);
  fs::rename(root / ".crm", tmp.path() / "elsewhere");
  write_text(tmp.path() / "elsewhere/config.yaml", "fields: {contact: [{name: email, type: string}]}\n");  // invalid
  fs::create_symlink(tmp.path() / "elsewhere", root / ".crm");
  CHECK(crm::Store::discover(root.string()) == root);  // found, then refused
  CHECK_THROWS_WITH_AS(crm::Store(root, test_clock()), doctest::Contains(".crm is a symbolic link"), crm::InvalidData);
  crm::Store store(root, test_clock(), crm::Store::Unsafe::Report);  // the config there is never read
  REQUIRE(store.unsafe_paths().size() == 1);
  CHECK(store.unsafe_paths()[0].path == ".crm");
  CHECK(list_dir(tmp.path() / "elsewhere") == std::vector<std::string>{"config.yaml"});
}

TEST_CASE("store lock never opens a link or a FIFO") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  write_text(tmp.path() / "victim", "keep\n");
  fs::create_symlink(tmp.path() / "victim", tmp.path() / ".crm/lock");
  // Before: opened through the link, and truncated.
  CHECK_THROWS_AS(crm::WriteLock(crm::Dir::open(tmp.path() / ".crm"), "lock", 0.05), crm::InvalidData);
  CHECK(read_text(tmp.path() / "victim") == "keep\n");
}

TEST_CASE("store write keeps a record's permissions") {
  TempDir tmp;
  seed(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  const crm::Schema& c = store.schemas().get("contact");
  fs::path ada = tmp.path() / "contacts/kada000000000001.yaml";
  ::chmod(ada.c_str(), 0600);
  crm::Record r = store.load(c, "kada000000000001");
  r.data.set("title", crm::Node::scalar("Countess"));
  store.lock().write_raw(r, false);
  CHECK(read_text(ada).find("title: Countess") != std::string::npos);
  struct stat st;
  REQUIRE(::stat(ada.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
}

TEST_CASE("store a FIFO record is reported, never opened, the others load") {
  TempDir tmp;
  seed(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  const crm::Schema& c = store.schemas().get("contact");
  REQUIRE(::mkfifo((tmp.path() / "contacts/kfifo00000000009.yaml").c_str(), 0644) == 0);
  crm::Store::Loaded all = store.load_all(c);
  CHECK(all.records.size() == 3);
  REQUIRE(all.errors.size() == 1);
  CHECK(std::string(all.errors[0].what()) == "contacts/kfifo00000000009.yaml: is not a regular file");
  CHECK_THROWS_WITH_AS(store.load(c, "kfifo00000000009"), "contacts/kfifo00000000009.yaml: is not a regular file",
                       crm::InvalidData);
  store.lock().remove_raw(c, "kfifo00000000009");
  CHECK_FALSE(store.exists(c, "kfifo00000000009"));
}

TEST_CASE("store config custom field is validated") {
  TempDir tmp;
  crm::Store::init(tmp.path());
  write_text(tmp.path() / ".crm/config.yaml",
             "currency: EUR\nfields: {contact: [{name: tier, type: enum, values: [gold, silver]}]}\n");
  crm::Store store(tmp.path(), test_clock());
  CHECK(store.config().currency == "EUR");
  const crm::Field* tier = store.schemas().get("contact").field("tier");
  REQUIRE(tier);
  CHECK(tier->custom);
  CHECK(tier->type == crm::FieldType::Enum);
  CHECK(tier->values == std::vector<std::string>{"gold", "silver"});

  crm::Record bronze = make("contact", "id: kada000000000001\nname: Ada\ntier: bronze\n");
  try {
    store.lock().write_raw(bronze, true);
    FAIL("no exception");
  } catch (const crm::InvalidData& e) {
    CHECK(e.where().field == "tier");
    CHECK(e.message() == "\"bronze\" is not one of gold, silver");
  }
  CHECK(list_dir(tmp.path() / "contacts").empty());
  crm::Record gold = make("contact", "id: kada000000000001\nname: Ada\ntier: gold\n");
  CHECK(store.lock().write_raw(gold, true));
  CHECK(read_text(tmp.path() / "contacts/kada000000000001.yaml") ==
        "id: kada000000000001\nname: Ada\ntier: gold\ncreated: 2026-11-23T10:04:05Z\nupdated: "
        "2026-11-23T10:04:05Z\n");

  // A clash with a built-in field makes the store unusable, with a clear error.
  write_text(tmp.path() / ".crm/config.yaml", "fields: {contact: [{name: email, type: string}]}\n");
  CHECK_THROWS_AS(crm::Store(tmp.path(), test_clock()), crm::InvalidData);
}

TEST_CASE("store resolve by a word of a name beyond ASCII") {
  // Regression (fixed): the fallback "a word of the name" lowers with the ASCII-only
  // to_lower, not fold_case: with one contact "Zoë Ångström",
  // resolve("ångström") and resolve("ZOË") are NotFound, while "Zoë" and
  // "zoë" work. Expected kzoe000000000003 for all four.
  TempDir tmp;
  crm::Store::init(tmp.path());
  write_text(tmp.path() / "contacts/kzoe000000000003.yaml", "id: kzoe000000000003\nname: Zoë Ångström\n");
  crm::Store store(tmp.path(), test_clock());
  const crm::Schema& c = store.schemas().get("contact");
  CHECK(store.resolve(c, "Zoë") == "kzoe000000000003");
  CHECK(store.resolve(c, "zoë ÅNGSTRÖM") == "kzoe000000000003");
  CHECK(store.resolve(c, "ångström") == "kzoe000000000003");
  CHECK(store.resolve(c, "ZOË") == "kzoe000000000003");
}

TEST_CASE("store write never makes a file it cannot read back") {
  // Regression (fixed): nothing on the write path checks UTF-8 (not parse_field_value, not
  // validate_record, not the writer): a name typed as "Ada \xff" is written
  // raw, and the next load of that record fails with "invalid UTF-8".
  // Expected: write throws InvalidData naming the field and writes nothing.
  TempDir tmp;
  crm::Store::init(tmp.path());
  crm::Store store(tmp.path(), test_clock());
  const crm::Schema& c = store.schemas().get("contact");
  crm::Record r;
  r.type = "contact";
  r.data.set("id", crm::Node::scalar("kada000000000001"));
  r.data.set("name", crm::parse_field_value(*c.field("name"), "Ada \xff", test_clock(), "--name"));
  bool written = false;
  try {
    written = store.lock().write_raw(r, true);
  } catch (const crm::InvalidData&) {
  }
  CHECK_FALSE(written);
  if (written) CHECK_NOTHROW(store.load(c, "kada000000000001"));
}
