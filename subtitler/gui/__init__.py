"""The desktop window (PySide6) over the Qt-free core: ``subtitler.gui.app.main``.

Importing this package applies one process-wide workaround (below) before any Qt call is made.
"""

from __future__ import annotations

import sys


def _pin_singletons() -> bool:
    """Work around a reference-count bug of PySide6 6.12 on CPython < 3.12.

    There, every call of a Qt method that returns nothing (``label.setText(...)``,
    ``action.setEnabled(...)``) drops one reference to ``None`` (some paths drop ``True``) that
    it never took. Since CPython 3.12 these objects are immortal and the bug is harmless; on
    3.11 their count runs down as the window works, and the interpreter aborts with
    "Fatal Python error: none_dealloc" (after a few minutes of use, or at exit). We make the
    singletons practically immortal, as 3.12 does, by adding 2**40 to their counts once.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if hasattr(sys, "gettotalrefcount"):  # debug build: a different object layout; leave it
        return False
    import ctypes

    boost = 1 << 40
    for obj in (None, True, False, Ellipsis, NotImplemented):
        before = sys.getrefcount(obj)
        if before > boost // 2:  # already done (re-import)
            continue
        cell = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        if abs(cell.value - before) > 16:
            return False  # not the layout we expect: touch nothing
        cell.value += boost
    return True


SINGLETONS_PINNED = _pin_singletons()
