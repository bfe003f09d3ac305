"""``subtitler --version`` and the versions Help ▸ About shows (the Qt-free part)."""

from __future__ import annotations

import re
import subprocess
from importlib import metadata

import pytest

from subtitler import __version__, cli
from subtitler.core.app import versions
from subtitler.core.foundation.errors import FFmpegNotFoundError
from subtitler.core.media.ffmpeg import ffmpeg_version, find_ffmpeg


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"subtitler {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+([ab]|rc|\.dev)?\d*", __version__)


def test_component_versions_come_from_the_installed_parts():
    found = versions.component_versions()
    assert found["subtitler"] == __version__
    assert found["PySide6"] == metadata.version("PySide6-Essentials")
    assert found["faster-whisper"] == metadata.version("faster-whisper")
    first_line = subprocess.run([find_ffmpeg(), "-version"], capture_output=True, text=True).stdout.splitlines()[0]
    assert found["ffmpeg"] == ffmpeg_version() and f"ffmpeg version {found['ffmpeg']} " in first_line


def test_missing_parts_are_named_not_raised(monkeypatch):
    def no_ffmpeg():
        raise FFmpegNotFoundError("ffmpeg was not found")

    monkeypatch.setattr("subtitler.core.media.ffmpeg.find_ffmpeg", no_ffmpeg)
    monkeypatch.setattr(versions, "dist_version", lambda *names: None)
    found = versions.component_versions()
    assert found["ffmpeg"] == "not found"
    assert found["faster-whisper"] == versions.NOT_INSTALLED and found["PySide6"] == versions.NOT_INSTALLED
