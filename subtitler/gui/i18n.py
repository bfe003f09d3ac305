"""Translations: the app's own catalog ``subtitler_<locale>.qm`` (package data, ``subtitler/resources/i18n``)
and Qt's catalogs for its standard dialogs and buttons (``qtbase``, ``qtmultimedia``) from PySide6's
translations folder.

Qt's catalogs are loaded only when the app's own catalog for the language is: an English UI stays
English throughout instead of mixing in translated standard buttons. With no catalog nothing happens.
Strings Qt's catalogs lack (:data:`QT_GAPS`) are in the app's catalog under Qt's context.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import resources

log = logging.getLogger(__name__)

APP_CATALOG = "subtitler"
ENGLISH_CATALOG = f"{APP_CATALOG}_en"
UI_LOCALES = {"en": "en_US", "zh_CN": "zh_CN"}  # Settings.ui_language -> the locale its catalogs load for
QT_CATALOGS = ("qtbase", "qtmultimedia")
installed: list[QTranslator] = []  # what the last install_translators() call installed

# Qt's own strings its catalogs lack: Qt 6's file dialog says "&Look in:" and "Files of &type:"
# (with mnemonics) while qtbase_zh_CN.qm still has only "Look in:" and "Files of type:", so the
# dialog stayed English. The app's catalog, asked before Qt's, carries them (context QFileDialog).
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


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
    loaded: list[QTranslator] = []
    if own.load(locale, APP_CATALOG, "_", str(folder), ".qm"):
        loaded.append(own)
        # Qt's catalog for the language the app's own catalog was found for
        language = QLocale(own.language()) if own.language() else locale
        for name in QT_CATALOGS:
            qt = QTranslator(app)
            if qt.load(language, name, "_", str(qt_translations_dir()), ".qm"):
                loaded.append(qt)
    else:
        log.debug("no %s catalog for %s in %s", APP_CATALOG, locale.uiLanguages(), folder)
    # under everything: the English catalog, whose only work is plural forms ("1 file", "3 files")
    # for source text no catalog above translates (an English UI, or a language without a catalog)
    if not (loaded and Path(own.filePath()).stem == ENGLISH_CATALOG):
        english = QTranslator(app)
        if english.load(ENGLISH_CATALOG, str(folder)):
            loaded.append(english)
    if not loaded:
        return []
    for translator in reversed(loaded):  # the last installed is asked first
        app.installTranslator(translator)
    installed[:] = loaded
    log.info("translations: %s", ", ".join(Path(t.filePath()).name for t in loaded))
    return loaded


def ui_language() -> str:
    """``"zh"`` while a Chinese catalog of the app is installed, else ``"en"`` (for names of
    languages: :func:`subtitler.core.text.languages.language_name`)."""
    for translator in installed:
        if Path(translator.filePath()).name.startswith(f"{APP_CATALOG}_zh"):
            return "zh"
    return "en"


def locale_for(ui_language: str) -> QLocale:
    """The locale whose catalogs the Settings choice loads (``auto``: the system's)."""
    name = UI_LOCALES.get(ui_language or "auto")
    return QLocale(name) if name else QLocale.system()
