"""Burn-in through the real ffmpeg (libass): the frame under a cue changes, a frame without one does
not; H.264 with the original audio; progress, cancel and failures leave nothing behind."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from subtitler.core.document import formats
from subtitler.core.media import ffmpeg as media
from subtitler.core.delivery.bilingual import render_bilingual
from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import Cancelled, MediaError
from subtitler.core.foundation.progress import CancelToken
from tests.conftest import FIXTURES, ffmpeg_exe

W, H = 640, 360


def make_video(dst: Path, *, seconds: float = 8.0, audio_codec: str = "aac") -> Path:
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c=0x336699:s={W}x{H}:r=25",
                    "-i", str(FIXTURES / "speech_en.wav"), "-t", str(seconds), "-c:v", "libx264", "-preset",
                    "ultrafast", "-pix_fmt", "yuv420p", "-c:a", audio_codec, str(dst)], check=True, timeout=120)
    return dst


def frame(path: Path, at_s: float, png: Path | None = None) -> np.ndarray:
    """The grey levels of the frame at ``at_s`` (and a PNG of it when asked)."""
    raw = subprocess.run([ffmpeg_exe(), "-v", "error", "-ss", str(at_s), "-i", str(path), "-frames:v", "1",
                          "-f", "rawvideo", "-pix_fmt", "gray", "-"], check=True, capture_output=True, timeout=60)
    if png is not None:
        subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-ss", str(at_s), "-i", str(path), "-frames:v", "1",
                        str(png)], check=True, timeout=60)
    return np.frombuffer(raw.stdout, dtype=np.uint8).reshape(H, W).astype(np.int16)


def streams(path: Path) -> str:
    out = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True)
    return "\n".join(line for line in out.stderr.splitlines() if "Stream #" in line)


@pytest.fixture(scope="module")
def video(tmp_path_factory) -> Path:
    return make_video(tmp_path_factory.mktemp("burn") / "talk.mp4")


def test_bilingual_cue_is_drawn_only_while_it_is_shown(video, tmp_path):
    en = [Cue(2000, 5000, "Welcome to the first lecture.")]
    zh = [Cue(2000, 5000, "欢迎来到第一讲。")]
    events = []
    out = media.burn_subtitles(video, render_bilingual(en, zh, "ass", source="en", target="zh"),
                               tmp_path / "out.subtitled.mp4", quality="fast", on_progress=events.append)
    assert out.is_file()
    info = streams(out)
    assert "Video: h264" in info and "yuv420p" in info and "Audio: aac" in info
    assert abs(media.probe(out).duration_ms - media.probe(video).duration_ms) < 200
    shown = frame(out, 3.5, tmp_path / "shown.png") - frame(video, 3.5)
    hidden = frame(out, 6.5) - frame(video, 6.5)
    changed = np.abs(shown) > 40  # white glyphs with black outlines over the blue
    lines = np.flatnonzero(changed.sum(axis=1) > 3)  # rows with text
    assert changed.sum() > 1000 and lines.min() > H * 3 // 4
    gaps = np.flatnonzero(np.diff(lines) > 1)
    assert len(gaps) >= 1  # two blocks: the English line, then the smaller Chinese one below it
    first, second = lines[:gaps[0] + 1], lines[gaps[0] + 1:]
    assert len(second) < len(first) and changed[second].sum() > 100
    assert np.abs(shown[:H // 2]).max() < 20  # nothing drawn in the upper half
    assert np.abs(hidden).max() < 20  # no cue at 6.5 s: the picture is the source's
    stages = [e for e in events if e.stage == "burn"]
    assert stages[-1].fraction == 1.0 and any(0 < e.fraction < 1 for e in stages)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_audio_that_mp4_cannot_carry_is_encoded_to_aac(tmp_path):
    src = make_video(tmp_path / "talk.mkv", seconds=2, audio_codec="libopus")
    out = media.burn_subtitles(src, formats.render([Cue(0, 1000, "Hi")], "ass"), tmp_path / "o.mp4", quality="fast")
    assert "Audio: aac" in streams(out)


def test_cancel_leaves_nothing(video, tmp_path):
    token = CancelToken()

    def progress(p):
        if p.stage == "burn" and p.fraction > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        media.burn_subtitles(video, formats.render([Cue(0, 8000, "x")], "ass"), tmp_path / "o.mp4",
                             quality="high", on_progress=progress, cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_audio_only_input_and_bad_quality_are_refused(tmp_path):
    with pytest.raises(MediaError, match="no video track"):
        media.burn_subtitles(FIXTURES / "speech_en.wav", "", tmp_path / "o.mp4")
    with pytest.raises(MediaError, match="quality"):
        media.burn_subtitles(FIXTURES / "speech_en.wav", "", tmp_path / "o.mp4", quality="ultra")
    assert list(tmp_path.iterdir()) == []


def test_burn_command_is_an_argument_list_with_the_preset():
    cmd = media.burn_command(Path("in put.mp4"), "subs.ass", Path("o ut.mp4"), quality="high", audio_codec="aac")
    assert cmd[cmd.index("-vf") + 1] == "subtitles=filename=subs.ass"
    assert cmd[cmd.index("-crf") + 1] == "17" and cmd[cmd.index("-preset") + 1] == "slow"
    assert cmd[cmd.index("-c:a") + 1] == "copy" and "in put.mp4" in cmd and cmd[-1] == "o ut.mp4"


def test_missing_cjk_font_is_reported(monkeypatch):
    from subtitler.core.delivery import deliver

    assert deliver.missing_font_warning("Dialogue: Hello") is None
    assert deliver.missing_font_warning("Dialogue: 你好") is None  # fonts-noto-cjk (.ci/setup) is found
    monkeypatch.setattr(deliver.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, "", ""))
    assert "fonts-noto-cjk" in deliver.missing_font_warning("Dialogue: 你好")


def test_document_ass_for_the_editor_burn_in():
    from subtitler.core.delivery.deliver import document_ass, translation_tracks
    from subtitler.core.document.model import Document
    from subtitler.core.foundation.errors import UsageError

    cue = Cue(1000, 2500, "Hello there.").with_track("translation:zh", "你好。")
    doc = Document([cue, Cue(3000, 4000, "Untranslated.")], language="en", tracks=("translation:zh",))
    assert translation_tracks(doc) == ["zh"]
    style = formats.default_style(False)
    style.fontsize = 77
    original = document_ass(doc, style=style)
    assert "Hello there." in original and "你好" not in original and ",77," in original
    only = document_ass(doc, show="translation", target="zh")
    assert "你好" in only and "Hello" not in only
    text = document_ass(doc, show="bilingual", target="zh", order="translation-first")
    first = [ln for ln in text.splitlines() if ln.startswith("Dialogue:")]
    assert len(first) == 2 and first[0].index("你好") < first[0].index("Hello there")
    assert "0:00:01.00,0:00:02.50" in first[0] and "Untranslated." in first[1]  # times are the cues'
    with pytest.raises(UsageError, match="no translation into 'ja'"):
        document_ass(doc, show="bilingual", target="ja")


def test_series_delivery_settings_round_trip_and_bad_values():
    from subtitler.core.app.settings import MemoryStore, Settings

    store = MemoryStore()
    Settings(translate_to="zh", bilingual=True, bilingual_order="translation-first", burn_in=True,
             burn_quality="high", translate_model="glm-4.7").save(store)
    s = Settings.load(store)
    assert (s.translate_to, s.bilingual, s.bilingual_order, s.burn_in, s.burn_quality, s.translate_model) == (
        "zh", True, "translation-first", True, "high", "glm-4.7")
    store.values.update({"app/burn_quality": "ultra", "app/bilingual_order": "sideways", "app/translate_model": " "})
    s = Settings.load(store)
    assert (s.burn_quality, s.bilingual_order, s.translate_model) == ("balanced", "orig-first", "glm-4.5-flash")
