"""The editor's "Export video with subtitles…": the document's cues (the original, a translation or
both) drawn into its video by the core's burn-in (libass in ffmpeg, H.264, original audio), in the
background with a progress bar and Cancel. Nothing is overwritten without asking; a cancelled or
failed export leaves no file behind (the core writes a hidden part file and renames it at the end).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from ...core.delivery.deliver import burn_path, document_ass, translation_tracks
from ...core.foundation.errors import SubtitlerError
from ...core.text.languages import language_name
from ...core.media.ffmpeg import burn_subtitles
from ..delivery import DeliveryThread, finish_thread, order_combo, quality_combo, stage_text
from ..dialogs.output_choice import buddy_label
from ..i18n import ui_language
from ..reasons import error_text

if TYPE_CHECKING:
    from .window import EditorWindow


class BurnDialog(QDialog):
    """One export at a time; the dialog stays open to show how it ended."""

    def __init__(self, win: "EditorWindow", parent: Optional[QWidget] = None) -> None:
        super().__init__(parent or win)
        self.win = win
        self.setWindowTitle(self.tr("Export video with subtitles"))
        self.worker: Optional[DeliveryThread] = None
        self.written: Optional[Path] = None
        self.outcome = ""  # "done" | "failed" | "cancelled" once an export ended
        media = win.document.media_path or ""
        self.source = Path(media) if media else None

        no_media = self.tr("(no media: open one with File ▸ Open media…)")
        self.video = QLabel(str(self.source) if self.source else no_media)
        self.video.setWordWrap(True)
        self.output = QLineEdit(str(burn_path(self.source, None)) if self.source else "")
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self.choose_output)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(self.browse)

        self.show_box = QComboBox()
        self.show_box.addItem(self.tr("Original subtitles"), ("original", ""))
        ui = ui_language()
        for lang in translation_tracks(win.document):
            name = language_name(lang, ui)
            self.show_box.addItem(self.tr("Bilingual: original + {language}").format(language=name),
                                  ("bilingual", lang))
            self.show_box.addItem(self.tr("Translation only: {language}").format(language=name), ("translation", lang))
        if self.show_box.count() > 1:
            self.show_box.setCurrentIndex(1)  # a translated document most likely wants both
        self.order = order_combo()
        self.quality = quality_combo()
        self.show_box.currentIndexChanged.connect(self._sync_order)

        form = QFormLayout()
        form.addRow(self.tr("Video:"), self.video)
        form.addRow(buddy_label(self.tr("&Save as:"), self.output), out_row)
        form.addRow(self.tr("S&ubtitles:"), self.show_box)
        form.addRow(self.tr("&Order:"), self.order)
        form.addRow(self.tr("&Quality:"), self.quality)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.status = QLabel(self.tr("H.264 video with the original audio; the subtitles are drawn into the picture."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(self.tr("&Cancel export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self._sync_order()
        self._set_running(False)
        self.start_button.setEnabled(self.source is not None)
        self.resize(640, self.sizeHint().height())

    # -- choices -------------------------------------------------------------------------------
    def _sync_order(self, *_) -> None:
        self.order.setEnabled(self.show_box.currentData()[0] == "bilingual")

    def choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save video as"), self.output.text(),
                                              self.tr("MP4 video (*.mp4)"))
        if path:
            self.output.setText(path if Path(path).suffix else path + ".mp4")

    def confirm_replace(self, path: Path) -> bool:
        """Asked before an existing file is replaced (tests replace this)."""
        return QMessageBox.question(
            self, self.tr("Replace file?"),
            self.tr("{name} already exists. Replace it?").format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    # -- work ----------------------------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        for w in (self.output, self.browse, self.show_box, self.quality, self.start_button):
            w.setEnabled(not running)
        if not running:
            self._sync_order()
        else:
            self.order.setEnabled(False)
        self.cancel_button.setVisible(running)
        self.close_button.setVisible(not running)

    def _fail(self, text: str) -> None:
        self.outcome = "failed"
        self.status.setText("<span style='color:#e5484d'>" + self.tr("Failed: {reason}").format(
            reason=text.replace("<", "&lt;")) + "</span>")

    def start(self) -> bool:
        """Start the export in the background; False (with the reason shown) when it cannot."""
        if (self.worker is not None and self.worker.busy) or self.source is None:
            return False
        text = self.output.text().strip()
        if not text:
            self._fail(self.tr("choose where to save the video."))
            return False
        dst = Path(text).expanduser()
        if dst.suffix.lower() != ".mp4":
            dst = dst.with_name(dst.name + ".mp4")
            self.output.setText(str(dst))
        if dst.resolve() == self.source.resolve():
            self._fail(self.tr("the video cannot be written over its own source; choose another name."))
            return False
        if dst.exists() and not self.confirm_replace(dst):
            self.status.setText(self.tr("Not exported: {name} was kept.").format(name=dst.name))
            return False
        show, lang = self.show_box.currentData()
        try:
            ass = document_ass(self.win.document, show=show, target=lang, order=self.order.currentData(),
                               style=self.win.files.current_style() if show == "original" else None)
        except SubtitlerError as exc:
            self._fail(error_text(exc))
            return False
        src, quality = self.source, self.quality.currentData()
        self.worker = DeliveryThread(lambda token, progress: burn_subtitles(
            src, ass, dst, quality=quality, on_progress=progress, cancel=token), self)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.outcome, self.written = "", None
        self.progress.setValue(0)
        self.status.setText(self.tr("Starting…"))
        self._set_running(True)
        self.worker.start()
        return True

    def cancel(self) -> None:
        if self.worker is not None and self.worker.busy:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def _progress(self, p) -> None:
        self.progress.setValue(int(round(p.fraction * 1000)))
        self.status.setText(stage_text(p) + f" — {int(p.fraction * 100)}%")  # as the bar rounds

    def _done(self, path) -> None:
        self.outcome, self.written = "done", Path(path)
        self.progress.setValue(1000)
        self.status.setText(self.tr("Written: {path}").format(path=path))
        self.win.notify(self.tr("Video exported: {name}").format(name=Path(path).name), 8000)
        self._ended()

    def _failed(self, reason: str) -> None:
        self._fail(reason)
        self.win.notify(self.tr("Video export failed."), 8000)
        self._ended()

    def _cancelled(self) -> None:
        self.outcome = "cancelled"
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled; no video was written."))
        self._ended()

    def _ended(self) -> None:
        self._set_running(False)
        self.cancel_button.setEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        finish_thread(self.worker)
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc, Close: a running export is cancelled first
        finish_thread(self.worker)
        super().done(result)


def open_burn_dialog(win: "EditorWindow") -> BurnDialog:
    """Show the dialog (one per editor; kept as ``win.burn_dialog``)."""
    old = win.burn_dialog
    if isinstance(old, BurnDialog) and old.worker is not None and old.worker.busy:
        old.raise_()
        return old
    if isinstance(old, BurnDialog):  # idle: replaced (one per editor), not left hidden until the editor closes
        old.close()
        old.deleteLater()
    dlg = BurnDialog(win)
    win.burn_dialog = dlg
    dlg.show()
    return dlg
