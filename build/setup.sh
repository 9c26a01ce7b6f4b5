#!/usr/bin/env bash
# Set-up shared by `npm start`, `npm run demo`, `npm test` and `npm run bench`: system packages, then npm packages.
# Idempotent and quiet when everything is already in place. Usage: build/setup.sh [--quiet] [--for run|test]
set -euo pipefail
cd "$(dirname "$0")/.."

quiet=0
purpose=run
while [ $# -gt 0 ]; do
  case "$1" in
    --quiet) quiet=1 ;;
    --for) purpose="$2"; shift ;;
    *) echo "setup: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
say() { [ "$quiet" = 1 ] || echo "setup: $*"; }

# keytar builds from source against libsecret; the tests also need a real keyring, a session bus and Debian's Chromium.
needed=(libsecret-1-dev python3 make g++)
if [ "$purpose" = test ]; then
  needed+=(chromium gnome-keyring dbus dbus-x11 xvfb)
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "setup: installing Debian packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "setup: missing Debian packages. Run this, then try again:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
else
  say "not a Debian system: make sure libsecret (and for tests Chromium, gnome-keyring and dbus) are installed"
fi

# npm packages: install when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (native modules build from source; this takes a minute)"
  npm ci --no-audit --no-fund --loglevel=error
fi
# node_modules keeps Node's builds: `npm start` uses Electron builds in .electron-natives/ and `npm run dist` puts
# Node's builds back after electron-builder's in-place rebuild. An older checkout's `npm start` (or a dist killed
# before it could put them back) may still have left Electron builds here: then rebuild for Node.
# (better-sqlite3 loads its binary only when a database opens, so one is opened.)
if ! node -e "new (require('better-sqlite3'))(':memory:').close(); require('keytar')" >/dev/null 2>&1; then
  echo "setup: rebuilding native modules for Node"
  npm rebuild better-sqlite3 keytar --loglevel=error
fi
say "ready"
