"""Help ▸ About shows the versions of the parts the app runs on; the translation loader installs the
app's catalog and Qt's own for the system language, switches, and does nothing without a catalog;
files given on the command line open where they belong."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from subtitler import __version__
from subtitler.core.document.model import Document
from subtitler.core.document.cues import Cue
from subtitler.core.media.ffmpeg import ffmpeg_version
from subtitler.core.document.project import Project, save_project
from subtitler.gui import i18n

from .app_fixtures import copy_media, make_app, settings_file, shot  # noqa: F401 (fixtures)

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message><source>About subtitler</source><translation>关于 subtitler</translation></message>
</context>
</TS>
"""


def test_about_shows_the_versions(make_app, qtbot):
    app = make_app()
    about_action = app.window.actions["about"]
    help_menu = next(a.menu() for a in app.window.menuBar().actions() if a.text() == "&Help")
    assert about_action in help_menu.actions()
    about_action.trigger()  # Help ▸ About subtitler
    about = app.dialogs[-1]
    qtbot.waitExposed(about)
    text = about.text.text()
    for expected in (__version__, pyside_version, metadata.version("faster-whisper"), ffmpeg_version()):
        assert expected in text, expected
    assert list(about.versions) == ["subtitler", "PySide6", "faster-whisper", "ffmpeg", "Python"]
    shot(about, "about")
    about.copy_versions()
    copied = QApplication.clipboard().text()
    assert f"subtitler: {__version__}" in copied and f"ffmpeg: {ffmpeg_version()}" in copied
    about.close()


@pytest.fixture
def zh_catalog(tmp_path) -> Path:
    """A real compiled catalog (pyside6-lrelease, which PySide6 ships) in a temp folder."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    exe = str(lrelease) if lrelease.is_file() else shutil.which("pyside6-lrelease")
    if exe is None:
        pytest.skip("pyside6-lrelease is not installed")
    ts = tmp_path / "subtitler_zh_CN.ts"
    ts.write_text(TS, "utf-8")
    subprocess.run([exe, str(ts), "-qm", str(tmp_path / "subtitler_zh_CN.qm")], check=True,
                   capture_output=True, timeout=60)
    return tmp_path


def test_translators_load_the_catalogs_and_switch_back(qapp, zh_catalog):
    try:
        loaded = i18n.install_translators(qapp, QLocale("zh_CN"), catalog_dir=zh_catalog)
        names = [Path(t.filePath()).name for t in loaded]
        assert names == ["subtitler_zh_CN.qm", "qtbase_zh_CN.qm", "qtmultimedia_zh_CN.qm"]
        assert Path(loaded[1].filePath()).parent == i18n.qt_translations_dir()
        assert QCoreApplication.translate("AboutDialog", "About subtitler") == "关于 subtitler"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own buttons
        # English: no catalog, so the earlier ones are removed and nothing is translated
        assert i18n.install_translators(qapp, QLocale("en_US"), catalog_dir=zh_catalog) == []
        assert QCoreApplication.translate("AboutDialog", "About subtitler") == "About subtitler"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        i18n.install_translators(qapp, QLocale("en_US"), catalog_dir=zh_catalog)


def test_no_catalog_no_change(qapp, tmp_path):
    assert i18n.install_translators(qapp, QLocale("zh_CN"), catalog_dir=tmp_path) == []
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"  # no half-Chinese UI
    shipped = sorted(p.name for p in i18n.resources.i18n_dir().glob("*.qm"))
    assert all(n.startswith("subtitler_") for n in shipped), shipped


def test_command_line_files_open_where_they_belong(make_app, tmp_path, speech_en, monkeypatch):
    app = make_app()
    app.queue.set_paused(True)
    media = copy_media(speech_en[0], tmp_path, "week 1.wav")
    project = save_project(Project(Document([Cue(1000, 2500, "Hello there.")], media_path=str(media))),
                           tmp_path / "course.subtitler")
    srt = tmp_path / "old.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,500\nHello there.\n", "utf-8")
    opened = []
    monkeypatch.setattr(app, "open_project", lambda p: opened.append(("project", Path(p))))
    monkeypatch.setattr(app, "import_subtitles", lambda p: opened.append(("subtitles", Path(p))))
    app.open_paths([str(project), str(media), str(srt), str(tmp_path / "gone.subtitler")])
    assert opened == [("project", project), ("subtitles", srt)]
    assert [app.model.job(r).name for r in range(app.model.rowCount())] == ["week 1.wav"]
    assert "gone.subtitler" in app.window.message_bar.text()  # a missing file is named, not dropped silently
