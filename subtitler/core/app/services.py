"""Application services shared by the CLI, the queue and the editor: which engine a run uses, with
which settings and which API key — decided here, once.

**API key lookup order** (the one order, for every front):

1. ``$ZHIPUAI_API_KEY`` — a per-run override (shells, CI, a one-off key);
2. the key the app stored in the OS keyring (Settings ▸ API key; :class:`~.secrets.KeyStore`);
3. none: ``auto`` runs on the local engine; an explicit ``glm`` run fails with an authentication
   error from the engine.

**Engine choice**: ``local`` is local; ``glm`` is GLM-ASR (strict: the command line's
``--engine glm``); ``auto`` is GLM-ASR when a key is found, else local. The app's setting
"GLM-ASR" means ``auto`` (it falls back to local, with a notice, while no key is configured).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence

from ..engines import ENGINE_NAMES, Engine, create_engine
from ..foundation.errors import Reason, UsageError
from .jobs import TranscribeOptions
from ..foundation.secrets import KeyStore, find_api_key
from .settings import Settings

if TYPE_CHECKING:
    from ..engines.glm_settings import GlmSettings

__all__ = ["EngineService", "resolve_engine_name"]


def resolve_engine_name(requested: str, key: str) -> str:
    """``"glm"`` or ``"local"`` for a requested ``auto``/``glm``/``local`` and the key found."""
    if requested not in ENGINE_NAMES:
        raise UsageError(Reason("engine.unknown", name=requested, choices="auto, local or glm"))
    if requested == "auto":
        return "glm" if key else "local"
    return requested


class EngineService:
    """Engine, settings and key resolution for one front (app, CLI or editor).

    ``settings`` are the user's; ``store`` the key store (the OS keyring by default). The key is
    read once and cached; :meth:`forget_key` re-reads it (after the settings dialog saved one)."""

    def __init__(self, settings: Optional[Settings] = None, store: Optional[KeyStore] = None, *,
                 hotwords: Optional[Sequence[str]] = None, glm_extra: Optional[dict[str, Any]] = None) -> None:
        self.settings = settings or Settings()
        self.store = store if store is not None else KeyStore()
        self.hotwords = list(hotwords) if hotwords is not None else None  # None: from settings.hotwords_file
        self.glm_extra = dict(glm_extra or {})  # more GlmSettings fields (CLI: context, cache_dir, ...)
        self._key: Optional[str] = None

    def __repr__(self) -> str:
        return f"EngineService(engine={self.settings.engine!r}, store={self.store!r})"

    # -- key ------------------------------------------------------------------------------------
    def api_key(self) -> str:
        """The GLM-ASR key in the documented order (environment, then keyring); "" when none."""
        if self._key is None:
            self._key = find_api_key(self.store)
        return self._key

    def forget_key(self) -> None:
        self._key = None

    # -- engine ---------------------------------------------------------------------------------
    def requested_engine(self) -> str:
        """The settings' engine as a request: the app's "glm" preference is ``auto``."""
        return "auto" if self.settings.engine == "glm" else self.settings.engine

    def engine_name(self, requested: Optional[str] = None) -> str:
        """``"glm"`` or ``"local"``: what a run started now uses."""
        return resolve_engine_name(requested or self.requested_engine(), self.api_key())

    def glossary(self) -> list[str]:
        if self.hotwords is not None:
            return list(self.hotwords)
        path = self.settings.hotwords_file.strip()
        if not path:
            return []
        from ..engines.glm_settings import load_hotwords

        return load_hotwords(path)

    def glm_settings(self, key: Optional[str] = None, **extra: Any) -> "GlmSettings":
        """GLM-ASR settings from the user's settings, the key and the glossary (UsageError for a
        bad base URL or concurrency)."""
        from ..engines.glm_settings import DEFAULT_MODEL, GlmSettings

        s = self.settings
        fields = {"api_key": self.api_key() if key is None else key, "base_url": s.base_url,
                  "model": s.glm_model or DEFAULT_MODEL, "concurrency": s.concurrency, "stream": s.stream,
                  "hotwords": self.glossary(), **self.glm_extra, **extra}
        return GlmSettings(**fields)

    def options(self, requested: Optional[str] = None, *, language: Optional[str] = None,
                profile: Optional[str] = None) -> TranscribeOptions:
        """The options a job (or a re-transcription) starts with; the engine name is resolved
        ("glm" or "local"), never "auto"."""
        s = self.settings
        engine = self.engine_name(requested)
        glm = self.glm_settings() if engine == "glm" else None
        prof = s.profile if profile is None else profile
        return TranscribeOptions(engine=engine, model=s.local_model or None,
                                 language=(language if language is not None else s.language) or "auto",
                                 profile=None if prof in ("", "auto") else prof, glm_settings=glm,
                                 zh=s.zh_style(), pro_timing=s.pro_timing())

    def create_engine(self, options: Optional[TranscribeOptions] = None) -> Engine:
        options = options or self.options()
        return create_engine(options.engine, model=options.model, glm_settings=options.glm_settings)

    def with_settings(self, settings: Settings) -> "EngineService":
        """A service over other settings, same key store (the key is re-read)."""
        return EngineService(settings, self.store, hotwords=self.hotwords, glm_extra=self.glm_extra)


def cli_settings(*, engine: str, model: Optional[str], language: str, profile: str,
                 base_url: Optional[str], concurrency: Optional[int], stream: bool,
                 hotwords_file: Optional[Path]) -> Settings:
    """The command line's flags as :class:`Settings` (the CLI keeps no settings file)."""
    base = Settings()
    return dataclasses.replace(
        base, engine="local" if engine == "local" else "glm", local_model=model or "", language=language or "auto",
        profile=profile or "auto", base_url=base_url or base.base_url,
        concurrency=base.concurrency if concurrency is None else concurrency, stream=stream,
        hotwords_file=str(hotwords_file) if hotwords_file else "")
