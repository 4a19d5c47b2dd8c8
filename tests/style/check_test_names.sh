#!/usr/bin/env bash
# Fails when a doctest case name holds a ';': CTest reads the discovered
# names as a list, splits the name there, and registers pieces that match
# no case — tests that pass without running anything.
set -euo pipefail
cd "${1:-.}"
if grep -rnE 'TEST_CASE\("[^"]*;' tests/unit; then
  echo "a ';' in a TEST_CASE name: CTest splits it and runs nothing; use ',' instead"
  exit 1
fi
echo "no ';' in doctest case names"
