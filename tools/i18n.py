"""Translation catalogs of the app: extract, compile, check.

    python tools/i18n.py update     # pyside6-lupdate over subtitler/gui → subtitler/resources/i18n/*.ts
    python tools/i18n.py release    # pyside6-lrelease *.ts → *.qm (package data, committed)
    python tools/i18n.py release --out DIR   # compile elsewhere (the tests compare with the shipped .qm)
    python tools/i18n.py fill OTHER.ts [...]  # take finished translations from other copies (a merge)

Translations are written in the ``.ts`` files (Qt Linguist, or any editor); ``update`` keeps them and
adds new source strings as unfinished. The core's sentences have one table, the core's
``MESSAGES`` (code -> English template); ``update`` hands lupdate a generated list of them (context
``Reasons``), so they are extracted like the GUI's own strings without a second copy in the
sources. The English catalog carries only plural forms ("1 file", "3 files"); every other English
string is its own source text.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
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


def core_templates() -> str:
    """The core's sentences as Python lupdate reads: one ``QT_TRANSLATE_NOOP("Reasons", template)``
    a line, generated from ``core.foundation.errors.MESSAGES`` (never written into the sources)."""
    sys.path.insert(0, str(ROOT))
    from subtitler.core.foundation.errors import MESSAGES

    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({'Reasons'!r}, {template!r})  # {code}" for code, template in MESSAGES.items()]
    return "\n".join(lines) + "\n"


def lupdate(ts: Path, language: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        core = Path(tmp) / "core_messages.py"
        core.write_text(core_templates(), "utf-8")
        subprocess.run([tool("pyside6-lupdate"), *sources(), str(core), "-ts", str(ts), "-target-language",
                        language, "-no-obsolete", "-locations", "none", "-silent"], check=True, cwd=ROOT,
                       timeout=300)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                   check=True, timeout=300)


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str, str]:
    return (context.findtext("name") or "", message.findtext("source") or "", message.findtext("comment") or "")


def _finished(message: ET.Element) -> bool:
    t = message.find("translation")
    return t is not None and t.get("type") not in ("unfinished", "obsolete", "vanished") and (
        bool((t.text or "").strip()) or any((n.text or "").strip() for n in t.findall("numerusform")))


def fill(ts: Path, others: list[Path]) -> int:
    """Give unfinished messages of ``ts`` the finished translation another copy of the catalog has
    for the same context, source and comment (after a merge: both branches' translations kept).
    Returns how many were filled; ``update`` afterwards restores lupdate's own layout."""
    found: dict[tuple[str, str, str], ET.Element] = {}
    for other in others:
        for context in ET.parse(other).getroot().iter("context"):
            for message in context.iter("message"):
                if _finished(message):
                    found.setdefault(_key(context, message), message.find("translation"))  # type: ignore[arg-type]
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = found.get(_key(context, message))
            if source is None or _finished(message):
                continue
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            message.append(source)
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("update", "release", "fill"))
    parser.add_argument("others", nargs="*", type=Path, help="fill: catalogs to take translations from")
    parser.add_argument("--out", type=Path, default=I18N, help="where release writes the .qm files")
    args = parser.parse_args(argv)
    for language, name in LANGUAGES.items():
        ts = I18N / name
        if args.command == "update":
            lupdate(ts, language)
        elif args.command == "fill":
            mine = [o for o in args.others if o.name == name]  # copies named like this catalog
            if mine:
                print(f"{name}: {fill(ts, mine)} filled")
                lupdate(ts, language)
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            lrelease(ts, args.out / Path(name).with_suffix(".qm").name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
