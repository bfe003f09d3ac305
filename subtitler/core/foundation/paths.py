"""The app's cache folder: disposable files that any stage may keep and lose without harm.

Every cache lives under the one folder :func:`cache_dir` names (``$SUBTITLER_CACHE_DIR``, else the
user's cache folder), one sub-folder each: ``glm`` (GLM-ASR chunk results), ``chat`` (translation
and polish answers), ``peaks`` (waveform peaks and speech maps), ``shots`` (shot lists), ``audio``
(the media cache's decoded audio, size-capped, owned by ``core.app.media_cache.MediaCache``) and
``jieba`` (jieba's dictionary).
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "SUBTITLER_CACHE_DIR"


def cache_dir(*parts: str) -> Path:
    """The cache folder (``$SUBTITLER_CACHE_DIR`` overrides), or one cache's sub-folder in it:
    ``cache_dir("glm")``. Nothing is created."""
    env = os.environ.get(CACHE_ENV)
    if env:
        root = Path(env)
    else:
        import platformdirs

        root = Path(platformdirs.user_cache_dir("subtitler", appauthor=False))
    return root.joinpath(*parts)
