"""Command-line flags for what comes after the transcript: translation, bilingual files, polish and
burn-in (core/delivery/deliver.py does the work; cli.py calls these hooks)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Protocol, Sequence

from .core.foundation.errors import MediaError, Reason, UsageError

if TYPE_CHECKING:  # the work itself is imported when used (`subtitler transcribe --help` stays fast)
    from .core.delivery.deliver import DeliverOptions
    from .core.engines.glm_settings import GlmSettings
    from .core.app.jobs import JobResult
    from .core.foundation.progress import Progress


class Reporter(Protocol):
    """What these hooks need of the command line's progress line (cli.Reporter)."""

    def __call__(self, p: Progress) -> None: ...

    def end(self) -> None: ...


def add_extra_options(t: argparse.ArgumentParser) -> None:
    from .core.delivery.bilingual import ORDERS
    from .core.engines.glm_settings import DEFAULT_CHAT_MODEL
    from .core.media.ffmpeg import BURN_PRESETS

    g = t.add_argument_group("translation, polish and burn-in (GLM chat API: same key and --glm-base-url)")
    g.add_argument("--translate-to", metavar="LANG",
                   help="also write the subtitles translated (e.g. zh, en, ja), named by --name-pattern "
                        "with {lang} = LANG (default {stem}.LANG.{ext})")
    g.add_argument("--bilingual", action="store_true",
                   help="also write files with both languages in each cue (needs --translate-to), named by "
                        "--name-pattern with {lang} = bilingual (default {stem}.bilingual.{ext})")
    g.add_argument("--bilingual-order", choices=ORDERS, default="orig-first", help="which language comes first")
    g.add_argument("--translate-model", default=DEFAULT_CHAT_MODEL, metavar="MODEL",
                   help=f"chat model for translation and polish (default {DEFAULT_CHAT_MODEL}, free tier)")
    g.add_argument("--polish", action="store_true",
                   help="let the chat model correct recognition errors (glossary: --hotwords) before writing")
    g.add_argument("--burn-in", action="store_true",
                   help="also write an .mp4 with the subtitles drawn into the picture (bilingual if "
                        "--bilingual, else the translation if any, else the original), named by --name-pattern "
                        "with {lang} = subtitled and {ext} = mp4 (default {stem}.subtitled.mp4)")
    g.add_argument("--burn-in-quality", choices=list(BURN_PRESETS), default="balanced",
                   help="H.264 preset and quality of the burned-in video (default balanced)")


def build_deliver_options(args: argparse.Namespace, glm_settings: GlmSettings) -> DeliverOptions:
    from .core.delivery.deliver import DeliverOptions
    from .core.delivery.translate import ChatSettings

    chat = ChatSettings(glm=glm_settings, model=args.translate_model)
    opts = DeliverOptions(translate_to=args.translate_to or "", bilingual=args.bilingual, order=args.bilingual_order,
                          polish=args.polish, burn_in=args.burn_in, burn_quality=args.burn_in_quality, chat=chat,
                          glossary=list(glm_settings.hotwords))
    if opts.needs_chat and not glm_settings.has_key():
        raise UsageError(Reason("chat.no_key"))
    return opts


def describe(opts: DeliverOptions) -> Optional[str]:
    if not opts.needs_chat:
        return None
    what = [f"translating into {opts.translate_to}"] if opts.translate_to else []
    if opts.polish:
        what.insert(0, "polishing")
    assert opts.chat is not None
    return f"subtitler: {' and '.join(what)} with {opts.chat.model} at {opts.chat.glm.host}"


def preflight(source: Path, outdir: Optional[Path], fmts: Sequence[str], opts: DeliverOptions,
              originals: Sequence[Path], pattern: str = "{stem}.{ext}", language: str = "") -> list[Path]:
    """The extra outputs of ``source``, named by ``pattern`` (checked for clashes; none for a
    translation into ``language``, the transcript's when known); a burn-in needs a video track."""
    from .core.delivery.deliver import check_no_clash, planned_paths
    from .core.media.ffmpeg import probe

    paths = planned_paths(source, outdir, fmts, opts, pattern, language)
    check_no_clash(paths, originals)
    if opts.burn_in and not probe(source).has_video:
        raise MediaError(Reason("burn.no_video_track", name=source.name))
    return paths


def polish(result: JobResult, opts: DeliverOptions, reporter: Reporter) -> None:
    from .core.delivery.deliver import polish_document

    if not opts.polish:
        return
    p = polish_document(result.document, opts, on_progress=reporter)
    reporter.end()
    print(f"{result.source.name}: polish changed {len(p.changes)} of {len(result.document.cues)} cues "
          f"({p.stats.summary()})", file=sys.stderr)


def run_extras(result: JobResult, outdir: Optional[Path], fmts: Sequence[str], opts: DeliverOptions, *,
               overwrite: bool, reporter: Reporter, pattern: str = "{stem}.{ext}") -> list[Path]:
    from .core.delivery.deliver import deliver

    if not (opts.translate_to or opts.burn_in):
        return []
    out = deliver(result.document, result.source, outdir, fmts, opts, overwrite=overwrite, pattern=pattern,
                  on_progress=reporter)
    reporter.end()
    for warning in out.warnings:
        print(f"{result.source.name}: warning: {warning}", file=sys.stderr)
    tr = out.translation
    if tr is not None:
        missed = tr.stats.failed + tr.stats.blocked
        flagged = f", {missed} cues not translated (flagged)" if missed else ""
        print(f"{result.source.name}: translated into {tr.language}{flagged}: {tr.stats.summary()}",
              file=sys.stderr)
    return out.written
