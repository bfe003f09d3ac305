"""The desktop app: QApplication set-up and the wiring of its parts — the settings, queue, export
and editor controllers (``gui/controllers``), the job queue (``workers.JobQueue`` over the core's
queue model), the window, and the crash reporter. Logic lives in the controllers and the core."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from typing import Optional, Sequence

import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from ..core.app.media_cache import MediaCache
from ..core.document.project import PROJECT_SUFFIX
from ..core.foundation.secrets import PrivateRotatingHandler
from . import icons
from .controllers.editors import EditorLauncher, editor_class  # noqa: F401 - editor_class: tests patch it
from .controllers.export import ExportController
from .controllers.queue import QueueController
from .controllers.settings import SettingsController
from .crash import CrashReporter, default_log_dir
from .dialogs.about import AboutDialog
from ..core.app.settings import Settings
from .i18n import install_translators, locale_for
from .main_window import MainWindow
from .queue_model import JobModel
from .selftest import SELFTEST_ENV, run_selftest
from .settings import APP_NAME, ORG_NAME, KeyStore, user_settings
from .workers import JobQueue, warm_up_local_model

log = logging.getLogger(__name__)
SUBTITLE_SUFFIXES = (".srt", ".ass", ".ssa", ".vtt")  # opened from the command line: imported into the editor


class SubtitlerApp(QObject):
    """Creates the parts and connects them; each controller does one job."""

    def __init__(self, qsettings: Optional[QSettings] = None, keystore: Optional[KeyStore] = None,
                 log_dir: Optional[Path] = None, *, install_hooks: bool = True, warm_up: bool = True) -> None:
        super().__init__()
        self.warm_up = warm_up
        self.qsettings = qsettings if qsettings is not None else user_settings()
        if self.qsettings.parent() is None:
            self.qsettings.setParent(self)  # deleted with the app (see dispose), not by a GC on some thread
        self.keystore = keystore or KeyStore()
        self.dialogs: list[QWidget] = []

        self.model = JobModel(self)
        self.window = MainWindow(self.model)
        self.panel = self.window.queue
        self.settings_ctl = SettingsController(self.qsettings, self.keystore, self.window, self.keep_dialog)
        s = self.settings_ctl.settings
        self.media_cache = MediaCache(cap_mb=s.media_cache_mb)
        self.queue = JobQueue(self.model, self.settings_ctl.options_for, self.settings_ctl.engine,
                              max_files=s.parallel_files, media_cache=self.media_cache, parent=self)
        self.queue_ctl = QueueController(self.model, self.queue, self.window, self.settings_ctl)
        self.export_ctl = ExportController(self.model, self.window, self.settings_ctl, self.keep_dialog)
        self.editors = EditorLauncher(self.window, self.settings_ctl)
        self.crash = CrashReporter(log_dir or default_log_dir(), self.window)
        if install_hooks:
            self.crash.install()
        # the app's verbs (menus, tests, main) are the controllers'
        self.add_paths = self.queue_ctl.add_paths
        self.open_job = self.editors.open_job
        self.open_document = self.editors.open_document
        self.open_project = self.editors.open_project
        self.import_subtitles = self.editors.import_subtitles
        self.offer_recovery = self.editors.offer_recovery
        self.windows = self.editors.windows
        self.open_settings = self.settings_ctl.open_settings
        self.apply_settings = self.settings_ctl.apply_settings
        self.set_glossary = self.settings_ctl.set_glossary
        self.options_for = self.settings_ctl.options_for
        self.engine = self.settings_ctl.engine
        self.save_state = self.settings_ctl.save_state
        self.open_export = self.export_ctl.open_export
        self._wire()
        if not s.auto_start:
            self.window.actions["pause"].setChecked(True)
        self.settings_ctl.restore_state()
        self.refresh_engine()
        self.queue_ctl.update_summary()
        self.queue_ctl.update_actions()
        self.queue.run_in_background(self.media_cache.evict)  # a cap lowered since the last run

    @property
    def settings(self):
        return self.settings_ctl.settings

    def _wire(self) -> None:
        w, a, q, e, st = self.window, self.window.actions, self.queue_ctl, self.editors, self.settings_ctl
        w.pathsDropped.connect(q.add_paths)
        w.confirm_close = self.confirm_close
        for name, slot in (("add_files", q.choose_files), ("add_folder", q.choose_folder),
                           ("open_project", e.choose_project), ("import_subtitles", e.choose_subtitles),
                           ("export", self.export_ctl.open_export), ("settings", st.open_settings),
                           ("quit", w.close), ("cancel", q.cancel_selected), ("retry", q.retry_selected),
                           ("retry_gaps", q.retry_gaps_selected),
                           ("retry_failed", q.retry_failed), ("remove", q.remove_selected),
                           ("clear_done", q.clear_done), ("copy_error", q.copy_error), ("about", self.open_about)):
            a[name].triggered.connect(slot)
        # bound methods only (PySide holds a connected lambda strongly, out of the GC's sight)
        a["open_job"].triggered.connect(self.open_current_job)
        a["move_up"].triggered.connect(q.move_up)
        a["move_down"].triggered.connect(q.move_down)
        a["pause"].toggled.connect(self.queue.set_paused)
        w.engine_notice.linkActivated.connect(self._engine_link)
        w.message_bar.linkActivated.connect(q.on_message_link)
        self.panel.jobActivated.connect(e.open_job)
        self.panel.selectionChanged.connect(q.update_actions)
        self.panel.languageChanged.connect(st.set_series_language)
        self.panel.glossaryChanged.connect(st.set_glossary)
        self.panel.browseGlossary.connect(st.choose_glossary)
        self.model.jobsChanged.connect(q.update_summary)
        self.model.jobsChanged.connect(q.update_actions)
        self.queue.unexpectedError.connect(self.crash.report)
        self.queue.jobCues.connect(e.job_cues)
        self.queue.jobDone.connect(e.job_done)
        st.changed.connect(self.refresh_engine)
        st.changed.connect(q.retry_refused)  # after the engine is refreshed
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self.window.refresh_icons)  # a method: gone with the window

    def open_current_job(self) -> None:
        self.editors.open_job(self.queue_ctl.current_job())

    def _engine_link(self, _link: str) -> None:
        self.settings_ctl.open_settings()

    def refresh_engine(self) -> None:
        self.window.show_engine(*self.settings_ctl.engine_view())
        self.queue_ctl.engine_changed()
        self.settings_ctl.update_glossary_info()
        self.media_cache.cap_bytes = MediaCache(cap_mb=self.settings.media_cache_mb).cap_bytes
        if self.engine() == "local" and self.warm_up:
            model = self.settings.local_model or None
            self.queue.run_in_background(lambda: warm_up_local_model(model))

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

    def keep_dialog(self, dlg: QWidget) -> None:
        self.dialogs.append(dlg)
        dlg.destroyed.connect(self._forget_deleted_dialogs)

    def _forget_deleted_dialogs(self) -> None:
        self.dialogs[:] = [d for d in self.dialogs if shiboken6.isValid(d)]

    def open_about(self) -> AboutDialog:
        dlg = AboutDialog(self.window, str(self.crash.log_file))
        self.keep_dialog(dlg)
        dlg.show()
        return dlg

    # -- closing --------------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        if not self.queue_ctl.confirm_stop():
            return False
        self.settings_ctl.save_state()
        self.queue.shutdown(wait_ms=10000)
        self.editors.close_all()
        return True

    def close(self) -> None:
        """For tests: stop workers and hooks without asking, then :meth:`dispose`."""
        if shiboken6.isValid(self.window):
            self.queue_ctl.stop(wait_ms=15000)
            self.crash.uninstall()
            self.window.confirm_close = lambda: True
            self.window.close()
        self.dispose()

    def dispose(self) -> None:
        """Delete the app's Qt objects now, in this (the GUI) thread, once it is closed.

        The Python side of the app is full of reference cycles (controllers and the window refer
        to each other, connected lambdas); the cyclic GC may free them on any thread — a job's,
        faster-whisper's. Deleted here first, they leave the GC only wrappers whose C++ objects
        are gone, so no widget is ever deleted off the GUI thread."""
        if not shiboken6.isValid(self):
            return
        self.crash.uninstall()
        for win in list(self.windows):  # editors still open: closing was skipped (tests) or refused
            if shiboken6.isValid(win):
                shutdown = getattr(win, "shutdown", None)
                if callable(shutdown):
                    shutdown()  # its worker threads and player stopped first
                shiboken6.delete(win)
        for obj in (self.window, self.crash, self):  # the window's views use the model (the app's child)
            if shiboken6.isValid(obj):
                shiboken6.delete(obj)


# -- entry point ----------------------------------------------------------------------------------
def configure_qt() -> None:
    """Before the QApplication exists: crisp high-DPI rendering at fractional scales."""
    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def get_application(argv: Optional[list[str]] = None) -> QApplication:
    configure_qt()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else [sys.argv[0]])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("subtitler")
    app.setWindowIcon(icons.app_icon())
    if hasattr(app, "setDesktopFileName"):
        app.setDesktopFileName("subtitler")
    return app


def setup_logging(log_dir: Path) -> Optional[logging.Handler]:
    """Log the app's INFO+ messages to ``<user log dir>/subtitler.log`` (rotated; mode 0600; API
    keys and ``Bearer`` tokens redacted by a filter on the handler)."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = PrivateRotatingHandler(log_dir / "subtitler.log")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger("subtitler")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def _wake() -> None:
    """(The idle timer's slot: nothing to do, Python just gets to see a pending signal.)"""


def main(files: Optional[list[str]] = None) -> int:
    """``subtitler [FILE...]``: the window, with ``files`` opened (:meth:`SubtitlerApp.open_paths`)."""
    app = get_application()
    handler = setup_logging(default_log_dir())
    qsettings = user_settings()
    install_translators(app, locale_for(Settings.load(qsettings).ui_language))
    subtitler_app = SubtitlerApp(qsettings)
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
    wake.timeout.connect(_wake)
    wake.start(250)
    try:
        return app.exec()
    finally:
        subtitler_app.dispose()
        if handler is not None:
            logging.getLogger("subtitler").removeHandler(handler)
            handler.close()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
