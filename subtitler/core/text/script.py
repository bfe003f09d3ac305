"""The one home of what script a text is in and how wide it is: CJK characters, CJK text, the
Netflix width, the length the reading rules count and how pieces of text join into one line.

Every stage measures with these (the engines' answers, the timing rules' line breaking and
reading speed, the editor's per-cue problems and character counters, the aligner's tokens), so a
line the pipeline makes is never flagged by the editor for a length the rules did not count.

Width, the Netflix way: CJK characters and full-width marks count 1, half-width characters
(Latin letters, digits, ASCII punctuation, spaces) count 0.5, line breaks and combining marks 0.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

# the ranges of is_cjk_char, for regular expressions
CJK_CLASS = r"\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
# Marks that are East-Asian-"ambiguous" in Unicode but set full width in Chinese text.
FULL_WIDTH_MARKS = "“”‘’…⋯—·"

_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’._+-]*")
CJK_CHAR = re.compile(f"[{CJK_CLASS}]")


def is_cjk_char(ch: str) -> bool:
    """A CJK ideograph, kana or hangul syllable (not punctuation: see :func:`char_width`)."""
    o = ord(ch)
    return (0x3400 <= o <= 0x9FFF) or (0xF900 <= o <= 0xFAFF) or (0x3040 <= o <= 0x30FF) or (0xAC00 <= o <= 0xD7AF)


@lru_cache(maxsize=4096)
def char_width(ch: str) -> float:
    """1 for CJK characters and full-width marks, 0 for line breaks and combining marks, else 0.5."""
    if ch in "\n\r":
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F") or ch in FULL_WIDTH_MARKS:
        return 1.0
    if unicodedata.combining(ch):
        return 0.0
    return 0.5


def display_width(text: str) -> float:
    """The Netflix width of ``text`` without its line breaks: 你好 → 2, "AI 课" → 2.5."""
    return sum(map(char_width, text))


def is_cjk_text(text: str) -> bool:
    """True when ``text`` is Chinese/Japanese/Korean text, possibly with Latin words in it: it has
    at least as many CJK characters as Latin words ("我们用 Python 和 NumPy" is Chinese; "the word
    你好 means hello" is English). Decides the layout (line breaking, joining without spaces,
    the aligner's tokens) and how lengths are counted (:func:`measure`)."""
    cjk = len(CJK_CHAR.findall(text))
    return cjk > 0 and cjk >= len(_LATIN_RUN.findall(text))


def measure(text: str) -> float:
    """Characters counted for reading speed and line length (line breaks left out): the Netflix
    width for CJK text, one per character otherwise."""
    if is_cjk_text(text):
        return display_width(text)
    return len(text.replace("\n", ""))


def line_lengths(text: str) -> list[float]:
    """Each line's length as the reading rules count it, the script decided by the whole text
    (a Latin line inside a Chinese cue counts by width, as the rules broke it)."""
    lines = text.split("\n")
    if is_cjk_text(text):
        return [display_width(ln) for ln in lines]
    return [float(len(ln)) for ln in lines]


def _wide(ch: str) -> bool:
    return char_width(ch) == 1.0


def join_texts(parts: Iterable[str]) -> str:
    """Pieces of text (lines, segments, cues) as one line. Each piece is stripped and empty ones
    dropped; between two pieces a space, except where both sides are CJK (a CJK character or a
    full-width mark) or either side is full-width punctuation (你好，+ Python → 你好，Python)."""
    out = ""
    for p in parts:
        p = (join_texts(p.split("\n")) if "\n" in p else p).strip()
        if not p:
            continue
        if out:
            a, b = out[-1], p[0]
            tight = (_wide(a) and _wide(b)) or (_wide(a) and not is_cjk_char(a)) or (_wide(b) and not is_cjk_char(b))
            if not tight:
                out += " "
        out += p
    return out
