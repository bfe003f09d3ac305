"""The cue table: a QAbstractTableModel over the core Document (edits go through the Document,
so the one undo stack sees them; the model follows the Document's Change events)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPlainTextEdit, QStyledItemDelegate, QTableView

from ...core.document.model import Change, Document
from ...core.app.edits import cue_problems, format_duration, format_ms, parse_time
from ...core.foundation.errors import Reason, SubtitlerError
from ...core.timing.rules import Profile, cps
from ..reasons import error_text
from ..words import problem_text

COL_NUM, COL_START, COL_END, COL_DUR, COL_CPS, COL_TEXT, COL_FLAG, COL_TRANS = range(8)
HEADERS = ("#", QT_TRANSLATE_NOOP("CueModel", "Start"), QT_TRANSLATE_NOOP("CueModel", "End"),
           QT_TRANSLATE_NOOP("CueModel", "Duration"), QT_TRANSLATE_NOOP("CueModel", "CPS"),
           QT_TRANSLATE_NOOP("CueModel", "Text"), QT_TRANSLATE_NOOP("CueModel", "Flag"),
           QT_TRANSLATE_NOOP("CueModel", "Translation"))
LINE_BREAK_MARK = " ⏎ "
PROBLEM_BG = QColor(255, 228, 225)
FAST_FG = QColor(200, 0, 0)
FLAG_BG = QColor(255, 243, 205)


_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.UserRole))
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_EDITABLE_COLS = frozenset((COL_START, COL_END, COL_DUR, COL_TEXT, COL_FLAG))
_MULTILINE_COLS = (COL_TEXT, COL_TRANS)


class TextDelegate(QStyledItemDelegate):
    """Inline text editing that keeps line breaks: Enter commits, Shift+Enter breaks the line."""

    def createEditor(self, parent, option, index):
        if index.column() not in _MULTILINE_COLS:
            return super().createEditor(parent, option, index)
        ed = QPlainTextEdit(parent)
        ed.setTabChangesFocus(True)
        ed.installEventFilter(self)
        return ed

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor, option, index) -> None:
        if isinstance(editor, QPlainTextEdit):
            r = option.rect
            editor.setGeometry(r.x(), r.y(), r.width(), max(r.height() * 3, 60))
        else:
            super().updateEditorGeometry(editor, option, index)

    def eventFilter(self, obj, event) -> bool:
        if isinstance(obj, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.commitData.emit(obj)
                self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.NoHint)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.RevertModelCache)
                return True
        return super().eventFilter(obj, event)


class CueTableModel(QAbstractTableModel):
    editFailed = Signal(str)  # a user edit was refused, with the reason

    def __init__(self, document: Document, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.profile = profile
        self._rows = len(document.cues)
        self.track = ""  # the extra track shown in COL_TRANS (a translation; see translation.py)
        self.track_header = ""
        self._problems: dict[int, list[str]] = {}  # per row, for the rows painted since the last change
        self._unsubscribe = document.subscribe(self._on_change)

    def detach(self) -> None:
        self._unsubscribe()

    def set_profile(self, profile: Profile) -> None:
        self.profile = profile
        self._problems.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(HEADERS) - 1))

    # -- following the document --------------------------------------------------------------
    def _on_change(self, ch: Change) -> None:
        if ch.kind == "prop":
            return
        self._problems.clear()
        if ch.kind == "move":  # persistent indexes (the selection) move with the row
            lo, hi = min(ch.index, ch.to), max(ch.index, ch.to)
            self.beginMoveRows(QModelIndex(), ch.index, ch.index, QModelIndex(), ch.to + (ch.to > ch.index))
            self.endMoveRows()
            self.dataChanged.emit(self.index(max(0, lo - 1), 0),
                                  self.index(min(self._rows - 1, hi + 1), len(HEADERS) - 1))
            return
        same = min(ch.removed, ch.inserted)
        if ch.inserted > ch.removed:
            first = ch.index + ch.removed
            self.beginInsertRows(QModelIndex(), first, first + ch.inserted - ch.removed - 1)
            self._rows += ch.inserted - ch.removed
            self.endInsertRows()
        elif ch.removed > ch.inserted:
            first = ch.index + ch.inserted
            self.beginRemoveRows(QModelIndex(), first, first + ch.removed - ch.inserted - 1)
            self._rows -= ch.removed - ch.inserted
            self.endRemoveRows()
        # neighbours too: overlap and gap problems depend on them
        lo = max(0, ch.index - 1)
        hi = min(self._rows - 1, ch.index + max(same, 1))
        if ch.removed != ch.inserted:
            hi = self._rows - 1  # numbers after the change shift
        if hi >= lo:
            self.dataChanged.emit(self.index(lo, 0), self.index(hi, len(HEADERS) - 1))

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if section == COL_TRANS and self.track_header:
                return self.track_header
            return QCoreApplication.translate("CueModel", str(HEADERS[section]))
        return None

    def flags(self, index) -> Qt.ItemFlag:
        editable = index.column() in _EDITABLE_COLS or (index.column() == COL_TRANS and self.track)
        return _EDITABLE if editable else _READ_ONLY

    def problems(self, row: int) -> list[str]:
        hit = self._problems.get(row)
        if hit is None:
            hit = self._problems[row] = cue_problems(self.document.cues, row, self.profile)
        return hit

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or index.row() >= len(self.document.cues):
            return None  # fast path: views ask for many roles this model does not use
        row, col = index.row(), index.column()
        c = self.document.cues[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            editing = role == Qt.ItemDataRole.EditRole
            if col == COL_NUM:
                return None if editing else str(row + 1)
            if col == COL_START:
                return format_ms(c.start)
            if col == COL_END:
                return format_ms(c.end)
            if col == COL_DUR:
                return format_duration(c.duration)
            if col == COL_CPS:
                return None if editing else f"{cps(c):.1f}"
            if col == COL_TEXT:
                return c.text if editing else c.text.replace("\n", LINE_BREAK_MARK)
            if col == COL_FLAG:
                return problem_text(c.flag) if c.flag else c.flag
            if col == COL_TRANS:
                t = c.track(self.track) if self.track else ""
                return t if editing else t.replace("\n", LINE_BREAK_MARK)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TRANS:
                return (c.track(self.track) if self.track else "") or None
            probs = [problem_text(p) for p in self.problems(row)]
            if col == COL_TEXT and c.text:
                return c.text + ("\n\n" + "\n".join("• " + p for p in probs) if probs else "")
            return "\n".join("• " + p for p in probs) or None
        elif role == Qt.ItemDataRole.BackgroundRole:
            if col == COL_TRANS and self.track and c.text.strip() and not c.track(self.track):
                return QBrush(PROBLEM_BG)  # not translated (yet)
            if c.flag:
                return QBrush(FLAG_BG)
            if self.problems(row):
                return QBrush(PROBLEM_BG)
        elif role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_CPS and cps(c) > self.profile.max_cps:
                return QBrush(FAST_FG)
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_NUM, COL_START, COL_END, COL_DUR, COL_CPS):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.UserRole:
            return self.problems(row)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, col = index.row(), index.column()
        c = self.document.cues[row]
        try:
            if col == COL_START:
                start = parse_time(str(value), c.start)
                end = c.end if start < c.end else start + c.duration
                if (start, end) != (c.start, c.end):
                    self.document.set_times(row, start, end, label=Reason("undo.change_start"))
            elif col == COL_END:
                end = parse_time(str(value), c.end)
                if end <= c.start:
                    raise SubtitlerError(QCoreApplication.translate("CueModel", "the end must come after the start."))
                if end != c.end:
                    self.document.set_times(row, c.start, end, label=Reason("undo.change_end"))
            elif col == COL_DUR:
                dur = parse_time(str(value), c.duration)
                if dur <= 0:
                    raise SubtitlerError(QCoreApplication.translate("CueModel", "the duration must be above zero."))
                if dur != c.duration:
                    self.document.set_times(row, c.start, c.start + dur, label=Reason("undo.change_duration"))
            elif col == COL_TEXT:
                text = str(value).replace("\r\n", "\n").replace("\r", "\n")
                if text != c.text:
                    self.document.set_text(row, text)
            elif col == COL_FLAG:
                if str(value) != c.flag:
                    self.document.set_flag(row, str(value))
            elif col == COL_TRANS and self.track:
                text = str(value).replace("\r\n", "\n").replace("\r", "\n")
                if text != c.track(self.track):
                    self.document.set_track_text(row, self.track, text)
            else:
                return False
        except SubtitlerError as exc:
            self.editFailed.emit(error_text(exc))
            return False
        return True


class CueTable(QTableView):
    """The cue table view: whole rows selected, cells edited in place, compact columns."""

    def __init__(self, model: CueTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(TextDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        hh = self.horizontalHeader()
        for col, w in ((COL_NUM, 44), (COL_START, 92), (COL_END, 92), (COL_DUR, 60), (COL_CPS, 44), (COL_FLAG, 80)):
            hh.resizeSection(col, w)
        hh.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(COL_TRANS, QHeaderView.ResizeMode.Stretch)
        hh.moveSection(COL_TRANS, COL_FLAG)  # shown beside the text
        self.setColumnHidden(COL_TRANS, True)  # until a translation is shown (translation.py)
        self.setMinimumWidth(360)
