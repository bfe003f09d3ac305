"""Chinese subtitle conventions: punctuation styles, Simplified ↔ Traditional
(OpenCC) and spacing between Chinese and Latin text.

Width (reading speed and line length), the Netflix way, is measured in :mod:`.script`.

A :class:`ZhStyle` is the per-project setting; the pipeline applies it in two steps:
:func:`prepare_text` before timing (changes that alter the width: script, half-width marks made
full-width, Chinese–Latin spaces) and :func:`finish_text` after line breaking (the punctuation
style, which keeps the width).
"""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any, Optional, Protocol

from ..foundation.errors import Reason, UsageError
from .script import CJK_CHAR, CJK_CLASS, is_cjk_char, is_cjk_text

# -- the per-project setting ---------------------------------------------------------------------
PUNCT_STYLES = ("netflix", "spaces", "keep")
# script -> OpenCC configuration (None: as recognised). tw/hk: Taiwan (with its usual words) / Hong Kong.
SCRIPTS = {"keep": None, "hans": "t2s", "hant": "s2t", "tw": "s2twp", "hk": "s2hk"}


@dataclass(frozen=True)
class ZhStyle:
    """How Chinese subtitle text is written. ``punct``: netflix (full-width marks inside lines, no
    trailing 。or ，), spaces (，and 。 become a full-width space; ？！ kept) or keep (as
    recognised). ``script``: keep, hans, hant, tw or hk. ``latin_space``: a space between Chinese
    and Latin letters / digits."""

    punct: str = "netflix"
    script: str = "keep"
    latin_space: bool = False

    def __post_init__(self) -> None:
        if self.punct not in PUNCT_STYLES:
            raise UsageError(Reason("zh.bad_punct", style=self.punct, choices=", ".join(PUNCT_STYLES)))
        if self.script not in SCRIPTS:
            raise UsageError(Reason("zh.bad_script", script=self.script, choices=", ".join(SCRIPTS)))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Optional[dict[str, Any]]) -> "ZhStyle":
        """From a project's / document's ``meta["zh"]``; missing or bad fields take the defaults."""
        data = data if isinstance(data, dict) else {}
        punct = data["punct"] if data.get("punct") in PUNCT_STYLES else "netflix"
        script = data["script"] if data.get("script") in SCRIPTS else "keep"
        return cls(punct, script, bool(data.get("latin_space", False)))


# -- Simplified ↔ Traditional ------------------------------------------------------------------
_CONVERTER_LOCK = threading.Lock()


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _converter(config: str) -> _Converter:
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise UsageError(Reason("zh.no_opencc", command="pip install opencc")) from exc
    converter: _Converter = opencc.OpenCC(config)
    return converter


def convert_script(text: str, script: str) -> str:
    """``text`` in the chosen script (OpenCC: hans = t2s, hant = s2t, tw = s2twp, hk = s2hk)."""
    if script not in SCRIPTS:
        raise UsageError(Reason("zh.bad_script", script=script, choices=", ".join(SCRIPTS)))
    config = SCRIPTS[script]
    if config is None or not any(is_cjk_char(ch) for ch in text):
        return text
    with _CONVERTER_LOCK:
        conv = _converter(config)
    return conv.convert(text)


# -- punctuation -------------------------------------------------------------------------------
_HALF_TO_FULL = {",": "，", ".": "。", "?": "？", "!": "！", ":": "：", ";": "；"}
_PARENS = re.compile(r"\(([^()\n]*)\)")
_INTERPUNCTS = "•‧・･"  # between Chinese characters (foreign names) these become "·"
LINE_END_STRIP = "，。、；：,.\u3000 "  # dropped at the end of a line in the netflix / spaces styles


def _cjk_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and is_cjk_char(text[i])


_MARK_AFTER_CJK = re.compile(f"(?<=[{CJK_CLASS}])[ \\t]*([,.?!:;])")
_MARK_BEFORE_CJK = re.compile(f"([,?!:;])(?=[ \\t]*[{CJK_CLASS}])")
_NAME_DOT = re.compile(f"(?<=[{CJK_CLASS}])[{_INTERPUNCTS}](?=[{CJK_CLASS}])")
_SPACE_AROUND_FULL = re.compile(r"[ \t]*([，。？！：；、（）])[ \t]*")


def full_width_marks(text: str) -> str:
    """Half-width , ? ! : ; ( ) next to a Chinese character (spaces between allowed), and a "."
    after one, become full width (3.14, "1." and "e.g." untouched); a bullet-like dot between
    Chinese characters (a foreign name) becomes "·"; spaces next to full-width marks go."""
    if not CJK_CHAR.search(text):
        return text
    text = _NAME_DOT.sub("·", text)
    text = _MARK_AFTER_CJK.sub(lambda m: _HALF_TO_FULL[m.group(1)], text)
    text = _MARK_BEFORE_CJK.sub(lambda m: _HALF_TO_FULL[m.group(1)], text)
    text = _PARENS.sub(lambda m: f"（{m.group(1)}）" if (_cjk_at(text, m.start() - 1) or _cjk_at(text, m.end())
                                                        or CJK_CHAR.search(m.group(1))) else m.group(0), text)
    return _SPACE_AROUND_FULL.sub(r"\1", text)


def strip_line_ends(text: str) -> str:
    """Every line without its trailing comma / full stop (kept when that would empty the line)."""
    return "\n".join(line.rstrip(LINE_END_STRIP) or line for line in text.split("\n"))


def apply_punct(text: str, punct: str) -> str:
    """The punctuation style applied to a cue's text (lines kept)."""
    if punct == "keep":
        return text
    text = strip_line_ends(full_width_marks(text))
    if punct == "spaces":
        lines = []
        for line in text.split("\n"):
            line = re.sub(r"[，。]+", "\u3000", line)
            line = re.sub("[\u3000 ]*\u3000[\u3000 ]*", "\u3000", line).strip("\u3000 ")
            lines.append(line)
        text = "\n".join(lines)
    return text


# -- Chinese–Latin spacing ---------------------------------------------------------------------
_CJK_THEN_LATIN = re.compile(rf"([{CJK_CLASS}])([A-Za-z0-9])")
_LATIN_THEN_CJK = re.compile(rf"([A-Za-z0-9%])([{CJK_CLASS}])")


def latin_spacing(text: str) -> str:
    """A half-width space between Chinese characters and Latin letters / digits: 用Python做FFT →
    用 Python 做 FFT."""
    text = _CJK_THEN_LATIN.sub(r"\1 \2", text)
    return _LATIN_THEN_CJK.sub(r"\1 \2", text)


# -- the two pipeline steps --------------------------------------------------------------------
def prepare_text(text: str, style: ZhStyle) -> str:
    """Before timing and line breaking: script, full-width marks (unless kept as recognised) and
    Chinese–Latin spaces: every change that alters the text's width."""
    text = convert_script(text, style.script)
    if style.punct != "keep":
        text = full_width_marks(text)
    if style.latin_space:
        text = latin_spacing(text)
    return text


def finish_text(text: str, style: ZhStyle) -> str:
    """After line breaking: the punctuation style (width unchanged or smaller)."""
    return apply_punct(text, style.punct) if is_cjk_text(text) else text


def style_text(text: str, style: ZhStyle) -> str:
    """Both steps at once (text typed in the editor, or a re-export)."""
    return finish_text(prepare_text(text, style), style)
