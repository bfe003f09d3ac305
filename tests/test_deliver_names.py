"""Issue 21, defect 6: every output's name goes through the file-name pattern — the original, the
translation, the bilingual file and the burned-in video — in the core and in the CLI as a user runs
it (`--name-pattern`, the GLM-ASR and chat stand-ins, the real ffmpeg). The app's series export is
tested in tests/gui/test_export_names.py."""

from __future__ import annotations

import pytest

from subtitler.core.delivery.deliver import DeliverOptions, bilingual_path, burn_path, extra_name, planned_paths, translation_path
from subtitler.core.document.formats import load
from subtitler.core.media.ffmpeg import probe
from subtitler.core.foundation.outputs import output_path
from tests.test_translate import expected
from tests.test_translate_cli import cli, env_with, service, video  # noqa: F401  (fixtures)

COURSE = "CS101 - {stem}.{lang}.{ext}"


@pytest.mark.parametrize("pattern, names", [
    ("{stem}.{ext}", ["01 intro.zh.srt", "01 intro.bilingual.srt", "01 intro.subtitled.mp4"]),  # as before
    ("{stem}.{lang}.{ext}", ["01 intro.zh.srt", "01 intro.bilingual.srt", "01 intro.subtitled.mp4"]),
    (COURSE, ["CS101 - 01 intro.zh.srt", "CS101 - 01 intro.bilingual.srt", "CS101 - 01 intro.subtitled.mp4"]),
    ("CS101 - {stem}.{ext}", ["CS101 - 01 intro.zh.srt", "CS101 - 01 intro.bilingual.srt",
                              "CS101 - 01 intro.subtitled.mp4"]),  # no {lang}: the label before the extension
    ("{lang}_{stem}.{ext}", ["zh_01 intro.srt", "bilingual_01 intro.srt", "subtitled_01 intro.mp4"]),
    ("{stem} subs.srt", ["01 intro subs.zh.srt", "01 intro subs.bilingual.srt", "01 intro subs.srt.subtitled.mp4"]),
])
def test_every_extra_name_goes_through_the_pattern(pattern, names, tmp_path):
    src = tmp_path / "01 intro.mp4"
    opts = DeliverOptions(translate_to="zh", bilingual=True, burn_in=True)
    paths = planned_paths(src, tmp_path / "out", ["srt"], opts, pattern)
    assert [p.name for p in paths] == names and {p.parent for p in paths} == {tmp_path / "out"}
    assert paths == [translation_path(src, tmp_path / "out", "zh", "srt", pattern),
                     bilingual_path(src, tmp_path / "out", "srt", pattern), burn_path(src, tmp_path / "out", pattern)]
    assert output_path(src, None, "srt", pattern, "en").name not in names  # never the original's name
    assert extra_name("a", "zh", "vtt") == "a.zh.vtt"


def test_the_cli_names_every_output_through_the_pattern(video, service, tmp_path):  # noqa: F811
    glm, chat = service
    out = tmp_path / "out"
    r = cli(str(video), "-o", str(out), "--engine", "glm", "--glm-base-url", chat.base_url, "--language", "en",
            "--format", "srt,vtt", "--name-pattern", COURSE, "--translate-to", "zh", "--bilingual",
            "--burn-in", "--burn-in-quality", "fast", env=env_with(tmp_path))
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["CS101 - talk.en.srt", "CS101 - talk.en.vtt", "CS101 - talk.zh.srt", "CS101 - talk.zh.vtt",
                            "CS101 - talk.bilingual.srt", "CS101 - talk.bilingual.vtt",
                            "CS101 - talk.subtitled.mp4"]), r.stderr
    orig, zh = load(out / "CS101 - talk.en.srt"), load(out / "CS101 - talk.zh.srt")
    assert [t.text for t in zh] == [expected(o.text, "zh") for o in orig]
    assert probe(out / "CS101 - talk.subtitled.mp4").has_video
    assert all(str(out / n) in r.stderr for n in names)  # the files the CLI says it wrote
    # the pattern's names are checked before any work too: an existing translation refuses the run
    for name in names:
        if ".zh." not in name:
            (out / name).unlink()
    glm.reset_counters()
    r = cli(str(video), "-o", str(out), "--engine", "glm", "--glm-base-url", chat.base_url, "--language", "en",
            "--name-pattern", COURSE, "--translate-to", "zh", env=env_with(tmp_path))
    assert r.returncode == 1 and "CS101 - talk.zh.srt already exists" in r.stderr, r.stderr
    assert glm.counters.requests == 0
