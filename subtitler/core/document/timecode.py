"""Time codes typed and shown by the editor and accepted by the CLI: integer ms <-> text."""

from __future__ import annotations

import re
from typing import Optional

from ..foundation.errors import Reason, UsageError

_TC = re.compile(r"^\s*(?:(?:(\d+):)?(\d+):)?(\d+(?:[.,]\d*)?)\s*$")
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


def parse_time(text: str, current: Optional[int] = None) -> int:
    """``00:01:02,345``, ``1:02.345``, ``62.345`` (seconds) or relative ``+0.5`` / ``-0.25``
    (seconds, added to ``current``). Returns integer ms."""
    t = text.strip()
    if not t:
        raise UsageError(Reason("time.empty", hint=HINT))
    if t[0] in "+-" and len(t) > 1:
        if current is None:
            raise UsageError(Reason("time.relative"))
        sign = -1 if t[0] == "-" else 1
        return current + sign * parse_time(t[1:])
    m = _TC.match(t)
    if not m:
        raise UsageError(Reason("time.invalid", text=text, hint=HINT))
    h, mi, s = m.group(1), m.group(2), m.group(3)
    secs = float(s.replace(",", "."))
    if (mi is not None and secs >= 60) or (h is not None and int(mi) >= 60):
        raise UsageError(Reason("time.over_60", text=text))
    return int((int(h or 0) * 3600 + int(mi or 0) * 60) * 1000 + round(secs * 1000))


def parse_offset(text: str) -> int:
    """A signed offset: ``+1.5``, ``-0.25``, ``-00:00:01,500`` (ms)."""
    t = text.strip()
    sign = -1 if t.startswith("-") else 1
    return sign * parse_time(t.lstrip("+-"))
