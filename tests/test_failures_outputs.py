"""Issue 10, classes 3 and 6 (and the output cases of 9): nothing lost, nothing overwritten.
Same-named lectures in different folders, name collisions found before any work, file modes
kept, exclusive creation, folders without media reported. The CLI runs as a subprocess against
the stand-in GLM-ASR server on 127.0.0.1."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from subtitler.core.foundation import outputs
from subtitler.core.foundation.errors import OutputExistsError, UsageError
from tests.test_failures_cloud import KEY, WAV, assert_clean, cli, env_with, failed_lines, serve  # noqa: F401


def lecture(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(WAV.read_bytes())
    return path


def test_same_named_lectures_keep_their_folders_under_the_output_dir(serve, tmp_path):
    srv = serve()
    course = tmp_path / "course"
    lecture(course / "week1" / "intro.wav")
    lecture(course / "week2" / "intro.wav")
    lecture(course / "outline.wav")
    subs = tmp_path / "subs"
    r = cli(str(course), "-o", str(subs), "--overwrite", "--format", "srt,vtt", "--glm-base-url", srv.base_url,
            env=env_with(tmp_path))
    assert r.returncode == 0, r.stderr
    got = sorted(p.relative_to(subs).as_posix() for p in subs.rglob("*") if p.is_file())
    assert got == ["outline.srt", "outline.vtt", "week1/intro.srt", "week1/intro.vtt",
                   "week2/intro.srt", "week2/intro.vtt"]
    assert r.stderr.rstrip().splitlines()[-1] == "subtitler: 3 of 3 files done"
    assert_clean(r)


def test_a_remaining_collision_stops_the_batch_before_any_work(serve, tmp_path):
    srv = serve()
    a = lecture(tmp_path / "a" / "intro.wav")
    b = lecture(tmp_path / "b" / "intro.wav")
    out = tmp_path / "subs"
    r = cli(str(a), str(b), "-o", str(out), "--overwrite", "--glm-base-url", srv.base_url, env=env_with(tmp_path))
    assert r.returncode == 2, r.stderr
    assert "would write the same output file" in r.stderr and f"from both {a} and {b}" in r.stderr
    assert srv.counters.requests == 0 and not out.exists()  # nothing transcribed, nothing written
    assert_clean(r)
    # {lang} does not separate two files of unknown language: still refused
    r = cli(str(a), str(b), "-o", str(out), "--name-pattern", "{stem}.{lang}.{ext}", "--glm-base-url",
            srv.base_url, env=env_with(tmp_path))
    assert r.returncode == 2 and srv.counters.requests == 0


def test_a_folder_without_media_is_reported_not_dropped(serve, tmp_path):
    srv = serve()
    lecture(tmp_path / "course" / "intro.wav")
    empty = tmp_path / "slides"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")
    r = cli(str(tmp_path / "course"), str(empty), "--glm-base-url", srv.base_url, env=env_with(tmp_path))
    assert r.returncode == 1, r.stderr
    assert failed_lines(r.stderr) == [f"FAILED {empty}: no media files in this folder."]
    assert r.stderr.rstrip().splitlines()[-1] == "subtitler: 1 of 1 file done, 1 folder without media"
    assert (tmp_path / "course" / "intro.srt").exists()


def test_new_files_honour_the_umask_and_overwrite_keeps_the_mode(serve, tmp_path):
    srv = serve()
    src = lecture(tmp_path / "in" / "talk.wav")
    out = tmp_path / "out"
    env = env_with(tmp_path)
    import subprocess
    import sys

    from tests.test_failures_cloud import ROOT

    def run(umask: int, *extra: str):
        return subprocess.run([sys.executable, "-m", "subtitler.cli", "transcribe", str(src), "-o", str(out),
                               "--glm-base-url", srv.base_url, *extra], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120, preexec_fn=lambda: os.umask(umask))

    r = run(0o022)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE((out / "talk.srt").stat().st_mode) == 0o644
    (out / "talk.srt").chmod(0o640)
    r = run(0o077, "--overwrite")
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE((out / "talk.srt").stat().st_mode) == 0o640  # kept, not turned into 0600
    r = run(0o027, "--format", "vtt")
    assert stat.S_IMODE((out / "talk.vtt").stat().st_mode) == 0o640
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_atomic_writes_keep_modes_for_projects_too(tmp_path):
    from subtitler.core.document import project as projects
    from subtitler.core.document.model import Document
    from subtitler.core.document.cues import Cue

    old = os.umask(0o022)
    try:
        p = projects.Project(Document([Cue(0, 1000, "a")]))
        path = projects.save_project(p, tmp_path / "talk")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o664)
        projects.save_project(p)
        assert stat.S_IMODE(path.stat().st_mode) == 0o664
        rec = projects.write_recovery(p)  # an autosave is private
        assert stat.S_IMODE(rec.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_two_writers_of_the_same_new_file_do_not_both_win(tmp_path):
    target = tmp_path / "talk.srt"
    results: dict[int, str] = {}
    start = threading.Barrier(8)

    def write(i: int) -> None:
        start.wait()
        try:
            outputs.atomic_write_text(target, f"writer {i}\n", overwrite=False)
            results[i] = "won"
        except OutputExistsError:
            results[i] = "refused"

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [i for i, r in results.items() if r == "won"]
    assert len(winners) == 1 and len(results) == 8
    assert target.read_text("utf-8") == f"writer {winners[0]}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talk.srt"]  # no temporary files left


def test_output_planning_rules():
    src = Path("/m/course/week1/intro.mp4")
    assert outputs.output_path(src, None, "srt") == Path("/m/course/week1/intro.srt")
    assert outputs.output_path(src, Path("/s"), "srt", root=Path("/m/course")) == Path("/s/week1/intro.srt")
    assert outputs.output_path(src, Path("/s"), "srt") == Path("/s/intro.srt")
    assert outputs.output_path(src, Path("/s"), "ass", "{stem}.{lang}.{ext}", "zh") == Path("/s/intro.zh.ass")
    with pytest.raises(UsageError, match="needs {ext}"):
        outputs.plan_batch([(src, None)], None, ["srt", "vtt"], "{stem}.txt")
    plans = [outputs.Planned(Path("/a/x.mp4"), None, (Path("/o/x.srt"),)),
             outputs.Planned(Path("/b/x.mkv"), None, (Path("/o/X.srt"),)),
             outputs.Planned(Path("/c/y.mp4"), None, (Path("/a/x.mp4"),))]
    problems = outputs.collisions(plans)
    assert len(problems) == 2 and "is an input file" in problems[1]


def test_full_disk_is_named_for_output_writes():
    import errno

    assert outputs._why(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
