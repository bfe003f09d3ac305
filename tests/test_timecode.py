"""Time codes have one home (core/foundation/timecode.py, issue 22 item 4): every format the app
shows is made there and read back by the one parser."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from subtitler.core.foundation.errors import UsageError
from subtitler.core.foundation.timecode import format_clock, format_duration, format_ms, parse_offset, parse_time
from subtitler.core.media.shots import format_shot_list, parse_shot_list

ROOT = Path(__file__).resolve().parent.parent
TIMES = [0, 5, 999, 1000, 59_999, 60_000, 61_234, 3_599_999, 3_600_000, 3_723_004, 36_000_123, 360_000_000]


@pytest.mark.parametrize("ms", TIMES)
def test_every_shown_format_reads_back(ms):
    assert parse_time(format_ms(ms)) == ms
    assert parse_time(format_ms(ms, ".")) == ms
    assert parse_time(format_duration(ms)) == ms
    assert parse_time(format_clock(ms)) == ms // 1000 * 1000  # a clock shows whole seconds
    assert parse_time(format_clock(ms, tenths=True)) == ms // 100 * 100
    assert parse_time(format_clock(ms, rounded=True)) == (ms + 500) // 1000 * 1000
    assert parse_offset("-" + format_ms(ms)) == -ms and parse_offset("+" + format_duration(ms)) == ms


def test_the_formats_each_place_shows():
    assert format_ms(3_723_004) == "01:02:03,004" and format_ms(5, ".") == "00:00:00.005"
    assert format_ms(-1500) == "-00:00:01,500"
    assert format_duration(2345) == "2.345"
    assert format_clock(61_999) == "1:01" and format_clock(3_723_004) == "1:02:03" and format_clock(-5) == "0:00"
    assert format_clock(61_999, tenths=True) == "1:01.9" and format_clock(3_723_004, tenths=True) == "1:02:03.0"
    assert format_clock(61_500, rounded=True) == "1:02" and format_clock(61_499, rounded=True) == "1:01"
    assert parse_time("00:01:02:12", fps=25) == 62_480  # frames, with the video's rate
    with pytest.raises(UsageError):
        parse_time("00:01:02:12")
    with pytest.raises(UsageError):
        parse_time("1:75")


def test_shot_lists_use_the_same_codes():
    times = [0, 1480, 61_234, 3_723_004]
    for timecode in (False, True):
        assert parse_shot_list(format_shot_list(times, timecode=timecode)) == times


def test_no_private_time_formatter_is_left():
    """Only timecode.py splits ms into hours and minutes."""
    for path in (ROOT / "subtitler").rglob("*.py"):
        if path.name == "timecode.py":
            continue
        text = path.read_text("utf-8")
        for needle in ("3_600_000", "3600_000", "divmod(rem, 60", "// 3600"):
            assert needle not in text, (path, needle)
        names = {n.name for n in ast.walk(ast.parse(text)) if isinstance(n, ast.FunctionDef)}
        assert not names & {"fmt_clock", "fmt_duration", "fmt_eta", "fmt_time", "_clock", "_tc", "format_ms",
                            "parse_time"}, (path, names)
