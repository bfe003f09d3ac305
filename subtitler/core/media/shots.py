"""Shot changes (cuts) of a video: detected with ffmpeg's ``scdet`` filter through the one ffmpeg
wrapper, cached per media file, importable and exportable as a plain list of times, and runnable
in the background (after audio extraction, beside recognition) with progress and cancel.

A shot change is the start of the first frame of the new shot, on the video's frame grid
(:mod:`frames`). Sensitivity runs 0..100 (default 50 = ffmpeg's own threshold of 10); higher finds
more, softer cuts: ``threshold = 10 * 2 ** ((50 - sensitivity) / 25)``.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from ..foundation.errors import (Cancelled, MediaError, Reason, SubtitleFormatError, SubtitlerError, UsageError,
                                 reason_of)
from ..foundation.timecode import format_duration, format_ms, parse_time
from .frames import FrameGrid, frame_grid
from ..foundation.progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress

DEFAULT_SENSITIVITY = 50.0
CACHE_VERSION = 1

_SCORE = re.compile(r"lavfi\.scd\.score: ([\d.]+), lavfi\.scd\.time: (-?[\d.]+)")
_FRAME = re.compile(r"frame:(\d+)\s+pts:(-?\d+)\s+pts_time:(-?[\d.]+)")


def sensitivity_to_threshold(sensitivity: float) -> float:
    """0..100 → scdet threshold (score 0..100 of the change between two frames)."""
    s = float(sensitivity)
    if not 0 <= s <= 100:
        raise UsageError(Reason("shots.sensitivity", value=f"{sensitivity:g}"))
    return 10 * 2 ** ((DEFAULT_SENSITIVITY - s) / 25)


@dataclass
class ShotChanges:
    """Cut times (ms, ascending, on ``grid``) with the score of each, found at ``threshold``."""

    times_ms: list[int]
    grid: Optional[FrameGrid] = None
    scores: list[float] = field(default_factory=list)
    threshold: float = 0.0
    source: str = "detected"  # "detected" | "cached" | "imported"

    def frames(self) -> list[int]:
        """Frame index of each cut (needs the grid)."""
        assert self.grid is not None
        return [self.grid.nearest(t) for t in self.times_ms]

    def at_threshold(self, threshold: float) -> "ShotChanges":
        """Only the cuts that score at least ``threshold`` (a stricter setting than the one run)."""
        keep = [(t, s) for t, s in zip(self.times_ms, self.scores) if s >= threshold]
        return ShotChanges([t for t, _ in keep], self.grid, [s for _, s in keep], threshold, self.source)


# -- detection -------------------------------------------------------------------------------
def detection_args(threshold: float) -> list[str]:
    """ffmpeg output arguments: the first video stream through ``scdet`` (cuts logged with their
    frame number by ``metadata``) into a null output; audio, subtitles and data are not read."""
    return ["-map", "0:v:0", "-an", "-sn", "-dn",
            "-vf", f"scdet=threshold={threshold:.4g},metadata=mode=print:key=lavfi.scd.time",
            "-f", "null", "-"]


def parse_detection_log(text: str, grid: Optional[FrameGrid]) -> tuple[list[int], list[float]]:
    """(cut times in ms, scores) from ffmpeg's log of a :func:`detection_args` run. A cut's time is
    the start of its frame on the grid (from the frame's timestamp: frame numbers restart when
    ffmpeg rebuilds the filters); without a grid, ffmpeg's time in ms. Cuts at
    most 2 frames apart are one cut (the stronger frame): scdet may score the frame after a cut too."""
    scores = [(float(s), float(t)) for s, t in _SCORE.findall(text)]
    stamps = [float(t) for _, _, t in _FRAME.findall(text)]  # the frame's own time, printed in full
    times: list[int] = []
    for k, (_score, t) in enumerate(scores):
        ms = round((stamps[k] if k < len(stamps) else t) * 1000)
        times.append(grid.snap(ms) if grid is not None else ms)
    kept: list[tuple[int, float]] = []
    close = 2 * (grid.frame_ms if grid is not None else 40) + 1
    for t, s in sorted(set(zip(times, (s for s, _ in scores)))):
        if kept and t - kept[-1][0] <= close:  # one cut seen on two frames in a row: keep the stronger
            if s > kept[-1][1]:
                kept[-1] = (t, s)
            continue
        kept.append((t, s))
    return [t for t, _ in kept], [s for _, s in kept]


def detect_shot_changes(path: Path | str, *, sensitivity: float = DEFAULT_SENSITIVITY,
                        grid: Optional[FrameGrid] = None, duration_ms: int = 0,
                        on_progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None,
                        background: bool = False) -> ShotChanges:
    """Run ffmpeg's scene-change detector over the first video stream (one decoding pass)."""
    from .ffmpeg import probe, run_filter_pass

    path = Path(path)
    cancel = ensure_token(cancel)
    threshold = sensitivity_to_threshold(sensitivity)
    if not duration_ms:
        duration_ms = probe(path).duration_ms
    demux = None
    if grid is None:  # read the frame timestamps (demuxing only) while the decoder runs
        box: list[FrameGrid | SubtitlerError] = []

        def read_grid() -> None:
            try:
                box.append(frame_grid(path, cancel=cancel))
            except SubtitlerError as exc:
                box.append(exc)

        demux = threading.Thread(target=read_grid, name="frame-grid", daemon=True)
        demux.start()
    try:
        # -reinit_filter 0: where the stream's parameters change (joined clips) the detector keeps
        # its previous frame, so that join is compared (and found) like any other cut
        log = run_filter_pass(path, detection_args(threshold), duration_ms=duration_ms, stage="shots",
                              message=Reason("shots.finding"), on_progress=on_progress, cancel=cancel,
                              background=background, input_args=("-reinit_filter", "0"))
    except MediaError:
        if demux is not None:
            demux.join()
            if box and isinstance(box[0], MediaError):
                raise box[0] from None  # the clearer reason: e.g. "the file has no video track"
        raise
    finally:
        if demux is not None:
            demux.join()
    if demux is not None:
        if isinstance(box[0], SubtitlerError):
            raise box[0]
        grid = box[0]
    times, scores = parse_detection_log(log, grid)
    return ShotChanges(times, grid, scores, threshold)


# -- cache -----------------------------------------------------------------------------------
def cache_file(path: Path | str, folder: Optional[Path] = None) -> Path:
    from .peaks import media_key
    from ..foundation.paths import cache_dir

    return (folder or cache_dir("shots")) / f"{media_key(path)}.v{CACHE_VERSION}.json"


def _load_cache(file: Path) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_cache(file: Path, data: dict[str, Any]) -> None:
    from ..foundation.outputs import atomic_write_text

    try:
        atomic_write_text(file, json.dumps(data), overwrite=True)
    except SubtitlerError:
        pass  # no cache is not an error


def cached_frame_grid(path: Path | str, *, folder: Optional[Path] = None,
                      cancel: Optional[CancelToken] = None) -> FrameGrid:
    """The video's frame grid, from the cache or by demuxing (and then cached)."""
    file = cache_file(path, folder)
    data = _load_cache(file)
    if "grid" in data:
        try:
            return FrameGrid.from_dict(data["grid"])
        except (KeyError, ValueError, TypeError, ZeroDivisionError):
            pass
    grid = frame_grid(path, cancel=cancel)
    data["grid"] = grid.to_dict()
    _save_cache(file, data)
    return grid


def shot_changes_for(path: Path | str, *, sensitivity: float = DEFAULT_SENSITIVITY, folder: Optional[Path] = None,
                     duration_ms: int = 0, on_progress: ProgressCallback = no_progress,
                     cancel: Optional[CancelToken] = None, background: bool = False) -> ShotChanges:
    """Shot changes of a media file, cached by the file's content: a run at a threshold serves
    every stricter (less sensitive) request too; a more sensitive one runs the detector again."""
    threshold = sensitivity_to_threshold(sensitivity)
    file = cache_file(path, folder)
    data = _load_cache(file)
    det = data.get("detection")
    if isinstance(det, dict) and float(det.get("threshold", 1e9)) <= threshold + 1e-9 and "grid" in data:
        grid = cached_frame_grid(path, folder=folder, cancel=cancel)
        cached = ShotChanges([int(t) for t in det["times_ms"]], grid, [float(s) for s in det["scores"]],
                             float(det["threshold"]), "cached")
        on_progress(Progress("shots", 1.0, "shot changes (cached)"))
        return cached.at_threshold(threshold)
    known = cached_frame_grid(path, folder=folder, cancel=cancel) if "grid" in data else None
    shots = detect_shot_changes(path, sensitivity=sensitivity, grid=known, duration_ms=duration_ms,
                                on_progress=on_progress, cancel=cancel, background=background)
    assert shots.grid is not None
    data = _load_cache(file)
    data["grid"] = shots.grid.to_dict()
    data["detection"] = {"threshold": shots.threshold, "times_ms": shots.times_ms, "scores": shots.scores}
    _save_cache(file, data)
    return shots


class BackgroundShots:
    """Shot-change detection on a thread (at low CPU priority), started as soon as the audio is
    extracted so it never delays recognition; :meth:`result` waits for it. Errors are kept, not
    raised into the job: a video whose cuts cannot be found still gets its subtitles."""

    def __init__(self, path: Path | str, *, sensitivity: float = DEFAULT_SENSITIVITY, duration_ms: int = 0,
                 folder: Optional[Path] = None, on_progress: ProgressCallback = no_progress,
                 cancel: Optional[CancelToken] = None, low_priority: bool = True) -> None:
        self.path = Path(path)
        self.cancel_token = CancelToken()
        self._outer = cancel
        self.shots: Optional[ShotChanges] = None
        self.error: Optional[SubtitlerError] = None
        self._detect = functools.partial(shot_changes_for, self.path, sensitivity=sensitivity,
                                         duration_ms=duration_ms, folder=folder, on_progress=on_progress,
                                         background=low_priority)
        self._thread = threading.Thread(target=self._run, name="shot-changes", daemon=True)

    def start(self) -> "BackgroundShots":
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self.shots = self._detect(cancel=self.cancel_token)
        except Cancelled:
            pass
        except SubtitlerError as exc:
            self.error = exc
        except OSError as exc:  # e.g. ffmpeg vanished mid-run
            self.error = MediaError(Reason("shots.failed", name=self.path.name, detail=exc.strerror or str(exc)))

    def cancel(self) -> None:
        self.cancel_token.cancel()

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def result(self, timeout: Optional[float] = None) -> Optional[ShotChanges]:
        """Wait (at most ``timeout`` s) for the detection, which the job's token cancels too; None
        while running, when cancelled or when it failed (see :attr:`error`)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._thread.is_alive():
            if self._outer is not None and self._outer.cancelled:
                self.cancel()
            left = 0.1 if deadline is None else min(0.1, deadline - time.monotonic())
            if left <= 0:
                break
            self._thread.join(left)
        return self.shots


# -- plain list of times ---------------------------------------------------------------------


def format_shot_list(times_ms: Sequence[int], *, timecode: bool = False) -> str:
    """One time a line: seconds with millisecond precision (``83.416``), or ``HH:MM:SS.mmm``."""
    fmt = (lambda t: format_ms(t, ".")) if timecode else format_duration
    return "".join(fmt(int(t)) + "\n" for t in times_ms)


def parse_shot_list(text: str, *, fps: Optional[float] = None, name: str = "shot list") -> list[int]:
    """Times in ms from a list with one time a line: seconds (``83.416``) or a timecode
    (``00:01:23.416``, ``00:01:23,416``; ``00:01:23:10`` is frames and needs ``fps``). Blank lines
    and ``#`` comments are skipped. Returns the sorted distinct times."""
    out: set[int] = set()
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            out.add(_parse_time(line, fps))
        except (ValueError, UsageError) as exc:
            raise SubtitleFormatError(Reason("shots.not_time", name=name, no=no, text=line[:40],
                                             why=reason_of(exc) or str(exc))) from None
    return sorted(out)


def _parse_time(s: str, fps: Optional[float]) -> int:
    if s.startswith("-"):
        raise ValueError(Reason("shots.negative"))
    try:
        return parse_time(s, fps=fps)  # seconds or a timecode (frames with fps)
    except UsageError as exc:
        if exc.reason is not None and exc.reason.code == "time.invalid":
            raise ValueError(Reason("shots.not_number")) from None  # the list's own words: "not a number"
        raise


def save_shot_list(path: Path | str, times_ms: Sequence[int], *, timecode: bool = False,
                   overwrite: bool = False) -> Path:
    from ..foundation.outputs import atomic_write_text

    atomic_write_text(Path(path), format_shot_list(times_ms, timecode=timecode), overwrite=overwrite)
    return Path(path)


def load_shot_list(path: Path | str, *, grid: Optional[FrameGrid] = None) -> ShotChanges:
    """Shot changes from a plain list (snapped to ``grid`` when given)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8-sig")
    except OSError as exc:
        raise SubtitleFormatError(Reason("shots.unreadable", name=path.name, detail=exc.strerror or str(exc))) from None
    times = parse_shot_list(text, fps=grid.fps if grid else None, name=path.name)
    if grid is not None:
        times = sorted({grid.snap(t) for t in times})
    return ShotChanges(times, grid, [100.0] * len(times), 0.0, "imported")
