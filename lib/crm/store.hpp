// A crm store on disk: discovery, the folder layout, reading records (strict),
// resolving what a user typed to an id, and atomic, locked, validated writes.
#pragma once

#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/atomic_file.hpp"
#include "crm/config.hpp"
#include "crm/dates.hpp"
#include "crm/record.hpp"
#include "crm/schema.hpp"

namespace crm {

struct FolderScan;

// An exclusive lock on the store for the duration of a write command: a
// flock on the regular file `name` in `dir` (made when missing, never
// through a link).
class WriteLock {
 public:
  WriteLock(const Dir& dir, const std::string& name, double timeout_seconds);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;
  // The previous holder died holding it (its pid was still written): it may
  // have left temp files behind.
  bool previous_holder_died() const { return stale_; }

 private:
  int fd_ = -1;
  bool stale_ = false;
};

// Where a record refers to another.
struct Reference {
  std::string type;   // the referring record's type
  std::string id;     // the referring record
  std::string field;  // the field holding the reference
};

// A path crm keeps in a store (.crm/lock, contacts, …) that is a symbolic
// link or of the wrong kind: crm refuses the store (see Store::Unsafe).
struct UnsafePath {
  std::string path;  // store-relative
  std::string what;  // "is a symbolic link", "is not a folder", "is not a regular file"
};

class Store;

// The right to change records: what Store::lock() returns. It holds the
// store's lock for its lifetime, and only through it are records written or
// removed, so "the caller holds the lock" cannot be forgotten. Above the
// store, every change goes through the workflow module
// (write_with_effects, remove_record), which applies what the change
// implies; the raw calls are for it alone (ctest style.writes).
class Writer {
 public:
  const Store& store() const { return *store_; }
  // Validates (fields and references), stamps created/updated, and writes the
  // record atomically. (Callers skip the write when nothing changed, so that
  // an unchanged record keeps its file byte for byte.)
  bool write_raw(Record& record, bool is_new);
  void remove_raw(const Schema& schema, const std::string& id);
  bool previous_holder_died() const { return lock_->previous_holder_died(); }

 private:
  friend class Store;
  Writer(const Store& store, std::unique_ptr<WriteLock> lock) : store_(&store), lock_(std::move(lock)) {}
  const Store* store_;
  std::unique_ptr<WriteLock> lock_;
};

class Store {
 public:
  // -C DIR, else $CRM_DIR, else the nearest ancestor of the working directory
  // holding .crm/, else `default_store` in the user's config (user_config_path).
  // Throws UsageError when there is no store.
  static std::filesystem::path discover(const std::string& dir_option);
  // $XDG_CONFIG_HOME/crm/config.yaml, else ~/.config/crm/config.yaml.
  static std::filesystem::path user_config_path();
  // Makes a store in `dir`; false when it already was one (nothing touched).
  static bool init(const std::filesystem::path& dir);

  // A clone may carry symbolic links (or a FIFO…) where crm keeps its own
  // files and folders: .crm, .crm/config.yaml, .crm/lock, .crm/cache and its
  // files, .crm/edit, .gitignore, .gitattributes, the record folders. crm
  // never follows one. Refuse: the constructor throws InvalidData (exit 3:
  // the store's content is wrong, as for a record file that is a link; the
  // command line is fine) naming each. Report (crm check): the store opens,
  // unsafe_paths() lists them, and what they lead to is never read: an
  // unsafe folder reads as empty, an unsafe config as absent.
  enum class Unsafe { Refuse, Report };
  Store(std::filesystem::path root, Clock clock, Unsafe unsafe = Unsafe::Refuse);

  const std::filesystem::path& root() const { return root_; }
  // The store's top folder, held open: what crm reads and writes in the store
  // is reached from it without following links (see Dir).
  const Dir& dir() const { return dir_; }
  const std::vector<UnsafePath>& unsafe_paths() const { return unsafe_; }
  // The store-relative folder `rel` ("contacts", ".crm/edit"), each part
  // reached without following a link and made first when `create`. Empty
  // when it does not exist, or lies in an unsafe path (which, with `create`,
  // throws instead).
  Dir open_dir(const std::string& rel, bool create = false) const;
  const SchemaSet& schemas() const { return schemas_; }
  // The built-in types and the store's own, before config.yaml's custom fields.
  const SchemaSet& base_schemas() const { return base_schemas_; }
  const Config& config() const { return config_; }
  const Clock& clock() const { return clock_; }

  struct Loaded {
    std::vector<Record> records;         // the good ones, by id
    std::vector<Record> invalid;         // parsed, but failing validation (see errors)
    std::vector<InvalidData> errors;     // files that do not parse or validate
    std::vector<std::string> conflicts;  // files with git conflict markers
  };
  // `only`: the top-level fields needed (nullptr: all). Valid records then
  // carry just those fields (and id): for reading, never for writing back.
  // `keep`: valid records are first decoded with `keep.fields` alone (not
  // even the id), and only those it keeps are decoded further and returned: a
  // filter that matches few records then decodes little. Records failing
  // validation are always returned, in `invalid`.
  struct Keep {
    std::vector<std::string> fields;
    std::function<bool(const Record&)> test;
  };
  Loaded load_all(const Schema& schema, const std::vector<std::string>* only = nullptr,
                  const Keep* keep = nullptr) const;
  // One record by exact id; throws NotFound, InvalidData or Conflict. Not validated.
  Record load(const Schema& schema, const std::string& id) const;
  // The ids of a type, from the file names alone.
  std::vector<std::string> ids(const Schema& schema) const;
  bool exists(const Schema& schema, const std::string& id) const;
  // The type of the record with this id, if any.
  const Schema* type_of(const std::string& id) const;

  // What a user typed → an id: an exact id, a unique prefix of ≥ 4
  // characters, an exact email (case-insensitive) or an exact name.
  // Throws NotFound, or UsageError when ambiguous.
  std::string resolve(const Schema& schema, std::string_view key) const;
  // A reference field's value typed by a user → the id it names.
  std::string resolve_ref(const Field& field, std::string_view key) const;

  // Every record that refers to `id`.
  std::vector<Reference> referrers(const std::string& id) const;
  // The records of `schema` whose reference fields `fields` hold `id`, as
  // decoded by load_all(schema, only, …) (nullptr: whole).
  std::vector<Record> referring(const Schema& schema, const std::vector<std::string>& fields, const std::string& id,
                                const std::vector<std::string>* only = nullptr) const;

  // What this process wrote or removed, for git.autocommit and messages.
  struct Change {
    std::string action;  // add, update, remove
    std::string type, id, title;
    std::string path;  // store-relative
  };
  const std::vector<Change>& changes() const { return changes_; }
  // A change made outside write/remove (the config), for autocommit.
  void note_change(Change c) const { changes_.push_back(std::move(c)); }
  // What the store's rules did, and failed to do, in this process
  // (automation.hpp): the command prints them when it is done; a failure
  // makes its exit status 3, and the write that fired the rule stands.
  struct RuleNote {
    std::string text;
    bool failed = false;
  };
  void note_rule(std::string text, bool failed) const { rule_notes_.push_back({std::move(text), failed}); }
  const std::vector<RuleNote>& rule_notes() const { return rule_notes_; }

  // How many record files the index served and how many were parsed, per
  // folder, since the store was opened (CRM_DEBUG_INDEX prints it).
  struct IndexUse {
    size_t from_cache = 0, parsed = 0;
  };
  const std::map<std::string, IndexUse>& index_use() const { return index_use_; }
  // Forget the folder looks this process made (see FolderScan): the next
  // read looks again. Writes through this store forget their folder.
  void forget_scans() const { scans_.clear(); }
  // Starts the look at these types' folders on another thread, while this
  // one works on what it has: a command that reads several folders calls it
  // first.
  void prefetch(const std::vector<const Schema*>& schemas) const;

  // The store's lock, and with it the right to write (see Writer).
  // Also removes the temp files a killed writer left behind. Throws Conflict
  // while a `crm sync` is interrupted or stopped on conflicts (its rebase
  // would otherwise lose or mix in the write); `during_sync` is sync's own.
  Writer lock(bool during_sync = false) const;
  std::filesystem::path record_path(const Schema& schema, const std::string& id) const;

 private:
  friend class Writer;
  bool write(Record& record, bool is_new) const;
  void remove(const Schema& schema, const std::string& id) const;
  // "<id>.yaml", once `id` is known to be an id (no '/', '..' or NUL).
  std::string file_name(const std::string& id) const;
  const UnsafePath* unsafe_at(const std::string& rel) const;
  Record parse_record(const Schema& schema, const std::string& id, const std::string& text) const;
  Record record_from(const Schema& schema, const std::string& id, Node data) const;
  void check_references(const Record& record, const Schema& schema) const;

  std::filesystem::path root_;
  Dir dir_;
  std::vector<UnsafePath> unsafe_;
  uint64_t cache_tag_ = 0;
  Clock clock_;
  SchemaSet schemas_, base_schemas_;
  Config config_;
  mutable std::vector<Change> changes_;
  mutable std::vector<RuleNote> rule_notes_;
  uint64_t validity_key_ = 0;
  mutable std::map<std::string, IndexUse> index_use_;
  const FolderScan& scan(const Schema& schema) const;
  mutable std::map<std::string, std::shared_future<std::shared_ptr<const FolderScan>>> scans_;
  // Last: destroyed first, it waits for a prefetch still using the members above.
  mutable std::vector<std::future<void>> prefetching_;
};

}  // namespace crm
