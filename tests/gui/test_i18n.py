"""The app in Simplified Chinese and English.

- coverage: every string ``pyside6-lupdate`` extracts from the GUI has a finished Chinese
  translation with the same placeholders; the shipped ``.qm`` files are what ``lrelease`` makes of
  the shipped ``.ts`` (they cannot drift);
- plurals and numbers in both languages ("1 file", "3 files"; "3 个文件");
- no English left: the Chinese UI is walked screen by screen (main window empty and with jobs, the
  editor on a document, settings, export, style, shortcuts, find/replace, About, a message box) and
  every visible text, tooltip, menu, header and title is checked for English words (allow-list:
  product and format names, key names, file names);
- screenshots of those screens in Chinese (and once in English) at 1366×768 under $SUBTITLER_SHOTS.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDialog, QDialogButtonBox, QFontComboBox,
    QGroupBox, QLabel, QLineEdit, QMainWindow, QMenu, QMessageBox, QPlainTextEdit, QTextBrowser, QTextEdit,
    QWidget,
)

from subtitler.core.document.model import Document
from subtitler.core.foundation.errors import MESSAGES, Reason

from subtitler.core.document.cues import Cue
from subtitler.core.app.queue import Job, JobList, Status
from subtitler.gui import i18n, words
from subtitler.gui.editor import EditorWindow
from subtitler.gui.editor.style_editor import StyleDialog

from .app_fixtures import copy_media, make_app, settings_file, shot  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "subtitler" / "resources" / "i18n"
TOOLS = ROOT / "tools" / "i18n.py"
SIZE = (1366, 768)


# -- catalogs ---------------------------------------------------------------------------------------
@dataclass
class Entry:
    numerus: bool
    forms: list[str]
    finished: bool


def read_ts(path: Path) -> dict[tuple[str, str], Entry]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            numerus = m.get("numerus") == "yes"
            forms = [f.text or "" for f in tr.iter("numerusform")] if numerus else [tr.text or ""]
            out[(name, m.findtext("source") or "")] = Entry(numerus, forms, tr.get("type") is None)
    return out


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w*\}|%n|%1", text))


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    if not exe.is_file():
        pytest.skip(f"{name} is not installed next to this Python")
    return str(exe)


def _i18n_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", TOOLS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_a_finished_chinese_translation(tmp_path):
    fresh = tmp_path / "extracted.ts"
    core = tmp_path / "core_messages.py"  # the core's sentences, as tools/i18n.py hands them to lupdate
    core.write_text(_i18n_tool().core_templates(), "utf-8")
    sources = [*sorted(str(p) for p in (ROOT / "subtitler" / "gui").rglob("*.py")), str(core)]
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-silent"], check=True, cwd=ROOT,
                   timeout=300)
    extracted = read_ts(fresh)
    shipped = read_ts(I18N / "subtitler_zh_CN.ts")
    assert len(extracted) > 350  # the whole GUI, not a handful
    assert {("Reasons", t) for t in MESSAGES.values()} <= set(extracted)  # every core sentence, from its one table
    missing = [k for k in extracted if k not in shipped or not shipped[k].finished or not all(shipped[k].forms)]
    assert not missing, f"{len(missing)} strings without a Chinese translation (run tools/i18n.py update): {missing[:10]}"
    for (ctx, src), entry in shipped.items():
        for form in entry.forms:
            assert placeholders(form) == placeholders(src), (ctx, src, form)
            assert _only_allowed(form), (ctx, src, form, _english_words(form))
    english = read_ts(I18N / "subtitler_en.ts")
    plural = [k for k, e in extracted.items() if e.numerus]
    assert plural and all(english[k].finished and len(english[k].forms) == 2 for k in plural)


def test_shipped_catalogs_are_compiled_from_the_sources(tmp_path):
    tool("pyside6-lrelease")
    subprocess.run([sys.executable, str(TOOLS), "release", "--out", str(tmp_path)], check=True, timeout=300)
    for name in ("subtitler_zh_CN.qm", "subtitler_en.qm"):
        assert (tmp_path / name).read_bytes() == (I18N / name).read_bytes(), f"{name} is stale: run tools/i18n.py release"


# -- languages --------------------------------------------------------------------------------------
@pytest.fixture
def chinese(qapp):
    loaded = i18n.install_translators(qapp, QLocale("zh_CN"))
    assert [Path(t.filePath()).name for t in loaded][:2] == ["subtitler_zh_CN.qm", "qtbase_zh_CN.qm"]
    assert i18n.ui_language() == "zh"
    yield
    i18n.install_translators(qapp, QLocale("en_US"))


def jobs(statuses: list[Status]) -> JobList:
    book = JobList()
    made = [Job(Path(f"lecture {i:02d}.mp4"), engine="local", status=s) for i, s in enumerate(statuses, 1)]
    book.extend(made)
    return book


def test_plurals_and_numbers_in_english(qapp):
    tr = QCoreApplication.translate
    assert tr("Queue", "%n file(s)", None, 1) == "1 file"
    assert tr("Queue", "%n file(s)", None, 3) == "3 files"
    assert tr("QueueController", "Skipped %n file(s) that are not video or audio: {names}", None, 1) \
        == "Skipped 1 file that is not video or audio: {names}"
    assert words.summary(jobs([Status.QUEUED])) == "1 file · 1 queued"
    assert words.summary(jobs([Status.QUEUED, Status.QUEUED, Status.FAILED])) == "3 files · 2 queued · 1 failed"
    assert words.summary(JobList()) == "No files yet"
    assert i18n.ui_language() == "en"


def test_plurals_numbers_and_qt_dialogs_in_chinese(chinese):
    tr = QCoreApplication.translate
    assert tr("Queue", "%n file(s)", None, 1) == "1 个文件"
    assert tr("Queue", "%n file(s)", None, 3) == "3 个文件"
    assert words.summary(jobs([Status.QUEUED, Status.QUEUED, Status.FAILED])) == "3 个文件 · 2 个排队中 · 1 个失败"
    assert words.status_label(Status.DONE) == "完成"
    assert words.problem_text(Reason("problem.too_fast", value="21.5", max="9")) == "语速过快：每秒 21.5 字（上限 9）"
    assert words.edit_label(Reason("undo.change_timing")) == "调整时间"
    assert words.edit_label(Reason("undo.import", name="a.srt")) == "导入 a.srt"
    assert words.edit_label("Change timing") == "调整时间"  # a label kept as text: its template, word for word
    assert words.step_text(Reason("step.transcribing_piece", done=2, total=8)) == "正在转写第 2/8 段"
    assert tr("QPlatformTheme", "Cancel") == "取消"  # Qt's own buttons come from qtbase_zh_CN


def test_the_interface_language_setting_picks_the_catalogs(qapp):
    try:
        assert i18n.locale_for("zh_CN").name() == "zh_CN"
        assert i18n.locale_for("en").name() == "en_US"
        assert i18n.locale_for("auto").name() == QLocale.system().name()
        i18n.install_translators(qapp, i18n.locale_for("zh_CN"))
        assert QCoreApplication.translate("MainWindow", "&Quit") == "退出(&Q)"
        i18n.install_translators(qapp, i18n.locale_for("en"))
        assert QCoreApplication.translate("MainWindow", "&Quit") == "&Quit"
    finally:
        i18n.install_translators(qapp, QLocale("en_US"))


# -- no English left ----------------------------------------------------------------------------------
ALLOWED = {
    "glm", "asr", "srt", "ass", "ssa", "vtt", "txt", "api", "url", "whisper", "faster", "subtitler", "zhipu",
    "python", "fft", "webvtt", "subrip", "netflix", "sdi", "amazon", "subtitle", "edit", "ctrl", "shift", "alt",
    "space", "enter", "del", "delete", "ins", "insert", "esc", "left", "right", "up", "down", "home", "end",
    "pgup", "pgdown", "tab", "backspace", "return", "tiny", "en", "small", "medium", "large", "distil", "base",
    "qtmultimedia", "qtqml", "pyside", "qt", "ffmpeg", "english", "ai", "stem", "lang", "ext", "ok", "mb",
    "token", "tokens", "flash",  # Zhipu's own Chinese pages say "tokens" and name the free "flash" models
    "bilingual", "subtitled", "mp",  # output file names: {stem}.bilingual.{ext}, {stem}.subtitled.mp4
    "http", "https", "json", "wav",  # protocol and format names in the core's sentences (core.foundation.errors)
    "opencc",  # the package that converts Chinese scripts
    "gnome", "keyring", "kwallet",  # keyring services and the keyring package, by their names
}


def _strip(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # markup
    text = re.sub(r"&\w+;", " ", text)  # entities
    text = re.sub(r"https?://\S+", " ", text)  # addresses
    text = re.sub(r"(?<![\w.])/[^\s<]+", " ", text)  # paths (the log file)
    text = re.sub(r"#[0-9A-Fa-f]{6,8}\b", " ", text)  # colours
    text = re.sub(r"\b[A-Z]+(?:_[A-Z]+)+\b", " ", text)  # environment variables (SUBTITLER_NO_KEYRING)
    text = re.sub(r"[\w.-]*[\w-]\.[A-Za-z0-9]{2,9}\b", " ", text, flags=re.ASCII)  # file names (a.wav, tiny.en)
    text = re.sub(r"\{\w+\}|\*\.\w+", " ", text, flags=re.ASCII)  # placeholders, file patterns
    text = re.sub(r"(?<=\S)\.[A-Za-z0-9]{2,9}\b", " ", text)  # extensions after any name (第1讲.wav)
    text = re.sub(r"\w*\d\w*", " ", text, flags=re.ASCII)  # model names and numbers (glm-asr-2512, large-v3, F1)
    return text.replace("&", "")


def _english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{2,}", _strip(text)) if w.lower() not in ALLOWED]  # single letters: keys


def _only_allowed(text: str) -> bool:
    return not _english_words(text)


def _action_texts(actions, seen) -> list[tuple[str, str]]:
    out = []
    for a in actions:
        if id(a) in seen:
            continue
        seen.add(id(a))
        out += [("action", a.text()), ("action tip", a.toolTip() if a.toolTip() != a.text().replace("&", "") else ""),
                ("status tip", a.statusTip())]
        if a.menu() is not None:
            out.append(("menu", a.menu().title()))
            out += _action_texts(a.menu().actions(), seen)
    return out


def ui_texts(root: QWidget) -> list[tuple[str, str]]:
    """What a user reads in ``root``: texts, titles, tooltips, placeholders, items, headers, menus."""
    out: list[tuple[str, str]] = [("title", root.windowTitle())]
    seen: set[int] = set()
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        out += [("tooltip", w.toolTip()), ("accessible name", w.accessibleName())]
        if isinstance(w, QLabel):
            out.append(("label", w.text()))
        elif isinstance(w, QAbstractButton):
            out.append(("button", w.text()))
        elif isinstance(w, QGroupBox):
            out.append(("group", w.title()))
        elif isinstance(w, QLineEdit) or (isinstance(w, (QPlainTextEdit, QTextEdit)) and not isinstance(w, QTextBrowser)):
            out.append(("placeholder", w.placeholderText()))
        elif isinstance(w, QTextBrowser):
            out.append(("help", w.toPlainText()))
        if isinstance(w, QComboBox) and not isinstance(w, QFontComboBox) and not w.isEditable():
            out += [("item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            out += [("header", str(m.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(m.columnCount())]
        out += _action_texts(QWidget.actions(w), seen)  # (the main window names a dict "actions")
        if isinstance(w, QMainWindow):
            out += _action_texts(w.menuBar().actions(), seen)
            out.append(("status bar", w.statusBar().currentMessage()))
    return [(kind, t) for kind, t in out if t]


def queue_texts(app) -> list[tuple[str, str]]:
    """The queue's status, engine and price cells (the file names are the user's)."""
    m = app.model
    return [("cell", str(m.index(r, c).data() or "")) for r in range(m.rowCount())
            for c in (m.ENGINE, m.PRICE, m.STATUS)]


def assert_chinese(texts: list[tuple[str, str]], where: str) -> None:
    english = [(kind, t, _english_words(t)) for kind, t in texts if _english_words(t)]
    assert not english, f"English in the Chinese UI ({where}): " + "; ".join(
        f"{kind} {t[:80]!r} {bad}" for kind, t, bad in english[:12])
    assert any(re.search(r"[\u4e00-\u9fff]", t) for _, t in texts), f"no Chinese at all in {where}"


def chinese_document(info: dict) -> list[Cue]:
    return [Cue(u["start_ms"], u["end_ms"], u["text"]) for u in info["utterances"]]


def present(widget: QWidget, qtbot, size=SIZE) -> QWidget:
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def test_the_chinese_ui_has_no_english_left(chinese, isolated_dirs, make_app, qtbot, tmp_path, speech_zh, speech_en):
    app = make_app(engine="local", language="auto", auto_start=True)
    present(app.window, qtbot)
    assert_chinese(ui_texts(app.window), "main window, empty")
    shot(app.window, "zh-main-empty")

    # a real job to the end, then more files waiting (queue paused)
    media = copy_media(speech_en[0], tmp_path / "series", "第1讲.wav")
    [done] = app.add_paths([media])
    qtbot.waitUntil(lambda: done.status in (Status.DONE, Status.FAILED), timeout=400000)  # a busy CI machine (the test limit is 600 s)
    assert done.status == Status.DONE, done.detail
    app.window.actions["pause"].setChecked(True)
    waiting = [copy_media(speech_zh[0], tmp_path / "series", f"第{i}讲.wav") for i in (2, 3)]
    app.add_paths(waiting)
    qtbot.waitUntil(lambda: all(j.status == Status.QUEUED for j in app.model.jobs()[1:]), timeout=30000)
    app.panel.select_job(done)
    QApplication.processEvents()
    texts = ui_texts(app.window) + queue_texts(app) + [("summary", app.window.summary_label.text())]
    assert_chinese(texts, "main window with jobs")
    assert "3 个文件" in app.window.summary_label.text()
    shot(app.window, "zh-main-jobs")

    # the Chinese-with-English-only-model refusal names the language in Chinese, with links
    app.panel.set_language("zh")
    assert "中文（简体）" in app.window.message_bar.text() and "href='use-glm'" in app.window.message_bar.text()
    assert_chinese([("message", app.window.message_bar.text())], "language refusal")
    app.panel.set_language("auto")
    app.window.message_bar.hide()

    settings = app.open_settings()
    present(settings, qtbot, (1280, 720))
    assert settings.language.currentText() == "自动检测" and settings.language.findText("中文（简体）") >= 0
    assert_chinese(ui_texts(settings), "settings")
    shot(settings, "zh-settings")
    settings.reject()

    export = app.open_export()
    present(export, qtbot, (760, 520))
    assert_chinese(ui_texts(export), "export")
    shot(export, "zh-export")
    export.close()

    about = app.open_about()
    qtbot.waitExposed(about)
    assert_chinese(ui_texts(about), "about")
    about.close()

    # the editor on a Chinese document with its media
    doc = Document(chinese_document(speech_zh[1]), media_path=str(waiting[0]))
    win = EditorWindow(doc, media_path=str(waiting[0]))
    win.ask_save_on_close = lambda: "discard"  # never a modal box in tests
    qtbot.addWidget(win)
    present(win, qtbot)
    win.select_rows([1])
    win.edits.nudge("start", 100)  # fix timing: an undo step, named in Chinese
    assert win.menus.undo.text() == "撤销微调开始时间"
    QApplication.processEvents()
    assert_chinese(ui_texts(win) + [("info", win.edit_box.info_label.text())], "editor")
    shot(win, "zh-editor")
    win.menus.show_shortcuts()
    shortcuts = next(d for d in win.findChildren(QDialog) if d.isVisible())
    assert_chinese(ui_texts(shortcuts), "keyboard shortcuts")
    shortcuts.close()
    win.edits.find_replace_dialog()
    finder = next(d for d in win.findChildren(QDialog) if d.isVisible())
    assert_chinese(ui_texts(finder), "find and replace")
    finder.close()
    style = StyleDialog(win.files.current_style(), win.player, win)
    present(style, qtbot, (900, 620))
    assert_chinese(ui_texts(style), "style")
    shot(style, "zh-style")
    style.reject()
    menu = win.menus.cue_menu()
    assert_chinese(_action_texts(menu.actions(), set()), "cue menu")

    # Qt's own message boxes and standard buttons
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("QueueController", "Quit subtitler?"),
                      QCoreApplication.translate("QueueController", "%n job(s) running", None, 2),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
                      app.window)
    box.show()
    qtbot.waitExposed(box)
    assert {b.text().replace("&", "") for b in box.buttons()} >= {"是(Y)", "否(N)"} or \
        all(re.search(r"[\u4e00-\u9fff]", b.text()) for b in box.buttons())
    assert_chinese(ui_texts(box), "message box")
    box.close()
    win.close()


def test_english_screens_still_render(make_app, qtbot, tmp_path, speech_en):
    """The English UI at 1366×768 after the translation work (looked at; see the report)."""
    app = make_app(engine="local", auto_start=False)
    present(app.window, qtbot)
    app.add_paths([copy_media(speech_en[0], tmp_path / "series", f"lecture {i:02d}.wav") for i in (1, 2, 3)])
    qtbot.waitUntil(lambda: all(j.status == Status.QUEUED for j in app.model.jobs()), timeout=30000)
    assert "3 files" in app.window.summary_label.text()
    shot(app.window, "en-main-jobs")
    settings = present(app.open_settings(), qtbot, (1280, 720))
    assert settings.language.currentText() == "Detect automatically"
    shot(settings, "en-settings")
    settings.reject()


def test_the_apps_file_dialog_is_chinese(chinese, make_app, qtbot, tmp_path):
    """Issue 21, defect 10a: Qt's file dialog said "Look in:" / "Files of type:" in the Chinese UI
    (Qt 6 writes them with mnemonics, which qtbase_zh_CN.qm lacks). File ▸ Add files, as a user."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    app = make_app(auto_start=False)
    app.settings_ctl.remember_dir(tmp_path)
    seen: list[list[str]] = []

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, look)
            return
        seen.append([label.text() for label in dialogs[0].findChildren(QLabel)])
        seen.append([b.text() for b in dialogs[0].findChildren(QAbstractButton) if b.text()])
        shot(dialogs[0], "zh-file-dialog")
        dialogs[0].reject()

    QTimer.singleShot(50, look)
    app.window.actions["add_files"].trigger()  # a modal dialog: returns once look() has closed it
    assert seen, "no file dialog opened"
    labels = seen[0]
    assert not any(t.replace("&", "") in ("Look in:", "Files of type:", "File name:") for t in labels), labels
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert_chinese([("file dialog", t) for t in labels + seen[1]], "file dialog")
