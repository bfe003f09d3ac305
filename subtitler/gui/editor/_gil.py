"""Call a few QtMultimedia methods with the GIL released.

PySide6 keeps the GIL held across most C++ calls. ``QMediaPlayer.stop()`` / ``setSource()`` make
the FFmpeg backend tear down objects on its worker thread; their destructors notify the
Python-created player, which needs the GIL to look for Python overrides, while our thread waits
on the Qt mutex that the worker holds: a deadlock (seen as a frozen editor on close). Calling the
same C++ methods through ctypes releases the GIL for their duration. Linux only (mangled names);
elsewhere, or if anything is missing, callers fall back to the normal PySide6 call.
"""

from __future__ import annotations

import ctypes
import sys
from functools import lru_cache
from pathlib import Path
from typing import Optional

STOP = "_ZN12QMediaPlayer4stopEv"
SET_SOURCE = "_ZN12QMediaPlayer9setSourceERK4QUrl"


@lru_cache(maxsize=1)
def _multimedia() -> Optional[ctypes.CDLL]:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import PySide6

        lib = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Multimedia.so.6"
        return ctypes.CDLL(str(lib)) if lib.is_file() else None
    except OSError:
        return None


def call_released(symbol: str, *objects) -> bool:
    """Call the C++ function ``symbol`` with the C++ pointers of ``objects`` as arguments, GIL
    released. False (nothing called) when that is not possible here."""
    lib = _multimedia()
    if lib is None:
        return False
    try:
        import shiboken6

        fn = getattr(lib, symbol)
        pointers = [ctypes.c_void_p(shiboken6.getCppPointer(o)[0]) for o in objects]
    except (AttributeError, TypeError, ValueError, ImportError):
        return False
    fn.argtypes = [ctypes.c_void_p] * len(pointers)
    fn.restype = None
    fn(*pointers)
    return True
