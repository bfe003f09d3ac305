"""The "where and which formats" rows that the export and settings dialogs share, and a form
label whose mnemonic focuses a row holding a layout."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from typing import Sequence

from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...core.document.formats import FORMATS

FORMAT_LABELS: dict[str, str] = {"srt": "SRT", "ass": str(QT_TRANSLATE_NOOP("output_choice", "ASS (styled)")),
                                 "vtt": "WebVTT", "txt": str(QT_TRANSLATE_NOOP("output_choice", "Plain text"))}


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic (Alt+letter) focuses ``buddy`` (for rows holding a layout)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class BrowseFolderButton(QPushButton):
    """Browse…: a folder chosen in a dialog goes into ``edit``. (Its own bound method is the slot:
    a connected closure over the dialog would be held by PySide, out of the GC's sight.)"""

    def __init__(self, text: str, edit: QLineEdit, title: str, dialog_parent: QWidget) -> None:
        super().__init__(text)
        self.edit, self.title, self.dialog_parent = edit, title, dialog_parent
        self.clicked.connect(self.choose)

    def choose(self) -> None:
        path = QFileDialog.getExistingDirectory(self.dialog_parent, self.title, self.edit.text())
        if path:
            self.edit.setText(path)


def folder_row(parent: QWidget, text: str, title: str, browse_label: str = "") -> tuple[QLineEdit, QHBoxLayout]:
    """A folder field (empty: next to each source file) with a Browse button."""
    edit = QLineEdit(text)
    edit.setPlaceholderText(QCoreApplication.translate("output_choice", "next to each source file"))
    edit.setClearButtonEnabled(True)
    browse = BrowseFolderButton(browse_label or QCoreApplication.translate("output_choice", "&Browse…"),
                                edit, title, parent)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return edit, row


def format_checks(chosen: Sequence[str],
                  labels: dict[str, str] = FORMAT_LABELS) -> tuple[dict[str, QCheckBox], QHBoxLayout]:
    """One check box per subtitle format, ticked for ``chosen``."""
    boxes: dict[str, QCheckBox] = {}
    row = QHBoxLayout()
    for fmt in FORMATS:
        box = QCheckBox(QCoreApplication.translate("output_choice", labels[fmt]) if fmt in labels else fmt.upper())
        box.setChecked(fmt in chosen)
        boxes[fmt] = box
        row.addWidget(box)
    row.addStretch(1)
    return boxes, row


def checked(boxes: dict[str, QCheckBox]) -> list[str]:
    return [fmt for fmt, box in boxes.items() if box.isChecked()]
