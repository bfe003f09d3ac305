"""The app's settings (QSettings) and the GLM-ASR API key (OS keyring, never a settings file).

``AppSettings`` is a plain dataclass loaded from / saved to a ``QSettings`` object the caller
passes in (tests use an INI file in a temp folder, so they never touch real user settings).
``KeyStore`` keeps the API key in the OS keyring through the ``keyring`` package; with
``SUBTITLER_NO_KEYRING`` set it uses an in-memory store instead (tests, CI, sandboxes).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings

from ..core.formats import FORMATS

log = logging.getLogger(__name__)

ORG_NAME = "subtitler"
APP_NAME = "subtitler"
KEYRING_SERVICE = "subtitler"
KEYRING_USER = "glm-asr-api-key"
NO_KEYRING_ENV = "SUBTITLER_NO_KEYRING"

MAINLAND_URL = "https://open.bigmodel.cn/api"
INTERNATIONAL_URL = "https://api.z.ai/api"
DEFAULT_GLM_MODEL = "glm-asr-2512"
NAME_PATTERNS = ("{stem}.{ext}", "{stem}.{lang}.{ext}")
LANGUAGES = ("auto", "en", "zh", "ja", "ko", "fr", "de", "es", "it", "pt", "ru", "ar", "hi")

try:  # the GLM engine's own constants when present (another module's; read defensively)
    from ..core.engines import glm_settings as _gs

    MAINLAND_URL = getattr(_gs, "MAINLAND_URL", MAINLAND_URL)
    INTERNATIONAL_URL = getattr(_gs, "INTERNATIONAL_URL", INTERNATIONAL_URL)
    DEFAULT_GLM_MODEL = getattr(_gs, "DEFAULT_MODEL", DEFAULT_GLM_MODEL)
except ImportError:  # pragma: no cover - the GLM engine is optional for the window
    _gs = None


def user_settings() -> QSettings:
    """The real per-user settings store (INI format on every platform: readable, diffable)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


@dataclass
class AppSettings:
    engine: str = "glm"  # "glm" | "local"; GLM-ASR is used only when an API key is configured
    base_url: str = MAINLAND_URL
    glm_model: str = DEFAULT_GLM_MODEL
    concurrency: int = 5  # GLM-ASR requests in flight per file
    stream: bool = True  # GLM-ASR streaming: live text preview
    language: str = "auto"
    profile: str = "auto"
    local_model: str = ""  # "": the offline tiny.en pack; else a faster-whisper name or folder
    output_dir: str = ""  # "": next to each source file
    formats: list[str] = field(default_factory=lambda: ["srt"])
    name_pattern: str = "{stem}.{ext}"
    overwrite: bool = False
    parallel_files: int = 1  # files transcribed at the same time
    hotwords_file: str = ""  # the series glossary (one term a line)
    auto_start: bool = True

    # -- persistence --------------------------------------------------------------------------
    @classmethod
    def load(cls, qs: QSettings) -> "AppSettings":
        s = cls()
        for f in fields(cls):
            key = f"app/{f.name}"
            if not qs.contains(key):
                continue
            default = getattr(s, f.name)
            raw = qs.value(key)
            try:
                setattr(s, f.name, _convert(raw, default))
            except (TypeError, ValueError):
                log.warning("ignoring bad setting %s=%r", key, raw)
        s.normalise()
        return s

    def save(self, qs: QSettings) -> None:
        self.normalise()
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                value = ",".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            qs.setValue(f"app/{f.name}", value)
        qs.sync()

    def normalise(self) -> None:
        if self.engine not in ("glm", "local"):
            self.engine = "glm"
        self.concurrency = max(1, min(50, int(self.concurrency)))
        self.parallel_files = max(1, min(8, int(self.parallel_files)))
        self.formats = [f for f in self.formats if f in FORMATS] or ["srt"]
        self.language = (self.language or "auto").strip() or "auto"
        self.name_pattern = (self.name_pattern or "{stem}.{ext}").strip() or "{stem}.{ext}"

    def output_path(self) -> Optional[Path]:
        return Path(self.output_dir).expanduser() if self.output_dir.strip() else None


def _convert(raw, default):
    if isinstance(default, bool):
        return str(raw).strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, list):
        if isinstance(raw, (list, tuple)):
            return [str(x).strip() for x in raw if str(x).strip()]
        return [x.strip() for x in str(raw or "").split(",") if x.strip()]
    return "" if raw is None else str(raw)


# -- the API key ----------------------------------------------------------------------------------
_MEMORY: dict[tuple[str, str], str] = {}


def memory_keyring() -> dict[tuple[str, str], str]:
    """The in-memory key store used when ``SUBTITLER_NO_KEYRING`` is set (tests read it)."""
    return _MEMORY


class KeyStore:
    """The GLM-ASR API key in the OS keyring (or in memory with ``SUBTITLER_NO_KEYRING``).

    Keyring failures never raise: ``get`` gives "" and ``problem`` says what went wrong, in a
    sentence the settings dialog can show.
    """

    def __init__(self, service: str = KEYRING_SERVICE, user: str = KEYRING_USER,
                 use_os_keyring: Optional[bool] = None) -> None:
        self.service, self.user = service, user
        self.use_os = (not os.environ.get(NO_KEYRING_ENV)) if use_os_keyring is None else use_os_keyring
        self.problem = ""

    @property
    def backend_name(self) -> str:
        if not self.use_os:
            return "in-memory store (SUBTITLER_NO_KEYRING)"
        try:
            import keyring

            return type(keyring.get_keyring()).__name__
        except Exception:  # noqa: BLE001 - any keyring set-up failure just means "none"
            return "none"

    def get(self) -> str:
        if not self.use_os:
            return _MEMORY.get((self.service, self.user), "")
        try:
            import keyring

            return keyring.get_password(self.service, self.user) or ""
        except Exception as exc:  # noqa: BLE001 - keyring backends raise many unrelated types
            self.problem = f"The OS keyring could not be read ({type(exc).__name__})."
            log.warning("keyring read failed: %s", type(exc).__name__)
            return ""

    def set(self, value: str) -> bool:
        value = (value or "").strip()
        if not value:
            return self.delete()
        if not self.use_os:
            _MEMORY[(self.service, self.user)] = value
            return True
        try:
            import keyring

            keyring.set_password(self.service, self.user, value)
            self.problem = ""
            return True
        except Exception as exc:  # noqa: BLE001
            self.problem = (f"The API key could not be stored in the OS keyring ({type(exc).__name__}); "
                            "it is not saved anywhere else.")
            log.warning("keyring write failed: %s", type(exc).__name__)
            return False

    def delete(self) -> bool:
        if not self.use_os:
            _MEMORY.pop((self.service, self.user), None)
            return True
        try:
            import keyring

            keyring.delete_password(self.service, self.user)
        except Exception:  # noqa: BLE001 - "not there" is fine too
            pass
        return True


def env_key() -> str:
    return os.environ.get("ZHIPUAI_API_KEY", "").strip()


def effective_engine(settings: AppSettings, key: str) -> str:
    """"glm" when GLM-ASR is chosen and a key exists; else "local"."""
    return "glm" if settings.engine == "glm" and key else "local"
