"""The right engine for the language, in the window: Chinese with the English-only offline model is
refused when files are queued, with the ways out (use GLM-ASR, or a multilingual model in
Settings) as links that work."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from subtitler.gui.dialogs.settings_dialog import SettingsDialog

from .app_fixtures import copy_media, make_app, settings_file, shot  # noqa: F401 (fixtures)

FIX = Path(__file__).resolve().parent.parent / "fixtures"


def click_link(app, href: str) -> None:
    app.window.message_bar.label.linkActivated.emit(href)  # what QLabel emits when the link is clicked


def test_chinese_with_the_english_only_model_is_refused_with_a_way_out(make_app, qtbot, tmp_path):
    app = make_app(engine="local", language="zh")
    wav = copy_media(FIX / "speech_zh.wav", tmp_path / "media")
    assert app.add_paths([wav]) == []
    assert app.model.jobs() == []
    bar = app.window.message_bar
    assert bar.isVisible()
    text = bar.text()
    assert "English only" in text and "Chinese (Simplified)" in text
    assert "href='use-glm'" in text and "href='settings'" in text
    shot(app.window, "language-refused")
    # no key: "Use GLM-ASR" opens Settings (to add one); so does the model link
    click_link(app, "use-glm")
    assert any(isinstance(d, SettingsDialog) for d in app.dialogs)
    for d in list(app.dialogs):
        d.reject()


def test_use_glm_with_a_key_queues_the_refused_files(make_app, qtbot, tmp_path):
    app = make_app(key="sk-language-test-0123456789", engine="local", language="zh", auto_start=False)
    wav = copy_media(FIX / "speech_zh.wav", tmp_path / "media")
    assert app.add_paths([wav]) == []
    click_link(app, "use-glm")
    assert app.settings.engine == "glm" and app.engine() == "glm"
    assert [j.source for j in app.model.jobs()] == [wav]


def test_choosing_a_multilingual_model_in_settings_queues_the_refused_files(make_app, qtbot, tmp_path):
    app = make_app(engine="local", language="zh", auto_start=False)
    wav = copy_media(FIX / "speech_zh.wav", tmp_path / "media")
    app.add_paths([wav])
    folder = tmp_path / "multilingual-model"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"\0")
    (folder / "vocabulary.txt").write_text("\n".join(f"t{i}" for i in range(51865)), "utf-8")
    app.apply_settings(dataclasses.replace(app.settings, local_model=str(folder)))  # what the Settings dialog's Save does
    assert [j.source for j in app.model.jobs()] == [wav]


def test_english_or_auto_queues_normally_and_choosing_chinese_warns_at_once(make_app, qtbot, tmp_path):
    app = make_app(engine="local", language="auto", auto_start=False)
    wav = copy_media(FIX / "speech_zh.wav", tmp_path / "media")
    assert len(app.add_paths([wav])) == 1
    assert not app.window.message_bar.isVisible()
    app.panel.language.setCurrentIndex(app.panel.language.findData("zh"))  # the series language box, as a user picks it
    assert app.settings.language == "zh"
    assert app.window.message_bar.isVisible() and "English only" in app.window.message_bar.text()


def test_chinese_style_settings_reach_the_jobs_and_survive_a_restart(make_app, settings_file):
    from PySide6.QtCore import QSettings

    from subtitler.core.text.zh import ZhStyle
    from subtitler.gui.settings import AppSettings

    app = make_app(zh_punct="spaces", zh_script="hant", zh_latin_space=True, language="中文")
    assert app.settings.language == "zh"  # a typed name is kept as its code
    assert app.options_for(None).zh == ZhStyle("spaces", "hant", True)
    app.save_state()
    again = AppSettings.load(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert again.zh_style() == ZhStyle("spaces", "hant", True)
    bad = make_app(zh_punct="commas", zh_script="klingon", zh_latin_space=False)
    assert bad.options_for(None).zh == ZhStyle()  # unknown values fall back to the defaults


def test_settings_say_what_a_model_folder_can_recognise(make_app, qtbot, tmp_path):
    app = make_app(engine="local")
    dlg = app.open_settings()
    assert "English only" in dlg.model_hint.text()  # the built-in tiny.en pack
    for name, size in (("multilingual", 51865), ("english-only", 51864)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "model.bin").write_bytes(b"\0")
        (folder / "vocabulary.txt").write_text("\n".join(f"t{i}" for i in range(size)), "utf-8")
    dlg.local_model.setEditText(str(tmp_path / "multilingual"))  # what Folder… does
    assert dlg.model_hint.text().startswith("✓ Multilingual")
    dlg.local_model.setEditText(str(tmp_path / "english-only"))
    assert "English only" in dlg.model_hint.text()
    dlg.local_model.setEditText(str(tmp_path))
    assert dlg.model_hint.text().startswith("✗")
    dlg.local_model.setEditText("small")
    assert "downloaded once" in dlg.model_hint.text()
    dlg.reject()


def test_chinese_style_and_interface_language_are_chosen_in_settings(make_app, qtbot):
    app = make_app()
    dlg = app.open_settings()
    dlg.zh_punct.setCurrentIndex(dlg.zh_punct.findData("spaces"))
    dlg.zh_script.setCurrentIndex(dlg.zh_script.findData("hant"))
    dlg.zh_latin_space.setChecked(True)
    dlg.ui_language.setCurrentIndex(dlg.ui_language.findData("zh_CN"))
    assert dlg.ui_language.currentText() == "中文（简体）" and "next time" in dlg.ui_language_note.text()
    dlg.accept()
    from subtitler.core.text.zh import ZhStyle

    assert app.options_for(None).zh == ZhStyle("spaces", "hant", True)
    assert app.settings.ui_language == "zh_CN"
