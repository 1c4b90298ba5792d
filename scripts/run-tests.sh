#!/usr/bin/env bash
# Installs what is missing and runs the entire test suite: formatting, lints, unit and property
# tests, screen snapshots in both languages, the real binary in a pseudo-terminal and in plain
# mode, and each benchmark once in test mode.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"
# Snapshots are compared, never rewritten, here.
export INSTA_UPDATE=no CI=true
# A clean build in CI gains nothing from incremental caches, which double the disk it needs.
export CARGO_INCREMENTAL=0
# Each fuzz target (tests/fuzz.rs) runs this many seconds; longer runs by hand are in its header.
export OPORA_FUZZ_SECS="${OPORA_FUZZ_SECS:-60}"

echo "== formatting"
cargo fmt --all -- --check
echo "== lints"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== tests (unit, property, snapshots, terminal, plain mode, fuzz targets ${OPORA_FUZZ_SECS}s each; benchmarks once each)"
cargo test --workspace --all-targets --locked
echo "== all tests passed"
