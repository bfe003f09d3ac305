"""PySide6 6.12.0 on CPython < 3.12 loses a reference to None on every void Qt call. pyproject.toml
excludes that release there; where it is installed anyway, subtitler.gui's one patch module keeps
the process alive. 100,000 QLabel.setText calls in a child process decide, either way."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOOP = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
{setup}
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(100_000):
    label.setText("x")
print("delta", sys.getrefcount(None) - before)
"""


def _requirements() -> list[Requirement]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    return [Requirement(d) for d in deps if d.lower().startswith("pyside6")]


def _run(setup: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LOOP.format(setup=setup)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


def test_the_leaking_release_is_excluded_below_312():
    for py, allowed in (("3.11", False), ("3.12", True)):
        env = {"python_version": py}
        reqs = [r for r in _requirements() if r.name == "PySide6-Essentials" and r.marker.evaluate(env)]
        assert len(reqs) == 1
        assert reqs[0].specifier.contains("6.12.0") is allowed
        assert reqs[0].specifier.contains("6.11.3")


def test_100k_void_qt_calls_keep_the_interpreter_alive():
    from importlib.metadata import version

    installed = version("PySide6-Essentials")
    env = {"python_version": f"{sys.version_info.major}.{sys.version_info.minor}"}
    ok = all(r.specifier.contains(installed) for r in _requirements()
             if r.name == "PySide6-Essentials" and r.marker.evaluate(env))
    if ok:  # a release we allow: it does not leak at all
        proc = _run("")
        assert proc.returncode == 0, proc.stderr[-500:]
        assert abs(int(proc.stdout.split()[-1])) < 100, proc.stdout
    else:  # the excluded release is installed anyway: our one patch keeps the process alive
        bare = _run("")
        assert bare.returncode != 0 and "none_dealloc" in bare.stderr  # the bug is real here
        patched = _run("import subtitler.gui")
        assert patched.returncode == 0, patched.stderr[-500:]
