"""Nothing under subtitler/core imports Qt: the core runs headless."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "subtitler" / "core"
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "PySide2")


def test_no_qt_import_statement_in_core():
    offenders = []
    for py in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(py.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{py.name}: {n}" for n in names if n.split(".")[0] in QT]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt():
    code = ("import sys, pkgutil, importlib, subtitler.core as c\n"
            "for m in pkgutil.walk_packages(c.__path__, 'subtitler.core.'): importlib.import_module(m.name)\n"
            f"print([m for m in sys.modules if m.split('.')[0] in {QT!r}])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
