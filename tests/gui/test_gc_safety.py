"""No live Qt object of the app's windows and dialogs is left for the cyclic GC (which may run on any
thread): every window and dialog is deleted by Qt in the GUI thread (WA_DeleteOnClose, parents), and
the GC only meets wrappers whose C++ side is gone. This test opens and closes every kind of window,
runs a real cloud job and opens it in the editor, then looks at what the cyclic GC would free.
(The app's own objects: ``SubtitlerApp.dispose``, tested in test_gc_stress.py.)"""

from __future__ import annotations

import gc
import time

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.gui.queue_model import Status

from .app_fixtures import glm_app_on_talk, make_app, pump_deletes, settings_file  # fixtures


@pytest.mark.automatic_gc
def test_closed_windows_leave_no_live_qt_object_to_the_gc(make_app, qtbot, tmp_path, monkeypatch):
    with glm_app_on_talk(make_app, tmp_path, monkeypatch, scale=0.05) as (app, src):
        gc.collect()
        was_enabled = gc.isenabled()
        assert was_enabled  # the app leaves Python's cyclic GC as it is
        gc.disable()  # from here, keep what would be cyclic garbage for inspection
        try:
            for _ in range(2):
                app.open_settings().reject()
                app.open_export().close()
                app.open_about().close()
                app.open_document(Document([Cue(0, 1000, "Hi.")]), None, "x").close()
                pump_deletes()
            [job] = app.add_paths([src])
            qtbot.waitUntil(lambda: job.status in (Status.DONE, Status.FAILED), timeout=60000)
            assert job.status == Status.DONE, job.detail
            win = app.open_job(job)
            qtbot.waitUntil(lambda: bool(win.waveform.speech_regions), timeout=30000)
            win.close()
            app.queue.remove([job])
            pump_deletes()
            win = job = None
            time.sleep(0.1)
            gc.set_debug(gc.DEBUG_SAVEALL)
            gc.collect()
            live = [o for o in gc.garbage if isinstance(o, QObject) and shiboken6.isValid(o)]
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            if was_enabled:
                gc.enable()
    assert live == [], [type(o).__name__ for o in live]
