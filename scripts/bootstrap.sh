# Sourced by run.sh and test.sh: make .venv with unstuck installed (extras in $1), idempotently.
# Re-running is fast: pip runs again only when pyproject.toml or the extras change.

find_python() {
  for candidate in "${UNSTUCK_PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

bootstrap_venv() {
  local extras="$1"
  local py
  if [ ! -x .venv/bin/python ]; then
    py=$(find_python) || {
      echo "unstuck needs Python 3.11 or newer (set UNSTUCK_PYTHON to its path)." >&2
      exit 1
    }
    "$py" -m venv .venv || {
      echo "Could not create a virtual environment. On Debian/Ubuntu: apt-get install python3-venv" >&2
      exit 1
    }
  fi
  # One stamp per set of extras; installing with extras also satisfies the plain install.
  local stamp=".venv/.unstuck-install-stamp-${extras:-base}"
  local want
  want="$(sha256sum pyproject.toml 2>/dev/null || shasum -a 256 pyproject.toml)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installing unstuck and its dependencies into .venv ..." >&2
    .venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
    if [ -n "$extras" ]; then
      .venv/bin/python -m pip install --quiet -e ".[$extras]"
    else
      .venv/bin/python -m pip install --quiet -e .
    fi
    printf '%s' "$want" > "$stamp"
    printf '%s' "$want" > ".venv/.unstuck-install-stamp-base"
  fi
}
