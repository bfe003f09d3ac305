"""The editor's translation column, Translate… and Correct recognition errors… against the stand-in
chat server over real HTTP (tests/support/chat_server.py): clicks and keys as a user makes them,
every cue checked against what the stand-in must answer, cue times against the originals."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.app.services import EngineService
from subtitler.core.app.settings import Settings
from subtitler.core.delivery.translate import layout, target_zh_style
from subtitler.gui import i18n
from subtitler.gui.editor import EditorWindow
from subtitler.gui.editor.model import COL_TEXT, COL_TRANS, PROBLEM_BG
from subtitler.gui.editor.polish_review import PolishReviewDialog
from tests.support.chat_server import ChatServer

from .app_fixtures import make_app, settings_file  # noqa: F401 (fixtures)
from tests.test_translate import expected, lecture_cues

KEY = "sk-chat-secret-0123456789"
C = Qt.KeyboardModifier.ControlModifier
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("SUBTITLER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ZHIPUAI_API_KEY", KEY)


@pytest.fixture
def server():
    srv = ChatServer(api_key=KEY, scale=0.005).start()
    yield srv
    srv.stop()


def services_for(server: ChatServer) -> EngineService:
    return EngineService(Settings(base_url=server.base_url, concurrency=5),
                         glm_extra={"backoff_s": 0.01, "backoff_max_s": 0.05})


def make_window(qtbot, doc: Document, server: ChatServer) -> EditorWindow:
    win = EditorWindow(doc, analyse_media=False, services=lambda: services_for(server))
    win.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def run_dialog(qtbot, win: EditorWindow, action: str, language: str = ""):
    """Open the action's dialog from its menu action, pick the language by name, click the button
    and wait for the run to end."""
    win.menus.by_name[action].trigger()
    dlg = win.translation.dialog
    assert dlg is not None and dlg.isVisible()
    if language:
        index = dlg.language.findText(language)
        assert index >= 0, language
        dlg.language.setCurrentIndex(index)
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.running(), timeout=60_000)
    QApplication.processEvents()
    return dlg


def type_text(widget, text: str) -> None:
    """Characters as typed (QTest.keyClicks takes ASCII only): a key press and release each."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def focus(qtbot, win: EditorWindow) -> None:
    win.activateWindow()
    win.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


def column(win: EditorWindow) -> list[str]:
    m = win.model
    return [m.index(r, COL_TRANS).data(EDIT) for r in range(m.rowCount())]


def test_translate_fills_the_column_as_one_undo_step_with_the_original_times(qtbot, server):
    cues = lecture_cues(45)
    doc = Document(cues)
    win = make_window(qtbot, doc, server)
    assert win.table.isColumnHidden(COL_TRANS) and not win.translation.box.isVisible()

    dlg = run_dialog(qtbot, win, "translate", "Chinese (Simplified)")
    assert column(win) == [expected(c.text, "zh") for c in cues]
    assert [(c.start, c.end, c.text) for c in doc.cues] == [(c.start, c.end, c.text) for c in cues]
    assert doc.tracks == ("translation:zh",) and doc.dirty
    assert not win.table.isColumnHidden(COL_TRANS)
    assert win.model.headerData(COL_TRANS, Qt.Orientation.Horizontal) == "Chinese (Simplified)"
    # the tokens shown are the tokens the service counted
    used = server.counters.prompt_tokens + server.counters.completion_tokens
    assert used > 0 and dlg.tokens == used and f"{used:,} tokens used" in dlg.status.text()
    assert "Translated 45 of 45 cues." in dlg.status.text()
    assert dlg.bar.value() == dlg.bar.maximum() == 45
    # the edit box shows the current cue's translation
    win.select_rows([2])
    assert win.translation.box.text_box.toPlainText() == expected(cues[2].text, "zh")
    assert win.menus.undo.text() == "Undo Translate into Chinese (Simplified)"

    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)  # "Close"
    assert not dlg.isVisible()
    focus(qtbot, win)
    depth = doc.undo_depth()
    QTest.keyClick(win.table, Qt.Key.Key_Z, C)  # one step removes the whole translation
    assert doc.undo_depth() == depth - 1 and doc.tracks == () and list(doc.cues) == cues
    assert win.table.isColumnHidden(COL_TRANS) and not doc.dirty
    QTest.keyClick(win.table, Qt.Key.Key_Y, C)
    assert column(win) == [expected(c.text, "zh") for c in cues]

    # a second run answers from the cache: nothing is sent, no tokens
    requests = server.counters.requests
    win.translation.last_target = "zh"
    dlg = run_dialog(qtbot, win, "translate")
    assert server.counters.requests == requests and "came from the cache" in dlg.status.text()
    assert column(win) == [expected(c.text, "zh") for c in cues]


def translated_doc(cues: list[Cue], *tracks: str) -> Document:
    out = []
    for c in cues:
        for t in tracks:
            c = c.with_track(f"translation:{t}", expected(c.text, t))
        out.append(c)
    return Document(out, tracks=tuple(f"translation:{t}" for t in tracks))


def test_editing_translations_in_the_table_and_the_box_is_undoable(qtbot, server):
    cues = lecture_cues(6)
    doc = translated_doc(cues, "zh", "ja")
    win = make_window(qtbot, doc, server)
    focus(qtbot, win)
    assert not win.table.isColumnHidden(COL_TRANS)
    box = win.translation.box
    assert [box.chooser.itemText(i) for i in range(box.chooser.count())] == ["Chinese (Simplified)", "Japanese"]

    # a table cell: F2, type, Enter — one undo step; Shift+Enter keeps a line break
    depth = doc.undo_depth()
    win.table.setCurrentIndex(win.model.index(1, COL_TRANS))
    QTest.keyClick(win.table, Qt.Key.Key_F2)
    editor = win.table.findChild(QPlainTextEdit)
    assert editor is not None and editor.toPlainText() == expected(cues[1].text, "zh")
    type_text(editor, "第一行")
    QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(editor, "第二行")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert doc.cues[1].track("translation:zh") == "第一行\n第二行"
    assert doc.cues[1].track("translation:ja") == expected(cues[1].text, "ja")
    assert doc.undo_depth() == depth + 1 and doc.undo_label() == "Edit translation"
    assert (doc.cues[1].start, doc.cues[1].end, doc.cues[1].text) == (cues[1].start, cues[1].end, cues[1].text)
    QTest.keyClick(win.table, Qt.Key.Key_Z, C)
    assert doc.cues[1].track("translation:zh") == expected(cues[1].text, "zh")
    QTest.keyClick(win.table, Qt.Key.Key_Y, C)
    assert column(win)[1] == "第一行\n第二行"

    # the translation box: a typing burst is one step; Ctrl+Z there undoes the document
    win.select_rows([3])
    box.text_box.setFocus()
    box.text_box.moveCursor(box.text_box.textCursor().MoveOperation.End)
    depth = doc.undo_depth()
    type_text(box.text_box, "（完）")
    assert doc.cues[3].track("translation:zh") == expected(cues[3].text, "zh") + "（完）"
    assert doc.undo_depth() == depth + 1 and column(win)[3].endswith("（完）")
    assert win.edit_box.typing()  # the playhead does not move the selection away
    QTest.keyClick(box.text_box, Qt.Key.Key_Z, C)
    assert doc.cues[3].track("translation:zh") == expected(cues[3].text, "zh")
    assert box.text_box.toPlainText() == expected(cues[3].text, "zh")

    # the chooser switches the column and the box to the other language
    box.chooser.setCurrentIndex(box.chooser.findText("Japanese"))
    assert win.model.track == "translation:ja" and column(win) == [expected(c.text, "ja") for c in cues]
    assert win.model.headerData(COL_TRANS, Qt.Orientation.Horizontal) == "Japanese"
    assert box.text_box.toPlainText() == expected(cues[3].text, "ja")
    assert [c.text for c in doc.cues] == [c.text for c in cues]


def test_a_misbehaving_model_loses_no_cue_and_the_user_is_told_which_were_not_translated(qtbot, server):
    server.config.misbehave_rate = 0.6
    server.config.kinds = ("drop", "missing", "renumbered", "merged", "shifted", "repeated", "prose", "429", "500")
    server.config.seed = 7
    server.config.blocked_words = ("Part 3.",)
    cues = lecture_cues(24)
    doc = Document(cues)
    win = make_window(qtbot, doc, server)
    dlg = run_dialog(qtbot, win, "translate", "Chinese (Simplified)")
    assert sum(server.counters.misbehaved.values()) > 0
    assert [(c.start, c.end, c.text) for c in doc.cues] == [(c.start, c.end, c.text) for c in cues]
    got = column(win)
    for i, c in enumerate(cues):
        assert got[i] == ("" if i == 3 else expected(c.text, "zh")), i
    # the one the service blocked: named in the dialog, marked in the column
    assert "Translated 23 of 24 cues." in dlg.status.text()
    assert "content safety" in dlg.status.text() and "cue(s) 4;" in dlg.status.text()
    assert win.model.index(3, COL_TRANS).data(Qt.ItemDataRole.BackgroundRole).color() == PROBLEM_BG


def test_a_model_that_never_answers_right_changes_nothing(qtbot, server):
    server.config.kinds = ("renumbered",)
    server.config.bad_first = 1000
    doc = Document(lecture_cues(5))
    win = make_window(qtbot, doc, server)
    dlg = run_dialog(qtbot, win, "translate", "Japanese")
    assert "No cue could be translated" in dlg.status.text() and "Nothing was changed" in dlg.status.text()
    assert doc.tracks == () and not doc.can_undo() and win.table.isColumnHidden(COL_TRANS)


def test_cancel_stops_the_run_and_changes_nothing(qtbot, server):
    server.config.scale = 1.0  # about a second per batch
    doc = Document(lecture_cues(60))
    win = make_window(qtbot, doc, server)
    win.menus.by_name["translate"].trigger()
    dlg = win.translation.dialog
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert dlg.running() and dlg.cancel_button.text() == "Cancel"
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.running(), timeout=20_000)
    QApplication.processEvents()
    assert dlg.status.text() == "Cancelled: nothing was changed."
    assert doc.tracks == () and not doc.can_undo() and dlg.cancel_button.text() == "Close"


def test_without_a_key_the_dialog_says_so(qtbot, server, monkeypatch):
    monkeypatch.delenv("ZHIPUAI_API_KEY")
    doc = Document(lecture_cues(3))
    win = make_window(qtbot, doc, server)
    win.menus.by_name["translate"].trigger()
    dlg = win.translation.dialog
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert "add the key in Settings" in dlg.status.text() and not dlg.running()
    assert server.counters.requests == 0 and not doc.can_undo()


POLISH_CUES = ["Hello wrold, this is the first cue.", "Nothing to fix here.", "We use teh GLM model today.",
               "The wrold is round.", "Another good line."]


def test_polish_review_accept_some_reject_others_is_one_undo_step(qtbot, server):
    server.config.corrections = {"wrold": "world", "teh": "the"}
    cues = [Cue(1000 + 3000 * i, 3000 + 3000 * i, t) for i, t in enumerate(POLISH_CUES)]
    doc = Document(cues)
    win = make_window(qtbot, doc, server)
    run_dialog(qtbot, win, "polish")
    qtbot.waitUntil(lambda: win.translation.review is not None and win.translation.review.isVisible())
    review: PolishReviewDialog = win.translation.review
    assert [(ch.index, ch.old, ch.new) for ch in review.changes] == [
        (0, POLISH_CUES[0], "Hello world, this is the first cue."), (2, POLISH_CUES[2], "We use the GLM model today."),
        (3, POLISH_CUES[3], "The world is round.")]
    label = review.table.cellWidget(0, review.COL_CHANGE)
    assert "<s>wrold,</s>" in label.text() and "world," in label.text() and "line-through" in label.text()
    assert review.apply_button.text() == "Apply 3 corrections"
    # reject the second correction with the keyboard (Space on its check box)
    review.table.setFocus()
    review.table.setCurrentCell(1, review.COL_CUE)
    QTest.keyClick(review.table, Qt.Key.Key_Space)
    assert [ch.index for ch in review.accepted_changes()] == [0, 3]
    assert review.apply_button.text() == "Apply 2 corrections"
    assert win.current_row() == 2  # the cue under review is selected in the editor
    depth = doc.undo_depth()
    qtbot.mouseClick(review.apply_button, Qt.MouseButton.LeftButton)
    assert not review.isVisible()
    assert [c.text for c in doc.cues] == ["Hello world, this is the first cue.", POLISH_CUES[1], POLISH_CUES[2],
                                          "The world is round.", POLISH_CUES[4]]
    assert [(c.start, c.end) for c in doc.cues] == [(c.start, c.end) for c in cues]
    assert doc.undo_depth() == depth + 1 and win.menus.undo.text() == "Undo Correct 2 cues"
    focus(qtbot, win)
    QTest.keyClick(win.table, Qt.Key.Key_Z, C)
    assert list(doc.cues) == cues


def test_polish_with_nothing_to_fix_opens_no_review(qtbot, server):
    doc = Document([Cue(0, 2000, "All fine."), Cue(2500, 4000, "Still fine.")])
    win = make_window(qtbot, doc, server)
    dlg = run_dialog(qtbot, win, "polish")
    assert dlg.status.text().startswith("No corrections") and win.translation.review is None
    assert not doc.can_undo()


def test_text_column_unchanged_by_the_translation_column(qtbot, server):
    doc = translated_doc(lecture_cues(3), "zh")
    win = make_window(qtbot, doc, server)
    hh = win.table.horizontalHeader()
    assert hh.visualIndex(COL_TRANS) == hh.visualIndex(COL_TEXT) + 1  # shown right beside the text
    assert win.model.index(0, COL_TEXT).data(EDIT) == doc.cues[0].text



# -- the screens in English and Chinese (docs/images/editor-translation*.png, polish-review-zh.png) ----------
REAL_ZH = {
    "Welcome to the first lecture of this course on signal processing.": "欢迎来到信号处理课程的第一讲。",
    "Today we talk about sampling, filters and the discrete Fourier transform.": "今天我们讨论采样、滤波器和离散傅里叶变换。",
    "Please pause the video whenever you want to take notes.": "想做笔记时，请随时暂停视频。",
    "A signal is simply a function of time.": "信号就是时间的函数。",
    "When we sample it, we keep its value at regular instants.": "采样时，我们在等间隔的时刻保留它的值。",
    "The sampling theorem tells us how fast we must sample.": "采样定理告诉我们必须以多快的速度采样。",
    "If we sample too slowly, high frequencies fold back as aliases.": "如果采样太慢，高频会折叠回来，形成混叠。",
    "That is why every recorder has a low pass filter before the converter.": "所以每台录音设备在转换器前都有低通滤波器。",
    "Next week we will build such a filter together.": "下周我们一起来做这样一个滤波器。",
    "Thank you for watching, and see you next time.": "谢谢观看，我们下次再见。",
}
TYPOS = {"sampling": "sampeling", "Fourier": "Furrier", "aliases": "alia says", "filter together": "filter to gether"}


class LectureServer(ChatServer):
    """The stand-in with real Chinese for the English fixture's sentences (screenshots people read)."""

    def answer(self, request: dict) -> dict:
        if request.get("task", "translate") == "translate" and request.get("target_language") == "zh":
            return {i: REAL_ZH.get(t, t) for i, t in request["cues"].items()}
        return super().answer(request)


def test_screens_in_english_and_chinese(qtbot, qapp, speech_en):
    from .app_fixtures import shot
    from .test_i18n import assert_chinese, ui_texts

    srv = LectureServer(api_key=KEY, scale=0.005).start()
    srv.config.corrections = {wrong: right for right, wrong in TYPOS.items()}
    try:
        cues = [Cue(u["start_ms"], u["end_ms"], u["text"]) for u in speech_en[1]["utterances"]]

        def editor_with_translation(language: str) -> tuple[EditorWindow, Any]:
            win = make_window(qtbot, Document(cues), srv)
            win.resize(1366, 768 - 32)  # a 1366×768 screen, title bar included
            dlg = run_dialog(qtbot, win, "translate", language)
            assert column(win) == [layout(REAL_ZH[c.text], None, target_zh_style("zh")) for c in cues]
            win.select_rows([1])
            QApplication.processEvents()
            # nothing clipped: the window fits, the translation column has room for its header
            assert win.width() <= 1366 and win.height() <= 736 and win.minimumSizeHint().width() <= 1366
            assert win.table.columnWidth(COL_TRANS) >= win.table.horizontalHeader().fontMetrics().horizontalAdvance(
                str(win.model.headerData(COL_TRANS, Qt.Orientation.Horizontal)))
            return win, dlg

        win, dlg = editor_with_translation("Chinese (Simplified)")
        shot(win, "editor-translation")
        dlg.close()
        win.close()

        i18n.install_translators(qapp, QLocale("zh_CN"))
        try:
            win, dlg = editor_with_translation("中文（简体）")
            assert_chinese(ui_texts(dlg), "translate dialog")
            shot(dlg, "translate-dialog-zh")
            assert "已翻译 10/10 条字幕。" in dlg.status.text()
            assert win.menus.undo.text() == "撤销翻译为中文（简体）"
            assert_chinese(ui_texts(win), "editor with a translation")
            shot(win, "editor-translation-zh")
            dlg.close()
            # corrections: a document with recognition errors, reviewed in Chinese
            for right, wrong in TYPOS.items():
                for i, c in enumerate(win.document.cues):
                    if right in c.text:
                        win.document.set_text(i, c.text.replace(right, wrong))
            run_dialog(qtbot, win, "polish")
            qtbot.waitUntil(lambda: win.translation.review is not None and win.translation.review.isVisible())
            review = win.translation.review
            review.resize(760, 420)
            QApplication.processEvents()
            assert len(review.changes) == 4
            review.set_accepted(3, False)
            cells = [review.table.cellWidget(r, review.COL_CHANGE) for r in range(len(review.changes))]
            content = {t for w in cells for t in (w.text(), w.toolTip())}  # the user's (English) cues
            assert_chinese([(k, t) for k, t in ui_texts(review) if t not in content], "review corrections")
            assert all(w.toolTip().startswith("修改前：") for w in cells)
            assert review.apply_button.text() == "应用 3 处修改"
            shot(review, "polish-review-zh")
            qtbot.mouseClick(review.apply_button, Qt.MouseButton.LeftButton)
            assert win.menus.undo.text() == "撤销纠正 3 条字幕"
            win.close()
        finally:
            i18n.install_translators(qapp, QLocale("en_US"))
    finally:
        srv.stop()


def test_the_app_gives_its_editors_the_stored_key_and_base_url_and_the_key_stays_secret(
        make_app, qtbot, server, tmp_path, monkeypatch):
    monkeypatch.delenv("ZHIPUAI_API_KEY", raising=False)  # the key the app stored, not the environment's
    app = make_app(key=KEY, base_url=server.base_url, engine="glm")  # (local warms its model up)
    cues = lecture_cues(8)
    win = app.open_document(Document(cues), None, "lecture")
    assert isinstance(win, EditorWindow)
    win.ask_save_on_close = lambda: "discard"
    qtbot.waitExposed(win)
    dlg = run_dialog(qtbot, win, "translate", "French")
    assert column(win) == [expected(c.text, "fr") for c in cues]
    assert server.counters.auth_headers and all(server.counters.auth_headers)
    shown = [dlg.status.text(), win.statusBar().currentMessage(), win.menus.undo.text()]
    logs = [p.read_text("utf-8", "replace") for p in (tmp_path / "logs").rglob("*") if p.is_file()]
    assert not any(KEY in t for t in shown + logs)


def test_closing_the_editor_during_a_translation_stops_it(qtbot, server):
    server.config.scale = 1.0
    doc = Document(lecture_cues(60))
    win = make_window(qtbot, doc, server)
    win.menus.by_name["translate"].trigger()
    dlg = win.translation.dialog
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: server.counters.requests > 0, timeout=10_000)
    assert dlg.running()
    win.close()
    assert not dlg.running() and doc.tracks == ()
