"""Alignment of text without word times to real speech with known word / character times
(tests/fixtures/fluent_*: espeak-ng sentences 0.1–0.25 s apart, noise added)."""

from __future__ import annotations

import statistics

import numpy as np
import pytest

from subtitler.core.speech.pauses import pause_map
from subtitler.core.timing.align import (CLAUSE, INSIDE_WORD, SENTENCE, UNCERTAIN, WORD, align, latin_syllables,
                                         retime_texts, tokenize)
from subtitler.core.speech.detection import detect_speech, make_chunks
from tests.support.glm_server import GlmServer
from tests.support.speech_truth import load, pct


@pytest.fixture(scope="module")
def speeches():
    return {(lang, v): load(lang, v) for lang in ("en", "zh") for v in ("fluent", "paused")}


def test_chinese_tokens_are_characters_with_word_boundaries_from_jieba():
    toks = tokenize("后面的同学能看清楚吗？能。")
    assert [t.text for t in toks] == ["后", "面", "的", "同", "学", "能", "看", "清", "楚", "吗？", "能。"]
    after = [t.after for t in toks]
    # 后面|的|同学|能|看清楚|吗？|能。
    assert after == [INSIDE_WORD, WORD, WORD, INSIDE_WORD, WORD, WORD, INSIDE_WORD, INSIDE_WORD, WORD,
                     SENTENCE, SENTENCE]


def test_latin_tokens_weigh_syllables_and_letters():
    toks = tokenize("Well, actually, it is a coefficient.")
    assert [t.text for t in toks] == [" Well,", " actually,", " it", " is", " a", " coefficient."]
    assert [t.after for t in toks] == [CLAUSE, CLAUSE, WORD, WORD, WORD, SENTENCE]
    assert toks[5].weight > toks[1].weight > toks[2].weight
    assert latin_syllables("windowing") == 3 and latin_syllables("the") == 1 and latin_syllables("coefficients") >= 4


def test_a_capital_after_an_unpunctuated_word_is_a_candidate_sentence_boundary():
    """Whisper often leaves the sentences at the end of a 30 s window unpunctuated but still
    capitalises each first word: the boundary before it is a clause boundary for the aligner,
    but not after an article, preposition or conjunction ("at the Mac"), nor before "I" or an acronym."""
    toks = tokenize("before the converter Next week we will meet at the Mac and I said so Thank you Yes A TV")
    after = {t.text.strip(): t.after for t in toks}
    assert after["converter"] == CLAUSE and after["so"] == CLAUSE and after["you"] == CLAUSE  # Next, Thank, Yes
    assert after["Yes"] == CLAUSE  # before "A" (one letter), but not before an acronym:
    assert after["A"] == WORD
    assert after["the"] == WORD and after["and"] == WORD and after["week"] == WORD  # Mac, I


def test_unpunctuated_sentences_still_start_on_their_pauses(speeches):
    """The paused English speech as an unpunctuated, capitalised transcript (what Whisper gives at a
    window's end): every sentence's first word lands on its true onset, none is pulled across a pause."""
    import re

    sp = speeches[("en", "paused")]
    starts = {u["start_ms"] for u in sp.utterances}
    onsets = []
    for ch in make_chunks(sp.pcm, detect_speech(sp.pcm), 30000, 0):
        truth = [t for t in sp.tokens if ch.start_ms <= (t["start_ms"] + t["end_ms"]) // 2 < ch.end_ms]
        text = " ".join(re.sub(r"[.,!?;:]", "", t["surface"]) for t in truth)
        words = align(ch.samples, text, start_ms=ch.start_ms, regions=ch.regions)
        assert len(words) == len(truth)
        onsets += [abs(w.start_ms - t["start_ms"]) for w, t in zip(words, truth) if t["start_ms"] in starts]
    assert len(onsets) == len(sp.utterances)
    assert max(onsets) <= 100 and statistics.median(onsets) <= 30, onsets


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pause_map_finds_the_short_gaps_of_fluent_speech(speeches, lang):
    sp = speeches[(lang, "fluent")]
    pm = pause_map(sp.pcm)
    quiet = ~pm.speech
    found = 0
    for a, b in zip(sp.utterances, sp.utterances[1:]):
        mid = pm.frame((a["end_ms"] + b["start_ms"]) // 2)
        found += bool(quiet[mid])
    assert found >= 0.9 * (len(sp.utterances) - 1)
    # and speech is speech: every token's middle is marked as speech (closures aside)
    marked = [pm.speech[pm.frame((t["start_ms"] + t["end_ms"]) // 2)] for t in sp.tokens]
    assert sum(marked) >= 0.95 * len(marked)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("variant", ["fluent", "paused"])
def test_every_word_lands_near_its_true_time(speeches, lang, variant):
    """Text only, chunk by chunk as the GLM engine cuts it: per-token start error and sentence
    onsets against the truth."""
    sp = speeches[(lang, variant)]
    chunks = make_chunks(sp.pcm, detect_speech(sp.pcm), 30000, 1000)
    srv = GlmServer()
    srv.register(sp.pcm, sp.utterances, cjk=sp.cjk, tokens=sp.tokens)
    errors, onsets = [], []
    starts = {u["start_ms"] for u in sp.utterances}
    for ch in chunks:
        text, _ = srv.recognise(ch.samples)
        truth = [t for t in sp.tokens if ch.start_ms <= (t["start_ms"] + t["end_ms"]) // 2 < ch.end_ms]
        words = align(ch.samples, text, start_ms=ch.start_ms, regions=ch.regions)
        assert len(words) == len(truth)
        for w, t in zip(words, truth):
            assert w.start_ms < w.end_ms and 0 <= w.confidence <= 1
            errors.append(abs(w.start_ms - t["start_ms"]))
            if t["start_ms"] in starts:
                onsets.append(abs(w.start_ms - t["start_ms"]))
        assert all(a.end_ms <= b.start_ms for a, b in zip(words, words[1:]))  # in order, no overlap
    assert statistics.median(errors) <= 100 and pct(errors, 90) <= 250
    assert statistics.median(onsets) <= 30 and pct(onsets, 90) <= 100


def test_text_that_cannot_fit_its_audio_is_uncertain(speeches):
    """Six sentences of text for two sentences of audio (a recogniser's text for the wrong span):
    no speaking rate explains it, so every word is uncertain; the right text is not."""
    sp = speeches[("en", "fluent")]
    a, b = sp.utterances[0]["start_ms"], sp.utterances[1]["end_ms"]
    six = " ".join(u["text"] for u in sp.utterances[:6] + sp.utterances[8:12])
    assert all(w.confidence < UNCERTAIN for w in align(sp.pcm, six, span=(a - 100, b + 100)))
    two = " ".join(u["text"] for u in sp.utterances[:2])
    assert all(w.confidence >= UNCERTAIN for w in align(sp.pcm, two, span=(a - 100, b + 100)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_retime_after_split_merge_and_retype(speeches, lang):
    """The editor's re-timing of a span: one cue over two sentences split in two, the two merged
    back, and a retyped text, all land on the true sentence times."""
    sp = speeches[(lang, "fluent")]
    u1, u2 = sp.utterances[1], sp.utterances[2]
    span = (u1["start_ms"] - 40, u2["end_ms"] + 60)  # a cue's edges, a little loose
    split = retime_texts(sp.pcm, [u1["text"], u2["text"]], *span)
    assert len(split) == 2
    (s1, e1, c1), (s2, e2, c2) = split
    assert abs(s1 - u1["start_ms"]) <= 60 and abs(e1 - u1["end_ms"]) <= 100
    assert abs(s2 - u2["start_ms"]) <= 100 and abs(e2 - u2["end_ms"]) <= 100
    assert min(c1, c2) >= UNCERTAIN
    sep = "" if sp.cjk else " "
    (ms, me, _), = retime_texts(sp.pcm, [u1["text"] + sep + u2["text"]], *span)
    assert abs(ms - u1["start_ms"]) <= 60 and abs(me - u2["end_ms"]) <= 100
    # a retyped word changes nothing about where the sentence is
    retyped = u2["text"].replace("filter", "filters") if not sp.cjk else u2["text"].replace("数字", "数码")
    (_, _, _), (r2, re2, _) = retime_texts(sp.pcm, [u1["text"], retyped], *span)
    assert abs(r2 - u2["start_ms"]) <= 100 and abs(re2 - u2["end_ms"]) <= 100
    # an emptied text keeps an empty slot
    assert retime_texts(sp.pcm, [u1["text"], ""], *span)[1][2] == 0.0


def test_silence_or_no_text_gives_nothing_odd():
    silent = np.zeros(16000 * 3, dtype=np.int16)
    assert align(silent, "") == []
    words = align(silent, "Hello there.")
    assert len(words) == 2 and all(w.confidence < UNCERTAIN for w in words)


@pytest.mark.parametrize("shift", [-150, 0, 150])
def test_known_edges_a_little_off_are_moved_onto_the_speech(speeches, shift):
    """A segment (or an edited cue) whose given times are up to 150 ms early or late still gives its
    first and last word their true edges."""
    sp = speeches[("zh", "fluent")]
    u = sp.utterances[2]
    words = align(sp.pcm, u["text"], span=(u["start_ms"] + shift, u["end_ms"] + shift), fixed=True)
    assert abs(words[0].start_ms - u["start_ms"]) <= 40 and abs(words[-1].end_ms - u["end_ms"]) <= 60


def test_editor_split_of_a_cue_is_retimed_on_the_words(speeches):
    """The editor splits one cue holding two sentences at the text: both halves land on the true
    sentence times (retime_cues keeps texts and flags)."""
    from subtitler.core.document.cues import Cue
    from subtitler.core.timing.cue_times import retime_cues

    sp = speeches[("en", "fluent")]
    u1, u2 = sp.utterances[6], sp.utterances[7]
    whole = Cue(u1["start_ms"] - 30, u2["end_ms"] + 200, u1["text"] + " " + u2["text"])
    half = (whole.start + whole.end) // 2  # where a naive split would cut
    a, b = retime_cues(sp.pcm, [Cue(whole.start, half, u1["text"]), Cue(half, whole.end, u2["text"], "note")])
    assert abs(a.start - u1["start_ms"]) <= 40 and abs(a.end - u1["end_ms"]) <= 100
    assert abs(b.start - u2["start_ms"]) <= 100 and abs(b.end - u2["end_ms"]) <= 100
    assert a.text == u1["text"] and a.flag == "" and b.flag == "note"
