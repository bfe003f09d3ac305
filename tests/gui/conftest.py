"""Every GUI test starts with the English catalogs installed (source text, with English plural forms:
"1 file", "3 files"), whatever the machine's locale; tests of the Chinese UI switch and switch back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from subtitler.gui import i18n
from subtitler.gui.gc_guard import GuiThreadGC

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
def gc_in_the_gui_thread(qapp):
    """Each GUI test runs as the app does (``gui.gc_guard.GuiThreadGC``): Python's cyclic GC only in
    the GUI thread. Tests make windows Qt does not delete (no WA_DeleteOnClose, dropped by the test)
    whose Python sides form cycles; left to the automatic GC, they are freed on whatever thread it
    next runs in — an editor's speech detection, a job, the local-model warm-up — where deleting a
    widget is not allowed: "QBasicTimer::start: Timers cannot be started from another thread", a
    resize event on a half-freed FrameView, aborts and segfaults inside the GC (found with
    tools/stress_tests.sh). After the test (and pytest-qt's closing of its widgets) its garbage is
    collected here, in the GUI thread, and automatic collection is given back for the tests that
    follow."""
    collector = GuiThreadGC(qapp)
    try:
        yield
        pump_deletes()
    finally:
        collector.uninstall()
        collector.deleteLater()
