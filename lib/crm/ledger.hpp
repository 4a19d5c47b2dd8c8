// `crm export ledger|beancount`: orders as plain-text accounting
// transactions that hledger and bean-check accept.
#pragma once

#include <optional>
#include <string>

#include "crm/dates.hpp"
#include "crm/store.hpp"

namespace crm {

struct LedgerRequest {
  bool beancount = false;     // else an hledger/ledger journal
  std::optional<Days> since;  // transactions dated before it are left out
};

// For every order that was paid (paid, fulfilled or refunded with a
// paid_at), in the order of date and id:
//   the sale, on the order's date: the customer's receivable debited with the
//     total, an income account credited per line (the product's category's
//     account, else the default income account; the lines' cents add up to
//     the total exactly);
//   the payment, on paid_at's local date: the bank debited, the receivable
//     credited;
//   a refund, on refunded_at's local date: the income accounts debited back,
//     the bank credited.
// Every transaction carries the order's id (its code in hledger, metadata in
// beancount); amounts are exact, each in its order's currency (never
// converted). Accounts come from config `accounts:` (receivable, bank,
// income, categories: {CATEGORY: ACCOUNT}). The same store gives the same
// bytes. Throws InvalidData for an account name the format cannot hold.
std::string export_ledger(const Store& store, const LedgerRequest& request);

}  // namespace crm
