"""Delivery from the app, like a user: "Export video with subtitles…" in the editor (real ffmpeg and
libass: the frames under a cue change, the others do not; H.264 with the original audio; progress,
Cancel leaves nothing, nothing replaced without asking, failures told) and the series export with
translation (the stand-in chat server over real HTTP), bilingual files and burned-in videos, where
one broken file never stops the others and the summary names it."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest

from subtitler.core.document import formats
from subtitler.core.document.model import Document
from subtitler.core.document.cues import Cue
from subtitler.core.media.ffmpeg import probe
from subtitler.gui import i18n
from subtitler.gui.dialogs.export_dialog import BatchExportDialog
from subtitler.gui.editor import EditorWindow
from subtitler.gui.queue_model import Job, Status
from tests.conftest import FIXTURES
from tests.support.chat_server import ChatServer, fake_translate
from tests.test_burnin import H, frame, make_video, streams

from .app_fixtures import SHOTS, make_app, settings_file  # noqa: F401  (fixtures)

KEY = "test-key-0123456789"
LEFT = Qt.MouseButton.LeftButton
DOCS = Path(__file__).resolve().parents[2] / "docs" / "images"


@pytest.fixture(autouse=True)
def isolated_dirs(isolated_dirs, tmp_path, monkeypatch):  # conftest's, plus the chat answers' cache
    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "xdg-cache"))


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    """3 s of 640×360 video with the English speech as AAC audio."""
    return make_video(tmp_path_factory.mktemp("clip") / "talk.mp4", seconds=3)


def editor(qtbot, doc: Document, media: Path) -> EditorWindow:
    win = EditorWindow(doc, media_path=str(media), analyse_media=False)
    win.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def translated_doc() -> Document:
    cue = Cue(300, 1800, "Welcome to the first lecture.").with_track("translation:zh", "欢迎来到第一讲。")
    return Document([cue], language="en", tracks=("translation:zh",))


def test_burn_in_from_the_editor_draws_both_languages_only_under_the_cue(qtbot, clip, tmp_path):
    win = editor(qtbot, translated_doc(), clip)
    win.menus.by_name["burn"].trigger()
    dlg = win.burn_dialog
    assert dlg.isVisible() and dlg.output.text() == str(clip.with_name("talk.subtitled.mp4"))
    assert dlg.show_box.currentData() == ("bilingual", "zh") and dlg.order.isEnabled()
    assert [dlg.quality.itemData(i) for i in range(dlg.quality.count())] == ["fast", "balanced", "high"]
    dlg.quality.setCurrentIndex(dlg.quality.findData("fast"))
    out = tmp_path / "out" / "talk.subtitled.mp4"
    dlg.output.setText(str(out))
    values: list[int] = []
    dlg.progress.valueChanged.connect(values.append)
    QTest.mouseClick(dlg.start_button, LEFT)
    assert dlg.cancel_button.isVisible() and not dlg.start_button.isEnabled() and not dlg.close_button.isVisible()
    qtbot.waitUntil(lambda: dlg.outcome != "", timeout=120_000)
    assert dlg.outcome == "done", dlg.status.text()
    assert dlg.written == out and out.is_file()
    assert values and dlg.progress.value() == 1000  # (progress under way: the cancel tests)
    assert "Written:" in dlg.status.text() and dlg.close_button.isVisible()
    assert "talk.subtitled.mp4" in win.statusBar().currentMessage()
    info = streams(out)
    assert "Video: h264" in info and "Audio: aac" in info
    assert abs(probe(out).duration_ms - probe(clip).duration_ms) < 200
    shown = np.abs(frame(out, 1.0) - frame(clip, 1.0)) > 40
    rows = np.flatnonzero(shown.sum(axis=1) > 3)
    assert shown.sum() > 1000 and rows.min() > H // 2  # text drawn, at the bottom
    assert len(np.flatnonzero(np.diff(rows) > 1)) >= 1  # two blocks: English, then Chinese
    assert np.abs(frame(out, 2.5) - frame(clip, 2.5)).max() < 20  # after the cue: the source's picture
    assert [p.name for p in out.parent.iterdir()] == ["talk.subtitled.mp4"]
    dlg.close()


def test_cancel_mid_way_leaves_no_file(qtbot, tmp_path):
    video = make_video(tmp_path / "long.mp4", seconds=8)
    win = editor(qtbot, translated_doc(), video)
    win.menus.by_name["burn"].trigger()
    dlg = win.burn_dialog
    dlg.quality.setCurrentIndex(dlg.quality.findData("high"))
    out = tmp_path / "out" / "long.mp4"
    dlg.output.setText(str(out))

    def cancel_once_under_way(p) -> None:
        if 0 < p.fraction < 1 and dlg.cancel_button.isEnabled():
            QTest.mouseClick(dlg.cancel_button, LEFT)

    assert dlg.start()
    dlg.worker.progressed.connect(cancel_once_under_way)
    qtbot.waitUntil(lambda: dlg.outcome != "", timeout=120_000)
    assert dlg.outcome == "cancelled" and "no video was written" in dlg.status.text()
    assert dlg.progress.value() == 0 and dlg.start_button.isEnabled()
    assert not out.exists() and list(out.parent.iterdir()) == []  # no part file either
    # closing the editor during an export stops it the same way
    assert dlg.start()
    qtbot.waitUntil(lambda: dlg.progress.value() > 0, timeout=60_000)
    win.close()
    assert not dlg.worker.isRunning() and dlg.worker.token.cancelled
    assert list(out.parent.iterdir()) == []


def test_nothing_replaced_without_asking_and_failures_are_told(qtbot, clip, tmp_path, speech_en):
    win = editor(qtbot, Document([Cue(300, 1800, "Hello there.")], language="en"), clip)
    win.menus.by_name["burn"].trigger()
    dlg = win.burn_dialog
    assert dlg.show_box.count() == 1 and not dlg.order.isEnabled()  # no translation: the original only
    out = tmp_path / "mine.mp4"
    out.write_bytes(b"my own video")
    os.chmod(out, 0o640)
    dlg.output.setText(str(out))
    dlg.quality.setCurrentIndex(dlg.quality.findData("fast"))
    asked: list[Path] = []
    dlg.confirm_replace = lambda p: asked.append(p) or False
    assert not dlg.start()
    assert asked == [out] and out.read_bytes() == b"my own video" and "was kept" in dlg.status.text()
    dlg.confirm_replace = lambda p: True
    assert dlg.start()
    qtbot.waitUntil(lambda: dlg.outcome != "", timeout=120_000)
    assert dlg.outcome == "done" and "Video: h264" in streams(out)
    assert out.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    assert np.abs(frame(out, 1.0) - frame(clip, 1.0)).max() > 40
    dlg.close()
    # audio only: the failure is told, nothing is written
    win2 = editor(qtbot, Document([Cue(300, 1800, "Hello there.")]), speech_en[0])
    win2.menus.by_name["burn"].trigger()
    dlg2 = win2.burn_dialog
    dlg2.output.setText(str(tmp_path / "audio.mp4"))
    assert dlg2.start()
    qtbot.waitUntil(lambda: dlg2.outcome != "", timeout=60_000)
    assert dlg2.outcome == "failed" and "no video track" in dlg2.status.text()
    assert "failed" in win2.statusBar().currentMessage() and not (tmp_path / "audio.mp4").exists()
    dlg2.close()


# -- the series export -------------------------------------------------------------------------------
def series(app, folder: Path, clip: Path) -> list[Job]:
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "lecture 01.mp4"
    good.write_bytes(clip.read_bytes())
    broken = folder / "lecture 02.mp4"
    broken.write_bytes(clip.read_bytes()[:3000])  # cut off: no playable video
    jobs = []
    for i, src in enumerate((good, broken)):
        job = Job(src, status=Status.DONE, duration_ms=3000)
        doc = Document([Cue(200, 1400, f"Lecture {i + 1} begins now."), Cue(1600, 2800, "Thank you, everyone.")],
                       language="en")
        from types import SimpleNamespace

        job.result = SimpleNamespace(source=src, document=doc, flagged_cues=0, failed_chunks=0, language="en")
        jobs.append(job)
    app.model.add(jobs)
    return jobs


@pytest.fixture
def chat():
    server = ChatServer(api_key=KEY, scale=0.01).start()
    yield server
    server.stop()


def choose_series(dlg: BatchExportDialog, out: Path) -> None:
    dlg.folder.setText(str(out))
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt == "srt")
    s = dlg.series
    s.translate.setCurrentIndex(s.translate.findData("zh"))
    assert s.bilingual.isEnabled() and s.model.isEnabled() and s.model.currentText() == "glm-4.5-flash"
    s.model.setCurrentText("glm-4.7-flash")
    s.bilingual.setChecked(True)
    s.burn.setChecked(True)
    s.quality.setCurrentIndex(s.quality.findData("fast"))


def test_series_export_translates_writes_bilingual_and_burns_in_despite_a_broken_file(make_app, qtbot, clip,
                                                                                      tmp_path, chat):
    app = make_app(key=KEY, base_url=chat.base_url)
    series(app, tmp_path / "series", clip)
    out = tmp_path / "out"
    app.window.actions["export"].trigger()
    dlg = app.dialogs[-1]
    assert isinstance(dlg, BatchExportDialog)
    assert not dlg.series.bilingual.isEnabled() and not dlg.series.quality.isEnabled()  # nothing chosen yet
    choose_series(dlg, out)
    assert "both languages" in dlg.series.note.text()
    labels: list[str] = []
    QTest.mouseClick(dlg.export_button, LEFT)
    dlg.worker.progressed.connect(lambda _: labels.append(dlg.progress_label.text()))  # after the dialog's slot
    assert dlg.progress.isVisible() and dlg.cancel_button.isVisible() and not dlg.export_button.isEnabled()
    qtbot.waitUntil(lambda: dlg.summary is not None, timeout=180_000)
    summary = dlg.summary
    names = sorted(p.name for p in out.iterdir())
    assert names == ["lecture 01.bilingual.srt", "lecture 01.srt", "lecture 01.subtitled.mp4",
                     "lecture 01.zh.srt"]  # the broken file fails before any of its files is written (or paid for)
    assert sorted(p.name for p in summary.written) == names
    assert [n for n, _ in summary.failed] == ["lecture 02.mp4"]
    reason = summary.failed[0][1]
    assert "damaged" in reason and not reason.startswith("lecture 02.mp4")  # named once, by the summary
    text = dlg.summary_view.toPlainText()
    assert "Failed: 1" in text and "lecture 02.mp4" in text and "Written: 4 files" in text
    assert summary.tokens > 0 and f"Translation used {summary.tokens:,} tokens." in text
    assert any("File 1 of 2: lecture 01.mp4 — Translating" in t for t in labels)
    assert any("File 1 of 2: lecture 01.mp4 — Rendering subtitles into the video" in t for t in labels)
    assert any("File 2 of 2: lecture 02.mp4" in t for t in labels)
    # the translation is the stand-in's, cue for cue with the original times
    orig, zh = formats.load(out / "lecture 01.srt"), formats.load(out / "lecture 01.zh.srt")
    assert [(c.start, c.end) for c in zh] == [(c.start, c.end) for c in orig]
    # (Chinese subtitle style: no full stop at the end of a line)
    assert [c.text.replace("\n", "") for c in zh] == [fake_translate(c.text, "zh").rstrip("。") for c in orig]
    bi = formats.load(out / "lecture 01.bilingual.srt")
    assert bi[0].text.split("\n")[0] == "Lecture 1 begins now." and fake_translate("Lecture 1 begins now.", "zh").rstrip("。") in bi[0].text
    assert "Video: h264" in streams(out / "lecture 01.subtitled.mp4")
    assert np.abs(frame(out / "lecture 01.subtitled.mp4", 1.0) - frame(clip, 1.0)).max() > 40
    # real HTTP with the GLM-ASR key; one batch: the broken file was refused before it was sent
    assert chat.counters.requests == 1 and chat.counters.auth_headers == [True]
    assert chat.counters.bodies[0]["model"] == "glm-4.7-flash"  # the model chosen in the dialog
    assert summary.tokens == chat.counters.prompt_tokens + chat.counters.completion_tokens
    assert KEY not in text
    message = app.window.statusBar().currentMessage()
    assert message.startswith("1 file failed (see the export summary).") and "Exported 4 files" in message
    # the choices are the series' settings now
    s = app.settings
    assert (s.translate_to, s.translate_model, s.bilingual, s.burn_in, s.burn_quality) == (
        "zh", "glm-4.7-flash", True, True, "fast")
    assert not dlg.cancel_button.isVisible() and dlg.export_button.isEnabled()
    dlg.close()


def test_series_export_cancel_and_missing_key(make_app, qtbot, clip, tmp_path, chat):
    app = make_app(base_url=chat.base_url)  # no key
    series(app, tmp_path / "series", make_video(tmp_path / "long.mp4", seconds=8))  # long enough to cancel
    dlg = app.open_export()
    choose_series(dlg, tmp_path / "out")
    assert dlg.export() is None and dlg.worker is None
    assert "store a GLM API key" in dlg.summary_view.toPlainText() and not (tmp_path / "out").exists()
    # burn-in alone needs no key; cancelling stops the batch and leaves no half-written video
    dlg.series.translate.setCurrentIndex(dlg.series.translate.findData(""))
    dlg.series.quality.setCurrentIndex(dlg.series.quality.findData("high"))
    assert not dlg.series.bilingual.isEnabled() and "the original subtitles" in dlg.series.note.text()

    def cancel_in_burn(p) -> None:
        inner = p.result
        if inner is not None and inner.stage == "burn" and inner.fraction < 1 and dlg.cancel_button.isEnabled():
            QTest.mouseClick(dlg.cancel_button, LEFT)

    dlg.export()
    dlg.worker.progressed.connect(cancel_in_burn)
    qtbot.waitUntil(lambda: dlg.summary is not None, timeout=120_000)
    assert dlg.summary.cancelled and "Cancelled" in dlg.summary_view.toPlainText()
    assert [p.name for p in dlg.summary.written] == ["lecture 01.srt"] and not dlg.summary.failed
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["lecture 01.srt"]  # no video, no part file, file 2 not reached
    assert "Cancelled" in app.window.statusBar().currentMessage()
    dlg.close()


# -- screenshots (docs/images) -------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots(qapp, qtbot, make_app, clip, tmp_path, lang, chat):
    if lang == "zh":
        i18n.install_translators(qapp, QLocale("zh_CN"))
    suffix = "-zh" if lang == "zh" else ""
    win = editor(qtbot, translated_doc(), make_video(tmp_path / "talk.mp4", seconds=8))
    win.menus.by_name["burn"].trigger()
    dlg = win.burn_dialog
    dlg.quality.setCurrentIndex(dlg.quality.findData("high"))
    dlg.output.setText(str(tmp_path / "talk.subtitled.mp4"))
    shots: list[Path] = []

    def grab(p) -> None:
        if p.fraction > 0.3 and not shots:
            shots.append(dlg.grab())
            dlg.cancel()

    assert dlg.start()
    dlg.worker.progressed.connect(grab)
    qtbot.waitUntil(lambda: dlg.outcome != "", timeout=120_000)
    assert shots, dlg.status.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert shots[0].save(str(SHOTS / f"burn-in-dialog{suffix}.png"))
    dlg.close()
    app = make_app(key=KEY, base_url=chat.base_url)
    series(app, tmp_path / "series", clip)
    exp = app.open_export()
    choose_series(exp, tmp_path / "out")
    qtbot.wait(50)  # the layout takes the new rows in (a posted LayoutRequest)
    exp.resize(exp.width(), exp.sizeHint().height() + 60)
    qtbot.wait(50)
    assert exp.series.note.height() >= exp.series.note.sizeHint().height()  # nothing squeezed
    assert exp.grab().save(str(SHOTS / f"export-series{suffix}.png"))
    exp.export()  # the broken second file fails; the summary says so, in the UI's language
    qtbot.waitUntil(lambda: exp.summary is not None, timeout=180_000)
    assert [n for n, _ in exp.summary.failed] == ["lecture 02.mp4"]
    assert exp.grab().save(str(SHOTS / f"export-series-done{suffix}.png"))
    exp.close()
