// libFuzzer target: the index's cache files (.crm/cache/*.idx) and its
// encoding of a Node. Any bytes — a cache truncated or corrupt at any byte —
// are refused or decoded, never read out of bounds nor recursed into without
// end; a cache is refused when cut short anywhere (it is then rebuilt); what
// decodes encodes back to bytes that decode to the same.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "crm/index.hpp"

namespace {

void round_trip(const char* p, const char* end) {
  crm::Node node;
  if (!crm::decode_node(p, end, node)) return;
  std::string once;
  crm::encode_node(node, once);
  const char* q = once.data();
  crm::Node back;
  if (!crm::decode_node(q, once.data() + once.size(), back) || q != once.data() + once.size()) std::abort();
  std::string twice;
  crm::encode_node(back, twice);
  if (twice != once) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // As a cache file, for the store it names (so that its entries are read).
  uint64_t tag = 0;
  if (size >= 20) std::memcpy(&tag, data + 12, 8);
  if (crm::index_entry_count(bytes, tag) > 0) {
    size_t step = std::max<size_t>(1, size / 512);
    for (size_t cut = 0; cut < size; cut += step)
      if (crm::index_entry_count(bytes.substr(0, cut), tag) >= 0) std::abort();
  }
  // As one encoded node, whole or in part.
  round_trip(bytes.data(), bytes.data() + size);
  const char* p = bytes.data();
  crm::Node part;
  crm::decode_fields(p, bytes.data() + size, {"id", "name", ""}, part);
  return 0;
}
