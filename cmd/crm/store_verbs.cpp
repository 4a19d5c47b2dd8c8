// Whole-store verbs: init and check.
#include <cstdlib>
#include <filesystem>
#include <set>

#include "app.hpp"
#include "crm/atomic_file.hpp"
#include "crm/automation.hpp"
#include "crm/automation_settings.hpp"
#include "crm/capture.hpp"
#include "crm/check.hpp"
#include "crm/config_edit.hpp"
#include "crm/error.hpp"
#include "crm/json.hpp"
#include "crm/mail_out.hpp"
#include "crm/suggest.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm::cli {

namespace fs = std::filesystem;

int cmd_init(Context& ctx, const InitOptions& o) {
  fs::path dir = o.dir.empty() ? fs::path(".") : fs::path(o.dir);
  bool made = Store::init(dir);
  if (!made) {
    ctx.note(dir.string() + " is already a crm store; nothing changed");
  } else {
    ctx.note("made a crm store in " + fs::absolute(dir).lexically_normal().string());
  }
  if (o.git) {
    if (made) {
      // A store made for git commits every change as it is made (crm undo takes one back).
      fs::path cfg = dir / ".crm" / "config.yaml";
      std::string text = read_file(cfg, 1 << 20);
      const std::string off = "\n  autocommit: false\n", on = "\n  autocommit: true\n";
      if (size_t at = text.find(off); at != std::string::npos) text.replace(at, off.size(), on);
      write_file_atomic(cfg, text);
    }
    Store store(fs::absolute(dir).lexically_normal(), Clock::from_env());
    setup_git(ctx, store, /*new_repository=*/true);
  }
  return 0;
}

namespace {

// The file `crm config` reads and writes: the store's, or with --global the user's.
struct ConfigFile {
  fs::path path;
  std::string shown;
  const std::vector<std::string>* keys;
};

ConfigFile config_file(Context& ctx, bool global) {
  if (global) {
    fs::path p = Store::user_config_path();
    if (p.empty()) throw UsageError("neither XDG_CONFIG_HOME nor HOME is set: no user config");
    return {p, p.string(), &user_config_keys()};
  }
  Store& store = ctx.store();
  return {store.root() / ".crm" / "config.yaml", ".crm/config.yaml", &config_keys()};
}

std::string read_config_text(const ConfigFile& f) {
  std::error_code ec;
  if (!fs::exists(f.path, ec)) return "";
  return read_file(f.path, 1 << 20, /*follow_links=*/true);
}

Node parse_config_node(const ConfigFile& f, const std::string& text) {
  Node doc = text.empty() ? Node::map() : parse_yaml(text, f.shown);
  return doc.is_map() ? doc : Node::map();
}

// Writes the new text once it parses as a config: a change never leaves a
// config crm then refuses to read.
void write_config_text(Context& ctx, const ConfigFile& f, bool global, const std::string& text) {
  if (global) {
    parse_yaml(text, f.shown);
    fs::create_directories(f.path.parent_path());
    write_file_atomic(f.path, text);
    return;
  }
  Store& store = ctx.store();
  SchemaSet schemas = store.base_schemas();
  Config parsed = parse_config(text, f.shown, schemas);  // throws InvalidData naming the line
  check_automation_settings(parsed, f.shown, schemas);
  serve_settings(parsed.raw);           // what crm serve would refuse at its start
  check_campaign_settings(parsed.raw);  // what a send would refuse at its first message
  // What the rules file says that the new settings make wrong (an owner
  // dropped that a rule assigns to): said now, not by every later write.
  auto rule_problems = [&](const Store& s) {
    std::set<std::string> out;
    try {
      for (const InvalidData& e : check_rule_filters(s, parse_rules(read_rules_text(s), s.schemas())))
        out.insert(e.what());
    } catch (const Error& e) {
      out.insert(e.what());
    }
    return out;
  };
  std::set<std::string> before = rule_problems(store);
  {
    auto lock = store.lock();
    store.open_dir(".crm").write("config.yaml", text);
    store.note_change({"update", "config", "", "settings", ".crm/config.yaml"});
  }
  Store after(store.root(), store.clock());
  for (const std::string& p : rule_problems(after))
    if (!before.count(p))
      ctx.note("warning: " + p + " (with this setting; crm rules check says all, every write reports it until fixed)");
}

}  // namespace

int cmd_config(Context& ctx, const ConfigCliOptions& o) {
  ConfigFile f = config_file(ctx, o.global);
  std::string text = read_config_text(f);
  if (o.action == "list") {
    Node doc = parse_config_node(f, text);
    // KEY=VALUE lines (as git config --list); json/yaml: one object; csv: key,value.
    Table t;
    t.columns = {{"key", "", ColumnType::Word, 0, 0}, {"value", "", ColumnType::Text, 0, 0}};
    Json all = Json::object();
    std::string lines;
    for (const auto& [k, v] : config_entries(doc)) {
      Cell value = Cell::of(v);
      value.null = false;
      t.rows.push_back({{Cell::of(k), value}, Tone::None, false});
      all[k] = v;
      lines += k + "=" + v + "\n";
    }
    t.objects.push_back(all);
    t.single = t.single_yaml = true;
    t.text = [lines](const OutputOptions&) { return lines; };
    ctx.out(render(t, ctx.output()));
    return 0;
  }
  if (o.action == "get") {
    Node doc = parse_config_node(f, text);  // v points into it
    const Node* v = config_value(doc, o.key);
    if (!v || v->is_null()) {
      const std::vector<std::string>& keys = *f.keys;
      bool known = std::find(keys.begin(), keys.end(), o.key) != keys.end();
      throw NotFound(o.key + " is not set in " + f.shown +
                     (known ? "" : did_you_mean(o.key, keys) + " (settings: " + join(keys, ", ") + ")"));
    }
    ctx.out(flow_yaml(*v) + "\n");
    return 0;
  }
  std::string next =
      o.action == "set" ? set_config_text(text, o.key, o.value.value_or(""), *f.keys) : unset_config_text(text, o.key);
  if (next != text) write_config_text(ctx, f, o.global, next);
  return 0;
}

int cmd_check(Context& ctx) {
  std::vector<Problem> problems = check_store(ctx.store(Store::Unsafe::Report));
  int code = 0;
  std::string out;
  for (const Problem& p : problems) {
    // A file name or value may hold anything: one escaped line per problem.
    out += escape_for_terminal(p.message) + "\n";
    code = std::max(code, p.conflict ? int{kExitConflict} : int{kExitInvalid});
  }
  ctx.out(out);
  return code;
}

}  // namespace crm::cli
