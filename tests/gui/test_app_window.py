"""The window itself: size, actions and shortcuts, icons, the engine notice, a series screenshot,
and the entry point used by `subtitler [FILE...]`."""

from __future__ import annotations

import time
from types import SimpleNamespace

from PySide6.QtCore import QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import QApplication

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.foundation.progress import Progress
from subtitler.gui import app as app_module
from subtitler.gui.controllers import editors as editors_module
from subtitler.gui.queue_model import JobModel, Status

from .app_fixtures import copy_media, make_app, settings_file, shot


def fake_result(source, texts, language="en"):
    doc = Document([Cue(i * 2000, i * 2000 + 1800, t) for i, t in enumerate(texts)], language=language)
    return SimpleNamespace(source=source, document=doc, flagged_cues=0, failed_chunks=0, language=language)


def test_window_basics(make_app):
    app = make_app()
    w = app.window
    available = w.screen().availableGeometry()  # the offscreen screen is 800×800
    assert w.size() == QSize(min(1200, available.width()), min(760, available.height() - 32))
    assert w.windowTitle() == "subtitler"
    assert not w.windowIcon().isNull()
    acts = w.actions
    for name, keys in (("add_files", "Ctrl+O"), ("export", "Ctrl+E"), ("retry", "Ctrl+R"), ("cancel", "Ctrl+.")):
        assert acts[name].shortcut().toString() == keys
    for name in ("add_files", "add_folder", "export", "settings", "cancel", "retry", "remove", "move_up"):
        assert not acts[name].icon().isNull(), name
    # menus reachable by keyboard (mnemonics)
    assert [m.title() for m in (a.menu() for a in w.menuBar().actions())] == ["&File", "&Jobs", "&Help"]
    # nothing to act on yet
    assert not acts["export"].isEnabled() and not acts["cancel"].isEnabled()
    # no key: the local engine is used, and the window says so with a link to Settings
    assert w.engine_notice.isVisible()
    assert "offline engine" in w.engine_notice.text() and "href='settings'" in w.engine_notice.text()
    w.engine_notice.linkActivated.emit("settings")
    assert app.dialogs and type(app.dialogs[-1]).__name__ == "SettingsDialog"
    app.dialogs[-1].reject()
    about = app.open_about()
    assert "subtitler" in about.windowTitle()
    about.close()


def test_main_window_fits_a_1366x768_screen(make_app, qtbot, media_dir):
    """Issue 21, defect 11: the window opened at 1200×760 plus its title bar, so on a 1366×768
    screen with a taskbar the status bar was cut off. It now fits the screen it opens on."""
    app = make_app(auto_start=False)
    w = app.window
    frame = 32  # the title bar, outside the window's size
    screen = w.screen().availableGeometry()
    assert w.width() <= screen.width() and w.height() + frame <= screen.height()
    assert screen.contains(QRect(w.pos(), QSize(w.width(), w.height() + frame)))
    available = QRect(0, 0, 1366, 768 - 40)  # a laptop screen with a taskbar
    w.fit_to(available)
    assert w.minimumSizeHint().height() + frame <= available.height()
    assert w.width() <= 1366 and w.height() + frame <= available.height()
    app.add_paths([media_dir / "talk.mp4", media_dir / "podcast.mp3"])
    qtbot.wait(50)
    bar = w.statusBar()
    for part in (bar, w.summary_label, w.engine_label, w.queue.table, w.menuBar()):
        assert part.isVisible() and part.height() > 10, part
        assert w.rect().contains(QRect(part.mapTo(w, QPoint(0, 0)), part.size())), part
    assert "2 files" in w.summary_label.text()
    # a geometry saved on a bigger screen is fitted to this one at the next start
    w.resize(1900, 1150)
    app.save_state()
    again = make_app()
    assert again.window.height() + frame <= again.window.screen().availableGeometry().height()
    shot(w, "main_window_1366x768")


def test_cloud_jobs_show_their_price_before_they_start(make_app, qtbot, speech_en, tmp_path):
    app = make_app(key="k-123")
    app.window.actions["pause"].setChecked(True)
    assert not app.window.engine_notice.isVisible()
    assert "GLM-ASR" in app.window.engine_label.text()
    [job] = app.add_paths([copy_media(speech_en[0], tmp_path, "talk.wav")])
    assert job.engine == "glm"
    qtbot.waitUntil(lambda: job.status == Status.QUEUED, timeout=10000)
    assert app.model.index(0, JobModel.ENGINE).data() == "GLM-ASR"
    assert app.model.index(0, JobModel.PRICE).data() == "≈ ¥0.04"  # 43 s at ¥0.06/min
    assert "≈ ¥0.04" in app.window.summary_label.text()


def test_screenshot_of_a_series_in_progress(make_app, qtbot, media_dir, tmp_path):
    app = make_app(key="k-123")
    app.window.actions["pause"].setChecked(True)
    jobs = app.add_paths([media_dir])
    extra = app.add_paths([copy_media(media_dir / "voice.wav", tmp_path / "s", "lecture 03 – sampling.wav"),
                           copy_media(media_dir / "voice.wav", tmp_path / "s", "lecture 04 – filters.wav")])
    jobs += extra
    qtbot.waitUntil(lambda: all(j.status == Status.QUEUED for j in jobs), timeout=20000)
    done, running, failed = jobs[0], jobs[1], jobs[2]
    done.status, done.fraction, done.result = Status.DONE, 1.0, fake_result(done.source, ["Hello and welcome."] * 14)
    running.status, running.started_at = Status.RUNNING, time.monotonic() - 20
    running.apply_progress(Progress("transcribe", 0.4, "", 3, 8, preview="If we sample too slowly, high "
                                    "frequencies fold back: that is aliasing."))
    failed.status = Status.FAILED
    failed.error = "talk.mp4: the service rejected the API key; check it in Settings."
    for j in jobs:
        app.model.changed(j)
    app.window.queue.select_job(running)
    path = shot(app.window, "series")
    assert path.stat().st_size > 10000
    assert "Transcribing piece 4 of 8" in app.model.index(1, JobModel.STATUS).data()
    assert "ETA" in app.model.index(1, JobModel.STATUS).data()
    assert "aliasing" in app.window.queue.details.toPlainText()
    for j in (done, running, failed):  # leave nothing "running" for the teardown
        j.status = Status.CANCELLED


def test_main_opens_the_window_with_files_queued(qapp, settings_file, speech_en, tmp_path, monkeypatch):
    """`subtitler FILE` → cli.open_gui → gui.app.main([FILE]): the window with the file queued."""
    from subtitler import cli

    media = copy_media(speech_en[0], tmp_path, "from cli.wav")
    seen = {}

    def fake_exec(self=None):
        def inspect():
            w = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible())
            seen["rows"] = [w.queue.model.job(r).name for r in range(w.queue.model.rowCount())]
            seen["window"] = w
        QTimer.singleShot(0, inspect)
        deadline = time.monotonic() + 5
        while "rows" not in seen and time.monotonic() < deadline:
            QApplication.processEvents()
        return 0

    created = []
    real_init = app_module.SubtitlerApp.__init__

    def init(self, *a, **k):
        k.setdefault("warm_up", False)
        real_init(self, *a, **k)
        self.queue.set_paused(True)
        created.append(self)

    monkeypatch.setattr(app_module.SubtitlerApp, "__init__", init)
    monkeypatch.setattr(type(QApplication.instance()), "exec", fake_exec)
    assert cli.main([str(media)]) == 0
    assert seen["rows"] == ["from cli.wav"]
    for sa in created:
        sa.close()


def test_dark_palette_screenshot(make_app, qtbot, media_dir):
    """Icons are re-tinted from the palette when the colour scheme changes (dark/light)."""
    from PySide6.QtGui import QColor, QPalette

    qapp = QApplication.instance()
    old = qapp.palette()
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#1f2024"), (QPalette.ColorRole.WindowText, "#e6e6e9"),
                         (QPalette.ColorRole.Base, "#16171a"), (QPalette.ColorRole.AlternateBase, "#1c1d21"),
                         (QPalette.ColorRole.Text, "#e6e6e9"), (QPalette.ColorRole.Button, "#2a2b30"),
                         (QPalette.ColorRole.ButtonText, "#e6e6e9"), (QPalette.ColorRole.Highlight, "#3b6fe0"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Mid, "#55565c"),
                         (QPalette.ColorRole.PlaceholderText, "#8b8d98")):
        dark.setColor(role, QColor(colour))
    dark.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6b6d75"))
    qapp.setPalette(dark)
    try:
        app = make_app()
        app.window.refresh_icons()
        app.window.actions["pause"].setChecked(True)
        jobs = app.add_paths([media_dir])
        qtbot.waitUntil(lambda: all(j.status == Status.QUEUED for j in jobs), timeout=20000)
        jobs[0].status, jobs[0].fraction = Status.DONE, 1.0
        jobs[0].result = fake_result(jobs[0].source, ["Hello."] * 3)
        app.model.changed(jobs[0])
        img = app.window.grab().toImage()
        shot(app.window, "dark")
        # the toolbar's "Add files" icon is drawn light on the dark window
        button = app.window.toolbar.widgetForAction(app.window.actions["add_files"])
        icon_img = app.window.actions["add_files"].icon().pixmap(20, 20).toImage()
        lightest = max(QColor(icon_img.pixel(x, y)).lightness() for x in range(icon_img.width())
                       for y in range(icon_img.height()) if QColor.fromRgba(icon_img.pixel(x, y)).alpha() > 200)
        assert lightest > 180 and button is not None and not img.isNull()
    finally:
        qapp.setPalette(old)


def test_import_subtitles_and_open_project(make_app, tmp_path, monkeypatch):
    from subtitler.gui.dialogs.cue_list import CueListDialog

    app = make_app()
    srt = tmp_path / "old.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,500\nHello there.\n\n2\n00:00:03,000 --> 00:00:04,000\nBye.\n",
                   "utf-8")
    win = app.import_subtitles(srt)  # the editor when it is there
    assert win is not None and win.isVisible()
    win.close()
    broken = tmp_path / "broken.subtitler"
    broken.write_text("{not json", "utf-8")
    if editors_module.editor_class() is not None:
        assert app.open_project(broken) is None
        assert "broken.subtitler" in app.window.message_bar.text()
    # without the editor: a read-only cue list for imports, a message for projects
    monkeypatch.setattr(editors_module, "editor_class", lambda: None)
    win = app.import_subtitles(srt)
    assert isinstance(win, CueListDialog) and win.table.rowCount() == 2
    assert win.table.item(0, 2).text() == "Hello there."
    win.close()
    assert app.open_project(broken) is None
    assert "editor" in app.window.message_bar.text()
    assert app.import_subtitles(tmp_path / "missing.srt") is None
    assert "missing.srt" in app.window.message_bar.text()


def test_start_up_offers_recovery_of_unsaved_editor_work(make_app, qtbot, monkeypatch, tmp_path):
    """An editor that died with unsaved edits is offered back when the app starts."""
    from PySide6.QtWidgets import QMessageBox

    from subtitler.core.document import project as projects
    from subtitler.core.document.model import Document
    from subtitler.core.document.cues import Cue
    from subtitler.gui.editor import EditorWindow
    from subtitler.gui.editor import files as editor_files

    monkeypatch.setenv("SUBTITLER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(editor_files, "AUTOSAVE_MS", 100)
    crashed = EditorWindow(Document([Cue(0, 1000, "first"), Cue(1500, 2500, "second")]))
    qtbot.addWidget(crashed)
    crashed.document.set_text(0, "edited, never saved")
    qtbot.waitUntil(lambda: crashed.files.recovery_file().exists(), timeout=5_000)
    crashed.shutdown()  # the process "dies": no save, recovery file left behind
    crashed.hide()
    assert projects.find_recoveries()

    app = make_app()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    [win] = app.offer_recovery()
    win.ask_save_on_close = lambda: "discard"
    assert win.document.cues[0].text == "edited, never saved" and win in app.windows
    win.close()
    qtbot.waitUntil(lambda: win not in app.windows, timeout=3_000)  # deleted on close, let go


def test_editors_opened_by_the_app_retranscribe_with_the_users_engine_settings(make_app, qtbot, tmp_path):
    """The editor's re-transcribe engine comes from the app's settings (engine, model, key), not
    from its own lookup."""
    from subtitler.core.document.model import Document
    from subtitler.core.document.cues import Cue

    app = make_app(engine="local", local_model="tiny-from-settings")
    win = app.open_document(Document([Cue(0, 1000, "x")]), None, "t")
    win.ask_save_on_close = lambda: "discard"
    engine = win.edits.make_engine()
    assert engine.name == "local" and engine.model_ref == "tiny-from-settings"
    win.close()
