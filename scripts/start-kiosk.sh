#!/usr/bin/env bash
# Installs what is missing, builds Opora and starts the kiosk in practice mode.
# Any arguments go to opora (e.g. --lang en, --plain, --theme light).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh kiosk
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release --locked --quiet
exec target/release/opora "$@"
