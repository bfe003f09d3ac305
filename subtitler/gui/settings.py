"""The app's settings (QSettings) and the GLM-ASR API key (OS keyring, never a settings file).

``AppSettings`` is a plain dataclass loaded from / saved to a ``QSettings`` object the caller
passes in (tests use an INI file in a temp folder, so they never touch real user settings).
``KeyStore`` keeps the API key in the OS keyring through the ``keyring`` package; with
``SUBTITLER_NO_KEYRING`` set it uses an in-memory store instead (tests, CI, sandboxes).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings

from ..core.formats import FORMATS
from ..core.languages import normalise_language
from ..core.zh import ZhStyle
from ..core.secrets import (  # noqa: F401 - re-exported for the window and dialogs
    KEYRING_SERVICE, KEYRING_USER, NO_KEYRING_ENV, KeyStore, env_key, memory_keyring)

log = logging.getLogger(__name__)

ORG_NAME = "subtitler"
APP_NAME = "subtitler"

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
    zh_punct: str = "netflix"  # Chinese subtitles (core.zh.ZhStyle): punctuation style, script, Latin spacing
    zh_script: str = "keep"
    zh_latin_space: bool = False

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
        self.language = normalise_language(self.language)  # "zh-CN", "中文" → "zh"; empty → "auto"
        self.name_pattern = (self.name_pattern or "{stem}.{ext}").strip() or "{stem}.{ext}"
        style = ZhStyle.from_dict({"punct": self.zh_punct, "script": self.zh_script})  # bad values: defaults
        self.zh_punct, self.zh_script = style.punct, style.script

    def zh_style(self) -> ZhStyle:
        return ZhStyle(self.zh_punct, self.zh_script, self.zh_latin_space)

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


# -- the API key: kept by the core (shared with the CLI) ------------------------------------------
def effective_engine(settings: AppSettings, key: str) -> str:
    """"glm" when GLM-ASR is chosen and a key exists; else "local"."""
    return "glm" if settings.engine == "glm" and key else "local"
