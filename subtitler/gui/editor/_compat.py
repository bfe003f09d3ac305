"""Work around a PySide6 6.12 binding bug on Python < 3.12: every call of a Qt method that returns
nothing (``painter.setPen(...)``, ``widget.update()``, ``label.setText(...)``) hands back ``None``
without taking a reference, so ``None``'s reference count falls by one per call and after a few
thousand calls CPython aborts with "none_dealloc: deallocating None". Python 3.12+ made ``None``
immortal, which hides the bug there.

``guard_none_refcount()`` detects the leak and, only if present, raises ``None``'s reference count
far out of reach (2**40 calls) — the effect of 3.12's immortality. Idempotent; a no-op on 3.12+
and when ``subtitler.gui`` (imported first, as the editor's parent package) has already pinned
``None``/``True``/``False`` the same way; kept as a fallback for the editor on its own.
"""

from __future__ import annotations

import ctypes
import sys

_done = False


def leaks_none() -> bool:
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        obj.setObjectName("x")
    return sys.getrefcount(None) < before - 8


def guard_none_refcount() -> bool:
    """True when the guard was applied (the bug is present)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    _done = True
    if sys.getrefcount(None) > 1 << 39:  # subtitler.gui already pinned the singletons (the usual case)
        return False
    if not leaks_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return True
