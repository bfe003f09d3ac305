"""Where the desktop app keeps its settings: a ``QSettings`` INI file for the core's
:class:`~subtitler.core.app.settings.Settings` (the API key lives in the OS keyring, never here)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ..core.foundation.secrets import (  # noqa: F401 - re-exported for the window and dialogs
    KEYRING_SERVICE, KEYRING_USER, NO_KEYRING_ENV, KeyStore, env_key, memory_keyring)
from ..core.app.settings import (  # noqa: F401 - re-exported for the window and dialogs
    DEFAULT_GLM_MODEL, INTERNATIONAL_URL, LANGUAGES, MAINLAND_URL, NAME_PATTERNS, Settings)

ORG_NAME = "subtitler"
APP_NAME = "subtitler"

AppSettings = Settings  # the app's name for the core settings


def user_settings() -> QSettings:
    """The real per-user settings store (INI format on every platform: readable, diffable)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)
