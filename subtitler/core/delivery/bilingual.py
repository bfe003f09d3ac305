"""Bilingual subtitles: the original and its translation in one cue, each language broken by its
own line rules (Chinese 16 a line, English 42: rules.PROFILES).

* SRT / VTT / TXT: two blocks in one cue, in the chosen order (``orig-first`` or
  ``translation-first``).
* ASS: one style per language, the second block's smaller; one event per cue whose second block
  switches style with ``{\\r<style>}`` so libass stacks the two blocks like one subtitle.

Times always come from the original cue; a translation whose cues do not match the original's
one for one (count and times) is refused rather than written misaligned.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from ..document.cues import Cue
from ..foundation.errors import Reason, SubtitleFormatError, UsageError
from ..foundation.outputs import atomic_write_text
from ..text.script import is_cjk_text

if TYPE_CHECKING:  # the writers are imported when used: ORDERS alone is cheap (the CLI's --help)
    import pysubs2

    from ..text.zh import ZhStyle

ORDERS = ("orig-first", "translation-first")
SECOND_SCALE = 0.72  # the second block's font size relative to the first


def _check(original: Sequence[Cue], translated: Sequence[Cue], order: str) -> None:
    if order not in ORDERS:
        raise UsageError(Reason("bilingual.bad_order", order=order, choices=" or ".join(ORDERS)))
    if len(original) != len(translated) or any(
            (a.start, a.end) != (b.start, b.end) for a, b in zip(original, translated)):
        raise SubtitleFormatError(Reason("bilingual.mismatch"))


def blocks(original: Sequence[Cue], translated: Sequence[Cue], order: str = "orig-first", *,
           profile: Optional[str] = None, target: str = "", zh: Optional[ZhStyle] = None) -> list[tuple[Cue, str, str]]:
    """(original cue, first block, second block) per cue, each block broken by its language's
    rules (the original's profile may be named; Chinese text follows the conventions ``zh``, a
    Chinese translation the script its ``target`` names). An untranslated cue's block is empty."""
    from .translate import flat_text, layout, target_zh_style

    _check(original, translated, order)
    zh_t = target_zh_style(target, zh) if target else zh
    out = []
    for o, t in zip(original, translated):
        a = layout(flat_text(o.text), profile, zh)
        b = layout(flat_text(t.text), None, zh_t)
        out.append((o, a, b) if order == "orig-first" else (o, b, a))
    return out


def bilingual_cues(original: Sequence[Cue], translated: Sequence[Cue], order: str = "orig-first", *,
                   profile: Optional[str] = None, target: str = "", zh: Optional[ZhStyle] = None) -> list[Cue]:
    """One cue per original cue with both blocks as its lines (for SRT / VTT / TXT)."""
    return [Cue(o.start, o.end, "\n".join(x for x in (a, b) if x), o.flag)
            for o, a, b in blocks(original, translated, order, profile=profile, target=target, zh=zh)]


def _ass_text(text: str) -> str:
    # "{" opens an override block in ASS: show braces as full-width ones
    return text.replace("{", "｛").replace("}", "｝").replace("\n", r"\N")


def style_names(source: str, target: str, order: str) -> tuple[str, str]:
    """Style names (first block, second block): the language codes."""
    a, b = source or "Original", target or "Translation"
    if a == b:
        a, b = f"{a} original", f"{b} translation"
    return (a, b) if order == "orig-first" else (b, a)


def bilingual_ssafile(original: Sequence[Cue], translated: Sequence[Cue], order: str = "orig-first", *,
                      source: str = "", target: str = "", profile: Optional[str] = None,
                      zh: Optional[ZhStyle] = None) -> pysubs2.SSAFile:
    import pysubs2

    from ..document import formats

    rows = blocks(original, translated, order, profile=profile, target=target, zh=zh)
    first_cues = [Cue(0, 1, a) for _, a, _ in rows[:200]]
    second_cues = [Cue(0, 1, b) for _, _, b in rows[:200]]
    first_name, second_name = style_names(source, target, order)
    subs = formats.to_ssafile([])
    del subs.styles["Default"]
    top = formats.default_style(is_cjk_text(" ".join(c.text for c in first_cues)))
    bottom = formats.default_style(is_cjk_text(" ".join(c.text for c in second_cues)))
    bottom.fontsize = round(bottom.fontsize * SECOND_SCALE)
    bottom.outline = max(2.0, bottom.outline * SECOND_SCALE)
    subs.styles[first_name] = top
    subs.styles[second_name] = bottom
    for o, a, b in rows:
        if a and b:
            text = _ass_text(a) + r"\N{\r" + second_name + "}" + _ass_text(b)
            style = first_name
        elif a or b:
            text, style = _ass_text(a or b), first_name if a else second_name
        else:
            text, style = _ass_text(formats.cue_text(o)), first_name
        subs.events.append(pysubs2.SSAEvent(start=o.start, end=o.end, text=text, style=style))
    return subs


def render_bilingual(original: Sequence[Cue], translated: Sequence[Cue], fmt: str, order: str = "orig-first", *,
                     source: str = "", target: str = "", profile: Optional[str] = None,
                     zh: Optional[ZhStyle] = None) -> str:
    from ..document import formats

    if fmt == "ass":
        return bilingual_ssafile(original, translated, order, source=source, target=target, profile=profile,
                                 zh=zh).to_string("ass")
    cues = bilingual_cues(original, translated, order, profile=profile, target=target, zh=zh)
    if fmt == "txt":
        return "\n\n".join(formats.cue_text(c) for c in cues) + "\n"
    return formats.render(cues, fmt)


def export_bilingual(original: Sequence[Cue], translated: Sequence[Cue], path: Path, fmt: Optional[str] = None, *,
                     order: str = "orig-first", source: str = "", target: str = "", profile: Optional[str] = None,
                     zh: Optional[ZhStyle] = None, overwrite: bool = False) -> Path:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    text = render_bilingual(original, translated, fmt, order, source=source, target=target, profile=profile, zh=zh)
    atomic_write_text(Path(path), text, overwrite=overwrite)
    return Path(path)
