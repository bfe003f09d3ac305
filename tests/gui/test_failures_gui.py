"""Issue 10 in the app: job rows say "done with gaps" / "damaged"; batch export keeps the dropped
folder's sub-folders and refuses collisions; a folder without media is reported; a malformed key
is refused in Settings; the editor's import explains an unreadable file (no crash dialog); the
log file is private and scrubbed."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from subtitler.core.document.model import Document

from subtitler.core.document.cues import Cue
from subtitler.core.app.jobs import JobResult
from subtitler.core.media.ffmpeg import MediaInfo
from subtitler.gui.queue_model import JobModel, Status

from .app_fixtures import SHOTS, copy_media, drop, make_app, settings_file, shot  # noqa: F401 (fixtures)

FIX = Path(__file__).resolve().parent.parent / "fixtures"


def result(source: Path, texts, *, failed=0, gap_ms=0, damage="", language="en") -> JobResult:
    doc = Document([Cue(i * 2000, i * 2000 + 1800, t) for i, t in enumerate(texts)], language=language)
    return JobResult(source=source, info=MediaInfo(source, 185000, 1, 0), document=doc, engine="glm", regions=[],
                     chunks=4, failed_chunks=failed, flagged_cues=failed, elapsed_s=1.0, language=language,
                     gap_ms=gap_ms, damage=damage)


def test_job_rows_say_done_with_gaps_or_damage(make_app, tmp_path):
    app = make_app(auto_start=False)
    folder = tmp_path / "course"
    srcs = [copy_media(FIX / "speech_en.wav", folder, n) for n in ("a.wav", "b.wav", "c.wav")]
    jobs = app.add_paths(srcs)
    for job, res in zip(jobs, [result(srcs[0], ["x"] * 5),
                               result(srcs[1], ["x"] * 5, failed=2, gap_ms=45000),
                               result(srcs[2], ["x"] * 3, damage="the file is damaged: audio stops at 1:12 of 3:05")]):
        job.status, job.fraction, job.result = Status.DONE, 1.0, res
        app.model.changed(job)
    texts = [app.model.index(r, JobModel.STATUS).data() for r in range(3)]
    assert texts[0] == "Done · 5 cues"
    assert texts[1] == "Done with 2 gaps (0:45 of audio) · 5 cues · 2 to review"
    assert texts[2] == "Done, but the file is damaged: audio stops at 1:12 of 3:05 · 3 cues"
    shot(app.window, "issue10-job-rows")


def test_batch_export_mirrors_dropped_folders(make_app, tmp_path):
    app = make_app(auto_start=False)
    course = tmp_path / "course"
    copy_media(FIX / "speech_en.wav", course / "week1", "intro.wav")
    copy_media(FIX / "speech_en.wav", course / "week2", "intro.wav")
    drop(app.window, [course])
    jobs = app.model.jobs()
    assert len(jobs) == 2 and all(j.root == course for j in jobs)
    for i, job in enumerate(jobs):
        job.status, job.result = Status.DONE, result(job.source, [f"Week {i + 1}."])
        app.model.changed(job)
    dlg = app.open_export()
    out = tmp_path / "subs"
    dlg.folder.setText(str(out))
    dlg.scope_all.setChecked(True)
    summary = dlg.export()
    assert summary.ok, summary.text()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.srt")) == ["week1/intro.srt", "week2/intro.srt"]
    assert "Week 2." in (out / "week2" / "intro.srt").read_text("utf-8")
    dlg.close()


def test_a_dropped_folder_without_media_is_reported(make_app, tmp_path):
    app = make_app(auto_start=False)
    empty = tmp_path / "slides"
    empty.mkdir()
    (empty / "deck.pdf").write_bytes(b"%PDF")
    drop(app.window, [empty])
    assert app.model.rowCount() == 0
    assert app.window.message_bar.isVisible()
    assert "No video or audio in 1 folder: slides" in app.window.message_bar.text()


def test_settings_refuse_a_malformed_key(make_app, qtbot):
    app = make_app()
    dlg = app.open_settings()
    dlg.api_key.setText("sk-abc\ndef-SECRETPART")
    dlg.accept()
    assert dlg.isVisible()
    assert "line break" in dlg.key_status.text() and "SECRETPART" not in dlg.key_status.text()
    assert app.keystore.get() == ""
    dlg.close()


def test_editor_import_of_an_unreadable_file_explains_it(qtbot, tmp_path, monkeypatch):
    from subtitler.gui.editor.window import EditorWindow

    win = EditorWindow(Document([Cue(0, 1000, "keep me")]), analyse_media=False)
    win.ask_save_on_close = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    bad = tmp_path / "broken.srt"
    bad.write_bytes(b"\x00\xff\x10" * 500)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    win.files.import_dialog()
    box = win.files.problem_box
    assert box.isVisible() and box.windowTitle() == "Cannot import subtitles"
    assert "broken.srt" in box.text()
    assert [c.text for c in win.document.cues] == ["keep me"]  # nothing replaced
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.grab().save(str(SHOTS / "issue10-import-error.png"))
    box.close()
    # a file with a repaired cue imports, and says what was repaired
    fixable = tmp_path / "fixable.srt"
    fixable.write_text("1\n00:00:03,000 --> 00:00:01,000\nReversed\n", "utf-8")
    assert win.files.import_into(fixable)
    assert [(c.start, c.end) for c in win.document.cues] == [(1000, 3000)]
    assert "needed repair" in win.files.problem_box.text()


def test_the_app_log_is_private_and_scrubbed(tmp_path):
    from subtitler.core.foundation.secrets import register_secret
    from subtitler.gui.app import setup_logging

    key = "sk-app-log-secret-987654321"
    register_secret(key)
    handler = setup_logging(tmp_path / "logs")
    assert handler is not None
    try:
        logging.getLogger("subtitler.gui.test").warning("request failed: Authorization: Bearer %s", key)
    finally:
        logging.getLogger("subtitler").removeHandler(handler)
        handler.close()
    log = tmp_path / "logs" / "subtitler.log"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text("utf-8")
    assert "Bearer ***" in text and key not in text
