"""Results arrive as they are made: ``transcribe_file(on_cues=...)`` hands over each piece's cues
while the rest is still being recognised (a long file starts with its first part), and the finished
document still matches the known speech. Re-transcribing a span uses the same pipeline."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from subtitler.core.engines.glm import GlmEngine, GlmSettings
from subtitler.core.app.jobs import HEAD_MS, TranscribeOptions, transcribe_file, transcribe_span
from subtitler.core.media.ffmpeg import load_wav, write_wav
from subtitler.core.timing.rules import get_profile
from tests.support.glm_server import GlmServer, tile_audio

FIX = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def long_file(tmp_path_factory):
    pcm = load_wav(FIX / "speech_en.wav")
    meta = json.loads((FIX / "speech_en.json").read_text("utf-8"))
    big, utts = tile_audio(pcm, meta["utterances"], 4, seed=3)
    path = tmp_path_factory.mktemp("stream") / "lecture.wav"
    write_wav(path, big)
    return path, big, utts


def test_cues_stream_before_the_job_ends_and_the_result_matches_the_truth(long_file, tmp_path):
    path, big, utts = long_file
    assert len(big) / 16 >= 3 * HEAD_MS  # long enough for the head start
    with GlmServer(scale=0.3) as srv:
        srv.register(big, utts)
        settings = GlmSettings(api_key=srv.config.api_key, base_url=srv.base_url, cache_dir=tmp_path, concurrency=2)
        arrivals: list[tuple[float, list]] = []
        lock = threading.Lock()

        def on_cues(cues):
            with lock:
                arrivals.append((time.perf_counter(), list(cues)))

        t0 = time.perf_counter()
        result = transcribe_file(path, TranscribeOptions(engine="glm", glm_settings=settings), on_cues=on_cues)
        t_end = time.perf_counter()
    assert len(arrivals) >= 3
    first_at = arrivals[0][0] - t0
    assert first_at < (t_end - t0) / 2, (first_at, t_end - t0)  # the first cues long before the end
    first_cues = arrivals[0][1]
    assert first_cues[0].start < HEAD_MS  # the head: the file's beginning comes first
    # the finished document covers every known utterance once, in order, at the known times
    cues = result.document.cues
    assert [c.start for c in cues] == sorted(c.start for c in cues)
    text = " ".join(c.plain() for c in cues).lower()
    for u in utts:
        assert u.text.split()[0].lower().strip(",.") in text
    starts = [u.start_ms for u in utts]
    for s in starts:  # each utterance has a cue starting within 400 ms of its known start
        assert min(abs(c.start - s) for c in cues) <= 400, s
    regions = result.regions
    assert all(a.end_ms <= b.start_ms for a, b in zip(regions, regions[1:]))  # head and rest do not overlap
    streamed = sum(len(c) for _, c in arrivals)
    assert streamed >= len(cues) * 0.8


class _EchoEngine:
    """Recognises each chunk as text only, as GLM-ASR answers (the alignment step places it)."""

    name = "local"
    max_chunk_ms = 30000
    margin_ms = 0

    def describe(self) -> str:
        return "echo"

    def transcribe(self, chunks, *, language, on_progress, cancel):
        from subtitler.core.engines.base import ChunkResult

        return [ChunkResult(c.index, "Hello there.", None) for c in chunks]


def test_retranscribe_near_the_start_is_never_early_or_negative(speech_en):
    pcm = load_wav(speech_en[0])
    meta = speech_en[1]
    first = meta["utterances"][0]
    profile = get_profile(None, "Hello")
    cues = transcribe_span(pcm, first["start_ms"] - 2000, first["end_ms"] + 200, _EchoEngine(), profile)
    assert cues and all(c.start >= 0 for c in cues)
    # the cue starts where the speech starts (not 200 ms early as before)
    assert abs(cues[0].start - first["start_ms"]) <= 150, (cues[0].start, first["start_ms"])
    # with the job's speech map: no detection, cues clipped to the span
    from subtitler.core.speech.regions import Region

    span = transcribe_span(pcm, 1000, 3000, _EchoEngine(), profile, regions=[Region(500, 2500), Region(2800, 4000)])
    assert span and span[0].start >= 1000 and span[-1].end <= 3000
