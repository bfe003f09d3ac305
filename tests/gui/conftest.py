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
def gc_in_the_gui_thread(qapp, request):
    """No cyclic GC while a GUI test runs; its garbage is collected after it, in the GUI thread,
    once pytest-qt has closed its widgets (their workers stopped by their own close).

    Tests drop windows Qt does not delete (no WA_DeleteOnClose) whose Python sides form cycles.
    Collected while the test runs — unclosed, their speech detection or shot detection still
    running — or on a worker thread (the automatic GC runs in whichever thread allocates), they
    crashed the process now and then: "QThread: Destroyed while thread is still running" (abort),
    "Timers cannot be started from another thread", resize events on half-freed views, segfaults
    inside the GC (found with tools/stress_tests.sh; with no collection during the test none
    happened). The app closes a window (stopping its workers) before it lets go of it. Tests
    marked ``automatic_gc`` (the ones that check the app survives Python's own GC on worker
    threads) keep the automatic GC."""
    automatic = bool(request.node.get_closest_marker("automatic_gc"))
    was_enabled = gc.isenabled()
    if not automatic:
        gc.disable()
    try:
        yield
        pump_deletes()
        gc.collect()
    finally:
        if was_enabled:
            gc.enable()
