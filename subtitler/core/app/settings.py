"""The user's preferences as a plain dataclass, Qt-free: loaded from / saved to any key-value
store with the ``QSettings`` shape (``contains``/``value``/``setValue``/``sync``); the desktop app
passes a ``QSettings`` INI file, tests and the CLI may pass a :class:`MemoryStore`.

The GLM-ASR API key is never a setting (see :mod:`subtitler.core.foundation.secrets`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Optional, Protocol

from ..timing.beautify import PRESETS
from ..engines.glm_settings import DEFAULT_MODEL as DEFAULT_GLM_MODEL
from ..engines.glm_settings import INTERNATIONAL_URL, MAINLAND_URL
from ..document.formats import FORMATS
from ..text.languages import normalise_language
from ..timing.pro_timing import ProTimingOptions
from ..media.shots import DEFAULT_SENSITIVITY
from ..text.zh import ZhStyle

log = logging.getLogger(__name__)

NAME_PATTERNS = ("{stem}.{ext}", "{stem}.{lang}.{ext}")
LANGUAGES = ("auto", "en", "zh", "ja", "ko", "fr", "de", "es", "it", "pt", "ru", "ar", "hi")
DEFAULT_MEDIA_CACHE_MB = 2048
UI_LANGUAGES = ("auto", "en", "zh_CN")  # the app's translations (gui/i18n); "auto": the system's

__all__ = ["DEFAULT_GLM_MODEL", "DEFAULT_MEDIA_CACHE_MB", "INTERNATIONAL_URL", "LANGUAGES", "MAINLAND_URL",
           "NAME_PATTERNS", "UI_LANGUAGES", "MemoryStore", "Settings", "SettingsStore"]


class SettingsStore(Protocol):
    """What :class:`Settings` needs of a store (``QSettings`` has it)."""

    def contains(self, key: str) -> bool: ...

    def value(self, key: str) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...

    def sync(self) -> None: ...


class MemoryStore:
    """A dict-backed :class:`SettingsStore` (tests, command-line runs)."""

    def __init__(self, values: Optional[dict[str, Any]] = None) -> None:
        self.values: dict[str, Any] = dict(values or {})

    def contains(self, key: str) -> bool:
        return key in self.values

    def value(self, key: str) -> Any:
        return self.values.get(key)

    def setValue(self, key: str, value: Any) -> None:
        self.values[key] = value

    def sync(self) -> None:
        """Nothing to flush."""


@dataclass
class Settings:
    """Everything the user chooses once: engine, GLM-ASR service, language, outputs, queue."""

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
    media_cache_mb: int = DEFAULT_MEDIA_CACHE_MB  # decoded audio kept for the editor (LRU, this cap)
    zh_punct: str = "netflix"  # Chinese subtitles (core.text.zh.ZhStyle): punctuation style, script, Latin spacing
    zh_script: str = "keep"
    zh_latin_space: bool = False
    ui_language: str = "auto"  # the app's own language: "auto" (the system's), "en" or "zh_CN"
    beautify_preset: str = "netflix"  # video: Beautify timing (core.timing.beautify PRESETS) or "off"
    shot_changes: bool = True  # video: detect shot changes for Beautify
    shot_sensitivity: int = int(DEFAULT_SENSITIVITY)  # 0..100, higher finds more cuts
    # series delivery (the export dialog remembers these): translation, bilingual files, burned-in video
    translate_to: str = ""  # a language code; "": no translation
    translate_model: str = "glm-4.5-flash"  # the GLM chat model (same key and base URL as GLM-ASR)
    bilingual: bool = False
    bilingual_order: str = "orig-first"  # or "translation-first"
    burn_in: bool = False
    burn_quality: str = "balanced"  # fast | balanced | high (core.media.ffmpeg.BURN_PRESETS)

    # -- persistence --------------------------------------------------------------------------
    @classmethod
    def load(cls, store: SettingsStore) -> "Settings":
        s = cls()
        for f in fields(cls):
            key = f"app/{f.name}"
            if not store.contains(key):
                continue
            default = getattr(s, f.name)
            raw = store.value(key)
            try:
                setattr(s, f.name, _convert(raw, default))
            except (TypeError, ValueError):
                log.warning("ignoring bad setting %s=%r", key, raw)
        s.normalise()
        return s

    def save(self, store: SettingsStore) -> None:
        self.normalise()
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                value = ",".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            store.setValue(f"app/{f.name}", value)
        store.sync()

    def normalise(self) -> None:
        if self.engine not in ("glm", "local"):
            self.engine = "glm"
        self.concurrency = max(1, min(50, int(self.concurrency)))
        self.parallel_files = max(1, min(8, int(self.parallel_files)))
        self.media_cache_mb = max(0, int(self.media_cache_mb))
        self.formats = [f for f in self.formats if f in FORMATS] or ["srt"]
        self.language = normalise_language(self.language)  # "zh-CN", "中文" → "zh"; empty → "auto"
        self.name_pattern = (self.name_pattern or "{stem}.{ext}").strip() or "{stem}.{ext}"
        if self.ui_language not in UI_LANGUAGES:
            self.ui_language = "auto"
        if self.beautify_preset not in (*PRESETS, "off"):
            self.beautify_preset = "netflix"
        self.shot_sensitivity = max(0, min(100, int(self.shot_sensitivity)))
        if self.bilingual_order not in ("orig-first", "translation-first"):
            self.bilingual_order = "orig-first"
        if self.burn_quality not in ("fast", "balanced", "high"):
            self.burn_quality = "balanced"
        self.translate_model = self.translate_model.strip() or "glm-4.5-flash"
        self.translate_to = self.translate_to.strip()
        style = ZhStyle.from_dict({"punct": self.zh_punct, "script": self.zh_script})  # bad values: defaults
        self.zh_punct, self.zh_script = style.punct, style.script

    def zh_style(self) -> ZhStyle:
        return ZhStyle(self.zh_punct, self.zh_script, self.zh_latin_space)

    def pro_timing(self) -> ProTimingOptions:
        """Frame-accurate timing, shot changes and Beautify for the queue's video jobs."""
        return ProTimingOptions(enabled=self.beautify_preset != "off", shot_changes=self.shot_changes,
                                sensitivity=float(self.shot_sensitivity),
                                preset=None if self.beautify_preset == "off" else self.beautify_preset)

    def output_path(self) -> Optional[Path]:
        return Path(self.output_dir).expanduser() if self.output_dir.strip() else None


def _convert(raw: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return str(raw).strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, list):
        if isinstance(raw, (list, tuple)):
            return [str(x).strip() for x in raw if str(x).strip()]
        return [x.strip() for x in str(raw or "").split(",") if x.strip()]
    return "" if raw is None else str(raw)
