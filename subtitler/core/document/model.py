"""The subtitle document: all of a subtitle file's state, and the one undoable edit path.

State: the cues (integer-ms times, **always in time order**), the reading profile, the ASS styles,
the media reference, the language, and *extra text tracks* (named per-cue texts such as a
translation: ``Cue.extra`` holds a cue's texts by track name, ``Document.tracks`` names the tracks,
so a translation column is a track name plus a view column).

Every change is an :class:`Edit` made of steps — :class:`Replace` (swap a run of cues for
another), :class:`Move` (one cue to another position; added by the document itself to keep time
order) and :class:`SetProp` (profile, styles, media, language, tracks) — so every edit is
trivially invertible and undo/redo restores the document exactly. :meth:`Document.apply` runs an
edit and hands it to the document's :class:`~subtitler.core.document.history.History`, which owns the
undo/redo stacks, their bound, the compaction of consecutive merged edits (a drag, repeated
nudges, a typing burst: one step holding just old → new) and the saved point, so *dirty tracking
is automatic*. Here, :func:`compact` computes a run's net effect over the cue list.

Listeners get a :class:`Change` per step, enough for views to update just the affected rows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Optional, Sequence

from ..foundation.errors import Reason, UsageError
from ..text.script import is_cjk_char, join_texts
from .cues import Cue, Edit, Move, Replace, SetProp, Step
from .history import History

PROPS = ("profile", "styles", "media_path", "language", "tracks")


@dataclass(frozen=True)
class Change:
    """One step as views see it. ``kind``: "cues" (rows index..index+removed replaced by
    ``inserted`` rows), "move" (row ``index`` moved to ``to``), or "prop" (``name`` changed)."""

    index: int = 0
    removed: int = 0
    inserted: int = 0
    kind: str = "cues"
    to: int = -1
    name: str = ""


Listener = Callable[[Change], None]


class Document:
    def __init__(self, cues: Iterable[Cue] = (), media_path: Optional[str] = None, language: str = "",
                 profile: str = "", meta: Optional[dict[str, Any]] = None,
                 styles: Optional[dict[str, dict[str, Any]]] = None, tracks: Sequence[str] = ()) -> None:
        self.cues: list[Cue] = sorted(cues, key=_start)  # stable: equal starts keep their order
        self.media_path = media_path
        self.language = language
        self.profile = profile
        self.meta: dict[str, Any] = dict(meta or {})  # free-form, not undoable (import source, job id)
        self.styles: dict[str, dict[str, Any]] = dict(styles or {})  # ASS style name -> project.style_to_dict(...)
        self.tracks: tuple[str, ...] = tuple(tracks)  # extra text tracks, e.g. "translation:zh"
        self._listeners: list[Listener] = []
        self.revision = 0  # bumps on every change step (autosave)
        self.history = History(self._run_step, lambda steps: compact(self.cues, steps))
        self._saved_cues: tuple[Cue, ...] = tuple(self.cues)  # the state revert() returns to
        self._saved_props: dict[str, Any] = self._props()

    def __repr__(self) -> str:
        return f"Document({len(self.cues)} cues, media={self.media_path!r}, profile={self.profile!r})"

    # -- observation -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def watch_history(self, watcher: Callable[[], None]) -> Callable[[], None]:
        """``watcher()`` runs after every change to the undo history or saved state — after the
        whole edit, undo or redo (step listeners run during it, before the history is updated)."""
        return self.history.watch(watcher)

    # -- the history, as the fronts ask for it (see History) -----------------------------------
    @property
    def dirty(self) -> bool:
        return self.history.dirty

    @property
    def max_undo(self) -> int:
        return self.history.limit

    @max_undo.setter
    def max_undo(self, limit: int) -> None:
        self.history.limit = limit

    def mark_saved(self) -> None:
        self._keep_saved_state()
        self.history.mark_saved()

    def _props(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PROPS}

    def _keep_saved_state(self) -> None:
        self._saved_cues, self._saved_props = tuple(self.cues), self._props()

    def adopt(self, name: str, value: Any) -> None:
        """Set a property that is no edit of the user's (e.g. the media the document came from):
        no undo step, no change to ``dirty``, and the saved state has it too."""
        if name not in PROPS:
            raise ValueError(f"internal: '{name}' is not a document property")  # a programming error, not the user's
        setattr(self, name, value)
        self._saved_props[name] = value

    def revert(self) -> bool:
        """Discard the changes since the last save (or since the document was made or loaded):
        the cues and properties go back to that state and the document is clean. Through the
        undo history when it still reaches the saved point (the steps before it stay undoable),
        else from the saved state itself (the history is then forgotten); either way the
        discarded steps cannot be redone. ``meta`` is not undoable and is kept. Returns whether
        anything changed."""
        if not self.dirty and not self.can_redo():
            return False
        state = self.history.state
        if self.history.to_saved() and not self.dirty:
            return self.history.state != state
        changed = False
        for name, value in self._saved_props.items():
            if getattr(self, name) != value:
                self._run_step(SetProp(name, getattr(self, name), value))
                changed = True
        if tuple(self.cues) != self._saved_cues:
            self._run_step(Replace(0, tuple(self.cues), self._saved_cues))
            changed = True
        self.history.clear()
        self.history.mark_saved()
        return changed

    def mark_unsaved(self) -> None:
        """Dirty until the next save, whatever is undone (a recovered or never-saved document)."""
        self.history.mark_unsaved()

    def can_undo(self) -> bool:
        return self.history.can_undo()

    def can_redo(self) -> bool:
        return self.history.can_redo()

    def undo_label(self) -> str:
        return self.history.undo_label()

    def redo_label(self) -> str:
        return self.history.redo_label()

    def undo_depth(self) -> int:
        return self.history.depth()

    def undo(self) -> bool:
        return self.history.undo()

    def redo(self) -> bool:
        return self.history.redo()

    def break_merge(self) -> None:
        """End the current merge run (e.g. when the selection changes)."""
        self.history.break_merge()

    # -- queries -----------------------------------------------------------------------------
    def cue_at(self, ms: int) -> int:
        """Index of the cue showing at ``ms`` (the later one where two overlap), or -1."""
        k = bisect.bisect_right(self.cues, ms, key=_start) - 1
        for j in (k, k - 1):
            if 0 <= j < len(self.cues) and self.cues[j].start <= ms < self.cues[j].end:
                return j
        return -1

    def index_of(self, cue: Cue) -> int:
        """Where this very cue object is now (-1: not in the document); fast, as cues are sorted."""
        k = bisect.bisect_left(self.cues, cue.start, key=_start)
        while k < len(self.cues) and self.cues[k].start == cue.start:
            if self.cues[k] is cue:
                return k
            k += 1
        return next((i for i, c in enumerate(self.cues) if c is cue), -1)

    def insertion_index(self, start_ms: int) -> int:
        """Where a cue starting at ``start_ms`` goes (after cues that start at the same time)."""
        return bisect.bisect_right(self.cues, start_ms, key=_start)

    # -- the one edit path -------------------------------------------------------------------
    def apply(self, edit: Edit) -> Edit:
        """Run ``edit`` (adding the moves that keep the cues in time order) and record it in the
        history, compacted into the previous step when both carry the same merge key."""
        if not edit.steps:
            return edit
        done: list[Step] = []
        try:
            for step in edit.steps:
                self._run_step(step)
                done.append(step)
        except UsageError:
            for step in reversed(done):  # leave the document as it was
                self._run_step(step.inverted())
            raise
        edit.steps = done + self._keep_order(done)
        self.history.push(edit)
        return edit

    def _run_step(self, step: Step) -> None:
        if isinstance(step, Replace):
            end = step.index + len(step.old)
            if not (0 <= step.index <= len(self.cues)) or tuple(self.cues[step.index:end]) != step.old:
                raise UsageError(Reason("internal.edit_mismatch"))
            self.cues[step.index:end] = step.new
            change = Change(step.index, len(step.old), len(step.new))
        elif isinstance(step, Move):
            cue = self.cues.pop(step.src)
            self.cues.insert(step.dst, cue)
            change = Change(step.src, kind="move", to=step.dst)
        else:
            if getattr(self, step.name) != step.old:
                raise UsageError(Reason("internal.edit_mismatch"))
            setattr(self, step.name, step.new)
            change = Change(kind="prop", name=step.name)
        self.revision += 1
        for listener in list(self._listeners):
            listener(change)

    def _keep_order(self, steps: Sequence[Step]) -> list[Step]:
        """Run and return the moves that put the cues back in time order after ``steps``."""
        moves: list[Step] = []
        while (step := next_order_move(self.cues, steps)) is not None:
            self._run_step(step)
            moves.append(step)
            if len(moves) > 2 * len(self.cues) + 2:  # pragma: no cover - a bug, not a user error
                raise UsageError(Reason("internal.order"))
        return moves

    # -- edit builders (each applies its Edit and returns it) ---------------------------------
    def _replace(self, label: str, index: int, count: int, new: Sequence[Cue],
                 merge_key: Optional[str] = None) -> Edit:
        if not (0 <= index <= len(self.cues)) or index + count > len(self.cues):
            raise UsageError(Reason("edit.no_cue_at", n=index + 1))
        return self.apply(Edit(label, [Replace(index, tuple(self.cues[index:index + count]), tuple(new))],
                               merge_key))

    def set_prop(self, name: str, value: Any, label: str, merge_key: Optional[str] = None) -> Edit:
        """Change a document property (profile, styles, media_path, language, tracks) undoably."""
        if name not in PROPS:
            raise UsageError(Reason("internal.not_property", name=name))
        old = getattr(self, name)
        if old == value:
            return Edit(label, [])
        return self.apply(Edit(label, [SetProp(name, old, value)], merge_key))

    def set_profile(self, name: str) -> Edit:
        return self.set_prop("profile", name, Reason("undo.profile"))

    def set_style(self, name: str, style: dict[str, Any]) -> Edit:
        return self.set_prop("styles", {**self.styles, name: dict(style)}, Reason("undo.style"))

    def set_media(self, path: Optional[str]) -> Edit:
        return self.set_prop("media_path", path, Reason("undo.attach_media"))

    def add_track(self, name: str) -> Edit:
        if name in self.tracks:
            raise UsageError(Reason("track.exists", name=name))
        return self.set_prop("tracks", self.tracks + (name,), Reason("undo.add_track"))

    def set_track_text(self, i: int, name: str, text: str, *, merge_key: Optional[str] = None) -> Edit:
        if name not in self.tracks:
            raise UsageError(Reason("track.missing", name=name))
        return self._replace(Reason("undo.edit_translation"), i, 1, [self.cues[i].with_track(name, text)], merge_key)

    def set_times(self, i: int, start: int, end: int, *, label: str = Reason("undo.change_timing"),
                  merge_key: Optional[str] = None) -> Edit:
        start, end = int(start), int(end)
        if start < 0 or end < start:
            raise UsageError(Reason("edit.bad_times"))
        return self._replace(label, i, 1, [replace(self.cues[i], start=start, end=end)], merge_key)

    def set_text(self, i: int, text: str, *, merge_key: Optional[str] = None) -> Edit:
        return self._replace(Reason("undo.edit_text"), i, 1, [replace(self.cues[i], text=text)], merge_key)

    def set_flag(self, i: int, flag: str) -> Edit:
        label = Reason("undo.flag" if flag else "undo.clear_flag")
        return self._replace(label, i, 1, [replace(self.cues[i], flag=flag)])

    def insert(self, i: int, cue: Cue) -> Edit:
        """Insert ``cue`` (at ``i`` if that keeps time order, else where its start puts it)."""
        return self._replace(Reason("undo.insert"), i, 0, [cue])

    def delete(self, indices: Iterable[int]) -> Edit:
        steps: list[Step] = [Replace(i, (self.cues[i],), ()) for i in sorted(set(indices), reverse=True)]
        return self.apply(Edit(Reason("undo.delete"), steps))

    def split(self, i: int, at_ms: int, text_pos: Optional[int] = None, resume_ms: Optional[int] = None) -> Edit:
        """Split cue i at ``at_ms`` (the second part starts at ``resume_ms`` when given: after the
        pause between the two); the text at ``text_pos`` (default: the word boundary nearest to
        the time's proportion)."""
        cue = self.cues[i]
        resume = at_ms if resume_ms is None else resume_ms
        if not cue.start < at_ms <= resume < cue.end:
            raise UsageError(Reason("edit.split_outside"))
        text = cue.text
        if text_pos is None:
            text_pos = _nearest_break(text, round(len(text) * (at_ms - cue.start) / max(1, cue.duration)))
        a, b = text[:text_pos].strip(), text[text_pos:].strip()
        return self._replace(Reason("undo.split"), i, 1,
                             [replace(cue, end=at_ms, text=a), replace(cue, start=resume, text=b)])

    def merge_next(self, i: int, rebreak: Optional[Callable[[str], str]] = None) -> Edit:
        """Merge cue i with the next; ``rebreak`` lays the joined text out in lines (default: one
        line)."""
        if i + 1 >= len(self.cues):
            raise UsageError(Reason("edit.no_next"))
        return self._replace(Reason("undo.merge"), i, 2, [merge_run(self.cues[i:i + 2], rebreak)])

    def shift(self, indices: Iterable[int], offset_ms: int, *, merge_key: Optional[str] = None) -> Edit:
        steps: list[Step] = []
        for i in sorted(set(indices)):
            c = self.cues[i]
            start = max(0, c.start + offset_ms)
            if start != c.start:
                steps.append(Replace(i, (c,), (replace(c, start=start, end=start + c.duration),)))
        return self.apply(Edit(Reason("undo.shift"), steps, merge_key))

    def replace_cues(self, cues: Sequence[Cue], label: str = Reason("undo.replace_cues"), index: int = 0,
                     count: Optional[int] = None) -> Edit:
        """Swap cues[index:index+count] (default all) for ``cues`` as one undo step."""
        count = len(self.cues) - index if count is None else count
        return self._replace(label, index, count, list(cues))

    def load_span(self, cues: Sequence[Cue], start_ms: int, end_ms: int) -> None:
        """Put ``cues`` in place of the cues that start in [start_ms, end_ms) *without* an undo
        step: results arriving while a file is still being transcribed are the document's starting
        point, not the user's edits. Undo history that only reaches cues before the span stays
        usable; history reaching into or past it is dropped (its indices would no longer match).
        Whether the document counts as changed is left as it was."""
        a = bisect.bisect_left(self.cues, start_ms, key=_start)
        b = bisect.bisect_left(self.cues, end_ms, key=_start)
        old = tuple(self.cues[a:b])
        new = tuple(sorted(cues, key=_start))
        if old == new:
            return
        was_clean = not self.dirty
        kept = self._saved_cues  # the saved state gets the span too: it is the starting point
        ka, kb = bisect.bisect_left(kept, start_ms, key=_start), bisect.bisect_left(kept, end_ms, key=_start)
        self._saved_cues = tuple(sorted(kept[:ka] + new + kept[kb:], key=_start))
        if self.history.reach() > a:
            self.history.clear()
        self._run_step(Replace(a, old, new))
        if self._keep_order([]):  # the new cues overlap neighbours' starts: order kept, no history
            self.history.clear()
        if was_clean:
            self.mark_saved()
        else:
            self.history.notify()


def _start(c: Cue) -> int:
    return c.start


def merge_run(run: Sequence[Cue], rebreak: Optional[Callable[[str], str]] = None) -> Cue:
    """One cue spanning ``run``: texts joined (then laid out by ``rebreak``), first flag kept,
    extra tracks joined per track."""
    text = ""
    for c in run:
        text = join_texts((text, c.text))
    names = list(dict.fromkeys(n for c in run for n, _ in c.extra))
    extra = []
    for name in names:
        t = ""
        for c in run:
            t = join_texts((t, c.track(name)))
        extra.append((name, rebreak(t) if rebreak else t))
    return Cue(min(c.start for c in run), max(c.end for c in run), rebreak(text) if rebreak else text,
               next((c.flag for c in run if c.flag), ""), tuple(extra))


def _nearest_break(text: str, pos: int) -> int:
    pos = max(0, min(len(text), pos))
    if any(is_cjk_char(c) for c in text):
        return pos
    spaces = [k for k, c in enumerate(text) if c in " \n"]
    return min(spaces, key=lambda k: abs(k - pos)) if spaces else pos


# -- keeping order and compacting (pure functions over a cue list) ------------------------------
def _ordered(cues: Sequence[Cue], lo: int, hi: int) -> bool:
    return all(cues[k].start <= cues[k + 1].start for k in range(lo, hi))


def next_order_move(cues: Sequence[Cue], steps: Sequence[Step]) -> Optional[Move]:
    """The next move that brings ``cues`` closer to time order after ``steps`` ran (None: in
    order). The cues the steps wrote are the ones that move, the others stay (like Gaupol's
    ``_move_if_needed``), so a moved cue keeps its row selection in the views."""
    n = len(cues)
    one = steps[0] if len(steps) == 1 and isinstance(steps[0], Replace) else None
    if one is not None and _ordered(cues, max(0, one.index - 1), min(n - 1, one.index + len(one.new))):
        return None  # the common case (one cue written, still in order): looked only around it
    k = next((k for k in range(n - 1) if cues[k].start > cues[k + 1].start), -1)
    if k < 0:
        return None
    written = {id(c) for s in steps if isinstance(s, Replace) for c in s.new}
    if id(cues[k]) in written and id(cues[k + 1]) not in written:
        dst = k  # cue k moves later: after every cue that starts no later
        while dst + 1 < n and cues[dst + 1].start <= cues[k].start:
            dst += 1
        return Move(k, dst)
    # cues[:k+1] are in order: cue k+1 goes back among them
    return Move(k + 1, bisect.bisect_right(cues, cues[k + 1].start, 0, k + 1, key=_start))


def compact(cues: Sequence[Cue], steps: list[Step]) -> list[Step]:
    """The net effect of ``steps`` (already run, giving ``cues``): at most one SetProp per property
    and one Replace covering the cues that differ between before and after."""
    props: dict[str, SetProp] = {}
    cue_steps: list[Step] = []
    for s in steps:
        if isinstance(s, SetProp):
            first = props.get(s.name)
            props[s.name] = SetProp(s.name, first.old if first else s.old, s.new)
        else:
            cue_steps.append(s)
    out: list[Step] = [p for p in props.values() if p.old != p.new]
    if len(cue_steps) <= 1:
        return out + cue_steps
    before = list(cues)
    for s in reversed(cue_steps):  # replay backwards on a copy: the cues before the run
        inv = s.inverted()
        if isinstance(inv, Replace):
            before[inv.index:inv.index + len(inv.old)] = inv.new
        elif isinstance(inv, Move):
            before.insert(inv.dst, before.pop(inv.src))
    lo, n = 0, min(len(before), len(cues))
    while lo < n and before[lo] is cues[lo]:
        lo += 1
    hi = 0
    while hi < n - lo and before[len(before) - 1 - hi] is cues[len(cues) - 1 - hi]:
        hi += 1
    old, new = tuple(before[lo:len(before) - hi]), tuple(cues[lo:len(cues) - hi])
    if old != new:
        out.append(Replace(lo, old, new))
    return out
