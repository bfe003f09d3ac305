"""Command line: `subtitler transcribe INPUT... [options]`; `subtitler [FILE...]` opens the window."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .core import formats
from .core.errors import AuthError, BillingError, SubtitlerError, UsageError
from .core.jobs import check_outputs, planned_outputs, transcribe_file, write_outputs
from .core.languages import check_engine_language
from .core.media import expand_inputs, is_media_path
from .core.progress import Progress
from .core.rules import PROFILES

EPILOG = "Exit status: 0 every file succeeded, 1 some files failed, 2 usage error."


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="subtitler", description="Turn video and audio into subtitles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                         help="Linux: add subtitler to the applications menu; open projects and media with it")
    desktop.add_argument("--uninstall-desktop", action="store_true", help="Linux: remove what --install-desktop added")
    sub = parser.add_subparsers(dest="command")
    t = sub.add_parser("transcribe", help="transcribe media files or folders into subtitle files", epilog=EPILOG)
    t.add_argument("inputs", nargs="+", metavar="INPUT", help="media files, or folders of them")
    t.add_argument("-o", "--output-dir", type=Path, help="where to write (default: next to each input)")
    t.add_argument("--engine", choices=["auto", "local", "glm"], default="auto",
                   help="auto: GLM-ASR when an API key is configured, else local")
    t.add_argument("--model", help="local engine: faster-whisper model name or folder (default: offline tiny.en)")
    t.add_argument("--language", default="auto", help="auto, en, zh, …")
    t.add_argument("--format", default="srt", help="comma-separated: srt,ass,vtt,txt (default srt)")
    t.add_argument("--profile", choices=["auto", *PROFILES], default="auto",
                   help="reading profile (default: by script, Latin or Chinese)")
    t.add_argument("--overwrite", action="store_true", help="replace existing output files")
    t.add_argument("--name-pattern", default="{stem}.{ext}", help="output file name ({stem}, {lang}, {ext})")
    add_glm_options(t)
    add_zh_options(t)
    return parser


def add_zh_options(t: argparse.ArgumentParser) -> None:
    """Flags for Chinese subtitle text (they change nothing in other languages)."""
    from .core.zh import PUNCT_STYLES, SCRIPTS

    g = t.add_argument_group("Chinese subtitles")
    g.add_argument("--zh-punct", choices=PUNCT_STYLES, default="netflix",
                   help="netflix: full-width marks, no trailing ，。 (default); spaces: ，。 become a full-width "
                        "space; keep: as recognised")
    g.add_argument("--script", choices=list(SCRIPTS), default="keep",
                   help="hans: Simplified; hant: Traditional; tw / hk: Traditional with Taiwan / Hong Kong usage; "
                        "keep: as recognised (default)")
    g.add_argument("--zh-latin-space", action="store_true",
                   help="put a space between Chinese and Latin letters or digits (用 Python 做 FFT)")


def zh_style(args: argparse.Namespace):
    from .core.zh import ZhStyle

    return ZhStyle(punct=args.zh_punct, script=args.script, latin_space=args.zh_latin_space)


# GLM options ------------------------------------------------------------------------------------
def add_glm_options(t: argparse.ArgumentParser) -> None:
    """Flags of the GLM-ASR engine (the key comes from ZHIPUAI_API_KEY or the app's keyring)."""
    g = t.add_argument_group("GLM-ASR (cloud; the API key is read from ZHIPUAI_API_KEY, never from a flag)")
    g.add_argument("--glm-base-url", metavar="URL",
                   help="service address (default https://open.bigmodel.cn/api; international: https://api.z.ai/api)")
    g.add_argument("--concurrency", type=int, metavar="N",
                   help="uploads in flight at once, 1-50 (default 5, the entry tier's limit)")
    g.add_argument("--hotwords", type=Path, metavar="FILE",
                   help="glossary file, one term a line (names, jargon; at most 100 are sent)")
    g.add_argument("--no-context", action="store_true",
                   help="do not send the preceding text as context with each piece")
    g.add_argument("--stream", action="store_true", help="receive text as it is recognised (live preview)")


def engine_service(args: argparse.Namespace):
    """The core's engine service for these flags (key lookup order: see core.services)."""
    from .core.services import EngineService, cli_settings

    settings = cli_settings(engine=args.engine, model=args.model, language=args.language, profile=args.profile,
                            base_url=args.glm_base_url, concurrency=args.concurrency, stream=args.stream,
                            hotwords_file=args.hotwords)
    return EngineService(settings, glm_extra={"context": not args.no_context})


def build_glm_settings(args: argparse.Namespace):
    """GlmSettings from the flags (the key from the environment, then the app's keyring)."""
    settings = engine_service(args).glm_settings()
    if args.hotwords and len(settings.hotwords) > len(settings.hotwords_sent()):
        print(f"subtitler: {args.hotwords} has {len(settings.hotwords)} terms; only the first "
              f"{len(settings.hotwords_sent())} are sent.", file=sys.stderr)
    return settings


def glm_preamble(engine, audio_ms) -> Optional[str]:
    """A line to print before a cloud run (audio minutes and price), or None. ``audio_ms`` may be
    the media file itself (its duration is probed)."""
    if getattr(engine, "name", "") != "glm":
        return None
    from .core.engines.glm_settings import cost_line

    if isinstance(audio_ms, Path):
        from .core.media import probe

        try:
            audio_ms = probe(audio_ms).duration_ms
        except SubtitlerError:
            return None  # the job itself reports the unreadable file
    return f"GLM-ASR: {cost_line(int(audio_ms))} (at most: long silences are not uploaded)"
# end of GLM options ------------------------------------------------------------------------------


class Reporter:
    """A one-line progress bar on a terminal; plain lines otherwise."""

    def __init__(self, stream=sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.label = ""
        self.last_stage = ""
        self.last_draw = 0.0

    def start(self, label: str) -> None:
        self.label, self.last_stage = label, ""

    def __call__(self, p: Progress) -> None:
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw < 0.1 and p.fraction < 1.0:
                return
            self.last_draw = now
            width = max(10, min(30, shutil.get_terminal_size().columns - 60))
            fill = int(width * p.fraction)
            line = f"\r{self.label[:28]:28} [{'#' * fill}{'.' * (width - fill)}] {p.fraction * 100:5.1f}% {p.message[:30]:30}"
            self.stream.write(line)
            self.stream.flush()
        elif p.stage != self.last_stage:
            self.last_stage = p.stage
            print(f"{self.label}: {p.message or p.stage}", file=self.stream, flush=True)

    def end(self) -> None:
        if self.tty:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def run_transcribe(args: argparse.Namespace) -> int:
    fmts = formats.parse_formats(args.format)
    for field in ("stem", "ext"):
        if "{" + field + "}" not in args.name_pattern and field == "ext":
            raise UsageError("--name-pattern must contain {ext}.")
    inputs = expand_inputs([Path(p) for p in args.inputs])
    if not inputs:
        print("subtitler: no media files found in the given folders.", file=sys.stderr)
        return 1
    service = engine_service(args)
    options = service.options(args.engine)
    if options.engine == "glm":
        options.glm_settings = build_glm_settings(args)
    options.zh = zh_style(args)
    problem = check_engine_language(options.engine, args.model, options.language)
    if problem:  # before any work: e.g. --language zh with the English-only tiny.en pack
        raise UsageError(problem.message)
    engine = service.create_engine(options)
    print(f"subtitler: using the {engine.describe()}", file=sys.stderr)
    reporter = Reporter()
    failures: list[tuple[Path, str]] = []
    written_all: list[Path] = []
    for source in inputs:
        reporter.start(source.name)
        try:
            if source.is_file() and not is_media_path(source) and source.suffix.lower() in (".srt", ".ass", ".vtt", ".txt"):
                raise UsageError(f"{source.name}: is a subtitle file, not media.")
            check_outputs(planned_outputs(source, args.output_dir, fmts, args.name_pattern), args.overwrite)
            pre = glm_preamble(engine, source)
            if pre:
                print(pre, file=sys.stderr)
            result = transcribe_file(source, options, engine=engine, on_progress=reporter)
            reporter.end()
            written = write_outputs(result.document, source, args.output_dir, fmts,
                                    overwrite=args.overwrite, pattern=args.name_pattern)
            written_all.extend(written)
            extra = f", {result.flagged_cues} flagged for review" if result.flagged_cues else ""
            print(f"{source.name}: {len(result.document.cues)} cues{extra} → "
                  + ", ".join(str(p) for p in written), file=sys.stderr)
        except (AuthError, BillingError) as exc:
            reporter.end()
            failures.append((source, str(exc)))
            print(f"subtitler: {exc}", file=sys.stderr)
            break  # the service refuses every file: stop the batch
        except SubtitlerError as exc:
            reporter.end()
            failures.append((source, str(exc)))
            print(f"FAILED {source}: {_reason(source, exc)}", file=sys.stderr)
    done = len(inputs) - len(failures)
    print(f"subtitler: {done} of {len(inputs)} files done" + (f", {len(failures)} failed" if failures else ""),
          file=sys.stderr)
    return 0 if not failures else 1


def _reason(source: Path, exc: Exception) -> str:
    text = str(exc)
    return text[len(source.name) + 2:] if text.startswith(source.name + ": ") else text


def _no_display() -> bool:
    """On Linux/BSD without X11/Wayland (and no QT_QPA_PLATFORM), Qt would abort the process."""
    import os

    if not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return False
    return not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def open_gui(files: Sequence[str]) -> int:
    if _no_display():
        print("subtitler: no display to open the window on.\n"
              "Use the command line: subtitler transcribe INPUT... -o OUTDIR --format srt,ass", file=sys.stderr)
        return 2
    try:
        from .gui.app import main as gui_main
    except ImportError as exc:
        print(f"subtitler: the desktop window is not available ({exc}).\n"
              "Use the command line: subtitler transcribe INPUT... -o OUTDIR --format srt,ass", file=sys.stderr)
        return 2
    return gui_main(list(files))


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in ("transcribe", "-h", "--help") and not argv[0].startswith("-")):
        return open_gui(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        from .desktop import run as desktop_run

        return desktop_run(args.install_desktop)
    if args.command != "transcribe":
        parser.print_help()
        return 2
    try:
        return run_transcribe(args)
    except UsageError as exc:
        print(f"subtitler: {exc}", file=sys.stderr)
        return 2
    except SubtitlerError as exc:
        print(f"subtitler: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nsubtitler: interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
