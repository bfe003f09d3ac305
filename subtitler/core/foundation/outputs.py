"""Where subtitle files go, shared by the CLI and the app's batch export (no Qt here).

* File-name patterns (``{stem}``, ``{lang}``, ``{ext}``) are validated before anything runs.
* With an output folder, files found inside an input *folder* keep their sub-folders under it
  (``course/week1/intro.mp4`` → ``subs/week1/intro.srt``), so same-named lectures do not meet.
* :func:`plan_batch` finds every remaining name collision in a batch before any work starts.
* :func:`atomic_write_text` writes through a temporary file and a rename, keeps an existing
  file's mode, gives new files the mode the umask allows, and never replaces a file it was not
  allowed to (the final step is an exclusive create, so two runs cannot both "win").
"""

from __future__ import annotations

import errno
import os
import string
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from .errors import OutputError, OutputExistsError, Reason, UsageError, uncapitalised

PATTERN_FIELDS = ("stem", "lang", "ext")
DEFAULT_PATTERN = "{stem}.{ext}"
UNKNOWN_LANG = "und"


# -- name patterns -------------------------------------------------------------------------------
def pattern_problem(pattern: str, fmts: Sequence[str] = ("srt",)) -> str:
    """A sentence saying what is wrong with a file-name pattern, or "" when it is usable."""
    if not pattern or not pattern.strip():
        return Reason("pattern.empty")
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        return Reason("pattern.malformed", pattern=repr(pattern), detail=str(exc))
    used: set[str] = set()
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PATTERN_FIELDS:
            shown = "{" + name + "}" if name else "{}"
            return Reason("pattern.unknown_field", field=shown)
        if spec or conversion:
            return Reason("pattern.format_spec", field="{" + name + "}")
        used.add(name)
    sample = pattern.format(stem="x", ext="srt", lang="en")
    if "/" in sample or "\\" in sample or sample in (".", ".."):
        return Reason("pattern.folders")
    if len(fmts) > 1 and "ext" not in used:
        return Reason("pattern.needs_ext")
    return ""


def check_pattern(pattern: str, fmts: Sequence[str] = ("srt",)) -> None:
    """Raise UsageError (exit 2 in the CLI) when the pattern is unusable."""
    problem = pattern_problem(pattern, fmts)
    if problem:
        raise UsageError(uncapitalised(problem))


# -- paths ---------------------------------------------------------------------------------------
def output_path(source: Path, outdir: Optional[Path], fmt: str, pattern: str = DEFAULT_PATTERN,
                lang: str = "", root: Optional[Path] = None) -> Path:
    """The output file of ``source`` in format ``fmt``. Without ``outdir``: next to the source.
    With ``outdir`` and a ``root`` (the input folder the source was found in): the source's
    sub-folders below ``root`` are kept under ``outdir``."""
    source = Path(source)
    name = pattern.format(stem=source.stem, ext=fmt, lang=lang or UNKNOWN_LANG)
    if outdir is None:
        return source.parent / name
    folder = Path(outdir)
    if root is not None:
        try:
            rel = source.parent.resolve().relative_to(Path(root).resolve())
        except ValueError:
            rel = Path()
        folder = folder / rel
    return folder / name


def planned_outputs(source: Path, outdir: Optional[Path], fmts: Sequence[str], pattern: str = DEFAULT_PATTERN,
                    lang: str = "", root: Optional[Path] = None) -> list[Path]:
    return [output_path(source, outdir, f, pattern, lang, root) for f in fmts]


@dataclass(frozen=True)
class Planned:
    """One source of a batch and the files it will be written to."""

    source: Path
    root: Optional[Path]
    outputs: tuple[Path, ...]


def _key(path: Path) -> str:
    """Paths that name the same file on a case-insensitive disk compare equal."""
    return os.path.normcase(os.path.abspath(path)).casefold()


def plan_batch(items: Sequence[tuple[Path, Optional[Path]]], outdir: Optional[Path], fmts: Sequence[str],
               pattern: str = DEFAULT_PATTERN, lang: str = "") -> list[Planned]:
    """Plan every (source, root) of a batch; raises UsageError naming each collision (two sources
    that would write the same file, or an output that is one of the inputs) before anything runs.

    ``lang`` is the language the run asks for; when it is unknown ("auto") every file is assumed
    to get the same one, so the check errs on the safe side."""
    check_pattern(pattern, fmts)
    plans = [Planned(Path(s), r, tuple(planned_outputs(Path(s), outdir, fmts, pattern, lang, r))) for s, r in items]
    problems = collisions(plans)
    if problems:
        raise UsageError(Reason("output.batch_collide", problems="\n  ".join(problems)))
    return plans


def collisions(plans: Sequence[Planned]) -> list[str]:
    """Sentences naming every output claimed twice (or that is an input), in batch order."""
    owner: dict[str, Path] = {}
    inputs = {_key(p.source): p.source for p in plans}
    problems: list[str] = []
    for plan in plans:
        for out in plan.outputs:
            k = _key(out)
            if k in inputs:
                problems.append(Reason("output.is_input", path=str(out), name=plan.source.name))
            elif k in owner and owner[k] != plan.source:
                problems.append(Reason("output.twice", path=str(out), first=str(owner[k]), second=str(plan.source)))
            else:
                owner.setdefault(k, plan.source)
    return problems


def check_outputs(paths: Sequence[Path], overwrite: bool) -> None:
    """Fail early (before any transcription) when outputs exist or the folder is not writable."""
    for p in paths:
        if p.exists() and not overwrite:
            raise OutputExistsError(Reason("output.exists", path=str(p)))
    for folder in {p.parent for p in paths}:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            raise OutputError(Reason("output.cannot_write_to", folder=str(folder), why=_why(exc))) from None


# -- writing -------------------------------------------------------------------------------------
def current_umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return Reason("os.disk_full")
    if exc.errno == errno.EDQUOT:
        return Reason("os.quota")
    return exc.strerror or str(exc)


def atomic_write_text(path: Path, text: str, *, overwrite: bool, private: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder.

    The file's mode: an existing file's is kept; a new file gets ``0o666 & ~umask`` (``0o600``
    with ``private``, for autosaves and caches). Without ``overwrite`` the last step is an
    exclusive create (a hard link), so an existing file — even one another process created a
    moment ago — is never replaced. A failed write leaves no temporary file behind."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise OutputExistsError(Reason("output.exists", path=str(path)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(Reason("output.cannot_write_to", folder=str(path.parent), why=_why(exc))) from None
    try:
        try:
            mode = os.stat(path).st_mode & 0o7777 if overwrite else None
        except FileNotFoundError:
            mode = None
        if mode is None:
            mode = 0o600 if private else 0o666 & ~current_umask()
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            os.fchmod(f.fileno(), mode)
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_exclusive(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(Reason("output.cannot_write", path=str(path), why=_why(exc))) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _link_exclusive(tmp: str, path: Path) -> None:
    """Give ``tmp`` the name ``path`` only if no file has it (atomic on POSIX)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError(Reason("output.exists_race", path=str(path))) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # no hard links here (FAT, some network disks): claim the name, then move onto it
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            raise OutputExistsError(Reason("output.exists_race", path=str(path))) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)
