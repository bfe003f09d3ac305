"""Issue 21, defect 7: the export summary's headline counts failures first. A series of 21
finished lectures exported without overwriting into a folder that already holds 7 of them: the
dialog leads with "7 files failed, 14 written." (not "Written: 14 files" with the failures below
the fold), in English and in Chinese, and the status bar says the failures first; a series export
with translation and video (a broken file among them) ends on the same headline, not "Finished."."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest

from subtitler.gui import i18n
from subtitler.gui.dialogs.export_dialog import BatchExportDialog

from .app_fixtures import SHOTS, make_app, settings_file  # noqa: F401  (fixtures)
from .test_app_export import finished_jobs
from .test_delivery import KEY, chat, choose_series, clip, isolated_dirs, series  # noqa: F401  (fixtures)

NAMES = tuple(f"lecture {i:02d}.mp4" for i in range(1, 22))
EXISTING = NAMES[2::3]  # 7 of the 21 are there already

HEADLINES = {"en": ("7 files failed, 14 written.", "Failed: 7", "Written: 14 files"),
             "zh": ("7 个文件失败，14 个已写入。", "失败：7", "已写入：14 个文件")}


def export_into_a_half_full_folder(app, qtbot, out: Path) -> BatchExportDialog:
    out.mkdir(parents=True)
    for name in EXISTING:
        (out / name.replace(".mp4", ".srt")).write_text("keep me", "utf-8")
    app.window.actions["export"].trigger()
    dlg = app.dialogs[-1]
    assert isinstance(dlg, BatchExportDialog)
    dlg.folder.setText(str(out))
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt == "srt")
    dlg.pattern.setCurrentText("{stem}.{ext}")
    dlg.overwrite.setCurrentIndex(0)  # don't overwrite
    QTest.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert dlg.summary is not None and len(dlg.summary.written) == 14 and len(dlg.summary.failed) == 7
    dlg.resize(720, 620)
    qtbot.waitUntil(dlg.summary_view.isVisible)
    return dlg


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_summary_leads_with_the_failures(make_app, qtbot, qapp, tmp_path, lang):  # noqa: F811
    if lang == "zh":
        i18n.install_translators(qapp, QLocale("zh_CN"))  # (the conftest puts English back for the next test)
    headline, failed, written = HEADLINES[lang]
    app = make_app()
    finished_jobs(app, tmp_path / "src", names=NAMES)
    dlg = export_into_a_half_full_folder(app, qtbot, tmp_path / "out")
    lines = dlg.summary_view.toPlainText().splitlines()
    # what the user reads first: the failures, each named with its reason, then what was written
    assert lines[0] == failed, lines[:3]
    assert [line.split(": ")[0] for line in lines[1:8]] == [f"  ✗ {name}" for name in EXISTING]
    assert lines[8] == written
    assert dlg.headline.isVisible() and dlg.headline.text() == headline
    assert dlg.headline.geometry().bottom() < dlg.summary_view.geometry().top()  # above the details
    message = app.window.statusBar().currentMessage()
    assert message.startswith("7 files failed" if lang == "en" else "7 个文件失败"), message
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dlg.grab().save(str(SHOTS / f"export-summary-failures{'-zh' if lang == 'zh' else ''}.png"))
    dlg.close()


def test_a_series_export_with_a_broken_file_ends_on_the_failures_not_finished(make_app, qtbot, clip,  # noqa: F811
                                                                             tmp_path, chat):  # noqa: F811
    app = make_app(key=KEY, base_url=chat.base_url)
    series(app, tmp_path / "series", clip)
    dlg = app.open_export()
    choose_series(dlg, tmp_path / "out")  # translation, bilingual files, burned-in video: in the background
    QTest.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.summary is not None and not dlg.cancel_button.isVisible(), timeout=180_000)
    assert [n for n, _ in dlg.summary.failed] == ["lecture 02.mp4"] and len(dlg.summary.written) == 4
    assert dlg.headline.isVisible() and dlg.headline.text() == "1 file failed, 4 written."
    assert not (dlg.progress_label.isVisible() and dlg.progress_label.text() == "Finished.")
    assert dlg.summary_view.toPlainText().splitlines()[0] == "Failed: 1"
    dlg.close()
