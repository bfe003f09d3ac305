"""The editor's file controller: project open / save / save as, recent projects, autosave and crash
recovery, import and export of subtitle files, the media file and the ASS style. Everything it
changes in the document (cues, media, style) goes through the document's undoable path."""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import QCoreApplication

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from ...core.document import formats
from ...core.document import project as projects
from ...core.foundation.errors import Reason, SubtitlerError
from ...core.text.script import is_cjk_text
from ..reasons import error_text, say

if TYPE_CHECKING:
    from .window import EditorWindow

AUTOSAVE_MS = 2000  # autosave at most this long after the first unsaved change (issue: ≤ 5 s)
MEDIA_PATTERNS = "*.mp4 *.mkv *.mov *.webm *.avi *.m4v *.wav *.mp3 *.m4a *.aac *.flac *.ogg *.opus"


def media_filter() -> str:
    return QCoreApplication.translate("FileController", "Media ({patterns});;All files (*)").format(
        patterns=MEDIA_PATTERNS)


def export_filter() -> str:
    return ("SubRip (*.srt);;Advanced SubStation (*.ass);;WebVTT (*.vtt);;"
            + QCoreApplication.translate("FileController", "Plain text (*.txt)"))
_open_windows: list[QWidget] = []  # windows opened from the editor itself stay alive


def _forget_deleted() -> None:
    """An editor opened from an editor was deleted (closed): drop it (and any other deleted one)."""
    _open_windows[:] = [w for w in _open_windows if shiboken6.isValid(w)]


def ask_yes_no(parent, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def load_with_recovery(path: Path, parent=None,
                       ask_recover: Optional[Callable[[projects.Recovery], bool]] = None) -> projects.Project:
    """The project at ``path``; if a newer autosave of it survived a crash, offer that instead."""
    project = projects.load_project(path)
    target = str(path.resolve())
    for rec in projects.find_recoveries():
        if rec.project_path is not None and str(Path(rec.project_path).resolve()) == target:
            mtime = path.stat().st_mtime if path.exists() else 0
            if rec.saved_at >= mtime:
                ask = ask_recover or (lambda r: ask_yes_no(
                    parent, QCoreApplication.translate("FileController", "Recover unsaved changes?"),
                    QCoreApplication.translate("FileController", "The editor did not close cleanly. Recover the "
                                                                 "autosaved version?") + f"\n\n{r.describe()}"))
                if ask(rec):
                    project = projects.load_recovery(rec)
                else:
                    projects.discard_recovery(rec.path)
            break
    return project


class FileController(QObject):
    def __init__(self, win: "EditorWindow") -> None:
        super().__init__(win)
        self.win = win
        self.document = win.document
        self.project = win.project
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(self._interval())
        self.autosave_timer.timeout.connect(self.autosave)
        self._unsubscribe = self.document.watch_history(self.schedule_autosave)

    @staticmethod
    def _interval() -> int:
        return AUTOSAVE_MS  # read when a controller is made: tests shorten it

    def detach(self) -> None:
        self.autosave_timer.stop()
        self._unsubscribe()

    def schedule_autosave(self) -> None:
        if self.document.dirty and not self.autosave_timer.isActive():
            self.autosave_timer.start()

    # -- autosave / recovery -----------------------------------------------------------------
    def recovery_file(self) -> Path:
        return projects.recovery_path(projects.recovery_key(self.project))

    def autosave(self) -> None:
        self.autosave_timer.stop()
        if not self.document.dirty:
            return
        try:
            projects.write_recovery(self.project)
        except SubtitlerError as exc:
            self.win.show_error(error_text(exc))

    # -- project files -----------------------------------------------------------------------
    def save(self) -> bool:
        if self.project.path is None:
            return self.save_as()
        return self._save_to(self.project.path)

    def save_as(self, path: Optional[str | Path] = None) -> bool:
        if path is None:
            media = self.document.media_path
            start = self.project.path or (Path(media).with_suffix(projects.PROJECT_SUFFIX) if media
                                          else Path.home() / ("untitled" + projects.PROJECT_SUFFIX))
            path, _ = QFileDialog.getSaveFileName(self.win, self.tr("Save project"), str(start),
                                                  self.tr("Subtitler project (*.subtitler)"))
            if not path:
                return False
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        if not self.document.profile:  # the profile in use is saved with the project (not an edit)
            self.document.profile = self.win.profile.name
        projects.save_project(self.project, path)
        self.autosave_timer.stop()
        self.win.update_title()
        self.win.notify(self.tr("Saved {path}").format(path=self.project.path), 4000)
        return True

    def guarded_save(self) -> bool:
        try:
            return self.save()
        except SubtitlerError as exc:
            QMessageBox.warning(self.win, self.tr("Save failed"), error_text(exc))
            return False

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.win, self.tr("Open project"), "",
                                              self.tr("Subtitler project (*.subtitler)"))
        if path:
            self.open_other(partial(type(self.win).open_project, path, **self.inherited()))

    def inherited(self) -> dict[str, Any]:
        """What an editor opened from this one keeps: the user's engine for re-transcribing and
        their key and settings for translation (as the app gives its editors)."""
        return {"engine_factory": self.win.edits.engine_factory, "services": self.win.services}

    @staticmethod
    def open_other(make: Callable[[], QWidget]) -> None:
        """Show another editor, kept alive here until the user closes it; then Qt deletes it (in
        the GUI thread) and it leaves the list."""
        win = make()
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_windows.append(win)
        win.destroyed.connect(_forget_deleted)
        win.show()

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        items = [p for p in projects.recent_projects() if p.exists()]
        if not items:
            menu.addAction(self.tr("(none)")).setEnabled(False)
        for p in items:
            action = menu.addAction(str(p))
            action.setData(str(p))
            action.triggered.connect(self._open_recent)

    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.win.guard(partial(self.open_other, partial(type(self.win).open_project, str(action.data()),
                                                            **self.inherited())))

    # -- media -------------------------------------------------------------------------------
    def media_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.win, self.tr("Open media"), "", media_filter())
        if path:
            self.set_media(path)

    def set_media(self, path: str | Path) -> None:
        """Attach (or replace) the media as an undoable document change; the window reloads the
        player and waveform when the document's media changes."""
        self.document.set_media(str(Path(path).resolve()))

    # -- subtitle files ----------------------------------------------------------------------
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.win, self.tr("Import subtitles"), "",
                                              self.tr("Subtitles (*.srt *.ass *.ssa *.vtt);;All files (*)"))
        if not path:
            return
        if self.document.cues and not ask_yes_no(self.win, self.tr("Import subtitles"),
                                                 self.tr("Replace the cues of this editor with the imported ones?\n"
                                                         "(Undo brings them back.)")):
            return
        self.import_into(path)

    def import_into(self, path: str | Path) -> bool:
        """Replace this editor's cues with a subtitle file's (one undo step). A file that cannot be
        read gets a message box saying why (not the crash dialog); repaired cues are listed."""
        try:
            imported = formats.read_subtitles(Path(path))
        except SubtitlerError as exc:
            self.show_problem(self.tr("Cannot import subtitles"), error_text(exc))
            return False
        cues = imported.cues
        self.document.replace_cues(cues, Reason("undo.import", name=Path(path).name))
        self.win.select_rows([0] if cues else [])
        if imported.problems:
            self.show_problem(self.tr("Imported %n cue(s) from {name}", "", len(cues)).format(name=Path(path).name),
                              self.tr("%n cue(s) needed repair:", "", len(imported.problems)) + "\n"
                              + "\n".join(say(p) for p in imported.problems[:20]), icon=QMessageBox.Icon.Information)
        return True

    def show_problem(self, title: str, text: str, icon=QMessageBox.Icon.Warning) -> QMessageBox:
        """A non-blocking message box over the editor (kept in ``self.problem_box`` for tests)."""
        box = QMessageBox(icon, title, text.splitlines()[0] if text else title, QMessageBox.StandardButton.Close,
                          self.win)
        if "\n" in text:
            box.setDetailedText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.problem_box = box
        box.show()
        return box

    def export_dialog(self) -> None:
        media = self.document.media_path
        base = Path(media).with_suffix(".srt") if media else Path.home() / "subtitles.srt"
        path, flt = QFileDialog.getSaveFileName(self.win, self.tr("Export subtitles"), str(base), export_filter())
        if path:
            m = re.search(r"\*\.(\w+)", flt or "")
            ext = m.group(1) if m else ""
            if not Path(path).suffix and ext:
                path += "." + ext
            self.export(path)

    def export(self, path: str | Path, fmt: Optional[str] = None) -> Path:
        out = formats.export(self.document.cues, Path(path), fmt, overwrite=True, style=self.project.style("Default"))
        self.win.notify(self.tr("Exported {path}").format(path=out), 5000)
        return out

    # -- style -------------------------------------------------------------------------------
    def current_style(self):
        return self.project.style("Default") or formats.default_style(
            is_cjk_text(" ".join(c.text for c in self.document.cues[:50])))

    def style_dialog(self) -> None:
        from .style_editor import StyleDialog

        dlg = StyleDialog(self.current_style(), self.win.player, self.win)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.set_style(dlg.chosen_style())
        else:
            self.win.player.set_style(self.current_style())
        dlg.deleteLater()  # (a child of the editor: not kept until it closes)

    def set_style(self, style) -> None:
        """The Default ASS style (undoable; saved with the project, used by ASS export)."""
        self.document.set_style("Default", projects.style_to_dict(style))
        self.win.notify(self.tr("Style updated (saved with the project, used by ASS export)."), 4000)


def offer_recovery(cls, parent=None) -> list:
    """Ask about each surviving recovery file; open the ones the user wants back."""
    out = []
    for rec in projects.find_recoveries():
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("files", "Recover unsaved work?"),
            QCoreApplication.translate("files", "An editor did not close cleanly. Recover its autosaved work?")
            + f"\n\n{rec.describe()}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Discard)
        if answer == QMessageBox.StandardButton.Yes:
            win = cls.recover(rec, parent)
            win.show()
            out.append(win)
        elif answer == QMessageBox.StandardButton.Discard:
            projects.discard_recovery(rec.path)
    return out
