// libFuzzer target: `crm import` on whatever bytes a file may hold. The bytes
// go through the charset decoder (detected, and as a few named encodings),
// the CSV reader (whose own writer must give the same cells back) and the
// whole import of them as a CSV and as a vCard file, dry run, into an empty
// store. Whatever the bytes, each step returns or throws crm::Error; every
// row of an import is counted once.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "crm/charset.hpp"
#include "crm/csv.hpp"
#include "crm/dates.hpp"
#include "crm/error.hpp"
#include "crm/importer.hpp"
#include "crm/store.hpp"
#include "crm/vcard.hpp"

namespace {

namespace fs = std::filesystem;

// An empty store in a temporary folder, removed when the process ends.
struct FuzzStore {
  fs::path root;
  crm::Store* store = nullptr;
  FuzzStore() {
    char tmpl[] = "/tmp/crm-fuzz-import-XXXXXX";
    if (!mkdtemp(tmpl)) std::abort();
    root = fs::path(tmpl) / "crm";
    if (!crm::Store::init(root)) std::abort();
    store = new crm::Store(root, crm::Clock::fixed(*crm::parse_iso_datetime("2026-11-23T10:04:05Z")));
  }
  ~FuzzStore() {
    delete store;
    std::error_code ec;
    fs::remove_all(root.parent_path(), ec);
  }
};

void check_counts(const crm::ImportResult& r) {
  size_t counted = static_cast<size_t>(r.created + r.updated + r.unchanged + r.skipped + r.failed);
  if (counted != r.rows.size()) std::abort();
}

void import_as(const crm::Store& store, const std::string& format, const std::string& bytes) {
  crm::ImportRequest req;
  req.format = format;
  req.files = {"-"};
  req.stdin_text = bytes;
  req.dry_run = true;
  try {
    check_counts([&] {
      crm::Writer w = store.lock();
      return crm::import_records(w, req);
    }());
  } catch (const crm::Error&) {
  }
}

// CSV cells written by write_csv (raw: nothing defused) read back the same.
void csv_round_trip(std::string_view text) {
  crm::CsvTable table;
  try {
    table = crm::parse_csv(text);
  } catch (const crm::Error&) {
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const crm::CsvRow& row : table.rows) {
    // A row of one empty cell is a blank line, which the reader skips.
    if (row.cells.size() == 1 && row.cells[0].empty()) continue;
    rows.push_back(row.cells);
  }
  std::string written = crm::write_csv(rows, /*raw=*/true, table.delimiter);
  crm::CsvOptions options;
  options.delimiter = table.delimiter;
  crm::CsvTable again;
  try {
    again = crm::parse_csv(written, options);
  } catch (const crm::Error&) {
    std::abort();  // the writer produced text its own reader refuses
  }
  if (again.rows.size() != rows.size()) std::abort();
  for (size_t i = 0; i < rows.size(); ++i)
    if (again.rows[i].cells != rows[i]) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static FuzzStore fuzz_store;
  std::string bytes(reinterpret_cast<const char*>(data), size);

  (void)crm::detect_encoding(bytes);
  (void)crm::escape_invalid_utf8(bytes);
  (void)crm::cp1252_to_utf8(bytes);
  for (const char* encoding : {"UTF-16LE", "UTF-16BE", "SHIFT_JIS", "WINDOWS-1252"}) {
    size_t bad = 0;
    if (!crm::to_utf8(bytes, encoding, &bad) && bad > bytes.size()) std::abort();
  }

  csv_round_trip(bytes);
  try {
    (void)crm::parse_vcards(bytes, "fuzz.vcf");
  } catch (const crm::Error&) {
  }
  import_as(*fuzz_store.store, "csv", bytes);
  import_as(*fuzz_store.store, "vcard", bytes);
  return 0;
}
