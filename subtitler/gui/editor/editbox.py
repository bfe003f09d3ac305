"""The edit box under the cue table: start / end / duration fields and the cue text.

Typing in the text box is a document edit (one undo step per typing burst), and the text box has
no undo of its own: Ctrl+Z / Ctrl+Y there reach the document's undo like everywhere else.
Ctrl+Delete / Ctrl+Backspace delete a word in the text (not the cue). The box never rewrites a
field the user is typing in."""

from __future__ import annotations

import itertools
import time
from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget,
)

from ...core.document.model import Change, Document
from ...core.foundation.errors import Reason, SubtitlerError
from ...core.foundation.timecode import format_duration, format_ms, parse_time
from ...core.text.script import measure
from ..reasons import error_text
from ..words import problem_text

BURST_PAUSE_S = 2.0  # typing after a pause this long starts a new undo step
_bursts = itertools.count(1)


class TypingBurst:
    """Keystrokes in one cue as one undo step: the merge key for the next edit, new after a pause
    of :data:`BURST_PAUSE_S` or after :meth:`reset` (another cue, an undo)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.burst = 0
        self.last_key = 0.0

    def reset(self) -> None:
        self.burst = 0

    def key(self, row: int) -> str:
        now = time.monotonic()
        if not self.burst or now - self.last_key > BURST_PAUSE_S:
            self.burst = next(_bursts)
        self.last_key = now
        return f"{self.kind}:{self.burst}:{row}"

_DOC_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_REDO_ALT = QKeySequence("Ctrl+Shift+Z")
_TEXT_KEYS = (QKeySequence.StandardKey.DeleteEndOfWord, QKeySequence.StandardKey.DeleteStartOfWord)


class ElidedLabel(QLabel):
    """One line that never widens the window: text too long for it ends in "…"; the tooltip (the
    one set, e.g. the problems one per line, else the whole text) says the rest. ``text()`` is
    the whole text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._full = ""
        self._tip = ""
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        self._fit()

    def text(self) -> str:
        return self._full

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._fit()

    def is_elided(self) -> bool:
        return super().text() != self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if "_full" in vars(self):  # (not while half-freed: see FrameView.resizeEvent)
            self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width() - 2))
        if shown != super().text():
            super().setText(shown)
        super().setToolTip(self._tip or (self._full if shown != self._full else ""))


class TextBox(QPlainTextEdit):
    """Enter inserts a line break (subtitles are short); Ctrl+Enter goes on to the next cue like
    Subtitle Edit. Undo/redo keys are left to the window (the document's undo); word deletion
    keys stay here (a window shortcut must not take them)."""

    commitNext = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if any(e.matches(k) for k in _DOC_KEYS) or QKeySequence(e.keyCombination()) == _REDO_ALT:
                e.ignore()  # let the window's Undo/Redo action have it
                return False
            if any(e.matches(k) for k in _TEXT_KEYS):
                e.accept()  # ours: delete a word, not the cue
                return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commitNext.emit()
            return
        super().keyPressEvent(e)


class EditBox(QWidget):
    """Shows and edits the current cue (``current()`` gives its row, -1 for none)."""

    failed = Signal(str)

    def __init__(self, document: Document, current: Callable[[], int], problems: Callable[[int], list],
                 parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.current = current
        self.problems = problems
        self._loading = False
        self._burst = TypingBurst("type")
        self.start_edit, self.end_edit, self.dur_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        row = QHBoxLayout()
        for label, w, tip, kind in (
                (self.tr("Start"), self.start_edit, self.tr("Start: 00:01:02,345, 1:02.345, 62.345, or +0.5 / -0.25"),
                 "start"),
                (self.tr("End"), self.end_edit, self.tr("End (same formats)"), "end"),
                (self.tr("Duration"), self.dur_edit, self.tr("Duration in seconds (or +0.5)"), "dur")):
            w.setToolTip(tip)
            w.setMaximumWidth(110)
            w.editingFinished.connect({"start": self._start_edited, "end": self._end_edited,
                                       "dur": self._dur_edited}[kind])
            row.addWidget(QLabel(label, self))
            row.addWidget(w)
        self.info_label = ElidedLabel(self)
        self.info_label.setMinimumWidth(80)  # its text changes with every edit: never relayout the window
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.info_label, 1)
        # the cue's problems on a line of their own (always there: showing them never moves the text box)
        self.problem_label = ElidedLabel(self)
        self.problem_label.setObjectName("problems")
        self.problem_label.setStyleSheet("#problems { color: #c2410c; }")
        self.problem_label.setFixedHeight(self.problem_label.fontMetrics().height() + 2)
        self.text_box = TextBox(self)
        self.text_box.setPlaceholderText(self.tr("Cue text (Enter: new line, Ctrl+Enter: next cue)"))
        self.text_box.setMinimumHeight(44)
        self.text_box.setMaximumHeight(80)
        self.text_box.textChanged.connect(self._typed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.problem_label)
        lay.addWidget(self.text_box)
        self._unsubscribe = document.subscribe(self._doc_changed)

    def detach(self) -> None:
        self._unsubscribe()

    def typing(self) -> bool:
        """True while the user is in the text box or a time field (nothing moves under them)."""
        focus = QApplication.focusWidget()  # the translation box (translation.py) lives here too
        return focus is not None and self.isAncestorOf(focus) and isinstance(focus, (QLineEdit, QPlainTextEdit))

    def new_burst(self) -> None:
        self._burst.reset()

    def _doc_changed(self, ch: Change) -> None:
        if not self._loading and ch.kind != "prop":
            self.load()

    def length_text(self, text: str) -> str:
        """The cue's length as the reading rules count it (Chinese: Netflix width, 你好 A → 2.5)."""
        return self.tr("length {length}").format(length=f"{measure(text):g}")

    def load(self, force: bool = False) -> None:
        """Show the current cue (time fields being edited are left alone unless ``force``)."""
        cur, cues = self.current(), self.document.cues
        self._loading = True
        try:
            if 0 <= cur < len(cues):
                c = cues[cur]
                for w, v in ((self.start_edit, format_ms(c.start)), (self.end_edit, format_ms(c.end)),
                             (self.dur_edit, format_duration(c.duration))):
                    if w.text() != v and (force or not w.hasFocus()):
                        w.setText(v)
                if self.text_box.toPlainText() != c.text:
                    pos = self.text_box.textCursor().position()
                    self.text_box.setPlainText(c.text)
                    tc = self.text_box.textCursor()
                    tc.setPosition(min(pos, len(c.text)))
                    self.text_box.setTextCursor(tc)
                probs = [problem_text(p) for p in self.problems(cur)]
                self.info_label.setText(self.tr("Cue {number}/{count}").format(number=cur + 1, count=len(cues))
                                        + " · " + self.length_text(c.text)
                                        + " · " + self.tr("{seconds} s").format(seconds=f"{c.duration / 1000:.2f}"))
                self.problem_label.setText("⚠ " + self.tr("; ").join(probs) if probs else "")
                self.problem_label.setToolTip("\n".join(probs))
                self.text_box.setEnabled(True)
            else:
                for w in (self.start_edit, self.end_edit, self.dur_edit):
                    w.clear()
                self.text_box.setPlainText("")
                self.text_box.setEnabled(False)
                self.info_label.setText(self.tr("%n cue(s)", "", len(cues)))
                self.problem_label.setText("")
                self.problem_label.setToolTip("")
        finally:
            self._loading = False

    def _typed(self) -> None:
        if self._loading:
            return
        i = self.current()
        if not (0 <= i < len(self.document.cues)):
            return
        text = self.text_box.toPlainText()
        if text == self.document.cues[i].text:
            return
        self._loading = True
        try:  # one undo step per typing burst in this cue
            self.document.set_text(i, text, merge_key=self._burst.key(i))
        finally:
            self._loading = False
        self.load()

    # (one bound method per field: a connected lambda would hold the box strongly, see tests/gui/test_leaks.py)
    def _start_edited(self) -> None:
        self._commit_time("start", self.start_edit)

    def _end_edited(self) -> None:
        self._commit_time("end", self.end_edit)

    def _dur_edited(self) -> None:
        self._commit_time("dur", self.dur_edit)

    def _commit_time(self, kind: str, widget: QLineEdit) -> None:
        i = self.current()
        if not (0 <= i < len(self.document.cues)) or not widget.text().strip():
            return
        c = self.document.cues[i]
        try:
            if kind == "start":
                start = parse_time(widget.text(), c.start)
                end = c.end if start < c.end else start + c.duration
                label = Reason("undo.change_start")
            elif kind == "end":
                start, end, label = c.start, parse_time(widget.text(), c.end), Reason("undo.change_end")
                if end <= start:
                    raise SubtitlerError(self.tr("the end must come after the start."))
            else:
                dur = parse_time(widget.text(), c.duration)
                if dur <= 0:
                    raise SubtitlerError(self.tr("the duration must be above zero."))
                start, end, label = c.start, c.start + dur, Reason("undo.change_duration")
            if (start, end) != (c.start, c.end):
                self.document.set_times(i, start, end, label=label)
        except SubtitlerError as exc:
            self.failed.emit(error_text(exc))
        self.load(force=True)
