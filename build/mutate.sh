#!/usr/bin/env bash
# `npm run mutate`: mutation testing with StrykerJS over shared/, electron/core/, renderer/src/store and
# renderer/src/lib (stryker.config.json), then the score per folder (build/mutation-summary.mjs). A report, not part
# of `npm test`: every mutant reruns the unit tests that cover it, so a full run takes hours on two cores. Run it a
# folder at a time: `npm run mutate -- renderer/src/store shared` mutates only those folders' source files (their
# tests, test support and fixtures left out); any other argument goes to `stryker run` as it is (e.g. --mutate globs).
# Results are kept (reports/mutation/stryker-incremental.json), so a second run only tests what changed.
# Inside a throwaway keyring, like `npm test`, because the keychain tests are among the tests a mutant reruns.
set -euo pipefail
cd "$(dirname "$0")/.."
# The web host tests among them serve the built renderer.
[ -f out/renderer/index.html ] || npx electron-vite build --logLevel warn
keyring_dir=$(mktemp -d)
trap 'rm -rf "$keyring_dir"' EXIT
# Folder names (not an option's value) become one --mutate list; everything else passes through.
globs=()
args=()
prev=''
for arg in "$@"; do
  if [[ "$arg" != -* && -d "$arg" && "$prev" != -* ]]; then
    folder=${arg%/}
    globs+=("$folder/**/*.ts" "!$folder/**/*.test.ts" "!$folder/**/test-support/**" "!$folder/**/fixtures/**")
  else
    args+=("$arg")
  fi
  prev=$arg
done
if [ ${#globs[@]} -gt 0 ]; then
  args+=(--mutate "$(IFS=,; echo "${globs[*]}")")
fi
bash build/with-keyring.sh "$keyring_dir" npx stryker run "${args[@]}"
node build/mutation-summary.mjs reports/mutation/mutation.json
