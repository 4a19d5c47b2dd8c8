#!/usr/bin/env bash
# Fails when std::regex (or <regex>) appears in lib/ or cmd/: libstdc++'s
# matcher recurses per character and overflows the stack on long user data
# (a 30 KB value crashed every writer). Scan by hand instead.
set -euo pipefail
cd "${1:-.}"
if grep -rnE 'std::(w?regex|basic_regex)|#include <regex>' lib cmd; then
  echo "std::regex in lib/ or cmd/: write a linear scanner instead (see plain_resolves_to_non_string)"
  exit 1
fi
echo "no std::regex in lib/ or cmd/"
