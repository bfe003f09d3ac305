"""The video's frame grid: where each frame starts, in integer milliseconds.

Convention (tested in tests/test_frames.py):

* Frame ``k`` is shown from its presentation time ``t_k`` until ``t_{k+1}``. In milliseconds its
  start is ``ms(k) = floor(t_k * 1000)`` — the last whole millisecond not after the frame appears.
  A cue whose start is ``ms(k)`` is therefore shown on frame ``k`` and not on ``k - 1``; a cue whose
  end is ``ms(k)`` is last shown on frame ``k - 1`` (ends are exclusive, as in every player).
* :meth:`FrameGrid.snap` moves a time to the nearest frame start (a tie goes to the earlier frame);
  :meth:`FrameGrid.index_at` is the frame shown at a time (the last start at or before it).
* Constant frame rates are kept exact (24000/1001, 25, 30000/1001, 60...). A variable-frame-rate
  video keeps the real timestamp of every frame (read by demuxing, see ``media.video_frame_times``).

Frame counts in rules are given at 24 fps and scaled to the video's rate with :meth:`frames`.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Optional, Sequence

from ..foundation.errors import MediaError, Reason
from ..foundation.progress import CancelToken

STANDARD_RATES = tuple(Fraction(r) for r in (
    Fraction(24000, 1001), 24, 25, Fraction(30000, 1001), 30, Fraction(48000, 1001), 48, 50,
    Fraction(60000, 1001), 60, 15, Fraction(25, 2), 100, Fraction(120000, 1001), 120, 10, 20))
_CFR_JITTER_MS = 1.5  # containers with millisecond timestamps (mkv) round every frame by up to 1 ms


@dataclass(frozen=True)
class FrameGrid:
    rate: Fraction  # frames per second: exact for constant rate, the average for variable rate
    origin_ms: int = 0  # start of frame 0
    starts_ms: tuple[int, ...] = field(default=(), repr=False)  # variable rate: the start of every frame

    # -- construction ------------------------------------------------------------------------
    @classmethod
    def constant(cls, rate: float | Fraction | str, origin_ms: int = 0) -> "FrameGrid":
        r = parse_rate(rate)
        return cls(r, int(origin_ms))

    @classmethod
    def from_timestamps(cls, timebase: Fraction, pts: Sequence[int]) -> "FrameGrid":
        """A grid from the (sorted) presentation timestamps of every frame: constant when the
        intervals are even (within a millisecond of container rounding), else variable."""
        pts = sorted({int(p) for p in pts})
        if not pts:
            raise MediaError(Reason("frames.none"))
        starts = [p * 1000 * timebase.numerator // timebase.denominator for p in pts]
        origin = starts[0]
        if len(pts) < 2:
            return cls(Fraction(25), origin)
        span = Fraction(pts[-1] - pts[0]) * timebase
        avg = Fraction(len(pts) - 1) / span
        steps = [(b - a) * timebase * 1000 for a, b in zip(pts, pts[1:])]
        even = float(max(steps) - min(steps)) <= _CFR_JITTER_MS
        rate = _standard_rate(avg) if even else None
        if rate is not None:
            return cls(rate, origin)
        if even:
            return cls(avg.limit_denominator(1001), origin)
        return cls(avg.limit_denominator(1001), origin, tuple(starts))

    # -- queries -----------------------------------------------------------------------------
    @property
    def variable(self) -> bool:
        return bool(self.starts_ms)

    @property
    def fps(self) -> float:
        return float(self.rate)

    @property
    def frame_ms(self) -> float:
        """Length of one frame (the average for a variable rate)."""
        return 1000 / float(self.rate)

    def ms(self, k: int) -> int:
        """Start of frame ``k`` in ms (frames past the last continue at the average rate)."""
        k = int(k)
        if self.starts_ms:
            n = len(self.starts_ms)
            if 0 <= k < n:
                return self.starts_ms[k]
            base, j = (self.starts_ms[0], k) if k < 0 else (self.starts_ms[-1], k - n + 1)
            return base + math.floor(j * 1000 / self.rate)
        return self.origin_ms + (k * 1000 * self.rate.denominator) // self.rate.numerator

    def index_at(self, t_ms: int) -> int:
        """The frame shown at ``t_ms``: the last frame starting at or before it (0 before the first)."""
        if self.starts_ms and self.starts_ms[0] <= t_ms <= self.starts_ms[-1]:
            return bisect_right(self.starts_ms, t_ms) - 1
        k = self._estimate(t_ms)
        while k > 0 and self.ms(k) > t_ms:
            k -= 1
        while self.ms(k + 1) <= t_ms:
            k += 1
        return max(0, k)

    def nearest(self, t_ms: int) -> int:
        """Index of the frame start nearest to ``t_ms`` (a tie goes to the earlier frame)."""
        k = self.index_at(t_ms)
        if self.ms(k) >= t_ms:
            return k
        return k + 1 if self.ms(k + 1) - t_ms < t_ms - self.ms(k) else k

    def snap(self, t_ms: int) -> int:
        return self.ms(self.nearest(t_ms))

    def frames(self, count_at_24: int) -> int:
        """A frame count given at 24 fps scaled to this rate, to the nearest frame (halves down):
        12 stays 12 at 23.976/24/25 fps and becomes 15 at 29.97/30 and 30 at 60."""
        x = Fraction(count_at_24) * self.rate / 24
        return max(0 if count_at_24 == 0 else 1, math.ceil(x - Fraction(1, 2)))

    def describe(self) -> str:
        if self.variable:
            return f"variable frame rate (average {float(self.rate):.3f} fps, {len(self.starts_ms)} frames)"
        return f"{format_rate(self.rate)} fps"

    def _estimate(self, t_ms: int) -> int:
        return max(0, math.floor((t_ms - self.origin_ms) * self.rate / 1000))

    # -- persistence (shot-change cache) -----------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"rate": f"{self.rate.numerator}/{self.rate.denominator}", "origin_ms": self.origin_ms}
        if self.starts_ms:
            d["starts_ms"] = list(self.starts_ms)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "FrameGrid":
        return cls(Fraction(d["rate"]), int(d.get("origin_ms", 0)), tuple(int(x) for x in d.get("starts_ms", ())))


def parse_rate(rate: float | Fraction | str) -> Fraction:
    """25, 23.976, "30000/1001", "29.97" → an exact rate (NTSC rates recognised)."""
    try:
        r = Fraction(rate) if not isinstance(rate, float) else Fraction(rate).limit_denominator(100000)
    except (ValueError, ZeroDivisionError):
        raise MediaError(Reason("frames.bad_rate", rate=rate)) from None
    if r <= 0:
        raise MediaError(Reason("frames.bad_rate", rate=rate))
    return _standard_rate(r, tolerance=0.0005) or r


def format_rate(rate: Fraction) -> str:
    return f"{float(rate):.3f}".rstrip("0").rstrip(".")


def _standard_rate(r: Fraction, tolerance: float = 0.002) -> Optional[Fraction]:
    best = min(STANDARD_RATES, key=lambda s: abs(s - r))
    return best if abs(float(best - r)) <= tolerance * float(best) else None


def frame_grid(path: Path | str, *, cancel: Optional[CancelToken] = None) -> FrameGrid:
    """The frame grid of a video file, from its real frame timestamps."""
    from .ffmpeg import video_frame_times

    timebase, pts = video_frame_times(path, cancel=cancel)
    return FrameGrid.from_timestamps(timebase, pts)
