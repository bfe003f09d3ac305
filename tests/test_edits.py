"""Every edit command (Qt-free core): its effect, its refusal cases, and that one undo restores the document."""

from __future__ import annotations

import pytest

from subtitler.core.app import edits as cmd
from subtitler.core.document.model import Document
from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import UsageError
from subtitler.core.timing.rules import PROFILES

P = PROFILES["netflix-en"]


def doc():
    return Document([Cue(1000, 3000, "one two three four"), Cue(4000, 5000, "five six"),
                     Cue(8000, 9000, "seven eight nine")])


def undone(d, before):
    assert d.undo()
    return d.cues == before


def test_nudge_start_end_whole_and_merging():
    d = doc()
    before = list(d.cues)
    cmd.nudge(d, [0], "start", -100)
    cmd.nudge(d, [0], "start", -100)
    assert d.cues[0].start == 800
    cmd.nudge(d, [0], "end", 40)  # a different part: its own undo step
    cmd.nudge(d, [0, 1], "both", 100)
    assert d.cues[0] == Cue(900, 3140, "one two three four") and d.cues[1] == Cue(4100, 5100, "five six")
    d.undo()
    d.undo()
    assert undone(d, before) and not d.can_undo()
    cmd.nudge(d, [0], "both", -5000)  # never before zero
    assert d.cues[0].start == 0
    cmd.nudge(d, [1], "start", 5000)  # never past the end
    assert d.cues[1].start == 4999
    with pytest.raises(UsageError):
        cmd.nudge(d, [], "start", 100)


def test_set_start_and_end_at_playhead():
    d = doc()
    before = list(d.cues)
    cmd.set_start_at(d, 0, 1500)
    assert d.cues[0].start == 1500 and d.cues[0].end == 3000
    cmd.set_start_at(d, 0, 3500)  # past the end: keeps the duration
    assert d.cues[0] == Cue(3500, 5000, "one two three four")
    cmd.set_end_at(d, 1, 6000)
    assert d.cues[1].end == 6000
    with pytest.raises(UsageError):
        cmd.set_end_at(d, 1, 3000)
    d.undo()
    d.undo()
    assert undone(d, before)


def test_split_at_playhead_or_text_cursor():
    d = doc()
    before = list(d.cues)
    cmd.split_cue(d, 0, playhead=2500)  # inside: split at the playhead
    assert (d.cues[0].end, d.cues[1].start) == (2500, 2500) and len(d.cues) == 4
    assert undone(d, before)
    cmd.split_cue(d, 0, playhead=9999, text_pos=8)  # outside: at the cursor's time share
    assert d.cues[0].text == "one two" and d.cues[1].text == "three four"
    assert d.cues[0].end == 1000 + round(2000 * 8 / 18)
    assert undone(d, before)
    cmd.split_cue(d, 1)  # no hints: the middle
    assert d.cues[1].end == 4500


def test_split_at_the_text_cursor_lands_on_the_pause_in_the_audio(speech_en, tmp_path):
    """Two spoken sentences in one cue, split between them at the text cursor: with the media's
    audio, the first part ends where its speech ends and the second starts where its speech starts
    (truth: how the fixture was made), the pause left out, as one undo step; the cursor's time
    share alone lands 200-600 ms off."""
    wav, meta = speech_en
    u, v = meta["utterances"][2], meta["utterances"][3]
    text = u["text"] + " " + v["text"]
    d = Document([Cue(u["start_ms"] - 150, v["end_ms"] + 150, text)])
    before = list(d.cues)
    cmd.split_cue(d, 0, text_pos=len(u["text"]) + 1, audio=wav)
    first, second = d.cues
    assert (first.text, second.text) == (u["text"], v["text"])
    assert abs(first.end - u["end_ms"]) <= 120 and abs(second.start - v["start_ms"]) <= 120, (first, second)
    assert d.can_undo and undone(d, before)
    cmd.split_cue(d, 0, text_pos=len(u["text"]) + 1)  # no audio: the cursor's share of the time
    share = d.cues[0].end
    assert min(abs(share - u["end_ms"]), abs(share - v["start_ms"])) >= 150
    assert undone(d, before)
    cmd.split_cue(d, 0, text_pos=len(u["text"]) + 1, audio=tmp_path / "missing.wav")  # unreadable: the share
    assert d.cues[0].end == share


def test_merge_next_and_selection():
    d = doc()
    before = list(d.cues)
    cmd.merge_cues(d, [0])
    assert d.cues[0] == Cue(1000, 5000, "one two three four five six") and len(d.cues) == 2
    assert undone(d, before)
    cmd.merge_cues(d, [0, 2])  # first..last of the selection
    assert len(d.cues) == 1 and d.cues[0].text == "one two three four five six seven eight nine"
    assert undone(d, before)
    with pytest.raises(UsageError):
        cmd.merge_cues(d, [2])


def test_insert_before_and_after_in_the_gap():
    d = doc()
    before = list(d.cues)
    _, pos = cmd.insert_cue(d, 1, after=True, profile=P)
    assert pos == 2 and d.cues[2].start == 5000 + P.min_gap_ms and d.cues[2].end == 5000 + P.min_gap_ms + 2000
    assert undone(d, before)
    _, pos = cmd.insert_cue(d, 2, after=False, profile=P)
    assert pos == 2 and d.cues[2].end == 8000 - P.min_gap_ms and d.cues[2].start >= 5000 + P.min_gap_ms
    assert undone(d, before)
    _, pos = cmd.insert_cue(d, 0, after=False, profile=P)  # before the first: from 0
    assert pos == 0 and d.cues[0].start == 0 and d.cues[0].end == 1000 - P.min_gap_ms
    empty = Document()
    _, pos = cmd.insert_cue(empty, None, after=True, profile=P, at_ms=5000)
    assert empty.cues == [Cue(5000, 7000, "")]


def test_delete_and_shift():
    d = doc()
    before = list(d.cues)
    d.delete([0, 2])
    assert [c.text for c in d.cues] == ["five six"]
    assert undone(d, before)
    cmd.shift_cues(d, None, 1500)
    assert [c.start for c in d.cues] == [2500, 5500, 9500]
    assert undone(d, before)
    cmd.shift_cues(d, [1], -2000)
    assert d.cues[1] == Cue(2000, 3000, "five six") and d.cues[0] == before[0]
    assert undone(d, before)


def test_find_and_replace_plain_and_regex_one_step():
    d = doc()
    before = list(d.cues)
    assert cmd.find_matches(d, "SIX") == [1]
    assert cmd.find_matches(d, "SIX", case=True) == []
    _, n = cmd.find_replace(d, "e", "E")
    assert n == 3 and d.cues[2].text == "sEvEn Eight ninE"
    assert undone(d, before)
    _, n = cmd.find_replace(d, r"(\w+) (\w+)$", r"\2 \1", regex=True)
    assert d.cues[1].text == "six five" and n == 3
    assert undone(d, before)
    _, n = cmd.find_replace(d, r"\d", "x", regex=False)  # literal, matches nothing
    assert n == 0 and not d.can_undo()
    with pytest.raises(UsageError):
        cmd.find_replace(d, "(", "x", regex=True)
    with pytest.raises(UsageError):
        cmd.find_matches(d, "")
    cmd.find_replace(d, "o", "0", indices=[0])
    assert d.cues[0].text == "0ne tw0 three f0ur" and d.cues[1].text == "five six"


def test_fix_timing_selection_and_all():
    d = Document([Cue(0, 300, "A fast cue with quite a lot of words in it"), Cue(350, 900, "next"),
                  Cue(5000, 5200, "far")])
    before = list(d.cues)
    cmd.fix_timing_range(d, [0], P)
    assert d.cues[0].end <= 350 - P.min_gap_ms and d.cues[1:] == before[1:]
    assert undone(d, before)
    cmd.fix_timing_range(d, None, P, media_end_ms=10_000)
    assert d.cues[-1].text == "far" and d.cues[-1].duration >= P.min_duration_ms  # extended into free time
    assert all(b.start - a.end >= P.min_gap_ms for a, b in zip(d.cues, d.cues[1:]))
    assert undone(d, before)


def test_flag_cues():
    d = doc()
    cmd.flag_cues(d, [0, 1], "check")
    assert [c.flag for c in d.cues] == ["check", "check", ""]
    d.undo()
    assert [c.flag for c in d.cues] == ["", "", ""]


def test_retranscribe_range_with_a_fake_engine(speech_en):
    from subtitler.core.engines.base import ChunkResult
    from subtitler.core.media.ffmpeg import load_wav

    wav, info = speech_en
    pcm = load_wav(wav)

    class FakeEngine:
        name = "fake"
        max_chunk_ms = 30_000
        margin_ms = 0

        def __init__(self):
            self.chunks = []

        def transcribe(self, chunks, *, language, on_progress, cancel):
            self.chunks.extend(chunks)
            return [ChunkResult(c.index, text="Hello again. This is new text.") for c in chunks]

    eng = FakeEngine()
    u = info["utterances"][1]
    cues = cmd.retranscribe_cues(pcm, u["start_ms"] - 200, u["end_ms"] + 200, eng, P)
    assert cues and eng.chunks
    assert all(u["start_ms"] - 200 <= c.start < c.end <= u["end_ms"] + 200 for c in cues)
    assert "Hello again." in " ".join(c.text for c in cues)


def test_retranscribe_near_the_media_start_is_not_early(speech_en):
    """A range reaching before 0 (the selection's first cue minus the 200 ms pad) used to shift
    every new cue early by the overshoot; times now match the known speech."""
    from subtitler.core.engines.base import ChunkResult
    from subtitler.core.media.ffmpeg import load_wav

    wav, info = speech_en
    pcm = load_wav(wav)

    class FakeEngine:
        name, max_chunk_ms, margin_ms = "fake", 30_000, 0

        def transcribe(self, chunks, *, language, on_progress, cancel):
            return [ChunkResult(c.index, text="Welcome to the first lecture.") for c in chunks]

    u = info["utterances"][0]
    late = cmd.retranscribe_cues(pcm, u["start_ms"] - 1000, u["end_ms"] + 200, FakeEngine(), P)
    clamped = cmd.retranscribe_cues(pcm, 0, u["end_ms"] + 200, FakeEngine(), P)
    assert late == clamped and late[0].start >= 0
    assert abs(late[0].start - u["start_ms"]) <= 150  # the truth, not 200+ ms early
    assert cmd.retranscribe_span([Cue(100, 900, "x")], [0], media_ms=1000) == (0, 0, 0, 1000)
    with pytest.raises(UsageError):
        cmd.retranscribe_span([Cue(100, 900, "x")], [])
