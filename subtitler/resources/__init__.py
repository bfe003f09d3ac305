"""Files the app loads at run time, shipped inside the package (wheel, bundle, editable checkout):

- ``icons/*.svg``   line icons (``currentColor`` is tinted to the palette) and ``app.svg``
- ``i18n/*.qm``     compiled Qt catalogs ``subtitler_<locale>.qm`` (see ``i18n/README.md``)
- ``desktop/``      the Linux desktop entry template, MIME type and file icon

Qt-free: plain paths, so the core, the CLI and the GUI can all use them.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """``subtitler/resources/<parts>`` (it may not exist: callers check)."""
    return ROOT.joinpath(*parts)


def icons_dir() -> Path:
    return ROOT / "icons"


def i18n_dir() -> Path:
    return ROOT / "i18n"
