#!/usr/bin/env bash
# Installs what is missing, builds Opora and starts the kiosk in practice mode.
# Any arguments go to opora (e.g. --lang en, --plain, --theme light).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh kiosk
export PATH="$HOME/.cargo/bin:$PATH"
# cargo runs the binary from wherever it builds it (CARGO_TARGET_DIR, a build.target-dir in a
# cargo config, a cross target), and on Unix replaces itself with it, so keys and signals reach
# the kiosk directly.
exec cargo run --release --locked --quiet --bin opora -- "$@"
