"""The desktop app: QApplication set-up and all the wiring in one place — settings (QSettings),
the API key (keyring), the job queue, the window, dialogs, the editor, and the crash reporter
(unexpected exceptions are logged to the user log folder and shown; the queue goes on)."""

from __future__ import annotations

import dataclasses
import datetime
import gc
import logging
import os
import signal
import sys
import threading
import traceback
from pathlib import Path
from typing import Optional, Sequence

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..core import formats
from ..core.document import Document
from ..core.errors import SubtitlerError
from ..core.jobs import TranscribeOptions
from ..core.media import MEDIA_EXTENSIONS, is_media_path
from ..core.project import PROJECT_SUFFIX
from . import icons
from .dialogs.about import AboutDialog
from .dialogs.cue_list import CueListDialog
from .dialogs.export_dialog import BatchExportDialog, ExportSummary
from .dialogs.settings_dialog import SettingsDialog, make_glm_settings
from .i18n import install_translators
from .main_window import MainWindow, notice_html
from .queue_model import ACTIVE, RETRYABLE, Job, JobModel, Status
from .selftest import SELFTEST_ENV, run_selftest
from .settings import APP_NAME, ORG_NAME, AppSettings, KeyStore, effective_engine, env_key, user_settings
from .workers import JobQueue, warm_up_local_model

log = logging.getLogger(__name__)
LOG_DIR_ENV = "SUBTITLER_LOG_DIR"


def default_log_dir() -> Path:
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


# -- crash reporting ------------------------------------------------------------------------------
class CrashReporter(QObject):
    """Logs unexpected exceptions (any thread) to ``<log dir>/subtitler.log`` and shows a
    non-blocking dialog with the details; the app and the queue go on."""

    _report = Signal(str, str)

    def __init__(self, log_dir: Path, parent_widget: Optional[QWidget] = None) -> None:
        super().__init__()
        self.log_dir = Path(log_dir)
        self.parent_widget = parent_widget
        self.dialogs: list[QMessageBox] = []
        self.count = 0
        self._old_hooks = None
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @property
    def log_file(self) -> Path:
        return self.log_dir / "subtitler.log"

    def install(self) -> None:
        self._old_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._old_hooks is not None:
            sys.excepthook, threading.excepthook = self._old_hooks
            self._old_hooks = None

    def _excepthook(self, etype, value, tb) -> None:
        if issubclass(etype, KeyboardInterrupt):
            QApplication.quit()
            return
        self.report(f"{etype.__name__}: {value}", "".join(traceback.format_exception(etype, value, tb)))

    def _thread_hook(self, args) -> None:
        self.report(f"{args.exc_type.__name__}: {args.exc_value}",
                    "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))

    def report(self, summary: str, details: str) -> None:
        """Safe from any thread."""
        self.write_log(summary, details)
        self._report.emit(summary, details)

    def write_log(self, summary: str, details: str) -> None:
        self.count += 1
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            stamp = datetime.datetime.now().isoformat(timespec="seconds")
            with open(self.log_file, "a", encoding="utf-8") as fh:
                fh.write(f"[{stamp}] {summary}\n{details.rstrip()}\n\n")
        except OSError as exc:  # the dialog still shows; nowhere else to complain
            log.error("cannot write the crash log %s: %s", self.log_file, exc)

    def _show(self, summary: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, "Unexpected error",
                          f"Something went wrong: {summary}", QMessageBox.StandardButton.Close,
                          self.parent_widget)
        box.setInformativeText(f"The queue goes on. The details were saved to {self.log_file}.")
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda *_: self.dialogs.remove(box) if box in self.dialogs else None)
        self.dialogs.append(box)
        box.show()


# -- garbage collection in the GUI thread ---------------------------------------------------------
class GuiThreadGc(QObject):
    """Python's cyclic GC runs in whichever thread happens to allocate. If it frees a cycle that
    holds Qt objects (a closed dialog and its connected lambdas) on a worker thread, Qt deletes
    widgets off the GUI thread and the process crashes. So automatic GC is switched off while
    the window lives and done here instead, on a timer in the GUI thread, with the same
    generation thresholds."""

    _instance: Optional["GuiThreadGc"] = None
    _users = 0

    def __init__(self, interval_ms: int = 300) -> None:
        super().__init__()
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 > t0:
            gc.collect(2 if c2 > t2 and c1 > t1 else 1 if c1 > t1 else 0)

    @classmethod
    def acquire(cls) -> None:
        if cls._instance is None:
            cls._instance = cls()
            gc.disable()
            cls._instance.timer.start()
        cls._users += 1

    @classmethod
    def release(cls) -> None:
        cls._users = max(0, cls._users - 1)
        if cls._users == 0 and cls._instance is not None:
            cls._instance.timer.stop()
            cls._instance = None
            gc.collect()  # here, in the GUI thread
            gc.enable()


# -- the editor (another module; optional) ------------------------------------------------------
def editor_class():
    """``subtitler.gui.editor.EditorWindow`` or None while the editor is unavailable."""
    try:
        from .editor import EditorWindow
    except ImportError:
        return None
    except Exception:  # noqa: BLE001 - a broken editor must not take the queue window down
        log.exception("the editor failed to import")
        return None
    return EditorWindow


MEDIA_FILTER = "Video and audio ({});;All files (*)".format(" ".join(f"*{e}" for e in sorted(MEDIA_EXTENSIONS)))
SUBTITLE_SUFFIXES = (".srt", ".ass", ".ssa", ".vtt")
SUBTITLE_FILTER = "Subtitles (*.srt *.ass *.ssa *.vtt);;All files (*)"
PROJECT_FILTER = "subtitler projects (*.subtitler *.subproj *.json);;All files (*)"


class SubtitlerApp(QObject):
    """Owns the settings, the queue and the window, and connects them."""

    def __init__(self, qsettings: Optional[QSettings] = None, keystore: Optional[KeyStore] = None,
                 log_dir: Optional[Path] = None, *, install_hooks: bool = True, warm_up: bool = True) -> None:
        super().__init__()
        GuiThreadGc.acquire()
        self._gc_held = True
        self.warm_up = warm_up
        self.qsettings = qsettings if qsettings is not None else user_settings()
        self.settings = AppSettings.load(self.qsettings)
        self.keystore = keystore or KeyStore()
        self._key: Optional[str] = None
        self._refused: list[Path] = []  # files not queued because the engine cannot do the language
        self.windows: list[QWidget] = []  # editors and cue lists kept alive
        self.dialogs: list[QWidget] = []

        self.model = JobModel(self)
        self.queue = JobQueue(self.model, self.options_for, self.engine, max_files=self.settings.parallel_files,
                              parent=self)
        self.window = MainWindow(self.model)
        self.panel = self.window.queue
        self.crash = CrashReporter(log_dir or default_log_dir(), self.window)
        if install_hooks:
            self.crash.install()
        self._wire()
        if not self.settings.auto_start:
            self.window.actions["pause"].setChecked(True)
        self._restore_state()
        self.refresh_engine()
        self._update_summary()
        self._update_actions()

    # -- wiring -----------------------------------------------------------------------------
    def _wire(self) -> None:
        w, a = self.window, self.window.actions
        w.pathsDropped.connect(self.add_paths)
        w.confirm_close = self.confirm_close
        a["add_files"].triggered.connect(self.choose_files)
        a["add_folder"].triggered.connect(self.choose_folder)
        a["open_project"].triggered.connect(self.choose_project)
        a["import_subtitles"].triggered.connect(self.choose_subtitles)
        a["export"].triggered.connect(self.open_export)
        a["settings"].triggered.connect(self.open_settings)
        a["quit"].triggered.connect(w.close)
        a["open_job"].triggered.connect(lambda: self.open_job(self.panel.current_job()))
        a["cancel"].triggered.connect(lambda: self.queue.cancel(self.panel.selected_jobs()))
        a["retry"].triggered.connect(lambda: self.queue.retry(self.panel.selected_jobs()))
        a["retry_failed"].triggered.connect(lambda: self.queue.retry(self.model.with_status(Status.FAILED)))
        a["remove"].triggered.connect(lambda: self.queue.remove(self.panel.selected_jobs()))
        a["clear_done"].triggered.connect(lambda: self.queue.remove(self.model.with_status(Status.DONE)))
        a["move_up"].triggered.connect(lambda: self.move_selected(-1))
        a["move_down"].triggered.connect(lambda: self.move_selected(+1))
        a["copy_error"].triggered.connect(self.copy_error)
        a["pause"].toggled.connect(self.queue.set_paused)
        a["about"].triggered.connect(self.open_about)
        w.engine_notice.linkActivated.connect(lambda _: self.open_settings())
        w.message_bar.linkActivated.connect(self._on_message_link)
        self.panel.jobActivated.connect(self.open_job)
        self.panel.selectionChanged.connect(self._update_actions)
        self.panel.languageChanged.connect(self.set_series_language)
        self.panel.glossaryChanged.connect(self.set_glossary)
        self.panel.browseGlossary.connect(self.choose_glossary)
        self.model.jobsChanged.connect(self._update_summary)
        self.model.jobsChanged.connect(self._update_actions)
        self.queue.unexpectedError.connect(self._on_unexpected)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda *_: self.window.refresh_icons())

    def _on_unexpected(self, summary: str, details: str) -> None:
        self.crash.report(summary, details)

    # -- engine / options ---------------------------------------------------------------------
    def api_key(self) -> str:
        if self._key is None:
            self._key = self.keystore.get() or env_key()
        return self._key

    def engine(self) -> str:
        return effective_engine(self.settings, self.api_key())

    def glossary_terms(self) -> list[str]:
        path = self.settings.hotwords_file.strip()
        if not path:
            return []
        from ..core.engines.glm_settings import load_hotwords

        return load_hotwords(path)

    def options_for(self, job: Job) -> TranscribeOptions:
        """The options a job starts with (the series language and glossary apply to all)."""
        s = self.settings
        engine = self.engine()
        glm = None
        if engine == "glm":
            glm = make_glm_settings(s, self.api_key(), self.glossary_terms())
        return TranscribeOptions(engine=engine, model=s.local_model or None, language=s.language or "auto",
                                 profile=None if s.profile in ("", "auto") else s.profile, glm_settings=glm,
                                 zh=s.zh_style())

    def editor_engine(self):
        """The engine an editor re-transcribes with: the user's current settings, like a new job."""
        return self.options_for(None).make_engine()  # type: ignore[arg-type]

    def refresh_engine(self) -> None:
        engine = self.engine()
        s = self.settings
        if engine == "glm":
            self.window.engine_label.setText(f"Engine: GLM-ASR · {s.glm_model}")
            self.window.engine_notice.hide()
        else:
            from ..core.engines.local import model_label

            self.window.engine_label.setText(f"Engine: local · {model_label(s.local_model or None)}")
            if s.engine == "glm":
                html = notice_html("local", "No GLM-ASR API key is configured, so files are transcribed "
                                            "on this computer.")
                self.window.engine_notice.show_message(html, closable=True)
            else:
                self.window.engine_notice.hide()
        self.queue.set_engine_for_pending(engine)
        self.queue.set_max_files(s.parallel_files)
        if engine == "local" and self.warm_up:
            model = s.local_model or None
            self.queue.run_in_background(lambda: warm_up_local_model(model))
        self._update_glossary_info()

    # -- adding files -------------------------------------------------------------------------
    def add_paths(self, paths: Sequence[Path | str]) -> list[Job]:
        paths = [Path(p) for p in paths]
        if paths and self._refuse_for_language(paths):
            return []
        jobs, skipped = self.queue.add_paths(paths)
        missing = [p for p in skipped if not p.exists()]
        not_media = [p for p in skipped if p.exists()]
        parts = []
        if not_media:
            parts.append(f"Skipped {len(not_media)} file{'s' * (len(not_media) != 1)} that "
                         f"{'are' if len(not_media) != 1 else 'is'} not video or audio: " + _names(not_media))
        if missing:
            parts.append(f"Not found: {_names(missing)}")
        if parts:
            self.window.message_bar.show_message("<br>".join(parts))
        elif jobs:
            self.window.message_bar.hide()
        if not jobs and not parts and paths:
            self.window.statusBar().showMessage("Those files are already in the queue.", 5000)
        if jobs and not self.panel.selected_jobs():
            self.panel.select_job(jobs[0])
        return jobs

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window, "Add video or audio files", self._last_dir(),
                                                MEDIA_FILTER)
        if files:
            self._remember_dir(Path(files[0]).parent)
            self.add_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Add a folder of media files", self._last_dir())
        if folder:
            self._remember_dir(Path(folder))
            self.add_paths([folder])

    def _last_dir(self) -> str:
        return str(self.qsettings.value("ui/last_dir", str(Path.home())))

    def _remember_dir(self, folder: Path) -> None:
        self.qsettings.setValue("ui/last_dir", str(folder))

    # -- jobs ---------------------------------------------------------------------------------
    def move_selected(self, delta: int) -> None:
        jobs = self.panel.selected_jobs()
        if not jobs:
            return
        ordered = jobs if delta < 0 else list(reversed(jobs))
        for job in ordered:
            self.queue.move(job, delta)
        self.panel.select_job(jobs[0])

    def copy_error(self) -> None:
        if self.panel.copy_details():
            self.window.statusBar().showMessage("Error details copied.", 3000)

    def open_job(self, job: Optional[Job]) -> Optional[QWidget]:
        """The editor for a finished job; the read-only cue list while the editor is missing."""
        if job is None:
            return None
        if job.status != Status.DONE or job.result is None:
            text = job.error if job.status == Status.FAILED else f"{job.name} is not transcribed yet."
            self.window.statusBar().showMessage(text, 5000)
            return None
        return self.open_document(job.result.document, job.source, f"{job.name} — cues")

    def open_document(self, document: Document, media: Optional[Path], title: str) -> QWidget:
        editor = editor_class()
        win: Optional[QWidget] = None
        if editor is not None:
            try:
                win = editor(document, str(media) if media else None, engine_factory=self.editor_engine)
            except SubtitlerError as exc:
                self.window.statusBar().showMessage(str(exc), 8000)
        if win is None:
            win = CueListDialog(document, title, self.window)
            win.setModal(False)
        return self._present(win)

    def offer_recovery(self) -> list[QWidget]:
        """At start-up: offer to reopen editors that did not close cleanly (autosaved work)."""
        editor = editor_class()
        if editor is None:
            return []
        try:
            windows = editor.offer_recovery(self.window)
        except SubtitlerError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return []
        for win in windows:
            self._keep(win)
        return windows

    def _present(self, win: QWidget) -> QWidget:
        """Show a window the app keeps alive until it closes."""
        self._keep(win)
        win.show()
        return win

    def _keep(self, win: QWidget) -> None:
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed windows leave the list
        self.windows.append(win)
        win.destroyed.connect(lambda *_: self.windows.remove(win) if win in self.windows else None)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open project", self._last_dir(), PROJECT_FILTER)
        if path:
            self.open_project(path)

    def open_project(self, path: str | Path) -> Optional[QWidget]:
        editor = editor_class()
        if editor is None or not hasattr(editor, "open_project"):
            self.window.message_bar.show_message("Projects open in the editor, which is not available in this "
                                                 "installation.")
            return None
        try:
            win = editor.open_project(str(path), engine_factory=self.editor_engine)
        except SubtitlerError as exc:
            self.window.message_bar.show_message(f"Cannot open {Path(path).name}: {exc}")
            return None
        return self._present(win) if isinstance(win, QWidget) else win

    def open_paths(self, paths: Sequence[Path | str]) -> None:
        """Files given on the command line (a file manager's "Open with"): ``.subtitler`` projects
        open in the editor, subtitle files are imported, everything else goes to the queue."""
        rest = []
        for path in map(Path, paths):
            if path.suffix.lower() == PROJECT_SUFFIX and path.is_file():
                self.open_project(path)
            elif path.suffix.lower() in SUBTITLE_SUFFIXES and path.is_file():
                self.import_subtitles(path)
            else:
                rest.append(path)
        if rest:
            self.add_paths(rest)

    def choose_subtitles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import subtitles", self._last_dir(), SUBTITLE_FILTER)
        if path:
            self.import_subtitles(path)

    def import_subtitles(self, path: str | Path, media: Optional[Path] = None) -> Optional[QWidget]:
        path = Path(path)
        if media is None:  # a media file with the same stem next to it, if any
            media = next((p for p in sorted(path.parent.glob(f"{path.stem.split('.')[0]}.*"))
                          if is_media_path(p)), None)
        editor = editor_class()
        try:
            if editor is not None and hasattr(editor, "import_subtitles"):
                win = editor.import_subtitles(str(path), media=str(media) if media else None,
                                              engine_factory=self.editor_engine)
            else:
                win = CueListDialog(Document(formats.load(path)), f"{path.name} — cues", self.window)
        except SubtitlerError as exc:
            self.window.message_bar.show_message(f"Cannot import {path.name}: {exc}")
            return None
        return self._present(win) if isinstance(win, QWidget) else win

    # -- the right engine for the language ------------------------------------------------------
    def language_problem(self):
        """The core's check (core.languages) for the current engine, local model and language."""
        from ..core.languages import check_engine_language

        return check_engine_language(self.engine(), self.settings.local_model or None, self.settings.language)

    def _refuse_for_language(self, paths: list[Path]) -> bool:
        problem = self.language_problem()
        if problem is None:
            return False
        self._refused = list(paths)
        self.window.message_bar.show_message(language_problem_html(problem))
        return True

    def _on_message_link(self, link: str) -> None:
        if link == "use-glm" and self.api_key():
            self.settings.engine = "glm"
            self.settings.save(self.qsettings)
            self.refresh_engine()
            self._retry_refused()
        elif link in ("use-glm", "settings"):
            self.open_settings()

    def _retry_refused(self) -> None:
        paths, self._refused = self._refused, []
        if paths:
            self.add_paths(paths)  # checked again: refused again while the problem remains

    # -- series -------------------------------------------------------------------------------
    def set_series_language(self, language: str) -> None:
        if language != self.settings.language:
            self.settings.language = language or "auto"
            self.settings.save(self.qsettings)
            problem = self.language_problem()
            if problem is not None:  # say so now, not when the next file fails
                self.window.message_bar.show_message(language_problem_html(problem))

    def choose_glossary(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Glossary (one term per line)", self._last_dir(),
                                              "Text files (*.txt);;All files (*)")
        if path:
            self.set_glossary(path)

    def set_glossary(self, path: str) -> None:
        path = (path or "").strip()
        if self.panel.glossary.text() != path:
            self.panel.glossary.setText(path)
        self.settings.hotwords_file = path
        self.settings.save(self.qsettings)
        self._update_glossary_info()

    def _update_glossary_info(self) -> None:
        label = self.panel.glossary_info
        if not self.settings.hotwords_file.strip():
            label.setText("")
            return
        try:
            terms = self.glossary_terms()
        except SubtitlerError as exc:
            label.setText("<span style='color:#e5484d'>unreadable</span>")
            label.setToolTip(str(exc))
            return
        note = "" if self.engine() == "glm" else " (used by GLM-ASR only)"
        label.setText(f"{len(terms)} term{'s' * (len(terms) != 1)}{note}")
        label.setToolTip(", ".join(terms[:100]))

    # -- dialogs ------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        dlg = SettingsDialog(self.settings, self.keystore, self.window)
        dlg.saved.connect(self.apply_settings)
        self.dialogs.append(dlg)
        dlg.destroyed.connect(lambda *_: self.dialogs.remove(dlg) if dlg in self.dialogs else None)
        dlg.open()
        return dlg

    def apply_settings(self, new: AppSettings) -> None:
        self.settings = new
        self.settings.save(self.qsettings)
        self._key = None  # re-read from the keyring
        if self.panel.language.currentText() != new.language:
            self.panel.language.setCurrentText(new.language)
        self.refresh_engine()
        self._update_summary()
        self._retry_refused()

    def open_export(self) -> BatchExportDialog:
        s = self.settings
        dlg = BatchExportDialog(self.panel.selected_jobs(), self.model.jobs(), folder=s.output_dir,
                                formats=s.formats, pattern=s.name_pattern, overwrite=s.overwrite,
                                parent=self.window)
        dlg.choicesChanged.connect(self._remember_export)
        dlg.exported.connect(self._on_exported)
        self.dialogs.append(dlg)
        dlg.destroyed.connect(lambda *_: self.dialogs.remove(dlg) if dlg in self.dialogs else None)
        dlg.show()
        return dlg

    def _remember_export(self, folder: str, fmts: list, pattern: str, overwrite: bool) -> None:
        self.settings = dataclasses.replace(self.settings, output_dir=folder, formats=list(fmts),
                                            name_pattern=pattern, overwrite=overwrite)
        self.settings.save(self.qsettings)

    def _on_exported(self, summary: ExportSummary) -> None:
        msg = f"Exported {len(summary.written)} files"
        if summary.failed:
            msg += f"; {len(summary.failed)} failed (see the export summary)"
        self.window.statusBar().showMessage(msg + ".", 8000)

    def open_about(self) -> AboutDialog:
        dlg = AboutDialog(self.window, str(self.crash.log_file))
        dlg.show()
        self.dialogs.append(dlg)
        dlg.destroyed.connect(lambda *_: self.dialogs.remove(dlg) if dlg in self.dialogs else None)
        return dlg

    # -- status -------------------------------------------------------------------------------
    def _update_summary(self) -> None:
        self.window.summary_label.setText(self.model.summary())

    def _update_actions(self) -> None:
        a = self.window.actions
        sel = self.panel.selected_jobs()
        a["cancel"].setEnabled(any(j.status in (Status.PROBING, Status.QUEUED, Status.RUNNING) for j in sel))
        a["retry"].setEnabled(any(j.status in RETRYABLE for j in sel))
        a["retry_failed"].setEnabled(bool(self.model.with_status(Status.FAILED)))
        a["remove"].setEnabled(bool(sel))
        a["move_up"].setEnabled(bool(sel))
        a["move_down"].setEnabled(bool(sel))
        a["open_job"].setEnabled(any(j.status == Status.DONE for j in sel))
        a["copy_error"].setEnabled(any(j.status == Status.FAILED for j in sel))
        a["export"].setEnabled(bool(self.model.with_status(Status.DONE)))
        a["clear_done"].setEnabled(bool(self.model.with_status(Status.DONE)))

    # -- state / closing ----------------------------------------------------------------------
    def _restore_state(self) -> None:
        geo = self.qsettings.value("window/geometry")
        if geo is not None:
            self.window.restoreGeometry(geo)
        split = self.qsettings.value("window/splitter")
        if split is not None:
            self.panel.splitter.restoreState(split)
        self.panel.language.blockSignals(True)
        self.panel.language.setCurrentText(self.settings.language)
        self.panel.language.blockSignals(False)
        self.panel.glossary.setText(self.settings.hotwords_file)

    def save_state(self) -> None:
        self.qsettings.setValue("window/geometry", self.window.saveGeometry())
        self.qsettings.setValue("window/splitter", self.panel.splitter.saveState())
        self.settings.save(self.qsettings)

    def confirm_close(self) -> bool:
        busy = self.model.with_status(*ACTIVE)
        waiting = self.model.with_status(Status.PROBING, Status.QUEUED)
        if busy or waiting:
            n = len(busy)
            answer = QMessageBox.question(
                self.window, "Quit subtitler?",
                f"{n} job{'s' * (n != 1)} running and {len(waiting)} waiting. Cancel them and quit?\n\n"
                "Cloud (GLM-ASR) jobs keep the pieces already transcribed: add the file again later and "
                "only the rest is sent.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            self.queue.cancel_all()
        self.save_state()
        self.queue.shutdown(wait_ms=10000)
        for win in list(self.windows):
            win.close()
        self._release_gc()
        return True

    def _release_gc(self) -> None:
        if self._gc_held:
            self._gc_held = False
            GuiThreadGc.release()

    def close(self) -> None:
        """For tests: stop workers and hooks without asking."""
        self.queue.cancel_all()
        self.queue.shutdown(wait_ms=15000)
        self.crash.uninstall()
        self.window.confirm_close = lambda: True
        self.window.close()
        self._release_gc()


def language_problem_html(problem) -> str:
    """The message bar's words for a core.languages.LanguageProblem, with the ways out as links."""
    from ..core.languages import language_name

    name = language_name(problem.language)
    if problem.kind == "english-only":
        return (f"<b>The offline model understands English only, not {name}.</b> "
                "<a href='use-glm'>Use GLM-ASR</a> (needs an API key), or "
                "<a href='settings'>choose a multilingual model folder in Settings</a>. "
                "Files are added once the engine can recognise the language.")
    if problem.kind == "not-on-glm":
        return (f"<b>GLM-ASR recognises Chinese and English only, not {name}.</b> "
                "<a href='settings'>Choose the offline engine with a multilingual model in Settings</a>.")
    return f"<b>Unknown language '{problem.language}'.</b> Choose one from the Series language list."


def _names(paths: Sequence[Path], limit: int = 6) -> str:
    names = [p.name or str(p) for p in paths]
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


# -- entry point ----------------------------------------------------------------------------------
def configure_qt() -> None:
    """Before the QApplication exists: crisp high-DPI rendering at fractional scales."""
    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def get_application(argv: Optional[list[str]] = None) -> QApplication:
    configure_qt()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("subtitler")
    app.setWindowIcon(icons.app_icon())
    if hasattr(app, "setDesktopFileName"):
        app.setDesktopFileName("subtitler")
    return app


def setup_logging(log_dir: Path) -> Optional[logging.Handler]:
    """Log the app's INFO+ messages to ``<user log dir>/subtitler.log`` (rotated)."""
    from logging.handlers import RotatingFileHandler

    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(log_dir / "subtitler.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger("subtitler")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def main(files: Optional[list[str]] = None) -> int:
    """``subtitler [FILE...]``: the window, with ``files`` opened (:meth:`SubtitlerApp.open_paths`)."""
    app = get_application()
    handler = setup_logging(default_log_dir())
    install_translators(app)
    subtitler_app = SubtitlerApp()
    subtitler_app.window.show()
    QTimer.singleShot(0, subtitler_app.offer_recovery)
    if files:
        QTimer.singleShot(0, lambda: subtitler_app.open_paths(files))
    if os.environ.get(SELFTEST_ENV):  # packaging smoke tests: report on the first window, then quit
        QTimer.singleShot(0, lambda: run_selftest(subtitler_app, Path(os.environ[SELFTEST_ENV])))
    # Ctrl+C in the terminal closes the window (asking first if jobs run); the idle timer lets
    # Python see the signal while Qt's event loop waits
    signal.signal(signal.SIGINT, lambda *_: subtitler_app.window.close())
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(250)
    try:
        return app.exec()
    finally:
        subtitler_app.crash.uninstall()
        subtitler_app._release_gc()
        if handler is not None:
            logging.getLogger("subtitler").removeHandler(handler)
            handler.close()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
