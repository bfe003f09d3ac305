"""Python's cyclic GC in the GUI thread only, while the app lives.

Why it is still needed: the GC runs in whichever thread allocates. The app's Python-owned QObjects
sit in reference cycles (connected lambdas, controllers); when a finished app (tests make many) is
collected on a worker thread, its C++ tree is deleted there — ``~QThreadPool`` then waits for its
own job threads while holding the GIL they need (a deadlock seen as a job that never finishes), and
widgets would be deleted off the GUI thread. So automatic GC is switched off while an app lives and
run here instead, on a timer in the GUI thread, with the same generation thresholds. The local fix
(breaking those cycles, pools that outlive their owner) is not done yet.
"""

from __future__ import annotations

import gc
from typing import Optional

from PySide6.QtCore import QObject, QTimer


class GuiThreadGc(QObject):
    """Python's cyclic GC runs in whichever thread happens to allocate. If it frees a cycle that
    holds Qt objects (a closed dialog and its connected lambdas) on a worker thread, Qt deletes
    widgets off the GUI thread and the process crashes. So automatic GC is switched off while
    the window lives and done here instead, on a timer in the GUI thread, with the same
    generation thresholds."""

    _instance: Optional["GuiThreadGc"] = None
    _users = 0

    def __init__(self, interval_ms: int = 300) -> None:
        super().__init__()
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 > t0:
            gc.collect(2 if c2 > t2 and c1 > t1 else 1 if c1 > t1 else 0)

    @classmethod
    def acquire(cls) -> None:
        if cls._instance is None:
            cls._instance = cls()
            gc.disable()
            cls._instance.timer.start()
        cls._users += 1

    @classmethod
    def release(cls) -> None:
        cls._users = max(0, cls._users - 1)
        if cls._users == 0 and cls._instance is not None:
            cls._instance.timer.stop()
            cls._instance = None
            gc.collect()  # here, in the GUI thread
            gc.enable()


