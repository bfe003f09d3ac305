"""The undo/redo history on its own (core/document/history.py): bound, compaction of merged edits, redo,
saved point and dirty, watchers — over a small cue list edited by real Replace steps and compacted
by the document's own ``compact``. Then the same rules through a Document."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from hypothesis import given, settings
from hypothesis import strategies as st

from subtitler.core.document.model import Document, compact

from subtitler.core.document.cues import Cue, Edit, Move, Replace, SetProp, Step
from subtitler.core.document.history import MAX_UNDO, History


class Texts:
    """The smallest document a history needs: a row of cues, each edit one Replace."""

    def __init__(self, texts: list[str], limit: int = MAX_UNDO) -> None:
        self.cues = [Cue(1000 * k, 1000 * k + 500, t) for k, t in enumerate(texts)]
        self.runs = 0
        self.history = History(self.run, lambda steps: compact(self.cues, steps), limit)

    def run(self, step: Step) -> None:
        assert isinstance(step, Replace) and tuple(self.cues[step.index:step.index + len(step.old)]) == step.old
        self.cues[step.index:step.index + len(step.old)] = step.new
        self.runs += 1

    def edit(self, i: int, text: str, key: Optional[str] = None, label: str = "Edit text") -> None:
        step = Replace(i, (self.cues[i],), (replace(self.cues[i], text=text),))
        self.run(step)
        self.history.push(Edit(label, [step], key))

    def texts(self) -> list[str]:
        return [c.text for c in self.cues]


def test_the_bound_keeps_the_newest_steps_and_undo_stops_at_the_oldest_kept():
    t = Texts(["a"], limit=3)
    for k in range(1, 6):
        t.edit(0, f"a{k}")
    assert t.history.depth() == 3
    while t.history.undo():
        pass
    assert t.texts() == ["a2"]  # a1 and a2's steps were dropped: a2 is as far back as it goes
    assert t.history.dirty  # not the saved (opened) document: closing must ask
    while t.history.redo():
        pass
    assert t.texts() == ["a5"] and t.history.depth() == 3


def test_a_saved_point_below_the_bound_is_still_found_by_undo():
    t = Texts(["a"], limit=2)
    t.edit(0, "a1")
    t.edit(0, "a2")
    t.history.mark_saved()  # saved at a2
    t.edit(0, "a3")
    t.edit(0, "a4")  # the bound drops a1, then a2's step
    assert t.history.dirty and t.history.depth() == 2
    t.history.undo()
    assert t.history.dirty and t.texts() == ["a3"]
    t.history.undo()
    assert not t.history.dirty and t.texts() == ["a2"] and not t.history.can_undo()


def test_merged_edits_compact_into_one_step_old_to_new_and_undo_restores_the_original():
    t = Texts(["x", "", "z"])
    original = list(t.cues)
    for k, text in enumerate(["h", "he", "hel", "hell", "hello"]):
        t.edit(1, text, key="type-1", label=f"Type {k}")
    assert t.history.depth() == 1 and t.history.undo_label() == "Type 4"  # the latest label
    last = t.history.last
    assert last is not None and last.steps == [Replace(1, (original[1],), (replace(original[1], text="hello"),))]
    t.runs = 0
    assert t.history.undo()
    assert t.cues == original and t.runs == 1  # one step run, one view update
    assert t.history.redo() and t.texts() == ["x", "hello", "z"]


def test_a_merged_run_spanning_cues_compacts_to_the_span_that_differs():
    t = Texts(["a", "b", "c", "d"])
    original = list(t.cues)
    t.edit(1, "B", key="k")
    t.edit(2, "C", key="k")
    t.edit(1, "BB", key="k")
    last = t.history.last
    assert last is not None and len(last.steps) == 1
    [step] = last.steps
    assert isinstance(step, Replace) and step.index == 1 and step.old == tuple(original[1:3])
    assert [c.text for c in step.new] == ["BB", "C"]
    t.history.undo()
    assert t.cues == original


def test_a_merged_run_back_to_where_it_started_leaves_no_step():
    t = Texts(["same"])
    t.edit(0, "other", key="k")
    t.edit(0, "same", key="k")
    assert not t.history.can_undo() and not t.history.dirty and t.history.last is None


def test_different_keys_unkeyed_edits_and_break_merge_make_steps_of_their_own():
    t = Texts(["a"])
    t.edit(0, "1", key="k")
    t.edit(0, "2", key="k")
    t.edit(0, "3", key="j")  # another key
    t.edit(0, "4")  # no key
    t.edit(0, "5")  # two unkeyed edits never merge
    t.edit(0, "6", key="k")
    t.history.break_merge()
    t.edit(0, "7", key="k")  # same key, but the run was ended
    assert t.history.depth() == 6
    undone = []
    while t.history.undo():
        undone.append(t.texts()[0])
    assert undone == ["6", "5", "4", "3", "2", "a"]


def test_a_new_edit_clears_redo():
    t = Texts(["a"])
    t.edit(0, "b", label="First")
    t.edit(0, "c", label="Second")
    t.history.undo()
    assert t.history.can_redo() and t.history.redo_label() == "Second" and t.history.undo_label() == "First"
    t.edit(0, "d")
    assert not t.history.can_redo() and t.history.redo_label() == "" and not t.history.redo()
    assert t.texts() == ["d"] and t.history.depth() == 2


def test_dirty_follows_the_saved_point_through_undo_redo_and_merges():
    t = Texts(["a"])
    assert not t.history.dirty
    t.edit(0, "b")
    assert t.history.dirty
    t.history.undo()
    assert not t.history.dirty  # back at the saved point
    t.history.redo()
    t.history.mark_saved()
    t.edit(0, "bc", key="k")
    t.history.undo()
    assert not t.history.dirty
    t.history.redo()
    t.history.mark_saved()  # saved in the middle of a typing burst
    t.edit(0, "bcd", key="k")  # merges into the saved step: a new state all the same
    assert t.history.dirty and t.history.depth() == 2
    t.history.mark_unsaved()
    t.history.undo()
    t.history.undo()
    assert t.history.dirty and t.texts() == ["a"]  # never clean until saved again
    t.history.mark_saved()
    assert not t.history.dirty


def test_clear_keeps_a_dirty_history_dirty():
    t = Texts(["a", "b"])
    t.edit(0, "A")
    t.history.clear()
    assert t.history.dirty and not t.history.can_undo() and not t.history.can_redo()
    t.history.mark_saved()
    t.history.clear()
    assert t.history.dirty  # the document changed under the history: clean only when its caller says so
    t.history.mark_saved()
    assert not t.history.dirty


def test_watchers_run_after_the_history_changed_and_stop_when_told():
    t = Texts(["a"])
    seen: list[tuple[int, bool, bool]] = []
    stop = t.history.watch(lambda: seen.append((t.history.depth(), t.history.can_redo(), t.history.dirty)))
    t.edit(0, "b")
    t.edit(0, "bc", key="k")
    t.edit(0, "bcd", key="k")
    t.history.undo()
    t.history.redo()
    t.history.mark_saved()
    t.history.mark_unsaved()
    assert not t.history.redo()  # nothing to redo: no change, no call
    t.history.break_merge()  # not a change to the stacks' contents either
    assert seen == [(1, False, True), (2, False, True), (2, False, True), (1, True, True), (2, False, True),
                    (2, False, False), (2, False, True)]
    stop()
    stop()  # twice is harmless
    t.edit(0, "x")
    assert len(seen) == 7


def test_reach_is_one_past_the_highest_cue_index_in_undo_and_redo():
    h = History(lambda step: None, lambda steps: steps)
    assert h.reach() == 0
    a, b = Cue(0, 1, "a"), Cue(2, 3, "b")
    h.push(Edit("x", [Replace(2, (a,), (a, b))]))
    assert h.reach() == 4
    h.push(Edit("m", [Move(6, 1)]))
    h.push(Edit("p", [SetProp("profile", "", "p")]))
    assert h.reach() == 7
    h.undo()
    h.undo()
    assert h.reach() == 7  # redo steps count too
    h.push(Edit("y", [Replace(0, (a,), ())]))  # clears redo
    assert h.reach() == 4


OPS = st.lists(st.tuples(st.sampled_from(["edit", "edit", "edit", "undo", "redo", "break", "save"]),
                         st.integers(0, 2), st.sampled_from(["a", "b", "c", ""]),
                         st.sampled_from([None, "k", "j"])), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5), OPS)
def test_history_matches_a_model_of_snapshots(limit, ops):
    """Against a model that keeps whole snapshots: same texts, depth and redo after every op, and
    whenever the history reads clean the texts are the ones saved (nothing lost on close)."""
    t = Texts(["", "", ""], limit)
    undo: list[dict] = []  # {"before", "after", "key"}
    redo: list[dict] = []
    saved_texts: Optional[list[str]] = t.texts()
    for op, i, text, key in ops:
        now = t.texts()
        if op == "edit":
            after = now[:i] + [now[i] + text] + now[i + 1:]
            t.edit(i, after[i], key)
            redo.clear()
            if undo and key and undo[-1]["key"] == key:
                undo[-1]["after"] = after
                if undo[-1]["before"] == after:
                    undo.pop()
            else:
                undo = (undo + [{"before": now, "after": after, "key": key}])[-limit:]
        elif op == "undo":
            assert t.history.undo() == bool(undo)
            if undo:
                redo.append(undo.pop())
        elif op == "redo":
            assert t.history.redo() == bool(redo)
            if redo:
                undo.append(redo.pop())
        elif op == "break":
            t.history.break_merge()
            if undo:
                undo[-1]["key"] = None
        else:
            t.history.mark_saved()
            saved_texts = t.texts()
        expected = undo[-1]["after"] if undo else (redo[-1]["before"] if redo else t.texts())
        assert t.texts() == expected
        assert t.history.depth() == len(undo) and t.history.can_redo() == bool(redo)
        assert all(len(e.steps) == 1 for e in t.history._undo)  # merged runs hold just old -> new
        if not t.history.dirty:
            assert t.texts() == saved_texts


# -- the same rules through a Document -----------------------------------------------------------
def test_document_undoing_everything_the_bound_left_is_still_dirty():
    d = Document([Cue(0, 1000, "one")])
    d.max_undo = 5
    assert d.history.limit == 5
    for k in range(8):
        d.set_text(0, f"t{k}")
    while d.undo():
        pass
    assert d.cues[0].text == "t2" and d.dirty and d.can_redo()


def test_document_load_over_edited_cues_keeps_the_other_edits_dirty():
    d = Document([Cue(0, 1000, "a"), Cue(5000, 6000, "b")])
    d.set_text(0, "A")  # an edit the arriving piece does not touch
    d.set_text(1, "B")  # an edit in the piece: the history reaching it is dropped
    d.load_span([Cue(5000, 6000, "b2")], 4000, 10_000)
    assert [c.text for c in d.cues] == ["A", "b2"] and not d.can_undo()
    assert d.dirty  # "A" is not saved anywhere: closing must ask


def test_document_load_on_a_clean_document_stays_clean_and_watchers_hear_of_it():
    d = Document([Cue(0, 1000, "a")])
    calls = []
    d.watch_history(lambda: calls.append(d.dirty))
    d.load_span([Cue(5000, 6000, "b")], 4000, 10_000)
    assert not d.dirty and calls == [False]


# -- revert: a discard goes back to the saved state ----------------------------------------------
def _doc() -> Document:
    return Document([Cue(1000 * k, 1000 * k + 500, t) for k, t in enumerate("abcd")], media_path="m.mp4")


def test_revert_goes_back_to_the_saved_point_through_the_history():
    d = _doc()
    d.set_text(0, "A")
    d.mark_saved()
    saved = list(d.cues)
    d.set_text(1, "B")
    d.set_profile("netflix-en")
    d.delete([3])
    assert d.dirty
    assert d.revert()
    assert d.cues == saved and d.profile == "" and not d.dirty
    assert not d.can_redo()  # the discarded steps are gone
    assert d.can_undo() and d.undo() and d.cues[0].text == "a"  # the steps before the save stay
    # saved, then undone: the revert redoes up to the save
    d.redo()
    d.undo()
    assert d.dirty and d.revert() and d.cues == saved and not d.dirty and not d.can_redo()
    assert not d.revert()  # clean, nothing to redo: nothing to do


def test_revert_without_the_saved_point_in_reach_restores_the_saved_state():
    d = _doc()
    d.max_undo = 2
    start = list(d.cues)
    for k in range(4):  # the bound drops the saved point's steps
        d.set_text(k, str(k))
    d.set_style("Default", {"fontsize": 40})
    assert d.dirty and d.undo_depth() == 2
    assert d.revert()
    assert d.cues == start and d.styles == {} and not d.dirty and not d.can_undo() and not d.can_redo()
    # a document marked unsaved (recovered, or shot changes found) goes back to its last save
    d.set_text(0, "x")
    d.mark_saved()
    d.set_text(1, "y")
    d.mark_unsaved()
    assert d.revert() and [c.text for c in d.cues] == ["x", "b", "c", "d"] and not d.dirty


def test_revert_keeps_what_is_no_edit_loaded_spans_and_adopted_properties():
    d = Document([Cue(0, 500, "first")])
    d.adopt("media_path", "talk.mp4")  # where it came from: no edit, not dirty, kept by a discard
    assert not d.dirty and not d.can_undo()
    d.set_text(0, "edited")
    d.load_span([Cue(5000, 5500, "arrived later")], 5000, 10_000)  # transcription, not the user's
    d.set_media("other.mp4")
    d.history.clear()  # e.g. a load that reached into the history
    assert d.revert()
    assert [c.text for c in d.cues] == ["first", "arrived later"] and d.media_path == "talk.mp4"
    assert not d.dirty
