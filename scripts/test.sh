#!/usr/bin/env bash
# npm test: installs what the tests need if missing, type-checks and lints, starts a throwaway
# PostgreSQL, runs every tier on SQLite and PostgreSQL, stops the cluster, and ends with one line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
node scripts/ensure-deps.mjs || exit 1
bash scripts/ensure-chromium.sh || exit 1
echo "== static checks: types and lint" >&2
node scripts/typecheck.mjs || { echo "0 passed, 1 failed"; exit 1; }
node_modules/.bin/eslint . || { echo "0 passed, 1 failed"; exit 1; }
bash scripts/with-pg.sh node scripts/run-tests.mjs "$@"
