"""Splitting text into sentences, clauses and balanced pieces (Latin + CJK)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from ..foundation.paths import cache_dir
from .script import is_cjk_char, is_cjk_text, join_texts, measure

SENTENCE_END = ".!?。！？；;…"
CLAUSE_END = ",，、:：;；"
CJK_PUNCT_STRIP = "，。、；：,."
CJK_PARTICLES = "的了吗呢吧啊呀嘛么着过地得"  # never start a line (among single-character words)
CJK_CLOSING = "，。、；：！？）》」』】”’…,.;:!?)"


@lru_cache(maxsize=1)
def _init_jieba() -> None:
    """Load jieba's dictionary once, quietly."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    folder = cache_dir("jieba")  # its dictionary cache: ours, not a file left in the system's temp folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(folder)
    except OSError:
        pass  # jieba falls back to the temp folder
    jieba.initialize()


def segment_words(text: str) -> list[str]:
    """Chinese word segmentation (jieba); the pieces join back to ``text`` exactly."""
    _init_jieba()
    import jieba

    words: list[str] = jieba.lcut(text)
    return words


def segment_tagged(text: str) -> list[tuple[str, str]]:
    """Chinese words with their part of speech (jieba.posseg: n noun, v verb, m number, q measure…)."""
    _init_jieba()
    from jieba import posseg

    return [(p.word, p.flag) for p in posseg.lcut(text)]


def _split_after(text: str, marks: str) -> list[str]:
    parts: list[str] = []
    buf = ""
    i = 0
    while i < len(text):
        buf += text[i]
        if text[i] in marks:
            # keep closing quotes/brackets and repeated marks with the piece
            while i + 1 < len(text) and (text[i + 1] in marks or text[i + 1] in "\"'”’)）」』"):
                i += 1
                buf += text[i]
            nxt = text[i + 1] if i + 1 < len(text) else " "
            # a Latin full stop counts only before a space (not 3.14, e.g.)
            if text[i] in ".,:;" and not (nxt.isspace() or is_cjk_char(nxt)):
                i += 1
                continue
            parts.append(buf.strip())
            buf = ""
        i += 1
    if buf.strip():
        parts.append(buf.strip())
    return [p for p in parts if p]


def sentences(text: str) -> list[str]:
    return _split_after(re.sub(r"\s+", " ", text.strip()), SENTENCE_END)


def clauses(text: str) -> list[str]:
    return _split_after(text, CLAUSE_END)


def split_evenly(text: str, max_chars: float) -> list[str]:
    """Cut ``text`` into the fewest near-equal pieces of at most ``max_chars``, at spaces for Latin
    text, between words (jieba) for CJK. Lengths as script.measure counts them (Chinese: Netflix width)."""
    n = int(-(-measure(text) // max_chars))
    if n <= 1:
        return [text]
    if is_cjk_text(text):
        return _split_cjk_evenly(text, n, max_chars)
    words = text.split()
    pieces: list[str] = []
    target = len(text) / n
    buf: list[str] = []
    for w in words:
        if buf and (len(" ".join(buf + [w])) > max_chars or len(" ".join(buf)) >= target):
            pieces.append(" ".join(buf))
            buf = []
        buf.append(w)
    if buf:
        pieces.append(" ".join(buf))
    return pieces


def no_line_start(word: str) -> bool:
    """A CJK word that must not start a line or cue: a particle, or a closing mark."""
    w = word.strip()
    return bool(w) and ((len(w) == 1 and w in CJK_PARTICLES) or w[0] in CJK_CLOSING)


def _split_cjk_evenly(text: str, n: int, max_chars: float) -> list[str]:
    """``n`` near-equal pieces cut only between jieba words, never before a particle or mark."""
    words = segment_words(text)
    pieces: list[str] = []
    buf = ""
    target = measure(text) / n
    for w in words:
        if buf and (measure(buf + w) > max_chars or measure(buf) >= target) and not no_line_start(w):
            pieces.append(buf)
            buf = ""
        buf += w
    if buf:
        pieces.append(buf)
    return pieces


def units(text: str, max_chars: float) -> list[str]:
    """Sentences; a sentence longer than ``max_chars`` is cut at clauses, then evenly. Short
    neighbouring clauses are packed back together up to the limit. Lengths as script.measure counts them."""
    out: list[str] = []
    for s in sentences(text):
        if measure(s) <= max_chars:
            out.append(s)
            continue
        packed: list[str] = []
        for c in clauses(s):
            for piece in split_evenly(c, max_chars):
                if packed and measure(join_texts([packed[-1], piece])) <= max_chars * 0.75:
                    packed[-1] = join_texts([packed[-1], piece])
                else:
                    packed.append(piece)
        out.extend(packed)
    return out
