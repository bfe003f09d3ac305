"""Smoke tests of an installed subtitler (a wheel in a fresh venv, or the PyInstaller bundle), run
the way a user runs it: the ``subtitler`` executable in a subprocess, from a folder outside the
source tree, with its own empty user folders. Shared by tests/test_packaging.py and tests/test_bundle.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pysubs2

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "lecture-demo.mp4"
DEMO_TRUTH = ROOT / "tests" / "fixtures" / "speech_en.json"  # the demo carries this speech
ZH_CATALOG = ROOT / "subtitler" / "resources" / "i18n" / "subtitler_zh_CN.qm"
EN_CATALOG = ZH_CATALOG.with_name("subtitler_en.qm")  # English plural forms


def clean_env(home: Path, path: str, **extra: str) -> dict[str, str]:
    """A minimal environment: no PYTHONPATH/PYTHONHOME/VIRTUAL_ENV, user folders under ``home``,
    the given PATH, offscreen Qt, no keyring, no API key."""
    env = {
        "HOME": str(home), "PATH": path, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
        "SUBTITLER_NO_KEYRING": "1", "TMPDIR": os.environ.get("TMPDIR", "/tmp"),
    }
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        env[var] = str(home / var.lower())
    env.update(extra)
    return env


@dataclass
class Run:
    proc: subprocess.CompletedProcess
    seconds: float


def run(cmd: list[str], env: dict, cwd: Path, timeout: float = 300) -> Run:
    t0 = time.monotonic()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)
    return Run(proc, time.monotonic() - t0)


def check_version(exe: list[str], env: dict, cwd: Path, version: str) -> float:
    """``subtitler --version`` prints the version; returns the seconds it took."""
    r = run([*exe, "--version"], env, cwd, timeout=60)
    assert r.proc.returncode == 0, r.proc.stderr
    assert r.proc.stdout.strip() == f"subtitler {version}"
    return r.seconds


def check_transcribe_demo(exe: list[str], env: dict, work: Path) -> float:
    """README's first command, offline with the default tiny.en pack: SRT and ASS whose text is the
    demo's known speech. Returns the seconds it took."""
    out = work / "subs"
    r = run([*exe, "transcribe", str(DEMO), "-o", str(out), "--format", "srt,ass", "--engine", "local"],
            env, work, timeout=600)
    assert r.proc.returncode == 0, r.proc.stdout + r.proc.stderr
    assert re.search(r"\b1 of 1 files? done", r.proc.stderr), r.proc.stderr[-2000:]
    srt, ass = out / "lecture-demo.srt", out / "lecture-demo.ass"
    assert srt.is_file() and ass.is_file()
    subs = pysubs2.load(str(srt))
    truth = json.loads(DEMO_TRUTH.read_text("utf-8"))
    assert len(subs) >= len(truth["utterances"]) // 2
    said = " ".join(e.plaintext for e in subs).lower()
    for word in ("lecture", "signal", "sampling", "fourier"):
        assert word in said, (word, said)
    first = truth["utterances"][0]
    assert abs(subs[0].start - first["start_ms"]) < 1500  # timed against the truth, not our own detector
    return r.seconds


def check_gui(exe: list[str], env: dict, work: Path, expect_package_in: Optional[Path] = None,
              expect_zh: Optional[bool] = None, files: tuple[Path, ...] = ()) -> dict:
    """Start the window offscreen with ``SUBTITLER_SELFTEST`` (``subtitler/gui/selftest.py``): it
    reports once the first window is shown and quits. Returns the report plus ``startup_s`` (process
    start to first window shown, by the wall clock)."""
    report_path = work / "selftest.json"
    report_path.unlink(missing_ok=True)
    env = dict(env, SUBTITLER_SELFTEST=str(report_path))
    t0 = time.time()
    r = run([*exe, *map(str, files)], env, work, timeout=180)
    assert report_path.is_file(), f"no self-test report (exit {r.proc.returncode}):\n{r.proc.stderr[-3000:]}"
    report = json.loads(report_path.read_text("utf-8"))
    assert r.proc.returncode == 0 and report["ok"], (report["checks"], r.proc.stderr[-3000:])
    assert report["platform"] == "offscreen"
    shipped = sorted(p.stem for p in (ROOT / "subtitler" / "resources" / "icons").glob("*.svg"))
    assert sorted(report["icons"]) == shipped and all(report["icons"].values())
    if expect_package_in is not None:  # the installed copy runs, not the source tree
        assert Path(report["package"]).is_relative_to(expect_package_in), report["package"]
    assert set(report["versions"]) >= {"subtitler", "PySide6", "faster-whisper", "ffmpeg"}
    assert "not" not in report["versions"]["faster-whisper"] and "not" not in report["versions"]["ffmpeg"]
    names = [Path(t).name for t in report["translators"]]
    if expect_zh:  # the Chinese catalog and Qt's own for the standard dialogs
        assert names[:2] == ["subtitler_zh_CN.qm", "qtbase_zh_CN.qm"], names
    elif expect_zh is False:  # English: no Chinese catalog, no Qt catalog; the English plurals catalog if shipped
        assert not [n for n in names if "zh" in n or n.startswith("qt")], names
        if EN_CATALOG.is_file():
            assert "subtitler_en.qm" in names, names
    report["startup_s"] = report["shown_at"] - t0
    return report
