#!/usr/bin/env bash
# Set everything up (first run only) and start unstuck at http://127.0.0.1:8000
#   ./run.sh                      start on the defaults
#   ./run.sh --port 8080          any 'unstuck serve' option
# The O*NET knowledge base is downloaded on the first run (or read from UNSTUCK_ONET_SOURCE,
# a local zip or folder). Optional sources: UNSTUCK_ESCO_SOURCE, UNSTUCK_BLS_WAGES,
# UNSTUCK_BLS_AREAS, UNSTUCK_BLS_PROJECTIONS, UNSTUCK_CROSSWALK.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/bootstrap.sh
bootstrap_venv ""
if ! .venv/bin/unstuck data install; then
  echo "The knowledge base could not be installed (see above); the app starts anyway and" >&2
  echo "shows how to install it. Retry with: .venv/bin/unstuck data install --source PATH" >&2
fi
exec .venv/bin/unstuck serve "$@"
