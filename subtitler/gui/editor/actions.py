"""The editor's actions: menus, keyboard shortcuts, the context menus of the cue table and the
waveform, the undo/redo actions (refreshed after the history changes), and the shortcut list."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout

from ...core.app.edits import NUDGE_MS
from ...core.timing.rules import PROFILES
from ..words import edit_label, profile_label
from .burn import open_burn_dialog

if TYPE_CHECKING:
    from .window import EditorWindow

CUE_MENU = ("play_cue", None, "split", "merge", "insert_before", "insert_after", "delete", None,
            "set_start", "set_end", None, "copy_text", "fix_selected", "retranscribe")
HELP_EXTRA = QT_TRANSLATE_NOOP(
    "Actions",
    "<p>Waveform: click seeks; drag a cue to move it, drag its edge to resize (snaps to neighbours, "
    "the playhead, speech, shot changes and, zoomed in, frames; hold <b>Shift</b> for no snapping); "
    "<b>wheel</b> scrolls, "
    "<b>Ctrl+wheel</b> zooms; double-click a cue to go to its start; right-click for the cue menu; with "
    "the waveform focused, <b>Space</b> plays/pauses and <b>Left/Right</b> step 1 s (<b>Shift</b>: 5 s).</p>"
    "<p>Start/end nudges with Ctrl+arrows act when the table or waveform has focus (in the "
    "text box, Ctrl+arrows move the cursor by words and Ctrl+Delete deletes a word).</p>"
    "<p>Undo and redo (Ctrl+Z, Ctrl+Y) undo the document's history everywhere, the text box included; "
    "a burst of typing is one step.</p>"
    "<p>Table: double-click or F2 edits a cell; times accept 00:01:02,345, 1:02.345, 62.345 and "
    "+0.5 / -0.25. Text box: Enter breaks the line, Ctrl+Enter goes to the next cue.</p>")


class Actions(QObject):
    def __init__(self, win: "EditorWindow") -> None:
        super().__init__(win)
        self.win = win
        self.by_name: dict[str, QAction] = {}
        # what each action runs: kept here, where the GC sees it; the actions' signals go to the
        # bound method :meth:`_run` (PySide holds a connected lambda strongly, out of the GC's
        # sight: a closed editor would stay in memory; tests/gui/test_leaks.py)
        self._slots: dict[QAction, Callable[[], object]] = {}
        self._build()
        self.detach = win.document.watch_history(self.refresh_history)
        self.refresh_history()
        for view in (win.table, win.waveform):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        win.table.customContextMenuRequested.connect(self._table_menu)
        win.waveform.customContextMenuRequested.connect(self._waveform_menu)

    def act(self, menu, name: str, text: str, slot: Callable[[], object], keys=()) -> QAction:
        a = QAction(text, self.win)
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._slots[a] = slot
        a.triggered.connect(self._run)
        if menu is not None:
            menu.addAction(a)
        self.win.addAction(a)
        self.by_name[name] = a
        return a

    def _run(self) -> None:
        action = self.sender()
        slot = self._slots.get(action) if isinstance(action, QAction) else None
        if slot is not None:
            self.win.guard(slot)

    def _profile_chosen(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.win.guard(partial(self.win.edits.set_profile, str(action.data())))

    def _fill_recent(self) -> None:
        self.win.files.fill_recent(self.recent)

    def _build(self) -> None:
        w, ed, files, mb = self.win, self.win.edits, self.win.files, self.win.menuBar()
        act = self.act
        m = mb.addMenu(self.tr("&File"))
        act(m, "open", self.tr("Open project…"), files.open_project_dialog, [QKeySequence.StandardKey.Open])
        self.recent = m.addMenu(self.tr("Open recent"))
        self.recent.aboutToShow.connect(self._fill_recent)
        act(m, "save", self.tr("Save project"), files.save, [QKeySequence.StandardKey.Save])
        act(m, "save_as", self.tr("Save project as…"), files.save_as, ["Ctrl+Shift+S"])
        m.addSeparator()
        act(m, "import", self.tr("Import subtitles (SRT/ASS/VTT)…"), files.import_dialog, ["Ctrl+I"])
        act(m, "media", self.tr("Open media for these subtitles…"), files.media_dialog)
        act(m, "export", self.tr("Export subtitles (SRT/ASS/VTT/TXT)…"), files.export_dialog, ["Ctrl+E"])
        act(m, "burn", self.tr("Export video with subtitles…"), lambda: open_burn_dialog(w))
        act(m, "style", self.tr("ASS style…"), files.style_dialog)
        w.shots.file_actions(m, act)
        m.addSeparator()
        act(m, "close", self.tr("Close"), w.close, ["Ctrl+W"])

        m = mb.addMenu(self.tr("&Edit"))
        self.undo = act(m, "undo", self.tr("Undo"), ed.undo, ["Ctrl+Z"])
        self.redo = act(m, "redo", self.tr("Redo"), ed.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
        m.addSeparator()
        act(m, "copy_text", self.tr("Copy cue text"), self.copy_text)
        act(m, "insert_after", self.tr("Insert cue after"), lambda: ed.insert(after=True), ["Insert"])
        act(m, "insert_before", self.tr("Insert cue before"), lambda: ed.insert(after=False), ["Shift+Insert"])
        act(m, "delete", self.tr("Delete selected cues"), ed.delete_selected, ["Ctrl+Delete"])
        act(m, "split", self.tr("Split cue (at playhead or text cursor)"), ed.split, ["Ctrl+Shift+Return"])
        act(m, "merge", self.tr("Merge with next / merge selection"), ed.merge, ["Ctrl+Shift+M"])
        m.addSeparator()
        act(m, "find", self.tr("Find and replace…"), ed.find_replace_dialog, ["Ctrl+H", QKeySequence.StandardKey.Find])
        act(m, "next_problem", self.tr("Go to next problem"), ed.next_problem, ["F8"])
        act(m, "prev_cue", self.tr("Previous cue"), lambda: ed.go_relative(-1), ["Alt+Up"])
        act(m, "next_cue", self.tr("Next cue"), lambda: ed.go_relative(1), ["Alt+Down"])
        act(m, "select_all", self.tr("Select all cues"), w.table.selectAll, ["Ctrl+Shift+A"])

        m = mb.addMenu(self.tr("&Timing"))
        act(m, "set_start", self.tr("Set start at playhead"), ed.set_start_at_playhead, ["F11", "Ctrl+3"])
        act(m, "set_end", self.tr("Set end at playhead"), ed.set_end_at_playhead, ["F12", "Ctrl+4"])
        m.addSeparator()
        for part, name, k100, kframe in (("start", "start", "Ctrl", "Ctrl+Shift"), ("end", "end", "Alt", "Alt+Shift"),
                                         ("both", "cue", "Ctrl+Alt", "Ctrl+Alt+Shift")):
            what = {"start": self.tr("start"), "end": self.tr("end"), "both": self.tr("whole cue")}[part]
            for sign, arrow, word in ((-1, "Left", "back"), (1, "Right", "fwd")):
                sig = "−" if sign < 0 else "+"
                act(m, f"nudge_{name}_{word}", self.tr("Move {what} {sign}100 ms").format(what=what, sign=sig),
                    self._nudger(part, sign, None), [f"{k100}+{arrow}"])
                act(m, f"nudge_{name}_{word}_frame", self.tr("Move {what} {sign}1 frame").format(what=what, sign=sig),
                    self._nudger(part, sign, w.frame_ms), [f"{kframe}+{arrow}"])
        m.addSeparator()
        act(m, "shift_all", self.tr("Shift all cues…"), lambda: ed.shift_dialog(selected=False), ["Ctrl+Shift+T"])
        act(m, "shift_selected", self.tr("Shift selected cues…"), lambda: ed.shift_dialog(selected=True), ["Ctrl+T"])
        act(m, "fix_selected", self.tr("Fix timing of selection"), lambda: ed.fix_timing(selected=True),
            ["Ctrl+Shift+F"])
        act(m, "fix_all", self.tr("Fix timing of all cues"), lambda: ed.fix_timing(selected=False))
        w.shots.timing_actions(m, act)
        self.profile_menu = m.addMenu(self.tr("Reading profile"))
        for p in PROFILES.values():
            a = QAction(profile_label(p), w, checkable=True)
            a.setData(p.name)
            a.triggered.connect(self._profile_chosen)
            self.profile_menu.addAction(a)
        self.check_profile()
        m.addSeparator()
        act(m, "retranscribe", self.tr("Re-transcribe selection with the current engine"), ed.retranscribe,
            ["Ctrl+Shift+R"])

        m = mb.addMenu(self.tr("&Video"))
        act(m, "play", self.tr("Play / pause"), w.player.toggle, ["Ctrl+Space"])
        act(m, "play_cue", self.tr("Play current cue"), lambda: w.sync.play_rows(w.need_rows()), ["Ctrl+Shift+Space"])
        act(m, "seek_back", self.tr("Back 1 second"), lambda: w.seek(w.playhead() - 1000), ["Ctrl+,"])
        act(m, "seek_fwd", self.tr("Forward 1 second"), lambda: w.seek(w.playhead() + 1000), ["Ctrl+."])
        act(m, "zoom_in", self.tr("Zoom waveform in"), lambda: w.waveform.zoom(1.5), ["Ctrl+="])
        act(m, "zoom_out", self.tr("Zoom waveform out"), lambda: w.waveform.zoom(1 / 1.5), ["Ctrl+-"])
        self.follow = QAction(self.tr("Follow playhead (view and selection)"), w, checkable=True)
        self.follow.setChecked(True)
        self.follow.toggled.connect(w.sync.set_follow)
        m.addAction(self.follow)
        self.by_name["follow"] = self.follow

        m = mb.addMenu(self.tr("&Help"))
        act(m, "shortcuts", self.tr("Keyboard shortcuts"), self.show_shortcuts, ["F1"])

    def _nudger(self, part: str, sign: int, step: Optional[Callable[[], int]]) -> Callable[[], None]:
        return lambda: self.win.edits.nudge(part, sign * (step() if step else NUDGE_MS))

    # -- state -------------------------------------------------------------------------------
    def refresh_history(self) -> None:
        """After every history change (not during it): undo/redo state and labels, the title."""
        d = self.win.document
        self.undo.setEnabled(d.can_undo())
        self.redo.setEnabled(d.can_redo())
        u, r = d.undo_label(), d.redo_label()
        self.undo.setText(self.tr("Undo {action}").format(action=edit_label(u)) if u else self.tr("Undo"))
        self.redo.setText(self.tr("Redo {action}").format(action=edit_label(r)) if r else self.tr("Redo"))
        self.win.update_title()

    def check_profile(self) -> None:
        for a in self.profile_menu.actions():
            a.setChecked(a.data() == self.win.profile.name)

    def copy_text(self) -> None:
        rows = self.win.need_rows()
        QApplication.clipboard().setText("\n\n".join(self.win.document.cues[i].text for i in rows))

    # -- context menus -----------------------------------------------------------------------
    def cue_menu(self) -> QMenu:
        menu = QMenu(self.win)
        for name in CUE_MENU:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.by_name[name])
        return menu

    def _table_menu(self, pos: QPoint) -> None:
        row = self.win.table.indexAt(pos).row()
        if row >= 0 and row not in self.win.selected_rows():
            self.win.select_rows([row])
        self._popup(self.win.table.viewport().mapToGlobal(pos))

    def _waveform_menu(self, pos: QPoint) -> None:
        index, _ = self.win.waveform.hit(pos.x())
        if index >= 0 and index not in self.win.selected_rows():
            self.win.select_rows([index])
        self._popup(self.win.waveform.mapToGlobal(pos))

    def _popup(self, at: QPoint) -> None:
        self.menu = self.cue_menu()  # kept: tests find the open menu here
        self.menu.popup(at)

    # -- help --------------------------------------------------------------------------------
    def shortcuts_html(self) -> str:
        rows = []
        for a in self.by_name.values():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in a.shortcuts())
            if keys:
                rows.append(f"<tr><td>{a.text().replace('&', '')}</td><td><b>{keys}</b></td></tr>")
        return ("<h3>" + self.tr("Keyboard shortcuts") + "</h3><table cellpadding=3>" + "".join(rows) + "</table>"
                + QCoreApplication.translate("Actions", str(HELP_EXTRA)))

    def show_shortcuts(self) -> None:
        dlg = QDialog(self.win)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # F1 again makes a new one: not kept hidden
        dlg.setWindowTitle(self.tr("Keyboard shortcuts"))
        view = QTextBrowser(dlg)
        view.setHtml(self.shortcuts_html())
        lay = QVBoxLayout(dlg)
        lay.addWidget(view)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dlg)
        box.rejected.connect(dlg.reject)
        lay.addWidget(box)
        dlg.resize(560, 600)
        dlg.show()
        self.dialog = dlg
