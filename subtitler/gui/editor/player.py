"""The player: QMediaPlayer + QGraphicsVideoItem with the current cue drawn over the frame in an
approximation of the ASS style; play/pause, seek, speed 0.5–2×, play a range. Audio-only files
and media that cannot be played show the file name in the frame area instead."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import pysubs2
from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QSizeF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.document.formats import default_style
from ...core.foundation.timecode import format_ms
from .gil_free import control, gil_free_available

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

log = logging.getLogger(__name__)
PLAY_RES_X, PLAY_RES_Y = 1920, 1080
# (a prebuilt pen/brush: PySide6 6.12 on Python 3.11 mis-counts None in setPen(Qt.PenStyle))
NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def frame_position(ms: int) -> int:
    """The position to ask the player for so that it shows the frame containing ``ms``.

    Qt's FFmpeg backend, seeking to P, shows the first frame that has not ended *before* P: on a
    frame boundary that is the frame ending at P — the frame before the playhead (at 23.680 s,
    exactly on a cut at 25 fps, the old shot). Asked for ``ms + 1`` it shows the frame with
    start < ms + 1 ≤ end, which is exactly the editor's frame at ``ms`` (core/frames.py: frame k
    starts at the last whole millisecond not after it appears, floor(t_k), so it covers
    floor(t_k) ≤ ms < floor(t_k+1))."""
    return int(ms) + 1


def qcolor(c: pysubs2.Color) -> QColor:
    return QColor(c.r, c.g, c.b, 255 - c.a)  # ASS alpha: 0 opaque


def wrap_lines(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """Lines as ASS smart wrapping would show them: explicit breaks kept, over-wide lines broken
    at spaces into lines of similar width."""
    out: list[str] = []
    for line in text.split("\n"):
        if fm.horizontalAdvance(line) <= width or " " not in line.strip():
            out.append(line)
            continue
        n = int(fm.horizontalAdvance(line) // width) + 1
        target = fm.horizontalAdvance(line) / n
        words, cur = line.split(" "), ""
        for w in words:
            trial = (cur + " " + w).strip()
            if cur and (fm.horizontalAdvance(trial) > width or fm.horizontalAdvance(cur) >= target):
                out.append(cur)
                cur = w
            else:
                cur = trial
        out.append(cur)
    return out


_PLAYER_QML = b"import QtMultimedia\nMediaPlayer { audioOutput: AudioOutput {} }\n"


def make_player(parent: QObject) -> Optional[QMediaPlayer]:
    """A QMediaPlayer with its QAudioOutput, made by the QML engine, i.e. by C++, not Python.

    Why not ``QMediaPlayer(parent)``: an object constructed from Python is a binding subclass
    whose virtual methods (``connectNotify``, ``disconnectNotify``, ``event``...) first look for a
    Python override, which takes the GIL. The FFmpeg backend's renderer threads connect to and
    disconnect from the player and its audio output while holding Qt's signal-slot mutex; when the
    GUI thread meanwhile calls ``play()``/``stop()``/``setSource()`` (the GIL held, waiting for that
    mutex), both wait forever (seen as a frozen editor, about once in 20-30 plays and closes).
    Made by C++, the objects have no Python overrides to look up: the backend never needs the GIL.
    The controls are also called with the GIL released (:func:`control`), which makes Python-made
    objects safe too: where the QML module is missing they are made from Python, provided the
    controls can be called that way; otherwise (and when QtMultimedia itself is missing) None:
    no playback rather than a player that may freeze the editor."""
    try:
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    except ImportError:
        return None
    player: Optional[QMediaPlayer] = None
    try:
        from PySide6.QtQml import QQmlComponent, QQmlEngine

        component = QQmlComponent(_qml_engine())
        component.setData(_PLAYER_QML, QUrl())
        made = component.create()
        if isinstance(made, QMediaPlayer):
            QQmlEngine.setObjectOwnership(made, QQmlEngine.ObjectOwnership.CppOwnership)
            player = made
        else:
            log.warning("player from QML unavailable: %s", component.errorString().strip())
    except ImportError:
        log.warning("player from QML unavailable: no QtQml")
    if player is None:
        if not gil_free_available():
            log.warning("player: neither QML-made objects nor GIL-free controls; playback off")
            return None
        player = QMediaPlayer()
        player.setAudioOutput(QAudioOutput(player))
    player.setParent(parent)
    return player


@lru_cache(maxsize=1)
def _qml_engine():
    """One engine for the process, owned by the application (not by Python)."""
    from PySide6.QtQml import QQmlEngine

    engine = QQmlEngine()
    engine.setParent(QCoreApplication.instance())
    return engine


class SubtitleItem(QGraphicsItem):
    """The cue text painted like ASS would (font, size, colours, outline, shadow, alignment,
    margins), scaled from a 1920×1080 script to the frame rectangle."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.style = default_style()
        self.frame = QRectF(0, 0, 640, 360)
        self._cache: dict[tuple, tuple] = {}
        self.setZValue(10)

    def set_frame(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.frame = QRectF(rect)
        self.update()

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.update()

    def set_style(self, style: pysubs2.SSAStyle) -> None:
        self.style = style
        self.update()

    def boundingRect(self) -> QRectF:
        return self.frame

    def _style_key(self) -> tuple:
        st = self.style
        return (st.fontname, st.fontsize, st.bold, st.italic, st.underline, st.outline, st.shadow, st.borderstyle,
                int(st.alignment), st.marginl, st.marginr, st.marginv,
                *(tuple(getattr(st, c)) if hasattr(getattr(st, c), "__iter__") else repr(getattr(st, c))
                  for c in ("primarycolor", "outlinecolor", "backcolor")))

    def paint(self, p: QPainter, option, widget=None) -> None:
        """Blit a cached rendering: outlined text paths are slow to fill, and the overlay repaints
        whenever the current cue changes, so each (text, style, size) is rendered once."""
        if not self.text:
            return
        key = (self.text, self._style_key(), round(self.frame.width()), round(self.frame.height()))
        hit = self._cache.get(key)
        if hit is None:
            hit = self._render()
            self._cache[key] = hit
            while len(self._cache) > 16:
                self._cache.pop(next(iter(self._cache)))
        pos, img = hit
        if img is not None:
            p.drawImage(self.frame.topLeft() + pos, img)

    def _render(self):
        fr0 = self.frame
        local = QRectF(0, 0, fr0.width(), fr0.height())
        path, extra = self._layout(local)
        area = path.boundingRect().adjusted(-extra, -extra, extra, extra).intersected(local).toAlignedRect()
        if area.isEmpty():
            return QPointF(0, 0), None
        img = QImage(area.size(), QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        ip = QPainter(img)
        ip.translate(-area.x(), -area.y())
        self._draw(ip, path)
        ip.end()
        return QPointF(area.x(), area.y()), img

    def _layout(self, fr: QRectF):
        st = self.style
        scale = self.frame.height() / PLAY_RES_Y
        font = QFont(st.fontname)
        font.setPixelSize(max(6, int(st.fontsize * scale)))
        font.setBold(bool(st.bold))
        font.setItalic(bool(st.italic))
        font.setUnderline(bool(st.underline))
        fm = QFontMetricsF(font)
        ml, mr, mv = st.marginl * scale, st.marginr * scale, st.marginv * scale
        lines = wrap_lines(self.text, fm, max(10.0, self.frame.width() - ml - mr))
        line_h = fm.height()
        block_h = line_h * len(lines)
        align = int(st.alignment)
        col = (align - 1) % 3  # 0 left, 1 centre, 2 right
        row = (align - 1) // 3  # 0 bottom, 1 middle, 2 top
        if row == 0:
            top = fr.bottom() - mv - block_h
        elif row == 2:
            top = fr.top() + mv
        else:
            top = fr.center().y() - block_h / 2
        path = QPainterPath()
        for k, line in enumerate(lines):
            w = fm.horizontalAdvance(line)
            if col == 0:
                x = fr.left() + ml
            elif col == 2:
                x = fr.right() - mr - w
            else:
                x = fr.left() + ml + (fr.width() - ml - mr - w) / 2
            path.addText(QPointF(x, top + k * line_h + fm.ascent()), font, line)
        return path, (st.outline + st.shadow) * scale + 4

    def _draw(self, p: QPainter, path: QPainterPath) -> None:
        st = self.style
        scale = self.frame.height() / PLAY_RES_Y
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = st.outline * scale
        shadow = st.shadow * scale
        if st.borderstyle == 3:  # opaque box
            box = path.boundingRect().adjusted(-outline, -outline, outline, outline)
            p.fillRect(box, qcolor(st.outlinecolor))
        if shadow > 0:
            p.save()
            p.translate(shadow, shadow)
            p.setPen(QPen(qcolor(st.backcolor), 2 * outline, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin) if outline > 0 else NO_PEN)
            p.setBrush(QBrush(qcolor(st.backcolor)))
            p.drawPath(path)
            p.restore()
        if outline > 0 and st.borderstyle != 3:
            p.setPen(QPen(qcolor(st.outlinecolor), 2 * outline, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            p.setBrush(NO_BRUSH)
            p.drawPath(path)
        p.setPen(NO_PEN)
        p.setBrush(QBrush(qcolor(st.primarycolor)))
        p.drawPath(path)


class FrameView(QGraphicsView):
    """Video frame (16:9 letterboxed), subtitle overlay, and a caption when there is no picture."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.scene_ = QGraphicsScene(self)
        self.setScene(self.scene_)
        self.setBackgroundBrush(QColor(0, 0, 0))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setMinimumSize(240, 135)
        self.video_item = None
        try:
            from PySide6.QtMultimediaWidgets import QGraphicsVideoItem

            self.video_item = QGraphicsVideoItem()
            self.scene_.addItem(self.video_item)
        except ImportError:  # QtMultimediaWidgets missing: the frame shows the media name
            self.video_item = None
        self.backdrop = QGraphicsRectItem()  # the frame area, visible for audio-only media
        self.backdrop.setBrush(QBrush(QColor(22, 24, 28)))
        self.backdrop.setPen(QPen(QColor(22, 24, 28)))
        self.backdrop.setZValue(-1)
        self.scene_.addItem(self.backdrop)
        self.caption = QGraphicsSimpleTextItem("")
        self.caption.setBrush(QBrush(QColor(200, 200, 200)))
        self.scene_.addItem(self.caption)
        self.subtitle = SubtitleItem()
        self.scene_.addItem(self.subtitle)
        self.aspect = 16 / 9

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self._layout()

    def set_aspect(self, aspect: float) -> None:
        if aspect > 0:
            self.aspect = aspect
            self._layout()

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        if "aspect" in vars(self):  # not half-made or half-freed (the GC clears a view's attributes before Qt
            self._layout()  # deletes it, and its parent's teardown may still resize it)

    def _layout(self) -> None:
        w, h = max(1, self.viewport().width()), max(1, self.viewport().height())
        self.scene_.setSceneRect(0, 0, w, h)
        fw = min(w, h * self.aspect)
        fh = fw / self.aspect
        frame = QRectF((w - fw) / 2, (h - fh) / 2, fw, fh)
        if self.video_item is not None:
            self.video_item.setPos(frame.topLeft())
            self.video_item.setSize(QSizeF(fw, fh))
        self.subtitle.set_frame(frame)
        self.backdrop.setRect(frame)
        br = self.caption.boundingRect()
        self.caption.setPos(frame.center().x() - br.width() / 2, frame.center().y() - br.height() / 2)


class PlayerWidget(QWidget):
    positionChanged = Signal(int)  # ms, ~30 times a second while playing and on every seek
    durationChanged = Signal(int)
    playingChanged = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frame = FrameView(self)
        self.media_path: Optional[str] = None
        self.player: Optional[QMediaPlayer] = None  # created by load() (QtMultimedia is optional)
        self.audio: Optional[QAudioOutput] = None
        self._stop_at: Optional[int] = None
        self._position = 0
        self._asked: Optional[tuple[int, int]] = None  # (position asked of the player, playhead it stands for)
        self._duration = 0
        self.available = False
        self.error = ""
        self.fps: float | None = None  # the video's frame rate once known (frame nudges)
        self.play_btn = QToolButton(self)
        self.play_btn.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_btn.setToolTip(self.tr("Play / pause (Ctrl+Space)"))
        self.play_btn.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(self.seek)
        self.time_label = QLabel(format_ms(0, "."), self)
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.speed = QComboBox(self)
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setToolTip(self.tr("Playback speed"))
        self.speed.currentIndexChanged.connect(self._speed_chosen)
        controls = QHBoxLayout()
        controls.setContentsMargins(4, 2, 4, 2)
        controls.addWidget(self.play_btn)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.speed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.frame, 1)
        lay.addLayout(controls)
        self._tick = QTimer(self)
        self._tick.setInterval(33)
        self._tick.timeout.connect(self._poll)

    # -- media -------------------------------------------------------------------------------
    def load(self, path: Optional[str]) -> None:
        self.media_path = path
        if not path:
            self.frame.set_caption(self.tr("No media — import or open a media file to see and hear it"))
            return
        name = Path(path).name
        if not Path(path).exists():
            self.frame.set_caption(name + "\n" + self.tr("(media file not found)"))
            return
        self.player = player = make_player(self)
        if player is None:
            self.frame.set_caption(name + "\n" + self.tr("(playback unavailable: QtMultimedia or QtQml missing)"))
            return
        self.audio = player.audioOutput()
        if self.frame.video_item is not None:
            player.setVideoOutput(self.frame.video_item)
            self.frame.video_item.nativeSizeChanged.connect(self._native_size)
        player.durationChanged.connect(self._on_duration)
        player.playbackStateChanged.connect(self._on_state)
        player.errorOccurred.connect(self._on_error)
        player.mediaStatusChanged.connect(self._on_status)
        player.positionChanged.connect(self._on_player_position)
        self.frame.set_caption(name)
        control(player, "setSource", QUrl.fromLocalFile(str(Path(path).resolve())))
        self.available = True

    def _on_status(self, status) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        player = self.player
        if player is None:
            return
        if status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia):
            if status == QMediaPlayer.MediaStatus.LoadedMedia and \
                    player.playbackState() == QMediaPlayer.PlaybackState.StoppedState:
                control(player, "pause")  # shows the first frame; seeks while paused then show theirs
                if self._position:
                    self._ask_position(self._position)
            if player.hasVideo():
                self.frame.set_caption("")
                self._read_fps()
            else:
                self.frame.set_caption(f"♪  {Path(self.media_path or '').name}")

    def _read_fps(self) -> None:
        from PySide6.QtMultimedia import QMediaMetaData

        if self.player is None:
            return
        try:
            fps = float(self.player.metaData().value(QMediaMetaData.Key.VideoFrameRate) or 0)
        except (TypeError, ValueError):
            fps = 0.0
        if 1.0 <= fps <= 240.0:
            self.fps = fps

    def _on_error(self, error, message: str) -> None:
        self.error = message or str(error)
        self.available = False
        self.frame.set_caption(Path(self.media_path or '').name + "\n"
                               + self.tr("(cannot play: {error})").format(error=self.error))

    def _native_size(self, size: QSizeF) -> None:
        self.frame.set_aspect(size.width() / size.height() if size.height() else 16 / 9)

    def _speed_chosen(self, _index: int) -> None:
        self.set_rate(self.speed.currentData())

    def _on_duration(self, ms: int) -> None:
        self._duration = int(ms)
        self.slider.setRange(0, int(ms))
        self.durationChanged.emit(int(ms))

    def _on_state(self, state) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_btn.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay))
        if playing:
            self._asked = None  # positions now come from playback
            self._tick.start()
        else:
            self._tick.stop()
            self._stop_at = None
        self.playingChanged.emit(playing)

    def _on_player_position(self, ms: int) -> None:
        if not self.is_playing():
            asked = self._asked
            self._set_position(asked[1] if asked is not None and asked[0] == int(ms) else int(ms))

    def _poll(self) -> None:
        if self.player is None:
            return
        ms = int(self.player.position())
        if self._stop_at is not None and ms >= self._stop_at:
            control(self.player, "pause")
            self._stop_at = None
        self._set_position(ms)

    def _set_position(self, ms: int) -> None:
        self._position = ms
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(ms)
            self.slider.blockSignals(False)
        self.time_label.setText(format_ms(ms, "."))
        self.positionChanged.emit(ms)

    # -- control -----------------------------------------------------------------------------
    def position(self) -> int:
        return self._position

    def is_playing(self) -> bool:
        if self.player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def seek(self, ms: int) -> None:
        """Move the playhead to ``ms``; the frame shown is the one containing it (every seek, step
        and drag comes here)."""
        ms = max(0, int(ms))
        if self.player is not None:
            self._ask_position(ms)
        self._set_position(ms)

    def _ask_position(self, ms: int) -> None:
        assert self.player is not None
        self._asked = (frame_position(ms), ms)  # the player reports the position asked: the playhead is ms
        control(self.player, "setPosition", self._asked[0])

    def play(self) -> None:
        if self.player is not None:
            control(self.player, "play")

    def pause(self) -> None:
        if self.player is not None:
            control(self.player, "pause")

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self._stop_at = None
            self.play()

    def play_range(self, start: int, end: int) -> None:
        self.seek(start)
        self._stop_at = int(end)
        self.play()

    def set_rate(self, rate: float) -> None:
        if self.player is not None:
            control(self.player, "setPlaybackRate", float(rate))

    def set_subtitle(self, text: str) -> None:
        self.frame.subtitle.set_text(text)

    def set_style(self, style: pysubs2.SSAStyle) -> None:
        self.frame.subtitle.set_style(style)

    def shutdown(self) -> None:
        self._tick.stop()
        if self.player is not None:
            control(self.player, "stop")
            control(self.player, "setSource", QUrl())
