"""The app's cache folder: disposable files (waveform peaks, shot lists, speech maps, jieba's
dictionary) that any stage may keep and lose without harm."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """Disposable caches such as waveform peaks (``$SUBTITLER_CACHE_DIR`` overrides)."""
    env = os.environ.get("SUBTITLER_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("subtitler", appauthor=False))
