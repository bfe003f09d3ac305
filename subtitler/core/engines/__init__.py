"""Recognisers behind one interface (base.Engine): the local faster-whisper engine and GLM-ASR."""

from __future__ import annotations

from typing import Any, Optional

from ..errors import UsageError
from .base import ChunkResult, Engine, Segment, Word

ENGINE_NAMES = ("auto", "local", "glm")


def create_engine(name: str = "auto", *, model: Optional[str] = None, glm_settings: Any = None) -> Engine:
    """``auto`` picks GLM-ASR when an API key is configured, the local engine otherwise."""
    if name not in ENGINE_NAMES:
        raise UsageError(f"unknown engine '{name}' (choose local or glm).")
    if name in ("auto", "glm"):
        from . import glm

        settings = glm_settings or glm.GlmSettings()
        if name == "glm" or settings.has_key():
            return glm.GlmEngine(settings)
    from .local import LocalEngine

    return LocalEngine(model)


__all__ = ["ChunkResult", "Engine", "Segment", "Word", "create_engine", "ENGINE_NAMES"]
