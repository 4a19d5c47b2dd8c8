// `crm mutt-query QUERY`: an address book for mutt, neomutt and aerc
// (`set query_command = "crm mutt-query %s"`), as khard and abook serve one.
#pragma once

#include <string>

#include "crm/store.hpp"

namespace crm {

// mutt's query format: a first line for the status bar, then one line per
// address, "email<TAB>name<TAB>comment" (the comment: company, else title).
// Matches contacts and open leads whose name, or any email, contains every
// word of `query` (folded: "zoe" finds "Zoë"); contacts marked
// do_not_contact are left out. `matches`: the number of lines after the first.
std::string mutt_query(const Store& store, const std::string& query, size_t* matches);

}  // namespace crm
