"""Chinese subtitle conventions: Netflix width and reading speed, punctuation styles, OpenCC script
conversion, Chinese–Latin spacing, and mixed Chinese–English line breaking."""

from __future__ import annotations

from dataclasses import replace

import pytest

from subtitler.core.text import script, zh
from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import UsageError
from subtitler.core.timing.rules import PROFILES, break_lines, cps, fix_timing, split_long_cue
from subtitler.core.text.split import split_evenly, units

ZH = PROFILES["netflix-zh"]
EN = PROFILES["netflix-en"]


# -- width and reading speed ------------------------------------------------------------------
@pytest.mark.parametrize("text, width", [
    ("你好", 2),
    ("你好，世界。", 6),  # full-width marks count 1
    ("AI", 1),  # half-width letters count 0.5
    ("AI 课", 2.5),  # the space counts 0.5 too
    ("2024年", 3),
    ("“你好”", 4),  # curly quotes are set full width in Chinese
    ("威廉·莎士比亚", 7),
    ("第一行\n第二行", 6),  # line breaks do not count
    ("ＡＢＣ", 3),  # full-width Latin letters count 1
    ("", 0),
])
def test_display_width_counts_the_netflix_way(text, width):
    assert script.display_width(text) == width


def test_measure_is_width_for_chinese_and_characters_for_latin_text():
    mixed = "我们用 Python 和 NumPy 来做 FFT"  # 6 Chinese characters, 19 half-width characters
    assert script.is_cjk_text(mixed)
    assert script.measure(mixed) == 6 + 19 * 0.5
    english = "The word 你好 means hello"  # an English line with a Chinese word stays English
    assert not script.is_cjk_text(english)
    assert script.measure(english) == len(english)
    assert script.measure("Hello, world.\nSecond line") == len("Hello, world.Second line")


def test_reading_speed_of_chinese_counts_half_width_characters_half():
    # 9 Chinese characters + "AI" (2 x 0.5) = 10 in one second: 10 cps (not 11)
    assert cps(Cue(0, 1000, "我们今天讨论一下人AI")) == pytest.approx(10.0)
    assert cps(Cue(0, 2000, "Hello world")) == pytest.approx(5.5)  # Latin text: one per character


def test_fix_timing_extends_a_chinese_cue_to_nine_characters_per_second():
    # 18 wide characters need 2 s at 9 cps; the gap after the cue allows it
    cues = fix_timing([Cue(0, 1000, "今天我们讨论采样滤波和离散傅里叶变换"), Cue(5000, 6000, "谢谢")], ZH)
    assert cues[0].end == 2000 and cps(cues[0]) <= ZH.max_cps
    # as many characters, 8 of them Latin (14 wide), need only 14 / 9 s: no over-extension
    cues = fix_timing([Cue(0, 1000, "今天我们讨论采样滤波ABCDEFGH"), Cue(5000, 6000, "谢谢")], ZH)
    assert cues[0].end == 1555


# -- line breaking ----------------------------------------------------------------------------
def test_chinese_line_of_16_wide_characters_is_not_broken_but_17_is():
    sixteen = "今天我们讨论采样滤波和离散傅里叶"
    assert script.display_width(sixteen) == 16
    assert break_lines(sixteen, ZH) == sixteen
    lines = break_lines(sixteen + "变换", ZH).split("\n")
    assert len(lines) == 2 and all(script.display_width(x) <= 16 for x in lines)


def test_mixed_chinese_english_line_fits_by_width_and_never_breaks_inside_a_latin_word():
    # 22 characters but only 16.5 wide: one line under the Chinese profile
    text = "我们用Python做快速傅里叶变换"
    assert len(text) > 16 and script.display_width(text) <= 16
    assert break_lines(text, ZH) == text
    # too wide for one line: two lines within the width, "Python" / "NumPy" / "FFT" whole
    text = "今天我们用 Python 和 NumPy 来计算信号的 FFT 频谱"
    out = break_lines(text, ZH)
    lines = out.split("\n")
    assert len(lines) == 2, out
    assert all(script.display_width(x) <= ZH.chars_per_line for x in lines), out
    for word in ("Python", "NumPy", "FFT"):
        assert any(word in line for line in lines), out
    assert "".join(out.split()) == "".join(text.split())  # nothing lost or added but spaces at the break
    assert not any(line != line.strip() for line in lines)


def test_names_with_hyphens_and_numbers_stay_whole():
    out = break_lines("我们使用GLM-ASR进行语音识别然后导出SRT字幕文件，版本3.14", ZH)
    lines = out.split("\n")
    assert len(lines) == 2, out
    for name in ("GLM-ASR", "SRT", "3.14"):
        assert any(name in line for line in lines), out


def test_line_never_starts_with_a_closing_mark():
    text = "采样定理告诉我们，采样率必须高于信号最高频率的两倍才行"
    for line in break_lines(text, ZH).split("\n"):
        assert line[0] not in "，。、；：！？）》」"


def test_keep_style_leaves_line_end_punctuation_as_recognised():
    text = "欢迎来到信号处理课程的第一讲。"
    assert break_lines(text, ZH) == "欢迎来到信号处理课程的第一讲"
    assert break_lines(text, replace(ZH, zh_punct="keep")) == text


def test_units_and_even_split_measure_chinese_by_width():
    # 20 characters, but 14 wide: fits a 16-wide limit whole
    text = "我们用Python和NumPy计算"
    assert units(text, 16) == [text]
    assert split_evenly(text, 16) == [text]
    long = "今天我们讨论采样、滤波和离散傅里叶变换，然后讨论信号就是时间的函数。"
    pieces = units(long, 16)
    assert len(pieces) >= 2 and all(script.measure(p) <= 16 for p in pieces)
    assert "".join(pieces) == long


def test_split_long_cue_times_stay_integers_for_mixed_text():
    cue = Cue(0, 9000, "今天我们用 Python 和 NumPy 来计算信号的 FFT 频谱，然后我们再讨论滤波器的设计方法和它们的应用场景。")
    pieces = split_long_cue(cue, ZH)
    assert len(pieces) >= 2
    assert all(isinstance(c.start, int) and isinstance(c.end, int) for c in pieces)
    assert pieces[0].start == 0 and pieces[-1].end == 9000


# -- punctuation styles -----------------------------------------------------------------------
RECOGNISED = "谢谢观看,我们下次再见.\n你听懂了吗?太好了!"


def test_netflix_style_full_width_inside_no_trailing_comma_or_full_stop():
    assert zh.apply_punct(RECOGNISED, "netflix") == "谢谢观看，我们下次再见\n你听懂了吗？太好了！"
    assert zh.apply_punct("欢迎来到第一讲。", "netflix") == "欢迎来到第一讲"
    assert zh.apply_punct("首先，", "netflix") == "首先"
    assert zh.apply_punct("。", "netflix") == "。"  # a line is never emptied


def test_spaces_style_turns_comma_and_full_stop_into_a_full_width_space():
    assert zh.apply_punct(RECOGNISED, "spaces") == "谢谢观看\u3000我们下次再见\n你听懂了吗？太好了！"
    assert zh.apply_punct("采样，滤波。然后变换。", "spaces") == "采样\u3000滤波\u3000然后变换"
    assert zh.apply_punct("采样、滤波", "spaces") == "采样、滤波"  # the enumeration comma stays


def test_keep_style_is_as_recognised():
    assert zh.apply_punct(RECOGNISED, "keep") == RECOGNISED


def test_full_width_marks_leave_numbers_and_english_alone():
    assert zh.full_width_marks("圆周率是3.14,对吗?") == "圆周率是3.14，对吗？"
    assert zh.full_width_marks("1.第一步") == "1.第一步"
    assert zh.full_width_marks("e.g. this, that") == "e.g. this, that"
    assert zh.full_width_marks("快速傅里叶变换(FFT)很快") == "快速傅里叶变换（FFT）很快"
    assert zh.full_width_marks("威廉•莎士比亚") == "威廉·莎士比亚"
    assert zh.full_width_marks("你好 , 世界") == "你好，世界"


# -- script conversion (OpenCC) ---------------------------------------------------------------
def test_simplified_to_traditional_and_back():
    hans = "欢迎来到信号处理课程的第一讲。今天我们讨论采样、滤波和离散傅里叶变换。"
    hant = "歡迎來到信號處理課程的第一講。今天我們討論採樣、濾波和離散傅里葉變換。"
    assert zh.convert_script(hans, "hant") == hant
    assert zh.convert_script(hant, "hans") == hans
    assert zh.convert_script(hans, "keep") == hans


def test_regional_variants_use_regional_words():
    assert zh.convert_script("软件和信息", "tw") == "軟體和資訊"  # Taiwan usage
    assert zh.convert_script("软件和信息", "hant") == "軟件和信息"  # character conversion only
    assert zh.convert_script("里面", "hk") == "裏面"  # Hong Kong standard characters


def test_english_text_is_untouched_by_conversion_and_unknown_script_is_a_usage_error():
    assert zh.convert_script("Hello, world.", "hant") == "Hello, world."
    with pytest.raises(UsageError):
        zh.convert_script("你好", "klingon")
    with pytest.raises(UsageError):
        zh.ZhStyle(script="klingon")
    with pytest.raises(UsageError):
        zh.ZhStyle(punct="commas")


# -- Chinese–Latin spacing --------------------------------------------------------------------
def test_latin_spacing_between_chinese_and_letters_or_digits():
    assert zh.latin_spacing("我们用Python做FFT") == "我们用 Python 做 FFT"
    assert zh.latin_spacing("2024年有365天") == "2024 年有 365 天"
    assert zh.latin_spacing("用 Python 做") == "用 Python 做"  # no doubled spaces
    assert zh.latin_spacing("你好，Python。") == "你好，Python。"  # none next to full-width marks


def test_style_steps_and_round_trip_through_a_project_dict():
    style = zh.ZhStyle(punct="spaces", script="hant", latin_space=True)
    assert zh.style_text("我们用Python做信号处理,谢谢观看.", style) == "我們用 Python 做信號處理\u3000謝謝觀看"
    assert zh.ZhStyle.from_dict(style.to_dict()) == style
    assert zh.ZhStyle.from_dict({"punct": "bogus", "script": 3}) == zh.ZhStyle()
    assert zh.ZhStyle.from_dict(None) == zh.ZhStyle()
    assert zh.finish_text("Hello, world.", zh.ZhStyle(punct="spaces")) == "Hello, world."
