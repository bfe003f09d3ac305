"""pysubs2 export/import, the 1080p ASS style, atomic writes and the overwrite guard."""

from __future__ import annotations

import os

import pysubs2
import pytest

from subtitler.core.document import formats
from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import OutputError, OutputExistsError, SubtitleFormatError, UsageError

CUES = [Cue(1000, 3500, "Hello there,\ngeneral audience."), Cue(4000, 6000, "今天我们讨论采样"),
        Cue(7000, 9000, "", "the service blocked this part")]


@pytest.mark.parametrize("fmt", ["srt", "ass", "vtt"])
def test_round_trip(tmp_path, fmt):
    path = formats.export(CUES, tmp_path / f"x.{fmt}")
    back = formats.load(path)
    assert [(c.start, c.end) for c in back] == [(c.start, c.end) for c in CUES]
    assert back[0].text == "Hello there,\ngeneral audience." and back[1].text == "今天我们讨论采样"
    assert "blocked" in back[2].text  # flagged gaps are visible in the file


def test_txt_is_plain_text(tmp_path):
    p = formats.export(CUES, tmp_path / "x.txt")
    assert p.read_text("utf-8").splitlines()[0] == "Hello there, general audience."


def test_ass_default_style_fits_1080p(tmp_path):
    subs = pysubs2.load(str(formats.export(CUES, tmp_path / "x.ass")))
    style = subs.styles["Default"]
    assert subs.info["PlayResY"] == "1080"
    assert 54 <= style.fontsize <= 80 and style.outline >= 2 and style.marginv >= 40
    assert style.alignment == pysubs2.Alignment.BOTTOM_CENTER


def test_existing_file_is_not_replaced_without_overwrite(tmp_path):
    p = tmp_path / "x.srt"
    p.write_text("my edits", "utf-8")
    with pytest.raises(OutputExistsError, match="--overwrite"):
        formats.export(CUES, p)
    assert p.read_text("utf-8") == "my edits"
    formats.export(CUES, p, overwrite=True)
    assert "Hello there" in p.read_text("utf-8")
    assert sorted(os.listdir(tmp_path)) == ["x.srt"]  # no temporary file left behind


def test_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OutputError, match="cannot write"):
        formats.export(CUES, blocker / "sub" / "x.srt")


def test_import_gb18030_and_bad_files(tmp_path):
    p = tmp_path / "zh.srt"
    p.write_bytes("1\n00:00:01,000 --> 00:00:02,000\n你好，世界\n".encode("gb18030"))
    assert formats.load(p)[0].text == "你好，世界"
    with pytest.raises(SubtitleFormatError):
        formats.load(tmp_path / "none.srt")


def test_parse_formats():
    assert formats.parse_formats("srt, ASS,srt") == ["srt", "ass"]
    with pytest.raises(UsageError):
        formats.parse_formats("srt,docx")
