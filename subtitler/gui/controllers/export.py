"""Export controller: the batch export dialog over the finished jobs, remembering the user's
choices, and the one-line result in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ...core.foundation.errors import UsageError
from ..dialogs.export_dialog import BatchExportDialog, ExportSummary
from ..main_window import MainWindow
from ..queue_model import JobModel
from .settings import SettingsController

if TYPE_CHECKING:
    from ...core.delivery.translate import ChatSettings


class ExportController(QObject):
    def __init__(self, model: JobModel, window: MainWindow, settings: SettingsController,
                 keep_dialog: Callable[[QWidget], None]) -> None:
        super().__init__(window)
        self.model, self.window, self.settings, self.keep_dialog = model, window, settings, keep_dialog

    def open_export(self) -> BatchExportDialog:
        s = self.settings.settings
        dlg = BatchExportDialog(self.window.queue.selected_jobs(), self.model.jobs(), folder=s.output_dir,
                                formats=s.formats, pattern=s.name_pattern, overwrite=s.overwrite,
                                series=s, chat=self.chat_settings, parent=self.window)
        dlg.choicesChanged.connect(self.remember)
        dlg.seriesChanged.connect(self.remember_series)
        dlg.exported.connect(self.report)
        self.keep_dialog(dlg)
        dlg.show()
        return dlg

    def remember_series(self, fields: dict) -> None:
        self.settings.update(**fields)

    def remember(self, folder: str, fmts: list, pattern: str, overwrite: bool) -> None:
        self.settings.update(output_dir=folder, formats=list(fmts), name_pattern=pattern, overwrite=overwrite)

    def chat_settings(self) -> "tuple[ChatSettings, list[str]]":
        """Translation goes through the GLM chat API with GLM-ASR's key, base URL and glossary."""
        services = self.settings.services
        if not services.api_key():
            raise UsageError(self.tr("translation uses the GLM chat API: store a GLM API key in Settings first."))
        from ...core.delivery.translate import ChatSettings  # not at start-up: the chat client

        return ChatSettings(glm=services.glm_settings(), model=services.settings.translate_model), services.glossary()

    def report(self, summary: ExportSummary) -> None:
        msg = self.tr("Exported %n file(s).", "", len(summary.written))
        if summary.failed:  # failures first
            msg = self.tr("%n file(s) failed (see the export summary).", "", len(summary.failed)) + " " + msg
        if summary.cancelled:
            msg += " " + self.tr("Cancelled.")
        self.window.notify(msg, 8000)
