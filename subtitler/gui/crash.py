"""The crash reporter: unexpected exceptions (any thread) are logged to the user log folder and
shown in a non-blocking dialog; the app and the queue go on."""

from __future__ import annotations

import datetime
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.foundation.secrets import append_private, scrub
from .settings import APP_NAME

log = logging.getLogger(__name__)
LOG_DIR_ENV = "SUBTITLER_LOG_DIR"


def default_log_dir() -> Path:
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


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
        self._old_hooks: Optional[tuple[Any, Any]] = None
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
        """Safe from any thread. Secrets (API keys, ``Bearer`` tokens) are scrubbed first."""
        summary, details = scrub(summary), scrub(details)
        self.write_log(summary, details)
        self._report.emit(summary, details)

    def write_log(self, summary: str, details: str) -> None:
        self.count += 1
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            stamp = datetime.datetime.now().isoformat(timespec="seconds")
            append_private(self.log_file, f"[{stamp}] {summary}\n{details.rstrip()}\n\n")
        except OSError as exc:  # the dialog still shows; nowhere else to complain
            log.error("cannot write the crash log %s: %s", self.log_file, exc)

    def _dialog_finished(self) -> None:
        box = self.sender()
        self.dialogs = [d for d in self.dialogs if d is not box]

    def _show(self, summary: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("CrashReporter", "Unexpected error"),
                          QCoreApplication.translate("CrashReporter", "Something went wrong: {summary}").format(
                              summary=summary),
                          QMessageBox.StandardButton.Close, self.parent_widget)
        box.setInformativeText(QCoreApplication.translate(
            "CrashReporter", "The queue goes on. The details were saved to {file}.").format(file=self.log_file))
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._dialog_finished)
        self.dialogs.append(box)
        box.show()
