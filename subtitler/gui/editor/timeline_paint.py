"""Painting the waveform timeline (:class:`waveform.WaveformView`): the cached waveform image, the
time ruler, speech regions, the cue blocks, shot changes (vertical lines over the whole height, as
in Subtitle Edit) and — zoomed in far enough to tell frames apart — a faint frame grid."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Optional

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

from ...core.app.edits import cue_problems
from ...core.foundation.timecode import format_clock

if TYPE_CHECKING:
    from .waveform import WaveformView

RULER_H = 18
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
SHOT = QColor(230, 90, 230)  # shot changes: magenta, as Subtitle Edit draws them
FRAME_LINE = QColor(255, 255, 255, 28)
SEL_BRUSH, CUE_BRUSH, SPEECH_BRUSH = QBrush(SEL_FILL), QBrush(CUE_FILL), QBrush(SPEECH)
FRAME_GRID_MIN_PX = 6.0  # the frame grid shows when one frame is at least this wide
_RULER_STEPS = [100, 200, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000, 1800000]


def wave_image(peaks, view_start: float, ms_per_px: float, w: int, h: int) -> Optional[QImage]:
    """The waveform of the visible range as an image (min/max envelope per pixel column)."""
    if peaks is None or w <= 0 or h <= 0:
        return None
    mins, maxs = peaks.envelope(view_start, ms_per_px, w)
    mid = h / 2
    scale = h / 2 * 0.95
    top = np.clip((mid - maxs * scale).astype(np.int32), 0, h - 1)
    bot = np.clip((mid - mins * scale).astype(np.int32), 0, h - 1)
    rows = np.arange(h, dtype=np.int32)[:, None]
    mask = (rows >= top[None, :]) & (rows <= bot[None, :])
    data = np.ascontiguousarray(np.where(mask, np.uint32(WAVE.rgba()), np.uint32(BG.rgba())).astype(np.uint32))
    return QImage(data.data, w, h, w * 4, QImage.Format.Format_ARGB32).copy()


def paint_ruler(v: "WaveformView", p: QPainter, w: int) -> None:
    p.fillRect(0, 0, w, RULER_H, RULER_BG)
    a, b = v.visible_range()
    step = next((s for s in _RULER_STEPS if s / v.ms_per_px >= 70), _RULER_STEPS[-1])
    f = QFont(v.font())
    f.setPointSizeF(max(6.5, f.pointSizeF() * 0.8))
    p.setFont(f)
    p.setPen(RULER_FG)
    t = int(a // step * step)
    while t <= b + step:
        x = v.x_of(t)
        p.drawLine(QPointF(x, RULER_H - 5), QPointF(x, RULER_H))
        p.drawText(QPointF(x + 3, RULER_H - 6), short_time(t, step))
        t += step


def paint_speech(v: "WaveformView", p: QPainter, h: int) -> None:
    """Speech regions: a thin band at the bottom."""
    if not v.speech_regions:
        return
    a, b = v.visible_range()
    p.setPen(NO_PEN)
    p.setBrush(SPEECH_BRUSH)
    for s, e in v.speech_regions:
        if e < a or s > b:
            continue
        p.drawRect(QRectF(v.x_of(s), h - 5, max(1.0, (e - s) / v.ms_per_px), 4))


def frame_grid_visible(v: "WaveformView") -> bool:
    return v.grid is not None and v.grid.frame_ms / v.ms_per_px >= FRAME_GRID_MIN_PX


def paint_frame_grid(v: "WaveformView", p: QPainter, h: int) -> None:
    """A faint line at every frame start, only when frames are at least a few pixels apart."""
    g = v.grid
    if g is None or not frame_grid_visible(v):
        return
    a, b = v.visible_range()
    p.setPen(QPen(FRAME_LINE, 1))
    k = g.index_at(max(0, int(a)))
    while True:
        t = g.ms(k)
        if t > b:
            break
        x = round(v.x_of(t)) + 0.5
        p.drawLine(QPointF(x, RULER_H), QPointF(x, h))
        k += 1


def visible_shot_changes(v: "WaveformView") -> list[int]:
    a, b = v.visible_range()
    cuts = v.shot_changes
    return cuts[bisect.bisect_left(cuts, a - v.ms_per_px):bisect.bisect_right(cuts, b + v.ms_per_px)]


def paint_shot_changes(v: "WaveformView", p: QPainter, h: int) -> None:
    """Each cut: a line over the ruler and the waveform, with a small marker in the ruler."""
    cuts = visible_shot_changes(v)
    if not cuts:
        return
    p.setPen(QPen(SHOT, 1.5 if v.ms_per_px < 20 else 1.0))
    p.setBrush(QBrush(SHOT))
    for t in cuts:
        x = v.x_of(t)
        p.drawLine(QPointF(x, 0), QPointF(x, h))
        p.drawPolygon([QPointF(x - 4, 0), QPointF(x + 4, 0), QPointF(x, 6)])


def paint_cues(v: "WaveformView", p: QPainter, h: int) -> None:
    cues = v.document.cues
    top = RULER_H + 2
    height = h - RULER_H - 10
    p.setFont(QFont(v.font()))
    fm = p.fontMetrics()
    w = v.width()
    for i in v.visible_cues():
        c = cues[i]
        x0, x1 = v.x_of(c.start), v.x_of(c.end)
        if x1 < 0 or x0 > w:
            continue
        sel = i in v.selected
        rect = QRectF(x0, top, max(1.0, x1 - x0), height)
        p.setPen(NO_PEN)
        p.setBrush(SEL_BRUSH if sel else CUE_BRUSH)
        p.drawRect(rect)
        if x1 - x0 > 3:  # a strip on top: orange for a flag (needs review), red for a profile problem
            if c.flag:
                p.fillRect(QRectF(x0, top, x1 - x0, 4), FLAG_STRIP)
            elif cue_problems(cues, i, v.profile):
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


def paint_playhead(v: "WaveformView", p: QPainter, w: int, h: int) -> None:
    x = v.x_of(v.playhead)
    if -2 <= x <= w + 2:
        p.setPen(QPen(PLAYHEAD, 1.5))
        p.drawLine(QPointF(x, 0), QPointF(x, h))


def short_time(ms: int, step: int) -> str:
    return format_clock(ms, tenths=step < 1000)
