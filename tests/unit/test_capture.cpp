// capture: a form submission into the store — new lead, known person,
// re-sent, refused — and the forms of the config.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "crm/capture.hpp"
#include "crm/error.hpp"
#include "crm/yaml_io.hpp"
#include "temp_dir.hpp"

namespace {

crm::Clock clock_at(const char* iso) { return crm::Clock::fixed(*crm::parse_iso_datetime(iso)); }

class Fixture {
 public:
  explicit Fixture(const std::string& forms = "") {
    root_ = tmp_.path() / "crm";
    REQUIRE(crm::Store::init(root_));
    if (!forms.empty()) {
      std::string config = crm_test::read_text(root_ / ".crm/config.yaml");
      crm_test::write_text(root_ / ".crm/config.yaml", config + forms);
    }
  }
  crm::Store store(const char* now = "2026-11-23T10:00:00Z") const { return crm::Store(root_, clock_at(now)); }
  // Captures `body` with form `form` at `now`; the result.
  crm::CaptureResult capture(const std::string& body, const std::string& form = "",
                             const char* now = "2026-11-23T10:00:00Z") const {
    crm::Store s = store(now);
    std::vector<crm::Form> forms = crm::store_forms(s);
    crm::Writer w = s.lock();
    return crm::capture(w, crm::choose_form(forms, form), crm::parse_form_body(body, crm::BodyKind::Detect, "t"), "t");
  }
  size_t count(const char* type) const {
    crm::Store s = store();
    return s.ids(s.schemas().get(type)).size();
  }

 private:
  crm_test::TempDir tmp_;
  std::filesystem::path root_;
};

std::string capture_error(const Fixture& f, const std::string& body, const std::string& form = "") {
  try {
    f.capture(body, form);
  } catch (const crm::Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("capture: a new person becomes a lead, with the submission as a form activity") {
  Fixture f;
  crm::CaptureResult r = f.capture("name=Ada&email=ada%40example.com&company=Acme&color=blue");
  CHECK(r.action == "created");
  CHECK(r.type == "lead");
  CHECK(r.name == "Ada");
  crm::Store s = f.store();
  crm::Record lead = s.load(s.schemas().get("lead"), r.id);
  CHECK(lead.get("company_name") == "Acme");
  CHECK(lead.get("source") == "web");
  CHECK(lead.get("status") == "new");
  crm::Record a = s.load(s.schemas().get("activity"), r.activity);
  CHECK(a.get("kind") == "form");
  CHECK(a.get("body") == "name: Ada\nemail: ada@example.com\ncompany: Acme\ncolor: blue");  // unmapped kept here
}

TEST_CASE("capture: the same submission the same day is the same, another day, a new activity, no new lead") {
  Fixture f;
  crm::CaptureResult first = f.capture("name=Ada&email=ada%40example.com");
  crm::CaptureResult again = f.capture("email=ada%40example.com&name=Ada");  // order does not matter
  CHECK(again.action == "unchanged");
  CHECK(again.id == first.id);
  CHECK(again.activity == first.activity);
  crm::CaptureResult later = f.capture("name=Ada&email=ada%40example.com", "", "2026-11-24T10:00:00Z");
  CHECK(later.action == "updated");
  CHECK(later.id == first.id);
  CHECK(later.activity != first.activity);
  CHECK(f.count("lead") == 1);
  CHECK(f.count("activity") == 2);
}

TEST_CASE("capture: a form's own submission id names the submission, whatever the day") {
  Fixture f("forms:\n  c:\n    id_field: sid\n");
  crm::CaptureResult first = f.capture("sid=7&name=Ada&email=ada%40example.com", "c");
  crm::CaptureResult again = f.capture("sid=7&name=Ada&email=ada%40example.com&x=1", "c", "2026-12-01T10:00:00Z");
  CHECK(again.action == "unchanged");
  CHECK(again.activity == first.activity);
}

TEST_CASE("capture: a known contact, by a second email in another case, is filled in, not duplicated") {
  Fixture f;
  {
    crm::Store s = f.store();
    crm::Record c;
    c.type = "contact";
    c.data = crm::parse_yaml("id: c1aaaa\nname: Grace\nemail: grace@a.example\nemails: [Grace@B.example]\n", "t");
    s.lock().write_raw(c, true);
  }
  crm::CaptureResult r = f.capture("name=G&email=grace%40b.EXAMPLE&phone=555-0100&title=RADM");
  CHECK(r.action == "updated");
  CHECK(r.type == "contact");
  CHECK(r.id == "c1aaaa");
  crm::Store s = f.store();
  crm::Record c = s.load(s.schemas().get("contact"), "c1aaaa");
  CHECK(c.get("name") == "Grace");  // not replaced
  CHECK(c.get("phone") == "555-0100");
  CHECK(c.get("title") == "RADM");
  CHECK(f.count("lead") == 0);
}

TEST_CASE("capture: refused submissions write nothing") {
  Fixture f("forms:\n  c:\n    fields: {n: name, e: email}\n    required: [n, e]\n    honeypot: hp\n");
  CHECK(capture_error(f, "n=Eve", "c") == "t: field \"e\": missing (form c requires it)");
  CHECK(capture_error(f, "n=Eve&e=eve%40", "c") == "t: field \"e\": \"eve@\" is not an email address");
  CHECK(capture_error(f, "n=Eve&e=eve%40x.example", "d") == "no form \"d\" in .crm/config.yaml (forms: c)");
  CHECK(f.capture("n=Bot&e=b%40x.example&hp=1", "c").action == "dropped");
  CHECK(f.count("lead") == 0);
  CHECK(f.count("activity") == 0);
}

TEST_CASE("capture: the forms of the config") {
  Fixture none;
  std::vector<crm::Form> builtin = crm::store_forms(none.store());
  REQUIRE(builtin.size() == 1);
  CHECK(builtin[0].name == "web");
  CHECK(builtin[0].required == std::vector<std::string>{"email"});

  Fixture two("forms:\n  a: {type: contact}\n  default: {type: ticket, tags: [web, form]}\n");
  std::vector<crm::Form> forms = crm::store_forms(two.store());
  CHECK(crm::choose_form(forms, "").name == "default");
  CHECK(crm::choose_form(forms, "").tags == std::vector<std::string>{"web", "form"});
  CHECK(crm::choose_form(forms, "a").type == "contact");

  auto config_error = [](const std::string& forms_text) {
    Fixture f(forms_text);
    try {
      crm::store_forms(f.store());
    } catch (const crm::Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(config_error("forms:\n  a: {type: deal}\n").find("forms.a.type: \"deal\" is not one of") != std::string::npos);
  CHECK(config_error("forms:\n  a: {fields: {x: company}}\n").find("forms.a.fields.x") != std::string::npos);
  CHECK(config_error("forms:\n  a: {colour: red}\n").find("unknown setting of a form") != std::string::npos);
  CHECK(config_error("forms:\n  a: {source: website}\n").find("forms.a.source") != std::string::npos);
  CHECK(config_error("forms:\n  \"a b\": {}\n").find("a form's name is a word") != std::string::npos);
}
