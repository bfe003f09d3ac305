"""One media file end to end: probe → extract → detect speech → chunk → engine → timing → rules
→ document; and writing the chosen formats. Progress events throughout; cancellable."""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

from . import formats
from .document import Cue, Document
from .engines import Engine, create_engine
from .errors import NoSpeechError, OutputError, OutputExistsError
from .media import MediaInfo, extract_audio, load_wav, samples_to_ms
from .progress import CancelToken, Progress, ProgressCallback, ensure_token, no_progress
from .rules import fix_timing, get_profile
from .speech import Chunk, Region, VadSettings, detect_speech, make_chunks
from .timing import cues_for_chunk, join_texts
from .zh import ZhStyle, finish_text, prepare_text


@dataclass
class TranscribeOptions:
    engine: str = "auto"  # auto | local | glm
    model: Optional[str] = None
    language: str = "auto"
    profile: Optional[str] = None  # None/"auto": by script
    glm_settings: Any = None
    vad: VadSettings = field(default_factory=VadSettings)
    zh: ZhStyle = field(default_factory=ZhStyle)  # Chinese text: punctuation, script, Latin spacing

    def make_engine(self) -> Engine:
        return create_engine(self.engine, model=self.model, glm_settings=self.glm_settings)


@dataclass
class JobResult:
    source: Path
    info: MediaInfo
    document: Document
    engine: str
    regions: list[Region]
    chunks: int
    failed_chunks: int
    flagged_cues: int
    elapsed_s: float
    language: str = ""

    @property
    def audio_ms(self) -> int:
        return self.info.duration_ms


def transcribe_file(
    path: Path | str,
    options: TranscribeOptions = TranscribeOptions(),
    *,
    engine: Optional[Engine] = None,
    on_progress: ProgressCallback = no_progress,
    cancel: Optional[CancelToken] = None,
) -> JobResult:
    path = Path(path)
    cancel = ensure_token(cancel)
    t0 = time.perf_counter()
    on_progress(Progress("probe", 0.0, "reading media"))
    engine = engine or options.make_engine()
    with tempfile.TemporaryDirectory(prefix="subtitler-") as tmp:
        wav = Path(tmp) / "audio.wav"
        info = extract_audio(path, wav, on_progress=on_progress, cancel=cancel)
        pcm = load_wav(wav)
    if len(pcm) == 0:
        raise NoSpeechError(f"{path.name}: the audio track is empty.")
    cancel.check()
    regions = detect_speech(pcm, options.vad, on_progress=on_progress, cancel=cancel)
    if not regions:
        raise NoSpeechError(f"{path.name}: no speech found (silence only?); no subtitles written.")
    chunks = chunks_for(engine, pcm, regions)
    on_progress(Progress("transcribe", 0.0, f"transcribing {len(chunks)} pieces", 0, len(chunks)))
    language = None if options.language in ("", "auto") else options.language
    results = engine.transcribe(chunks, language=language, on_progress=on_progress, cancel=cancel)
    on_progress(Progress("timing", 0.0, "timing cues"))
    profile = replace(get_profile(options.profile, join_texts(results)), zh_punct=options.zh.punct)
    raw: list[Cue] = []
    for chunk, result in zip(chunks, results):
        raw.extend(cues_for_chunk(chunk, result, profile))
    # Chinese conventions: what changes the width before timing and line breaking, the punctuation after
    raw = [replace(c, text=prepare_text(c.text, options.zh)) for c in raw]
    cues = fix_timing(raw, profile, media_end_ms=max(info.duration_ms, samples_to_ms(len(pcm))))
    cues = [replace(c, text=finish_text(c.text, options.zh)) for c in cues]
    detected = next((r.language for r in results if r.language), "")
    doc = Document(cues, media_path=str(path.resolve()), language=language or detected, profile=profile.name,
                   meta={"zh": options.zh.to_dict()})
    doc.mark_saved()
    on_progress(Progress("done", 1.0, f"{len(cues)} cues"))
    return JobResult(
        source=path, info=info, document=doc, engine=engine.name, regions=regions, chunks=len(chunks),
        failed_chunks=sum(1 for r in results if r.error), flagged_cues=sum(1 for c in cues if c.flag),
        elapsed_s=time.perf_counter() - t0, language=doc.language,
    )


def chunks_for(engine: Engine, pcm: np.ndarray, regions: list[Region]) -> list[Chunk]:
    """The engine's chunks of this audio: packed to its limit, or to the target length of its
    ``chunk_plan(total_speech_ms, audio_key)`` hint when it has one (total: first to last speech;
    the key names this audio and its speech, so the engine can keep its plan for re-runs)."""
    plan = getattr(engine, "chunk_plan", None)
    target = None
    if plan is not None and regions:
        h = hashlib.sha256(np.ascontiguousarray(pcm, dtype=np.int16).data)  # 2 h of audio: ~0.15 s
        h.update(json.dumps([engine.max_chunk_ms, engine.margin_ms, [(r.start_ms, r.end_ms) for r in regions]])
                 .encode("ascii"))
        target = plan(regions[-1].end_ms - regions[0].start_ms, audio_key=h.hexdigest())
    return make_chunks(pcm, regions, engine.max_chunk_ms, engine.margin_ms, target_ms=target)


def planned_outputs(source: Path, outdir: Optional[Path], fmts: Sequence[str], pattern: str = "{stem}.{ext}",
                    lang: str = "") -> list[Path]:
    return [formats.output_path(source, outdir, f, pattern, lang) for f in fmts]


def check_outputs(paths: Sequence[Path], overwrite: bool) -> None:
    """Fail early (before any transcription) when outputs exist or the folder is not writable."""
    for p in paths:
        if p.exists() and not overwrite:
            raise OutputExistsError(f"{p} already exists; not replaced (use --overwrite to replace it).")
    for folder in {p.parent for p in paths}:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            raise OutputError(f"cannot write to {folder}: {exc.strerror or exc}.") from None


def write_outputs(document: Document, source: Path, outdir: Optional[Path], fmts: Sequence[str], *,
                  overwrite: bool = False, pattern: str = "{stem}.{ext}") -> list[Path]:
    """Write every format; if one fails, the ones written in this call are removed again."""
    paths = planned_outputs(source, outdir, fmts, pattern, document.language)
    check_outputs(paths, overwrite)
    written: list[Path] = []
    try:
        for fmt, p in zip(fmts, paths):
            written.append(formats.export(document.cues, p, fmt, overwrite=overwrite))
    except OutputError:
        if not overwrite:
            for p in written:
                p.unlink(missing_ok=True)
        raise
    return written
