"""The media cache: a job's decoded audio and speech map are kept (size-capped, least recently used
evicted) and reused — by a second run of the same file and by the editor."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np

from subtitler.core.app import jobs
from subtitler.core.engines.base import ChunkResult, Segment
from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
from subtitler.core.media.ffmpeg import write_wav
from subtitler.core.app.media_cache import MB, MediaCache
from subtitler.core.media.peaks import media_key
from subtitler.core.speech.regions import Region


def _wav(path: Path, seconds: float) -> Path:
    write_wav(path, (np.sin(np.arange(int(16000 * seconds)) / 9) * 3000).astype(np.int16))
    return path


def test_lru_eviction_keeps_the_cap(tmp_path):
    cache = MediaCache(tmp_path / "cache", cap_mb=1)
    kept = []
    for n in range(4):  # ~0.32 MB each: three fit in 1 MB
        src = _wav(tmp_path / f"m{n}.wav", 10)
        extracted = _wav(tmp_path / f"x{n}.wav", 10)
        audio = cache.adopt(src, f"key{n}", extracted, [Region(0, 1000)])
        assert audio is not None and audio.wav.is_file() and audio.regions == (Region(0, 1000),)
        kept.append(audio)
        os.utime(audio.wav, (time.time() - 100 + n, time.time() - 100 + n))  # distinct "last use"
        if n == 1:
            cache.touch("key0")  # key0 used again: now newer than key1
    assert cache.size() <= 1 * MB
    names = sorted(p.stem for _, _, p in cache.entries())
    assert "key1" not in names and "key3" in names and "key0" in names
    assert not cache.speech_path("key1").exists()  # its speech map went with it


def test_env_cap_and_disabled_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SUBTITLER_MEDIA_CACHE_MB", "0")
    cache = MediaCache(tmp_path, cap_mb=500)
    assert not cache.enabled
    wav = _wav(tmp_path / "x.wav", 1)
    assert cache.adopt(wav, "k", wav, None) is None and wav.exists()


class CountingEngine:
    """A stand-in recogniser for pipeline plumbing tests: one segment per chunk."""

    name = "local"
    max_chunk_ms = 30000
    margin_ms = 0

    def __init__(self) -> None:
        self.calls = 0

    def describe(self) -> str:
        return "counting"

    def transcribe(self, chunks, *, language, on_progress, cancel):
        self.calls += 1
        return [ChunkResult(c.index, "Hello there.", [Segment(0, c.duration_ms, "Hello there.")], language="en")
                for c in chunks]


def test_a_job_keeps_its_audio_and_a_second_run_decodes_nothing(tmp_path, speech_en, monkeypatch):
    cache = MediaCache(tmp_path / "cache", cap_mb=100)
    media = tmp_path / "talk.wav"
    media.write_bytes(speech_en[0].read_bytes())
    first = transcribe_file(media, TranscribeOptions(), engine=CountingEngine(), media_cache=cache)
    audio = first.audio
    assert audio is not None and audio.key == media_key(media) and audio.wav.is_file()
    assert list(audio.regions) == first.regions
    # the editor's readers find the same files (its waveform/snapping cache layout)
    from subtitler.gui.editor.workers import audio_cache_path, speech_cache_path

    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "cache"))
    assert audio_cache_path(audio.key) == audio.wav
    assert speech_cache_path(audio.key) == cache.speech_path(audio.key)

    def no_decode(*a, **k):
        raise AssertionError("decoded again")

    monkeypatch.setattr(jobs, "extract_audio", no_decode)
    monkeypatch.setattr(jobs, "detect_speech", no_decode)
    second = transcribe_file(media, TranscribeOptions(), engine=CountingEngine(), media_cache=cache)
    assert second.regions == first.regions and [c.text for c in second.document.cues] == \
        [c.text for c in first.document.cues]
    # without a cache (the command line) nothing is kept
    monkeypatch.undo()
    plain = transcribe_file(media, TranscribeOptions(), engine=CountingEngine())
    assert plain.audio is None
