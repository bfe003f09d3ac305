"""The media cache: a media file's decoded audio (16 kHz mono WAV) and its speech map (VAD
regions), made once by a job and reused by the editor (waveform, snapping, re-transcribe) and by
re-runs of the same file — no second decode or speech detection.

Keyed by the media *content* (:func:`subtitler.core.media.peaks.media_key`). Size-capped: after each
store the least recently used audio files are deleted until the WAVs together fit the cap
(``Settings.media_cache_mb``; ``$SUBTITLER_MEDIA_CACHE_MB`` overrides). "Use" is recorded in the
file's modification time (:meth:`MediaCache.touch`), since access times are unreliable.

Layout (shared with the editor's readers): ``<cache>/audio/<key>.wav`` and
``<cache>/peaks/<key>.speech.json``. The cache owns every file in ``<cache>/audio``: the jobs
(:meth:`MediaCache.adopt`) and the editor (:meth:`MediaCache.audio_for`) put audio there only
through it, so all of it counts toward the cap.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from ..speech.regions import Region

if TYPE_CHECKING:
    from ..foundation.progress import CancelToken

log = logging.getLogger(__name__)

CAP_ENV = "SUBTITLER_MEDIA_CACHE_MB"
DEFAULT_CAP_MB = 2048
MB = 1024 * 1024

__all__ = ["MediaAudio", "MediaCache", "CAP_ENV", "DEFAULT_CAP_MB"]


@dataclass(frozen=True)
class MediaAudio:
    """A media file's decoded audio and, when known, its speech map (what the editor needs)."""

    media: Path
    key: str
    wav: Path
    regions: Optional[tuple[Region, ...]] = None


class MediaCache:
    def __init__(self, folder: Optional[Path] = None, cap_mb: Optional[int] = None) -> None:
        if folder is None:
            from ..foundation.paths import cache_dir

            folder = cache_dir()  # $SUBTITLER_CACHE_DIR, the folder every cache shares
        self.root = Path(folder)
        env = os.environ.get(CAP_ENV, "").strip()
        if env:
            try:
                cap_mb = int(env)
            except ValueError:
                log.warning("ignoring %s=%r (not a whole number of MB)", CAP_ENV, env)
        self.cap_bytes = max(0, DEFAULT_CAP_MB if cap_mb is None else int(cap_mb)) * MB

    def __repr__(self) -> str:
        return f"MediaCache({str(self.root)!r}, cap_mb={self.cap_bytes // MB})"

    @property
    def enabled(self) -> bool:
        return self.cap_bytes > 0

    # -- paths ----------------------------------------------------------------------------------
    @property
    def audio_folder(self) -> Path:
        return self.root / "audio"

    def audio_path(self, key: str) -> Path:
        return self.audio_folder / f"{key}.wav"

    def speech_path(self, key: str) -> Path:
        return self.root / "peaks" / f"{key}.speech.json"

    # -- use ------------------------------------------------------------------------------------
    def lookup(self, media: Path | str, key: Optional[str] = None) -> Optional[MediaAudio]:
        """The cached audio of ``media`` (touched: now the most recently used), or None."""
        from ..media.peaks import media_key
        from ..speech.regions import load_regions

        key = key or media_key(media)
        wav = self.audio_path(key)
        if not wav.is_file():
            return None
        self.touch(key)
        regions = load_regions(self.speech_path(key))
        return MediaAudio(Path(media), key, wav, tuple(regions) if regions is not None else None)

    def touch(self, key: str) -> None:
        try:
            os.utime(self.audio_path(key))
        except OSError:
            pass

    def store_regions(self, key: str, regions: Sequence[Region]) -> None:
        from ..foundation.errors import SubtitlerError
        from ..speech.regions import save_regions

        try:
            save_regions(list(regions), self.speech_path(key))
        except (OSError, SubtitlerError) as exc:  # no cache is not an error
            log.debug("cannot cache the speech map: %s", exc)

    def adopt(self, media: Path | str, key: str, wav: Path,
              regions: Optional[Sequence[Region]]) -> Optional[MediaAudio]:
        """Move a freshly extracted ``wav`` into the cache (same file system: a rename) and evict
        what no longer fits; None (and ``wav`` left alone) when the cache is off or failing."""
        if not self.enabled:
            return None
        target = self.audio_path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if Path(wav) != target:
                os.replace(wav, target)
            os.utime(target)
        except OSError as exc:
            log.debug("cannot cache the audio: %s", exc)
            return None
        if regions is not None:
            self.store_regions(key, regions)
        self.evict(keep=(key,))
        if not target.exists():  # larger than the whole cap
            return None
        return MediaAudio(Path(media), key, target, tuple(regions) if regions is not None else None)

    def audio_for(self, media: Path | str, wav: Optional[Path] = None,
                  cancel: Optional[CancelToken] = None) -> Path:
        """A 16 kHz WAV of ``media`` for the editor: ``wav`` when it exists (a job decoded it
        already), else the cached audio, else decoded once into the cache (counted toward the
        cap, older files evicted). With the cache off, or a file larger than the whole cap, the
        WAV goes to a private temporary folder instead, never behind the cache's back."""
        from ..media.ffmpeg import extract_audio
        from ..media.peaks import media_key

        if wav is not None and Path(wav).exists():
            return Path(wav)
        key = media_key(media)
        hit = self.lookup(media, key)
        if hit is not None:
            return hit.wav
        part = self.audio_folder / ".partial" / f"{key}.{os.getpid()}.{threading.get_ident()}.wav"
        try:
            part.parent.mkdir(parents=True, exist_ok=True)
            extract_audio(media, part, cancel=cancel)
            if self.enabled and part.stat().st_size <= self.cap_bytes:
                adopted = self.adopt(media, key, part, None)
                if adopted is not None:
                    return adopted.wav
            if not part.exists():  # the cache could not keep it
                extract_audio(media, part, cancel=cancel)
            outside = Path(tempfile.mkdtemp(prefix="subtitler-audio-")) / f"{key}.wav"
            shutil.move(str(part), outside)  # another file system, maybe
            return outside
        finally:
            part.unlink(missing_ok=True)

    def entries(self) -> list[tuple[float, int, Path]]:
        """(last use, size, path) of every cached WAV, least recently used first."""
        out = []
        try:
            files = list(self.audio_folder.glob("*.wav"))
        except OSError:
            return []
        for p in files:
            try:
                st = p.stat()
            except OSError:
                continue
            out.append((st.st_mtime, st.st_size, p))
        return sorted(out)

    def size(self) -> int:
        return sum(size for _, size, _ in self.entries())

    def evict(self, keep: Iterable[str] = ()) -> list[Path]:
        """Delete least recently used WAVs (and their speech maps) until the rest fit the cap.
        ``keep``: keys not to delete unless they alone are over the cap."""
        keep = set(keep)
        entries = self.entries()
        total = sum(size for _, size, _ in entries)
        removed: list[Path] = []
        order = [e for e in entries if e[2].stem not in keep] + [e for e in entries if e[2].stem in keep]
        for _, size, path in order:
            if total <= self.cap_bytes:
                break
            try:
                path.unlink()
            except OSError:
                continue
            self.speech_path(path.stem).unlink(missing_ok=True)
            total -= size
            removed.append(path)
        if removed:
            log.info("media cache: removed %d old audio file(s) to stay under %d MB", len(removed),
                     self.cap_bytes // MB)
        return removed
