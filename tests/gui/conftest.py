"""Every GUI test starts with the English catalogs installed (source text, with English plural forms:
"1 file", "3 files"), whatever the machine's locale; tests of the Chinese UI switch and switch back."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from subtitler.gui import i18n

from .app_fixtures import pump_deletes


@pytest.fixture(autouse=True)
def english_ui(qapp):
    names = [Path(t.filePath()).name for t in i18n.installed]
    if names[:1] != ["subtitler_en.qm"]:
        i18n.install_translators(qapp, QLocale("en_US"))
    return


@pytest.fixture
def isolated_dirs(tmp_path, monkeypatch):
    """The app's data and cache folders inside the test's own folder."""
    monkeypatch.setenv("SUBTITLER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def gc_in_the_gui_thread():
    """After each test (and pytest-qt's closing of its widgets), the test's garbage is collected
    here, in the GUI thread. Tests make windows Qt does not delete (no WA_DeleteOnClose, dropped
    by the test; before the leak fix their connections kept them alive for good) whose Python sides
    form cycles; left to the cyclic GC, they are freed on whatever thread it next runs in — a
    worker's, importing a module — where deleting a widget is not allowed. Seen once in a fresh CI
    run: a segfault inside the GC on the local-model warm-up thread of the next test's app."""
    yield
    pump_deletes()
    gc.collect()
