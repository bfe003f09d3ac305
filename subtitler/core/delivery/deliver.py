"""After the transcript: polish, translation, bilingual files and burned-in video for one file.

The CLI (and later the queue) calls :func:`planned_paths` before any work, so existing outputs
are refused early, then :func:`polish_document` and :func:`deliver` once the document exists.
File names, next to the other outputs, go through the user's file-name pattern (see
:func:`extra_name`) with ``{lang}`` the file's label: the translation's language, ``bilingual``,
``subtitled`` (the burned-in video: the bilingual subtitles when asked for, else the translation
when there is one, else the original). The default pattern ``{stem}.{ext}`` gives
``{stem}.LANG.{ext}``, ``{stem}.bilingual.{ext}`` and ``{stem}.subtitled.mp4``.
"""

from __future__ import annotations

import dataclasses
import shutil
import string
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import pysubs2

from ..document import formats
from .bilingual import ORDERS, export_bilingual, render_bilingual
from ..document.model import Document
from ..foundation.errors import EngineError, OutputError, Reason, UsageError
from ..media.ffmpeg import BURN_PRESETS, burn_subtitles
from ..foundation.outputs import DEFAULT_PATTERN
from ..foundation.progress import CancelToken, ProgressCallback, no_progress
from ..text.script import is_cjk_char
from ..text.zh import ZhStyle
from .translate import (
    ChatSettings,
    PolishResult,
    TranslationResult,
    apply_polish,
    check_language,
    polish_cues,
    source_language,
    track_cues,
    translate_cues,
)


@dataclass
class DeliverOptions:
    translate_to: str = ""  # a language code; "" for no translation
    bilingual: bool = False
    order: str = "orig-first"
    polish: bool = False
    burn_in: bool = False
    burn_quality: str = "balanced"
    chat: Optional[ChatSettings] = None
    glossary: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.translate_to:
            self.translate_to = check_language(self.translate_to)
        if self.bilingual and not self.translate_to:
            raise UsageError(Reason("bilingual.needs_language"))
        if self.order not in ORDERS:
            raise UsageError(Reason("bilingual.bad_order", order=self.order, choices=" or ".join(ORDERS)))
        if self.burn_quality not in BURN_PRESETS:
            raise UsageError(Reason("burn.bad_quality", quality=self.burn_quality, choices=", ".join(BURN_PRESETS)))

    @property
    def needs_chat(self) -> bool:
        return bool(self.translate_to or self.polish)

    def translates(self, language: str) -> bool:
        """Whether a transcript in ``language`` ("" or "auto": not known yet) is translated: never
        into its own language (the model would hand the text back unchanged)."""
        return bool(self.translate_to) and not same_language(language, self.translate_to)

    @property
    def active(self) -> bool:
        return self.needs_chat or self.burn_in


_CHINESE_TRADITIONAL = {"hant", "tw", "hk", "mo"}


def same_language(a: str, b: str) -> bool:
    """``zh`` and ``zh-CN``, ``en`` and ``en-US`` are one language; Simplified and Traditional
    Chinese (``zh-TW``, ``zh-Hant``) are two. An unknown language ("", "auto") is no match."""
    def norm(code: str) -> tuple[str, bool]:
        parts = (code or "").strip().lower().replace("_", "-").split("-")
        return parts[0], parts[0] == "zh" and bool(_CHINESE_TRADITIONAL & set(parts[1:]))

    if not a or not b or "auto" in (a, b):
        return False
    return norm(a) == norm(b)


def _folder(source: Path, outdir: Optional[Path]) -> Path:
    return outdir if outdir is not None else source.parent


BILINGUAL_LABEL = "bilingual"
BURN_LABEL = "subtitled"


def extra_name(stem: str, label: str, ext: str, pattern: str = DEFAULT_PATTERN) -> str:
    """The file name of an extra output through the user's pattern (``{stem}``, ``{lang}``,
    ``{ext}``, already checked by :func:`outputs.check_pattern`): ``{lang}`` is the file's label.
    A pattern without ``{lang}`` gets the label before the extension, so the extra files never
    take the original's name: ``CS101 - {stem}.{ext}`` gives ``CS101 - 01 intro.zh.srt``."""
    fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name}
    name = pattern.format(stem=stem, lang=label, ext=ext)
    if "lang" not in fields:
        suffix = "." + ext
        name = (name[:-len(suffix)] + "." + label + suffix if name.endswith(suffix) and len(name) > len(suffix)
                else name + "." + label)
    return name


def translation_path(source: Path, outdir: Optional[Path], lang: str, fmt: str,
                     pattern: str = DEFAULT_PATTERN) -> Path:
    return _folder(source, outdir) / extra_name(source.stem, lang, fmt, pattern)


def bilingual_path(source: Path, outdir: Optional[Path], fmt: str, pattern: str = DEFAULT_PATTERN) -> Path:
    return _folder(source, outdir) / extra_name(source.stem, BILINGUAL_LABEL, fmt, pattern)


def burn_path(source: Path, outdir: Optional[Path], pattern: str = DEFAULT_PATTERN) -> Path:
    """The burned-in video (an .mp4 whatever the pattern's extension)."""
    name = extra_name(source.stem, BURN_LABEL, "mp4", pattern)
    return _folder(source, outdir) / (name if name.lower().endswith(".mp4") else name + ".mp4")


def planned_paths(source: Path, outdir: Optional[Path], fmts: Sequence[str], opts: DeliverOptions,
                  pattern: str = DEFAULT_PATTERN, language: str = "") -> list[Path]:
    """The extra files of ``source``; ``language``, the transcript's when known: no translation
    into it is planned (:meth:`DeliverOptions.translates`)."""
    out: list[Path] = []
    translates = opts.translates(language)
    if translates:
        out += [translation_path(source, outdir, opts.translate_to, f, pattern) for f in fmts]
    if opts.bilingual and translates:
        out += [bilingual_path(source, outdir, f, pattern) for f in fmts]
    if opts.burn_in:
        out.append(burn_path(source, outdir, pattern))
    return out


def check_no_clash(paths: Sequence[Path], others: Sequence[Path]) -> None:
    """Two outputs of one file must not share a name (e.g. a source that already ends in .zh)."""
    seen = set()
    for p in list(others) + list(paths):
        key = str(p.resolve())
        if key in seen:
            raise UsageError(Reason("output.collide", path=p))
        seen.add(key)


def polish_document(document: Document, opts: DeliverOptions, *, on_progress: ProgressCallback = no_progress,
                    cancel: Optional[CancelToken] = None) -> PolishResult:
    """Ask for corrections and apply them all (one undoable edit); the result lists them."""
    result = polish_cues(document.cues, language=source_language(document.cues, document.language),
                         settings=opts.chat, glossary=opts.glossary, on_progress=on_progress, cancel=cancel)
    apply_polish(document, result.changes)
    return result


@dataclass
class DeliverResult:
    written: list[Path] = field(default_factory=list)
    translation: Optional[TranslationResult] = None
    warnings: list[str] = field(default_factory=list)


def missing_font_warning(ass_text: str) -> Optional[str]:
    """A sentence when the subtitles hold CJK text but fontconfig knows no Chinese font (libass
    would draw boxes); None when fine or when it cannot be told (no ``fc-list``)."""
    if not any(is_cjk_char(ch) for ch in ass_text):
        return None
    fc = shutil.which("fc-list")
    if not fc:
        return None
    try:
        found = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if found.strip():
        return None
    return Reason("burn.no_font")


def translation_tracks(document: Document) -> list[str]:
    """The language codes of the document's translation tracks (``translation:LANG``), in order."""
    return [t.split(":", 1)[1] for t in document.tracks if t.startswith("translation:") and t.split(":", 1)[1]]


def document_ass(document: Document, *, show: str = "original", target: str = "", order: str = "orig-first",
                 style: Optional[pysubs2.SSAStyle] = None) -> str:
    """The ASS text a burn-in of the editor's document draws: ``show`` is ``original`` (in the
    document's ASS ``style`` when given), ``translation`` (the track ``translation:target``) or
    ``bilingual`` (both, ``order`` choosing which is on top). Times are always the cues'."""
    cues = list(document.cues)
    if show == "original":
        return formats.render(cues, "ass", style=style)
    if target not in translation_tracks(document):
        raise UsageError(Reason("deliver.no_translation", target=target))
    translated = track_cues(document, f"translation:{target}")
    if show == "translation":
        return formats.render(translated, "ass")
    if show != "bilingual":
        raise UsageError(Reason("deliver.unknown_show", show=show))
    zh = ZhStyle.from_dict(document.meta.get("zh"))
    return render_bilingual(cues, translated, "ass", order, source=source_language(cues, document.language),
                            target=target, profile=document.profile or None, zh=zh)


def deliver(document: Document, source: Path, outdir: Optional[Path], fmts: Sequence[str], opts: DeliverOptions, *,
            overwrite: bool = False, pattern: str = DEFAULT_PATTERN, on_progress: ProgressCallback = no_progress,
            cancel: Optional[CancelToken] = None) -> DeliverResult:
    """Translate, write the translated and bilingual files and burn in, as ``opts`` asks, named
    through ``pattern`` (:func:`extra_name`). Files written here are removed again if a later one
    fails (unless they replaced others)."""
    result = DeliverResult()
    cues = list(document.cues)
    src_lang = source_language(cues, document.language)
    zh = ZhStyle.from_dict(document.meta.get("zh"))
    if opts.translate_to and not opts.translates(src_lang):  # said, and skipped (bilingual files too)
        result.warnings.append(Reason("deliver.same_language", language=opts.translate_to))
        opts = dataclasses.replace(opts, translate_to="", bilingual=False)
    try:
        if opts.translate_to:
            tr = translate_cues(cues, opts.translate_to, source=src_lang, settings=opts.chat,
                                glossary=opts.glossary, zh=zh, on_progress=on_progress, cancel=cancel)
            result.translation = tr
            sent = sum(1 for c in cues if c.text.strip())
            if sent and tr.stats.failed + tr.stats.blocked >= sent:
                reason = tr.stats.reasons.most_common(1)[0][0]
                raise EngineError(Reason("deliver.none_translated", reason=reason))
            for fmt in fmts:
                p = translation_path(source, outdir, opts.translate_to, fmt, pattern)
                result.written.append(formats.export(tr.cues, p, fmt, overwrite=overwrite))
            if opts.bilingual:
                for fmt in fmts:
                    p = bilingual_path(source, outdir, fmt, pattern)
                    result.written.append(export_bilingual(
                        cues, tr.cues, p, fmt, order=opts.order, source=src_lang, target=opts.translate_to,
                        profile=document.profile or None, zh=zh, overwrite=overwrite))
        if opts.burn_in:
            dst = burn_path(source, outdir, pattern)
            if dst.exists() and not overwrite:
                raise OutputError(Reason("output.exists", path=dst))
            done = result.translation
            if done is not None and opts.bilingual:
                ass = render_bilingual(cues, done.cues, "ass", opts.order, source=src_lang, target=opts.translate_to,
                                       profile=document.profile or None, zh=zh)
            else:
                ass = formats.render(done.cues if done is not None else cues, "ass")
            warning = missing_font_warning(ass)
            if warning:
                result.warnings.append(warning)
            result.written.append(burn_subtitles(source, ass, dst, quality=opts.burn_quality,
                                                 on_progress=on_progress, cancel=cancel))
    except BaseException:
        if not overwrite:
            for p in result.written:
                p.unlink(missing_ok=True)
        raise
    return result
