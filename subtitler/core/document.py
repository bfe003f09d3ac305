"""The subtitle document: cues with integer-ms times, and the one undoable edit path.

Every change is an :class:`Edit` made of :class:`Replace` steps (swap a run of cues for another),
so every edit is trivially invertible and undo/redo restores the document exactly. Listeners get
a :class:`Change` per step, enough for views to update just the affected rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Optional, Sequence

from .errors import UsageError


@dataclass(frozen=True)
class Cue:
    start: int  # ms
    end: int  # ms
    text: str  # lines separated by "\n"
    flag: str = ""  # non-empty: needs review, with the reason

    @property
    def duration(self) -> int:
        return self.end - self.start

    def plain(self) -> str:
        return self.text.replace("\n", " ")


@dataclass(frozen=True)
class Replace:
    index: int
    old: tuple[Cue, ...]
    new: tuple[Cue, ...]

    def inverted(self) -> "Replace":
        return Replace(self.index, self.new, self.old)


@dataclass
class Edit:
    label: str
    steps: list[Replace]
    merge_key: Optional[str] = None  # consecutive edits with the same key merge into one undo step

    def inverted(self) -> "Edit":
        return Edit(self.label, [s.inverted() for s in reversed(self.steps)])


@dataclass(frozen=True)
class Change:
    index: int
    removed: int
    inserted: int


Listener = Callable[[Change], None]


@dataclass
class Document:
    cues: list[Cue] = field(default_factory=list)
    media_path: Optional[str] = None
    language: str = ""
    profile: str = ""
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self._listeners: list[Listener] = []
        self.revision = 0  # bumps on every change (autosave, dirty tracking)
        self.saved_revision = 0

    # -- observation -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def mark_saved(self) -> None:
        self.saved_revision = self.revision

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    # -- the one edit path -------------------------------------------------------------------
    def apply(self, edit: Edit) -> None:
        if not edit.steps:
            return
        self._run(edit)
        self._redo.clear()
        last = self._undo[-1] if self._undo else None
        if last is not None and edit.merge_key and last.merge_key == edit.merge_key:
            last.steps.extend(edit.steps)
        else:
            self._undo.append(edit)

    def undo(self) -> bool:
        if not self._undo:
            return False
        edit = self._undo.pop()
        self._run(edit.inverted())
        self._redo.append(edit)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        edit = self._redo.pop()
        self._run(edit)
        self._undo.append(edit)
        return True

    def break_merge(self) -> None:
        """End the current merge run (e.g. when selection changes)."""
        if self._undo:
            self._undo[-1].merge_key = None

    def _run(self, edit: Edit) -> None:
        for step in edit.steps:
            end = step.index + len(step.old)
            if tuple(self.cues[step.index:end]) != step.old:
                raise UsageError("internal: edit does not match the document")
            self.cues[step.index:end] = step.new
            self.revision += 1
            change = Change(step.index, len(step.old), len(step.new))
            for listener in list(self._listeners):
                listener(change)

    # -- edit builders (each returns the Edit after applying it) ------------------------------
    def _replace(self, label: str, index: int, count: int, new: Sequence[Cue], merge_key=None) -> Edit:
        if not (0 <= index <= len(self.cues)) or index + count > len(self.cues):
            raise UsageError(f"no cue at position {index + 1}.")
        edit = Edit(label, [Replace(index, tuple(self.cues[index:index + count]), tuple(new))], merge_key)
        self.apply(edit)
        return edit

    def set_times(self, i: int, start: int, end: int, *, label="Change timing", merge_key=None) -> Edit:
        start, end = int(start), int(end)
        if start < 0 or end < start:
            raise UsageError("a cue must start at or after 0 and end after it starts.")
        return self._replace(label, i, 1, [replace(self.cues[i], start=start, end=end)], merge_key)

    def set_text(self, i: int, text: str) -> Edit:
        return self._replace("Edit text", i, 1, [replace(self.cues[i], text=text)])

    def set_flag(self, i: int, flag: str) -> Edit:
        return self._replace("Flag" if flag else "Clear flag", i, 1, [replace(self.cues[i], flag=flag)])

    def insert(self, i: int, cue: Cue) -> Edit:
        return self._replace("Insert cue", i, 0, [cue])

    def delete(self, indices: Iterable[int]) -> Edit:
        steps = [Replace(i, (self.cues[i],), ()) for i in sorted(set(indices), reverse=True)]
        edit = Edit("Delete cues", steps)
        self.apply(edit)
        return edit

    def split(self, i: int, at_ms: int, text_pos: Optional[int] = None) -> Edit:
        """Split cue i at ``at_ms``; the text at ``text_pos`` (default: the word boundary nearest to
        the time's proportion)."""
        cue = self.cues[i]
        if not cue.start < at_ms < cue.end:
            raise UsageError("the split point must lie inside the cue.")
        text = cue.text
        if text_pos is None:
            text_pos = _nearest_break(text, round(len(text) * (at_ms - cue.start) / max(1, cue.duration)))
        a, b = text[:text_pos].strip(), text[text_pos:].strip()
        return self._replace("Split cue", i, 1, [replace(cue, end=at_ms, text=a), replace(cue, start=at_ms, text=b)])

    def merge_next(self, i: int) -> Edit:
        if i + 1 >= len(self.cues):
            raise UsageError("there is no next cue to merge with.")
        a, b = self.cues[i], self.cues[i + 1]
        sep = "" if _is_cjk(a.text[-1:]) and _is_cjk(b.text[:1]) else " "
        merged = Cue(min(a.start, b.start), max(a.end, b.end), (a.plain() + sep + b.plain()).strip(),
                     a.flag or b.flag)
        return self._replace("Merge cues", i, 2, [merged])

    def shift(self, indices: Iterable[int], offset_ms: int, *, merge_key=None) -> Edit:
        steps = []
        for i in sorted(set(indices)):
            c = self.cues[i]
            start = max(0, c.start + offset_ms)
            steps.append(Replace(i, (c,), (replace(c, start=start, end=start + c.duration),)))
        edit = Edit("Shift times", steps, merge_key)
        self.apply(edit)
        return edit

    def replace_cues(self, cues: Sequence[Cue], label: str = "Replace cues", index: int = 0,
                     count: Optional[int] = None) -> Edit:
        """Swap cues[index:index+count] (default all) for ``cues`` as one undo step."""
        count = len(self.cues) - index if count is None else count
        return self._replace(label, index, count, list(cues))


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")


def _nearest_break(text: str, pos: int) -> int:
    pos = max(0, min(len(text), pos))
    if any(_is_cjk(c) for c in text):
        return pos
    spaces = [k for k, c in enumerate(text) if c in " \n"]
    return min(spaces, key=lambda k: abs(k - pos)) if spaces else pos
