#!/usr/bin/env bash
# Takes the screenshots in docs/: Opora in a real xterm on a virtual X server, at a terminal
# size, in a font, after some keys. Needs xvfb, xterm, xdotool, x11-apps (xwd), imagemagick and
# fonts-dejavu-core; xfonts-terminus and xfonts-base for the bitmap fonts.
#
#   scripts/screenshots.sh                 all the screenshots the README shows
#   scripts/screenshots.sh OUT.png COLSxROWS FONT "KEYS"
#
# FONT is an Xft font ("DejaVu Sans Mono:size=12") or, starting with "-", an X core font name.
# KEYS are xdotool key names separated by spaces ("2 1 3 0 0 Return"). OPORA_QUADRANTS passes
# through to Opora.
set -euo pipefail
cd "$(dirname "$0")/.."
opora=${OPORA_BIN:-target/release/opora}
[ -x "$opora" ] || opora=target/debug/opora

shot() {
  local out=$1 size=$2 font=$3 keys=$4
  local cols=${size%x*} rows=${size#*x}
  local display=:$((90 + RANDOM % 9))
  local home
  home=$(mktemp -d)
  Xvfb "$display" -screen 0 2400x1600x24 -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  local fontargs
  if [[ $font == -* ]]; then fontargs=(-fn "$font"); else fontargs=(-fa "${font%%:*}" -fs "${font##*size=}"); fi
  DISPLAY=$display xterm -geometry "${cols}x${rows}+0+0" "${fontargs[@]}" -bg black -fg white +sb -u8 \
    -xrm 'XTerm*cursorBlink: false' \
    -e env OPORA_HOME="$home" OPORA_TODAY=2026-11-25 OPORA_QUADRANTS="${OPORA_QUADRANTS:-on}" \
    "$opora" --speech off --voice off &
  local xterm=$!
  sleep 3
  # No window manager: the keyboard goes to the window under the pointer.
  DISPLAY=$display xdotool mousemove 10 10
  for key in $keys; do
    DISPLAY=$display xdotool key "$key"
    sleep 0.4
  done
  sleep 0.5
  local window
  window=$(DISPLAY=$display xdotool search --pid "$xterm" | head -1)
  DISPLAY=$display xwd -id "$window" -silent | convert xwd:- -colors 16 -strip "$out"
  kill "$xterm" "$xvfb" 2>/dev/null || true
  wait "$xterm" "$xvfb" 2>/dev/null || true
  rm -rf "$home"
  echo "$out"
}

if [ $# -eq 4 ]; then
  shot "$@"
  exit 0
fi
mkdir -p docs
dejavu="DejaVu Sans Mono:size=11"
check="2 1 3 0 0 Return"
shot docs/home-80x24.png 80x24 "$dejavu" ""
shot docs/check-80x24.png 80x24 "$dejavu" "$check"
shot docs/home-160x50.png 160x50 "$dejavu" ""
shot docs/check-160x50.png 160x50 "$dejavu" "$check"
# Quadrant letters: at 60 columns the headline needs them.
shot docs/home-60x20.png 60x20 "$dejavu" ""
shot docs/home-60x20-fixed.png 60x20 "-misc-fixed-medium-r-normal--20-200-75-75-c-100-iso10646-1" ""
OPORA_QUADRANTS=off shot docs/home-60x20-terminus.png 60x20 \
  "-xos4-terminus-bold-r-normal--16-160-72-72-c-80-iso10646-1" ""
