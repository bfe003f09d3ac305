"""Issue 21, defect 6, in the app: Export subtitles with a course's file-name pattern, a Chinese
translation, bilingual files and burned-in videos names every file through the pattern (the chat
stand-in over real HTTP, the real ffmpeg)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from subtitler.core.document import formats
from subtitler.gui.dialogs.export_dialog import BatchExportDialog

from .app_fixtures import make_app, settings_file  # noqa: F401  (fixtures)
from .test_delivery import KEY, chat, choose_series, clip, isolated_dirs, series  # noqa: F401  (fixtures)

COURSE = "CS101 - {stem}.{lang}.{ext}"


def test_series_export_names_translations_bilingual_files_and_videos_by_the_pattern(make_app, qtbot, clip,  # noqa: F811
                                                                                     tmp_path, chat):  # noqa: F811
    app = make_app(key=KEY, base_url=chat.base_url)
    series(app, tmp_path / "series", clip)
    out = tmp_path / "out"
    app.window.actions["export"].trigger()
    dlg = app.dialogs[-1]
    assert isinstance(dlg, BatchExportDialog)
    choose_series(dlg, out)  # srt, translate into zh, bilingual, burn-in
    dlg.pattern.setCurrentText(COURSE)
    assert dlg.pattern_hint.text() == "e.g. CS101 - lecture 01.en.srt"
    QTest.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.summary is not None, timeout=180_000)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["CS101 - lecture 01.bilingual.srt", "CS101 - lecture 01.en.srt",
                     "CS101 - lecture 01.subtitled.mp4", "CS101 - lecture 01.zh.srt"]
    assert sorted(p.name for p in dlg.summary.written) == names
    assert [n for n, _ in dlg.summary.failed] == ["lecture 02.mp4"]  # the broken file, as before
    zh = formats.load(out / "CS101 - lecture 01.zh.srt")
    assert [(c.start, c.end) for c in zh] == [(200, 1400), (1600, 2800)] and zh[0].text != "Lecture 1 begins now."
    assert app.settings.name_pattern == COURSE
    # exported again without overwriting: the pattern's names are the ones found and kept
    before = {n: (out / n).stat().st_mtime_ns for n in names}
    dlg.export()
    qtbot.waitUntil(lambda: dlg.summary is not None and not dlg.worker.busy, timeout=180_000)
    assert {n: (out / n).stat().st_mtime_ns for n in names} == before
    assert "CS101 - lecture 01" in dlg.summary_view.toPlainText()
    dlg.close()


def test_series_export_makes_no_translation_into_the_transcripts_own_language(make_app, qtbot, tmp_path,
                                                                            chat):  # noqa: F811
    """Issue 21, defect 10c: a Chinese transcript 'translated' into Chinese came back unchanged and
    then failed on a name collision it did not explain. Now the summary says why nothing was
    translated, and the original is written."""
    from types import SimpleNamespace

    from subtitler.core.document.cues import Cue
    from subtitler.core.document.model import Document
    from subtitler.gui.queue_model import Job, Status

    app = make_app(key=KEY, base_url=chat.base_url)
    src = tmp_path / "series" / "第1讲.wav"
    src.parent.mkdir()
    src.write_bytes(b"RIFF")  # never read: the job is done
    doc = Document([Cue(200, 1400, "今天我们讲采样定理。"), Cue(1600, 2800, "谢谢大家。")], language="zh")
    job = Job(src, status=Status.DONE, duration_ms=3000)
    job.result = SimpleNamespace(source=src, document=doc, flagged_cues=0, failed_chunks=0, language="zh")
    app.model.add([job])
    out = tmp_path / "out"
    app.window.actions["export"].trigger()
    dlg = app.dialogs[-1]
    assert isinstance(dlg, BatchExportDialog)
    dlg.folder.setText(str(out))
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt == "srt")
    dlg.series.translate.setCurrentIndex(dlg.series.translate.findData("zh"))
    dlg.series.bilingual.setChecked(True)
    dlg.pattern.setCurrentText(COURSE)
    QTest.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.summary is not None, timeout=60_000)
    assert dlg.summary.failed == []
    assert sorted(p.name for p in out.iterdir()) == ["CS101 - 第1讲.zh.srt"]
    notes = " ".join(text for _, text in dlg.summary.notes)
    assert "already in 'zh'" in notes and "no translation into the same language" in notes
    assert "already exists" not in dlg.summary_view.toPlainText()
    assert chat.counters.requests == 0
    dlg.close()
