"""Settings controller: the user's settings (QSettings), the engine service (engine, key,
glossary — resolved by the core), the Settings dialog, the series bar (language, glossary) and the
window's saved geometry."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog

from ...core.foundation.errors import SubtitlerError
from ...core.app.jobs import TranscribeOptions
from ...core.app.services import EngineService
from ...core.app.settings import Settings
from ..dialogs.settings_dialog import SettingsDialog
from ..main_window import MainWindow, notice_html
from ..queue_model import Job
from ..reasons import error_text, say
from ..settings import KeyStore


class SettingsController(QObject):
    changed = Signal()  # settings saved (engine, language, outputs may differ)

    def __init__(self, qsettings: QSettings, keystore: KeyStore, window: MainWindow,
                 keep_dialog: Callable[[Any], None]) -> None:
        super().__init__(window)
        self.qsettings = qsettings
        self.keystore = keystore
        self.window = window
        self.panel = window.queue
        self.keep_dialog = keep_dialog
        self.services = EngineService(Settings.load(qsettings), keystore)

    @property
    def settings(self) -> Settings:
        return self.services.settings

    # -- engine -----------------------------------------------------------------------------
    def api_key(self) -> str:
        return self.services.api_key()

    def engine(self) -> str:
        return self.services.engine_name()

    def options_for(self, job: Job) -> TranscribeOptions:
        """The options a job starts with (the series language and glossary apply to all)."""
        return self.services.options()

    def engine_view(self) -> tuple[str, Optional[str]]:
        """The status bar's engine label and the notice above the queue (None: no notice)."""
        s = self.settings
        if self.engine() == "glm":
            return self.tr("Engine: GLM-ASR · {model}").format(model=s.glm_model), None
        notice = None
        if s.engine == "glm":
            notice = notice_html("local", self.tr("No GLM-ASR API key is configured, so files are transcribed on "
                                                  "this computer."))
        model = s.local_model or self.tr("tiny.en (offline pack)")
        return self.tr("Engine: local · {model}").format(model=model), notice

    # -- the right engine for the language ----------------------------------------------------
    def language_problem(self) -> Any:
        """The core's check (core.text.languages) for the current engine, local model and language."""
        from ...core.engines.language_check import check_engine_language

        return check_engine_language(self.engine(), self.settings.local_model or None, self.settings.language)

    def use_engine(self, engine: str) -> None:
        self.update(engine=engine)
        self.changed.emit()

    # -- dialog -----------------------------------------------------------------------------
    def open_settings(self, download: Optional[str] = None) -> SettingsDialog:
        """The Settings dialog; with ``download`` (a model name) the local engine and that model are
        chosen and its download starts, with progress (the "wrong model for the language" way out)."""
        dlg = SettingsDialog(self.settings, self.keystore, self.window)
        dlg.saved.connect(self.apply_settings)
        self.keep_dialog(dlg)
        dlg.open()
        if download:
            dlg.download_model(download)
        return dlg

    def apply_settings(self, new: Settings) -> None:
        self.services = self.services.with_settings(new)  # the key is read again (it may be new)
        self.save()
        if self.panel.language_code() != new.language:
            self.panel.set_language(new.language)
        self.update_glossary_info()
        self.changed.emit()
        if self.keystore.session_only:  # no keyring: say how to keep the key beyond this session
            self.window.tell(say(self.keystore.problem))

    def update(self, **fields: Any) -> None:
        """Change and save some settings (e.g. the export dialog's last choices)."""
        self.services.settings = dataclasses.replace(self.settings, **fields)
        self.save()

    def save(self) -> None:
        self.settings.save(self.qsettings)

    # -- series bar -------------------------------------------------------------------------
    def set_series_language(self, language: str) -> None:
        if language != self.settings.language:
            self.settings.language = language or "auto"
            self.save()
            problem = self.language_problem()
            if problem is not None:  # say so now, not when the next file fails
                self.window.tell(language_problem_html(problem))

    def choose_glossary(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Glossary (one term per line)"), self.last_dir(),
                                              self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self.set_glossary(path)

    def set_glossary(self, path: str) -> None:
        path = (path or "").strip()
        if self.panel.glossary.text() != path:
            self.panel.glossary.setText(path)
        self.settings.hotwords_file = path
        self.save()
        self.update_glossary_info()

    def update_glossary_info(self) -> None:
        label = self.panel.glossary_info
        if not self.settings.hotwords_file.strip():
            label.setText("")
            return
        try:
            terms = self.services.glossary()
        except SubtitlerError as exc:
            label.setText(self.tr("<span style='color:#e5484d'>unreadable</span>"))
            label.setToolTip(error_text(exc))
            return
        text = self.tr("%n term(s)", "", len(terms))
        if self.engine() != "glm":
            text += " " + self.tr("(used by GLM-ASR only)")
        label.setText(text)
        label.setToolTip(", ".join(terms[:100]))

    # -- remembered places and window state ---------------------------------------------------
    def last_dir(self) -> str:
        return str(self.qsettings.value("ui/last_dir", str(Path.home())))

    def remember_dir(self, folder: Path) -> None:
        self.qsettings.setValue("ui/last_dir", str(folder))

    def restore_state(self) -> None:
        geo = self.qsettings.value("window/geometry")
        if geo is not None:
            self.window.restoreGeometry(geo)
            screen = self.window.screen()
            if screen is not None and not (self.window.isMaximized() or self.window.isFullScreen()):
                # saved on a larger screen: fit this one
                self.window.fit_to(screen.availableGeometry(), self.window.size())
        split = self.qsettings.value("window/splitter")
        if split is not None:
            self.panel.splitter.restoreState(split)
        self.panel.language.blockSignals(True)
        self.panel.set_language(self.settings.language)
        self.panel.language.blockSignals(False)
        self.panel.glossary.setText(self.settings.hotwords_file)

    def save_state(self) -> None:
        self.qsettings.setValue("window/geometry", self.window.saveGeometry())
        self.qsettings.setValue("window/splitter", self.panel.splitter.saveState())
        self.save()


def language_problem_html(problem: Any) -> str:
    """The message bar's words for a core.engines.language_check.LanguageProblem, with the ways out as links."""
    from ...core.text.languages import language_name

    from ..i18n import ui_language

    name = language_name(problem.language, ui_language())
    if problem.kind == "english-only":
        return QCoreApplication.translate(
            "SettingsController", "<b>The offline model understands English only, not {language}.</b> "
            "<a href='use-glm'>Use GLM-ASR</a> (needs an API key), "
            "<a href='download-model'>download the multilingual model small</a> (about 480 MB, once), or "
            "<a href='settings'>choose a multilingual model folder in Settings</a>. "
            "Files are added once the engine can recognise the language.").format(language=name)
    if problem.kind == "not-on-glm":
        return QCoreApplication.translate(
            "SettingsController", "<b>GLM-ASR recognises Chinese and English only, not {language}.</b> "
            "<a href='settings'>Choose the offline engine with a multilingual model in Settings</a>.").format(
            language=name)
    return QCoreApplication.translate(
        "SettingsController", "<b>Unknown language '{language}'.</b> Choose one from the Series language list.").format(
        language=problem.language)
