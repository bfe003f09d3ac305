"""Regression tests for the editor defects of issue 11, each driven like a user (keys, clicks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.timing.rules import PROFILES

SHOTS = Path("/tmp/shots")
C = Qt.KeyboardModifier.ControlModifier
S = Qt.KeyboardModifier.ShiftModifier
N = Qt.KeyboardModifier.NoModifier
L = Qt.MouseButton.LeftButton


pytestmark = pytest.mark.usefixtures("isolated_dirs")  # tests/gui/conftest.py


def cues():
    return [Cue(1000, 3000, "We start with a short review of sampling"),
            Cue(3500, 6000, "and then move on to filters."),
            Cue(7000, 9000, "One two three four"), Cue(10_000, 12_000, "The last cue")]


def make(qtbot, doc=None, **kw):
    from subtitler.gui.editor import EditorWindow

    win = EditorWindow(doc or Document(cues()), **kw)
    win.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # window shortcuts need the active window
    return win


def test_first_edit_can_be_undone_and_redo_follows_undo(qtbot):
    win = make(qtbot)
    doc, undo, redo = win.document, win.menus.undo, win.menus.redo
    before = list(doc.cues)
    win.select_rows([0])
    win.table.setFocus()
    QTest.keyClick(win.table, Qt.Key.Key_M, C | S)  # the very first edit: merge
    assert len(doc.cues) == 3
    assert undo.isEnabled() and undo.text() == "Undo Merge cues" and not redo.isEnabled()
    QTest.keyClick(win.table, Qt.Key.Key_Z, C)
    assert doc.cues == before
    assert redo.isEnabled() and redo.text() == "Redo Merge cues" and not undo.isEnabled()
    QTest.keyClick(win.table, Qt.Key.Key_Y, C)  # redo right after undo
    assert len(doc.cues) == 3 and undo.isEnabled() and not redo.isEnabled()
    assert win.windowTitle().startswith("*")


def test_ctrl_z_and_ctrl_y_in_the_text_box_use_document_history(qtbot):
    win = make(qtbot)
    doc = win.document
    before = list(doc.cues)
    win.select_rows([1])
    win.table.setFocus()
    QTest.keyClick(win.table, Qt.Key.Key_Delete, C)  # delete cue 2 from the table
    assert len(doc.cues) == 3
    win.text_box.setFocus()
    QTest.keyClick(win.text_box, Qt.Key.Key_Z, C)  # undone from the text box
    assert doc.cues == before
    # typing is a document edit: one burst = one step, undone and redone from the text box
    win.select_rows([2])
    win.text_box.setFocus()
    win.text_box.moveCursor(win.text_box.textCursor().MoveOperation.End)
    QTest.keyClicks(win.text_box, " five six")
    assert doc.cues[2].text == "One two three four five six"
    QTest.keyClick(win.text_box, Qt.Key.Key_Z, C)
    assert doc.cues == before and win.text_box.toPlainText() == "One two three four"
    QTest.keyClick(win.text_box, Qt.Key.Key_Y, C)
    assert doc.cues[2].text == "One two three four five six" == win.text_box.toPlainText()
    QTest.keyClick(win.text_box, Qt.Key.Key_Z, C | S)  # Ctrl+Shift+Z is redo too: nothing left
    assert doc.cues[2].text == "One two three four five six"
    assert doc.undo_depth() == 1  # the delete and its undo left no step; the burst is one


def test_typing_during_playback_stays_in_the_cue_being_typed(qtbot):
    win = make(qtbot)
    doc = win.document
    win.player.is_playing = lambda: True  # playback as the sync sees it (no media needed)
    win.select_rows([0])
    win.text_box.setFocus()
    win.text_box.moveCursor(win.text_box.textCursor().MoveOperation.End)
    QTest.keyClicks(win.text_box, " one")
    win.player.positionChanged.emit(4000)  # the playhead reaches cue 2 while typing
    QTest.keyClicks(win.text_box, " more")
    assert win.current_row() == 0 and doc.cues[0].text.endswith("sampling one more")
    assert doc.cues[1].text == "and then move on to filters."
    # not typing, follow on: the selection follows the playhead
    win.table.setFocus()
    win.player.positionChanged.emit(7500)
    assert win.current_row() == 2
    # follow off: it never moves
    win.menus.follow.setChecked(False)
    win.player.positionChanged.emit(10_500)
    assert win.current_row() == 2 and not win.waveform.follow


def test_ctrl_delete_in_the_text_box_deletes_a_word_not_the_cue(qtbot):
    win = make(qtbot)
    doc = win.document
    win.select_rows([2])
    win.text_box.setFocus()
    win.text_box.moveCursor(win.text_box.textCursor().MoveOperation.Start)
    QTest.keyClick(win.text_box, Qt.Key.Key_Delete, C)
    assert len(doc.cues) == 4 and doc.cues[2].text.strip() == "two three four"
    win.text_box.moveCursor(win.text_box.textCursor().MoveOperation.End)
    QTest.keyClick(win.text_box, Qt.Key.Key_Backspace, C)
    assert len(doc.cues) == 4 and doc.cues[2].text.strip() == "two three"


def test_merge_breaks_the_joined_text_into_lines_of_the_profile(qtbot):
    win = make(qtbot)
    doc = win.document
    win.select_rows([0])
    QTest.keyClick(win.table, Qt.Key.Key_M, C | S)
    lines = doc.cues[0].text.split("\n")
    limit = win.profile.chars_per_line
    assert len(lines) == 2 and all(len(x) <= limit for x in lines)
    assert " ".join(lines) == "We start with a short review of sampling and then move on to filters."


def test_profile_and_style_changes_mark_the_document_changed(qtbot, tmp_path):
    from subtitler.core.document import formats

    win = make(qtbot)
    doc = win.document
    path = tmp_path / "p.subtitler"
    win.files.save_as(path)
    assert not doc.dirty
    action = next(a for a in win.menus.profile_menu.actions() if a.data() == "short-form")
    action.trigger()
    assert doc.profile == "short-form" and doc.dirty and win.windowTitle().startswith("*")
    assert win.model.profile is PROFILES["short-form"] and action.isChecked()
    asked = []
    win.ask_save_on_close = lambda: asked.append(1) or "cancel"
    win.close()
    assert asked and win.isVisible()  # closing asks instead of losing the change
    QTest.keyClick(win.table, Qt.Key.Key_Z, C)
    assert doc.profile == "netflix-en" and not doc.dirty  # back to the saved state (profile saved with it)
    style = formats.default_style(False)
    style.fontsize = 77
    win.files.set_style(style)
    assert doc.dirty and doc.styles["Default"]["fontsize"] == 77
    win.files.save()
    from subtitler.core.document import project as projects

    assert projects.load_project(path).styles["Default"]["fontsize"] == 77


def test_cues_stay_in_time_order_when_edited_past_a_neighbour(qtbot):
    win = make(qtbot)
    doc = win.document
    win.select_rows([0])
    win.start_edit.setText("00:00:08,000")  # past cue 2 and 3
    win.start_edit.editingFinished.emit()
    assert [c.start for c in doc.cues] == sorted(c.start for c in doc.cues)
    moved = doc.cues[2]
    assert moved.text.startswith("We start") and doc.cue_at(8500) == 2
    assert win.current_row() == 2 and win.waveform.selected == {2}  # the selection moved with it


def test_a_long_drag_is_one_undo_step_with_one_view_update(qtbot):
    win = make(qtbot)
    doc = win.document
    wf = win.waveform
    win.resize(1200, 700)
    wf.set_view(0, 20)  # 20 ms per pixel
    before = list(doc.cues)
    x0 = int(wf.x_of(2000))
    QTest.mousePress(wf, L, S, QPoint(x0, 60))
    for k in range(1, 601):  # 600 moves, past the next cue
        at = QPointF(x0 + k * 0.5, 60)
        ev = QMouseEvent(QMouseEvent.Type.MouseMove, at, wf.mapToGlobal(at), Qt.MouseButton.NoButton, L, S)
        QApplication.sendEvent(wf, ev)
    QTest.mouseRelease(wf, L, S, QPoint(x0 + 300, 60))
    assert [c.start for c in doc.cues] == sorted(c.start for c in doc.cues)
    assert doc.cues[1].text.startswith("We start") and doc.cues[1].start == 1000 + 300 * 20
    assert doc.undo_depth() == 1 and len(doc.history.last.steps) == 1  # compacted: old → new
    changes = []
    doc.subscribe(changes.append)
    QTest.keyClick(win.table, Qt.Key.Key_Z, C)
    assert doc.cues == before and len(changes) == 1


def test_context_menus_on_table_and_waveform(qtbot):
    win = make(qtbot)
    doc = win.document
    row_rect = win.table.visualRect(win.model.index(2, 5))
    win.table.customContextMenuRequested.emit(row_rect.center())
    menu = win.menus.menu
    assert isinstance(menu, QMenu) and menu.isVisible() and win.current_row() == 2
    names = {a.text() for a in menu.actions() if a.text()}
    for want in ("Split cue (at playhead or text cursor)", "Merge with next / merge selection", "Delete selected cues",
                 "Insert cue after", "Set start at playhead", "Set end at playhead", "Play current cue",
                 "Re-transcribe selection with the current engine", "Copy cue text"):
        assert want in names
    SHOTS.mkdir(parents=True, exist_ok=True)
    menu.grab().save(str(SHOTS / "editor_context_menu.png"))
    delete = next(a for a in menu.actions() if a.text() == "Delete selected cues")
    menu.hide()
    delete.trigger()
    assert len(doc.cues) == 3 and doc.cues[2].text == "The last cue"
    wf = win.waveform
    wf.set_view(0, 20)
    x = int(wf.x_of(4500))  # on cue 2
    wf.customContextMenuRequested.emit(QPoint(x, 60))
    assert win.menus.menu.isVisible() and win.current_row() == 1
    copy = next(a for a in win.menus.menu.actions() if a.text() == "Copy cue text")
    win.menus.menu.hide()
    copy.trigger()
    assert QApplication.clipboard().text() == "and then move on to filters."


def test_editor_fits_a_1366x768_screen(qtbot):
    win = make(qtbot)
    available = QRect(0, 0, 1366, 768 - 40)  # a taskbar
    win.fit_to(available)
    hint = win.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= available.height() - 32
    assert win.width() <= 1366 and win.height() + 32 <= available.height()
    qtbot.wait(50)
    for w in (win.table, win.text_box, win.start_edit, win.player, win.waveform):
        assert w.isVisible() and w.height() > 20 and w.width() > 20
        assert win.rect().contains(QRect(w.mapTo(win, QPoint(0, 0)), w.size()))
    assert win.waveform.height() >= 100 and win.text_box.height() >= 40
    SHOTS.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(SHOTS / "editor_1366x768.png"))
