"""Silero VAD finds the known utterances; the chunker cuts only inside pauses."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from subtitler.core.foundation.errors import NoSpeechError
from subtitler.core.media.ffmpeg import load_wav, ms_to_samples
from subtitler.core.speech.detection import VadSettings, detect_speech, make_chunks, regions_from_probabilities
from subtitler.core.speech.regions import Region


@pytest.fixture(scope="module")
def en(speech_en):
    pcm = load_wav(speech_en[0])
    return pcm, speech_en[1]["utterances"], detect_speech(pcm)


def test_vad_finds_every_utterance(en):
    _, utts, regions = en
    assert len(regions) >= len(utts)
    for u in utts:
        starts = [r for r in regions if abs(r.start_ms - u["start_ms"]) <= 150]
        assert starts, f"no region starts near {u['start_ms']}"
        ends = [r for r in regions if abs(r.end_ms - u["end_ms"]) <= 250]
        assert ends, f"no region ends near {u['end_ms']}"


def test_silence_has_no_speech():
    assert detect_speech(np.zeros(16000 * 5, dtype=np.int16)) == []
    with pytest.raises(NoSpeechError):
        make_chunks(np.zeros(16000, dtype=np.int16), [], 30000)


def test_chunks_respect_limit_and_cut_in_pauses(en):
    pcm, utts, regions = en
    for limit in (30000, 12000):
        chunks = make_chunks(pcm, regions, limit, margin_ms=500)
        assert len(chunks) >= 2
        covered = [r for c in chunks for r in c.regions]
        assert covered == regions
        for c in chunks:
            assert c.duration_ms <= limit - 500
            assert len(c.samples) == ms_to_samples(c.end_ms) - ms_to_samples(c.start_ms)
            for u in utts:  # a border never falls inside an utterance
                assert not (u["start_ms"] + 50 < c.start_ms < u["end_ms"] - 50)
                assert not (u["start_ms"] + 50 < c.end_ms < u["end_ms"] - 50)


def test_long_utterance_cut_at_quietest_point(en):
    pcm, utts, _ = en
    # 40 s of speech without any pause longer than 40 ms: utterances butted together
    pieces = [pcm[ms_to_samples(u["start_ms"]): ms_to_samples(u["end_ms"])] for u in utts]
    dip = np.zeros(ms_to_samples(40), dtype=np.int16)
    joined = np.concatenate([np.concatenate([p, dip]) for p in pieces])
    region = [Region(0, len(joined) * 1000 // 16000)]
    chunks = make_chunks(joined, region, 30000, margin_ms=1000)
    assert len(chunks) >= 2
    assert all(c.duration_ms <= 29000 for c in chunks)
    # every cut lands in near-silence (a dip between words), far below the speech level
    level = np.sqrt(np.mean(joined.astype(np.float64) ** 2))
    for c in chunks[1:]:
        cut = ms_to_samples(c.regions[0].start_ms)
        window = joined[cut - 160: cut + 160].astype(np.float64)
        assert np.sqrt(np.mean(window ** 2)) < 0.05 * level


def test_hysteresis_merges_short_pauses_and_drops_blips():
    probs = np.array([0, 0.9, 0.9, 0.1, 0.9, 0.9, 0, 0, 0, 0, 0, 0, 0, 0, 0.9, 0, 0, 0, 0], dtype=np.float32)
    regs = regions_from_probabilities(probs, 100, VadSettings(min_silence_ms=150, min_speech_ms=150, pad_ms=0), 1900)
    assert regs == [Region(100, 600)]


@pytest.mark.parametrize("backend", ["lite", "onnx"])
def test_streams_agree_with_one_pass(en, backend):
    """Cut into streams (one per core; with onnxruntime up to 16 per core, run side by side), the
    regions are those of one uninterrupted pass of the same model, to a frame or two."""
    pcm = np.concatenate([en[0]] * 4)  # ~3 min: long enough to be split
    one = detect_speech(pcm, workers=1, backend="lite")  # one stream, frame by frame
    for workers in (1, 2):
        split = detect_speech(pcm, workers=workers, backend=backend)
        assert len(split) == len(one)
        assert all(abs(a.start_ms - b.start_ms) <= 64 and abs(a.end_ms - b.end_ms) <= 64 for a, b in zip(one, split))


def test_onnx_is_the_default_with_the_offline_engine_installed(en):
    from subtitler.core.speech import detection as speech

    assert speech._default_backend() == "onnx"  # onnxruntime comes with faster-whisper
    assert detect_speech(en[0]) == detect_speech(en[0], backend="onnx")


def test_cancel_stops_every_block(en):
    from subtitler.core.foundation.errors import Cancelled
    from subtitler.core.foundation.progress import CancelToken

    token = CancelToken()
    token.cancel()
    for backend in ("lite", "onnx"):
        with pytest.raises(Cancelled):
            detect_speech(np.concatenate([en[0]] * 4), workers=2, cancel=token, backend=backend)


@pytest.fixture(scope="module")
def lecture(en):
    from tests.support.glm_server import tile_audio

    pcm, utts, _ = en
    big, tiled = tile_audio(pcm, utts, 5)
    return big, [{"start_ms": u.start_ms, "end_ms": u.end_ms} for u in tiled], detect_speech(big)


def test_target_gives_about_equal_chunks_cut_in_pauses(lecture):
    pcm, utts, regions = lecture
    span = regions[-1].end_ms - regions[0].start_ms
    packed = make_chunks(pcm, regions, 30000, 1000)
    for n in (len(packed) + 1, len(packed) + 2, 2 * len(packed)):
        target = -(-span // n)
        chunks = make_chunks(pcm, regions, 30000, 1000, target_ms=target)
        assert len(chunks) == n, (target, [c.duration_ms for c in chunks])
        assert [r for c in chunks for r in c.regions] == regions
        for c in chunks:
            assert c.duration_ms <= 29000
            assert abs(c.duration_ms - target) <= 0.35 * target  # about equal
            for u in utts:  # a border never falls inside an utterance
                assert not (u["start_ms"] + 50 < c.start_ms < u["end_ms"] - 50)
                assert not (u["start_ms"] + 50 < c.end_ms < u["end_ms"] - 50)


def test_target_never_breaks_the_limit_and_none_changes_nothing(lecture):
    pcm, _, regions = lecture
    packed = make_chunks(pcm, regions, 30000, 1000)
    assert [(c.start_ms, c.end_ms) for c in make_chunks(pcm, regions, 30000, 1000, target_ms=None)] == \
        [(c.start_ms, c.end_ms) for c in packed]
    over = make_chunks(pcm, regions, 30000, 1000, target_ms=60000)  # a target above the limit
    assert all(c.duration_ms <= 29000 for c in over) and len(over) == len(packed)


def test_onnxruntime_telemetry_is_off_and_leaves_nothing_behind(tmp_path):
    """onnxruntime's official builds report usage and leave `$TMPDIR/.ses`; importing subtitler
    turns that off before the runtime loads (the user's own setting wins)."""
    code = ("import os, subtitler; from subtitler.core.speech.detection import detect_speech; import numpy as np; "
            "detect_speech(np.zeros(16000, dtype=np.int16), backend='onnx'); print(os.environ['ORT_DISABLE_TELEMETRY'])")
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env["TMPDIR"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
    assert list(tmp_path.iterdir()) == []
