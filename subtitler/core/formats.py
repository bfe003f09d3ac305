"""Subtitle files through pysubs2: export SRT/ASS/VTT/TXT, import SRT/ASS/VTT; atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Optional, Sequence

import pysubs2

from .document import Cue
from .errors import OutputError, OutputExistsError, SubtitleFormatError
from .text import is_cjk_text

FORMATS = ("srt", "ass", "vtt", "txt")
IMPORT_FORMATS = ("srt", "ass", "ssa", "vtt")


def parse_formats(value: str) -> list[str]:
    from .errors import UsageError

    fmts = [f.strip().lower().lstrip(".") for f in value.split(",") if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise UsageError(f"unknown format {', '.join(bad) or '(none)'}; choose from {', '.join(FORMATS)}.")
    return list(dict.fromkeys(fmts))


def default_style(cjk: bool = False) -> pysubs2.SSAStyle:
    """Readable on 1080p video: 64 px font, 3 px outline, soft shadow, 60 px bottom margin."""
    return pysubs2.SSAStyle(
        fontname="Noto Sans CJK SC" if cjk else "Arial", fontsize=64 if not cjk else 68,
        primarycolor=pysubs2.Color(255, 255, 255, 0), secondarycolor=pysubs2.Color(255, 255, 0, 0),
        outlinecolor=pysubs2.Color(0, 0, 0, 0), backcolor=pysubs2.Color(0, 0, 0, 128),
        bold=False, outline=3.0, shadow=1.0, alignment=pysubs2.Alignment.BOTTOM_CENTER,
        marginl=96, marginr=96, marginv=60, borderstyle=1, encoding=1,
    )


def cue_text(cue: Cue) -> str:
    if cue.text.strip():
        return cue.text
    return f"[{cue.flag or 'untranscribed'}]"


def to_ssafile(cues: Sequence[Cue], style: Optional[pysubs2.SSAStyle] = None) -> pysubs2.SSAFile:
    subs = pysubs2.SSAFile()
    cjk = is_cjk_text(" ".join(c.text for c in cues[:50]))
    subs.info["PlayResX"] = "1920"
    subs.info["PlayResY"] = "1080"
    subs.info["ScaledBorderAndShadow"] = "yes"
    subs.info["WrapStyle"] = "0"
    subs.styles["Default"] = style or default_style(cjk)
    for c in cues:
        ev = pysubs2.SSAEvent(start=c.start, end=c.end)
        ev.plaintext = cue_text(c)
        subs.events.append(ev)
    return subs


def render(cues: Sequence[Cue], fmt: str, style: Optional[pysubs2.SSAStyle] = None) -> str:
    if fmt == "txt":
        return "\n".join(cue_text(c).replace("\n", " ") for c in cues) + "\n"
    fmt_id = {"srt": "srt", "ass": "ass", "vtt": "vtt"}.get(fmt)
    if fmt_id is None:
        raise SubtitleFormatError(f"cannot write format '{fmt}'.")
    return to_ssafile(cues, style).to_string(fmt_id)


def atomic_write_text(path: Path, text: str, *, overwrite: bool) -> None:
    """Write via a temporary file in the same folder, then rename; refuse to replace an existing
    file unless ``overwrite``."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise OutputExistsError(f"{path} already exists; not replaced (use --overwrite to replace it).")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write to {path.parent}: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}.") from None


def export(cues: Sequence[Cue], path: Path, fmt: Optional[str] = None, *, overwrite: bool = False,
           style: Optional[pysubs2.SSAStyle] = None) -> Path:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    atomic_write_text(Path(path), render(cues, fmt, style), overwrite=overwrite)
    return Path(path)


def output_path(source: Path, outdir: Optional[Path], fmt: str, pattern: str = "{stem}.{ext}",
                lang: str = "") -> Path:
    name = pattern.format(stem=source.stem, ext=fmt, lang=lang or "und")
    return (outdir if outdir is not None else source.parent) / name


def load(path: Path | str) -> list[Cue]:
    """Cues of an SRT/ASS/VTT file (UTF-8, UTF-8 with BOM, or GB18030)."""
    path = Path(path)
    if not path.is_file():
        raise SubtitleFormatError(f"{path.name}: file not found.")
    last: Optional[Exception] = None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            subs = pysubs2.load(str(path), encoding=enc)
            break
        except UnicodeDecodeError as exc:
            last = exc
        except (pysubs2.exceptions.Pysubs2Error, ValueError) as exc:
            raise SubtitleFormatError(f"{path.name}: not a subtitle file pysubs2 can read ({exc}).") from None
    else:
        raise SubtitleFormatError(f"{path.name}: unknown text encoding ({last}).")
    return [Cue(int(e.start), int(e.end), e.plaintext.strip()) for e in subs.events if not e.is_comment]
