"""The cue, and the invertible steps an edit of the document is made of (replace a run of cues,
move one, set a property), grouped into an :class:`Edit` with its label: what the document runs
and its history records."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Any, Optional, Union


@dataclass(frozen=True)
class Cue:
    start: int  # ms
    end: int  # ms
    text: str  # lines separated by "\n"
    flag: str = ""  # non-empty: needs review, with the reason
    extra: tuple[tuple[str, str], ...] = ()  # (track name, text) of the document's extra tracks

    @property
    def duration(self) -> int:
        return self.end - self.start

    def plain(self) -> str:
        return self.text.replace("\n", " ")

    def track(self, name: str) -> str:
        """This cue's text in the extra track ``name`` ("" when it has none)."""
        return next((t for n, t in self.extra if n == name), "")

    def with_track(self, name: str, text: str) -> "Cue":
        rest = tuple((n, t) for n, t in self.extra if n != name)
        return replace(self, extra=rest + ((name, text),) if text else rest)


@dataclass(frozen=True)
class Replace:
    index: int
    old: tuple[Cue, ...]
    new: tuple[Cue, ...]

    def inverted(self) -> "Replace":
        return Replace(self.index, self.new, self.old)

    def reach(self) -> int:  # one past the highest cue index the step touches
        return self.index + max(len(self.old), len(self.new))


@dataclass(frozen=True)
class Move:
    """Move the cue at ``src`` so that it ends up at ``dst`` (both indices in the list as it is
    before / after the move)."""

    src: int
    dst: int

    def inverted(self) -> "Move":
        return Move(self.dst, self.src)

    def reach(self) -> int:
        return max(self.src, self.dst) + 1


@dataclass(frozen=True)
class SetProp:
    name: str
    old: Any
    new: Any

    def inverted(self) -> "SetProp":
        return SetProp(self.name, self.new, self.old)

    def reach(self) -> int:
        return 0


Step = Union[Replace, Move, SetProp]
_edit_ids = itertools.count(1)


@dataclass
class Edit:
    label: str
    steps: list[Step]
    merge_key: Optional[str] = None  # consecutive edits with the same key compact into one undo step
    id: int = field(default_factory=lambda: next(_edit_ids))  # identifies the document state after it

    def inverted(self) -> "Edit":
        return Edit(self.label, [s.inverted() for s in reversed(self.steps)])
