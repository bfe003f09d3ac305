"""Batch export through the dialog: pattern, formats, folder, overwrite policy, and a summary
that names what failed and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from subtitler.core.document import formats
from subtitler.gui.dialogs.export_dialog import BatchExportDialog, check_pattern, export_jobs
from subtitler.gui.queue_model import Job, Status

from .app_fixtures import make_app, settings_file
from .test_app_window import fake_result


def finished_jobs(app, folder: Path, names=("lecture 01.mp4", "lecture 02.mp4", "lecture 03.mp4")):
    folder.mkdir(parents=True, exist_ok=True)
    jobs = []
    for i, name in enumerate(names):
        src = folder / name
        src.write_bytes(b"")
        job = Job(src, status=Status.DONE, duration_ms=60000)
        job.result = fake_result(src, [f"Lecture {i + 1}, line one.", "Line two."], language="en")
        jobs.append(job)
    pending = Job(folder / "lecture 04.mp4", status=Status.QUEUED)
    app.model.add(jobs + [pending])
    return jobs


def test_batch_export_with_pattern_and_formats(make_app, tmp_path):
    app = make_app()
    finished_jobs(app, tmp_path / "src")
    out = tmp_path / "out"
    assert app.window.actions["export"].isEnabled()
    app.window.actions["export"].trigger()
    dlg = app.dialogs[-1]
    assert isinstance(dlg, BatchExportDialog)
    assert dlg.scope_all.isChecked() and "(3)" in dlg.scope_all.text()  # the unfinished job is not offered
    dlg.folder.setText(str(out))
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt in ("srt", "vtt"))
    dlg.pattern.setCurrentText("{stem}.{lang}.{ext}")
    assert dlg.pattern_hint.text() == "e.g. lecture 01.en.srt"
    QTest.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert dlg.summary is not None and dlg.summary.ok
    expected = sorted(f"lecture 0{i}.en.{ext}" for i in (1, 2, 3) for ext in ("srt", "vtt"))
    assert sorted(p.name for p in out.iterdir()) == expected
    cues = formats.load(out / "lecture 02.en.srt")
    assert [c.text for c in cues] == ["Lecture 2, line one.", "Line two."]
    assert "Written: 6 files" in dlg.summary_view.toPlainText()
    # the choices become the next defaults
    assert app.settings.output_dir == str(out)
    assert app.settings.formats == ["srt", "vtt"] and app.settings.name_pattern == "{stem}.{lang}.{ext}"
    assert "Exported 6 files" in app.window.statusBar().currentMessage()
    dlg.close()


def test_selected_jobs_only_and_the_summary_names_failures(make_app, tmp_path):
    app = make_app()
    jobs = finished_jobs(app, tmp_path / "src")
    out = tmp_path / "out"
    out.mkdir()
    (out / "lecture 02.srt").write_text("keep me", "utf-8")  # exists: "don't overwrite" must keep it
    app.window.queue.table.selectAll()
    dlg = app.open_export()
    assert dlg.scope_selected.isChecked() and "(3)" in dlg.scope_selected.text()
    dlg.folder.setText(str(out))
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt == "srt")
    dlg.pattern.setCurrentText("{stem}.{ext}")
    assert dlg.overwrite.currentIndex() == 0  # don't overwrite
    summary = dlg.export()
    assert [p.name for p in summary.written] == ["lecture 01.srt", "lecture 03.srt"]
    assert len(summary.failed) == 1
    name, reason = summary.failed[0]
    assert name == "lecture 02.mp4" and "already exists" in reason
    assert (out / "lecture 02.srt").read_text("utf-8") == "keep me"
    text = dlg.summary_view.toPlainText()
    assert "Failed: 1" in text and "lecture 02.mp4" in text and "already exists" in text
    # an unwritable folder fails every job, each named with the reason; nothing stops half-way
    blocker = tmp_path / "a file"
    blocker.write_text("x", "utf-8")
    dlg.folder.setText(str(blocker / "sub"))
    summary = dlg.export()
    assert not summary.written and [n for n, _ in summary.failed] == [j.name for j in jobs]
    assert all("cannot write" in r for _, r in summary.failed)
    # overwrite replaces the existing file
    dlg.folder.setText(str(out))
    dlg.overwrite.setCurrentIndex(1)
    summary = dlg.export()
    assert summary.ok and len(summary.written) == 3
    assert "Lecture 2" in (out / "lecture 02.srt").read_text("utf-8")
    dlg.close()


def test_export_next_to_sources_and_pattern_checks(make_app, tmp_path):
    app = make_app()
    jobs = finished_jobs(app, tmp_path / "series", names=("a.mkv",))
    summary = export_jobs(jobs, None, ["txt", "ass"], "{stem}.{ext}", overwrite=False)
    assert summary.ok
    assert sorted(p.name for p in (tmp_path / "series").glob("a.*")) == ["a.ass", "a.mkv", "a.txt"]
    assert check_pattern("{stem}.{ext}", ["srt"]) == ""
    assert "only {stem}" in check_pattern("{name}.{ext}", ["srt"])
    assert "needs {ext}" in check_pattern("{stem}.srt", ["srt", "vtt"])
    assert "folders" in check_pattern("x/{stem}.{ext}", ["srt"])
    # the same name from two sources in one folder is caught before anything is written
    other = tmp_path / "other"
    twin = finished_jobs(app, other, names=("a.mkv",))
    summary = export_jobs(jobs + twin, tmp_path / "one", ["srt"], "{stem}.{ext}", overwrite=True)
    assert summary.written == [] and not (tmp_path / "one").exists()
    assert "from both" in summary.failed[0][1] and str(other / "a.mkv") in summary.failed[0][1]
    dlg = app.open_export()
    dlg.pattern.setCurrentText("{nope}")
    assert not dlg.export_button.isEnabled()
    for box in dlg.format_boxes.values():
        box.setChecked(False)
    assert "at least one format" in dlg.pattern_hint.text()
    dlg.close()
