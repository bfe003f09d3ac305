"""The Settings dialog's "Local engine" group: the faster-whisper model (a name or a folder), what it
can recognise, and downloading a named model now, with progress and Cancel."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget,
)

from ...core.foundation.errors import Cancelled, SubtitlerError, failure_kind
from ...core.foundation.progress import CancelToken
from ..reasons import error_text, say
from .output_choice import buddy_label

log = logging.getLogger(__name__)

LOCAL_MODELS = ("", "tiny", "base", "small", "medium", "large-v3", "distil-large-v3")


class _ModelDownload(QRunnable):
    """``prepare_model`` on a pool thread: a name is downloaded (progress, cancel), a folder checked."""

    class Signals(QObject):
        progress = Signal(float)
        done = Signal(str, object)  # "ok" | "cancelled" | "failed", a ModelFolder or the reason

    def __init__(self, model: str) -> None:
        super().__init__()
        self.model = model
        self.token = CancelToken()
        self.signals = _ModelDownload.Signals()

    def run(self) -> None:
        from ...core.engines.local import prepare_model

        try:
            folder = prepare_model(self.model, lambda p: self.signals.progress.emit(p.fraction), self.token)
        except Cancelled:
            self.signals.done.emit("cancelled", None)
        except SubtitlerError as exc:
            self.signals.done.emit("failed", error_text(exc))
        except Exception as exc:  # an unexpected failure of the hub client: said, not a crash
            log.warning("model download failed", exc_info=True)  # the details, for the log only
            self.signals.done.emit("failed", say(failure_kind(exc)))
        else:
            self.signals.done.emit("ok", folder)


class LocalModelBox(QGroupBox):
    """Model chooser with its hint and the download row."""

    modelReady = Signal(str, object)  # the outcome of a model download ("ok", "cancelled", "failed")

    def __init__(self, model: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(self.tr("Local engine"), parent)
        self._download: Optional[_ModelDownload] = None
        self.local_model = QComboBox()
        self.local_model.setEditable(True)
        for name in LOCAL_MODELS:
            self.local_model.addItem(name or self.tr("tiny.en (offline pack, built in)"), name)
        idx = self.local_model.findData(model)
        if idx >= 0:
            self.local_model.setCurrentIndex(idx)
        else:
            self.local_model.setEditText(model)
        browse_model = QPushButton(self.tr("Folder…"))
        browse_model.clicked.connect(self._browse_model)
        lm_row = QHBoxLayout()
        lm_row.addWidget(self.local_model, 1)
        lm_row.addWidget(browse_model)
        ll = QFormLayout(self)
        ll.addRow(buddy_label(self.tr("Mo&del:"), self.local_model), lm_row)
        self.model_hint = QLabel()
        self.model_hint.setWordWrap(True)
        self.model_hint.setObjectName("modelHint")
        ll.addRow("", self.model_hint)
        # download a named model now (with progress), not when the first file runs
        self.download_button = QPushButton(self.tr("Do&wnload now"))
        self.download_button.clicked.connect(self._download_chosen)
        self.download_progress = QProgressBar()
        self.download_progress.setRange(0, 1000)
        self.download_progress.setTextVisible(True)
        self.download_progress.setFormat("%p%")
        self.download_cancel = QPushButton(self.tr("Cancel download"))
        self.download_cancel.clicked.connect(self.cancel_download)
        dl_row = QHBoxLayout()
        dl_row.addWidget(self.download_button)
        dl_row.addWidget(self.download_progress, 1)
        dl_row.addWidget(self.download_cancel)
        dl_row.addStretch(0)  # the button keeps its size while no progress is shown
        self.download_progress.hide()
        self.download_cancel.hide()
        ll.addRow("", dl_row)
        self.local_model.currentTextChanged.connect(self._check_model)
        self._check_model()

    def chosen_model(self) -> str:
        text = self.local_model.currentText().strip()
        data = self.local_model.currentData()
        if data is not None and self.local_model.itemText(self.local_model.currentIndex()) == text:
            return str(data)
        return text

    def _check_model(self, *_: Any) -> None:
        """Say what the chosen model can recognise; a folder is checked on disk (not loaded)."""
        from ...core.engines.local import inspect_model_folder

        model = self.chosen_model()
        if not model or model.endswith(".en"):
            text = self.tr("tiny.en knows English only. For Chinese and other languages choose a multilingual "
                           "model (e.g. small, medium) or a downloaded model folder.") if not model else \
                self.tr("This model knows English only.")
        elif Path(model).expanduser().is_dir():
            try:
                folder = inspect_model_folder(model)
            except SubtitlerError:
                text = "✗ " + self.tr(
                    "This folder is not a faster-whisper model (it needs model.bin and a vocabulary).")
            else:
                text = "✓ " + (self.tr("Multilingual model folder: Chinese and other languages work offline.")
                               if folder.multilingual else self.tr("This model folder knows English only."))
        else:
            text = self.tr("Multilingual model: downloaded once (now, or on first use), then it works offline.")
        self.model_hint.setText(text)
        self.model_hint.setToolTip("")
        is_name = bool(model) and not Path(model).expanduser().is_dir()
        self.download_button.setEnabled(is_name and self._download is None)
        if self._download is None:
            self.download_progress.hide()

    # -- model download ---------------------------------------------------------------------
    def download_model(self, model: Optional[str] = None) -> bool:
        """Download (or check) the chosen model, or ``model`` (then chosen)."""
        if self._download is not None:
            return False
        if model is not None:
            idx = self.local_model.findData(model)
            if idx >= 0:
                self.local_model.setCurrentIndex(idx)
            else:
                self.local_model.setEditText(model)
        name = self.chosen_model()
        if not name:
            return False
        task = _ModelDownload(name)
        task.setAutoDelete(False)
        task.signals.progress.connect(self._download_progress)
        task.signals.done.connect(self._download_done)
        self._download = task
        self.download_button.setEnabled(False)
        self.local_model.setEnabled(False)
        self.download_progress.setValue(0)
        self.download_progress.show()
        self.download_cancel.show()
        self.download_cancel.setEnabled(True)
        self.model_hint.setText(self.tr("Downloading the model {name}…").format(name=name))
        QThreadPool.globalInstance().start(task)
        return True

    def _download_chosen(self) -> None:
        self.download_model()

    def cancel_download(self) -> None:
        if self._download is not None:
            self._download.token.cancel()
            self.download_cancel.setEnabled(False)
            self.model_hint.setText(self.tr("Stopping the download…"))

    def downloading(self) -> bool:
        return self._download is not None

    def _download_progress(self, fraction: float) -> None:
        self.download_progress.setValue(int(max(0.0, min(1.0, fraction)) * 1000))

    def _download_done(self, outcome: str, value: Any) -> None:
        self._download = None
        self.download_cancel.hide()
        self.download_button.setEnabled(True)
        self.local_model.setEnabled(True)
        if outcome == "ok":
            self.download_progress.setValue(1000)
            self.model_hint.setText("✓ " + (
                self.tr("Model ready: Chinese and other languages work offline.") if value.multilingual
                else self.tr("Model ready (it knows English only).")))
            self.model_hint.setToolTip(str(value.path))
        else:
            self.download_progress.hide()
            self.model_hint.setText(self.tr("Download cancelled; what arrived is kept for the next try.")
                                    if outcome == "cancelled" else "✗ " + str(value))
        self.modelReady.emit(outcome, value)

    def _browse_model(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("faster-whisper model folder"))
        if path:
            self.local_model.setEditText(path)
