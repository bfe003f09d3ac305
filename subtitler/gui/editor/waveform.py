"""The waveform timeline: cached peaks painted for the visible range only, cues as draggable
blocks (drag to move, drag an edge to resize) with snapping to neighbours (keeping the minimum
gap), the playhead, speech boundaries, shot changes and the video's frame grid; Shift disables
snapping. Shot changes are drawn as lines (and the frame grid when zoomed in; painting lives in
:mod:`timeline_paint`). Click seeks; Ctrl+wheel zooms, wheel scrolls; follows the playhead while
playing; hovering a cue shows why Beautify changed it."""

from __future__ import annotations

import bisect
import itertools
from typing import Callable, Optional, Sequence

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QImage, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollBar, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ...core.document.model import Change, Document
from ...core.media.frames import FrameGrid
from ...core.media.peaks import Peaks
from ...core.timing.rules import Profile
from . import timeline_paint as paint
from .drag import CueDrag
from .timeline_paint import BG, NO_BRUSH, RULER_FG, RULER_H

EDGE_PX = 6  # how close to a cue edge the pointer must be to resize
DRAG_PX = 3  # movement below this is a click
MIN_MS_PER_PX = 0.5
MAX_MS_PER_PX = 2000.0
_CURSOR_SHAPES = {"start": Qt.CursorShape.SizeHorCursor, "end": Qt.CursorShape.SizeHorCursor,
                  "move": Qt.CursorShape.OpenHandCursor, "": Qt.CursorShape.IBeamCursor}
_cursors: dict[str, QCursor] = {}  # built on first use (needs a QApplication)


def _cursor(part: str) -> QCursor:
    if not _cursors:
        _cursors.update({k: QCursor(v) for k, v in _CURSOR_SHAPES.items()})
    return _cursors.get(part, _cursors[""])

_drag_ids = itertools.count(1)


class WaveformView(QWidget):
    seekRequested = Signal(int)  # ms
    cueClicked = Signal(int, object)  # index, Qt.KeyboardModifiers
    viewChanged = Signal()  # scroll or zoom
    editFailed = Signal(str)
    playToggleRequested = Signal()

    def __init__(self, document: Document, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.profile = profile
        self.peaks: Optional[Peaks] = None
        self.speech_edges: list[int] = []  # sorted speech region starts and ends (ms)
        self.speech_regions: list[tuple[int, int]] = []
        self.grid: Optional[FrameGrid] = None  # the video's frames (None: audio only or not known yet)
        self.shot_changes: list[int] = []  # sorted cut times (ms)
        self.cue_tooltip: Optional[Callable[[int], str]] = None  # extra hover text for a cue
        self.media_ms = 0
        self.playhead = 0
        self.ms_per_px = 10.0
        self.view_start = 0.0
        self.selected: set[int] = set()
        self.current = -1
        self.follow = True
        self.status = ""  # e.g. "computing waveform…"
        self._starts: Optional[list[int]] = None
        self._wave_cache: tuple[tuple, QImage] | None = None
        self._drag: Optional[dict] = None
        self.dragger = CueDrag(self)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._unsubscribe = document.subscribe(self._on_change)

    def detach(self) -> None:
        self._unsubscribe()

    # -- data ---------------------------------------------------------------------------------
    def set_peaks(self, peaks: Optional[Peaks]) -> None:
        self.peaks = peaks
        if peaks is not None:
            self.media_ms = max(self.media_ms, peaks.duration_ms)
        self._wave_cache = None
        self.status = ""
        self.viewChanged.emit()
        self.update()

    def set_speech(self, regions: Sequence) -> None:
        self.speech_regions = [(int(r.start_ms), int(r.end_ms)) for r in regions]
        self.speech_edges = sorted({t for r in self.speech_regions for t in r})
        self.update()

    def set_timing(self, grid: Optional[FrameGrid], shot_changes: Sequence[int]) -> None:
        """The video's frame grid and shot changes (drawn, and snapped to while dragging)."""
        self.grid = grid
        self.shot_changes = sorted(int(t) for t in shot_changes)
        self.update()

    def set_media_duration(self, ms: int) -> None:
        self.media_ms = max(self.media_ms, int(ms))
        self.viewChanged.emit()

    def set_profile(self, profile: Profile) -> None:
        self.profile = profile
        self.update()

    def set_status(self, text: str) -> None:
        self.status = text
        self.update()

    def _on_change(self, ch: Change) -> None:
        self._starts = None
        self.update()

    @property
    def total_ms(self) -> int:
        last = max((c.end for c in self.document.cues[-50:]), default=0)
        return max(self.media_ms, last + 5000, 10000)

    # -- coordinates --------------------------------------------------------------------------
    def x_of(self, ms: float) -> float:
        return (ms - self.view_start) / self.ms_per_px

    def ms_at(self, x: float) -> int:
        return int(round(self.view_start + x * self.ms_per_px))

    def visible_range(self) -> tuple[float, float]:
        return self.view_start, self.view_start + self.width() * self.ms_per_px

    def set_view(self, start_ms: float, ms_per_px: Optional[float] = None) -> None:
        if ms_per_px is not None:
            self.ms_per_px = float(min(MAX_MS_PER_PX, max(MIN_MS_PER_PX, ms_per_px)))
        span = self.width() * self.ms_per_px
        self.view_start = float(max(0.0, min(start_ms, self.total_ms - span * 0.5)))
        self.viewChanged.emit()
        self.update()

    def zoom(self, factor: float, anchor_ms: Optional[float] = None) -> None:
        if anchor_ms is None:
            anchor_ms = self.playhead if self.view_start <= self.playhead <= self.visible_range()[1] else \
                self.view_start + self.width() * self.ms_per_px / 2
        ax = self.x_of(anchor_ms)
        new = min(MAX_MS_PER_PX, max(MIN_MS_PER_PX, self.ms_per_px / factor))
        self.set_view(anchor_ms - ax * new, new)

    def show_range(self, start_ms: int, end_ms: int) -> None:
        """Scroll (not zoom) so that [start, end] is visible, keeping some context."""
        a, b = self.visible_range()
        span = b - a
        if start_ms >= a + span * 0.05 and end_ms <= b - span * 0.05:
            return
        self.set_view(start_ms - span * 0.2)

    def set_playhead(self, ms: int, *, follow: bool = False) -> None:
        old = self.playhead
        self.playhead = int(ms)
        if follow and self.follow:
            a, b = self.visible_range()
            if not (a <= ms <= b - (b - a) * 0.05):
                self.set_view(ms - (b - a) * 0.1)
                return
        if self.isVisible():
            h = self.height()
            for t in (old, ms):
                x = int(self.x_of(t))
                self.update(QRect(x - 2, 0, 5, h))

    def set_selection(self, indices, current: int = -1) -> None:
        self.selected = set(indices)
        self.current = current
        self.update()

    # -- hit testing and snapping ------------------------------------------------------------
    def visible_cues(self) -> range:
        cues = self.document.cues
        if self._starts is None:
            self._starts = [c.start for c in cues]
        a, b = self.visible_range()
        # cues are kept in time order by the editor; a long cue starting earlier may still show
        lo = max(0, bisect.bisect_left(self._starts, a - 60_000) - 1)
        hi = bisect.bisect_right(self._starts, b)
        return range(lo, min(hi, len(cues)))

    def hit(self, x: float) -> tuple[int, str]:
        """(cue index, 'start' | 'end' | 'move') under x, or (-1, '')."""
        cues = self.document.cues
        best = (-1, "")
        best_d: float = EDGE_PX + 1
        for i in self.visible_cues():
            c = cues[i]
            xs, xe = self.x_of(c.start), self.x_of(c.end)
            for part, xe_ in (("start", xs), ("end", xe)):
                d = abs(x - xe_)
                if d <= EDGE_PX and (d < best_d or (d == best_d and i in self.selected)):
                    best, best_d = (i, part), d
        if best[0] >= 0:
            return best
        for i in self.visible_cues():
            c = cues[i]
            if self.x_of(c.start) <= x <= self.x_of(c.end):
                return i, "move"
        return -1, ""

    # -- mouse -------------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if e.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(e)
            return
        x = e.position().x()
        index, part = self.hit(x)
        self._drag = {"x0": x, "ms0": self.ms_at(x), "index": index, "part": part, "moved": False,
                      "key": f"drag:{next(_drag_ids)}"}
        if index >= 0:
            c = self.document.cues[index]
            self._drag["orig"] = (c.start, c.end)
            self.cueClicked.emit(index, e.modifiers())

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        x = e.position().x()
        d = self._drag
        if d is None or not (e.buttons() & Qt.MouseButton.LeftButton):
            index, part = self.hit(x)
            self.setCursor(_cursor(part))
            return
        if not d["moved"] and abs(x - d["x0"]) < DRAG_PX:
            return
        d["moved"] = True
        if d["index"] < 0:
            return
        self.dragger.drag_to(d, x, snap=not (e.modifiers() & Qt.KeyboardModifier.ShiftModifier))

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        d = self._drag
        self._drag = None
        if d is None or e.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(e)
            return
        if d["moved"] and d["index"] >= 0:
            self.document.break_merge()
        elif not d["moved"]:
            self.seekRequested.emit(max(0, self.ms_at(e.position().x())))

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        index, _ = self.hit(e.position().x())
        if index >= 0:
            c = self.document.cues[index]
            self.seekRequested.emit(c.start)

    def keyPressEvent(self, e) -> None:
        """With the waveform focused: Space plays/pauses, Left/Right step 1 s (Shift: 5 s)."""
        k = e.key()
        if k == Qt.Key.Key_Space and not e.modifiers():
            self.playToggleRequested.emit()
        elif k in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not (e.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            step = 5000 if e.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1000
            self.seekRequested.emit(max(0, self.playhead + (step if k == Qt.Key.Key_Right else -step)))
        else:
            super().keyPressEvent(e)

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            index, _ = self.hit(e.pos().x())
            text = self.cue_tooltip(index) if index >= 0 and self.cue_tooltip is not None else ""
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def wheelEvent(self, e: QWheelEvent) -> None:
        dy = e.angleDelta().y() or e.angleDelta().x()
        if e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.25 ** (dy / 120)
            self.zoom(factor, self.ms_at(e.position().x()))
        else:
            self.set_view(self.view_start - dy / 120 * self.width() * self.ms_per_px * 0.15)
        e.accept()

    def resizeEvent(self, e) -> None:
        self._wave_cache = None
        self.viewChanged.emit()
        super().resizeEvent(e)

    # -- painting (timeline_paint draws the parts) ----------------------------------------
    def _wave_image(self, w: int, h: int) -> Optional[QImage]:
        key = (round(self.view_start, 3), self.ms_per_px, w, h, id(self.peaks))
        if not (self._wave_cache and self._wave_cache[0] == key):
            img = paint.wave_image(self.peaks, self.view_start, self.ms_per_px, w, h)
            self._wave_cache = (key, img) if img is not None else None
            return img
        return self._wave_cache[1]

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        w, h = self.width(), self.height()
        clip = event.rect()
        p.fillRect(clip, BG)
        wave_rect = QRect(0, RULER_H, w, h - RULER_H)
        img = self._wave_image(w, h - RULER_H)
        if img is not None:
            p.drawImage(clip.intersected(wave_rect), img, clip.intersected(wave_rect).translated(0, -RULER_H))
        else:
            p.setPen(RULER_FG)
            p.drawText(wave_rect, Qt.AlignmentFlag.AlignCenter, self.status or self.tr("no waveform"))
        paint.paint_frame_grid(self, p, h)
        paint.paint_ruler(self, p, w)
        paint.paint_speech(self, p, h)
        paint.paint_cues(self, p, h)
        paint.paint_shot_changes(self, p, h)
        paint.paint_playhead(self, p, w, h)
        if self.hasFocus():
            p.setPen(QPen(QColor(110, 165, 255, 120), 1))
            p.setBrush(NO_BRUSH)
            p.drawRect(0, 0, w - 1, h - 1)
        p.end()


class TimelinePanel(QWidget):
    """The waveform with a horizontal scroll bar under it."""

    def __init__(self, view: WaveformView, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.bar = QScrollBar(Qt.Orientation.Horizontal, self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(view, 1)
        row = QHBoxLayout()
        row.addWidget(self.bar)
        lay.addLayout(row)
        self._syncing = False
        view.viewChanged.connect(self._sync_bar)
        self.bar.valueChanged.connect(self._bar_moved)
        self._sync_bar()

    def _sync_bar(self) -> None:
        self._syncing = True
        v = self.view
        page = int(v.width() * v.ms_per_px)
        self.bar.setRange(0, max(0, v.total_ms - page // 2))
        self.bar.setPageStep(max(1, page))
        self.bar.setSingleStep(max(1, page // 10))
        self.bar.setValue(int(v.view_start))
        self._syncing = False

    def _bar_moved(self, value: int) -> None:
        if not self._syncing:
            self.view.set_view(value)
