"""Document edits through the one undoable path."""

from __future__ import annotations

import pytest

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.foundation.errors import UsageError


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


def test_cues_are_always_in_time_order_and_cue_at_finds_a_moved_cue():
    d = Document([Cue(3000, 4000, "c"), Cue(0, 1000, "a"), Cue(1500, 2500, "b")])
    assert [c.text for c in d.cues] == ["a", "b", "c"]  # sorted on load
    changes = []
    d.subscribe(changes.append)
    d.set_times(0, 5000, 6000)  # "a" past both neighbours
    assert [c.text for c in d.cues] == ["b", "c", "a"]
    assert d.cue_at(5500) == 2 and d.cues[d.cue_at(5500)].text == "a"  # never -1 after a move
    assert [ch.kind for ch in changes] == ["cues", "move"] and (changes[1].index, changes[1].to) == (0, 2)
    d.insert(0, Cue(2000, 2100, "x"))  # an index that would break the order: it goes where it belongs
    assert [c.text for c in d.cues] == ["b", "x", "c", "a"]
    d.shift([3], -5800)  # back to the front (clamped at 0)
    assert [c.text for c in d.cues] == ["a", "b", "x", "c"] and d.cues[0].start == 0
    while d.undo():
        pass
    assert [c.text for c in d.cues] == ["a", "b", "c"] and d.cues[0].start == 0


def test_merged_edits_compact_into_one_step_old_to_new():
    d = doc()
    before = list(d.cues)
    i = 0
    for k in range(600):  # a drag: 600 moves, past both other cues
        edit = d.set_times(i, 100 + 5 * (k + 1), 1100 + 5 * (k + 1), merge_key="drag-1")
        i = d.index_of(edit.steps[0].new[0])
    assert i == 2 and [c.text for c in d.cues] == ["three", "四五六", "one two"]
    assert d.undo_depth() == 1
    [step] = d.history.last.steps  # one Replace: the span that differs, old -> new
    assert len(step.old) == len(step.new) <= 3
    changes = []
    d.subscribe(changes.append)
    d.undo()
    assert d.cues == before and len(changes) == 1
    d.redo()
    assert d.cues[2] == Cue(3100, 4100, "one two")


def test_dirty_follows_the_history_and_document_state_changes_are_undoable():
    d = doc()
    assert not d.dirty
    d.set_profile("short-form")
    assert d.dirty and d.profile == "short-form"
    d.undo()
    assert not d.dirty and d.profile == ""
    d.set_style("Default", {"fontsize": 60})
    d.mark_saved()
    d.set_media("/tmp/x.mp4")
    assert d.dirty and d.media_path == "/tmp/x.mp4"
    d.undo()
    assert not d.dirty and d.media_path is None and d.styles == {"Default": {"fontsize": 60}}
    d.set_text(0, "a")
    d.set_text(0, "b", merge_key="t")  # merged edits change the state: saved-then-typed is dirty
    d.mark_saved()
    d.set_text(0, "c", merge_key="t")
    assert d.dirty
    d.mark_unsaved()
    assert d.dirty


def test_undo_stack_is_bounded():
    d = doc()
    d.max_undo = 50
    for k in range(120):
        d.set_text(0, f"t{k}")
    assert d.undo_depth() == 50
    while d.undo():
        pass
    assert d.cues[0].text == "t69"


def test_translation_tracks_follow_their_cues():
    d = doc()
    d.add_track("translation:zh")
    d.set_track_text(0, "translation:zh", "一二")
    d.set_track_text(1, "translation:zh", "三")
    d.merge_next(0)
    assert d.cues[0].track("translation:zh") == "一二三" and d.cues[0].text == "one two three"
    d.set_times(0, 3500, 3600)  # re-sorted with its translation
    assert d.cues[1].track("translation:zh") == "一二三"
    with pytest.raises(UsageError):
        d.set_track_text(0, "nope", "x")
    while d.undo():
        pass
    assert d.tracks == () and d.cues == doc().cues


def test_load_span_is_a_load_not_an_edit():
    d = Document([Cue(0, 1000, "a"), Cue(1500, 2500, "b")])
    d.set_text(0, "A")
    d.load_span([Cue(5000, 6000, "e"), Cue(4000, 4500, "d")], 3000, 10_000)  # a later piece arrives
    assert [c.text for c in d.cues] == ["A", "b", "d", "e"]
    assert d.undo_depth() == 1 and d.undo() and d.cues[0].text == "a"  # earlier history kept
    d.load_span([Cue(4000, 4500, "D")], 3000, 10_000)  # the piece again, revised: replaces the span
    assert [c.text for c in d.cues] == ["a", "b", "D"] and not d.dirty


def test_merge_rebreaks_by_profile_lines():
    from subtitler.core.app import edits
    from subtitler.core.timing.rules import PROFILES

    p = PROFILES["netflix-en"]
    d = Document([Cue(0, 2000, "We start with a short review of sampling"),
                  Cue(2100, 4000, "and then move on to filters.")])
    edits.merge_cues(d, [0], p)
    lines = d.cues[0].text.split("\n")
    assert len(lines) == 2 and all(len(x) <= p.chars_per_line for x in lines)
