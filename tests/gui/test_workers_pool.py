"""The job queue's shared thread pools (gui/workers.py): each queue waits only for its own work on
shutdown, and an exception escaping a task is reported, not lost in its future."""

from __future__ import annotations

import sys
import threading
import time

from subtitler.gui import workers
from subtitler.gui.queue_model import JobModel
from subtitler.gui.workers import JobQueue


def _no_options(job):
    raise AssertionError("no job is started here")


def test_shutdown_waits_for_its_own_tasks_only(qapp):
    a, b = JobQueue(JobModel(), _no_options), JobQueue(JobModel(), _no_options)
    release, started, finished = threading.Event(), threading.Event(), threading.Event()

    def slow() -> None:
        started.set()
        release.wait(30)
        finished.set()

    a.run_in_background(slow)
    assert started.wait(10)
    try:
        t0 = time.monotonic()
        assert b.shutdown(wait_ms=5000)  # nothing of b's runs: back at once, though a's task runs on
        assert time.monotonic() - t0 < 1.0 and not finished.is_set()
        threading.Timer(0.3, release.set).start()
        assert a.shutdown(wait_ms=10_000)
        assert finished.is_set()  # a waited for its task
    finally:
        release.set()


def test_an_exception_escaping_a_task_reaches_the_excepthook(qapp, monkeypatch):
    seen: list[BaseException] = []
    got = threading.Event()

    def hook(etype, exc, tb) -> None:
        seen.append(exc)
        got.set()

    monkeypatch.setattr(sys, "excepthook", hook)
    q = JobQueue(JobModel(), _no_options)

    def boom() -> None:
        raise ValueError("escaped")

    q._submit(workers._PROBES, q._probes, boom)
    assert got.wait(10)
    assert isinstance(seen[0], ValueError) and str(seen[0]) == "escaped"
    assert q.shutdown(wait_ms=5000)
