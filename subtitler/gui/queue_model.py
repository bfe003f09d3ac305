"""Jobs in the queue and the Qt table model that shows them."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ..core.progress import CancelToken, Progress

try:
    from ..core.engines.glm_settings import estimate_cost_rmb
except ImportError:  # pragma: no cover - GLM engine absent
    def estimate_cost_rmb(audio_ms: int) -> float:
        return max(0, audio_ms) / 60000 * 0.06


class Status(str, Enum):
    PROBING = "probing"
    QUEUED = "queued"
    RUNNING = "running"
    CANCELLING = "cancelling"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


ACTIVE = (Status.RUNNING, Status.CANCELLING)
RETRYABLE = (Status.FAILED, Status.CANCELLED)
STATUS_LABEL = {
    Status.PROBING: "Reading…", Status.QUEUED: "Queued", Status.RUNNING: "Running",
    Status.CANCELLING: "Cancelling…", Status.DONE: "Done", Status.FAILED: "Failed",
    Status.CANCELLED: "Cancelled",
}
ENGINE_LABEL = {"glm": "GLM-ASR", "local": "Local"}

# each stage's share of the whole job, for one overall progress bar
STAGE_SPAN = {
    "probe": (0.0, 0.02), "extract": (0.02, 0.15), "detect": (0.15, 0.22),
    "transcribe": (0.22, 0.97), "timing": (0.97, 1.0), "write": (0.97, 1.0), "done": (1.0, 1.0),
}

_ids = itertools.count(1)


def fmt_duration(ms: Optional[int]) -> str:
    if ms is None:
        return "…"
    s = int(round(ms / 1000))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def fmt_eta(seconds: Optional[float]) -> str:
    if seconds is None:
        return ""
    return f"ETA {fmt_duration(int(seconds * 1000))}"


@dataclass(eq=False)
class Job:
    source: Path
    engine: str = "local"  # "glm" | "local" (what it will run / ran with)
    id: int = field(default_factory=lambda: next(_ids))
    status: Status = Status.PROBING
    duration_ms: Optional[int] = None
    stage: str = ""
    fraction: float = 0.0  # overall 0..1
    step: str = ""  # the current step, in words
    eta_s: Optional[float] = None
    preview: str = ""  # newest recognised text
    error: str = ""  # a sentence
    detail: str = ""  # copyable details (message, type, traceback for unexpected errors)
    result: Any = None  # core.jobs.JobResult
    token: Optional[CancelToken] = None
    root: Optional[Path] = None  # the dropped folder it was found in (exports keep its sub-folders)
    started_at: float = 0.0
    elapsed_s: float = 0.0

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def cost_rmb(self) -> Optional[float]:
        if self.engine != "glm" or self.duration_ms is None:
            return None
        return estimate_cost_rmb(self.duration_ms)

    def price_text(self) -> str:
        if self.engine != "glm":
            return "free"
        cost = self.cost_rmb
        return "…" if cost is None else f"≈ ¥{cost:.2f}"

    def status_text(self) -> str:
        if self.status == Status.FAILED:
            return self.error or "Failed"
        if self.status == Status.RUNNING:
            parts = [self.step or "Starting"]
            if self.eta_s is not None:
                parts.append(fmt_eta(self.eta_s))
            return " · ".join(parts)
        if self.status == Status.DONE and self.result is not None:
            doc = self.result.document
            outcome = self.result.outcome() if hasattr(self.result, "outcome") else "done"
            text = f"{outcome[:1].upper()}{outcome[1:]} · {len(doc.cues)} cues"
            if getattr(self.result, "flagged_cues", 0):
                text += f" · {self.result.flagged_cues} to review"
            return text
        return STATUS_LABEL[self.status]

    # -- progress -----------------------------------------------------------------------------
    def reset_for_run(self) -> None:
        self.status = Status.QUEUED
        self.stage, self.fraction, self.step, self.eta_s = "", 0.0, "", None
        self.preview, self.error, self.detail, self.result = "", "", "", None

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
            self.step = "Reading media"
        elif p.stage == "extract":
            self.step = f"Extracting audio {int(frac * 100)}%"
        elif p.stage == "detect":
            self.step = "Finding speech"
        elif p.stage == "transcribe" and p.notice:
            self.step = p.notice
        elif p.stage == "transcribe":
            self.step = (f"Transcribing piece {min(p.done + 1, p.total)} of {p.total}" if p.total
                         else "Transcribing")
        elif p.stage in ("timing", "write"):
            self.step = "Timing cues"
        elif p.stage == "done":
            self.step = "Done"
        elapsed = now - self.started_at if self.started_at else 0.0
        if self.fraction >= 0.05 and elapsed >= 1.0 and self.fraction < 1.0:
            self.eta_s = elapsed * (1.0 - self.fraction) / self.fraction
        else:
            self.eta_s = None


ProgressRole = Qt.ItemDataRole.UserRole + 1
JobRole = Qt.ItemDataRole.UserRole + 2


class JobModel(QAbstractTableModel):
    """One row per job. Columns: name, duration, engine, price, status, progress."""

    NAME, DURATION, ENGINE, PRICE, STATUS, PROGRESS = range(6)
    HEADERS = ("File", "Duration", "Engine", "Price", "Status", "Progress")

    jobsChanged = Signal()  # any add/remove/status change (for summaries and buttons)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        col = index.column()
        if role == JobRole:
            return job
        if role == ProgressRole:
            return job.fraction
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return job.name
            if col == self.DURATION:
                return fmt_duration(job.duration_ms)
            if col == self.ENGINE:
                return ENGINE_LABEL.get(job.engine, job.engine)
            if col == self.PRICE:
                return job.price_text()
            if col == self.STATUS:
                return job.status_text()
            if col == self.PROGRESS:
                return f"{int(job.fraction * 100)}%" if job.fraction or job.status == Status.RUNNING else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.STATUS and job.status == Status.FAILED:
                return job.error
            if col == self.STATUS and job.status == Status.DONE and job.result is not None:
                return job.status_text()  # the whole sentence when the column elides it
            if col == self.STATUS and job.preview:
                return job.preview
            return str(job.source)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            if job.status == Status.FAILED:
                return QColor("#e5484d")
            if job.status == Status.DONE:
                partial = job.result is not None and getattr(job.result, "outcome", lambda: "done")() != "done"
                return QColor("#c2780a" if partial else "#30a46c")  # amber: done with gaps or damage
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.DURATION, self.PRICE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{job.name}: {job.status_text()}"
        return None

    # -- jobs ---------------------------------------------------------------------------------
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

    def add(self, jobs: Iterable[Job]) -> list[Job]:
        jobs = list(jobs)
        if not jobs:
            return []
        first = len(self._jobs)
        self.beginInsertRows(QModelIndex(), first, first + len(jobs) - 1)
        self._jobs.extend(jobs)
        self.endInsertRows()
        self.jobsChanged.emit()
        return jobs

    def remove(self, jobs: Iterable[Job]) -> None:
        for job in list(jobs):
            row = self.row_of(job)
            if row < 0:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._jobs[row]
            self.endRemoveRows()
        self.jobsChanged.emit()

    def move(self, job: Job, delta: int) -> bool:
        row = self.row_of(job)
        dest = row + delta
        if row < 0 or not 0 <= dest < len(self._jobs):
            return False
        # Qt's beginMoveRows wants the row *before which* the item lands, in the old numbering
        qt_dest = dest + 1 if delta > 0 else dest
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), qt_dest):
            return False
        self._jobs.insert(dest, self._jobs.pop(row))
        self.endMoveRows()
        return True

    def changed(self, job: Job, *, structural: bool = True) -> None:
        row = self.row_of(job)
        if row < 0:
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        if structural:
            self.jobsChanged.emit()

    def with_status(self, *statuses: Status) -> list[Job]:
        return [j for j in self._jobs if j.status in statuses]

    def summary(self) -> str:
        n = len(self._jobs)
        if not n:
            return "No files yet"
        counts = {s: 0 for s in Status}
        for j in self._jobs:
            counts[j.status] += 1
        parts = [f"{n} file{'s' * (n != 1)}"]
        for status, label in ((Status.RUNNING, "running"), (Status.QUEUED, "queued"),
                              (Status.DONE, "done"), (Status.FAILED, "failed"),
                              (Status.CANCELLED, "cancelled")):
            if counts[status]:
                parts.append(f"{counts[status]} {label}")
        pending = [j.cost_rmb for j in self._jobs
                   if j.status in (Status.PROBING, Status.QUEUED) and j.cost_rmb is not None]
        if pending:
            parts.append(f"cloud cost of queued files ≈ ¥{sum(pending):.2f}")
        return " · ".join(parts)


def persistent_rows(indexes: Iterable[QModelIndex]) -> list[QPersistentModelIndex]:
    return [QPersistentModelIndex(i) for i in indexes]
