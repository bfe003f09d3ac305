"""``.subtitler`` project files, recent projects, and crash recovery (autosave).

A project is one JSON file: media path, cues (with their extra tracks), ASS styles, reading profile,
engine options.
Every write is atomic (temporary file in the same folder, fsync, rename). Autosave writes the
same JSON to a *recovery file* in the user data folder; a clean save or close removes it, so a
recovery file that is still there on the next start means the editor did not close cleanly.

Everything read back is validated with a msgspec schema (strict types, no coercion; its error
names the field, e.g. ``$.cues[3][0]``): a damaged project raises ProjectError, and a damaged
side file (recent list, recovery file) is skipped, never blocking saving, opening or starting.

No Qt here: the GUI debounces autosave with a timer and calls :func:`write_recovery`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar, Union

import msgspec
import pysubs2

from .model import Document

from .cues import Cue
from ..foundation.errors import MESSAGES, OutputError, ProjectError, Reason, reason_of
from ..media.ffmpeg import is_media_path
from ..foundation.outputs import atomic_write_text

log = logging.getLogger(__name__)
_T = TypeVar("_T")

PROJECT_SUFFIX = ".subtitler"
RECOVERY_SUFFIX = ".subtitler-recovery"
FORMAT_NAME = "subtitler-project"
FORMAT_VERSION = 1
MAX_RECENT = 12
MAX_TIME_MS = 100 * 3600 * 1000  # cue times beyond 100 h are damage, not subtitles
MAX_FILE_BYTES = 200 * 1024 * 1024


def data_dir() -> Path:
    """Where recent-project lists and recovery files live (``$SUBTITLER_DATA_DIR`` overrides)."""
    env = os.environ.get("SUBTITLER_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("subtitler", appauthor=False))


# -- styles ----------------------------------------------------------------------------------
_STYLE_FIELDS = ("fontname", "fontsize", "bold", "italic", "underline", "strikeout", "scalex", "scaley",
                 "spacing", "angle", "borderstyle", "outline", "shadow", "alignment", "marginl", "marginr",
                 "marginv", "encoding")
_COLOR_FIELDS = ("primarycolor", "secondarycolor", "outlinecolor", "backcolor")


def style_to_dict(style: pysubs2.SSAStyle) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _STYLE_FIELDS:
        value = getattr(style, name)
        out[name] = int(value) if name == "alignment" else value
    for name in _COLOR_FIELDS:
        c = getattr(style, name)
        out[name] = [c.r, c.g, c.b, c.a]
    return out


_Byte = Annotated[int, msgspec.Meta(ge=0, le=255)]
_Color = tuple[_Byte, _Byte, _Byte, _Byte]
_Num = Annotated[float, msgspec.Meta(ge=-10000, le=10000)]
_Margin = Annotated[int, msgspec.Meta(ge=-10000, le=10000)]


class StyleSchema(msgspec.Struct, forbid_unknown_fields=False):
    """An ASS style as a project stores it (every field optional: missing ones keep defaults)."""

    fontname: Optional[Annotated[str, msgspec.Meta(max_length=200)]] = None
    fontsize: Optional[Annotated[float, msgspec.Meta(gt=0, le=1000)]] = None
    bold: Optional[bool] = None
    italic: Optional[bool] = None
    underline: Optional[bool] = None
    strikeout: Optional[bool] = None
    scalex: Optional[_Num] = None
    scaley: Optional[_Num] = None
    spacing: Optional[_Num] = None
    angle: Optional[_Num] = None
    borderstyle: Optional[Annotated[int, msgspec.Meta(ge=0, le=4)]] = None
    outline: Optional[_Num] = None
    shadow: Optional[_Num] = None
    alignment: Optional[Annotated[int, msgspec.Meta(ge=1, le=9)]] = None
    marginl: Optional[_Margin] = None
    marginr: Optional[_Margin] = None
    marginv: Optional[_Margin] = None
    encoding: Optional[Annotated[int, msgspec.Meta(ge=0, le=255)]] = None
    primarycolor: Optional[_Color] = None
    secondarycolor: Optional[_Color] = None
    outlinecolor: Optional[_Color] = None
    backcolor: Optional[_Color] = None


class ProjectSchema(msgspec.Struct, forbid_unknown_fields=False):
    """A ``.subtitler`` file. Cues are ``[start_ms, end_ms, text]`` or ``[start, end, text, flag]``."""

    format: str
    version: Annotated[int, msgspec.Meta(ge=0)] = FORMAT_VERSION
    media: Optional[str] = None
    media_relative: Optional[str] = None
    language: Optional[str] = ""
    profile: Optional[str] = ""
    styles: dict[str, StyleSchema] = {}
    engine: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    tracks: list[str] = []
    cues: list[list[Union[int, str, dict[str, Any]]]] = []


class RecoverySchema(msgspec.Struct, forbid_unknown_fields=False):
    project: msgspec.Raw
    saved_at: Annotated[float, msgspec.Meta(ge=0)] = 0.0
    project_path: Optional[str] = None
    revision: int = 0


class _Head(msgspec.Struct, forbid_unknown_fields=False):
    """Just enough of a project to tell whether a file is one, and of which version."""

    format: Any = None
    version: Any = None


def _decode(data: bytes | str, schema: type[_T], what: str) -> _T:
    """``data`` decoded into ``schema``; ProjectError naming the field otherwise."""
    try:
        decoded: _T = msgspec.json.decode(data, type=schema)
        return decoded
    except msgspec.ValidationError as exc:
        raise ProjectError(Reason("project.damaged", name=what, detail=_field_message(exc))) from None
    except msgspec.DecodeError as exc:
        raise ProjectError(Reason("project.not_json", name=what, detail=str(exc))) from None
    except RecursionError:
        raise ProjectError(Reason("project.damaged", name=what, detail=Reason("project.nested"))) from None


def _field_message(exc: msgspec.ValidationError) -> str:
    """msgspec's "Expected `int`, got `str` - at `$.version`" as "version: expected int, got str"."""
    text = str(exc)
    msg, _, where = text.partition(" - at `")
    where = where.rstrip("`").removeprefix("$").lstrip(".")
    msg = msg.replace("`", "")
    return f"{where}: {msg[:1].lower()}{msg[1:]}" if where else msg


def style_from_dict(data: dict[str, Any]) -> pysubs2.SSAStyle:
    """A pysubs2 style from a project's style dict; ProjectError when a field is out of range."""
    try:
        checked = msgspec.convert(data, StyleSchema)
    except msgspec.ValidationError as exc:
        raise ProjectError(Reason("project.damaged_style", detail=_field_message(exc))) from None
    data = {k: v for k in _STYLE_FIELDS + _COLOR_FIELDS if (v := getattr(checked, k)) is not None}
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

    def __init__(self, document: Document, path: Optional[Path] = None,
                 styles: Optional[dict[str, dict[str, Any]]] = None, engine: Optional[dict[str, Any]] = None,
                 session: Optional[str] = None) -> None:
        self.document = document
        self.path = path
        if styles:
            document.styles.update(styles)  # the starting state, not an edit
        self.engine: dict[str, Any] = dict(engine or {})  # engine options (never secrets)
        self.session = session or f"{os.getpid()}-{time.time_ns()}"  # recovery key when unsaved
        self.warnings: list[str] = []  # what was repaired or ignored when it was read

    @property
    def styles(self) -> dict[str, dict[str, Any]]:
        return self.document.styles

    @property
    def media_path(self) -> Optional[str]:
        return self.document.media_path

    def style(self, name: str = "Default") -> Optional[pysubs2.SSAStyle]:
        data = self.styles.get(name)
        return style_from_dict(data) if data else None


def _cue_row(c: Cue) -> list[Any]:
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


def _no_secrets(options: dict[str, Any]) -> dict[str, Any]:
    secret_words = ("key", "secret", "token", "password")
    return {k: v for k, v in options.items() if not any(s in k.lower() for s in secret_words)}


def from_json(text: str | bytes, path: Optional[Path] = None) -> Project:
    """A project from its JSON; ProjectError (naming the damaged field) for anything else."""
    name = path.name if path else "project"
    head = _decode(text, _Head, name)
    if head.format != FORMAT_NAME:
        raise ProjectError(Reason("project.not_project", name=name))
    if isinstance(head.version, int) and not isinstance(head.version, bool) and head.version > FORMAT_VERSION:
        raise ProjectError(Reason("project.newer", name=name))
    data = _decode(text, ProjectSchema, name)
    cues = [_cue(c, i, name) for i, c in enumerate(data.cues)]
    tracks = tuple(data.tracks)
    styles = {k: {f: v for f in _STYLE_FIELDS + _COLOR_FIELDS if (v := getattr(st, f)) is not None}
              for k, st in data.styles.items()}
    styles = {k: {f: list(v) if f in _COLOR_FIELDS else v for f, v in st.items()} for k, st in styles.items()}
    warnings: list[str] = []
    media = _checked_media(data.media, "media", warnings)
    rel = _checked_media(data.media_relative, "media_relative", warnings)
    if path is not None and rel and not (media and Path(media).exists()):
        candidate = (Path(path).resolve().parent / rel).resolve()
        if candidate.is_file() and is_media_path(candidate):
            media = str(candidate)
    doc = Document(cues, media_path=media, language=data.language or "", profile=data.profile or "",
                   meta=dict(data.meta), styles=styles, tracks=tracks)
    doc.mark_saved()
    project = Project(doc, path=path, engine=dict(data.engine))
    project.warnings = warnings
    for w in warnings:
        log.warning("%s: %s", name, w)
    return project


def _cue(raw: list[Any], i: int, name: str) -> Cue:
    if len(raw) not in (3, 4, 5):
        raise ProjectError(Reason("project.damaged", name=name, detail=Reason("project.cue_shape", i=i)))
    start, end, text, *rest = raw
    kinds = ((start, int), (end, int), (text, str), *((r, (str, dict)[k]) for k, r in enumerate(rest)))
    for k, (v, kind) in enumerate(kinds):
        if not isinstance(v, kind) or isinstance(v, bool):
            raise ProjectError(Reason("project.damaged", name=name, detail=Reason(
                "project.cue_type", i=i, k=k, expected=_kind(kind), got=_kind(type(v)))))
    if not (0 <= start <= end <= MAX_TIME_MS):
        raise ProjectError(Reason("project.damaged", name=name,
                                  detail=Reason("project.cue_times", i=i, start=start, end=end)))
    extra = rest[1] if len(rest) > 1 else {}
    if not all(isinstance(v, str) for v in extra.values()):
        raise ProjectError(Reason("project.damaged", name=name, detail=Reason("project.track_texts", i=i)))
    return Cue(start, end, text, rest[0] if rest else "", tuple(extra.items()))


def _kind(kind: type) -> str:
    """A Python type's name for a message (a Reason where the app can say it)."""
    code = f"kind.{kind.__name__}"
    return Reason(code) if code in MESSAGES else kind.__name__


def _checked_media(value: Optional[str], field_name: str, warnings: list[str]) -> Optional[str]:
    """A project's media path, or None when it cannot be one (not a media file name, or something
    that exists but is not a regular file): such a path is not followed, and the user is told."""
    if not value:
        return None
    p = Path(value)
    if "\0" in value or not is_media_path(p) or (p.exists() and not p.is_file()):
        warnings.append(Reason("project.media_ignored", field=field_name, value=repr(value[:200])))
        return None
    return value


def save_project(project: Project, path: Optional[Path | str] = None) -> Path:
    """Save (atomic) to ``path`` or the project's own path; marks the document saved, remembers it
    in recent projects and removes its recovery file."""
    target = Path(path) if path is not None else project.path
    if target is None:
        raise ProjectError(Reason("project.no_name"))
    if target.suffix != PROJECT_SUFFIX:
        target = target.with_name(target.name + PROJECT_SUFFIX)
    old_key = recovery_key(project)
    project.path = target
    try:
        atomic_write_text(target, to_json(project), overwrite=True)
    except OutputError as exc:
        raise ProjectError(reason_of(exc) or str(exc)) from None
    project.document.mark_saved()
    add_recent(target)
    discard_recovery(old_key)
    discard_recovery(recovery_key(project))
    return target


def load_project(path: Path | str) -> Project:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ProjectError(Reason("project.too_large", name=path.name))
        text = path.read_bytes()
    except FileNotFoundError:
        raise ProjectError(Reason("project.not_found", name=path.name)) from None
    except OSError as exc:
        raise ProjectError(Reason("project.unreadable", name=path.name, detail=exc.strerror or str(exc))) from None
    project = from_json(text, path)
    add_recent(path)
    return project


# -- recent projects -------------------------------------------------------------------------
def _recent_file() -> Path:
    return data_dir() / "recent.json"


def recent_projects() -> list[Path]:
    """The recent list; a damaged file reads as empty (it is rewritten whole on the next save)."""
    try:
        items = msgspec.json.decode(_recent_file().read_bytes())
    except FileNotFoundError:
        return []
    except (OSError, msgspec.DecodeError, RecursionError) as exc:
        log.warning("ignoring a damaged recent-projects list (%s)", type(exc).__name__)
        return []
    if not isinstance(items, list):
        log.warning("ignoring a damaged recent-projects list (not a list)")
        return []
    return [Path(p) for p in items if isinstance(p, str) and p and "\0" not in p][:MAX_RECENT]


def add_recent(path: Path | str) -> None:
    """Put ``path`` first in the recent list; never fails (a side file must not stop the editor)."""
    try:
        p = str(Path(path).resolve())
        items = [str(x) for x in recent_projects() if str(x) != p]
        items.insert(0, p)
        atomic_write_text(_recent_file(), json.dumps(items[:MAX_RECENT], ensure_ascii=False), overwrite=True)
    except (OutputError, OSError, ValueError) as exc:
        log.warning("cannot update the recent-projects list (%s)", exc)


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
        atomic_write_text(target, json.dumps(payload, ensure_ascii=False), overwrite=True, private=True)
    except OutputError as exc:
        raise ProjectError(Reason("project.autosave_failed", detail=reason_of(exc) or str(exc))) from None
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
    """Recovery files left by editors that did not close cleanly, newest first. Damaged ones are
    skipped (and logged): a broken recovery file never stops the app from starting."""
    out: list[Recovery] = []
    folder = recovery_dir()
    try:
        files = list(folder.glob("*" + RECOVERY_SUFFIX)) if folder.is_dir() else []
    except OSError:
        return out
    for f in files:
        try:
            rec = _read_recovery(f)
            project = from_json(bytes(rec.project))
        except ProjectError as exc:
            log.warning("skipping a damaged recovery file %s: %s", f.name, exc)
            continue
        pp = rec.project_path
        out.append(Recovery(f, Path(pp) if pp else None, rec.saved_at, len(project.document.cues),
                            project.media_path))
    out.sort(key=lambda r: r.saved_at, reverse=True)
    return out


def _read_recovery(path: Path) -> RecoverySchema:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ProjectError(Reason("project.recovery_too_large", name=path.name))
        data = path.read_bytes()
    except OSError as exc:
        raise ProjectError(Reason("project.recovery_unreadable", detail=exc.strerror or str(exc))) from None
    return _decode(data, RecoverySchema, f"recovery file {path.name}")


def load_recovery(recovery: Recovery | Path) -> Project:
    """The recovered project, marked dirty (it was not saved), still pointing at its project file."""
    path = recovery.path if isinstance(recovery, Recovery) else Path(recovery)
    rec = _read_recovery(path)
    project = from_json(bytes(rec.project), Path(rec.project_path) if rec.project_path else None)
    project.document.mark_unsaved()  # unsaved work
    return project
