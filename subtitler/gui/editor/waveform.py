"""The waveform timeline: cached peaks painted for the visible range only, cues as draggable
blocks (drag to move, drag an edge to resize) with snapping to neighbours (keeping the minimum
gap), the playhead and speech boundaries; Shift disables snapping. Click seeks; Ctrl+wheel zooms,
wheel scrolls; follows the playhead while playing."""

from __future__ import annotations

import bisect
import itertools
from typing import Optional, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QImage, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollBar, QSizePolicy, QVBoxLayout, QWidget

from ...core.document import Change, Document
from ...core.edits import cue_problems
from ...core.peaks import Peaks
from ...core.rules import Profile
from .drag import CueDrag

RULER_H = 18
EDGE_PX = 6  # how close to a cue edge the pointer must be to resize
DRAG_PX = 3  # movement below this is a click
MIN_MS_PER_PX = 0.5
MAX_MS_PER_PX = 2000.0
# (a prebuilt pen/brush: PySide6 6.12 on Python 3.11 mis-counts None in setPen(Qt.PenStyle))
NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)

BG = QColor(24, 28, 34)
WAVE = QColor(88, 178, 120)
RULER_BG = QColor(40, 45, 54)
RULER_FG = QColor(170, 178, 190)
CUE_FILL = QColor(70, 130, 220, 70)
CUE_EDGE = QColor(110, 165, 255)
SEL_FILL = QColor(250, 200, 60, 80)
SEL_EDGE = QColor(255, 210, 80)
PROBLEM_EDGE = QColor(240, 90, 80)
SPEECH = QColor(160, 160, 160, 90)
PLAYHEAD = QColor(255, 70, 70)
FLAG_STRIP = QColor(255, 165, 40)
TEXT = QColor(235, 238, 242)
SEL_BRUSH, CUE_BRUSH, SPEECH_BRUSH = QBrush(SEL_FILL), QBrush(CUE_FILL), QBrush(SPEECH)
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
    def _visible_cues(self) -> range:
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
        for i in self._visible_cues():
            c = cues[i]
            xs, xe = self.x_of(c.start), self.x_of(c.end)
            for part, xe_ in (("start", xs), ("end", xe)):
                d = abs(x - xe_)
                if d <= EDGE_PX and (d < best_d or (d == best_d and i in self.selected)):
                    best, best_d = (i, part), d
        if best[0] >= 0:
            return best
        for i in self._visible_cues():
            c = cues[i]
            if self.x_of(c.start) <= x <= self.x_of(c.end):
                return i, "move"
        return -1, ""

    # -- mouse -------------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if e.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(e)
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
            return super().mouseReleaseEvent(e)
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

    # -- painting ----------------------------------------------------------------------------
    def _wave_image(self, w: int, h: int) -> Optional[QImage]:
        if self.peaks is None or w <= 0 or h <= 0:
            return None
        key = (round(self.view_start, 3), self.ms_per_px, w, h, id(self.peaks))
        if self._wave_cache and self._wave_cache[0] == key:
            return self._wave_cache[1]
        mins, maxs = self.peaks.envelope(self.view_start, self.ms_per_px, w)
        mid = h / 2
        scale = h / 2 * 0.95
        top = np.clip((mid - maxs * scale).astype(np.int32), 0, h - 1)
        bot = np.clip((mid - mins * scale).astype(np.int32), 0, h - 1)
        rows = np.arange(h, dtype=np.int32)[:, None]
        mask = (rows >= top[None, :]) & (rows <= bot[None, :])
        data = np.where(mask, np.uint32(WAVE.rgba()), np.uint32(BG.rgba())).astype(np.uint32)
        data = np.ascontiguousarray(data)
        img = QImage(data.data, w, h, w * 4, QImage.Format.Format_ARGB32).copy()
        self._wave_cache = (key, img)
        return img

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
        self._paint_ruler(p, w)
        a, b = self.visible_range()
        # speech regions: a thin band at the bottom
        if self.speech_regions:
            p.setPen(NO_PEN)
            p.setBrush(SPEECH_BRUSH)
            for s, e in self.speech_regions:
                if e < a or s > b:
                    continue
                p.drawRect(QRectF(self.x_of(s), h - 5, max(1.0, (e - s) / self.ms_per_px), 4))
        self._paint_cues(p, h)
        x = self.x_of(self.playhead)
        if -2 <= x <= w + 2:
            p.setPen(QPen(PLAYHEAD, 1.5))
            p.drawLine(QPointF(x, 0), QPointF(x, h))
        if self.hasFocus():
            p.setPen(QPen(QColor(110, 165, 255, 120), 1))
            p.setBrush(NO_BRUSH)
            p.drawRect(0, 0, w - 1, h - 1)
        p.end()

    def _paint_ruler(self, p: QPainter, w: int) -> None:
        p.fillRect(0, 0, w, RULER_H, RULER_BG)
        a, b = self.visible_range()
        steps = [100, 200, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000, 1800000]
        step = next((s for s in steps if s / self.ms_per_px >= 70), steps[-1])
        f = QFont(self.font())
        f.setPointSizeF(max(6.5, f.pointSizeF() * 0.8))
        p.setFont(f)
        p.setPen(RULER_FG)
        t = int(a // step * step)
        while t <= b + step:
            x = self.x_of(t)
            p.drawLine(QPointF(x, RULER_H - 5), QPointF(x, RULER_H))
            p.drawText(QPointF(x + 3, RULER_H - 6), _short_time(t, step))
            t += step

    def _paint_cues(self, p: QPainter, h: int) -> None:
        cues = self.document.cues
        top = RULER_H + 2
        height = h - RULER_H - 10
        f = QFont(self.font())
        p.setFont(f)
        fm = p.fontMetrics()
        cues_rng = self._visible_cues()
        w = self.width()
        for i in cues_rng:
            c = cues[i]
            x0, x1 = self.x_of(c.start), self.x_of(c.end)
            if x1 < 0 or x0 > w:
                continue
            sel = i in self.selected
            rect = QRectF(x0, top, max(1.0, x1 - x0), height)
            p.setPen(NO_PEN)
            p.setBrush(SEL_BRUSH if sel else CUE_BRUSH)
            p.drawRect(rect)
            if x1 - x0 > 3:  # a strip on top: orange for a flag (needs review), red for a profile problem
                if c.flag:
                    p.fillRect(QRectF(x0, top, x1 - x0, 4), FLAG_STRIP)
                elif cue_problems(cues, i, self.profile):
                    p.fillRect(QRectF(x0, top, x1 - x0, 4), PROBLEM_EDGE)
            overlap = (i > 0 and cues[i - 1].end > c.start) or (i + 1 < len(cues) and c.end > cues[i + 1].start)
            edge = PROBLEM_EDGE if overlap else (SEL_EDGE if sel else CUE_EDGE)
            p.setPen(QPen(edge, 2 if sel else 1))
            p.drawLine(QPointF(x0, top), QPointF(x0, top + height))
            p.drawLine(QPointF(x1, top), QPointF(x1, top + height))
            if x1 - x0 > 16:
                p.setPen(TEXT)
                text_rect = QRectF(x0 + 4, top + 5, x1 - x0 - 8, height - 7)
                label = f"{i + 1}  " + c.plain()
                elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(text_rect.width()))
                p.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), elided)


def _short_time(ms: int, step: int) -> str:
    h, rem = divmod(int(ms), 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, f = divmod(rem, 1000)
    base = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    return base + (f".{f // 100}" if step < 1000 else "")


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
