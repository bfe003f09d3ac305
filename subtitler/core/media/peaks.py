"""Waveform peaks: min/max per 5 ms of 16 kHz mono audio, computed with numpy in blocks (3 h of
audio never sits in memory at once), a pyramid of coarser levels for zoomed-out views, and an
on-disk cache keyed by the media file's content.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import numpy as np

from ..foundation.errors import MediaError, Reason
from .ffmpeg import SAMPLE_RATE
from ..foundation.progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress

BIN = 80  # samples per base peak: 5 ms at 16 kHz
LEVEL_FACTOR = 4
CACHE_VERSION = 1
_BLOCK = BIN * 65536  # samples read per step (~10 MB of int16)


@dataclass
class Peaks:
    """``mins``/``maxs`` (int16) per ``BIN`` samples; ``levels[k]`` holds the same, 4**k coarser."""

    mins: np.ndarray
    maxs: np.ndarray
    samples: int  # audio length in samples
    levels: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.levels:
            self.levels = [(self.mins, self.maxs)]
            mins, maxs = self.mins, self.maxs
            while len(mins) > 2048:
                n = len(mins) // LEVEL_FACTOR * LEVEL_FACTOR
                tail_min = mins[n:].min() if n < len(mins) else None
                tail_max = maxs[n:].max() if n < len(maxs) else None
                mins2 = mins[:n].reshape(-1, LEVEL_FACTOR).min(axis=1)
                maxs2 = maxs[:n].reshape(-1, LEVEL_FACTOR).max(axis=1)
                if tail_min is not None and tail_max is not None:
                    mins2 = np.append(mins2, tail_min)
                    maxs2 = np.append(maxs2, tail_max)
                mins, maxs = mins2, maxs2
                self.levels.append((mins, maxs))

    @property
    def duration_ms(self) -> int:
        return self.samples * 1000 // SAMPLE_RATE

    @property
    def bin_ms(self) -> float:
        return BIN * 1000 / SAMPLE_RATE

    def envelope(self, start_ms: float, ms_per_px: float, width: int) -> tuple[np.ndarray, np.ndarray]:
        """Min and max (as float in -1..1) for ``width`` pixel columns starting at ``start_ms``.
        Only the visible range is touched, so the cost does not grow with the media length."""
        if width <= 0 or not len(self.mins):
            return np.zeros(0, np.float32), np.zeros(0, np.float32)
        level = 0
        while level + 1 < len(self.levels) and self.bin_ms * LEVEL_FACTOR ** (level + 1) <= ms_per_px:
            level += 1
        mins, maxs = self.levels[level]
        bin_ms = self.bin_ms * LEVEL_FACTOR ** level
        edges = (start_ms + np.arange(width + 1) * ms_per_px) / bin_ms
        idx = np.clip(np.floor(edges).astype(np.int64), 0, len(mins))
        lo, hi = idx[:-1], np.maximum(idx[1:], idx[:-1] + 1)
        valid = lo < len(mins)
        out_min = np.zeros(width, np.float32)
        out_max = np.zeros(width, np.float32)
        if valid.any():
            lo_v = lo[valid]
            hi_v = np.minimum(hi[valid], len(mins))
            if np.all(hi_v - lo_v == 1):
                out_min[valid] = mins[lo_v]
                out_max[valid] = maxs[lo_v]
            else:
                first, last = int(lo_v[0]), int(hi_v[-1])
                seg_min, seg_max = mins[first:last], maxs[first:last]
                starts = lo_v - first
                out_min[valid] = np.minimum.reduceat(seg_min, starts)
                out_max[valid] = np.maximum.reduceat(seg_max, starts)
        return out_min / 32768.0, out_max / 32768.0


def compute_peaks(pcm: np.ndarray) -> Peaks:
    """Peaks of 16 kHz mono int16 samples already in memory."""
    pcm = np.asarray(pcm, dtype=np.int16)
    n = len(pcm) // BIN * BIN
    body = pcm[:n].reshape(-1, BIN)
    mins, maxs = body.min(axis=1), body.max(axis=1)
    if n < len(pcm):
        mins = np.append(mins, pcm[n:].min())
        maxs = np.append(maxs, pcm[n:].max())
    return Peaks(mins.astype(np.int16), maxs.astype(np.int16), len(pcm))


def compute_peaks_wav(path: Path | str, *, on_progress: ProgressCallback = no_progress,
                      cancel: Optional[CancelToken] = None) -> Peaks:
    """Peaks of a 16 kHz mono 16-bit WAV, read in blocks (memory stays small for hours of audio)."""
    cancel = ensure_token(cancel)
    try:
        w = wave.open(str(path), "rb")
    except (OSError, wave.Error, EOFError) as exc:
        raise MediaError(Reason("media.waveform_unreadable", name=Path(path).name, detail=str(exc))) from None
    with w:
        if w.getframerate() != SAMPLE_RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise MediaError(Reason("media.not_16k_wav", name=Path(path).name))
        total = w.getnframes()
        n_bins = -(-total // BIN)
        mins = np.empty(n_bins, np.int16)
        maxs = np.empty(n_bins, np.int16)
        done, k = 0, 0
        while done < total:
            cancel.check()
            raw = w.readframes(min(_BLOCK, total - done))
            if not raw:
                break
            block = np.frombuffer(raw, dtype=np.int16)
            m = len(block) // BIN * BIN
            if m:
                body = block[:m].reshape(-1, BIN)
                cnt = m // BIN
                mins[k:k + cnt] = body.min(axis=1)
                maxs[k:k + cnt] = body.max(axis=1)
                k += cnt
            if m < len(block):  # only the last block can be ragged
                mins[k] = block[m:].min()
                maxs[k] = block[m:].max()
                k += 1
            done += len(block)
            on_progress(Progress("peaks", done / max(1, total), "drawing the waveform"))
    return Peaks(mins[:k], maxs[:k], done)


# -- cache -----------------------------------------------------------------------------------
def media_key(path: Path | str) -> str:
    """A key for the media *content*: size plus samples of the bytes at 17 places (fast on big files;
    a renamed or moved file keeps its key, an edited one gets a new key)."""
    path = Path(path)
    h = hashlib.blake2b(digest_size=16)
    try:
        size = path.stat().st_size
        h.update(str(size).encode())
        with path.open("rb") as f:
            for k in range(17):
                f.seek(size * k // 17)
                h.update(f.read(65536))
            f.seek(max(0, size - 65536))
            h.update(f.read(65536))
    except OSError as exc:
        raise MediaError(Reason("media.cannot_read", name=path.name, detail=exc.strerror or str(exc))) from None
    return h.hexdigest()


def cache_folder() -> Path:
    from ..foundation.paths import cache_dir

    return cache_dir("peaks")


def cache_path(key: str, folder: Optional[Path] = None) -> Path:
    return (folder or cache_folder()) / f"{key}.v{CACHE_VERSION}.npy"


def save_peaks(peaks: Peaks, path: Path) -> None:
    """Atomic write of the base level (the pyramid is rebuilt on load in milliseconds)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            header = np.array([peaks.samples, len(peaks.mins)], dtype=np.int64)
            np.save(f, header)
            np.save(f, np.stack([peaks.mins, peaks.maxs]))
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_peaks(path: Path) -> Optional[Peaks]:
    try:
        with path.open("rb") as f:
            header = np.load(f)
            data = np.load(f)
    except (OSError, ValueError, EOFError):
        return None
    if data.ndim != 2 or data.shape[0] != 2 or data.shape[1] != int(header[1]):
        return None
    return Peaks(np.ascontiguousarray(data[0]), np.ascontiguousarray(data[1]), int(header[0]))


def peaks_for_media(media: Path | str, *, work_dir: Optional[Path] = None, folder: Optional[Path] = None,
                    on_progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None,
                    keep_wav: Optional[Path] = None) -> Peaks:
    """Cached peaks for a media file; on a miss, extract 16 kHz audio with ffmpeg and compute them.
    ``keep_wav``: where to leave the extracted WAV (else it is deleted)."""
    from .ffmpeg import extract_audio

    key = media_key(media)
    target = cache_path(key, folder)
    cached = load_peaks(target)
    if cached is not None:
        return cached
    with tempfile.TemporaryDirectory(prefix="subtitler-peaks-", dir=work_dir) as tmp:
        wav = Path(keep_wav) if keep_wav else Path(tmp) / "audio.wav"
        if not wav.exists():
            extract_audio(media, wav, on_progress=on_progress, cancel=cancel)
        peaks = compute_peaks_wav(wav, on_progress=on_progress, cancel=cancel)
    try:
        save_peaks(peaks, target)
    except OSError:
        pass  # no cache is not an error
    return peaks
