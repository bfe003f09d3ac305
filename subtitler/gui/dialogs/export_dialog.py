"""Batch export of finished jobs: folder, formats, file-name pattern, overwrite policy; a summary
of what was written and what failed, why."""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget,
)

from ...core.errors import SubtitlerError
from ...core.jobs import write_outputs
from ...core.outputs import Planned, collisions, pattern_problem, planned_outputs
from ..queue_model import Job, Status
from ..reasons import error_text, say
from ..settings import NAME_PATTERNS
from .output_choice import checked, format_checks
from .output_choice import folder_row as folder_row_widget
from .settings_dialog import buddy_label



@dataclass
class ExportSummary:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)

    @property
    def ok(self) -> bool:
        return not self.failed

    def text(self) -> str:
        lines = [QCoreApplication.translate("ExportDialog", "Written: %n file(s)", None, len(self.written))]
        lines += [f"  ✓ {p}" for p in self.written]
        if self.failed:
            lines.append(QCoreApplication.translate("ExportDialog", "Failed: {count}").format(count=len(self.failed)))
            lines += [f"  ✗ {name}: {reason}" for name, reason in self.failed]
        return "\n".join(lines)


def check_pattern(pattern: str, fmts: Sequence[str]) -> str:
    """An error sentence, or "" when the file-name pattern is usable (the core's rule, shared
    with the command line; its sentences in the user's language)."""
    problem = pattern_problem(pattern, fmts)
    m = re.match(r"The file-name pattern can use only \{stem\}, \{lang\} and \{ext\} \(not (.*)\)\.$", problem)
    if m:
        return QCoreApplication.translate("ExportDialog", "The file-name pattern can use only {stem}, {lang} and {ext}") + f" ({m[1]})."
    known = {
        "The file-name pattern is empty.": QCoreApplication.translate("ExportDialog", "The file-name pattern is empty."),
        "The file-name pattern must not contain folders.":
            QCoreApplication.translate("ExportDialog", "The file-name pattern must not contain folders."),
        "With several formats the pattern needs {ext}, or the files would overwrite each other.":
            QCoreApplication.translate("ExportDialog", "With several formats the pattern needs {ext}, or the files would overwrite each other."),
    }
    return known.get(problem, problem)


def export_jobs(jobs: Sequence[Job], outdir: Optional[Path], fmts: Sequence[str], pattern: str,
                overwrite: bool) -> ExportSummary:
    """Write every job's document in every format; one job's failure never stops the others.
    Files found in a dropped folder keep their sub-folders under ``outdir``; if two jobs would
    still write the same file, nothing is written and the summary names them."""
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
        summary.failed += [(QCoreApplication.translate("ExportDialog", "nothing written"), say(c) + QCoreApplication.translate(
            "ExportDialog", "; use {stem} in the pattern, another folder, or export them separately.")) for c in clashes]
        return summary
    for job in ready:
        try:
            written = write_outputs(job.result.document, job.source, outdir, fmts, overwrite=overwrite,
                                    pattern=pattern, root=root(job))
        except SubtitlerError as exc:
            summary.failed.append((job.name, error_text(exc)))
            continue
        summary.written.extend(written)
    return summary


class BatchExportDialog(QDialog):
    """Non-modal; ``export()`` does the work and shows the summary in the dialog."""

    exported = Signal(object)  # ExportSummary
    choicesChanged = Signal(str, list, str, bool)  # folder, formats, pattern, overwrite

    def __init__(self, selected: Sequence[Job], all_jobs: Sequence[Job], *, folder: str = "",
                 formats: Sequence[str] = ("srt",), pattern: str = "{stem}.{ext}", overwrite: bool = False,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export subtitles"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.selected_done = [j for j in selected if j.status == Status.DONE]
        self.all_done = [j for j in all_jobs if j.status == Status.DONE]
        self.summary: Optional[ExportSummary] = None

        self.scope_selected = QRadioButton(self.tr("&Selected finished jobs ({count})").format(count=len(self.selected_done)))
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

        self.summary_view = QPlainTextEdit()
        self.summary_view.setReadOnly(True)
        self.summary_view.setPlaceholderText(self.tr("A summary of what was written and what failed appears here."))
        self.summary_view.setAccessibleName(self.tr("Export summary"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_view, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 480)
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
        self.export_button.setEnabled(not problem and bool(self.all_done))
        return not problem

    # -- work -----------------------------------------------------------------------------
    def export(self) -> Optional[ExportSummary]:
        if not self._validate():
            return None
        fmts, pattern = self.chosen_formats(), self.pattern.currentText().strip()
        overwrite = self.overwrite.currentIndex() == 1
        self.summary = export_jobs(self.chosen_jobs(), self.chosen_folder(), fmts, pattern, overwrite)
        self.summary_view.setPlainText(self.summary.text())
        self.choicesChanged.emit(self.folder.text().strip(), fmts, pattern, overwrite)
        self.exported.emit(self.summary)
        return self.summary
