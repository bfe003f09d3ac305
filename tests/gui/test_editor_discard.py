"""Issue 21, defect 1: *Discard* means the last saved state everywhere. A finished job is opened
from the queue (double-click), a cue is typed into, the editor is closed with Ctrl+W and the edits
are discarded: the next editor on the job, the autosave / recovery files and Export subtitles all
have the job's own result, not the discarded text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from subtitler.core.document import formats
from subtitler.core.document import project as projects
from subtitler.core.media.ffmpeg import load_wav
from subtitler.gui.editor import files as editor_files
from subtitler.gui.editor.window import EditorWindow
from subtitler.gui.queue_model import Status
from tests.support.glm_server import GlmServer

from .app_fixtures import make_app, settings_file  # noqa: F401  (fixtures)

TYPED = " DISCARD ME"


def finished_job(make_app, qtbot, tmp_path, monkeypatch, speech_en):  # noqa: F811
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "cache"))  # a cold cache of its own
    wav, meta = speech_en
    src = tmp_path / "in" / "talk.wav"
    src.parent.mkdir(parents=True)
    src.write_bytes(wav.read_bytes())
    with GlmServer(scale=0.05) as server:
        server.register(load_wav(wav), meta["utterances"])
        app = make_app(key=server.config.api_key, base_url=server.base_url, stream=False)
        [job] = app.add_paths([src])
        qtbot.waitUntil(lambda: job.status in (Status.DONE, Status.FAILED), timeout=60000)
        assert job.status == Status.DONE, job.detail
    return app, job


def double_click_job(app, qtbot, job) -> EditorWindow:
    table = app.window.queue.table
    before = len(app.editors.windows)
    rect = table.visualRect(app.model.index(app.model.row_of(job), 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.waitUntil(lambda: len(app.editors.windows) > before, timeout=10000)
    win = app.editors.windows[-1]
    assert isinstance(win, EditorWindow)
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # the window's shortcuts (Ctrl+W) need the active window
    return win


def test_discard_on_close_means_the_jobs_result_in_the_editor_recovery_and_export(
        make_app, qtbot, tmp_path, monkeypatch, speech_en, isolated_dirs):  # noqa: F811
    monkeypatch.setattr(editor_files, "AUTOSAVE_MS", 50)  # the edit reaches the recovery file
    asked: list[str] = []

    def discard(self) -> str:
        asked.append(self.windowTitle())
        return "discard"

    monkeypatch.setattr(EditorWindow, "ask_save_on_close", discard)
    app, job = finished_job(make_app, qtbot, tmp_path, monkeypatch, speech_en)
    original = [c.text for c in job.result.document.cues]
    assert original and not job.result.document.dirty

    win = double_click_job(app, qtbot, job)
    assert [c.text for c in win.document.cues] == original and not win.windowTitle().startswith("*")
    win.select_rows([0])
    win.text_box.setFocus()
    QTest.keyClick(win.text_box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(win.text_box, TYPED)
    assert win.document.cues[0].text == original[0] + TYPED
    assert win.windowTitle().startswith("*")
    recovery = win.files.recovery_file()
    qtbot.waitUntil(recovery.exists, timeout=5000)  # autosaved: a crash now would offer the edit back

    QTest.keyClick(win, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win not in app.editors.windows, timeout=5000)
    assert len(asked) == 1 and asked[0].startswith("*")
    assert not recovery.exists() and projects.find_recoveries() == []

    # the queue's document is the job's result again: no edit, nothing unsaved
    assert [c.text for c in job.result.document.cues] == original
    assert not job.result.document.dirty and not job.result.document.can_redo()

    again = double_click_job(app, qtbot, job)
    assert [c.text for c in again.document.cues] == original
    assert not again.windowTitle().startswith("*"), again.windowTitle()
    assert again.text_box.toPlainText() == original[0]
    QTest.keyClick(again, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # the discarded edit cannot be redone
    assert [c.text for c in again.document.cues] == original and not again.document.dirty

    # Export subtitles writes the job's text
    out = tmp_path / "out"
    dlg = app.open_export()
    dlg.folder.setText(str(out))
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt == "srt")
    dlg.pattern.setCurrentText("{stem}.{ext}")
    summary = dlg.export()
    assert summary.ok, summary.failed
    assert [c.text for c in formats.load(out / "talk.srt")] == original
    assert TYPED.strip() not in Path(out / "talk.srt").read_text("utf-8")
    dlg.close()
    QTest.keyClick(again, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: again not in app.editors.windows, timeout=5000)
    assert len(asked) == 1  # nothing was unsaved the second time: no question
