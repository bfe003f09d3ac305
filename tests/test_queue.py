"""The queue's model in the core (no Qt): states, progress and ETA, price, live cues, the rules."""

from __future__ import annotations

from pathlib import Path

from subtitler.core.document.cues import Cue
from subtitler.core.foundation.progress import Progress
from subtitler.core.app.queue import Job, JobList, Status


def test_a_job_from_probe_to_done():
    job = Job(Path("/media/lecture 1.mp4"), engine="glm")
    assert job.status == Status.PROBING and job.price_text() == "…"
    job.probed(30 * 60_000, 1)
    assert job.status == Status.QUEUED and job.price_text() == "≈ ¥1.80"
    token = job.start("glm", now=100.0)
    assert job.status == Status.RUNNING and not token.cancelled
    job.apply_progress(Progress("transcribe", 0.5, "", 4, 8), now=110.0)
    assert job.step == "Transcribing piece 5 of 8"
    assert 0.59 < job.fraction < 0.61 and 6 < job.eta_s < 7.5  # 10 s for 60 %: ~6.7 s to go
    job.apply_progress(Progress("extract", 0.1), now=111.0)
    assert job.fraction > 0.59  # never backwards
    job.add_cues([Cue(5000, 6000, "second")])
    job.add_cues([Cue(1000, 2000, "first")])  # pieces may finish out of order
    assert [c.text for c in job.cues] == ["first", "second"]
    assert job.live_text().splitlines() == ["0:01.0  first", "0:05.0  second"]
    assert "2 cues so far" in job.status_text()
    job.stopped(now=130.0)
    assert job.finish(object()) and job.status == Status.DONE and job.elapsed_s == 30.0


def test_cancel_retry_and_no_audio():
    waiting, running = Job(Path("a.wav")), Job(Path("b.wav"))
    running.probed(1000, 1)
    token = running.start("local")
    assert waiting.cancel() and waiting.status == Status.CANCELLED
    assert running.cancel() and running.status == Status.CANCELLING and token.cancelled
    assert not running.finish(object()) and running.status == Status.CANCELLED  # a late result is dropped
    assert not running.cancel()  # nothing left to cancel
    mute = Job(Path("silent.mp4"))
    mute.probed(5000, 0)
    assert mute.status == Status.FAILED and "no audio track" in mute.error


def test_the_list_rules():
    book = JobList()
    jobs = book.new_jobs([Path("a.wav"), Path("b.wav"), Path("a.wav")], "local")
    assert [j.name for j in jobs] == ["a.wav", "b.wav"]  # no duplicates
    book.extend(jobs)
    assert book.new_jobs([Path("a.wav")], "local") == []  # already waiting
    for j in jobs:
        j.probed(60_000, 1)
    assert book.to_start(0, 1) == [jobs[0]] and book.to_start(1, 1) == []
    book.move_row(1, 0)
    assert book.jobs() == [jobs[1], jobs[0]] and book.row_of(jobs[0]) == 1
    assert book.summary() == "2 files · 2 queued"
    jobs[0].engine = "glm"
    assert "cloud cost of queued files ≈ ¥0.06" in book.summary()
    assert book.is_busy(0) and not JobList().is_busy(0)
