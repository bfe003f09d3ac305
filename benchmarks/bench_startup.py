"""`startup`: how long `subtitler --version` and `subtitler` (window to first shown) take, against
the bare tools on the same machine in the same run: `python -c pass` for the CLI, and a minimal
PySide6 script that shows an empty QMainWindow for the window. Both offscreen, with empty user
folders. Measured for this checkout (`python -m subtitler`) and, when it is there, the PyInstaller
bundle (`$SUBTITLER_BUNDLE_DIR`, default dist/subtitler) run with no Python on PATH."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("SUBTITLER_BENCH_RUNS", "5"))

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1200, 760); w.show()
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""


def _env(home: Path, path: str) -> dict:
    env = {"HOME": str(home), "PATH": path, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "SUBTITLER_NO_KEYRING": "1"}
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        env[var] = str(home / var.lower())
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env


def _wall(cmd: list[str], env: dict) -> float:
    t0 = time.time()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
    return time.time() - t0


def _to_window(cmd: list[str], env: dict, home: Path) -> float:
    """Seconds from starting the process to its first window shown (the self-test's time stamp)."""
    report = home / "selftest.json"
    report.unlink(missing_ok=True)
    t0 = time.time()
    subprocess.run(cmd, env=dict(env, SUBTITLER_SELFTEST=str(report)), check=True, capture_output=True,
                   timeout=300)
    return json.loads(report.read_text("utf-8"))["shown_at"] - t0


def _bare_window(env: dict) -> float:
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", BARE_WINDOW], env=env, check=True, capture_output=True,
                         text=True, timeout=300).stdout
    return float(out.split()[-1]) - t0


def _measure(label: str, exe: list[str], env: dict, home: Path, bare_env: dict) -> list[dict]:
    cli, bare_cli, gui, bare_gui = [], [], [], []
    for _ in range(RUNS):  # interleaved, so load on a shared machine hits both alike
        bare_cli.append(_wall([sys.executable, "-c", "pass"], bare_env))
        cli.append(_wall([*exe, "--version"], env))
        bare_gui.append(_bare_window(bare_env))
        gui.append(_to_window(exe, env, home))
    rows = []
    for what, ours, bare in (("cli --version", cli, bare_cli), ("window shown", gui, bare_gui)):
        m, b = statistics.median(ours), statistics.median(bare)
        rows.append({"target": label, "what": what, "seconds": round(m, 3), "bare_seconds": round(b, 3),
                     "extra_seconds": round(m - b, 3), "ratio": round(m / b, 2), "runs": RUNS})
    return rows


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="subtitler-startup-") as tmp:
        home = Path(tmp)
        bare_env = _env(home, os.environ.get("PATH", ""))
        rows = _measure("checkout", [sys.executable, "-m", "subtitler"], bare_env, home, bare_env)
        bundle = Path(os.environ.get("SUBTITLER_BUNDLE_DIR", ROOT / "dist" / "subtitler")) / "subtitler"
        if bundle.is_file():
            empty = home / "empty-bin"
            empty.mkdir()
            no_python = {k: v for k, v in _env(home, str(empty)).items() if k != "PYTHONPATH"}
            rows += _measure("bundle", [str(bundle)], no_python, home, bare_env)
        return rows
