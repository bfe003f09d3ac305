"""The editor window (minimal first version; grows into table + waveform + player)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import QMainWindow, QTableWidget, QTableWidgetItem, QWidget

from ...core import formats
from ...core.document import Document


class EditorWindow(QMainWindow):
    def __init__(self, document: Document, media_path: Optional[str] = None, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.document = document
        self.media_path = media_path or document.media_path
        table = QTableWidget(len(document.cues), 3, self)
        for i, c in enumerate(document.cues):
            for j, v in enumerate((c.start, c.end, c.text)):
                table.setItem(i, j, QTableWidgetItem(str(v)))
        self.setCentralWidget(table)
        self.setWindowTitle("Subtitle editor")

    @classmethod
    def import_subtitles(cls, path, media=None, parent=None) -> "EditorWindow":
        doc = Document(formats.load(Path(path)), media_path=str(media) if media else None)
        return cls(doc, media_path=doc.media_path, parent=parent)

    @classmethod
    def open_project(cls, path, parent=None) -> "EditorWindow":
        raise NotImplementedError("project files arrive with the full editor")
