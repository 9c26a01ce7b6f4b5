#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring serving the Secret Service API,
# so keytar talks to a real keychain on machines without a desktop session (tests, CI, the demo).
# The keyring files live in KEYRING_DIR, never in the user's own keyring. Usage: with-keyring.sh KEYRING_DIR command...
set -euo pipefail
if [ -z "${SWITCHBOARD_KEYRING_SESSION:-}" ]; then
  exec env SWITCHBOARD_KEYRING_SESSION=1 dbus-run-session -- bash "$0" "$@"
fi
keyring_dir=${1:-}
shift || true
# A forgotten KEYRING_DIR would make the command's name ("npx") the folder, inside the checkout: refuse anything but
# an absolute path, so a throwaway keyring never lands where git can see it.
case "$keyring_dir" in
  /*) ;;
  *)
    echo "with-keyring.sh: the first argument must be an absolute folder for the keyring, e.g. \$(mktemp -d)" >&2
    exit 2
    ;;
esac
mkdir -p "$keyring_dir"
# A password on stdin creates (first run) or unlocks (later runs) the login keyring without a prompt. It guards
# only this throwaway keyring; an empty one makes the daemon ask a (missing) graphical prompter instead.
printf 'switchboard' | XDG_DATA_HOME="$keyring_dir" gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
exec "$@"
