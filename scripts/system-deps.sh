#!/usr/bin/env bash
# Install the system packages the test suite uses, when missing: Chromium (browser tests),
# PostgreSQL (migrations on PostgreSQL) and poppler-utils (pdftoppm renders the report PDF).
# Debian/Ubuntu via apt; macOS via Homebrew.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || [ -n "${UNSTUCK_CHROMIUM:-}" ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)  # renders the report PDF in the journey test
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${need[*]} with apt ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
elif command -v brew >/dev/null 2>&1; then
  for pkg in "${need[@]}"; do
    case "$pkg" in
      chromium) brew install --cask chromium ;;
      postgresql) brew install postgresql@16 ;;
      poppler-utils) brew install poppler ;;
    esac
  done
else
  echo "Please install: ${need[*]}" >&2
  exit 1
fi
