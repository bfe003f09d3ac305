"""Fixtures of the desktop-window tests (tests/gui/test_app_*.py): an isolated app per test.

Settings go to an INI file in the test's temp folder (and QSettings' user scope is pointed there
too), the API key to the in-memory keyring (SUBTITLER_NO_KEYRING), logs to a temp folder.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from subtitler.gui.app import SubtitlerApp, get_application
from subtitler.gui.settings import AppSettings, KeyStore, memory_keyring

SHOTS = Path(os.environ.get("SUBTITLER_SHOTS", Path(tempfile.gettempdir()) / "shots"))


@pytest.fixture
def settings_file(tmp_path, monkeypatch) -> Path:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "user-config"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "user-config"))
    monkeypatch.setenv("SUBTITLER_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("SUBTITLER_NO_KEYRING", "1")
    monkeypatch.delenv("ZHIPUAI_API_KEY", raising=False)
    memory_keyring().clear()
    yield tmp_path / "settings.ini"
    memory_keyring().clear()


@pytest.fixture
def make_app(qapp, settings_file, tmp_path):
    """``make_app(key=None, **settings)`` → a SubtitlerApp with its window shown."""
    get_application()
    apps: list[SubtitlerApp] = []

    def factory(key: str | None = None, show: bool = True, hooks: bool = False, store: KeyStore | None = None,
                **overrides) -> SubtitlerApp:
        """``hooks``: install the global exception hooks (off by default so pytest-qt still
        fails a test on an exception in a slot); ``store``: another key store (say, an OS keyring
        that fails)."""
        qs = QSettings(str(settings_file), QSettings.Format.IniFormat)
        if overrides:
            s = AppSettings.load(qs)
            for k, v in overrides.items():
                setattr(s, k, v)
            s.save(qs)
        store = store if store is not None else KeyStore()
        if key:
            store.set(key)
        app = SubtitlerApp(qs, store, tmp_path / "logs", install_hooks=hooks)
        apps.append(app)
        if show:
            app.window.show()
        return app

    yield factory
    for app in apps:
        app.close()
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            w.close()


def drag_enter(pos, mime: QMimeData) -> QDragEnterEvent:
    """A drag-enter event at ``pos`` (PySide6 6.11 takes a QPoint here, 6.12 a QPointF)."""
    try:
        return QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier)
    except TypeError:
        return QDragEnterEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier)


def drop(widget, paths) -> QDropEvent:
    """A real drag-enter + drop of local file URLs onto ``widget``."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = widget.rect().center()
    enter = drag_enter(pos, mime)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    ev = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)
    return ev


def copy_media(src: Path, dst_dir: Path, name: str | None = None) -> Path:
    dst_dir.mkdir(parents=True, exist_ok=True)
    dst = dst_dir / (name or src.name)
    shutil.copyfile(src, dst)
    return dst


@contextmanager
def glm_app_on_talk(make_app, tmp_path: Path, monkeypatch, *, scale: float) -> Iterator[tuple[SubtitlerApp, Path]]:
    """An app on a GLM-ASR stand-in (answering in ``scale`` × its usual time) that knows the test
    lecture, and a copy of the lecture to add; the engine's cache in ``tmp_path``."""
    from subtitler.core.engines import glm_settings
    from subtitler.core.media.ffmpeg import load_wav
    from tests.support.glm_server import GlmServer

    monkeypatch.setenv("SUBTITLER_CACHE_DIR", str(tmp_path / "glm"))
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    meta = json.loads((fixtures / "speech_en.json").read_text("utf-8"))
    src = tmp_path / "talk.wav"
    shutil.copyfile(fixtures / "speech_en.wav", src)
    with GlmServer(scale=scale) as srv:
        srv.register(load_wav(fixtures / "speech_en.wav"), meta["utterances"])
        yield make_app(key=srv.config.api_key, base_url=srv.base_url, stream=False), src


def pump_deletes(rounds: int = 3) -> None:
    """What the event loop does after a close: posted events, then deferred deletes."""
    for _ in range(rounds):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def shot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path


__all__ = ["make_app", "settings_file", "drop", "copy_media", "shot", "SHOTS", "QPoint", "pump_deletes"]
