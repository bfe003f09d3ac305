"""The undo/redo history of a :class:`~subtitler.core.document.model.Document`.

It records the :class:`~subtitler.core.document.cues.Edit` s the document has already run, and knows
nothing of cues: the document lends it a ``run`` function (run one step) and a ``compact``
function (the net effect of steps already run). What it owns:

- two stacks, undo and redo; a new edit clears the redo stack;
- *compaction*: an edit whose ``merge_key`` equals the one on top of the undo stack (a drag,
  repeated nudges, a typing burst) joins it as one step holding just old → new;
- a bound: at most ``limit`` undo steps, the oldest dropped first;
- the saved point: each edit's ``id`` names the document state after it, the history knows the
  state it is at and the one last saved, so ``dirty`` needs no bookkeeping by callers — undoing
  back to the saved point is clean again, even after the bound has dropped older steps;
- going back to the saved point (a discard) through the stacks, when they still reach it;
- history watchers, told after every change to the stacks or the saved point.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from .cues import Edit, Step

MAX_UNDO = 1000
_fresh_states = itertools.count(-1, -1)  # states no edit names (edit ids count up from 1)


class History:
    def __init__(self, run: Callable[[Step], None], compact: Callable[[list[Step]], list[Step]],
                 limit: int = MAX_UNDO) -> None:
        self._run = run
        self._compact = compact
        self.limit = limit
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self._base = 0  # the state below the oldest undo step (a fresh document: 0)
        self._saved: Optional[int] = 0  # the state at the last save (None: never matches)
        self._watchers: list[Callable[[], None]] = []

    # -- queries ---------------------------------------------------------------------------------
    @property
    def last(self) -> Optional[Edit]:
        """The edit on top of the undo stack (None: nothing to undo)."""
        return self._undo[-1] if self._undo else None

    @property
    def state(self) -> int:
        """Names the document's state now: equal states, equal documents."""
        return self._undo[-1].id if self._undo else self._base

    @property
    def dirty(self) -> bool:
        return self.state != self._saved

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def depth(self) -> int:
        return len(self._undo)

    def reach(self) -> int:
        """One past the highest cue index any undo or redo step touches."""
        return max((s.reach() for e in self._undo + self._redo for s in e.steps), default=0)

    # -- changes ---------------------------------------------------------------------------------
    def push(self, edit: Edit) -> None:
        """Record ``edit``, already run on the document: compacted into the last step when both
        carry the same merge key, else a new step (dropping the oldest beyond the bound)."""
        self._redo.clear()
        last = self.last
        if last is not None and edit.merge_key and last.merge_key == edit.merge_key:
            last.steps = self._compact(last.steps + edit.steps)
            last.label = edit.label
            last.id = edit.id  # a new state: saved-at-the-previous-step no longer matches
            if not last.steps:  # the run changed nothing in the end
                self._undo.pop()
        else:
            self._undo.append(edit)
            if len(self._undo) > self.limit:
                dropped = self._undo[: len(self._undo) - self.limit]
                del self._undo[: len(dropped)]
                self._base = dropped[-1].id  # undoing everything left lands here, not at the start
        self.notify()

    def undo(self) -> bool:
        done = self._undo_one()
        if done:
            self.notify()
        return done

    def redo(self) -> bool:
        done = self._redo_one()
        if done:
            self.notify()
        return done

    def _undo_one(self) -> bool:
        if not self._undo:
            return False
        edit = self._undo.pop()
        for step in reversed(edit.steps):
            self._run(step.inverted())
        self._redo.append(edit)
        return True

    def _redo_one(self) -> bool:
        if not self._redo:
            return False
        edit = self._redo.pop()
        for step in edit.steps:
            self._run(step)
        self._undo.append(edit)
        return True

    def break_merge(self) -> None:
        """End the current merge run: the next edit is a step of its own, whatever its key."""
        if self._undo:
            self._undo[-1].merge_key = None

    def clear(self) -> None:
        """Forget every step (the document changed under them). The state becomes a fresh one, so
        a document that was dirty stays dirty; callers that know it is clean call :meth:`mark_saved`."""
        self._undo.clear()
        self._redo.clear()
        self._base = next(_fresh_states)

    def mark_saved(self) -> None:
        self._saved = self.state
        self.notify()

    def to_saved(self) -> bool:
        """Walk the stacks back (undo) or forward (redo) to the saved state, then drop the redo
        steps left (work that was discarded). False, with nothing changed, when the saved state
        is out of reach: never saved, beyond the bound, or cleared by a load."""
        undo_states = [self._base] + [e.id for e in self._undo]
        redo_states = [e.id for e in reversed(self._redo)]
        if self._saved is None or self._saved not in undo_states + redo_states:
            return False
        while self.state != self._saved:
            if not (self._undo_one() if self._saved in undo_states else self._redo_one()):
                return False  # pragma: no cover - the state was found on the way
        self._redo.clear()
        self.notify()
        return True

    def mark_unsaved(self) -> None:
        """Dirty until the next save, whatever is undone (a recovered or never-saved document)."""
        self._saved = None
        self.notify()

    # -- watchers --------------------------------------------------------------------------------
    def watch(self, watcher: Callable[[], None]) -> Callable[[], None]:
        """``watcher()`` runs after every change to the stacks or the saved point; returns the
        function that stops it."""
        self._watchers.append(watcher)
        return lambda: self._watchers.remove(watcher) if watcher in self._watchers else None

    def notify(self) -> None:
        for watcher in list(self._watchers):
            watcher()
