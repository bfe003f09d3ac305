"""Long work off the GUI thread: waveform peaks (extract audio, compute, cache), speech regions
for snapping (cached next to the peaks), and re-transcribing a range."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QThread, Signal

from ...core.app.media_cache import MediaCache
from ...core.media import peaks as peaks_mod
from ...core.foundation.errors import SubtitlerError, failure_kind
from ...core.foundation.progress import CancelToken
from ...core.speech.regions import load_regions, save_regions
from ..reasons import error_text, say


log = logging.getLogger(__name__)


class _Runner(QThread):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(str)

    def __init__(self, fn: Callable[["_Runner"], Any], parent=None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.cancel = CancelToken()

    def run(self) -> None:
        try:
            self.done.emit(self.fn(self))
        except SubtitlerError as exc:
            if not self.cancel.cancelled:
                self.failed.emit(error_text(exc))
        except (OSError, ValueError, RuntimeError) as exc:  # unexpected, but never crash the editor
            if not self.cancel.cancelled:
                log.warning("editor task failed", exc_info=True)  # the details, for the log only
                self.failed.emit(say(failure_kind(exc)))

    def stop(self, wait_ms: int = 5000) -> None:
        self.cancel.cancel()
        self.wait(wait_ms)

    def deliver(self, on_done: Callable[[Any], object], on_failed: Callable[[str], object]) -> None:
        """Call ``on_done(result)`` / ``on_failed(reason)`` on the GUI thread. The callbacks (often
        closures over an editor) are kept here, where the GC sees them, and the signals go to this
        runner's bound methods: a closure connected directly would be held by PySide, out of the
        GC's sight, and keep its editor alive."""
        self._on_done, self._on_failed = on_done, on_failed
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)

    def _deliver_done(self, result: object) -> None:
        self._on_done(result)

    def _deliver_failed(self, reason: str) -> None:
        self._on_failed(reason)


def audio_cache_path(key: str) -> Path:
    return MediaCache().audio_path(key)


def speech_cache_path(key: str) -> Path:
    return MediaCache().speech_path(key)


class MediaAnalysis(QObject):
    """Peaks first (shown as soon as ready), then speech regions. Results arrive as signals on
    the GUI thread."""

    peaksReady = Signal(object)
    speechReady = Signal(object)
    failed = Signal(str)
    progress = Signal(str)

    def __init__(self, media: str, *, speech: bool = True, wav: Optional[Path] = None,
                 regions: Optional[list] = None, parent=None) -> None:
        """``wav`` (16 kHz mono, already decoded by a job) and ``regions`` (its speech map) are used
        as given: no second decode and no second speech detection."""
        super().__init__(parent)
        self.media = media
        self.want_speech = speech
        self.given_wav = Path(wav) if wav else None
        self.given_regions = list(regions) if regions is not None else None
        self.key: Optional[str] = None
        self._runner = _Runner(self._work, self)
        self._runner.done.connect(self._finished)
        self._runner.failed.connect(self.failed)
        self._runner.progress.connect(self.progress)

    def start(self) -> None:
        self._runner.start()

    def stop(self) -> None:
        self._runner.stop()

    def wait(self, ms: int = 30000) -> bool:
        return self._runner.wait(ms)

    def is_running(self) -> bool:
        return self._runner.isRunning()

    def _finished(self, _result) -> None:
        pass

    def wav_path(self) -> Optional[Path]:
        if self.given_wav is not None and self.given_wav.exists():
            return self.given_wav
        return audio_cache_path(self.key) if self.key else None

    def _work(self, runner: _Runner):
        cancel = runner.cancel
        key = peaks_mod.media_key(self.media)
        self.key = key
        cached = peaks_mod.load_peaks(peaks_mod.cache_path(key))
        if cached is not None:
            self.peaksReady.emit(cached)
        else:
            runner.progress.emit(self.tr("extracting audio for the waveform…"))
            wav = ensure_wav(self.media, self.given_wav, cancel)
            runner.progress.emit(self.tr("computing the waveform…"))
            pk = peaks_mod.compute_peaks_wav(wav, cancel=cancel)
            try:
                peaks_mod.save_peaks(pk, peaks_mod.cache_path(key))
            except OSError:
                pass
            self.peaksReady.emit(pk)
        if not self.want_speech:
            return
        regions = self.given_regions
        if regions is None:
            regions = load_regions(speech_cache_path(key))
        if regions is None:
            wav = ensure_wav(self.media, self.given_wav, cancel)
            runner.progress.emit(self.tr("finding speech for snapping…"))
            regions = detect_speech_blocks(wav, cancel=cancel)
            try:
                save_regions(regions, speech_cache_path(key))
            except SubtitlerError:
                pass
        self.speechReady.emit(regions)
        return


SPEECH_BLOCK_MS = 10 * 60 * 1000


def detect_speech_blocks(wav: Path, *, cancel: Optional[CancelToken] = None, block_ms: int = SPEECH_BLOCK_MS):
    """Speech regions of a long 16 kHz WAV, ten minutes at a time (memory stays small for hours of
    audio); regions touching a block border are joined."""
    import wave

    import numpy as np

    from ...core.media.ffmpeg import SAMPLE_RATE, ms_to_samples
    from ...core.speech.detection import detect_speech
    from ...core.speech.regions import Region

    out: list[Region] = []
    with wave.open(str(wav), "rb") as w:
        total = w.getnframes()
        step = ms_to_samples(block_ms)
        offset = 0
        while offset < total:
            if cancel is not None:
                cancel.check()
            pcm = np.frombuffer(w.readframes(min(step, total - offset)), dtype=np.int16)
            if not len(pcm):
                break
            base = offset * 1000 // SAMPLE_RATE
            for r in detect_speech(pcm, cancel=cancel):
                r = Region(r.start_ms + base, r.end_ms + base)
                if out and r.start_ms - out[-1].end_ms <= 100 and r.start_ms - base <= 100:
                    out[-1] = Region(out[-1].start_ms, r.end_ms)
                else:
                    out.append(r)
            offset += len(pcm)
    return out


def ensure_wav(media: str, wav: Optional[Path] = None, cancel: Optional[CancelToken] = None,
               cache: Optional[MediaCache] = None) -> Path:
    """A 16 kHz WAV of ``media``: ``wav`` when it exists (decoded already), else the media cache's
    (decoded into it once, counted toward its cap: :meth:`MediaCache.audio_for`)."""
    return (cache or MediaCache()).audio_for(media, wav, cancel)


def run_in_thread(fn: Callable[[CancelToken], Any], on_done: Callable[[Any], None], on_failed: Callable[[str], None],
                  parent: QObject) -> _Runner:
    """Run ``fn(cancel_token)`` on a worker thread; callbacks arrive on the GUI thread."""
    runner = _Runner(lambda r: fn(r.cancel), parent)
    runner.deliver(on_done, on_failed)
    runner.start()
    return runner
