#!/usr/bin/env bash
# Fails when a record is written or removed other than through the workflow
# module (ARCHITECTURE.md, "One way to write"): Store::lock() returns the
# Writer that alone can write, and only workflow.cpp calls its raw methods,
# so every change gets what it implies (stage history, recurrence,
# follow-ups, and later the store's rules).
set -euo pipefail
cd "${1:-.}"
if grep -rnE '\b(write_raw|remove_raw)\(' lib cmd | grep -vE '^lib/crm/(workflow\.cpp|store\.(hpp|cpp)):'; then
  echo "write records through write_with_effects / remove_record (lib/crm/workflow.hpp), not the raw Writer calls"
  exit 1
fi
echo "every record write goes through the workflow module"
