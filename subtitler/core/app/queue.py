"""The job queue's model, Qt-free: a job's state machine (probe → queue → run → done / done with
gaps / failed / cancelled; a job with gaps → retry its gaps → done or gaps), its progress in words
with an ETA, its price, the cues it has made so far, and the ordered list of jobs with the queue's
rules (what to start next, what may be retried, the summary line). The desktop app's table model
and scheduler only present and thread this."""

from __future__ import annotations

import bisect
import itertools
import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from ..document.cues import Cue
from ..foundation.errors import Reason
from ..engines.glm_settings import estimate_cost_rmb
from ..foundation.progress import CancelToken, Progress
from ..foundation.timecode import format_clock

__all__ = ["ACTIVE", "ENGINE_LABEL", "FINISHED", "RETRYABLE", "STAGE_SPAN", "STATUS_LABEL", "WAITING", "Job", "JobList",
           "Status"]


class Status(str, Enum):
    PROBING = "probing"
    QUEUED = "queued"
    RUNNING = "running"
    CANCELLING = "cancelling"
    DONE = "done"
    GAPS = "gaps"  # finished, but pieces of the audio were not transcribed: not done (Retry gaps)
    FAILED = "failed"
    CANCELLED = "cancelled"


ACTIVE = (Status.RUNNING, Status.CANCELLING)
WAITING = (Status.PROBING, Status.QUEUED)
RETRYABLE = (Status.FAILED, Status.CANCELLED)
FINISHED = (Status.DONE, Status.GAPS)  # with a result: open it, export it
# each status's words: a Reason (the English for logs; a front end says it in the user's language by its code)
STATUS_LABEL = {status: Reason(f"status.{status.value}") for status in Status}
ENGINE_LABEL = {"glm": "GLM-ASR", "local": Reason("engine.local")}  # a product name is not translated

# each stage's share of the whole job, for one overall progress bar
STAGE_SPAN = {
    "probe": (0.0, 0.02), "extract": (0.02, 0.15), "detect": (0.15, 0.22),
    "transcribe": (0.22, 0.97), "timing": (0.97, 1.0), "write": (0.97, 1.0), "done": (1.0, 1.0),
}
PREVIEW_CUES = 200  # the live preview shows at most this many of the newest cues

_ids = itertools.count(1)


@dataclass(eq=False)
class Job:
    source: Path
    engine: str = "local"  # "glm" | "local" (what it will run / ran with)
    id: int = field(default_factory=lambda: next(_ids))
    status: Status = Status.PROBING
    duration_ms: Optional[int] = None
    stage: str = ""
    fraction: float = 0.0  # overall 0..1
    step: str = ""  # the current step: a Reason (``step.*`` or a GLM-ASR notice), "" when none
    eta_s: Optional[float] = None
    preview: str = ""  # newest recognised text
    cues: list[Cue] = field(default_factory=list)  # made so far (in time order), while running
    error: str = ""  # a sentence
    detail: str = ""  # copyable details (message, type, traceback for unexpected errors)
    result: Any = None  # core.app.jobs.JobResult
    filling: Any = None  # while its gaps are retried: the result whose gaps the new run fills
    token: Optional[CancelToken] = None
    root: Optional[Path] = None  # the dropped folder it was found in (exports keep its sub-folders)
    started_at: float = 0.0
    elapsed_s: float = 0.0

    @property
    def name(self) -> str:
        return self.source.name

    # -- price ----------------------------------------------------------------------------------
    @property
    def cost_rmb(self) -> Optional[float]:
        if self.engine != "glm" or self.duration_ms is None:
            return None
        return estimate_cost_rmb(self.duration_ms)

    def price_text(self) -> str:
        if self.engine != "glm":
            return Reason("price.free")
        cost = self.cost_rmb
        return "…" if cost is None else Reason("price.about", cost=f"{cost:.2f}")

    # -- words ----------------------------------------------------------------------------------
    def status_text(self) -> str:
        if self.status == Status.FAILED:
            return self.error or "Failed"
        if self.status == Status.RUNNING:
            parts = [self.step or Reason("step.starting")]
            if self.cues:
                parts.append(f"{len(self.cues)} cues so far")
            if self.eta_s is not None:
                parts.append(f"ETA {format_clock(int(self.eta_s * 1000), rounded=True)}")
            return " · ".join(parts)
        if self.status in FINISHED and self.result is not None:
            doc = self.result.document
            outcome = self.result.outcome() if hasattr(self.result, "outcome") else "done"
            text = f"{outcome[:1].upper()}{outcome[1:]} · {len(doc.cues)} cues"
            if getattr(self.result, "flagged_cues", 0):
                text += f" · {self.result.flagged_cues} to review"
            return text
        return STATUS_LABEL[self.status]

    def live_text(self) -> str:
        """The running job's preview: its cues so far (time and text), else the newest text."""
        if not self.cues:
            return self.preview
        return "\n".join(f"{format_clock(c.start, tenths=True)}  {c.text.replace(chr(10), ' ')}"
                         for c in self.cues[-PREVIEW_CUES:])

    # -- state machine --------------------------------------------------------------------------
    def retry_gaps(self) -> bool:
        """Queue a job with gaps to re-send only its failed pieces (its result is kept, and the new
        cues go in place of its gap markers). False: the job has no gaps."""
        if self.status != Status.GAPS or self.result is None:
            return False
        self.filling = self.result
        self.status = Status.QUEUED
        self.stage, self.fraction, self.step, self.eta_s = "", 0.0, "", None
        self.preview, self.error, self.detail = "", "", ""
        self.cues = []
        return True

    def gaps_left(self, message: str = "", detail: str = "") -> None:
        """A gap retry that did not finish (failed, cancelled): the job keeps its result and gaps."""
        self.result, self.filling = self.filling, None
        self._finished(self.result)
        self.error, self.detail = message, detail

    def reset_for_run(self) -> None:
        self.status = Status.QUEUED
        self.stage, self.fraction, self.step, self.eta_s = "", 0.0, "", None
        self.preview, self.error, self.detail, self.result = "", "", "", None
        self.cues = []

    def probed(self, duration_ms: int, audio_streams: int) -> None:
        self.duration_ms = duration_ms
        if self.status == Status.PROBING:
            if audio_streams == 0:
                self.fail(Reason("media.no_audio", name=self.name), f"File: {self.source}")
            else:
                self.status = Status.QUEUED

    def start(self, engine: str, now: Optional[float] = None) -> CancelToken:
        self.engine = "glm" if engine == "glm" else "local"
        self.token = CancelToken()
        self.status = Status.RUNNING
        self.started_at = time.monotonic() if now is None else now
        self.step = Reason("step.starting")
        self.cues = []
        return self.token

    def cancel(self) -> bool:
        """Waiting jobs stop at once; a running one is asked to stop. False: nothing to cancel."""
        if self.status in WAITING:
            if self.filling is not None:
                self.gaps_left()
                return True
            self.status = Status.CANCELLED
            self.step, self.eta_s = "", None
            return True
        if self.status == Status.RUNNING and self.token is not None:
            self.token.cancel()
            self.status = Status.CANCELLING
            return True
        return False

    def stopped(self, now: Optional[float] = None) -> None:
        """The worker stopped (any outcome): release the token, record the time taken."""
        now = time.monotonic() if now is None else now
        self.token = None
        self.eta_s = None
        self.elapsed_s = now - self.started_at if self.started_at else 0.0

    def finish(self, result: Any) -> bool:
        """True when the job is done (or done with gaps); a job cancelled meanwhile stays cancelled
        (one whose gaps were being retried keeps its result and gaps). A gap retry's result fills
        the gaps of the job's result (``core.app.jobs.fill_gaps``)."""
        if self.status == Status.CANCELLING:
            if self.filling is not None:
                self.gaps_left()
            else:
                self.status = Status.CANCELLED
            return False
        if self.filling is not None:
            from .jobs import fill_gaps

            result = fill_gaps(self.filling, result)
            self.filling = None
        self._finished(result)
        return True

    def _finished(self, result: Any) -> None:
        self.result = result
        gaps = getattr(result, "failed_chunks", 0)
        self.status = Status.GAPS if gaps else Status.DONE
        self.step = Reason("step.done")
        self.error = self.detail = ""
        audio = getattr(result, "audio_ms", 0) or self.duration_ms or 0
        # the bar shows how much of the audio is transcribed: a job with gaps is not at 100 %
        self.fraction = max(0.0, 1.0 - getattr(result, "gap_ms", 0) / audio) if gaps and audio else 1.0
        if gaps:
            self.fraction = min(self.fraction, 0.99)

    def fail(self, message: str, detail: str) -> None:
        if self.filling is not None:  # the retry failed, the job's result and gaps are still there
            self.gaps_left(message, detail)
            return
        self.status = Status.FAILED
        self.error, self.detail = message, detail
        self.step, self.eta_s = "", None

    def mark_cancelled(self) -> None:
        if self.filling is not None:
            self.gaps_left()
            return
        self.status = Status.CANCELLED
        self.step = ""

    # -- progress -------------------------------------------------------------------------------
    def add_cues(self, cues: Sequence[Cue]) -> None:
        """Cues of a piece just recognised (pieces may finish out of order)."""
        for cue in cues:
            bisect.insort(self.cues, cue, key=lambda c: (c.start, c.end))

    def apply_progress(self, p: Progress, now: Optional[float] = None) -> None:
        now = time.monotonic() if now is None else now
        lo, hi = STAGE_SPAN.get(p.stage, (self.fraction, self.fraction))
        frac = min(1.0, max(0.0, p.fraction))
        overall = lo + (hi - lo) * frac
        self.fraction = max(self.fraction, overall)  # never goes backwards
        self.stage = p.stage
        if p.preview:
            self.preview = p.preview
        if p.stage == "probe":
            self.step = Reason("step.reading")
        elif p.stage == "extract":
            self.step = Reason("step.extracting", percent=int(frac * 100))
        elif p.stage == "detect":
            self.step = Reason("step.finding_speech")
        elif p.stage == "model":  # a model name used for the first time: downloaded before the job goes on
            self.step = Reason("step.downloading", percent=int(frac * 100))
        elif p.stage == "transcribe" and p.notice:
            self.step = p.notice  # a GLM-ASR notice: a Reason of its own
        elif p.stage == "transcribe":
            self.step = (Reason("step.transcribing_piece", done=min(p.done + 1, p.total), total=p.total) if p.total
                         else Reason("step.transcribing"))
        elif p.stage in ("timing", "write"):
            self.step = Reason("step.timing")
        elif p.stage == "done":
            self.step = Reason("step.done")
        elapsed = now - self.started_at if self.started_at else 0.0
        if self.fraction >= 0.05 and elapsed >= 1.0 and self.fraction < 1.0:
            self.eta_s = elapsed * (1.0 - self.fraction) / self.fraction
        else:
            self.eta_s = None


class JobList:
    """The queue's jobs in order, and its rules."""

    def __init__(self) -> None:
        self._jobs: list[Job] = []

    def __len__(self) -> int:
        return len(self._jobs)

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def job(self, row: int) -> Job:
        return self._jobs[row]

    def job_by_id(self, job_id: int) -> Optional[Job]:
        return next((j for j in self._jobs if j.id == job_id), None)

    def row_of(self, job: Job) -> int:
        for i, j in enumerate(self._jobs):
            if j is job:
                return i
        return -1

    def with_status(self, *statuses: Status) -> list[Job]:
        return [j for j in self._jobs if j.status in statuses]

    # -- changes (the caller announces them to its views) ----------------------------------------
    def new_jobs(self, paths: Iterable[Path | tuple[Path, Optional[Path]]], engine: str) -> list[Job]:
        """Jobs for ``paths`` (files, or (file, the dropped folder it was found in)) not already
        waiting or running (a finished file may come again)."""
        busy = {j.source.resolve() for j in self._jobs if j.status not in FINISHED}
        out: list[Job] = []
        for item in paths:
            p, root = item if isinstance(item, tuple) else (item, None)
            if p.resolve() not in busy:
                busy.add(p.resolve())
                out.append(Job(p, engine=engine, root=root))
        return out

    def extend(self, jobs: Sequence[Job]) -> None:
        self._jobs.extend(jobs)

    def pop(self, row: int) -> Job:
        return self._jobs.pop(row)

    def move_row(self, row: int, dest: int) -> None:
        self._jobs.insert(dest, self._jobs.pop(row))

    # -- rules ----------------------------------------------------------------------------------
    def to_start(self, running: int, max_files: int) -> list[Job]:
        """Queued jobs to start now, in row order, keeping at most ``max_files`` running."""
        free = max(0, max_files - running)
        return self.with_status(Status.QUEUED)[:free]

    def is_busy(self, running: int) -> bool:
        return running > 0 or bool(self.with_status(*WAITING))

    def summary(self) -> str:
        n = len(self._jobs)
        if not n:
            return "No files yet"
        counts = dict.fromkeys(Status, 0)
        for j in self._jobs:
            counts[j.status] += 1
        parts = [f"{n} file{'s' * (n != 1)}"]
        for status, label in ((Status.RUNNING, "running"), (Status.QUEUED, "queued"),
                              (Status.DONE, "done"), (Status.GAPS, "with gaps"), (Status.FAILED, "failed"),
                              (Status.CANCELLED, "cancelled")):
            if counts[status]:
                parts.append(f"{counts[status]} {label}")
        pending = [c for c in (j.cost_rmb for j in self._jobs if j.status in WAITING) if c is not None]
        if pending:
            parts.append(f"cloud cost of queued files ≈ ¥{sum(pending):.2f}")
        return " · ".join(parts)
