"""Every GUI test starts with the English catalogs installed (source text, with English plural forms:
"1 file", "3 files"), whatever the machine's locale; tests of the Chinese UI switch and switch back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from subtitler.gui import i18n


@pytest.fixture(autouse=True)
def english_ui(qapp):
    names = [Path(t.filePath()).name for t in i18n.installed]
    if names[:1] != ["subtitler_en.qm"]:
        i18n.install_translators(qapp, QLocale("en_US"))
    return
