"""The main window: layout, menus, toolbar, actions and drag-and-drop — no business rules.

Actions are exposed in ``self.actions`` by name; ``app.py`` connects them to the queue and the
dialogs (wiring lives in one place)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QMainWindow, QSizePolicy, QToolBar, QToolButton, QVBoxLayout, QWidget,
)

from . import icons
from .queue_model import JobModel
from .queue_panel import QueuePanel

DEFAULT_SIZE = QSize(1200, 760)
FRAME_PX = 32  # the window manager's title bar (and frame), outside the window's size


class MessageBar(QFrame):
    """A dismissible one-line message above the queue (skipped files, notices)."""

    linkActivated = Signal(str)

    def __init__(self, object_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.setOpenExternalLinks(False)
        self.label.linkActivated.connect(self.linkActivated)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, html: str, closable: bool = True) -> None:
        self.label.setText(html)
        self.close_button.setVisible(closable)
        self.show()

    def text(self) -> str:
        return self.label.text()


class MainWindow(QMainWindow):
    pathsDropped = Signal(list)  # list[Path]

    def __init__(self, model: JobModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("subtitler")
        self.setWindowIcon(icons.app_icon())
        self.resize(DEFAULT_SIZE)
        self.setAcceptDrops(True)
        self.confirm_close: Callable[[], bool] = lambda: True  # set by the app

        self.actions: dict[str, QAction] = {}  # type: ignore[assignment]  # by name; shadows QWidget.actions()
        self._make_actions()
        self._make_menus()
        self._make_toolbar()

        self.engine_notice = MessageBar("engineNotice")
        self.message_bar = MessageBar("messageBar")
        self.queue = QueuePanel(model)
        for name in ("open_job", "cancel", "retry", "retry_gaps", "remove", "move_up", "move_down", "copy_error"):
            self.queue.table.addAction(self.actions[name])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(8)
        layout.addWidget(self.engine_notice)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.queue, 1)
        self.setCentralWidget(central)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.engine_label = QLabel()
        self.engine_label.setObjectName("engineLabel")
        self.statusBar().addWidget(self.summary_label, 1)
        self.statusBar().addPermanentWidget(self.engine_label)
        self.setStyleSheet(STYLE)
        self._shown_once = False
        screen = self.screen()
        self.fit_to(screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768))

    def fit_to(self, available: QRect, size: Optional[QSize] = None) -> None:
        """``size`` (the default size) but never more than the screen offers, title bar included, and
        the window inside the screen: on a 1366×768 screen with a taskbar the status bar shows."""
        size = size or DEFAULT_SIZE
        self.resize(max(1, min(size.width(), available.width())),
                    max(1, min(size.height(), available.height() - FRAME_PX)))
        x = max(available.x(), min(self.x(), available.x() + available.width() - self.width()))
        y = max(available.y(), min(self.y(), available.y() + available.height() - self.height() - FRAME_PX))
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

    # -- actions / menus ------------------------------------------------------------------
    def _action(self, name: str, text: str, icon_name: str = "", shortcut=None, tip: str = "") -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        if icon_name:
            act.setIcon(icons.icon(icon_name))
            act.setProperty("iconName", icon_name)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                act.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(f"{tip} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                           if shortcut is not None else tip)
        self.actions[name] = act
        self.addAction(act)
        return act

    def _make_actions(self) -> None:
        a = self._action
        a("add_files", self.tr("&Add files…"), "add-file", QKeySequence.StandardKey.Open,
          self.tr("Add video or audio files"))
        a("add_folder", self.tr("Add &folder…"), "add-folder", "Ctrl+Shift+O",
          self.tr("Add every media file in a folder"))
        a("open_project", self.tr("Open &project…"), "project", "Ctrl+Shift+P",
          self.tr("Open a subtitler project in the editor"))
        a("import_subtitles", self.tr("&Import subtitles…"), "import", "Ctrl+I",
          self.tr("Open an SRT/ASS/VTT file in the editor"))
        a("export", self.tr("&Export subtitles…"), "export", "Ctrl+E",
          self.tr("Export finished jobs: folder, formats, names"))
        a("settings", self.tr("&Settings…"), "settings", QKeySequence.StandardKey.Preferences,
          self.tr("Engine, API key, defaults"))
        if self.actions["settings"].shortcut().isEmpty():
            self.actions["settings"].setShortcut(QKeySequence("Ctrl+,"))
        a("quit", self.tr("&Quit"), "", QKeySequence.StandardKey.Quit)
        a("open_job", self.tr("&Open cues"), "open", None, self.tr("Open the job's cues (Enter / double-click)"))
        a("cancel", self.tr("&Cancel"), "cancel", "Ctrl+.", self.tr("Cancel the selected jobs"))
        a("retry", self.tr("&Retry"), "retry", "Ctrl+R", self.tr("Retry the selected failed or cancelled jobs"))
        a("retry_gaps", self.tr("Retry &gaps"), "retry", "Ctrl+G",
          self.tr("Send again only the pieces of the audio that were not transcribed; their cues fill the gaps"))
        a("retry_failed", self.tr("Retry all &failed"), "", "Ctrl+Shift+R", self.tr("Retry every failed job"))
        a("remove", self.tr("Re&move"), "remove", QKeySequence.StandardKey.Delete,
          self.tr("Remove the selected jobs from the queue"))
        a("clear_done", self.tr("Clear fi&nished"), "clear", None, self.tr("Remove finished jobs from the queue"))
        a("move_up", self.tr("Move &up"), "up", "Ctrl+Up", self.tr("Run earlier"))
        a("move_down", self.tr("Move &down"), "down", "Ctrl+Down", self.tr("Run later"))
        a("copy_error", self.tr("Copy error &details"), "copy", "Ctrl+Shift+C",
          self.tr("Copy why the selected job failed"))
        a("pause", self.tr("&Pause queue"), "pause", "Ctrl+P", self.tr("Don't start more jobs (running ones go on)"))
        self.actions["pause"].setCheckable(True)
        a("about", self.tr("&About subtitler"), "info", None)

    def _make_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu(self.tr("&File"))
        for name in ("add_files", "add_folder", None, "open_project", "import_subtitles", None, "export",
                     None, "settings", None, "quit"):
            file_menu.addSeparator() if name is None else file_menu.addAction(self.actions[name])
        jobs = mb.addMenu(self.tr("&Jobs"))
        for name in ("open_job", None, "cancel", "retry", "retry_gaps", "retry_failed", "remove", "clear_done", None,
                     "move_up", "move_down", None, "copy_error", None, "pause"):
            jobs.addSeparator() if name is None else jobs.addAction(self.actions[name])
        help_menu = mb.addMenu(self.tr("&Help"))
        help_menu.addAction(self.actions["about"])

    def _make_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("add_files", "add_folder", None, "cancel", "retry", "retry_gaps", "remove", "move_up",
                     "move_down", None, "pause"):
            tb.addSeparator() if name is None else tb.addAction(self.actions[name])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        tb.addAction(self.actions["export"])
        tb.addAction(self.actions["settings"])
        for name in ("cancel", "retry", "remove", "move_up", "move_down"):
            btn = tb.widgetForAction(self.actions[name])
            if isinstance(btn, QToolButton):
                btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(tb)
        self.toolbar = tb

    def refresh_icons(self) -> None:
        """Re-tint icons after the system switched between dark and light."""
        icons.clear_cache()
        for act in self.actions.values():
            name = act.property("iconName")
            if name:
                act.setIcon(icons.icon(name))
        self.queue.refresh_icons()

    # -- drag and drop --------------------------------------------------------------------
    @staticmethod
    def local_paths(mime) -> list[Path]:
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if isinstance(u, QUrl) and u.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if self.local_paths(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self.local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.pathsDropped.emit(paths)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:  # start with the queue focused, not the first text field or link
            self._shown_once = True
            QTimer.singleShot(0, self.queue.focus_queue)

    # -- intents (what controllers ask the window to show) ---------------------------------
    def notify(self, text: str, ms: int = 5000) -> None:
        """A passing note in the status bar."""
        self.statusBar().showMessage(text, ms)

    def tell(self, html: str) -> None:
        """A note that stays above the queue until dismissed."""
        self.message_bar.show_message(html)

    def show_summary(self, text: str) -> None:
        self.summary_label.setText(text)

    def show_engine(self, label: str, notice_html: Optional[str] = None) -> None:
        self.engine_label.setText(label)
        if notice_html:
            self.engine_notice.show_message(notice_html, closable=True)
        else:
            self.engine_notice.hide()

    def enable_actions(self, states: dict[str, bool]) -> None:
        for name, on in states.items():
            self.actions[name].setEnabled(on)

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if self.confirm_close():
            event.accept()
        else:
            event.ignore()


STYLE = """
#engineNotice { background: rgba(255, 183, 0, 0.14); border: 1px solid rgba(255, 183, 0, 0.55); border-radius: 6px; }
#messageBar { background: rgba(79, 124, 255, 0.12); border: 1px solid rgba(79, 124, 255, 0.45); border-radius: 6px; }
#dropPage { border: 2px dashed palette(mid); border-radius: 12px; }
#dropHint { color: palette(window-text); }
#detailsTitle { font-weight: 600; }
#queueTable { border-radius: 6px; }
QToolBar#mainToolbar { spacing: 4px; padding: 4px 8px; }
"""


def notice_html(engine: str, reason: str = "") -> Optional[str]:
    """The engine notice above the queue: shown when the window falls back to the local engine."""
    if engine == "glm":
        return None
    return QCoreApplication.translate(
        "MainWindow", "<b>Using the offline engine.</b> %1 <a href='settings'>Open Settings</a> to add a GLM-ASR "
                      "API key for fast cloud transcription.").replace("%1", reason)
