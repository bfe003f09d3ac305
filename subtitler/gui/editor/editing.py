"""The edit controller: turns the user's intent (with the current selection and playhead) into the
core's edit commands (:mod:`subtitler.core.app.edits`), all through the document's one undo path; and
re-transcribing a selection with the engine the editor was given."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from ...core.app import edits
from ...core.foundation.errors import Reason, SubtitlerError
from ...core.timing.rules import get_profile
from ..words import problem_text, profile_label
from .dialogs import FindReplaceDialog

if TYPE_CHECKING:
    from .window import EditorWindow

EngineFactory = Callable[[], Any]  # () -> core.engines.Engine, built from the user's settings


class EditController(QObject):
    def __init__(self, win: "EditorWindow", engine_factory: Optional[EngineFactory] = None) -> None:
        super().__init__(win)
        self.win = win
        self.document = win.document
        self.engine_factory = engine_factory
        self._find: Optional[FindReplaceDialog] = None
        self._workers: list = []

    def stop(self) -> None:
        for w in self._workers:
            w.stop()

    # -- history -----------------------------------------------------------------------------
    def undo(self) -> None:
        self.win.edit_box.new_burst()
        if not self.document.undo():
            self.win.show_error(self.tr("nothing to undo."))

    def redo(self) -> None:
        self.win.edit_box.new_burst()
        if not self.document.redo():
            self.win.show_error(self.tr("nothing to redo."))

    # -- timing ------------------------------------------------------------------------------
    def _row(self) -> int:
        cur = self.win.current_row()
        return cur if cur >= 0 else self.win.need_rows()[0]

    def set_start_at_playhead(self) -> None:
        edits.set_start_at(self.document, self._row(), self.win.playhead())

    def set_end_at_playhead(self) -> None:
        edits.set_end_at(self.document, self._row(), self.win.playhead())

    def nudge(self, part: str, delta: int) -> None:
        edits.nudge(self.document, self.win.need_rows(), part, delta)

    def shift_dialog(self, *, selected: bool) -> None:
        text, ok = QInputDialog.getText(self.win, self.tr("Shift times"),
                                        self.tr("Offset (seconds, e.g. +1.5 or -0.25, or 00:00:01,500):"),
                                        text="+0.000")
        if ok and text.strip():
            self.shift(edits.parse_offset(text), selected=selected)

    def shift(self, offset_ms: int, *, selected: bool) -> None:
        edits.shift_cues(self.document, self.win.need_rows() if selected else None, offset_ms)

    def fix_timing(self, *, selected: bool) -> None:
        rows = self.win.need_rows() if selected else None
        edits.fix_timing_range(self.document, rows, self.win.profile, media_end_ms=self.win.waveform.media_ms or None)
        self.win.notify(self.tr("Timing fixed ({profile}).").format(profile=profile_label(self.win.profile)), 5000)

    def set_profile(self, name: str) -> None:
        get_profile(name)  # refuses unknown names before anything changes
        self.document.set_profile(name)

    # -- cues --------------------------------------------------------------------------------
    def split(self) -> None:
        i = self.win.current_row()
        if i < 0:
            raise SubtitlerError(self.tr("select a cue first."))
        box = self.win.edit_box.text_box
        pos = box.textCursor().position() if box.hasFocus() else None
        c = self.document.cues[i]
        playhead = self.win.playhead()
        edits.split_cue(self.document, i, playhead=playhead if c.start < playhead < c.end else None,
                        text_pos=pos or None, audio=self.win.audio_wav())
        self.win.select_rows([i])

    def merge(self) -> None:
        rows = self.win.need_rows()
        edits.merge_cues(self.document, rows, self.win.profile)
        self.win.select_rows([rows[0]])

    def insert(self, *, after: bool) -> None:
        i = self.win.current_row()
        _, pos = edits.insert_cue(self.document, i if i >= 0 else None, after=after, profile=self.win.profile,
                                  at_ms=self.win.playhead() if i < 0 else None)
        self.win.select_rows([pos])
        self.win.edit_box.text_box.setFocus()

    def delete_selected(self) -> None:
        rows = self.win.need_rows()
        self.document.delete(rows)
        if self.document.cues:
            self.win.select_rows([min(rows[0], len(self.document.cues) - 1)])

    def go_relative(self, step: int) -> None:
        n = len(self.document.cues)
        if n:
            cur = self.win.current_row()
            self.win.select_rows([max(0, min(n - 1, (cur if cur >= 0 else -1) + step))])

    def go_next(self) -> None:
        self.go_relative(1)

    def go_previous(self) -> None:
        self.go_relative(-1)

    def next_problem(self) -> None:
        i = edits.next_problem(self.document.cues, self.win.current_row(), self.win.profile)
        if i is None:
            self.win.notify(self.tr("No problems: every cue fits the reading profile."), 5000)
            return
        self.win.select_rows([i])
        self.win.notify(self.tr("Cue {number}: {problems}").format(
            number=i + 1, problems="; ".join(problem_text(p) for p in self.win.model.problems(i))), 8000)

    # -- find and replace --------------------------------------------------------------------
    def find_replace_dialog(self) -> None:
        if self._find is None:
            self._find = FindReplaceDialog(self, self.win)
        self._find.show()
        self._find.raise_()
        self._find.find_edit.setFocus()

    def find_next(self, pattern: str, *, regex: bool, case: bool) -> int:
        hits = edits.find_matches(self.document, pattern, regex=regex, case=case)
        if not hits:
            self.win.notify(self.tr("Not found."), 4000)
            return -1
        cur = self.win.current_row()
        nxt = next((h for h in hits if h > cur), hits[0])
        self.win.select_rows([nxt])
        return nxt

    def replace_all(self, pattern: str, replacement: str, *, regex: bool, case: bool, selection: bool = False) -> int:
        rows = self.win.need_rows() if selection else None
        _, n = edits.find_replace(self.document, pattern, replacement, regex=regex, case=case, indices=rows)
        self.win.notify(self.tr("Replaced in %n cue(s).", "", n), 5000)
        return n

    # -- re-transcribe -----------------------------------------------------------------------
    def make_engine(self):
        if self.engine_factory is not None:
            return self.engine_factory()
        from ...core.engines import create_engine  # no factory given: the project's own options

        opts = self.win.project.engine
        return create_engine(opts.get("engine", "auto"), model=opts.get("model"))

    def retranscribe(self) -> None:
        """Replace the selected cues with a new recognition of their audio (± 200 ms, clamped to
        the media), as one undo step; refused if the cues changed meanwhile."""
        media = self.document.media_path
        if not media or not Path(media).exists():
            raise SubtitlerError(self.tr("re-transcribing needs the media file."))
        a, b, start, end = edits.retranscribe_span(self.document.cues, self.win.need_rows(),
                                                   self.win.waveform.media_ms or None)
        profile, language = self.win.profile, self.document.language or None
        snapshot = tuple(self.document.cues[a:b + 1])
        wav_ready = self.win.audio_wav()

        def work(cancel):
            from ...core.media.ffmpeg import load_wav
            from .workers import ensure_wav

            pcm = load_wav(ensure_wav(media, wav_ready, cancel))
            return edits.retranscribe_cues(pcm, start, end, self.make_engine(), profile, language=language,
                                           cancel=cancel)

        def done(new_cues):
            if tuple(self.document.cues[a:b + 1]) != snapshot:
                self.win.show_error(self.tr("the cues changed while re-transcribing; result not applied."))
                return
            self.document.replace_cues(new_cues, Reason("undo.retranscribe"), a, b - a + 1)
            self.win.select_rows(list(range(a, a + len(new_cues))))
            self.win.notify(self.tr("Re-transcribed: %n cue(s).", "", len(new_cues)), 5000)

        from .workers import run_in_thread

        self.win.notify(self.tr("Re-transcribing the selection…"))
        self._workers.append(run_in_thread(work, done, self.win.show_error, self))
