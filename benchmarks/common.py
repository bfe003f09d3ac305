"""Helpers shared by the benchmarks: a data folder, a median timer and a synthetic test video."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path
from typing import Callable

DATA = Path(__file__).resolve().parent / ".data"


def data_dir() -> Path:
    DATA.mkdir(exist_ok=True)
    return DATA


def synthetic_video(name: str, seconds: int, *, pattern: str = "testsrc", crf: int = 30,
               extra: tuple[str, ...] = ()) -> Path:
    """A 640x360 25 fps H.264 video with a 440 Hz AAC tone, made once with lavfi and kept in the
    data folder (written to a temporary name first, so an interrupted run leaves no half file)."""
    from subtitler.core.media.ffmpeg import find_ffmpeg

    path = data_dir() / name
    if not path.exists():
        tmp = path.with_suffix(".tmp.mp4")
        subprocess.run([find_ffmpeg(), "-v", "error", "-y",
                        "-f", "lavfi", "-i", f"{pattern}=s=640x360:r=25:d={seconds}",
                        "-f", "lavfi", "-i", f"sine=f=440:r=48000:d={seconds},volume=0.3",
                        "-c:v", "libx264", "-preset", "ultrafast", "-crf", str(crf), "-pix_fmt", "yuv420p",
                        "-c:a", "aac", "-b:a", "128k", *extra, str(tmp)], check=True)
        tmp.rename(path)
    return path


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
