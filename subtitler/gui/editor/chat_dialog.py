"""The dialog of one run of the GLM chat model on the editor's cues — a translation or a polish
pass: its settings (target language, model), then the run in the background with progress (cues
done of total, tokens used), Cancel, and the outcome told as it is. What to do with the result is
the caller's (translation.py): the dialog only runs the core's ``translate_cues`` / ``polish_cues``.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from ...core.engines.glm_chat import CHAT_MODELS, DEFAULT_CHAT_MODEL
from ...core.foundation.errors import Reason, SubtitlerError
from ...core.text.languages import language_choices
from ...core.foundation.progress import Progress
from ..i18n import ui_language
from ..reasons import error_text
from .workers import _Runner, run_in_thread

# run(cancel, on_progress) -> result; called on a worker thread
Work = Callable[[Any, Callable[[Progress], None]], Any]
ERROR_STYLE = "color: #b00020;"


class ChatRunDialog(QDialog):
    """``task``: "translate" (a target language to choose) or "polish". ``start_run(model,
    target)`` is the caller's: it returns the work to run, or raises SubtitlerError (no key…)."""

    progressed = Signal(int, int, int)  # cues done, total, tokens — emitted on the worker thread
    resultReady = Signal(object)  # TranslationResult | PolishResult, on the GUI thread

    def __init__(self, task: str, start_run: Callable[[str, str], Work], parent: QWidget, *,
                 target: str = "zh", model: str = DEFAULT_CHAT_MODEL) -> None:
        super().__init__(parent)
        self.task = task
        self.start_run = start_run
        self.runner: Optional[_Runner] = None
        self._got_result = False
        self.tokens = 0
        translate = task == "translate"
        self.setWindowTitle(self.tr("Translate subtitles") if translate else self.tr("Correct recognition errors"))
        self.intro = QLabel(self.tr(
            "Each cue is translated on its own, with its neighbours as context and the series glossary; "
            "cue times never change. The result is one step you can undo.") if translate else self.tr(
            "The model corrects misheard words, names from the series glossary and punctuation. You review "
            "each change before anything is applied."), self)
        self.intro.setWordWrap(True)
        form = QFormLayout()
        self.language = QComboBox(self)
        for code, name in self.target_languages():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(target)))
        if translate:
            form.addRow(self.tr("Translate into:"), self.language)
        else:
            self.language.hide()
        self.model_box = QComboBox(self)
        self.model_box.setEditable(True)
        self.model_box.addItems(list(CHAT_MODELS))
        self.model_box.setCurrentText(model or DEFAULT_CHAT_MODEL)
        self.model_box.setToolTip(self.tr("The GLM chat model; the flash models are free of charge."))
        form.addRow(self.tr("Model:"), self.model_box)
        self.bar = QProgressBar(self)
        self.bar.setFormat("%v / %m")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start_button = QPushButton(self.tr("Translate") if translate else self.tr("Find corrections"), self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.bar)
        lay.addWidget(self.status, 1, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(buttons)
        self.progressed.connect(self._show_progress)
        self.resize(480, 260)

    def target_languages(self) -> list[tuple[str, str]]:
        """(code, name) of the languages a translation can go into, by name in the UI's language
        (中文（简体） / English / 日语…); Traditional Chinese right after Simplified."""
        out = []
        for code, name in language_choices(ui_language()):
            if code == "auto":
                continue
            out.append((code, name))
            if code == "zh":
                out.append(("zh-TW", self.tr("Chinese (Traditional)")))
        return out

    # -- state -------------------------------------------------------------------------------
    def running(self) -> bool:
        return self.runner is not None and self.runner.isRunning()

    def target(self) -> str:
        return str(self.language.currentData() or "")

    def model(self) -> str:
        return self.model_box.currentText().strip()

    def tell(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def _set_running(self, running: bool) -> None:
        for w in (self.language, self.model_box, self.start_button):
            w.setEnabled(not running)
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    # -- the run -----------------------------------------------------------------------------
    def start(self) -> None:
        if self.running():
            return
        try:
            work = self.start_run(self.model(), self.target())
        except SubtitlerError as exc:
            self.tell(error_text(exc), error=True)
            return
        self._got_result = False
        self.tokens = 0
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.tell(self.tr("Sending the cues to {model}…").format(model=self.model()))
        self._set_running(True)

        def on_progress(p: Progress) -> None:
            stats = p.result
            self.progressed.emit(p.done, p.total, getattr(stats, "total_tokens", 0))

        runner = self.runner = run_in_thread(lambda cancel: work(cancel, on_progress), self._done, self._failed, self)
        runner.finished.connect(self._ended)

    def _show_progress(self, done: int, total: int, tokens: int) -> None:
        if self.runner is None or self._got_result:  # (the thread may have ended already: its
            return                                   # queued progress still arrives before its result)
        self.tokens = tokens
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.tell(self.tr("{done} of {total} cues · {tokens} tokens used").format(
            done=done, total=total, tokens=f"{tokens:,}"))

    def _done(self, result: Any) -> None:
        self._got_result = True
        self.tokens = result.stats.total_tokens
        self.bar.setValue(self.bar.maximum())
        self.resultReady.emit(result)

    def _failed(self, message: str) -> None:
        self._got_result = True
        self.tell(self.tr("Failed: {error}").format(error=message) + "\n" + self.tr("Nothing was changed."),
                  error=True)

    def _ended(self) -> None:
        self._set_running(False)
        if not self._got_result:
            self.tell(self.tr("Cancelled: nothing was changed."))

    def cancel_or_close(self) -> None:
        if self.runner is not None and self.running():
            self.runner.cancel.cancel()
            self.tell(self.tr("Cancelling…"))
        else:
            self.reject()

    def outcome_text(self, total: int, missed: dict[str, list[int]], tokens: int, cached: int) -> str:
        """What a finished translation did, for the dialog: cues translated, the ones that were not
        (by number, with why), tokens used."""
        lines = [self.tr("Translated {done} of {total} cues.").format(done=total - sum(map(len, missed.values())),
                                                                       total=total)]
        for why, rows in missed.items():
            numbers = ", ".join(str(r + 1) for r in rows[:30]) + (" …" if len(rows) > 30 else "")
            lines.append(self.tr("Not translated ({why}): cue(s) {numbers}; they are marked in the Translation "
                                   "column, translate them by hand or run again.").format(why=why, numbers=numbers))
        lines.append(self.tr("{tokens} tokens used.").format(tokens=f"{tokens:,}"))
        if cached:
            lines.append(self.tr("%n batch(es) came from the cache.", "", cached))
        return "\n".join(lines)

    def reason_text(self, flag: str, blocked_flag: str) -> str:
        """Why a cue was not translated, in the user's language."""
        if flag == blocked_flag:
            return self.tr("blocked by the service's content safety")
        why = flag.params.get("reason") if isinstance(flag, Reason) and flag.code == "flag.not_translated" else None
        if isinstance(why, Reason) and why.code == "chat.checks_failed":
            return self.tr("the model's answers kept failing the checks")
        return self.tr("the service did not answer")

    def stop(self) -> None:
        """Cancel a run and wait for its thread (the editor is closing)."""
        if self.runner is not None:
            self.runner.stop()

    def reject(self) -> None:
        if self.running():
            self.cancel_or_close()
            return
        super().reject()


def keep_dialog(holder: Optional[ChatRunDialog]) -> bool:
    """True when ``holder`` is an open dialog that should be shown again rather than replaced."""
    return holder is not None and (holder.isVisible() or holder.running())
