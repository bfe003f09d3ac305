"""About subtitler."""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout

from .. import icons


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("subtitler")
    except Exception:
        return "dev"


class AboutDialog(QDialog):
    def __init__(self, parent=None, log_file: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("About subtitler")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(72, 72))
        text = QLabel(
            f"<h2>subtitler {app_version()}</h2>"
            "<p>Turn video and audio into good subtitles with GLM-ASR or the offline faster-whisper "
            "engine, then fix them on a timeline.</p>"
            f"<p style='color:gray'>Python {sys.version.split()[0]} · Qt for Python {pyside_version}</p>"
            + (f"<p style='color:gray'>Log file: {log_file}</p>" if log_file else "")
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text.setOpenExternalLinks(True)
        row = QHBoxLayout()
        row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(460, 220)
