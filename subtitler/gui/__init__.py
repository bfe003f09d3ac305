"""The desktop window (PySide6) over the Qt-free core: ``subtitler.gui.app.main``.

Importing this package applies the binding workarounds of :mod:`subtitler.gui._patches` (only
where the installed PySide6 needs them) before any Qt call is made.
"""

from __future__ import annotations

from ._patches import pin_singletons

SINGLETONS_PINNED = pin_singletons()
