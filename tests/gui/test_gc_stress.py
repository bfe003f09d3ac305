"""Apps and editors made and closed many times with Python's cyclic GC on as usual, and the GC also
forced onto a worker thread right after each app closes (where, left to itself, it runs whenever a
job or faster-whisper thread allocates): no hang, no crash, nothing of the app left alive.

What this guards (see ``SubtitlerApp.dispose``, ``gui/workers.py``, ``editor/player.make_player``):
a closed app's Qt objects freed by a GC on a worker thread (widgets deleted off the GUI thread;
``~QThreadPool`` waiting with the GIL held), and the QMediaPlayer / FFmpeg backend deadlock on
stop/setSource/play of Python-made multimedia objects. A hang is reported by a watchdog
(faulthandler dumps every thread's stack and ends the run) instead of blocking the suite."""

from __future__ import annotations

import faulthandler
import gc
import json
import shutil
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.engines import glm_settings
from subtitler.core.media.ffmpeg import load_wav
from subtitler.gui.app import SubtitlerApp, get_application
from subtitler.gui.queue_model import Status
from subtitler.gui.settings import AppSettings, KeyStore
from tests.support.glm_server import GlmServer

from .app_fixtures import settings_file  # noqa: F401 - fixture

FIX = Path(__file__).resolve().parent.parent / "fixtures"
BUDGET_S = 30  # the loop's own time; the watchdog allows for a slow machine on top
WATCHDOG_S = 150


def _pump() -> None:
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _collect_on_worker_thread(timeout_s: float = 30.0) -> list:
    """gc.collect() on a fresh Python thread, as a job thread would; what it found, as
    (type name, still valid) for every QObject among the garbage."""
    found: list = []

    def run() -> None:
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
            found.extend((type(o).__name__, shiboken6.isValid(o)) for o in gc.garbage if isinstance(o, QObject))
        finally:
            gc.set_debug(0)
            gc.garbage.clear()

    t = threading.Thread(target=run, name="gc-on-worker")
    t.start()
    t.join(timeout_s)
    assert not t.is_alive(), "gc.collect() on a worker thread did not finish"
    return found


def _live_qobjects() -> dict[int, str]:
    """Python-owned QObjects whose C++ object still exists: what a GC, freeing the wrapper,
    would delete in whatever thread it runs (C++-owned ones it leaves to their parents)."""
    return {id(o): type(o).__name__ for o in gc.get_objects()
            if isinstance(o, QObject) and shiboken6.isValid(o) and shiboken6.ownedByPython(o)}


@pytest.mark.automatic_gc
def test_apps_and_editors_closed_repeatedly_with_gc_on_worker_threads(qapp, qtbot, settings_file, tmp_path,
                                                                     monkeypatch, media_dir):
    assert gc.isenabled()  # the app no longer switches the cyclic GC off
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "glm"))
    meta = json.loads((FIX / "speech_en.json").read_text("utf-8"))
    src = tmp_path / "talk.wav"
    shutil.copyfile(FIX / "speech_en.wav", src)
    video = media_dir / "talk.mp4"
    get_application()
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True, file=sys.stderr)
    rounds = 0
    left_alive: list = []
    try:
        with GlmServer(scale=0.05) as srv:
            srv.register(load_wav(FIX / "speech_en.wav"), meta["utterances"])
            qs = QSettings(str(settings_file), QSettings.Format.IniFormat)
            s = AppSettings.load(qs)
            s.stream, s.base_url = False, srv.base_url
            s.save(qs)
            qs.sync()
            qs = None
            start = time.monotonic()
            while rounds < 3 or time.monotonic() - start < BUDGET_S:
                gc.collect()  # what earlier tests left is freed here: each round counts its own
                before = _live_qobjects()
                qs = QSettings(str(settings_file), QSettings.Format.IniFormat)  # the app adopts it
                store = KeyStore()
                store.set(srv.config.api_key)
                app = SubtitlerApp(qs, store, tmp_path / "logs", install_hooks=False)
                app.window.show()
                # a finished job, opened in the editor (peaks, speech map, player)
                [job] = app.add_paths([src])
                qtbot.waitUntil(lambda job=job: job.status in (Status.DONE, Status.FAILED), timeout=60_000)
                assert job.status == Status.DONE, job.detail
                win = app.open_job(job)
                # an editor with a video playing, closed while it plays
                doc = Document([Cue(0, 1500, "Hello.")], media_path=str(video))
                movie = app.open_document(doc, video, "movie")
                movie.player.play()
                qtbot.waitUntil(lambda movie=movie: movie.player.position() > 0, timeout=20_000)
                movie.close()
                win.close()
                # a job still running when the app closes
                [job2] = app.add_paths([src])
                qtbot.waitUntil(lambda job2=job2: job2.status == Status.RUNNING, timeout=30_000)
                live = app.open_job(job2)
                assert live is not None
                live.ask_save_on_close = lambda: "discard"  # its cues are unsaved: the user lets them go
                app.close()
                _pump()
                app = job = job2 = win = movie = live = doc = qs = None
                left_alive += [name for name, valid in _collect_on_worker_thread() if valid]  # (none owned by C++)
                left_alive += [name for key, name in _live_qobjects().items() if key not in before]
                rounds += 1
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert rounds >= 3
    assert left_alive == [], Counter(left_alive)


def _play_stop_unload(qtbot, paths: list[Path], check, rounds: int = 20) -> None:
    """``rounds`` times: a player made, ``check(player_widget)``, playing, rate and seek changed,
    stopped, unloaded and deleted, under a watchdog that dumps every stack on a hang."""
    from subtitler.gui.editor.player import PlayerWidget

    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True, file=sys.stderr)
    try:
        for k in range(rounds):
            w = PlayerWidget()
            qtbot.addWidget(w)
            w.show()
            w.load(str(paths[k % len(paths)]))
            check(w)
            w.play()
            qtbot.waitUntil(lambda w=w: w.position() > 0, timeout=20_000)
            w.set_rate(1.5)
            assert w.player.playbackRate() == 1.5
            w.seek(1000)
            w.shutdown()
            assert w.player.source().isEmpty()
            w.close()
            shiboken6.delete(w)
            _pump()
    finally:
        faulthandler.cancel_dump_traceback_later()


def test_players_playing_video_stopped_and_unloaded_many_times(qtbot, media_dir):
    """The editor's player, made, playing a video, stopped, unloaded and deleted 20 times. With a
    Python-made QMediaPlayer/QAudioOutput this hung about once in 20-30 rounds (the FFmpeg
    renderer threads needing the GIL for an override lookup while the GUI thread, holding it,
    waited in play()/stop() for their mutex); made by QML (C++) they need no GIL."""

    def made_by_qml(w) -> None:
        assert w.player is not None and not shiboken6.createdByPython(w.player)
        assert w.audio is not None and not shiboken6.createdByPython(w.audio)

    _play_stop_unload(qtbot, [media_dir / "lecture 02 é.mkv", media_dir / "talk.mp4"], made_by_qml)


def test_player_falls_back_to_python_made_objects_without_qml(qtbot, media_dir, monkeypatch):
    """Where the QML module is missing (a trimmed bundle), the player is made from Python; its
    controls are called with the GIL released (``gil_free.control``), so the FFmpeg backend's
    threads can take the GIL inside Qt's signal-slot mutex while the GUI thread waits for it: made,
    playing, stopped and unloaded 20 times (before, this hung within 3-10 rounds, for good)."""
    from subtitler.gui.editor.player import gil_free_available

    assert gil_free_available()
    monkeypatch.setitem(sys.modules, "PySide6.QtQml", None)  # import fails

    def made_by_python(w) -> None:
        assert w.player is not None and shiboken6.createdByPython(w.player) and w.audio is not None
        assert w.player.parent() is w

    _play_stop_unload(qtbot, [media_dir / "voice.wav", media_dir / "talk.mp4"], made_by_python)


def test_no_player_rather_than_one_that_can_freeze(qtbot, media_dir, monkeypatch):
    """Neither QML-made objects nor GIL-free controls (a platform whose library cannot be reached
    through ctypes): the app does not take the unsafe path; the frame says playback is off."""
    from subtitler.gui.editor import player as player_mod

    monkeypatch.setitem(sys.modules, "PySide6.QtQml", None)
    monkeypatch.setattr(player_mod, "gil_free_available", lambda: False)  # (as where no symbol resolves)
    w = player_mod.PlayerWidget()
    qtbot.addWidget(w)
    w.load(str(media_dir / "voice.wav"))
    assert w.player is None and not w.available
    assert "playback unavailable" in w.frame.caption.text()
    w.play()  # no player: the controls do nothing
    w.shutdown()
