"""Settings: engine, GLM-ASR key (OS keyring; an active ``$ZHIPUAI_API_KEY`` is shown by its last
characters; without a keyring a key is kept for the session) with a "Test key" button, endpoint, model,
concurrency, language, reading profile, default output folder and formats, local model."""

from __future__ import annotations

import dataclasses
import logging
from typing import Optional

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from ...core.foundation.errors import Reason, SubtitlerError, failure_kind
from ...core.foundation.progress import CancelToken
from .output_choice import buddy_label, checked, folder_row, format_checks
from .local_model_box import LocalModelBox
from .video_timing import VideoTimingBox
from ...core.timing.rules import PROFILES
from ..reasons import error_text, say
from ..words import fill_languages, profile_label
from ..settings import (
    DEFAULT_GLM_MODEL, INTERNATIONAL_URL, MAINLAND_URL, NAME_PATTERNS, AppSettings, KeyStore,
)
from ...core.foundation.secrets import KEY_ENV, env_key, key_tail

log = logging.getLogger(__name__)


def make_glm_settings(settings: AppSettings, key: str, hotwords: Optional[list[str]] = None, **extra):
    """GlmSettings for the GLM-ASR engine, built by the core's engine service (UsageError for a
    bad base URL / concurrency)."""
    from ...core.app.services import EngineService

    return EngineService(settings, hotwords=hotwords or []).glm_settings(key, **extra)


def test_api_key(glm_settings) -> str:
    """One tiny request with the key; returns a sentence on success, raises SubtitlerError."""
    from ...core.engines import glm

    for name in ("test_key", "check_key", "verify_key"):
        fn = getattr(glm, name, None)
        if callable(fn):
            fn(glm_settings)  # raises with the reason; its English answer is said here in the user's language
            return QCoreApplication.translate("SettingsDialog", "The key works ({host} answered).").format(
                host=glm_settings.host)
    from ...core.speech.detection import Chunk
    from ...core.speech.regions import Region

    quick = dataclasses.replace(glm_settings, concurrency=1, max_retries=1, max_rate_retries=2,
                                use_cache=False, stream=False, timeout_s=min(20.0, glm_settings.timeout_s))
    rng = np.random.default_rng(0)
    samples = (rng.standard_normal(16000) * 30).astype(np.int16)  # 1 s of faint noise
    chunk = Chunk(0, 0, 1000, (Region(0, 1000),), samples)
    results = glm.GlmEngine(quick).transcribe([chunk], language=None, cancel=CancelToken())
    if results and results[0].error:
        raise SubtitlerError(Reason("glm.check_failed", reason=results[0].error))
    return QCoreApplication.translate("SettingsDialog", "The key works ({host} answered).").format(host=quick.host)


class _KeyTest(QRunnable):
    class Signals(QObject):
        done = Signal(bool, str)

    def __init__(self, glm_settings) -> None:
        super().__init__()
        self.glm_settings = glm_settings
        self.signals = _KeyTest.Signals()

    def run(self) -> None:
        try:
            msg = test_api_key(self.glm_settings)
        except SubtitlerError as exc:
            self.signals.done.emit(False, error_text(exc))
        except ImportError:
            self.signals.done.emit(False, QCoreApplication.translate(
                "SettingsDialog", "The GLM-ASR engine is not available in this installation."))
        except Exception as exc:  # the details go to the log (scrubbed), not into the sentence
            log.warning("key test failed", exc_info=True)
            unexpected = QCoreApplication.translate("SettingsDialog", "Unexpected error: {error}")
            self.signals.done.emit(False, unexpected.format(error=say(failure_kind(exc))))
        else:
            self.signals.done.emit(True, msg)


class SettingsDialog(QDialog):
    """Edits a copy of the settings; ``saved`` carries the new AppSettings after OK."""

    saved = Signal(object)
    keyTested = Signal(bool, str)
    modelReady = Signal(str, object)  # the outcome of a model download ("ok", "cancelled", "failed")

    def __init__(self, settings: AppSettings, keystore: KeyStore, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.original = settings
        self.keystore = keystore
        self._tests: list[_KeyTest] = []

        # engine ---------------------------------------------------------------------------
        self.engine_glm = QRadioButton(self.tr("&GLM-ASR (cloud: fast, Chinese and English, ¥0.06 per minute)"))
        self.engine_local = QRadioButton(self.tr("&Local (offline faster-whisper, free, slower)"))
        (self.engine_glm if settings.engine == "glm" else self.engine_local).setChecked(True)
        engine_box = QGroupBox(self.tr("Engine"))
        el = QVBoxLayout(engine_box)
        el.addWidget(self.engine_glm)
        el.addWidget(self.engine_local)

        # GLM-ASR --------------------------------------------------------------------------
        self.env_key = env_key()  # used before the stored key (core.app.services); never shown whole
        self.api_key = QLineEdit(keystore.get())
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        if self.env_key:
            self.api_key.setPlaceholderText(self.tr("optional: the key from {env} is in use").format(env=KEY_ENV))
        else:
            self.api_key.setPlaceholderText(self.tr("paste your Zhipu / Z.ai API key"))
        self.api_key.setAccessibleName(self.tr("API key"))
        self.show_key = QCheckBox(self.tr("Show"))
        self.show_key.toggled.connect(self._show_key)
        self.test_button = QPushButton(self.tr("&Test key"))
        self.test_button.clicked.connect(self.test_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(self.show_key)
        key_row.addWidget(self.test_button)
        self.key_status = QLabel(self.key_state())
        self.key_status.setWordWrap(True)
        self.key_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.base_url = QComboBox()
        self.base_url.setEditable(True)
        self.base_url.addItems([MAINLAND_URL, INTERNATIONAL_URL])
        self.base_url.setCurrentText(settings.base_url)
        self.glm_model = QLineEdit(settings.glm_model)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(1, 50)
        self.concurrency.setValue(settings.concurrency)
        self.concurrency.setToolTip(self.tr("Pieces uploaded at the same time for one file"))
        self.stream = QCheckBox(self.tr("Stream text while it is recognised (live preview)"))
        self.stream.setChecked(settings.stream)
        glm_box = QGroupBox("GLM-ASR")
        gl = QFormLayout(glm_box)
        gl.addRow(buddy_label(self.tr("API &key:"), self.api_key), key_row)
        gl.addRow("", self.key_status)
        gl.addRow(self.tr("Base &URL:"), self.base_url)
        gl.addRow(self.tr("&Model:"), self.glm_model)
        gl.addRow(self.tr("&Concurrency:"), self.concurrency)
        gl.addRow("", self.stream)

        # local ----------------------------------------------------------------------------
        local_box = LocalModelBox(settings.local_model)
        local_box.modelReady.connect(self.modelReady)
        self.local_box = local_box
        # the box's parts, by the names the dialog always had
        self.local_model, self.model_hint = local_box.local_model, local_box.model_hint
        self.download_button, self.download_progress = local_box.download_button, local_box.download_progress
        self.download_cancel = local_box.download_cancel

        # transcription / output -----------------------------------------------------------
        self.language = QComboBox()
        fill_languages(self.language, settings.language)
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Automatic (by script)"), "auto")
        for name, prof in PROFILES.items():
            self.profile.addItem(profile_label(prof), name)
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.profile)))
        self.parallel = QSpinBox()
        self.parallel.setRange(1, 8)
        self.parallel.setValue(settings.parallel_files)
        self.parallel.setToolTip(self.tr("How many files are transcribed at the same time"))
        self.auto_start = QCheckBox(self.tr("Start jobs as soon as files are added"))
        self.auto_start.setChecked(settings.auto_start)
        self.output_dir, out_row = folder_row(self, settings.output_dir, self.tr("Default output folder"),
                                              self.tr("Browse…"))
        self.format_boxes, fmt_row = format_checks(settings.formats, labels={})
        self.pattern = QComboBox()
        self.pattern.setEditable(True)
        self.pattern.addItems(NAME_PATTERNS)
        self.pattern.setCurrentText(settings.name_pattern)
        out_box = QGroupBox(self.tr("Transcription and output"))
        ol = QFormLayout(out_box)
        ol.addRow(self.tr("Lan&guage:"), self.language)
        ol.addRow(self.tr("Reading &profile:"), self.profile)
        ol.addRow(self.tr("Files at a &time:"), self.parallel)
        ol.addRow("", self.auto_start)
        ol.addRow(buddy_label(self.tr("Output &folder:"), self.output_dir), out_row)
        ol.addRow(self.tr("Formats:"), fmt_row)
        ol.addRow(self.tr("File &names:"), self.pattern)

        # Chinese subtitles (core.text.zh.ZhStyle) ----------------------------------------------------
        self.zh_punct = QComboBox()
        for value, label in (("netflix", self.tr("Netflix: full-width marks, no ，。 at line ends")),
                             ("spaces", self.tr("Spaces: ，。 become a full-width space")),
                             ("keep", self.tr("As recognised"))):
            self.zh_punct.addItem(label, value)
        self.zh_punct.setCurrentIndex(max(0, self.zh_punct.findData(settings.zh_punct)))
        self.zh_script = QComboBox()
        for value, label in (("keep", self.tr("As recognised")), ("hans", self.tr("Simplified Chinese")),
                             ("hant", self.tr("Traditional Chinese")), ("tw", self.tr("Traditional (Taiwan)")),
                             ("hk", self.tr("Traditional (Hong Kong)"))):
            self.zh_script.addItem(label, value)
        self.zh_script.setCurrentIndex(max(0, self.zh_script.findData(settings.zh_script)))
        self.zh_latin_space = QCheckBox(self.tr("Space between Chinese and Latin letters or digits (用 Python 做 FFT)"))
        self.zh_latin_space.setChecked(settings.zh_latin_space)
        zh_box = QGroupBox(self.tr("Chinese subtitles"))
        zl = QFormLayout(zh_box)
        zl.addRow(self.tr("P&unctuation:"), self.zh_punct)
        zl.addRow(self.tr("Sc&ript:"), self.zh_script)
        zl.addRow("", self.zh_latin_space)

        self.video_timing = VideoTimingBox(settings)

        # the app's language -----------------------------------------------------------------
        self.ui_language = QComboBox()
        for value, label in (("auto", self.tr("Automatic (system language)")), ("en", "English"),
                             ("zh_CN", "中文（简体）")):
            self.ui_language.addItem(label, value)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(settings.ui_language)))
        self.ui_language_note = QLabel(self.tr("Takes effect the next time subtitler starts."))
        self.ui_language_note.setWordWrap(True)
        ui_box = QGroupBox(self.tr("Interface"))
        ul = QFormLayout(ui_box)
        ul.addRow(self.tr("Interface &language:"), self.ui_language)
        ul.addRow("", self.ui_language_note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        cols = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(engine_box)
        left.addWidget(glm_box)
        left.addWidget(local_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(out_box)
        right.addWidget(zh_box)
        right.addWidget(self.video_timing)
        right.addWidget(ui_box)
        right.addStretch(1)
        cols.addLayout(left, 3)
        cols.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(cols)
        layout.addWidget(buttons)
        self.resize(980, 520)

    # -- the key store, in words ----------------------------------------------------------
    def key_place(self) -> str:
        if not self.keystore.use_os:
            return self.tr("memory of this session only (SUBTITLER_NO_KEYRING)")
        return self.tr("the system keyring ({backend})").format(backend=self.keystore.backend_name)

    def key_state(self) -> str:
        """What the key line says: the environment's key when one is active (by its last characters
        only), else why the system keyring cannot keep a key (and how to keep one), else where the
        key is stored."""
        if self.env_key:
            tail = key_tail(self.env_key)
            if tail:
                text = self.tr("Key from {env}, ends in …{tail}. It is used before a key entered here.")
            else:
                text = self.tr("Key from {env} in use. It is used before a key entered here.")
            return text.format(env=KEY_ENV, tail=tail)
        if self.keystore.problem:
            return say(self.keystore.problem)
        return self.tr("Stored in: {place}").format(place=self.key_place())

    # -- values ---------------------------------------------------------------------------
    def chosen_local_model(self) -> str:
        return self.local_box.chosen_model()

    def values(self) -> AppSettings:
        s = dataclasses.replace(self.original)
        s.engine = "glm" if self.engine_glm.isChecked() else "local"
        s.base_url = self.base_url.currentText().strip()
        s.glm_model = self.glm_model.text().strip() or DEFAULT_GLM_MODEL
        s.concurrency = self.concurrency.value()
        s.stream = self.stream.isChecked()
        s.local_model = self.chosen_local_model()
        s.language = self.language.currentData() or "auto"
        s.profile = self.profile.currentData() or "auto"
        s.parallel_files = self.parallel.value()
        s.auto_start = self.auto_start.isChecked()
        s.output_dir = self.output_dir.text().strip()
        s.formats = checked(self.format_boxes) or ["srt"]
        s.name_pattern = self.pattern.currentText().strip() or "{stem}.{ext}"
        s.zh_punct = self.zh_punct.currentData() or "netflix"
        s.zh_script = self.zh_script.currentData() or "keep"
        s.zh_latin_space = self.zh_latin_space.isChecked()
        s.ui_language = self.ui_language.currentData() or "auto"
        self.video_timing.values_into(s)
        s.normalise()
        return s

    def accept(self) -> None:
        new = self.values()
        if new.engine == "glm" or self.api_key.text().strip():
            try:  # refuse a base URL the engine would refuse later
                make_glm_settings(new, self.api_key.text().strip())
            except SubtitlerError as exc:
                self.key_status.setText(f"<span style='color:#e5484d'>{error_text(exc)}</span>")
                return
            except ImportError:
                pass
        try:  # never refused for want of a keyring: the key is then kept for this session
            self.keystore.set(self.api_key.text())
        except SubtitlerError as exc:  # a malformed key (line break, non-ASCII …): never stored
            self.key_status.setText(f"<span style='color:#e5484d'>{error_text(exc)}</span>")
            return
        self.saved.emit(new)
        super().accept()

    # -- actions --------------------------------------------------------------------------
    def _show_key(self, on: bool) -> None:
        self.api_key.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)

    def test_key(self) -> None:
        key = self.api_key.text().strip() or self.env_key
        if not key:
            self._show_test(False, self.tr("Enter an API key first."))
            return
        try:
            glm_settings = make_glm_settings(self.values(), key)
        except SubtitlerError as exc:
            self._show_test(False, error_text(exc))
            return
        except ImportError:
            self._show_test(False, self.tr("The GLM-ASR engine is not available in this installation."))
            return
        self.test_button.setEnabled(False)
        self.key_status.setText(self.tr("Testing the key with one tiny request…"))
        task = _KeyTest(glm_settings)
        task.setAutoDelete(False)
        task.signals.done.connect(self._show_test)
        self._tests.append(task)
        QThreadPool.globalInstance().start(task)

    def _show_test(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        colour = "#30a46c" if ok else "#e5484d"
        first = message.splitlines()[0] if message else ""
        self.key_status.setText(f"<span style='color:{colour}'>{'✓' if ok else '✗'} {first}</span>")
        self.key_status.setToolTip(message)
        self.keyTested.emit(ok, message)

    # -- model download (LocalModelBox) ---------------------------------------------------------
    def download_model(self, model: Optional[str] = None) -> bool:
        """Download (or check) the chosen model, or ``model`` (then chosen, with the local engine)."""
        if model is not None and not self.local_box.downloading():
            self.engine_local.setChecked(True)
        return self.local_box.download_model(model)

    def cancel_download(self) -> None:
        self.local_box.cancel_download()

    def downloading(self) -> bool:
        return self.local_box.downloading()

    def done(self, result: int) -> None:
        """Closing (OK or Cancel) stops a download; what arrived is kept, and a job that needs the
        model fetches the rest (its row shows the progress)."""
        self.cancel_download()
        super().done(result)
