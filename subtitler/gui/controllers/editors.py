"""Editor launcher: opens jobs, projects and subtitle files in the timeline editor (the read-only cue
list while the editor is unavailable), keeps those windows alive until they close, hands a finished
job's decoded audio and speech map to the editor (no second decode or speech detection), feeds
cues into an editor opened on a running job as they are made, and offers crash recovery at start.

The boundary with the editor (each part used when the editor offers it):
``EditorWindow(document, media_path, engine_factory=..., audio_wav=..., speech=...)`` — the user's
engine for re-transcribing, the job's decoded audio and speech map; ``win.load_span(cues, a, b)`` —
cues arriving while the job runs (not undo steps); ``win.set_job_audio(wav, regions)`` — audio that
arrives after opening. An editor without them still finds the same audio and speech map in the
shared media cache (:mod:`subtitler.core.app.media_cache`, same layout): nothing is decoded twice.
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from typing import Any, Optional, Sequence

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.document import formats
from ...core.document.model import Document
from ...core.document.cues import Cue
from ...core.foundation.errors import SubtitlerError
from ...core.media.ffmpeg import is_media_path
from ...core.app.media_cache import MediaAudio
from ...core.app.queue import FINISHED, Job, Status
from ..dialogs.cue_list import CueListDialog
from ..main_window import MainWindow
from ..reasons import error_text, say
from .settings import SettingsController

log = logging.getLogger(__name__)



def editor_class() -> Any:
    """``subtitler.gui.editor.EditorWindow`` or None while the editor is unavailable."""
    try:
        from ..editor import EditorWindow
    except ImportError:
        return None
    except Exception:
        log.exception("the editor failed to import")
        return None
    return EditorWindow


def _accepts(fn: Any, name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def add_transcribed(doc: Document, cues: Sequence[Cue]) -> None:
    """Put cues the transcription just made into ``doc`` (the document's ``load_span``: not an edit
    of the user's, no undo step, a clean document stays clean)."""
    if cues:
        doc.load_span(list(cues), min(c.start for c in cues), max(c.start for c in cues) + 1)


class EditorLauncher(QObject):
    def __init__(self, window: MainWindow, settings: SettingsController) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.windows: list[QWidget] = []  # editors and cue lists kept alive
        self._live: dict[int, list[tuple[QWidget, Document]]] = {}  # running job id -> its open editors

    # -- jobs ---------------------------------------------------------------------------------
    def open_job(self, job: Optional[Job]) -> Optional[QWidget]:
        """The editor for a finished job; for a running one, an editor its cues flow into."""
        if job is None:
            return None
        if job.status == Status.RUNNING:
            doc = Document([], media_path=str(job.source.resolve()))
            add_transcribed(doc, list(job.cues))
            win = self.open_document(doc, job.source, self.tr("{name} — cues (transcribing)").format(name=job.name))
            self._live.setdefault(job.id, []).append((win, doc))
            return win
        if job.status not in FINISHED or job.result is None:
            text = (say(job.error) if job.status == Status.FAILED
                    else self.tr("{name} is not transcribed yet.").format(name=job.name))
            self.window.notify(text)
            return None
        return self.open_document(job.result.document, job.source, self.tr("{name} — cues").format(name=job.name),
                                  audio=getattr(job.result, "audio", None))

    def job_cues(self, job: Job, cues: list[Cue]) -> None:
        if not cues:
            return
        for win, doc in self._live.get(job.id, []):
            if win not in self.windows:
                continue
            load_span = getattr(win, "load_span", None)
            if callable(load_span):
                load_span(cues, min(c.start for c in cues), max(c.start for c in cues) + 1)
            else:
                add_transcribed(doc, cues)

    def job_done(self, job: Job) -> None:
        """A running job finished: its live editors get the finished cues (rules applied) unless
        the user has started editing there, and the job's decoded audio and speech map."""
        result = job.result
        for win, doc in self._live.pop(job.id, []):
            if win not in self.windows or result is None:
                continue
            if not doc.dirty and not doc.can_undo():
                final = list(result.document.cues)
                load_span = getattr(win, "load_span", None)
                if callable(load_span):
                    load_span(final, -(1 << 40), 1 << 40)
                else:
                    doc.load_span(final, -(1 << 40), 1 << 40)
            audio = getattr(result, "audio", None)
            set_audio = getattr(win, "set_job_audio", None)
            if audio is not None and callable(set_audio):
                set_audio(audio.wav, list(audio.regions) if audio.regions is not None else None)

    def open_document(self, document: Document, media: Optional[Path], title: str,
                      audio: Optional[MediaAudio] = None) -> QWidget:
        editor = editor_class()
        win: Optional[QWidget] = None
        if editor is not None:
            kwargs = self._editor_kwargs(editor, audio)
            try:
                win = editor(document, str(media) if media else None, **kwargs)
            except SubtitlerError as exc:
                self.window.notify(error_text(exc), 8000)
        if win is None:
            win = CueListDialog(document, title, self.window)
            win.setModal(False)
        return self.present(win)

    def _editor_kwargs(self, editor: Any, audio: Optional[MediaAudio] = None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        if _accepts(editor, "engine_factory"):  # re-transcribe with the user's engine settings
            kwargs["engine_factory"] = self.settings.services.create_engine
        if _accepts(editor, "services"):  # translation: the same key and base URL
            kwargs["services"] = lambda: self.settings.services  # the current one (settings may be saved)
        if audio is not None and _accepts(editor, "audio_wav"):
            kwargs["audio_wav"] = audio.wav
            kwargs["speech"] = list(audio.regions) if audio.regions is not None else None
        elif audio is not None and _accepts(editor, "audio"):
            kwargs["audio"] = audio
        return kwargs

    # -- files --------------------------------------------------------------------------------
    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), self.settings.last_dir(),
                                              self.tr("subtitler projects (*.subtitler *.subproj *.json);;"
                                                      "All files (*)"))
        if path:
            self.open_project(path)

    def open_project(self, path: str | Path) -> Optional[QWidget]:
        editor = editor_class()
        if editor is None or not hasattr(editor, "open_project"):
            self.window.tell(self.tr("Projects open in the editor, which is not available in this installation."))
            return None
        try:
            win = editor.open_project(str(path), **self._editor_kwargs(editor.open_project))
        except SubtitlerError as exc:
            self.window.tell(self.tr("Cannot open {name}: {error}").format(name=Path(path).name, error=error_text(exc)))
            return None
        return self.present(win) if isinstance(win, QWidget) else win

    def choose_subtitles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import subtitles"), self.settings.last_dir(),
                                              self.tr("Subtitles (*.srt *.ass *.ssa *.vtt);;All files (*)"))
        if path:
            self.import_subtitles(path)

    def import_subtitles(self, path: str | Path, media: Optional[Path] = None) -> Optional[QWidget]:
        path = Path(path)
        if media is None:  # a media file with the same stem next to it, if any
            media = next((p for p in sorted(path.parent.glob(f"{path.stem.split('.')[0]}.*"))
                          if is_media_path(p)), None)
        editor = editor_class()
        try:
            if editor is not None and hasattr(editor, "import_subtitles"):
                win = editor.import_subtitles(str(path), media=str(media) if media else None,
                                              **self._editor_kwargs(editor.import_subtitles))
            else:
                win = CueListDialog(Document(formats.load(path)), self.tr("{name} — cues").format(name=path.name),
                                    self.window)
        except SubtitlerError as exc:
            self.window.tell(self.tr("Cannot import {name}: {error}").format(name=path.name, error=error_text(exc)))
            return None
        return self.present(win) if isinstance(win, QWidget) else win

    # -- recovery -----------------------------------------------------------------------------
    def offer_recovery(self) -> list[QWidget]:
        """At start-up: offer to reopen editors that did not close cleanly (autosaved work)."""
        editor = editor_class()
        if editor is None:
            return []
        try:
            windows = editor.offer_recovery(self.window)
        except SubtitlerError as exc:
            self.window.notify(error_text(exc), 8000)
            return []
        for win in windows:
            self.keep(win)
        return windows

    # -- windows ------------------------------------------------------------------------------
    def present(self, win: QWidget) -> QWidget:
        """Show a window the app keeps alive until it closes."""
        self.keep(win)
        if hasattr(win, "shots"):  # the editor's Beautify and shot detection follow the user's settings
            s = self.settings.settings
            win.shots.configure(sensitivity=s.shot_sensitivity, preset=s.beautify_preset)
        win.show()
        return win

    def keep(self, win: QWidget) -> None:
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed windows leave the list
        self.windows.append(win)
        win.destroyed.connect(self._forget_deleted)  # (a bound method: a lambda would hold the window)

    def _forget_deleted(self) -> None:
        """A kept window was deleted (closed): it leaves the list and the running jobs' editors."""
        self.windows[:] = [w for w in self.windows if shiboken6.isValid(w)]
        live = {job_id: [(w, d) for w, d in wins if shiboken6.isValid(w)] for job_id, wins in self._live.items()}
        self._live = {job_id: wins for job_id, wins in live.items() if wins}  # (a failed job never ends them)

    def close_all(self) -> None:
        for win in list(self.windows):
            win.close()
