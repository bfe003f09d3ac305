"""Review of the corrections the chat model proposes (``core.delivery.translate.polish_cues``): one row per
changed cue with a word diff (a character diff for Chinese) — deletions struck through in red,
insertions in green — each accepted or rejected, then the accepted ones applied as ONE undo step
(``core.delivery.translate.apply_polish``). Nothing changes until Apply."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout,
)

from ...core.document.model import Document
from ...core.delivery.translate import PolishChange, apply_polish, flat_text

if TYPE_CHECKING:
    from .window import EditorWindow

DELETE_STYLE = "color:#b00020; background-color:#fde0e0; text-decoration:line-through;"
INSERT_STYLE = "color:#1b5e20; background-color:#d6f5d6; font-weight:600;"


def diff_html(change: PolishChange) -> str:
    """The change as rich text: equal runs plain, deleted runs struck in red, inserted in green."""
    out = []
    for kind, text in change.spans():
        t = html.escape(text)
        if kind == "delete":
            out.append(f'<span style="{DELETE_STYLE}"><s>{t}</s></span>')
        elif kind == "insert":
            out.append(f'<span style="{INSERT_STYLE}">{t}</span>')
        else:
            out.append(t)
    return "".join(out)


class PolishReviewDialog(QDialog):
    """Accept or reject each correction (all accepted to begin with); Apply makes one undo step."""

    COL_CUE, COL_CHANGE = range(2)

    def __init__(self, document: Document, changes: Sequence[PolishChange], win: "EditorWindow") -> None:
        super().__init__(win)
        self.document = document
        self.changes = list(changes)
        self.win = win
        self.applied = 0
        self.skipped = 0
        self.setWindowTitle(self.tr("Review corrections"))
        intro = QLabel(self.tr("The model proposes these corrections. Untick the ones to reject; Apply makes "
                               "the ticked ones one step you can undo."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.changes), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Cue"), self.tr("Correction")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(self.COL_CUE, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(self.COL_CHANGE, QHeaderView.ResizeMode.Stretch)
        for row, ch in enumerate(self.changes):
            item = QTableWidgetItem(str(ch.index + 1))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, self.COL_CUE, item)
            label = QLabel(diff_html(ch), self.table)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 2)
            label.setToolTip(self.tr("Before: {old}\nAfter: {new}").format(old=ch.old, new=ch.new))
            self.table.setCellWidget(row, self.COL_CHANGE, label)
        hh.sectionResized.connect(self._section_resized)
        self.table.itemChanged.connect(self._count)
        self.table.currentCellChanged.connect(self._show_cue)
        self.summary = QLabel(self)
        self.accept_all = QPushButton(self.tr("Accept all"), self)
        self.accept_all.clicked.connect(self._accept_all)
        self.reject_all = QPushButton(self.tr("Reject all"), self)
        self.reject_all.clicked.connect(self._reject_all)
        self.apply_button = QPushButton(self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.accept_all, self.reject_all):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.apply_button, self.cancel_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        lay.addLayout(buttons)
        self._count()
        self.resize(720, 460)

    def _section_resized(self, col: int, _old: int, _new: int) -> None:
        if col == self.COL_CHANGE:
            self.fit_rows()

    def fit_rows(self) -> None:
        """Each row as tall as its wrapped diff at the column's width."""
        width = self.table.columnWidth(self.COL_CHANGE)
        for row in range(self.table.rowCount()):
            label = self.table.cellWidget(row, self.COL_CHANGE)
            if label is not None:
                self.table.setRowHeight(row, label.heightForWidth(width) + 6)

    def item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, self.COL_CUE)
        assert item is not None
        return item

    def set_accepted(self, row: int, accepted: bool) -> None:
        self.item(row).setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)

    def set_all(self, accepted: bool) -> None:
        for row in range(self.table.rowCount()):
            self.set_accepted(row, accepted)

    def _accept_all(self) -> None:
        self.set_all(True)

    def _reject_all(self) -> None:
        self.set_all(False)

    def accepted_changes(self) -> list[PolishChange]:
        return [ch for row, ch in enumerate(self.changes) if self.item(row).checkState() == Qt.CheckState.Checked]

    def _count(self) -> None:
        n = len(self.accepted_changes())
        self.summary.setText(self.tr("%n of {total} correction(s) accepted.", "", n).format(total=len(self.changes)))
        self.apply_button.setText(self.tr("Apply %n correction(s)", "", n))
        self.apply_button.setEnabled(n > 0)

    def _show_cue(self, row: int) -> None:
        """The cue of the row under review, selected in the editor (when it is still there)."""
        if 0 <= row < len(self.changes):
            i = self.changes[row].index
            if 0 <= i < len(self.document.cues) and flat_text(self.document.cues[i].text) == self.changes[row].old:
                self.win.select_rows([i])

    def apply(self) -> None:
        accepted = self.accepted_changes()
        edit = apply_polish(self.document, accepted)
        self.applied = len(edit.steps) if edit is not None else 0
        self.skipped = len(accepted) - self.applied
        message = self.tr("Corrected %n cue(s).", "", self.applied)
        if self.skipped:
            message += " " + self.tr("%n correction(s) skipped: those cues were edited meanwhile.", "", self.skipped)
        self.win.notify(message, 8000)
        self.accept()
