"""On-disk store of finished GLM-ASR chunk results: a re-run never pays for a chunk twice.

One JSON file per chunk, named by a sha256 of everything that decides the answer (audio
samples, chunk span, model, glossary, context mode, language). Written atomically (temp file,
fsync, rename), so a killed run leaves either a whole result or none.

Beside them, ``plans/<audio key>.plan`` remembers the chunk length a file was first cut to, so a
re-run with another concurrency cuts the same chunks and finds their results; and
``plans/<layout key>.layout`` the whole piece layout of a job (every piece's span and speech
regions, keyed by the media's identity and the settings that shape it), so that a resumed or
re-tried job sends exactly the pieces whose results are missing, whichever way it reads the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Optional

import numpy as np

from ..speech.detection import Chunk
from .base import Segment

FORMAT = 1


def chunk_key(chunk: Chunk, *, model: str, hotwords: list[str], context: bool,
              language: Optional[str] = None) -> str:
    """What decides the service's answer for ``chunk``. ``language`` is not sent to the service, so
    it is not part of the key (kept as "" in the hashed fields: keys made without one stay valid);
    a key that depended on it would differ between a run that knew the language and one that had
    guessed it, and the same piece would be paid for twice."""
    del language
    h = hashlib.sha256()
    h.update(b"subtitler-glm-v%d\0" % FORMAT)
    h.update(np.ascontiguousarray(chunk.samples, dtype=np.int16).tobytes())
    meta = {
        "span": [int(chunk.start_ms), int(chunk.end_ms)],
        "model": model,
        "hotwords": list(hotwords),
        "context": bool(context),
        "language": "",
    }
    h.update(json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


class ResultCache:
    """``get``/``put`` of (text, segments, language) by key; a damaged entry reads as missing."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.root = Path(root)
        self.enabled = enabled

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Optional[tuple[str, Optional[list[Segment]], str]]:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return None
            segs = data.get("segments")
            segments = None if segs is None else [Segment(int(a), int(b), str(t)) for a, b, t in segs]
            return str(data["text"]), segments, str(data.get("language", ""))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            try:
                path.unlink()
            except OSError:
                pass
            return None

    def _plan_path(self, audio_key: str) -> Path:
        return self.root / "plans" / f"{audio_key}.plan"

    def get_plan(self, audio_key: str) -> Optional[int]:
        """The chunk target stored for this audio (0: packed to the limit), None when unknown."""
        if not self.enabled:
            return None
        try:
            value = int(self._plan_path(audio_key).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None
        return value if value >= 0 else None

    def put_plan(self, audio_key: str, target_ms: int) -> None:
        if self.enabled:
            self._write(self._plan_path(audio_key), str(int(target_ms)))

    def _layout_path(self, layout_key: str) -> Path:
        return self.root / "plans" / f"{layout_key}.layout"  # not *.json: those are results

    def get_layout(self, layout_key: str) -> Optional[dict[str, Any]]:
        """A job's stored piece layout (see ``core.app.jobs``), None when unknown or damaged."""
        if not self.enabled:
            return None
        try:
            data = json.loads(self._layout_path(layout_key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("format") == FORMAT else None

    def put_layout(self, layout_key: str, layout: dict[str, Any]) -> None:
        if self.enabled:
            self._write(self._layout_path(layout_key), json.dumps({**layout, "format": FORMAT}))

    def put(self, key: str, text: str, segments: Optional[list[Segment]], language: str) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        data = {
            "format": FORMAT,
            "text": text,
            "segments": None if segments is None else [[s.start_ms, s.end_ms, s.text] for s in segments],
            "language": language,
        }
        self._write(path, json.dumps(data, ensure_ascii=False))

    @staticmethod
    def _write(path: Path, text: str) -> None:
        write_atomic(path, text)


def write_atomic(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, rename: a kill leaves the whole entry or none. A cache
    that cannot be written costs a re-send later, never the job (errors are swallowed)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)  # never *.json
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        pass
