"""The ffmpeg wrapper on real media made by the real ffmpeg."""

from __future__ import annotations

from pathlib import Path

import pytest

from subtitler.core.media import ffmpeg as media
from subtitler.core.foundation.errors import Cancelled, FFmpegNotFoundError, MediaError, NoAudioError
from subtitler.core.foundation.progress import CancelToken

from .conftest import ffmpeg_exe


def test_find_ffmpeg_prefers_environment(monkeypatch, tmp_path):
    fake = tmp_path / "my-ffmpeg"
    fake.write_text("")
    monkeypatch.setenv("SUBTITLER_FFMPEG", str(fake))
    assert media.find_ffmpeg() == str(fake)
    monkeypatch.setenv("SUBTITLER_FFMPEG", str(tmp_path / "missing"))
    with pytest.raises(FFmpegNotFoundError):
        media.find_ffmpeg()


def test_find_ffmpeg_falls_back_to_imageio(monkeypatch):
    import imageio_ffmpeg

    monkeypatch.delenv("SUBTITLER_FFMPEG", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    assert media.find_ffmpeg() == imageio_ffmpeg.get_ffmpeg_exe()


def _fake_ffmpeg(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "ffmpeg"
    exe.write_text(f"#!/bin/sh\necho 'ffmpeg version {version} Copyright (c) 2000-2022 the FFmpeg developers'\n")
    exe.chmod(0o755)
    return exe


def test_an_ffmpeg_older_than_5_1_is_refused_or_passed_over(monkeypatch, tmp_path):
    import imageio_ffmpeg

    old = _fake_ffmpeg(tmp_path / "old", "4.4.2-0+deb11u1")
    monkeypatch.setenv("SUBTITLER_FFMPEG", str(old))
    with pytest.raises(FFmpegNotFoundError) as info:
        media.find_ffmpeg()
    assert str(info.value) == (f"{old} is ffmpeg 4.4; subtitler needs ffmpeg 5.1 or newer: install a newer one, "
                               "or `pip install imageio-ffmpeg` and unset SUBTITLER_FFMPEG.")
    monkeypatch.delenv("SUBTITLER_FFMPEG")
    monkeypatch.setenv("PATH", str(old.parent))  # on PATH: passed over for the bundled one
    assert media.find_ffmpeg() == imageio_ffmpeg.get_ffmpeg_exe()
    for version in ("5.1.9-0+deb12u1", "n7.1", "N-113548-g6bd2b56f0a-static"):  # 5.1 on, and git builds
        new = _fake_ffmpeg(tmp_path / version, version)
        monkeypatch.setenv("PATH", str(new.parent))
        assert media.find_ffmpeg() == str(new)


@pytest.mark.parametrize("name,video", [("talk.mp4", True), ("lecture 02 é.mkv", True),
                                        ("podcast.mp3", False), ("voice.wav", False)])
def test_probe_and_extract_every_container(media_dir, speech_en, tmp_path, name, video):
    expected_ms = speech_en[1]["duration_ms"]
    info = media.probe(media_dir / name)
    assert info.audio_streams == 1
    assert info.has_video is video
    assert abs(info.duration_ms - expected_ms) < 300  # containers round to frames
    events = []
    out = tmp_path / "a.wav"
    media.extract_audio(media_dir / name, out, on_progress=events.append)
    pcm = media.load_wav(out)
    assert abs(len(pcm) / 16 - expected_ms) < 150
    fractions = [e.fraction for e in events]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert not list(tmp_path.glob("*.part"))


def test_extraction_command_is_an_argument_list(tmp_path):
    cmd = media.extraction_command(Path("in put.mp4"), tmp_path / "o.wav")
    assert isinstance(cmd, list) and cmd[0] == media.find_ffmpeg()
    assert "in put.mp4" in cmd and "16000" in cmd and "0:a:0" in cmd


def test_cancel_leaves_nothing(media_dir, tmp_path):
    token = CancelToken()
    token.cancel()
    out = tmp_path / "a.wav"
    with pytest.raises(Cancelled):
        media.extract_audio(media_dir / "talk.mp4", out, cancel=token)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_bad_inputs_have_clear_errors(tmp_path, media_dir):
    import subprocess

    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("this is not a video\n" * 50)
    truncated = tmp_path / "cut.mp4"
    truncated.write_bytes((media_dir / "talk.mp4").read_bytes()[:3000])
    silent_video = tmp_path / "mute.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "color=c=red:s=64x64:d=1",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", str(silent_video)], check=True)
    for path, words in [(tmp_path / "missing.wav", "not found"), (empty, "empty"), (text, "not a media file"),
                        (truncated, "")]:
        with pytest.raises(MediaError) as err:
            media.probe(path)
        assert path.name in str(err.value) and words in str(err.value)
    with pytest.raises(NoAudioError, match="no audio"):
        media.extract_audio(silent_video, tmp_path / "x.wav")


def test_expand_inputs_natural_order(tmp_path):
    for name in ["lec10.mp4", "lec2.mp4", "lec1.mkv", "notes.txt", ".hidden.mp4"]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "extra.wav").write_bytes(b"x")
    got = [p.relative_to(tmp_path).as_posix() for p in media.expand_inputs([tmp_path])]
    assert got == ["lec1.mkv", "lec2.mp4", "lec10.mp4", "sub/extra.wav"]


def _cancelled_run_returns(cmd_tail: list[str], cancel_after_lines: int) -> float:
    """Seconds ``media._run_ffmpeg`` takes to return after its token is cancelled."""
    import threading
    import time

    token = CancelToken()
    seen = [0]
    cancelled_at: list[float] = []

    def on_line(_raw: bytes) -> None:
        seen[0] += 1
        if seen[0] == cancel_after_lines:
            cancelled_at.append(time.monotonic())
            token.cancel()

    cmd = [media.find_ffmpeg(), "-nostdin", "-hide_banner", "-v", "error", *cmd_tail]
    done: list[float] = []
    t = threading.Thread(target=lambda: (media._run_ffmpeg(cmd, on_line, token), done.append(time.monotonic())),
                         daemon=True)
    t.start()
    if cancel_after_lines == 0:  # nothing on stdout: cancel from outside
        time.sleep(0.5)
        cancelled_at.append(time.monotonic())
        token.cancel()
    t.join(20)
    assert done, "ffmpeg was not stopped within 20 s of the cancel"
    return done[0] - cancelled_at[0]


def test_a_cancel_stops_ffmpeg_even_with_a_full_output_pipe():
    # endless text on stdout: after the cancel nobody reads it; ffmpeg must not block on the full pipe
    took = _cancelled_run_returns(["-f", "lavfi", "-i", "testsrc=size=64x36:rate=1000", "-f", "framecrc", "-"], 5)
    assert took < 6


def test_a_cancel_stops_ffmpeg_that_writes_nothing_to_stdout():
    took = _cancelled_run_returns(["-re", "-f", "lavfi", "-i", "sine=duration=600", "-f", "null", "-"], 0)
    assert took < 3
