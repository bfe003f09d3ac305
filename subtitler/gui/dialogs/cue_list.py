"""A read-only list of a document's cues (start, end, text): the fallback when the editor is not
available."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from ...core.document.model import Document
from ...core.foundation.timecode import format_ms
from ...core.text.languages import language_name
from ..i18n import ui_language
from ..words import flag_text


class CueListDialog(QDialog):
    def __init__(self, document: Document, title: str = "", parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(title or self.tr("Cues"))
        self.resize(820, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        cues = document.cues
        text = self.tr("%n cue(s) · read-only", "", len(cues))
        if document.language:
            text += " · " + language_name(document.language, ui_language())
        info = QLabel(text)
        self.table = QTableWidget(len(cues), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Start"), self.tr("End"), self.tr("Text")])
        self.table.verticalHeader().setVisible(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, cue in enumerate(cues):
            for col, text in enumerate((format_ms(cue.start, "."), format_ms(cue.end, "."), cue.text)):
                item = QTableWidgetItem(text)
                if cue.flag:
                    item.setToolTip(self.tr("Needs review: {problem}").format(problem=flag_text(cue.flag)))
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copy all"))
        copy.clicked.connect(self.copy_all)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def as_text(self) -> str:
        return "\n".join(f"{format_ms(c.start, '.')} --> {format_ms(c.end, '.')}  {c.plain()}"
                         for c in self.document.cues)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_all()
            return
        super().keyPressEvent(event)
