"""Issue 21, defect 2: the editor's video preview shows the frame that contains the playhead — after
a seek, a frame step, a drag of the player's slider and a click on the timeline — as ffmpeg decodes
it. A 25 fps video with a cut at 23.680 s (the issue's time) and a one-frame shot after it, so the
frame before the playhead, the frame at it and the frame after it are three different pictures."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from subtitler.core.document.model import Document
from subtitler.core.media.ffmpeg import find_ffmpeg
from subtitler.gui.editor import EditorWindow
from tests.support.cut_video import cut_times_ms, make_cut_video

SEGMENTS = [592, 1, 40]  # shots A, B (one frame: 23.680–23.720 s), C
CUT_B, CUT_C = (int(t) for t in cut_times_ms(SEGMENTS))  # 23680, 23720
FRAME = 40
SIZE = (160, 90)


def shot_at(ms: int) -> str:
    """The shot of the frame containing ``ms`` (frame k covers [40k, 40k + 40) ms)."""
    return "A" if ms < CUT_B else "B" if ms < CUT_C else "C"


@pytest.fixture(scope="module")
def cut_video(tmp_path_factory) -> Path:
    return make_cut_video(tmp_path_factory.mktemp("preview") / "cuts25.mp4", SEGMENTS, rate="25",
                          size=f"{SIZE[0]}x{SIZE[1]}")


def thumb(rgb: np.ndarray) -> np.ndarray:
    """A picture (height × width × 3) as the mean colours of a 9 × 16 grid of blocks, a border of
    a few pixels left out (scaling blurs the edges): a size-free sketch to compare pictures by."""
    h, w = rgb.shape[:2]
    rgb = rgb[h // 30: h - h // 30, w // 30: w - w // 30].astype(float)
    h, w = rgb.shape[:2]
    return np.array([[rgb[r * h // 9:(r + 1) * h // 9, c * w // 16:(c + 1) * w // 16].reshape(-1, 3).mean(axis=0)
                      for c in range(16)] for r in range(9)])


def distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a - b).mean())


def ffmpeg_frame(video: Path, ms: int) -> np.ndarray:
    """The frame the real ffmpeg decodes at ``ms`` (a frame start: ffmpeg's accurate seek gives the
    first frame at or after the time)."""
    raw = subprocess.run([find_ffmpeg(), "-v", "error", "-ss", f"{ms / 1000:.3f}", "-i", str(video),
                          "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                         check=True, capture_output=True, timeout=60).stdout
    return np.frombuffer(raw, np.uint8).reshape(SIZE[1], SIZE[0], 3)


def preview(win: EditorWindow) -> np.ndarray:
    """What the user sees: the preview widget rendered, cut to the video picture."""
    view = win.player.frame
    item = view.video_item
    rect = item.mapRectToScene(item.boundingRect()).toAlignedRect().intersected(view.viewport().rect())
    img = view.viewport().grab(QRect(rect)).toImage().convertToFormat(QImage.Format.Format_RGB888)
    ptr = img.constBits()
    data = np.frombuffer(ptr, np.uint8, img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
    return data[:, : img.width() * 3].reshape(img.height(), img.width(), 3)


class Frames:
    """Counts the frames the player hands its video sink."""

    def __init__(self, win: EditorWindow) -> None:
        self.count = 0
        win.player.frame.video_item.videoSink().videoFrameChanged.connect(self._arrived)

    def _arrived(self, _frame) -> None:
        self.count += 1


@pytest.fixture
def editor(qtbot, cut_video):
    from PySide6.QtMultimedia import QMediaPlayer

    win = EditorWindow(Document([], media_path=str(cut_video)), analyse_media=False)
    win.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    frames = Frames(win)
    player = win.player
    assert player.player is not None, player.error
    loaded = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)
    qtbot.waitUntil(lambda: player.player.mediaStatus() in loaded and frames.count > 0 and bool(player.fps),
                    timeout=20000)
    yield win, frames
    win.close()


def test_the_preview_shows_the_frame_containing_the_playhead(qtbot, editor, cut_video):
    win, frames = editor
    refs = {"A": thumb(ffmpeg_frame(cut_video, CUT_B - FRAME)), "B": thumb(ffmpeg_frame(cut_video, CUT_B)),
            "C": thumb(ffmpeg_frame(cut_video, CUT_C))}
    spread = min(distance(refs[a], refs[b]) for a, b in (("A", "B"), ("B", "C"), ("A", "C")))
    assert spread > 20, spread  # three different pictures
    seen: list[tuple[str, int, str, str]] = []

    def shown_after(how: str, move) -> None:
        before = frames.count
        move()
        qtbot.waitUntil(lambda: frames.count > before, timeout=10000)  # the player showed the seek's frame
        ms = win.playhead()
        picture = thumb(preview(win))
        nearest = min(refs, key=lambda k: distance(refs[k], picture))
        assert distance(refs[nearest], picture) < spread / 3, (how, ms)  # the picture itself, not a mix
        seen.append((how, ms, shot_at(ms), nearest))

    # seeks: the frame before the cut, the cut itself (23.680 s), the one-frame shot's last ms, after it
    for ms in (CUT_B - FRAME, CUT_B, CUT_C, CUT_B - 1, CUT_B + 20, CUT_C - 1 + FRAME):
        shown_after("seek", lambda ms=ms: win.seek(ms))
    # frame steps from the frame before the cut: onto the cut, the next frame, and back
    shown_after("seek", lambda: win.seek(CUT_B - FRAME))
    for sign in (1, 1, -1, -1):
        shown_after("step", lambda sign=sign: win.seek(win.playhead() + sign * win.frame_ms()))
    # dragging the player's slider onto the cut
    slider = win.player.slider

    def drag_to(ms: int) -> None:
        slider.setSliderDown(True)
        slider.setSliderPosition(ms)  # emits sliderMoved, as a drag does
        slider.setSliderDown(False)

    for ms in (CUT_C, CUT_B, CUT_B - FRAME):
        shown_after("drag", lambda ms=ms: drag_to(ms))
    # a click on the timeline at the cut
    wave = win.waveform
    wave.set_view(CUT_B - 500, 1.0)
    for ms in (CUT_B, CUT_C):
        x = round(wave.x_of(ms))
        shown_after("click", lambda x=x: QTest.mouseClick(wave, Qt.MouseButton.LeftButton,
                                                         Qt.KeyboardModifier.NoModifier, QPoint(x, wave.height() - 5)))
    wrong = [s for s in seen if s[2] != s[3]]
    assert not wrong, "(how, playhead ms, shot there, shot shown): " + repr(wrong)
    assert [s[1] for s in seen[:6]] == [CUT_B - FRAME, CUT_B, CUT_C, CUT_B - 1, CUT_B + 20, CUT_C - 1 + FRAME]
    assert [s[1] for s in seen[7:11]] == [CUT_B, CUT_C, CUT_B, CUT_B - FRAME]  # the playhead is not moved by a ms
    assert [s[1] for s in seen[11:14]] == [CUT_C, CUT_B, CUT_B - FRAME]
    assert [s[1] for s in seen[14:]] == [CUT_B, CUT_C]
