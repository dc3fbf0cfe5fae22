#!/usr/bin/env bash
# Set everything up (first run only) and run the whole test suite.
#   ./test.sh                     everything
#   ./test.sh -k titles -x        any pytest arguments
# Installs what the suite needs: the Python test extras, Debian's Chromium and PostgreSQL (apt,
# when missing), axe-core (npm). Test data: UNSTUCK_TEST_DATA (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/bootstrap.sh
bootstrap_venv "test"
scripts/system-deps.sh
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
export UNSTUCK_TEST_DATA="${UNSTUCK_TEST_DATA:-$(cd .. && pwd)/shared/data}"
# The suite never touches your real data: a throwaway home (each test also gets its own).
test_home=$(mktemp -d "${TMPDIR:-/tmp}/unstuck-test-home.XXXXXX")
export UNSTUCK_HOME="$test_home"
# A throwaway PostgreSQL server for the migration tests, stopped on exit.
if [ -z "${UNSTUCK_TEST_POSTGRES_URL:-}" ] && pg_env=$(scripts/postgres.sh start); then
  eval "$pg_env"
fi
cleanup() {
  if [ -n "${UNSTUCK_PG_DIR:-}" ]; then
    scripts/postgres.sh stop "$UNSTUCK_PG_DIR" >/dev/null 2>&1 || true
  fi
  rm -rf "$test_home" || true
}
trap cleanup EXIT
.venv/bin/python -m pytest "$@"
