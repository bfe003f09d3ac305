"""Batch export of finished jobs: folder, formats, file-name pattern, overwrite policy, and for a
series translation, bilingual files and burned-in videos (in the background, with progress and
Cancel); a summary of what was written and what failed, why."""

from __future__ import annotations


from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QPlainTextEdit, QProgressBar, QRadioButton, QVBoxLayout, QWidget,
)

from ...core.foundation.errors import Cancelled, MediaError, SubtitlerError
from ...core.app.jobs import write_outputs
from ...core.foundation.outputs import Planned, check_outputs, collisions, output_path, pattern_problem, planned_outputs
from ...core.foundation.progress import CancelToken, Progress, ProgressCallback, no_progress
from ...core.app.settings import Settings
from ..delivery import DeliveryThread, finish_thread, stage_text
from ..queue_model import FINISHED, Job
from ..reasons import error_text, say
from ..settings import NAME_PATTERNS
from .output_choice import checked, format_checks
from .output_choice import folder_row as folder_row_widget
from .series_options import SeriesOptions
from .output_choice import buddy_label

if TYPE_CHECKING:
    from ...core.delivery.deliver import DeliverOptions
    from ...core.delivery.translate import ChatSettings

ChatFactory = Callable[[], "tuple[ChatSettings, list[str]]"]  # chat settings and glossary; UsageError when no key



@dataclass
class ExportSummary:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (file name, warning) of files written
    cancelled: bool = False  # stopped by the user; the files not reached are not listed
    tokens: int = 0  # chat tokens the translations used (cached batches cost none)

    @property
    def ok(self) -> bool:
        return not self.failed

    def headline(self) -> str:
        """The result in one sentence, failures first ("7 files failed, 14 written.")."""
        if self.failed:
            line = QCoreApplication.translate("ExportDialog", "%n file(s) failed, {written} written.", None,
                                              len(self.failed)).format(written=len(self.written))
        else:
            line = QCoreApplication.translate("ExportDialog", "%n file(s) written.", None, len(self.written))
        return line + (" " + QCoreApplication.translate("ExportDialog", "Cancelled.") if self.cancelled else "")

    def text(self) -> str:
        """The details: what failed and why first (not below the fold), then what was written."""
        lines: list[str] = []
        if self.failed:
            lines.append(QCoreApplication.translate("ExportDialog", "Failed: {count}").format(count=len(self.failed)))
            lines += [f"  ✗ {name}: {reason}" for name, reason in self.failed]
        lines.append(QCoreApplication.translate("ExportDialog", "Written: %n file(s)", None, len(self.written)))
        lines += [f"  ✓ {p}" for p in self.written]
        if self.tokens:
            lines.append(QCoreApplication.translate("ExportDialog", "Translation used {tokens} tokens.").format(
                tokens=f"{self.tokens:,}"))
        if self.notes:
            lines.append(QCoreApplication.translate("ExportDialog", "Notes:"))
            lines += [f"  ! {name}: {note}" for name, note in self.notes]
        if self.cancelled:
            lines.append(QCoreApplication.translate("ExportDialog",
                                                    "Cancelled: the files after that were not exported."))
        return "\n".join(lines)


def check_pattern(pattern: str, fmts: Sequence[str]) -> str:
    """An error sentence, or "" when the file-name pattern is usable (the core's rule, shared
    with the command line: a Reason, said in the user's language)."""
    return say(pattern_problem(pattern, fmts))


def _reason(exc: Exception, name: str) -> str:
    """The error's sentence (in the user's language) without the file name the core starts it with
    (the summary names it)."""
    text = error_text(exc)
    for sep in (": ", "："):
        if text.startswith(name + sep):
            return text[len(name) + len(sep):]
    return text


def job_folder(job: Job, outdir: Optional[Path]) -> Optional[Path]:
    """Where a job's extra outputs go: ``outdir`` (with the job's sub-folder below its dropped
    folder), or None for next to the source."""
    if outdir is None:
        return None
    return output_path(job.source, outdir, "x", "{stem}", "", getattr(job, "root", None)).parent


def export_jobs(jobs: Sequence[Job], outdir: Optional[Path], fmts: Sequence[str], pattern: str,
                overwrite: bool, *, extras: "Optional[DeliverOptions]" = None,
                on_progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None) -> ExportSummary:
    """Write every job's document in every format, and with ``extras`` its translation, bilingual
    files and burned-in video (core.delivery.deliver); one job's failure never stops the others. Files
    found in a dropped folder keep their sub-folders under ``outdir``; if two jobs would still
    write the same file, nothing is written and the summary names them. ``on_progress`` gets
    ``Progress("series", overall, job name, done=job number, total=jobs, result=the job's own
    Progress)``; ``cancel`` stops after the current step (its files are removed)."""
    from ...core.delivery.deliver import check_no_clash, deliver, planned_paths  # not at start-up: the chat client
    from ...core.delivery.translate import source_language
    from ...core.media.ffmpeg import probe

    summary = ExportSummary()
    ready = []
    for job in jobs:
        if job.result is None:
            summary.failed.append((job.name, QCoreApplication.translate("ExportDialog", "not transcribed yet.")))
        else:
            ready.append(job)
    root = lambda job: getattr(job, "root", None)  # noqa: E731
    plans = [Planned(job.source, root(job), tuple(planned_outputs(job.source, outdir, fmts, pattern,
                                                                  job.result.document.language, root(job))))
             for job in ready]
    clashes = collisions(plans)
    if clashes:
        nothing = QCoreApplication.translate("ExportDialog", "nothing written")
        advice = QCoreApplication.translate(
            "ExportDialog", "; use {stem} in the pattern, another folder, or export them separately.")
        summary.failed += [(nothing, say(c) + advice) for c in clashes]
        return summary
    extra = extras if extras is not None and extras.active else None
    for i, (job, plan) in enumerate(zip(ready, plans)):
        if cancel is not None and cancel.cancelled:
            summary.cancelled = True
            break

        def report(p: Progress, i: int = i, job: Job = job) -> None:
            on_progress(Progress("series", (i + p.fraction) / len(ready), job.name, i + 1, len(ready), result=p))

        report(Progress("write", 0.0))
        try:
            if extra is not None:  # the job's extra files are checked before any of its files is written
                doc = job.result.document  # no translation into the transcript's own language
                more = planned_paths(job.source, job_folder(job, outdir), fmts, extra, pattern,
                                     source_language(doc.cues, doc.language))
                check_no_clash(more, plan.outputs)
                check_outputs(more, overwrite)
                if extra.burn_in and not probe(job.source).has_video:  # a broken file fails before any work
                    raise MediaError(f"{job.name}: has no video track to burn subtitles into.")
            written = write_outputs(job.result.document, job.source, outdir, fmts, overwrite=overwrite,
                                    pattern=pattern, root=root(job))
        except SubtitlerError as exc:
            summary.failed.append((job.name, _reason(exc, job.name)))
            continue
        summary.written.extend(written)
        if extra is None:
            continue
        try:
            out = deliver(job.result.document, job.source, job_folder(job, outdir), fmts, extra, overwrite=overwrite,
                          pattern=pattern, on_progress=report, cancel=cancel)
        except Cancelled:
            summary.cancelled = True
            break
        except SubtitlerError as exc:
            summary.failed.append((job.name, _reason(exc, job.name)))
            continue
        summary.written.extend(out.written)
        summary.notes += [(job.name, say(w)) for w in out.warnings]
        tr = out.translation
        summary.tokens += tr.stats.total_tokens if tr is not None else 0
        if tr is not None and tr.stats.failed + tr.stats.blocked:
            summary.notes.append((job.name, QCoreApplication.translate(
                "ExportDialog", "%n cue(s) could not be translated (left empty and flagged).", None,
                tr.stats.failed + tr.stats.blocked)))
    return summary


class BatchExportDialog(QDialog):
    """Non-modal; ``export()`` does the work and shows the summary in the dialog."""

    exported = Signal(object)  # ExportSummary
    choicesChanged = Signal(str, list, str, bool)  # folder, formats, pattern, overwrite
    seriesChanged = Signal(dict)  # the translation / video choices as Settings fields

    def __init__(self, selected: Sequence[Job], all_jobs: Sequence[Job], *, folder: str = "",
                 formats: Sequence[str] = ("srt",), pattern: str = "{stem}.{ext}", overwrite: bool = False,
                 series: Optional[Settings] = None, chat: Optional[ChatFactory] = None,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export subtitles"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.selected_done = [j for j in selected if j.status in FINISHED]
        self.all_done = [j for j in all_jobs if j.status in FINISHED]
        self.summary: Optional[ExportSummary] = None
        self.worker: Optional[DeliveryThread] = None
        self.chat = chat

        self.scope_selected = QRadioButton(
            self.tr("&Selected finished jobs ({count})").format(count=len(self.selected_done)))
        self.scope_all = QRadioButton(self.tr("&All finished jobs ({count})").format(count=len(self.all_done)))
        group = QButtonGroup(self)
        group.addButton(self.scope_selected)
        group.addButton(self.scope_all)
        (self.scope_selected if self.selected_done else self.scope_all).setChecked(True)
        self.scope_selected.setEnabled(bool(self.selected_done))
        scope = QVBoxLayout()
        scope.addWidget(self.scope_selected)
        scope.addWidget(self.scope_all)

        self.folder, folder_row = folder_row_widget(self, folder, self.tr("Export to folder"))
        self.format_boxes, fmt_row = format_checks(formats)
        for box in self.format_boxes.values():
            box.toggled.connect(self._validate)

        self.pattern = QComboBox()
        self.pattern.setEditable(True)
        self.pattern.addItems(NAME_PATTERNS)
        self.pattern.setCurrentText(pattern)
        self.pattern.currentTextChanged.connect(self._validate)
        self.pattern_hint = QLabel()
        self.pattern_hint.setObjectName("patternHint")

        self.overwrite = QComboBox()
        self.overwrite.addItems([self.tr("Don't overwrite: skip existing files and report them"),
                                 self.tr("Overwrite existing files")])
        self.overwrite.setCurrentIndex(1 if overwrite else 0)

        form = QFormLayout()
        form.addRow(self.tr("Jobs:"), scope)
        form.addRow(buddy_label(self.tr("&Folder:"), self.folder), folder_row)
        form.addRow(self.tr("Formats:"), fmt_row)
        form.addRow(self.tr("File &names:"), self.pattern)
        form.addRow("", self.pattern_hint)
        form.addRow(self.tr("&Existing files:"), self.overwrite)

        self.series = SeriesOptions(series or Settings(), self)
        self.series.changed.connect(self._validate)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress.hide()
        self.progress_label.hide()

        self.headline = QLabel()  # the result, failures first, above the details
        self.headline.setObjectName("exportHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline.setAccessibleName(self.tr("Export result"))
        self.headline.hide()
        self.summary_view = QPlainTextEdit()
        self.summary_view.setReadOnly(True)
        self.summary_view.setPlaceholderText(self.tr("A summary of what was written and what failed appears here."))
        self.summary_view.setAccessibleName(self.tr("Export summary"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.cancel_button = self.buttons.addButton(self.tr("&Cancel export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.series)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.headline)
        layout.addWidget(self.summary_view, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 620)
        self._validate()

    # -- choices --------------------------------------------------------------------------
    def chosen_formats(self) -> list[str]:
        return checked(self.format_boxes)

    def chosen_jobs(self) -> list[Job]:
        return self.selected_done if self.scope_selected.isChecked() else self.all_done

    def chosen_folder(self) -> Optional[Path]:
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else None

    def _validate(self, *_) -> bool:
        fmts = self.chosen_formats()
        pattern = self.pattern.currentText().strip()
        problem = self.tr("Choose at least one format.") if not fmts else check_pattern(pattern, fmts)
        if problem:
            self.pattern_hint.setText(f"<span style='color:#e5484d'>{problem}</span>")
        else:
            jobs = self.chosen_jobs() or self.all_done
            stem = jobs[0].source.stem if jobs else "lecture 01"
            lang = (jobs[0].result.document.language if jobs and jobs[0].result else "") or "en"
            self.pattern_hint.setText(self.tr("e.g. {example}").format(example=pattern.format(stem=stem, lang=lang,
                                                                                              ext=fmts[0])))
        running = self.worker is not None and self.worker.busy
        self.export_button.setEnabled(not problem and bool(self.all_done) and not running)
        return not problem

    # -- work -----------------------------------------------------------------------------
    def export(self) -> Optional[ExportSummary]:
        """Subtitle files only: done at once, the summary returned. With translation or burn-in:
        started in the background (None returned; ``exported`` carries the summary)."""
        if not self._validate() or (self.worker is not None and self.worker.busy):
            return None
        fmts, pattern = self.chosen_formats(), self.pattern.currentText().strip()
        overwrite = self.overwrite.currentIndex() == 1
        self.choicesChanged.emit(self.folder.text().strip(), fmts, pattern, overwrite)
        self.seriesChanged.emit(self.series.values())
        jobs, folder = self.chosen_jobs(), self.chosen_folder()
        if not self.series.active:
            self._finish(export_jobs(jobs, folder, fmts, pattern, overwrite))
            return self.summary
        try:
            chat, glossary = self.chat() if self.chat is not None and self.series.language() else (None, [])
            extras = self.series.deliver_options(chat, glossary)
        except SubtitlerError as exc:
            self.summary_view.setPlainText(self.tr("Not started: {reason}").format(reason=exc))
            return None
        self.summary = None
        self.headline.hide()
        self.worker = DeliveryThread(lambda token, progress: export_jobs(
            jobs, folder, fmts, pattern, overwrite, extras=extras, on_progress=progress, cancel=token), self)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._finish)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self._running(True)
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Starting…"))
        self.summary_view.clear()
        self.worker.start()
        return None

    def _running(self, running: bool) -> None:
        for w in (self.series, self.folder, self.pattern, self.overwrite, self.scope_all, self.scope_selected):
            w.setEnabled(not running)
        for box in self.format_boxes.values():
            box.setEnabled(not running)
        self.scope_selected.setEnabled(not running and bool(self.selected_done))
        self.export_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(running or self.progress.isVisible())
        self.progress_label.setVisible(running or self.progress_label.isVisible())
        if not running:
            self._validate()

    def _progress(self, p: Progress) -> None:
        self.progress.setValue(int(round(p.fraction * 1000)))
        inner = p.result if isinstance(p.result, Progress) else p
        self.progress_label.setText(self.tr("File {done} of {total}: {name} — {step}").format(
            done=p.done, total=p.total, name=p.message, step=stage_text(inner)))

    def cancel(self) -> None:
        if self.worker is not None and self.worker.busy:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _failed(self, reason: str) -> None:
        self._finish(ExportSummary(failed=[("", reason)]))

    def _cancelled(self) -> None:
        self._finish(ExportSummary(cancelled=True))

    def _finish(self, summary: ExportSummary) -> None:
        self.summary = summary
        self.headline.setText(summary.headline())
        colour = "#e5484d" if summary.failed else "palette(window-text)"
        self.headline.setStyleSheet(f"QLabel#exportHeadline {{ font-weight: 600; color: {colour}; }}")
        self.headline.show()
        self.summary_view.setPlainText(summary.text())
        if self.worker is not None:
            self._running(False)
            self.progress_label.hide()  # the headline says how it ended
            if not summary.cancelled:
                self.progress.setValue(1000)
        self.exported.emit(summary)

    def done(self, result: int) -> None:
        finish_thread(self.worker)  # closing cancels a running export (its half-written file is removed)
        super().done(result)

    def closeEvent(self, event) -> None:
        finish_thread(self.worker)
        super().closeEvent(event)
