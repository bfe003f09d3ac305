"""About subtitler: what it is, and the versions of the app and of the parts it runs on."""

from __future__ import annotations

from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout

from ...core.app.versions import app_version, component_versions
from .. import icons


def versions() -> dict[str, str]:
    """The versions About shows: the app, Qt for Python and Qt as loaded, faster-whisper, ffmpeg, Python."""
    found = component_versions()
    found["PySide6"] = f"{pyside_version} (Qt {qVersion()})"
    order = ("subtitler", "PySide6", "faster-whisper", "ffmpeg", "Python")
    return {k: found[k] for k in order if k in found}


class AboutDialog(QDialog):
    def __init__(self, parent=None, log_file: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About subtitler"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.versions = versions()
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(72, 72))
        rows = "".join(f"<tr><td>{escape(k)}</td><td>&nbsp;&nbsp;{escape(v)}</td></tr>"
                       for k, v in self.versions.items())
        blurb = self.tr("Turn video and audio into good subtitles with GLM-ASR or the offline "
                        "faster-whisper engine, then fix them on a timeline.")
        log_label = self.tr("Log file:")
        log_line = f"<p style='color:gray'>{log_label} {escape(log_file)}</p>" if log_file else ""
        text = QLabel(f"<h2>subtitler {escape(app_version())}</h2><p>{blurb}</p>"
                      f"<table style='color:gray'>{rows}</table>{log_line}")
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text.setOpenExternalLinks(True)
        self.text = text
        row = QHBoxLayout()
        row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy versions"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setIcon(icons.icon("copy"))
        copy.clicked.connect(self.copy_versions)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(480, 280)

    def versions_text(self) -> str:
        return "\n".join(f"{k}: {v}" for k, v in self.versions.items())

    def copy_versions(self) -> None:
        """For bug reports: the versions as plain text on the clipboard."""
        QGuiApplication.clipboard().setText(self.versions_text())
