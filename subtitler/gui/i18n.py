"""Translations: the app's own catalog ``subtitler_<locale>.qm`` (package data, ``subtitler/resources/i18n``)
and Qt's catalogs for its standard dialogs and buttons (``qtbase``, ``qtmultimedia``) from PySide6's
translations folder.

Qt's catalogs are loaded only when the app's own catalog for the language is: an English UI stays
English throughout instead of mixing in translated standard buttons. With no catalog nothing happens.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import resources

log = logging.getLogger(__name__)

APP_CATALOG = "subtitler"
QT_CATALOGS = ("qtbase", "qtmultimedia")
installed: list[QTranslator] = []  # what the last install_translators() call installed


def qt_translations_dir() -> Path:
    """Where PySide6 keeps Qt's own ``.qm`` catalogs (inside the wheel, or the bundle)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translators(app: Optional[QCoreApplication] = None, locale: Optional[QLocale] = None,
                        catalog_dir: Optional[Path] = None) -> list[QTranslator]:
    """Load and install the catalogs for ``locale`` (default: the system's UI languages), replacing
    those an earlier call installed. Returns the installed translators (their ``filePath()`` says
    what was loaded); empty when the app has no catalog for the language."""
    app = app or QCoreApplication.instance()
    if app is None:
        return []
    for earlier in installed:  # a second call switches language: the last call's catalogs go first
        app.removeTranslator(earlier)
    installed.clear()
    locale = locale or QLocale.system()
    folder = Path(catalog_dir) if catalog_dir is not None else resources.i18n_dir()
    own = QTranslator(app)
    if not own.load(locale, APP_CATALOG, "_", str(folder), ".qm"):
        log.debug("no %s catalog for %s in %s", APP_CATALOG, locale.uiLanguages(), folder)
        return []
    loaded = [own]
    # Qt's catalog for the language the app's own catalog was found for
    language = QLocale(own.language()) if own.language() else locale
    for name in QT_CATALOGS:
        qt = QTranslator(app)
        if qt.load(language, name, "_", str(qt_translations_dir()), ".qm"):
            loaded.append(qt)
    for translator in loaded:
        app.installTranslator(translator)
    installed[:] = loaded
    log.info("translations: %s", ", ".join(Path(t.filePath()).name for t in loaded))
    return loaded
