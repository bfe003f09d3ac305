"""Settings persist in QSettings (a temp INI file); the API key goes to the keyring (the in-memory
test store), never into the settings file; "Test key" makes one request to a stand-in server;
the series language and glossary apply to every job."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from subtitler.gui.dialogs.settings_dialog import SettingsDialog
from subtitler.gui.settings import KEYRING_SERVICE, KEYRING_USER, AppSettings, KeyStore, memory_keyring

from .app_fixtures import make_app, settings_file, shot  # noqa: F401 (fixtures)
from tests.support.glm_server import GlmServer

SECRET = "sk-test-0123456789abcdef"


def test_settings_persist_and_the_key_goes_to_the_keyring(make_app, settings_file, tmp_path):
    app = make_app()
    assert app.engine() == "local"
    dlg = app.open_settings()
    assert isinstance(dlg, SettingsDialog)
    dlg.engine_glm.setChecked(True)
    dlg.api_key.clear()
    QTest.keyClicks(dlg.api_key, SECRET)
    dlg.base_url.setCurrentText("https://api.z.ai/api")
    dlg.concurrency.setValue(12)
    dlg.language.setCurrentIndex(dlg.language.findData("zh"))  # shown by name, stored as a code
    assert dlg.language.currentText() == "Chinese (Simplified)"
    dlg.profile.setCurrentIndex(dlg.profile.findData("netflix-zh"))
    dlg.parallel.setValue(2)
    dlg.output_dir.setText(str(tmp_path / "subs"))
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt in ("srt", "ass"))
    dlg.local_model.setEditText("small")
    dlg.accept()
    # applied at once
    assert app.engine() == "glm"
    assert not app.window.engine_notice.isVisible()
    assert app.queue.max_files == 2
    assert app.panel.language_code() == "zh" and app.panel.language.currentText() == "Chinese (Simplified)"
    # the key is in the keyring, never in the settings file
    assert memory_keyring()[(KEYRING_SERVICE, KEYRING_USER)] == SECRET
    app.save_state()
    ini = settings_file.read_text("utf-8")
    assert SECRET not in ini and "sk-test" not in ini
    assert "api.z.ai" in ini
    # a new app (next launch) reads everything back
    s = AppSettings.load(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert (s.engine, s.base_url, s.concurrency, s.language, s.profile, s.parallel_files) == \
        ("glm", "https://api.z.ai/api", 12, "zh", "netflix-zh", 2)
    assert s.output_dir == str(tmp_path / "subs") and s.formats == ["srt", "ass"] and s.local_model == "small"
    again = make_app()
    assert again.engine() == "glm" and again.settings_ctl.api_key() == SECRET
    opts = again.options_for(again.model.jobs()[0] if again.model.jobs() else None)
    assert opts.engine == "glm" and opts.language == "zh" and opts.profile == "netflix-zh"
    assert opts.glm_settings.concurrency == 12 and opts.glm_settings.api_key.reveal() == SECRET
    assert SECRET not in repr(opts.glm_settings)
    # clearing the key removes it from the keyring; the local engine takes over, with the notice
    dlg = again.open_settings()
    dlg.api_key.clear()
    dlg.accept()
    assert (KEYRING_SERVICE, KEYRING_USER) not in memory_keyring()
    assert again.engine() == "local" and again.window.engine_notice.isVisible()


def test_keystore_never_touches_the_os_keyring_under_tests(monkeypatch):
    import keyring

    def forbidden(*a, **k):
        raise AssertionError("the OS keyring was used")

    monkeypatch.setattr(keyring, "set_password", forbidden)
    monkeypatch.setattr(keyring, "get_password", forbidden)
    store = KeyStore()
    assert not store.use_os
    store.set("abc")
    assert store.get() == "abc"
    store.delete()
    assert store.get() == ""


def test_bad_base_url_is_refused_in_the_dialog(make_app):
    app = make_app()
    dlg = app.open_settings()
    dlg.engine_glm.setChecked(True)
    dlg.base_url.setCurrentText("http://example.com/api")  # clear-text http to a remote host
    dlg.accept()
    assert dlg.isVisible() and "https" in dlg.key_status.text()
    assert app.settings.base_url != "http://example.com/api"
    dlg.reject()


def test_test_key_makes_one_request(make_app, qtbot):
    app = make_app()
    with GlmServer(scale=0.01) as server:
        dlg = app.open_settings()
        dlg.engine_glm.setChecked(True)
        dlg.base_url.setCurrentText(server.base_url)
        dlg.api_key.setText(server.config.api_key)
        with qtbot.waitSignal(dlg.keyTested, timeout=20000) as good:
            QTest.mouseClick(dlg.test_button, Qt.MouseButton.LeftButton)
        assert good.args[0] is True, good.args[1]
        assert "✓" in dlg.key_status.text()
        assert server.counters.requests >= 1
        dlg.api_key.setText("wrong-key")
        with qtbot.waitSignal(dlg.keyTested, timeout=20000) as bad:
            dlg.test_key()
        assert bad.args[0] is False
        assert "✗" in dlg.key_status.text()
        assert "wrong-key" not in bad.args[1]
        dlg.reject()


def test_series_language_and_glossary_apply_to_jobs(make_app, tmp_path, settings_file):
    app = make_app(key="k-1")
    glossary = tmp_path / "terms.txt"
    glossary.write_text("# names\nNyquist\nAliasing\n\nNyquist\n", "utf-8")
    app.panel.glossary.setText(str(glossary))
    app.panel.glossary.editingFinished.emit()
    assert app.panel.glossary_info.text() == "2 terms"
    app.panel.language.setCurrentIndex(app.panel.language.findData("en"))
    opts = app.options_for(None)
    assert opts.language == "en"
    assert opts.glm_settings.hotwords == ["Nyquist", "Aliasing"]
    s = AppSettings.load(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert s.hotwords_file == str(glossary) and s.language == "en"
    # an unreadable glossary fails the job with a sentence rather than crashing
    app.set_glossary(str(tmp_path / "missing.txt"))
    assert "unreadable" in app.panel.glossary_info.text()


# -- no keyring, and a key from the environment (issue 21, defect 8) ----------------------------------
def no_os_keyring(monkeypatch) -> KeyStore:
    """A key store over the OS keyring of a machine that has none (keyring's ``fail`` backend raises
    NoKeyringError on every call; the user's real keyring is never touched)."""
    import keyring.core
    from keyring.backends import fail

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    return KeyStore(use_os_keyring=True)


def press_ok(dlg) -> None:
    ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def dialog_text(dlg) -> str:
    return "\n".join([w.text() for w in dlg.findChildren(QLabel)] + [w.placeholderText() for w in
                                                                      dlg.findChildren(QLineEdit)])


def test_without_a_keyring_the_key_is_kept_for_the_session(make_app, settings_file, monkeypatch, qtbot, tmp_path):
    """Without an OS keyring, OK did nothing: neither the key nor the base URL was saved, and nothing
    mentioned ZHIPUAI_API_KEY. Now the key is used for the session, the user is told how to keep
    it, and every other setting is saved."""
    app = make_app(store=no_os_keyring(monkeypatch))
    app.window.actions["settings"].trigger()
    dlg = app.dialogs[-1]
    assert isinstance(dlg, SettingsDialog)
    status = dlg.key_status.text()
    assert "ZHIPUAI_API_KEY" in status and "session only" in status and "no keyring service" in status
    assert "Error" not in status  # no exception class names
    dlg.engine_glm.setChecked(True)
    QTest.keyClicks(dlg.api_key, SECRET)
    dlg.base_url.setCurrentText("https://api.z.ai/api")
    press_ok(dlg)
    assert not dlg.isVisible(), dlg.key_status.text()
    # the key is in use, the other settings are saved, the key is not
    assert app.engine() == "glm" and app.settings_ctl.api_key() == SECRET
    assert app.options_for(None).glm_settings.api_key.reveal() == SECRET
    app.save_state()
    ini = settings_file.read_text("utf-8")
    assert "api.z.ai" in ini and SECRET not in ini
    assert memory_keyring() == {}
    # the user is told how to keep it
    bar = app.window.message_bar
    assert bar.isVisible() and "session only" in bar.text() and "ZHIPUAI_API_KEY" in bar.text()
    # never in a log, a message or a file of the app
    for f in tmp_path.rglob("*"):
        if f.is_file():
            assert SECRET.encode() not in f.read_bytes(), f
    assert SECRET not in bar.text() and SECRET not in repr(app.settings_ctl.services)
    # Settings again: the session key is there (hidden), with the same advice
    app.window.actions["settings"].trigger()
    again = app.dialogs[-1]
    assert again.api_key.text() == SECRET and again.api_key.echoMode() == QLineEdit.EchoMode.Password
    assert "session only" in again.key_status.text()
    shot(again, "settings-session-key")
    again.reject()


def test_a_key_from_the_environment_is_shown_as_such(make_app, settings_file, monkeypatch, qtbot):
    """With ZHIPUAI_API_KEY set, Settings showed an empty field and the keyring error. Now it says
    the environment's key is in use, by its last three characters only."""
    env_secret = "sk-from-the-environment-0123456789x3f"
    monkeypatch.setenv("ZHIPUAI_API_KEY", env_secret)
    app = make_app(store=no_os_keyring(monkeypatch))
    assert app.engine() == "glm"
    app.window.actions["settings"].trigger()
    dlg = app.dialogs[-1]
    text = dialog_text(dlg)
    assert "Key from ZHIPUAI_API_KEY, ends in …x3f" in dlg.key_status.text()
    assert env_secret not in text and "789x3f" not in text
    assert "keyring" not in dlg.key_status.text()  # the keyring's state does not matter while it is used
    assert "ZHIPUAI_API_KEY" in dlg.api_key.placeholderText() and dlg.api_key.text() == ""
    shot(dlg, "settings-environment-key")
    dlg.base_url.setCurrentText("https://api.z.ai/api")
    press_ok(dlg)
    assert not dlg.isVisible()
    assert app.settings.base_url == "https://api.z.ai/api" and app.settings_ctl.api_key() == env_secret
    assert not app.window.message_bar.isVisible()  # nothing kept for the session: nothing to say
