"""Recognisers behind one interface (base.Engine): the local faster-whisper engine and GLM-ASR."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..foundation.errors import Reason, UsageError
from .base import ChunkResult, Engine, Segment, Word

if TYPE_CHECKING:
    from .glm_settings import GlmSettings

ENGINE_NAMES = ("auto", "local", "glm")


def create_engine(name: str = "auto", *, model: Optional[str] = None,
                  glm_settings: Optional[GlmSettings] = None) -> Engine:
    """``auto`` picks GLM-ASR when an API key is configured, the local engine otherwise."""
    if name not in ENGINE_NAMES:
        raise UsageError(Reason("engine.unknown", name=name, choices="local or glm"))
    if name in ("auto", "glm"):
        from . import glm

        settings = glm_settings or glm.GlmSettings()
        if name == "glm" or settings.has_key():
            return glm.GlmEngine(settings)
    from .local import LocalEngine

    return LocalEngine(model)


__all__ = ["ChunkResult", "Engine", "Segment", "Word", "create_engine", "ENGINE_NAMES"]
