// libFuzzer target: any UTF-8 string written as a field value reads back
// identical, through our reader (and so through any YAML reader that agrees).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "crm/error.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string value(reinterpret_cast<const char*>(data), size);
  if (crm::find_invalid_utf8(value) != std::string::npos || value.find('\0') != std::string::npos) return 0;
  crm::Node doc = crm::Node::map();
  doc.set("v", crm::Node::scalar(value));
  doc.set("l", crm::Node::sequence({crm::Node::scalar(value)}));
  std::string text = crm::emit_map(doc, 0);
  crm::Node back;
  try {
    back = crm::parse_yaml(text, "scalar.yaml", text.size() + 1);
  } catch (const crm::Error&) {
    std::abort();  // the writer wrote something the reader refuses
  }
  if (back.get("v") != value) std::abort();
  const crm::Node* l = back.find("l");
  if (!l || l->items.size() != 1 || l->items[0].text != value) std::abort();
  return 0;
}
