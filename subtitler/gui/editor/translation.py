"""The editor's translation side: the Translation column of the cue table and the translation box
under the cue text (both show one of the document's ``translation:LANG`` tracks, chosen in the box
when there are several), and the Translate… and Correct recognition errors… actions.

Every change goes through the document's one undo path: a cell edit is one step, a typing burst
in the translation box is one step (as for the cue text), a whole translation is one step
(``core.delivery.translate.attach_translation``), accepted corrections are one step (``apply_polish``, from
the review dialog in polish_review.py). The chat runs in the background (chat_dialog.py); the API
key comes from the editor's :class:`~subtitler.core.app.services.EngineService` and is never shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from ...core.delivery import translate as tr_core
from ...core.document.model import Change, Document
from ...core.engines.glm_chat import DEFAULT_CHAT_MODEL
from ...core.foundation.errors import AuthError, SubtitlerError
from ...core.text.languages import language_name
from ...core.text.zh import ZhStyle
from ..i18n import ui_language
from .chat_dialog import ChatRunDialog, keep_dialog
from .editbox import TextBox, TypingBurst
from .model import COL_TRANS
from .polish_review import PolishReviewDialog

if TYPE_CHECKING:
    from .window import EditorWindow

PREFIX = "translation:"


def translation_tracks(document: Document) -> list[str]:
    return [t for t in document.tracks if t.startswith(PREFIX)]


class TranslationBox(QWidget):
    """The chosen translation track (a language chooser when there are several) and the current
    cue's translation, editable: one undo step per typing burst, like the cue text."""

    def __init__(self, document: Document, current: Callable[[], int], parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.current = current
        self.track = ""
        self._loading = False
        self._burst = TypingBurst("translation")
        self.chooser = QComboBox(self)
        self.chooser.setToolTip(self.tr("The translation shown in the table and edited here"))
        self.text_box = TextBox(self)
        self.text_box.setPlaceholderText(self.tr("Translation (Enter: new line, Ctrl+Enter: next cue)"))
        # a subtitle's two lines without scrolling (CJK fallback fonts run taller than the Latin font's metrics)
        two_lines = 2 * round(1.25 * self.text_box.fontMetrics().lineSpacing()) + 14
        self.text_box.setMinimumHeight(two_lines)
        self.text_box.setMaximumHeight(two_lines + 16)
        self.text_box.textChanged.connect(self._typed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.chooser, 0)
        lay.addWidget(self.text_box, 1)
        self._unsubscribe = document.subscribe(self._doc_changed)

    def detach(self) -> None:
        self._unsubscribe()

    def new_burst(self) -> None:
        self._burst.reset()

    def fill_chooser(self, tracks: list[str], current: str) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for name in tracks:
            self.chooser.addItem(track_title(name), name)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(current)))
        self.chooser.blockSignals(False)

    def set_track(self, name: str) -> None:
        self.track = name
        self.new_burst()
        self.load()

    def _doc_changed(self, ch: Change) -> None:
        if not self._loading and ch.kind != "prop":
            self.new_burst()  # an edit that is not this typing burst (undo, redo, another view)
            self.load()

    def load(self) -> None:
        i, cues = self.current(), self.document.cues
        text = cues[i].track(self.track) if self.track and 0 <= i < len(cues) else ""
        self.text_box.setEnabled(bool(self.track) and 0 <= i < len(cues))
        if self.text_box.toPlainText() == text:
            return
        self._loading = True
        try:
            pos = self.text_box.textCursor().position()
            self.text_box.setPlainText(text)
            cursor = self.text_box.textCursor()
            cursor.setPosition(min(pos, len(text)))
            self.text_box.setTextCursor(cursor)
        finally:
            self._loading = False

    def _typed(self) -> None:
        i = self.current()
        if self._loading or not self.track or not 0 <= i < len(self.document.cues):
            return
        text = self.text_box.toPlainText()
        if text == self.document.cues[i].track(self.track):
            return
        self._loading = True
        try:  # one undo step per typing burst, as for the cue text
            self.document.set_track_text(i, self.track, text, merge_key=self._burst.key(i))
        finally:
            self._loading = False


def track_title(name: str) -> str:
    """A translation track by its language's name in the UI's language (中文（简体）, English…)."""
    code = name[len(PREFIX):] if name.startswith(PREFIX) else name
    return language_name(code, ui_language())


class TranslationController(QObject):
    """The Translation column, the translation box and the two chat actions of one editor."""

    def __init__(self, win: "EditorWindow") -> None:
        super().__init__(win)
        self.win = win
        self.document = win.document
        self.box = TranslationBox(win.document, win.current_row, win.edit_box)
        layout = win.edit_box.layout()
        assert layout is not None
        layout.addWidget(self.box)
        self.box.chooser.currentIndexChanged.connect(self._track_chosen)
        self.box.text_box.commitNext.connect(win.edits.go_next)
        win.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.dialog: Optional[ChatRunDialog] = None
        self.review: Optional[PolishReviewDialog] = None
        self.last_target = ""
        self.last_model = DEFAULT_CHAT_MODEL
        self._unsubscribe = win.document.subscribe(self._doc_changed)
        tracks = translation_tracks(win.document)
        self.show_track(tracks[0] if tracks else "")

    def _track_chosen(self, _index: int) -> None:
        self.show_track(self.box.chooser.currentData() or "")

    def _row_changed(self, *_: Any) -> None:
        self.box.new_burst()
        self.box.load()

    def detach(self) -> None:
        if self.dialog is not None:
            self.dialog.stop()
        self.box.detach()
        self._unsubscribe()

    def add_actions(self, menus) -> None:
        """A Translation menu before Help (``menus``: the editor's Actions)."""
        bar = self.win.menuBar()
        menu = bar.addMenu(self.tr("T&ranslation"))
        bar.insertMenu(bar.actions()[-2], menu)  # before Help
        menus.act(menu, "translate", self.tr("Translate…"), self.translate_dialog, ["Ctrl+Shift+L"])
        menus.act(menu, "polish", self.tr("Correct recognition errors…"), self.polish_dialog)

    # -- showing a track ---------------------------------------------------------------------
    def show_track(self, name: str) -> None:
        """Show the translation track ``name`` ("" for none) in the column and the box."""
        tracks = translation_tracks(self.document)
        if name not in tracks:
            name = tracks[0] if tracks else ""
        model = self.win.model
        model.track = name
        model.track_header = track_title(name) if name else ""  # the language names the column
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_TRANS, COL_TRANS)
        if model.rowCount():
            model.dataChanged.emit(model.index(0, COL_TRANS), model.index(model.rowCount() - 1, COL_TRANS))
        self.win.table.setColumnHidden(COL_TRANS, not name)
        self.box.fill_chooser(tracks, name)
        self.box.setVisible(bool(name))
        self.box.set_track(name)

    def track(self) -> str:
        return self.win.model.track

    def _doc_changed(self, ch: Change) -> None:
        if ch.kind == "prop" and ch.name == "tracks":
            self.show_track(self.track())

    # -- running the chat model --------------------------------------------------------------
    def chat_settings(self, model: str) -> tuple[tr_core.ChatSettings, list[str]]:
        from ...core.foundation.paths import cache_dir
        from ...core.app.services import EngineService

        services = self.services() or EngineService()
        glm = services.glm_settings()
        if not glm.has_key():
            raise AuthError(self.tr("Translation and corrections use the GLM chat API with your GLM-ASR API key: "
                                    "add the key in Settings first."))
        return tr_core.ChatSettings(glm=glm, model=model, cache_dir=cache_dir("chat")), services.glossary()

    def services(self):
        """The editor's EngineService (it may be given as a getter), or None."""
        s = self.win.services
        return s() if callable(s) else s

    def source_language(self) -> str:
        return tr_core.source_language(self.document.cues, self.document.language)

    def _zh_style(self) -> ZhStyle:
        if self.document.meta.get("zh"):
            return ZhStyle.from_dict(self.document.meta.get("zh"))
        services = self.services()
        return services.settings.zh_style() if services is not None else ZhStyle()

    def _open(self, task: str, start_run, on_result) -> ChatRunDialog:
        old = self.dialog
        if old is not None and keep_dialog(old) and old.task == task:
            old.show()
            old.raise_()
            return old
        if self.dialog is not None:
            self.dialog.stop()
            self.dialog.deleteLater()
        source = self.source_language()
        target = self.last_target or ("en" if source.startswith("zh") else "zh")
        self.dialog = ChatRunDialog(task, start_run, self.win, target=target, model=self.last_model)
        self.dialog.resultReady.connect(on_result)
        self.dialog.show()
        return self.dialog

    def translate_dialog(self) -> ChatRunDialog:
        return self._open("translate", self._start_translation, self._translated)

    def polish_dialog(self) -> ChatRunDialog:
        return self._open("polish", self._start_polish, self._polished)

    def _start_translation(self, model: str, target: str) -> Callable[[Any, Any], Any]:
        if not self.document.cues:
            raise SubtitlerError(self.tr("There are no cues to translate."))
        settings, glossary = self.chat_settings(model)
        self.last_model, self.last_target = model, target
        cues, source, zh = tuple(self.document.cues), self.source_language(), self._zh_style()
        return lambda cancel, progress: tr_core.translate_cues(
            cues, target, source=source, settings=settings, glossary=glossary, zh=zh, on_progress=progress,
            cancel=cancel)

    def _start_polish(self, model: str, _target: str) -> Callable[[Any, Any], Any]:
        if not self.document.cues:
            raise SubtitlerError(self.tr("There are no cues to correct."))
        settings, glossary = self.chat_settings(model)
        self.last_model = model
        cues, language = tuple(self.document.cues), self.source_language()
        return lambda cancel, progress: tr_core.polish_cues(
            cues, language=language, settings=settings, glossary=glossary, on_progress=progress, cancel=cancel)

    def _translated(self, result: tr_core.TranslationResult) -> None:
        dialog = self.dialog
        assert dialog is not None
        if not any(c.text for c in result.cues):
            dialog.tell(self.tr("No cue could be translated: {why}. Nothing was changed.").format(
                why=dialog.reason_text(next((c.flag for c in result.cues if c.flag), ""), tr_core.FLAG_BLOCKED)),
                error=True)
            return
        try:
            tr_core.attach_translation(self.document, result)
        except SubtitlerError:
            dialog.tell(self.tr("The cues were edited while the translation ran, so it was not applied: "
                                "translate again."), error=True)
            return
        self.show_track(tr_core.translation_track(result.language))
        missed: dict[str, list[int]] = {}
        for i, cue in enumerate(result.cues):
            if cue.flag and not cue.text and self.document.cues[i].text.strip():
                missed.setdefault(dialog.reason_text(cue.flag, tr_core.FLAG_BLOCKED), []).append(i)
        dialog.tell(dialog.outcome_text(len(result.cues), missed, result.stats.total_tokens, result.stats.cached),
                    error=bool(missed))
        done = len(result.cues) - sum(map(len, missed.values()))
        self.win.notify(self.tr("Translated {done} of {total} cues into {language}.").format(
            done=done, total=len(result.cues), language=track_title(result.language)), 8000)

    def _polished(self, result: tr_core.PolishResult) -> None:
        dialog = self.dialog
        assert dialog is not None
        tokens = self.tr("{tokens} tokens used.").format(tokens=f"{result.stats.total_tokens:,}")
        if not result.changes:
            dialog.tell(self.tr("No corrections: the model found nothing to fix.") + " " + tokens)
            return
        dialog.tell(self.tr("%n correction(s) to review.", "", len(result.changes)) + " " + tokens)
        dialog.accept()
        if self.review is not None and not self.review.isVisible():  # done with: not kept until the editor closes
            self.review.deleteLater()
        self.review = PolishReviewDialog(self.document, result.changes, self.win)
        self.review.show()

