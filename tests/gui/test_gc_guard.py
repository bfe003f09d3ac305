"""Qt objects are freed in the GUI thread, and worker threads are never destroyed while they run
(``gui/gc_guard.py``, ``gui/threads.py``): the causes of the rare aborts and segfaults in the GUI
tests, found by running them in a loop (tools/stress_tests.sh)."""

from __future__ import annotations

import gc
import threading
import weakref

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from subtitler.gui.editor.workers import run_in_thread
from subtitler.gui.gc_guard import GuiThreadGC
from subtitler.gui.threads import SafeThread


class _Cycle:
    freed_in: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_in.append(threading.current_thread().name)


def test_cyclic_garbage_made_anywhere_is_freed_in_the_gui_thread(qapp):
    assert not gc.isenabled()  # (the GUI tests' fixture runs every test this way, as the app does)
    guard = GuiThreadGC(qapp, interval_ms=50)
    try:
        _Cycle.freed_in.clear()
        _Cycle()  # cyclic garbage, made in the GUI thread

        def churn() -> None:  # a worker allocating a lot: with automatic GC it would collect here
            junk = [[i] for i in range(200_000)]
            del junk

        t = threading.Thread(target=churn, name="worker")
        t.start()
        t.join()
        assert _Cycle.freed_in == []  # not freed on the worker
        deadline = 100
        while not _Cycle.freed_in and deadline:
            QApplication.processEvents()
            guard.check()
            deadline -= 1
        gc.collect()  # (what the timer does once a generation is due)
        assert _Cycle.freed_in == [threading.main_thread().name]
    finally:
        guard.uninstall()
    assert not gc.isenabled()  # the fixture's own guard is still installed


def test_a_worker_outlives_its_deleted_owner_and_is_let_go_when_it_ends(qtbot):
    """Before: the runner was a Qt child of its owner; deleting the owner (a window closed while
    its speech detection ran) destroyed the running QThread and Qt aborted the process."""
    owner = QWidget()
    release, started = threading.Event(), threading.Event()
    results: list[object] = []

    def work(_cancel) -> str:
        started.set()
        release.wait(30)
        return "done"

    runner = run_in_thread(work, results.append, results.append, owner)
    ref = weakref.ref(runner)
    assert runner.parent() is None and SafeThread.running() >= 1
    assert started.wait(10)
    shiboken6.delete(owner)  # the owner goes while its worker runs
    del runner
    gc.collect()
    assert ref() is not None and ref().isRunning()  # kept alive while it runs
    release.set()
    qtbot.waitUntil(lambda: ref() is None or not ref().isRunning(), timeout=10_000)
    qtbot.waitUntil(lambda: SafeThread.running() == 0, timeout=10_000)
    assert results == ["done"]  # its result still arrived (the callbacks are the runner's own)
