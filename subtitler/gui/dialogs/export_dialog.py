"""Batch export of finished jobs: folder, formats, file-name pattern, overwrite policy; a summary
of what was written and what failed, why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget,
)

from ...core.errors import SubtitlerError
from ...core.jobs import planned_outputs, write_outputs
from ..queue_model import Job, Status
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
    """An error sentence, or "" when the file-name pattern is usable."""
    if not pattern.strip():
        return QCoreApplication.translate("ExportDialog", "The file-name pattern is empty.")
    try:
        sample = pattern.format(stem="x", ext="srt", lang="en")
    except (KeyError, IndexError, ValueError) as exc:
        return QCoreApplication.translate("ExportDialog", "The file-name pattern can use only {stem}, {lang} and {ext}") \
            + f" ({exc})."
    if "/" in sample or "\\" in sample:
        return QCoreApplication.translate("ExportDialog", "The file-name pattern must not contain folders.")
    if len(fmts) > 1 and "{ext}" not in pattern:
        return QCoreApplication.translate("ExportDialog", "With several formats the pattern needs {ext}, or the files "
                                                          "would overwrite each other.")
    return ""


def export_jobs(jobs: Sequence[Job], outdir: Optional[Path], fmts: Sequence[str], pattern: str,
                overwrite: bool) -> ExportSummary:
    """Write every job's document in every format; one job's failure never stops the others."""
    summary = ExportSummary()
    claimed: dict[Path, str] = {}
    for job in jobs:
        if job.result is None:
            summary.failed.append((job.name, QCoreApplication.translate("ExportDialog", "not transcribed yet.")))
            continue
        doc = job.result.document
        paths = planned_outputs(job.source, outdir, fmts, pattern, doc.language)
        clash = next((p for p in paths if p in claimed), None)
        if clash is not None:
            summary.failed.append((job.name, QCoreApplication.translate(
                "ExportDialog", "{file} is also the output name of {job}; use {{stem}} in the pattern or another "
                                "folder.").format(file=clash.name, job=claimed[clash])))
            continue
        try:
            written = write_outputs(doc, job.source, outdir, fmts, overwrite=overwrite, pattern=pattern)
        except SubtitlerError as exc:
            summary.failed.append((job.name, str(exc)))
            continue
        for p in written:
            claimed[p] = job.name
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
