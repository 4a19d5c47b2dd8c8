#!/usr/bin/env bash
# One output path (issue 11): what crm prints is a typed crm::Table rendered
# by render() in lib/crm/table.cpp, the one place that chooses by the output
# format. Fails when code elsewhere in lib/ or cmd/
#   * switches on or compares an output format (case/==/!= Format::…, switch
#     on a format) — render.cpp may, as it builds the table of records;
#   * writes JSON or CSV/TSV by hand (json_string, delimited_row, the removed
#     pretty_json/record_json/json_of_untyped) instead of through a Table.
set -euo pipefail
cd "${1:-.}"
status=0
# Comments do not count: strip // … before matching.
scan() {  # PATTERN ALLOWED-FILES…
  local pattern=$1
  shift
  local allowed=" $* "
  local hits
  hits=$(grep -rnE --include='*.cpp' --include='*.hpp' "$pattern" lib cmd | sed 's#//.*##' | grep -E "$pattern" || true)
  while IFS= read -r hit; do
    [ -z "$hit" ] && continue
    local file=${hit%%:*}
    case "$allowed" in *" $file "*) continue ;; esac
    echo "$hit"
    status=1
  done <<<"$hits"
}
scan '(case|[!=]=)[[:space:]]*Format::|switch[[:space:]]*\([^)]*format' lib/crm/table.cpp lib/crm/render.cpp
scan '\b(json_string|delimited_row|pretty_json|record_json|json_of_untyped)[[:space:]]*\(' \
  lib/crm/table.cpp lib/crm/json.cpp lib/crm/json.hpp lib/crm/csv.cpp lib/crm/csv.hpp
if [ $status -ne 0 ]; then
  echo "output chosen by format or written by hand outside lib/crm/table.cpp: build a crm::Table and render() it"
  exit 1
fi
echo "one output path: only table.cpp chooses by format"
