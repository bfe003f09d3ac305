"""Shared test set-up: offscreen Qt, fixture paths, and real media made with the real ffmpeg."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SUBTITLER_NO_KEYRING", "1")  # tests never touch the user's OS keyring

# tests never touch the user's caches, data, logs or settings: every user folder is a temp one
_HOME = tempfile.mkdtemp(prefix="subtitler-tests-")
atexit.register(shutil.rmtree, _HOME, True)
for _var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())
os.environ["SUBTITLER_DATA_DIR"] = os.path.join(_HOME, "data")
os.environ["SUBTITLER_CACHE_DIR"] = os.path.join(_HOME, "cache")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = FIXTURES.parent.parent


def ffmpeg_exe() -> str:
    from subtitler.core.media.ffmpeg import find_ffmpeg

    return find_ffmpeg()


def wav_seconds(path: Path) -> float:
    import wave

    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


def make_media(src_wav: Path, dst: Path, *, video: bool = False, codec: str | None = None) -> Path:
    """Encode ``src_wav`` into ``dst`` (container by extension), optionally with a small video track."""
    cmd = [ffmpeg_exe(), "-v", "error", "-y"]
    if video:  # a picture exactly as long as the sound (`-shortest` overshoots by a varying amount under load)
        cmd += ["-f", "lavfi", "-i", f"color=c=gray:s=160x90:r=25:d={wav_seconds(src_wav):.3f}"]
    cmd += ["-i", str(src_wav)]
    if video:
        cmd += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if codec:
        cmd += ["-c:a", codec]
    cmd.append(str(dst))
    subprocess.run(cmd, check=True, timeout=120)
    return dst


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def speech_en() -> tuple[Path, dict]:
    return FIXTURES / "speech_en.wav", json.loads((FIXTURES / "speech_en.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def speech_zh() -> tuple[Path, dict]:
    return FIXTURES / "speech_zh.wav", json.loads((FIXTURES / "speech_zh.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory, speech_en) -> Path:
    """The English fixture in several real containers: mp4/AAC (video), mkv/Opus (video), mp3, wav."""
    d = tmp_path_factory.mktemp("media")
    wav = speech_en[0]
    make_media(wav, d / "talk.mp4", video=True, codec="aac")
    make_media(wav, d / "lecture 02 é.mkv", video=True, codec="libopus")
    make_media(wav, d / "podcast.mp3", codec="libmp3lame")
    make_media(wav, d / "voice.wav")
    return d
