// Trust in a rules file's `run` commands, per machine (crm-rules(1),
// SECURITY): `crm rules trust` records the SHA-256 of .crm/rules.yaml as it
// is, keyed by the store's absolute path, in
// $XDG_STATE_HOME/crm/trusted (else ~/.local/state/crm/trusted) — outside
// the repository, so a clone, or a pull that changes the file, never brings
// trust with it: its commands are skipped until trusted again.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "crm/store.hpp"

namespace crm {

// FIPS 180-4 SHA-256 of `bytes`, as 64 lowercase hex digits (what
// `sha256sum` prints).
std::string sha256_hex(std::string_view bytes);

// The file that holds this machine's trust: one line per store,
// "SHA256 ABSOLUTE-STORE-PATH".
std::filesystem::path trust_file();

// What trust is given to: the SHA-256 of the rules file, or, when its text
// names files of the store by a relative path (`./hooks/notify.sh`), of the
// file and theirs (symbolic links are not followed, so not covered).
std::string trust_digest(const Store& store, std::string_view rules_text);

// Whether this machine trusts `rules_text` (the whole file) for `store`.
bool rules_trusted(const Store& store, std::string_view rules_text);
// Records that trust (replacing the store's earlier line); returns the
// trust file. Throws Error when it cannot be written.
std::filesystem::path trust_rules(const Store& store, std::string_view rules_text);

}  // namespace crm
