"""Engine output of every shape becomes well-timed cues on real speech."""

from __future__ import annotations

import pytest

from subtitler.core.engines.base import ChunkResult, Segment, Word
from subtitler.core.media import load_wav
from subtitler.core.rules import PROFILES, fix_timing
from subtitler.core.speech import Region, detect_speech, make_chunks
from subtitler.core.timing import cues_for_chunk, text_to_cues, words_to_cues

EN = PROFILES["netflix-en"]
ZH = PROFILES["netflix-zh"]


def _chunks(wav):
    pcm = load_wav(wav)
    return make_chunks(pcm, detect_speech(pcm), 30000, 1000)


def _text_for(chunk, utts):
    return [u for u in utts if chunk.start_ms <= u["start_ms"] and u["end_ms"] <= chunk.end_ms]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_only_answer_is_split_and_snapped_to_pauses(lang, speech_en, speech_zh):
    wav, meta = speech_en if lang == "en" else speech_zh
    profile = EN if lang == "en" else ZH
    joiner = " " if lang == "en" else ""
    for chunk in _chunks(wav):
        utts = _text_for(chunk, meta["utterances"])
        result = ChunkResult(chunk.index, joiner.join(u["text"] for u in utts), None)
        cues = cues_for_chunk(chunk, result, profile)
        assert len(cues) >= len(utts) >= 1
        assert max(c.duration for c in cues) <= 10000  # a 30 s piece never becomes one cue
        # every utterance starts a cue within 250 ms of its true onset
        for u in utts:
            assert min(abs(c.start - u["start_ms"]) for c in cues) <= 250, u["text"]
            assert min(abs(c.end - u["end_ms"]) for c in cues) <= 250, u["text"]


def test_segments_answer(speech_en):
    wav, meta = speech_en
    chunk = _chunks(wav)[0]
    utts = _text_for(chunk, meta["utterances"])
    segs = [Segment(u["start_ms"] - chunk.start_ms, u["end_ms"] - chunk.start_ms, u["text"]) for u in utts]
    cues = cues_for_chunk(chunk, ChunkResult(0, " ".join(u["text"] for u in utts), segs), EN)
    assert [c.text for c in cues] == [u["text"] for u in utts]
    for c, u in zip(cues, utts):
        assert abs(c.start - u["start_ms"]) <= 150 and abs(c.end - u["end_ms"]) <= 150


def test_long_segment_is_shared_by_clauses():
    chunk_regions = (Region(0, 9000), Region(9800, 20000))
    from subtitler.core.speech import Chunk
    import numpy as np

    chunk = Chunk(0, 0, 20000, chunk_regions, np.zeros(320000, dtype=np.int16))
    text = ("This first sentence is long enough to need a cue of its own for sure. "
            "And the second one, which follows a clear pause, gets the second region entirely.")
    cues = cues_for_chunk(chunk, ChunkResult(0, text, [Segment(0, 20000, text)]), EN)
    assert len(cues) >= 2 and cues[0].start == 0
    assert any(c.end == 9000 for c in cues) and any(c.start == 9800 for c in cues)


def test_words_grouped_at_pauses_and_sentence_ends():
    words = [Word(0, 300, " Hello"), Word(350, 700, " world."), Word(1500, 1800, " Next"),
             Word(1850, 2100, " part"), Word(2150, 2500, " here")]
    cues = words_to_cues(words, EN)
    assert [(c.start, c.end, c.text) for c in cues] == [(0, 700, "Hello world."), (1500, 2500, "Next part here")]


def test_words_never_exceed_two_lines():
    words = [Word(i * 300, i * 300 + 250, f" word{i}") for i in range(60)]
    cues = words_to_cues(words, EN)
    assert all(len(c.text) <= EN.max_chars for c in cues)
    assert " ".join(c.text for c in cues) == " ".join(f"word{i}" for i in range(60))


def test_failed_and_blocked_chunks_become_flagged_gaps():
    import numpy as np
    from subtitler.core.speech import Chunk

    chunk = Chunk(3, 1000, 9000, (Region(1200, 8800),), np.zeros(128000, dtype=np.int16))
    failed = cues_for_chunk(chunk, ChunkResult(3, error="server error 500"), EN)
    assert len(failed) == 1 and failed[0].flag.startswith("not transcribed") and failed[0].start == 1200
    blocked = cues_for_chunk(chunk, ChunkResult(3, flag="the service blocked this part"), EN)
    assert blocked[0].flag == "the service blocked this part"
    # flagged gaps survive the reading rules with their whole span (not cut to the max duration)
    kept = fix_timing(failed, EN)
    assert kept[0].flag and (kept[0].start, kept[0].end) == (1200, 8800)


def test_cjk_text_only_splits_at_chinese_punctuation():
    text = "欢迎来到信号处理课程的第一讲。今天我们讨论采样、滤波和离散傅里叶变换。信号就是时间的函数。"
    cues = text_to_cues(text, [Region(0, 4000), Region(5000, 12000), Region(13000, 16000)], ZH)
    assert len(cues) == 3
    assert (cues[0].end, cues[1].start, cues[1].end, cues[2].start) == (4000, 5000, 12000, 13000)
