"""The queue panel: series settings (language, glossary), the job table with progress bars, and a
pane with the selected job's live text preview or its error details."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QSplitter, QStackedWidget, QStyle, QStyledItemDelegate, QStyleOptionProgressBar,
    QTableView, QToolButton, QVBoxLayout, QWidget,
)

from . import icons
from .queue_model import Job, JobModel, JobRole, ProgressRole, Status
from .reasons import say
from . import words
from .words import fill_languages


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a native progress bar."""

    def paint(self, painter, option, index) -> None:
        job: Optional[Job] = index.data(JobRole)
        if job is None or (job.status != Status.RUNNING and job.fraction == 0):
            super().paint(painter, option, index)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(6, 7, -6, -7)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = int(round((index.data(ProgressRole) or 0.0) * 1000))
        bar.text = f"{bar.progress // 10}%"
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        palette = QPalette(option.palette)
        colour = {Status.FAILED: QColor("#e5484d"), Status.DONE: QColor("#30a46c"), Status.GAPS: QColor("#c2780a"),
                  Status.CANCELLED: QColor("#8b8d98")}.get(job.status)
        if colour is None and selected:  # the chunk must stand out from the selected row
            colour = option.palette.color(QPalette.ColorRole.Highlight).lighter(150)
        if colour is not None:
            palette.setColor(QPalette.ColorRole.Highlight, colour)
        if selected:
            palette.setColor(QPalette.ColorRole.Base, option.palette.color(QPalette.ColorRole.Base))
            palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        bar.palette = palette
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class QueueTable(QTableView):
    """The job table; Enter opens the current job like a double-click."""

    activatedJob = Signal(object)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedJob.emit(self.currentIndex().data(JobRole))
            return
        super().keyPressEvent(event)


class QueuePanel(QWidget):
    """Series bar + job table (or a drop hint while empty) + preview/details pane."""

    jobActivated = Signal(object)  # Job (double-click / Enter)
    browseGlossary = Signal()
    languageChanged = Signal(str)
    glossaryChanged = Signal(str)
    selectionChanged = Signal()

    def _language_chosen(self, _index: int) -> None:
        self.languageChanged.emit(self.language_code())

    def _glossary_edited(self) -> None:
        self.glossaryChanged.emit(self.glossary.text().strip())

    def language_code(self) -> str:
        """The series language's code (``auto``, ``zh``, ``en``…); the box shows names."""
        return self.language.currentData() or "auto"

    def set_language(self, code: str) -> None:
        """Show ``code`` (by name) in the series language box (signals as a user's choice would)."""
        from ..core.text.languages import normalise_language

        index = self.language.findData(normalise_language(code))
        if index < 0:
            fill_languages(self.language, code)
        else:
            self.language.setCurrentIndex(index)

    def __init__(self, model: JobModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model

        # series bar ----------------------------------------------------------------------
        self.language = QComboBox()
        fill_languages(self.language, "auto")
        self.language.setToolTip(self.tr("Language of the whole series (auto: detect per file)"))
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.setAccessibleName(self.tr("Series language"))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.glossary = QLineEdit()
        self.glossary.setPlaceholderText(self.tr("Glossary file: names and terms, one per line (optional)"))
        self.glossary.setClearButtonEnabled(True)
        self.glossary.setAccessibleName(self.tr("Series glossary file"))
        self.glossary.editingFinished.connect(self._glossary_edited)
        self.glossary_button = QToolButton()
        self.glossary_button.setText(self.tr("Browse…"))
        self.glossary_button.clicked.connect(self.browseGlossary)
        self.glossary_info = QLabel()
        self.glossary_info.setObjectName("glossaryInfo")
        series = QHBoxLayout()
        series.setContentsMargins(0, 0, 0, 0)
        lang_label = QLabel(self.tr("Series &language:"))
        lang_label.setBuddy(self.language)
        gl_label = QLabel(self.tr("&Glossary:"))
        gl_label.setBuddy(self.glossary)
        series.addWidget(lang_label)
        series.addWidget(self.language)
        series.addSpacing(16)
        series.addWidget(gl_label)
        series.addWidget(self.glossary, 1)
        series.addWidget(self.glossary_button)
        series.addWidget(self.glossary_info)

        # table / empty hint ----------------------------------------------------------------
        self.table = QueueTable()
        self.table.setModel(model)
        self.table.setObjectName("queueTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setItemDelegateForColumn(JobModel.PROGRESS, ProgressDelegate(self.table))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.setAccessibleName(self.tr("Job queue"))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(JobModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(JobModel.STATUS, QHeaderView.ResizeMode.Stretch)
        for col, width in ((JobModel.DURATION, 80), (JobModel.ENGINE, 80), (JobModel.PRICE, 80),
                           (JobModel.PROGRESS, 150)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        header.setMinimumSectionSize(60)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.activatedJob.connect(self.jobActivated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.selectionModel().currentChanged.connect(self._refresh_details)

        self.hint = QLabel()
        self.hint.setObjectName("dropHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setText(
            self.tr("<div style='font-size:15pt; font-weight:600'>Drop video or audio files here</div>"
            "<div style='margin-top:8px'>…or whole folders of a lecture series. "
            "Or use <b>File ▸ Add files…</b> (Ctrl+O).</div>")
        )
        hint_page = QWidget()
        hl = QVBoxLayout(hint_page)
        self.hint_icon = QLabel()
        self.hint_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_icon.setPixmap(icons.pixmap("drop", 56))
        hl.addStretch(1)
        hl.addWidget(self.hint_icon)
        hl.addWidget(self.hint)
        hl.addStretch(2)
        hint_page.setObjectName("dropPage")
        hint_page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        hint_page.setAccessibleName(self.tr("Drop files here"))

        self.stack = QStackedWidget()
        self.stack.addWidget(hint_page)
        self.stack.addWidget(self.table)

        # preview / details pane -----------------------------------------------------------
        self.details_title = QLabel(self.tr("Live text"))
        self.details_title.setObjectName("detailsTitle")
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setObjectName("details")
        self.details.setAccessibleName(self.tr("Live text or error details of the selected job"))
        self.details.setPlaceholderText(self.tr("The newest recognised text of the running job appears here."))
        self.details.setMaximumBlockCount(2000)
        details_box = QWidget()
        dl = QVBoxLayout(details_box)
        dl.setContentsMargins(0, 4, 0, 0)
        dl.addWidget(self.details_title)
        dl.addWidget(self.details)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(details_box)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 130])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(series)
        layout.addWidget(self.splitter, 1)

        model.rowsInserted.connect(self._update_stack)
        model.rowsRemoved.connect(self._update_stack)
        model.modelReset.connect(self._update_stack)
        model.dataChanged.connect(self._on_data_changed)
        self._update_stack()

    # -- selection ------------------------------------------------------------------------
    def selected_jobs(self) -> list[Job]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.job(r) for r in rows if 0 <= r < self.model.rowCount()]

    def current_job(self) -> Optional[Job]:
        idx = self.table.currentIndex()
        if idx.isValid():
            return idx.data(JobRole)
        sel = self.selected_jobs()
        return sel[0] if sel else None

    def select_job(self, job: Job) -> None:
        row = self.model.row_of(job)
        if row < 0:
            return
        idx = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _on_double_click(self, index: QModelIndex) -> None:
        job = index.data(JobRole)
        if job is not None:
            self.jobActivated.emit(job)

    def _on_selection(self, *_) -> None:
        self._refresh_details()
        self.selectionChanged.emit()

    # -- details --------------------------------------------------------------------------
    def _shown_job(self) -> Optional[Job]:
        job = self.current_job()
        if job is not None:
            return job
        running = self.model.with_status(Status.RUNNING)
        return running[0] if running else None

    def _on_data_changed(self, top_left, bottom_right, roles=()) -> None:
        shown = self._shown_job()
        if shown is not None and top_left.row() <= self.model.row_of(shown) <= bottom_right.row():
            self._refresh_details()

    def _refresh_details(self) -> None:
        job = self._shown_job()
        if job is None:
            self.details_title.setText(self.tr("Live text"))
            text = ""
        elif job.status == Status.FAILED:
            self.details_title.setText(self.tr("Why {name} failed (select and copy, or Jobs ▸ Copy error details)")
                                       .format(name=job.name))
            text = failure_text(job)
        elif job.status == Status.GAPS and job.result is not None:
            self.details_title.setText(self.tr("{name}: parts of the audio were not transcribed (Jobs ▸ Retry gaps "
                                               "sends only those again)").format(name=job.name))
            text = "\n".join([words.status_text(job), *([say(job.error)] if job.error else []), ""] +
                              [c.plain() or "[" + say(c.flag) + "]" for c in job.result.document.cues[:12]])
        elif job.status == Status.DONE and job.result is not None:
            title = self.tr("{name}: first cues (double-click the row to open)").format(name=job.name)
            self.details_title.setText(title)
            text = "\n".join(c.plain() for c in job.result.document.cues[:12])
        else:
            title = self.tr("Live text · {name}").format(name=job.name)
            if job.cues:
                title += " · " + self.tr("%n cue(s) so far", "", len(job.cues))
            self.details_title.setText(title)
            text = job.live_text()
        if self.details.toPlainText() != text:
            self.details.setPlainText(text)
            if job is not None and job.status == Status.RUNNING:  # live text: follow the newest words
                self.details.moveCursor(self.details.textCursor().MoveOperation.End)
            else:  # first cues / an error: read from the top
                self.details.moveCursor(self.details.textCursor().MoveOperation.Start)

    def _update_stack(self, *_) -> None:
        was_empty = self.stack.currentIndex() == 0
        self.stack.setCurrentIndex(1 if self.model.rowCount() else 0)
        if was_empty and self.model.rowCount():
            focus = QApplication.focusWidget()
            if focus is None or not isinstance(focus, (QLineEdit, QComboBox)):
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_queue(self) -> None:
        target = self.table if self.model.rowCount() else self.stack.widget(0)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh_icons(self) -> None:
        self.hint_icon.setPixmap(icons.pixmap("drop", 56))

    def copy_details(self) -> str:
        job = self.current_job()
        text = failure_text(job) if job is not None else ""
        if text:
            QGuiApplication.clipboard().setText(text)
        return text


def failure_text(job: Job) -> str:
    """A failed job's reason in the user's language, then the copyable details (in English, as logged)."""
    said = say(job.error)
    if not job.detail:
        return said
    return job.detail if said == job.error else f"{said}\n\n{job.detail}"
