#!/usr/bin/env bash
# Build the one-folder Linux bundle dist/subtitler/ with PyInstaller: CLI, desktop window and the
# offline tiny.en model, runnable on a machine without Python.
#
#   bash packaging/build_bundle.sh            # -> dist/subtitler/subtitler  (about 5 minutes)
#   SUBTITLER_BUNDLE_TESTS=1 .venv/bin/python -m pytest -q -m bundle   # build + smoke test it
#
# A separate virtual environment ($BUNDLE_VENV, default build/bundle-venv) holds PyInstaller and
# subtitler[local] installed from this checkout NON-editable (what the wheel ships), so the bundle
# has no test tools in it. $PYTHON picks the interpreter (it must be built with --enable-shared).
set -euo pipefail
cd "$(dirname "$0")/.."
unset PYTHONPATH PYTHONHOME  # the bundle takes subtitler from $VENV, never from the source tree

PY=${PYTHON:-python3}
VENV=${BUNDLE_VENV:-build/bundle-venv}
if [ "$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("Py_ENABLE_SHARED") or 0)')" != 1 ]; then
  echo "build_bundle: $PY has no shared libpython; PyInstaller needs one (pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared)" >&2
  exit 2
fi
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "pyinstaller>=6.10" "setuptools>=77"
# the app as a user's pip install gets it: built from a copy of the sources, not editable
src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT
cp -r subtitler pyproject.toml README.md "$src"/
"$VENV/bin/python" -m pip install -q --no-build-isolation --force-reinstall --no-deps "$src"
"$VENV/bin/python" -m pip install -q --no-build-isolation "$src[local]"

start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/subtitler.spec
echo "build_bundle: dist/subtitler built in $(( $(date +%s) - start )) s, $(du -sh dist/subtitler | cut -f1)"
