"""Run benchmarks: `python benchmarks/run.py [NAME...]` prints one JSON object per line.

Each benchmark lives in `benchmarks/bench_<name>.py` and exposes `run() -> list[dict]`. Speed is
reported as a ratio against the bare tool measured on the same machine in the same run.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def available() -> list[str]:
    return sorted(p.stem[len("bench_"):] for p in HERE.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available())}", file=sys.stderr)
        return 2
    for name in names:
        t0 = time.perf_counter()
        module = importlib.import_module(f"bench_{name}")
        for row in module.run():
            row.setdefault("name", name)
            row.setdefault("bench_wall_s", round(time.perf_counter() - t0, 2))
            print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
