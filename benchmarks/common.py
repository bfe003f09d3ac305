"""Helpers shared by the benchmarks: a data folder and a median timer."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Callable

DATA = Path(__file__).resolve().parent / ".data"


def data_dir() -> Path:
    DATA.mkdir(exist_ok=True)
    return DATA


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def median_pair(ours: Callable[[], object], bare: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall times of ``ours`` and ``bare``, interleaved so machine noise hits both alike."""
    a, b = [], []
    for _ in range(runs):
        b.append(timed(bare))
        a.append(timed(ours))
    return statistics.median(a), statistics.median(b)
