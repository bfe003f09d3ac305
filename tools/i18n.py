"""Translation catalogs of the app: extract, compile, check.

    python tools/i18n.py update     # pyside6-lupdate over subtitler/gui → subtitler/resources/i18n/*.ts
    python tools/i18n.py release    # pyside6-lrelease *.ts → *.qm (package data, committed)
    python tools/i18n.py release --out DIR   # compile elsewhere (the tests compare with the shipped .qm)

Translations are written in the ``.ts`` files (Qt Linguist, or any editor); ``update`` keeps them and
adds new source strings as unfinished. The English catalog carries only plural forms ("1 file",
"3 files"); every other English string is its own source text.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "subtitler" / "gui"
I18N = ROOT / "subtitler" / "resources" / "i18n"
LANGUAGES = {"zh_CN": "subtitler_zh_CN.ts", "en": "subtitler_en.ts"}


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` next to this Python (a venv), else on PATH."""
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.is_file() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def lupdate(ts: Path, language: str) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-target-language", language,
                    "-no-obsolete", "-locations", "none", "-silent"], check=True, cwd=ROOT, timeout=300)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                   check=True, timeout=300)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("update", "release"))
    parser.add_argument("--out", type=Path, default=I18N, help="where release writes the .qm files")
    args = parser.parse_args(argv)
    for language, name in LANGUAGES.items():
        ts = I18N / name
        if args.command == "update":
            lupdate(ts, language)
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            lrelease(ts, args.out / Path(name).with_suffix(".qm").name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
