"""Waveform timeline: drag to move, drag edges to resize, snapping (neighbours keeping the minimum
gap, playhead, speech), Shift disables snapping, click seeks, wheel scrolls / Ctrl+wheel zooms,
one undo step per drag — through QTest mouse events."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.media.peaks import compute_peaks
from subtitler.core.timing.rules import PROFILES
from subtitler.core.speech.regions import Region
from subtitler.gui.editor.waveform import WaveformView

PROFILE = PROFILES["netflix-en"]  # min gap 83 ms
L = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def view(qtbot):
    doc = Document([Cue(1000, 2000, "first"), Cue(3000, 4000, "second"), Cue(6000, 7000, "third")])
    v = WaveformView(doc, PROFILE)
    qtbot.addWidget(v)
    v.resize(1000, 160)
    v.show()
    qtbot.waitExposed(v)
    v.set_view(0, 10)  # 10 ms per pixel: x = ms / 10
    v.set_playhead(4500)
    return v


def move(v, x, buttons=L, modifiers=NONE, y=80):
    ev = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(x, y), v.mapToGlobal(QPointF(x, y)), Qt.MouseButton.NoButton,
                     buttons, modifiers)
    QApplication.sendEvent(v, ev)


def drag(v, x0, x1, modifiers=NONE, steps=4):
    QTest.mousePress(v, L, NONE, QPoint(x0, 80))
    for k in range(1, steps + 1):
        move(v, x0 + (x1 - x0) * k // steps, modifiers=modifiers)
    QTest.mouseRelease(v, L, modifiers, QPoint(x1, 80))


def test_hit_testing_edges_and_body(view):
    assert view.hit(100) == (0, "start")
    assert view.hit(204) == (0, "end")
    assert view.hit(150) == (0, "move")
    assert view.hit(250) == (-1, "")


def test_drag_body_moves_cue_one_undo_step(view):
    doc = view.document
    drag(view, 150, 173, SHIFT)  # +230 ms, no snapping
    assert doc.cues[0] == Cue(1230, 2230, "first")
    assert doc.undo() and doc.cues[0] == Cue(1000, 2000, "first") and not doc.can_undo()


def test_drag_end_edge_snaps_to_next_cue_keeping_min_gap(view):
    doc = view.document
    drag(view, 200, 285)  # end towards 2850 → snaps to next.start - 83 = 2917
    assert doc.cues[0].end == 3000 - PROFILE.min_gap_ms and doc.cues[0].start == 1000


def test_drag_start_edge_snaps_to_previous_end_plus_gap(view):
    doc = view.document
    drag(view, 300, 215)  # cue 2 start towards 2150 → prev.end + 83 = 2083
    assert doc.cues[1].start == 2000 + PROFILE.min_gap_ms and doc.cues[1].end == 4000


def test_shift_disables_snapping(view):
    doc = view.document
    drag(view, 200, 285, SHIFT)
    assert doc.cues[0].end == 2850


def test_move_snaps_start_or_end_to_playhead(view):
    doc = view.document  # playhead at 4500; move cue 2 (3000-4000) right by ~450 ms → start hits 4500?
    drag(view, 350, 393)  # +430 → end 4430 snaps to 4500 (7 px away), moving the whole cue +500
    assert doc.cues[1] == Cue(3500, 4500, "second")


def test_resize_snaps_to_speech_boundary(view):
    view.set_speech([Region(6000, 6470)])
    view.set_playhead(0)
    doc = view.document
    drag(view, 700, 640)  # cue 3 end towards 6400 → speech end 6470 (7 px away)
    assert doc.cues[2].end == 6470


def test_resize_never_inverts_a_cue(view):
    drag(view, 200, 20, SHIFT)  # end dragged far before the start
    c = view.document.cues[0]
    assert c.end > c.start == 1000


def test_click_seeks_and_selects(view, qtbot):
    seeks, clicks = [], []
    view.seekRequested.connect(seeks.append)
    view.cueClicked.connect(lambda i, m: clicks.append(i))
    QTest.mouseClick(view, L, NONE, QPoint(250, 80))
    QTest.mouseClick(view, L, NONE, QPoint(650, 80))
    assert seeks == [2500, 6500] and clicks == [2]
    assert view.document.cues[2] == Cue(6000, 7000, "third")  # a click moves nothing


def test_wheel_scrolls_and_ctrl_wheel_zooms_around_pointer(view):
    def wheel(dy, mods):
        ev = QWheelEvent(QPointF(500, 80), view.mapToGlobal(QPointF(500, 80)), QPoint(0, 0), QPoint(0, dy),
                         Qt.MouseButton.NoButton, mods, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view, ev)

    view.set_media_duration(600_000)
    view.set_view(10_000, 10)
    wheel(-120, NONE)
    assert view.view_start > 10_000 and view.ms_per_px == 10
    anchor = view.ms_at(500)
    wheel(120, Qt.KeyboardModifier.ControlModifier)
    assert view.ms_per_px < 10 and abs(view.ms_at(500) - anchor) <= 1


def test_follow_playhead_pages_the_view(view):
    view.set_media_duration(600_000)
    view.set_playhead(60_000, follow=True)
    a, b = view.visible_range()
    assert a <= 60_000 <= b
    view.follow = False
    view.set_playhead(200_000, follow=True)
    assert view.visible_range()[1] < 200_000


def test_paints_three_hours_quickly(view, qtbot):
    import time

    pcm = (np.sin(np.arange(16000 * 60) / 7) * 8000).astype(np.int16)
    pk = compute_peaks(np.tile(pcm, 10))  # 10 minutes (the benchmark does 3 hours)
    view.set_peaks(pk)
    doc = view.document
    doc.replace_cues([Cue(i * 2000, i * 2000 + 1500, f"cue {i}") for i in range(3000)])
    for mpp in (5, 100, 2000):
        view.set_view(300_000, mpp)
        t = time.perf_counter()
        view.repaint()
        assert time.perf_counter() - t < 0.3  # (~30 ms at 1000 visible cues on an idle machine)
    img = view.grab().toImage()
    assert img.width() == 1000
