"""The pause map: per 10 ms frame of 16 kHz audio, speech or quiet, judged from its level in two
bands (plain and pre-emphasised, so voiceless consonants count as speech) against the piece's own
noise floor; quiet runs of ``MIN_PAUSE_MS`` or more are pauses. Used by the chunker to cut long
speech at its longest pause and by the aligner (timing/align.py) to place words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from ..media.ffmpeg import SAMPLE_RATE
from .regions import Region

FRAME_MS = 10
MIN_PAUSE_MS = 80  # quiet runs shorter than this are closures inside speech


@dataclass
class PauseMap:
    """Per 10 ms frame of a stretch of audio starting at ``start_ms`` (absolute): speech or not."""

    start_ms: int
    speech: np.ndarray  # bool per frame, short quiet runs already counted as speech

    def t(self, frame: int) -> int:
        return self.start_ms + frame * FRAME_MS

    def frame(self, ms: int) -> int:
        return int(min(len(self.speech), max(0, (ms - self.start_ms) // FRAME_MS)))


def _band_db(frames: np.ndarray) -> np.ndarray:
    db: np.ndarray = 10.0 * np.log10(np.mean(frames * frames, axis=1) + 1e-3)
    return db


def pause_map(samples: np.ndarray, start_ms: int = 0, regions: Optional[Sequence[Region]] = None) -> PauseMap:
    """The pause map of 16 kHz mono int16 ``samples`` whose first sample is at ``start_ms``."""
    hop = SAMPLE_RATE * FRAME_MS // 1000
    n = len(samples) // hop
    if n == 0:
        return PauseMap(start_ms, np.zeros(0, dtype=bool))
    x = samples[: n * hop].astype(np.float32)
    plain = _band_db(x.reshape(n, hop))
    hp = np.empty_like(x)
    hp[0] = 0.0
    hp[1:] = x[1:] - 0.95 * x[:-1]
    high = _band_db(hp.reshape(n, hop))
    loud = np.zeros(n, dtype=bool)
    for db in (plain, high):
        floor, top = np.percentile(db, 3), np.percentile(db, 97)
        margin = float(np.clip(0.25 * (top - floor), 5.0, 12.0))
        loud |= db > floor + margin
    if regions is not None:
        inside = np.zeros(n, dtype=bool)
        for r in regions:
            a, b = (r.start_ms - start_ms) // FRAME_MS, -(-(r.end_ms - start_ms) // FRAME_MS)
            inside[max(0, a): max(0, min(n, b))] = True
        loud &= inside
    # quiet runs shorter than a pause are closures inside speech
    speech = loud.copy()
    min_run = MIN_PAUSE_MS // FRAME_MS
    for a, b in mask_runs(~loud):
        if b - a < min_run and a > 0 and b < n:
            speech[a:b] = True
    # isolated blips of "speech" (clicks, breaths) shorter than 30 ms are quiet
    for a, b in mask_runs(speech):
        if b - a < 3:
            speech[a:b] = False
    return PauseMap(start_ms, speech)


def longest_pause(samples: np.ndarray, start_ms: int = 0) -> Optional[tuple[int, int]]:
    """(start, end) absolute ms of the longest pause inside ``samples`` (none at its edges)."""
    pm = pause_map(samples, start_ms)
    runs = [(b - a, a, b) for a, b in mask_runs(~pm.speech) if a > 0 and b < len(pm.speech)]
    if not runs:
        return None
    _, a, b = max(runs)
    return pm.t(a), pm.t(b)


def mask_runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) frame runs where ``mask`` is True."""
    if not len(mask):
        return []
    d = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist()))
