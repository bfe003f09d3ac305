"""One home each (issue 22, item 4): CJK detection, width and joining are defined once
(``core/text/script.py``) and every stage measures with them; the editor flags a Chinese line
exactly as the rules count it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from subtitler.core.app.edits import cue_problems
from subtitler.core.document.cues import Cue
from subtitler.core.document.model import merge_run
from subtitler.core.text.script import display_width, is_cjk_text, join_texts, line_lengths, measure
from subtitler.core.timing.rules import PROFILES, break_lines, cps

ROOT = Path(__file__).resolve().parent.parent
MIXED = "我们用 Python 和 NumPy 做分析"


def _definitions() -> dict[str, list[str]]:
    """function name → the modules under subtitler/ that define it (top level or nested)."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "subtitler").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    return found


def test_cjk_detection_width_and_joining_have_one_definition_each():
    defs = _definitions()
    home = "subtitler/core/text/script.py"
    for name in ("is_cjk_char", "is_cjk_text", "char_width", "display_width", "measure", "line_lengths",
                 "join_texts"):
        assert defs.get(name) == [home], (name, defs.get(name))
    for gone in ("is_cjk", "_is_cjk", "uses_cjk_layout", "join_pieces", "visible_len", "_cjk_layout"):
        assert gone not in defs, (gone, defs[gone])
    # no other module asks unicodedata for widths
    for path in (ROOT / "subtitler").rglob("*.py"):
        if path.name != "script.py":
            assert "east_asian_width" not in path.read_text("utf-8"), path


def test_the_editor_measures_a_chinese_line_as_the_rules_do():
    zh = PROFILES["netflix-zh"]
    assert display_width(MIXED) == 14.5 and len(MIXED) == 22 and is_cjk_text(MIXED)
    assert break_lines(MIXED, zh) == MIXED  # the rules keep it on one line: it fits 16
    cue = Cue(0, 3000, MIXED)
    problems = cue_problems([cue], 0, zh)
    assert not any("line too long" in p for p in problems), problems
    assert line_lengths(cue.text) == [14.5] and measure(cue.text) == 14.5
    assert cps(cue) == pytest.approx(14.5 / 3)
    # one width more than the profile allows is flagged, with the width the rules count
    long = Cue(0, 9000, MIXED + "和测试")
    assert any(p.startswith("line too long: 17.5 characters") for p in cue_problems([long], 0, zh))


@pytest.mark.parametrize("parts, joined", [
    (["你好", "世界"], "你好世界"),
    (["Hello", "world"], "Hello world"),
    (["我们用 Python", "和 NumPy"], "我们用 Python 和 NumPy"),
    (["你好，", "Python"], "你好，Python"),
    (["Python", "。"], "Python。"),
    (["第一行\n第二行", " ", "end"], "第一行第二行 end"),
])
def test_one_joiner_for_engines_rules_and_the_editor(parts, joined):
    assert join_texts(parts) == joined
    cues = [Cue(i * 1000, i * 1000 + 900, p) for i, p in enumerate(parts)]
    assert merge_run(cues).text == joined  # the editor's merge joins the same way
