// What the command files share: the global options, the per-run context
// (store, clock, output) and one options struct per verb. Command bodies are
// free functions taking their inputs as parameters; only main.cpp and
// *_commands.cpp include CLI11.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crm/render.hpp"
#include "crm/schema.hpp"
#include "crm/store.hpp"

namespace crm::cli {

struct Globals {
  std::string dir;            // -C
  std::string format;         // --format ("" = table)
  bool quiet = false;         // -q = --format ids
  std::string color = "auto"; // --color
};

// Built once per run, after parsing: opens the store on first use.
class Context {
 public:
  explicit Context(const Globals& globals) : globals_(globals) {}
  Store& store();
  Format format() const;
  bool color() const;
  bool stdin_is_tty() const;
  void out(const std::string& text) const;   // stdout: data only
  void note(const std::string& text) const;  // stderr: "crm: text"
  // Exit code so far: the worst problem reported without throwing.
  int status = 0;
  void report(const Error& e);  // prints "crm: error: …" and raises status

 private:
  const Globals& globals_;
  std::unique_ptr<Store> store_;
};

struct AddOptions {
  std::vector<std::pair<std::string, std::string>> named;  // option field → value, from --name etc.
  std::vector<std::string> tags;
  std::vector<std::string> sets;  // FIELD=VALUE
  std::string from;               // FILE or -
};

struct ListOptions {
  std::vector<std::string> filter;
  std::string sort;
  int limit = -1;
  std::string fields;
};

struct ShowOptions {
  std::vector<std::string> ids;
  int limit = 10;  // related records per group in a table
  std::string fields;
};

struct SetOptions {
  std::string id;
  std::vector<std::string> assignments;
  std::vector<std::string> unset;
  std::vector<std::string> tags;
  std::vector<std::string> untags;
  std::vector<std::pair<std::string, std::string>> named;
};

struct RmOptions {
  std::vector<std::string> ids;
  bool yes = false;
  bool force = false;
};

struct InitOptions {
  std::string dir = ".";
  bool git = false;
};

int cmd_add(Context& ctx, const Schema& schema, const AddOptions& o);
int cmd_list(Context& ctx, const Schema& schema, const ListOptions& o);
int cmd_show(Context& ctx, const Schema& schema, const ShowOptions& o);
int cmd_set(Context& ctx, const Schema& schema, const SetOptions& o);
int cmd_edit(Context& ctx, const Schema& schema, const std::string& id);
int cmd_rm(Context& ctx, const Schema& schema, const RmOptions& o);
int cmd_init(Context& ctx, const InitOptions& o);
int cmd_check(Context& ctx);

}  // namespace crm::cli
