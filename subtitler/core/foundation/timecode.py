"""The one home of time codes: every time the app shows or reads, integer ms <-> text.

Shown:

- :func:`format_ms` — ``00:01:02,345`` (SubRip, the editor's fields) or ``00:01:02.345``
  (``sep="."``: WebVTT style, the player, Beautify's report, shot lists, the cue list);
- :func:`format_duration` — seconds with milliseconds, ``62.345`` (the editor's duration, shot
  lists in seconds);
- :func:`format_clock` — ``m:ss`` / ``h:mm:ss`` (messages, the queue's lengths and ETA, the
  waveform's ruler), ``m:ss.d`` with ``tenths`` (live preview, fine ruler steps).

Read: :func:`parse_time` (the editor's fields, the CLI, shot lists, ffmpeg's durations) and
:func:`parse_offset` (signed shifts). Every format written here is read back by
:func:`parse_time` (tests/test_timecode.py).
"""

from __future__ import annotations

import re
from typing import Optional

from .errors import Reason, UsageError

_TC = re.compile(r"^\s*(?:(?:(\d+):)?(\d+):)?(\d+(?:[.,]\d*)?)\s*$")
_FRAMES = re.compile(r"^\s*(\d+):(\d{1,2}):(\d{1,2}):(\d{1,3})\s*$")  # HH:MM:SS:FF
HINT = "00:01:02,345, 1:02.345, 62.345 or +0.5"


def format_ms(ms: int, sep: str = ",") -> str:
    """``00:01:02,345`` (SubRip style; ``sep="."`` for WebVTT style)."""
    neg = ms < 0
    ms = abs(int(ms))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, f = divmod(rem, 1000)
    return f"{'-' if neg else ''}{h:02d}:{m:02d}:{s:02d}{sep}{f:03d}"


def format_duration(ms: int) -> str:
    """Seconds with milliseconds: ``2.345``."""
    return f"{ms / 1000:.3f}"


def format_clock(ms: int, *, tenths: bool = False, rounded: bool = False) -> str:
    """``m:ss`` (``h:mm:ss`` from an hour), negative times as 0; ``tenths`` adds ``.d``;
    ``rounded`` rounds to the nearest second (a length, an ETA) instead of cutting (a position)."""
    ms = max(0, int(ms))
    if rounded and not tenths:
        ms = (ms + 500) // 1000 * 1000
    s, d = divmod(ms // 100, 10)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    base = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    return base + (f".{d}" if tenths else "")


def parse_time(text: str, current: Optional[int] = None, *, fps: Optional[float] = None) -> int:
    """``00:01:02,345``, ``1:02.345``, ``62.345`` (seconds) or relative ``+0.5`` / ``-0.25``
    (seconds, added to ``current``); with ``fps``, also ``00:01:02:10`` (frames). Returns integer ms."""
    t = text.strip()
    if not t:
        raise UsageError(Reason("time.empty", hint=HINT))
    if t[0] in "+-" and len(t) > 1:
        if current is None:
            raise UsageError(Reason("time.relative"))
        sign = -1 if t[0] == "-" else 1
        return current + sign * parse_time(t[1:], fps=fps)
    frames = _FRAMES.match(t)
    if frames:
        if not fps:
            raise UsageError(Reason("shots.needs_fps"))
        fh, fm, fs, ff = (int(g) for g in frames.groups())
        if fm >= 60 or fs >= 60:
            raise UsageError(Reason("time.over_60", text=text))
        return (fh * 3600 + fm * 60 + fs) * 1000 + round(ff * 1000 / fps)
    m = _TC.match(t)
    if not m:
        raise UsageError(Reason("time.invalid", text=text, hint=HINT))
    h, mi, sec = m.group(1), m.group(2), m.group(3)
    secs = float(sec.replace(",", "."))
    if (mi is not None and secs >= 60) or (h is not None and int(mi) >= 60):
        raise UsageError(Reason("time.over_60", text=text))
    return int((int(h or 0) * 3600 + int(mi or 0) * 60) * 1000 + round(secs * 1000))


def parse_offset(text: str) -> int:
    """A signed offset: ``+1.5``, ``-0.25``, ``-00:00:01,500`` (ms)."""
    t = text.strip()
    sign = -1 if t.startswith("-") else 1
    return sign * parse_time(t.lstrip("+-"))
