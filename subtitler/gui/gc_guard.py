"""Python's cyclic garbage collector, run in the GUI thread only.

Left to itself, the GC runs in whatever thread happens to allocate when a generation fills up: a
job's, a model warm-up's, an editor's speech detection. Windows and dialogs whose Python sides form
cycles are then freed there, and deleting a widget (or a QThread, or starting a timer) off the GUI
thread crashes the process: "QBasicTimer::start: Timers cannot be started from another thread",
a resize event on a half-freed view, a segfault or an abort inside the GC. The cure PyQt and
PySide applications use: automatic collection off, and the same generational policy run by a
timer in the GUI thread (:class:`GuiThreadGC`)."""

from __future__ import annotations

import gc
from typing import Optional

from PySide6.QtCore import QObject, QTimer


class GuiThreadGC(QObject):
    """While installed, the cyclic GC runs only here, from a GUI-thread timer, with the thresholds
    Python would use; :meth:`uninstall` gives collection back to Python."""

    def __init__(self, parent: Optional[QObject] = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the oldest generation whose count is over its threshold (as Python would);
        returns the generation collected, or -1 when none was due."""
        thresholds, counts = gc.get_threshold(), gc.get_count()
        generation = -1
        for g in range(3):
            if counts[g] > thresholds[g]:
                generation = g
        if generation >= 0:
            gc.collect(generation)
        return generation

    def uninstall(self) -> None:
        self.timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
