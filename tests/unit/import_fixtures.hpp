// The import fixtures (tests/fixtures/import/): files in the shapes real
// exporters write, found next to the tests wherever the tree is built.
#pragma once

#include <filesystem>
#include <string>

#include "temp_dir.hpp"

namespace crm_test {

inline std::filesystem::path import_fixture(const std::string& name) {
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "fixtures" / "import" / name;
}

inline std::string read_import_fixture(const std::string& name) {
  std::filesystem::path p = import_fixture(name);
  REQUIRE_MESSAGE(std::filesystem::exists(p), p.string());
  return read_text(p);
}

}  // namespace crm_test
