"""Command line: `subtitler transcribe INPUT... [options]`; `subtitler [FILE...]` opens the window."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence, TextIO

from . import __version__
from .core.foundation.errors import AuthError, BillingError, Reason, SubtitlerError, UsageError

# Everything else is imported where it is used: `subtitler --version` and `subtitler transcribe
# --help` load no engine, numpy, httpx or pysubs2 (tests/test_cli.py keeps it that way).
if TYPE_CHECKING:
    from .core.engines.base import Engine
    from .core.engines.glm_settings import GlmSettings
    from .core.app.jobs import JobResult
    from .core.timing.pro_timing import ProTimingOptions
    from .core.foundation.progress import Progress
    from .core.app.services import EngineService
    from .core.text.zh import ZhStyle

EPILOG = ("Exit status: 0 every file succeeded (some perhaps with gaps or damage, as the summary says), "
          "1 some files failed or a folder held no media, 2 usage error, 143 terminated.")


class Terminated(SystemExit):
    """SIGTERM: unwinds like Ctrl+C, so temporary files and child processes are cleaned up. A
    SystemExit, because asyncio lets only SystemExit and KeyboardInterrupt through its transports
    (any other BaseException raised there is logged as a "fatal write error" and lost)."""

    def __init__(self) -> None:
        super().__init__(143)


def build_parser(*, transcribe_options: bool = True) -> argparse.ArgumentParser:
    """The command line. ``transcribe_options=False`` leaves out the flags of ``transcribe`` (they
    need the core's profile, script and preset lists): enough for --version, --help and the desktop
    flags, and fast."""
    parser = argparse.ArgumentParser(prog="subtitler", description="Turn video and audio into subtitles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                         help="Linux: add subtitler to the applications menu; open projects and media with it")
    desktop.add_argument("--uninstall-desktop", action="store_true", help="Linux: remove what --install-desktop added")
    sub = parser.add_subparsers(dest="command")
    t = sub.add_parser("transcribe", help="transcribe media files or folders into subtitle files", epilog=EPILOG)
    if transcribe_options:
        add_transcribe_options(t)
    return parser


def add_transcribe_options(t: argparse.ArgumentParser) -> None:
    from .cli_extras import add_extra_options
    from .core.timing.rules import PROFILES

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
    t.add_argument("--retry-gaps", action="store_true",
                   help="re-run of files done with gaps: send only the pieces that failed (the same pieces; the "
                        "rest comes from the cache) and replace their outputs; exit status 0 only when no gap is "
                        "left")
    t.add_argument("--name-pattern", default="{stem}.{ext}",
                   help="output file name ({stem}, {lang}, {ext}); translations, bilingual files and burned-in "
                        "videos too, {lang} then being the language, bilingual or subtitled")
    add_glm_options(t)
    add_pro_timing_options(t)
    add_zh_options(t)
    add_extra_options(t)


def add_zh_options(t: argparse.ArgumentParser) -> None:
    """Flags for Chinese subtitle text (they change nothing in other languages)."""
    from .core.text.zh import PUNCT_STYLES, SCRIPTS

    g = t.add_argument_group("Chinese subtitles")
    g.add_argument("--zh-punct", choices=PUNCT_STYLES, default="netflix",
                   help="netflix: full-width marks, no trailing ，。 (default); spaces: ，。 become a full-width "
                        "space; keep: as recognised")
    g.add_argument("--script", choices=list(SCRIPTS), default="keep",
                   help="hans: Simplified; hant: Traditional; tw / hk: Traditional with Taiwan / Hong Kong usage; "
                        "keep: as recognised (default)")
    g.add_argument("--zh-latin-space", action="store_true",
                   help="put a space between Chinese and Latin letters or digits (用 Python 做 FFT)")


def zh_style(args: argparse.Namespace) -> ZhStyle:
    from .core.text.zh import ZhStyle

    return ZhStyle(punct=args.zh_punct, script=args.script, latin_space=args.zh_latin_space)


# Picture timing options (frames, shot changes, Beautify) -----------------------------------------
def add_pro_timing_options(t: argparse.ArgumentParser) -> None:
    g = t.add_argument_group("video: frame-accurate times and shot changes (Beautify time codes)")
    g.add_argument("--no-beautify", action="store_true",
                   help="keep the speech timing as is (no frame grid, no shot-change rules, no chaining)")
    g.add_argument("--no-shot-changes", action="store_true",
                   help="do not look for shot changes (times still go to the frame grid and short gaps chain)")
    g.add_argument("--shot-sensitivity", type=float, default=50.0, metavar="0-100",
                   help="higher finds more (softer) cuts; 50 = ffmpeg's scdet default threshold of 10")
    g.add_argument("--beautify-preset", default="netflix", metavar="NAME|FILE.json",
                   help="netflix (default), sdi, or a JSON file of custom frame counts")
    g.add_argument("--shot-list", metavar="FILE",
                   help="use these cuts (one time a line, seconds or timecode) instead of detecting; "
                        "{stem} in the name gives each input its own list")
    g.add_argument("--export-shots", action="store_true",
                   help="also write the cuts found as {stem}.shots.txt beside the subtitles")
    g.add_argument("--beautify-report", type=Path, metavar="FILE",
                   help="write every timing change with its reason (all inputs, one section each)")


def pro_timing_options(args: argparse.Namespace, source: Optional[Path] = None) -> ProTimingOptions:
    from .core.timing.beautify import get_preset
    from .core.timing.pro_timing import ProTimingOptions
    from .core.media.shots import sensitivity_to_threshold

    sensitivity_to_threshold(args.shot_sensitivity)  # 0..100 or a usage error
    get_preset(args.beautify_preset)
    shot_list = None
    if args.shot_list:
        stem = source.stem if source is not None else ""
        shot_list = Path(args.shot_list.replace("{stem}", stem))
    return ProTimingOptions(enabled=not args.no_beautify, shot_changes=not args.no_shot_changes,
                            sensitivity=args.shot_sensitivity, preset=args.beautify_preset, shot_list=shot_list)


def report_pro_timing(result: JobResult, source: Path, args: argparse.Namespace, reports: list[str]) -> None:
    """Print Beautify's one-line summary and notes; keep the full report; export the cuts."""
    pictured = result.pro_timing
    if pictured is None:
        return
    for note in pictured.notes:
        print(f"{source.name}: note: {note}", file=sys.stderr)
    if pictured.beautify is not None:
        print(f"{source.name}: {pictured.beautify.summary()}", file=sys.stderr)
        reports.append(f"== {source}\n{pictured.beautify.report_text()}")
    if args.export_shots and pictured.shots is not None:
        from .core.media.shots import save_shot_list

        folder = args.output_dir or source.parent
        try:
            out = save_shot_list(folder / f"{source.stem}.shots.txt", pictured.shots.times_ms, overwrite=args.overwrite)
            print(f"{source.name}: {len(pictured.shots.times_ms)} shot changes → {out}", file=sys.stderr)
        except SubtitlerError as exc:
            print(f"{source.name}: note: shot changes not written: {exc}", file=sys.stderr)
# end of picture timing options -------------------------------------------------------------------


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
    g.add_argument("--glm-max-wait", type=float, metavar="SECONDS", default=120.0,
                   help="give a piece up (it becomes a marked gap) after this long without a usable answer, "
                        "retries and server-requested waits included (default 120)")


def engine_service(args: argparse.Namespace) -> EngineService:
    """The core's engine service for these flags (key lookup order: see core.app.services)."""
    from .core.app.services import EngineService, cli_settings

    settings = cli_settings(engine=args.engine, model=args.model, language=args.language, profile=args.profile,
                            base_url=args.glm_base_url, concurrency=args.concurrency, stream=args.stream,
                            hotwords_file=args.hotwords)
    return EngineService(settings, glm_extra={"context": not args.no_context, "max_wait_s": args.glm_max_wait})


def build_glm_settings(args: argparse.Namespace) -> GlmSettings:
    """GlmSettings from the flags (the key from the environment, then the app's keyring)."""
    settings = engine_service(args).glm_settings()
    if args.hotwords and len(settings.hotwords) > len(settings.hotwords_sent()):
        print(f"subtitler: {args.hotwords} has {len(settings.hotwords)} terms; only the first "
              f"{len(settings.hotwords_sent())} are sent.", file=sys.stderr)
    return settings


def glm_preamble(engine: Engine, audio_ms: int | Path) -> Optional[str]:
    """A line to print before a cloud run (audio minutes and price), or None. ``audio_ms`` may be
    the media file itself (its duration is probed)."""
    if getattr(engine, "name", "") != "glm":
        return None
    from .core.engines.glm_settings import cost_line

    if isinstance(audio_ms, Path):
        from .core.media.ffmpeg import probe

        try:
            audio_ms = probe(audio_ms).duration_ms
        except SubtitlerError:
            return None  # the job itself reports the unreadable file
    return f"GLM-ASR: {cost_line(int(audio_ms))} (at most: long silences are not uploaded)"
# end of GLM options ------------------------------------------------------------------------------


class Reporter:
    """A one-line progress bar on a terminal; plain lines otherwise."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.label = ""
        self.last_stage = ""
        self.last_draw = 0.0

    def start(self, label: str) -> None:
        self.label, self.last_stage = label, ""

    def __call__(self, p: Progress) -> None:
        if p.notice:
            if self.tty:
                self.stream.write("\r" + " " * 100 + "\r")
            print(f"{self.label}: {p.notice}", file=self.stream, flush=True)
            return
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw < 0.1 and p.fraction < 1.0:
                return
            self.last_draw = now
            width = max(10, min(30, shutil.get_terminal_size().columns - 60))
            fill = int(width * p.fraction)
            bar = "#" * fill + "." * (width - fill)
            line = f"\r{self.label[:28]:28} [{bar}] {p.fraction * 100:5.1f}% {p.message[:30]:30}"
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
    from .cli_extras import build_deliver_options, describe, polish, preflight, run_extras
    from .core.document import formats
    from .core.app.jobs import transcribe_file, write_outputs
    from .core.engines.language_check import check_engine_language
    from .core.text.languages import normalise_language
    from .core.media.ffmpeg import collect_inputs, is_media_path
    from .core.foundation.outputs import atomic_write_text, check_outputs, plan_batch
    from .core.foundation.secrets import scrub

    fmts = formats.parse_formats(args.format)
    if args.retry_gaps:  # the outputs of the run with gaps are replaced by the filled ones
        args.overwrite = True
    collected = collect_inputs([Path(p) for p in args.inputs])
    lang = normalise_language(args.language)
    lang = "" if lang in ("", "auto") else lang
    # pattern, name collisions: all checked before anything runs (UsageError → exit 2)
    plans = plan_batch(collected.files, args.output_dir, fmts, args.name_pattern, lang)
    for folder in collected.empty_folders:
        print(f"FAILED {folder}: no media files in this folder.", file=sys.stderr)
    if not plans:
        print("subtitler: no media files found in the given folders.", file=sys.stderr)
        return 1
    service = engine_service(args)
    options = service.options(args.engine, language=normalise_language(args.language))
    options.zh = zh_style(args)
    # translation and polish use the same key and base URL as GLM-ASR, whatever the engine
    uses_glm = options.engine == "glm" or bool(args.translate_to or args.polish)
    glm_settings = build_glm_settings(args) if uses_glm else service.glm_settings()
    if options.engine == "glm":
        options.glm_settings = glm_settings
    extras = build_deliver_options(args, glm_settings)
    engine = service.create_engine(options)
    options.pro_timing = pro_timing_options(args)
    if args.beautify_report is not None and args.beautify_report.exists() and not args.overwrite:
        raise UsageError(Reason("output.exists", path=args.beautify_report))
    reports: list[str] = []
    problem = check_engine_language(engine.name, args.model, args.language)
    if problem:  # before any work: e.g. --language zh with the English-only tiny.en pack
        raise UsageError(problem.message)
    print(f"subtitler: using the {engine.describe()}", file=sys.stderr)
    if describe(extras):
        print(describe(extras), file=sys.stderr)
    reporter = Reporter()
    failed = 0
    whole = 0
    gaps_left = 0
    partial: list[str] = []
    stopped = ""
    for n, plan in enumerate(plans):
        source = plan.source
        reporter.start(source.name)
        try:
            subtitle_file = source.suffix.lower() in (".srt", ".ass", ".vtt", ".txt")
            if source.is_file() and not is_media_path(source) and subtitle_file:
                raise UsageError(Reason("subs.not_media", name=source.name))
            outdir = plan.outputs[0].parent if args.output_dir is not None else None  # mirrored sub-folder
            extra_outputs = preflight(source, outdir, fmts, extras, list(plan.outputs), args.name_pattern,
                                      options.language)
            check_outputs([*plan.outputs, *extra_outputs], args.overwrite)
            pre = glm_preamble(engine, source)
            if pre:
                print(pre, file=sys.stderr)
            if args.shot_list:
                options.pro_timing = pro_timing_options(args, source)
            result = transcribe_file(source, options, engine=engine, on_progress=reporter)
            reporter.end()
            polish(result, extras, reporter)
            written = write_outputs(result.document, source, args.output_dir, fmts,
                                    overwrite=args.overwrite, pattern=args.name_pattern, root=plan.root)
            try:
                written += run_extras(result, outdir, fmts, extras, overwrite=args.overwrite,
                                      reporter=reporter, pattern=args.name_pattern)
            except BaseException:
                if not args.overwrite:  # a file counts as done with all its outputs, or none
                    for p in written:
                        p.unlink(missing_ok=True)
                raise
            extra = f", {result.flagged_cues} flagged for review" if result.flagged_cues else ""
            if result.uncertain_cues:
                extra += f" ({result.uncertain_cues} timing uncertain)"
            print(f"{source.name}: {result.outcome()}, {len(result.document.cues)} cues{extra} → "
                  + ", ".join(str(p) for p in written), file=sys.stderr)
            report_pro_timing(result, source, args, reports)
            gaps_left += result.failed_chunks
            if result.problems():
                partial.append(result.outcome())
            else:
                whole += 1
        except (AuthError, BillingError) as exc:
            reporter.end()
            failed += 1
            print(f"FAILED {source}: {_reason(source, exc)}", file=sys.stderr)
            if n + 1 < len(plans):
                stopped = f", {len(plans) - n - 1} not attempted (the service refuses every file)"
            break
        except SubtitlerError as exc:
            reporter.end()
            failed += 1
            print(f"FAILED {source}: {_reason(source, exc)}", file=sys.stderr)
        except Exception as exc:
            reporter.end()
            failed += 1
            print(f"FAILED {source}: unexpected error ({type(exc).__name__}: {scrub(str(exc))[:300]})",
                  file=sys.stderr)
    if args.beautify_report is not None and reports:
        atomic_write_text(args.beautify_report, "\n".join(reports), overwrite=True)
        print(f"subtitler: timing changes and their reasons → {args.beautify_report}", file=sys.stderr)
    line = summary_line(len(plans), whole, partial, failed, stopped, len(collected.empty_folders))
    if args.retry_gaps:
        line += (f"; {gaps_left} gap{'s' * (gaps_left != 1)} left (run again with --retry-gaps to send only "
                 f"{'those' if gaps_left != 1 else 'that'} again)" if gaps_left else "; no gaps left")
    print(line, file=sys.stderr)
    if args.retry_gaps and gaps_left:
        return 1
    return 0 if not failed and not collected.empty_folders else 1


def summary_line(total: int, whole: int, partial: Sequence[str], failed: int, stopped: str = "",
                 empty_folders: int = 0) -> str:
    """e.g. "subtitler: 2 of 3 files done (1 with gaps), 1 failed"; ``partial`` holds the
    outcomes of files done with gaps or damage ("done with 2 gaps (0:45 of audio)")."""
    done = whole + len(partial)
    line = f"subtitler: {done} of {total} file{'s' * (total != 1)} "
    if done == 1 and partial:
        line += partial[0]
    else:
        line += "done"
        kinds = [(sum(" gap" in p for p in partial), "with gaps"), (sum("damaged" in p for p in partial), "damaged")]
        shown = [f"{n} {what}" for n, what in kinds if n]
        if shown:
            line += f" ({', '.join(shown)})"
    if failed:
        line += f", {failed} failed"
    line += stopped
    if empty_folders:
        line += f", {empty_folders} folder{'s' * (empty_folders != 1)} without media"
    return line


def _reason(source: Path, exc: Exception) -> str:
    from .core.foundation.secrets import scrub

    text = scrub(str(exc))
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
    parser = build_parser(transcribe_options=argv[0] == "transcribe")
    args = parser.parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        from .desktop import run as desktop_run

        return desktop_run(args.install_desktop)
    if args.command != "transcribe":
        parser.print_help()
        return 2
    import signal

    from .core.foundation.secrets import scrub

    def on_term(signum: int, frame: object) -> None:
        raise Terminated()

    old = signal.signal(signal.SIGTERM, on_term)
    try:
        return run_transcribe(args)
    except UsageError as exc:
        print(f"subtitler: {scrub(str(exc))}", file=sys.stderr)
        return 2
    except SubtitlerError as exc:
        print(f"subtitler: {scrub(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nsubtitler: interrupted.", file=sys.stderr)
        return 130
    except Terminated:
        print("\nsubtitler: terminated; nothing half-written was left behind.", file=sys.stderr)
        return 143
    finally:
        signal.signal(signal.SIGTERM, old)


def entry() -> None:
    """The console script: :func:`main`, then the process ends. After Ctrl+C or SIGTERM (everything
    already unwound and cleaned up) it ends at once, without the interpreter's shutdown: a native
    thread still running (a model being loaded, a decoder) would otherwise meet C++ static
    destructors and abort the process ("terminate called without an active exception", exit 134
    instead of 143, about one SIGTERM in ten during extraction)."""
    code = main()
    if code in (130, 143):
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    entry()
