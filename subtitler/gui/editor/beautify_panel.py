"""The Beautify report: a small non-modal panel listing every change of the last Beautify pass
(cue, edge, old → new time, the shift, the reason); clicking a row selects that cue and shows it.
The reasons come from the core as Reasons (code + parameters), said in the user's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from ...core.timing.beautify import BeautifyResult
from ...core.document.model import Document
from ...core.foundation.timecode import format_ms
from ..reasons import say

if TYPE_CHECKING:
    from .window import EditorWindow


def reason_text(reason: str) -> str:
    """A Beautify reason (a Reason: ``beautify.*``) in the user's language."""
    return say(reason)


def summary_text(result: Optional[BeautifyResult]) -> str:
    if result is None:
        return QCoreApplication.translate("Beautify", "Beautify has not run yet: choose Timing ▸ Beautify timing.")
    g = result.grid
    fps = f"{g.fps:.3f}".rstrip("0").rstrip(".")
    rate = (QCoreApplication.translate("Beautify", "variable frame rate (average {fps} fps)") if g.variable
            else QCoreApplication.translate("Beautify", "{fps} fps")).format(fps=fps)
    head = QCoreApplication.translate("Beautify", "{preset} · {rate} · %n shot change(s)", None,
                                      result.shot_changes).format(preset=say(result.preset.label), rate=rate)
    if not result.changes:
        nothing = QCoreApplication.translate("Beautify", "Nothing to change: the timing already follows the rules.")
        return head + "\n" + nothing
    cues = len({c.index for c in result.changes})
    counts = QCoreApplication.translate("Beautify", ", ").join(
        QCoreApplication.translate("Beautify", "{count}× {reason}").format(count=n, reason=reason_text(r))
        for r, n in result.reasons().most_common())
    changed = QCoreApplication.translate("Beautify", "%n time(s) changed", None, len(result.changes))
    in_cues = QCoreApplication.translate("Beautify", "in %n cue(s)", None, cues)
    return head + "\n" + QCoreApplication.translate("Beautify", "{changed} {in_cues}: {counts}").format(
        changed=changed, in_cues=in_cues, counts=counts)


class BeautifyReport(QDialog):
    """Non-modal: the editor stays usable while it is open."""

    def __init__(self, win: "EditorWindow") -> None:
        super().__init__(win)
        self.win = win
        self.setWindowTitle(self.tr("Beautify report"))
        self.setModal(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Cue"), self.tr("Edge"), self.tr("Before"), self.tr("After"),
                                              self.tr("Shift"), self.tr("Reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        head = self.table.horizontalHeader()
        for col in range(5):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(self._cell_clicked)
        # arrow keys in the list follow the cues too (not a programmatic change when it fills)
        self.table.currentCellChanged.connect(self._current_cell_changed)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(box)
        self._rows: list[tuple[object, int, int]] = []  # (cue object after the pass, its index then, time)
        self.document: Optional[Document] = None
        self.resize(640, 360)

    def show_result(self, result: Optional[BeautifyResult], document: Document) -> None:
        self.document = document
        self.summary.setText(summary_text(result))
        changes = result.changes if result is not None else []
        cues = result.cues if result is not None else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(changes))
        self._rows = []
        for row, ch in enumerate(changes):
            edge = self.tr("start") if ch.field == "start" else self.tr("end")
            shift = self.tr("{delta} ms").format(delta=f"{ch.new - ch.old:+d}")
            cells = (str(ch.index + 1), edge, format_ms(ch.old), format_ms(ch.new), shift, reason_text(ch.reason))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
            self._rows.append((cues[ch.index], ch.index, ch.new))
        self.table.blockSignals(False)

    def _cell_clicked(self, row: int, _col: int) -> None:
        self.go_to(row)

    def _current_cell_changed(self, row: int, *_: int) -> None:
        if self.table.hasFocus():
            self.go_to(row)

    def go_to(self, row: int) -> None:
        """Select the cue of this change in the editor (found by identity: rows may have moved)."""
        if not (0 <= row < len(self._rows)) or self.document is None:
            return
        cue, index, t = self._rows[row]
        found = self.document.index_of(cue)  # type: ignore[arg-type]
        target = found if found >= 0 else index
        if 0 <= target < len(self.document.cues):
            self.win.select_rows([target])
            self.win.waveform.show_range(self.document.cues[target].start, self.document.cues[target].end)
            self.win.seek(t)
