"""Picture-aware timing in the transcription pipeline: for media with video, shot changes are
found in the background right after audio extraction (beside speech detection and recognition,
at low CPU priority), and at the end Beautify puts the cues on the frame grid and around the cuts.

A video whose cuts cannot be found still gets its subtitles: the reason becomes a note and the
cues keep their speech timing on the frame grid.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from .beautify import BeautifyResult, beautify, get_preset
from ..document.model import Document
from ..document.cues import Cue
from ..foundation.errors import Cancelled, Reason, SubtitlerError
from ..media.frames import FrameGrid
from ..media.ffmpeg import MediaInfo
from ..foundation.progress import CancelToken, Progress, ProgressCallback, no_progress
from .rules import Profile
from ..media.shots import DEFAULT_SENSITIVITY, BackgroundShots, ShotChanges, cached_frame_grid, load_shot_list


@dataclass
class ProTimingOptions:
    enabled: bool = True  # Beautify on video (frame grid, chaining; shot rules when cuts are known)
    shot_changes: bool = True  # find cuts (off: frames and chaining only)
    sensitivity: float = DEFAULT_SENSITIVITY
    preset: Optional[str] = None  # netflix (default) | sdi | a .json file
    shot_list: Optional[Path] = None  # use these cuts (a plain list of times) instead of detecting


@dataclass
class ProTimingResult:
    beautify: Optional[BeautifyResult]
    shots: Optional[ShotChanges]
    grid: Optional[FrameGrid]
    notes: list[str]
    waited_s: float = 0.0  # how long the job waited for detection after recognition


class ProTiming:
    """Use as a context manager around a job: background work is cancelled when the job ends."""

    def __init__(self, options: Optional[ProTimingOptions], cancel: CancelToken) -> None:
        self.options = options or ProTimingOptions()
        self.cancel = cancel
        self.path: Optional[Path] = None
        self.info: Optional[MediaInfo] = None
        self.bg: Optional[BackgroundShots] = None
        self._latest: Optional[Progress] = None
        if self.options.preset:
            get_preset(self.options.preset)  # a bad preset is a usage error before any work

    def __enter__(self) -> "ProTiming":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bg is not None:
            self.bg.cancel()

    def start(self, path: Path, info: MediaInfo) -> None:
        """Called right after audio extraction."""
        self.path, self.info = Path(path), info
        o = self.options
        if o.enabled and info.has_video and o.shot_changes and o.shot_list is None:
            self.bg = BackgroundShots(path, sensitivity=o.sensitivity, duration_ms=info.duration_ms,
                                      on_progress=self._remember, cancel=self.cancel).start()

    def _remember(self, p: Progress) -> None:
        self._latest = p

    def finish(self, cues: Sequence[Cue], profile: Profile, on_progress: ProgressCallback = no_progress
               ) -> ProTimingResult:
        """Beautify ``cues`` (waiting for the background detection if it is still running)."""
        o = self.options
        notes: list[str] = []
        if not (o.enabled and self.info is not None and self.info.has_video and self.path is not None):
            return ProTimingResult(None, None, None, notes)
        t0 = time.perf_counter()
        shots: Optional[ShotChanges] = None
        if self.bg is not None:
            while self.bg.result(timeout=0.25) is None and self.bg.error is None and not self.bg.done:
                self.cancel.check()
                if self._latest is not None:  # reported as part of timing (the queue knows that stage)
                    frac = self._latest.fraction
                    on_progress(Progress("timing", 0.9 * frac, f"finding shot changes {int(frac * 100)}%"))
            self.cancel.check()
            shots = self.bg.shots
            if self.bg.error is not None:
                notes.append(f"shot changes not used: {self.bg.error}")
        waited = time.perf_counter() - t0
        try:
            grid = shots.grid if shots is not None and shots.grid is not None else cached_frame_grid(
                self.path, cancel=self.cancel)
            if o.shot_list is not None:
                shots = load_shot_list(o.shot_list, grid=grid)
        except Cancelled:
            raise
        except SubtitlerError as exc:
            notes.append(f"frame-accurate timing not applied: {exc}")
            return ProTimingResult(None, shots, None, notes, waited)
        on_progress(Progress("timing", 0.9, "beautifying timing"))
        result = beautify(cues, grid, shots.times_ms if shots else (), preset=o.preset, profile=profile)
        return ProTimingResult(result, shots, grid, notes, waited)


# -- for the editor: Beautify a document (all cues or a selection) -----------------------------
def document_timing(doc: Document, cancel: Optional[CancelToken] = None) -> tuple[Optional[FrameGrid], list[int]]:
    """The frame grid (from the media file, cached; else the rate the document kept) and the shot
    changes the document keeps (``meta["shot_changes_ms"]``, set by the pipeline or an import)."""
    grid = None
    if doc.media_path and Path(doc.media_path).is_file():
        try:
            grid = cached_frame_grid(doc.media_path, cancel=cancel)
        except SubtitlerError:
            grid = None
    if grid is None and doc.meta.get("frame_rate"):
        grid = FrameGrid.constant(str(doc.meta["frame_rate"]))
    return grid, document_cuts(doc)


def document_cuts(doc: Document) -> list[int]:
    """The shot changes the document keeps, sorted (ms)."""
    return sorted(int(t) for t in doc.meta.get("shot_changes_ms", ()))


def plan_beautify(doc: Document, indices: Optional[Sequence[int]] = None, *, preset: Optional[str] = None,
                  profile: Optional[Profile] = None, grid: Optional[FrameGrid] = None) -> BeautifyResult:
    """Beautify for ``doc`` (its selection when ``indices`` is given), not yet applied: show
    ``result.changes`` with their reasons, then ``result.apply_to(doc)`` is one undo step.
    ``grid``: the frame grid when the caller has it already (else read from the media, cached)."""
    from .rules import get_profile

    if grid is None:
        grid, cuts = document_timing(doc)
    else:
        cuts = document_cuts(doc)
    if grid is None:
        raise SubtitlerError(Reason("beautify.needs_video"))
    profile = profile or get_profile(doc.profile or None, " ".join(c.text for c in doc.cues[:20]))
    result = beautify(doc.cues, grid, cuts, preset=preset, profile=profile)
    return result if indices is None else result.only(indices)
