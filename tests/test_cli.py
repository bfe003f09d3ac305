"""The CLI contract, through a real subprocess, with good and bad inputs in one batch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pysubs2
import pytest

from subtitler.core.media.ffmpeg import write_wav

from .conftest import ROOT, ffmpeg_exe

pytestmark = pytest.mark.slow


def run_cli(*args: str, cwd: Path | None = None, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ZHIPUAI_API_KEY"}
    env["PYTHONPATH"] = str(ROOT)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "subtitler", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


@pytest.fixture(scope="module")
def batch(tmp_path_factory, media_dir):
    """One batch: two good files (one with spaces and non-ASCII in its name) and every bad input."""
    d = tmp_path_factory.mktemp("batch")
    course = d / "course 课程"
    course.mkdir()
    shutil.copy(media_dir / "lecture 02 é.mkv", course / "lecture 02 é.mkv")
    shutil.copy(media_dir / "talk.mp4", d / "talk.mp4")
    (d / "empty.mp4").write_bytes(b"")
    (d / "notes.mp4").write_text("not a video\n" * 100)
    (d / "cut.mp4").write_bytes((media_dir / "talk.mp4").read_bytes()[:4000])
    subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "color=c=blue:s=64x64:d=2",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", str(d / "mute.mp4")], check=True)
    write_wav(d / "silence.wav", np.zeros(16000 * 4, dtype=np.int16))
    out = d / "subs"
    inputs = ["talk.mp4", "course 课程", "missing.mp4", "empty.mp4", "notes.mp4", "cut.mp4", "mute.mp4",
              "silence.wav"]
    proc = run_cli("transcribe", *inputs, "-o", str(out), "--format", "srt,ass,vtt,txt", "--engine", "local", cwd=d)
    return d, out, proc


def test_good_files_complete_and_bad_ones_are_named(batch):
    d, out, proc = batch
    assert proc.returncode == 1, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem}.{ext}" for stem in ("talk", "lecture 02 é") for ext in ("srt", "ass", "vtt", "txt"))
    err = proc.stderr
    assert "Traceback" not in err
    failed = [ln for ln in err.splitlines() if ln.startswith("FAILED")]
    assert len(failed) == 6
    expect = {"missing.mp4": "not found", "empty.mp4": "empty", "notes.mp4": "not a media file",
              "cut.mp4": "", "mute.mp4": "no audio", "silence.wav": "no speech"}
    for name, words in expect.items():
        line = next(ln for ln in failed if name in ln)
        assert words in line, line
    assert "6 failed" in err and "2 of 8 files done" in err


def test_outputs_are_real_subtitles(batch):
    _, out, _ = batch
    subs = pysubs2.load(str(out / "talk.srt"))
    assert len(subs) >= 8
    assert "fourier" in " ".join(e.plaintext.lower() for e in subs)
    assert pysubs2.load(str(out / "lecture 02 é.ass")).styles["Default"].fontsize >= 54
    assert (out / "talk.vtt").read_text("utf-8").startswith("WEBVTT")


def test_existing_outputs_are_kept_unless_overwrite(batch):
    d, out, _ = batch
    srt = out / "talk.srt"
    srt.write_text("hand-edited", "utf-8")
    proc = run_cli("transcribe", "talk.mp4", "-o", str(out), "--engine", "local", cwd=d)
    assert proc.returncode == 1 and "--overwrite" in proc.stderr
    assert srt.read_text("utf-8") == "hand-edited"
    proc = run_cli("transcribe", "talk.mp4", "-o", str(out), "--engine", "local", "--overwrite", cwd=d)
    assert proc.returncode == 0, proc.stderr
    assert srt.read_text("utf-8") != "hand-edited"


def test_default_output_is_next_to_input_and_folder_expansion(tmp_path, media_dir):
    shutil.copy(media_dir / "podcast.mp3", tmp_path / "ep1.mp3")
    proc = run_cli("transcribe", str(tmp_path), "--engine", "local")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "ep1.srt").is_file()
    assert "using the local engine" in proc.stderr


def test_unwritable_output_folder(tmp_path, media_dir):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    proc = run_cli("transcribe", str(media_dir / "voice.wav"), "-o", str(blocker / "subs"), "--engine", "local")
    assert proc.returncode == 1 and "cannot write" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("transcribe", "x.mp4", "--format", "docx").returncode == 2
    assert run_cli("transcribe", "x.mp4", "--engine", "bogus").returncode == 2
    assert run_cli("transcribe").returncode == 2


def test_no_display_explains_the_command_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-m", "subtitler"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2 and "subtitler transcribe" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("argv", [["--version"], ["transcribe", "--help"]])
def test_version_and_help_load_no_heavy_library(argv):
    """`subtitler --version` and `subtitler transcribe --help` answer without importing an engine,
    numpy, httpx, pysubs2 or asyncio (the CLI imports the work where it is used)."""
    code = ("import sys\nfrom subtitler.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "heavy = sorted(m for m in ('numpy', 'httpx', 'pysubs2', 'asyncio', 'faster_whisper', 'PySide6') "
            "if m in sys.modules)\nprint('HEAVY', heavy, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr, proc.stderr
    assert ("subtitler" in proc.stdout) and ("--burn-in-quality" in proc.stdout or argv == ["--version"])
