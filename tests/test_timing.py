"""Engine output of every shape becomes well-timed cues on real speech."""

from __future__ import annotations

import numpy as np
import pytest

from subtitler.core.engines.base import ChunkResult, Segment, Word
from subtitler.core.media.ffmpeg import load_wav
from subtitler.core.timing.rules import PROFILES, fix_timing
from subtitler.core.speech.detection import Chunk, detect_speech, make_chunks
from subtitler.core.speech.regions import Region
from subtitler.core.timing.cue_times import cues_for_chunk, snap_to_regions, words_to_cues

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


def test_long_segment_is_split_on_its_words(speech_en):
    """One segment over three sentences (too long for one cue): its text is aligned inside the
    segment, and the cues start and end on the true sentence times."""
    wav, meta = speech_en
    chunk = _chunks(wav)[0]
    utts = _text_for(chunk, meta["utterances"])[:3]
    text = " ".join(u["text"] for u in utts)
    seg = Segment(utts[0]["start_ms"] - chunk.start_ms, utts[-1]["end_ms"] - chunk.start_ms, text)
    cues = cues_for_chunk(chunk, ChunkResult(0, text, [seg]), EN)
    assert [c.text for c in cues] == [u["text"] for u in utts]
    for c, u in zip(cues, utts):
        assert abs(c.start - u["start_ms"]) <= 60 and abs(c.end - u["end_ms"]) <= 100


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
    from subtitler.core.speech.detection import Chunk

    chunk = Chunk(3, 1000, 9000, (Region(1200, 8800),), np.zeros(128000, dtype=np.int16))
    failed = cues_for_chunk(chunk, ChunkResult(3, error="server error 500"), EN)
    assert len(failed) == 1 and failed[0].flag.startswith("not transcribed") and failed[0].start == 1200
    blocked = cues_for_chunk(chunk, ChunkResult(3, flag="the service blocked this part"), EN)
    assert blocked[0].flag == "the service blocked this part"
    # flagged gaps survive the reading rules with their whole span (not cut to the max duration)
    kept = fix_timing(failed, EN)
    assert kept[0].flag and (kept[0].start, kept[0].end) == (1200, 8800)


def test_cjk_text_only_cues_hold_whole_words(speech_zh):
    from subtitler.core.text.split import segment_words

    wav, meta = speech_zh
    for chunk in _chunks(wav):
        text = "".join(u["text"] for u in _text_for(chunk, meta["utterances"]))
        cues = cues_for_chunk(chunk, ChunkResult(chunk.index, text, None), ZH)
        ends, n = set(), 0
        for w in segment_words(text):
            n += len(w)
            ends.add(n)
        n = 0
        for c in cues:
            n += len(c.text)
            assert n in ends, [c.text for c in cues]


def test_a_late_first_word_starts_at_its_unclaimed_speech_onset():
    from subtitler.core.document.cues import Cue

    regions = [Region(1000, 3000), Region(4000, 6000), Region(7000, 9000)]
    # 410 ms into speech no earlier cue reaches (a late first word): the cue takes the onset
    late = snap_to_regions([Cue(1000, 3000, "a"), Cue(4410, 6000, "b")], regions)
    assert [c.start for c in late] == [1000, 4000]
    # the previous cue reaches into that region: its speech is claimed, the start stays
    claimed = snap_to_regions([Cue(1000, 4500, "a"), Cue(4900, 6000, "b")], regions)
    assert claimed[1].start == 4900
    # too far into the region (over LEAD_MS): not moved
    far = snap_to_regions([Cue(1000, 3000, "a"), Cue(5200, 6000, "b")], regions)
    assert far[1].start == 5200


def test_an_unpunctuated_sentence_ends_at_a_long_pause_its_words_run_over():
    """Batched tiny.en on speech_en.wav (30 s pieces) gave "... together Thank you ..." with no
    mark, and aligned "together" through the 700 ms pause (38148-39288; the truth: speech ends at
    38661, resumes at 39561). The detected pause still ends the cue there."""
    words = [Word(37108, 37387, " build"), Word(37387, 38148, " such"), Word(38148, 39288, " together"),
             Word(39288, 39987, " Thank"), Word(39987, 40188, " you")]
    regions = [Region(35908, 38812), Region(39524, 42428)]
    chunk_result = ChunkResult(0, "build such together Thank you", [Segment(0, 42428, "", tuple(words))])
    chunk = Chunk(0, 0, 42428, tuple(regions), np.zeros(16 * 42428, dtype=np.int16))
    cues = cues_for_chunk(chunk, chunk_result, EN)
    assert [c.text for c in cues] == ["build such together", "Thank you"]
    assert cues[0].end <= 38812 and cues[1].start == 39524  # on the detected speech edges
    assert len(words_to_cues(words, EN)) == 1  # the words alone: no mark, no gap between them
