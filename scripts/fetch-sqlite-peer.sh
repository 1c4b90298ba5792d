#!/usr/bin/env bash
# Installs the report benchmark's peer: SQLite 3.54.1, the release rusqlite bundles into Opora,
# as the `apsw` wheel from PyPI, into the git-ignored .deps/py (for `python3` with
# PYTHONPATH=.deps/py). benches/report.rs checks that both sides run the same SQLite and stops
# if they do not. Nothing is downloaded again when the right version is there.
#
# When rusqlite's libsqlite3-sys is upgraded, move APSW_VERSION to the apsw release of the same
# SQLite (apsw's versions are the SQLite version plus one more number).
set -euo pipefail
cd "$(dirname "$0")/.."

APSW_VERSION=3.54.1.0
target=.deps/py

installed() {
  PYTHONPATH="$target" python3 -c \
    "import apsw, sys; sys.exit(apsw.apsw_version() != '$APSW_VERSION')" 2>/dev/null
}

if installed; then
  exit 0
fi
if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "The report benchmark's peer needs python3 with pip (apt-get install python3-pip)." >&2
  exit 1
fi
echo "Installing apsw $APSW_VERSION (SQLite $(echo "$APSW_VERSION" | cut -d. -f1-3)) into $target"
rm -rf "$target"
# A wheel only: apsw's source build would fetch SQLite from elsewhere. --target installs into
# the folder, outside any system or user site, so PEP 668's guard does not apply.
python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location --root-user-action=ignore \
  --only-binary=:all: --target "$target" "apsw==$APSW_VERSION"
if ! installed; then
  echo "apsw $APSW_VERSION did not install into $target for $(python3 --version)." >&2
  exit 1
fi
