#!/usr/bin/env bash
# `npm test`: every check — format, typecheck, lint, build, package inspection, unit tests, end-to-end tests — then one
# summary line.
# Unit and end-to-end tests run inside a private D-Bus session with a real gnome-keyring (build/with-keyring.sh).
set -uo pipefail
cd "$(dirname "$0")/.."

reports=test-results
rm -rf "$reports" && mkdir -p "$reports"
failed_steps=()

step() {
  local name=$1
  shift
  echo
  echo "== $name"
  if "$@"; then echo "== $name: ok"; else echo "== $name: FAILED"; failed_steps+=("$name"); fi
}

step "format" npx prettier --check --log-level warn .
step "typecheck" npx tsc -b
step "lint" npx eslint --max-warnings 0 .
step "build" npx electron-vite build --logLevel warn
# electron-builder's own --dir packer packs that build (a placeholder stands in for Electron: not runnable) and the
# result is inspected: asar contents, unpacked native modules, the config against electron-builder's schema, fuses.
step "package inspection" bash -c 'set -o pipefail
  npx tsx build/package/package-check.ts 2>&1 | { grep -v "duplicate dependency references" || true; }'
# Test failures are counted from the runners' reports below, not here.
keyring_dir=$(mktemp -d)
echo
echo "== unit and end-to-end tests"
bash build/with-keyring.sh "$keyring_dir" bash -c '
  npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
  npx playwright test' 2> >(grep -v "Failed to set fd limit" >&2)
rm -rf "$keyring_dir"

node build/summarize-tests.mjs "$reports" "${failed_steps[@]}"
