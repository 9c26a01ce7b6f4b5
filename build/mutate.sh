#!/usr/bin/env bash
# `npm run mutate`: mutation testing with StrykerJS over shared/, electron/core/, renderer/src/store and
# renderer/src/lib (stryker.config.json), then the score per folder (build/mutation-summary.mjs). A report, not part
# of `npm test`: every mutant reruns the unit tests that cover it, so a full run takes hours on two cores. Arguments
# go to `stryker run`, e.g. one folder: npm run mutate -- --mutate 'shared/**/*.ts,!shared/**/*.test.ts'
# Results are kept (reports/mutation/stryker-incremental.json), so a second run only tests what changed.
# Inside a throwaway keyring, like `npm test`, because the keychain tests are among the tests a mutant reruns.
set -euo pipefail
cd "$(dirname "$0")/.."
# The web host tests among them serve the built renderer.
[ -f out/renderer/index.html ] || npx electron-vite build --logLevel warn
keyring_dir=$(mktemp -d)
trap 'rm -rf "$keyring_dir"' EXIT
bash build/with-keyring.sh "$keyring_dir" npx stryker run "$@"
node build/mutation-summary.mjs reports/mutation/mutation.json
