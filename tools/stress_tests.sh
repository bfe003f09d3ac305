#!/usr/bin/env bash
# Run tests again and again, optionally beside a CPU hog, and keep the native stacks of any hang or
# crash: the way flakes and rare aborts are found (issue 28).
#
#   tools/stress_tests.sh [-n ROUNDS] [--hog N] [--out DIR] [PYTEST ARGS...]
#
#   -n ROUNDS   how many runs (default 5)
#   --hog N     N busy-looping processes beside the tests (default 0; 2 on a 2-core machine = a
#               machine twice as busy as it has cores)
#   --out DIR   where logs, stacks and core files go (default stress-logs/)
#   PYTEST ARGS what to run (default: tests/gui -q)
#
# Each run's output is kept (run-K.log). A hang: pytest's faulthandler_timeout prints Python's stacks
# first; the watcher then attaches gdb and saves every thread's native stack (run-K.native-hang.txt)
# before pytest-timeout ends the test. A crash (abort, segfault): the core file is read with gdb
# (run-K.native-crash.txt). The last line sums up; exit 0 only when every run passed.
#
# Examples:
#   tools/stress_tests.sh -n 5 --hog 2                      # the GUI tests, 5 times, under load
#   tools/stress_tests.sh -n 50 tests/gui/test_gc_stress.py -k player -q
#   tools/stress_tests.sh -n 5 --hog 2 -q                   # the whole suite
set -uo pipefail
cd "$(dirname "$0")/.."

rounds=5 hog=0 out=stress-logs
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) rounds=$2; shift 2 ;;
    --hog) hog=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
[ ${#args[@]} -eq 0 ] && args=(tests/gui -q)
PY=${PYTHON:-.venv/bin/python}
mkdir -p "$out"
out=$(cd "$out" && pwd)

hogs=()
stop_hogs() { for p in "${hogs[@]}"; do kill "$p" 2>/dev/null; done; }
trap stop_hogs EXIT
for _ in $(seq 1 "$hog"); do
  ( while :; do :; done ) &
  hogs+=($!)
done

native_stacks() {  # pid|core, python, file
  if command -v gdb >/dev/null 2>&1; then
    gdb -batch -nx -ex "set pagination off" -ex "thread apply all bt" "$2" $1 >"$3" 2>&1 || true
  else
    echo "gdb not found: no native stacks" >"$3"
  fi
}

passed=0 failed=0
for k in $(seq 1 "$rounds"); do
  log="$out/run-$k.log"
  start=$(date +%s)
  rm -f core
  ( ulimit -c unlimited; exec "$PY" -X faulthandler -m pytest -p no:cacheprovider "${args[@]}" ) >"$log" 2>&1 &
  pid=$!
  hang_dumped=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ $hang_dumped = 0 ] && grep -q "^Timeout (" "$log" 2>/dev/null; then
      child=$(pgrep -P "$pid" -n || echo "$pid")
      native_stacks "-p $child" "$PY" "$out/run-$k.native-hang.txt"
      hang_dumped=1
    fi
    sleep 2
  done
  wait "$pid"
  rc=$?
  if [ -f core ]; then  # (kernel.core_pattern "core": the crashed process's folder, the repository)
    native_stacks core "$PY" "$out/run-$k.native-crash.txt"
    mv core "$out/run-$k.core"
  fi
  secs=$(( $(date +%s) - start ))
  summary=$(tail -n 1 "$log")
  if [ $rc = 0 ]; then passed=$((passed + 1)); verdict=passed; else failed=$((failed + 1)); verdict="FAILED (exit $rc)"; fi
  echo "run $k/$rounds: $verdict in ${secs}s: $summary"
done
echo "stress: $passed of $rounds runs passed (hog: $hog processes; logs in $out)"
[ $failed = 0 ]
