"""How an editor window comes to be: on a job's result, an imported subtitle file, a project (with
its crash recovery), or a recovery file. The window class binds them as classmethods."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication

from ...core.document import formats
from ...core.document import project as projects
from ...core.document.model import Document
from ..reasons import say
from . import files as files_mod

if TYPE_CHECKING:
    from .editing import EngineFactory
    from .window import EditorWindow


def open_job_result(cls: "type[EditorWindow]", document: Document, media_path: Optional[str | Path], *,
                    audio_wav: Optional[str | Path] = None, speech: Optional[Sequence] = None,
                    engine_factory: Optional[EngineFactory] = None, parent=None) -> "EditorWindow":
    """An editor on a job's document that reuses the job's decoded 16 kHz audio (``audio_wav``)
    and speech map (``speech``: regions with ``start_ms``/``end_ms``): no second decode or
    speech detection. Cues still being transcribed arrive through :meth:`load_span`."""
    return cls(document, str(media_path) if media_path else None, parent, engine_factory=engine_factory,
               audio_wav=audio_wav, speech=speech)


def import_subtitles(cls: "type[EditorWindow]", path, media=None, parent=None, **kw) -> "EditorWindow":
    cues = formats.load(Path(path))
    doc = Document(cues, media_path=str(Path(media).resolve()) if media else None)
    doc.meta["imported_from"] = str(Path(path).resolve())
    win = cls(doc, media_path=doc.media_path, parent=parent, **kw)
    count = len(cues)
    imported = QCoreApplication.translate("EditorWindow", "Imported %n cue(s) from {name}", None, count)
    win.notify(imported.format(name=Path(path).name), 5000)
    return win


def open_project(cls: "type[EditorWindow]", path, parent=None, *,
                 ask_recover: Optional[Callable[[projects.Recovery], bool]] = None, **kw) -> "EditorWindow":
    """Open a ``.subtitler`` project; if a newer autosave of it survives a crash, offer it."""
    project = files_mod.load_with_recovery(Path(path), parent, ask_recover)
    win = cls(project.document, media_path=project.media_path, parent=parent, project=project, **kw)
    if getattr(project, "warnings", None):  # e.g. a media path that is not a media file was not followed
        win.statusBar().showMessage(" ".join(say(w) for w in project.warnings), 15000)
    return win


def recover(cls: "type[EditorWindow]", recovery: projects.Recovery | Path, parent=None, **kw) -> "EditorWindow":
    """A window on a recovery file's contents (unsaved); the old recovery file is replaced by
    this window's own autosave."""
    rec_path = recovery.path if isinstance(recovery, projects.Recovery) else Path(recovery)
    project = projects.load_recovery(recovery)
    win = cls(project.document, media_path=project.media_path, parent=parent, project=project, **kw)
    win.files.autosave()
    if win.files.recovery_file() != rec_path:
        projects.discard_recovery(rec_path)
    return win


def pending_recoveries() -> list[projects.Recovery]:
    """Recovery files left by a crash (the main window offers them on start)."""
    return projects.find_recoveries()


def offer_recovery(cls: "type[EditorWindow]", parent=None) -> list["EditorWindow"]:
    """Ask about each surviving recovery file; open the ones the user wants back."""
    return files_mod.offer_recovery(cls, parent)

