#!/usr/bin/env bash
# Installs what Opora needs on a Debian or Ubuntu machine, and nothing else.
#
#   scripts/setup.sh          what the kiosk needs to build and run
#   scripts/setup.sh test     also what the test suite and benchmarks need
#
# As root it installs missing system packages itself; otherwise it prints the exact apt-get
# line and stops. Everything downloaded later (libraries, models) goes to git-ignored folders.
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-kiosk}"

# gcc and libc6-dev build the bundled SQLite; pkg-config finds system libraries.
packages=(gcc libc6-dev pkg-config)
if [ "$purpose" = "test" ]; then
  # dialog is the peer the start-up benchmark is compared with.
  packages+=(dialog)
  # The report benchmark's peer is the same SQLite as Opora's, from PyPI (at the end); the
  # system sqlite3 shell, an older SQLite, is its labelled extra.
  packages+=(sqlite3)
fi
if [ "$purpose" = "test" ]; then
  # The central-journal tests and benchmarks start a real PostgreSQL (initdb, pg_ctl, psql from
  # Debian's postgresql package) with a self-signed certificate made by openssl.
  packages+=(postgresql openssl)
fi
if [ "$purpose" = "test" ]; then
  # poppler-utils (pdftotext, pdfinfo, pdffonts) reads the take-home reminder PDF back in
  # tests/reminder_pdf.rs: its text, page count and embedded fonts.
  packages+=(poppler-utils)
fi
# Voice input (src/voice): libasound2-dev builds cpal's microphone access (ALSA); pip downloads
# libvosk from its PyPI wheel (scripts/fetch-voice.sh, at the end) — python3-pip unless a
# python3 with pip is already there.
packages+=(libasound2-dev)
if ! python3 -m pip --version >/dev/null 2>&1; then
  packages+=(python3-pip)
fi
if [ "$purpose" = "test" ]; then
  # espeak-ng speaks the Korean commands the real-model voice tests and benchmark listen to.
  packages+=(espeak-ng)
fi

# --- Speech (issue #5) ---
# espeak-ng speaks the screens (run as a program: it is GPL, never linked); the tests make it
# write WAV files and fail if it is missing. The `tts` crate's speech-dispatcher backend needs
# libspeechd-dev and, for its bindings, libclang-dev; speech-dispatcher itself lets
# `--speech auto` fall back to it on a desktop that has it.
packages+=(espeak-ng libspeechd-dev libclang-dev speech-dispatcher)
# --- end of speech ---

if [ "$purpose" = "test" ]; then
  # The kiosk launcher test (tests/kiosk_launcher.rs) boots scripts/kiosk/ on a virtual X server
  # (xvfb) through xinit, with the kiosk's terminal (xterm), window manager
  # (matchbox-window-manager), font (fonts-dejavu-core) and screen settings (x11-xserver-utils),
  # takes screenshots (xwd, in x11-apps) and presses the staff key (xdotool).
  packages+=(xvfb xinit xterm matchbox-window-manager fonts-dejavu-core x11-xserver-utils)
  packages+=(x11-apps xdotool)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Opora's set-up needs these Debian/Ubuntu packages: ${missing[*]}" >&2
    echo "This machine has no apt-get; install the equivalents by hand." >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Opora needs these system packages. Install them, then run this command again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  for candidate in "$HOME/.cargo/bin/cargo" /usr/local/cargo/bin/cargo; do
    if [ -x "$candidate" ]; then
      export PATH="$(dirname "$candidate"):$PATH"
      break
    fi
  done
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "Opora is built with Rust (1.95 or newer), and cargo was not found." >&2
  echo "Install it from https://rustup.rs (curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh)," >&2
  echo "or with your distribution's package (apt-get install cargo) if it is new enough." >&2
  exit 1
fi

# Voice input: libvosk (and, for the tests, the Korean model) into git-ignored folders.
scripts/fetch-voice.sh "$purpose"

# The report benchmark's peer (SQLite 3.54.1 through apsw) into the git-ignored .deps/py, and
# pm4py (the export test) and DuckDB (the report benchmark's other peer) into .deps/analysis.
if [ "$purpose" = "test" ]; then
  scripts/fetch-sqlite-peer.sh
  scripts/fetch-analysis-peers.sh
fi
