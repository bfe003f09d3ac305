"""Issue 21, defect 4: a cloud job quit mid-way and added again sends exactly the pieces whose
results are missing — never the whole file again, never with other piece sizes.

The job runs as the desktop app runs it (``transcribe_file`` with ``on_cues`` and the media cache,
as ``gui.workers.TranscribeTask`` calls it) against the stand-in GLM-ASR server over 127.0.0.1.
The first run is stopped once the server has answered a given number of pieces (a condition on
its counters, no sleeps). Between the runs the media cache may have received the decoded audio
and a whole-file speech map: what the editor leaves there when it is opened on the running job
(``gui.editor.workers.MediaAnalysis``) — the run after it used to plan the whole file afresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
from subtitler.core.app.media_cache import MediaCache
from subtitler.core.engines.glm_settings import GlmSettings
from subtitler.core.foundation.errors import Cancelled
from subtitler.core.foundation.progress import CancelToken
from subtitler.core.media.ffmpeg import extract_audio, load_wav, write_wav
from subtitler.core.media.peaks import media_key
from subtitler.core.speech.detection import detect_speech
from tests.support.glm_server import GlmServer, tile_audio

FIX = Path(__file__).resolve().parent / "fixtures"
KEY = "sk-resume-0123456789abcdef"


@pytest.fixture(scope="module")
def lecture(tmp_path_factory):
    """A 2-minute lecture (the English fixture three times) and its utterances."""
    utts = json.loads((FIX / "speech_en.json").read_text("utf-8"))["utterances"]
    pcm, tiled = tile_audio(load_wav(FIX / "speech_en.wav"), utts, 3, seed=21)
    path = tmp_path_factory.mktemp("lecture") / "lecture.wav"
    write_wav(path, pcm)
    return path, pcm, tiled


def run(path: Path, srv: GlmServer, root: Path, *, concurrency: int, cancel: CancelToken | None = None,
        stop_after: int = 0):
    """One job as the app runs it; with ``stop_after`` it is cancelled (the user quits) once the
    server has answered that many pieces."""
    settings = GlmSettings(api_key=KEY, base_url=srv.base_url, cache_dir=root / "glm", concurrency=concurrency,
                           timeout_s=10.0, backoff_s=0.01, backoff_max_s=0.2)
    token = cancel or CancelToken()

    def progress(p) -> None:
        if stop_after and sum(srv.counters.served.values()) >= stop_after:
            token.cancel()

    cues: list = []
    return transcribe_file(path, TranscribeOptions(engine="glm", glm_settings=settings), on_progress=progress,
                           cancel=token, on_cues=cues.extend, media_cache=MediaCache(root / "media", cap_mb=512))


def editor_was_opened(path: Path, root: Path) -> None:
    """What the editor opened on the running job leaves in the media cache: the decoded audio and
    a speech map of the whole file."""
    cache = MediaCache(root / "media", cap_mb=512)
    key = media_key(path)
    wav = root / "editor.wav"
    extract_audio(path, wav)
    cache.adopt(path, key, wav, detect_speech(load_wav(wav)))


def overlapping(spans: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    ordered = sorted(spans)
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if b[0] < a[1]]


@pytest.mark.parametrize("stop_after, editor, concurrency_again", [
    (1, True, 2), (2, True, 3), (4, True, 2), (2, False, 5), (3, False, 2),
], ids=["quit-after-1-editor", "quit-after-2-editor-other-concurrency", "quit-after-4-editor",
        "quit-after-2-other-concurrency", "quit-after-3"])
def test_a_resumed_job_sends_exactly_the_missing_pieces(lecture, tmp_path, stop_after, editor, concurrency_again):
    path, pcm, utts = lecture
    with GlmServer(api_key=KEY, scale=0.05, limit=20) as srv:
        srv.register(pcm, utts)
        with pytest.raises(Cancelled):
            run(path, srv, tmp_path, concurrency=2, stop_after=stop_after)
        first_sent = set(srv.counters.sends)
        first_served = {k for k, n in srv.counters.served.items() if n}
        assert len(first_served) >= stop_after
        if editor:
            editor_was_opened(path, tmp_path)
        result = run(path, srv, tmp_path, concurrency=concurrency_again)
        assert result.failed_chunks == 0 and result.chunks > stop_after
        served = dict(srv.counters.served)
        spans = srv.counters.spans
        # nothing answered before is sent again, and nothing is sent twice
        again = {k for k, n in srv.counters.sends.items() if k in first_served and n > 1}
        assert not again, f"{len(again)} pieces answered in the first run were sent again"
        assert all(n == 1 for n in served.values()), served
        # the pieces of both runs are one plan: no two answered pieces overlap (another plan's
        # pieces would cover the same audio again, in other sizes)
        answered = [spans[k] for k in served]
        assert not overlapping(answered), overlapping(answered)
        # and together they are the whole job: every piece of the result was answered exactly once
        assert len(served) == result.chunks
        # the second run sent only what the first had not got back
        second = set(srv.counters.sends) - first_sent
        assert second <= set(served) and len(second) <= result.chunks - len(first_served)
    text = " ".join(c.text.replace("\n", " ") for c in result.document.cues)
    assert text.count("Welcome to the first lecture") == 3
