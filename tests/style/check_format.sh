#!/usr/bin/env bash
# Fails when a C++ file of the project is not formatted as .clang-format says.
# (The one reformatting commit is in .git-blame-ignore-revs.)
set -euo pipefail
cd "${1:-.}"
command -v clang-format >/dev/null || { echo "clang-format is not installed (make deps installs it)"; exit 1; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -co --exclude-standard '*.cpp' '*.hpp')
else
  mapfile -t files < <(find lib cmd tests bench -name '*.cpp' -o -name '*.hpp')
fi
existing=()
for f in "${files[@]}"; do [ -f "$f" ] && existing+=("$f"); done
clang-format --dry-run -Werror "${existing[@]}"
echo "${#existing[@]} files formatted"
