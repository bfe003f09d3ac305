"""Background work: probe and transcribe jobs on a thread pool, a bounded number at a time.

The pools are module-level ``concurrent.futures`` executors shared by every queue and never
destroyed while Python runs: a Qt thread pool owned by a queue had to be destroyed with it, and
``~QThreadPool`` waits for its threads — with the GIL held when the destruction came from Python,
while a job still running on one of them needed the GIL to finish (a deadlock). Each queue keeps
the futures of its own tasks to wait for them on shutdown.

Workers run the Qt-free core (``core.app.jobs.transcribe_file``) and report back through typed,
queued signals; the GUI thread only updates the model. Cancellation goes through the core's
``CancelToken``; retry re-runs only jobs that failed or were cancelled.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import logging
import sys
import time
import traceback
from pathlib import Path
from typing import Callable, Iterable, Optional

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core.foundation.errors import Cancelled, SubtitlerError
from ..core.app.jobs import TranscribeOptions, transcribe_file
from ..core.media.ffmpeg import collect_inputs, is_media_path, probe
from ..core.foundation.progress import CancelToken, Progress
from ..core.app.media_cache import MediaCache
from .queue_model import ACTIVE, RETRYABLE, Job, JobModel, Status

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress updates a second per job
JOB_THREADS = 8  # more than any queue's max_files: a cancelled job still finishing keeps its thread
PROBE_THREADS = 2
_JOBS = concurrent.futures.ThreadPoolExecutor(JOB_THREADS, thread_name_prefix="subtitler-job")
_PROBES = concurrent.futures.ThreadPoolExecutor(PROBE_THREADS, thread_name_prefix="subtitler-probe")


class TaskSignals(QObject):
    """Emitted from worker threads; received (queued) in the GUI thread."""

    progress = Signal(int, object)  # job id, Progress
    finished = Signal(int, object)  # job id, JobResult
    failed = Signal(int, object, str)  # job id, sentence (a core Reason where it has one), details
    cancelled = Signal(int)
    crashed = Signal(int, str, str)  # job id, sentence, traceback (a bug, not a user error)
    probed = Signal(int, object)  # job id, MediaInfo
    cues = Signal(int, object)  # job id, list[Cue] of a piece just recognised
    probeFailed = Signal(int, object, str)


def error_detail(exc: BaseException, source: Optional[Path] = None) -> str:
    lines = [str(exc), f"({type(exc).__module__}.{type(exc).__name__})"]
    if source is not None:
        lines.append(f"File: {source}")
    return "\n".join(lines)


def unexpected(exc: BaseException) -> str:
    return QCoreApplication.translate("JobQueue", "Unexpected error: {error}").format(
        error=f"{type(exc).__name__}: {exc}")


class Task:
    """Work for a pool thread; its reports go out through ``signals`` (queued to the GUI thread)."""

    signals: TaskSignals

    def run(self) -> None:
        raise NotImplementedError

    def __call__(self) -> None:
        try:
            self.run()
        except RuntimeError:
            if shiboken6.isValid(self.signals):
                raise
            # the queue was deleted while this task ran on (it timed out waiting): nobody to tell


class TranscribeTask(Task):
    def __init__(self, job_id: int, source: Path, options: TranscribeOptions, token: CancelToken,
                 signals: TaskSignals, media_cache: Optional[MediaCache] = None) -> None:
        self.job_id, self.source, self.options, self.token, self.signals = job_id, source, options, token, signals
        self.media_cache = media_cache
        self._last_stage = ""
        self._last_emit = 0.0
        self._preview = ""

    def _on_progress(self, p: Progress) -> None:
        if p.preview:
            self._preview = p.preview
        now = time.monotonic()
        if (p.stage == self._last_stage and now - self._last_emit < PROGRESS_INTERVAL_S and p.fraction < 1.0
                and not p.notice):  # a notice (e.g. "no answer for 10 s") is always shown
            return
        self._last_stage, self._last_emit = p.stage, now
        if self._preview and p.preview != self._preview:
            p = dataclasses.replace(p, preview=self._preview)
        self.signals.progress.emit(self.job_id, p)

    def run(self) -> None:
        try:
            result = transcribe_file(self.source, self.options, on_progress=self._on_progress, cancel=self.token,
                                     on_cues=lambda cues: self.signals.cues.emit(self.job_id, cues),
                                     media_cache=self.media_cache)
        except Cancelled:
            self.signals.cancelled.emit(self.job_id)
        except SubtitlerError as exc:
            if self.token.cancelled:
                self.signals.cancelled.emit(self.job_id)
            else:
                self.signals.failed.emit(self.job_id, exc.reason or str(exc), error_detail(exc, self.source))
        except Exception as exc:
            tb = traceback.format_exc()
            self.signals.crashed.emit(self.job_id, unexpected(exc), tb)
        else:
            self.signals.finished.emit(self.job_id, result)


class ProbeTask(Task):
    def __init__(self, job_id: int, source: Path, signals: TaskSignals) -> None:
        self.job_id, self.source, self.signals = job_id, source, signals

    def run(self) -> None:
        try:
            info = probe(self.source)
        except SubtitlerError as exc:
            self.signals.probeFailed.emit(self.job_id, exc.reason or str(exc), error_detail(exc, self.source))
        except Exception as exc:
            self.signals.crashed.emit(self.job_id, unexpected(exc), traceback.format_exc())
        else:
            self.signals.probed.emit(self.job_id, info)


def _report_escaped(future: concurrent.futures.Future) -> None:
    """An exception that escaped a task goes to ``sys.excepthook`` (the crash reporter), as it
    would from a thread of its own, instead of staying unseen in the future."""
    exc = None if future.cancelled() else future.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def call_logged(fn: Callable[[], object]) -> None:
    """Run ``fn()``; failures are logged (used for warm-ups on a pool thread)."""
    try:
        fn()
    except Exception:
        log.debug("background warm-up failed", exc_info=True)


def warm_up_local_model(model: Optional[str]) -> None:
    """Load the local model (and faster-whisper) ahead of the first job: its start-up holds the
    GIL for a moment, better spent while the user is still choosing files; the first job also
    starts faster."""
    from ..core.engines.local import load_model

    load_model(model)


OptionsFactory = Callable[[Job], TranscribeOptions]


class JobQueue(QObject):
    """Schedules the model's jobs: probe on add, then run queued jobs in row order, at most
    ``max_files`` at a time. All slots run in the GUI thread; the work runs in the pool."""

    unexpectedError = Signal(str, str)  # sentence, traceback
    jobDone = Signal(object)  # Job (finished with a result)
    jobCues = Signal(object, object)  # Job, list[Cue]: cues of a piece just recognised (running job)
    idle = Signal()  # nothing running or queued any more

    def __init__(self, model: JobModel, options_factory: OptionsFactory,
                 engine_for_new: Callable[[], str] = lambda: "local", *, max_files: int = 1,
                 media_cache: Optional[MediaCache] = None, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.media_cache = media_cache
        self.model = model
        self.options_factory = options_factory
        self.engine_for_new = engine_for_new
        self.max_files = max(1, max_files)
        self.paused = False
        self._running: dict[int, CancelToken] = {}
        self._jobs: set[concurrent.futures.Future] = set()  # this queue's work on the shared pools
        self._probes: set[concurrent.futures.Future] = set()
        self.signals = TaskSignals(self)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.signals.cancelled.connect(self._on_cancelled)
        self.signals.crashed.connect(self._on_crashed)
        self.signals.probed.connect(self._on_probed)
        self.signals.probeFailed.connect(self._on_probe_failed)
        self.signals.cues.connect(self._on_cues)

    # -- adding -------------------------------------------------------------------------------
    def add_paths(self, paths: Iterable[Path | str]) -> tuple[list[Job], list[Path]]:
        """Files as given, folders expanded; returns (jobs added, paths skipped as not media)."""
        given = [Path(p) for p in paths]
        collected = collect_inputs(given)
        skipped: list[Path] = list(collected.empty_folders)  # a folder without media is reported too
        media: list[tuple[Path, Optional[Path]]] = []
        for p, root in collected.files:
            if p.is_file() and is_media_path(p):
                media.append((p, root))
            else:
                skipped.append(p)
        jobs = self.model.book.new_jobs(media, self.engine_for_new())
        self.model.add(jobs)
        for job in jobs:
            self._probe(job)
        return jobs, skipped

    def run_in_background(self, fn: Callable[[], object]) -> None:
        self._submit(_PROBES, self._probes, call_logged, fn)

    def _probe(self, job: Job) -> None:
        job.status = Status.PROBING
        self._submit(_PROBES, self._probes, ProbeTask(job.id, job.source, self.signals))

    @staticmethod
    def _submit(pool: concurrent.futures.Executor, mine: set, fn: Callable, *args) -> None:
        future = pool.submit(fn, *args)
        mine.add(future)
        future.add_done_callback(mine.discard)
        future.add_done_callback(_report_escaped)

    # -- control ------------------------------------------------------------------------------
    def set_max_files(self, n: int) -> None:
        self.max_files = max(1, int(n))
        self._pump()

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self._pump()

    def set_engine_for_pending(self, engine: str) -> None:
        for job in self.model.with_status(Status.PROBING, Status.QUEUED, Status.FAILED, Status.CANCELLED):
            if job.engine != engine and job.filling is None:  # a gap retry keeps its engine
                job.engine = engine
                self.model.changed(job, structural=False)
        self.model.jobsChanged.emit()

    def cancel(self, jobs: Iterable[Job]) -> int:
        n = 0
        for job in jobs:
            if job.cancel():
                n += 1
                self.model.changed(job)
        self._pump()
        return n

    def cancel_all(self) -> int:
        return self.cancel(self.model.jobs())

    def retry_gaps(self, jobs: Iterable[Job]) -> int:
        """Re-queue jobs with gaps to send only their failed pieces again (the same pieces: the job's
        layout and the result cache make every other piece come from disk); the new cues go in
        place of the gap markers of the job's document."""
        n = 0
        for job in jobs:
            if job.retry_gaps():
                n += 1
                self.model.changed(job)
        self._pump()
        return n

    def retry(self, jobs: Iterable[Job]) -> int:
        """Re-queue only jobs that failed or were cancelled; a job with gaps retries its gaps."""
        n = 0
        for job in jobs:
            if job.status == Status.GAPS:
                n += self.retry_gaps([job])
                continue
            if job.status not in RETRYABLE:
                continue
            job.reset_for_run()
            job.engine = self.engine_for_new()
            if job.duration_ms is None:
                self._probe(job)
            n += 1
            self.model.changed(job)
        self._pump()
        return n

    def remove(self, jobs: Iterable[Job]) -> None:
        jobs = list(jobs)
        for job in jobs:
            if job.status in ACTIVE and job.token is not None:
                job.token.cancel()  # its slot frees when the worker stops
        self.model.remove(jobs)
        self._pump()

    def move(self, job: Job, delta: int) -> bool:
        return self.model.move(job, delta)

    # -- state --------------------------------------------------------------------------------
    @property
    def running_count(self) -> int:
        return len(self._running)

    def background_idle(self) -> bool:
        """True when none of this queue's probes and warm-ups is running or waiting."""
        return not self._probes

    def is_busy(self) -> bool:
        return self.model.book.is_busy(len(self._running))

    def shutdown(self, wait_ms: int = 5000) -> bool:
        """Cancel everything and wait for the workers to stop."""
        for token in list(self._running.values()):
            token.cancel()
        concurrent.futures.wait(list(self._probes), timeout=wait_ms / 1000)
        return not concurrent.futures.wait(list(self._jobs), timeout=wait_ms / 1000).not_done

    # -- scheduling ---------------------------------------------------------------------------
    def _pump(self) -> None:
        if self.paused:
            return
        for job in self.model.book.to_start(len(self._running), self.max_files):
            self._start(job)
        if not self.is_busy():
            self.idle.emit()

    def _start(self, job: Job) -> None:
        try:
            options = self.options_factory(job)
        except SubtitlerError as exc:
            self._fail(job, exc.reason or str(exc), error_detail(exc, job.source))
            return
        self._running[job.id] = job.start(options.engine)
        self.model.changed(job)
        self._submit(_JOBS, self._jobs, TranscribeTask(job.id, job.source, options, self._running[job.id],
                                                       self.signals, self.media_cache))

    def _finish_slot(self, job_id: int) -> Optional[Job]:
        self._running.pop(job_id, None)
        job = self.model.job_by_id(job_id)
        if job is not None:
            job.stopped()
        return job

    def _fail(self, job: Job, message: str, detail: str) -> None:
        log.warning("job failed: %s", message)
        job.fail(message, detail)
        self.model.changed(job)

    # -- worker reports (GUI thread) ----------------------------------------------------------
    def _on_progress(self, job_id: int, p: Progress) -> None:
        job = self.model.job_by_id(job_id)
        if job is None or job.status != Status.RUNNING:
            return
        job.apply_progress(p)
        self.model.changed(job, structural=False)

    def _on_finished(self, job_id: int, result) -> None:
        job = self._finish_slot(job_id)
        if job is not None:
            done = job.finish(result)
            self.model.changed(job)
            if done:
                log.info("job done: %s (%d cues, %.1f s)", job.name, len(result.document.cues), job.elapsed_s)
                self.jobDone.emit(job)
        self._pump()

    def _on_failed(self, job_id: int, message: str, detail: str) -> None:
        job = self._finish_slot(job_id)
        if job is not None:
            self._fail(job, message, detail)
        self._pump()

    def _on_cancelled(self, job_id: int) -> None:
        job = self._finish_slot(job_id)
        if job is not None:
            job.mark_cancelled()
            self.model.changed(job)
        self._pump()

    def _on_crashed(self, job_id: int, message: str, tb: str) -> None:
        job = self.model.job_by_id(job_id)
        if job_id in self._running:
            job = self._finish_slot(job_id)
        if job is not None:
            self._fail(job, message, f"{message}\nFile: {job.source}\n\n{tb}")
        self.unexpectedError.emit(message, tb)
        self._pump()

    def _on_probed(self, job_id: int, info) -> None:
        job = self.model.job_by_id(job_id)
        if job is None:
            return
        job.probed(info.duration_ms, info.audio_streams)
        self.model.changed(job)
        self._pump()

    def _on_cues(self, job_id: int, cues) -> None:
        job = self.model.job_by_id(job_id)
        if job is None or job.status != Status.RUNNING:
            return
        job.add_cues(cues)
        self.model.changed(job, structural=False)
        self.jobCues.emit(job, cues)

    def _on_probe_failed(self, job_id: int, message: str, detail: str) -> None:
        job = self.model.job_by_id(job_id)
        if job is not None and job.status == Status.PROBING:
            self._fail(job, message, detail)
        self._pump()
