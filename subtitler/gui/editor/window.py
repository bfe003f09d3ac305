"""The editor window: cue table + edit box, video frame, waveform timeline; menus and shortcuts;
project save/open, autosave and recovery, import/export. Every change goes through the core
Document's one undo stack."""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QMainWindow, QMessageBox,
                               QPlainTextEdit, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget)

from ...core import formats
from ...core import project as projects
from ...core.document import Document, Edit, Replace
from ...core.errors import SubtitlerError
from ...core.rules import PROFILES, get_profile
from . import commands as cmd
from .model import COL_CPS, COL_DUR, COL_END, COL_FLAG, COL_NUM, COL_START, COL_TEXT, CueTableModel, TextDelegate
from .player import PlayerWidget
from .waveform import TimelinePanel, WaveformView

AUTOSAVE_MS = 2000  # autosave at most this long after the first unsaved change (issue: ≤ 5 s)
_open_windows: list["EditorWindow"] = []  # windows opened from the editor itself stay alive


class TextBox(QPlainTextEdit):
    """The cue text editor: Enter inserts a line break (subtitles are short); Ctrl+Enter goes on
    to the next cue like Subtitle Edit."""

    commitNext = Signal()

    def keyPressEvent(self, e) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commitNext.emit()
            return
        super().keyPressEvent(e)


class EditorWindow(QMainWindow):
    """One editor per open job or project."""

    closed = Signal()

    def __init__(self, document: Document, media_path: Optional[str] = None, parent: Optional[QWidget] = None, *,
                 project: Optional[projects.Project] = None, analyse_media: bool = True) -> None:
        super().__init__(parent)
        self.document = document
        if media_path and not document.media_path:
            document.media_path = str(media_path)
        self.media_path = document.media_path
        self.project = project or projects.Project(document)
        sample = " ".join(c.text for c in document.cues[:50])
        try:
            self.profile = get_profile(document.profile or None, sample)
        except SubtitlerError:
            self.profile = get_profile(None, sample)
        self.fps = cmd.DEFAULT_FPS
        self._loading_text = False
        self._analysis = None
        self._workers: list = []
        self._closing_confirmed = False

        # -- views ---------------------------------------------------------------------------
        self.model = CueTableModel(document, self.profile, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(TextDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        for col, w in ((COL_NUM, 48), (COL_START, 96), (COL_END, 96), (COL_DUR, 64), (COL_CPS, 48), (COL_FLAG, 90)):
            hh.resizeSection(col, w)
        hh.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.model.editFailed.connect(self._show_error)

        self.start_edit = QLineEdit(self)
        self.end_edit = QLineEdit(self)
        self.dur_edit = QLineEdit(self)
        for w, tip in ((self.start_edit, "Start: 00:01:02,345, 1:02.345, 62.345, or +0.5 / -0.25"),
                       (self.end_edit, "End (same formats)"), (self.dur_edit, "Duration in seconds (or +0.5)")):
            w.setToolTip(tip)
            w.setMaximumWidth(120)
        self.start_edit.editingFinished.connect(lambda: self._commit_time(COL_START, self.start_edit))
        self.end_edit.editingFinished.connect(lambda: self._commit_time(COL_END, self.end_edit))
        self.dur_edit.editingFinished.connect(lambda: self._commit_time(COL_DUR, self.dur_edit))
        self.text_box = TextBox(self)
        self.text_box.setPlaceholderText("Cue text (Enter: new line, Ctrl+Enter: next cue)")
        self.text_box.setMaximumHeight(90)
        self.text_box.textChanged.connect(self._text_edited)
        self.text_box.commitNext.connect(lambda: self.go_relative(1))
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)

        edit_row = QHBoxLayout()
        for label, w in (("Start", self.start_edit), ("End", self.end_edit), ("Duration", self.dur_edit)):
            edit_row.addWidget(QLabel(label, self))
            edit_row.addWidget(w)
        edit_row.addStretch(1)
        edit_box = QWidget(self)
        eb = QVBoxLayout(edit_box)
        eb.setContentsMargins(4, 4, 4, 4)
        eb.addLayout(edit_row)
        eb.addWidget(self.text_box)
        eb.addWidget(self.info_label)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table)
        left.addWidget(edit_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)

        self.player = PlayerWidget(self)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(left)
        top.addWidget(self.player)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)

        self.waveform = WaveformView(document, self.profile, self)
        self.timeline = TimelinePanel(self.waveform, self)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(top)
        main.addWidget(self.timeline)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 1)
        main.setSizes([520, 200])
        self.setCentralWidget(main)
        self.resize(1280, 800)

        # -- wiring --------------------------------------------------------------------------
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.waveform.cueClicked.connect(self._cue_clicked)
        self.waveform.seekRequested.connect(self.seek)
        self.waveform.playToggleRequested.connect(self.player.toggle)
        self.player.positionChanged.connect(self._position_changed)
        self.player.durationChanged.connect(self.waveform.set_media_duration)
        self._unsubscribe = document.subscribe(self._doc_changed)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)

        self._build_actions()
        self.player.load(self.media_path)
        self.waveform.set_status("no media" if not self.media_path else "loading waveform…")
        if self.media_path and analyse_media and Path(self.media_path).exists():
            self.start_media_analysis()
        self.statusBar().showMessage(f"{len(document.cues)} cues · profile: {self.profile.label}", 5000)
        self._update_title()
        if document.cues:
            self.select_rows([0])
        if document.dirty:
            self.autosave_timer.start()

    # -- construction ------------------------------------------------------------------------
    @classmethod
    def import_subtitles(cls, path, media=None, parent=None, **kw) -> "EditorWindow":
        cues = sorted(formats.load(Path(path)), key=lambda c: (c.start, c.end))
        doc = Document(cues, media_path=str(Path(media).resolve()) if media else None)
        doc.meta["imported_from"] = str(Path(path).resolve())
        doc.mark_saved()
        win = cls(doc, media_path=doc.media_path, parent=parent, **kw)
        win.statusBar().showMessage(f"Imported {len(cues)} cues from {Path(path).name}", 5000)
        return win

    @classmethod
    def open_project(cls, path, parent=None, *, ask_recover: Optional[Callable[[projects.Recovery], bool]] = None,
                     **kw) -> "EditorWindow":
        """Open a ``.subtitler`` project; if a newer autosave of it survives a crash, offer it."""
        path = Path(path)
        project = projects.load_project(path)
        target = str(path.resolve())
        for rec in projects.find_recoveries():
            if rec.project_path is not None and str(Path(rec.project_path).resolve()) == target:
                mtime = path.stat().st_mtime if path.exists() else 0
                if rec.saved_at >= mtime:
                    ask = ask_recover or (lambda r: _ask_yes_no(
                        parent, "Recover unsaved changes?",
                        f"The editor did not close cleanly. Recover the autosaved version?\n\n{r.describe()}"))
                    if ask(rec):
                        project = projects.load_recovery(rec)
                    else:
                        projects.discard_recovery(rec.path)
                break
        win = cls(project.document, media_path=project.media_path, parent=parent, project=project, **kw)
        if project.warnings:  # e.g. a media path that is not a media file was not followed
            win.statusBar().showMessage(" ".join(project.warnings), 15000)
        return win

    @classmethod
    def recover(cls, recovery: projects.Recovery | Path, parent=None, **kw) -> "EditorWindow":
        """A window on a recovery file's contents (unsaved); the old recovery file is replaced by
        this window's own autosave."""
        rec_path = recovery.path if isinstance(recovery, projects.Recovery) else Path(recovery)
        project = projects.load_recovery(recovery)
        win = cls(project.document, media_path=project.media_path, parent=parent, project=project, **kw)
        win.autosave()
        if win.recovery_file() != rec_path:
            projects.discard_recovery(rec_path)
        return win

    @staticmethod
    def pending_recoveries() -> list[projects.Recovery]:
        """Recovery files left by a crash (the main window offers them on start)."""
        return projects.find_recoveries()

    @classmethod
    def offer_recovery(cls, parent=None) -> list["EditorWindow"]:
        """Ask about each surviving recovery file; open the ones the user wants back."""
        out = []
        for rec in projects.find_recoveries():
            answer = QMessageBox.question(
                parent, "Recover unsaved work?",
                f"An editor did not close cleanly. Recover its autosaved work?\n\n{rec.describe()}",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Discard)
            if answer == QMessageBox.StandardButton.Yes:
                win = cls.recover(rec, parent)
                win.show()
                out.append(win)
            elif answer == QMessageBox.StandardButton.Discard:
                projects.discard_recovery(rec.path)
        return out

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        mb = self.menuBar()

        def act(menu, name: str, text: str, slot, keys=(), context=Qt.ShortcutContext.WindowShortcut) -> QAction:
            a = QAction(text, self)
            seqs = [QKeySequence(k) if isinstance(k, str) else QKeySequence(k) for k in keys]
            if seqs:
                a.setShortcuts(seqs)
            a.setShortcutContext(context)
            a.triggered.connect(lambda _=False: self._guard(slot))
            menu.addAction(a)
            self.addAction(a)
            self.actions_by_name[name] = a
            return a

        m = mb.addMenu("&File")
        act(m, "open", "Open project…", self.open_project_dialog, [QKeySequence.StandardKey.Open])
        self.recent_menu = m.addMenu("Open recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        act(m, "save", "Save project", self.save, [QKeySequence.StandardKey.Save])
        act(m, "save_as", "Save project as…", self.save_as, ["Ctrl+Shift+S"])
        m.addSeparator()
        act(m, "import", "Import subtitles (SRT/ASS/VTT)…", self.import_dialog, ["Ctrl+I"])
        act(m, "media", "Open media for these subtitles…", self.media_dialog, [])
        act(m, "export", "Export subtitles (SRT/ASS/VTT/TXT)…", self.export_dialog, ["Ctrl+E"])
        act(m, "style", "ASS style…", self.style_dialog, [])
        m.addSeparator()
        act(m, "close", "Close", self.close, ["Ctrl+W"])

        m = mb.addMenu("&Edit")
        self.undo_action = act(m, "undo", "Undo", self.undo, ["Ctrl+Z"])
        self.redo_action = act(m, "redo", "Redo", self.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
        m.addSeparator()
        act(m, "insert_after", "Insert cue after", lambda: self.insert(after=True), ["Insert"])
        act(m, "insert_before", "Insert cue before", lambda: self.insert(after=False), ["Shift+Insert"])
        act(m, "delete", "Delete selected cues", self.delete_selected, ["Ctrl+Delete"])
        act(m, "split", "Split cue (at playhead or text cursor)", self.split, ["Ctrl+Shift+Return"])
        act(m, "merge", "Merge with next / merge selection", self.merge, ["Ctrl+Shift+M"])
        m.addSeparator()
        act(m, "find", "Find and replace…", self.find_replace_dialog, ["Ctrl+H", QKeySequence.StandardKey.Find])
        act(m, "next_problem", "Go to next problem", self.next_problem, ["F8"])
        act(m, "prev_cue", "Previous cue", lambda: self.go_relative(-1), ["Alt+Up"])
        act(m, "next_cue", "Next cue", lambda: self.go_relative(1), ["Alt+Down"])
        act(m, "select_all", "Select all cues", self.table.selectAll, ["Ctrl+Shift+A"])

        m = mb.addMenu("&Timing")
        act(m, "set_start", "Set start at playhead", self.set_start_at_playhead, ["F11", "Ctrl+3"])
        act(m, "set_end", "Set end at playhead", self.set_end_at_playhead, ["F12", "Ctrl+4"])
        m.addSeparator()
        for part, name, k100, kframe in (("start", "start", "Ctrl", "Ctrl+Shift"), ("end", "end", "Alt", "Alt+Shift"),
                                         ("both", "cue", "Ctrl+Alt", "Ctrl+Alt+Shift")):
            what = {"start": "start", "end": "end", "both": "whole cue"}[part]
            act(m, f"nudge_{name}_back", f"Move {what} −100 ms", lambda p=part: self.nudge(p, -cmd.NUDGE_MS),
                [f"{k100}+Left"])
            act(m, f"nudge_{name}_fwd", f"Move {what} +100 ms", lambda p=part: self.nudge(p, cmd.NUDGE_MS),
                [f"{k100}+Right"])
            act(m, f"nudge_{name}_back_frame", f"Move {what} −1 frame", lambda p=part: self.nudge(p, -self.frame_ms()),
                [f"{kframe}+Left"])
            act(m, f"nudge_{name}_fwd_frame", f"Move {what} +1 frame", lambda p=part: self.nudge(p, self.frame_ms()),
                [f"{kframe}+Right"])
        m.addSeparator()
        act(m, "shift_all", "Shift all cues…", lambda: self.shift_dialog(selected=False), ["Ctrl+Shift+T"])
        act(m, "shift_selected", "Shift selected cues…", lambda: self.shift_dialog(selected=True), ["Ctrl+T"])
        act(m, "fix_selected", "Fix timing of selection", lambda: self.fix_timing(selected=True), ["Ctrl+Shift+F"])
        act(m, "fix_all", "Fix timing of all cues", lambda: self.fix_timing(selected=False), [])
        self.profile_menu = m.addMenu("Reading profile")
        for p in PROFILES.values():
            a = QAction(p.label, self, checkable=True)
            a.setChecked(p.name == self.profile.name)
            a.triggered.connect(lambda _=False, n=p.name: self.set_profile(n))
            self.profile_menu.addAction(a)
        m.addSeparator()
        act(m, "retranscribe", "Re-transcribe selection with the current engine", self.retranscribe, ["Ctrl+Shift+R"])

        m = mb.addMenu("&Video")
        act(m, "play", "Play / pause", self.player.toggle, ["Ctrl+Space"])
        act(m, "play_cue", "Play current cue", self.play_current, ["Ctrl+Shift+Space"])
        act(m, "seek_back", "Back 1 second", lambda: self.seek(self.player.position() - 1000), ["Ctrl+,"])
        act(m, "seek_fwd", "Forward 1 second", lambda: self.seek(self.player.position() + 1000), ["Ctrl+."])
        act(m, "zoom_in", "Zoom waveform in", lambda: self.waveform.zoom(1.5), ["Ctrl+="])
        act(m, "zoom_out", "Zoom waveform out", lambda: self.waveform.zoom(1 / 1.5), ["Ctrl+-"])
        follow = QAction("Follow playhead", self, checkable=True)
        follow.setChecked(True)
        follow.toggled.connect(lambda v: setattr(self.waveform, "follow", v))
        m.addAction(follow)

        m = mb.addMenu("&Help")
        act(m, "shortcuts", "Keyboard shortcuts", self.show_shortcuts, ["F1"])
        self._refresh_undo_actions()

    # -- helpers -----------------------------------------------------------------------------
    def _guard(self, fn) -> None:
        try:
            fn()
        except SubtitlerError as exc:
            self._show_error(str(exc))

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def frame_ms(self) -> int:
        fps = self.player.fps or self.fps
        return max(1, round(1000 / fps))

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def current_row(self) -> int:
        idx = self.table.currentIndex()
        if idx.isValid():
            return idx.row()
        rows = self.selected_rows()
        return rows[0] if rows else -1

    def _need_rows(self) -> list[int]:
        rows = self.selected_rows()
        if not rows and self.current_row() >= 0:
            rows = [self.current_row()]
        if not rows:
            raise SubtitlerError("select a cue first.")
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

    def playhead(self) -> int:
        return self.player.position()

    def seek(self, ms: int) -> None:
        self.player.seek(max(0, int(ms)))

    # -- selection / sync --------------------------------------------------------------------
    def _selection_changed(self, *_) -> None:
        rows = self.selected_rows()
        cur = self.current_row()
        self.document.break_merge()
        self.waveform.set_selection(rows, cur)
        self._load_edit_box(force=True)
        if 0 <= cur < len(self.document.cues) and not self.player.is_playing():
            c = self.document.cues[cur]
            self.waveform.show_range(c.start, c.end)
            if not (c.start <= self.playhead() < c.end):
                self.seek(c.start)

    def _cue_clicked(self, index: int, modifiers) -> None:
        mods = Qt.KeyboardModifier(modifiers) if not isinstance(modifiers, Qt.KeyboardModifier) else modifiers
        if mods & Qt.KeyboardModifier.ControlModifier:
            rows = set(self.selected_rows()) ^ {index}
            self.select_rows(sorted(rows), index)
        elif index not in self.selected_rows() or len(self.selected_rows()) == 1:
            self.select_rows([index])

    def _position_changed(self, ms: int) -> None:
        playing = self.player.is_playing()
        self.waveform.set_playhead(ms, follow=playing)
        i = self.cue_at(ms)
        cues = self.document.cues
        self.player.set_subtitle(cues[i].text if i >= 0 else "")
        if playing and i >= 0 and i != self.current_row():
            self.select_rows([i])

    def cue_at(self, ms: int) -> int:
        cues = self.document.cues
        k = bisect.bisect_right([c.start for c in cues], ms) - 1 if len(cues) < 500 else self._bisect_start(ms)
        for j in (k, k - 1):
            if 0 <= j < len(cues) and cues[j].start <= ms < cues[j].end:
                return j
        return -1

    def _bisect_start(self, ms: int) -> int:
        cues = self.document.cues
        lo, hi = 0, len(cues)
        while lo < hi:
            mid = (lo + hi) // 2
            if cues[mid].start <= ms:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    def _doc_changed(self, _change) -> None:
        self._refresh_undo_actions()
        self._update_title()
        if not self._loading_text:
            self._load_edit_box()
        if self.document.dirty and not self.autosave_timer.isActive():
            self.autosave_timer.start()
        i = self.cue_at(self.playhead())
        self.player.set_subtitle(self.document.cues[i].text if i >= 0 else "")

    def _refresh_undo_actions(self) -> None:
        d = self.document
        self.undo_action.setEnabled(d.can_undo())
        self.redo_action.setEnabled(d.can_redo())
        self.undo_action.setText(f"Undo {d.undo_label()}".strip())
        self.redo_action.setText(f"Redo {d.redo_label()}".strip())

    def _update_title(self) -> None:
        name = self.project.path.name if self.project.path else (
            Path(self.media_path).name if self.media_path else "Untitled")
        self.setWindowTitle(f"{'*' if self.document.dirty else ''}{name} — Subtitle editor")

    def _load_edit_box(self, force: bool = False) -> None:
        cur = self.current_row()
        cues = self.document.cues
        self._loading_text = True
        try:
            if 0 <= cur < len(cues):
                c = cues[cur]
                for w, v in ((self.start_edit, cmd.format_ms(c.start)), (self.end_edit, cmd.format_ms(c.end)),
                             (self.dur_edit, cmd.format_duration(c.duration))):
                    if w.text() != v and (force or not w.hasFocus()):  # never under the user's typing
                        w.setText(v)
                if self.text_box.toPlainText() != c.text:
                    pos = self.text_box.textCursor().position()
                    self.text_box.setPlainText(c.text)
                    tc = self.text_box.textCursor()
                    tc.setPosition(min(pos, len(c.text)))
                    self.text_box.setTextCursor(tc)
                probs = self.model.problems(cur)
                self.info_label.setText(f"Cue {cur + 1}/{len(cues)} · {len(c.plain())} chars · "
                                        f"{c.duration / 1000:.2f} s" + ("  ⚠ " + "; ".join(probs) if probs else ""))
                self.text_box.setEnabled(True)
            else:
                for w in (self.start_edit, self.end_edit, self.dur_edit):
                    w.clear()
                self.text_box.setPlainText("")
                self.text_box.setEnabled(False)
                self.info_label.setText(f"{len(cues)} cues")
        finally:
            self._loading_text = False

    def _text_edited(self) -> None:
        if self._loading_text:
            return
        i = self.current_row()
        if not (0 <= i < len(self.document.cues)):
            return
        c = self.document.cues[i]
        text = self.text_box.toPlainText()
        if text == c.text:
            return
        from dataclasses import replace

        self._loading_text = True
        try:  # typing merges into one undo step per cue
            self.document.apply(Edit("Edit text", [Replace(i, (c,), (replace(c, text=text),))], f"type:{i}"))
        finally:
            self._loading_text = False
        self._load_edit_box()

    def _commit_time(self, col: int, widget: QLineEdit) -> None:
        i = self.current_row()
        if not (0 <= i < len(self.document.cues)):
            return
        current = self.model.data(self.model.index(i, col), Qt.ItemDataRole.EditRole)
        if widget.text().strip() and widget.text() != current:
            self.model.setData(self.model.index(i, col), widget.text())
        self._load_edit_box(force=True)

    # -- edit commands -----------------------------------------------------------------------
    def undo(self) -> None:
        if not self.document.undo():
            self._show_error("nothing to undo.")

    def redo(self) -> None:
        if not self.document.redo():
            self._show_error("nothing to redo.")

    def set_start_at_playhead(self) -> None:
        i = self._need_rows()[0] if self.current_row() < 0 else self.current_row()
        cmd.set_start_at(self.document, i, self.playhead())

    def set_end_at_playhead(self) -> None:
        i = self._need_rows()[0] if self.current_row() < 0 else self.current_row()
        cmd.set_end_at(self.document, i, self.playhead())

    def nudge(self, part: str, delta: int) -> None:
        cmd.nudge(self.document, self._need_rows(), part, delta)

    def split(self) -> None:
        i = self.current_row()
        if i < 0:
            raise SubtitlerError("select a cue first.")
        pos = self.text_box.textCursor().position() if self.text_box.hasFocus() else None
        c = self.document.cues[i]
        playhead = self.playhead() if c.start < self.playhead() < c.end else None
        cmd.split_cue(self.document, i, playhead=playhead, text_pos=pos if pos else None)
        self.select_rows([i])

    def merge(self) -> None:
        rows = self._need_rows()
        cmd.merge_cues(self.document, rows)
        self.select_rows([rows[0]])

    def insert(self, *, after: bool) -> None:
        i = self.current_row()
        _, pos = cmd.insert_cue(self.document, i if i >= 0 else None, after=after, profile=self.profile,
                                at_ms=self.playhead() if i < 0 else None)
        self.select_rows([pos])
        self.text_box.setFocus()

    def delete_selected(self) -> None:
        rows = self._need_rows()
        self.document.delete(rows)
        if self.document.cues:
            self.select_rows([min(rows[0], len(self.document.cues) - 1)])

    def go_relative(self, step: int) -> None:
        n = len(self.document.cues)
        if not n:
            return
        cur = self.current_row()
        self.select_rows([max(0, min(n - 1, (cur if cur >= 0 else -1) + step))])

    def next_problem(self) -> None:
        i = cmd.next_problem(self.document.cues, self.current_row(), self.profile)
        if i is None:
            self.statusBar().showMessage("No problems: every cue fits the reading profile.", 5000)
            return
        self.select_rows([i])
        self.statusBar().showMessage(f"Cue {i + 1}: " + "; ".join(self.model.problems(i)), 8000)

    def shift_dialog(self, *, selected: bool) -> None:
        text, ok = QInputDialog.getText(self, "Shift times",
                                        "Offset (seconds, e.g. +1.5 or -0.25, or 00:00:01,500):", text="+0.000")
        if ok and text.strip():
            self.shift(parse_offset(text), selected=selected)

    def shift(self, offset_ms: int, *, selected: bool) -> None:
        rows = self._need_rows() if selected else None
        cmd.shift_cues(self.document, rows, offset_ms)

    def fix_timing(self, *, selected: bool) -> None:
        rows = self._need_rows() if selected else None
        media_end = self.waveform.media_ms or None
        cmd.fix_timing_range(self.document, rows, self.profile, media_end_ms=media_end)
        self.statusBar().showMessage(f"Timing fixed ({self.profile.label}).", 5000)

    def set_profile(self, name: str) -> None:
        self.profile = get_profile(name)
        self.document.profile = name
        self.model.set_profile(self.profile)
        self.waveform.set_profile(self.profile)
        for a in self.profile_menu.actions():
            a.setChecked(a.text() == self.profile.label)
        self._load_edit_box()

    def play_current(self) -> None:
        i = self.current_row()
        if i < 0:
            raise SubtitlerError("select a cue first.")
        rows = self.selected_rows() or [i]
        c0, c1 = self.document.cues[rows[0]], self.document.cues[rows[-1]]
        self.player.play_range(c0.start, c1.end)

    def find_replace_dialog(self) -> None:
        from .dialogs import FindReplaceDialog

        if getattr(self, "_find", None) is None:
            self._find = FindReplaceDialog(self)
        self._find.show()
        self._find.raise_()
        self._find.find_edit.setFocus()

    def find_next(self, pattern: str, *, regex: bool, case: bool) -> int:
        hits = cmd.find_matches(self.document, pattern, regex=regex, case=case)
        if not hits:
            self.statusBar().showMessage("Not found.", 4000)
            return -1
        cur = self.current_row()
        nxt = next((h for h in hits if h > cur), hits[0])
        self.select_rows([nxt])
        return nxt

    def replace_all(self, pattern: str, replacement: str, *, regex: bool, case: bool, selection: bool = False) -> int:
        rows = self._need_rows() if selection else None
        _, n = cmd.find_replace(self.document, pattern, replacement, regex=regex, case=case, indices=rows)
        self.statusBar().showMessage(f"Replaced in {n} cue{'s' if n != 1 else ''}.", 5000)
        return n

    def retranscribe(self) -> None:
        rows = self._need_rows()
        if not self.media_path or not Path(self.media_path).exists():
            raise SubtitlerError("re-transcribing needs the media file.")
        a, b = rows[0], rows[-1]
        start, end = self.document.cues[a].start, self.document.cues[b].end
        engine_opts = dict(self.project.engine)
        media = self.media_path
        profile = self.profile
        language = self.document.language or None
        snapshot = tuple(self.document.cues[a:b + 1])

        def work(cancel):
            from ...core.engines import create_engine
            from ...core.media import extract_audio, load_wav
            from .workers import audio_cache_path
            from ...core.peaks import media_key

            wav = audio_cache_path(media_key(media))
            if not wav.exists():
                wav.parent.mkdir(parents=True, exist_ok=True)
                extract_audio(media, wav, cancel=cancel)
            pcm = load_wav(wav)
            engine = create_engine(engine_opts.get("engine", "auto"), model=engine_opts.get("model"))
            return cmd.retranscribe_cues(pcm, start - 200, end + 200, engine, profile, language=language,
                                         cancel=cancel)

        def done(new_cues):
            if tuple(self.document.cues[a:b + 1]) != snapshot:
                self._show_error("the cues changed while re-transcribing; result not applied.")
                return
            self.document.replace_cues(new_cues, "Re-transcribe", a, b - a + 1)
            self.select_rows(list(range(a, a + len(new_cues))))
            self.statusBar().showMessage(f"Re-transcribed: {len(new_cues)} cues.", 5000)

        from .workers import run_in_thread

        self.statusBar().showMessage("Re-transcribing the selection…")
        self._workers.append(run_in_thread(work, done, self._show_error, self))

    # -- media analysis ----------------------------------------------------------------------
    def start_media_analysis(self) -> None:
        from .workers import MediaAnalysis

        self._analysis = MediaAnalysis(self.media_path, parent=self)
        self._analysis.peaksReady.connect(self.waveform.set_peaks)
        self._analysis.speechReady.connect(self.waveform.set_speech)
        self._analysis.progress.connect(self.waveform.set_status)
        self._analysis.failed.connect(lambda m: (self.waveform.set_status(f"no waveform: {m}"), self._show_error(m)))
        self._analysis.start()

    # -- files -------------------------------------------------------------------------------
    def recovery_file(self) -> Path:
        return projects.recovery_path(projects.recovery_key(self.project))

    def autosave(self) -> None:
        self.autosave_timer.stop()
        if not self.document.dirty:
            return
        try:
            projects.write_recovery(self.project)
        except SubtitlerError as exc:
            self._show_error(str(exc))

    def save(self) -> bool:
        if self.project.path is None:
            return self.save_as()
        return self._save_to(self.project.path)

    def save_as(self, path: Optional[str | Path] = None) -> bool:
        if path is None:
            start = self.project.path or (Path(self.media_path).with_suffix(projects.PROJECT_SUFFIX)
                                          if self.media_path else Path.home() / ("untitled" + projects.PROJECT_SUFFIX))
            path, _ = QFileDialog.getSaveFileName(self, "Save project", str(start), "Subtitler project (*.subtitler)")
            if not path:
                return False
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        self.project.document.profile = self.document.profile or self.profile.name
        projects.save_project(self.project, path)
        self.autosave_timer.stop()
        self._update_title()
        self.statusBar().showMessage(f"Saved {self.project.path}", 4000)
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "", "Subtitler project (*.subtitler)")
        if path:
            self._open_other(lambda: EditorWindow.open_project(path))

    def _open_other(self, make) -> None:
        win = make()
        _open_windows.append(win)
        win.closed.connect(lambda: _open_windows.remove(win) if win in _open_windows else None)
        win.show()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = [p for p in projects.recent_projects() if p.exists()]
        if not items:
            a = self.recent_menu.addAction("(none)")
            a.setEnabled(False)
        for p in items:
            self.recent_menu.addAction(str(p), lambda p=p: self._guard(lambda: self._open_other(
                lambda: EditorWindow.open_project(p))))

    def media_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open media", "", "Media (*.mp4 *.mkv *.mov *.webm *.avi *.m4v "
                                              "*.wav *.mp3 *.m4a *.aac *.flac *.ogg *.opus);;All files (*)")
        if path:
            self.set_media(path)

    def set_media(self, path: str | Path, *, analyse: bool = True) -> None:
        """Attach (or replace) the media: video frame, waveform and speech snapping follow it."""
        path = str(Path(path).resolve())
        if self._analysis is not None:
            self._analysis.stop()
            self._analysis = None
        self.document.media_path = path
        self.media_path = path
        self.document.saved_revision = -1 if self.document.saved_revision == self.document.revision else \
            self.document.saved_revision  # the project changed (unsaved) even though no cue did
        self.player.shutdown()
        if self.player.player is not None:
            self.player.player.deleteLater()
            self.player.player = None
        self.player.load(path)
        self.waveform.set_peaks(None)
        self.waveform.set_speech([])
        self.waveform.set_status("loading waveform…")
        if analyse and Path(path).exists():
            self.start_media_analysis()
        self._update_title()
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import subtitles", "",
                                              "Subtitles (*.srt *.ass *.ssa *.vtt);;All files (*)")
        if not path:
            return
        if self.document.cues and not _ask_yes_no(self, "Import subtitles",
                                                  "Replace the cues of this editor with the imported ones?\n"
                                                  "(Undo brings them back.)"):
            return
        self.import_into(path)

    def import_into(self, path: str | Path) -> bool:
        """Replace this editor's cues with a subtitle file's (one undo step). A file that cannot be
        read gets a message box saying why (not the crash dialog); repaired cues are listed."""
        try:
            imported = formats.read_subtitles(Path(path))
        except SubtitlerError as exc:
            self.show_problem("Cannot import subtitles", str(exc))
            return False
        cues = sorted(imported.cues, key=lambda c: (c.start, c.end))
        self.document.replace_cues(cues, f"Import {Path(path).name}")
        self.select_rows([0] if cues else [])
        if imported.problems:
            self.show_problem(f"Imported {len(cues)} cues from {Path(path).name}",
                              f"{len(imported.problems)} cue{'s' * (len(imported.problems) != 1)} needed repair:\n"
                              + "\n".join(imported.problems[:20]), icon=QMessageBox.Icon.Information)
        return True

    def show_problem(self, title: str, text: str, icon=QMessageBox.Icon.Warning) -> QMessageBox:
        """A non-blocking message box (kept in ``self.problem_box`` for tests)."""
        box = QMessageBox(icon, title, text.splitlines()[0] if text else title, QMessageBox.StandardButton.Close, self)
        if "\n" in text:
            box.setDetailedText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.problem_box = box
        box.show()
        return box

    def export_dialog(self) -> None:
        base = Path(self.media_path).with_suffix(".srt") if self.media_path else Path.home() / "subtitles.srt"
        path, flt = QFileDialog.getSaveFileName(self, "Export subtitles", str(base),
                                                "SubRip (*.srt);;Advanced SubStation (*.ass);;WebVTT (*.vtt);;"
                                                "Plain text (*.txt)")
        if path:
            ext = {"SubRip": "srt", "Advanced": "ass", "WebVTT": "vtt", "Plain": "txt"}.get(flt.split(" ")[0], "")
            if not Path(path).suffix and ext:
                path += "." + ext
            self.export(path)

    def export(self, path: str | Path, fmt: Optional[str] = None) -> Path:
        out = formats.export(self.document.cues, Path(path), fmt, overwrite=True, style=self.project.style("Default"))
        self.statusBar().showMessage(f"Exported {out}", 5000)
        return out

    def style_dialog(self) -> None:
        from .style_editor import StyleDialog

        dlg = StyleDialog(self.current_style(), self.player, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.set_style(dlg.style())
        else:
            self.player.set_style(self.current_style())

    def current_style(self):
        from ...core.text import is_cjk_text

        return self.project.style("Default") or formats.default_style(
            is_cjk_text(" ".join(c.text for c in self.document.cues[:50])))

    def set_style(self, style) -> None:
        self.project.styles["Default"] = projects.style_to_dict(style)
        self.player.set_style(style)
        self.document.meta["style_changed"] = True
        self.statusBar().showMessage("Style updated (saved with the project, used by ASS export).", 4000)

    def show_shortcuts(self) -> None:
        dlg = QDialog(self)
        dlg.setWindowTitle("Keyboard shortcuts")
        view = QTextBrowser(dlg)
        view.setHtml(self.shortcuts_html())
        lay = QVBoxLayout(dlg)
        lay.addWidget(view)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dlg)
        box.rejected.connect(dlg.reject)
        lay.addWidget(box)
        dlg.resize(560, 640)
        dlg.show()
        self._shortcuts_dialog = dlg

    def shortcuts_html(self) -> str:
        rows = []
        for a in self.actions_by_name.values():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in a.shortcuts())
            if keys:
                rows.append(f"<tr><td>{a.text().replace('&', '')}</td><td><b>{keys}</b></td></tr>")
        extra = ("<p>Waveform: click seeks; drag a cue to move it, drag its edge to resize (snaps to neighbours, "
                 "the playhead and speech; hold <b>Shift</b> for no snapping); <b>wheel</b> scrolls, "
                 "<b>Ctrl+wheel</b> zooms; double-click a cue to go to its start; with the waveform focused, "
                 "<b>Space</b> plays/pauses and <b>Left/Right</b> step 1 s (<b>Shift</b>: 5 s).</p>"
                 "<p>Start/end nudges with Ctrl+arrows act when the table or waveform has focus (in the "
                 "text box, Ctrl+arrows move the cursor by words).</p>"
                 "<p>Table: double-click or F2 edits a cell; times accept 00:01:02,345, 1:02.345, 62.345 and "
                 "+0.5 / -0.25. Text box: Enter breaks the line, Ctrl+Enter goes to the next cue.</p>")
        return "<h3>Keyboard shortcuts</h3><table cellpadding=3>" + "".join(rows) + "</table>" + extra

    # -- closing -----------------------------------------------------------------------------
    def ask_save_on_close(self) -> str:
        """'save' | 'discard' | 'cancel' (tests replace this)."""
        answer = QMessageBox.question(
            self, "Unsaved changes", "Save the changes to this project before closing?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            answer, "cancel")

    def closeEvent(self, e: QCloseEvent) -> None:
        if self.document.dirty and not self._closing_confirmed:
            choice = self.ask_save_on_close()
            if choice == "cancel" or (choice == "save" and not self._guarded_save()):
                e.ignore()
                return
        self.shutdown()
        projects.discard_recovery(self.recovery_file())  # closed cleanly: nothing to recover
        e.accept()
        self.closed.emit()

    def _guarded_save(self) -> bool:
        try:
            return self.save()
        except SubtitlerError as exc:
            QMessageBox.warning(self, "Save failed", str(exc))
            return False

    def shutdown(self) -> None:
        """Stop timers, workers and playback (no recovery cleanup: a crash keeps its file)."""
        self.autosave_timer.stop()
        if getattr(self, "_shut", False):
            return
        self._shut = True
        if self._analysis is not None:
            self._analysis.stop()
        for w in self._workers:
            w.stop()
        self.player.shutdown()
        self.model.detach()
        self.waveform.detach()
        self._unsubscribe()


def parse_offset(text: str) -> int:
    t = text.strip()
    sign = -1 if t.startswith("-") else 1
    return sign * cmd.parse_time(t.lstrip("+-"))


def _ask_yes_no(parent, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
