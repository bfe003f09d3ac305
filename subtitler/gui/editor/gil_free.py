"""QMediaPlayer's controls called with the GIL released.

The FFmpeg media backend's threads connect to and disconnect from the player while holding Qt's
signal-slot mutex, and may need the GIL inside it (an override lookup on a Python-made object, a
Python slot). A control called the ordinary way (``player.stop()``) holds the GIL while it waits for
that mutex: both wait forever (a frozen editor; seen within 3-10 plays and stops of a Python-made
player). Called through ctypes, whose foreign calls release the GIL, the GUI thread waits for the
mutex without it; a Python slot the call emits to takes the GIL itself.

The controls are found in the QtMultimedia library this process loaded, by their C++ symbol:
Itanium-mangled on Linux and macOS, MSVC-mangled on Windows (x64: one calling convention, ``this``
first). A mangled name encodes the signature, so a symbol that resolves has the argument types
given here; where none resolves, :func:`gil_free_available` is False and :func:`control` makes
the ordinary call (the player is then made only by QML, see ``player.make_player``)."""

from __future__ import annotations

import ctypes
import logging
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QUrl

log = logging.getLogger(__name__)

# control -> (Itanium symbol, MSVC symbol, argument types after `this`)
_SYMBOLS: dict[str, tuple[str, str, tuple[Any, ...]]] = {
    "play": ("_ZN12QMediaPlayer4playEv", "?play@QMediaPlayer@@QEAAXXZ", ()),
    "pause": ("_ZN12QMediaPlayer5pauseEv", "?pause@QMediaPlayer@@QEAAXXZ", ()),
    "stop": ("_ZN12QMediaPlayer4stopEv", "?stop@QMediaPlayer@@QEAAXXZ", ()),
    "setPosition": ("_ZN12QMediaPlayer11setPositionEx", "?setPosition@QMediaPlayer@@QEAAX_J@Z",
                    (ctypes.c_longlong,)),
    "setSource": ("_ZN12QMediaPlayer9setSourceERK4QUrl", "?setSource@QMediaPlayer@@QEAAXAEBVQUrl@@@Z",
                  (ctypes.c_void_p,)),
    "setPlaybackRate": ("_ZN12QMediaPlayer15setPlaybackRateEd", "?setPlaybackRate@QMediaPlayer@@QEAAXN@Z",
                        (ctypes.c_double,)),
}


def _library_candidates() -> list[str]:
    from PySide6 import QtMultimedia

    here = Path(QtMultimedia.__file__).parent
    if sys.platform == "win32":
        return [str(here / "Qt6Multimedia.dll")]
    found = [line.split()[-1] for line in _mapped_files()
             if "Qt6Multimedia.so" in line or line.endswith("QtMultimedia.framework/Versions/A/QtMultimedia")]
    lib = here / "Qt" / "lib"
    found += [str(p) for p in sorted(lib.glob("libQt6Multimedia.so*"))]
    found.append(str(lib / "QtMultimedia.framework" / "QtMultimedia"))
    return found


def _mapped_files() -> list[str]:
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            return [line.strip() for line in f if "/" in line]
    except OSError:
        return []


@lru_cache(maxsize=1)
def _functions() -> Optional[dict[str, Callable[..., None]]]:
    """Each control's foreign function, or None where the library or a symbol cannot be found."""
    try:
        candidates = _library_candidates()
    except ImportError:
        return None
    windows = sys.platform == "win32"
    for path in candidates:
        try:
            lib = ctypes.CDLL(path)
            table = {}
            for name, (itanium, msvc, args) in _SYMBOLS.items():
                fn = getattr(lib, msvc if windows else itanium)
                fn.argtypes = (ctypes.c_void_p, *args)
                fn.restype = None
                table[name] = fn
        except (OSError, AttributeError):
            continue
        return table
    log.warning("player: QtMultimedia's controls cannot be called without the GIL")
    return None


def gil_free_available() -> bool:
    """Whether the player's controls can be called with the GIL released."""
    return _functions() is not None


def control(player: Any, name: str, *args: Any) -> None:
    """``player.<name>(*args)`` (a QMediaPlayer control of :data:`_SYMBOLS`) with the GIL released
    for the C++ call; the ordinary call where that is not available."""
    table = _functions()
    if table is None:
        getattr(player, name)(*args)
        return
    import shiboken6

    keep = None
    if name == "setSource":
        keep = QUrl(args[0])  # alive until the call returns
        args = (shiboken6.getCppPointer(keep)[0],)
    table[name](shiboken6.getCppPointer(player)[0], *args)
    del keep
