"""Queue controller: files in (drops, file dialogs, folders), the job commands (cancel, retry,
remove, reorder, copy the error), which commands are enabled, the summary line, and stopping the
queue on quit."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.media.ffmpeg import MEDIA_EXTENSIONS
from ...core.app.queue import ACTIVE, FINISHED, RETRYABLE, WAITING, Job, Status
from ..main_window import MainWindow
from ..queue_model import JobModel
from ..workers import JobQueue
from .settings import SettingsController, language_problem_html

DOWNLOAD_MODEL = "small"  # the multilingual model the "English-only model" message offers to download
MEDIA_PATTERNS = " ".join(f"*{e}" for e in sorted(MEDIA_EXTENSIONS))


def media_filter() -> str:
    return QCoreApplication.translate("QueueController", "Video and audio ({patterns});;All files (*)").format(
        patterns=MEDIA_PATTERNS)




class QueueController(QObject):
    def __init__(self, model: JobModel, queue: JobQueue, window: MainWindow, settings: SettingsController) -> None:
        super().__init__(window)
        self.model, self.queue, self.window, self.settings = model, queue, window, settings
        self.panel = window.queue
        self._refused: list[Path] = []  # files not queued because the engine cannot do the language

    # -- files in -----------------------------------------------------------------------------
    def add_paths(self, given: Sequence[Path | str]) -> list[Job]:
        paths = [Path(p) for p in given]
        if paths and self._refuse_for_language(paths):
            return []
        jobs, skipped = self.queue.add_paths(paths)
        missing = [p for p in skipped if not p.exists()]
        empty = [p for p in skipped if p.is_dir()]
        not_media = [p for p in skipped if p.exists() and not p.is_dir()]
        parts = []
        if empty:
            parts.append(self.tr("No video or audio in %n folder(s): {names}", "",
                                 len(empty)).format(names=names(empty)))
        if not_media:
            parts.append(self.tr("Skipped %n file(s) that are not video or audio: {names}", "", len(not_media))
                         .format(names=names(not_media)))
        if missing:
            parts.append(self.tr("Not found: {names}").format(names=names(missing)))
        if parts:
            self.window.tell("<br>".join(parts))
        elif jobs:
            self.window.message_bar.hide()
        if not jobs and not parts and paths:
            self.window.notify(self.tr("Those files are already in the queue."))
        if jobs and not self.panel.selected_jobs():
            self.panel.select_job(jobs[0])
        return jobs

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Add video or audio files"),
                                                self.settings.last_dir(),
                                                media_filter())
        if files:
            self.settings.remember_dir(Path(files[0]).parent)
            self.add_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Add a folder of media files"),
                                                  self.settings.last_dir())
        if folder:
            self.settings.remember_dir(Path(folder))
            self.add_paths([folder])

    def _refuse_for_language(self, paths: list[Path]) -> bool:
        problem = self.settings.language_problem()
        if problem is None:
            return False
        self._refused = list(paths)
        self.window.tell(language_problem_html(problem))
        return True

    def on_message_link(self, link: str) -> None:
        if link == "use-glm" and self.settings.api_key():
            self.settings.use_engine("glm")  # the app refreshes; refused files are retried
        elif link == "download-model":
            self.settings.open_settings(download=DOWNLOAD_MODEL)
        elif link in ("use-glm", "settings"):
            self.settings.open_settings()

    def retry_refused(self) -> None:
        paths, self._refused = self._refused, []
        if paths:
            self.add_paths(paths)  # checked again: refused again while the problem remains

    # -- job commands -------------------------------------------------------------------------
    def cancel_selected(self) -> int:
        return self.queue.cancel(self.panel.selected_jobs())

    def retry_selected(self) -> int:
        """Failed and cancelled jobs run again; jobs with gaps send only their failed pieces again."""
        return self.queue.retry(self.panel.selected_jobs())

    def retry_gaps_selected(self) -> int:
        return self.queue.retry_gaps(self.panel.selected_jobs())

    def retry_failed(self) -> int:
        return self.queue.retry(self.model.with_status(Status.FAILED))

    def remove_selected(self) -> None:
        self.queue.remove(self.panel.selected_jobs())

    def clear_done(self) -> None:
        self.queue.remove(self.model.with_status(*FINISHED))

    def move_up(self) -> None:
        self.move_selected(-1)

    def move_down(self) -> None:
        self.move_selected(+1)

    def move_selected(self, delta: int) -> None:
        jobs = self.panel.selected_jobs()
        if not jobs:
            return
        for job in (jobs if delta < 0 else list(reversed(jobs))):
            self.queue.move(job, delta)
        self.panel.select_job(jobs[0])

    def copy_error(self) -> None:
        if self.panel.copy_details():
            self.window.notify(self.tr("Error details copied."), 3000)

    def engine_changed(self) -> None:
        """After the settings changed: jobs not started yet use the engine now chosen."""
        self.queue.set_engine_for_pending(self.settings.engine())
        self.queue.set_max_files(self.settings.settings.parallel_files)
        self.update_summary()

    # -- what the window shows ----------------------------------------------------------------
    def update_summary(self) -> None:
        self.window.show_summary(self.model.summary())

    def update_actions(self) -> None:
        sel = self.panel.selected_jobs()
        any_done = bool(self.model.with_status(*FINISHED))
        self.window.enable_actions({
            "cancel": any(j.status in (*WAITING, Status.RUNNING) for j in sel),
            "retry": any(j.status in (*RETRYABLE, Status.GAPS) for j in sel),
            "retry_gaps": any(j.status == Status.GAPS for j in sel),
            "retry_failed": bool(self.model.with_status(Status.FAILED)),
            "remove": bool(sel), "move_up": bool(sel), "move_down": bool(sel),
            "open_job": any(j.status in (*FINISHED, Status.RUNNING) for j in sel),
            "copy_error": any(j.status == Status.FAILED for j in sel),
            "export": any_done, "clear_done": any_done,
        })

    # -- quitting -----------------------------------------------------------------------------
    def confirm_stop(self) -> bool:
        """Ask before cancelling running and waiting jobs; True: the queue may stop."""
        busy = self.model.with_status(*ACTIVE)
        waiting = self.model.with_status(*WAITING)
        if not (busy or waiting):
            return True
        n = len(busy)
        answer = QMessageBox.question(
            self.window, self.tr("Quit subtitler?"),
            self.tr("%n job(s) running", "", n) + self.tr(", {waiting} waiting. Cancel them and quit?").format(
                waiting=len(waiting)) + "\n\n" +
            self.tr("Cloud (GLM-ASR) jobs keep the pieces already transcribed: add the file again later and "
                    "only the rest is sent."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.queue.cancel_all()
        return True

    def stop(self, wait_ms: int = 10000) -> None:
        self.queue.cancel_all()
        self.queue.shutdown(wait_ms=wait_ms)

    def current_job(self) -> Optional[Job]:
        return self.panel.current_job()


def names(paths: Sequence[Path], limit: int = 6) -> str:
    shown = [p.name or str(p) for p in paths]
    text = ", ".join(shown[:limit])
    if len(shown) <= limit:
        return text
    return text + QCoreApplication.translate("QueueController", " and %n more", None, len(shown) - limit)
