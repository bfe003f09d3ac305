"""Small editor dialogs: find and replace (with regular expressions)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ...core.foundation.errors import SubtitlerError
from ..reasons import error_text


class FindReplaceDialog(QDialog):
    def __init__(self, editor, parent=None) -> None:
        """``editor`` offers ``find_next`` and ``replace_all`` (the edit controller)."""
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle(self.tr("Find and replace"))
        self.find_edit = QLineEdit(self)
        self.replace_edit = QLineEdit(self)
        self.regex = QCheckBox(self.tr("Regular expression"), self)
        self.case = QCheckBox(self.tr("Match case"), self)
        self.selection_only = QCheckBox(self.tr("Only in selected cues"), self)
        self.result_label = QLabel("", self)
        form = QFormLayout()
        form.addRow(self.tr("Find:"), self.find_edit)
        form.addRow(self.tr("Replace with:"), self.replace_edit)
        opts = QHBoxLayout()
        for w in (self.regex, self.case, self.selection_only):
            opts.addWidget(w)
        buttons = QHBoxLayout()
        self.find_btn = QPushButton(self.tr("Find next"), self)
        self.replace_btn = QPushButton(self.tr("Replace all"), self)
        close = QPushButton(self.tr("Close"), self)
        for b in (self.find_btn, self.replace_btn, close):
            buttons.addWidget(b)
        self.find_btn.setDefault(True)
        self.find_btn.clicked.connect(self.find_next)
        self.replace_btn.clicked.connect(self.replace_all)
        close.clicked.connect(self.hide)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(opts)
        lay.addLayout(buttons)
        lay.addWidget(self.result_label)

    def _opts(self) -> dict:
        return {"regex": self.regex.isChecked(), "case": self.case.isChecked()}

    def find_next(self) -> int:
        try:
            i = self.editor.find_next(self.find_edit.text(), **self._opts())
        except SubtitlerError as exc:
            self.result_label.setText(error_text(exc))
            return -1
        self.result_label.setText(self.tr("Not found.") if i < 0 else self.tr("Cue {number}").format(number=i + 1))
        return i

    def replace_all(self) -> int:
        try:
            n = self.editor.replace_all(self.find_edit.text(), self.replace_edit.text(),
                                        selection=self.selection_only.isChecked(), **self._opts())
        except SubtitlerError as exc:
            self.result_label.setText(error_text(exc))
            return 0
        self.result_label.setText(self.tr("Replaced in %n cue(s) (one undo step).", "", n))
        return n
