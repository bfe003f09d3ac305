"""Subtitle files through pysubs2: export SRT/ASS/VTT/TXT, import SRT/ASS/VTT in any text encoding
(charset-normalizer), with damaged cues repaired or reported one by one; atomic writes."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import pysubs2

from .cues import Cue
from ..foundation.errors import Reason, SubtitleFormatError
from ..foundation.timecode import format_clock
from ..foundation.outputs import atomic_write_text, output_path  # noqa: F401 - re-exported (the one writer)
from ..text.script import is_cjk_text

FORMATS = ("srt", "ass", "vtt", "txt")
IMPORT_FORMATS = ("srt", "ass", "ssa", "vtt")


def parse_formats(value: str) -> list[str]:
    from ..foundation.errors import UsageError

    fmts = [f.strip().lower().lstrip(".") for f in value.split(",") if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise UsageError(Reason("subs.unknown_format", formats=", ".join(bad) or "(none)", choices=", ".join(FORMATS)))
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
        raise SubtitleFormatError(Reason("subs.cannot_write", fmt=fmt))
    return to_ssafile(cues, style).to_string(fmt_id)


def export(cues: Sequence[Cue], path: Path, fmt: Optional[str] = None, *, overwrite: bool = False,
           style: Optional[pysubs2.SSAStyle] = None) -> Path:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    atomic_write_text(Path(path), render(cues, fmt, style), overwrite=overwrite)
    return Path(path)


MAX_IMPORT_BYTES = 50 * 1024 * 1024  # a subtitle file this large is not one
_TIME_LINE = re.compile(r"-->")


@dataclass
class Imported:
    """A subtitle file read for import: its cues, the encoding found, and what was repaired."""

    cues: list[Cue]
    encoding: str
    problems: list[str] = field(default_factory=list)  # one sentence per repaired or skipped cue


def decode_text(data: bytes, name: str = "file") -> tuple[str, str]:
    """(text, encoding) of a text file: a BOM decides, then strict UTF-8, then charset-normalizer
    (UTF-16 without BOM, Big5, GB18030, Shift-JIS, cp1252…)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise SubtitleFormatError(Reason("subs.not_text", name=name))
    # subtitle files are short: several code pages decode them without "chaos"; the detector's
    # candidates are ranked again by how plausible their characters are (common CJK ideographs,
    # kana, Latin-1 letters beat rare ideographs, half-width katakana and stray Hangul)
    best = max(enumerate(matches), key=lambda im: (_plausibility(str(im[1])), -im[0]))[1]
    return str(best), best.encoding


def _common_han(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    if 0xA4 <= b[0] <= 0xC6:  # Big5 level 1: the frequent traditional characters
        return True
    try:
        return 0x88 <= ch.encode("shift_jis")[0] <= 0x98  # JIS level 1: the frequent kanji
    except UnicodeEncodeError:
        return False


def _plausibility(text: str) -> float:
    chars = [ch for ch in text if ord(ch) > 0x7E]
    if not chars:
        return 0.0
    hangul = sum(1 for ch in chars if 0xAC00 <= ord(ch) <= 0xD7A3)
    # Korean: mostly Hangul, with spaces between words (mis-decoded CJK bytes give unbroken Hangul)
    korean = hangul >= 0.8 * len(chars) and len(re.findall(r"[\uac00-\ud7a3] [\uac00-\ud7a3]", text)) * 12 >= hangul
    score = 0.0
    for ch in chars:
        o = ord(ch)
        if 0x4E00 <= o <= 0x9FFF:
            score += 1.0 if _common_han(ch) else -0.5
        elif 0x3040 <= o <= 0x30FF:
            score += 1.0
        elif 0xAC00 <= o <= 0xD7A3:
            try:
                ch.encode("euc_kr")
                common = True
            except UnicodeEncodeError:
                common = False
            score += (1.0 if korean else 0.6) if common else -1.0
        elif (0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0xC0 <= o <= 0xFF
              or o in (0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026)):
            score += 0.5
        elif 0x100 <= o <= 0x24F or 0x370 <= o <= 0x6FF or 0xE00 <= o <= 0xE7F:
            score += 0.2
        else:
            score -= 2.0
    return score / len(chars)


def read_subtitles(path: Path | str) -> Imported:
    """Cues of an SRT/ASS/VTT file in any encoding; cues that end before they start are repaired
    (times swapped), cues whose time line cannot be read are skipped; each is reported."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            size_mb = path.stat().st_size / 1e6
            raise SubtitleFormatError(Reason("subs.too_large", name=path.name, mb=f"{size_mb:.0f}"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise SubtitleFormatError(Reason("media.not_found", name=path.name)) from None
    except IsADirectoryError:
        raise SubtitleFormatError(Reason("subs.is_folder", name=path.name)) from None
    except OSError as exc:
        raise SubtitleFormatError(Reason("subs.unreadable", name=path.name, detail=exc.strerror or str(exc))) from None
    text, encoding = decode_text(data, path.name)
    try:
        fmt = pysubs2.formats.autodetect_format(text) if text.strip() else None
    except pysubs2.exceptions.Pysubs2Error:
        fmt = None
    if fmt is None:
        raise SubtitleFormatError(Reason("subs.not_subtitles", name=path.name))
    try:
        subs = pysubs2.SSAFile.from_string(text, format_=fmt)
    except (pysubs2.exceptions.Pysubs2Error, ValueError, KeyError, IndexError, TypeError) as exc:
        raise SubtitleFormatError(Reason("subs.unparsable", name=path.name, detail=str(exc))) from None
    out = Imported([], encoding)
    for n, e in enumerate((e for e in subs.events if not e.is_comment), 1):
        body = e.plaintext.strip()
        lines = body.split("\n")
        bad = next((i for i, ln in enumerate(lines) if _TIME_LINE.search(ln)), None)
        if bad is not None:  # a cue whose time line pysubs2 could not read was glued onto this one
            cut = bad - 1 if bad > 0 and lines[bad - 1].strip().isdigit() else bad
            out.problems.append(Reason("subs.bad_time_line", n=n, at=format_clock(e.start),
                                       line=repr(lines[bad].strip()[:60])))
            body = "\n".join(lines[:cut]).strip()
        start, end = int(e.start), int(e.end)
        if start < 0 or end < 0:
            out.problems.append(Reason("subs.negative_time", n=n))
            continue
        if end < start:
            out.problems.append(Reason("subs.swapped", n=n, at=format_clock(start)))
            start, end = end, start
        out.cues.append(Cue(start, end, body))
    return out


def load(path: Path | str) -> list[Cue]:
    """Cues of an SRT/ASS/VTT file (any encoding; see :func:`read_subtitles`)."""
    return read_subtitles(path).cues
