"""The way out of "the offline model knows English only" (issue 9): download a multilingual model
from the app, with progress and cancel, or choose a model folder (offline). The download is real
HTTP (huggingface_hub) against a stand-in Hub on 127.0.0.1 serving a tiny fake multilingual repo."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialogButtonBox

from subtitler.gui.dialogs.settings_dialog import SettingsDialog
from tests.support.hub_server import COMMIT, HubServer

from .app_fixtures import copy_media, make_app, settings_file, shot  # noqa: F401 (fixtures)
from .test_i18n import _english_words, chinese  # noqa: F401 (fixture)

FIX = Path(__file__).resolve().parents[1] / "fixtures"
REPO = "Systran/faster-whisper-small"  # what faster-whisper's name "small" is fetched from


def fake_multilingual_model(folder: Path, size: int = 3 * 1024 * 1024) -> Path:
    """A faster-whisper folder as the Hub holds one: config, weights (dummy bytes, never loaded)
    and a multilingual vocabulary (51,865 tokens)."""
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps({"alignment_heads": [], "lang_ids": []}), "utf-8")
    (folder / "model.bin").write_bytes(bytes(range(256)) * (size // 256))
    (folder / "vocabulary.txt").write_text("\n".join(f"tok{i}" for i in range(51865)), "utf-8")
    return folder


@pytest.fixture
def hub(tmp_path, monkeypatch):
    import huggingface_hub.constants as hf_constants

    server = HubServer().serve(REPO, fake_multilingual_model(tmp_path / "repo")).start()
    monkeypatch.setenv("HF_ENDPOINT", server.url)  # read by fetch_model when it is called
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(hf_constants, "HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    yield server
    server.stop()


def _dialog(app) -> SettingsDialog:
    return next(d for d in app.dialogs if isinstance(d, SettingsDialog))


def test_the_english_only_refusal_downloads_small_with_progress_in_chinese(chinese, hub, make_app, qtbot, tmp_path):
    app = make_app(engine="local", language="zh", auto_start=False)
    wav = copy_media(FIX / "speech_zh.wav", tmp_path / "media", "第1讲.wav")
    assert app.add_paths([wav]) == []  # refused: the built-in model knows English only
    bar = app.window.message_bar.text()
    assert "href='download-model'" in bar and not _english_words(re.sub(r"<a href='[^']*'>", "", bar)), bar
    app.window.message_bar.label.linkActivated.emit("download-model")
    dlg = _dialog(app)
    assert dlg.engine_local.isChecked() and dlg.chosen_local_model() == "small"
    assert dlg.downloading() and dlg.download_progress.isVisible() and dlg.download_cancel.isVisible()
    assert dlg.model_hint.text() == "正在下载模型 small…"
    values: list[int] = []
    dlg.download_progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(dlg.modelReady, timeout=60000) as ready:
        pass
    outcome, folder = ready.args
    assert outcome == "ok", folder
    assert folder.multilingual and (folder.path / "model.bin").stat().st_size == 3 * 1024 * 1024
    assert str(folder.path).startswith(str(tmp_path / "hf-cache"))
    assert any(m == "GET" and p.endswith(f"/resolve/{COMMIT}/model.bin") for m, p in hub.requests)
    assert values and values == sorted(values) and values[-1] == 1000  # steady, never backwards, to 100 %
    assert dlg.download_progress.value() == 1000 and not dlg.download_cancel.isVisible()
    assert dlg.model_hint.text().startswith("✓ 模型已就绪")
    dlg.resize(1280, 720)
    shot(dlg, "zh-settings-model-downloaded")
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert app.settings.local_model == "small" and app.settings.engine == "local"
    assert [j.source for j in app.model.jobs()] == [wav]  # the refused file is queued now


def test_a_download_can_be_cancelled(hub, make_app, qtbot):
    app = make_app(engine="local")
    dlg = app.open_settings()
    dlg.local_model.setCurrentIndex(dlg.local_model.findData("small"))
    assert dlg.download_button.isEnabled()
    with qtbot.waitSignal(dlg.modelReady, timeout=60000) as ready:
        dlg.download_button.click()
        dlg.download_cancel.click()  # at once: stops at the next block, or before the folder is handed back
    assert ready.args[0] == "cancelled"
    assert "cancelled" in dlg.model_hint.text() and not dlg.download_progress.isVisible()
    assert dlg.download_button.isEnabled() and dlg.local_model.isEnabled() and not dlg.downloading()
    dlg.reject()


def test_closing_settings_stops_a_download(hub, make_app, qtbot):
    app = make_app(engine="local")
    dlg = app.open_settings()
    assert dlg.download_model("small")
    task = dlg.local_box._download
    dlg.reject()  # closed mid-download: the worker is told to stop
    assert task.token.cancelled
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=60000)


def test_a_model_folder_is_checked_offline(make_app, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing answers there
    folder = fake_multilingual_model(tmp_path / "my-model")
    app = make_app(engine="local")
    dlg = app.open_settings()
    dlg.local_model.setEditText(str(folder))
    assert not dlg.download_button.isEnabled()  # nothing to download for a folder
    with qtbot.waitSignal(dlg.modelReady, timeout=30000) as ready:
        assert dlg.download_model(str(folder))  # the same check, offline
    assert ready.args[0] == "ok" and ready.args[1].path == folder and ready.args[1].multilingual
    dlg.reject()


def test_a_failed_download_says_why(make_app, qtbot, tmp_path, monkeypatch):
    import huggingface_hub.constants as hf_constants

    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    monkeypatch.setattr(hf_constants, "HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    app = make_app(engine="local")
    dlg = app.open_settings()
    with qtbot.waitSignal(dlg.modelReady, timeout=120000) as ready:
        dlg.download_model("base")
    assert ready.args[0] == "failed"
    hint = dlg.model_hint.text()
    assert hint.startswith("✗ cannot download the model 'base'"), hint
    # issue 21, defect 10b: why, in words; no exception class name (LocalEntryNotFoundError)
    assert "no connection to the download site" in hint and "Error" not in hint, hint
    dlg.reject()
