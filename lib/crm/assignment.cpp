#include "crm/assignment.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>

#include "crm/deal_workflow.hpp"
#include "crm/derived_fields.hpp"
#include "crm/related.hpp"
#include "crm/segments.hpp"
#include "crm/task_workflow.hpp"
#include "crm/text.hpp"
#include "crm/ticket_workflow.hpp"

namespace crm {

std::string pick_owner(const std::string& to, const std::vector<std::string>& among, const std::vector<Record>& records,
                       const std::string& self_id, const std::function<bool(const Record&)>& is_open) {
  if (!is_assign_method(to)) return to;
  if (among.empty()) throw UsageError(to + " picks among owners: set them first (crm config set owners '[ana, ben]')");
  auto position = [&](const Record& r) {
    std::string owner = r.get("owner");
    for (size_t i = 0; i < among.size(); ++i)
      if (!owner.empty() && equals_ci(owner, among[i])) return static_cast<long long>(i);
    return -1LL;
  };
  if (to == "least-open") {
    std::vector<long long> open(among.size(), 0);
    for (const Record& r : records)
      if (long long i = position(r); i >= 0 && r.id() != self_id && is_open(r)) ++open[static_cast<size_t>(i)];
    return among[static_cast<size_t>(std::min_element(open.begin(), open.end()) - open.begin())];
  }
  const size_t n = among.size();
  std::string last;  // the latest second a record was created in
  for (const Record& r : records)
    if (r.id() != self_id && position(r) >= 0) last = std::max(last, r.get("created"));
  std::vector<const Record*> batch;
  std::string before_last;
  const Record* previous = nullptr;  // the latest record before that second
  for (const Record& r : records) {
    if (r.id() == self_id || position(r) < 0) continue;
    std::string created = r.get("created");
    if (created == last) {
      batch.push_back(&r);
    } else if (!previous || created > before_last || (created == before_last && r.id() < previous->id())) {
      // (a tie goes to the smaller id: the order records are read in says nothing)
      before_last = created;
      previous = &r;
    }
  }
  if (batch.empty()) return among.front();
  if (batch.size() == 1) return among[static_cast<size_t>(position(*batch.front()) + 1) % n];
  // Several in one second (an import): which came last is not written down.
  // Dealt round-robin from the owner after the previous record, they give
  // the first owners one more each: the next is the first, from there, with
  // fewer than the most — or, after whole rounds, the start again.
  size_t start = previous ? static_cast<size_t>(position(*previous) + 1) % n : 0;
  std::vector<long long> count(n, 0);
  for (const Record* r : batch) ++count[static_cast<size_t>(position(*r))];
  long long most = *std::max_element(count.begin(), count.end());
  for (size_t k = 0; k < n; ++k)
    if (count[(start + k) % n] < most) return among[(start + k) % n];
  return among[start];
}

bool is_open_work(const Record& r, const Config& config) {
  if (r.type == "lead") return r.get("status") != "converted" && r.get("status") != "unqualified";
  if (r.type == "deal") return deal_closed(r, config).empty();
  if (r.type == "ticket") return ticket_is_open(r);
  if (r.type == "task") return task_is_open(r);
  return true;
}

namespace {

// What a pick reads of each record of a type, kept while the folder is as
// the memo last saw it.
struct OwnerMemo {
  timespec mtime{};
  std::vector<Record> records;       // id, owner, created, status, stage
  std::map<std::string, size_t> at;  // id → index in records
};

const std::vector<std::string> kPickFields = {"owner", "created", "status", "stage"};

std::mutex& memo_mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, OwnerMemo>& owner_memos() {  // by folder path
  static std::map<std::string, OwnerMemo> memos;
  return memos;
}

std::string folder_path(const Store& store, const std::string& type) {
  const Schema* schema = store.schemas().find(type);
  return schema ? (store.root() / schema->folder).string() : std::string();
}

std::optional<timespec> folder_mtime(const std::string& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return std::nullopt;
  return st.st_mtim;
}

bool same_time(const timespec& a, const timespec& b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; }

Record picked_fields(const Record& r) {
  Record out;
  out.type = r.type;
  out.data.set("id", Node::scalar(r.id()));
  for (const std::string& f : kPickFields)
    if (const Node* v = r.data.find(f)) out.data.set(f, *v);
  return out;
}

}  // namespace

bool owner_memo_in_step(const Store& store, const std::string& type) {
  std::lock_guard<std::mutex> hold(memo_mutex());
  auto memo = owner_memos().find(folder_path(store, type));
  if (memo == owner_memos().end()) return false;
  std::optional<timespec> now = folder_mtime(memo->first);
  return now && same_time(*now, memo->second.mtime);
}

void owner_memo_wrote(const Store& store, const Record& record, bool in_step) {
  std::lock_guard<std::mutex> hold(memo_mutex());
  auto memo = owner_memos().find(folder_path(store, record.type));
  if (memo == owner_memos().end()) return;
  std::optional<timespec> now = folder_mtime(memo->first);
  if (!in_step || !now) {
    owner_memos().erase(memo);
    return;
  }
  OwnerMemo& m = memo->second;
  auto [at, fresh] = m.at.emplace(record.id(), m.records.size());
  if (fresh)
    m.records.push_back(picked_fields(record));
  else
    m.records[at->second] = picked_fields(record);
  m.mtime = *now;
}

void owner_memo_removed(const Store& store, const std::string& type, const std::string& id, bool in_step) {
  std::lock_guard<std::mutex> hold(memo_mutex());
  auto memo = owner_memos().find(folder_path(store, type));
  if (memo == owner_memos().end()) return;
  std::optional<timespec> now = folder_mtime(memo->first);
  OwnerMemo& m = memo->second;
  auto at = m.at.find(id);
  if (!in_step || !now || at == m.at.end()) {
    owner_memos().erase(memo);
    return;
  }
  size_t i = at->second;
  m.at.erase(at);
  if (i + 1 != m.records.size()) {  // the last one takes its place
    m.records[i] = std::move(m.records.back());
    m.at[m.records[i].id()] = i;
  }
  m.records.pop_back();
  m.mtime = *now;
}

std::string pick_owner(const Store& store, const Record& record, const std::string& to,
                       const std::vector<std::string>& among) {
  if (!is_assign_method(to)) return to;
  const Schema& schema = store.schemas().get(record.type);
  const Config& config = store.config();
  auto pick = [&](const std::vector<Record>& records) {
    return pick_owner(to, among.empty() ? config.owners : among, records, record.id(),
                      [&config](const Record& r) { return is_open_work(r, config); });
  };
  std::string path = folder_path(store, record.type);
  std::optional<timespec> before = folder_mtime(path);
  std::lock_guard<std::mutex> hold(memo_mutex());
  auto memo = owner_memos().find(path);
  if (memo != owner_memos().end() && before && same_time(*before, memo->second.mtime))
    return pick(memo->second.records);
  std::vector<Record> records = store.load_all(schema, &kPickFields).records;
  std::optional<timespec> after = folder_mtime(path);
  if (!before || !after || !same_time(*before, *after)) {  // changing while read: not kept
    owner_memos().erase(path);
    return pick(records);
  }
  OwnerMemo& m = owner_memos()[path];
  m = OwnerMemo{};
  m.mtime = *after;
  for (const Record& r : records) {
    m.at.emplace(r.id(), m.records.size());
    m.records.push_back(picked_fields(r));
  }
  return pick(m.records);
}

namespace {

// A step's filter with the store's segments; a segment that is missing or
// loops is the config's mistake, named at the step.
Filter step_filter(const Store& store, const AssignStep& step, const Schema& schema, size_t i) {
  try {
    return parse_store_filter(store, filter_words(step.filter), schema);
  } catch (const Error& e) {
    throw InvalidData(
        Location{".crm/config.yaml", step.line, 0, "assignment." + schema.type + "[" + std::to_string(i) + "].if"},
        e.what());
  }
}

}  // namespace

std::vector<InvalidData> check_assignment_filters(const Store& store) {
  std::vector<InvalidData> out;
  const Node* config = store.config().raw.find("assignment");
  if (!config || !config->is_map()) return out;
  for (const auto& [type, steps] : config->entries) {
    const Schema* schema = store.schemas().find(type);
    if (!schema) continue;
    std::vector<AssignStep> parsed = parse_assignment(config, type, ".crm/config.yaml", store.schemas());
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (parsed[i].filter.empty()) continue;
      try {
        step_filter(store, parsed[i], with_derived_fields(*schema), i);
      } catch (const InvalidData& e) {
        out.push_back(e);
      }
    }
  }
  return out;
}

std::string assign_owner(const Store& store, const Record& record) {
  const Node* config = store.config().raw.find("assignment");
  const Schema& schema = store.schemas().get(record.type);
  NameOf names = record_names(store);
  const Schema valued = with_derived_fields(schema);  // a step's `if` may read a derived field
  std::vector<AssignStep> steps = parse_assignment(config, record.type, ".crm/config.yaml", store.schemas());
  for (size_t i = 0; i < steps.size(); ++i) {
    const AssignStep& step = steps[i];
    if (step.filter.empty()) return pick_owner(store, record, step.to, step.among);
    if (!matches_with_derived(store, schema, step_filter(store, step, valued, i), record, names)) continue;
    return pick_owner(store, record, step.to, step.among);
  }
  // Steps that all have an `if` the record misses: the default.
  return pick_owner(store, record, "round-robin", {});
}

}  // namespace crm
