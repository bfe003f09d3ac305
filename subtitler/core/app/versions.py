"""Versions of the app and of the parts it runs on (``subtitler --version``, Help ▸ About)."""

from __future__ import annotations

import platform
import subprocess
from importlib import metadata
from typing import Optional

from ... import __version__
from ..foundation.errors import SubtitlerError

NOT_INSTALLED = "not installed"


def app_version() -> str:
    """The one version number (``pyproject.toml`` reads it from ``subtitler.__version__``)."""
    return __version__


def dist_version(*names: str) -> Optional[str]:
    """The installed version of the first distribution found among ``names``, or None."""
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def component_versions(ffmpeg: bool = True) -> dict[str, str]:
    """subtitler, Python, PySide6, faster-whisper and (``ffmpeg=True``: one quick subprocess) ffmpeg."""
    found = {
        "subtitler": app_version(),
        "Python": platform.python_version(),
        "PySide6": dist_version("PySide6-Essentials", "PySide6") or NOT_INSTALLED,
        "faster-whisper": dist_version("faster-whisper") or NOT_INSTALLED,
    }
    if ffmpeg:
        from ..media.ffmpeg import ffmpeg_version

        try:
            found["ffmpeg"] = ffmpeg_version()
        except (SubtitlerError, OSError, subprocess.TimeoutExpired):
            found["ffmpeg"] = "not found"
    return found
