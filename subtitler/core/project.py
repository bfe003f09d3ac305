"""``.subtitler`` project files, recent projects, and crash recovery (autosave).

A project is one JSON file: media path, cues (with their extra tracks), ASS styles, reading profile,
engine options.
Every write is atomic (temporary file in the same folder, fsync, rename). Autosave writes the
same JSON to a *recovery file* in the user data folder; a clean save or close removes it, so a
recovery file that is still there on the next start means the editor did not close cleanly.

No Qt here: the GUI debounces autosave with a timer and calls :func:`write_recovery`.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import pysubs2

from .document import Cue, Document
from .errors import OutputError, ProjectError
from .formats import atomic_write_text

PROJECT_SUFFIX = ".subtitler"
RECOVERY_SUFFIX = ".subtitler-recovery"
FORMAT_NAME = "subtitler-project"
FORMAT_VERSION = 1
MAX_RECENT = 12


def data_dir() -> Path:
    """Where recent-project lists and recovery files live (``$SUBTITLER_DATA_DIR`` overrides)."""
    env = os.environ.get("SUBTITLER_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("subtitler", appauthor=False))


def cache_dir() -> Path:
    """Disposable caches such as waveform peaks (``$SUBTITLER_CACHE_DIR`` overrides)."""
    env = os.environ.get("SUBTITLER_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("subtitler", appauthor=False))


# -- styles ----------------------------------------------------------------------------------
_STYLE_FIELDS = ("fontname", "fontsize", "bold", "italic", "underline", "strikeout", "scalex", "scaley",
                 "spacing", "angle", "borderstyle", "outline", "shadow", "alignment", "marginl", "marginr",
                 "marginv", "encoding")
_COLOR_FIELDS = ("primarycolor", "secondarycolor", "outlinecolor", "backcolor")


def style_to_dict(style: pysubs2.SSAStyle) -> dict:
    out: dict[str, Any] = {}
    for name in _STYLE_FIELDS:
        value = getattr(style, name)
        out[name] = int(value) if name == "alignment" else value
    for name in _COLOR_FIELDS:
        c = getattr(style, name)
        out[name] = [c.r, c.g, c.b, c.a]
    return out


def style_from_dict(data: dict) -> pysubs2.SSAStyle:
    style = pysubs2.SSAStyle()
    for name in _STYLE_FIELDS:
        if name in data:
            value = data[name]
            if name == "alignment":
                value = pysubs2.Alignment(int(value))
            setattr(style, name, value)
    for name in _COLOR_FIELDS:
        if name in data:
            setattr(style, name, pysubs2.Color(*[int(v) for v in data[name]]))
    return style


# -- the project -----------------------------------------------------------------------------
class Project:
    """A document plus where it is saved and the engine options it was made with. The styles are
    the document's (undoable, like every other document state)."""

    def __init__(self, document: Document, path: Optional[Path] = None, styles: Optional[dict[str, dict]] = None,
                 engine: Optional[dict] = None, session: Optional[str] = None) -> None:
        self.document = document
        self.path = path
        if styles:
            document.styles.update(styles)  # the starting state, not an edit
        self.engine: dict = dict(engine or {})  # engine options (never secrets)
        self.session = session or f"{os.getpid()}-{time.time_ns()}"  # recovery key when unsaved

    @property
    def styles(self) -> dict[str, dict]:
        return self.document.styles

    @property
    def media_path(self) -> Optional[str]:
        return self.document.media_path

    def style(self, name: str = "Default") -> Optional[pysubs2.SSAStyle]:
        data = self.styles.get(name)
        return style_from_dict(data) if data else None


def _cue_row(c: Cue) -> list:
    row: list[Any] = [c.start, c.end, c.text]
    if c.flag or c.extra:
        row.append(c.flag)
    if c.extra:
        row.append(dict(c.extra))
    return row


def to_json(project: Project) -> str:
    doc = project.document
    media = doc.media_path
    if media and project.path is not None:
        try:  # store the media path relative to the project when it sits nearby (projects move with media)
            rel = os.path.relpath(media, Path(project.path).resolve().parent)
        except ValueError:
            rel = None
    else:
        rel = None
    data = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "media": media,
        "media_relative": rel,
        "language": doc.language,
        "profile": doc.profile,
        "styles": doc.styles,
        "tracks": list(doc.tracks),
        "engine": _no_secrets(project.engine),
        "meta": doc.meta,
        "cues": [_cue_row(c) for c in doc.cues],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _no_secrets(options: dict) -> dict:
    return {k: v for k, v in options.items() if not any(s in k.lower() for s in ("key", "secret", "token", "password"))}


def from_json(text: str, path: Optional[Path] = None) -> Project:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(f"{path.name if path else 'project'}: not a subtitler project ({exc.msg}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectError(f"{path.name if path else 'project'}: not a subtitler project file.")
    if int(data.get("version", 0)) > FORMAT_VERSION:
        raise ProjectError(f"{path.name if path else 'project'}: made by a newer subtitler; please update.")
    try:
        cues = [Cue(int(c[0]), int(c[1]), str(c[2]), str(c[3]) if len(c) > 3 else "",
                    tuple((str(k), str(v)) for k, v in c[4].items()) if len(c) > 4 else ())
                for c in data.get("cues", [])]
        tracks = tuple(str(t) for t in data.get("tracks") or ())
    except (TypeError, ValueError, IndexError, AttributeError) as exc:
        raise ProjectError(f"{path.name if path else 'project'}: damaged cue list ({exc}).") from None
    media = data.get("media")
    rel = data.get("media_relative")
    if path is not None and rel and not (media and Path(media).exists()):
        candidate = (Path(path).resolve().parent / rel).resolve()
        if candidate.exists():
            media = str(candidate)
    doc = Document(cues, media_path=media, language=data.get("language", ""), profile=data.get("profile", ""),
                   meta=dict(data.get("meta") or {}), styles=dict(data.get("styles") or {}), tracks=tracks)
    doc.mark_saved()
    return Project(doc, path=path, engine=dict(data.get("engine") or {}))


def save_project(project: Project, path: Optional[Path | str] = None) -> Path:
    """Save (atomic) to ``path`` or the project's own path; marks the document saved, remembers it
    in recent projects and removes its recovery file."""
    target = Path(path) if path is not None else project.path
    if target is None:
        raise ProjectError("the project has no file name yet; choose one with Save as.")
    if target.suffix != PROJECT_SUFFIX:
        target = target.with_name(target.name + PROJECT_SUFFIX)
    old_key = recovery_key(project)
    project.path = target
    try:
        atomic_write_text(target, to_json(project), overwrite=True)
    except OutputError as exc:
        raise ProjectError(str(exc)) from None
    project.document.mark_saved()
    add_recent(target)
    discard_recovery(old_key)
    discard_recovery(recovery_key(project))
    return target


def load_project(path: Path | str) -> Project:
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ProjectError(f"{path.name}: project file not found.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{path.name}: cannot read the project ({exc}).") from None
    project = from_json(text, path)
    add_recent(path)
    return project


# -- recent projects -------------------------------------------------------------------------
def _recent_file() -> Path:
    return data_dir() / "recent.json"


def recent_projects() -> list[Path]:
    try:
        items = json.loads(_recent_file().read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(p) for p in items if isinstance(p, str)]


def add_recent(path: Path | str) -> None:
    p = str(Path(path).resolve())
    items = [str(x) for x in recent_projects() if str(x) != p]
    items.insert(0, p)
    try:
        atomic_write_text(_recent_file(), json.dumps(items[:MAX_RECENT], ensure_ascii=False), overwrite=True)
    except OutputError:
        pass  # a read-only profile folder must not stop the editor


# -- autosave / recovery ---------------------------------------------------------------------
def recovery_dir() -> Path:
    return data_dir() / "recovery"


def recovery_key(project: Project) -> str:
    """Stable per project file; per window session for unsaved documents."""
    if project.path is not None:
        basis = str(Path(project.path).resolve())
    else:
        basis = "unsaved-" + project.session
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def recovery_path(key: str) -> Path:
    return recovery_dir() / (key + RECOVERY_SUFFIX)


def write_recovery(project: Project) -> Path:
    """Write the autosave recovery file for ``project`` (atomic)."""
    target = recovery_path(recovery_key(project))
    payload = {
        "saved_at": time.time(),
        "project_path": str(project.path) if project.path else None,
        "revision": project.document.revision,
        "project": json.loads(to_json(project)),
    }
    try:
        atomic_write_text(target, json.dumps(payload, ensure_ascii=False), overwrite=True)
    except OutputError as exc:
        raise ProjectError(f"autosave failed: {exc}") from None
    return target


def discard_recovery(key_or_path: str | Path) -> None:
    p = Path(key_or_path)
    if p.suffix != RECOVERY_SUFFIX:
        p = recovery_path(str(key_or_path))
    p.unlink(missing_ok=True)


@dataclass(frozen=True)
class Recovery:
    path: Path  # the recovery file
    project_path: Optional[Path]  # the project it belongs to (None: never saved)
    saved_at: float
    cues: int
    media: Optional[str]

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))
        name = self.project_path.name if self.project_path else (Path(self.media).name if self.media else "untitled")
        return f"{name} — {self.cues} cues, autosaved {when}"


def find_recoveries() -> list[Recovery]:
    """Recovery files left by editors that did not close cleanly, newest first."""
    out: list[Recovery] = []
    folder = recovery_dir()
    if not folder.is_dir():
        return out
    for f in folder.glob("*" + RECOVERY_SUFFIX):
        try:
            data = json.loads(f.read_text("utf-8"))
            pp = data.get("project_path")
            out.append(Recovery(f, Path(pp) if pp else None, float(data.get("saved_at", 0)),
                                len(data["project"].get("cues", [])), data["project"].get("media")))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    out.sort(key=lambda r: r.saved_at, reverse=True)
    return out


def load_recovery(recovery: Recovery | Path) -> Project:
    """The recovered project, marked dirty (it was not saved), still pointing at its project file."""
    path = recovery.path if isinstance(recovery, Recovery) else Path(recovery)
    try:
        data = json.loads(path.read_text("utf-8"))
        pp = data.get("project_path")
        project = from_json(json.dumps(data["project"]), Path(pp) if pp else None)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ProjectError(f"the recovery file cannot be read ({exc}).") from None
    project.document.mark_unsaved()  # unsaved work
    return project
