"""Document edits through the one undoable path."""

from __future__ import annotations

import pytest

from subtitler.core.document import Cue, Document
from subtitler.core.errors import UsageError


def doc():
    return Document([Cue(0, 1000, "one two"), Cue(1500, 2500, "three"), Cue(3000, 4000, "四五六")])


def test_edits_undo_redo_exactly():
    d = doc()
    before = list(d.cues)
    changes = []
    d.subscribe(changes.append)
    d.set_times(0, 100, 900)
    d.set_text(1, "THREE")
    d.split(0, 500)
    d.merge_next(0)
    d.insert(0, Cue(0, 50, "x"))
    d.delete([0, 2])
    d.shift([0, 1], 250)
    after = list(d.cues)
    assert changes and d.dirty
    while d.undo():
        pass
    assert d.cues == before
    while d.redo():
        pass
    assert d.cues == after


def test_split_uses_word_boundary_and_cjk_merge_has_no_space():
    d = doc()
    d.split(0, 500)
    assert [c.text for c in d.cues[:2]] == ["one", "two"] and d.cues[0].end == 500 == d.cues[1].start
    d2 = Document([Cue(0, 1, "你好"), Cue(2, 3, "世界")])
    d2.merge_next(0)
    assert d2.cues[0].text == "你好世界"


def test_nudges_merge_into_one_undo_step():
    d = doc()
    for k in range(5):
        d.set_times(1, 1500 + 100 * (k + 1), 2500, merge_key="nudge-1")
    assert d.cues[1].start == 2000
    d.undo()
    assert d.cues[1].start == 1500 and not d.can_undo()


def test_invalid_edits_are_refused():
    d = doc()
    with pytest.raises(UsageError):
        d.set_times(0, 500, 100)
    with pytest.raises(UsageError):
        d.split(0, 5000)
    with pytest.raises(UsageError):
        d.merge_next(2)
    assert d.cues == doc().cues and not d.can_undo()
