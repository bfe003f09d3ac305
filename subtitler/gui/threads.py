"""Worker threads that are never destroyed while they run.

Qt aborts the whole process when a QThread object is destroyed while its thread still runs
("QThread: Destroyed while thread is still running", then SIGABRT). That happened to editor
workers: a window closed or dropped while its speech detection was still running (a stop waits
only so long) was deleted with its children, or collected by Python's GC, and the runner with it —
the "Fatal Python error: Aborted" seen now and then in the GUI tests. A :class:`SafeThread` has no
Qt parent (a parent's deletion cannot take it along) and is referenced from ``start()`` until its
thread has finished, whatever happens to its owner; then it is let go in the GUI thread."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QThread


class SafeThread(QThread):
    """A QThread kept alive while it runs. ``parent`` is accepted for the callers' sake and not
    used as the Qt parent: owners keep a Python reference instead."""

    _running: ClassVar[set[SafeThread]] = set()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(None)
        self.finished.connect(self._release)

    def start(self, *args: Any) -> None:
        SafeThread._running.add(self)
        super().start(*args)

    def _release(self) -> None:
        self.wait()  # (finished is emitted just before the thread ends: let it end)
        SafeThread._running.discard(self)

    @classmethod
    def running(cls) -> int:
        """How many started threads have not finished (tests)."""
        return len(cls._running)
