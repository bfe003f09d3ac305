"""Bilingual files: both languages in one cue, each broken by its own line rules, times untouched."""

from __future__ import annotations

import pysubs2
import pytest

from subtitler.core.delivery.bilingual import bilingual_cues, export_bilingual, render_bilingual
from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import SubtitleFormatError, UsageError
from subtitler.core.document.formats import load

EN = [Cue(1000, 4200, "Today we talk about sampling, filters and the discrete Fourier transform."),
      Cue(5000, 7000, "A signal is a function of time."),
      Cue(8000, 9000, "", "the service blocked this part")]
ZH = [Cue(1000, 4200, "今天我们讨论采样、滤波器以及离散傅里叶变换的基本原理。"),
      Cue(5000, 7000, "信号就是时间的函数。"),
      Cue(8000, 9000, "", "not translated")]


def test_two_blocks_per_cue_each_by_its_own_rules():
    cues = bilingual_cues(EN, ZH)
    assert [(c.start, c.end) for c in cues] == [(c.start, c.end) for c in EN]
    first = cues[0].text.split("\n")
    assert first[:2] == ["Today we talk about sampling, filters", "and the discrete Fourier transform."]
    assert all(len(line) <= 16 for line in first[2:]) and len(first) == 4  # Chinese: 16 a line
    assert "".join(first[2:]) in ZH[0].text.replace("。", "")
    assert cues[1].text == "A signal is a function of time.\n信号就是时间的函数"  # zh: no full stop at line end
    flipped = bilingual_cues(EN, ZH, "translation-first")
    assert flipped[1].text == "信号就是时间的函数\nA signal is a function of time."
    assert cues[2].text == "" and cues[2].flag == "the service blocked this part"


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_srt_and_vtt_round_trip_with_original_times(tmp_path, fmt):
    path = export_bilingual(EN, ZH, tmp_path / f"x.bilingual.{fmt}", order="orig-first")
    back = load(path)
    assert [(c.start, c.end) for c in back] == [(c.start, c.end) for c in EN]
    assert back[1].text == "A signal is a function of time.\n信号就是时间的函数"


def test_ass_has_one_style_per_language_the_second_smaller():
    subs = pysubs2.SSAFile.from_string(render_bilingual(EN, ZH, "ass", source="en", target="zh"))
    assert set(subs.styles) == {"en", "zh"}
    assert subs.styles["zh"].fontsize < subs.styles["en"].fontsize
    assert subs.styles["zh"].fontname == "Noto Sans CJK SC"
    assert [(e.start, e.end) for e in subs.events] == [(c.start, c.end) for c in EN]
    assert subs.events[1].style == "en" and subs.events[1].text.endswith(r"\N{\rzh}信号就是时间的函数")
    flipped = pysubs2.SSAFile.from_string(render_bilingual(EN, ZH, "ass", "translation-first", source="en",
                                                           target="zh"))
    assert flipped.styles["en"].fontsize < flipped.styles["zh"].fontsize  # the second block is the smaller
    assert flipped.events[1].style == "zh" and r"\N{\ren}A signal" in flipped.events[1].text


def test_braces_in_text_do_not_become_ass_tags():
    subs = pysubs2.SSAFile.from_string(render_bilingual([Cue(0, 900, "set {x}")], [Cue(0, 900, "集合 {x}")], "ass"))
    assert "{x}" not in subs.events[0].text and "｛x｝" in subs.events[0].text


def test_a_translation_that_does_not_match_cue_for_cue_is_refused():
    with pytest.raises(SubtitleFormatError):
        bilingual_cues(EN, ZH[:2])
    with pytest.raises(SubtitleFormatError):
        bilingual_cues(EN, [Cue(1001, 4200, "x"), *ZH[1:]])
    with pytest.raises(UsageError):
        bilingual_cues(EN, ZH, "sideways")


def test_txt_has_a_blank_line_between_cues():
    assert render_bilingual(EN[:2], ZH[:2], "txt").split("\n\n")[1] == "A signal is a function of time.\n信号就是时间的函数\n"


def test_chinese_original_with_english_translation():
    zh = [Cue(0, 5000, "今天我们讨论采样、滤波器以及离散傅里叶变换的基本原理和应用")]
    en = [Cue(0, 5000, "Today we discuss the basic principles and uses of sampling, filters and the DFT.")]
    [cue] = bilingual_cues(zh, en)
    lines = cue.text.split("\n")
    assert len(lines) == 4 and all(len(x) <= 16 for x in lines[:2]) and all(len(x) <= 42 for x in lines[2:])
    assert " ".join(lines[2:]) == en[0].text
