"""Issue 10, class 8 (and the project media path of 9): project, autosave and recent files.
Whatever JSON is in them, reading gives a project or ProjectError naming the field; a broken
side file (recent list, recovery file) never blocks saving, opening or starting."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from subtitler.core.document import project as projects
from subtitler.core.document.model import Document
from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import ProjectError


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("SUBTITLER_DATA_DIR", str(tmp_path / "data"))


def valid() -> dict:
    doc = Document([Cue(0, 1200, "Hello"), Cue(1500, 2600, "world", "check")], media_path="/m/talk.mp4",
                   language="en", profile="netflix-en")
    return json.loads(projects.to_json(projects.Project(doc, styles={"Default": projects.style_to_dict(
        __import__("subtitler.core.document.formats", fromlist=["default_style"]).default_style())})))


# -- the 26 shapes the tester found, and a few more -------------------------------------------------
CASES = [
    ("version", "abc", "version"), ("version", None, "version"), ("version", 1.5, "version"),
    ("version", True, "version"), ("version", [1], "version"),
    ("cues", {"0": [0, 1, "a"]}, "cues"), ("cues", [{"start": 0, "end": 1, "text": "a"}], "cues[0]"),
    ("cues", [[0, 1]], "cues[0]"), ("cues", [[0, 1, "a", "f", "x"]], "cues[0]"), ("cues", [["0", 1, "a"]], "cues[0][0]"),
    ("cues", [[0, 1, 5]], "cues[0][2]"), ("cues", [[5, 1, "a"]], "cues[0]"), ("cues", [[-1, 1, "a"]], "cues[0]"),
    ("cues", [[0, 10 ** 30, "a"]], "cues[0]"), ("cues", [[0, 1.5, "a"]], "cues[0]"), ("cues", "abc", "cues"),
    ("cues", [None], "cues[0]"), ("styles", "big", "styles"), ("styles", {"Default": "x"}, "styles["),
    ("styles", {"Default": {"fontsize": "big"}}, "fontsize"), ("styles", {"Default": {"alignment": 42}}, "alignment"),
    ("styles", {"Default": {"primarycolor": [1, 2]}}, "primarycolor"),
    ("styles", {"Default": {"primarycolor": [999, 0, 0, 0]}}, "primarycolor"),
    ("engine", [], "engine"), ("meta", "x", "meta"), ("media", 5, "media"), ("language", {}, "language"),
    ("profile", [], "profile"),
]


@pytest.mark.parametrize("field, value, named", CASES)
def test_a_damaged_field_is_a_project_error_naming_it(tmp_path, field, value, named):
    data = valid()
    data[field] = value
    path = tmp_path / "p.subtitler"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ProjectError) as e:
        projects.load_project(path)
    assert named in str(e.value) and "p.subtitler" in str(e.value)


@pytest.mark.parametrize("text", ["[]", "null", "42", '"x"', "{", "", "\ufeff{}", "[" * 100000 + "]" * 100000,
                                  '{"format": "subtitler-project", "version": 99}', '{"format": 5}'])
def test_not_a_project_at_all(tmp_path, text):
    path = tmp_path / "p.subtitler"
    path.write_text(text, "utf-8")
    with pytest.raises(ProjectError):
        projects.load_project(path)


def test_a_recovery_file_that_is_a_list_does_not_break_start_up(tmp_path):
    good = projects.Project(Document([Cue(0, 1000, "kept")]))
    projects.write_recovery(good)
    folder = projects.recovery_dir()
    for i, junk in enumerate(["[]", "null", '{"project": []}', ('{"project": {"format": "subtitler-project", '
                              '"cues": "x"}}'), '{"saved_at": "soon", "project": {}}', "\x00\x01"]):
        (folder / f"junk{i}{projects.RECOVERY_SUFFIX}").write_text(junk, "utf-8")
    found = projects.find_recoveries()
    assert [r.cues for r in found] == [1]
    with pytest.raises(ProjectError):
        projects.load_recovery(folder / f"junk0{projects.RECOVERY_SUFFIX}")


@pytest.mark.parametrize("junk", ["null", "{}", '"x"', "[1, 2, null]", "[[[[", "\xff\xfe"])
def test_a_broken_recent_list_never_blocks_saving_or_opening(tmp_path, junk):
    recent = projects.data_dir() / "recent.json"
    recent.parent.mkdir(parents=True, exist_ok=True)
    recent.write_text(junk, "utf-8", errors="surrogateescape")
    p = projects.Project(Document([Cue(0, 1000, "a")]))
    path = projects.save_project(p, tmp_path / "talk")
    assert projects.load_project(path).document.cues == [Cue(0, 1000, "a")]
    assert projects.recent_projects() == [path.resolve()]


def test_a_media_path_that_is_not_media_is_not_followed(tmp_path):
    data = valid()
    data["media"] = "../../../../etc/passwd"
    data["media_relative"] = "../../../../etc/passwd"
    path = tmp_path / "p.subtitler"
    path.write_text(json.dumps(data), "utf-8")
    p = projects.load_project(path)
    assert p.media_path is None
    assert any("/etc/passwd" in w and "not a media file" in w for w in p.warnings)
    data["media"] = str(tmp_path)  # a folder named like a video
    (tmp_path / "x.mp4").mkdir()
    data["media"] = str(tmp_path / "x.mp4")
    path.write_text(json.dumps(data), "utf-8")
    assert projects.load_project(path).media_path is None


# -- property-based: any JSON, and any damage to a valid project ----------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2 ** 70), max_value=2 ** 70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
FIELDS = ["format", "version", "media", "media_relative", "language", "profile", "styles", "engine", "meta", "cues"]


def only_project_or_project_error(text: str, path: Path | None = None) -> None:
    try:
        p = projects.from_json(text, path)
    except ProjectError:
        return
    assert isinstance(p, projects.Project)
    projects.to_json(p)  # whatever was accepted can be saved again
    for c in p.document.cues:
        assert 0 <= c.start <= c.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FIELDS), json_values)
def test_fuzz_damaged_fields_of_a_valid_project(field, value):
    data = valid()
    data[field] = value
    only_project_or_project_error(json.dumps(data))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 1), st.sampled_from(["styles", "cues"]), json_values)
def test_fuzz_damage_inside_cues_and_styles(index, field, value):
    data = valid()
    if field == "cues":
        data["cues"][index] = value
    else:
        data["styles"]["Default"][list(data["styles"]["Default"])[index * 5]] = value
    only_project_or_project_error(json.dumps(data))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(json_values)
def test_fuzz_any_json_as_project_recovery_and_recent_list(value):
    text = json.dumps(value)
    only_project_or_project_error(text)
    folder = projects.recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / ("fuzz" + projects.RECOVERY_SUFFIX)
    f.write_text(json.dumps({"project": value, "saved_at": 1.0}) if isinstance(value, dict) else text, "utf-8")
    try:
        projects.find_recoveries()  # never raises
        try:
            projects.load_recovery(f)
        except ProjectError:
            pass
    finally:
        f.unlink()
    recent = projects.data_dir() / "recent.json"
    recent.write_text(text, "utf-8")
    assert all(isinstance(p, Path) for p in projects.recent_projects())
    projects.add_recent(Path(os.getcwd()) / "x.subtitler")  # never raises
    assert projects.recent_projects()[0].name == "x.subtitler"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_arbitrary_bytes(data):
    only_project_or_project_error(data)  # type: ignore[arg-type]
