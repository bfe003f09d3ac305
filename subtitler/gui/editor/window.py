"""The editor window: wiring only. It builds the views — cue table, edit box, video frame, waveform
timeline — and hands the work to controllers with one job each:

* :class:`files.FileController` — project open/save, recent, autosave and recovery, import/export,
  media, ASS style;
* :class:`editing.EditController` — the user's edit intents → :mod:`subtitler.core.app.edits`, undo/redo,
  re-transcribe (with the engine factory it is given);
* :class:`editbox.EditBox` — the current cue's fields and text (typing is a document edit);
* :class:`playback.PlaybackSync` — player ↔ playhead, overlay, follow;
* :class:`shots.ShotController` — frame grid and shot changes (detect, import/export), Beautify;
* :class:`actions.Actions` — menus, shortcuts, context menus.

One key rule: every change goes through the core Document's one undo path, and Ctrl+Z / Ctrl+Y undo
the document everywhere (the text box included).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from PySide6.QtCore import QItemSelectionModel, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QWidget

from ...core.document import project as projects
from ...core.document.model import Change, Document
from ...core.document.cues import Cue
from ...core.app.edits import DEFAULT_FPS
from ...core.foundation.errors import SubtitlerError
from ...core.timing.rules import Profile, get_profile
from ...core.app.services import EngineService
from ..delivery import finish_thread
from ..reasons import error_text
from ..words import profile_label
from .actions import Actions
from .editbox import EditBox
from .editing import EditController, EngineFactory
from .files import FileController
from .model import COL_TEXT, CueTable, CueTableModel
from . import opening
from .playback import PlaybackSync
from .shots import ShotController
from .translation import TranslationController
from .player import PlayerWidget
from .waveform import TimelinePanel, WaveformView
from .workers import MediaAnalysis

FRAME_PX = 32  # the window manager's title bar


class EditorWindow(QMainWindow):
    """One editor per open job or project."""

    closed = Signal()

    def __init__(self, document: Document, media_path: Optional[str] = None, parent: Optional[QWidget] = None, *,
                 project: Optional[projects.Project] = None, analyse_media: bool = True,
                 engine_factory: Optional[EngineFactory] = None, audio_wav: Optional[str | Path] = None,
                 speech: Optional[Sequence] = None,
                 services: Optional[EngineService | Callable[[], EngineService]] = None) -> None:
        super().__init__(parent)
        self.document = document
        if media_path and not document.media_path:
            document.adopt("media_path", str(media_path))  # where the document came from: not an edit
        self.project = project or projects.Project(document)
        self.services = services  # the user's key and GLM settings for translation (or a getter); None: defaults
        self._shut = False
        self.media: Optional[MediaAnalysis] = None  # the worker for waveform peaks and speech regions
        self._analyse = analyse_media
        self.burn_dialog: Optional[QWidget] = None  # File ▸ Export video with subtitles… (burn.py)
        self._job_audio = (Path(audio_wav) if audio_wav else None, list(speech) if speech is not None else None)

        self.model = CueTableModel(document, self.profile, self)
        self.table = CueTable(self.model, self)
        self.model.editFailed.connect(self.show_error)
        self.edit_box = EditBox(document, self.current_row, self.model.problems, self)
        self.edit_box.failed.connect(self.show_error)
        self.text_box = self.edit_box.text_box
        self.start_edit, self.end_edit, self.dur_edit = (self.edit_box.start_edit, self.edit_box.end_edit,
                                                         self.edit_box.dur_edit)
        self.player = PlayerWidget(self)
        self.waveform = WaveformView(document, self.profile, self)
        self.timeline = TimelinePanel(self.waveform, self)
        self._lay_out()

        self.sync = PlaybackSync(document, self.player, self.waveform, current=self.current_row,
                                 select=self.select_rows, typing=self.edit_box.typing, parent=self)
        self.files = FileController(self)
        self.edits = EditController(self, engine_factory)
        self.shots = ShotController(self)
        self.menus = Actions(self)
        self.translation = TranslationController(self)
        self.translation.add_actions(self.menus)
        # bound methods only: PySide holds a connected lambda strongly, where the GC cannot see it
        # (a closed window would stay in memory; tests/gui/test_leaks.py)
        self.text_box.commitNext.connect(self.edits.go_next)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.waveform.cueClicked.connect(self._cue_clicked)
        self._unsubscribe = document.subscribe(self._doc_changed)

        self.player.set_style(self.files.current_style())
        self._load_media()
        self.notify(self.tr("%n cue(s)", "", len(document.cues)) + " · "
                    + self.tr("profile: {profile}").format(profile=profile_label(self.profile)), 5000)
        self.update_title()
        if document.cues:
            self.select_rows([0])
        else:
            self.edit_box.load(force=True)
        self.files.schedule_autosave()

    def _lay_out(self) -> None:
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table)
        left.addWidget(self.edit_box)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        left.setCollapsible(1, False)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(left)
        top.addWidget(self.player)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(top)
        main.addWidget(self.timeline)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 1)
        main.setSizes([460, 180])
        self.setCentralWidget(main)
        screen = self.screen()
        self.fit_to(screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768))

    def fit_to(self, available: QRect) -> None:
        """At most 1280×800, never more than the screen offers (title bar included)."""
        self.resize(min(1280, available.width()), min(800, available.height() - FRAME_PX))

    # -- construction (subtitler.gui.editor.opening) -------------------------------------------
    open_job_result = classmethod(opening.open_job_result)
    import_subtitles = classmethod(opening.import_subtitles)
    open_project = classmethod(opening.open_project)
    recover = classmethod(opening.recover)
    offer_recovery = classmethod(opening.offer_recovery)
    pending_recoveries = staticmethod(opening.pending_recoveries)

    # -- results arriving while the job runs -------------------------------------------------
    def load_span(self, cues: Iterable[Cue], start_ms: int, end_ms: int) -> None:
        """Cues for [start_ms, end_ms) as the job makes them: a load, not an undo step (the user's
        undo history before the span is kept); the selection stays on the same cue."""
        cur = self.current_row()
        keep = self.document.cues[cur] if 0 <= cur < len(self.document.cues) else None
        self.document.load_span(list(cues), start_ms, end_ms)
        if keep is not None and (cur >= len(self.document.cues) or self.document.cues[cur] is not keep):
            row = next((i for i, c in enumerate(self.document.cues) if c is keep), -1)
            if row >= 0:
                self.select_rows([row])

    def set_job_audio(self, audio_wav: str | Path, speech: Optional[Sequence] = None) -> None:
        """The job's decoded audio and speech map, once ready (waveform and snapping use them)."""
        self._job_audio = (Path(audio_wav), list(speech) if speech is not None else None)
        self._analyse = True
        self._load_media(reload_player=False)

    def audio_wav(self) -> Optional[Path]:
        """The media's decoded 16 kHz WAV when one is known (given by the job or cached)."""
        wav = self.media.wav_path() if self.media is not None else self._job_audio[0]
        return wav if wav is not None and wav.exists() else None

    # -- document changes --------------------------------------------------------------------
    @property
    def profile(self) -> Profile:
        doc = self.document
        try:
            return get_profile(doc.profile or None, " ".join(c.text for c in doc.cues[:50]))
        except SubtitlerError:
            return get_profile(None, " ".join(c.text for c in doc.cues[:50]))

    def _doc_changed(self, ch: Change) -> None:
        if ch.kind == "move":  # the table's selection moved with the row: the waveform follows it
            self.waveform.set_selection(self.selected_rows(), self.current_row())
        if ch.kind != "prop":
            return
        if ch.name == "profile":
            profile = self.profile
            self.model.set_profile(profile)
            self.waveform.set_profile(profile)
            self.menus.check_profile()
            self.edit_box.load()
        elif ch.name == "media_path":
            self._load_media()
        elif ch.name == "styles":
            self.player.set_style(self.files.current_style())

    def _load_media(self, reload_player: bool = True) -> None:
        path = self.document.media_path
        if self.media is not None:
            self.media.stop()
            self.media = None
        if reload_player:
            if self.player.player is not None:
                self.player.shutdown()
                self.player.player.deleteLater()
                self.player.player = None
            self.player.load(path)
            self.waveform.set_peaks(None)
            self.waveform.set_speech([])
        self.waveform.set_status(self.tr("no media") if not path else self.tr("loading waveform…"))
        if path and self._analyse and Path(path).exists():
            wav, regions = self._job_audio
            self.media = MediaAnalysis(path, wav=wav, regions=regions, parent=self)
            self.media.peaksReady.connect(self.waveform.set_peaks)
            self.media.speechReady.connect(self.waveform.set_speech)
            self.media.progress.connect(self.waveform.set_status)
            self.media.failed.connect(self._media_failed)
            self.media.start()

    def _media_failed(self, message: str) -> None:
        self.waveform.set_status(self.tr("no waveform: {reason}").format(reason=message))
        self.show_error(message)

    def update_title(self) -> None:
        media = self.document.media_path
        name = self.project.path.name if self.project.path else (Path(media).name if media else self.tr("Untitled"))
        shown = ("*" if self.document.dirty else "") + name
        self.setWindowTitle(self.tr("{name} — Subtitle editor").format(name=shown))

    # -- selection ---------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def current_row(self) -> int:
        idx = self.table.currentIndex()
        if idx.isValid():
            return idx.row()
        rows = self.selected_rows()
        return rows[0] if rows else -1

    def need_rows(self) -> list[int]:
        rows = self.selected_rows() or ([self.current_row()] if self.current_row() >= 0 else [])
        if not rows:
            raise SubtitlerError(self.tr("select a cue first."))
        return rows

    def select_rows(self, rows, current: Optional[int] = None) -> None:
        rows = [r for r in rows if 0 <= r < self.model.rowCount()]
        sm = self.table.selectionModel()
        if not rows:
            sm.clearSelection()
            return
        current = rows[0] if current is None else current
        sm.setCurrentIndex(self.model.index(current, COL_TEXT), QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r in rows:
            sm.select(self.model.index(r, 0), flags)
        self.table.scrollTo(self.model.index(current, 0))

    def _selection_changed(self, *_) -> None:
        cur = self.current_row()
        self.document.break_merge()
        self.edit_box.new_burst()
        self.waveform.set_selection(self.selected_rows(), cur)
        self.edit_box.load(force=True)
        self.sync.show_cue(cur)

    def _cue_clicked(self, index: int, modifiers) -> None:
        mods = Qt.KeyboardModifier(modifiers) if not isinstance(modifiers, Qt.KeyboardModifier) else modifiers
        if mods & Qt.KeyboardModifier.ControlModifier:
            self.select_rows(sorted(set(self.selected_rows()) ^ {index}), index)
        elif index not in self.selected_rows() or len(self.selected_rows()) == 1:
            self.select_rows([index])

    # -- small shared helpers ----------------------------------------------------------------
    def guard(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except SubtitlerError as exc:
            self.show_error(error_text(exc))

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def notify(self, message: str, ms: int = 0) -> None:
        self.statusBar().showMessage(message, ms)

    def frame_ms(self) -> int:
        return max(1, round(1000 / (self.player.fps or DEFAULT_FPS)))

    def playhead(self) -> int:
        return self.sync.playhead()

    def seek(self, ms: int) -> None:
        self.sync.seek(ms)

    # -- closing -----------------------------------------------------------------------------
    def ask_save_on_close(self) -> str:
        """'save' | 'discard' | 'cancel' (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this project before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            answer, "cancel")

    def closeEvent(self, e: QCloseEvent) -> None:
        choice = ""
        if self.document.dirty:
            choice = self.ask_save_on_close()
            if choice == "cancel" or (choice == "save" and not self.files.guarded_save()):
                e.ignore()
                return
        self.shutdown()
        if choice == "discard":  # the last saved state (or the job's result) wherever the document is used:
            self.document.revert()  # the queue's job, its export, the next editor opened on it
        projects.discard_recovery(self.files.recovery_file())  # closed cleanly: nothing to recover
        e.accept()
        self.closed.emit()

    def shutdown(self) -> None:
        """Stop timers, workers and playback (no recovery cleanup: a crash keeps its file)."""
        self.files.autosave_timer.stop()
        if self._shut:
            return
        self._shut = True
        if self.media is not None:
            self.media.stop()
        self.edits.stop()
        finish_thread(getattr(self.burn_dialog, "worker", None))  # a video export
        self.player.shutdown()
        for part in (self.model, self.waveform, self.edit_box, self.sync, self.files, self.menus, self.shots,
                     self.translation):
            part.detach()
        self._unsubscribe()
