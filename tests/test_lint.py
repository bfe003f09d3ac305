"""The gates CI enforces through pytest: ruff (the rule set in pyproject.toml) on the code, tests
and benchmarks, and mypy on subtitler/ (strict on subtitler/core; the modules still listed as not
clean in pyproject.toml are skipped until they are)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env=env)


def test_ruff_is_clean():
    proc = _run("ruff", "check", "--no-cache", "--output-format", "concise", "subtitler", "tests", "benchmarks")
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_mypy_is_clean():
    proc = _run("mypy", "--config-file", "pyproject.toml", "--no-error-summary", "--cache-dir",
                str(ROOT / ".mypy_cache"))
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
