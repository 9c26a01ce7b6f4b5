#!/usr/bin/env bash
# `npm run mutate`: mutation testing with StrykerJS over shared/, electron/core/, renderer/src/store and
# renderer/src/lib (stryker.config.json), then the score per folder (build/mutation-summary.mjs). A report, not part
# of `npm test`: every mutant reruns the unit tests that cover it, so a full run takes hours on two cores. Run it a
# folder at a time: `npm run mutate -- renderer/src/store shared` mutates only those folders' source files (their
# tests, test support and fixtures left out); a file, or a quoted glob such as 'electron/core/*.ts', mutates the files
# it matches (tests left out) — e.g. the core's top-level files without its subfolders; any other argument goes to
# `stryker run` as it is.
# Each selection keeps its own results (reports/mutation/incremental/<selection>.json), so a second run of the same
# folders only tests what changed, and running another folder does not throw the first one's results away; each
# run's JSON report is kept as reports/mutation/runs/<selection>.json, and `node build/mutation-summary.mjs
# reports/mutation/runs/*.json` prints the scores of all of them together.
# Inside a throwaway keyring, like `npm test`, because the keychain tests are among the tests a mutant reruns.
set -euo pipefail
cd "$(dirname "$0")/.."
# The web host tests among them serve the built renderer.
[ -f out/renderer/index.html ] || npx electron-vite build --logLevel warn
keyring_dir=$(mktemp -d)
trap 'rm -rf "$keyring_dir"' EXIT
# Folder names and globs (not an option's value) become one --mutate list; everything else passes through.
globs=()
names=()
args=()
prev=''
for arg in "$@"; do
  if [[ "$arg" != -* && "$prev" != -* && -d "$arg" ]]; then
    folder=${arg%/}
    globs+=("$folder/**/*.ts" "!$folder/**/*.test.ts" "!$folder/**/test-support/**" "!$folder/**/fixtures/**")
    names+=("$folder")
  elif [[ "$arg" != -* && "$prev" != -* && ("$arg" == *'*'* || ("$arg" == *.ts && -f "$arg")) ]]; then
    globs+=("$arg" "!${arg%.ts}.test.ts")
    names+=("${arg//\*/_}")
  else
    args+=("$arg")
  fi
  prev=$arg
done
selection=all
if [ ${#globs[@]} -gt 0 ]; then
  args+=(--mutate "$(IFS=,; echo "${globs[*]}")")
  selection=$(IFS=+; echo "${names[*]}" | tr '/' '-')
fi
mkdir -p reports/mutation/incremental reports/mutation/runs
bash build/with-keyring.sh "$keyring_dir" npx stryker run \
  --incrementalFile "reports/mutation/incremental/$selection.json" "${args[@]}"
cp reports/mutation/mutation.json "reports/mutation/runs/$selection.json"
node build/mutation-summary.mjs reports/mutation/mutation.json
