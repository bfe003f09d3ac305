"""Reading rules: profiles by script, line breaking, and fix timing."""

from __future__ import annotations

from subtitler.core.document.cues import Cue
from subtitler.core.timing.rules import PROFILES, break_lines, cps, fix_timing, get_profile

EN = PROFILES["netflix-en"]
ZH = PROFILES["netflix-zh"]


def test_profile_by_script():
    assert get_profile(None, "Hello there, how are you?").name == "netflix-en"
    assert get_profile("auto", "今天我们讨论采样").name == "netflix-zh"
    assert get_profile("amazon", "今天").name == "amazon"


def test_short_text_stays_on_one_line():
    assert break_lines("A signal is simply a function of time.", EN) == "A signal is simply a function of time."


def test_break_is_balanced_and_never_after_an_article():
    text = "When we sample the signal we keep its value at the regular instants"
    out = break_lines(text, EN)
    top, bottom = out.split("\n")
    assert len(top) <= 42 and len(bottom) <= 42
    assert top.split()[-1].lower() not in {"a", "an", "the"}
    assert abs(len(top) - len(bottom)) <= 14


def test_break_prefers_punctuation():
    out = break_lines("If we sample too slowly, high frequencies fold back as aliases.", EN)
    assert out == "If we sample too slowly,\nhigh frequencies fold back as aliases."


def test_chinese_lines_drop_trailing_punctuation():
    out = break_lines("今天我们讨论采样、滤波和离散傅里叶变换，还有很多别的东西。", ZH)
    lines = out.split("\n")
    assert len(lines) == 2 and all(len(ln) <= 16 for ln in lines)
    assert not lines[-1].endswith("。") and not lines[0].endswith("，")


def test_fix_timing_gap_overlap_speed_and_bounds():
    cues = [Cue(0, 500, "Hi."), Cue(1200, 1500, "This line is rather long for the time it has."),
            Cue(4000, 5500, "Overlapping start."), Cue(5400, 6800, "Next one."),
            Cue(10000, 30000, "Short."), Cue(40000, 40400, "A lot of text that cannot be read in time at all.")]
    out = fix_timing(cues, EN, media_end_ms=60000)
    for a, b in zip(out, out[1:]):
        assert b.start - a.end >= EN.min_gap_ms
    assert all(EN.min_duration_ms <= c.duration <= EN.max_duration_ms for c in out)
    last = out[-1]
    assert cps(last) <= EN.max_cps + 0.5  # extended into the free gap for reading speed


def test_fix_timing_splits_text_that_needs_more_than_two_lines():
    long = " ".join(["This sentence keeps going on and on."] * 4)
    out = fix_timing([Cue(0, 8000, long)], EN)
    assert len(out) >= 2
    assert all(len(ln) <= 42 for c in out for ln in c.text.split("\n"))
    assert all(c.text.count("\n") <= 1 for c in out)


def test_extension_never_reaches_into_next_cue():
    out = fix_timing([Cue(0, 300, "Lots of words to read here quickly."), Cue(600, 2000, "Next.")], EN,
                     merge_short=False)
    assert out[0].end == 600 - EN.min_gap_ms


def test_too_short_cue_that_cannot_grow_joins_its_sentence():
    cues = [Cue(0, 650, "In short,"), Cue(750, 2700, "it shapes the spectrum of any signal."),
            Cue(2850, 5000, "The simplest one is the moving average.")]
    out = fix_timing(cues, EN)
    assert out[0].text.replace("\n", " ") == "In short, it shapes the spectrum of any signal."
    assert out[0].start == 0 and len(out) == 2


def test_quick_exchange_becomes_a_two_speaker_cue():
    cues = [Cue(1000, 2500, "Do you hear me at the back?"), Cue(2650, 2950, "Yes."),
            Cue(3050, 6000, "Then let us begin with the first part of the lecture.")]
    out = fix_timing(cues, EN)
    assert out[0].text == "- Do you hear me at the back?\n- Yes."
    assert (out[0].start, out[0].end) == (1000, 2950) and len(out) == 2
    # a cue that can grow into the silence after it stays alone
    alone = fix_timing([Cue(1000, 2500, "Do you hear me?"), Cue(2650, 2950, "Yes."), Cue(6000, 8000, "Good.")], EN)
    assert [c.text for c in alone] == ["Do you hear me?", "Yes.", "Good."]
    assert alone[1].duration >= EN.min_duration_ms


def test_chinese_lines_break_between_words_never_before_a_particle():
    from subtitler.core.text.split import segment_words

    for text in ["后面的同学能看清楚吗我们继续讨论这个问题好不好呢", "为了让这种方法更容易理解我们先看一个简单的例子吧",
                 "我们今天讨论数字滤波器的两种设计方法"]:
        out = break_lines(text, ZH)
        top, bottom = out.split("\n")
        assert len(top) <= 16 and len(bottom) <= 16
        ends, n = set(), 0
        for w in segment_words(text):
            n += len(w)
            ends.add(n)
        assert len(top) in ends, out
        assert bottom[0] not in "的了吗呢吧啊", out
    # a compound noun stays on one line when a balanced break elsewhere exists
    assert "数字\n滤波器" not in break_lines("我们今天讨论数字滤波器的两种设计方法", ZH)


def test_chinese_cue_split_falls_between_words():
    text = "滤波器的作用是保留一部分频率同时去掉另一部分频率而且不改变信号的相位这是很重要的"
    out = fix_timing([Cue(0, 9000, text)], ZH)
    assert len(out) >= 2
    from subtitler.core.text.split import segment_words

    ends, n = set(), 0
    for w in segment_words(text):
        n += len(w)
        ends.add(n)
    n = 0
    for c in out[:-1]:
        n += len(c.text.replace("\n", ""))
        assert n in ends, [c.text for c in out]
