"""The cue table model over the Document: display, inline edits with time parsing and validation,
problem flags with reasons, and following Document changes (undo included)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import UsageError
from subtitler.core.timing.rules import PROFILES
from subtitler.core.app.edits import cue_problems, format_ms, next_problem, parse_time
from subtitler.gui.editor.model import (COL_CPS, COL_DUR, COL_END, COL_FLAG, COL_NUM, COL_START, COL_TEXT,
                                        CueTableModel)

PROFILE = PROFILES["netflix-en"]
D = Qt.ItemDataRole.DisplayRole
E = Qt.ItemDataRole.EditRole


@pytest.mark.parametrize("text,current,ms", [
    ("00:01:02,345", None, 62_345), ("00:01:02.345", None, 62_345), ("1:02.345", None, 62_345),
    ("62.345", None, 62_345), ("62,5", None, 62_500), ("62", None, 62_000), ("1:00:00", None, 3_600_000),
    ("+0.5", 1000, 1500), ("-0.25", 1000, 750), ("+1:00", 0, 60_000),
])
def test_parse_time_formats(text, current, ms):
    assert parse_time(text, current) == ms


@pytest.mark.parametrize("bad", ["", "abc", "1:75.0", "1:2:3:4", "+0.5"])
def test_parse_time_rejects(bad):
    with pytest.raises(UsageError):
        parse_time(bad)


def test_format_ms():
    assert format_ms(3_723_004) == "01:02:03,004" and format_ms(5, ".") == "00:00:00.005"


@pytest.fixture
def model(qtbot):
    doc = Document([Cue(1000, 3000, "Hello there"), Cue(3500, 4000, "Far too many words for half a second"),
                    Cue(3900, 6000, "overlapping\nsecond line", "blocked: content filter")])
    return CueTableModel(doc, PROFILE)


def cell(m, row, col, role=D):
    return m.data(m.index(row, col), role)


def test_display_columns(model):
    assert model.rowCount() == 3 and model.columnCount() == 8  # the 8th: the translation column (hidden until shown)
    assert [cell(model, 0, c) for c in (COL_NUM, COL_START, COL_END, COL_DUR, COL_CPS, COL_TEXT)] == [
        "1", "00:00:01,000", "00:00:03,000", "2.000", "5.5", "Hello there"]
    assert "⏎" in cell(model, 2, COL_TEXT) and cell(model, 2, COL_TEXT, E) == "overlapping\nsecond line"
    assert cell(model, 2, COL_FLAG) == "blocked: content filter"
    assert model.flags(model.index(0, COL_CPS)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags
    assert model.flags(model.index(0, COL_TEXT)) & Qt.ItemFlag.ItemIsEditable


def test_problem_flags_with_reasons(model):
    assert model.problems(0) == []
    assert cell(model, 0, COL_TEXT, Qt.ItemDataRole.BackgroundRole) is None
    p1 = model.problems(1)
    assert any("too fast" in p for p in p1) and any("too short" in p for p in p1)
    assert any("overlaps cue 3" in p for p in p1)
    assert cell(model, 1, COL_CPS, Qt.ItemDataRole.ForegroundRole) is not None  # CPS shown red
    assert "too fast" in cell(model, 1, COL_START, Qt.ItemDataRole.ToolTipRole)
    p2 = model.problems(2)
    assert p2[0] == "blocked: content filter" and any("overlaps cue 2" in p for p in p2)
    assert cell(model, 2, COL_TEXT, Qt.ItemDataRole.BackgroundRole) is not None
    assert next_problem(model.document.cues, 0, PROFILE) == 1
    assert next_problem(model.document.cues, 2, PROFILE) == 1  # wraps around
    long_line = Cue(0, 5000, "x" * 50 + "\nb\nc")
    probs = cue_problems([long_line], 0, PROFILE)
    assert any("line too long" in p for p in probs) and any("3 lines" in p for p in probs)


def test_inline_time_edits_with_relative_values_and_undo(model):
    doc = model.document
    assert model.setData(model.index(0, COL_START), "+0.5")
    assert doc.cues[0].start == 1500 and doc.cues[0].end == 3000
    assert model.setData(model.index(0, COL_END), "0:02.750")
    assert doc.cues[0].end == 2750
    assert model.setData(model.index(0, COL_DUR), "1")
    assert doc.cues[0].end == 2500
    assert model.setData(model.index(0, COL_START), "2.6")  # start past end: keeps duration
    assert doc.cues[0] == Cue(2600, 3600, "Hello there")
    doc.undo()
    doc.undo()
    doc.undo()
    doc.undo()
    assert doc.cues[0] == Cue(1000, 3000, "Hello there")


def test_invalid_edits_refused_with_reason(model):
    errors = []
    model.editFailed.connect(errors.append)
    doc = model.document
    before = list(doc.cues)
    assert not model.setData(model.index(0, COL_END), "0.5")  # before the start
    assert not model.setData(model.index(0, COL_START), "nonsense")
    assert not model.setData(model.index(0, COL_DUR), "0")
    assert not model.setData(model.index(0, COL_CPS), "3")
    assert doc.cues == before and not doc.can_undo() and len(errors) == 3


def test_text_edit_keeps_line_breaks_and_flag_edit(model):
    doc = model.document
    assert model.setData(model.index(0, COL_TEXT), "Hello\r\nthere")
    assert doc.cues[0].text == "Hello\nthere"
    assert model.setData(model.index(2, COL_FLAG), "")
    assert doc.cues[2].flag == ""
    assert cell(model, 2, COL_TEXT, Qt.ItemDataRole.BackgroundRole) is not None  # still overlapping


def test_model_follows_document_inserts_removes_and_undo(model, qtbot):
    doc = model.document
    inserted, removed, changed = [], [], []
    model.rowsInserted.connect(lambda p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda p, a, b: removed.append((a, b)))
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    doc.insert(1, Cue(3100, 3300, "new"))
    assert inserted == [(1, 1)] and model.rowCount() == 4 and cell(model, 1, COL_TEXT) == "new"
    doc.split(0, 2000)
    assert model.rowCount() == 5
    doc.delete([0, 1])
    assert removed[-1] == (0, 1) or (removed and model.rowCount() == 3)
    doc.set_times(0, 0, 100)
    assert changed and changed[-1][0] <= 0 <= changed[-1][1]
    while doc.undo():
        pass
    assert model.rowCount() == 3 and cell(model, 0, COL_TEXT) == "Hello there"
    for r in range(model.rowCount()):
        assert cell(model, r, COL_NUM) == str(r + 1)
