"""Picture-aware timing in the editor: the video's frame grid and shot changes for the waveform
(drawn as lines, snapped to while dragging), "Detect shot changes" in the background (progress,
cancel), a shot list imported or exported as a plain list of times, and "Beautify timing" for the
selection or all cues — one undo step, every change listed with its reason in a report panel and
shown when hovering the cue (table row or waveform).

Shot changes and the frame rate live in the document's ``meta`` (``shot_changes_ms``,
``frame_rate``, as jobs store them), so a project keeps them; changing them marks the document
unsaved.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QToolTip

from ...core.timing.beautify import PRESETS, BeautifyResult
from ...core.document.model import Change
from ...core.document.cues import Cue
from ...core.foundation.errors import SubtitlerError
from ...core.media.frames import FrameGrid
from ...core.timing.pro_timing import document_timing, plan_beautify
from ...core.foundation.progress import Progress
from ...core.media.shots import DEFAULT_SENSITIVITY, ShotChanges, load_shot_list, save_shot_list, shot_changes_for
from .beautify_panel import BeautifyReport, reason_text
from .workers import _Runner

if TYPE_CHECKING:
    from .window import EditorWindow

BEAUTIFY_LABEL: str = QT_TRANSLATE_NOOP("Edits", "Beautify timing")  # type: ignore[assignment]  # the undo step (menus translate it)


class ShotController(QObject):
    def __init__(self, win: "EditorWindow") -> None:
        super().__init__(win)
        self.win = win
        self.document = win.document
        self.sensitivity = DEFAULT_SENSITIVITY  # the app's settings may change these (configure)
        self.preset = "netflix"
        self.grid: Optional[FrameGrid] = None
        self._grid_final = True  # self.grid is the media's own (or there is no media to read)
        self.detector: Optional[_Runner] = None
        self.progress: Optional[QProgressDialog] = None
        self.detect_seconds = 0.0  # how long the last detection took
        self._grid_runner: Optional[_Runner] = None
        self._reasons: dict[int, tuple[Cue, list[str]]] = {}  # id(cue) -> (cue, translated reasons)
        self.report: Optional[BeautifyReport] = None
        self.last: Optional[BeautifyResult] = None
        win.waveform.cue_tooltip = self.cue_tooltip
        win.table.viewport().installEventFilter(self)
        self._unsubscribe = self.document.subscribe(self._doc_changed)
        self.load_timing()

    def configure(self, *, sensitivity: Optional[float] = None, preset: Optional[str] = None) -> None:
        if sensitivity is not None:
            self.sensitivity = float(sensitivity)
        if preset and preset != "off":  # (off: the queue keeps speech timing; the editor asks explicitly)
            self.preset = preset

    def detach(self) -> None:
        self._unsubscribe()
        for r in (self.detector, self._grid_runner):
            if r is not None:
                r.stop()
        if self.report is not None:
            self.report.close()

    # -- menus (called by Actions) -----------------------------------------------------------
    def file_actions(self, menu, act: Callable) -> None:
        act(menu, "import_shots", self.tr("Import shot changes (list of times)…"), self.import_dialog)
        act(menu, "export_shots", self.tr("Export shot changes…"), self.export_dialog)

    def timing_actions(self, menu, act: Callable) -> None:
        act(menu, "beautify_selected", self.tr("Beautify timing of selection"), lambda: self.beautify(selected=True),
            ["Ctrl+Shift+B"])
        act(menu, "beautify_all", self.tr("Beautify timing of all cues"), lambda: self.beautify(selected=False))
        act(menu, "beautify_report", self.tr("Show Beautify report"), self.show_report)
        act(menu, "detect_shots", self.tr("Detect shot changes"), self.detect)

    # -- frame grid and shot changes ---------------------------------------------------------
    def shot_changes(self) -> list[int]:
        return sorted(int(t) for t in self.document.meta.get("shot_changes_ms", ()))

    def load_timing(self) -> None:
        """The document's shot changes now; its frame grid from the media (in the background: the
        first time it is read from the file) or from the rate the document kept."""
        doc = self.document
        rate = doc.meta.get("frame_rate")
        self.grid = FrameGrid.constant(str(rate)) if rate else None
        self._grid_final = True  # until a read of the media's own grid is under way
        self._show()
        if doc.media_path and Path(doc.media_path).is_file():
            self._grid_final = False
            if self._grid_runner is not None:
                self._grid_runner.stop()
            self._grid_runner = _Runner(lambda r: document_timing(doc, r.cancel)[0], self)
            self._grid_runner.done.connect(self._grid_ready)
            self._grid_runner.start()

    def _grid_ready(self, grid: Optional[FrameGrid]) -> None:
        self._grid_final = True
        if grid is not None:
            self.grid = grid
            self._show()

    def _show(self) -> None:
        self.win.waveform.set_timing(self.grid, self.shot_changes())

    def set_shot_changes(self, times_ms: Sequence[int], grid: Optional[FrameGrid] = None) -> None:
        """Keep these cuts with the document (saved in the project) and draw them."""
        meta = self.document.meta
        meta["shot_changes_ms"] = sorted(int(t) for t in times_ms)
        if grid is not None:
            self.grid = grid
            meta["frame_rate"] = f"{grid.rate.numerator}/{grid.rate.denominator}"  # as jobs keep it
        self.document.mark_unsaved()
        self._show()

    def _doc_changed(self, ch: Change) -> None:
        if ch.kind == "prop" and ch.name == "media_path":
            self.load_timing()

    # -- detection ---------------------------------------------------------------------------
    def detect(self) -> None:
        """Find the cuts of the document's video in the background (progress, cancellable)."""
        path = self.document.media_path
        if not path or not Path(path).is_file():
            raise SubtitlerError(self.tr("Detecting shot changes needs the video: open the media first."))
        if self.detector is not None and self.detector.isRunning():
            return
        sensitivity = self.sensitivity
        runner = _Runner(lambda r: shot_changes_for(path, sensitivity=sensitivity, cancel=r.cancel,
                                                    on_progress=lambda p: self._report_progress(r, p)), self)
        runner.progress.connect(self._progress)
        runner.done.connect(self._detected)
        runner.failed.connect(self._detect_failed)
        runner.finished.connect(self._detect_ended)
        dlg = QProgressDialog(self.tr("Finding shot changes…"), self.tr("Cancel"), 0, 100, self.win)
        dlg.setWindowTitle(self.tr("Detect shot changes"))
        dlg.setWindowModality(Qt.WindowModality.NonModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.canceled.connect(self.cancel_detection)
        dlg.setValue(0)
        dlg.show()
        self.progress, self.detector = dlg, runner
        self._t0 = time.perf_counter()
        runner.start()

    @staticmethod
    def _report_progress(runner: _Runner, p: Progress) -> None:
        runner.progress.emit(str(int(max(0.0, min(1.0, p.fraction)) * 100)))

    def _progress(self, percent: str) -> None:
        if self.progress is not None:
            self.progress.setValue(int(percent))

    def cancel_detection(self) -> None:
        if self.detector is not None:
            self.detector.cancel.cancel()
            self.win.notify(self.tr("Shot-change detection cancelled."), 5000)

    def running(self) -> bool:
        return self.detector is not None and self.detector.isRunning()

    def _detected(self, shots: ShotChanges) -> None:
        if self.detector is not None and self.detector.cancel.cancelled:
            return  # finished just as the user cancelled: cancelled it is
        self.detect_seconds = time.perf_counter() - self._t0
        self.set_shot_changes(shots.times_ms, shots.grid)
        self.win.notify(self.tr("%n shot change(s) found.", "", len(shots.times_ms)), 8000)

    def _detect_failed(self, message: str) -> None:
        self.win.show_error(self.tr("Shot changes not found: {reason}").format(reason=message))

    def _detect_ended(self) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None

    # -- shot list files ---------------------------------------------------------------------
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.win, self.tr("Import shot changes"), self._start_dir(),
                                              self.tr("Shot lists (*.txt *.shots *.csv);;All files (*)"))
        if path:
            self.import_list(path)

    def import_list(self, path: str | Path) -> int:
        shots = load_shot_list(path, grid=self.grid)
        self.set_shot_changes(shots.times_ms)
        self.win.notify(self.tr("Imported %n shot change(s) from {name}", "", len(shots.times_ms))
                        .format(name=Path(path).name), 5000)
        return len(shots.times_ms)

    def export_dialog(self) -> None:
        if not self.shot_changes():
            raise SubtitlerError(self.tr("There are no shot changes to export (detect or import them first)."))
        media = self.document.media_path
        start = str(Path(media).with_suffix(".shots.txt")) if media else self._start_dir()
        path, _ = QFileDialog.getSaveFileName(self.win, self.tr("Export shot changes"), start,
                                              self.tr("Shot lists (*.txt);;All files (*)"))
        if path:
            self.export_list(path)

    def export_list(self, path: str | Path) -> Path:
        """Write the cuts as seconds, one a line (the file dialog asked before replacing a file)."""
        out = save_shot_list(path, self.shot_changes(), overwrite=True)
        self.win.notify(self.tr("%n shot change(s) written to {name}", "", len(self.shot_changes()))
                        .format(name=out.name), 5000)
        return out

    def _start_dir(self) -> str:
        media = self.document.media_path
        return str(Path(media).parent) if media else ""

    # -- Beautify ----------------------------------------------------------------------------
    def beautify(self, selected: bool) -> Optional[BeautifyResult]:
        """Beautify the selected cues (or all) as ONE undo step; the report lists every change."""
        rows = self.win.need_rows() if selected else None
        known = self.grid if self._grid_final else None  # the background read's grid (else read now)
        result = plan_beautify(self.document, rows, preset=self.preset, profile=self.win.profile, grid=known)
        self.last = result
        if result.changes:
            result.apply_to(self.document, BEAUTIFY_LABEL)
            self._remember(result)
        report = self.show_report()
        self.win.notify(report.summary.text().splitlines()[-1], 8000)
        return result

    def _remember(self, result: BeautifyResult) -> None:
        by_cue: dict[int, list[str]] = {}
        for ch in result.changes:
            by_cue.setdefault(ch.index, []).append(self.change_line(ch))
        for i, lines in by_cue.items():
            cue = result.cues[i]
            self._reasons[id(cue)] = (cue, lines)

    def change_line(self, ch) -> str:
        what = self.tr("start") if ch.field == "start" else self.tr("end")
        return self.tr("{what} {delta} ms: {reason}").format(what=what, delta=f"{ch.new - ch.old:+d}",
                                                             reason=reason_text(ch.reason))

    def reasons_for(self, index: int) -> list[str]:
        cues = self.document.cues
        if not 0 <= index < len(cues):
            return []
        hit = self._reasons.get(id(cues[index]))
        return hit[1] if hit is not None and hit[0] is cues[index] else []

    def cue_tooltip(self, index: int) -> str:
        lines = self.reasons_for(index)
        return (self.tr("Beautify:") + "\n" + "\n".join("• " + x for x in lines)) if lines else ""

    def show_report(self) -> BeautifyReport:
        if self.report is None:
            self.report = BeautifyReport(self.win)
        self.report.show_result(self.last, self.document)
        self.report.show()
        self.report.raise_()
        return self.report

    def preset_label(self) -> str:
        p = PRESETS.get(self.preset)
        return p.label if p else self.preset

    # -- the table's tooltips get the reasons too --------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.win.table.indexAt(event.pos())
            extra = self.cue_tooltip(index.row()) if index.isValid() else ""
            if extra:
                base = index.data(Qt.ItemDataRole.ToolTipRole)
                QToolTip.showText(event.globalPos(), (str(base) + "\n\n" if base else "") + extra, obj)
                return True
        return False
