"""The speech map: where people speak in a media file, as regions in absolute ms, and its file on
disk (kept next to the waveform peaks and in the media cache, so a re-run or the editor never
detects speech twice)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from ..foundation.outputs import atomic_write_text


@dataclass(frozen=True)
class Region:
    """A stretch of speech, absolute times in ms."""

    start_ms: int
    end_ms: int

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


def save_regions(regions: Sequence[Region], path: Path) -> None:
    atomic_write_text(path, json.dumps([[r.start_ms, r.end_ms] for r in regions]), overwrite=True)


def load_regions(path: Path) -> Optional[list[Region]]:
    try:
        return [Region(int(a), int(b)) for a, b in json.loads(path.read_text("utf-8"))]
    except (OSError, ValueError, TypeError):
        return None
