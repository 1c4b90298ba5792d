#!/usr/bin/env bash
# Installs the analysts' tools the tests and benchmarks check Opora against, from PyPI, into the
# git-ignored .deps/analysis (for `python3` with PYTHONPATH=.deps/analysis):
#   - pm4py: tests/journal_export.rs loads `opora journal export --format xes|csv` with
#     pm4py.read_xes and pandas.read_csv + pm4py.format_dataframe and counts cases and events;
#   - duckdb: benches/report.rs computes the conversion by segment with it over the same events.
# Nothing is downloaded again when the right versions are there.
set -euo pipefail
cd "$(dirname "$0")/.."

PM4PY_VERSION=2.7.23.11
DUCKDB_VERSION=2.0.0
target=.deps/analysis

installed() {
  PYTHONPATH="$target" python3 -c "
import sys, importlib.metadata as m
sys.exit(not (m.version('pm4py') == '$PM4PY_VERSION' and m.version('duckdb') == '$DUCKDB_VERSION'))
" 2>/dev/null
}

if installed; then
  exit 0
fi
if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "The process-mining test and the DuckDB peer need python3 with pip (apt-get install python3-pip)." >&2
  exit 1
fi
echo "Installing pm4py $PM4PY_VERSION and duckdb $DUCKDB_VERSION into $target (about 600 MB)"
rm -rf "$target"
# Wheels only, into the folder (outside any system or user site, so PEP 668's guard does not
# apply).
python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location --root-user-action=ignore \
  --only-binary=:all: --target "$target" "pm4py==$PM4PY_VERSION" "duckdb==$DUCKDB_VERSION"
if ! installed; then
  echo "pm4py $PM4PY_VERSION and duckdb $DUCKDB_VERSION did not install into $target for $(python3 --version)." >&2
  exit 1
fi
