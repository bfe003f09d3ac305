"""The Qt table model over the core's job list (:mod:`subtitler.core.app.queue`): it only presents."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from . import words
from ..core.app.queue import (  # noqa: F401 - re-exported for the window, dialogs and tests
    ACTIVE, ENGINE_LABEL, FINISHED, RETRYABLE, STATUS_LABEL, WAITING, Job, JobList, Status)
from ..core.foundation.timecode import format_clock

GAPS_COLOUR = "#c2780a"  # amber: finished with gaps (not green: part of the audio is missing)
ProgressRole = Qt.ItemDataRole.UserRole + 1
JobRole = Qt.ItemDataRole.UserRole + 2


class JobModel(QAbstractTableModel):
    """One row per job. Columns: name, duration, engine, price, status, progress."""

    NAME, DURATION, ENGINE, PRICE, STATUS, PROGRESS = range(6)
    HEADERS = (QT_TRANSLATE_NOOP("JobModel", "File"), QT_TRANSLATE_NOOP("JobModel", "Duration"),
               QT_TRANSLATE_NOOP("JobModel", "Engine"), QT_TRANSLATE_NOOP("JobModel", "Price"),
               QT_TRANSLATE_NOOP("JobModel", "Status"), QT_TRANSLATE_NOOP("JobModel", "Progress"))

    jobsChanged = Signal()  # any add/remove/status change (for summaries and buttons)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.book = JobList()

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.book)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(self.HEADERS[section]))  # QT_TRANSLATE_NOOP is typed as returning object
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.book):
            return None
        job = self.book.job(index.row())
        col = index.column()
        if role == JobRole:
            return job
        if role == ProgressRole:
            return job.fraction
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return job.name
            if col == self.DURATION:
                return "…" if job.duration_ms is None else format_clock(job.duration_ms, rounded=True)
            if col == self.ENGINE:
                return words.engine_label(job.engine)
            if col == self.PRICE:
                return words.price_text(job)
            if col == self.STATUS:
                return words.status_text(job)
            if col == self.PROGRESS:
                return f"{int(job.fraction * 100)}%" if job.fraction or job.status == Status.RUNNING else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.STATUS and job.status == Status.FAILED:
                return words.say(job.error)
            if col == self.STATUS and job.status == Status.GAPS and job.result is not None:
                tip = words.status_text(job) + "\n" + words.gaps_hint()
                return tip + ("\n" + words.say(job.error) if job.error else "")
            if col == self.STATUS and job.status == Status.DONE and job.result is not None:
                return words.status_text(job)  # the whole sentence when the column elides it
            if col == self.STATUS and job.preview:
                return job.preview
            return str(job.source)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            if job.status == Status.FAILED:
                return QColor("#e5484d")
            if job.status == Status.GAPS:
                return QColor(GAPS_COLOUR)
            if job.status == Status.DONE:
                partial = job.result is not None and getattr(job.result, "outcome", lambda: "done")() != "done"
                return QColor(GAPS_COLOUR if partial else "#30a46c")  # amber: damaged
        if role == Qt.ItemDataRole.DecorationRole and col == self.STATUS and job.status == Status.GAPS:
            from .icons import icon

            return icon("retry", GAPS_COLOUR)  # Retry gaps fills them
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.DURATION, self.PRICE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{job.name}: {words.status_text(job)}"
        return None

    # -- jobs ---------------------------------------------------------------------------------
    def jobs(self) -> list[Job]:
        return self.book.jobs()

    def job(self, row: int) -> Job:
        return self.book.job(row)

    def job_by_id(self, job_id: int) -> Job | None:
        return self.book.job_by_id(job_id)

    def row_of(self, job: Job) -> int:
        return self.book.row_of(job)

    def with_status(self, *statuses: Status) -> list[Job]:
        return self.book.with_status(*statuses)

    def summary(self) -> str:
        return words.summary(self.book)

    def add(self, jobs: Iterable[Job]) -> list[Job]:
        jobs = list(jobs)
        if not jobs:
            return []
        first = len(self.book)
        self.beginInsertRows(QModelIndex(), first, first + len(jobs) - 1)
        self.book.extend(jobs)
        self.endInsertRows()
        self.jobsChanged.emit()
        return jobs

    def remove(self, jobs: Iterable[Job]) -> None:
        for job in list(jobs):
            row = self.row_of(job)
            if row < 0:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            self.book.pop(row)
            self.endRemoveRows()
        self.jobsChanged.emit()

    def move(self, job: Job, delta: int) -> bool:
        row = self.row_of(job)
        dest = row + delta
        if row < 0 or not 0 <= dest < len(self.book):
            return False
        # Qt's beginMoveRows wants the row *before which* the item lands, in the old numbering
        qt_dest = dest + 1 if delta > 0 else dest
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), qt_dest):
            return False
        self.book.move_row(row, dest)
        self.endMoveRows()
        return True

    def changed(self, job: Job, *, structural: bool = True) -> None:
        row = self.row_of(job)
        if row < 0:
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        if structural:
            self.jobsChanged.emit()


def persistent_rows(indexes: Iterable[QModelIndex]) -> list[QPersistentModelIndex]:
    return [QPersistentModelIndex(i) for i in indexes]
