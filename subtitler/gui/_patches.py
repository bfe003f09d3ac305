"""The one place for binding workarounds (imported by ``subtitler.gui`` before any Qt call).

**PySide6 6.12.0 on CPython < 3.12** drops a reference to ``None`` (some paths ``True``/``False``)
on every Qt call that returns nothing (``label.setText(...)``): 100,000 calls abort the
interpreter with "Fatal Python error: none_dealloc". pyproject.toml excludes that release on
Python < 3.12 (6.11.3 does not leak: ``tests/test_pyside_leak.py``); for an environment that has it
anyway, :func:`pin_singletons` detects the leak and, only then, makes the singletons practically
immortal (adds 2**40 to their counts), as CPython 3.12 does natively. Nothing happens on 3.12+,
on other builds, or where the binding does not leak.
"""

from __future__ import annotations

import ctypes
import sys

BOOST = 1 << 40
_SINGLETONS = (None, True, False, Ellipsis, NotImplemented)


def leaks_none(calls: int = 16) -> bool:
    """True when a void Qt call loses a reference to ``None`` (the 6.12.0 bug)."""
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        obj.setObjectName("x")
    return sys.getrefcount(None) < before - calls // 2


def pin_singletons() -> bool:
    """Apply the workaround when needed; True when it was applied (now or before)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False
    if sys.getrefcount(None) > BOOST // 2:
        return True  # already done
    if not leaks_none():
        return False
    for obj in _SINGLETONS:
        before = sys.getrefcount(obj)
        cell = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        if abs(cell.value - before) > 16:
            return False  # not the layout we expect: touch nothing
        cell.value += BOOST
    return True
