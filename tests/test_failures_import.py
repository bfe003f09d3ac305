"""Issue 10, class 9: subtitle files in any encoding, cues with impossible or unreadable times
repaired or reported one by one. Real files, written in each encoding."""

from __future__ import annotations

import pytest

from subtitler.core.document import formats
from subtitler.core.foundation.errors import SubtitleFormatError

ZH_TW = ["我們今天討論傅立葉轉換。", "這個方法在訊號處理裡很重要。", "請大家打開課本第三章。"]
ZH_CN = ["我们今天讨论傅立叶变换。", "这个方法在信号处理里很重要。"]
JA = ["こんにちは、皆さん。", "今日は信号処理の話です。"]
FR = ["Café, déjà vu — à bientôt.", "Où est la bibliothèque ?"]


def srt(lines) -> str:
    return "".join(f"{i}\n00:00:{2 * i - 1:02d},000 --> 00:00:{2 * i:02d},500\n{t}\n\n" for i, t in enumerate(lines, 1))


@pytest.mark.parametrize("encoding, lines", [
    ("utf-8", ZH_TW), ("utf-8-sig", ZH_TW), ("utf-16", ZH_TW), ("utf-16-le", ZH_CN), ("utf-16-be", FR),
    ("big5", ZH_TW), ("gb18030", ZH_CN), ("shift_jis", JA), ("cp1252", FR),
])
def test_subtitles_in_each_encoding_read_exactly(tmp_path, encoding, lines):
    path = tmp_path / f"lecture.{encoding}.srt"
    path.write_bytes(srt(lines).encode(encoding))
    got = formats.read_subtitles(path)
    assert [c.text for c in got.cues] == lines, got.encoding
    assert [(c.start, c.end) for c in got.cues] == [((2 * i - 1) * 1000, 2 * i * 1000 + 500) for i in range(1, len(lines) + 1)]
    assert got.problems == []


def test_cues_with_impossible_or_unreadable_times_are_repaired_or_reported(tmp_path):
    path = tmp_path / "bad.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n\n"
                    "2\n00:00:0x,000 --> 00:00:04,000\nBad time\n\n"
                    "3\n00:00:06,000 --> 00:00:05,000\nReversed\n\n"
                    "4\n00:00:07,000 --> 00:00:08,000\nFine\n", "utf-8")
    got = formats.read_subtitles(path)
    assert [(c.start, c.end, c.text) for c in got.cues] == [(1000, 2000, "Hello"), (5000, 6000, "Reversed"),
                                                            (7000, 8000, "Fine")]
    assert len(got.problems) == 2
    assert "unreadable time line '00:00:0x,000 --> 00:00:04,000'; that cue was skipped" in got.problems[0]
    assert "ends before it starts; start and end swapped" in got.problems[1]


@pytest.mark.parametrize("content", [b"\x00\x01\x02\xff" * 200, b"", b"just some words, no cues\n"])
def test_unreadable_files_are_a_subtitle_format_error(tmp_path, content):
    path = tmp_path / "x.srt"
    path.write_bytes(content)
    with pytest.raises(SubtitleFormatError, match="x.srt"):
        formats.read_subtitles(path)
    with pytest.raises(SubtitleFormatError, match="is a folder"):
        formats.read_subtitles(tmp_path)
